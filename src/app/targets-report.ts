/**
 * The views that judge units against their own targets (目标分解): `rank`, and the unit lines of
 * `report --unit` / `report --by unit`. Storage reads here, the rules in domain/targets.ts.
 */
import type { Observation } from "../domain/progress.js";
import type { ObservationIndex } from "../domain/report.js";
import { buildRanking, type UnitTarget } from "../domain/targets.js";
import type { RankView } from "../render/targets.js";
import type { Db } from "../storage/database.js";
import { readUnitTargets } from "../storage/targets.js";
import { buildReportFor, flowCodes, indexYear, resolveIndicator } from "./report.js";

/** The current unit targets of a plan year (目标分解), as the domain reads them. */
export function targetsOf(db: Db, year: number): UnitTarget[] {
  return readUnitTargets(db, year).map((r) => ({
    indicator: r.indicator,
    unit: r.unit,
    target: r.target,
    weight: r.weight,
  }));
}

/** `rank`: the ranking at --as-of (default: the newest quarter with data), of one indicator with --indicator. */
export function buildRankingFor(
  db: Db,
  opts: { year?: string | undefined; asOf?: string | undefined; indicator?: string | undefined },
): RankView {
  const { plan, report } = buildReportFor(db, opts);
  const only = opts.indicator === undefined ? undefined : resolveIndicator(plan, opts.indicator).code;
  const index = indexYear(db, plan.plan.year, flowCodes(plan));
  const q = report.elapsed === null ? null : Math.round(report.elapsed * 4);
  const targets = targetsOf(db, plan.plan.year);
  const ranking = buildRanking(plan, targets, obsIn(index), q, only);
  return {
    year: plan.plan.year,
    asOf: report.asOf,
    indicators: plan.indicators,
    units: plan.units,
    ranking,
    only: only ?? null,
    // --indicator X without unit targets: said so, not an empty table
    onlyWithoutTargets: only !== undefined && !targets.some((t) => t.indicator === only) ? only : null,
  };
}

/** The observations of one indicator and unit in an index ([] when none). */
export function obsIn(index: ObservationIndex): (indicator: string, unit: string) => readonly Observation[] {
  return (indicator, unit) => index.get(indicator)?.get(unit) ?? [];
}
