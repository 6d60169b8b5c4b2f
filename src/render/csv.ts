/** RFC 4180 CSV for spreadsheets: quoted where needed, CRLF, formula-looking text defused. */

export type CsvCell = string | number | null;

const FORMULA = /^[=+\-@\t\r]/;

/** One cell: numbers stay numbers; text that a spreadsheet would run as a formula gets a leading '. */
export function csvCell(v: CsvCell): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  let s = v;
  if (FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the first is the header) as CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
