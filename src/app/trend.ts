/** `trend INDICATOR [--unit U]`: one indicator quarter by quarter against the pace line. */
import type { Plan } from "../domain/plan.js";
import { indexObservations } from "../domain/report.js";
import { buildTrend, type Trend } from "../domain/trend.js";
import type { Db } from "../storage/database.js";
import { observationsOf, requirePlan, resolveIndicator, resolveUnit } from "./report.js";

/** The trend of the indicator named by code or name, for the city or for `unit`. */
export function buildTrendFor(
  db: Db,
  opts: { indicator: string; unit?: string | undefined; year?: string | undefined },
): { plan: Plan; trend: Trend } {
  const plan = requirePlan(db, opts.year);
  const indicator = resolveIndicator(plan, opts.indicator);
  const unit = opts.unit === undefined ? undefined : resolveUnit(plan, opts.unit);
  const index = indexObservations(observationsOf(db, plan.plan.year));
  return { plan, trend: buildTrend(plan, index, indicator, unit) };
}
