/** Header cells: which column is which (long layout), and `name（unit）` headers (wide layout). */
import { parsePeriod } from "./period.js";
import { normalizeKey, toHalfWidth } from "./text.js";

export type ColumnRole =
  | "period"
  | "unit"
  | "indicator"
  | "value"
  | "basis"
  | "note"
  | "task"
  | "status"
  | "evidence"
  | "date"
  | "measure";
/** Same as ColumnRole. */
export type Role = ColumnRole;

/** Header names per role; compared after normalizeKey, so width, case and spaces don't matter. */
export const COLUMN_SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  period: ["period", "报告期", "期间", "季度", "时间"],
  unit: [
    "unit",
    "单位",
    "填报单位",
    "地区",
    "区县",
    "县(市、区)",
    "区(县、市)",
    "县市区",
    "单位名称",
    "区县名称",
    "地区名称",
  ],
  indicator: [
    "indicator",
    "指标",
    "指标名称",
    "指标代码",
    "项目",
    "项目名称",
    "主要指标",
    "指标项",
    "考核指标",
  ],
  value: [
    "value",
    "数值",
    "完成值",
    "完成数",
    "累计完成",
    "累计完成数",
    "本年累计",
    "本年累计完成",
    "年累计",
    "累计",
    "累计数",
    "完成",
    "实际完成",
    "完成情况",
  ],
  basis: ["basis", "口径"],
  note: ["note", "备注", "说明"],
  task: ["task", "任务", "序号", "任务序号"],
  status: ["status", "状态", "完成状态"],
  evidence: ["evidence", "佐证材料", "佐证"],
  date: ["date", "日期"],
  measure: ["measure", "计量单位", "度量单位"],
};

let byKey: ReadonlyMap<string, ColumnRole> | undefined;

/** The roles by normalised header name, built on first use: report commands load this module but never read a header. */
function rolesByKey(): ReadonlyMap<string, ColumnRole> {
  byKey ??= new Map(
    (Object.entries(COLUMN_SYNONYMS) as [ColumnRole, readonly string[]][]).flatMap(([role, names]) =>
      names.map((name) => [normalizeKey(name), role] as const),
    ),
  );
  return byKey;
}

/** Template decorations around a header name: a required-field `*` and a trailing colon. */
const DECORATION = /^\*+|[*:]+$/g;

/**
 * The role of a header cell, or null. `完成值（万元）` is a value column: when the whole header is
 * not a synonym, a trailing unit bracket (see splitHeaderUnit) is dropped and the name tried again.
 */
export function matchColumn(header: string): ColumnRole | null {
  if (REFERENCE.test(header)) return null;
  const roles = rolesByKey();
  const role = roles.get(normalizeKey(header).replace(DECORATION, ""));
  if (role !== undefined) return role;
  const { name, unit } = splitHeaderUnit(header);
  return unit === null ? null : (roles.get(normalizeKey(name).replace(DECORATION, "")) ?? null);
}

/** A trailing bracket: `（万元）`, `(%)`, `（单位：万元）`. Its content may not contain brackets. */
const TRAILING_BRACKET = /^(.*?)\s*[(（]\s*([^()（）]*?)\s*[)）]\s*$/s;
/**
 * What a unit looks like: short, no digits or punctuation other than % ‰ / ². Built on first use:
 * creating it costs ~0.8 ms (the \p{Script=Han} set), at every start of every command that loads this module.
 */
let unitLike: RegExp | undefined;
/** Bracketed remarks that are not units: （含…） （不含…） （其中…） （注…） （参考）. */
const REMARK = /^(?:含|不含|其中|注|包括|参考)/;
/**
 * A reference column (参考): a figure shown beside the value for comparison, as the fill-in
 * template's 年度目标（参考） and 上期数值（参考） — never the value, whatever else its header says
 * (数值（参考） included). Read as a derived figure: ignored, and listed as a column not read.
 */
const REFERENCE = /参考/;

/**
 * Splits a wide-layout header `高新技术企业（家）` into name and unit (`{ name: "高新技术企业", unit: "家" }`).
 * Only a trailing bracket that looks like a unit is split off; anything else (`柔性引进国(境)外高端紧缺人才`,
 * `研发投入（含规上企业）`) comes back whole with unit null. The unit is half-width (`％` → `%`); a
 * `单位：` prefix inside the bracket is dropped.
 */
export function splitHeaderUnit(header: string): { name: string; unit: string | null } {
  const whole = header.trim();
  const m = TRAILING_BRACKET.exec(whole);
  if (!m) return { name: whole, unit: null };
  const name = m[1]!.trim();
  const unit = toHalfWidth(m[2]!)
    .replace(/\s+/g, "")
    .replace(/^单位[:：]?/, "");
  unitLike ??= /^[\p{Script=Han}a-zA-Z%‰/²³]{1,4}$/u;
  if (name === "" || !unitLike.test(unit) || REMARK.test(unit)) return { name: whole, unit: null };
  return { name, unit };
}

/**
 * What a header (or second-header) cell says about its column's figures. Statistical tables put
 * targets and derived figures beside the values: a target column (目标, 计划, 任务数) and a derived
 * one (完成率, 同比, 增长, 上年同期, and any 参考 column) are never values, whatever numbers they hold, and neither is a
 * single month's figure (9月完成, 本月, 当月). `本期` (or a quarter's own span, 7-9月, 三季度) marks a
 * value of the quarter alone; `累计`, `1-9月`, `前三季度`, `截至9月底` a year-to-date value.
 */
export type SubColumn = "ytd" | "period" | "target" | "derived" | "month";

export interface SubColumnInfo {
  kind: SubColumn;
  /** the period the column's span names, in a form parsePeriod reads (`1-9月`, `9月`, `第三季度`) */
  periodText?: string;
  /**
   * a year-to-date column that says so (累计, 本年, 期末, or a span from January): preferred over a
   * plain 完成 / 数值 when a header offers both
   */
  cumulative?: boolean;
  /** the header says 新增 (new this year): an increment, never a stock's level */
  increment?: boolean;
  /** the header says 本期, which a statistical table uses for its report period, whatever span that is */
  reportPeriodWord?: boolean;
}

const DERIVED =
  /参考|率|同比|环比|增长|增幅|增速|增减|占比|比重|比上年|比年初|较上年|较年初|上年|去年|同期|进度|排名|排位|差额|差距/;
const TARGET = /目标|计划|任务|预计|预测|预期/;
const MONTH_ONLY = /^(?:本月|当月|本旬)(?:完成|实绩)?(?:数|值|额)?$/;
const PERIOD_VALUE = /^(?:本期|当期|当季|本季|本季度|当季度)(?:完成|实绩|新增)?(?:数|值|额)?$/;
const CUMULATIVE =
  /^(?:本年|自年初|年|本年度)?(?:累计|期末|年末)(?:累计)?(?:完成|实际完成|新增)?(?:数|值|额|数值)?$|^(?:本年|本年度)(?:完成|实际完成|新增)?(?:数|值|额)?$|^(?:期末|年末|本期末|本年实际)(?:数|值)?$|^累计新增(?:数)?$/;
const PLAIN_VALUE =
  /^(?:完成|实际|实绩|实际完成|完成情况|数值|新增|今年以来|本年以来|年初至今)(?:累计)?(?:完成)?(?:数|值|额)?$/;
/** What may follow a span in a value header: `1-9月累计完成数`. */
const SPAN_TAIL = /(?:份)?(?:累计)?(?:完成|实际完成|实际|新增)?(?:数|值|额|情况)?$/;
const CN_Q: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4 };
const quarterOf = (t: string) => (t >= "0" && t <= "9" ? Number(t) : (CN_Q[t] ?? 0));

/**
 * The kind of a column from its header text (after normalisation), or null when the text says
 * nothing known.
 */
export function classifySubColumn(header: string): SubColumnInfo | null {
  const key = normalizeKey(splitHeaderUnit(header).name)
    .replace(DECORATION, "")
    .replace(/[\u2010-\u2015\u2212\u301c]/g, "-");
  if (key === "") return null;
  const info = classifyKey(key);
  if (info && (info.kind === "ytd" || info.kind === "period")) {
    if (key.includes("新增")) info.increment = true;
    if (key.startsWith("本期")) info.reportPeriodWord = true;
  }
  return info;
}

function classifyKey(key: string): SubColumnInfo | null {
  if (DERIVED.test(key)) return { kind: "derived" };
  if (TARGET.test(key)) return { kind: "target" };
  if (MONTH_ONLY.test(key)) return { kind: "month" };
  if (PERIOD_VALUE.test(key)) return { kind: "period" };
  if (CUMULATIVE.test(key)) return { kind: "ytd", cumulative: true };
  if (PLAIN_VALUE.test(key)) return { kind: "ytd" };
  return spanColumn(key);
}

/** A value header that names its span: `1-9月累计`, `前三季度`, `截至9月底`, `7-9月`, `三季度`, `9月完成`. */
function spanColumn(key: string): SubColumnInfo | null {
  const asAt = /^(?:截至|截止|至)/.test(key) || /月累计/.test(key);
  const rest = key.replace(/^(?:截至|截止|至)/, "");
  const year = /^(\d{4}年)?/.exec(rest)![0];
  const span = rest.slice(year.length).replace(SPAN_TAIL, "");
  if (span === "") return null;
  let m = /^(\d{1,2})[-~至到](\d{1,2})月$/.exec(span);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from === 1) return { kind: "ytd", periodText: `${year}${span}`, cumulative: true };
    // a quarter's own months (7-9月): the quarter's increment
    if (to - from === 2 && to % 3 === 0) return { kind: "period", periodText: `${year}${to}月` };
    return { kind: "month" };
  }
  m = /^(\d{1,2})月(底|末)?$/.exec(span);
  if (m) {
    if (m[2] || asAt) return { kind: "ytd", periodText: `${year}${m[1]}月`, cumulative: true };
    return { kind: "month" }; // 9月完成: September's own figure
  }
  if (/^(?:前[一二两三四1-4]个?季度|第?[一1]?[-~至到]第?[一二三四1-4]季度|上半年|全年)$/.test(span))
    return { kind: "ytd", periodText: `${year}${span}`, cumulative: true };
  m = /^第?([一二三四1-4])季度(末)?$/.exec(span);
  if (m) {
    if (m[2] || asAt) return { kind: "ytd", periodText: `${year}第${m[1]}季度`, cumulative: true };
    return { kind: "period", periodText: `${year}第${quarterOf(m[1]!)}季度` };
  }
  return null;
}

/**
 * A period in brackets after an indicator's name (`关键技术攻关项目（上半年）`, `技术合同登记额（一季度）`,
 * `（1-9月）`, `（前三季度）`, `（2019年）`): which span the figure is for. `ytd` for a span from January
 * (or a year), `period` for a single quarter's own (一季度, 7-9月). The figure is read only when
 * the span is the row's report period from January (see the import's period-qualifier rule).
 */
export interface PeriodQualifier {
  /** the indicator's name without the bracket */
  name: string;
  /** the bracket's text (`上半年`) */
  text: string;
  /** the span in a form parsePeriod reads */
  periodText: string;
  kind: "ytd" | "period";
}

/** The period qualifier of an indicator cell or header (see PeriodQualifier), or null when it has none. */
export function splitPeriodQualifier(text: string): PeriodQualifier | null {
  const m = TRAILING_BRACKET.exec(text.trim());
  if (!m) return null;
  const name = m[1]!.trim();
  const q = toHalfWidth(m[2]!).replace(/\s+/g, "");
  if (name === "" || q === "") return null;
  const sub = classifySubColumn(q);
  if (sub && (sub.kind === "ytd" || sub.kind === "period") && sub.periodText !== undefined)
    return { name, text: q, periodText: sub.periodText, kind: sub.kind };
  // a year (2019年) or a dated period (2020年三季度): read by the period parser itself
  if (sub === null && /^\d{4}/.test(q) && /年|q\d/i.test(q) && parsePeriod(q).ok)
    return {
      name,
      text: q,
      periodText: q,
      kind: /季度?$/.test(q) && !/前|[-~至到]/.test(q) ? "period" : "ytd",
    };
  return null;
}
