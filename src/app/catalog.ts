/**
 * Lookups over the loaded plans for the importer: a period's plan year, units and indicators by
 * code, name or alias (width-, case- and space-insensitive), and close names for "did you mean".
 */
import { type Period, quarterIndex } from "../domain/period.js";
import type { Indicator, Plan, ReportingUnit } from "../domain/plan.js";
import { splitHeaderUnit } from "../intake/headers.js";
import { suggest } from "../intake/suggest.js";
import { normalizeKey } from "../intake/text.js";

interface PlanLookup {
  plan: Plan;
  units: Map<string, ReportingUnit>;
  unitNames: string[];
  unitOrdinal: Map<string, number>;
  indicators: Map<string, Indicator>;
  indicatorNames: string[];
  indicatorOrdinal: Map<string, number>;
}

/** See Catalog.slotLayout. */
export interface SlotLayout {
  /** codes by ordinal */
  indicators: string[];
  units: string[];
  /** ordinals by code */
  indicatorOrdinal: ReadonlyMap<string, number>;
  unitOrdinal: ReadonlyMap<string, number>;
  /** the number of slots */
  size: number;
  slot: (indicator: number, unit: number, q: number) => number;
}

export class Catalog {
  private readonly byYear = new Map<number, PlanLookup>();
  private readonly anyIndicator = new Set<string>();

  constructor(plans: readonly Plan[]) {
    for (const plan of plans) {
      const units = new Map<string, ReportingUnit>();
      const unitOrdinal = new Map<string, number>();
      plan.units.forEach((u, i) => {
        unitOrdinal.set(u.code, i);
        for (const n of [u.code, u.name, ...u.aliases]) units.set(normalizeKey(n), u);
      });
      const indicators = new Map<string, Indicator>();
      const indicatorOrdinal = new Map<string, number>();
      plan.indicators.forEach((d, i) => {
        indicatorOrdinal.set(d.code, i);
        for (const n of [d.code, d.name]) {
          indicators.set(normalizeKey(n), d);
          this.anyIndicator.add(normalizeKey(n));
        }
      });
      this.byYear.set(plan.plan.year, {
        plan,
        units,
        unitNames: plan.units.map((u) => u.name),
        unitOrdinal,
        indicators,
        indicatorNames: plan.indicators.map((d) => d.name),
        indicatorOrdinal,
      });
    }
  }

  get years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  plan(year: number): Plan | undefined {
    return this.byYear.get(year)?.plan;
  }

  /**
   * The plan year a period belongs to and its position there (0 = baseline): the plan of the
   * period's own year, else — for a Q4 — the next year's plan, whose baseline it is.
   */
  place(period: Period, forcedYear?: number): { year: number; q: number } | null {
    if (forcedYear !== undefined) {
      const q = this.byYear.has(forcedYear) ? quarterIndex(period, forcedYear) : null;
      return q === null ? null : { year: forcedYear, q };
    }
    if (this.byYear.has(period.year)) return { year: period.year, q: period.quarter };
    if (period.quarter === 4 && this.byYear.has(period.year + 1)) return { year: period.year + 1, q: 0 };
    return null;
  }

  unit(year: number, text: string): ReportingUnit | undefined {
    return this.byYear.get(year)?.units.get(normalizeKey(text));
  }

  indicator(year: number, text: string): Indicator | undefined {
    const l = this.byYear.get(year);
    if (!l) return undefined;
    return l.indicators.get(normalizeKey(text)) ?? l.indicators.get(normalizeKey(splitHeaderUnit(text).name));
  }

  /** True when some loaded plan has an indicator of this code or name (header recognition). */
  isIndicator = (text: string): boolean =>
    this.anyIndicator.has(normalizeKey(text)) ||
    this.anyIndicator.has(normalizeKey(splitHeaderUnit(text).name));

  suggestUnit(year: number, text: string): string[] {
    const l = this.byYear.get(year);
    return l ? suggest(text, l.unitNames) : [];
  }

  /** Close indicator names, matching the input against both names and codes. */
  suggestIndicator(year: number, text: string): string[] {
    const l = this.byYear.get(year);
    if (!l) return [];
    const byCode = new Map(l.plan.indicators.map((d) => [d.code, d.name]));
    const hits = suggest(text, [...l.indicatorNames, ...byCode.keys()]).map((h) => byCode.get(h) ?? h);
    return [...new Set(hits)];
  }

  /**
   * The dense numbering of a plan year's keys, for the importer's per-file arrays: slot(indicator
   * ordinal, unit ordinal, quarter index 0–4) runs from 0 to size − 1, in plan order.
   */
  slotLayout(year: number): SlotLayout {
    const l = this.byYear.get(year)!;
    const units = l.unitOrdinal.size;
    return {
      indicators: l.plan.indicators.map((d) => d.code),
      units: l.plan.units.map((u) => u.code),
      indicatorOrdinal: l.indicatorOrdinal,
      unitOrdinal: l.unitOrdinal,
      size: l.indicatorOrdinal.size * units * 5,
      slot: (indicator, unit, q) => (indicator * units + unit) * 5 + q,
    };
  }
}
