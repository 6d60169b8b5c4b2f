/**
 * RFC 4180 CSV for spreadsheets: quoted where needed, CRLF, text that a spreadsheet would run as
 * a formula or turn into a date defused.
 */

export type CsvCell = string | number | null;

const FORMULA = /^[=+\-@\t\r]/;
// text Excel reads as a date (2/6 → 6 Feb, 3-5 → 5 Mar, 1/2/20): day and month without a full
// ISO year first; an ISO date (2020-12-31) is a date and may stay one
const DATE_LIKE = /^\d{1,2}[/-]\d{1,2}(?:[/-]\d{1,4})?$/;

/**
 * One cell: numbers stay numbers; text that a spreadsheet would run as a formula, or read as a
 * date, gets a leading ' (the spreadsheets' mark for "this is text").
 */
export function csvCell(v: CsvCell): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  let s = v;
  if (FORMULA.test(s) || DATE_LIKE.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the first is the header) as CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
