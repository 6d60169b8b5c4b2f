/**
 * The kinds of real-world sheet the import must read right, each in several spellings, as whole
 * files through the in-process import: the stored values (worked out by hand) or the refusal.
 * README, "What a progress file may look like".
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { freshDb, importFile, importText, storedRows } from "./import-text.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const row = (period: string, unit: string, indicator: string, value: number) => ({
  period,
  unit,
  indicator,
  value,
});
const run = (content: string | Buffer, options = {}) => importText(dir, content, options);

type Result = Awaited<ReturnType<typeof run>>;

/** Expects the file imported with exactly these rows (sorted as stored). */
async function expectRows(
  content: string | Buffer,
  rows: ReturnType<typeof row>[],
  options = {},
): Promise<void> {
  await imported(content, rows, options);
}

/** expectRows, returning the import's result for more checks. */
async function imported(
  content: string | Buffer,
  rows: ReturnType<typeof row>[],
  options = {},
): Promise<Result> {
  const r = await run(content, options);
  expect(r.messages).toEqual([]);
  expect(r.outcome.status).toBe("imported");
  expect(r.rows).toEqual(rows);
  return r;
}

/** Expects the file refused, nothing stored, and some message containing each word. */
async function expectRefused(content: string | Buffer, words: string[], options = {}): Promise<void> {
  await refused(content, words, options);
}

/** expectRefused, returning the import's result for more checks. */
async function refused(content: string | Buffer, words: string[], options = {}): Promise<Result> {
  const r = await run(content, options);
  expect(r.outcome.status).toBe("rejected");
  expect(r.rows).toEqual([]);
  const all = r.messages.join("\n");
  for (const w of words) expect(all).toContain(w);
  return r;
}

describe("class 1: a unit of measure outside the value cell is applied like one inside it", () => {
  const body =
    "报告期,指标名称,累计完成\n2020年三季度,高新技术产业主营业务收入,265000\n2020年三季度,技术合同登记额,300\n";
  // 265000 万元 = 26.5 亿元 (the indicator's unit); 300 万元 stays 300 万元
  const expected = [
    row("2020Q3", "quxian", "hitech_industry_revenue", 26.5),
    row("2020Q3", "quxian", "tech_contract_value", 300),
  ];
  it.each([
    "填报单位：渠县\n单位：万元\n",
    "单位：万元\n填报单位：渠县\n",
    "填报单位：渠县,,单位：万元\n",
    "填报单位：渠县　　单位：万元\n",
    "填报单位：渠县\n金额单位：万元\n",
    "填报单位：渠县\n计量单位：万元\n",
    "填报单位:渠县\n单位:（万元）\n",
    "填报单位（盖章）：渠县\n单位： 万元\n",
    "填报单位：渠县\n单　位：万元\n",
    "填 报 单 位：渠县 单 位：万元\n",
    "填报单位：渠县\n计量单位：万元、项\n",
    "填报单位：渠县\n单位：万元/个\n",
    "单位名称：渠县,单位：万元,\n",
  ])("a title line: %j", (title) => expectRows(title + body, expected));

  it("计量单位：万元、项 over a mixed table: amounts in 万元, counts as they are", () =>
    expectRows(
      "填报单位：渠县\n计量单位：万元、项\n报告期,指标名称,累计完成\n2020Q3,关键技术攻关项目,3\n2020Q3,高新技术产业主营业务收入,50000\n",
      [
        row("2020Q3", "quxian", "hitech_industry_revenue", 5),
        row("2020Q3", "quxian", "key_tech_projects", 3),
      ],
    ));

  it("the same value written in the cell, 265000万元, stores the same figure", () =>
    expectRows(
      "填报单位：渠县\n报告期,指标名称,累计完成\n2020年三季度,高新技术产业主营业务收入,265000万元\n2020年三季度,技术合同登记额,300万元\n",
      expected,
    ));

  it("单位：渠县 is the reporting unit, not a measure: 26.5 stays 26.5 亿元", () =>
    expectRows("单位：渠县\n报告期,指标名称,累计完成\n2020年三季度,高新技术产业主营业务收入,26.5\n", [
      row("2020Q3", "quxian", "hitech_industry_revenue", 26.5),
    ]));

  it("单位：亿元 for a 项 indicator is refused, naming both units", () =>
    expectRefused("填报单位：渠县\n单位：亿元\n报告期,指标名称,累计完成\n2020Q3,关键技术攻关项目,3\n", [
      "项",
      "亿元",
    ]));

  it("金额单位：万元 applies to amounts only: a 项 count beside it is read as it is", () =>
    expectRows(
      "填报单位：渠县\n金额单位：万元\n报告期,指标名称,累计完成\n2020Q3,关键技术攻关项目,3\n2020Q3,高新技术产业主营业务收入,50000\n",
      [
        row("2020Q3", "quxian", "hitech_industry_revenue", 5),
        row("2020Q3", "quxian", "key_tech_projects", 3),
      ],
    ));

  it.each(["计量单位", "单位"])("a %s column holding 项/家/万元/亿元 is the measure of each row", (column) =>
    expectRows(
      `填报单位：大竹县\n报告期：2020年1-9月\n指标名称,${column},累计完成\n关键技术攻关项目,项,3\n高新技术企业,家,9\n技术合同登记额,亿元,0.026\n高新技术产业主营业务收入,万元,12345\n`,
      // 0.026 亿元 = 260 万元; 12345 万元 = 1.2345 亿元
      [
        row("2020Q3", "dazhu", "hitech_enterprises", 9),
        row("2020Q3", "dazhu", "hitech_industry_revenue", 1.2345),
        row("2020Q3", "dazhu", "key_tech_projects", 3),
        row("2020Q3", "dazhu", "tech_contract_value", 260),
      ],
    ),
  );

  it("a 单位 column holding reporting units stays the reporting unit", () =>
    expectRows("报告期,单位,指标,数值\n2020Q3,通川区,关键技术攻关项目,5\n2020Q3,渠县,关键技术攻关项目,4\n", [
      row("2020Q3", "quxian", "key_tech_projects", 4),
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
    ]));

  it("a 计量单位 cell that disagrees with the indicator's unit is refused, naming both", () =>
    expectRefused("填报单位：大竹县\n报告期：2020Q3\n指标名称,计量单位,累计完成\n关键技术攻关项目,亿元,3\n", [
      "项",
      "亿元",
    ]));

  it("a long-layout value header with a bracket, 完成值（万元）, converts to 亿元", () =>
    expectRows("报告期,填报单位,指标,完成值（万元）\n2020Q3,渠县,高新技术产业主营业务收入,265000\n", [
      row("2020Q3", "quxian", "hitech_industry_revenue", 26.5),
    ]));

  it("the header's bracket is more specific than the title line: (亿元) wins over 单位：万元", () =>
    expectRows("填报单位：渠县\n单位：万元\n报告期,高新技术产业主营业务收入（亿元）\n2020Q3,26.5\n", [
      row("2020Q3", "quxian", "hitech_industry_revenue", 26.5),
    ]));
});

describe("class 2: total rows are checked, never stored", () => {
  const head =
    "报告期,区县,关键技术攻关项目（项）,高新技术企业（家）\n2020Q3,通川区,5,8\n2020Q3,达川区,4,7\n";
  const units = [
    row("2020Q3", "dachuan", "hitech_enterprises", 7),
    row("2020Q3", "dachuan", "key_tech_projects", 4),
    row("2020Q3", "tongchuan", "hitech_enterprises", 8),
    row("2020Q3", "tongchuan", "key_tech_projects", 5),
  ];
  it.each([
    "合计",
    "合　计",
    "合 计",
    "总计",
    "小计",
    "全市合计",
    "全市总计",
    "合计数",
    " 合计 ",
    "\u200B合计",
    "合计：",
    "合计（全市）",
    "共计",
    "各县（市、区）合计",
  ])("a %j row is a total (5+4 = 9, 8+7 = 15 agree: no warning)", async (label) => {
    const r = await imported(`${head}2020Q3,${label},9,15\n`, units);
    expect(r.outcome.table.totalRows).toBe(1);
    expect(r.warnings).toEqual([]);
  });

  it("a total that disagrees with the unit rows is a warning naming both figures", async () => {
    const r = await imported(`${head}2020Q3,合计,10,15\n`, units);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain("10");
    expect(r.warnings[0]).toContain("9"); // 5 + 4
  });

  it("a total row in a 序号 column, the unit cell blank", () =>
    expectRows("序号,报告期,区县,关键技术攻关项目\n1,2020Q3,通川区,5\n2,2020Q3,达川区,4\n合计,2020Q3,,9\n", [
      row("2020Q3", "dachuan", "key_tech_projects", 4),
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
    ]));

  it("a long layout's total row (unit 合计) is checked per indicator", async () => {
    const r = await imported(
      "报告期,单位,指标,数值\n2020Q3,通川区,技术合同登记额,820\n2020Q3,达川区,技术合同登记额,640\n2020Q3,合计,技术合同登记额,1400\n",
      [
        row("2020Q3", "dachuan", "tech_contract_value", 640),
        row("2020Q3", "tongchuan", "tech_contract_value", 820),
      ],
    );
    expect(r.warnings.join()).toContain("1460"); // 820 + 640
  });

  it("全市合计 is never stored as 全市", async () => {
    const r = await run("报告期,单位,指标,数值\n2020Q3,全市合计,技术合同登记额,3850\n");
    expect(r.rows).toEqual([]);
  });
});

describe("class 2: footers, 序号 and second header rows", () => {
  const footers = [
    "单位负责人：王某,统计负责人：李某,填表人：赵某,联系电话：0818-0000000,报出日期：2020年10月9日",
    "填表人：赵某",
    "制表人：赵某,,审核人：钱某",
    ",,联系电话：0818-1234567",
    "填报日期：2020年10月9日",
    "说明：本表数据截至9月底",
    "注：1. 数据来源于统计部门",
    "注1：含市本级",
    "填表说明：本表由各县（市、区）科技局填报",
    "数据来源：县统计局",
    "附注：数据为初步统计",
  ];
  it.each(footers)("footer %j is skipped, however many rows follow it", async (footer) => {
    const r = await imported(
      `报告期,填报单位,关键技术攻关项目（项）,新建省级创新平台（家）,备注\n2020年第三季度,万源市,2,1,\n,,,,\n${footer}\n注：另附说明\n`,
      [
        row("2020Q3", "wanyuan", "key_tech_projects", 2),
        row("2020Q3", "wanyuan", "provincial_platforms_new", 1),
      ],
    );
    expect(r.outcome.table.footerRows).toBeGreaterThanOrEqual(1);
  });

  it("a data row after a footer is still read, never dropped unseen", () =>
    expectRows("报告期,填报单位,关键技术攻关项目\n2020Q3,万源市,2\n填表人：赵某\n2020Q3,渠县,4\n", [
      row("2020Q3", "quxian", "key_tech_projects", 4),
      row("2020Q3", "wanyuan", "key_tech_projects", 2),
    ]));

  it("a 序号 column is not a value", () =>
    expectRows(
      "序号,报告期,填报单位,指标,数值\n1,2020Q3,通川区,关键技术攻关项目,5\n2,2020Q3,通川区,技术合同登记额,820\n",
      [
        row("2020Q3", "tongchuan", "key_tech_projects", 5),
        row("2020Q3", "tongchuan", "tech_contract_value", 820),
      ],
    ));

  it.each([
    ["目标,完成", [20, 5]],
    ["完成,目标", [5, 20]],
    ["年度目标,累计完成", [20, 5]],
    ["计划,实际完成", [20, 5]],
    ["任务数,完成数", [20, 5]],
    ["累计,完成率（%）", [5, 25]],
    ["目标,累计,同比增长", [20, 5]],
  ])("merged header, second row %j: only the figure is stored, never the target", async (sub, cells) => {
    const width = sub.split(",").length;
    const top = `单位,关键技术攻关项目${",".repeat(width - 1)}`;
    const second = `,${sub}`;
    const values = sub.split(",").map((w, i) => (w === "同比增长" ? 12.5 : (cells[i] ?? 0)));
    await expectRows(`报告期：2020年1-9月\n${top}\n${second}\n通川区,${values.join(",")}\n`, [
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
    ]);
  });

  it("merged header over two indicators, 累计 | 本期 under each: the year-to-date figure is stored", () =>
    expectRows(
      "报告期：2020Q3\n单位,关键技术攻关项目,,技术合同登记额（万元）,\n,累计,本期,累计,本期\n通川区,5,2,820,300\n达川区,4,1,640,100\n",
      [
        row("2020Q3", "dachuan", "key_tech_projects", 4),
        row("2020Q3", "dachuan", "tech_contract_value", 640),
        row("2020Q3", "tongchuan", "key_tech_projects", 5),
        row("2020Q3", "tongchuan", "tech_contract_value", 820),
      ],
    ));

  it("a second header row of units of measure: 技术合同登记额 in 亿元 converts to 万元", () =>
    expectRows("报告期：2020Q3\n单位,关键技术攻关项目,技术合同登记额\n,项,亿元\n通川区,5,0.082\n", [
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
      row("2020Q3", "tongchuan", "tech_contract_value", 820),
    ]));

  it("ambiguous sub-columns are refused, naming the columns", () =>
    expectRefused("报告期：2020Q3\n单位,关键技术攻关项目,\n,累计,累计\n通川区,5,6\n", [
      "关键技术攻关项目",
      "累计",
    ]));

  it("a target column headed beside the indicator, 技术合同登记额（目标）, is never a value", () =>
    expectRows("报告期,单位,技术合同登记额（目标）,技术合同登记额\n2020Q3,通川区,5600,820\n", [
      row("2020Q3", "tongchuan", "tech_contract_value", 820),
    ]));

  it.each(["目标", "目标值", "年度目标", "计划", "任务数", "完成率", "同比", "增长", "增幅", "占比"])(
    "a long-layout %s column is never a value",
    (column) =>
      expectRows(`报告期,单位,指标,${column},数值\n2020Q3,通川区,关键技术攻关项目,30,5\n`, [
        row("2020Q3", "tongchuan", "key_tech_projects", 5),
      ]),
  );
});

describe("class 3: the header is found reliably, and no data is never a silent success", () => {
  it.each(["1-9月累计", "1—9月累计", "1至9月", "前三季度", "截至9月底累计", "2020年1-9月", "1-9月完成"])(
    "a value column headed %j is the value; the data row is not taken for a header",
    (header) =>
      expectRows(
        `填报单位：通川区\n报告期：2020年1-9月\n指标名称,计量单位,${header},同比增长（%）\n技术合同登记额,万元,820,12.5\n`,
        [row("2020Q3", "tongchuan", "tech_contract_value", 820)],
      ),
  );

  it("the span in the value header gives the period when the file has no other", () =>
    expectRows("填报单位：通川区\n指标名称,1-6月累计\n技术合同登记额,500\n", [
      row("2020Q2", "tongchuan", "tech_contract_value", 500),
    ]));

  it("a value header whose span disagrees with the report period is refused", () =>
    expectRefused("填报单位：通川区\n报告期：2020年1-9月\n指标名称,1-6月累计\n技术合同登记额,500\n", [
      "报告期",
    ]));

  it("a sheet whose header names no known column is refused with the header message", () =>
    expectRefused("填报单位：通川区\n名称,数额\n技术合同登记额,820\n", ["表头"]));

  it("a header and no rows is refused as having no data", () =>
    expectRefused("period,unit,indicator,value\n", ["没有数据行"]));

  it("a header, a total and a footer only is refused as having only total rows", () =>
    expectRefused("报告期,单位,指标,数值\n2020Q3,合计,技术合同登记额,0\n填表人：赵某\n", ["只有合计行"]));

  it("every value blank is refused, saying so", () =>
    expectRefused(
      "period,unit,indicator,value\n2020Q3,通川区,key_tech_projects,\n2020Q3,通川区,tech_contract_value,—\n",
      ["全部为空"],
    ));

  it.each([
    ["2020Q3,tongchuan,tech_contract_value,5,600", "600"],
    ["2020Q3,tongchuan,tech_contract_value,5,,600", "600"],
    ["2020Q3,tongchuan,tech_contract_value,5,ytd,说明,多余", "多余"],
  ])("a row with more cells than the header is refused, naming the extra value: %s", async (line, extra) => {
    const header =
      line.split(",").length > 6 ? "period,unit,indicator,value,basis,note" : "period,unit,indicator,value";
    const r = await refused(`${header}\n${line}\n`, [extra]);
    expect(r.outcome.problems[0]!.line).toBe(2);
  });

  it("trailing empty cells beyond the header are harmless", () =>
    expectRows("period,unit,indicator,value\n2020Q3,tongchuan,tech_contract_value,5,,,\n", [
      row("2020Q3", "tongchuan", "tech_contract_value", 5),
    ]));
});

describe("class 4: reporting units as offices write them", () => {
  it.each([
    ["宣汉县科技局", "xuanhan"],
    ["宣汉县科学技术局", "xuanhan"],
    ["宣汉县人民政府", "xuanhan"],
    ["达州市宣汉县科技局", "xuanhan"],
    ["宣汉县科技局（盖章）", "xuanhan"],
    ["达州高新区管委会", "gaoxin"],
    ["达州高新区管理委员会", "gaoxin"],
    ["通川区科技局", "tongchuan"],
    ["万源市科技局", "wanyuan"],
    ["宣汉县科技经济和信息化局", "xuanhan"],
    ["通川区经济和信息化局", "tongchuan"],
    ["高新区管委会", "gaoxin"],
    ["其中：通川区", "tongchuan"],
  ])("%s is %s, and the spelling is kept", async (spelling, code) => {
    const r = await imported(`报告期,填报单位,关键技术攻关项目\n2020Q3,${spelling},2\n`, [
      row("2020Q3", code, "key_tech_projects", 2),
    ]);
    expect(r.outcome.table.unitSpellings).toEqual({ [spelling]: code });
  });

  it.each(["填报单位（盖章）：宣汉县", "填报单位(盖章):宣汉县科技局", "报送单位：宣汉县科学技术局"])(
    "a title line %j names the unit",
    (title) =>
      expectRows(`${title}\n报告期,指标,数值\n2020Q3,关键技术攻关项目,2\n`, [
        row("2020Q3", "xuanhan", "key_tech_projects", 2),
      ]),
  );

  it.each([
    "宣汉科技局x",
    "通川区某某科技有限公司",
    "达州市某某公司",
    "科技局",
    "达州市科技局",
    "达州市科学技术局",
  ])("%s names no unit: refused, naming it", (spelling) =>
    expectRefused(`报告期,填报单位,关键技术攻关项目\n2020Q3,${spelling},2\n`, [spelling]),
  );
});

describe("class 5: every cell is cleaned the same way", () => {
  it.each([
    ["820\u200B", 820],
    ["\u200B820", 820],
    ["\uFEFF820", 820],
    ["8\u200D20", 820],
    ["820\u00A0", 820],
    ["\u3000820\u3000", 820],
    ['="820"', 820],
    ["\u2060820", 820],
  ])("value %j stores %d", (cell, value) =>
    expectRows(`period,unit,indicator,value\n2020Q3,通川区,tech_contract_value,${cell}\n`, [
      row("2020Q3", "tongchuan", "tech_contract_value", value),
    ]),
  );

  it.each(['="2020-09"', "2020Q3\u200B", "\u00A02020Q3", '="2020Q3"'])("period %j is 2020Q3", (cell) =>
    expectRows(`period,unit,indicator,value\n${cell},通川区,tech_contract_value,5\n`, [
      row("2020Q3", "tongchuan", "tech_contract_value", 5),
    ]),
  );

  it.each(["\u200B", "\u00A0", "\u3000", '=""', "\u200B\u00A0"])(
    "a cell of only %j is blank, not an error",
    async (cell) => {
      const r = await imported(
        `period,unit,indicator,value\n2020Q3,通川区,tech_contract_value,5\n2020Q3,通川区,key_tech_projects,${cell}\n`,
        [row("2020Q3", "tongchuan", "tech_contract_value", 5)],
      );
      expect(r.outcome.counts.blank).toBe(1);
    },
  );

  it("a unit name with a zero-width space and NBSP is found", () =>
    expectRows("period,unit,indicator,value\n2020Q3,\u00A0通川区\u200B,tech_contract_value,5\n", [
      row("2020Q3", "tongchuan", "tech_contract_value", 5),
    ]));
});

describe("class 6: period words of Chinese statistics", () => {
  it.each([
    ["2020年上半年", "2020Q2"],
    ["2020年前三季度", "2020Q3"],
    ["2020年第一季度", "2020Q1"],
    ["2020年一季度", "2020Q1"],
    ["2020年1至9月", "2020Q3"],
    ["2020年1—9月", "2020Q3"],
    ["截至2020年9月底", "2020Q3"],
    ["2020年9月末", "2020Q3"],
  ])("%s is %s", (period, canonical) =>
    expectRows(`period,unit,indicator,value\n${period},通川区,key_tech_projects,3\n`, [
      row(canonical, "tongchuan", "key_tech_projects", 3),
    ]),
  );

  it.each([
    ["前三季度", "2020Q3"],
    ["上半年", "2020Q2"],
    ["一季度", "2020Q1"],
  ])("%s without a year is in the only plan year: %s", (period, canonical) =>
    expectRows(`period,unit,indicator,value\n${period},通川区,key_tech_projects,3\n`, [
      row(canonical, "tongchuan", "key_tech_projects", 3),
    ]),
  );

  it("a title 报告期：2020年前三季度 gives the rows their period", () =>
    expectRows("报告期：2020年前三季度\n单位,关键技术攻关项目\n通川区,3\n", [
      row("2020Q3", "tongchuan", "key_tech_projects", 3),
    ]));

  it("--period takes the same words", () =>
    expectRows("单位,关键技术攻关项目\n通川区,3\n", [row("2020Q2", "tongchuan", "key_tech_projects", 3)], {
      period: "2020年上半年",
    }));
});

describe("class 7: line endings", () => {
  it.each([
    ["CR", "\r"],
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("%s line endings import, with blank lines between", async (_name, nl) => {
    const r = await imported(
      [
        "period,unit,indicator,value",
        "",
        "2020Q3,通川区,key_tech_projects,3",
        "",
        "",
        "2020Q3,达川区,key_tech_projects,4",
        "",
      ].join(nl),
      [row("2020Q3", "dachuan", "key_tech_projects", 4), row("2020Q3", "tongchuan", "key_tech_projects", 3)],
    );
    expect(r.outcome.counts.rowsRead).toBe(2);
  });

  it.each(["\r", "\n", "\r\n"])(
    "a problem after a run of blank lines names its own line (%j)",
    async (nl) => {
      const lines = ["period,unit,indicator,value", ...Array(5000).fill(""), "2020Q3,通川区,nope,3"];
      const r = await refused(lines.join(nl) + nl, ["nope"]);
      expect(r.outcome.problems[0]!.line).toBe(5002); // header 1, 5000 blank lines, then the row
    },
  );

  it("a quoted cell's own line break is kept in a CR-only file", () =>
    expectRows(
      'period,unit,indicator,value,basis,note\r2020Q3,通川区,key_tech_projects,3,ytd,"一行\r两行"\r',
      [row("2020Q3", "tongchuan", "key_tech_projects", 3)],
    ));
});

describe("class 8: implausible values are flagged, not silently taken", () => {
  it("a year-to-date figure lower than the unit's earlier one in the file is a warning; the file is written", async () => {
    const r = await imported(
      "period,unit,indicator,value\n2020Q2,通川区,key_tech_projects,6\n2020Q3,通川区,key_tech_projects,4\n",
      [
        row("2020Q2", "tongchuan", "key_tech_projects", 6),
        row("2020Q3", "tongchuan", "key_tech_projects", 4),
      ],
    );
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^3: .*2020Q3.*4.*2020Q2.*6/);
  });

  it("a stock may fall: no warning", async () => {
    const r = await imported(
      "period,unit,indicator,value\n2020Q2,通川区,hitech_enterprises,9\n2020Q3,通川区,hitech_enterprises,8\n",
      [
        row("2020Q2", "tongchuan", "hitech_enterprises", 9),
        row("2020Q3", "tongchuan", "hitech_enterprises", 8),
      ],
    );
    expect(r.warnings).toEqual([]);
  });

  it("a value over 10x the indicator's annual target is a warning (技术合同登记额 target 5600 万元)", async () => {
    const r = await imported("period,unit,indicator,value\n2020Q3,通川区,tech_contract_value,56001\n", [
      row("2020Q3", "tongchuan", "tech_contract_value", 56001),
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain("5600");
  });

  it("exactly 10x the target is no warning", async () => {
    const r = await run("period,unit,indicator,value\n2020Q3,通川区,tech_contract_value,56000\n");
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ["hitech_enterprises", "本期"],
    ["hitech_enterprises", "period"],
    ["st_progress_contribution", "当季"],
  ])("a 本期 row for the stock or rate %s is refused, saying why", (indicator, basis) =>
    expectRefused(`period,unit,indicator,value,basis\n2020Q3,通川区,${indicator},5,${basis}\n`, ["本期"]),
  );

  it("a 本期 row for a flow is stored as given", () =>
    expectRows("period,unit,indicator,value,basis\n2020Q3,通川区,key_tech_projects,2,本期\n", [
      row("2020Q3", "tongchuan", "key_tech_projects", 2),
    ]));
});

describe("the README's example sheets store what the README says", () => {
  it("a county's own sheet: title unit, period and measure; target and growth not read; footer skipped", () =>
    expectRows(
      [
        "达州市2020年三季度科技创新主要指标完成情况表,,,",
        "填报单位（盖章）：渠县科技局,,单位：万元,",
        "报告期：2020年1-9月,,,",
        "序号,指标名称,年度目标,1-9月累计,同比增长（%）",
        "1,技术合同登记额,600,300,12.5",
        "2,高新技术产业主营业务收入,50000,265000,8.1",
        "填表人：赵某,联系电话：0818-0000000,,",
      ].join("\n"),
      // 265000 万元 = 26.5 亿元
      [
        row("2020Q3", "quxian", "hitech_industry_revenue", 26.5),
        row("2020Q3", "quxian", "tech_contract_value", 300),
      ],
    ));

  it("a wide sheet with merged 目标 / 完成 headers and a total row", async () => {
    const r = await imported(
      [
        "报告期：2020年前三季度,,,,",
        "区县,关键技术攻关项目,,高新技术企业,",
        ",目标,完成,目标,完成",
        "通川区,6,5,10,8",
        "达川区,5,4,9,7",
        "合　计,11,9,19,15",
      ].join("\n"),
      [
        row("2020Q3", "dachuan", "hitech_enterprises", 7),
        row("2020Q3", "dachuan", "key_tech_projects", 4),
        row("2020Q3", "tongchuan", "hitech_enterprises", 8),
        row("2020Q3", "tongchuan", "key_tech_projects", 5),
      ],
    );
    expect(r.warnings).toEqual([]); // 5 + 4 = 9 and 8 + 7 = 15
  });
});

describe("class 2: of several value columns in one header row, the year-to-date one is read", () => {
  it.each([
    ["9月完成,1-9月累计", "30,300"],
    ["1-9月累计,9月完成", "300,30"],
    ["当月完成,1-9月累计", "30,300"],
    ["本月完成,累计完成", "30,300"],
    ["本月,累计", "30,300"],
    ["本月数,累计数", "30,300"],
    ["三季度完成,前三季度累计", "100,300"],
    ["7-9月完成,1-9月完成", "100,300"],
    ["本季完成,累计完成", "100,300"],
    ["当季完成,本年累计", "100,300"],
    ["本期完成,累计完成", "100,300"],
    ["本期,累计", "100,300"],
    ["完成,累计完成", "100,300"],
    ["1-6月累计,1-9月累计", "200,300"],
    ["上半年,前三季度", "200,300"],
  ])("%s: 300 is stored", (headers, cells) =>
    expectRows(
      `填报单位：渠县\n报告期：2020年1-9月\n指标名称,计量单位,${headers},备注\n技术合同登记额,万元,${cells},\n`,
      [row("2020Q3", "quxian", "tech_contract_value", 300)],
    ),
  );

  it("1-6月累计 | 1-9月累计 without a report period: the newest span, and its period", () =>
    expectRows("填报单位：渠县\n指标名称,计量单位,1-6月累计,1-9月累计\n技术合同登记额,万元,200,300\n", [
      row("2020Q3", "quxian", "tech_contract_value", 300),
    ]));

  it("1-6月累计 | 1-9月累计 with 报告期 1-6月: the span the report period names", () =>
    expectRows(
      "填报单位：渠县\n报告期：2020年1-6月\n指标名称,1-6月累计,1-9月累计\n技术合同登记额,200,300\n",
      [row("2020Q2", "quxian", "tech_contract_value", 200)],
    ));

  it("a stock with 本期完成 | 累计完成 reads the level, no 本期 refusal", () =>
    expectRows("填报单位：渠县\n报告期：2020Q3\n指标名称,本期完成,累计完成\n高新技术企业,2,9\n", [
      row("2020Q3", "quxian", "hitech_enterprises", 9),
    ]));

  it.each(["累计完成,累计完成", "数值,完成值", "完成,实际完成"])(
    "%s cannot be told apart: refused naming them",
    (headers) =>
      expectRefused(
        `填报单位：渠县\n报告期：2020Q3\n指标名称,${headers}\n技术合同登记额,300,310\n`,
        headers.split(","),
      ),
  );

  it.each(["9月完成", "当月完成", "本月"])(
    "a month's own column alone (%s) is no value column: the header is not found",
    (h) => expectRefused(`填报单位：渠县\n报告期：2020Q3\n指标名称,${h}\n技术合同登记额,30\n`, ["表头"]),
  );

  it.each(["期末数", "期末累计", "年末数"])("%s is a stock's value column", (h) =>
    expectRows(`填报单位：渠县\n报告期：2020Q3\n指标名称,${h}\n高新技术企业,9\n`, [
      row("2020Q3", "quxian", "hitech_enterprises", 9),
    ]),
  );

  it.each(["本年新增", "累计新增", "新增"])("%s is a flow's year-to-date value column", (h) =>
    expectRows(`填报单位：渠县\n报告期：2020Q3\n指标名称,${h}\n新培育高新技术企业,3\n`, [
      row("2020Q3", "quxian", "hitech_enterprises_new", 3),
    ]),
  );

  it.each([
    "指标名称,本年新增\n高新技术企业,3",
    "区县,高新技术企业（本年新增）\n通川区,3",
    "区县,高新技术企业\n,本年新增\n通川区,3",
  ])("新增 for a stock is an increment, never its level: refused (%j)", (sheet) =>
    expectRefused(`填报单位：通川区\n报告期：2020Q3\n${sheet}\n`, ["新增"]),
  );

  it.each(["较年初增加", "比上年增长", "上年同期", "去年同期"])("%s is derived, never the value", (h) =>
    expectRows(`填报单位：渠县\n报告期：2020Q3\n指标名称,累计完成,${h}\n高新技术企业,9,2\n`, [
      row("2020Q3", "quxian", "hitech_enterprises", 9),
    ]),
  );
});

describe("class 1: a unit of measure in the indicator's own cell applies to its row", () => {
  it("高新技术产业主营业务收入（万元） 265000 is 26.5 亿元; 技术合同登记额（亿元） 0.03 is 300 万元", () =>
    expectRows(
      "填报单位：渠县\n报告期：2020年1-9月\n指标名称,本年累计,备注\n高新技术产业主营业务收入（万元）,265000,\n技术合同登记额（亿元）,0.03,\n",
      [
        row("2020Q3", "quxian", "hitech_industry_revenue", 26.5),
        row("2020Q3", "quxian", "tech_contract_value", 300),
      ],
    ));

  it("the row's own （亿元） wins over the title's 单位：万元", () =>
    expectRows(
      "填报单位：渠县\n单位：万元\n报告期,指标名称,累计完成\n2020Q3,高新技术产业主营业务收入（亿元）,26.5\n",
      [row("2020Q3", "quxian", "hitech_industry_revenue", 26.5)],
    ));

  it("the row's own （家） wins over the title's 单位：万元", () =>
    expectRows("填报单位：渠县\n单位：万元\n报告期,指标名称,累计完成\n2020Q3,高新技术企业（家）,22\n", [
      row("2020Q3", "quxian", "hitech_enterprises", 22),
    ]));

  it("高新技术企业（万元） is refused, naming both units", () =>
    expectRefused("填报单位：渠县\n报告期,指标名称,累计完成\n2020Q3,高新技术企业（万元）,12\n", [
      "家",
      "万元",
    ]));

  it("a title measure that does not fit a row is named as the title's, with its line", async () => {
    const r = await refused(
      "填报单位：渠县\n单位：万元\n报告期,指标名称,累计完成\n2020Q3,关键技术攻关项目,3\n",
      ["第 2 行"],
    );
    expect(r.messages[0]).toContain("项");
  });
});

describe("a wide sheet's columns: a near-miss of an indicator is refused, anything else is reported", () => {
  it.each(["高新技术企业数（家）", "关键技术攻关项目数", "技术合同登记金额"])(
    "%s: refused, suggesting the indicator",
    (column) =>
      expectRefused(`报告期：2020年1-9月\n区县,技术合同登记额（万元）,${column}\n通川区,1200,20\n`, [
        column,
        "是否指",
      ]),
  );

  it("a column that is no indicator and no known column (联系人) holding a figure is a warning", async () => {
    const r = await imported(
      "报告期：2020Q3\n区县,技术合同登记额（万元）,片区编号\n通川区,1200,7\n达川区,800,8\n",
      [
        row("2020Q3", "dachuan", "tech_contract_value", 800),
        row("2020Q3", "tongchuan", "tech_contract_value", 1200),
      ],
    );
    expect(r.warnings).toHaveLength(1); // once per column
    expect(r.warnings[0]).toContain("片区编号");
  });

  it.each([
    ["1.技术合同登记额", "tech_contract_value"],
    ["（一）技术合同登记额", "tech_contract_value"],
    ["一、技术合同登记额", "tech_contract_value"],
    ["其中：新培育高新技术企业", "hitech_enterprises_new"],
  ])("a numbered indicator name %s is %s", (name, code) =>
    expectRows(`报告期,填报单位,指标,数值\n2020Q3,通川区,${name},5\n`, [row("2020Q3", "tongchuan", code, 5)]),
  );
});

describe("forms' own furniture: column numbers, the period in the table's name, notes", () => {
  it.each(["甲,乙,1", "甲,乙,丙", ",乙,1", "1,2,3"])(
    "a column-number row %j under the header is skipped",
    (numbers) =>
      expectRows(`报告期：2020Q3\n区县,单位,关键技术攻关项目\n${numbers}\n通川区,,5\n`, [
        row("2020Q3", "tongchuan", "key_tech_projects", 5),
      ]),
  );

  it.each([
    "达州市2020年三季度科技创新指标完成情况表",
    "2020年1-9月达州市科技创新指标统计表",
    "达州市2020年前三季度科技创新指标完成情况",
    "截至2020年9月底科技创新指标完成情况",
    "填报单位：通川区,2020年1-9月",
  ])("the period in the title %j gives the rows their period", (title) =>
    expectRows(`${title}\n区县,关键技术攻关项目\n通川区,5\n`, [
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
    ]),
  );

  it("a year alone in the table's name is no period: refused for want of one", () =>
    expectRefused("达州市2020年科技创新指标完成情况表\n区县,关键技术攻关项目\n通川区,5\n", ["--period"]));

  it("报告期： agreeing with the table's name; a 填报日期 is never the period", () =>
    expectRows(
      "达州市2020年前三季度科技创新指标完成情况表\n填报日期：2020年10月9日\n报告期：2020年1-9月\n区县,关键技术攻关项目\n通川区,5\n",
      [row("2020Q3", "tongchuan", "key_tech_projects", 5)],
    ));

  it("报告期： against the table's name: refused, naming both", () =>
    expectRefused(
      "达州市2020年二季度科技创新指标完成情况表\n报告期：2020年1-9月\n区县,关键技术攻关项目\n通川区,5\n",
      ["2020年二季度", "2020年1-9月"],
    ));

  it("说明 alone, then numbered notes: all footer", async () => {
    const r = await imported(
      "报告期,区县,关键技术攻关项目\n2020Q3,通川区,5\n说明,,\n1.本表数据截至9月底,,\n2.高新技术企业为期末数。,,\n（3）含市本级,,\n",
      [row("2020Q3", "tongchuan", "key_tech_projects", 5)],
    );
    expect(r.outcome.table.footerRows).toBe(4);
    expect(r.outcome.counts.blank).toBe(0);
  });
});

describe("total rows: subtotals and totals against the right rows", () => {
  it("a 小计 sums the rows since the last total; the 总计 every unit row (no false warning)", async () => {
    const r = await imported(
      "报告期,区县,关键技术攻关项目\n2020Q3,通川区,5\n2020Q3,达川区,4\n2020Q3,小计,9\n2020Q3,达州高新区,2\n2020Q3,小计,2\n2020Q3,总计,11\n",
      [
        row("2020Q3", "dachuan", "key_tech_projects", 4),
        row("2020Q3", "gaoxin", "key_tech_projects", 2),
        row("2020Q3", "tongchuan", "key_tech_projects", 5),
      ],
    );
    expect(r.warnings).toEqual([]); // 5 + 4 = 9; 2; 5 + 4 + 2 = 11
  });

  it("a wrong 小计 is flagged against its own group", async () => {
    const r = await imported(
      "报告期,区县,关键技术攻关项目\n2020Q3,通川区,5\n2020Q3,达川区,4\n2020Q3,小计,8\n2020Q3,渠县,3\n2020Q3,小计,3\n",
      [
        row("2020Q3", "dachuan", "key_tech_projects", 4),
        row("2020Q3", "quxian", "key_tech_projects", 3),
        row("2020Q3", "tongchuan", "key_tech_projects", 5),
      ],
    );
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^4: .*8.*9/); // line 4: 8 against 5 + 4
  });

  it("a total row at the top is checked against the rows below it", async () => {
    const r = await imported(
      "报告期,区县,关键技术攻关项目\n2020Q3,合计,10\n2020Q3,通川区,5\n2020Q3,达川区,4\n",
      [row("2020Q3", "dachuan", "key_tech_projects", 4), row("2020Q3", "tongchuan", "key_tech_projects", 5)],
    );
    expect(r.warnings).toHaveLength(1);
  });
});

describe("messages say the right thing once", () => {
  it("an unknown unit in a wide row is one problem, not one per indicator column", async () => {
    const r = await refused(
      "报告期,区县,关键技术攻关项目,高新技术企业,技术合同登记额\n2020Q3,通州区,1,2,3\n",
      ["通州区"],
    );
    expect(r.messages).toHaveLength(1);
  });

  it("an empty indicator cell says the indicator is missing", () =>
    expectRefused("报告期,填报单位,指标,数值\n2020Q3,通川区,,5\n", ["缺少指标名称"]));

  it("only a total row: refused saying there are only total rows", () =>
    expectRefused("报告期,填报单位,指标,数值\n2020Q3,全市合计,技术合同登记额,3850\n", [
      "只有合计行",
      "全市",
    ]));

  it("a title and a header and nothing else: refused as having no data rows, not for a missing column", async () => {
    const r = await refused("达州市科技创新指标完成情况表\n区县,关键技术攻关项目\n", ["没有数据行"]);
    expect(r.messages).toHaveLength(1);
  });

  it("a unit from the title block is named as 填报单位 in a problem line", async () => {
    const r = await run("填报单位：市科技局\n报告期,指标,数值\n2020Q3,关键技术攻关项目,5\n");
    expect(r.outcome.problems[0]!.column).toBe("填报单位");
  });
});

describe("offices by their official names", () => {
  it.each([
    ["达州高新技术产业开发区管委会", "gaoxin"],
    ["达川区科技和知识产权局", "dachuan"],
    ["四川省渠县科技局", "quxian"],
    ["大竹县人民政府办公室", "dazhu"],
    ["开江县科学技术和经济信息化局", "kaijiang"],
  ])("%s is %s", (spelling, code) =>
    expectRows(`报告期,填报单位,关键技术攻关项目\n2020Q3,${spelling},2\n`, [
      row("2020Q3", code, "key_tech_projects", 2),
    ]),
  );
});

describe("two-row headers the other way round", () => {
  it("a group row above (区县 | 1-9月完成情况) gives the unit column and the period", () =>
    expectRows("区县,1-9月完成情况,\n,技术合同登记额（万元）,关键技术攻关项目（项）\n通川区,820,5\n", [
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
      row("2020Q3", "tongchuan", "tech_contract_value", 820),
    ]));

  it.each(["单位", "计量单位", "单　位"])(
    "a row of units of measure labelled %s in the first column",
    (label) =>
      expectRows(
        `报告期：2020Q3\n区县,技术合同登记额,高新技术产业主营业务收入,高新技术企业\n${label},亿元,万元,家\n通川区,0.082,12345,9\n`,
        [
          row("2020Q3", "tongchuan", "hitech_enterprises", 9),
          row("2020Q3", "tongchuan", "hitech_industry_revenue", 1.2345),
          row("2020Q3", "tongchuan", "tech_contract_value", 820),
        ],
      ),
  );
});

describe("a period, unit or measure stated twice, differently, is refused naming both", () => {
  it.each([
    ["报告期：2020年1-9月\n报告期：2020年1-6月\n填报单位：通川区\n", ["2020年1-9月", "2020年1-6月"]],
    ["报告期：2020Q3\n填报单位：通川区\n单位：渠县\n", ["通川区", "渠县"]],
    ["报告期：2020Q3\n填报单位：通川区\n计量单位：万元\n计量单位：亿元\n", ["万元", "亿元"]],
    ["报告期：2020Q3\n填报单位：通川区\n计量单位：亿元,金额单位：万元\n", ["万元", "亿元"]],
    ["达州市2020年三季度情况表\n填报单位：通川区\n", ["1-6月"], "1-6月累计"],
  ])("%j", (title, words, value = "累计完成") =>
    expectRefused(`${title}指标名称,${value}\n技术合同登记额,300\n`, words),
  );

  it.each([
    ["报告期：2020年1-9月\n报告期：2020年前三季度\n填报单位：通川区\n"],
    ["报告期：2020Q3\n填报单位：通川区\n填报单位：通川区科技局\n"],
    ["报告期：2020Q3\n填报单位：通川区\n单位：万元,金额单位：万元\n"],
  ])("the same thing twice is no conflict: %j", (title) =>
    expectRows(`${title}指标名称,累计完成\n技术合同登记额,300\n`, [
      row("2020Q3", "tongchuan", "tech_contract_value", 300),
    ]),
  );

  it("--period against the file's 报告期: refused naming both", () =>
    expectRefused(
      "报告期：2020年1-9月\n填报单位：通川区\n指标名称,累计完成\n技术合同登记额,300\n",
      ["2020Q2", "2020年1-9月"],
      {
        period: "2020Q2",
      },
    ));

  it("--unit against the file's 填报单位: refused naming both", () =>
    expectRefused(
      "报告期：2020Q3\n填报单位：宣汉县科技局\n指标名称,累计完成\n技术合同登记额,300\n",
      ["渠县", "宣汉县科技局"],
      {
        unit: "渠县",
      },
    ));

  it("--period agreeing with the file: imported", () =>
    expectRows(
      "报告期：2020年1-9月\n填报单位：通川区\n指标名称,累计完成\n技术合同登记额,300\n",
      [row("2020Q3", "tongchuan", "tech_contract_value", 300)],
      { period: "2020Q3" },
    ));
});

describe("measures as forms write them", () => {
  it.each(["单位：人民币亿元", "单位：亿元人民币", "单位：亿元（人民币）", "（单位：亿元）", "单位：亿"])(
    "%s: 0.03 亿元 is 300 万元",
    (title) =>
      expectRows(`报告期：2020年1-9月\n填报单位：通川区,${title}\n指标名称,累计\n技术合同登记额,0.03\n`, [
        row("2020Q3", "tongchuan", "tech_contract_value", 300),
      ]),
  );

  it.each(["单位：万美元", "单位：美元"])(
    "%s is no measure dzkj converts: refused, never read as 万元",
    (title) =>
      expectRefused(`报告期：2020年1-9月\n填报单位：通川区,${title}\n指标名称,累计\n技术合同登记额,3000\n`, [
        "美元",
      ]),
  );

  it("two 单位 columns: the reporting unit, then the unit of measure", () =>
    expectRows(
      "序号,报告期,单位,指标名称,单位,数值\n1,2020Q3,通川区,技术合同登记额,亿元,0.03\n2,2020Q3,通川区,高新技术产业主营业务收入,万元,265000\n",
      [
        row("2020Q3", "tongchuan", "hitech_industry_revenue", 26.5),
        row("2020Q3", "tongchuan", "tech_contract_value", 300),
      ],
    ));
});

describe("本期 is the report period's figure", () => {
  it.each([
    "报告期：2020年1-9月",
    "报告期：2020年前三季度",
    "报告期：截至2020年9月底",
    "达州市2020年1-9月科技统计表",
  ])("with %s, 本期 beside 上年同期 is year-to-date", (title) =>
    expectRows(`${title}\n填报单位：通川区\n指标名称,本期,上年同期\n技术合同登记额,300,280\n`, [
      row("2020Q3", "tongchuan", "tech_contract_value", 300),
    ]),
  );

  it.each(["报告期：2020年三季度", "达州市2020年9月科技创新指标表"])(
    "with %s (a quarter or a month), 本期 may be the quarter's own or the year's to date: refused, saying so",
    (title) =>
      expectRefused(`${title}\n填报单位：通川区\n指标名称,本期,上年同期\n技术合同登记额,100,90\n`, [
        "本期",
        "口径",
      ]),
  );

  it("with a 口径 column, 本期 leaves the basis to it", async () => {
    const db = await freshDb();
    const file = join(dir, "q.csv");
    writeFileSync(
      file,
      "报告期：2020年三季度\n填报单位：通川区\n指标名称,本期,口径\n技术合同登记额,100,当季\n",
    );
    await importFile(db, file);
    expect(db.prepare("SELECT basis FROM progress_values").pluck().get()).toBe("period");
    db.close();
  });

  it("当季 and 本季 always mean the quarter's own figure", async () => {
    const db = await freshDb();
    const file = join(dir, "q2.csv");
    writeFileSync(file, "报告期：2020年三季度\n填报单位：通川区\n指标名称,当季完成\n技术合同登记额,100\n");
    await importFile(db, file);
    expect(db.prepare("SELECT basis FROM progress_values").pluck().get()).toBe("period");
    db.close();
  });
});

describe("a basis stated twice must agree", () => {
  it.each([
    ["报告期,填报单位,指标,当季完成,口径\n2020Q3,通川区,技术合同登记额,300,累计", {}],
    ["报告期,填报单位,指标,1-9月累计,口径\n2020Q3,通川区,技术合同登记额,300,本期", {}],
    ["报告期,填报单位,指标,1-9月累计\n2020Q3,通川区,技术合同登记额,300", { basis: "period" }],
    ["报告期,填报单位,指标,当季完成\n2020Q3,通川区,技术合同登记额,300", { basis: "ytd" }],
  ])("%j %j: refused", (sheet, options) => expectRefused(`${sheet}\n`, ["口径"], options));

  it("a plain 数值 column leaves the basis to the 口径 column", () =>
    expectRows("报告期,填报单位,指标,数值,口径\n2020Q3,通川区,技术合同登记额,300,本期\n", [
      row("2020Q3", "tongchuan", "tech_contract_value", 300),
    ]));
});

describe("units of measure a row states twice must agree", () => {
  it.each([
    "报告期,填报单位,指标名称,计量单位,完成值（万元）\n2020Q3,通川区,高新技术产业主营业务收入（万元）,亿元,26.5",
    "报告期,填报单位,指标名称,计量单位,完成值\n2020Q3,通川区,技术合同登记额（亿元）,万元,300",
    "报告期,填报单位,指标名称,完成值（万元）\n2020Q3,通川区,高新技术产业主营业务收入（亿元）,26.5",
  ])("%j: refused naming both", (sheet) => expectRefused(`${sheet}\n`, ["万元", "亿元"]));
});

describe("a percentage written as a fraction is a warning", () => {
  it.each(["0.58", "0.58%"])("科技进步贡献率 %s: stored as written, with a warning", async (cell) => {
    const r = await imported(`报告期,填报单位,指标,数值\n2020Q3,全市,科技进步贡献率,${cell}\n`, [
      row("2020Q3", "city", "st_progress_contribution", 0.58),
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain("58");
  });
});

describe("the city's own office and 市本级", () => {
  it("达州市本级 is 市本级", () =>
    expectRows("报告期,填报单位,关键技术攻关项目\n2020Q3,达州市本级,2\n", [
      row("2020Q3", "shibenji", "key_tech_projects", 2),
    ]));

  it("a period in the title that cannot be read is one problem at its own line", async () => {
    const r = await refused(
      "报告期：2020年7-9月\n填报单位：通川区\n指标名称,累计完成\n技术合同登记额,300\n关键技术攻关项目,4\n",
      ["7-9月"],
    );
    expect(r.outcome.problems.map((p) => p.line)).toEqual([1]);
  });
});

describe("more of forms' furniture", () => {
  it("two years side by side (2019年1-9月 | 2020年1-9月): the newer is read", () =>
    expectRows(
      "达州市2020年三季度科技创新指标完成情况表\n填报单位：通川区,单位：万元\n指标名称,2019年1-9月,2020年1-9月,增长%\n技术合同登记额,280,300,7.1\n",
      [row("2020Q3", "tongchuan", "tech_contract_value", 300)],
    ));

  it.each(["栏次,—,1,2", "栏次,-,1,2", "甲,乙,1,2"])("a column-number row %j is skipped", (numbers) =>
    expectRows(
      `填报单位：通川区\n报告期：2020Q3\n指标名称,计量单位,年度目标,累计完成\n${numbers}\n技术合同登记额,万元,600,300\n`,
      [row("2020Q3", "tongchuan", "tech_contract_value", 300)],
    ),
  );

  it.each(["汇总", "全市汇总", "达州市合计"])("a %s row is a total, never stored", async (label) => {
    const r = await imported(
      `报告期,区县,关键技术攻关项目\n2020Q3,通川区,5\n2020Q3,达川区,4\n2020Q3,${label},9\n`,
      [row("2020Q3", "dachuan", "key_tech_projects", 4), row("2020Q3", "tongchuan", "key_tech_projects", 5)],
    );
    expect(r.outcome.table.totalRows).toBe(1);
  });
});

describe("the same bytes again: skipped only when they would change nothing", () => {
  const sheet = "指标,数值\n关键技术攻关项目,3\n技术合同登记额,0.03亿元\n";

  it("read with the same options: a duplicate, nothing written", async () => {
    const db = await freshDb();
    const file = join(dir, "same.csv");
    writeFileSync(file, sheet);
    expect((await importFile(db, file, { period: "2020Q3", unit: "渠县" })).status).toBe("imported");
    expect((await importFile(db, file, { period: "2020Q3", unit: "渠县" })).status).toBe("duplicate");
    db.close();
  });

  it.each([
    [{ period: "2020Q3", unit: "达川" }, "dachuan", "2020Q3"],
    [{ period: "2020Q2", unit: "渠县" }, "quxian", "2020Q2"],
  ])("read with other options (%j): imported, not skipped", async (options, unit, period) => {
    const db = await freshDb();
    const file = join(dir, "opts.csv");
    writeFileSync(file, sheet);
    await importFile(db, file, { period: "2020Q3", unit: "渠县" });
    const o = await importFile(db, file, options);
    expect(o.status).toBe("imported");
    const stored = storedRows(db).filter((r) => r.unit === unit && r.period === period);
    expect(stored.map((r) => [r.indicator, r.value])).toEqual([
      ["key_tech_projects", 3],
      ["tech_contract_value", 300], // 0.03 亿元
    ]);
    db.close();
  });

  it("a file whose values a later import replaced is imported again: the latest import wins", async () => {
    const db = await freshDb();
    const first = join(dir, "first.csv");
    const fix = join(dir, "fix.csv");
    writeFileSync(first, "period,unit,indicator,value\n2020Q3,通川区,key_tech_projects,5\n");
    writeFileSync(fix, "period,unit,indicator,value\n2020Q3,通川区,key_tech_projects,6\n");
    await importFile(db, first);
    await importFile(db, fix);
    const again = await importFile(db, first);
    expect(again.status).toBe("imported");
    expect(storedRows(db)).toEqual([row("2020Q3", "tongchuan", "key_tech_projects", 5)]);
    db.close();
  });
});

describe("期末数 beside 本年新增: each indicator reads its own column", () => {
  it("a stock's level from 期末数, a flow's figure from 本年新增", () =>
    expectRows(
      "填报单位：通川区\n报告期：2020年1-9月\n指标名称,计量单位,期末数,本年新增\n高新技术企业,家,12,\n新培育高新技术企业,家,,3\n技术合同登记额,万元,,820\n",
      [
        row("2020Q3", "tongchuan", "hitech_enterprises", 12),
        row("2020Q3", "tongchuan", "hitech_enterprises_new", 3),
        row("2020Q3", "tongchuan", "tech_contract_value", 820),
      ],
    ));

  it("both filled: each takes its own (the stock's 本年新增 is not its level)", () =>
    expectRows("填报单位：通川区\n报告期：2020Q3\n指标名称,期末数,本年新增\n高新技术企业,12,2\n", [
      row("2020Q3", "tongchuan", "hitech_enterprises", 12),
    ]));

  it.each([
    ["高新技术企业,,2", "期末数"],
    ["技术合同登记额,820,", "本年新增"],
  ])("a figure in the other's column (%s) is refused, naming the right one", (line, column) =>
    expectRefused(`填报单位：通川区\n报告期：2020Q3\n指标名称,期末数,本年新增\n${line}\n`, [column]),
  );
});

describe("a file that cannot be read says why in words", () => {
  it("a missing file: 文件不存在, not ENOENT", async () => {
    const db = await freshDb();
    const o = await importFile(db, join(dir, "no-such-file.csv"));
    expect(o.status).toBe("rejected");
    expect(o.problems.map((p) => p.reason.key)).toEqual(["intake.file.notFound"]);
    db.close();
  });
});

describe("what a row says must agree with what the file states above it", () => {
  it.each([
    [
      "达州市2020年三季度科技创新主要指标完成情况表\n填报单位：通川区科技局\n报告期,指标名称,本年累计\n2020年二季度,技术合同登记额,300\n",
      {},
      ["2020Q2"],
    ],
    [
      "报告期：2020年三季度\n填报单位：通川区\n报告期,指标名称,本年累计\n2020年二季度,技术合同登记额,300\n",
      {},
      ["2020Q2", "2020年三季度"],
    ],
    [
      "填报单位：通川区\n报告期,指标名称,本年累计\n2020年二季度,技术合同登记额,300\n",
      { period: "2020Q3" },
      ["2020Q2"],
    ],
  ])("a period column against the stated period: refused (%#)", (sheet, options, words) =>
    expectRefused(sheet, words, options),
  );

  it.each([
    ["报告期,填报单位,指标名称,1-6月累计\n2020年三季度,宣汉县,技术合同登记额,300\n", ["1-6月累计"]],
    ["报告期,填报单位,指标名称,1-9月累计\n2020年二季度,宣汉县,技术合同登记额,300\n", ["1-9月累计"]],
  ])("a period column against the value header's span: refused (%#)", (sheet, words) =>
    expectRefused(sheet, words),
  );

  it("a unit column against the title's 填报单位: refused naming both", () =>
    expectRefused(
      "填报单位：渠县科技局\n报告期：2020年三季度\n填报单位,指标名称,本年累计\n宣汉县,技术合同登记额,300\n",
      ["宣汉县", "渠县科技局"],
    ));

  it("the city office's title over the counties' rows is no conflict", () =>
    expectRows(
      "填报单位：达州市科技局\n报告期：2020年三季度\n区县,指标名称,本年累计\n宣汉县,技术合同登记额,300\n渠县,技术合同登记额,200\n",
      [
        row("2020Q3", "quxian", "tech_contract_value", 200),
        row("2020Q3", "xuanhan", "tech_contract_value", 300),
      ],
    ));

  it("a period column agreeing with the title: imported", () =>
    expectRows(
      "报告期：2020年1-9月\n填报单位：通川区\n报告期,指标名称,本年累计\n2020Q3,技术合同登记额,300\n",
      [row("2020Q3", "tongchuan", "tech_contract_value", 300)],
    ));

  it.each(["填报单位：达川区", "单位：亿元", "报告期：2020年二季度"])(
    "a title field (%s) inside the body: refused, never read as the next rows' unit",
    (field) =>
      expectRefused(
        `报告期：2020年三季度\n填报单位：通川区\n指标名称,本年累计\n技术合同登记额,300\n${field}\n高新技术企业,7\n`,
        [field.split("：")[0]!],
      ),
  );

  it("审核：王某 alone under the table is a footer", async () => {
    const r = await imported(
      "报告期：2020Q3\n填报单位：通川区\n指标名称,本年累计\n技术合同登记额,300\n审核：王某\n",
      [row("2020Q3", "tongchuan", "tech_contract_value", 300)],
    );
    expect(r.outcome.table.footerRows).toBe(1);
  });
});

describe("title measures as forms write them", () => {
  it.each([
    "单位（亿元）",
    "单位(亿元)",
    "（亿元）",
    "单位/亿元",
    "单位—亿元",
    "金额：亿元",
    "达州市情况表（亿元）",
  ])("%s: 0.03 亿元 is 300 万元", (field) =>
    expectRows(
      `达州市2020年三季度科技创新主要指标完成情况表,,,\n填报单位（盖章）：渠县科技局,,${field},\n序号,指标名称,年度目标,1-9月累计\n1,技术合同登记额,0.06,0.03\n`,
      [row("2020Q3", "quxian", "tech_contract_value", 300)],
    ),
  );
});

describe("more column names and spellings", () => {
  it.each(["单位名称", "区县名称", "地区名称", "县市区", "区（县、市）"])("a %s column names the unit", (h) =>
    expectRows(`报告期：2020Q3\n${h},关键技术攻关项目\n通川区,5\n`, [
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
    ]),
  );

  it.each(["项目名称", "主要指标", "指标项", "考核指标"])("a %s column names the indicator", (h) =>
    expectRows(`报告期：2020Q3\n填报单位：通川区\n${h},累计完成\n关键技术攻关项目,5\n`, [
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
    ]),
  );

  it.each(["本期末", "本年实际"])("%s is a value column", (h) =>
    expectRows(`报告期：2020Q3\n填报单位：通川区\n指标名称,${h}\n高新技术企业,9\n`, [
      row("2020Q3", "tongchuan", "hitech_enterprises", 9),
    ]),
  );

  it.each(["全年预计", "预计全年", "预测"])("a %s column is never the value", (h) =>
    expectRows(`报告期：2020Q3\n填报单位：通川区\n指标名称,累计完成,${h}\n技术合同登记额,300,800\n`, [
      row("2020Q3", "tongchuan", "tech_contract_value", 300),
    ]),
  );

  it("通川区（含高新区） is not read as 通川区: refused, naming it", () =>
    expectRefused("报告期,填报单位,关键技术攻关项目\n2020Q3,通川区（含高新区）,5\n", ["通川区（含高新区）"]));

  it("a 计量单位 cell of 万元人民币 is 万元", () =>
    expectRows(
      "报告期：2020Q3\n填报单位：通川区\n指标名称,计量单位,累计完成\n高新技术产业主营业务收入,万元人民币,265000\n",
      [row("2020Q3", "tongchuan", "hitech_industry_revenue", 26.5)],
    ));
});

describe("a long row's indicator with a qualifier in brackets", () => {
  it.each([
    "技术合同登记额（目标）",
    "技术合同登记额（上年同期）",
    "技术合同登记额（预计）",
    "技术合同登记额（同比）",
    "技术合同登记额（增长%）",
  ])("%s is no figure: the row is not read", async (name) => {
    const r = await imported(
      `填报单位：渠县\n报告期：2020年1-9月\n指标名称,累计\n技术合同登记额,300\n${name},12\n`,
      [row("2020Q3", "quxian", "tech_contract_value", 300)],
    );
    expect(r.outcome.table.qualifiedRows).toBe(1);
  });

  it.each(["高新技术企业（新培育）", "高新技术企业（新认定）"])(
    "%s cannot be placed: refused, naming it",
    (name) => expectRefused(`填报单位：渠县\n报告期：2020年1-9月\n指标名称,累计\n${name},12\n`, [name]),
  );

  it("高新技术企业(本年新增) is an increment of a stock: refused", () =>
    expectRefused("填报单位：渠县\n报告期：2020年1-9月\n指标名称,累计\n高新技术企业(本年新增),12\n", [
      "新增",
    ]));

  it("技术合同登记额（累计） is the year-to-date figure", () =>
    expectRows("填报单位：渠县\n报告期：2020年1-9月\n指标名称,数值\n技术合同登记额（累计）,300\n", [
      row("2020Q3", "quxian", "tech_contract_value", 300),
    ]));
});

describe("全市合计 is a total row everywhere: no longer a name of 全市", () => {
  it("the plan's 全市 has no alias 全市合计", async () => {
    const db = await freshDb();
    expect(db.prepare("SELECT alias FROM unit_aliases WHERE unit_code = 'city'").pluck().all()).toEqual([
      "达州市",
    ]);
    db.close();
  });
});

describe("vertically merged cells: a period or unit written once per block", () => {
  it("a long sheet: the unit and period on the first row of each block", () =>
    expectRows(
      "报告期,填报单位,指标,数值\n2020Q3,通川区,关键技术攻关项目,5\n,,技术合同登记额,820\n2020Q3,达川区,关键技术攻关项目,4\n,,技术合同登记额,640\n",
      [
        row("2020Q3", "dachuan", "key_tech_projects", 4),
        row("2020Q3", "dachuan", "tech_contract_value", 640),
        row("2020Q3", "tongchuan", "key_tech_projects", 5),
        row("2020Q3", "tongchuan", "tech_contract_value", 820),
      ],
    ));

  it("a wide sheet: a unit over its quarters", () =>
    expectRows("填报单位,报告期,关键技术攻关项目\n通川区,2020Q2,3\n,2020Q3,5\n", [
      row("2020Q2", "tongchuan", "key_tech_projects", 3),
      row("2020Q3", "tongchuan", "key_tech_projects", 5),
    ]));

  it("a blank unit that would repeat the row above with another value is refused, not merged", () =>
    expectRefused("报告期,填报单位,关键技术攻关项目\n2020Q3,通川区,5\n2020Q3,,4\n", ["第 2 行"]));

  it("a blank period before any row gave one is still refused", () =>
    expectRefused("报告期,填报单位,指标,数值\n,通川区,关键技术攻关项目,5\n", ["报告期"]));
});
