/** `trend INDICATOR [--unit U]`: one indicator quarter by quarter against the pace line. */
import type { Plan } from "../domain/plan.js";
import { buildReport } from "../domain/report.js";
import { buildTrend, type Trend } from "../domain/trend.js";
import type { Db } from "../storage/database.js";
import {
  flowCodes,
  indexPriorYear,
  indexYear,
  requirePlan,
  resolveIndicator,
  resolveUnit,
} from "./report.js";
import { targetsOf } from "./targets-report.js";

/** The trend of the indicator named by code or name, for the city or for `unit`. */
export function buildTrendFor(
  db: Db,
  opts: { indicator: string; unit?: string | undefined; year?: string | undefined },
): { plan: Plan; trend: Trend } {
  const plan = requirePlan(db, opts.year);
  const indicator = resolveIndicator(plan, opts.indicator);
  const unit = opts.unit === undefined ? undefined : resolveUnit(plan, opts.unit);
  const index = indexYear(db, plan.plan.year, flowCodes(plan));
  const own = unit
    ? (targetsOf(db, plan.plan.year).find((t) => t.indicator === indicator.code && t.unit === unit.code)
        ?.target ?? null)
    : null;
  const trend = buildTrend(plan, index, indicator, unit, indexPriorYear(db, plan.plan.year), own);
  // the year-end result of the city's Q4 point is the report's (final or provisional, rule 5)
  if (!unit && trend.points.some((p) => p.q === 4 && p.value !== null)) {
    const line = buildReport(plan, index, 4).indicators.find((l) => l.code === indicator.code);
    trend.yearEnd = line ? { final: line.final } : null;
  }
  return { plan, trend };
}
