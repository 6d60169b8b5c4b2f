/** buildReportFor and the views built on it: read a plan year's values and compute the Report (domain). */

import {
  type Breakdown,
  buildBreakdown,
  buildStatusOverview,
  buildUnitReport,
  type StatusOverview,
  type UnitReport,
} from "../domain/breakdown.js";
import { parseCanonicalPeriod, type Quarter, quarterIndex } from "../domain/period.js";
import type { Indicator, Plan, ReportingUnit, Section } from "../domain/plan.js";
import {
  addObservation,
  buildReport,
  buildYearStatus,
  type IndicatorLine,
  type ObservationIndex,
  type Report,
  type StatusLine,
} from "../domain/report.js";
import type { Db } from "../storage/database.js";
import { listPlanYears } from "../storage/plans.js";
import { readValueColumns } from "../storage/values.js";
import { Catalog } from "./catalog.js";
import { UsageError, UserError } from "./errors.js";
import { currentPlan } from "./store.js";
import { targetsOf } from "./targets-report.js";
import { readTaskStates } from "./tasks.js";

/** The plan of the requested year (default: newest), or a UserError naming the loaded years. */
export function requirePlan(db: Db, year?: string | number): Plan {
  const y = year === undefined ? undefined : Number(year);
  if (y !== undefined && !Number.isInteger(y))
    throw new UsageError({
      key: "error.option",
      params: { option: "--year", value: String(year), options: listPlanYears(db).join(", ") },
    });
  const plan = currentPlan(db, y);
  if (!plan) {
    const years = listPlanYears(db);
    if (years.length === 0) throw new UserError({ key: "error.noPlans" });
    throw new UserError({ key: "error.noPlan", params: { year: y ?? "", years: years.join(", ") } });
  }
  return plan;
}

/**
 * The observations of a plan year, positioned as quarters 0 (baseline) … 4 and grouped by indicator
 * and unit: what every report view computes from. Values of other periods (last year's quarters,
 * kept for 同比: see indexPriorYear) are left out, and so is a flow's `2019Q4` (last year's total:
 * a flow restarts at zero, it has no baseline).
 */
export function indexYear(db: Db, year: number, flows: ReadonlySet<string> = new Set()): ObservationIndex {
  const index: ObservationIndex = new Map();
  const { indicator, unit, period, value, basis } = readValueColumns(db, year);
  // a year has five periods (baseline, Q1–Q4) over all its rows: parse each once
  const quarters = new Map<string, number | null>();
  for (let k = 0; k < value.length; k++) {
    const p = period[k]!;
    let q = quarters.get(p);
    if (q === undefined) {
      const parsed = parseCanonicalPeriod(p);
      q = parsed ? quarterIndex(parsed, year) : null;
      quarters.set(p, q);
    }
    if (q === null || (q === 0 && flows.has(indicator[k]!))) continue;
    addObservation(index, indicator[k]!, { unit: unit[k]!, q, value: value[k]!, basis: basis[k]! });
  }
  addPriorBaselines(db, year, index, flows);
  return index;
}

/**
 * The baseline of a stock or rate (README rule 3) is the year before's Q4 as stored with this plan
 * year; where a unit has none for an indicator, its figure in the previous plan year's year-end
 * report stands for it: its newest figure of that year (2020Q4, else 2020Q3 …, else that year's own
 * baseline), carried as the year-end city figure carries it (宣汉县 with 10 at 2020Q3 and nothing at
 * Q4 is 10 in 2020's year-end 59 and in 2021's baseline). A flow has no baseline.
 */
function addPriorBaselines(db: Db, year: number, index: ObservationIndex, flows: ReadonlySet<string>): void {
  const prior = year - 1;
  if (!listPlanYears(db).includes(prior)) return;
  // the periods a year-end figure may rest on, newest last: the prior year's baseline, then Q1 … Q4
  const rank = new Map(
    [`${prior - 1}Q4`, `${prior}Q1`, `${prior}Q2`, `${prior}Q3`, `${prior}Q4`].map((p, i) => [p, i]),
  );
  const { indicator, unit, period, value, basis } = readValueColumns(db, prior);
  const newest = new Map<string, number>();
  for (let k = 0; k < value.length; k++) {
    const r = rank.get(period[k]!);
    if (r === undefined || flows.has(indicator[k]!)) continue;
    const key = `${indicator[k]}\u0000${unit[k]}`;
    const seen = newest.get(key);
    if (seen === undefined || r > rank.get(period[seen]!)!) newest.set(key, k);
  }
  for (const k of newest.values()) {
    const own = index.get(indicator[k]!)?.get(unit[k]!);
    if (own?.some((o) => o.q === 0)) continue;
    addObservation(index, indicator[k]!, { unit: unit[k]!, q: 0, value: value[k]!, basis: basis[k]! });
  }
}

/**
 * The year before plan year `year`, positioned as its own quarters 1 … 4 and its baseline (the
 * year before's Q4) as 0 (同比, README "Year on year"): the values of its periods kept with this plan (imported as last year's figures, the
 * baseline among them), and, when that year's own plan is loaded, its stored values too (they win
 * where both have a key). Empty when neither holds any.
 */
export function indexPriorYear(db: Db, year: number): ObservationIndex {
  const prior = year - 1;
  const index: ObservationIndex = new Map();
  const seen = new Set<string>();
  const add = (from: number) => {
    const { indicator, unit, period, value, basis } = readValueColumns(db, from);
    for (let k = 0; k < value.length; k++) {
      const parsed = parseCanonicalPeriod(period[k]!);
      if (!parsed) continue;
      // the year before's Q4 is last year's baseline (q = 0): a stock's 上年同期 chains from it
      const q =
        parsed.year === prior ? parsed.quarter : parsed.year === prior - 1 && parsed.quarter === 4 ? 0 : -1;
      if (q < 0) continue;
      const key = `${indicator[k]} ${unit[k]} ${q}`;
      if (seen.has(key)) continue;
      seen.add(key);
      addObservation(index, indicator[k]!, {
        unit: unit[k]!,
        q,
        value: value[k]!,
        basis: basis[k]!,
      });
    }
  };
  if (listPlanYears(db).includes(prior)) add(prior);
  add(year);
  return index;
}

/** The codes of a plan's flow indicators (see indexYear). */
export function flowCodes(plan: Plan): Set<string> {
  return new Set(plan.indicators.filter((d) => d.kind === "flow").map((d) => d.code));
}

/**
 * Parses --as-of for a plan year: the command line has already turned any period form an import
 * accepts into the canonical `2020Q3` (src/cli/period-options.ts).
 */
function parseAsOf(year: number, value: string | undefined): Quarter | undefined {
  if (value === undefined) return undefined;
  const p = parseCanonicalPeriod(value.trim().toUpperCase());
  if (!p || p.year !== year) throw new UsageError({ key: "error.asOf", params: { year, value } });
  return p.quarter;
}

/** The plan and its report at --as-of (default: the latest quarter with data). */
export function buildReportFor(
  db: Db,
  opts: { year?: string | undefined; asOf?: string | undefined },
): { plan: Plan; report: Report } {
  const { plan, report } = loadReport(db, opts);
  return { plan, report };
}

/** A plan year's plan, observations and report at --as-of: what every report view starts from. */
function loadReport(
  db: Db,
  opts: { year?: string | undefined; asOf?: string | undefined },
): { plan: Plan; index: ObservationIndex; report: Report } {
  const plan = requirePlan(db, opts.year);
  const asOf = parseAsOf(plan.plan.year, opts.asOf);
  const index = indexYear(db, plan.plan.year, flowCodes(plan));
  const prior = indexPriorYear(db, plan.plan.year);
  return { plan, index, report: buildReport(plan, index, asOf, targetsOf(db, plan.plan.year), prior) };
}

/** The reporting unit named by code, name or alias; a UsageError with "did you mean" otherwise. */
export function resolveUnit(plan: Plan, text: string): ReportingUnit {
  const catalog = new Catalog([plan]);
  const unit = catalog.unit(plan.plan.year, text);
  if (unit) return unit;
  const hints = catalog.suggestUnit(plan.plan.year, text);
  throw new UsageError(
    hints.length
      ? { key: "rep.error.unitHint", params: { value: text, hint: hints.join("、") } }
      : { key: "rep.error.unit", params: { value: text, units: plan.units.map((u) => u.name).join("、") } },
  );
}

/** The section (部分) named by its code (二) or number (2); a UsageError listing the codes otherwise. */
export function resolveSection(plan: Plan, text: string): Section {
  const v = text.trim();
  const s = plan.sections.find((x) => x.code === v || String(x.number) === v);
  if (s) return s;
  throw new UsageError({
    key: "error.section",
    params: { value: v, options: plan.sections.map((x) => x.code).join(" ") },
  });
}

/** The indicator named by code or name; a UsageError with "did you mean" otherwise. */
export function resolveIndicator(plan: Plan, text: string): Indicator {
  const catalog = new Catalog([plan]);
  const indicator = catalog.indicator(plan.plan.year, text);
  if (indicator) return indicator;
  const hints = catalog.suggestIndicator(plan.plan.year, text);
  throw new UsageError(
    hints.length
      ? { key: "rep.error.indicatorHint", params: { value: text, hint: hints.join("、") } }
      : { key: "rep.error.indicator", params: { value: text } },
  );
}

/** `report --by unit`: the report and its units × indicators matrix (全市 next to the units' sum). */
export function buildBreakdownFor(
  db: Db,
  opts: { year?: string | undefined; asOf?: string | undefined },
): { plan: Plan; breakdown: Breakdown } {
  const { plan, index, report } = loadReport(db, opts);
  return { plan, breakdown: buildBreakdown(plan, index, report) };
}

/** `report --unit U`: one unit's figures quarter by quarter, next to the city's. */
export function buildUnitReportFor(
  db: Db,
  opts: { year?: string | undefined; asOf?: string | undefined; unit: string },
): { plan: Plan; unitReport: UnitReport } {
  const { plan, index, report } = loadReport(db, opts);
  return { plan, unitReport: buildUnitReport(index, report, resolveUnit(plan, opts.unit)) };
}

/** The last day of a quarter, `2020Q2` → `2020-06-30` (undefined when there is no quarter). */
function quarterEndDate(period: string | null | undefined): string | undefined {
  const m = period ? /^(\d{4})Q([1-4])$/.exec(period) : null;
  return m ? `${m[1]}-${["03-31", "06-30", "09-30", "12-31"][Number(m[2]) - 1]}` : undefined;
}

/**
 * `status`: the year status at --as-of (default: the newest quarter with data) with the tasks (read
 * as of `today`, YYYY-MM-DD), grouped by section.
 */
export function buildStatusOverviewFor(
  db: Db,
  opts: { year?: string | undefined; asOf?: string | undefined; today: string },
): { plan: Plan; report: Report; overview: StatusOverview } {
  const { plan, report } = buildReportFor(db, opts);
  const status = buildYearStatus(report);
  // --as-of views the tasks as they stood at that quarter's end: their states then, overdue then
  const end = opts.asOf === undefined ? undefined : quarterEndDate(report.asOf);
  const tasks = readTaskStates(db, plan, end ?? opts.today, end);
  return { plan, report, overview: buildStatusOverview(plan, status, tasks) };
}

/**
 * What `--check` alerts on: behind = behind pace now; missed = a target not achieved at year end,
 * on a final result (README rule 5).
 */
export type FailOn = "behind" | "missed";

export interface CheckOutcome {
  failOn: FailOn;
  /** the indicators that trip the check */
  failing: IndicatorLine[];
  /** missed-check: the provisional misses and the indicators with no figure, listed, never firing */
  listed: { provisional: IndicatorLine[]; noData: IndicatorLine[] };
  /** false when --fail-on missed is asked before the year's end (nothing to check yet) */
  applicable: boolean;
}

/**
 * Evaluates `--check` / `--fail-on` against a report: which indicators make cron alert. A missed
 * check fires only on final misses (rule 5); provisional misses and indicators with no figure at
 * all are listed apart and do not fire.
 */
export function checkReport(report: Report, failOn: FailOn): CheckOutcome {
  const none = { provisional: [], noData: [] };
  if (failOn === "behind")
    return {
      failOn,
      failing: report.indicators.filter((l) => l.status === "behind"),
      listed: none,
      applicable: true,
    };
  const status = buildYearStatus(report);
  if (!status.yearEnd) return { failOn, failing: [], listed: none, applicable: false };
  const of = (f: (i: StatusLine) => boolean) => status.indicators.filter(f).map((i) => i.line);
  return {
    failOn,
    failing: of((i) => i.final && i.result === "missed"),
    listed: {
      provisional: of((i) => !i.final && i.result === "missed"),
      noData: of((i) => i.result === "no_data"),
    },
    applicable: true,
  };
}

/** Today's date (YYYY-MM-DD) in local time: the day task deadlines are compared with. */
export function localDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
