/**
 * Recognises how a progress sheet is laid out: title rows above the header, the header itself,
 * long (one row per value) or wide (one column per indicator), and turns each data row into
 * cells (period, unit, indicator, value …) still as text, located by line and column.
 */
import { matchColumn, type Role, splitHeaderUnit } from "./headers.js";
import { isBlank } from "./number.js";
import { normalizeKey } from "./text.js";

export type Layout = "long" | "wide";

/** Tells whether a header cell names an indicator (by code or name, with or without a unit in brackets). */
export type IndicatorLookup = (text: string) => boolean;

export interface HeaderInfo {
  line: number;
  layout: Layout;
  /** column index of each recognised role */
  roles: Partial<Record<Role, number>>;
  /** wide layout: the indicator columns */
  indicatorColumns: { index: number; header: string; name: string; unit: string | null }[];
  /** the header text of each column, for messages */
  headers: string[];
}

/** A value as the file gives it, before it is checked against the plan. */
export interface RawCell {
  line: number;
  period: string;
  periodColumn: string;
  unit: string;
  unitColumn: string;
  indicator: string;
  indicatorColumn: string;
  /** the indicator's unit of measure named in a wide header, e.g. 家 in 高新技术企业（家） */
  headerUnit: string | null;
  value: string;
  valueColumn: string;
  basis: string;
  basisColumn: string;
  note: string;
}

const TITLE_FIELD = /^(填报单位|报送单位|单位|报告期|统计期|时间)[:：](.*)$/;

/** Reads `填报单位：渠县` / `报告期：2020年三季度` from a title row above the header. */
export function readTitleRow(cells: readonly string[]): { unit?: string; period?: string } {
  for (const c of cells) {
    const m = TITLE_FIELD.exec(c.trim().replace(/\s+/g, ""));
    if (!m) continue;
    let rest = m[2] ?? "";
    // "填报单位：渠县　报告期：…" in one cell: keep only the first field
    rest = rest.split(/(?:填报单位|报送单位|报告期|统计期|时间)[:：]/)[0] ?? rest;
    if (!rest) continue;
    return m[1] === "报告期" || m[1] === "统计期" || m[1] === "时间" ? { period: rest } : { unit: rest };
  }
  return {};
}

/** True for a row that holds nothing: empty, or only delimiters (`,,,,`). */
export function isEmptyRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

/** Recognises a header row, or returns null if the row is not one (a title row, say). */
export function recognizeHeader(
  line: number,
  cells: readonly string[],
  isIndicator: IndicatorLookup,
): HeaderInfo | null {
  const roles: Partial<Record<Role, number>> = {};
  const indicatorColumns: HeaderInfo["indicatorColumns"] = [];
  const headers = cells.map((c) => c.trim());
  headers.forEach((h, i) => {
    if (!h) return;
    const role = matchColumn(h);
    if (role && roles[role] === undefined) {
      roles[role] = i;
      return;
    }
    if (isIndicator(h)) {
      const { name, unit } = splitHeaderUnit(h);
      indicatorColumns.push({ index: i, header: h, name, unit });
    }
  });
  if (roles.indicator !== undefined && roles.value !== undefined)
    return { line, layout: "long", roles, indicatorColumns: [], headers };
  if (indicatorColumns.length > 0 && roles.indicator === undefined)
    return { line, layout: "wide", roles, indicatorColumns, headers };
  return null;
}

const cell = (cells: readonly string[], i: number | undefined) =>
  i === undefined ? "" : trimmed(cells[i] ?? "");

/**
 * `s` without the white space around it. Most cells have none: one that starts and ends with a
 * visible ASCII character is returned as it is, without a call to trim() (a million-row file has
 * six million cells).
 */
function trimmed(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? s : s.trim();
}

/** Defaults for what a file leaves out: from the command line or a title row. */
export interface RowDefaults {
  period?: string | undefined;
  unit?: string | undefined;
  basis?: string | undefined;
}

/**
 * A reader of long-layout rows that fills and returns one RawCell object, the same on every call
 * (read it before the next call): a million-row file then costs no object per row. The column
 * names are looked up once, here.
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
    period: "",
    periodColumn: name(r.period, "period"),
    unit: "",
    unitColumn: name(r.unit, "unit"),
    indicator: "",
    indicatorColumn: name(r.indicator, "indicator"),
    headerUnit: null,
    value: "",
    valueColumn: name(r.value, "value"),
    basis: "",
    basisColumn: name(r.basis, "basis"),
    note: "",
  };
  const { period, unit, basis, indicator, value, note } = r;
  const defaultPeriod = defaults.period ?? "";
  const defaultUnit = defaults.unit ?? "";
  const defaultBasis = defaults.basis ?? "";
  return (line, cells) => {
    out.line = line;
    out.period = period === undefined ? defaultPeriod : cell(cells, period);
    out.unit = unit === undefined ? defaultUnit : cell(cells, unit);
    out.basis = basis === undefined ? defaultBasis : cell(cells, basis);
    out.indicator = cell(cells, indicator);
    out.value = cell(cells, value);
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
  const periodColumn = r.period === undefined ? "period" : (h[r.period] ?? "period");
  const unit = r.unit === undefined ? (defaults.unit ?? "") : cell(cells, r.unit);
  const unitColumn = r.unit === undefined ? "unit" : (h[r.unit] ?? "unit");
  const basis = r.basis === undefined ? (defaults.basis ?? "") : cell(cells, r.basis);
  const basisColumn = r.basis === undefined ? "basis" : (h[r.basis] ?? "basis");
  const note = cell(cells, r.note);
  return header.indicatorColumns.map((c) => ({
    line,
    period,
    periodColumn,
    unit,
    unitColumn,
    indicator: c.name,
    indicatorColumn: c.header,
    headerUnit: c.unit,
    value: cell(cells, c.index),
    valueColumn: c.header,
    basis,
    basisColumn,
    note,
  }));
}

/** True when a long-layout row is a blank value ("not reported"), so it is counted and not written. */
export function isBlankValue(value: string): boolean {
  return isBlank(value);
}

/** Keys used to recognise an indicator by name in headers and cells. */
export function indicatorKey(text: string): string {
  return normalizeKey(splitHeaderUnit(text).name);
}
