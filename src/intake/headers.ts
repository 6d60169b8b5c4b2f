/** Header cells: which column is which (long layout), and `name（unit）` headers (wide layout). */
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
  unit: ["unit", "单位", "填报单位", "地区", "区县", "县(市、区)"],
  indicator: ["indicator", "指标", "指标名称", "指标代码", "项目"],
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
/** Bracketed remarks that are not units: （含…） （不含…） （其中…） （注…）. */
const REMARK = /^(?:含|不含|其中|注|包括)/;

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
 * What a header (or second-header) cell that is neither a role nor an indicator says about its
 * column. Statistical tables put targets and derived figures beside the values: a target column
 * (目标, 计划, 任务数) and a derived one (完成率, 同比, 增长, 增幅, 占比) are never values, whatever
 * numbers they hold; `本期` marks a value of the quarter alone, `累计` / `完成` / `1-9月` a
 * year-to-date value.
 */
export type SubColumn = "ytd" | "period" | "target" | "derived";

const DERIVED = /率|同比|环比|增长|增幅|增速|增减|占比|比重|比上年|进度|排名|排位|差额|差距/;
const TARGET = /目标|计划|任务/;
const PERIOD_VALUE = /^(?:本期|当期|当季|本季|本季度|当季度|本月|当月)(?:完成|实绩)?(?:数|值)?$/;
const YTD_VALUE =
  /^(?:本年|自年初|年)?(?:累计|完成|实际|实绩|实际完成|累计完成|完成情况|数值)(?:完成)?(?:数|值|额)?$/;
/** A value header that names its span: `1-9月累计`, `前三季度`, `截至9月底`, `2020年1-9月完成`. */
const PERIOD_HEADER =
  /^(?:截至|截止)?((?:\d{4}年)?(?:\d{1,2}[-~至到]\d{1,2}月|前?[一二三四1-4两]个?季度|第?[一二三四1-4][-~至到][一二三四1-4]季度|上半年|全年|\d{1,2}月(?:底|末)?))(?:份)?(?:累计)?(?:完成)?(?:数|值|额)?$/;

/**
 * The kind of a column from its header text (after normalisation), or null when the text says
 * nothing known. `periodText` is the span a value header names (`1-9月` of `1-9月累计`).
 */
export function classifySubColumn(header: string): { kind: SubColumn; periodText?: string } | null {
  const key = normalizeKey(splitHeaderUnit(header).name)
    .replace(DECORATION, "")
    .replace(/[\u2010-\u2015\u2212\u301c]/g, "-");
  if (key === "") return null;
  if (DERIVED.test(key)) return { kind: "derived" };
  if (TARGET.test(key)) return { kind: "target" };
  if (PERIOD_VALUE.test(key)) return { kind: "period" };
  if (YTD_VALUE.test(key)) return { kind: "ytd" };
  const m = PERIOD_HEADER.exec(key);
  if (m) return { kind: "ytd", periodText: m[1]! };
  return null;
}
