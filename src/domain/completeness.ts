/**
 * 报送情况 (who has reported what): for each reporting unit and quarter, the indicators it sent,
 * the units that sent nothing (未报送), and when each unit's newest data arrived.
 */
import { formatPeriod, type Quarter } from "./period.js";
import type { Plan } from "./plan.js";

/** One stored value reduced to what completeness needs: where it belongs and when it arrived. */
export interface Submission {
  indicator: string;
  unit: string;
  /** 0 = baseline, 1..4 = quarter of the plan year */
  q: number;
  /** ISO 8601 time of the import that wrote the current value */
  importedAt: string;
}

export interface PeriodCell {
  period: string;
  /** codes of the indicators the unit sent for the period, in plan order */
  indicators: string[];
  /** the newest import among those values, or null when the unit sent nothing */
  importedAt: string | null;
}

export interface UnitCompleteness {
  code: string;
  name: string;
  nameEn: string;
  aliases: string[];
  isTotal: boolean;
  /** aligned with Completeness.periods */
  periods: PeriodCell[];
  /** the newest import holding any of the unit's current values of the plan year (any period) */
  lastImport: string | null;
  /** the periods (of those shown) in which the unit sent nothing: 未报送 */
  missing: string[];
}

export interface Completeness {
  plan: { year: number; title: string; titleEn: string };
  periods: string[];
  /** the indicators of the plan in plan order (codes and names, for the per-indicator view) */
  indicators: { code: string; name: string; nameEn: string }[];
  units: UnitCompleteness[];
  /** per period, the units that sent nothing */
  missing: { period: string; units: string[] }[];
}

/**
 * Builds the completeness view of `plan` for the given quarters (default: Q1 up to the newest
 * quarter with any data; none when the year has no data). The baseline is not a reporting round
 * and is left out unless asked for (quarter 0).
 */
export function buildCompleteness(
  plan: Plan,
  submissions: readonly Submission[],
  quarters?: readonly (0 | Quarter)[],
): Completeness {
  const year = plan.plan.year;
  let qs: number[];
  if (quarters) qs = [...quarters];
  else {
    const newest = submissions.reduce((n, s) => Math.max(n, s.q), 0);
    qs = Array.from({ length: newest }, (_, i) => i + 1);
  }
  const periodOf = (q: number) =>
    q === 0 ? formatPeriod({ year: year - 1, quarter: 4 }) : formatPeriod({ year, quarter: q as Quarter });
  const periods = qs.map(periodOf);
  const order = new Map(plan.indicators.map((d, i) => [d.code, i]));
  const units = plan.units.map((u): UnitCompleteness => {
    const mine = submissions.filter((s) => s.unit === u.code);
    let lastImport: string | null = null;
    for (const s of mine) if (lastImport === null || s.importedAt > lastImport) lastImport = s.importedAt;
    const cells = qs.map((q): PeriodCell => {
      const here = mine.filter((s) => s.q === q);
      const codes = [...new Set(here.map((s) => s.indicator))].sort(
        (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
      );
      let importedAt: string | null = null;
      for (const s of here) if (importedAt === null || s.importedAt > importedAt) importedAt = s.importedAt;
      return { period: periodOf(q), indicators: codes, importedAt };
    });
    return {
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      aliases: u.aliases,
      isTotal: u.isTotal,
      periods: cells,
      lastImport,
      missing: cells.filter((c) => c.indicators.length === 0).map((c) => c.period),
    };
  });
  return {
    plan: { year, title: plan.plan.title, titleEn: plan.plan.titleEn },
    periods,
    indicators: plan.indicators.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn })),
    units,
    missing: periods.map((period) => ({
      period,
      units: units.filter((u) => u.missing.includes(period)).map((u) => u.code),
    })),
  };
}
