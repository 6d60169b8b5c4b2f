import type { Reason } from "../i18n/index.js";

/**
 * One problem in an input file, located as FILE:LINE: column: value, or in a workbook as
 * FILE:SHEET!C12: column: value (the sheet, the row in `line` and the column's 0-based index).
 */
export interface Problem {
  file: string;
  /** physical line in the file as an editor shows it (1-based), or a sheet's row; null when it concerns the whole file */
  line: number | null;
  column: string | null;
  value: string | null;
  reason: Reason;
  /** the workbook sheet the problem is in (absent for a text file) */
  sheet?: string | null;
  /** the 0-based column of the cell, for its A1 address (absent when the problem is a whole row's) */
  columnIndex?: number | null;
}

/** A file that cannot be read at all (unreadable, too large, not text, broken quoting, no header). */
export class FileError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.file}:${problem.line ?? ""}: ${problem.reason.key}`);
  }
}

/** A spreadsheet column name for a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Where a problem is, after the file name: `12` (a line), `Sheet1!C12` (a cell), `Sheet1!12:12`
 * (a row of a sheet), `Sheet1` (a whole sheet), or "" (the whole file).
 */
export function problemLocation(p: Pick<Problem, "line" | "sheet" | "columnIndex">): string {
  if (p.sheet === undefined || p.sheet === null) return p.line === null ? "" : String(p.line);
  const sheet = /^[\p{L}\p{N}_]+$/u.test(p.sheet) ? p.sheet : `'${p.sheet.replace(/'/g, "''")}'`;
  if (p.line === null) return sheet;
  if (p.columnIndex === undefined || p.columnIndex === null) return `${sheet}!${p.line}:${p.line}`;
  return `${sheet}!${columnName(p.columnIndex)}${p.line}`;
}
