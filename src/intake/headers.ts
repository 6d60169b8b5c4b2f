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
  | "date";
/** Same as ColumnRole. */
export type Role = ColumnRole;

/** Header names per role; compared after normalizeKey, so width, case and spaces don't matter. */
export const COLUMN_SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  period: ["period", "报告期", "期间", "季度", "时间"],
  unit: ["unit", "单位", "填报单位", "地区", "区县", "县(市、区)"],
  indicator: ["indicator", "指标", "指标名称", "指标代码", "项目"],
  value: ["value", "数值", "完成值", "完成数", "累计完成", "本年累计"],
  basis: ["basis", "口径"],
  note: ["note", "备注", "说明"],
  task: ["task", "任务", "序号", "任务序号"],
  status: ["status", "状态", "完成状态"],
  evidence: ["evidence", "佐证材料", "佐证"],
  date: ["date", "日期"],
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
