/**
 * One indicator quarter by quarter: the baseline and Q1–Q4 figures against the pace line
 * (序时进度 at each quarter), for the city or for one reporting unit.
 */
import { formatPeriod, type Quarter } from "./period.js";
import type { Indicator, Plan, ReportingUnit } from "./plan.js";
import { cityFigure, expectedAt, type Observation, type Status, statusOf, unitFigure } from "./progress.js";
import {
  lastYearFigure,
  lastYearUnitFigure,
  newestDataQuarter,
  type ObservationIndex,
  type YoyBasis,
  type YoyLeftOut,
  yoyBasis,
} from "./report.js";

export interface TrendPoint {
  /** 0 = baseline (the prior year-end), 1..4 = quarters */
  q: number;
  period: string;
  /** the figure at this quarter; null when there is none yet (or the quarter is still to come) */
  value: number | null;
  /** 序时进度 at this quarter (city only: units have no targets); null for annual indicators before Q4 */
  expected: number | null;
  /** value ÷ target */
  completion: number | null;
  /** the city's status at this quarter (city trend only) */
  status: Status | null;
  /** the city figure at this quarter (next to a unit's figure) */
  city: number | null;
  /** 上年同期: the same figure (city or unit) at the same quarter last year; null when unknown */
  lastYear: number | null;
  /** the city's units with a figure in one year only, left out of the comparison (see yoyBasis); [] for a unit */
  yoyLeftOut: YoyLeftOut[];
  /** the figures compared when units were left out: the sums over the units in both years */
  yoyCurrent: number | null;
  yoyLastYear: number | null;
}

export interface Trend {
  plan: { year: number; title: string; titleEn: string };
  indicator: Pick<
    Indicator,
    "code" | "name" | "nameEn" | "unit" | "kind" | "cadence" | "commitment" | "target" | "pace"
  >;
  /** the plan's units by code, to name those left out of 同比 */
  unitNames: Record<string, { name: string; nameEn: string }>;
  /** the unit followed, or null for the city */
  unit: { code: string; name: string; nameEn: string } | null;
  /** the unit's own target (目标分解) its completion is against; null for the city or a unit without one */
  unitTarget: number | null;
  /** the newest quarter of the plan year with any data (of any indicator), or null */
  asOf: string | null;
  /** baseline first, then Q1 … Q4 */
  points: TrendPoint[];
  /** for the city's Q4 point: whether its year-end result is final (rule 5); set by the caller */
  yearEnd?: { final: boolean } | null;
}

/**
 * The trend of `indicator` over the plan year. Quarters after the newest quarter with any data
 * are left empty rather than carried forward: they have not happened yet. A flow starts the year
 * at zero (累计 restarts every year), so its baseline point is 0. Each quarter also has last
 * year's figure where `prior` (last year's observations by its quarters 1 … 4) gives one.
 */
export function buildTrend(
  plan: Plan,
  index: ObservationIndex,
  indicator: Indicator,
  unit?: ReportingUnit,
  prior: ObservationIndex = new Map(),
  unitTarget: number | null = null,
): Trend {
  const newest = newestDataQuarter(index);
  const byUnit = index.get(indicator.code) ?? new Map<string, Observation[]>();
  const totalUnit = plan.units.find((u) => u.isTotal)?.code ?? null;
  const year = plan.plan.year;
  const cityAt = (q: number) =>
    q === 0 && indicator.kind === "flow" ? 0 : cityFigure(byUnit, totalUnit, indicator.kind, q).value;
  const baseline = indicator.kind === "flow" ? null : cityAt(0);
  const points: TrendPoint[] = [0, 1, 2, 3, 4].map((q) => {
    const happened = q === 0 || (newest !== null && q <= newest);
    const city = happened ? cityAt(q) : null;
    let value: number | null;
    if (!unit) value = city;
    else if (!happened) value = null;
    else if (q === 0 && indicator.kind === "flow") value = 0;
    else value = unitFigure(byUnit.get(unit.code) ?? [], indicator.kind, q);
    const expected = unit
      ? null
      : q === 0
        ? (baseline ?? (indicator.kind === "flow" ? 0 : null))
        : expectedAt(indicator, baseline, q);
    // a unit's completion is against its own target (目标分解) where it has one
    const target = unit && unitTarget !== null ? unitTarget : indicator.target;
    const priorByUnit = prior.get(indicator.code);
    const unitPrior = unit ? priorByUnit?.get(unit.code) : undefined;
    // the city's 上年同期 compared over the same units as its figure (yoyBasis), as the report does
    const basis: YoyBasis =
      q === 0
        ? { current: null, lastYear: null, leftOut: [] }
        : unit
          ? { current: null, lastYear: null, leftOut: [] }
          : happened
            ? yoyBasis(
                byUnit,
                priorByUnit,
                totalUnit,
                indicator.kind,
                q,
                cityFigure(byUnit, totalUnit, indicator.kind, q),
                plan.units.map((u) => u.code),
              )
            : { current: null, lastYear: null, leftOut: [] };
    const lastYear =
      q === 0
        ? null
        : unit
          ? lastYearUnitFigure(unitPrior, indicator.kind, q)
          : lastYearFigure(priorByUnit, totalUnit, indicator.kind, q);
    return {
      q,
      period:
        q === 0
          ? formatPeriod({ year: year - 1, quarter: 4 })
          : formatPeriod({ year, quarter: q as Quarter }),
      value,
      expected,
      completion: value === null ? null : target === 0 ? null : value / target,
      status: unit || q === 0 || !happened ? null : statusOf(indicator, city, expected, q, baseline),
      city,
      lastYear,
      yoyLeftOut: basis.leftOut,
      yoyCurrent: basis.leftOut.length ? basis.current : value,
      yoyLastYear: basis.leftOut.length ? basis.lastYear : lastYear,
    };
  });
  return {
    plan: { year, title: plan.plan.title, titleEn: plan.plan.titleEn },
    indicator: {
      code: indicator.code,
      name: indicator.name,
      nameEn: indicator.nameEn,
      unit: indicator.unit,
      kind: indicator.kind,
      cadence: indicator.cadence,
      commitment: indicator.commitment,
      target: indicator.target,
      pace: indicator.pace,
    },
    unitNames: Object.fromEntries(plan.units.map((u) => [u.code, { name: u.name, nameEn: u.nameEn }])),
    unit: unit ? { code: unit.code, name: unit.name, nameEn: unit.nameEn } : null,
    unitTarget: unit ? unitTarget : null,
    asOf: newest === null ? null : formatPeriod({ year, quarter: newest }),
    points,
  };
}
