/**
 * The fill-in workbook's whole trip, as a county makes it: `dzkj template -o x.xlsx`, filled in
 * (here with exceljs, standing in for Excel or WPS) and saved as a workbook, then `dzkj import`
 * of that .xlsx with no options. The hidden `_dzkj` sheet gives the unit, period and year; the
 * 说明 sheet is skipped; the reference columns (年度目标（参考）, 上期数值（参考）) are never read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, tempDir, testEnv } from "../helpers.js";
import { runMain } from "../support/main.js";
import { values } from "./db.js";

let tmp: { dir: string; cleanup: () => void };
let db: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  tmp = tempDir("dzkj-xlsx-roundtrip-");
  env = testEnv(tmp.dir, { DZKJ_NOW: "2020-10-15T08:00:00Z", TZ: "UTC" });
  db = join(tmp.dir, "rt.db");
  await createDatabase(db);
});
afterAll(() => tmp.cleanup());

/** Writes the template, lets `fill` type into its form sheet, saves it as a workbook: its path. */
async function filledTemplate(
  name: string,
  args: string[],
  fill: (ws: ExcelJS.Worksheet, col: Map<string, number>, headerRow: number) => void,
): Promise<string> {
  const file = join(tmp.dir, name);
  const r = await runMain(["--db", db, "template", ...args, "-o", file], env);
  expect(r.code, r.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as never);
  const ws = wb.getWorksheet("填报表")!;
  let headerRow = 0;
  let col = new Map<string, number>();
  for (let row = 1; row <= 10 && headerRow === 0; row++) {
    const vals = (ws.getRow(row).values as unknown[]).slice(1).map((v) => String(v ?? ""));
    if (vals.includes("数值") || vals.some((v) => v.includes("（项）"))) {
      headerRow = row;
      col = new Map(vals.map((v, i) => [v, i + 1]));
    }
  }
  expect(headerRow).toBeGreaterThan(0);
  fill(ws, col, headerRow);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

describe("template .xlsx → filled in → import .xlsx, no options", () => {
  it("one county's form stores exactly what was typed, under the unit and period of _dzkj", async () => {
    const typed: Record<string, [number, string?]> = {
      key_tech_projects: [3, "本期"],
      tech_contract_value: [1234.56],
      st_progress_contribution: [57.25],
      hitech_enterprises: [7],
    };
    const file = await filledTemplate(
      "渠县-2020Q3.xlsx",
      ["--unit", "渠县", "--period", "2020Q3"],
      (ws, col, h) => {
        for (let r = h + 1; r <= ws.rowCount; r++) {
          const x = typed[String(ws.getRow(r).getCell(col.get("指标代码")!).value)];
          if (!x) continue;
          ws.getRow(r).getCell(col.get("数值")!).value = x[0];
          if (x[1]) ws.getRow(r).getCell(col.get("口径")!).value = x[1];
        }
      },
    );
    const r = await runMain(["--db", db, "import", file], env);
    expect(r.code, r.stderr).toBe(0);
    const stored = values(db)
      .filter((v) => v.period === "2020Q3")
      .map((v) => [v.unit_code, v.indicator_code, v.value, v.basis]);
    // as typed, 4 cells: 3 is the quarter's own (本期), the rest 累计; the 19 blank rows store nothing
    expect(stored).toEqual([
      ["quxian", "hitech_enterprises", 7, "ytd"],
      ["quxian", "key_tech_projects", 3, "period"],
      ["quxian", "st_progress_contribution", 57.25, "ytd"],
      ["quxian", "tech_contract_value", 1234.56, "ytd"],
    ]);
  });

  it("an option that contradicts the form's own unit is refused, and nothing is stored", async () => {
    const file = await filledTemplate(
      "渠县-2020Q2.xlsx",
      ["--unit", "渠县", "--period", "2020Q2"],
      (ws, col, h) => {
        ws.getRow(h + 1).getCell(col.get("数值")!).value = 9;
      },
    );
    const before = values(db).length;
    const r = await runMain(["--db", db, "import", file, "--unit", "通川区"], env);
    expect(r.code).not.toBe(0);
    // the template names its unit as people read it (渠县), not by its code (quxian)
    expect(r.stderr).toContain("渠县-2020Q2.xlsx:_dzkj: 命令行的 --unit 通川区 与模板中记录的“渠县”不一致");
    expect(values(db).length).toBe(before);
  });

  it("the wide form (every unit, one row each) stores each unit's figures", async () => {
    const fills: Record<string, number> = { 通川区: 11, 宣汉县: 4 };
    const file = await filledTemplate(
      "全部-2020Q1.xlsx",
      ["--layout", "wide", "--period", "2020Q1"],
      (ws, col, h) => {
        const key = col.get("关键技术攻关项目（项）")!;
        for (let r = h + 1; r <= ws.rowCount; r++) {
          const x = fills[String(ws.getRow(r).getCell(1).value)];
          if (x !== undefined) ws.getRow(r).getCell(key).value = x;
        }
      },
    );
    const r = await runMain(["--db", db, "import", file], env);
    expect(r.code, r.stderr).toBe(0);
    const stored = values(db)
      .filter((v) => v.period === "2020Q1")
      .map((v) => [v.unit_code, v.indicator_code, v.value]);
    expect(stored).toEqual([
      ["tongchuan", "key_tech_projects", 11],
      ["xuanhan", "key_tech_projects", 4],
    ]);
  });
});

describe("the template's reference target", () => {
  it("is the unit's own share once the bureau has split it, the city's target where it has not", async () => {
    const targets = join(tmp.dir, "分解.csv");
    writeFileSync(targets, "填报单位,指标,目标\r\n渠县,关键技术攻关项目,8\r\n");
    const t = await runMain(["--db", db, "targets", "import", targets], env);
    expect(t.code, t.stderr).toBe(0);
    const file = join(tmp.dir, "渠县-2020Q4.xlsx");
    expect(
      (await runMain(["--db", db, "template", "--unit", "渠县", "--period", "2020Q4", "-o", file], env)).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    const ws = wb.getWorksheet("填报表")!;
    const target = new Map<string, unknown>();
    ws.eachRow((row) => target.set(String(row.getCell(1).value), row.getCell(4).value));
    // 渠县's share of key_tech_projects is 8 (city 30); st_transfer_projects is not split: the city's 10
    expect(target.get("key_tech_projects")).toBe(8);
    expect(target.get("st_transfer_projects")).toBe(10);
  });
});
