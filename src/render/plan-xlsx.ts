/**
 * A plan as an Excel workbook (README "The plan as a workbook"): `dzkj plan export -o x.xlsx` and
 * `dzkj plan new 2021 --from 2020 -o x.xlsx`. Sheets 基本信息, 部分, 任务, 指标, 单位 (the layout of
 * domain/plan-book.ts, which `init --plan x.xlsx` reads back), and 说明 explaining each sheet and
 * column in the UI language. Header cells locked and shaded, header rows frozen, every other cell
 * open; the closed vocabularies (kind, cadence, commitment, pace, unit of measure, 是/否) are
 * drop-downs. Written with exceljs, which this module alone loads: the command imports it only
 * when a workbook is asked for.
 */
import ExcelJS from "exceljs";
import {
  CADENCES,
  COMMITMENTS,
  INDICATOR_KINDS,
  MEASURE_UNITS,
  PACE_NAMES,
  type Plan,
} from "../domain/plan.js";
import {
  ALIAS_SEPARATOR,
  PLAN_BOOK_COLUMNS,
  PLAN_BOOK_INFO,
  PLAN_BOOK_INFO_HEADERS,
  PLAN_BOOK_NO,
  PLAN_BOOK_REFERENCE,
  PLAN_BOOK_SHEETS,
  PLAN_BOOK_WORDS,
  PLAN_BOOK_YES,
  type PlanBookTable,
  paceText,
} from "../domain/plan-book.js";
import type { Lang, MessageKey } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { textWidth } from "./width.js";
import { workbookBytes } from "./xlsx.js";

/** What a plan workbook holds. */
export interface PlanBookView {
  plan: Plan;
  /**
   * `plan new`: last year's target and result (上年完成, the year-end city figure) by indicator
   * code, shown in the two reference columns, and the targets left blank for the analyst.
   * Null for `plan export`: no reference columns, the targets written.
   */
  reference: ReadonlyMap<string, { target: number; result: number | null }> | null;
  /** `plan new`: the year the structure was copied from */
  fromYear: number | null;
}

const HEADER_FILL = "FFD0D7DE";
const REFERENCE_FILL = "FFEDEFF2";
/** Rows below the data that still get the drop-downs, for indicators and tasks the analyst adds. */
const SPARE_ROWS = 50;
/** Columns whose cells are text even when they look like a number or a date. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(["code", "adminCode", "deadline", "issuedOn", "pace"]);

const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** A drop-down of `values`; `strict` refuses anything else, otherwise Excel only warns. */
function list(
  lang: Lang,
  header: string,
  values: readonly string[],
  strict: boolean,
): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
    showInputMessage: true,
    promptTitle: [...header].slice(0, 32).join(""),
    prompt: [...values.join(" / ")].slice(0, 255).join(""),
    showErrorMessage: true,
    errorStyle: strict ? "stop" : "warning",
    errorTitle: [...t(lang, "planBook.xlsx.errorTitle")].slice(0, 32).join(""),
    error: [...t(lang, "planBook.xlsx.error", { header, values: values.join(" / ") })].slice(0, 255).join(""),
  };
}

/** The drop-down of each field that has a closed vocabulary (taken from the domain's lists). */
function validations(lang: Lang): Record<string, (header: string) => ExcelJS.DataValidation> {
  const yesNo = [PLAN_BOOK_YES, PLAN_BOOK_NO];
  return {
    // a Chinese workbook offers the Chinese words (存量, 力争 …), an English one the codes
    kind: (h) => list(lang, h, vocabulary(lang, INDICATOR_KINDS, PLAN_BOOK_WORDS.kind), true),
    cadence: (h) => list(lang, h, vocabulary(lang, CADENCES, PLAN_BOOK_WORDS.cadence), true),
    commitment: (h) => list(lang, h, vocabulary(lang, COMMITMENTS, PLAN_BOOK_WORDS.commitment), true),
    headline: (h) => list(lang, h, yesNo, true),
    isTotal: (h) => list(lang, h, yesNo, true),
    // a pace may also be four shares, a measure any unit: offered, not enforced
    pace: (h) => list(lang, h, PACE_NAMES, false),
    unit: (h) => list(lang, h, MEASURE_UNITS, false),
  };
}

/** One header row, locked and shaded; the sheet frozen below it. */
function header(ws: ExcelJS.Worksheet, headers: readonly string[]): void {
  const row = ws.addRow([...headers]);
  row.eachCell((c) => {
    c.font = { bold: true };
    c.fill = fill(HEADER_FILL);
    c.alignment = { vertical: "middle", wrapText: true };
    c.protection = { locked: true };
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** Widths from the text each column shows (a Chinese character is two), within 8 … 60. */
function fitWidths(ws: ExcelJS.Worksheet): void {
  ws.columns.forEach((col) => {
    let w = 8;
    col.eachCell?.({ includeEmpty: false }, (c) => {
      const longest = String(c.value ?? "")
        .split("\n")
        .reduce((m, l) => Math.max(m, textWidth(l)), 0);
      w = Math.max(w, longest + 2);
    });
    col.width = Math.min(60, w);
  });
}

/** Every cell below the header open (the analyst edits and adds rows); the header stays locked. */
async function protect(ws: ExcelJS.Worksheet, columns: number): Promise<void> {
  for (let c = 1; c <= columns; c++) ws.getColumn(c).protection = { locked: false };
  ws.getRow(1).eachCell((c) => {
    c.protection = { locked: true };
  });
  // protected without a password: the headers are not overwritten by mistake, anyone may unprotect
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
  });
}

/**
 * The plan as the bytes of an .xlsx workbook, dated `now` (the same plan and date give the same
 * bytes). With a reference (plan new), 目标值 is blank and the two reference columns follow it.
 */
export async function planXlsx(v: PlanBookView, lang: Lang, now: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dzkj";
  wb.lastModifiedBy = "dzkj";
  wb.created = now;
  wb.modified = now;
  const p = v.plan;

  const info = wb.addWorksheet(PLAN_BOOK_SHEETS.info);
  header(info, PLAN_BOOK_INFO_HEADERS);
  for (const f of PLAN_BOOK_INFO) {
    const value = (p.plan as unknown as Record<string, unknown>)[f.field];
    const row = info.addRow([f.header, value === undefined ? null : (value as string | number)]);
    row.getCell(1).fill = fill(REFERENCE_FILL);
    row.getCell(2).numFmt = typeof value === "number" || f.field === "reportDeadlineDays" ? "0" : "@";
  }
  await protect(info, 2);
  info.getColumn(1).protection = { locked: true };
  fitWidths(info);

  const rowsOf: Record<PlanBookTable, Record<string, unknown>[]> = {
    sections: p.sections as never,
    tasks: p.tasks as never,
    indicators: p.indicators as never,
    units: p.units as never,
  };
  const checks = validations(lang);
  for (const table of Object.keys(PLAN_BOOK_COLUMNS) as PlanBookTable[]) {
    const ws = wb.addWorksheet(PLAN_BOOK_SHEETS[table]);
    const columns: { field: string; header: string; reference?: "target" | "result" }[] = [
      ...PLAN_BOOK_COLUMNS[table],
    ];
    if (table === "indicators" && v.reference) {
      const at = columns.findIndex((c) => c.field === "target") + 1;
      columns.splice(
        at,
        0,
        { field: "", header: PLAN_BOOK_REFERENCE.target, reference: "target" },
        { field: "", header: PLAN_BOOK_REFERENCE.result, reference: "result" },
      );
    }
    header(
      ws,
      columns.map((c) => c.header),
    );
    for (const item of rowsOf[table]) {
      const ref = v.reference?.get(String(item.code));
      ws.addRow(
        columns.map((c) => {
          if (c.reference) return ref ? (ref[c.reference] ?? null) : null;
          if (c.field === "target" && v.reference) return null;
          return cellValue(c.field, item[c.field], lang);
        }),
      );
    }
    const last = ws.rowCount + SPARE_ROWS;
    columns.forEach((c, k) => {
      const col = ws.getColumn(k + 1);
      if (TEXT_FIELDS.has(c.field)) col.numFmt = "@";
      if (c.field === "text" || c.field === "title" || c.field === "paceNote" || c.field === "source")
        col.alignment = { wrapText: true, vertical: "top" };
      const check = checks[c.field];
      if (check && (table === "indicators" || c.field === "isTotal")) {
        const dv = check(c.header);
        for (let r = 2; r <= last; r++) ws.getCell(r, k + 1).dataValidation = dv;
      }
    });
    await protect(ws, columns.length);
    columns.forEach((c, k) => {
      if (!c.reference) return;
      // last year's figures are for reading: locked and shaded like the headers' neighbours
      for (let r = 2; r <= ws.rowCount; r++) {
        const cell = ws.getCell(r, k + 1);
        cell.fill = fill(REFERENCE_FILL);
        cell.protection = { locked: true };
      }
    });
    fitWidths(ws);
  }
  addNotes(wb, v, lang);
  return workbookBytes(wb, now);
}

/** A vocabulary as the workbook offers it: the Chinese words in a Chinese workbook, else the codes. */
function vocabulary(lang: Lang, codes: readonly string[], words: Readonly<Record<string, string>>): string[] {
  return codes.map((c) => (lang === "zh" ? (words[c] ?? c) : c));
}

/**
 * A field's value as a cell: numbers stay numbers, aliases one text, yes/no 是/否, a pace its text,
 * a kind, cadence or commitment its Chinese word in a Chinese workbook.
 */
function cellValue(field: string, value: unknown, lang: Lang): string | number | null {
  if (value === undefined || value === null) return null;
  if (lang === "zh" && (field === "kind" || field === "cadence" || field === "commitment"))
    return (PLAN_BOOK_WORDS[field] as Record<string, string>)[value as string] ?? (value as string);
  if (field === "aliases") return (value as string[]).join(ALIAS_SEPARATOR);
  if (typeof value === "boolean") return value ? PLAN_BOOK_YES : PLAN_BOOK_NO;
  if (field === "pace") return paceText(value as never);
  return value as string | number;
}

/** The 说明 sheet: what each sheet and column holds, in the UI language. */
function addNotes(wb: ExcelJS.Workbook, v: PlanBookView, lang: Lang): void {
  const ws = wb.addWorksheet(PLAN_BOOK_SHEETS.notes);
  const l = (key: string, params: Record<string, string | number> = {}) => t(lang, key as MessageKey, params);
  ws.addRow([l("planBook.notes.title", { year: v.plan.plan.year })]).getCell(1).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([l("planBook.notes.intro")]);
  if (v.fromYear !== null)
    ws.addRow([l("planBook.notes.fromYear", { from: v.fromYear, year: v.plan.plan.year })]);
  ws.addRow([]);
  const head = ws.addRow([
    l("planBook.notes.sheet"),
    l("planBook.notes.column"),
    l("planBook.notes.meaning"),
  ]);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = fill(HEADER_FILL);
  });
  const vocab = {
    // each value as the workbook writes it, its other spelling (code or Chinese word), its meaning
    kind: INDICATOR_KINDS.map((k) => `${PLAN_BOOK_WORDS.kind[k]} / ${k} = ${l(`kind.${k}`)}`).join("; "),
    cadence: CADENCES.map((k) => `${PLAN_BOOK_WORDS.cadence[k]} / ${k} = ${l(`cadence.${k}`)}`).join("; "),
    commitment: COMMITMENTS.map(
      (k) => `${PLAN_BOOK_WORDS.commitment[k]} / ${k} = ${l(`commitment.${k}`)}`,
    ).join("; "),
    units: MEASURE_UNITS.join(" "),
  };
  const add = (sheet: string, column: string, meaning: string) =>
    (ws.addRow([sheet, column, meaning]).getCell(3).alignment = { wrapText: true, vertical: "top" });
  for (const f of PLAN_BOOK_INFO) add(PLAN_BOOK_SHEETS.info, f.header, l(`planBook.col.info.${f.field}`));
  for (const table of Object.keys(PLAN_BOOK_COLUMNS) as PlanBookTable[]) {
    add(PLAN_BOOK_SHEETS[table], "", l(`planBook.sheet.${table}`));
    for (const c of PLAN_BOOK_COLUMNS[table]) {
      add(PLAN_BOOK_SHEETS[table], c.header, l(`planBook.col.${table}.${c.field}`, vocab));
      if (table === "indicators" && c.field === "target" && v.reference) {
        add(PLAN_BOOK_SHEETS[table], PLAN_BOOK_REFERENCE.target, l("planBook.col.reference.target"));
        add(PLAN_BOOK_SHEETS[table], PLAN_BOOK_REFERENCE.result, l("planBook.col.reference.result"));
      }
    }
  }
  ws.addRow([]);
  ws.addRow([l("planBook.notes.load", { year: v.plan.plan.year })]);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 90;
}
