/**
 * The gap-to-target report as a value (one Report, many renderers): for each indicator its
 * target, actual, gap, completion, 序时进度, status and forecast at an as-of quarter.
 */
import { formatPeriod, type Quarter } from "./period.js";
import type { Cadence, Commitment, Indicator, IndicatorKind, Pace, Plan } from "./plan.js";
import {
  type CityFigure,
  type CitySource,
  cityFigure,
  completionOf,
  exactSum,
  expectedAt,
  forecastOf,
  gapOf,
  newestQuarter,
  type Observation,
  type Status,
  statusOf,
  unitFigure,
} from "./progress.js";
import { type UnitTarget, type UnitTargetLine, unitTargetLine } from "./targets.js";

export interface IndicatorLine {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  cadence: Cadence;
  commitment: Commitment;
  headline: boolean;
  pace: Pace;
  /** section code (一 … 八) or null for a headline target with no section */
  section: string | null;
  task: number | null;
  target: number;
  baseline: number | null;
  actual: number | null;
  /** where actual comes from (rule 1): 全市's own figure, 全市's plus the units' increments, the units' sum */
  source: CitySource;
  /** the period of the 全市 value actual rests on (`2020Q3`, `2019Q4`), null for a units' sum or none */
  sourcePeriod: string | null;
  /** stocks: the units whose newer figures are left out of the chain (no figure at or before it) */
  unchained: string[];
  gap: number | null;
  completion: number | null;
  expected: number | null;
  status: Status;
  forecast: number | null;
  /** the year-end result rests on Q4 figures (rule 5), or is a flow already met */
  final: boolean;
  /** units other than 全市 with a figure in Q1..as-of */
  unitsReported: number;
  /** whether 全市 sent a figure in Q1..as-of */
  cityReported: boolean;
  /** each unit with a target of its own (目标分解) → its line against it, by the same rules */
  unitTargets: Record<string, UnitTargetLine>;
  /** 上年同期: the city figure at the same quarter last year, by the same rules; null when unknown */
  lastYear: number | null;
  /** 同比增长: (actual − lastYear) ÷ lastYear for a flow or stock (a fraction); null for a rate or when unknown */
  yoy: number | null;
  /** a rate's change on last year, in percentage points (actual − lastYear); null otherwise */
  yoyPoints: number | null;
  /**
   * the units left out of 同比 because they have a figure in one year only (see yoyBasis); then
   * 同比 is over the other units, yoyCurrent against yoyLastYear; [] when nothing was left out
   */
  yoyLeftOut: YoyLeftOut[];
  /** the current and last year's figures 同比 compares (actual and lastYear unless units were left out) */
  yoyCurrent: number | null;
  yoyLastYear: number | null;
}

/** A unit left out of 同比: it has no figure of the same quarter last year, or none this year. */
export interface YoyLeftOut {
  unit: string;
  missing: "lastYear" | "current";
}

/** What 同比 compares at one quarter (README "Year on year"): the same units on both sides. */
export interface YoyBasis {
  /** the current figure compared: the city figure, or the sum over the units in both years */
  current: number | null;
  /** last year's figure compared */
  lastYear: number | null;
  leftOut: YoyLeftOut[];
}

/**
 * 同比 compares like with like (README "Year on year"): the current figure and 上年同期 must cover
 * the same units. When both rest on 全市's own figures (the current city figure is 全市's, alone or
 * chained, and last year's is 全市's of that quarter or chained from it), they are compared as they
 * are. Otherwise (either side a units' sum) each unit's figure of that very quarter is taken on
 * both sides — this year's as the city figure counts it (unitFigure) when the unit sent a figure of
 * the quarter, last year's by lastYearUnitFigure — and 同比 is over the units present in BOTH years
 * (a unit whose figure is carried from an earlier quarter is not); the others are listed
 * in `leftOut`. Example: 2019Q3 通川 4, 达川 3; 2020Q3 通川 5, 达川 4, 渠县 6: current 5 + 4 = 9
 * against 7, 渠县 left out (missing lastYear). No unit in both years: no figures to compare (nulls).
 * A rate is 全市's own on both sides: never adjusted. `city` is the current city figure (cityFigure);
 * `unitOrder` (the plan's unit codes) orders `leftOut`.
 */
export function yoyBasis(
  byUnit: ReadonlyMap<string, readonly Observation[]>,
  prior: ReadonlyMap<string, readonly Observation[]> | undefined,
  totalUnit: string | null,
  kind: IndicatorKind,
  q: number,
  city: CityFigure,
  unitOrder: readonly string[] = [],
): YoyBasis {
  const lastYear = lastYearFigure(prior, totalUnit, kind, q);
  const plain: YoyBasis = { current: city.value, lastYear, leftOut: [] };
  if (kind === "rate" || city.value === null || lastYear === null) return plain;
  const priorTotal = totalUnit ? prior?.get(totalUnit) : undefined;
  const lastCityWide =
    lastYearUnitFigure(priorTotal, kind, q) !== null ||
    (kind === "stock" && priorTotal !== undefined && newestQuarter(priorTotal, q) >= 0);
  const currentCityWide = city.source === "total" || city.source === "chained";
  if (lastCityWide && currentCityWide) return plain;
  const now = new Map<string, number>();
  for (const [unit, obs] of byUnit) {
    // this year's side, like last year's, only of that very quarter: a unit's carried Q3 figure
    // is nine months (or an older level) against last year's twelve
    if (unit === totalUnit || newestQuarter(obs, q) !== q) continue;
    const v = unitFigure(obs, kind, q);
    if (v !== null) now.set(unit, v);
  }
  const then = new Map<string, number>();
  for (const [unit, obs] of prior ?? []) {
    if (unit === totalUnit) continue;
    const v = lastYearUnitFigure(obs, kind, q);
    if (v !== null) then.set(unit, v);
  }
  const pos = (u: string) => {
    const i = unitOrder.indexOf(u);
    return i < 0 ? unitOrder.length : i;
  };
  const leftOut: YoyLeftOut[] = [
    ...[...now.keys()].filter((u) => !then.has(u)).map((unit) => ({ unit, missing: "lastYear" as const })),
    ...[...then.keys()].filter((u) => !now.has(u)).map((unit) => ({ unit, missing: "current" as const })),
  ].sort((a, b) => pos(a.unit) - pos(b.unit));
  // both sides the same units' sum: nothing to adjust
  if (leftOut.length === 0 && !lastCityWide && !currentCityWide) return plain;
  const common = [...now.keys()].filter((u) => then.has(u));
  if (common.length === 0) return { current: null, lastYear: null, leftOut };
  return {
    current: exactSum(common.map((u) => now.get(u)!)),
    lastYear: exactSum(common.map((u) => then.get(u)!)),
    leftOut,
  };
}

/**
 * A unit's own 上年同期 at quarter q: its figure of last year's quarter q, only when it sent one for
 * that very quarter (a flow's 本期 increments of earlier quarters add up to it, a figure of an
 * earlier quarter is never carried to q). Null otherwise. See lastYearFigure.
 */
export function lastYearUnitFigure(
  obs: readonly Observation[] | undefined,
  kind: IndicatorKind,
  q: number,
): number | null {
  if (!obs || q < 1 || !obs.some((o) => o.q === q)) return null;
  // a flow restarts at zero each year: the year before's Q4 is no baseline of it
  return unitFigure(kind === "flow" ? obs.filter((o) => o.q >= 1) : obs, kind, q);
}

/**
 * 上年同期 (README "Year on year"): the city figure at quarter q of last year (`prior` positioned by
 * its own quarters, 0 = the year before's Q4), built only from figures of that very quarter:
 * - a unit (全市 included) contributes only a figure of quarter q itself (lastYearUnitFigure);
 * - a rate: 全市's own figure of q;
 * - a flow: 全市's figure of q, else the sum of the units' figures of q (全市's Q2 is six months,
 *   never the base of a nine-month figure);
 * - a stock: chained as the year's own city figure is (rule 1): 全市's figure of q; else 全市's
 *   newest figure q₀ < q plus each unit's change from q₀ to its figure of q; when a unit has a figure
 *   after q₀ but none of q, or none at or before q₀ to chain from, or no unit moved since q₀, the
 *   figure would mix periods: null. With no 全市 figure at all, the sum of the units' figures of q.
 * Null when nothing qualifies: never a figure carried from an earlier quarter.
 */
export function lastYearFigure(
  prior: ReadonlyMap<string, readonly Observation[]> | undefined,
  totalUnit: string | null,
  kind: IndicatorKind,
  q: number,
): number | null {
  if (!prior || q < 1) return null;
  const total = totalUnit ? prior.get(totalUnit) : undefined;
  const own = lastYearUnitFigure(total, kind, q);
  if (own !== null || kind === "rate") return own;
  const units = [...prior].filter(([unit]) => unit !== totalUnit);
  const q0 = kind === "stock" && total ? newestQuarter(total, q) : -1;
  if (q0 >= 0) {
    const terms = [unitFigure(total!, kind, q0) as number];
    for (const [, obs] of units) {
      if (newestQuarter(obs, q) <= q0) continue;
      const now = lastYearUnitFigure(obs, kind, q);
      const then = unitFigure(obs, kind, q0);
      if (now === null || then === null) return null;
      terms.push(now, -then);
    }
    return terms.length > 1 ? exactSum(terms) : null;
  }
  const terms: number[] = [];
  for (const [, obs] of units) {
    const v = lastYearUnitFigure(obs, kind, q);
    if (v !== null) terms.push(v);
  }
  return terms.length ? exactSum(terms) : null;
}

/**
 * 同比 (README "Year on year"): a flow's or stock's growth on the same quarter last year,
 * (actual − lastYear) ÷ lastYear, none when last year's figure is 0 or unknown; a rate's change in
 * percentage points, actual − lastYear.
 */
export function yearOnYear(
  kind: IndicatorKind,
  actual: number | null,
  lastYear: number | null,
): { yoy: number | null; yoyPoints: number | null } {
  if (actual === null || lastYear === null) return { yoy: null, yoyPoints: null };
  if (kind === "rate") return { yoy: null, yoyPoints: exactSum([actual, -lastYear]) };
  return { yoy: lastYear === 0 ? null : exactSum([actual, -lastYear]) / lastYear, yoyPoints: null };
}

export interface Report {
  plan: { year: number; title: string; titleEn: string };
  asOf: string | null;
  /** as-of quarter ÷ 4, null when the plan year has no data */
  elapsed: number | null;
  /** an --as-of later than the newest quarter with data (figures carried forward: rule 6) */
  asOfBeyondData: boolean;
  /** the newest quarter of the plan year with any data, or null */
  newestData: string | null;
  /** reporting unit code → its names (for the units a line refers to, e.g. `unchained`) */
  unitNames: Record<string, { name: string; nameEn: string }>;
  indicators: IndicatorLine[];
}

/** All observations of one plan year, grouped by indicator code, then unit code. */
export type ObservationIndex = Map<string, Map<string, Observation[]>>;

/** Groups observations (already positioned in the plan year) by indicator and unit. */
export function indexObservations(rows: Iterable<Observation & { indicator: string }>): ObservationIndex {
  const index: ObservationIndex = new Map();
  for (const r of rows)
    addObservation(index, r.indicator, { unit: r.unit, q: r.q, value: r.value, basis: r.basis });
  return index;
}

/** Adds one observation of `indicator` to an index (see indexObservations). */
export function addObservation(index: ObservationIndex, indicator: string, o: Observation): void {
  let byUnit = index.get(indicator);
  if (!byUnit) {
    byUnit = new Map();
    index.set(indicator, byUnit);
  }
  let list = byUnit.get(o.unit);
  if (!list) {
    list = [];
    byUnit.set(o.unit, list);
  }
  list.push(o);
}

/** The newest quarter (1..4) of the plan year with any data, or null. */
export function newestDataQuarter(index: ObservationIndex): Quarter | null {
  let n = 0;
  for (const byUnit of index.values())
    for (const obs of byUnit.values()) for (const o of obs) if (o.q > n) n = o.q;
  return n >= 1 ? (n as Quarter) : null;
}

/** Indicators in report order: headline targets first (in plan order), then by section and task. */
export function reportOrder(indicators: readonly Indicator[]): Indicator[] {
  const pos = new Map(indicators.map((d, i) => [d.code, i]));
  return [...indicators].sort((a, b) => {
    if (a.headline !== b.headline) return a.headline ? -1 : 1;
    if (!a.headline) {
      const s = (a.section ?? 99) - (b.section ?? 99);
      if (s) return s;
      const t = (a.task ?? 0) - (b.task ?? 0);
      if (t) return t;
    }
    return pos.get(a.code)! - pos.get(b.code)!;
  });
}

/** A period's text from its position in plan year `year` (0 = the baseline, the prior year's Q4). */
export function periodOfIndex(year: number, q: number): string {
  return q === 0
    ? formatPeriod({ year: year - 1, quarter: 4 })
    : formatPeriod({ year, quarter: q as Quarter });
}

/**
 * Whether an indicator's year-end result is final (README rule 5): a flow already met is; else only
 * at Q4, when the city figure rests on a Q4 全市 value, or (not for a rate) every unit that reported
 * the indicator in Q1–Q4 sent a Q4 figure (a unit that sent only a baseline does not count).
 */
function isFinal(
  kind: IndicatorKind,
  target: number,
  city: CityFigure,
  byUnit: ReadonlyMap<string, readonly Observation[]>,
  totalUnit: string | null,
  q: number | null,
): boolean {
  if (city.value === null || q === null) return false;
  if (kind === "flow" && city.value >= target) return true;
  if (q < 4) return false;
  if (city.quarter === 4 && city.source === "total") return true;
  if (kind === "rate") return false;
  let reporters = 0;
  for (const [unit, obs] of byUnit) {
    if (unit === totalUnit || !obs.some((o) => o.q >= 1 && o.q <= 4)) continue;
    reporters++;
    if (!obs.some((o) => o.q === 4)) return false;
  }
  return reporters > 0;
}

/**
 * Builds the report of `plan` at quarter `asOf` (default: the newest quarter with data), with each
 * unit's line against its own target where `targets` (目标分解) gives it one, and 同比 against
 * `prior`, last year's observations positioned as its quarters 1 … 4 (see yearOnYear).
 * An as-of quarter with no data in the plan year at all gives null asOf/elapsed/expected; an
 * as-of later than the newest data is allowed and flagged (`asOfBeyondData`).
 */
export function buildReport(
  plan: Plan,
  index: ObservationIndex,
  asOf?: Quarter,
  targets: readonly UnitTarget[] = [],
  prior: ObservationIndex = new Map(),
): Report {
  const newest = newestDataQuarter(index);
  const q = asOf ?? newest;
  const elapsed = q === null ? null : q / 4;
  const year = plan.plan.year;
  const totalUnit = plan.units.find((u) => u.isTotal)?.code ?? null;
  const sectionCode = new Map(plan.sections.map((s) => [s.number, s.code]));
  const unitOrder = plan.units.map((u) => u.code);
  const empty = new Map<string, Observation[]>();
  const indicators = reportOrder(plan.indicators).map((ind): IndicatorLine => {
    const byUnit = index.get(ind.code) ?? empty;
    // a flow restarts at zero each year: it has no baseline
    const baseline = ind.kind === "flow" ? null : cityFigure(byUnit, totalUnit, ind.kind, 0).value;
    const city: CityFigure =
      q === null
        ? { value: null, source: "none", quarter: null, unchained: [] }
        : cityFigure(byUnit, totalUnit, ind.kind, q);
    const actual = city.value;
    const expected = expectedAt(ind, baseline, q);
    const priorByUnit = prior.get(ind.code);
    const lastYear = q === null ? null : lastYearFigure(priorByUnit, totalUnit, ind.kind, q);
    const basis: YoyBasis =
      q === null
        ? { current: actual, lastYear, leftOut: [] }
        : yoyBasis(byUnit, priorByUnit, totalUnit, ind.kind, q, city, unitOrder);
    let unitsReported = 0;
    let cityReported = false;
    if (q !== null)
      for (const [unit, obs] of byUnit) {
        if (!obs.some((o) => o.q >= 1 && o.q <= q)) continue;
        if (unit === totalUnit) cityReported = true;
        else unitsReported++;
      }
    return {
      code: ind.code,
      name: ind.name,
      nameEn: ind.nameEn,
      unit: ind.unit,
      kind: ind.kind,
      cadence: ind.cadence,
      commitment: ind.commitment,
      headline: ind.headline,
      pace: ind.pace,
      section: ind.section === null ? null : (sectionCode.get(ind.section) ?? null),
      task: ind.task,
      target: ind.target,
      baseline,
      actual,
      source: city.source,
      sourcePeriod: city.quarter === null ? null : periodOfIndex(year, city.quarter),
      unchained: city.unchained,
      gap: gapOf(ind.target, actual),
      completion: completionOf(ind.target, actual),
      expected,
      status: statusOf(ind, actual, expected, q, baseline),
      forecast: forecastOf(ind, actual, baseline, q),
      final: isFinal(ind.kind, ind.target, city, byUnit, totalUnit, q),
      unitsReported,
      cityReported,
      lastYear,
      ...yearOnYear(ind.kind, basis.current, basis.lastYear),
      yoyLeftOut: basis.leftOut,
      yoyCurrent: basis.current,
      yoyLastYear: basis.lastYear,
      unitTargets: Object.fromEntries(
        targets
          .filter((t) => t.indicator === ind.code && t.unit !== totalUnit)
          .map((t) => [t.unit, unitTargetLine(ind, t.target, byUnit.get(t.unit) ?? [], q)]),
      ),
    };
  });
  return {
    plan: { year, title: plan.plan.title, titleEn: plan.plan.titleEn },
    asOf: q === null ? null : formatPeriod({ year, quarter: q }),
    elapsed,
    asOfBeyondData: asOf !== undefined && (newest === null || asOf > newest),
    newestData: newest === null ? null : formatPeriod({ year, quarter: newest }),
    unitNames: Object.fromEntries(plan.units.map((u) => [u.code, { name: u.name, nameEn: u.nameEn }])),
    indicators,
  };
}

/**
 * A year-end result: met / missed (final or provisional, see StatusLine.final), pending (an annual
 * indicator or a milestone before Q4: never counted as missed), no_data (no figure at all).
 */
export type Result = "met" | "missed" | "pending" | "no_data";

export interface StatusLine {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  target: number;
  actual: number | null;
  completion: number | null;
  result: Result;
  /** the result rests on Q4 figures (rule 5); false = provisional */
  final: boolean;
  commitment: Commitment;
  /** before the year is complete: the projection and whether it misses the target */
  forecast: number | null;
  atRisk: boolean;
  line: IndicatorLine;
}

export interface YearStatus {
  plan: Report["plan"];
  asOf: string | null;
  asOfBeyondData: boolean;
  /** the as-of quarter is Q4: the year's results are in, final or provisional */
  yearEnd: boolean;
  /** at Q4 with no provisional result left: the year's verdict is final */
  final: boolean;
  /**
   * met and missed count final results only; provisional the other results with a figure; pending
   * the annual indicators and milestones before Q4; noData those with no figure at all.
   */
  summary: {
    total: number;
    met: number;
    missed: number;
    provisional: number;
    pending: number;
    noData: number;
  };
  indicators: StatusLine[];
}

/**
 * Year-end completion from the report (README rule 5): each indicator met, missed, pending or no
 * data, and whether that result is final. Before Q4 `atRisk` flags the indicators that are behind
 * pace or projected to fall short.
 */
export function buildYearStatus(report: Report): YearStatus {
  const yearEnd = report.asOf !== null && report.elapsed === 1;
  const indicators = report.indicators.map((l): StatusLine => {
    const result: Result =
      l.status === "pending"
        ? "pending"
        : l.actual === null
          ? "no_data"
          : l.actual >= l.target
            ? "met"
            : "missed";
    // At risk: behind pace, or projected to fall short. Pending, no-baseline and no-data
    // indicators cannot be judged yet, so they are not flagged.
    const judged = l.status !== "pending" && l.status !== "no_data" && l.status !== "no_baseline";
    const atRisk =
      !yearEnd &&
      result === "missed" &&
      judged &&
      (l.status === "behind" || (l.forecast !== null && l.forecast < l.target));
    return {
      code: l.code,
      name: l.name,
      nameEn: l.nameEn,
      unit: l.unit,
      target: l.target,
      actual: l.actual,
      completion: l.completion,
      result,
      final: l.final,
      commitment: l.commitment,
      forecast: l.forecast,
      atRisk,
      line: l,
    };
  });
  const count = (f: (i: StatusLine) => boolean) => indicators.filter(f).length;
  const summary = {
    total: indicators.length,
    met: count((i) => i.final && i.result === "met"),
    missed: count((i) => i.final && i.result === "missed"),
    provisional: count((i) => !i.final && (i.result === "met" || i.result === "missed")),
    pending: count((i) => i.result === "pending"),
    noData: count((i) => i.result === "no_data"),
  };
  return {
    plan: report.plan,
    asOf: report.asOf,
    asOfBeyondData: report.asOfBeyondData,
    yearEnd,
    final: yearEnd && summary.provisional === 0 && summary.pending === 0,
    summary,
    indicators,
  };
}
