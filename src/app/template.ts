/**
 * What a fill-in template shows for reference beside each value cell (README "dzkj template"):
 * the figure a unit reported for the quarter before the template's, as `report --unit` computes
 * it (a flow's year-to-date total, a stock's or rate's level).
 */
import { type Period, quarterIndex } from "../domain/period.js";
import type { Plan, ReportingUnit } from "../domain/plan.js";
import { newestQuarter, unitFigure } from "../domain/progress.js";
import type { Db } from "../storage/database.js";
import { indexYear } from "./report.js";
import { targetsOf } from "./targets-report.js";

/**
 * Unit code → indicator code → the unit's figure for the quarter before `period` (Q1's is the
 * baseline 2019Q4 for a stock or rate; a flow starts the year at nothing, so none). Only a figure
 * the unit reported for that very quarter is given: an older one carried forward would read as
 * last quarter's. Empty when `period` is not a quarter of the plan year.
 */
export function previousFigures(
  db: Db,
  plan: Plan,
  units: readonly ReportingUnit[],
  period: Period,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const q = quarterIndex(period, plan.plan.year);
  if (q === null || q === 0) return out;
  const previous = q - 1;
  const index = indexYear(db, plan.plan.year);
  for (const u of units) {
    const figures = new Map<string, number>();
    for (const d of plan.indicators) {
      if (previous === 0 && d.kind === "flow") continue;
      const obs = index.get(d.code)?.get(u.code) ?? [];
      if (newestQuarter(obs, previous, previous) !== previous) continue;
      const x = unitFigure(obs, d.kind, previous);
      if (x !== null) figures.set(d.code, x);
    }
    out.set(u.code, figures);
  }
  return out;
}

/**
 * Unit code → indicator code → the unit's own target for the plan year (目标分解, `dzkj targets`),
 * in the indicator's unit of measure; a unit without a share of an indicator has no entry (the
 * template then shows the city's target, as its 说明 says).
 */
export function unitTargetsOf(db: Db, plan: Plan): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const t of targetsOf(db, plan.plan.year)) {
    const m = out.get(t.unit) ?? new Map<string, number>();
    m.set(t.indicator, t.target);
    out.set(t.unit, m);
  }
  return out;
}
