/**
 * Numeric cells: blanks ("not reported"), quantities with optional unit suffixes converted exactly
 * to the indicator's canonical unit, range checks, and the basis column (累计 / 本期).
 */
import { isCountUnit, MONEY_UNITS } from "../domain/plan.js";
import type { Reason } from "../i18n/index.js";
import { fail, ok, type Parsed } from "./result.js";
import { normalizeKey, toHalfWidth } from "./text.js";

const BLANKS: ReadonlySet<string> = new Set(["", "/", "n/a", "na", "无数据", "无", "空"]);
/** One or more dashes of any kind: `-` `--` `—` `——` `–` `－` `−`. */
const DASH_RUN = /^[-\u2010-\u2015\u2212]+$/;

/** True when a cell means "not reported": empty, a dash, `/`, N/A, 无, 空 … (but `0` is a value). */
export function isBlank(text: string): boolean {
  // hot path: a cell starting with a digit is a value, never a blank marker
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  const s = toHalfWidth(text).trim().toLowerCase();
  return BLANKS.has(s) || DASH_RUN.test(s);
}

/** Minus-sign look-alikes (hyphen, figure dash, en dash, minus) accepted in front of a number. */
const MINUS = /^[\u2010-\u2013\u2212]/;
/** sign, currency, integer part (plain or with commas in thousands positions), fraction, rest. */
const NUMBER = /^([+-]?)([¥￥]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(.*)$/s;
/**
 * A plain decimal without sign, separators or unit, of at most 15 digits (`12`, `1234.5`): any
 * decimal of 15 significant digits or fewer is held exactly by a double (DBL_DIG), so it needs no
 * check that it kept its digits.
 */
const PLAIN = /^\d{1,15}(?:\.\d{1,14})?$/;
const SCIENTIFIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+/i;
const EXCEL_ERROR = /^#(?:n\/a|div\/0!|value!|ref!|name\?|num!|null!|spill!|calc!|getting_data)$/i;

/** Suffixes recognised as units of measure (others make the cell invalid, not "wrong unit"). */
const KNOWN_UNITS: ReadonlySet<string> = new Set([
  "元",
  "万元",
  "亿元",
  "万",
  "亿",
  "千元",
  "百万元",
  "%",
  "‰",
  "项",
  "个",
  "家",
  "人次",
  "次",
  "人",
  "名",
  "位",
  "件",
  "所",
  "座",
  "篇",
  "户",
  "台",
  "套",
  "吨",
  "亩",
]);
/**
 * The unit of measure `text` names, in its canonical spelling, or null when it names none: 万元,
 * 亿元, 项, 家, %, 人次 … with full-width characters, brackets and the word 人民币 allowed
 * (`（人民币亿元）` → 亿元), `万` / `亿` for 万元 / 亿元; any other currency (`万美元`) is returned as
 * written, a measure that no indicator has, so that a figure in it is refused, never read in 元.
 * What tells `单位：万元` (a measure) from `单位：渠县` (a reporting unit).
 */
export function canonicalMeasure(text: string): string | null {
  const t = toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/人民币/g, "")
    .replace(/\(\)/g, "")
    .replace(/^\((.*)\)$/, "$1")
    .replace(/^单位[:：]?/, "");
  if (t === "万" || t === "亿") return `${t}元`;
  if (KNOWN_UNITS.has(t)) return t;
  return /^[\p{Script=Han}A-Za-z]{1,4}元$/u.test(t) ? t : null;
}

/** True when `text` is a unit of measure (see canonicalMeasure). */
export function isMeasureUnit(text: string): boolean {
  return canonicalMeasure(text) !== null;
}

/** Money units and their power of ten in 元 (a Map: no prototype keys such as "constructor"). */
const MONEY_FACTOR: ReadonlyMap<string, number> = MONEY_UNITS;
/** Money suffixes; `万` / `亿` are the usual shorthand for 万元 / 亿元. */
const MONEY_SUFFIX: ReadonlyMap<string, number> = new Map([...MONEY_FACTOR, ["万", 4], ["亿", 8]]);

/**
 * Reads a cell as a quantity in the indicator's canonical `unit`. Accepts full-width characters,
 * thousands separators in thousands positions, a leading sign and a unit suffix: money suffixes
 * (元 万元 亿元, 万 亿) are converted to the indicator's money unit by shifting the decimal point in the
 * text (so `0.56亿元` is exactly 5600 万元); other indicators accept only their own unit (`12项`, `58%`).
 */
export function parseQuantity(text: string, unit: string): Parsed<number> {
  // hot path: plain ASCII digits (most cells) read the same as through the general rule below
  if (text.length <= 16 && PLAIN.test(text)) return ok(Number(text));
  const value = text.trim();
  let s = toHalfWidth(text).trim().replace(MINUS, "-");
  const invalid = () => fail("intake.number.invalid", { value, unit });
  if (s === "") return invalid();
  if (EXCEL_ERROR.test(s)) return fail("intake.number.excelError", { value });
  if (SCIENTIFIC.test(s)) return fail("intake.number.scientific", { value });
  // A currency sign before the sign: ¥-5
  s = s.replace(/^([¥￥])([+-])/, "$2$1");
  const m = NUMBER.exec(s);
  if (!m) return invalid();
  const [, sign, currency, intPart = "", frac = "", suffix = ""] = m;
  const unitFactor = MONEY_FACTOR.get(unit);
  const wrongUnit = (found: string) =>
    fail("intake.number.wrongUnit", { value, unit: found, expected: unit });
  if (currency && unitFactor === undefined) return wrongUnit(currency);

  let shift = 0;
  if (suffix !== "" && suffix !== toHalfWidth(unit)) {
    const suffixFactor = MONEY_SUFFIX.get(suffix);
    if (unitFactor !== undefined && suffixFactor !== undefined) shift = suffixFactor - unitFactor;
    else if (KNOWN_UNITS.has(suffix)) return wrongUnit(suffix);
    else return invalid();
  }

  const decimal = shiftDecimal(intPart.replace(/,/g, ""), frac, shift);
  const n = Number(sign + decimal);
  if (!Number.isFinite(n)) return invalid();
  // one rule for every number: stored exactly as written, or refused (9007199254740993 would
  // become …992, 0.1000000000000000001 would become 0.1)
  if (!keepsDigits(decimal, n)) return fail("intake.number.inexact", { value });
  return ok(n === 0 ? 0 : n); // no -0
}

/**
 * True when the double `n` reads back as exactly the decimal `text` (digits and an optional point,
 * no sign): the shortest decimal that identifies `n` (what String(n) prints) has the same
 * significant digits and magnitude. 0.1 keeps its digits (it prints as 0.1);
 * 9007199254740993 does not (it prints as 9007199254740992).
 */
export function keepsDigits(text: string, n: number): boolean {
  return significant(text) === significant(String(Math.abs(n)));
}

/** `00120.500` → `1205e2`, `1.2e-7` → `12e-8`: significant digits and the power of ten of the last one. */
function significant(text: string): string {
  const [mantissa = "", exp = "0"] = text.toLowerCase().split("e");
  const point = mantissa.indexOf(".");
  const intPart = point === -1 ? mantissa : mantissa.slice(0, point);
  const frac = point === -1 ? "" : mantissa.slice(point + 1);
  let digits = (intPart + frac).replace(/^0+/, "");
  let power = Number(exp) - frac.length;
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  power += trailing;
  return digits === "" ? "0" : `${digits}e${power}`;
}

/**
 * `int.frac` × 10^shift as a decimal string, computed on the digits (never with float arithmetic):
 * ("0", "56", 4) → "0056.00" style strings that Number() reads exactly as the decimal they spell.
 */
export function shiftDecimal(intPart: string, frac: string, shift: number): string {
  const digits = intPart + frac;
  const point = intPart.length + shift;
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Range check of a parsed value in canonical `unit`: counts whole and ≥ 0, money ≥ 0, % within
 * 0–100, anything else ≥ 0. Null when the value is acceptable. The reason names the indicator
 * (`label`): "3.5" alone does not tell a county which cell of a wide sheet is wrong.
 */
export function checkValue(
  value: number,
  unit: string,
  label: { name: string; nameEn?: string } = { name: "—" },
): Reason | null {
  const named = { indicator: label.name, indicatorEn: label.nameEn ?? label.name };
  if (!Number.isFinite(value))
    return { key: "intake.number.invalid", params: { value: String(value), unit } };
  if (unit === "%") {
    return value < 0 || value > 100 ? { key: "intake.number.percentRange", params: { value } } : null;
  }
  if (isCountUnit(unit) && !Number.isInteger(value)) {
    return { key: "intake.number.notWhole", params: { value, unit, ...named } };
  }
  if (value < 0) return { key: "intake.number.negative", params: { value, unit, ...named } };
  return null;
}

/**
 * Range check of a unit target (目标分解, README "Unit targets") in its indicator's unit: the range
 * checkValue applies to that indicator's progress values, and further a target of 0 (a unit without
 * a share leaves its cell blank) and a rate target of at most 1 where the city's target is above 1
 * (0.58 written for 58 %). Null when acceptable.
 */
export function checkTarget(
  value: number,
  ind: { name: string; nameEn: string; unit: string; target: number },
): Reason | null {
  const range = checkValue(value, ind.unit, ind);
  if (range) return range;
  const named = { indicator: ind.name, indicatorEn: ind.nameEn };
  if (value === 0) return { key: "targets.import.zero", params: named };
  if (ind.unit === "%" && value <= 1 && ind.target > 1)
    return {
      key: "targets.import.fraction",
      params: { ...named, value, percent: Number((value * 100).toPrecision(12)), target: ind.target },
    };
  return null;
}

export type Basis = "ytd" | "period";

/** Shown to the user when the basis column cannot be read. */
export const BASIS_FORMS = "累计/ytd（默认）、本期/period";

const BASES: ReadonlyMap<string, Basis> = new Map<string, Basis>([
  ["ytd", "ytd"],
  ["year-to-date", "ytd"],
  ["累计", "ytd"],
  ["本年累计", "ytd"],
  ["年累计", "ytd"],
  ["period", "period"],
  ["本期", "period"],
  ["当期", "period"],
  ["当季", "period"],
  ["本季", "period"],
  ["当季度", "period"],
  ["本季度", "period"],
]);

/** The basis column: blank or 累计 → year-to-date, 本期/当季 → this period only. */
export function parseBasis(text: string): Parsed<Basis> {
  const exact = BASES.get(text); // hot path: the canonical spellings as written
  if (exact) return ok(exact);
  if (isBlank(text)) return ok("ytd");
  const basis = BASES.get(normalizeKey(text));
  return basis ? ok(basis) : fail("intake.basis.invalid", { value: text.trim(), forms: BASIS_FORMS });
}
