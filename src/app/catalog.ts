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

/**
 * The quarter indexes a plan year's slots hold: −3 … −1 the same quarters of the year before (同比),
 * 0 the baseline (the year before's Q4), 1 … 4 the plan year's quarters.
 */
export const FIRST_Q = -3;
export const SLOT_QUARTERS = 8;

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
  /**
   * the slots of the plan year's own quarters and baseline (quarter index 0 … 4), which come
   * first: a file that names none of last year's Q1–Q3 (the most of them) needs no more
   */
  baseSize: number;
  slot: (indicator: number, unit: number, q: number) => number;
}

// What an office's name adds to its unit's: the seal note, 其中：, the zone's long form, the
// province and city, the office itself.

/** A seal note after the name: （盖章）, （章）, （公章）; any other bracket (（含高新区）) changes what it names. */
const SEAL = /[(（](?:盖章|章|公章|签章|盖公章)[)）]$/;
const PLACE_PREFIX = /^(?:四川省达州市|四川省|达州市)(?=.)/;
/** The official long form of a zone's name: 达州高新技术产业开发区 is 达州高新区. */
const ZONE = /高新技术产业开发区/;
/** `其中：通川区`: a breakdown row under a total names its unit after 其中. */
const AMONG = /^其中[:：]?/;
/** The end of an office's name after its unit's: …局, …委员会, …管委会, …政府, …办公室, …中心. */
const OFFICE_TAIL = /^\p{Script=Han}{0,12}(?:局|委员会|管委会|政府|办公室|办事处|办|中心)$/u;
const OFFICE_SUFFIX =
  /(?:科学技术和经济信息化局|科技和经济信息化局|经济和信息化科技局|科学技术局|科技局|经信科技局|科技经信局|科技和人才工作局|管理委员会|管委会|人民政府|政府|办公室|办事处)$/;

/** `达州市通川区科技局（盖章）` → `通川区`; a normalised key in, a normalised key out. */
export function withoutOfficeAffixes(key: string): string {
  if (key === "达州市本级") return "市本级";
  let k = unsealed(key);
  const suffixed = k.replace(OFFICE_SUFFIX, "");
  if (suffixed !== "") k = suffixed;
  const unplaced = k.replace(PLACE_PREFIX, "");
  return unplaced;
}

/** A normalised key without its seal note and 其中：, the zone's long name shortened. */
function unsealed(key: string): string {
  return key.replace(SEAL, "").replace(AMONG, "").replace(ZONE, "高新区");
}

/** A list number or 其中： in front of an indicator's name: `1.` `2、` `（一）` `一、` `(3)`. */
const LIST_NUMBER =
  /^(?:其中[:：]?|\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])/;

/** The keys an indicator's cell may be looked up by: as written, without its unit bracket, without its list number. */
function indicatorKeys(text: string): string[] {
  const whole = normalizeKey(text);
  const name = normalizeKey(splitHeaderUnit(text).name);
  const keys = [whole, name];
  const bare = name.replace(LIST_NUMBER, "");
  if (bare !== name && bare !== "") keys.push(bare);
  return keys;
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
      if (!this.byYear.has(forcedYear)) return null;
      const q = quarterIndex(period, forcedYear);
      if (q !== null) return { year: forcedYear, q };
      return period.year === forcedYear - 1 ? { year: forcedYear, q: period.quarter - 4 } : null;
    }
    if (this.byYear.has(period.year)) return { year: period.year, q: period.quarter };
    // the year before a plan's: its Q4 is the baseline (q 0), Q1–Q3 the same quarters last year
    // (同比, q −3 … −1), kept with the plan they are compared in
    if (this.byYear.has(period.year + 1)) return { year: period.year + 1, q: period.quarter - 4 };
    return null;
  }

  /**
   * The unit a cell names: by code, name or alias, or by the name of its office (`宣汉县科技局`,
   * `宣汉县科学技术局`, `达州高新区管委会`, `达州市通川区人民政府`, `渠县（盖章）`): such a spelling
   * differs from the unit's name only by an office suffix, so it is the unit.
   */
  unit(year: number, text: string): ReportingUnit | undefined {
    const units = this.byYear.get(year)?.units;
    if (!units) return undefined;
    const key = normalizeKey(text);
    const exact = units.get(key);
    if (exact !== undefined) return exact;
    const bare = withoutOfficeAffixes(key);
    let found = bare !== key && bare !== "" ? units.get(bare) : undefined;
    // any other office: a unit's name (or alias) followed by an office's name (宣汉县科技经济和信息化局)
    const sealed = unsealed(key);
    found ??= this.unitByPrefix(units, sealed.replace(PLACE_PREFIX, "")) ?? this.unitByPrefix(units, sealed);
    // the city's own office (达州市科技局) reports for 全市 or for 市本级: which one, it does not say
    return found?.isTotal ? undefined : found;
  }

  /** The unit whose longest name or alias starts `key` and is followed by an office's name only. */
  private unitByPrefix(units: ReadonlyMap<string, ReportingUnit>, key: string): ReportingUnit | undefined {
    let best: ReportingUnit | undefined;
    let bestLength = 0;
    for (const [name, unit] of units) {
      if (name.length <= bestLength || name.length < 2 || !key.startsWith(name)) continue;
      if (!OFFICE_TAIL.test(key.slice(name.length))) continue;
      best = unit;
      bestLength = name.length;
    }
    return best;
  }

  /**
   * The indicator a cell names: by code or name, with or without a unit bracket (`高新技术企业（家）`),
   * a list number (`1.`, `（一）`, `一、`) or `其中：` in front.
   */
  indicator(year: number, text: string): Indicator | undefined {
    const l = this.byYear.get(year);
    if (!l) return undefined;
    for (const key of indicatorKeys(text)) {
      const found = l.indicators.get(key);
      if (found) return found;
    }
    return undefined;
  }

  /** True when some loaded plan has an indicator of this code or name (header recognition). */
  isIndicator = (text: string): boolean => indicatorKeys(text).some((k) => this.anyIndicator.has(k));

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
   * ordinal, unit ordinal, quarter index −3 … 4) runs from 0 to size − 1. The quarter is the
   * outer index, one plane of (indicator, unit) pairs per quarter in plan order: the baseline and
   * the plan year's quarters (0 … 4) first, in the first `baseSize` slots, then last year's Q1–Q3
   * (−3 … −1), so the importer allocates those only for a file that names them.
   */
  slotLayout(year: number): SlotLayout {
    const l = this.byYear.get(year)!;
    const units = l.unitOrdinal.size;
    const pairs = l.indicatorOrdinal.size * units;
    return {
      indicators: l.plan.indicators.map((d) => d.code),
      units: l.plan.units.map((u) => u.code),
      indicatorOrdinal: l.indicatorOrdinal,
      unitOrdinal: l.unitOrdinal,
      size: pairs * SLOT_QUARTERS,
      baseSize: pairs * (SLOT_QUARTERS + FIRST_Q),
      slot: (indicator, unit, q) => (q >= 0 ? q : q + SLOT_QUARTERS) * pairs + indicator * units + unit,
    };
  }
}
