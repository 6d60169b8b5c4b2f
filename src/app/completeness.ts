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
import { valueSubmissions } from "../storage/values.js";
import { UsageError } from "./errors.js";
import { requirePlan } from "./report.js";

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

/** The completeness view of a plan year (all quarters so far, or the one --period names). */
export function buildCompletenessFor(
  db: Db,
  opts: { year?: string | undefined; period?: string | undefined },
): { plan: Plan; completeness: Completeness } {
  const plan = requirePlan(db, opts.year);
  const year = plan.plan.year;
  const quarters = opts.period === undefined ? undefined : [parseCompletenessPeriod(year, opts.period)];
  return { plan, completeness: buildCompleteness(plan, readSubmissions(db, year), quarters) };
}
