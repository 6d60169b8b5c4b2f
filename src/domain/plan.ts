/**
 * The plan as the domain sees it: sections, tasks, reporting units and indicators.
 * Mirrors seeds/plan-2020.json (validated by src/intake/plan-file.ts).
 */

/**
 * The closed vocabularies of a plan, one list each: the plan file's schema (intake/plan-file.ts)
 * and the plan workbook's drop-downs (render/plan-xlsx.ts) both take them from here.
 */
export const INDICATOR_KINDS = ["flow", "stock", "rate"] as const;
export const CADENCES = ["quarterly", "annual"] as const;
export const COMMITMENTS = ["firm", "aspirational"] as const;
/** The named pace profiles; a pace may also be four cumulative shares (see Pace). */
export const PACE_NAMES = ["linear", "milestone"] as const;

/** flow = counted up through the year (累计); stock = a level reached by year end; rate = a percentage level. */
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
/** quarterly = reported each quarter; annual = only known from year-end statistics (年度统计). */
export type Cadence = (typeof CADENCES)[number];
/**
 * How 序时进度 (the pace) spreads a target over the year: `linear` = q/4 of it at quarter q;
 * `milestone` = no pace before Q4 (a one-off result that lands when it lands); four cumulative
 * shares (e.g. [0.15, 0.4, 0.65, 1]) = a known seasonal pattern, the share due by Q1 … Q4.
 */
export type Pace = "linear" | "milestone" | readonly [number, number, number, number];
/** aspirational where the plan says 力争, else firm. */
export type Commitment = (typeof COMMITMENTS)[number];

export interface PlanInfo {
  year: number;
  title: string;
  titleEn: string;
  issuer: string;
  issuerEn: string;
  issuedOn: string; // YYYY-MM-DD
  /** the reporting deadline: days after each quarter's end (README "On-time reporting"); absent = 10 */
  reportDeadlineDays?: number;
}

/** The reporting deadline when the plan names none: 10 days after the quarter's end. */
export const DEFAULT_REPORT_DEADLINE_DAYS = 10;

export interface Section {
  number: number; // 1..8
  code: string; // 一 … 八
  title: string;
  titleEn: string;
}

export interface Task {
  number: number;
  section: number;
  title: string;
  titleEn: string;
  text: string;
  /** 牵头单位 */
  lead: string;
  leadEn: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** why the deadline is what it is, e.g. 年底 */
  deadlineNote: string;
}

export interface ReportingUnit {
  code: string;
  name: string;
  nameEn: string;
  aliases: string[];
  adminCode: string | null;
  /** true for 全市: the whole-city figure, not a part of the sum */
  isTotal: boolean;
}

export interface Indicator {
  code: string;
  name: string;
  nameEn: string;
  /** canonical unit of measure: 项 个 家 人次 次 亿元 万元 % */
  unit: string;
  target: number;
  /**
   * the aspirational figure of a `确保 X、争取 Y` pair (争取目标): `target` is the firm floor X, this Y.
   * Shown beside the target, never judged (the report judges against `target`).
   */
  stretch?: number | undefined;
  kind: IndicatorKind;
  cadence: Cadence;
  commitment: Commitment;
  /** one of the plan's headline targets (总体目标) */
  headline: boolean;
  section: number | null;
  task: number | null;
  /** the pace profile of 序时进度 (README, "How it computes", rule 2) */
  pace: Pace;
  /** why the plan gives this pace (the plan file's own words), when it says */
  paceNote?: string | undefined;
  /** the plan's own sentence the target was read from (来源原文), when the plan file gives it */
  source?: string | undefined;
}

export interface Plan {
  plan: PlanInfo;
  sections: Section[];
  tasks: Task[];
  units: ReportingUnit[];
  indicators: Indicator[];
}

/** Units of measure whose values are counts and so must be whole numbers. */
const COUNT_UNITS: ReadonlySet<string> = new Set(["项", "个", "家", "人次", "次", "人", "件", "所", "座"]);
/** Money units and their factor in 元. */
export const MONEY_UNITS: ReadonlyMap<string, number> = new Map([
  ["元", 0],
  ["万元", 4],
  ["亿元", 8],
]);

/**
 * The units of measure dzkj knows how to check (counts, money, %): the plan workbook offers them in
 * its drop-down. A plan may still name another (the schema takes any text), read as a plain figure.
 */
export const MEASURE_UNITS: readonly string[] = [...COUNT_UNITS, ...MONEY_UNITS.keys(), "%"];

export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.has(unit);
}
export function isMoneyUnit(unit: string): boolean {
  return MONEY_UNITS.has(unit);
}

/**
 * The share of the target due by quarter q (0..4) under a pace profile: linear q/4, a profile's
 * cumulative share, null for a milestone before Q4 (no pace). Q4 is always 1, the baseline 0.
 */
export function paceShare(pace: Pace, q: number): number | null {
  if (q <= 0) return 0;
  if (q >= 4) return 1;
  if (pace === "linear") return q / 4;
  if (pace === "milestone") return null;
  return pace[q - 1]!;
}
