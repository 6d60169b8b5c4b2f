/**
 * The records of a workbook (工作簿): .xlsx / .xlsm, .xls (BIFF8, also WPS's .et), .ods, and the
 * HTML table web systems hand out as ".xls". Read with SheetJS (@e965/xlsx), required only here,
 * when a workbook is read: `dzkj report` never loads it.
 *
 * Each sheet's rows become records whose cells are text as the later stages expect from a CSV that
 * Excel saved, with the values the file holds rather than what the number format shows:
 * - a number is its shortest round-trip decimal, at most 15 significant digits (Excel's own
 *   precision: a cached 0.30000000000000004 reads 0.3), never the display's rounding;
 * - a percentage-formatted cell is `58%` for 0.58, so the intake's % rule applies;
 * - a date-formatted cell is `2020-09-30` (1900 or 1904 date system), which reads as a period; one
 *   whose format shows only a year and month is that month, `2020年9月` (see monthOnly);
 * - a formula gives its cached result; one without a cached result is refused with its address;
 * - a merged range's text is in its top-left cell, as Excel's CSV gives it, and a vertically merged
 *   cell's value is handed along (`fill`) for the import to use in the columns where it applies.
 * Records are numbered across the workbook (see sheetLine) so that every later stage can keep
 * locating them by one number.
 */

import { open } from "node:fs/promises";
import { createRequire } from "node:module";
import type * as Xlsx from "@e965/xlsx";
import { shortestDecimal } from "../domain/decimal.js";
import { checkFile, DEFAULT_LIMITS, mb, type ReadLimits } from "./csv-reader.js";
import { createDecoder, detectEncoding } from "./decode.js";
import { FileError, type Problem } from "./errors.js";
import { shiftDecimal } from "./number.js";

/** The kinds of workbook the reader takes; the batch records which one a file was. */
export type WorkbookFormat = "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" | "html" | "xml";

/** How a workbook's records were read. */
export interface WorkbookSource {
  format: WorkbookFormat;
  encoding: null;
  bom: false;
  delimiter: null;
  bytes: number;
  bytesRead: number;
  invisible: true;
  /** every sheet of the workbook, in order; a record's sheet is an index into this list */
  sheetNames: string[];
  /** the sheets whose rows were handed on, and those left out with the reason */
  sheets: string[];
  skipped: SkippedSheet[];
  /** the columns hidden in the file (sheet, 0-based column) */
  hiddenColumns: { sheet: number; column: number }[];
  /** the file holds VBA macros: never run, mentioned to the user */
  macros: boolean;
  /** the fill-in template's `_dzkj` sheet, when the workbook has one */
  template: TemplateMeta | null;
}

/** Why a sheet was left out. */
export type SkipReason =
  | "hidden"
  | "notes"
  | "chart"
  | "empty"
  | "noHeader"
  | "unitsAcross"
  | "noFigures"
  | "metadata"
  | "notChosen";

export interface SkippedSheet {
  name: string;
  why: SkipReason;
}

/**
 * Moves a sheet whose rows were handed on from `sheets` to `skipped`: what only a later stage can
 * tell (no header, units across, no figures) leaves it out as the reader's own reasons do.
 */
export function skipReadSheet(info: WorkbookSource, name: string, why: SkipReason): void {
  info.sheets.splice(info.sheets.indexOf(name), 1);
  info.skipped.push({ name, why });
}

/**
 * The defaults a dzkj fill-in template carries in its hidden `_dzkj` sheet: A1 `dzkj-template`,
 * B1 the version (1), then [key, value] rows unit, period, year, basis.
 */
export interface TemplateMeta {
  unit?: string;
  period?: string;
  year?: string;
  basis?: string;
}

/** One row of a sheet: its cells as text, and the values of vertically merged cells covering blanks. */
export interface WorkbookRecord {
  line: number;
  cells: string[];
  /**
   * by column, the value of the vertically merged range covering the cell (blank in `cells`), and
   * whether it was a number; absent when no merge reaches the row
   */
  fill?: ({ text: string; numeric: boolean; from: string } | undefined)[];
  hidden?: true;
}

/** Rows per sheet in a record's line: Excel's 1,048,576 rows fit in 21 bits. */
const ROW_BITS = 21;
const ROW_MASK = (1 << ROW_BITS) - 1;

/** A record's line for row `row` (1-based) of sheet `sheet` (0-based): unique across the workbook, increasing. */
export function sheetLine(sheet: number, row: number): number {
  return sheet * (ROW_MASK + 1) + row;
}

/** The sheet index and 1-based row of a workbook record's line. */
export function lineToRow(line: number): { sheet: number; row: number } {
  return { sheet: Math.floor(line / (ROW_MASK + 1)), row: line & ROW_MASK };
}

/** Sheets that explain, cover or list and hold no figures: skipped unless chosen by name. */
const NOTES_SHEET = /说明|封面|目录|须知|填报要求|instruction|readme|cover|contents|notes/i;
/** The template writer's metadata sheet. */
export const TEMPLATE_SHEET = "_dzkj";
export const TEMPLATE_MARK = "dzkj-template";

/**
 * The uncompressed size a zipped workbook may claim: 8× the file size limit, at most 256 MiB.
 * SheetJS holds the whole workbook in memory, about 9× its sheet XML (measured: 32 MB of XML, a
 * 100,000-row sheet, peaks at ~290 MiB); 256 MiB of XML stays well inside Node's ~4 GB heap, and a
 * zip bomb (a small file whose sheet XML is gigabytes) is refused before it is inflated.
 */
export function maxUnzippedBytes(limits: ReadLimits): number {
  return Math.min(limits.maxFileBytes * 8, 256 * 1024 * 1024);
}
/**
 * The size an unzipped workbook (.xls, HTML, XML) may have: BIFF packs a cell in ~15 bytes, so
 * its parse takes ~30× the file; 64 MiB keeps that inside the heap as 256 MiB of XML does.
 */
export const MAX_FLAT_WORKBOOK_BYTES = 64 * 1024 * 1024;
/** Sheets a workbook may have (see sheetLine). */
export const MAX_SHEETS = 1024;
/** Cells a sheet may hold. */
export const MAX_SHEET_CELLS = 20_000_000;

/** What the first bytes of a file say it is. */
export type Sniffed = "zip" | "ole" | "html" | "xml" | "text";

/**
 * Sniffs a file's first bytes: a ZIP (xlsx, ods), an OLE2 container (xls, et), an HTML page, an
 * Excel 2003 XML spreadsheet (SpreadsheetML, often named .xls), or text.
 */
export function sniff(head: Uint8Array): Sniffed {
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return "zip";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "ole";
  let text: string;
  try {
    const { encoding, bom } = detectEncoding(head.subarray(0, 4096));
    text = createDecoder(encoding).write(head.subarray(bom, 4096));
  } catch {
    return "text";
  }
  const start = text
    .replace(/^[\s\uFEFF]+/, "")
    .slice(0, 2048)
    .toLowerCase();
  if (start.startsWith("<?xml") && start.includes("urn:schemas-microsoft-com:office:spreadsheet"))
    return "xml";
  if (/^<(?:!doctype html|html|table|\?xml[^>]*>\s*<html|meta|head|body)/.test(start) && start.includes("<"))
    return "html";
  return "text";
}

let xlsx: typeof Xlsx | undefined;
/** SheetJS, loaded on first use (≈1 MB of code no other command needs). */
function sheetJs(): typeof Xlsx {
  xlsx ??= createRequire(import.meta.url)("@e965/xlsx") as typeof Xlsx;
  return xlsx;
}

function fail(
  file: string,
  key: string,
  params: Record<string, string | number> = {},
  at: Partial<Problem> = {},
): never {
  throw new FileError({
    file,
    line: null,
    column: null,
    value: null,
    ...at,
    reason: { key: key as never, params },
  });
}

/** The entries of a ZIP file's central directory: names and uncompressed sizes. */
export function zipEntries(buf: Buffer): { name: string; size: number }[] | null {
  const from = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--)
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 5 && buf[i + 3] === 6) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; size: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (size === 0xffffffff) size = Number.POSITIVE_INFINITY; // ZIP64: more than 4 GB
    out.push({ name, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Opens a workbook's records. `sniffed` is what its bytes are (see sniff); `options.sheets` the
 * sheets the user named (--sheet, by name or 1-based index), empty for every sheet that holds a table.
 * FileError for a workbook that is encrypted, corrupt, too large when unzipped, not a workbook
 * (a .docx), or has a formula without a cached value.
 */
export async function openWorkbook(
  file: string,
  sniffed: Exclude<Sniffed, "text">,
  options: { limits?: ReadLimits; sheets?: readonly string[] } = {},
): Promise<{ info: WorkbookSource; batches: AsyncIterable<WorkbookRecord[]> }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const size = await checkFile(file, limits);
  if (sniffed !== "zip" && size > MAX_FLAT_WORKBOOK_BYTES)
    fail(file, "intake.workbook.tooLarge", { size: mb(size), max: mb(MAX_FLAT_WORKBOOK_BYTES) });
  const handle = await open(file, "r");
  let buf: Buffer;
  try {
    buf = Buffer.alloc(size);
    await handle.read(buf, 0, size, 0);
  } finally {
    await handle.close();
  }
  let format: WorkbookFormat;
  let macros = false;
  if (sniffed === "zip") {
    const entries = zipEntries(buf);
    if (!entries) corrupt(file, "no ZIP central directory");
    const names = new Set(entries.map((e) => e.name));
    if (names.has("xl/workbook.xml")) format = "xlsx";
    else if (names.has("xl/workbook.bin")) format = "xlsb";
    else if (names.has("content.xml")) format = "ods";
    else fail(file, "intake.workbook.notWorkbook");
    macros = entries.some((e) => /vbaProject\.bin$/i.test(e.name));
    if (macros && format === "xlsx") format = "xlsm";
    const unzipped = entries.reduce((s, e) => s + e.size, 0);
    if (unzipped > maxUnzippedBytes(limits))
      fail(file, "intake.workbook.tooLarge", {
        size: Number.isFinite(unzipped) ? mb(unzipped) : "> 4 GB",
        max: mb(maxUnzippedBytes(limits)),
      });
  } else if (sniffed === "ole") {
    const X = sheetJs();
    let cfb: { FileIndex: { name: string }[] };
    try {
      cfb = X.CFB.read(buf, { type: "buffer" });
    } catch (e) {
      corrupt(file, errorText(e));
    }
    const names = cfb.FileIndex.map((f) => f.name);
    if (names.includes("EncryptedPackage") || names.includes("EncryptionInfo"))
      fail(file, "intake.workbook.encrypted");
    if (!names.includes("Workbook") && !names.includes("Book")) fail(file, "intake.workbook.notWorkbook");
    macros = names.some((n) => n === "_VBA_PROJECT_CUR" || n === "VBA");
    format = "xls";
  } else format = sniffed;

  const X = sheetJs();
  let wb: Xlsx.WorkBook;
  try {
    wb = quietly(() => readBook(X, format, buf));
  } catch (e) {
    const text = errorText(e);
    if (/password|encrypt/i.test(text)) fail(file, "intake.workbook.encrypted");
    corrupt(file, text);
  }
  const info: WorkbookSource = {
    format,
    encoding: null,
    bom: false,
    delimiter: null,
    bytes: size,
    bytesRead: size,
    invisible: true,
    sheetNames: wb.SheetNames.slice(),
    sheets: [],
    skipped: [],
    hiddenColumns: [],
    macros,
    template: null,
  };
  // a record's line holds its sheet's index above the row's 21 bits (sheetLine): 1,024 sheets at most
  if (wb.SheetNames.length > MAX_SHEETS)
    fail(file, "intake.workbook.tooManySheets", { count: wb.SheetNames.length, max: MAX_SHEETS });
  const chosen = chooseSheets(file, wb, options.sheets ?? []);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const rows: WorkbookRecord[][] = [];
  wb.SheetNames.forEach((name, index) => {
    const ws = wb.Sheets[name];
    const why = skipReason(wb, index, chosen);
    if (name === TEMPLATE_SHEET && ws) info.template = readTemplate(ws);
    if (why) {
      info.skipped.push({ name, why });
      return;
    }
    if (!ws || ws["!type"] === "chart") {
      info.skipped.push({ name, why: "chart" });
      return;
    }
    const records = sheetRecords(file, name, index, ws, date1904, info);
    if (records.length === 0) {
      if (chosen) fail(file, "intake.workbook.emptySheet", { sheet: name });
      info.skipped.push({ name, why: "empty" });
      return;
    }
    info.sheets.push(name);
    rows.push(records);
  });
  return {
    info,
    batches: (async function* () {
      for (const r of rows) yield r;
    })(),
  };
}

/** SheetJS's parse of a workbook's bytes, with the options each kind needs. */
function readBook(X: typeof Xlsx, format: WorkbookFormat, buf: Buffer): Xlsx.WorkBook {
  if (format === "xml") {
    const { encoding, bom } = detectEncoding(buf.subarray(0, 65536));
    const text = createDecoder(encoding).write(buf.subarray(bom));
    return X.read(text, {
      type: "string",
      dense: true,
      cellNF: true,
      cellText: false,
      cellStyles: true,
      sheetStubs: true,
    });
  } else if (format === "html") {
    const { encoding, bom } = detectEncoding(buf.subarray(0, 65536));
    const text = createDecoder(encoding).write(buf.subarray(bom));
    // raw: the cells stay the text the page shows (1,250.5; 2020-09-30), read by the intake's own rules
    return X.read(htmlPercentCells(text), { type: "string", dense: true, raw: true });
  } else
    return X.read(buf, {
      type: "buffer",
      dense: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellStyles: true, // hidden rows and columns of an .xlsx
      sheetStubs: true, // a formula cell without a cached value is kept, to be refused
      bookVBA: false,
      WTF: false,
    });
}

/**
 * An HTML ".xls" (a web system's export) with its percentage cells as a person sees them: a cell
 * whose `mso-number-format` (inline, or by its class in the page's <style>) shows a percentage and
 * whose text is a plain number (`0.56` under `0%`, which Excel shows as 56%) becomes `56%`, as an
 * .xlsx cell with a % format does; a cell that already says `57.5%` is left as it is.
 */
export function htmlPercentCells(html: string): string {
  const isPercent = (format: string) =>
    /^percent$/i.test(format.trim()) ||
    format
      .replace(/\\"[^"\\]*\\"|\\.|"/g, "")
      .replace(/\[[^\]]*\]/g, "")
      .includes("%");
  const classes = new Set<string>();
  for (const m of html.matchAll(/\.([\w-]+)\s*\{[^}]*?mso-number-format\s*:\s*([^;}]*)/gi))
    if (isPercent(m[2]!)) classes.add(m[1]!.toLowerCase());
  if (classes.size === 0 && !/mso-number-format/i.test(html)) return html;
  return html.replace(
    /(<td\b([^>]*)>)([^<]*)(<\/td>)/gi,
    (whole, open: string, attrs: string, content: string, close: string) => {
      const inline = attrs.match(/mso-number-format\s*:\s*("(?:\\.|[^"\\])*"|[^;'">]*)/i)?.[1];
      const cls =
        attrs
          .match(/\bclass\s*=\s*["']?([\w\s-]+)/i)?.[1]
          ?.toLowerCase()
          .split(/\s+/) ?? [];
      const percent = inline !== undefined ? isPercent(inline) : cls.some((c) => classes.has(c));
      const text = content.trim();
      if (!percent || !/^-?\d+(?:\.\d+)?$/.test(text)) return whole;
      return `${open}${shiftText(numberText(Number(text)), 2)}%${close}`;
    },
  );
}

/**
 * Refuses a damaged workbook in the product's words; the library's own text (a Node TypeError on a
 * truncated .xls) is for DZKJ_DEBUG=1 only.
 */
function corrupt(file: string, libraryText: string): never {
  if (process.env.DZKJ_DEBUG) process.stderr.write(`${file}: ${libraryText}\n`);
  fail(file, "intake.workbook.corrupt");
}

/**
 * Runs `read` with console.error and console.warn silenced: SheetJS prints its notes (`ODS number
 * format may be incorrect`, a dozen per LibreOffice file) there, which are not the user's business.
 * Restored whatever happens.
 */
function quietly<T>(read: () => T): T {
  const { error, warn } = console;
  console.error = () => {};
  console.warn = () => {};
  try {
    return read();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The sheets named by --sheet (a name, else a 1-based index), as a set of indexes; null when none
 * was named. An unknown name is refused with the workbook's sheet names.
 */
function chooseSheets(file: string, wb: Xlsx.WorkBook, wanted: readonly string[]): Set<number> | null {
  if (wanted.length === 0) return null;
  const out = new Set<number>();
  for (const w of wanted) {
    let i = wb.SheetNames.indexOf(w);
    if (i < 0 && /^\d+$/.test(w) && Number(w) >= 1 && Number(w) <= wb.SheetNames.length) i = Number(w) - 1;
    if (i < 0) fail(file, "intake.workbook.noSheet", { sheet: w, sheets: wb.SheetNames.join("、") });
    if (wb.SheetNames[i] === TEMPLATE_SHEET) fail(file, "intake.workbook.metadataSheet", { sheet: w });
    out.add(i);
  }
  return out;
}

/** Why sheet `index` is left out, or null to read it. A sheet named by --sheet is always read. */
function skipReason(wb: Xlsx.WorkBook, index: number, chosen: Set<number> | null): SkipReason | null {
  const name = wb.SheetNames[index]!;
  if (name === TEMPLATE_SHEET) return "metadata";
  if (chosen) return chosen.has(index) ? null : "notChosen";
  if (wb.Workbook?.Sheets?.[index]?.Hidden) return "hidden";
  if (NOTES_SHEET.test(name)) return "notes";
  return null;
}

/** The `_dzkj` sheet's [key, value] rows when its A1 is the template mark; null otherwise. */
function readTemplate(ws: Xlsx.WorkSheet): TemplateMeta | null {
  const data = (ws["!data"] ?? []) as (Xlsx.CellObject | undefined)[][];
  const text = (c: Xlsx.CellObject | undefined) => (c?.v === undefined ? "" : String(c.v).trim());
  if (text(data[0]?.[0]) !== TEMPLATE_MARK) return null;
  const meta: TemplateMeta = {};
  for (const row of data.slice(1)) {
    const key = text(row?.[0]);
    const value = text(row?.[1]);
    if ((key === "unit" || key === "period" || key === "year" || key === "basis") && value !== "")
      meta[key] = value;
  }
  return meta;
}

const ERRORS: Readonly<Record<number, string>> = {
  0: "#NULL!",
  7: "#DIV/0!",
  15: "#VALUE!",
  23: "#REF!",
  29: "#NAME?",
  36: "#NUM!",
  42: "#N/A",
  43: "#GETTING_DATA",
};

/** A1 address of a 0-based row and column. */
export function cellAddress(row: number, column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** One sheet's rows as records (empty rows left out), with the merges and hidden rows noted. */
function sheetRecords(
  file: string,
  sheet: string,
  index: number,
  ws: Xlsx.WorkSheet,
  date1904: boolean,
  info: WorkbookSource,
): WorkbookRecord[] {
  const data = (ws["!data"] ?? []) as (Xlsx.CellObject | undefined)[][];
  let cells = 0;
  for (const row of data) if (row) cells += row.length;
  if (cells > MAX_SHEET_CELLS) fail(file, "intake.workbook.sheetTooLarge", { sheet, max: MAX_SHEET_CELLS });
  // vertically merged ranges: the covered cells below the top-left one get its value as `fill`
  const fills = new Map<number, WorkbookRecord["fill"]>();
  for (const m of ws["!merges"] ?? []) {
    if (m.e.r === m.s.r) continue;
    const top = data[m.s.r]?.[m.s.c];
    const text = top ? cellText(file, sheet, top, m.s.r, m.s.c, date1904) : "";
    if (text === "") continue;
    const numeric = top?.t === "n";
    for (let r = m.s.r + 1; r <= m.e.r; r++) {
      let f = fills.get(r);
      if (!f) {
        f = [];
        fills.set(r, f);
      }
      // only the merge's first column: the other columns of a block are blank in Excel's CSV too
      f[m.s.c] = { text, numeric, from: cellAddress(m.s.r, m.s.c) };
    }
  }
  const hiddenRows = ws["!rows"];
  (ws["!cols"] ?? []).forEach((c, i) => {
    if (c?.hidden) info.hiddenColumns.push({ sheet: index, column: i });
  });
  const out: WorkbookRecord[] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const fill = fills.get(r);
    if (!row && !fill) continue;
    const texts: string[] = [];
    let any = false;
    if (row)
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        const t = cell ? cellText(file, sheet, cell, r, c, date1904) : "";
        texts.push(t);
        if (t !== "") any = true;
      }
    // the row's cell objects are garbage from here: a large sheet is not held twice
    data[r] = [];
    if (!any && !fill) continue;
    const rec: WorkbookRecord = { line: sheetLine(index, r + 1), cells: texts };
    if (fill) rec.fill = fill;
    if (hiddenRows?.[r]?.hidden) rec.hidden = true;
    out.push(rec);
  }
  return out;
}

/** A cell as the intake reads it (see the module's comment); FileError for a formula without a result. */
function cellText(
  file: string,
  sheet: string,
  cell: Xlsx.CellObject,
  row: number,
  column: number,
  date1904: boolean,
): string {
  switch (cell.t) {
    case "s":
      return String(cell.v ?? "");
    case "n": {
      const v = cell.v as number;
      const format = typeof cell.z === "string" ? cell.z : "";
      if (format && format !== "General") {
        const plain = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
        if (plain.includes("%")) return `${shiftText(numberText(v), 2)}%`;
        if (sheetJs().SSF.is_date(format)) {
          const d = sheetJs().SSF.parse_date_code(v, { date1904 });
          // a format showing only year and month (yyyy"年"m"月", yyyy-mm, mmm-yy) is that month, as typed
          if (d) return monthOnly(format) ? `${d.y}年${d.m}月` : `${d.y}-${pad(d.m)}-${pad(d.d)}`;
        }
        return shownNumber(file, sheet, v, format, row, column);
      }
      return numberText(v);
    }
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return ERRORS[cell.v as number] ?? "#ERROR";
    case "d":
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? "");
    case "z":
      if (cell.f)
        fail(
          file,
          "intake.workbook.noCachedValue",
          { formula: `=${cell.f}` },
          {
            sheet,
            line: row + 1,
            columnIndex: column,
            value: `=${cell.f}`,
          },
        );
      return "";
    default:
      return cell.v === undefined ? "" : String(cell.v);
  }
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * True for a date format that shows a year and a month and no day or time: zh-CN Excel's
 * `yyyy"年"m"月"` (what typing 2020年9月 makes), `yyyy-mm`, `mmm-yy`. The cell holds the month's
 * first day (2020-09-01), which is no quarter's end; the person typed and sees the month.
 */
export function monthOnly(format: string): boolean {
  const codes = format
    .split(";")[0]!
    .replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "")
    .toLowerCase();
  return /y/.test(codes) && /m/.test(codes) && !/[dhs]/.test(codes);
}

/** Currency signs, padding and sign marks a number format shows around a figure: not a unit. */
const DECORATION = /[\s¥￥$€£()+\-*_]/g;

/**
 * A number cell with a custom format, checked against what the person sees. The figure shown
 * must be the value rounded to the decimals shown (`#,##0.00` shows 1234.5678 as 1,234.57: the
 * exact value is read); a format that shows another figure — thousands scaling (`#,##0,`), the
 * 万 trick `0!.0000"万元"` that shows 12345678 as 1234.5678万元, a hidden `;;;` — is refused at its
 * cell (FileError), since neither the value nor the rounded display is safely the figure meant.
 * Literal text of the format (`0.0"亿元"`, `0"家"`) follows the exact value, so the cells stage
 * converts or refuses the unit as it does for a CSV cell that says `1.2亿元`.
 */
function shownNumber(
  file: string,
  sheet: string,
  v: number,
  format: string,
  row: number,
  column: number,
): string {
  const exact = numberText(v);
  let shown: string;
  try {
    // `!x` is Excel's other spelling of the escape `\x` (the 万 trick writes `0!.0000`); SheetJS knows `\x` only
    shown = sheetJs().SSF.format(format.replace(/!(.)/g, "\\$1"), v);
  } catch {
    return exact;
  }
  const m = /(\d[\d,]*(?:\.\d*)?)(?:[Ee]([+-]?\d+))?/.exec(shown);
  if (m) {
    const mantissa = m[1]!.replace(/,/g, "");
    const decimals = mantissa.includes(".") ? mantissa.length - mantissa.indexOf(".") - 1 : 0;
    const exponent = m[2] ? Number(m[2]) : 0;
    // half a unit of the last digit shown, and a hair for binary noise
    const tolerance = 0.5 * 10 ** (exponent - decimals) * (1 + 1e-9);
    if (Math.abs(Number(mantissa) * 10 ** exponent - Math.abs(v)) <= tolerance) {
      const unit = (shown.slice(0, m.index) + shown.slice(m.index + m[0].length)).replace(DECORATION, "");
      return `${exact}${unit}`;
    }
  } else if (v === 0) return exact; // 会计专用 shows zero as "-"
  fail(
    file,
    "intake.workbook.displayDiffers",
    { shown: shown.trim(), value: exact, format },
    { sheet, line: row + 1, columnIndex: column, value: shown.trim() },
  );
}

/** A double as the decimal a person typed (see shortestDecimal). */
export function numberText(v: number): string {
  return shortestDecimal(v);
}

/**
 * A plain decimal's text times 10^places, by moving its point (number.ts's shiftDecimal), with
 * no leading or trailing zeros: 0.58 → 58, 0.005 → 0.5, 1 → 100, -0.125 → -12.5.
 */
export function shiftText(text: string, places: number): string {
  const negative = text.startsWith("-");
  const [int, frac = ""] = (negative ? text.slice(1) : text).split(".") as [string, string?];
  let shifted = shiftDecimal(int, frac, places).replace(/^0+(?=\d)/, "");
  if (shifted.includes(".")) shifted = shifted.replace(/\.?0+$/, "");
  return `${negative ? "-" : ""}${shifted}`;
}
