/**
 * The computation rules of the gap report, pure: a unit's figure at a quarter, the city figure,
 * 序时进度 (the pace), status and the year-end forecast. The rules are the README's
 * ("`dzkj report`", "How it computes"), numbered there 1–9.
 */
import { type Indicator, type IndicatorKind, paceShare } from "./plan.js";

/** 累计 (year-to-date total) or 本期 (the increment within the quarter). */
export type Basis = "ytd" | "period";

/** One stored value, positioned in its plan year: q = 0 is the baseline (prior year-end), 1..4 the quarters. */
export interface Observation {
  unit: string;
  q: number;
  value: number;
  basis: Basis;
}

/**
 * met 已完成, on_track 正常, behind 滞后, pending 待年度统计 (annual, or a milestone before Q4),
 * no_baseline 缺基数 (a stock or rate with no prior year-end figure: no pace), no_data 无数据.
 */
export type Status = "met" | "on_track" | "behind" | "pending" | "no_baseline" | "no_data";

/** Decimal places of a number's shortest text form (0.25 → 2, 1e-7 → 7). */
function decimals(x: number): number {
  const s = String(x);
  const e = s.indexOf("e");
  const mantissa = e < 0 ? s : s.slice(0, e);
  const dot = mantissa.indexOf(".");
  const frac = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, frac - (e < 0 ? 0 : Number(s.slice(e + 1))));
}

/**
 * The exact sum of stored decimal values: the binary floating-point noise of the additions is
 * removed (0.1 + 0.2 → 0.3) by rounding to the most decimal places any term has, so no real digit
 * is ever rounded away (rule 8: numbers unrounded). Subtract by adding a negated term.
 */
export function exactSum(terms: readonly number[]): number {
  let sum = 0;
  let places = 0;
  for (const x of terms) {
    sum += x;
    places = Math.max(places, decimals(x));
  }
  if (places > 15 || !Number.isFinite(sum)) return sum;
  return Number(sum.toFixed(places));
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
  const terms: number[] = newest ? [newest.value] : [];
  for (const o of obs) {
    if (o.basis === "period" && o.q > from && o.q <= q && o.q >= 1) terms.push(o.value);
  }
  return terms.length ? exactSum(terms) : null;
}

/** The newest quarter (≤ q, and ≥ `from`) at which the observations have a value, or -1. */
export function newestQuarter(obs: readonly Observation[], q: number, from = 0): number {
  let n = -1;
  for (const o of obs) if (o.q <= q && o.q >= from && o.q > n) n = o.q;
  return n;
}

/**
 * Where a city figure comes from: `total` = 全市's own value (at `quarter`); `chained` = 全市's value
 * at `quarter` plus the units' increments since; `units` = the sum of the units (全市 sent nothing);
 * `none` = no figure.
 */
export type CitySource = "total" | "chained" | "units" | "none";

export interface CityFigure {
  value: number | null;
  source: CitySource;
  /** q₀: the quarter (0 = baseline) of the 全市 value the figure rests on; null for units/none */
  quarter: number | null;
  /** stocks: units with figures newer than q₀ but none at or before it, left out of the chain */
  unchained: string[];
}

const NO_FIGURE: CityFigure = { value: null, source: "none", quarter: null, unchained: [] };

/**
 * The city figure at q (README rule 1, "city figure, chained"). q₀ = the newest quarter ≤ q with a
 * 全市 value (for a flow among Q1..q; for a stock or rate the baseline, q = 0, counts as a quarter):
 * - no other unit has a figure newer than q₀: 全市's value at q₀;
 * - some have: 全市(q₀) + Σ over those units of (figure at q − figure at q₀); a flow unit with
 *   nothing by q₀ stands at 0 there; a stock unit with nothing at or before q₀ adds nothing and is
 *   listed in `unchained`;
 * - 全市 sent nothing: the sum of the units; for a stock, once any unit has a baseline (q = 0),
 *   only the units that have one, the others listed in `unchained`;
 * - a rate is neither summed nor chained: only 全市's own value counts.
 * The baseline is the same rule at q = 0, so baseline and actual are always like for like.
 */
export function cityFigure(
  byUnit: ReadonlyMap<string, readonly Observation[]>,
  totalUnit: string | null,
  kind: IndicatorKind,
  q: number,
): CityFigure {
  const total = totalUnit ? byUnit.get(totalUnit) : undefined;
  const q0 = total ? newestQuarter(total, q, kind === "flow" ? 1 : 0) : -1;
  if (kind === "rate") {
    if (!total || q0 < 0) return NO_FIGURE;
    return { value: unitFigure(total, kind, q), source: "total", quarter: q0, unchained: [] };
  }
  if (!total || q0 < 0) {
    // a stock's sum counts, once any unit has a baseline, only the units that have one: the
    // baseline is the same sum at q = 0, and a unit without one would add its whole level to the
    // year's growth (10 → 11 for 渠县 is +1, not +21 because 通川 sent 20 with no baseline)
    const based =
      kind === "stock" &&
      q > 0 &&
      [...byUnit].some(([unit, obs]) => unit !== totalUnit && unitFigure(obs, kind, 0) !== null);
    const terms: number[] = [];
    const unchained: string[] = [];
    for (const [unit, obs] of byUnit) {
      if (unit === totalUnit) continue;
      const v = unitFigure(obs, kind, q);
      if (v === null) continue;
      if (based && unitFigure(obs, kind, 0) === null) unchained.push(unit);
      else terms.push(v);
    }
    return terms.length ? { value: exactSum(terms), source: "units", quarter: null, unchained } : NO_FIGURE;
  }
  // 全市 has a value at q0, so its figure there is not null
  const base = unitFigure(total, kind, q0) as number;
  const terms = [base];
  const unchained: string[] = [];
  let chained = false;
  for (const [unit, obs] of byUnit) {
    if (unit === totalUnit || newestQuarter(obs, q) <= q0) continue;
    const now = unitFigure(obs, kind, q) as number;
    const then = unitFigure(obs, kind, q0) ?? (kind === "flow" ? 0 : null);
    if (then === null) {
      unchained.push(unit);
      continue;
    }
    terms.push(now, -then);
    chained = true;
  }
  return chained
    ? { value: exactSum(terms), source: "chained", quarter: q0, unchained }
    : { value: base, source: "total", quarter: q0, unchained };
}

/**
 * 序时进度 at quarter q (1..4; null = no data yet): what the figure should be by then (rules 2, 3,
 * 9). At Q4 the target, for every indicator. Before Q4: null for an annual indicator (年度统计), a
 * milestone, and a stock or rate without a baseline; a flow is target × the pace's share at q; a
 * stock or rate baseline + (target − baseline) × that share.
 */
export function expectedAt(ind: Indicator, baseline: number | null, q: number | null): number | null {
  if (q === null) return null;
  if (q >= 4) return ind.target;
  if (ind.cadence === "annual") return null;
  const share = paceShare(ind.pace, q);
  if (share === null) return null;
  if (ind.kind === "flow") return ind.target * share;
  if (baseline === null) return null;
  return baseline + (ind.target - baseline) * share;
}

/**
 * An indicator not yet due at quarter q (待年度统计, README rules 2, 3): before Q4 an annual one
 * (年度统计: its figure comes at year end) or a milestone. The report shows it pending, `rank`
 * leaves it out of the composite and `completeness` does not expect it: one rule for the three.
 */
export function notYetDue(ind: Pick<Indicator, "cadence" | "pace">, q: number | null): boolean {
  return (q === null || q < 4) && (ind.cadence === "annual" || ind.pace === "milestone");
}

/**
 * The status of an indicator at quarter q given its actual, expected and baseline figures (README
 * rules 2, 3): met once the target is reached; before Q4 an annual indicator or a milestone is
 * pending, a stock or rate without a baseline is no_baseline; otherwise on track or behind pace.
 */
export function statusOf(
  ind: Indicator,
  actual: number | null,
  expected: number | null,
  q: number | null,
  baseline: number | null = null,
): Status {
  if (actual !== null && actual >= ind.target) return "met";
  const beforeQ4 = q === null || q < 4;
  if (notYetDue(ind, q)) return "pending";
  if (actual === null) return "no_data";
  if (beforeQ4 && ind.kind !== "flow" && baseline === null) return "no_baseline";
  if (expected === null || actual >= expected) return "on_track";
  return "behind";
}

/**
 * The year-end projection at quarter q (rules 4, 9): at Q4 the actual; an annual indicator's
 * figure is already a whole-year figure (the forecast is the figure itself); a milestone has none;
 * a flow actual ÷ the pace's share at q; a stock or rate with a baseline
 * baseline + (actual − baseline) ÷ that share, none without one.
 */
export function forecastOf(
  ind: Indicator,
  actual: number | null,
  baseline: number | null,
  q: number | null,
): number | null {
  if (actual === null || q === null || q <= 0) return null;
  if (q >= 4) return actual;
  if (ind.cadence === "annual") return actual;
  const share = paceShare(ind.pace, q);
  if (share === null || share <= 0) return null;
  if (ind.kind === "flow") return actual / share;
  if (baseline !== null) return baseline + (actual - baseline) / share;
  return null;
}

/** gap = max(target − actual, 0); null without an actual. */
export function gapOf(target: number, actual: number | null): number | null {
  return actual === null ? null : Math.max(exactSum([target, -actual]), 0);
}

/** completion = actual ÷ target (a fraction, 1 = 100%). */
export function completionOf(target: number, actual: number | null): number | null {
  if (actual === null) return null;
  if (target === 0) return actual >= 0 ? 1 : 0;
  return actual / target;
}
