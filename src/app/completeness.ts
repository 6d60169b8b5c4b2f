/** `completeness` (报送情况): which unit sent what for which quarter, and when it arrived. */
import { buildCompleteness, type Completeness, type Submission } from "../domain/completeness.js";
import {
  baselinePeriod,
  formatPeriod,
  parseCanonicalPeriod,
  type Quarter,
  quarterIndex,
} from "../domain/period.js";
import type { Plan } from "../domain/plan.js";
import { PERIOD_FORMS, parsePeriod } from "../intake/period.js";
import type { Db } from "../storage/database.js";
import { firstReportTimes, valueSubmissions } from "../storage/values.js";
import { UsageError } from "./errors.js";
import { localDate, requirePlan } from "./report.js";
import { targetsOf } from "./targets-report.js";

/**
 * Every current value of a plan year with the time of the import that wrote it
 * (progress_values.batch_id → import_batches.imported_at).
 */
function readSubmissions(db: Db, year: number): Submission[] {
  const rows = valueSubmissions(db, year);
  const out: Submission[] = [];
  for (const r of rows) {
    const p = parseCanonicalPeriod(r.period);
    const q = p ? quarterIndex(p, year) : null;
    if (q !== null) out.push({ indicator: r.indicator, unit: r.unit, q, importedAt: r.importedAt });
  }
  return out;
}

/** Parses --period (any form the importer accepts) into a quarter of the plan year (0 = baseline). */
function parseCompletenessPeriod(year: number, text: string): 0 | Quarter {
  const parsed = parsePeriod(text, year);
  const q = parsed.ok ? quarterIndex(parsed.value, year) : null;
  if (q === null)
    throw new UsageError({
      key: "rep.error.period",
      params: {
        value: text,
        year,
        first: formatPeriod({ year, quarter: 1 }),
        last: formatPeriod({ year, quarter: 4 }),
        baseline: baselinePeriod(year),
        forms: PERIOD_FORMS,
      },
    });
  return q;
}

/**
 * Each unit's first report day per quarter (`${unit} ${q}` → YYYY-MM-DD), as a local calendar day:
 * the deadline is a day in the bureau's calendar, not in UTC.
 */
function readFirstReports(db: Db, year: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of firstReportTimes(db, year)) {
    const p = parseCanonicalPeriod(r.period);
    const q = p ? quarterIndex(p, year) : null;
    if (q !== null && q >= 1) out.set(`${r.unit} ${q}`, localDate(new Date(r.firstAt)));
  }
  return out;
}

/**
 * The completeness view of a plan year (all quarters so far, or the one --period names), with
 * each unit's timeliness judged against today (`now`, local calendar day).
 */
export function buildCompletenessFor(
  db: Db,
  opts: { year?: string | undefined; period?: string | undefined; now: Date },
): { plan: Plan; completeness: Completeness } {
  const plan = requirePlan(db, opts.year);
  const year = plan.plan.year;
  const quarters = opts.period === undefined ? undefined : [parseCompletenessPeriod(year, opts.period)];
  const times = {
    firstReports: readFirstReports(db, year),
    today: localDate(opts.now),
    targets: targetsOf(db, year),
  };
  return { plan, completeness: buildCompleteness(plan, readSubmissions(db, year), quarters, times) };
}

/** The units late (or overdue and still missing) in the view's quarters: what `completeness --check` fails on. */
export function lateUnits(
  c: Completeness,
): { unit: string; period: string; daysLate: number; missing: boolean }[] {
  const out: { unit: string; period: string; daysLate: number; missing: boolean }[] = [];
  for (const u of c.units)
    for (const p of u.periods) {
      const t = p.timeliness;
      if (t && (t.status === "late" || t.overdue))
        out.push({ unit: u.code, period: p.period, daysLate: t.daysLate, missing: t.status === "missing" });
    }
  return out;
}
