/**
 * The table stage of intake: rows of cleaned text cells (from any record source: CSV today) to a
 * recognised statistical table (统计报表) — title block, one or two header rows, column roles, body
 * rows, total rows and footer — as values. Pure: no I/O, and no plan lookups but the ones it is given
 * (is this an indicator, close indicator names, which unit a spelling names).
 *
 * A county sheet looks like this (README, "What a progress file may look like"):
 *
 *     达州市2020年三季度科技创新指标完成情况表          ← title
 *     填报单位（盖章）：渠县        单位：万元           ← title fields
 *     指标名称 | 计量单位 | 年度目标 | 1-9月累计 | 同比增长（%）   ← header
 *     …                                                   ← body
 *     合　计 | …                                          ← total row: checked, never stored
 *     单位负责人：… 填表人：… 联系电话：…                   ← footer: skipped
 */
import { formatPeriod } from "../domain/period.js";
import type { MessageKey, Params } from "../i18n/index.js";
import type { RowDefaults } from "./cells.js";
import {
  classifySubColumn,
  matchColumn,
  type PeriodQualifier,
  type Role,
  type SubColumn,
  type SubColumnInfo,
  splitHeaderUnit,
  splitPeriodQualifier,
} from "./headers.js";
import { canonicalMeasure, isMeasureUnit } from "./number.js";
import { parsePeriod } from "./period.js";
import { normalizeKey, toHalfWidth } from "./text.js";

export type Layout = "long" | "wide";

/** Tells whether a header cell names an indicator (by code or name, with or without a unit in brackets). */
export type IndicatorLookup = (text: string) => boolean;

/** A field of the title block with the line it came from. */
export interface TitleField {
  text: string;
  line: number;
  /** the label's cell (0-based column), for locating the field in a workbook */
  index?: number;
  /** the cells the value was joined from (`2020年 | 第十季度`), when more than one: named when it does not read */
  cells?: string;
}

/**
 * What the rows above the header say about every row: the reporting unit (填报单位), the period
 * (报告期) and the unit of measure (单位：万元 / 金额单位：万元 / 计量单位：亿元). A `单位：X` field is
 * a measure when X is one (万元, 项, %), and a reporting unit otherwise: decided by what X is, never
 * by where it stands. `moneyOnly` is set by 金额单位, which speaks of amounts only.
 */
export interface TitleBlock {
  unit?: TitleField;
  period?: TitleField;
  measure?: TitleField & { moneyOnly: boolean };
  /**
   * a period the table's name or a bare title cell states (`达州市2020年三季度…情况表`,
   * `2020年1-9月`) without a 报告期： label: used when no 报告期 field or option gives one
   */
  periodInName?: TitleField;
  /**
   * a year the table's name or a bare title cell states (`达州市2019年科技创新…情况表`): a period
   * written without a year takes it, and one stating another year is refused
   */
  yearInName?: TitleField & { year: number };
  /** a field the title block states again (a second 报告期, 填报单位 or unit of measure): checked against the first */
  repeated: { unit: TitleField[]; period: TitleField[]; measure: (TitleField & { moneyOnly: boolean })[] };
}

/** An empty title block. */
export function emptyTitle(): TitleBlock {
  return { repeated: { unit: [], period: [], measure: [] } };
}

/** An indicator column of a wide table. */
export interface IndicatorColumn {
  index: number;
  /** the header as written, for messages */
  header: string;
  /** the indicator's name or code, without a unit bracket */
  name: string;
  /** the unit of measure in the header's bracket, e.g. 家 in 高新技术企业（家） */
  unit: string | null;
  /** `本期` under a merged header: the column holds the quarter's own value */
  basis: "ytd" | "period" | null;
  /** the header says 新增: an increment (see SubColumnInfo) */
  increment: boolean;
  /** the header says 本期 (see SubColumnInfo) */
  reportPeriodWord: boolean;
  /** a period in brackets after the indicator (技术合同登记额（一季度）): checked against each row's period */
  periodQualifier: PeriodQualifier | null;
}

/** A column that is read as nothing, and why (targets and derived figures are never values). */
export interface IgnoredColumn {
  index: number;
  header: string;
  why: SubColumn | "sequence" | "unknown";
}

export interface HeaderInfo {
  /** the (first) header line */
  line: number;
  /** every header line: two when merged cells gave a second header row */
  lines: number[];
  layout: Layout;
  /** column index of each recognised role */
  roles: Partial<Record<Role, number>>;
  /** a column headed plain `单位`: its cells are a reporting unit or a measure, told apart by what they hold */
  unitMayBeMeasure: boolean;
  /** long layout: the value column's own basis, from `本期完成` or a second header row */
  valueBasis: "ytd" | "period" | null;
  /** long layout: the value column says 新增 */
  valueIncrement: boolean;
  /** long layout: the value column says 本期 */
  valueReportPeriodWord: boolean;
  /** long layout: the span a value header names (`1-9月` of `1-9月累计`) */
  valuePeriod: string | null;
  /** long layout: the value columns of the chosen rank that name a span (1-6月累计 | 1-9月累计) */
  valueSpans: ValueColumn[];
  /** long layout: value columns none of which can be preferred (累计完成 | 累计完成); refused */
  ambiguity: ValueColumn[];
  /**
   * long layout: beside a level column (期末数), the column of the year's new ones (本年新增): a
   * flow's figure is read there, a stock's or rate's in the value column
   */
  flowValue: ValueColumn | null;
  /** wide layout: the indicator columns */
  indicatorColumns: IndicatorColumn[];
  ignored: IgnoredColumn[];
  /** columns with no header at all: a value under one cannot be placed */
  unheaded: number[];
  /** the number of columns the header spans; a body cell beyond it cannot be placed */
  width: number;
  /** the header text of each column, for messages */
  headers: string[];
}

/** A problem with the header as a whole, found when it is completed. */
export interface HeaderProblem {
  line: number;
  column: string | null;
  value: string | null;
  key: "intake.header.ambiguousColumns" | "intake.header.periodConflict";
  params: Record<string, string | number>;
}

/** What a body row is. */
export type RowKind = "data" | "total" | "footer";

/**
 * When the form was filled in, sent or printed (填报时间, 报送日期, 制表时间, 打印时间 …): never its
 * report period. Listed before the other keys so that `填报时间：` is not read as `时间：`.
 */
const FILLED_KEYS =
  "(?:填报|报送|报出|上报|填表|制表|填写|编制|打印|报表|签发|审核)(?:日期|时间)|(?:填报|报送|报出|上报|填表|制表|打印)日";
/** A title key that is a date of filling in (see FILLED_KEYS): its field is skipped. */
const FILLED_KEY = new RegExp(`^(?:${FILLED_KEYS})$|日期`);
const TITLE_KEYS = `${FILLED_KEYS}|填报单位名称|填报单位|报送单位|填报机关|填表单位|单位名称|金额单位|计量单位|单位|报告期间|报告期|统计期间|统计期|统计时间|统计时段|所属期|时间`;
/** `KEY：` or `KEY（盖章）：`, found anywhere in a title cell (one cell may hold several fields). */
const TITLE_FIELD = new RegExp(`(${TITLE_KEYS})(?:\\([^)]*\\))?\\s*:`, "g");
/** The first characters of the title keys (填报单位, 报告期, 单位, 金额单位, 计量单位, 时间, 统计期, 所属期). */
const TITLE_FIRST = "填报送单金计时统所上制编打签审";
const TITLE_FIELD_AT_START = new RegExp(`^(${TITLE_KEYS})(?:\\([^)]*\\))?\\s*:`);
/** TITLE_FIELD without the global flag, for a test that keeps no state. */
const TITLE_FIELD_ANYWHERE = new RegExp(TITLE_FIELD.source);

/**
 * Reads the fields of a title row: `填报单位（盖章）：渠县`, `报告期：2020年三季度`, `单位：万元`,
 * several in one cell or across cells. A field already in `into` is kept (the first one wins).
 */
export function readTitleRow(line: number, cells: readonly string[], into: TitleBlock): void {
  for (let at = 0; at < cells.length; at++) {
    const raw = cells[at]!;
    if (raw === "") continue;
    // spaces go first; 单位/亿元, 单位—亿元, 单位(亿元) and 金额：亿元 say 单位：亿元 too
    const c = titleCellText(raw);
    const found = [...c.matchAll(TITLE_FIELD)];
    if (found.length === 0) {
      // a unit of measure in brackets closing a title or standing alone: （亿元）, …情况表（亿元）
      const bracket = /\(([^()]+)\)$/.exec(c)?.[1];
      if (bracket !== undefined && isMeasureList(bracket)) {
        const measure = { text: measureOf(bracket), line, moneyOnly: false };
        if (into.measure) into.repeated.measure.push(measure);
        else into.measure = measure;
      }
    }
    if (found.length === 0 && !/日期|时间|日$/.test(c)) {
      const named = PERIOD_IN_NAME.exec(c);
      if (named) into.periodInName ??= { text: named[0], line };
      const year = YEAR_IN_NAME.exec(c);
      if (year) into.yearInName ??= { text: raw.trim(), line, year: Number(year[1]) };
    }
    const labelAt = at;
    for (let i = 0; i < found.length; i++) {
      const m = found[i]!;
      let parts: string[] = [];
      const end = i + 1 < found.length ? found[i + 1]!.index : c.length;
      let text = c.slice(m.index + m[0].length, end).replace(/[,，;；。]+$/, "");
      if (text.endsWith(")") && !text.includes("(")) text = text.slice(0, -1); // （单位：亿元）
      if (i === found.length - 1) {
        // the last field of a cell goes on in the cells after it, up to the next label or the row's
        // end, joined: `填报单位：` | `达州市` | `通川区`, `报告期：2020年` | `1-9月`, `报告期：` | `2020` | `年` | `3` | `季度`
        const rest = followingValueCells(cells, at, text === "");
        if (rest !== null) {
          parts = text === "" ? rest.parts : [text, ...rest.parts];
          text += rest.text;
          at = rest.index;
        }
      }
      if (!text) continue;
      const key = m[1]!;
      if (FILLED_KEY.test(key)) continue; // 填报时间, 报送日期: when the form was sent, not its period
      if (/报告期|统计期|统计时|时间|所属期/.test(key)) {
        const field: TitleField = { text, line, index: labelAt };
        if (parts.length > 1) field.cells = parts.join(" | ");
        if (into.period) into.repeated.period.push(field);
        else into.period = field;
      } else if (key === "金额单位" || key === "计量单位" || isMeasureList(text)) {
        const measure = { text: measureOf(text), line, moneyOnly: key === "金额单位" };
        if (into.measure) into.repeated.measure.push(measure);
        else into.measure = measure;
      } else if (into.unit) into.repeated.unit.push({ text, line });
      else into.unit = { text, line };
    }
  }
}

/**
 * The cells after `at` that go on a title field's value: every cell up to the next one holding a
 * label (`单位：`, `填表人：张三`, `报告期：…`) or the row's end, joined without a separator (blanks
 * between fragments are form spacing); null when there is none. `index` is the last cell taken.
 */
function followingValueCells(
  cells: readonly string[],
  at: number,
  labelOnly: boolean,
): { index: number; text: string; parts: string[] } | null {
  let text = "";
  let index = at;
  const parts: string[] = [];
  for (let j = at + 1; j < cells.length; j++) {
    if (cells[j] === "") continue;
    const c = titleCellText(cells[j]!);
    if (c === "") continue;
    if (TITLE_FIELD_ANYWHERE.test(c) || LABEL.test(c)) break;
    // a cell that is a field of its own (（亿元）, 万元, 2020年1-9月) ends the value, unless it is
    // the whole value of a label standing alone (`单位：` | `亿元`)
    if (!(labelOnly && text === "") && (isMeasureCell(c) || PERIOD_IN_NAME.test(c) || DAY.test(c))) break;
    if (/^\([^()]*\)$/.test(c)) continue; // （盖章）, （公章）: a remark, no part of the value
    text += c;
    parts.push(c);
    index = j;
  }
  text = text.replace(/[,，;；。]+$/, "");
  return text === "" ? null : { index, text, parts };
}

/** A title cell as its fields are found: spaces gone; 单位/亿元, 单位—亿元, 单位(亿元) and 金额：亿元 say 单位：亿元. */
function titleCellText(raw: string): string {
  return toHalfWidth(raw)
    .replace(/\s+/g, "")
    .replace(/(^|[^填报送表])单位(?:[/—–-]|\((?=[^)]+\)$))/, "$1单位:")
    .replace(/^金额[:：]/, "金额单位:");
}

/** A cell that is a measure (万元, 万元、项) or ends in one in brackets (（亿元）, …情况表（亿元）). */
function isMeasureCell(c: string): boolean {
  const bracket = /\(([^()]+)\)$/.exec(c)?.[1];
  return isMeasureList(bracket ?? c);
}

/** A day (`2020年10月9日`, `2020-10-09`, `2020/10/9`): the date a form was signed, beside its fields. */
const DAY = /^\d{4}(?:年\d{1,2}月\d{1,2}[日号]?|[-/.]\d{1,2}[-/.]\d{1,2})$/;

/** A cell that is a label of its own (`联系人：`, `填表人：张三`), not a value's fragment: a colon after a word. */
const LABEL = /[^\d:]:/;

/**
 * True when a row states a title field in label form (`填报单位：`, `单位：亿元`, `报告期：`): a
 * title row, never a first header row lending names to the columns under it.
 */
export function hasTitleLabel(cells: readonly string[]): boolean {
  for (const c of cells) {
    if (c === "" || !TITLE_FIRST.includes(c.trimStart()[0] ?? "")) continue;
    const m = toHalfWidth(c).replace(/\s+/g, "").match(TITLE_FIELD_AT_START);
    if (m?.[1] !== undefined) return true;
  }
  return false;
}

/**
 * A period inside a table's name: a year and a span shorter than the year (`2020年三季度`,
 * `2020年1-9月`, `2020年前三季度`, `2020年上半年`, `截至2020年9月底`). A year alone (`2020年科技创新…`)
 * says nothing about the quarter and is not taken.
 */
const PERIOD_IN_NAME =
  /(?:截至|截止)?\d{4}年(?:第?[一二三四1-4]季度末?|前[一二两三四1-4]个?季度|[一1]?[-—~至]第?[一二三四1-4]季度|1[-—~至]\d{1,2}月份?|\d{1,2}月(?:底|末|份)?(?!\d)|上半年)/;

/** A year in a table's name: `达州市2019年科技创新…`, `2020年度…` (not part of a longer number). */
const YEAR_IN_NAME = /(?<!\d)((?:19|20|21)\d{2})年/;

/** A sheet named for a year (`2019年`, `2019`, `2019年度`): the year of its rows' yearless periods. */
export function sheetYear(name: string): number | null {
  const m = /^((?:19|20|21)\d{2})(?:年|年度)?$/.exec(toHalfWidth(name).replace(/\s+/g, ""));
  return m ? Number(m[1]) : null;
}

/** `万元、项` or `万元/个`: several measures, one per kind of indicator. */
const MEASURE_SEPARATOR = /[、,，/／;；]/;

/** True when `text` is a measure, or a list of measures (`万元、项`). */
function isMeasureList(text: string): boolean {
  return text.split(MEASURE_SEPARATOR).every((t) => t !== "" && isMeasureUnit(t));
}

/**
 * The measure of a title field that applies to an indicator measured in `unit`: the field's one
 * measure, or from a list (`万元、项`) an amount's for an amount and the indicator's own for the rest;
 * null when the list names none that fits (each value is then read in the indicator's unit).
 */
export function titleMeasureFor(field: string, unit: string, isMoney: (u: string) => boolean): string | null {
  const items = field.split(MEASURE_SEPARATOR).map(measureOf);
  if (items.length === 1) return items[0]!;
  return items.find((m) => (isMoney(unit) ? isMoney(m) : m === unit)) ?? null;
}

/** `（万元）`, `人民币万元` or `万元` → `万元`; `％` → `%`; a list item by item. */
function measureOf(text: string): string {
  return text
    .split(MEASURE_SEPARATOR)
    .map((t) => canonicalMeasure(t) ?? toHalfWidth(t).trim())
    .join("、");
}

/** True for a row that holds nothing: empty, or only delimiters (`,,,,`). */
export function isEmptyRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== "") return false;
  return true;
}

/** A cell that is a number as a person writes one: `5`, `1,234.5`, `58%`, `-3`. Header cells never are. */
const NUMERIC = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

function isNumeric(cell: string): boolean {
  const c = cell.charCodeAt(0);
  // hot path and quick refusal: a number starts with a digit or a sign (full-width ones are rare)
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c >= 0xff00)) return false;
  return NUMERIC.test(toHalfWidth(cell));
}

/**
 * Recognises a header row, or returns null if the row is not one (a title row, a data row). A row
 * holding a number is never a header: the first data row of a sheet whose real header was not
 * recognised names indicators too, and must not be taken for one. Long layout needs an indicator
 * and a value column; wide layout needs indicator columns and no indicator column.
 */
export function recognizeHeader(
  line: number,
  cells: readonly string[],
  isIndicator: IndicatorLookup,
): HeaderInfo | null {
  for (const c of cells) if (c !== "" && isNumeric(c)) return null;
  const roles: Partial<Record<Role, number>> = {};
  const indicatorColumns: IndicatorColumn[] = [];
  const ignored: IgnoredColumn[] = [];
  const values: ValueColumn[] = [];
  let unitMayBeMeasure = false;
  const headers = cells.map((c) => c.trim());
  headers.forEach((h, i) => {
    if (!h) return;
    const role = matchColumn(h);
    if (role === "task") {
      ignored.push({ index: i, header: h, why: "sequence" }); // 序号
      return;
    }
    if (role === "value" || role === null) {
      // a value column, or a column of targets, derived figures or one month (never values)
      const sub = classifySubColumn(h);
      if (role === "value" || sub?.kind === "ytd" || sub?.kind === "period") {
        values.push(valueColumn(i, h, sub));
        return;
      }
      const periodQualifier = role === null ? splitPeriodQualifier(h) : null;
      if (periodQualifier !== null && isIndicator(periodQualifier.name)) {
        // 技术合同登记额（一季度）, （1-9月）: the figures' span, checked against each row's period
        indicatorColumns.push({
          index: i,
          header: h,
          name: periodQualifier.name,
          unit: null,
          basis: null,
          increment: false,
          reportPeriodWord: false,
          periodQualifier,
        });
        return;
      }
      if (role === null && isIndicator(h)) {
        const { name, unit } = splitHeaderUnit(h);
        const own = unit === null ? null : classifySubColumn(unit);
        if (own && own.kind !== "ytd" && own.kind !== "period") {
          ignored.push({ index: i, header: h, why: own.kind }); // 技术合同登记额（目标）
          return;
        }
        indicatorColumns.push({
          index: i,
          header: h,
          name,
          unit: own ? null : unit,
          basis: own?.kind === "period" ? "period" : own?.cumulative ? "ytd" : null,
          increment: own?.increment === true,
          reportPeriodWord: own?.reportPeriodWord === true,
          periodQualifier: null,
        });
        return;
      }
      ignored.push({ index: i, header: h, why: sub?.kind ?? "unknown" });
      return;
    }
    if (roles[role] === undefined) {
      roles[role] = i;
      if (role === "unit") unitMayBeMeasure = normalizeKey(splitHeaderUnit(h).name) === "单位";
      return;
    }
    if (role === "unit" && roles.measure === undefined) {
      roles.measure = i; // a second 单位 column (填报单位 … 单位): the unit of measure
      return;
    }
    ignored.push({ index: i, header: h, why: "unknown" });
  });
  const chosen = chooseValue(values);
  // 期末数 | 本年新增 side by side: the level for stocks and rates, the year's new ones for flows
  let flowValue: ValueColumn | null = null;
  if (chosen.ambiguous.length === 2) {
    const [a, b] = chosen.ambiguous as [ValueColumn, ValueColumn];
    if (a.increment !== b.increment && a.periodText === b.periodText) {
      chosen.value = a.increment ? b : a;
      flowValue = a.increment ? a : b;
      chosen.ambiguous = [];
    }
  }
  for (const v of values)
    if (v !== chosen.value && v !== flowValue)
      ignored.push({ index: v.index, header: v.header, why: v.basis });
  if (chosen.value) roles.value = chosen.value.index;
  const base = {
    line,
    lines: [line],
    roles,
    unitMayBeMeasure,
    valueBasis: statedBasis(chosen.value),
    valueIncrement: chosen.value?.increment === true,
    valueReportPeriodWord: chosen.value?.reportPeriodWord === true,
    valuePeriod: chosen.value?.periodText ?? null,
    valueSpans: values.filter((v) => v.periodText !== null && v.rank === chosen.value?.rank),
    ambiguity: chosen.ambiguous,
    flowValue,
    ignored,
    unheaded: [] as number[],
    width: lastNonEmpty(headers) + 1,
    headers,
  };
  const hasValue = values.length > 0;
  if (roles.indicator !== undefined && hasValue)
    return finishColumns({ ...base, layout: "long", indicatorColumns: [] });
  if (indicatorColumns.length > 0 && roles.indicator === undefined) {
    // a wide table's figures are under its indicators: a 完成 column of its own is not read
    if (chosen.value)
      ignored.push({ index: chosen.value.index, header: chosen.value.header, why: "unknown" });
    delete roles.value;
    return finishColumns({
      ...base,
      roles,
      valueSpans: [],
      ambiguity: [],
      flowValue: null,
      layout: "wide",
      indicatorColumns,
    });
  }
  return null;
}

/** A column of a long table that may hold the figures, and how strongly its header says so. */
export interface ValueColumn {
  index: number;
  header: string;
  basis: "ytd" | "period";
  /** 2: says year-to-date (累计, 1-9月); 1: a plain 完成 / 数值; 0: the quarter's own (本期) */
  rank: number;
  periodText: string | null;
  increment: boolean;
  reportPeriodWord: boolean;
}

function valueColumn(index: number, header: string, sub: SubColumnInfo | null): ValueColumn {
  const period = sub?.kind === "period";
  return {
    index,
    header,
    basis: period ? "period" : "ytd",
    rank: period ? 0 : sub?.cumulative ? 2 : 1,
    periodText: sub?.periodText ?? null,
    increment: sub?.increment === true,
    reportPeriodWord: sub?.reportPeriodWord === true,
  };
}

/**
 * The basis a value column's header states: 累计 / 1-9月 (year-to-date) or 本期 (the quarter's own);
 * none for a plain 完成 / 数值 / value, which leaves it to the 口径 column.
 */
function statedBasis(v: ValueColumn | null): "ytd" | "period" | null {
  if (!v || v.rank === 1) return null;
  return v.basis;
}

/**
 * The value column of a long table: the one that says year-to-date (累计, 1-9月累计) before a plain
 * 完成, before the quarter's own (本期); among spans of the same rank the latest (1-9月 before 1-6月:
 * a file is sent for its newest period; TableReader.finish switches to the one the report period
 * names). Two equal candidates without a span (累计完成 | 累计完成) are ambiguous.
 */
function chooseValue(values: readonly ValueColumn[]): {
  value: ValueColumn | null;
  ambiguous: ValueColumn[];
} {
  if (values.length === 0) return { value: null, ambiguous: [] };
  const top = Math.max(...values.map((v) => v.rank));
  const best = values.filter((v) => v.rank === top);
  if (best.length === 1) return { value: best[0]!, ambiguous: [] };
  const quarters = best.map((v) => (v.periodText === null ? null : spanQuarter(v.periodText)));
  if (quarters.some((q) => q === null)) return { value: best[0]!, ambiguous: best };
  const latest = Math.max(...(quarters as number[]));
  const at = best.filter((_, i) => quarters[i] === latest);
  return at.length === 1 ? { value: at[0]!, ambiguous: [] } : { value: best[0]!, ambiguous: at };
}

/** The quarter a span header names (`1-9月` → 3), in any year; null when it names none. */
function spanQuarter(text: string): number | null {
  // a span without a year is in the year of the others (2000 stands for it); 2019年1-9月 is older
  const p = parsePeriod(text, 2000);
  return p.ok ? (/^\d{4}/.test(text) ? p.value.year : 2000) * 4 + p.value.quarter : null;
}

function lastNonEmpty(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== "") return i;
  return -1;
}

/** Lists the columns inside the header's width that have no header text at all. */
function finishColumns(h: HeaderInfo): HeaderInfo {
  h.unheaded = [];
  for (let i = 0; i < h.width; i++) if (!h.headers[i]) h.unheaded.push(i);
  return h;
}

/**
 * The period a workbook sheet's name states (`一季度`, `三季度`, `2020Q3`, `2020年1-9月`, `前三季度`,
 * `9月底`), or null: a name that is no period (Sheet1, 通川区, 汇总), only a year (`2020年`, which
 * names the workbook's year rather than a quarter), or a single month (`9月`, `2020年9月份`): as
 * under a column header, a month's own figure is never a value (see sheetSingleMonth). Read with
 * the period parser (period.ts); a yearless name takes its year later, as a title block's 报告期 does.
 */
export function sheetPeriod(name: string): string | null {
  const text = toHalfWidth(name).replace(/\s+/g, "");
  if (!/月|季|半年|全年|q\d/i.test(text) || sheetSingleMonth(name)) return null;
  return parsePeriod(text, 2000).ok ? text : null;
}

/** A single month without 底/末 (`9月`, `7月份`, `2020年9月`): the month's own figure, as a 9月 column is. */
const SINGLE_MONTH = /^(?:\d{4}年?)?\d{1,2}月份?$/;

/** True when a sheet's name is a single month (`9月`, `2020年7月`): it gives no period (see sheetPeriod). */
export function sheetSingleMonth(name: string): boolean {
  return SINGLE_MONTH.test(toHalfWidth(name).replace(/\s+/g, ""));
}

/** A report period that runs from January: 1-9月, 前三季度, 上半年, 截至9月底, 三季度末, 全年. */
const FROM_JANUARY = /1\s*[-~—–至到]|前[一二两三四1-4]|上半年|全年|截至|截止|[底末]$/;

/** The label of a row of units of measure: 单位, 计量单位. */
const UNITS_LABEL = /^(?:计量)?单\s*位$/;

/**
 * True when `cells` is the second header row of `h`: merged cells above it (a first row naming
 * indicators, a second naming `累计 | 本期`, `目标 | 完成` or the units of measure). It holds no
 * number and no name: every cell is blank, a sub-column word or a unit of measure.
 */
export function isSubHeader(h: HeaderInfo, cells: readonly string[]): boolean {
  const spans = new Set<number>(h.indicatorColumns.map((c) => c.index));
  if (h.roles.value !== undefined) spans.add(h.roles.value);
  for (const g of h.ignored) spans.add(g.index);
  let words = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c === "") continue;
    if (isNumeric(c)) return false;
    if (UNITS_LABEL.test(c)) continue; // 单位 / 计量单位 labelling a row of units of measure
    // a word stands under a value-like column, or under an empty (merged) header cell
    if (!spans.has(i) && h.headers[i]) return false;
    if (classifySubColumn(c) !== null || isMeasureUnit(c)) words++;
    else return false; // a name (a unit, an indicator): a data row
  }
  return words > 0;
}

/**
 * A header whose first row groups the columns (`区县 | 1-9月完成情况` over `   | 技术合同登记额 | …`):
 * a column the header leaves blank takes its role from the row above (区县, 报告期), and a span
 * above the figures (1-9月完成情况) gives their period.
 */
function mergeGroupRow(h: HeaderInfo, above: readonly string[]): void {
  if (above.length === 0 || hasTitleLabel(above)) return;
  let changed = false;
  above.forEach((text, i) => {
    if (!text) return;
    if (!h.headers[i]) {
      const role = matchColumn(text);
      if ((role === "unit" || role === "period" || role === "note") && h.roles[role] === undefined) {
        h.roles[role] = i;
        h.headers[i] = text;
        if (role === "unit") h.unitMayBeMeasure = normalizeKey(text) === "单位";
        changed = true;
      }
      return;
    }
    const sub = classifySubColumn(text);
    if (sub?.periodText && h.roles.period === undefined) h.valuePeriod ??= sub.periodText;
  });
  if (changed) finishColumns(h);
}

/** What applySubHeader picks as the figure of a span. */
interface Picked {
  index: number;
  basis: "ytd" | "period" | null;
  unit: string | null;
  periodText: string | null;
  increment: boolean;
  reportPeriodWord: boolean;
}

/**
 * Applies a second header row: each indicator column of a wide table (and the value column of a
 * long one) spans the empty header cells to its right, and its sub-columns are told apart by
 * their words. The year-to-date sub-column is the value (`本期` when it is the only one); targets
 * and derived figures are ignored. A span with no value sub-column, or with two of a kind, is
 * ambiguous: returned as a problem naming the columns.
 */
export function applySubHeader(h: HeaderInfo, line: number, cells: readonly string[]): HeaderProblem[] {
  const problems: HeaderProblem[] = [];
  const width = Math.max(h.width, lastNonEmpty(cells) + 1);
  const sub = (i: number) => (cells[i] ?? "").trim();
  const spanEnd = (start: number) => {
    let end = start + 1;
    while (end < width && !h.headers[end]) end++;
    return end;
  };
  /**
   * The value sub-column of the span [start, end), or null with a problem. A span of one column
   * whose second-row cell is blank or a unit of measure (`家`, `万元`) keeps its own header.
   */
  const pick = (start: number, end: number, top: string): Picked | null => {
    const candidates: ValueColumn[] = [];
    const named: string[] = [];
    for (let i = start; i < end; i++) {
      const text = sub(i);
      const info = text ? classifySubColumn(text) : null;
      named.push(`${top}/${text || "—"}`);
      if (info?.kind === "ytd" || info?.kind === "period") candidates.push(valueColumn(i, text, info));
    }
    const chosen = chooseValue(candidates);
    const v = chosen.value;
    if (v && chosen.ambiguous.length === 0)
      return {
        index: v.index,
        basis: statedBasis(v),
        unit: null,
        periodText: v.periodText,
        increment: v.increment,
        reportPeriodWord: v.reportPeriodWord,
      };
    const only = sub(start);
    if (candidates.length === 0 && end - start === 1 && (only === "" || isMeasureUnit(only)))
      return {
        index: start,
        basis: null,
        unit: only === "" ? null : measureOf(only),
        periodText: null,
        increment: false,
        reportPeriodWord: false,
      };
    problems.push({
      line,
      column: top,
      value: named.join("、"),
      key: "intake.header.ambiguousColumns",
      params: { header: top, columns: named.join("、") },
    });
    return null;
  };
  const ignoredIndexes = new Set<number>();
  if (h.layout === "wide") {
    const columns: IndicatorColumn[] = [];
    for (const c of h.indicatorColumns) {
      const end = spanEnd(c.index);
      const chosen = pick(c.index, end, c.header);
      for (let i = c.index; i < end; i++) if (i !== chosen?.index) ignoredIndexes.add(i);
      if (chosen?.periodText && h.roles.period === undefined) h.valuePeriod ??= chosen.periodText;
      if (chosen)
        columns.push({
          ...c,
          index: chosen.index,
          basis: chosen.basis ?? c.basis,
          increment: chosen.increment || c.increment,
          reportPeriodWord: chosen.reportPeriodWord || c.reportPeriodWord,
          unit: chosen.unit ?? c.unit,
        });
    }
    h.indicatorColumns = columns;
  } else if (h.roles.value !== undefined) {
    const start = h.roles.value;
    const end = spanEnd(start);
    const chosen = pick(start, end, h.headers[start]!);
    for (let i = start; i < end; i++) if (i !== chosen?.index) ignoredIndexes.add(i);
    if (chosen) {
      h.roles.value = chosen.index;
      h.valueBasis = chosen.basis ?? h.valueBasis;
      h.valueIncrement ||= chosen.increment;
      h.valueReportPeriodWord = chosen.basis === null ? h.valueReportPeriodWord : chosen.reportPeriodWord;
      if (chosen.periodText) h.valuePeriod = chosen.periodText;
    }
  }
  for (const i of ignoredIndexes) {
    const text = sub(i);
    h.ignored.push({
      index: i,
      header: `${h.headers[i] || spanHeader(h, i)}/${text || "—"}`,
      why: (text ? classifySubColumn(text)?.kind : undefined) ?? "unknown",
    });
  }
  // a header cell the second row fills in under an empty first-row cell (a vertically merged cell)
  const headers = h.headers.slice();
  for (let i = 0; i < width; i++) if (!headers[i] && sub(i) && !ignoredIndexes.has(i)) headers[i] = sub(i);
  h.headers = headers.map((t, i) => (ignoredIndexes.has(i) || !t ? t || spanHeader(h, i) : t));
  h.lines = [h.line, line];
  h.width = width;
  h.unheaded = [];
  for (let i = 0; i < width; i++) if (!h.headers[i] && !ignoredIndexes.has(i)) h.unheaded.push(i);
  return problems;
}

/** The first-row header a merged span at column i belongs to. */
function spanHeader(h: HeaderInfo, i: number): string {
  for (let j = i; j >= 0; j--) if (h.headers[j]) return h.headers[j]!;
  return "";
}

/** Total rows: 合计, 总计, 小计, 全市合计 (spaces of any width inside, as `合　计`). */
const TOTAL =
  /^(?:达州市|全市|全县|全区|全省|本市|各县\(市、区\)|各区县|各县市区|各地)?(?:合计|总计|小计|共计|总合计|汇总)(?:数)?(?::|\(.*\))?$|^(?:total|sum|subtotal)$/;
/** Footer rows: signatures, contacts, dates and notes under the table. */
const FOOTER =
  /^(?:单位负责人|统计负责人|部门负责人|主管领导|分管领导|负责人|填表人|制表人|审核人|审批人|复核人|联系人|联系电话|电话|手机|填报日期|填表日期|报出日期|报送日期|制表日期|填表说明|数据来源|填报人|经办人|联系方式|审核[:：]|制表[:：]|日期[:：]|说明[:：]|附注|注[0-9一二三四五六七八九]?[:：]|备注[:：]|(?:说明|注|备注)$)/;

/** True when a label cell (unit, period, 序号 or first cell) says the row is a total. */
function isTotalLabel(text: string): boolean {
  // quick refusal (a million-row file asks for every row): a total's label starts with one of
  // these, with a space, or with an English word's t / s
  const c = text.charCodeAt(0);
  if (c >= 128 ? !TOTAL_START.includes(text[0]!) : !(c === 32 || (c | 32) === 116 || (c | 32) === 115))
    return false;
  return TOTAL.test(normalizeKey(text));
}

/** The first characters of every TOTAL label, and of the invisible or wide spaces cleanCell keeps inside. */
const TOTAL_START = "合总小全本各共汇达\u3000\u200B\uFEFF";

/** The stems that number a form's text columns in its column-number row (栏次: 甲 乙 丙 …). */
const STEMS = "甲乙丙丁戊己庚辛壬癸";

/**
 * True for a form's column-number row under its header: `甲,乙,丙,1,2,3` — stems, then whole
 * numbers counting up by one. Never data: a data row names a unit or an indicator.
 */
function isColumnNumberRow(cells: readonly string[]): boolean {
  let next = 0;
  let count = 0;
  for (const c of cells) {
    if (c === "") continue;
    count++;
    // 栏次 labels the row; a dash stands for a column that has no number
    if (next === 0 && (c === "栏次" || (c.length === 1 && STEMS.includes(c)))) continue;
    if (/^[-—–]$/.test(c)) continue;
    const n = /^\d{1,2}$/.test(c) ? Number(c) : Number.NaN;
    if (next === 0 && n >= 1) next = n;
    if (n !== next) return false;
    next++;
  }
  return count >= 2;
}

/** A numbered note after a footer (`2.高新技术企业为期末数。`, `（3）…`) holding no figure. */
export function isNoteRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c !== "");
  if (first === undefined || !/^(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])\D/.test(first)) return false;
  return cells.every((c) => c === "" || !isNumeric(c));
}

/** True when a total row's label is a 小计 (a subtotal of the rows since the last total row). */
export function isSubtotalRow(h: HeaderInfo, cells: readonly string[]): boolean {
  for (const i of labelColumns(h)) {
    const c = cells[i];
    if (c && isTotalLabel(c) && normalizeKey(c).includes("小计")) return true;
  }
  return false;
}

/**
 * True for a row that states a title field (填报单位：, 报告期：, 单位：…) in its first cell and holds
 * no figure: above the header a title row, under it the title block of another table.
 */
function isTitleFieldRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c !== "");
  // quick refusal (asked of every body row): a title field's key starts with one of these
  if (first === undefined || !TITLE_FIRST.includes(first[0]!)) return false;
  const c = toHalfWidth(first).replace(/\s+/g, "");
  // the global TITLE_FIELD's state is not shared: a fresh match, anchored at the start
  const m = c.match(TITLE_FIELD_AT_START);
  if (m?.[1] === undefined || /日期/.test(m[1])) return false;
  return cells.every((x) => x === "" || !isNumeric(x));
}

/**
 * True for a header row inside a table's body: from its first cell on, two or more cells repeat
 * the header of their column (the same text, or a name of the same role: 指标名称 under 指标), and
 * none is a figure. A second table below the first (another period's, another unit's) starts there.
 */
function isRepeatedHeader(
  h: HeaderInfo,
  cells: readonly string[],
  last: { first: string; index: number },
): boolean {
  let same = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c === "") continue;
    // quick refusal (asked of every body row): the same first cell as the last data row's (a long
    // table's period, row after row), which named no column then either
    if (same === 0 && i === last.index && c === last.first) return false;
    if (isNumeric(c)) return false;
    const head = h.headers[i];
    const repeats = !!head && (c.trim() === head || sameRole(c, head));
    // quick refusal: a data row's first cell names no column
    if (!repeats && same === 0) {
      last.first = c;
      last.index = i;
      return false;
    }
    if (repeats) same++;
  }
  return same >= 2;
}

function sameRole(a: string, b: string): boolean {
  const role = roleOf(a);
  return role !== null && role === roleOf(b);
}

/** matchColumn, remembered: a body's first cells repeat (the same period or unit row after row). */
const ROLES = new Map<string, Role | null>();
function roleOf(text: string): Role | null {
  let role = ROLES.get(text);
  if (role === undefined) {
    role = matchColumn(text);
    if (ROLES.size >= 4096) ROLES.clear();
    ROLES.set(text, role);
  }
  return role;
}

/**
 * True when the row's first non-empty cell opens a footer (负责人, 填表人, 联系电话, 说明：, 注：…):
 * README "What a progress file may look like", footer. The targets file's reader uses it too.
 */
export function isFooterRow(cells: readonly string[]): boolean {
  for (const c of cells) {
    if (c === "") continue;
    const first = c.charCodeAt(0);
    if (first < 0x3000) return false; // digits and ASCII: data
    const text = toHalfWidth(c).replace(/\s+/g, "");
    if (!FOOTER.test(text)) return false;
    // a bare 说明 / 注 opens a footer only on a row without figures: it could be a note column's label
    return !BARE_NOTE.test(text) || cells.every((x) => x === "" || !isNumeric(x));
  }
  return false;
}

const BARE_NOTE = /^(?:说明|注|备注)$/;

/**
 * What a body row is: a footer, a total (its unit, period, indicator, 序号 or first cell says 合计 …),
 * or data.
 * Rows after the footer has begun are footer when they look like one; any other row is read as
 * data, so that nothing that could be a value is dropped unseen.
 */
export function classifyRow(h: HeaderInfo, cells: readonly string[]): RowKind {
  if (isFooterRow(cells)) return "footer";
  for (const i of labelColumns(h)) {
    const c = cells[i];
    if (c !== undefined && c !== "" && isTotalLabel(c)) return "total";
  }
  return "data";
}

/** The columns whose cell may say 合计: unit, period, indicator, the first and 序号 (once per header). */
const LABELS = new WeakMap<HeaderInfo, number[]>();
function labelColumns(h: HeaderInfo): number[] {
  let cols = LABELS.get(h);
  if (!cols) {
    const r = h.roles;
    const all = [
      r.unit,
      r.period,
      r.indicator,
      0,
      ...h.ignored.filter((g) => g.why === "sequence").map((g) => g.index),
    ];
    cols = [...new Set(all.filter((i): i is number => i !== undefined))];
    LABELS.set(h, cols);
  }
  return cols;
}

/**
 * The first body cell that the header cannot place: beyond the header's width, or under a column
 * with no header. Such a row is refused (its value would otherwise be dropped without a word).
 */
export function unplacedCell(
  h: HeaderInfo,
  cells: readonly string[],
): { index: number; value: string } | null {
  for (let i = h.width; i < cells.length; i++) if (cells[i] !== "") return { index: i, value: cells[i]! };
  for (const i of h.unheaded) {
    const c = cells[i];
    if (c !== undefined && c !== "") return { index: i, value: c };
  }
  return null;
}

/** A spreadsheet column name for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A problem of the table as a whole (its header, its title block), located by line. */
export interface TableProblem {
  line: number;
  column: string | null;
  value: string | null;
  reason: { key: MessageKey; params?: Params };
  /** the cell's column (0-based), when the problem is in one cell of a title row */
  index?: number;
}

/** What TableReader.push makes of a row. */
export type PushedRow = "title" | "header" | "retitle" | "reheader" | RowKind;

/**
 * The table stage as a reader of rows: feed it every non-empty, cleaned row in order (push) and it
 * says what each one is — a title row, a header row (one or two), or a body row's kind — while
 * it collects the title block and completes the header: the rows' defaults (unit, period) from the
 * command line, else the title block, else a value header's span (`1-9月累计`), and the default year
 * of a period written without one. `onHeader` is called once, when the header is complete.
 */
export class TableReader {
  readonly title: TitleBlock = emptyTitle();
  head: HeaderInfo | null = null;
  /** the header is complete: a second header row can no longer come */
  complete = false;
  /** header and title problems: when there are any, no body row can be read */
  readonly problems: TableProblem[] = [];

  constructor(
    private readonly isIndicator: IndicatorLookup,
    /** defaults from the command line, completed from the title block */
    readonly defaults: RowDefaults,
    /** the year of a period written without one: --year, else the only plan's; the title's 报告期 overrides the latter */
    public defaultYear: number | undefined,
    private readonly yearForced: boolean,
    private readonly onHeader: (head: HeaderInfo) => void,
    /** close indicator names for a header no indicator matches (did you mean …) */
    private readonly suggestIndicator: (text: string) => string[] = () => [],
    /** the code of the reporting unit a spelling names (or the spelling): two spellings of one unit agree */
    private readonly unitKey: (text: string) => string = (text) => text,
    /** a reporting unit as a message names it: a code (from a template) by its name, else as written */
    private readonly unitName: (text: string) => string = (text) => text,
  ) {
    this.cliPeriod = defaults.period;
    this.cliUnit = defaults.unit;
  }

  /** --period and --unit as given: checked against what the file says */
  private readonly cliPeriod: string | undefined;

  /**
   * A workbook sheet whose name states a period (`三季度`, `2020Q3`, `1-9月`, `前三季度`): the
   * period of its rows when the table has no period column, as a title block's 报告期 is, and
   * checked against --period and the title block (see sheetPeriod).
   */
  sheet: { name: string; period: string } | null = null;
  /** the sheet's name is a single month (`9月`): named when the table is left without a period */
  sheetMonth: string | null = null;
  /** the sheet's name is a year (`2019年`): as a year in the title, see namedYear */
  sheetYear: { name: string; year: number } | null = null;

  /**
   * The year the title (`达州市2019年…情况表`), else the sheet's name (`2019年`), states: a period
   * without a year takes it (unless --year is given), and a period stating another year is refused
   * (报告期前后不一致). Null when neither states one.
   */
  namedYear(): { year: number; text: string; line: number | null } | null {
    const t = this.title.yearInName;
    if (t) return { year: t.year, text: t.text, line: t.line };
    if (this.sheetYear) return { year: this.sheetYear.year, text: this.sheetYear.name, line: null };
    return null;
  }
  /** the command line's period came from a fill-in template's `_dzkj` sheet, not --period */
  periodFromTemplate = false;
  private readonly cliUnit: string | undefined;

  /**
   * A wide table's columns whose header is no indicator and no known column (高新技术企业数, 联系人):
   * their figures are not read, and a figure in one is a warning.
   */
  readonly unknownColumns: IgnoredColumn[] = [];

  /** the first cell of the last body row that was not a repeated header (isRepeatedHeader) */
  private readonly lastBodyFirst = { first: "", index: -1 };
  /** a body row has been read: a column-number row (栏次) can no longer come */
  private bodyStarted = false;
  /** the footer has begun: numbered notes that follow (2.…) are footer too */
  private inFooter = false;

  push(line: number, cells: readonly string[]): PushedRow {
    if (this.head && !this.bodyStarted && isColumnNumberRow(cells)) return "header"; // 甲,乙,1,2,3
    // 填报单位：达川区 under the table: a second table's title block (stacked sheets)
    if (this.head && this.complete && isTitleFieldRow(cells)) return "retitle";
    // 报告期 | 填报单位 | 指标 | 数值 again under the table: a second table starts there
    if (this.head && this.complete && isRepeatedHeader(this.head, cells, this.lastBodyFirst))
      return "reheader";
    const kind = this.read(line, cells);
    if (kind === "data" && this.inFooter && isNoteRow(cells)) return "footer";
    if (kind === "footer") this.inFooter = true;
    if (kind !== "title" && kind !== "header") this.bodyStarted = true;
    return kind;
  }

  /** the row above the header, which may be the first row of a two-row header */
  private above: readonly string[] = [];

  /**
   * A row above any header that names an indicator column and two or more reporting units as
   * columns (指标 | 计量单位 | 通川区 | 达川区 | 合计): a summary with units across, which no layout
   * reads; named when no header is found, instead of "no header row".
   */
  unitsAcross: { line: number; units: string[] } | null = null;

  private read(line: number, cells: readonly string[]): PushedRow {
    if (!this.head) {
      this.head = recognizeHeader(line, cells, this.isIndicator);
      if (this.head) {
        mergeGroupRow(this.head, this.above);
        return "header";
      }
      if (this.unitsAcross === null && cells.some((c) => c !== "" && matchColumn(c) === "indicator")) {
        const units = cells.filter((c) => c !== "" && this.unitKey(c) !== c);
        if (units.length >= 2) this.unitsAcross = { line, units };
      }
      readTitleRow(line, cells, this.title);
      this.above = cells;
      return "title";
    }
    if (!this.complete) {
      if (isSubHeader(this.head, cells)) {
        for (const p of applySubHeader(this.head, line, cells))
          this.problems.push({
            line: p.line,
            column: p.column,
            value: p.value,
            reason: { key: p.key, params: p.params },
          });
        this.finish();
        return "header";
      }
      this.finish();
    }
    return classifyRow(this.head, cells);
  }

  /**
   * A period, reporting unit or measure the file states twice, or the file and the command line
   * state differently, is refused naming both: one of them is wrong, and which one cannot be told.
   * (A period in the table's name gives way to a 报告期： that agrees with it, never to one that doesn't.)
   */
  private checkStatedTwice(h: HeaderInfo): void {
    const t = this.title;
    const quarter = (text: string) => {
      const p = parsePeriod(text, this.defaultYear);
      return p.ok ? formatPeriod(p.value) : text;
    };
    const conflict = (line: number, first: string, second: string, what: "period" | "unit" | "measure") =>
      this.problems.push({
        line,
        column: null,
        value: second,
        reason: { key: `intake.title.conflict.${what}`, params: { first, second } },
      });
    const periods = [t.period, ...t.repeated.period, t.periodInName].filter((f) => f !== undefined);
    if (this.sheet) {
      // the sheet's name against --period, else the title block: a yearless name (三季度) takes the other's year
      const sheet = this.sheet;
      const other = this.cliPeriod ?? t.period?.text ?? t.periodInName?.text;
      const otherLine = this.cliPeriod ? h.line : ((t.period ?? t.periodInName)?.line ?? h.line);
      const o = other === undefined ? null : parsePeriod(other, this.defaultYear);
      const mine = o?.ok ? parsePeriod(sheet.period, o.value.year) : null;
      if (other !== undefined && o?.ok && mine?.ok && formatPeriod(mine.value) !== formatPeriod(o.value))
        this.problems.push({
          line: otherLine,
          column: null,
          value: other,
          reason: {
            key: !this.cliPeriod
              ? "intake.sheet.periodConflict"
              : this.periodFromTemplate
                ? "intake.sheet.periodConflictTemplate"
                : "intake.sheet.periodConflictOption",
            params: { sheet: sheet.name, period: formatPeriod(mine.value), other },
          },
        });
    }
    const stated = this.cliPeriod ? [{ text: this.cliPeriod, line: h.line }, ...periods] : periods;
    for (const f of stated.slice(1))
      if (quarter(f.text) !== quarter(stated[0]!.text)) conflict(f.line, stated[0]!.text, f.text, "period");
    const units = [t.unit, ...t.repeated.unit].filter((f) => f !== undefined);
    const unitsStated = this.cliUnit ? [{ text: this.cliUnit, line: h.line }, ...units] : units;
    for (const f of unitsStated.slice(1))
      if (this.unitKey(f.text) !== this.unitKey(unitsStated[0]!.text))
        conflict(f.line, this.unitName(unitsStated[0]!.text), this.unitName(f.text), "unit");
    for (const m of t.repeated.measure)
      if (m.text !== t.measure!.text) conflict(m.line, t.measure!.text, m.text, "measure");
  }

  /**
   * A year the title or the sheet's name states (namedYear) against every period stated apart from
   * the rows (--period, --year, 报告期, the table's name, the sheet's name, a value header's span): a
   * period of another year is refused, naming both. A yearless period has taken the named year.
   */
  private checkNamedYear(h: HeaderInfo): void {
    const named = this.namedYear();
    if (!named) return;
    const t = this.title;
    const stated: { text: string; line: number }[] = [];
    if (this.cliPeriod !== undefined) stated.push({ text: `--period ${this.cliPeriod}`, line: h.line });
    for (const f of [t.period, ...t.repeated.period, t.periodInName]) if (f) stated.push(f);
    if (this.sheet) stated.push({ text: this.sheet.period, line: h.line });
    if (h.valuePeriod !== null) stated.push({ text: h.valuePeriod, line: h.line });
    for (const f of stated) {
      const text = f.text.replace(/^--period /, "");
      const p = parsePeriod(text, named.year);
      if (p.ok && p.value.year !== named.year) {
        this.problems.push({
          line: f.line,
          column: null,
          value: f.text,
          reason: {
            key: "intake.title.conflict.year",
            params: { year: named.year, named: named.text, period: f.text, stated: p.value.year },
          },
        });
        return;
      }
    }
    if (this.yearForced && this.defaultYear !== undefined && this.defaultYear !== named.year)
      this.problems.push({
        line: named.line ?? h.line,
        column: null,
        value: named.text,
        reason: {
          key: "intake.title.conflict.year",
          params: {
            year: named.year,
            named: named.text,
            period: `--year ${this.defaultYear}`,
            stated: this.defaultYear,
          },
        },
      });
  }

  /**
   * The period the file (or --period) states apart from a period column: the title's 报告期, the
   * table's name, or the option; null when none does. Its canonical quarter (`2020Q3`) and spelling.
   */
  statedPeriod(): { quarter: string; text: string; sheet: string | null } | null {
    if (this.stated !== undefined) return this.stated;
    const fromSheet =
      this.cliPeriod === undefined && this.title.period === undefined && this.sheet !== null
        ? this.sheet
        : null;
    const text =
      this.cliPeriod ?? this.title.period?.text ?? this.sheet?.period ?? this.title.periodInName?.text;
    const p = text === undefined ? null : parsePeriod(text, this.defaultYear);
    this.stated =
      p?.ok && text !== undefined
        ? { quarter: formatPeriod(p.value), text, sheet: fromSheet?.name ?? null }
        : null;
    return this.stated;
  }

  private stated: { quarter: string; text: string; sheet: string | null } | null | undefined;

  /** Completes the header (at its first body row, or at the end of the file). */
  finish(): void {
    const h = this.head;
    if (!h || this.complete) return;
    this.complete = true;
    const d = this.defaults;
    const named = this.namedYear();
    if (named && !this.yearForced) this.defaultYear = named.year;
    this.checkStatedTwice(h);
    this.checkNamedYear(h);
    if (d.unit === undefined && this.title.unit) d.unit = this.title.unit.text;
    if (d.period === undefined && this.title.period) d.period = this.title.period.text;
    if (d.period === undefined && this.sheet) d.period = this.sheet.period;
    if (
      d.period === undefined &&
      this.title.periodInName &&
      h.roles.period === undefined &&
      h.valuePeriod === null
    )
      d.period = this.title.periodInName.text;
    if (!this.yearForced && d.period !== undefined) {
      const p = parsePeriod(d.period, this.defaultYear);
      if (p.ok) this.defaultYear = p.value.year;
    }
    if (h.ambiguity.length > 0) {
      const columns = h.ambiguity.map((v) => v.header).join("、");
      this.problems.push({
        line: h.line,
        column: columns,
        value: null,
        reason: { key: "intake.header.ambiguousColumns", params: { header: columns, columns } },
      });
    }
    if (h.valuePeriod !== null && h.roles.period === undefined) {
      // a value column headed `1-9月累计`: its span is the period, and must agree with the title's;
      // of several spans (1-6月累计 | 1-9月累计) the one the report period names is read
      const quarterOf = (text: string) => {
        const p = parsePeriod(text, this.defaultYear);
        return p.ok ? formatPeriod(p.value) : null;
      };
      const stated = d.period ?? this.title.periodInName?.text;
      if (d.period === undefined) d.period = h.valuePeriod;
      if (stated !== undefined) {
        const given = quarterOf(stated);
        const match = h.valueSpans.find((v) => v.periodText !== null && quarterOf(v.periodText) === given);
        if (match && match.index !== h.roles.value) {
          h.ignored = h.ignored.filter((g) => g.index !== match.index);
          h.ignored.push({ index: h.roles.value!, header: h.headers[h.roles.value!] ?? "", why: "ytd" });
          h.roles.value = match.index;
          h.valuePeriod = match.periodText;
          h.valueBasis = match.basis;
        }
        const column = h.headers[h.roles.value ?? -1] || h.valuePeriod || "";
        const hinted = quarterOf(h.valuePeriod!);
        if (hinted !== null && given !== null && hinted !== given)
          this.problems.push({
            line: h.line,
            column,
            value: h.valuePeriod,
            reason: { key: "intake.header.periodConflict", params: { header: column, period: stated } },
          });
      }
    }
    // 本期 is the report period's figure: when that period runs from January, a year-to-date one;
    // when it is a quarter or a month (2020年三季度, 2020年9月) it may be the quarter's own or the
    // year's to date, and only a 口径 column can say which
    const fromJanuary = d.period !== undefined && FROM_JANUARY.test(d.period);
    const reportWord = (basis: "ytd" | "period" | null, word: boolean) => word && basis === "period";
    const ambiguous: string[] = [];
    if (reportWord(h.valueBasis, h.valueReportPeriodWord)) {
      if (fromJanuary) h.valueBasis = "ytd";
      else if (h.roles.basis !== undefined) h.valueBasis = null;
      else ambiguous.push(h.headers[h.roles.value!] ?? "");
    }
    for (const c of h.indicatorColumns)
      if (reportWord(c.basis, c.reportPeriodWord)) {
        if (fromJanuary) c.basis = "ytd";
        else if (h.roles.basis !== undefined) c.basis = null;
        else ambiguous.push(c.header);
      }
    if (ambiguous.length > 0)
      this.problems.push({
        line: h.line,
        column: ambiguous[0]!,
        value: d.period ?? null,
        reason: {
          key: "intake.header.reportPeriodAmbiguous",
          params: { columns: ambiguous.join("、"), period: d.period ?? "—" },
        },
      });
    // a period from the sheet's name that cannot be read (三季度 with no year to take) is one problem
    if (this.sheet && d.period === this.sheet.period && this.cliPeriod === undefined && !this.title.period) {
      const p = parsePeriod(this.sheet.period, this.defaultYear);
      if (!p.ok)
        this.problems.push({
          line: h.line,
          column: null,
          value: this.sheet.name,
          reason: {
            key: "intake.sheet.periodUnread",
            params: { sheet: this.sheet.name, ...p.reason.params },
          },
        });
    }
    // a period from the title block that cannot be read is one problem, at its own line
    const fromTitle = [this.title.period, this.title.periodInName].find((f) => f?.text === d.period);
    if (fromTitle && this.cliPeriod === undefined) {
      const p = parsePeriod(fromTitle.text, this.defaultYear);
      if (!p.ok)
        this.problems.push({
          line: fromTitle.line,
          column: "报告期",
          value: fromTitle.cells ?? fromTitle.text,
          reason: p.reason,
          ...(fromTitle.index === undefined ? {} : { index: fromTitle.index }),
        });
    }
    // a needed column that is neither in the file nor given (option or title block)
    if (h.roles.period === undefined && d.period === undefined)
      this.problems.push({
        line: h.line,
        column: null,
        value: this.sheetMonth,
        reason:
          this.sheetMonth === null
            ? { key: "import.header.noPeriod" }
            : { key: "intake.sheet.singleMonth", params: { sheet: this.sheetMonth } },
      });
    if (h.roles.unit === undefined && d.unit === undefined)
      this.problems.push({
        line: h.line,
        column: null,
        value: null,
        reason: { key: "import.header.noUnit" },
      });
    if (h.layout === "wide")
      for (const g of h.ignored) {
        if (g.why !== "unknown") continue;
        // a near-miss of an indicator's name is a mistake to correct, not a column to drop
        const hint = this.suggestIndicator(splitHeaderUnit(g.header).name);
        if (hint.length > 0)
          this.problems.push({
            line: h.line,
            column: g.header,
            value: g.header,
            reason: {
              key: "intake.header.unknownIndicator",
              params: { value: g.header, hint: hint.join("、") },
            },
          });
        else this.unknownColumns.push(g);
      }
    this.onHeader(h);
  }
}
