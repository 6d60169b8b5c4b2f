/**
 * Reporting periods as county offices write them: `2020Q3`, `2020年第三季度`, `2020年1-9月`,
 * `2020-09-30`, `2020年9月`, `2020年` … All resolve to one quarter (a Period).
 */
import type { Period, Quarter } from "../domain/period.js";
import { fail, ok, type Parsed } from "./result.js";
import { toHalfWidth } from "./text.js";

/** Shown to the user when a period cannot be read. */
export const PERIOD_FORMS =
  "2020Q3, 2020年第三季度, 2020年前三季度, 2020年1-9月, 截至2020年9月底, 2020-09-30, 2020年9月, 2020年上半年(=Q2), 2020年(=Q4)";

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const CN_DIGIT: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

// After normalisation (half-width, dashes unified, whitespace removed):
const Q_FORM = /^(\d{4})(?:-|年)?q(\d)$/i; // 2020Q3 2020q3 2020-Q3 2020年Q3 ("2020 Q3" after removing spaces)
const CN_QUARTER = /^(\d{4})(年)?(第)?(\d|[一二三四五六七八九])季度?$/; // 2020年第三季度 2020年3季度 2020三季度 …
const YTD_RANGE = /^(\d{4})年(\d{1,2})月?[-~至到](\d{1,2})月份?$/; // 2020年1-9月 2020年1月-9月 2020年1至9月份
const DATE_SEP = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/; // 2020-09-30 2020/9/30 2020.9.30
const DATE_CN = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/; // 2020年9月30日
const MONTH_SEP = /^(\d{4})[-/](\d{1,2})$/; // 2020-09 2020/09 (not 2020.09: a number cell 2020.10 shows as 2020.1)
const MONTH_CN = /^(\d{4})年(\d{1,2})月份?$/; // 2020年9月 2020年9月份
const YEAR = /^(\d{4})(?:年|年度|全年|年全年)?$/; // 2020 2020年 2020年度 2020年全年 → Q4
/** The words of Chinese statistics for a span from January: 上半年 (= 1-6月), 前三季度 (= 1-9月) … */
const FIRST_HALF = /^(\d{4})年?上半年度?$/; // 2020年上半年 → Q2
const SECOND_HALF = /^(\d{4})年?下半年度?$/; // July to December: not a year-to-date span
const FIRST_QUARTERS = /^(\d{4})年?前(\d|[一二两三四])(?:个)?季度$/; // 2020年前三季度 → Q3
const QUARTER_RANGE = /^(\d{4})年?第?(\d|[一二三四])[-~至到]第?(\d|[一二三四])季度$/; // 2020年1-3季度 2020年一至三季度
/** `截至` / `截止` in front and `底` / `末` after a month, quarter or year: the end of that span. */
const AS_AT_PREFIX = /^(?:截至|截止|至)/;
const END_SUFFIX = /(月|季度|年)(?:份)?(?:底|末)$/;
const HAS_YEAR = /^\d{4}/;
/** A yearless text that still reads as a period (`前三季度`, `1-9月`, `Q3`), not any text without a year. */
const PERIOD_WORD = /月|季|半年|全年|^q\d$/i;
/** Excel writes date cells as `2020/9/30 0:00` or `2020-09-30 00:00:00`; midnight is dropped. */
const MIDNIGHT = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+0{1,2}:00(?::00)?$/;
/** Dash and tilde look-alikes (em/en dash, minus, wave dash) → ASCII, after toHalfWidth. */
const DASHES = /[\u2010-\u2015\u2212\u301c\u2053]/g;

const CACHE_SIZE = 1024;
const cache = new Map<string, Parsed<Period>>();

/**
 * Reads a reporting period; see PERIOD_FORMS. A form without a year (`前三季度`, `1-9月`, `9月末`)
 * takes `defaultYear` (the year of the file's title block, or the plan year of a command), and is
 * refused without one. The same parser serves import cells, title blocks and every command option
 * that takes a period (`--period`, `--as-of`), so whatever a file may say an option may say too.
 * Results are cached (inputs repeat on every row).
 */
export function parsePeriod(text: string, defaultYear?: number): Parsed<Period> {
  const key = defaultYear === undefined ? text : `${defaultYear}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = deepFreeze(parseUncached(text, defaultYear));
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, result);
  return result;
}

function parseUncached(text: string, defaultYear: number | undefined): Parsed<Period> {
  const value = text.trim();
  const invalid = () => fail("intake.period.invalid", { value, forms: PERIOD_FORMS });
  let s = toHalfWidth(text).trim().replace(DASHES, "-");
  s = s.replace(MIDNIGHT, "$1");
  // Spaces may separate parts (`2020 Q3`, `2020年 第三季度`) but never split a number (`20 20`).
  if (/\d\s+\d/.test(s)) return invalid();
  s = s.replace(/\s+/g, "");
  // 截至2020年9月底 = 2020年9月; 2020年三季度末 = 2020年三季度; 2020年底 = 2020年
  s = s.replace(AS_AT_PREFIX, "").replace(END_SUFFIX, "$1");
  if (!HAS_YEAR.test(s) && PERIOD_WORD.test(s)) {
    if (defaultYear === undefined) return fail("intake.period.noYear", { value });
    s = `${defaultYear}年${s}`;
  }
  if (s.length < 4 || s.length > 24) return invalid();

  let w = FIRST_HALF.exec(s);
  if (w) return quarterOf(w[1]!, 2, invalid);
  w = FIRST_QUARTERS.exec(s);
  if (w) return quarterOf(w[1]!, digitOf(w[2]!), invalid);
  w = QUARTER_RANGE.exec(s);
  if (w) {
    const from = digitOf(w[2]!);
    const to = digitOf(w[3]!);
    if (from > to) return invalid();
    if (from !== 1) return fail("intake.period.notYearToDate", { value, suggestion: `${w[1]}Q${to}` });
    return quarterOf(w[1]!, to, invalid);
  }
  w = SECOND_HALF.exec(s);
  if (w) return fail("intake.period.notYearToDate", { value, suggestion: `${w[1]}Q4` });

  let m = Q_FORM.exec(s);
  if (m) return quarterOf(m[1]!, Number(m[2]), invalid);

  m = CN_QUARTER.exec(s);
  if (m) {
    const token = m[4]!;
    const isDigit = token >= "0" && token <= "9";
    // `20203季度` is too ambiguous: a digit quarter needs 年 or 第 before it.
    if (isDigit && m[2] === undefined && m[3] === undefined) return invalid();
    return quarterOf(m[1]!, isDigit ? Number(token) : CN_DIGIT[token]!, invalid);
  }

  m = YTD_RANGE.exec(s);
  if (m) {
    const year = yearOf(m[1]!);
    const from = Number(m[2]);
    const to = Number(m[3]);
    if (year === null || from < 1 || to > 12 || from > to) return invalid();
    if (to % 3 !== 0) return fail("intake.period.notQuarterEnd", { value });
    if (from !== 1) return fail("intake.period.notYearToDate", { value, suggestion: `${year}Q${to / 3}` });
    return ok({ year, quarter: (to / 3) as Quarter });
  }

  m = DATE_SEP.exec(s);
  if (m) return dateOf(m[1]!, m[3]!, m[4]!, value, invalid);
  m = DATE_CN.exec(s);
  if (m) return dateOf(m[1]!, m[2]!, m[3]!, value, invalid);

  m = MONTH_SEP.exec(s) ?? MONTH_CN.exec(s);
  if (m) {
    const year = yearOf(m[1]!);
    const month = Number(m[2]);
    if (year === null || month < 1 || month > 12) return invalid();
    if (month % 3 !== 0) return fail("intake.period.notQuarterEnd", { value });
    return ok({ year, quarter: (month / 3) as Quarter });
  }

  m = YEAR.exec(s);
  if (m) return quarterOf(m[1]!, 4, invalid);

  return invalid();
}

/** `3` or `三` (or `两`) as a number. */
function digitOf(token: string): number {
  return token >= "0" && token <= "9" ? Number(token) : CN_DIGIT[token]!;
}

function yearOf(digits: string): number | null {
  const year = Number(digits);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

function quarterOf(yearDigits: string, quarter: number, invalid: () => Parsed<Period>): Parsed<Period> {
  const year = yearOf(yearDigits);
  if (year === null || quarter < 1 || quarter > 4) return invalid();
  return ok({ year, quarter: quarter as Quarter });
}

const QUARTER_END_DAY: Readonly<Record<number, number>> = { 3: 31, 6: 30, 9: 30, 12: 31 };

function dateOf(
  y: string,
  mo: string,
  d: string,
  value: string,
  invalid: () => Parsed<Period>,
): Parsed<Period> {
  const year = yearOf(y);
  const month = Number(mo);
  const day = Number(d);
  if (year === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return invalid();
  if (QUARTER_END_DAY[month] !== day) return fail("intake.period.notQuarterEnd", { value });
  return ok({ year, quarter: (month / 3) as Quarter });
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Cached results are shared between callers, so they must not be mutable. */
function deepFreeze<T>(r: Parsed<T>): Parsed<T> {
  if (r.ok) Object.freeze(r.value);
  else if (r.reason.params) Object.freeze(r.reason.params);
  return Object.freeze(r);
}
