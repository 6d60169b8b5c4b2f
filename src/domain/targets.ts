/**
 * Unit targets (目标分解): the city's target of an indicator split among the reporting units, each
 * unit judged on its own share under the city's rules (README "Unit targets"), and the ranking
 * (排名) of the units by completion against their own targets (README "dzkj rank"). Pure.
 */
import type { Indicator, Plan } from "./plan.js";
import {
  completionOf,
  exactSum,
  expectedAt,
  forecastOf,
  gapOf,
  notYetDue,
  type Observation,
  type Status,
  statusOf,
  unitFigure,
} from "./progress.js";

/** One unit's target of one indicator, in the indicator's canonical unit; weight = 考核权重 (null counts 1). */
export interface UnitTarget {
  indicator: string;
  unit: string;
  target: number;
  weight: number | null;
}

/**
 * How the units' targets of one flow or stock add up against the city's: short (分解不足: the sum
 * is below the city target, `gap` = city − sum) or over (层层加码: above it, normal, only noted).
 * A rate's unit targets are levels and are never added up, so a rate never has a split.
 */
export interface TargetSplit {
  indicator: string;
  kind: "short" | "over";
  cityTarget: number;
  sum: number;
  /** |city − sum| */
  difference: number;
  /** units (other than 全市) with no target for the indicator */
  unitsWithout: string[];
}

/**
 * The split of each indicator that has unit targets (README "Unit targets"): for a flow or stock,
 * the units' targets summed exactly and compared with the plan's city target; equal sums and rates
 * give nothing.
 */
export function targetSplits(plan: Plan, targets: readonly UnitTarget[]): TargetSplit[] {
  const units = plan.units.filter((u) => !u.isTotal).map((u) => u.code);
  const out: TargetSplit[] = [];
  for (const ind of plan.indicators) {
    if (ind.kind === "rate") continue;
    const mine = targets.filter((t) => t.indicator === ind.code && units.includes(t.unit));
    if (mine.length === 0) continue;
    const sum = exactSum(mine.map((t) => t.target));
    const difference = Math.abs(exactSum([ind.target, -sum]));
    if (difference === 0) continue;
    out.push({
      indicator: ind.code,
      kind: sum < ind.target ? "short" : "over",
      cityTarget: ind.target,
      sum,
      difference,
      unitsWithout: units.filter((u) => !mine.some((t) => t.unit === u)),
    });
  }
  return out;
}

/** A unit's position on one indicator against its own target, by the city's rules. */
export interface UnitTargetLine {
  target: number;
  /** the unit's prior year-end figure (stock, rate), null for a flow */
  baseline: number | null;
  actual: number | null;
  gap: number | null;
  completion: number | null;
  expected: number | null;
  status: Status;
  forecast: number | null;
  /** met for good (a flow reached its target), or the unit's Q4 figure is in (rule 5) */
  final: boolean;
  /** the unit sent a figure in Q1..q (a baseline alone is not a report) */
  reported: boolean;
}

/**
 * The unit's line for `ind` at quarter q against its own `target` (README "Unit targets": the
 * city's rules 2–5, 9 applied to the unit's own figures): the unit's figure is unitFigure (rule 1's
 * per-unit figure), its baseline the same at q = 0; 序时进度, status and forecast are those of the
 * city with the unit's target in place of the city's, so annual cadence, pace profiles and
 * milestones apply unchanged. Final: a flow that reached its target, or at Q4 the unit sent a Q4
 * figure.
 */
export function unitTargetLine(
  ind: Indicator,
  target: number,
  obs: readonly Observation[],
  q: number | null,
): UnitTargetLine {
  const own: Indicator = { ...ind, target };
  const baseline = ind.kind === "flow" ? null : unitFigure(obs, ind.kind, 0);
  const actual = q === null ? null : unitFigure(obs, ind.kind, q);
  const expected = expectedAt(own, baseline, q);
  const reported = q !== null && obs.some((o) => o.q >= 1 && o.q <= q);
  const final =
    actual !== null &&
    q !== null &&
    ((ind.kind === "flow" && actual >= target) || (q >= 4 && obs.some((o) => o.q === 4)));
  return {
    target,
    baseline,
    actual,
    gap: gapOf(target, actual),
    completion: completionOf(target, actual),
    expected,
    status: statusOf(own, actual, expected, q, baseline),
    forecast: forecastOf(own, actual, baseline, q),
    final,
    reported,
  };
}

/** Significant digits a completion or score is held to (README "dzkj rank"). */
const DIGITS = 12;

/**
 * A completion or composite score held to 12 significant digits: quotients and weighted sums of
 * decimals carry binary noise in the last digits (0.1 + 0.2 = 0.30000000000000004, so a composite
 * of 10 % and 20 % came out 0.15000000000000002 where 30 % and 0 % gave 0.15); held to 12 digits,
 * equal inputs give equal scores, which are shown, emitted (JSON) and ranked alike.
 */
export function settle(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(DIGITS)) : x;
}

/**
 * Competition ranking (1, 1, 3): the highest score ranks 1; equal scores share the best rank of
 * their group and the next score's rank counts the ones before it. Scores are compared as
 * settled (12 significant digits), so a tie is decided on the values shown. Returns the ranks in
 * the order of `scores`.
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const held = scores.map(settle);
  return held.map((s) => 1 + held.filter((o) => o > s).length);
}

/**
 * Sets the competition ranks of the entries with a score (see competitionRanks) and sorts them:
 * by rank, then `tie` (plan order); entries without a score (not due) keep rank null, last.
 */
function rankEntries<E extends { rank: number | null; score: number | null }>(
  entries: E[],
  tie: (a: E, b: E) => number,
): void {
  const scored = entries.filter((e) => e.score !== null);
  const ranks = competitionRanks(scored.map((e) => e.score as number));
  scored.forEach((e, i) => {
    e.rank = ranks[i]!;
  });
  entries.sort(
    (a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || tie(a, b),
  );
}

/** One unit's place on one indicator. */
export interface IndicatorRankEntry {
  unit: string;
  /** null while the indicator is not yet due (待年度统计): nobody is ranked on it */
  rank: number | null;
  target: number;
  actual: number | null;
  /** actual ÷ the unit's own target, uncapped; null when the unit sent nothing (未报送) */
  completion: number | null;
  /** what the rank is by: the completion, 0 for 未报送; null while the indicator is not yet due */
  score: number | null;
  reported: boolean;
  status: Status;
  /** the result is final (rule 5, see UnitTargetLine.final): at Q4 完成/未完成, else 暂定 */
  final: boolean;
}

/** The units ranked on one indicator. */
export interface IndicatorRanking {
  indicator: string;
  weight: number;
  /** false before Q4 for an annual indicator or a milestone (notYetDue): left out of the composite */
  due: boolean;
  entries: IndicatorRankEntry[];
}

/** One unit's composite score. */
export interface CompositeEntry {
  unit: string;
  /** null when none of the unit's targeted indicators is due yet */
  rank: number | null;
  /** Σ wᵢ · min(max(cᵢ, 0), 1) ÷ Σ wᵢ over the due indicators the unit has targets for, to 12 significant digits; null when none is */
  score: number | null;
  /** how many due indicators the unit has targets for (those the score is over) */
  indicators: number;
  /** of those, how many it sent no figure for (scored 0) */
  missing: number;
  /** targeted indicators not yet due (待年度统计), left out of the score */
  pending: number;
}

export interface Ranking {
  /** the as-of quarter (1..4) the ranking is at; null when the plan year has no data */
  q: number | null;
  indicators: IndicatorRanking[];
  composite: CompositeEntry[];
}

/**
 * Ranks the units (README "dzkj rank"). Per indicator, every unit with a target for it, by its
 * uncapped completion against its own target; a unit that sent no figure in Q1..q scores 0 and is
 * marked 未报送, never skipped. Composite: the weighted mean of the completions capped at 100 %
 * (and floored at 0) over the indicators the unit has targets for, weight = 考核权重 (null counts 1).
 * Completions and scores are settled to 12 significant digits (see settle) before they are ranked
 * or returned. Ties share a rank (competition ranking, see competitionRanks). Units in plan order within a tie.
 */
export function buildRanking(
  plan: Plan,
  targets: readonly UnitTarget[],
  obsOf: (indicator: string, unit: string) => readonly Observation[],
  q: number | null,
  only?: string,
): Ranking {
  const unitOrder = new Map(plan.units.map((u, i) => [u.code, i]));
  const totals = new Set(plan.units.filter((u) => u.isTotal).map((u) => u.code));
  const rows = targets.filter((t) => unitOrder.has(t.unit) && !totals.has(t.unit));
  const byUnit = new Map<
    string,
    { weighted: number[]; weights: number[]; n: number; missing: number; pending: number }
  >();
  const indicators: IndicatorRanking[] = [];
  for (const ind of plan.indicators) {
    const mine = rows
      .filter((t) => t.indicator === ind.code)
      .sort((a, b) => unitOrder.get(a.unit)! - unitOrder.get(b.unit)!);
    if (mine.length === 0) continue;
    // an annual indicator or a milestone before Q4 is not due: pending for every unit, never 未报送
    const due = !notYetDue(ind, q);
    const entries: IndicatorRankEntry[] = mine.map((t) => {
      const line = unitTargetLine(ind, t.target, obsOf(ind.code, t.unit), q);
      const completion = line.reported && line.completion !== null ? settle(line.completion) : null;
      const score = due ? (completion ?? 0) : null;
      const weight = t.weight ?? 1;
      const u = byUnit.get(t.unit) ?? { weighted: [], weights: [], n: 0, missing: 0, pending: 0 };
      if (score === null) u.pending++;
      else {
        u.weighted.push(weight * Math.min(Math.max(score, 0), 1));
        u.weights.push(weight);
        u.n++;
        if (!line.reported) u.missing++;
      }
      byUnit.set(t.unit, u);
      return {
        unit: t.unit,
        rank: null,
        target: t.target,
        actual: line.reported ? line.actual : null,
        completion,
        score,
        reported: line.reported,
        status: !due ? "pending" : line.reported ? line.status : ("no_data" as Status),
        final: line.final,
      };
    });
    rankEntries(entries, (a, b) => unitOrder.get(a.unit)! - unitOrder.get(b.unit)!);
    if (only === undefined || only === ind.code)
      indicators.push({ indicator: ind.code, weight: mine[0]!.weight ?? 1, due, entries });
  }
  const composite: CompositeEntry[] = [...byUnit.entries()].map(([unit, u]) => {
    const total = u.weights.reduce((a, b) => a + b, 0);
    return {
      unit,
      rank: null,
      score: u.n === 0 ? null : total > 0 ? settle(u.weighted.reduce((a, b) => a + b, 0) / total) : 0,
      indicators: u.n,
      missing: u.missing,
      pending: u.pending,
    };
  });
  rankEntries(composite, (a, b) => unitOrder.get(a.unit)! - unitOrder.get(b.unit)!);
  return { q, indicators, composite };
}
