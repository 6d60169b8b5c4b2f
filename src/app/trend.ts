/** `trend INDICATOR [--unit U]`: one indicator quarter by quarter against the pace line. */
import type { Plan } from "../domain/plan.js";
import { buildTrend, type Trend } from "../domain/trend.js";
import type { Db } from "../storage/database.js";
import { indexYear, requirePlan, resolveIndicator, resolveUnit } from "./report.js";

/** The trend of the indicator named by code or name, for the city or for `unit`. */
export function buildTrendFor(
  db: Db,
  opts: { indicator: string; unit?: string | undefined; year?: string | undefined },
): { plan: Plan; trend: Trend } {
  const plan = requirePlan(db, opts.year);
  const indicator = resolveIndicator(plan, opts.indicator);
  const unit = opts.unit === undefined ? undefined : resolveUnit(plan, opts.unit);
  const index = indexYear(db, plan.plan.year);
  return { plan, trend: buildTrend(plan, index, indicator, unit) };
}
