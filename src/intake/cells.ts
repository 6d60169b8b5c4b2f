/**
 * The cells stage of intake: a body row of a recognised table (table.ts) to its cells — period,
 * reporting unit, indicator, value, basis, note and the unit of measure that applies — still as
 * text, located by line and column; and a value cell to its canonical number in the indicator's
 * unit, or a reason it cannot be one. Pure.
 */
import { type Indicator, isMoneyUnit } from "../domain/plan.js";
import type { Reason } from "../i18n/index.js";
import { classifySubColumn, type PeriodQualifier, splitHeaderUnit, splitPeriodQualifier } from "./headers.js";
import { canonicalMeasure, checkValue, isMeasureUnit, parseQuantity } from "./number.js";
import { type HeaderInfo, type TitleBlock, titleMeasureFor } from "./table.js";
import { toHalfWidth } from "./text.js";

/** A value as the file gives it, before it is checked against the plan. */
export interface RawCell {
  line: number;
  /** 0-based column of the value, for a cell address */
  valueIndex: number;
  period: string;
  periodColumn: string;
  unit: string;
  unitColumn: string;
  indicator: string;
  indicatorColumn: string;
  /** the indicator's unit of measure named in a wide header, e.g. 家 in 高新技术企业（家） */
  headerUnit: string | null;
  /** the unit of measure the row names in a 计量单位 (or 单位) column, e.g. 万元 */
  rowMeasure: string | null;
  /** the unit of measure in the indicator's own cell: 万元 of 高新技术产业主营业务收入（万元） */
  ownMeasure: string | null;
  value: string;
  valueColumn: string;
  /** the basis the row or the command line states (口径 cell, --basis); "" when neither does */
  basis: string;
  basisColumn: string;
  /** the basis the value column's header states (累计, 本期完成), null when it states none */
  columnBasis: "ytd" | "period" | null;
  /** the value column's header says 新增: an increment, never a stock's level */
  increment: boolean;
  /**
   * a long row's bracket after the indicator that is no unit of measure: a target, a derived
   * figure or a month (技术合同登记额（目标）: never a value, the row is not read) or an unknown
   * word (（新认定）: refused)
   */
  qualifier: { text: string; kind: "target" | "derived" | "month" | "unknown" } | null;
  /**
   * a period in brackets after the indicator (`（上半年）`, `（一季度）`, `（1-9月）`): read only when it
   * is the row's report period from January, refused otherwise (see splitPeriodQualifier)
   */
  periodQualifier?: PeriodQualifier | null;
  /** beside a level column (期末数), the year's new ones (本年新增): a flow's figure; null without one */
  flowValue: string | null;
  flowValueColumn: string;
  note: string;
  /** the file has a note column (备注): without one, a re-import keeps the note stored before */
  noteColumn: boolean;
}

/** Defaults for what a file leaves out: from the command line or the title block. */
export interface RowDefaults {
  period?: string | undefined;
  unit?: string | undefined;
  basis?: string | undefined;
}

const cell = (cells: readonly string[], i: number | undefined) => (i === undefined ? "" : (cells[i] ?? ""));

/*
 * A cell whose column the file lacks (its unit, period or basis came from the title block or an
 * option) is named in messages by the column a county's sheet would have: 报告期, 填报单位, 口径.
 */

/**
 * The reporting unit and the measure of a row whose unit column is headed plain `单位`: a cell
 * holding 万元 or 项 is a measure (the reporting unit then comes from the title block or --unit), any
 * other text a reporting unit. A measure never becomes a reporting unit, nor the reverse.
 */
function unitOrMeasure(text: string, defaultUnit: string): { unit: string; measure: string | null } {
  const measure = canonicalMeasure(text);
  return measure !== null ? { unit: defaultUnit, measure } : { unit: text, measure: null };
}

/**
 * A reader of long-layout rows that fills and returns one RawCell object, the same on every call
 * (read it before the next call): a million-row file then costs no object per row. The column
 * names are looked up once, here. Cells are expected cleaned (cleanCell).
 */
export function longCellReader(
  header: HeaderInfo,
  defaults: RowDefaults,
): (line: number, cells: readonly string[]) => RawCell {
  const r = header.roles;
  const h = header.headers;
  const name = (i: number | undefined, fallback: string) => (i === undefined ? fallback : (h[i] ?? fallback));
  const out: RawCell = {
    line: 0,
    valueIndex: r.value ?? 0,
    period: "",
    periodColumn: name(r.period, "报告期"),
    unit: "",
    unitColumn: name(r.unit, "填报单位"),
    indicator: "",
    indicatorColumn: name(r.indicator, "指标"),
    headerUnit: r.value === undefined ? null : splitHeaderUnit(h[r.value] ?? "").unit,
    rowMeasure: null,
    ownMeasure: null,
    value: "",
    valueColumn: name(r.value, "数值"),
    basis: "",
    basisColumn: name(r.basis, "口径"),
    columnBasis: header.valueBasis,
    increment: header.valueIncrement,
    qualifier: null,
    periodQualifier: null,
    flowValue: null,
    flowValueColumn: header.flowValue?.header ?? "",
    note: "",
    noteColumn: r.note !== undefined,
  };
  const flowIndex = header.flowValue?.index;
  const { period, unit, basis, indicator, value, note, measure } = r;
  const defaultPeriod = defaults.period ?? "";
  const defaultUnit = defaults.unit ?? "";
  const defaultBasis = defaults.basis ?? "";
  const mayBeMeasure = header.unitMayBeMeasure;
  return (line, cells) => {
    out.line = line;
    out.period = period === undefined ? defaultPeriod : cell(cells, period);
    out.unit = unit === undefined ? defaultUnit : cell(cells, unit);
    out.rowMeasure = measure === undefined ? null : cell(cells, measure) || null;
    if (mayBeMeasure && out.unit !== "") {
      const um = unitOrMeasure(out.unit, defaultUnit);
      out.unit = um.unit;
      out.rowMeasure ??= um.measure;
    }
    out.basis = basis === undefined ? defaultBasis : cell(cells, basis) || defaultBasis;
    out.indicator = cell(cells, indicator);
    // 高新技术产业主营业务收入（万元）: the row names its own measure beside the indicator
    out.ownMeasure = null;
    out.qualifier = null;
    out.periodQualifier = null;
    out.columnBasis = header.valueBasis;
    out.increment = header.valueIncrement;
    const last = out.indicator.charCodeAt(out.indicator.length - 1);
    if (last === 0xff09 || last === 41) out.periodQualifier = splitPeriodQualifier(out.indicator);
    if (out.periodQualifier === null && (last === 0xff09 || last === 41)) {
      const own = splitHeaderUnit(out.indicator).unit;
      if (own !== null) {
        // 技术合同登记额（目标）, （同比）, （本年新增）: the row says what its figure is
        const sub = isMeasureUnit(own) ? null : classifySubColumn(own);
        if (isMeasureUnit(own)) out.ownMeasure = own;
        else if (sub?.kind === "ytd" || sub?.kind === "period") {
          out.columnBasis = sub.kind === "period" ? "period" : sub.cumulative ? "ytd" : out.columnBasis;
          out.increment ||= sub.increment === true;
        } else out.qualifier = { text: own, kind: sub?.kind ?? "unknown" };
      }
    }
    out.value = cell(cells, value);
    out.flowValue = flowIndex === undefined ? null : cell(cells, flowIndex);
    out.note = cell(cells, note);
    return out;
  };
}

/** Turns one data row into its cells (one for long layout, one per indicator column for wide). */
export function rowCells(
  header: HeaderInfo,
  line: number,
  cells: readonly string[],
  defaults: RowDefaults,
): RawCell[] {
  if (header.layout === "long") return [{ ...longCellReader(header, defaults)(line, cells) }];
  const r = header.roles;
  const h = header.headers;
  const period = r.period === undefined ? (defaults.period ?? "") : cell(cells, r.period);
  const periodColumn = r.period === undefined ? "报告期" : (h[r.period] ?? "报告期");
  let unit = r.unit === undefined ? (defaults.unit ?? "") : cell(cells, r.unit);
  const unitColumn = r.unit === undefined ? "填报单位" : (h[r.unit] ?? "填报单位");
  let rowMeasure = r.measure === undefined ? null : cell(cells, r.measure) || null;
  if (header.unitMayBeMeasure && unit !== "") {
    const um = unitOrMeasure(unit, defaults.unit ?? "");
    unit = um.unit;
    rowMeasure ??= um.measure;
  }
  const rowBasis = r.basis === undefined ? "" : cell(cells, r.basis);
  const basisColumn = r.basis === undefined ? "口径" : (h[r.basis] ?? "口径");
  const note = cell(cells, r.note);
  return header.indicatorColumns.map((c) => ({
    line,
    valueIndex: c.index,
    period,
    periodColumn,
    unit,
    unitColumn,
    // a period in brackets stays in the text until the row's period has been checked against it
    indicator: c.periodQualifier ? c.header : c.name,
    indicatorColumn: c.header,
    headerUnit: c.unit,
    rowMeasure,
    ownMeasure: null,
    value: cell(cells, c.index),
    valueColumn: c.header,
    basis: rowBasis || defaults.basis || "",
    basisColumn,
    columnBasis: c.basis,
    increment: c.increment,
    qualifier: null,
    periodQualifier: c.periodQualifier,
    flowValue: null,
    flowValueColumn: "",
    note,
    noteColumn: r.note !== undefined,
  }));
}

/**
 * The unit of measure that applies to a value cell written without one, by precedence: the row's
 * 计量单位 column, the column header's bracket (`（万元）`), then the title block's `单位：万元`
 * (`金额单位：` applies to amounts only). Null when nothing names one.
 */
function measureFor(c: RawCell, ind: Indicator, title: TitleBlock): Measure | null {
  const row = c.rowMeasure ?? c.ownMeasure;
  if (row) return { unit: row, source: "row", where: "" };
  if (c.headerUnit) return { unit: c.headerUnit, source: "header", where: c.indicatorColumn };
  const m = title.measure;
  if (!m || (m.moneyOnly && !isMoneyUnit(ind.unit))) return null;
  const unit = titleMeasureFor(m.text, ind.unit, isMoneyUnit);
  return unit === null ? null : { unit, source: "title", where: String(m.line) };
}

/**
 * The two units of measure a cell's row and column state when they differ (a 计量单位 cell of 亿元
 * beside 技术合同登记额（万元）, or under 完成值（万元）), or null: the title block's is a default any
 * of them overrides, but these two are statements about the same figure, and one is wrong.
 */
export function measureConflict(c: RawCell): [string, string] | null {
  const stated = [c.rowMeasure, c.ownMeasure, c.headerUnit]
    .filter((m): m is string => m !== null)
    .map((m) => canonicalMeasure(m) ?? m);
  for (const m of stated) if (m !== stated[0]) return [stated[0]!, m];
  return null;
}

/** A unit of measure given outside a value cell, and where: the row, a column header, the title block (its line). */
export interface Measure {
  unit: string;
  source: "row" | "header" | "title";
  where: string;
}

const MISMATCH = {
  row: "intake.number.measureMismatch",
  header: "intake.number.measureMismatchHeader",
  title: "intake.number.measureMismatchTitle",
} as const;

const ENDS_IN_DIGIT = /[0-9０-９.．]\s*$/;

/**
 * The cell's value in the indicator's canonical unit (万元 for 技术合同登记额, 亿元 for 高新技术产业主营业务收入 …),
 * or the reason it cannot be one. A unit of measure given outside the cell (measureFor) is applied
 * exactly like one inside it (`265000万元`): an amount converts between 元, 万元 and 亿元 by moving
 * the decimal point; any other measure must be the indicator's own, or the row is refused naming
 * both (README, "What a progress file may look like").
 */
export function readValue(c: RawCell, ind: Indicator, title: TitleBlock): number | Reason {
  let text = c.value;
  if (c.ownMeasure !== null || c.rowMeasure !== null) {
    const both = measureConflict(c);
    if (both)
      return {
        key: "intake.number.measureConflict",
        params: { first: both[0], second: both[1], indicator: ind.name, indicatorEn: ind.nameEn },
      };
  }
  const m =
    (c.rowMeasure !== null ||
      c.ownMeasure !== null ||
      c.headerUnit !== null ||
      title.measure !== undefined) &&
    ENDS_IN_DIGIT.test(text)
      ? measureFor(c, ind, title)
      : null;
  if (m && m.unit !== ind.unit) {
    const unit = canonicalMeasure(m.unit) ?? toHalfWidth(m.unit); // 万元人民币 → 万元
    // amounts convert by their power of ten; any other measure must be the indicator's own
    if (!(isMoneyUnit(unit) && isMoneyUnit(ind.unit)) && unit !== ind.unit)
      return {
        key: MISMATCH[m.source],
        params: {
          indicator: ind.name,
          indicatorEn: ind.nameEn,
          unit,
          expected: ind.unit,
          value: text,
          where: m.where,
        },
      };
    text += unit;
  }
  const parsed = parseQuantity(text, ind.unit);
  if (!parsed.ok) return parsed.reason;
  return checkValue(parsed.value, ind.unit, ind) ?? parsed.value;
}
