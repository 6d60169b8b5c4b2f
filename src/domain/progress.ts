/**
 * The computation rules of the gap report, pure: a unit's figure at a quarter, the city figure,
 * 序时进度 (the time-elapsed pace), status and the year-end forecast.
 */
import type { Indicator, IndicatorKind } from "./plan.js";

/** 累计 (year-to-date total) or 本期 (the increment within the quarter). */
export type Basis = "ytd" | "period";

/** One stored value, positioned in its plan year: q = 0 is the baseline (prior year-end), 1..4 the quarters. */
export interface Observation {
  unit: string;
  q: number;
  value: number;
  basis: Basis;
}

export type Status = "met" | "on_track" | "behind" | "pending" | "no_data";

/** Removes binary floating-point noise from sums (0.1 + 0.2 → 0.3) without rounding real digits. */
export function clean(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

/**
 * A unit's figure at quarter q. Flow: its newest ytd value at or before q plus its `period`
 * increments after that quarter (all increments when it sent no ytd value). Stock and rate: its
 * newest value at or before q (the baseline counts). Observations must be of one unit.
 * Returns null when the unit has nothing at or before q.
 */
export function unitFigure(obs: readonly Observation[], kind: IndicatorKind, q: number): number | null {
  let newest: Observation | undefined;
  for (const o of obs) {
    if (o.q > q) continue;
    if (kind === "flow" && o.basis !== "ytd") continue;
    if (!newest || o.q > newest.q) newest = o;
  }
  if (kind !== "flow") {
    // stock/rate: any basis counts as the level reached at that quarter
    return newest ? newest.value : null;
  }
  const from = newest ? newest.q : 0;
  let total = newest ? newest.value : 0;
  let any = !!newest;
  for (const o of obs) {
    if (o.basis === "period" && o.q > from && o.q <= q && o.q >= 1) {
      total += o.value;
      any = true;
    }
  }
  return any ? clean(total) : null;
}

/** The newest quarter (≤ q) at which the observations have a value, or -1. */
export function newestQuarter(obs: readonly Observation[], q: number): number {
  let n = -1;
  for (const o of obs) if (o.q <= q && o.q > n) n = o.q;
  return n;
}

export interface CityFigure {
  value: number | null;
  /** where the figure comes from: the 全市 row, the sum of units, or nothing */
  source: "total" | "sum" | "none";
}

/**
 * The city figure at q: 全市's own figure if it is at least as new as the newest quarter any other
 * unit reported (up to q); otherwise the sum of the other units' figures. A rate is never summed:
 * only 全市 counts.
 */
export function cityFigure(
  byUnit: ReadonlyMap<string, readonly Observation[]>,
  totalUnit: string | null,
  kind: IndicatorKind,
  q: number,
): CityFigure {
  const total = totalUnit ? byUnit.get(totalUnit) : undefined;
  let newestOther = -1;
  for (const [unit, obs] of byUnit)
    if (unit !== totalUnit) newestOther = Math.max(newestOther, newestQuarter(obs, q));
  if (total) {
    const tq = newestQuarter(total, q);
    if (tq >= 0 && (tq >= newestOther || kind === "rate")) {
      const v = unitFigure(total, kind, q);
      if (v !== null) return { value: v, source: "total" };
    }
  }
  if (kind === "rate" || newestOther < 0) return { value: null, source: "none" };
  let sum = 0;
  let any = false;
  for (const [unit, obs] of byUnit) {
    if (unit === totalUnit) continue;
    const v = unitFigure(obs, kind, q);
    if (v !== null) {
      sum += v;
      any = true;
    }
  }
  return any ? { value: clean(sum), source: "sum" } : { value: null, source: "none" };
}

/** 序时进度: what the figure should be at `elapsed` (q/4) of the year; null for annual indicators before Q4. */
export function expectedAt(ind: Indicator, baseline: number | null, elapsed: number | null): number | null {
  if (elapsed === null) return null;
  if (ind.cadence === "annual" && elapsed < 1) return null;
  if (ind.kind !== "flow" && baseline !== null) return clean(baseline + (ind.target - baseline) * elapsed);
  return clean(ind.target * elapsed);
}

/** The status of an indicator given its actual and expected figures (see the README's rules). */
export function statusOf(
  ind: Indicator,
  actual: number | null,
  expected: number | null,
  elapsed: number | null,
): Status {
  const met = actual !== null && actual >= ind.target;
  if (ind.cadence === "annual" && (elapsed === null || elapsed < 1) && !met) return "pending";
  if (actual === null) return "no_data";
  if (met) return "met";
  if (expected === null || actual >= expected) return "on_track";
  return "behind";
}

/** The year-end projection: flow actual ÷ elapsed; stock/rate baseline + (actual − baseline) ÷ elapsed. */
export function forecastOf(
  ind: Indicator,
  actual: number | null,
  baseline: number | null,
  elapsed: number | null,
): number | null {
  if (actual === null || elapsed === null || elapsed <= 0) return null;
  if (elapsed >= 1) return actual;
  if (ind.kind === "flow") return clean(actual / elapsed);
  if (baseline !== null) return clean(baseline + (actual - baseline) / elapsed);
  return null;
}

/** gap = max(target − actual, 0); null without an actual. */
export function gapOf(target: number, actual: number | null): number | null {
  return actual === null ? null : clean(Math.max(target - actual, 0));
}

/** completion = actual ÷ target (a fraction, 1 = 100%). */
export function completionOf(target: number, actual: number | null): number | null {
  if (actual === null) return null;
  if (target === 0) return actual >= 0 ? 1 : 0;
  return actual / target;
}
