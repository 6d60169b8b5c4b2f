/**
 * `dzkj template -o 渠县-2020Q3.xlsx`: the fill-in form as an Excel workbook (README "dzkj
 * template"). Sheet 填报表: a title block the importer reads (title, 填报单位, 报告期), the header,
 * then one row per indicator (long) or per unit (wide); labels locked and shaded, only the value,
 * 口径 and 备注 cells open, each value cell validated (whole numbers for counts, ≥ 0, 0–100 for %)
 * with a prompt and an error message, 口径 a drop-down of 累计/本期. Sheet 说明 explains each
 * column; the hidden sheet `_dzkj` holds the unit, period, plan year and basis, so the returned
 * file imports with no options. Headers and title block are in Chinese whatever the UI language
 * (the importer recognises them); prompts and the 说明 sheet follow --lang.
 */
import ExcelJS from "exceljs";
import { isCountUnit } from "../domain/plan.js";
import type { Lang } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import type { TemplateView } from "./template.js";
import { textWidth } from "./width.js";
import { workbookBytes } from "./xlsx.js";

/** What an xlsx template holds beyond the CSV's view. */
export interface XlsxTemplateView extends TemplateView {
  /** the plan's title and year (the title block and `_dzkj`) */
  planTitle: string;
  planYear: number;
  /** unit code → indicator code → the unit's figure for the previous quarter (上期数值) */
  previous: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** unit code → indicator code → the unit's own target (目标分解), where the bureau split one */
  unitTargets: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** The fill-in sheet, the explanations and the metadata sheet, by name. */
export const TEMPLATE_SHEETS = { form: "填报表", notes: "说明", meta: "_dzkj" } as const;

/** The reference columns: the importer never reads a header containing 参考 as the value. */
export const REFERENCE_HEADERS = { target: "年度目标（参考）", previous: "上期数值（参考）" } as const;

const BASIS = "累计";
const BASIS_CHOICES = ["累计", "本期"];
const LABEL_FILL = "FFEDEFF2";
const HEADER_FILL = "FFD0D7DE";
const OPEN_FILL = "FFFFFFFF";

/** How a value cell is validated, from the indicator's unit of measure (the importer's own rule). */
type Check = "whole" | "percent" | "decimal";

function checkOf(unit: string): Check {
  return isCountUnit(unit) ? "whole" : unit === "%" ? "percent" : "decimal";
}

/** The data validation of a value cell for an indicator named `name` measured in `unit`. */
function valueValidation(lang: Lang, name: string, unit: string): ExcelJS.DataValidation {
  const check = checkOf(unit);
  const rule =
    check === "whole"
      ? t(lang, "template.xlsx.ruleWhole", { unit })
      : check === "percent"
        ? t(lang, "template.xlsx.rulePercent")
        : t(lang, "template.xlsx.ruleDecimal", { unit });
  // Excel limits a prompt's title to 32 characters and its text to 255
  const title = [...name].slice(0, 32).join("");
  return {
    type: check === "whole" ? "whole" : "decimal",
    operator: check === "percent" ? "between" : "greaterThanOrEqual",
    allowBlank: true,
    formulae: check === "percent" ? [0, 100] : [0],
    showInputMessage: true,
    promptTitle: title,
    prompt: [...rule].slice(0, 255).join(""),
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: [...t(lang, "template.xlsx.errorTitle")].slice(0, 32).join(""),
    error: [...t(lang, "template.xlsx.error", { name, rule })].slice(0, 255).join(""),
  };
}

/** The drop-down of a 口径 cell: 累计 or 本期. */
function basisValidation(lang: Lang): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${BASIS_CHOICES.join(",")}"`],
    showInputMessage: true,
    promptTitle: "口径",
    prompt: t(lang, "template.xlsx.basisPrompt"),
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: [...t(lang, "template.xlsx.errorTitle")].slice(0, 32).join(""),
    error: t(lang, "template.xlsx.basisError"),
  };
}

const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** A label cell: locked (the default once the sheet is protected) and shaded. */
function label(cell: ExcelJS.Cell): void {
  cell.fill = fill(LABEL_FILL);
  cell.protection = { locked: true };
}

/** A cell the county fills in: unlocked, white, with a thin border so it reads as a box. */
function open(cell: ExcelJS.Cell): void {
  cell.fill = fill(OPEN_FILL);
  cell.protection = { locked: false };
  const thin = { style: "thin" as const, color: { argb: "FFADB5BD" } };
  cell.border = { top: thin, bottom: thin, left: thin, right: thin };
}

/**
 * The template as the bytes of an .xlsx workbook, dated `now` (the same view and date give the same
 * bytes). Long layout: one row per unit and indicator with the indicator's code, name, unit of
 * measure and the two reference columns; wide: one row per unit, one column per indicator.
 */
export async function templateXlsx(v: XlsxTemplateView, lang: Lang, now: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dzkj";
  wb.lastModifiedBy = "dzkj";
  const ws = wb.addWorksheet(TEMPLATE_SHEETS.form);
  const single = v.units.length === 1 ? v.units[0] : undefined;

  // the title block, as a county's own sheet has it: the importer takes unit and period from it
  const title = ws.addRow([`${v.planTitle} 指标进度填报表`]);
  title.getCell(1).font = { bold: true, size: 14 };
  if (single) ws.addRow([`填报单位：${single.name}`]);
  ws.addRow([`报告期：${v.period}`]);
  const headerRow = ws.rowCount + 1;

  const wide = v.layout === "wide";
  const headers = wide
    ? ["填报单位", ...v.indicators.map((d) => `${d.name}（${d.unit}）`), "口径", "备注"]
    : [
        ...(single ? [] : ["填报单位"]),
        "指标代码",
        "指标名称",
        "计量单位",
        REFERENCE_HEADERS.target,
        REFERENCE_HEADERS.previous,
        "数值",
        "口径",
        "备注",
      ];
  const head = ws.addRow(headers);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = fill(HEADER_FILL);
    c.alignment = { vertical: "middle", wrapText: true };
    c.protection = { locked: true };
  });

  const basisCol = headers.indexOf("口径") + 1;
  const noteCol = headers.indexOf("备注") + 1;
  if (wide) {
    for (const u of v.units) {
      const row = ws.addRow([u.name, ...v.indicators.map(() => null), BASIS, null]);
      label(row.getCell(1));
      v.indicators.forEach((d, k) => {
        const c = row.getCell(k + 2);
        open(c);
        c.dataValidation = valueValidation(lang, lang === "en" ? d.nameEn || d.name : d.name, d.unit);
      });
      open(row.getCell(basisCol));
      row.getCell(basisCol).dataValidation = basisValidation(lang);
      open(row.getCell(noteCol));
    }
  } else {
    const valueCol = headers.indexOf("数值") + 1;
    for (const u of v.units) {
      const previous = v.previous.get(u.code);
      for (const d of v.indicators) {
        const row = ws.addRow([
          ...(single ? [] : [u.name]),
          d.code,
          d.name,
          d.unit,
          v.unitTargets.get(u.code)?.get(d.code) ?? d.target,
          previous?.get(d.code) ?? null,
          null,
          BASIS,
          null,
        ]);
        for (let c = 1; c < valueCol; c++) label(row.getCell(c));
        const value = row.getCell(valueCol);
        open(value);
        value.dataValidation = valueValidation(lang, lang === "en" ? d.nameEn || d.name : d.name, d.unit);
        if (checkOf(d.unit) === "whole") value.numFmt = "0";
        open(row.getCell(basisCol));
        row.getCell(basisCol).dataValidation = basisValidation(lang);
        open(row.getCell(noteCol));
      }
    }
  }
  // the title block's cells are labels too
  for (let r = 1; r < headerRow; r++) ws.getRow(r).getCell(1).protection = { locked: true };

  // widths from the text each column shows (a Chinese character is two)
  headers.forEach((h, k) => {
    let w = textWidth(h);
    ws.getColumn(k + 1).eachCell({ includeEmpty: false }, (c, rowNumber) => {
      if (rowNumber > headerRow) w = Math.max(w, textWidth(String(c.value ?? "")));
    });
    ws.getColumn(k + 1).width = Math.min(40, Math.max(8, w + 2));
  });
  ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: wide ? 1 : 0 }];
  // protected without a password: labels cannot be overwritten by mistake, and anyone may unprotect
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  addNotes(wb, v, lang, wide, !!single);
  const meta = wb.addWorksheet(TEMPLATE_SHEETS.meta, { state: "hidden" });
  meta.addRows([
    ["dzkj-template", 1],
    ["unit", single?.code ?? ""],
    ["period", v.period],
    ["year", v.planYear],
    ["basis", BASIS],
  ]);
  return workbookBytes(wb, now);
}

/** The 说明 sheet: each column of the form and what goes in it, in the UI language. */
function addNotes(
  wb: ExcelJS.Workbook,
  v: XlsxTemplateView,
  lang: Lang,
  wide: boolean,
  single: boolean,
): void {
  const ws = wb.addWorksheet(TEMPLATE_SHEETS.notes);
  ws.addRow([t(lang, "template.xlsx.notesTitle", { period: v.period })]).getCell(1).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([t(lang, "template.xlsx.notesIntro")]);
  ws.addRow([]);
  const head = ws.addRow([t(lang, "template.xlsx.notesColumn"), t(lang, "template.xlsx.notesMeaning")]);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = fill(HEADER_FILL);
  });
  const rows: [string, string][] = wide
    ? [
        ["填报单位", t(lang, "template.xlsx.col.unit")],
        [t(lang, "template.xlsx.col.indicatorColumns"), t(lang, "template.xlsx.col.wideValue")],
        ["口径", t(lang, "template.xlsx.col.basis")],
        ["备注", t(lang, "template.xlsx.col.note")],
      ]
    : [
        ...(single ? [] : ([["填报单位", t(lang, "template.xlsx.col.unit")]] as [string, string][])),
        ["指标代码", t(lang, "template.xlsx.col.code")],
        ["指标名称", t(lang, "template.xlsx.col.name")],
        ["计量单位", t(lang, "template.xlsx.col.measure")],
        [REFERENCE_HEADERS.target, t(lang, "template.xlsx.col.target")],
        [REFERENCE_HEADERS.previous, t(lang, "template.xlsx.col.previous")],
        ["数值", t(lang, "template.xlsx.col.value")],
        ["口径", t(lang, "template.xlsx.col.basis")],
        ["备注", t(lang, "template.xlsx.col.note")],
      ];
  for (const r of rows) ws.addRow(r).getCell(2).alignment = { wrapText: true, vertical: "top" };
  ws.addRow([]);
  ws.addRow([t(lang, "template.xlsx.notesReturn")]);
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 80;
}
