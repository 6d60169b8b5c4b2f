/**
 * The title block as county forms spread it over cells: a field's value in several cells (填报单位：
 * | 达州市 | 通川区, 报告期： | 2020年 | 1-9月), dates of filling in that are never a 报告期 (填报时间),
 * and the year a title or a sheet name states. README, "What a progress file may look like". The
 * workbooks in fixtures/workbooks/review2 were written by SheetJS (the .xls twin re-saved by LibreOffice).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadPlanFile } from "../../src/app/store.js";
import { explain } from "../../src/i18n/index.js";
import { sheetPeriod, sheetSingleMonth } from "../../src/intake/table.js";
import { assetPath } from "../../src/storage/assets.js";
import type { Db } from "../../src/storage/database.js";
import { FIXTURES, tempDir } from "../helpers.js";
import { freshDb, importFile, importText, storedRows } from "./import-text.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const REVIEW2 = resolve(FIXTURES, "workbooks", "review2");
let db: Db | undefined;
afterEach(() => db?.close());

const row = (period: string, unit: string, indicator: string, value: number) => ({
  period,
  unit,
  indicator,
  value,
});
const run = (content: string, options = {}) => importText(dir, content, options);

async function stored(content: string, options = {}) {
  const r = await run(content, options);
  expect(r.messages).toEqual([]);
  expect(r.outcome.status).toBe("imported");
  return r.rows;
}

async function refused(content: string, words: string[], options = {}) {
  const r = await run(content, options);
  expect(r.outcome.status).toBe("rejected");
  expect(r.rows).toEqual([]);
  const all = r.messages.join("\n");
  for (const w of words) expect(all).toContain(w);
  return r;
}

async function book(file: string, options: Parameters<typeof importFile>[2] = {}) {
  db?.close();
  db = await freshDb();
  const o = await importFile(db, resolve(REVIEW2, file), options);
  const messages = o.problems.map((p) => `${p.sheet}!${p.line}: ${explain("zh", p.reason)}`);
  return { o, rows: storedRows(db), messages };
}

const X = createRequire(import.meta.url)("@e965/xlsx");
let n = 0;
/** Writes a workbook of [sheet name, rows] with SheetJS; returns its path. */
function write(sheets: [string, (string | number)[][]][]): string {
  const wb = X.utils.book_new();
  for (const [name, rows] of sheets) X.utils.book_append_sheet(wb, X.utils.aoa_to_sheet(rows), name);
  const file = join(dir, `w${++n}.xlsx`);
  writeFileSync(file, X.write(wb, { type: "buffer", bookType: "xlsx" }));
  return file;
}

async function written(
  sheets: [string, (string | number)[][]][],
  options: Parameters<typeof importFile>[2] = {},
) {
  db?.close();
  db = await freshDb();
  const o = await importFile(db, write(sheets), options);
  const messages = o.problems.map((p) => `${p.sheet}!${p.line}: ${explain("zh", p.reason)}`);
  return { o, rows: storedRows(db), messages };
}

const BODY = "指标名称,计量单位,数值\n关键技术攻关项目,项,3\n";

describe("a title field whose value spans several cells is read joined", () => {
  it.each([
    "填报单位：,达州市,通川区\n报告期：2020年1-9月\n",
    "填报单位：,达州市,,通川区\n报告期：2020年1-9月\n",
    "填报单位：达州市,通川区\n报告期：2020年1-9月\n",
    "填报单位（盖章）：,达州市,通川区,,单位：项\n报告期：2020年1-9月\n",
  ])("%j names 通川区, not 全市", async (title) => {
    // 达州市通川区: the city's name before a county's is dropped by the unit rules
    expect(await stored(`${title}${BODY}`)).toEqual([row("2020Q3", "tongchuan", "key_tech_projects", 3)]);
  });

  it.each([
    "报告期：,2020年,1-9月",
    "报告期：2020年,1-9月",
    "报告期：,2020年,第三季度",
    "报告期：,2020,年,3,季度",
    "报告期：,2020,年,1-9,月",
    "报告期：,2020年,,前三季度",
    "报告期：,2020年,三季度,,填报单位：渠县",
  ])("%j is 2020Q3, never the 2020年 of its first cell (= Q4)", async (line) => {
    const unit = line.includes("填报单位") ? "" : "填报单位：渠县\n";
    expect(await stored(`${unit}${line}\n${BODY}`)).toEqual([
      row("2020Q3", "quxian", "key_tech_projects", 3),
    ]);
  });

  it("c95: both split at once: 通川区 2020Q3", async () => {
    expect(await stored(`填报单位：,达州市,通川区\n报告期：,2020年,1-9月\n${BODY}`)).toEqual([
      row("2020Q3", "tongchuan", "key_tech_projects", 3),
    ]);
  });

  it.each([
    ["报告期：,2020年,第十季度", "2020年第十季度"],
    ["报告期：,2020年,1-8月", "2020年1-8月"],
    ["报告期：2020年,下旬", "2020年下旬"],
  ])(
    "%j does not read joined: refused naming the joined text, not read from its first cell",
    async (line, joined) => {
      await refused(`填报单位：渠县\n${line}\n${BODY}`, [joined]);
    },
  );

  it("a split 报告期 that does not read names the cells it was joined from, and the label's cell in a workbook", async () => {
    const r = await refused(`填报单位：渠县\n报告期：,2020年,第十季度\n${BODY}`, ["2020年第十季度"]);
    expect(r.outcome.problems[0]!.value).toBe("2020年 | 第十季度");
    const { o } = await written([
      [
        "S",
        [
          ["填报单位：渠县"],
          ["报告期：", "2020年", "第十季度"],
          ["指标名称", "数值"],
          ["关键技术攻关项目", 3],
        ],
      ],
    ]);
    expect(o.status).toBe("rejected");
    expect(o.problems[0]).toMatchObject({ sheet: "S", line: 2, columnIndex: 0, value: "2020年 | 第十季度" });
  });

  it("a unit split over cells that names no unit is refused naming the joined text", async () => {
    await refused(`填报单位：,达州市,某某区\n报告期：2020年1-9月\n${BODY}`, ["达州市某某区"]);
  });

  it("a value ends at the next label: 填报单位：渠县 | 联系人：张三 keeps 渠县", async () => {
    expect(await stored(`填报单位：,渠县,联系人：张三\n报告期：2020年1-9月\n${BODY}`)).toEqual([
      row("2020Q3", "quxian", "key_tech_projects", 3),
    ]);
  });

  it.each([
    ["c43-unit-split-county-office.xlsx", "tongchuan"],
    ["c43-unit-split-county-office.xls", "tongchuan"],
    ["c30-period-split-year.xlsx", "quxian"],
    ["c40-period-cell-year-then-range.xlsx", "quxian"],
  ])("workbook %s: stored for 2020Q3 and the named county", async (file, unit) => {
    const { o, rows, messages } = await book(file);
    expect(messages).toEqual([]);
    expect(o.status).toBe("imported");
    // each holds 关键技术攻关项目 3 and 技术合同登记额 120
    expect(rows).toEqual([
      row("2020Q3", unit, "key_tech_projects", 3),
      row("2020Q3", unit, "tech_contract_value", 120),
    ]);
  });
});

describe("the date a form was filled in or sent is never its 报告期", () => {
  const keys = [
    "填报时间",
    "报送时间",
    "填表时间",
    "制表时间",
    "填报日期",
    "报出日期",
    "打印时间",
    "上报时间",
    "填写日期",
  ];
  it.each(keys)("%s：2020年10月9日 beside 报告期：2020年1-9月 is skipped", async (key) => {
    expect(await stored(`填报单位：渠县,,${key}：2020年10月9日\n报告期：2020年1-9月,,\n${BODY}`)).toEqual([
      row("2020Q3", "quxian", "key_tech_projects", 3),
    ]);
  });

  it.each(keys)("%s：2020年12月31日 alone gives no period (not 2020Q4)", async (key) => {
    await refused(`填报单位：渠县,,${key}：2020年12月31日\n${BODY}`, ["没有报告期"]);
  });

  it.each(keys)("%s： | 2020年12月31日 in the next cell is skipped too", async (key) => {
    expect(await stored(`填报单位：渠县,${key}：,2020年12月31日\n报告期：2020年1-9月\n${BODY}`)).toEqual([
      row("2020Q3", "quxian", "key_tech_projects", 3),
    ]);
  });
});

describe("the date of filling in, in a workbook", () => {
  it.each(["填报时间", "报送时间", "制表时间", "打印时间"])(
    "%s：2020年12月31日 in a title cell is skipped",
    async (key) => {
      const { o, rows } = await written([
        [
          "Sheet1",
          [
            ["填报单位：渠县", "", `${key}：2020年10月9日`],
            ["报告期：2020年1-9月"],
            ["指标名称", "计量单位", "数值"],
            ["关键技术攻关项目", "项", 3],
          ],
        ],
      ]);
      expect(o.status).toBe("imported");
      expect(rows).toEqual([row("2020Q3", "quxian", "key_tech_projects", 3)]);
    },
  );

  it("填报时间 alone in a workbook's title gives no period", async () => {
    const { o, messages } = await written([
      [
        "Sheet1",
        [
          ["填报单位：渠县", "填报时间：", "2020年12月31日"],
          ["指标名称", "数值"],
          ["关键技术攻关项目", 3],
        ],
      ],
    ]);
    expect(o.status).toBe("rejected");
    expect(messages.join("\n")).toContain("没有报告期");
  });
});

describe("a sheet named with a single month gives no period, as a column headed 9月 gives no value", () => {
  it.each(["9月", "7月", "8月", "6月", "9月份", "2020年9月", "９月"])("sheetPeriod(%j) is null", (name) => {
    expect(sheetPeriod(name)).toBeNull();
    expect(sheetSingleMonth(name)).toBe(true);
  });

  it.each(["1-9月", "三季度", "2020Q3", "前三季度", "9月底"])("sheetPeriod(%j) is a period", (name) => {
    expect(sheetPeriod(name)).not.toBeNull();
    expect(sheetSingleMonth(name)).toBe(false);
  });

  it.each(["7月", "8月", "9月"])(
    "c121: --sheet %s is refused naming the sheet name as a single month",
    async (sheet) => {
      const { o, rows, messages } = await book("c121-monthly.xlsx", { sheets: [sheet] });
      expect(o.status).toBe("rejected");
      expect(rows).toEqual([]);
      expect(messages.join("\n")).toContain(`工作表名“${sheet}”只是一个月份`);
      expect(messages.join("\n")).toContain("1-9月");
    },
  );

  it("a sheet named 9月 with --period 2020Q3 stores the option's period", async () => {
    const { o, rows } = await written(
      [
        [
          "9月",
          [
            ["填报单位", "指标名称", "数值"],
            ["渠县", "关键技术攻关项目", 3],
          ],
        ],
      ],
      {
        period: "2020Q3",
      },
    );
    expect(o.status).toBe("imported");
    expect(rows).toEqual([row("2020Q3", "quxian", "key_tech_projects", 3)]);
  });

  it.each([
    ["1-9月", "2020Q3"],
    ["前三季度", "2020Q3"],
    ["三季度", "2020Q3"],
  ])("a sheet named %s still stores %s", async (name, period) => {
    const { o, rows } = await written([
      [
        name,
        [
          ["填报单位", "指标名称", "数值"],
          ["渠县", "关键技术攻关项目", 3],
        ],
      ],
    ]);
    expect(o.status).toBe("imported");
    expect(rows).toEqual([row(period, "quxian", "key_tech_projects", 3)]);
  });
});

describe("the year a title or a sheet's name states", () => {
  const BODY3 = "指标名称,计量单位,数值\n关键技术攻关项目,项,3\n";
  it.each([
    ["达州市2019年科技创新主要指标完成情况表\n填报单位：渠县\n报告期：1-9月\n", "2019Q3"],
    ["2019年科技创新指标完成情况\n填报单位：渠县\n报告期：三季度\n", "2019Q3"],
    ["达州市2019年度科技创新主要指标完成情况表\n填报单位：渠县\n报告期：前三季度\n", "2019Q3"],
    ["达州市2020年科技创新主要指标完成情况表\n填报单位：渠县\n报告期：1-9月\n", "2020Q3"],
  ])("%j: the yearless period takes the title's year (%s)", async (title, period) => {
    // 2019Q3 is last year's figure of the 2020 plan (同比), stored as such
    expect(await stored(`${title}${BODY3}`)).toEqual([row(period, "quxian", "key_tech_projects", 3)]);
  });

  it.each([
    ["达州市2019年科技创新主要指标完成情况表\n填报单位：渠县\n报告期：2020年1-9月\n", "2020年1-9月"],
    ["达州市2021年科技创新主要指标完成情况表\n填报单位：渠县\n报告期：2020年三季度\n", "2020年三季度"],
  ])("%j: a period stating another year is refused as 报告期前后不一致", async (title, period) => {
    await refused(`${title}${BODY3}`, ["报告期前后不一致", period]);
  });

  it("--period 2020Q3 against a 2019 title is refused", async () => {
    await refused(
      `达州市2019年科技创新主要指标完成情况表\n填报单位：渠县\n${BODY3}`,
      ["报告期前后不一致", "2019"],
      {
        period: "2020Q3",
      },
    );
  });

  it("a 2021 title with 报告期：1-9月 is 2021Q3: refused as outside the loaded plans, never stored as 2020Q3", async () => {
    await refused(`达州市2021年科技创新主要指标完成情况表\n填报单位：渠县\n报告期：1-9月\n${BODY3}`, [
      "2021Q3",
    ]);
  });

  it("a period column stating another year than the title is refused on its row", async () => {
    await refused(
      "达州市2019年科技创新主要指标完成情况表\n填报单位：渠县\n报告期,指标名称,数值\n2020年三季度,关键技术攻关项目,3\n",
      ["2020Q3", "2019"],
    );
  });

  it.each([
    ["c100-title2019-sheetq3.xlsx", "2019Q3"],
    ["c103-sheet2019-yearless-col.xlsx", "2019Q3"],
  ])("workbook %s: stored as %s", async (file, period) => {
    const { o, rows, messages } = await book(file);
    expect(messages).toEqual([]);
    expect(o.status).toBe("imported");
    expect(rows).toEqual([row(period, "quxian", "key_tech_projects", 3)]);
  });

  it("a 2019 title over a 1-9月累计 column is 2019Q3", async () => {
    const { o, rows } = await written([
      [
        "Sheet1",
        [
          ["达州市2019年科技创新主要指标完成情况表"],
          ["填报单位：渠县"],
          ["指标名称", "1-9月累计"],
          ["关键技术攻关项目", 3],
        ],
      ],
    ]);
    expect(o.status).toBe("imported");
    expect(rows).toEqual([row("2019Q3", "quxian", "key_tech_projects", 3)]);
  });

  it("a sheet named 2019年 with a period column of 2020年三季度 is refused", async () => {
    const { o, messages } = await written([
      ["2019年", [["填报单位：渠县"], ["季度", "指标名称", "数值"], ["2020年三季度", "关键技术攻关项目", 3]]],
    ]);
    expect(o.status).toBe("rejected");
    expect(messages.join("\n")).toContain("2019年");
  });
});

describe("a period in brackets after an indicator's name", () => {
  const head = "报告期：2020年1-9月\n填报单位：渠县\n指标名称,数值\n";
  it.each(["（1-9月）", "（前三季度）", "(1-9月)", "（1至9月）", "（截至9月底）", "（2020年1-9月）"])(
    "%s names the report period from January: read as its year-to-date figure",
    async (q) => {
      db?.close();
      db = await freshDb();
      const file = join(dir, `q${++n}.csv`);
      writeFileSync(file, `${head}关键技术攻关项目${q},2\n`);
      const o = await importFile(db, file);
      expect(o.problems).toEqual([]);
      expect(storedRows(db)).toEqual([row("2020Q3", "quxian", "key_tech_projects", 2)]);
      expect(db.prepare("SELECT basis FROM progress_values").all()).toEqual([{ basis: "ytd" }]);
    },
  );

  it.each(["（上半年）", "（1-6月）", "（前两季度）", "（2019年）", "（2019年1-9月）"])(
    "%s names another span than the report period 2020Q3: refused naming the cell",
    async (q) => {
      await refused(`${head}关键技术攻关项目${q},2\n`, [`关键技术攻关项目${q}`, "不是这一行的报告期 2020Q3"]);
    },
  );

  it.each(["（一季度）", "（三季度）", "（第三季度）", "（7-9月）", "（2020年三季度）"])(
    "%s is one quarter's own figure: refused, never stored as 本期",
    async (q) => {
      await refused(`${head}技术合同登记额${q},100\n`, [`技术合同登记额${q}`, "只是一个季度本身的数"]);
    },
  );

  it("c168: 上半年 and 一季度 rows are refused, 目标 and 同比 rows are not read", async () => {
    const r = await refused(
      `${head}新培育高新技术企业（当季）,1\n关键技术攻关项目（上半年）,2\n技术合同登记额（一季度）,100\n工业新产品（目标）,9\n专利转化项目（同比）,50\n`,
      ["关键技术攻关项目（上半年）", "技术合同登记额（一季度）"],
    );
    expect(r.messages).toHaveLength(2);
  });

  it.each([
    ["技术合同登记额（一季度）", "只是一个季度本身的数"],
    ["关键技术攻关项目（上半年）", "不是这一行的报告期"],
    ["技术合同登记额（1-6月）", "不是这一行的报告期"],
  ])("wide header %s: refused naming the column", async (h, words) => {
    await refused(`报告期：2020年1-9月\n填报单位,${h}\n渠县,300\n`, [h, words]);
  });

  it("wide header 技术合同登记额（1-9月） in a Q3 file: read as the ytd figure", async () => {
    expect(await stored("报告期：2020年1-9月\n填报单位,技术合同登记额（1-9月）\n渠县,300\n")).toEqual([
      row("2020Q3", "quxian", "tech_contract_value", 300),
    ]);
  });

  it("with a period column each row is checked against its own period", async () => {
    // 2020年1-6月's row says 上半年 (its own span): read; 2020年1-9月's says 上半年: refused
    const ok = await stored(
      "填报单位：渠县\n报告期,指标名称,数值\n2020年1-6月,关键技术攻关项目（上半年）,2\n",
    );
    expect(ok).toEqual([row("2020Q2", "quxian", "key_tech_projects", 2)]);
    await refused("填报单位：渠县\n报告期,指标名称,数值\n2020年1-9月,关键技术攻关项目（上半年）,2\n", [
      "上半年",
    ]);
  });

  it("workbook c169 (sheet 三季度): both bracketed rows refused", async () => {
    const { o, rows, messages } = await book("c169-ind-paren.xlsx");
    expect(o.status).toBe("rejected");
    expect(rows).toEqual([]);
    expect(messages.join("\n")).toContain("关键技术攻关项目（上半年）");
    expect(messages.join("\n")).toContain("技术合同登记额（一季度）");
  });
});

describe("messages: where a period came from, and the figures compared", () => {
  it("c12: a row's period against the sheet's name names the sheet, not the file's report period", async () => {
    const { o, messages } = await book("c12-namevscol.xlsx");
    expect(o.status).toBe("rejected");
    expect(messages.join("\n")).toContain(
      "这一行的报告期 2020Q2 与工作表名“三季度”所示的报告期 2020Q3 不一致",
    );
  });

  it("c130: a summary's figure that differs names both figures (1234.56万元 there, 0.12亿元 = 1200万元 here)", async () => {
    const { o, messages } = await book("c130-summary-rounded.xlsx");
    expect(o.status).toBe("rejected");
    expect(messages.join("\n")).toContain("已在 通川区!B4 给出 1234.56万元，这里是 1200万元");
  });
});

describe("two plans loaded: a yearless sheet name", () => {
  async function twoPlans() {
    db?.close();
    db = await freshDb();
    const plan = JSON.parse(readFileSync(assetPath("seeds", "plan-2020.json"), "utf8"));
    plan.plan.year = 2021;
    plan.plan.title = "2021年达州市科技创新工作要点";
    const f = join(dir, "plan-2021.json");
    writeFileSync(f, JSON.stringify(plan));
    await loadPlanFile(db, f, new Date("2021-01-05T00:00:00Z"));
    return db;
  }

  it("without a year anywhere: one problem for the sheet, not one per row", async () => {
    const d = await twoPlans();
    const file = write([
      [
        "三季度",
        [
          ["填报单位：渠县"],
          ["指标名称", "计量单位", "数值"],
          ["关键技术攻关项目", "项", 3],
          ["技术合同登记额", "万元", 120],
        ],
      ],
    ]);
    const o = await importFile(d, file);
    expect(o.status).toBe("rejected");
    expect(o.problems).toHaveLength(1);
    expect(explain("zh", o.problems[0]!.reason)).toContain("工作表名“三季度”所示的报告期没有年份");
  });

  it("c33: the title's 2020 gives the sheet's 三季度 its year", async () => {
    const d = await twoPlans();
    const o = await importFile(d, resolve(REVIEW2, "c33-title-year-sheetq.xlsx"));
    expect(o.problems).toEqual([]);
    expect(o.status).toBe("imported");
    // the sheet holds 关键技术攻关项目 3 and 技术合同登记额 120 for 渠县
    expect(storedRows(d)).toEqual([
      row("2020Q3", "quxian", "key_tech_projects", 3),
      row("2020Q3", "quxian", "tech_contract_value", 120),
    ]);
  });
});

describe("what ends a title field's value", () => {
  it.each([
    "填报单位：渠县,,,2020年10月9日",
    "填报单位：渠县,,2020-10-09",
    "填报单位：渠县,（盖章）",
    "填报单位：,渠县,（盖章）",
    "填报单位：渠县,,（万元）",
    "填报单位：渠县,单位：万元",
    "填报单位：渠县,填表人：张三",
  ])("%j names 渠县", async (line) => {
    expect(await stored(`${line}\n报告期：2020年1-9月\n${BODY}`)).toEqual([
      row("2020Q3", "quxian", "key_tech_projects", 3),
    ]);
  });
});
