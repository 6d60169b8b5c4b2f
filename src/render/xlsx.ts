/**
 * A report Doc as an Excel workbook (.xlsx), from the same Doc as the text formats (README
 * "Formats"): a first sheet with the title, meta lines, verdict and its lines, then one sheet per
 * table (Block) whose first row is the header, frozen and filterable. Cells hold real numbers with
 * number formats that show the figure the terminal shows (千分位 `#,##0.0`, `0.0%`); status cells are
 * coloured by their tone as in the terminal. Written with exceljs, which this module alone loads:
 * doc.ts imports it only when xlsx is asked for, so no other command pays for it.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Lang } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import type { Block, Column, Doc, DocCell, Tone } from "./doc.js";
import { textWidth } from "./width.js";

/** The workbook's fixed properties: `now` dates it (created and modified), so output is repeatable. */
export interface XlsxOptions {
  now: Date;
}

/** Font and fill colours (ARGB) of each tone: the terminal's red, green, yellow, bold and grey. */
const TONES: Record<Tone, { font?: string; fill?: string; bold?: boolean }> = {
  bad: { font: "FFC92A2A", fill: "FFFFE3E3" },
  good: { font: "FF2B8A3E", fill: "FFEBFBEE" },
  warn: { font: "FFB35C00", fill: "FFFFF3BF" },
  strong: { bold: true },
  dim: { font: "FF868E96" },
};

const HEADER_FILL = "FFE9ECEF";
const MAX_WIDTH = 60;

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending with
 * an apostrophe, not `History` (reserved by Excel), and unlike every name already in `taken`
 * (compared case-insensitively, as Excel does); a clash gets ` (2)`, ` (3)` … within the 31.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = wanted
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (base === "") base = "Sheet";
  if (base.toLowerCase() === "history") base = `${base}_`;
  let name = [...base].slice(0, 31).join("");
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = [...base].slice(0, 31 - suffix.length).join("") + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

const PLAIN_NUMBER = /^[-+]?\d[\d,]*(\.(\d+))?$/;
const PERCENT = /^([-+]?\d[\d,]*(?:\.(\d+))?)%$/;

/** `#,##0` with as many decimals as `decimals` (the terminal's text decides how many it shows). */
function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

/** Text as a number-format literal: `"…"` with its quotes escaped as Excel wants (`\"`). */
function literal(s: string): string {
  return s === "" ? "" : `"${s.replace(/"/g, '\\"')}"`;
}

/** What one spreadsheet cell holds: its value and, for a number, the format that shows it. */
interface Written {
  value: string | number | null;
  numFmt?: string;
}

/**
 * A Doc cell as a spreadsheet cell. A number is written as a number whose format shows what the
 * terminal shows: its decimals from the text (`26.5` → `#,##0.0`), text around it as literals
 * (`#12` → `"#"0`). A percentage is written as its fraction with `0.0%`: completion is a fraction
 * in `bar`, and a `value` is either that fraction or the CSV's percentage number (71.4), told apart
 * by the text; a value that matches neither is written as the text, never as a guessed number.
 */
export function xlsxCell(cell: DocCell): Written {
  const value = cell.value === undefined ? cell.text : cell.value;
  const pct = cell.text.match(PERCENT);
  if (pct) {
    const shown = Number(pct[1]!.replace(/,/g, ""));
    const decimals = pct[2]?.length ?? 0;
    const tolerance = 0.5 * 10 ** -decimals + 1e-9;
    const format = decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
    if (typeof cell.bar === "number" && Math.abs(cell.bar * 100 - shown) <= tolerance)
      return { value: cell.bar, numFmt: format };
    if (typeof value === "number") {
      if (Math.abs(value * 100 - shown) <= tolerance) return { value, numFmt: format };
      // the CSV's percentage number as a fraction, without binary noise (22.9 → 0.229, not
      // 0.22899999999999998): 15 significant digits are all a percentage here carries
      if (Math.abs(value - shown) <= tolerance)
        return { value: Number((value / 100).toPrecision(15)), numFmt: format };
      return shownAs(value, cell.text);
    }
    return { value: cell.text };
  }
  if (typeof value !== "number") return { value: value === null ? null : String(value) };
  if (!Number.isFinite(value)) return { value: cell.text };
  const plain = cell.text.match(PLAIN_NUMBER);
  if (plain) return { value, numFmt: numberFormat(plain[2]?.length ?? 0) };
  // the number inside other text (`#12`, `3 项`): the text around it as literals
  const inner = /[-+]?\d[\d,]*(\.(\d+))?/.exec(cell.text);
  if (inner && Number(inner[0].replace(/,/g, "")) === value) {
    const before = cell.text.slice(0, inner.index);
    const after = cell.text.slice(inner.index + inner[0].length);
    const digits = inner[1] ? numberFormat(inner[2]!.length) : inner[0].includes(",") ? "#,##0" : "0";
    return { value, numFmt: `${literal(before)}${digits}${literal(after)}` };
  }
  // a mark standing for a number (✓ for 1, 未报送（逾期 30 天） for 0): the cell holds the CSV's number
  return shownAs(value, cell.text);
}

/**
 * A number whose text shows no figure of it (✓ for 1, · for 0, 未报送 for 0): the cell holds the
 * number, as the CSV does (a sum or a filter works on it), and a format of the text alone shows
 * people the mark the terminal shows.
 */
function shownAs(value: number, text: string): Written {
  const format = literal(text);
  return format === "" || format.length > 250 ? { value } : { value, numFmt: format };
}

/** One header cell of a written column and the Doc column and part it comes from. */
interface OutColumn {
  header: string;
  /** the Doc column whose cells this column shows (its tone and text); none for code, marker, split */
  source?: number;
  /** the cell of a Doc row this column shows */
  pick: (row: DocCell[], section: string) => Written;
  right: boolean;
}

/**
 * The columns a block is written as: those of its CSV (a section column first when it has sections,
 * a code column before a named one, the marker after it, split columns), headed by the labels
 * people read (the CSV's `完成率 (%)` becomes `完成率`, its cells being formatted as percentages).
 */
function outColumns(doc: Doc, b: Block): OutColumn[] {
  const sectioned = b.csvSections !== false && b.rows.some((r) => !Array.isArray(r));
  const out: OutColumn[] = [];
  if (sectioned) out.push({ header: doc.sectionLabel, pick: (_r, s) => ({ value: s }), right: false });
  b.columns.forEach((c: Column, i) => {
    if (c.code !== undefined)
      out.push({ header: c.code, pick: (r) => ({ value: r[i]?.code ?? null }), right: false });
    if (c.csvSplit)
      c.csvSplit.forEach((h, k) => {
        out.push({
          header: h,
          pick: (r) => {
            const v = r[i]?.values?.[k];
            return { value: v === undefined ? null : v };
          },
          right: true,
        });
      });
    else
      out.push({
        // the CSV's header without its `(%)`: a unit's full name (通川区, where the terminal says 通川)
        header: c.csv === undefined ? c.label : c.csv.replace(/\s*[(（]%[)）]$/, ""),
        source: i,
        pick: (r) => (r[i] ? xlsxCell(r[i]!) : { value: null }),
        right: !!c.right,
      });
    if (c.marker !== undefined)
      out.push({ header: c.marker, pick: (r) => ({ value: r[i]?.marker || null }), right: false });
  });
  return out;
}

function styleTone(cell: ExcelJS.Cell, tone: Tone | undefined): void {
  if (!tone) return;
  const s = TONES[tone];
  if (s.font || s.bold) cell.font = { ...(s.font ? { color: { argb: s.font } } : {}), bold: !!s.bold };
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: s.fill } };
}

/** Column width in Excel's units (a digit's width) from the display width of what it shows. */
function fitWidth(texts: string[]): number {
  const widest = Math.max(4, ...texts.map((s) => textWidth(s)));
  return Math.min(MAX_WIDTH, widest + 2);
}

/** The first sheet: title, meta lines, generation date, verdict and its lines, footnotes. */
function addSummary(wb: ExcelJS.Workbook, doc: Doc, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(t(doc.lang, "xlsx.summary"), taken));
  const line = (s: string, tone?: Tone) => {
    const row = ws.addRow([s]);
    styleTone(row.getCell(1), tone);
    return row;
  };
  line(doc.title).getCell(1).font = { bold: true, size: 14 };
  for (const m of doc.meta) line(m);
  if (doc.generated) line(doc.generated, "dim");
  if (doc.verdict) {
    ws.addRow([]);
    const v = line(doc.verdict.text, doc.verdict.tone ?? "strong").getCell(1);
    v.font = { ...v.font, bold: true };
  }
  for (const d of doc.details ?? []) line(d.text, d.tone);
  if (doc.footnotes?.length) ws.addRow([]);
  for (const f of doc.footnotes ?? []) line(f, "dim");
  ws.getColumn(1).width = fitWidth([doc.title, ...doc.meta].map((s) => s)) + 4;
}

/** A block as a sheet: header row frozen with an autofilter, then its rows, then its notes. */
function addBlock(wb: ExcelJS.Workbook, doc: Doc, b: Block, name: string): void {
  const cols = outColumns(doc, b);
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  const header = ws.addRow(cols.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = { vertical: "middle" };
  });
  const shown: string[][] = cols.map((c) => [c.header]);
  let section = "";
  for (const r of b.rows) {
    if (!Array.isArray(r)) {
      section = r.section;
      continue;
    }
    const written = cols.map((c) => c.pick(r, section));
    const row = ws.addRow(written.map((w) => w.value));
    written.forEach((w, k) => {
      const cell = row.getCell(k + 1);
      if (w.numFmt) cell.numFmt = w.numFmt;
      const col = cols[k]!;
      // a figure column's "—" or mark lines up with its numbers
      if (col.right) cell.alignment = { horizontal: "right" };
      // the source cell's tone (code and marker columns are not coloured)
      const source = col.source === undefined ? undefined : r[col.source];
      styleTone(cell, source?.tone);
      shown[k]!.push(source ? source.text : w.value === null ? "" : String(w.value));
    });
  }
  cols.forEach((_c, k) => {
    ws.getColumn(k + 1).width = fitWidth(shown[k]!);
  });
  const last = ws.rowCount;
  if (cols.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: cols.length } };
  if (b.notes?.length) {
    ws.addRow([]);
    for (const n of b.notes) styleTone(ws.addRow([n.text]).getCell(1), n.tone);
  }
}

/** The sheet name of block `i`: its title, else 表1, 表2 … in the UI language. */
function blockName(lang: Lang, b: Block, i: number): string {
  return b.title ?? t(lang, "xlsx.table", { n: i + 1 });
}

/** 00:00 local time of `d`'s day. */
export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/**
 * The Doc as the bytes of an .xlsx workbook: 概要 (title, meta, verdict), then one sheet per table.
 * Dated by `opts.now`'s day (see workbookBytes); the HTML chart and terminal-only lines are left
 * out (a spreadsheet makes its own charts from the figures).
 */
export async function docXlsx(doc: Doc, opts: XlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dzkj";
  wb.lastModifiedBy = "dzkj";
  wb.title = doc.title;
  const taken = new Set<string>();
  addSummary(wb, doc, taken);
  doc.blocks.forEach((b, i) => {
    addBlock(wb, doc, b, sheetName(blockName(doc.lang, b, i), taken));
  });
  return workbookBytes(wb, opts.now);
}

/**
 * The workbook's bytes, the same for the same workbook on the same day: it is dated (created,
 * modified, and every file of the zip, which exceljs stamps with the current time) at 00:00 local
 * of `now`'s day, never the time of the run. Shared with the template writer.
 */
export async function workbookBytes(wb: ExcelJS.Workbook, now: Date): Promise<Uint8Array> {
  const day = startOfDay(now);
  wb.created = day;
  wb.modified = day;
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.forEach((_path, file) => {
    file.date = day;
  });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
