/**
 * Workbooks made by LibreOffice (fixtures/workbooks, see scripts/make-workbook-fixtures.mjs): the
 * values the cells hold, sheets chosen and skipped, problems located at SHEET!C12, the template's
 * _dzkj sheet, and the workbooks that are refused.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { formatProblemLine } from "../../src/cli/problems.js";
import { explain } from "../../src/i18n/index.js";
import { type Problem, problemLocation } from "../../src/intake/errors.js";
import type { WorkbookSource } from "../../src/intake/workbook-reader.js";
import { numberText, shiftText } from "../../src/intake/workbook-reader.js";
import type { Db } from "../../src/storage/database.js";
import { createDatabase, FIXTURES, tempDir, testEnv } from "../helpers.js";
import { runMain } from "../support/main.js";
import { freshDb, importFile, storedRows } from "./import-text.js";

const WB = join(FIXTURES, "workbooks");
let db: Db | undefined;
afterEach(() => db?.close());
const tmp = tempDir("dzkj-wb-");
afterAll(() => tmp.cleanup());

async function load(file: string, options: Parameters<typeof importFile>[2] = {}) {
  db = await freshDb();
  const o = await importFile(db, resolve(WB, file), options);
  const shown = (p: Problem) => formatProblemLine("zh", { ...p, file: basename(p.file) });
  return { o, rows: storedRows(db), lines: o.problems.map(shown), warnings: o.warnings.map(shown) };
}

describe("numbers as the file holds them", () => {
  it.each([
    [0.1 + 0.2, "0.3"], // 0.30000000000000004: 17 digits, 15 of them 0.300000000000000
    [12345678.123456, "12345678.123456"], // 14 significant digits: kept whole
    [265000, "265000"],
    [1e-7, "0.0000001"], // String() gives 1e-7: written out
    [1.5e21, "1500000000000000000000"],
    [-0.125, "-0.125"],
  ])("%d is written %s", (v, text) => expect(numberText(v)).toBe(text));

  it.each([
    ["0.58", "58"], // 0.58 × 100, by moving the point: no 57.99999999999999
    ["0.005", "0.5"],
    ["1", "100"],
    ["-0.125", "-12.5"],
    ["12.3456", "1234.56"],
  ])("%s × 100 is %s", (text, shifted) => expect(shiftText(text, 2)).toBe(shifted));
});

describe.each(["xlsx", "xls"])("features.%s (LibreOffice): a long sheet of 渠县", (ext) => {
  it("stores exact numbers, a percentage, formula results and a 万元 figure in 亿元, for the date's quarter", async () => {
    const { o, rows, warnings } = await load(`features.${ext}`);
    expect(o.status).toBe("imported");
    expect(o.source?.format).toBe(ext);
    expect(rows).toEqual(
      [
        // 0.1+0.2 cached: .xlsx holds 0.3, .xls the double 0.30000000000000004; both store 0.3
        { period: "2020Q3", unit: "quxian", indicator: "rd_expenditure", value: 0.3 },
        // 265000 万元 shown as 265,000.00 = 26.5 亿元 (÷ 10000)
        { period: "2020Q3", unit: "quxian", indicator: "hitech_industry_revenue", value: 26.5 },
        // =2+3
        { period: "2020Q3", unit: "quxian", indicator: "key_tech_projects", value: 5 },
        // 0.58 formatted 0% is 58 %
        { period: "2020Q3", unit: "quxian", indicator: "st_progress_contribution", value: 58 },
        // shown 12345678.12 by the General format: stored as typed
        { period: "2020Q3", unit: "quxian", indicator: "tech_contract_value", value: 12345678.123456 },
      ].sort((a, b) => (a.indicator < b.indicator ? -1 : 1)),
    );
    // 12345678.123456 万元 is over ten times the 5600 万元 target: a warning at its cell C4
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^features\\.${ext}:渠县!C4: 数值: 12345678\\.123456 — 渠县 技术合同登记额 为 12345678\\.123456万元，超过全年目标 5600万元 的 10 倍`,
        ),
      ),
    ]);
  });

  it("skips the 说明 sheet and the hidden 旧表, and records the sheets read", async () => {
    const { o } = await load(`features.${ext}`);
    const src = o.source as WorkbookSource;
    expect(src.sheets).toEqual(["渠县"]);
    expect(src.skipped).toEqual([
      { name: "说明", why: "notes" },
      { name: "旧表", why: "hidden" },
    ]);
    expect(o.table.sheets).toEqual(["渠县"]);
  });

  it("reads a hidden sheet when --sheet names it", async () => {
    const { o, rows } = await load(`features.${ext}`, { sheets: ["旧表"] });
    expect(o.status).toBe("imported");
    expect(rows).toEqual([{ period: "2020Q3", unit: "quxian", indicator: "key_tech_projects", value: 99 }]);
  });
});

describe("merged cells (LibreOffice)", () => {
  it.each(["merged.xlsx", "merged.xls"])(
    "%s: a header spanning two columns over two rows, a period merged down three rows, a hidden row read and warned of",
    async (file) => {
      const { o, rows, warnings } = await load(file);
      expect(o.status).toBe("imported");
      expect(o.layout).toBe("wide");
      const v = (unit: string, indicator: string, value: number) => ({
        period: "2020Q3",
        unit,
        indicator,
        value,
      });
      expect(rows).toEqual([
        v("dachuan", "hitech_enterprises", 7),
        v("dachuan", "key_tech_projects", 4),
        v("tongchuan", "hitech_enterprises", 8),
        v("tongchuan", "key_tech_projects", 5),
        v("xuanhan", "hitech_enterprises", 6),
        v("xuanhan", "key_tech_projects", 3),
      ]);
      expect(warnings).toEqual([
        expect.stringMatching(
          new RegExp(`^${file.replace(".", "\\.")}:汇总!6:6: 隐藏的 1 行（第 6 行）也已读取`),
        ),
      ]);
    },
  );
});

describe("sheets", () => {
  it("reads every sheet holding a table; a cover and an empty sheet are skipped and listed", async () => {
    const { o, rows } = await load("two-sheets.xlsx");
    expect(o.status).toBe("imported");
    expect(rows.map((r) => `${r.unit}=${r.value}`)).toEqual(["dachuan=4", "tongchuan=5"]);
    const src = o.source as WorkbookSource;
    expect(src.sheets).toEqual(["通川区", "达川区"]);
    expect(src.skipped).toEqual([
      { name: "封面", why: "notes" },
      { name: "空白", why: "empty" },
    ]);
  });

  it("--sheet by 1-based index and by name", async () => {
    expect((await load("two-sheets.xlsx", { sheets: ["3"] })).rows.map((r) => r.unit)).toEqual(["dachuan"]);
    db?.close();
    expect((await load("two-sheets.xlsx", { sheets: ["通川区"] })).rows.map((r) => r.unit)).toEqual([
      "tongchuan",
    ]);
  });

  it("--sheet naming no sheet is refused with the workbook's sheet names", async () => {
    const { o, rows } = await load("two-sheets.xlsx", { sheets: ["渠县"] });
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(explain("zh", o.problems[0]!.reason)).toBe(
      "工作簿中没有名为或序号为“渠县”的工作表；共有：封面、通川区、达川区、空白",
    );
  });

  it("--sheet naming a sheet without a table is refused, not skipped", async () => {
    const { o } = await load("two-sheets.xlsx", { sheets: ["封面"] });
    expect(o.status).toBe("rejected");
    expect(o.problems.map((p) => [problemLocation(p), p.reason.key])).toEqual([
      ["封面", "intake.header.notFound"],
    ]);
  });

  it("all or nothing per workbook: one bad cell in the second sheet, nothing of the first is stored", async () => {
    const { o, rows, lines } = await load("two-sheets-one-bad.xlsx");
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(lines).toEqual([
      "two-sheets-one-bad.xlsx:达川区!D3: 数值: abc — “abc”不是有效的数值；该指标以家计，请填写如 12、1,234.5 或 12家",
    ]);
  });
});

describe("problems located as FILE:SHEET!C12", () => {
  it("a formula without a cached value is refused at its cell", async () => {
    const { o, rows, lines } = await load("formula-no-cache.xlsx");
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(lines).toEqual([
      "formula-no-cache.xlsx:渠县!C6: =0.1+0.2 — 公式 =0.1+0.2 没有计算结果（文件保存时未计算）：请在 Excel/WPS 中打开并保存一次后重新导入",
    ]);
  });

  it("an unknown unit, a period outside the plans and a duplicate in another sheet: each at its cell", async () => {
    // written by SheetJS here: the location rules, not LibreOffice's bytes, are under test
    const { createRequire } = await import("node:module");
    const X = createRequire(import.meta.url)("@e965/xlsx");
    const wb = X.utils.book_new();
    const head = ["报告期", "填报单位", "指标", "数值"];
    X.utils.book_append_sheet(
      wb,
      X.utils.aoa_to_sheet([
        head,
        ["2020Q3", "通川区", "关键技术攻关项目", 5],
        ["2020Q3", "通州区", "关键技术攻关项目", 2],
      ]),
      "一",
    );
    X.utils.book_append_sheet(
      wb,
      X.utils.aoa_to_sheet([
        head,
        ["2031Q3", "达川区", "关键技术攻关项目", 4],
        ["2020Q3", "通川区", "关键技术攻关项目", 6],
      ]),
      "二",
    );
    const file = join(tmp.dir, "where.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.status).toBe("rejected");
    expect(storedRows(db)).toEqual([]);
    expect(
      o.problems.map((p) => `${problemLocation(p)} ${p.reason.key} ${p.reason.params?.at ?? ""}`),
    ).toEqual([
      "一!B3 import.unit.unknownHint ",
      "二!A2 import.period.outsidePlans ",
      // the first 通川区 figure was in cell D2 of sheet 一: named with its sheet
      "二!D3 import.duplicate.at 一!D2",
    ]);
  });

  it("JSON output gives the sheet and the cell", async () => {
    const dir = tmp.dir;
    const dbPath = join(dir, "json.db");
    await createDatabase(dbPath);
    const r = await runMain(
      ["--db", dbPath, "import", "--format", "json", join(WB, "two-sheets-one-bad.xlsx")],
      testEnv(dir, { NO_COLOR: "1" }),
    );
    expect(r.code).toBe(1);
    const [out] = JSON.parse(r.stdout);
    expect(out.format).toBe("xlsx");
    expect(out.problems).toEqual([
      expect.objectContaining({ line: 3, sheet: "达川区", cell: "D3", column: "数值", value: "abc" }),
    ]);
  });
});

/** SheetJS, to write the few workbooks whose point is a rule rather than a program's bytes. */
async function sheetJs() {
  const { createRequire } = await import("node:module");
  return createRequire(import.meta.url)("@e965/xlsx");
}

describe("merges, hidden columns and macros (books written by SheetJS: the rules are under test)", () => {
  const head = ["报告期", "填报单位", "指标", "数值"];

  it("a date cell is its day in either date system: serial 44104 (1900) and 42642 (1904) are 2020-09-30", async () => {
    const X = await sheetJs();
    for (const [date1904, serial] of [
      [false, 44104], // days since 1899-12-30: 2020-09-30
      [true, 42642], // days since 1904-01-01: 44104 − 1462
    ] as const) {
      const ws = X.utils.aoa_to_sheet([head, [null, "通川区", "关键技术攻关项目", 5]]);
      ws.A2 = { t: "n", v: serial, z: "yyyy-mm-dd" };
      const wb = X.utils.book_new();
      X.utils.book_append_sheet(wb, ws, "表");
      wb.Workbook = { WBProps: { date1904 } };
      const file = join(tmp.dir, `date-${date1904}.xlsx`);
      writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
      db?.close();
      const { o, rows } = await load(file);
      expect(o.status).toBe("imported");
      expect(rows).toEqual([
        { period: "2020Q3", unit: "tongchuan", indicator: "key_tech_projects", value: 5 },
      ]);
    }
  });

  it("a figure merged down over two units' rows is refused at the cell: it belongs to no single row", async () => {
    const X = await sheetJs();
    const ws = X.utils.aoa_to_sheet([
      head,
      ["2020Q3", "通川区", "关键技术攻关项目", 5],
      ["2020Q3", "达川区", "关键技术攻关项目", null],
    ]);
    ws["!merges"] = [{ s: { r: 1, c: 3 }, e: { r: 2, c: 3 } }]; // D2:D3
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(wb, ws, "表");
    const file = join(tmp.dir, "merged-figure.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const { o, rows, lines } = await load(file);
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(lines).toEqual([
      "merged-figure.xlsx:表!D3: 数值: 5 — 数值单元格与上方 D2 合并（跨越多行）：合并的数值不能确定属于哪一行，请取消合并并逐行填写",
    ]);
  });

  it("a unit and an indicator merged down are given to each row they cover", async () => {
    const X = await sheetJs();
    const ws = X.utils.aoa_to_sheet([
      ["报告期", "填报单位", "指标", "数值", "口径"],
      ["2020Q3", "通川区", "关键技术攻关项目", 5, "累计"],
      ["2020Q3", null, "高新技术企业", 8, null],
    ]);
    ws["!merges"] = [
      { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }, // B2:B3 通川区
      { s: { r: 1, c: 4 }, e: { r: 2, c: 4 } }, // E2:E3 累计
    ];
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(wb, ws, "表");
    const file = join(tmp.dir, "merged-unit.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const { o, rows } = await load(file);
    expect(o.status).toBe("imported");
    expect(rows.map((r) => `${r.unit} ${r.indicator} ${r.value}`)).toEqual([
      "tongchuan hitech_enterprises 8",
      "tongchuan key_tech_projects 5",
    ]);
  });

  it("each sheet's 合计 row is checked against its own sheet's rows, and the batch keeps the sheet names", async () => {
    const X = await sheetJs();
    const wb = X.utils.book_new();
    const wide = ["填报单位", "关键技术攻关项目（项）"];
    // 5 + 4 = 9 on 一, 3 + 6 = 9 on 二: both totals agree with their own sheet (not with 18)
    X.utils.book_append_sheet(
      wb,
      X.utils.aoa_to_sheet([["报告期：2020年1-9月"], wide, ["通川区", 5], ["达川区", 4], ["合计", 9]]),
      "一",
    );
    X.utils.book_append_sheet(
      wb,
      X.utils.aoa_to_sheet([["报告期：2020年1-9月"], wide, ["宣汉县", 3], ["开江县", 6], ["合计", 9]]),
      "二",
    );
    const file = join(tmp.dir, "totals.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const { o, rows, warnings } = await load(file);
    expect(o.status).toBe("imported");
    expect(warnings).toEqual([]);
    expect(o.table.totalRows).toBe(2);
    expect(rows.map((r) => r.value)).toEqual([4, 6, 5, 3]); // dachuan, kaijiang, tongchuan, xuanhan
    const batch = db!.prepare("SELECT format, details FROM import_batches WHERE id = ?").get(o.batchId) as {
      format: string;
      details: string;
    };
    expect(batch.format).toBe("xlsx");
    expect(JSON.parse(batch.details).sheets).toEqual(["一", "二"]);
  });

  it("a total that disagrees with its own sheet is warned of at its cell", async () => {
    const X = await sheetJs();
    const wb = X.utils.book_new();
    const wide = ["填报单位", "关键技术攻关项目（项）"];
    X.utils.book_append_sheet(
      wb,
      X.utils.aoa_to_sheet([["报告期：2020年1-9月"], wide, ["通川区", 5], ["达川区", 4], ["合计", 10]]),
      "一",
    );
    const file = join(tmp.dir, "total-off.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const { o, warnings } = await load(file);
    expect(o.status).toBe("imported");
    // 5 + 4 = 9, not 10: B5 is the 合计 row's figure
    expect(warnings).toEqual([
      expect.stringMatching(/^total-off\.xlsx:一!B5: 关键技术攻关项目（项）: 10 — /),
    ]);
  });

  it("a sheet without a header row is no progress table: skipped and listed, its rows not counted", async () => {
    const X = await sheetJs();
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(
      wb,
      X.utils.aoa_to_sheet([["走势"], ["一季度", "二季度"], ["甲", "乙"]]),
      "图表数据",
    );
    X.utils.book_append_sheet(
      wb,
      X.utils.aoa_to_sheet([head, ["2020Q3", "通川区", "关键技术攻关项目", 5]]),
      "数据",
    );
    const file = join(tmp.dir, "no-header.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const { o, rows } = await load(file);
    expect(o.status).toBe("imported");
    expect(rows.map((r) => r.value)).toEqual([5]);
    expect((o.source as WorkbookSource).skipped).toEqual([{ name: "图表数据", why: "noHeader" }]);
    expect((o.source as WorkbookSource).sheets).toEqual(["数据"]);
    expect(o.counts.skipped).toBe(0); // the three rows of 图表数据 are not 数据's title rows
  });

  it("a workbook none of whose sheets holds a table is refused saying so", async () => {
    const X = await sheetJs();
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(wb, X.utils.aoa_to_sheet([["走势"], ["甲", "乙"]]), "图表数据");
    X.utils.book_append_sheet(wb, X.utils.aoa_to_sheet([["填表说明"]]), "说明");
    const file = join(tmp.dir, "no-table.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const { o } = await load(file);
    expect(o.status).toBe("rejected");
    expect(o.problems.map((p) => p.reason.key)).toEqual(["intake.workbook.noTable"]);
  });

  it("a hidden value column is read, with a warning at its header", async () => {
    const X = await sheetJs();
    const ws = X.utils.aoa_to_sheet([head, ["2020Q3", "通川区", "关键技术攻关项目", 5]]);
    ws["!cols"] = [{}, {}, {}, { hidden: true }];
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(wb, ws, "表");
    const file = join(tmp.dir, "hidden-column.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const { o, rows, warnings } = await load(file);
    expect(o.status).toBe("imported");
    expect(rows.map((r) => r.value)).toEqual([5]);
    expect(warnings).toEqual([
      "hidden-column.xlsx:表!D1: 数值列“数值”在表中是隐藏的，已照常读取：请确认这是要导入的列",
    ]);
  });

  it("a workbook with macros is read (its macros never run) and says so", async () => {
    const X = await sheetJs();
    const zip = X.CFB.read(readFileSync(join(WB, "two-sheets.xlsx")), { type: "buffer" });
    X.CFB.utils.cfb_add(zip, "/xl/vbaProject.bin", Buffer.from("not run"));
    const file = join(tmp.dir, "macros.xlsm");
    writeFileSync(file, X.CFB.write(zip, { type: "buffer", fileType: "zip" }));
    const { o, rows } = await load(file);
    expect(o.status).toBe("imported");
    expect(rows.length).toBe(2);
    expect((o.source as WorkbookSource).format).toBe("xlsm");
    expect((o.source as WorkbookSource).macros).toBe(true);
  });
});

describe("files that are refused", () => {
  it.each([
    ["truncated.xlsx", "intake.workbook.corrupt"],
    ["damaged.xlsx", "intake.workbook.corrupt"],
    ["encrypted.xlsx", "intake.workbook.encrypted"],
    ["letter.docx", "intake.workbook.notWorkbook"],
  ])("%s: %s", async (file, key) => {
    const { o, rows } = await load(file);
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(o.problems.map((p) => p.reason.key)).toEqual([key]);
  });

  it("a zip bomb: a sheet that unzips far beyond the limit is refused before it is inflated", async () => {
    // 8 MB of spaces deflate to ~8 KB; with --max-file-mb 0.5 the unzipped limit is 4 MB (8 × 0.5)
    const big = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const file = join(tmp.dir, "bomb.xlsx");
    writeFileSync(
      file,
      zip([
        ["xl/workbook.xml", Buffer.from("<workbook/>")],
        ["xl/worksheets/sheet1.xml", big],
      ]),
    );
    const { o } = await load(file, { limits: { maxFileBytes: 512 * 1024, maxLineBytes: 1024 * 1024 } });
    expect(o.status).toBe("rejected");
    expect(o.problems.map((p) => p.reason.key)).toEqual(["intake.workbook.tooLarge"]);
    expect(o.problems[0]!.reason.params).toEqual({ size: "8 MB", max: "4 MB" });
  });

  it("a workbook of more than 1,024 sheets is refused (a record's line holds its sheet in 10 bits)", async () => {
    const X = await sheetJs();
    const wb = X.utils.book_new();
    for (let i = 1; i <= 1025; i++) X.utils.book_append_sheet(wb, X.utils.aoa_to_sheet([["x"]]), `S${i}`);
    const file = join(tmp.dir, "many.xlsx");
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const { o } = await load(file);
    expect(o.problems.map((p) => [p.reason.key, p.reason.params])).toEqual([
      ["intake.workbook.tooManySheets", { count: 1025, max: 1024 }],
    ]);
  });

  it("--max-file-mb applies to a workbook before it is read", async () => {
    const { o } = await load("features.xlsx", { limits: { maxFileBytes: 1024, maxLineBytes: 1024 * 1024 } });
    expect(o.problems.map((p) => p.reason.key)).toEqual(["intake.file.tooLarge"]);
  });
});

describe("web systems' .xls that is HTML or CSV", () => {
  it("an HTML table named .xls is read as HTML", async () => {
    const { o, rows } = await load("html-export.xls");
    expect(o.source?.format).toBe("html");
    expect(rows).toEqual([
      { period: "2020Q3", unit: "kaijiang", indicator: "key_tech_projects", value: 3 },
      { period: "2020Q3", unit: "kaijiang", indicator: "tech_contract_value", value: 1250.5 }, // "1,250.5"
    ]);
  });

  it("an Excel 2003 XML spreadsheet named .xls (LibreOffice's) is read as one", async () => {
    const { o, rows } = await load("two-sheets-2003xml.xls");
    expect(o.source?.format).toBe("xml");
    expect((o.source as WorkbookSource).sheets).toEqual(["通川区", "达川区"]);
    expect(rows.map((r) => `${r.unit}=${r.value}`)).toEqual(["dachuan=4", "tongchuan=5"]);
  });

  it("a CSV file named .xls is read as CSV", async () => {
    const { o, rows } = await load("csv-export.xls");
    expect(o.source?.format).toBe("csv");
    expect(rows).toEqual([{ period: "2020Q3", unit: "dazhu", indicator: "key_tech_projects", value: 7 }]);
  });
});

describe("the fill-in template's _dzkj sheet", () => {
  it("gives unit, period and year; the 参考 columns are not read", async () => {
    const { o, rows } = await load("template-filled.xlsx");
    expect(o.status).toBe("imported");
    // 6 and 11 from 数值, not the targets 30/70 nor last quarter's 2/9
    expect(rows).toEqual([
      { period: "2020Q3", unit: "quxian", indicator: "hitech_enterprises", value: 11 },
      { period: "2020Q3", unit: "quxian", indicator: "key_tech_projects", value: 6 },
    ]);
    expect(o.table.ignoredColumns).toEqual(["年度目标（参考）", "上期数值（参考）"]);
    expect((o.source as WorkbookSource).skipped.map((s) => s.why)).toEqual(["notes", "metadata"]);
  });

  it("an option that agrees is accepted; one that contradicts the template is refused", async () => {
    expect((await load("template-filled.xlsx", { unit: "渠县", period: "2020年三季度" })).o.status).toBe(
      "imported",
    );
    db?.close();
    const { o, rows } = await load("template-filled.xlsx", { unit: "通川区" });
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(explain("zh", o.problems[0]!.reason)).toBe(
      "命令行的 --unit 通川区 与模板中记录的“渠县”不一致：请去掉该选项，或使用对应的模板",
    );
    db?.close();
    expect((await load("template-filled.xlsx", { period: "2020Q2" })).o.problems[0]!.reason.key).toBe(
      "intake.template.conflict",
    );
  });

  it("--sheet _dzkj is refused: metadata, never data", async () => {
    const { o } = await load("template-filled.xlsx", { sheets: ["_dzkj"] });
    expect(o.problems.map((p) => p.reason.key)).toEqual(["intake.workbook.metadataSheet"]);
  });
});

describe("the import command on a workbook", () => {
  it("lists the skipped sheets on stderr and the changes by cell", async () => {
    const dir = tmp.dir;
    const dbPath = join(dir, "cli.db");
    await createDatabase(dbPath);
    const r = await runMain(
      ["--db", dbPath, "import", "--dry-run", join(WB, "features.xlsx")],
      testEnv(dir, { NO_COLOR: "1" }),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("features.xlsx: 未导入工作表“说明”（说明或封面页）");
    expect(r.stderr).toContain(
      "features.xlsx: 未导入工作表“旧表”（隐藏的工作表；如需导入请用 --sheet 指定）",
    );
    expect(r.stdout).toContain("xlsx 工作簿，工作表 渠县，长表");
    expect(r.stdout).toContain("  渠县!C5 2020Q3 渠县 科技进步贡献率: 新增 58");
    const en = await runMain(
      ["--db", dbPath, "--lang", "en", "import", "--dry-run", "--sheet", "2,旧表", join(WB, "features.xlsx")],
      testEnv(dir, { NO_COLOR: "1" }),
    );
    expect(en.code).toBe(1); // 旧表's 关键技术攻关项目 99 and 渠县's 5 are the same key: a duplicate
    expect(en.stderr).toContain("features.xlsx:旧表!D2: 数值: 99 — 2020Q3 Qu County");
  });
});

/** A ZIP file of stored entries, deflated (enough of the format for the reader's directory check). */
function zip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, packed);
    centrals.push(central, n);
    offset += 30 + n.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe("a number format that changes the figure shown (books written by SheetJS: the rule is under test)", () => {
  const head = ["报告期", "填报单位", "指标", "数值"];
  /** One 渠县 2020Q3 cell of `indicator`, value `v` with number format `z`: what the import does. */
  async function cell(indicator: string, v: number, z: string) {
    const X = await sheetJs();
    const ws = X.utils.aoa_to_sheet([head, ["2020Q3", "渠县", indicator, v]]);
    ws.D2 = { t: "n", v, z };
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(wb, ws, "渠县");
    const file = join(tmp.dir, `fmt-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    const r = await load(file);
    return { stored: r.rows.map((x) => x.value), lines: r.lines.map((l) => l.replace(/^[^:]+:/, "")) };
  }

  it.each([
    // the figure shown is the value rounded to the decimals shown: the exact value is read
    ["#,##0.00 shows 1,234.57 of 1234.5678", "技术合同登记额", 1234.5678, "#,##0.00", 1234.5678],
    ["0.00E+00 shows 1.23E+04 of 12300", "技术合同登记额", 12300, "0.00E+00", 12300],
    // 会计专用 (Excel's Chinese accounting format): ¥ and padding are not a unit
    [
      "会计专用 shows ¥ 1,250.50",
      "技术合同登记额",
      1250.5,
      '_ ¥* #,##0.00_ ;_ ¥* -#,##0.00_ ;_ ¥* "-"??_ ;_ @_ ',
      1250.5,
    ],
    [
      "会计专用 shows zero as -",
      "技术合同登记额",
      0,
      '_ ¥* #,##0.00_ ;_ ¥* -#,##0.00_ ;_ ¥* "-"??_ ;_ @_ ',
      0,
    ],
    // literal units in the format are the cell's unit: 1.2亿元 = 1.2 × 10,000 = 12,000 万元
    ['0.0"亿元" shows 1.2亿元: 12,000 万元', "技术合同登记额", 1.2, '0.0"亿元"', 12000],
    ['#,##0"万元" shows 300万元: 300 万元', "技术合同登记额", 300, '#,##0"万元"', 300],
    ['0"家" shows 12家 of a 家 indicator', "高新技术企业", 12, '0"家"', 12],
  ])("%s", async (_name, indicator, v, z, want) => {
    const { stored, lines } = await cell(indicator, v, z);
    expect(lines).toEqual([]);
    expect(stored).toEqual([want]);
  });

  it.each([
    // 千 scaling: 265,000 shown as 265
    ["#,##0, shows 265 of 265000", 265000, "#,##0,", "265"],
    // the 万 trick: a decimal point as literal text shows 元 as 万元 (12,345,678 元 as 1234.5678万元)
    ['0!.0000"万元" shows 1234.5678万元 of 12345678', 12345678, '0!.0000"万元"', "1234.5678万元"],
    [
      '0"."0000"万元" (the trick with a quoted point) shows 1234.5678万元',
      12345678,
      '0"."0000"万元"',
      "1234.5678万元",
    ],
    // a hidden value: the cell looks empty
    [";;; shows nothing of 5", 5, ";;;", ""],
  ])("refused at its cell: %s", async (_name, v, z, shown) => {
    const { stored, lines } = await cell("技术合同登记额", v, z);
    expect(stored).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `渠县!D2: ${shown === "" ? '""' : shown} — 单元格显示为“${shown}”，实际数值却是 ${v}`,
    );
  });
});
