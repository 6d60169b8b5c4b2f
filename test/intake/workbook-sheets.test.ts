/**
 * How a workbook's sheets relate: a sheet per quarter (its name states the period), a blank sheet
 * prepared for the next quarter, a copied sheet, county sheets with a summary, total rows per
 * sheet. The workbooks in fixtures/workbooks/review were made by exceljs (and re-saved by
 * LibreOffice as .xls); the rest are written here with SheetJS, since the rule is under test.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, resolve } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { formatProblemLine } from "../../src/cli/problems.js";
import type { Problem } from "../../src/intake/errors.js";
import { sheetPeriod } from "../../src/intake/table.js";
import type { Db } from "../../src/storage/database.js";
import { FIXTURES, tempDir } from "../helpers.js";
import { freshDb, importFile, importText, storedRows } from "./import-text.js";

const REVIEW = join(FIXTURES, "workbooks", "review");
let db: Db | undefined;
afterEach(() => db?.close());
const tmp = tempDir("dzkj-sheets-");
afterAll(() => tmp.cleanup());

async function load(file: string, options: Parameters<typeof importFile>[2] = {}) {
  db?.close();
  db = await freshDb();
  const o = await importFile(db, resolve(REVIEW, file), options);
  const shown = (p: Problem) => formatProblemLine("zh", { ...p, file: basename(p.file) });
  return { o, rows: storedRows(db), lines: o.problems.map(shown), warnings: o.warnings.map(shown) };
}

const X = createRequire(import.meta.url)("@e965/xlsx");
let n = 0;
/** Writes a workbook of [sheet name, rows] with SheetJS. */
function book(sheets: [string, (string | number | null)[][]][]): string {
  const wb = X.utils.book_new();
  for (const [name, rows] of sheets) X.utils.book_append_sheet(wb, X.utils.aoa_to_sheet(rows), name);
  const file = join(tmp.dir, `b${++n}.xlsx`);
  writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
  return file;
}

const HEAD = ["填报单位", "指标", "数值"];
const KEY = "key_tech_projects";

describe("a sheet whose name states a period gives it to its rows", () => {
  it("一季度 | 二季度 | 三季度 without a period column: each sheet's figure is stored for its own quarter", async () => {
    const { o, rows } = await load("E-sheet-per-quarter-2020Q3.xlsx");
    expect(o.status).toBe("imported");
    // the sheets hold 1, 3 and 6 for 大竹县 (dazhu); the plan's year is 2020
    expect(rows).toEqual([
      { period: "2020Q1", unit: "dazhu", indicator: KEY, value: 1 },
      { period: "2020Q2", unit: "dazhu", indicator: KEY, value: 3 },
      { period: "2020Q3", unit: "dazhu", indicator: KEY, value: 6 },
    ]);
  });

  it("--period that contradicts the sheet's name is refused naming the sheet; nothing is stored", async () => {
    const { o, rows, lines } = await load("E-sheet-per-quarter-2020Q3.xlsx", {
      sheets: ["一季度"],
      period: "2020Q3",
    });
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(lines.join("\n")).toContain("工作表名“一季度”表明报告期为 2020Q1，与 --period 2020Q3 不符");
  });

  it("--period that agrees with the sheet's name is accepted", async () => {
    const { o, rows } = await load("E-sheet-per-quarter-2020Q3.xlsx", {
      sheets: ["三季度"],
      period: "2020年1-9月",
    });
    expect(o.status).toBe("imported");
    expect(rows).toEqual([{ period: "2020Q3", unit: "dazhu", indicator: KEY, value: 6 }]);
  });

  it.each([
    ["2020Q3", "2020Q3"],
    ["前三季度", "2020Q3"],
    ["1-9月", "2020Q3"],
    ["2020年上半年", "2020Q2"],
    ["6月底", "2020Q2"],
  ])("a sheet named %s stores its rows as %s", async (name, period) => {
    const file = book([[name, [HEAD, ["通川区", "关键技术攻关项目", 7]]]]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.problems).toEqual([]);
    expect(storedRows(db)).toEqual([{ period, unit: "tongchuan", indicator: KEY, value: 7 }]);
  });

  it("a template's recorded period (_dzkj) that contradicts the sheet's name is refused as the template's", async () => {
    const file = book([
      ["二季度", [HEAD, ["通川区", "关键技术攻关项目", 7]]],
      [
        "_dzkj",
        [
          ["dzkj-template", 1],
          ["period", "2020Q3"],
        ],
      ],
    ]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.status).toBe("rejected");
    expect(o.problems[0]?.reason).toEqual({
      key: "intake.sheet.periodConflictTemplate",
      params: { sheet: "二季度", period: "2020Q2", other: "2020Q3" },
    });
  });

  it("a title block's 报告期 that contradicts the sheet's name is refused", async () => {
    const file = book([["二季度", [["报告期：2020年三季度"], HEAD, ["通川区", "关键技术攻关项目", 7]]]]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.status).toBe("rejected");
    expect(o.problems[0]?.reason.key).toBe("intake.sheet.periodConflict");
    expect(storedRows(db)).toEqual([]);
  });

  it("rows whose period column disagrees with the sheet's name are refused", async () => {
    const file = book([
      [
        "三季度",
        [
          ["报告期", ...HEAD],
          ["2020Q2", "通川区", "关键技术攻关项目", 7],
        ],
      ],
    ]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.status).toBe("rejected");
    expect(o.problems[0]?.reason.key).toBe("intake.row.periodConflictSheet");
  });

  it("names that state no quarter are no period: Sheet1, 汇总, 通川区, a year alone", () => {
    for (const name of ["Sheet1", "汇总", "通川区", "2020年", "2020", "填报 (2)", "说明"])
      expect(sheetPeriod(name)).toBeNull();
    expect(sheetPeriod("三季度")).toBe("三季度");
    expect(sheetPeriod("2020 Q3")).toBe("2020Q3");
  });

  it("without any stated period the advice is still --period", async () => {
    const file = book([["填报", [HEAD, ["通川区", "关键技术攻关项目", 7]]]]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.problems.map((p) => p.reason.key)).toEqual(["import.header.noPeriod"]);
  });
});

describe("blank and repeated sheets", () => {
  it("a blank next-quarter sheet is skipped and listed; the filled one is stored", async () => {
    const { o, rows } = await load("AK-next-quarter-blank-sheet.xlsx");
    expect(o.status).toBe("imported");
    expect(o.table.skippedSheets).toContainEqual({ name: "四季度", why: "noFigures" });
    expect(o.table.sheets).toEqual(["三季度"]);
    expect(rows).toEqual([
      { period: "2020Q3", unit: "quxian", indicator: "new_industrial_products", value: 6 },
      { period: "2020Q3", unit: "quxian", indicator: "patent_transfer_projects", value: 2 },
    ]);
  });

  it("a workbook whose every sheet is blank is refused, naming the first sheet's header", async () => {
    const file = book([
      [
        "三季度",
        [
          ["报告期", ...HEAD],
          ["2020Q3", "通川区", "关键技术攻关项目", null],
        ],
      ],
      [
        "四季度",
        [
          ["报告期", ...HEAD],
          ["2020Q4", "通川区", "关键技术攻关项目", null],
        ],
      ],
    ]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.status).toBe("rejected");
    expect(o.problems).toHaveLength(1);
    expect(o.problems[0]?.reason.key).toBe("intake.file.allBlank.at");
    expect(o.problems[0]?.reason.params?.at).toBe("三季度!1:1");
  });

  it("a header-only sheet beside a filled one is skipped", async () => {
    const file = book([
      [
        "三季度",
        [
          ["报告期", ...HEAD],
          ["2020Q3", "通川区", "关键技术攻关项目", 4],
        ],
      ],
      ["四季度", [["报告期", ...HEAD]]],
    ]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.status).toBe("imported");
    expect(o.table.skippedSheets).toContainEqual({ name: "四季度", why: "noFigures" });
  });

  it.each(["AJ-copied-sheet.xlsx", "AJ-copied-sheet.xls"])(
    "%s: an exact copy of a sheet (Excel's 建立副本) is accepted as identical CSV rows are",
    async (file) => {
      const { o, rows } = await load(file);
      expect(o.status).toBe("imported");
      expect(rows).toEqual([
        { period: "2020Q3", unit: "quxian", indicator: "new_industrial_products", value: 6 },
        { period: "2020Q3", unit: "quxian", indicator: "patent_transfer_projects", value: 2 },
      ]);
    },
  );

  it.each(["AJ2-dup-row.csv", "AJ3-dup-block.csv"])(
    "%s: identical rows in a CSV are accepted",
    async (file) => {
      const { o } = await load(file);
      expect(o.status).toBe("imported");
    },
  );

  it.each(["P-sheet-per-county-plus-summary.xlsx", "P2-summary-first.xlsx"])(
    "%s: county sheets and a 汇总 that agrees with them are stored once",
    async (file) => {
      const { o, rows, warnings } = await load(file);
      expect(o.status).toBe("imported");
      expect(warnings).toEqual([]);
      expect(rows).toEqual([
        { period: "2020Q3", unit: "dachuan", indicator: "hitech_enterprises", value: 8 },
        { period: "2020Q3", unit: "dachuan", indicator: KEY, value: 4 },
        { period: "2020Q3", unit: "tongchuan", indicator: "hitech_enterprises", value: 10 },
        { period: "2020Q3", unit: "tongchuan", indicator: KEY, value: 5 },
      ]);
    },
  );

  it("a figure two sheets give differently is refused naming both cells", async () => {
    const file = book([
      [
        "一表",
        [
          ["报告期", ...HEAD],
          ["2020Q3", "通川区", "关键技术攻关项目", 5],
        ],
      ],
      [
        "二表",
        [
          ["报告期", ...HEAD],
          ["2020Q3", "达川区", "关键技术攻关项目", 1],
          ["2020Q3", "通川区", "关键技术攻关项目", 6],
        ],
      ],
    ]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.status).toBe("rejected");
    const line = formatProblemLine("zh", { ...o.problems[0]!, file: "b.xlsx" });
    // the second one at 二表!D3, the first at 一表!D2
    expect(line).toContain("b.xlsx:二表!D3");
    // both figures are named: 5 项 at 一表!D2, 6 项 here
    expect(line).toContain("已在 一表!D2 给出 5项，这里是 6项");
    expect(storedRows(db)).toEqual([]);
  });

  it("in a CSV the same figure with another basis is refused, not taken as a harmless repeat", async () => {
    const { outcome, messages } = await importText(
      tmp.dir,
      "报告期,填报单位,指标,数值,口径\n2020Q3,通川区,关键技术攻关项目,5,累计\n2020Q3,通川区,关键技术攻关项目,5,本期\n",
    );
    expect(outcome.status).toBe("rejected");
    expect(messages.join("\n")).toContain("在第 2 行已给出同一个数 5项，但口径（累计/本期）不同");
  });
});

describe("total rows are checked per sheet", () => {
  it("a 汇总 sheet's 合计 sums both of its unit rows, though 通川区 was given on an earlier sheet", async () => {
    // 汇总: 通川区 5 + 达川区 4 = 9 = 合计; 10 + 8 = 18 = 合计: no warning
    const { o, warnings } = await load("P3-long-then-wide.xlsx");
    expect(o.status).toBe("imported");
    expect(warnings).toEqual([]);
  });

  it("--sheet 2,3 (达川区, 汇总): the summary's 合计 sums its 通川区 and 达川区 rows, 5 + 4 = 9", async () => {
    const { o, warnings } = await load("P-sheet-per-county-plus-summary.xlsx", { sheets: ["2", "3"] });
    expect(o.status).toBe("imported");
    expect(warnings).toEqual([]);
    expect(o.table.totalRows).toBe(1);
  });

  it("a 合计 that disagrees with its own sheet's rows still warns, counting every row", async () => {
    const file = book([
      [
        "通川",
        [
          ["报告期", ...HEAD],
          ["2020Q3", "通川区", "关键技术攻关项目", 5],
        ],
      ],
      [
        "汇总",
        [
          ["报告期", ...HEAD],
          ["2020Q3", "通川区", "关键技术攻关项目", 5],
          ["2020Q3", "达川区", "关键技术攻关项目", 4],
          ["2020Q3", "合计", "关键技术攻关项目", 10],
        ],
      ],
    ]);
    db = await freshDb();
    const o = await importFile(db, file);
    expect(o.status).toBe("imported");
    // 5 + 4 = 9 from 2 rows, not 10
    expect(o.warnings.map((w) => [w.reason.key, w.reason.params?.sum, w.reason.params?.rows])).toEqual([
      ["import.warn.totalMismatch", 9, 2],
    ]);
  });
});

describe("a date cell whose format shows only year and month is that month", () => {
  it.each([
    ['yyyy"年"m"月"', true],
    ["yyyy-mm", true],
    ["mmm-yy", true],
    ['[$-804]yyyy"年"m"月";@', true],
    ["yyyy-mm-dd", false],
    ['yyyy"年"m"月"d"日"', false],
    ["m/d/yy h:mm", false],
    ["h:mm", false],
  ])("%s → month only: %s", async (format, month) => {
    const { monthOnly } = await import("../../src/intake/workbook-reader.js");
    expect(monthOnly(format)).toBe(month);
  });

  /** A sheet with one period cell: serial `serial` in format `z`. */
  function dated(serial: number, z?: string): string {
    const ws = X.utils.aoa_to_sheet([
      ["报告期", ...HEAD],
      [null, "通川区", "关键技术攻关项目", 5],
    ]);
    ws.A2 = z === undefined ? { t: "n", v: serial } : { t: "n", v: serial, z };
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(wb, ws, "表");
    const file = join(tmp.dir, `d${++n}.xlsx`);
    writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
    return file;
  }

  it.each([
    ['yyyy"年"m"月"', "2020Q3"],
    ["yyyy-mm", "2020Q3"],
  ])("2020-09-01 shown as %s is September 2020: stored for %s", async (z, period) => {
    db = await freshDb();
    // serial 44075: 44104 is 2020-09-30, 29 days later
    const o = await importFile(db, dated(44075, z));
    expect(o.problems).toEqual([]);
    expect(storedRows(db)).toEqual([{ period, unit: "tongchuan", indicator: KEY, value: 5 }]);
  });

  it("2020-08-01 shown as 2020年8月 is refused as the month the person sees, 2020年8月", async () => {
    db = await freshDb();
    // serial 44044: 31 days before 44075 (2020-09-01)
    const o = await importFile(db, dated(44044, 'yyyy"年"m"月"'));
    expect(o.status).toBe("rejected");
    expect(o.problems[0]?.value).toBe("2020年8月");
  });

  it("a plain number 44104 without a date format stays a number: no period", async () => {
    db = await freshDb();
    const o = await importFile(db, dated(44104));
    expect(o.status).toBe("rejected");
    expect(o.problems[0]?.value).toBe("44104");
  });

  it("a county's workbook: 2020年9月 as a month-formatted date is stored for 2020Q3", async () => {
    const { rows } = await load("C-dates.xlsx");
    // the plain serial 44104 on row 3 is refused (stays a number), so nothing is stored
    expect(rows).toEqual([]);
    const { o } = await load("C-dates.xlsx");
    expect(o.problems.map((p) => `${p.sheet}!${p.line}`)).toEqual(["Sheet1!3"]);
  });
});

describe("a title split into label and value cells is a title pair, never a header", () => {
  it.each([
    // 0.064 亿元 = 640 万元; 9.8 亿元 stays 9.8 (the indicator's own unit)
    ["AN-measure-split-cells.xlsx", [640, 9.8]],
    ["AN2-measure-split.csv", [640]],
    // 报告期： | 2020年9月30日 and 单位： | 万元: 640 万元; 98765 万元 = 9.8765 亿元
    ["M-title-split-cells.xlsx", [640, 9.8765]],
    ["M2-title-split.csv", [640]],
  ] as const)("%s imports 达川区's figures", async (file, values) => {
    const { o, rows } = await load(file);
    expect(o.problems).toEqual([]);
    expect(rows.map((r) => `${r.period} ${r.unit}`)).toEqual(values.map(() => "2020Q3 dachuan"));
    expect(rows.map((r) => r.value).sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
  });

  it("a CSV with 报告期： | value above the header does not turn a column into a period column", async () => {
    const { outcome, rows } = await importText(
      tmp.dir,
      "填报单位：,渠县\n报告期：,2020年三季度\n指标,本年累计,\n技术合同登记额,12,\n",
    );
    expect(outcome.problems).toEqual([]);
    expect(rows).toEqual([{ period: "2020Q3", unit: "quxian", indicator: "tech_contract_value", value: 12 }]);
  });
});

describe("the product's own words, never a library's", () => {
  it("a truncated .xls is refused as damaged without Node's TypeError text", async () => {
    const { o } = await load("T2-truncated.xls");
    expect(o.status).toBe("rejected");
    const text = [...o.problems].map((p) => formatProblemLine("en", p)).join("\n");
    expect(text).toContain("damaged or incomplete");
    expect(text).not.toMatch(/argument|undefined|Buffer/);
  });

  it("an .ods import prints nothing of SheetJS's notes (ODS number format may be incorrect)", async () => {
    const said: unknown[] = [];
    const { error, warn, log } = console;
    console.error = (...a: unknown[]) => said.push(a);
    console.warn = (...a: unknown[]) => said.push(a);
    try {
      const { o } = await load("C2-good-dates.ods");
      expect(o.status).toBe("imported");
    } finally {
      console.error = error;
      console.warn = warn;
      console.log = log;
    }
    expect(said).toEqual([]);
    // and the console is the caller's again
    expect(console.error).toBe(error);
  });

  it("the header's line is its row in its sheet, not an internal number", async () => {
    const { o } = await load("AK-next-quarter-blank-sheet.xlsx");
    expect([o.headerSheet, o.headerLine]).toEqual(["四季度", 1]);
  });

  it("two reporting units stated differently are named by their names, not a code", async () => {
    const file = book([
      ["填报", [["填报单位：达川区"], ["报告期", ...HEAD], ["2020Q3", "达川区", "关键技术攻关项目", 1]]],
    ]);
    db = await freshDb();
    const o = await importFile(db, file, { unit: "quxian" });
    expect(o.status).toBe("rejected");
    expect(o.problems[0]?.reason.params).toMatchObject({ first: "渠县", second: "达川区" });
  });
});

describe("messages that say what was found", () => {
  it("the only sheet with data is hidden: the refusal names it and the --sheet to give", async () => {
    const { o } = await load("Z1-only-hidden-data.xlsx").catch((e) => ({ o: e }));
    const p = o.problem ?? o.problems?.[0];
    expect(p.reason).toEqual({
      key: "intake.workbook.onlyHidden",
      params: { sheets: "数据", first: "数据" },
    });
    // and with --sheet it imports: 开江县 3
    const named = await load("Z1-only-hidden-data.xlsx", { sheets: ["数据"] });
    expect(named.rows).toEqual([{ period: "2020Q3", unit: "kaijiang", indicator: KEY, value: 3 }]);
  });

  it("a summary with units as columns is named as such, in a workbook and in a CSV", async () => {
    const { lines } = await load("AD-units-as-columns.xlsx").then(
      (r) => r,
      (e) => ({ lines: [formatProblemLine("zh", { ...e.problem, file: "AD.xlsx" })] }),
    );
    expect(lines.join("\n")).toContain("汇总!2:2");
    expect(lines.join("\n")).toContain("以单位为列的表头（通川区、达川区）");
    const csv = await importText(
      tmp.dir,
      "报告期：2020年1-9月\n指标,计量单位,通川区,达川区,合计\n关键技术攻关项目,项,5,4,9\n",
    );
    expect(csv.messages.join("\n")).toContain("2: 这一行是以单位为列的表头（通川区、达川区）");
  });

  it("--sheet with a CSV file is refused, not ignored", async () => {
    const { outcome, rows, messages } = await importText(
      tmp.dir,
      "报告期,填报单位,指标,数值\n2020Q3,通川区,关键技术攻关项目,5\n",
      { sheets: ["2"] },
    );
    expect(outcome.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(messages.join("\n")).toContain("--sheet 2 只适用于工作簿");
  });

  it("an HTML .xls cell 0.56 under mso-number-format 0% is 56 (a 57.5% cell stays 57.5)", async () => {
    const { o, rows, warnings } = await load("AO-web-export-msopct.xls");
    expect(o.status).toBe("imported");
    expect(warnings).toEqual([]);
    expect(
      rows.filter((r) => r.indicator === "st_progress_contribution").map((r) => [r.unit, r.value]),
    ).toEqual([
      ["wanyuan", 56], // 0.56 × 100
      ["xuanhan", 57.5],
    ]);
  });

  it.each([
    [
      "<td style='mso-number-format:\"0%\"' x:num>0.56</td>",
      "<td style='mso-number-format:\"0%\"' x:num>56%</td>",
    ],
    ['<td style="mso-number-format:Percent">0.125</td>', '<td style="mso-number-format:Percent">12.5%</td>'],
    ['<td class="p">0.5</td>', '<td class="p">50%</td>'],
    ['<td class="p">57.5%</td>', '<td class="p">57.5%</td>'],
    // a literal % inside quotes in the format is text, not a percentage format
    [
      '<td style=\'mso-number-format:"0\\"%\\""\'>5</td>',
      '<td style=\'mso-number-format:"0\\"%\\""\'>5</td>',
    ],
    [
      "<td style='mso-number-format:\"0\\.00\"'>0.56</td>",
      "<td style='mso-number-format:\"0\\.00\"'>0.56</td>",
    ],
  ])("%s → %s", async (cell, expected) => {
    const { htmlPercentCells } = await import("../../src/intake/workbook-reader.js");
    const page = (td: string) =>
      `<style>.p{mso-number-format:"0\\.0%";}</style><table><tr>${td}</tr></table>`;
    expect(htmlPercentCells(page(cell))).toBe(page(expected));
  });

  it("a second table below the first is refused at its header row as a second table", async () => {
    const { o, rows } = await load("F-hidden-second-table.xlsx");
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(o.problems.map((p) => [p.sheet, p.line, p.reason.key])).toEqual([
      ["开江", 5, "intake.row.reheader"],
    ]);
  });
});
