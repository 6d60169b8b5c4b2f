/**
 * The gap-to-target report as a value (one Report, many renderers): for each indicator its
 * target, actual, gap, completion, 序时进度, status and forecast at an as-of quarter.
 */
import { formatPeriod, type Quarter } from "./period.js";
import type { Cadence, Commitment, Indicator, IndicatorKind, Plan } from "./plan.js";
import {
  cityFigure,
  completionOf,
  expectedAt,
  forecastOf,
  gapOf,
  type Observation,
  type Status,
  statusOf,
} from "./progress.js";

export interface IndicatorLine {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  cadence: Cadence;
  commitment: Commitment;
  headline: boolean;
  /** section code (一 … 八) or null for a headline target with no section */
  section: string | null;
  task: number | null;
  target: number;
  baseline: number | null;
  actual: number | null;
  /** where actual comes from: 全市's own figure or the sum of the units */
  source: "total" | "sum" | "none";
  gap: number | null;
  completion: number | null;
  expected: number | null;
  status: Status;
  forecast: number | null;
  unitsReported: number;
}

export interface Report {
  plan: { year: number; title: string; titleEn: string };
  asOf: string | null;
  /** as-of quarter ÷ 4, null when the plan year has no data */
  elapsed: number | null;
  indicators: IndicatorLine[];
}

/** All observations of one plan year, grouped by indicator code, then unit code. */
export type ObservationIndex = Map<string, Map<string, Observation[]>>;

/** Groups observations (already positioned in the plan year) by indicator and unit. */
export function indexObservations(rows: Iterable<Observation & { indicator: string }>): ObservationIndex {
  const index: ObservationIndex = new Map();
  for (const r of rows)
    addObservation(index, r.indicator, { unit: r.unit, q: r.q, value: r.value, basis: r.basis });
  return index;
}

/** Adds one observation of `indicator` to an index (see indexObservations). */
export function addObservation(index: ObservationIndex, indicator: string, o: Observation): void {
  let byUnit = index.get(indicator);
  if (!byUnit) {
    byUnit = new Map();
    index.set(indicator, byUnit);
  }
  let list = byUnit.get(o.unit);
  if (!list) {
    list = [];
    byUnit.set(o.unit, list);
  }
  list.push(o);
}

/** The newest quarter (1..4) of the plan year with any data, or null. */
export function newestDataQuarter(index: ObservationIndex): Quarter | null {
  let n = 0;
  for (const byUnit of index.values())
    for (const obs of byUnit.values()) for (const o of obs) if (o.q > n) n = o.q;
  return n >= 1 ? (n as Quarter) : null;
}

/** Indicators in report order: headline targets first (in plan order), then by section and task. */
export function reportOrder(indicators: readonly Indicator[]): Indicator[] {
  const pos = new Map(indicators.map((d, i) => [d.code, i]));
  return [...indicators].sort((a, b) => {
    if (a.headline !== b.headline) return a.headline ? -1 : 1;
    if (!a.headline) {
      const s = (a.section ?? 99) - (b.section ?? 99);
      if (s) return s;
      const t = (a.task ?? 0) - (b.task ?? 0);
      if (t) return t;
    }
    return pos.get(a.code)! - pos.get(b.code)!;
  });
}

/**
 * Builds the report of `plan` at quarter `asOf` (default: the newest quarter with data).
 * An as-of quarter with no data in the plan year at all gives null asOf/elapsed/expected.
 */
export function buildReport(plan: Plan, index: ObservationIndex, asOf?: Quarter): Report {
  const q = asOf ?? newestDataQuarter(index);
  const elapsed = q === null ? null : q / 4;
  const totalUnit = plan.units.find((u) => u.isTotal)?.code ?? null;
  const sectionCode = new Map(plan.sections.map((s) => [s.number, s.code]));
  const empty = new Map<string, Observation[]>();
  const indicators = reportOrder(plan.indicators).map((ind): IndicatorLine => {
    const byUnit = index.get(ind.code) ?? empty;
    const baselineOnly = new Map<string, Observation[]>();
    for (const [u, obs] of byUnit) {
      const b = obs.filter((o) => o.q === 0);
      if (b.length) baselineOnly.set(u, b);
    }
    const baseline = ind.kind === "flow" ? null : cityFigure(baselineOnly, totalUnit, ind.kind, 0).value;
    const city =
      q === null ? { value: null, source: "none" as const } : cityFigure(byUnit, totalUnit, ind.kind, q);
    const actual = city.value;
    const expected = expectedAt(ind, baseline, elapsed);
    let unitsReported = 0;
    if (q !== null)
      for (const obs of byUnit.values()) if (obs.some((o) => o.q >= 1 && o.q <= q)) unitsReported++;
    return {
      code: ind.code,
      name: ind.name,
      nameEn: ind.nameEn,
      unit: ind.unit,
      kind: ind.kind,
      cadence: ind.cadence,
      commitment: ind.commitment,
      headline: ind.headline,
      section: ind.section === null ? null : (sectionCode.get(ind.section) ?? null),
      task: ind.task,
      target: ind.target,
      baseline,
      actual,
      source: city.source,
      gap: gapOf(ind.target, actual),
      completion: completionOf(ind.target, actual),
      expected,
      status: statusOf(ind, actual, expected, elapsed),
      forecast: forecastOf(ind, actual, baseline, elapsed),
      unitsReported,
    };
  });
  return {
    plan: { year: plan.plan.year, title: plan.plan.title, titleEn: plan.plan.titleEn },
    asOf: q === null ? null : formatPeriod({ year: plan.plan.year, quarter: q }),
    elapsed,
    indicators,
  };
}

export type Result = "met" | "missed" | "no_data";

export interface StatusLine {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  target: number;
  actual: number | null;
  completion: number | null;
  result: Result;
  commitment: Commitment;
  /** before the year is complete: the projection and whether it misses the target */
  forecast: number | null;
  atRisk: boolean;
  line: IndicatorLine;
}

export interface YearStatus {
  plan: Report["plan"];
  asOf: string | null;
  /** true once Q4 data exists: the results are final */
  final: boolean;
  summary: { total: number; met: number; missed: number; noData: number };
  indicators: StatusLine[];
}

/**
 * Year-end completion from the Q4 report: each indicator met, missed or no data. Before Q4 the
 * results are provisional and `atRisk` flags indicators whose forecast falls short.
 */
export function buildYearStatus(report: Report): YearStatus {
  const final = report.asOf !== null && report.elapsed === 1;
  const indicators = report.indicators.map((l): StatusLine => {
    const result: Result = l.actual === null ? "no_data" : l.actual >= l.target ? "met" : "missed";
    // At risk: behind pace, or projected to fall short. Pending (annual) and no-data indicators
    // cannot be judged before the year-end statistics, so they are not flagged.
    const judged = l.status !== "pending" && l.status !== "no_data";
    const atRisk =
      !final &&
      result !== "met" &&
      judged &&
      (l.status === "behind" || (l.forecast !== null && l.forecast < l.target));
    return {
      code: l.code,
      name: l.name,
      nameEn: l.nameEn,
      unit: l.unit,
      target: l.target,
      actual: l.actual,
      completion: l.completion,
      result,
      commitment: l.commitment,
      forecast: l.forecast,
      atRisk,
      line: l,
    };
  });
  const count = (r: Result) => indicators.filter((i) => i.result === r).length;
  return {
    plan: report.plan,
    asOf: report.asOf,
    final,
    summary: {
      total: indicators.length,
      met: count("met"),
      missed: count("missed"),
      noData: count("no_data"),
    },
    indicators,
  };
}
