/**
 * `dzkj template -o FILE.xlsx`: the fill-in workbook (validations, locked labels, 说明, hidden
 * `_dzkj` metadata) and its round trip: written, filled in programmatically, saved as the CSV a
 * spreadsheet would (title block included), imported with the existing pipeline, and the stored
 * values checked against what was typed in. The database holds the fixtures up to 2020Q3
 * (fixtures/progress), so 渠县's figures for 2020Q3 are the reference column of a 2020Q4 template:
 * key_tech_projects 3 (累计), tech_contract_value 300 万元; hitech_enterprises last reported in
 * 2020Q2 (4), so its 2020Q3 reference is blank (an older figure would read as last quarter's).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, PROGRESS_FIXTURES, tempDir, testEnv } from "../helpers.js";
import { runMain } from "../support/main.js";
import { values } from "./db.js";

let tmp: { dir: string; cleanup: () => void };
let db: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  tmp = tempDir("dzkj-xlsx-template-");
  env = testEnv(tmp.dir, { DZKJ_NOW: "2020-10-15T08:00:00Z", TZ: "UTC" });
  db = join(tmp.dir, "q3.db");
  await createDatabase(db);
  expect((await runMain(["--db", db, "import", ...PROGRESS_FIXTURES], env)).code).toBe(0);
});
afterAll(() => tmp.cleanup());

async function template(name: string, ...args: string[]): Promise<{ file: string; wb: ExcelJS.Workbook }> {
  const file = join(tmp.dir, name);
  const r = await runMain(["--db", db, "template", ...args, "-o", file], env);
  expect(r.stderr).toContain(file);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as never);
  return { file, wb };
}

/** The header row's cells by name, and the row it is on. */
function header(ws: ExcelJS.Worksheet): { row: number; col: Map<string, number> } {
  for (let r = 1; r <= 10; r++) {
    const vals = (ws.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ""));
    if (vals.includes("口径")) return { row: r, col: new Map(vals.map((v, i) => [v, i + 1])) };
  }
  throw new Error("no header row");
}

/** The sheet as the CSV a spreadsheet saves: every row, title block included, quoted where needed. */
function sheetCsv(ws: ExcelJS.Worksheet): string {
  const lines: string[] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const v = ws.getRow(r).getCell(c).value;
      const s = v === null || v === undefined ? "" : String(v);
      cells.push(/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    }
    lines.push(cells.join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

describe("template -o 渠县-2020Q4.xlsx (long layout)", () => {
  it("title block, header with the reference columns, one row per indicator; metadata in the hidden _dzkj", async () => {
    const { wb } = await template("渠县-2020Q4.xlsx", "--unit", "渠县", "--period", "2020Q4");
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["填报表", "visible"],
      ["说明", "visible"],
      ["_dzkj", "hidden"],
    ]);
    const ws = wb.getWorksheet("填报表")!;
    expect(ws.getCell("A2").value).toBe("填报单位：渠县");
    expect(ws.getCell("A3").value).toBe("报告期：2020Q4");
    const { row, col } = header(ws);
    expect(row).toBe(4);
    expect([...col.keys()]).toEqual([
      "指标代码",
      "指标名称",
      "计量单位",
      "年度目标（参考）",
      "上期数值（参考）",
      "数值",
      "口径",
      "备注",
    ]);
    // 23 indicators under the header
    expect(ws.rowCount).toBe(4 + 23);
    const byCode = (code: string) => {
      for (let r = row + 1; r <= ws.rowCount; r++)
        if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
      throw new Error(code);
    };
    const key = byCode("key_tech_projects");
    expect(key.getCell(col.get("年度目标（参考）")!).value).toBe(30);
    expect(key.getCell(col.get("上期数值（参考）")!).value).toBe(3);
    expect(byCode("tech_contract_value").getCell(col.get("上期数值（参考）")!).value).toBe(300);
    expect(byCode("hitech_enterprises").getCell(col.get("上期数值（参考）")!).value).toBeNull();
    expect(key.getCell(col.get("口径")!).value).toBe("累计");
    const meta = wb.getWorksheet("_dzkj")!;
    expect(
      meta
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1)),
    ).toEqual([
      ["dzkj-template", 1],
      ["unit", "quxian"],
      ["period", "2020Q4"],
      ["year", 2020],
      ["basis", "累计"],
    ]);
    // the explanations name every column of the form
    const notes = wb.getWorksheet("说明")!;
    const explained = notes.getColumn(1).values.map(String);
    for (const h of col.keys()) expect(explained).toContain(h);
  });

  it("under --lang en the validation prompts and errors name the indicator in English", async () => {
    const { wb } = await template("渠县-en.xlsx", "--lang", "en", "--unit", "渠县", "--period", "2020Q4");
    const ws = wb.getWorksheet("填报表")!;
    const { row, col } = header(ws);
    let v: ExcelJS.DataValidation | undefined;
    for (let r = row + 1; r <= ws.rowCount; r++)
      if (ws.getRow(r).getCell(1).value === "key_tech_projects")
        v = ws.getRow(r).getCell(col.get("数值")!).dataValidation;
    expect(v?.promptTitle).toBe("Key technology research projects");
    expect(v?.error).toContain("Key technology research projects");
    expect(v?.error).not.toContain("关键技术攻关项目");
  });

  it("validation: whole ≥ 0 for counts, 0–100 for %, ≥ 0 otherwise, 口径 a drop-down; labels locked, inputs open", async () => {
    const { file, wb } = await template("渠县-v.xlsx", "--unit", "渠县", "--period", "2020Q4");
    const ws = wb.getWorksheet("填报表")!;
    const { row, col } = header(ws);
    const value = col.get("数值")!;
    const at = (code: string) => {
      for (let r = row + 1; r <= ws.rowCount; r++)
        if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
      throw new Error(code);
    };
    const key = at("key_tech_projects").getCell(value);
    expect(key.dataValidation).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      showErrorMessage: true,
    });
    expect(key.dataValidation.prompt).toContain("整数");
    expect(at("st_progress_contribution").getCell(value).dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
    expect(at("tech_contract_value").getCell(value).dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    expect(key.protection?.locked).toBe(false);
    expect(at("key_tech_projects").getCell(col.get("口径")!).protection?.locked).toBe(false);
    // a cell without a protection entry is locked (the OOXML default) once the sheet is protected
    expect(at("key_tech_projects").getCell(col.get("指标名称")!).protection?.locked ?? true).toBe(true);
    // the drop-down and the protection as the file holds them (what Excel, WPS and LibreOffice read)
    const xml = await (await JSZip.loadAsync(readFileSync(file)))
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(xml).toMatch(
      /<dataValidation type="list"[^>]*sqref="G5:G27"><formula1>&quot;累计,本期&quot;<\/formula1>/,
    );
    expect(xml).toMatch(/<sheetProtection sheet="1"/);
    expect(xml).not.toContain("hashValue");
  });

  it("filled in and returned, imports back exactly (saved as CSV with its title block)", async () => {
    const { wb } = await template("渠县-rt.xlsx", "--unit", "渠县", "--period", "2020Q4");
    const ws = wb.getWorksheet("填报表")!;
    const { row, col } = header(ws);
    const typed: Record<string, [number, string?]> = {
      key_tech_projects: [2, "本期"],
      tech_contract_value: [412.5],
      hitech_industry_revenue: [26.75],
      hitech_enterprises: [6],
      st_progress_contribution: [58.5],
    };
    for (let r = row + 1; r <= ws.rowCount; r++) {
      const x = typed[String(ws.getRow(r).getCell(1).value)];
      if (!x) continue;
      ws.getRow(r).getCell(col.get("数值")!).value = x[0];
      if (x[1]) ws.getRow(r).getCell(col.get("口径")!).value = x[1];
    }
    const csv = join(tmp.dir, "渠县-rt.csv");
    writeFileSync(csv, sheetCsv(ws));
    const r = await runMain(["--db", db, "import", csv], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const stored = values(db)
      .filter((v) => v.unit_code === "quxian" && v.period === "2020Q4")
      .map((v) => [v.indicator_code, v.value, v.basis]);
    // as typed: 2 is 本期 (the quarter's increment), the rest 累计; the 18 blank rows store nothing
    expect(stored).toEqual([
      ["hitech_enterprises", 6, "ytd"],
      ["hitech_industry_revenue", 26.75, "ytd"],
      ["key_tech_projects", 2, "period"],
      ["st_progress_contribution", 58.5, "ytd"],
      ["tech_contract_value", 412.5, "ytd"],
    ]);
  });
});

describe("template --layout wide --format xlsx", () => {
  it("one row per unit, one validated column per indicator; filled rows import back exactly", async () => {
    const { wb } = await template("wide.xlsx", "--layout", "wide", "--period", "2020Q4", "--format", "xlsx");
    const ws = wb.getWorksheet("填报表")!;
    const { row, col } = header(ws);
    // no single unit: no 填报单位 line, the period on row 2, the header on row 3
    expect(row).toBe(3);
    expect(ws.getCell("A2").value).toBe("报告期：2020Q4");
    // 9 units (全市 is not a reporting row)
    expect(ws.rowCount).toBe(3 + 9);
    const keyCol = col.get("关键技术攻关项目（项）")!;
    const rateCol = col.get("科技进步贡献率（%）")!;
    expect(ws.getRow(row + 1).getCell(keyCol).dataValidation).toMatchObject({ type: "whole", formulae: [0] });
    expect(ws.getRow(row + 1).getCell(rateCol).dataValidation).toMatchObject({
      type: "decimal",
      formulae: [0, 100],
    });
    expect(wb.getWorksheet("_dzkj")!.getCell("B2").value).toBe("");
    const fills: Record<string, number> = { 通川区: 9, 渠县: 5 };
    for (let r = row + 1; r <= ws.rowCount; r++) {
      const x = fills[String(ws.getRow(r).getCell(1).value)];
      if (x !== undefined) ws.getRow(r).getCell(keyCol).value = x;
    }
    const csv = join(tmp.dir, "wide-rt.csv");
    writeFileSync(csv, sheetCsv(ws));
    const r = await runMain(["--db", db, "import", csv], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const stored = values(db)
      .filter((v) => v.period === "2020Q4" && v.indicator_code === "key_tech_projects")
      .map((v) => [v.unit_code, v.value, v.basis]);
    // 通川区 9 and 渠县 5 as typed; 渠县's earlier 2 本期 (the long round trip) is replaced by 5 累计
    expect(stored).toEqual([
      ["quxian", 5, "ytd"],
      ["tongchuan", 9, "ytd"],
    ]);
  });

  it("the CSV template is unchanged by default and with -o x.csv", async () => {
    const file = join(tmp.dir, "t.csv");
    const r = await runMain(
      ["--db", db, "template", "--unit", "渠县", "--period", "2020Q3", "-o", file],
      env,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(file, "utf8").split("\r\n")[0]).toBe(
      "\uFEFF报告期,填报单位,指标代码,指标名称,计量单位,数值,口径,备注",
    );
  });
});
