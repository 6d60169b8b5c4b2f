/**
 * `targets import` refuses what would store a wrong target with exit 0: a file whose title states
 * another year than the plan's, a target of 0, a rate written as a fraction, a target out of the
 * indicator's range; a weight conflict is located at the 考核权重 column. The success line names the
 * plan year and lists what changed (new, updated, weight changes), units by name; a rolled-back file
 * notes no 层层加码.
 * The 2020 plan (seeds/plan-2020.json): 科技进步贡献率 58 % (rate), 技术合同登记额 5,600 万元,
 * 关键技术攻关项目 30 项, 高新技术企业 70 家.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, tempDir } from "../helpers.js";
import { type MainResult, runMain } from "../support/main.js";

let dir: ReturnType<typeof tempDir>;
let db: string;

const run = (...argv: string[]): Promise<MainResult> =>
  runMain(["--db", db, ...argv], {
    PATH: process.env.PATH,
    HOME: dir.dir,
    NO_COLOR: "1",
    DZKJ_NOW: "2020-03-01T02:00:00Z",
  });
const file = (name: string, ...lines: string[]) => {
  const f = join(dir.dir, name);
  writeFileSync(f, `${lines.join("\n")}\n`);
  return f;
};
const stored = async () => JSON.parse((await run("targets", "--format", "json")).stdout).targets;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.dir, "t.db");
  await createDatabase(db);
});
afterAll(() => dir.cleanup());

describe("targets import refuses an implausible target, naming line, column and value", () => {
  it.each([
    // 0.58 where the city target is 58 %: a fraction meant as 58
    ["rate as a fraction", "大竹县,科技进步贡献率,0.58", "3: 目标: 0.58", "百分比请写成 58（58% 请写 58"],
    // 1 % where the city's is 58 %: ≤ 1 is refused too
    ["rate of 1", "大竹县,科技进步贡献率,1", "3: 目标: 1", "百分比请写成 100"],
    ["rate over 100", "大竹县,科技进步贡献率,177", "3: 目标: 177", "58% 请写 58"],
    ["zero", "开江县,技术合同登记额,0", "3: 目标: 0", "没有分解任务的单位请把这一格留空"],
    ["zero with a measure", "开江县,技术合同登记额,0万元", "3: 目标: 0万元", "留空"],
    ["a fraction of a count", "开江县,关键技术攻关项目,2.5", "3: 目标: 2.5", "2.5"],
  ])("%s", async (_case, row, where, hint) => {
    const f = file("bad.csv", "单位,指标,目标", "通川区,关键技术攻关项目,5", row);
    const r = await run("targets", "import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`bad.csv:${where}`);
    expect(r.stderr).toContain(hint);
    expect(await stored()).toEqual([]);
  });

  it("a rate target of 58 is stored", async () => {
    const f = file("ok-rate.csv", "单位,指标,目标", "大竹县,科技进步贡献率,58");
    const r = await run("targets", "import", "--dry-run", f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("新增 1");
  });

  it("en: the same refusals in English", async () => {
    const f = file("bad-en.csv", "单位,指标,目标", "大竹县,科技进步贡献率,0.58", "开江县,技术合同登记额,0");
    const r = await run("--lang", "en", "targets", "import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("write the percentage as 58 (58% as 58, not 0.58)");
    expect(r.stderr).toContain(
      "the target of Registered technology contract value is 0: leave the cell blank",
    );
  });
});

describe("a title stating another year than the plan's", () => {
  it.each([
    ["2021年达州市科技创新目标任务分解表", "2021"],
    ["２０１９年目标任务分解", "2019"],
    ["达州市2021 年度目标", "2021"],
  ])("%s is refused for the 2020 plan", async (title, stated) => {
    const f = file("other-year.csv", title, "单位,指标,目标", "渠县,关键技术攻关项目,9");
    const r = await run("targets", "import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`文件标题写的是 ${stated} 年，而要导入的是 2020 年工作要点的单位目标`);
    expect(await stored()).toEqual([]);
  });

  it.each([["制表日期：2019年12月20日"], ["2019年12月20日"]])(
    "a date of filling in (%s) is not a year the targets are for",
    async (date) => {
      const f = file("dated.csv", "目标任务分解表", date, "单位,指标,目标", "渠县,关键技术攻关项目,9");
      const r = await run("targets", "import", "--dry-run", f);
      expect(r.code, r.stderr).toBe(0);
    },
  );

  it("a 2020 title is the plan's year: imported, and the success line names the year", async () => {
    const f = file(
      "same-year.csv",
      "2020年达州市科技创新目标任务分解表",
      "单位,指标,目标",
      "渠县,关键技术攻关项目,9",
    );
    const r = await run("targets", "import", "--dry-run", f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("same-year.csv: 2020 年单位目标；");
    const en = await run("--lang", "en", "targets", "import", "--dry-run", f);
    expect(en.stdout).toContain("same-year.csv: unit targets 2020;");
  });
});

describe("what changed is listed, units by name, new and updated targets and weight changes", () => {
  it("new, then updated and a weight given later", async () => {
    const first = file(
      "t1.csv",
      "单位,指标,目标,考核权重",
      "渠县,关键技术攻关项目,4,",
      "通川区,关键技术攻关项目,10,",
    );
    const a = await run("targets", "import", first);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain("  第 2 行 渠县 关键技术攻关项目: 新增 4");
    expect(a.stdout).toContain("  第 3 行 通川区 关键技术攻关项目: 新增 10");
    // 渠县 4 → 9 with weight 2; 通川区 keeps 10, its weight becomes 2 (one weight per indicator)
    const second = file("t2.csv", "单位,指标,目标,考核权重", "渠县,关键技术攻关项目,9,2");
    const b = await run("targets", "import", second);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain("  第 2 行 渠县 关键技术攻关项目: 4 → 9（考核权重 2）");
    expect(b.stdout).toContain("  第 2 行 通川区 关键技术攻关项目: 考核权重 1 → 2");
    // 1 new line of the file + 1 weight change of another unit's target
    expect(b.stdout).toContain("新增 0，更新 2");
  });

  it("a weight conflict names the 考核权重 column", async () => {
    const f = file(
      "w.csv",
      "单位,指标,目标,考核权重",
      "渠县,关键技术攻关项目,4,2",
      "通川区,关键技术攻关项目,10,3",
    );
    const r = await run("targets", "import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("w.csv:3: 考核权重: 3 — 关键技术攻关项目 的考核权重在第 2 行是 2，这里是 3");
  });

  it("--all-or-nothing: a file rolled back notes no 层层加码 of targets never stored", async () => {
    // 渠县 20 + 通川区 20 = 40 > 30 would be 层层加码; the second file is refused, so both roll back
    const over = file("over.csv", "单位,指标,目标", "渠县,关键技术攻关项目,20", "通川区,关键技术攻关项目,20");
    const bad = file("bad2.csv", "单位,指标,目标", "渠县,技术合同登记额,十");
    const r = await run("targets", "import", "--all-or-nothing", over, bad);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("层层加码");
    expect(r.stdout).toContain("已整体回滚");
  });
});

describe("report --unit speaks the city's words, year-end ones included", () => {
  it("at Q4: 完成, 未完成 (final), 暂定未完成 (no Q4 figure)", async () => {
    // 通川区's own targets: 关键技术攻关项目 5, 技术合同登记额 1,000 万元, 科技进步贡献率 60 %
    const t = file(
      "tc.csv",
      "单位,指标,目标",
      "通川区,关键技术攻关项目,5",
      "通川区,技术合同登记额,1000",
      "通川区,科技进步贡献率,60",
    );
    expect((await run("targets", "import", t)).code).toBe(0);
    const v = file(
      "tc-values.csv",
      "报告期,填报单位,指标,数值",
      // 6 ≥ 5 with a Q4 figure: 完成
      "2020Q4,通川区,关键技术攻关项目,6",
      // 500 < 1,000 and no Q4 figure: provisional, 暂定未完成
      "2020Q3,通川区,技术合同登记额,500",
      // 59 < 60 on a Q4 figure: final, 未完成
      "2020Q4,通川区,科技进步贡献率,59",
    );
    expect((await run("import", v)).code).toBe(0);
    const r = await run("report", "--unit", "通川区", "--as-of", "2020Q4", "--width", "250");
    expect(r.code, r.stderr).toBe(0);
    const row = (name: string) => r.stdout.split("\n").find((l) => l.startsWith(name)) ?? "";
    expect(row("关键技术攻关项目")).toMatch(/\| 完成 +\|/);
    expect(row("技术合同登记额")).toMatch(/\| 暂定未完成 +\|/);
    expect(row("科技进步贡献率")).toMatch(/\| 未完成 +\|/);
    for (const name of ["关键技术攻关项目", "技术合同登记额", "科技进步贡献率"])
      expect(row(name)).not.toMatch(/滞后|已完成/);
  });

  it("at Q3 the annual 科技进步贡献率 is 待年度统计 in report --by unit, rank and completeness alike", async () => {
    // 通川区's 2019Q4 level 57 of its own 60: 95 %, but the indicator is annual, not due before Q4
    const v = file("tc-base.csv", "报告期,填报单位,指标,数值", "2019Q4,通川区,科技进步贡献率,57");
    expect((await run("import", v)).code).toBe(0);
    const by = await run("report", "--by", "unit", "--as-of", "2020Q3", "--width", "250");
    const line = by.stdout.split("\n").find((l) => l.startsWith("科技进步贡献率")) ?? "";
    expect(line).toContain("57 (待年度统计)");
    expect(line).not.toContain("95.0%");
    const rank = JSON.parse((await run("rank", "--as-of", "2020Q3", "--format", "json")).stdout);
    const rate = rank.indicators.find(
      (i: { indicator: string }) => i.indicator === "st_progress_contribution",
    );
    expect(rate.due).toBe(false);
    expect(rate.entries).toEqual([
      expect.objectContaining({ unit: "tongchuan", rank: null, score: null, status: "pending" }),
    ]);
    // 通川区's composite at Q3: 关键技术攻关项目 (target 5, weight 2 from the earlier file) has no
    // Q1–Q3 figure: 0, 未报送; 技术合同登记额 500 of 1,000 = 0.5 (weight 1); the rate is left out
    // (pending 1) → (2 × 0 + 1 × 0.5) ÷ 3 = 1/6. 渠县: only 关键技术攻关项目 (9), not reported → 0
    expect(rank.composite).toHaveLength(2);
    expect(rank.composite[0]).toMatchObject({
      unit: "tongchuan",
      rank: 1,
      indicators: 2,
      missing: 1,
      pending: 1,
    });
    expect(rank.composite[0].score).toBeCloseTo(1 / 6, 12);
    expect(rank.composite[1]).toEqual({
      unit: "quxian",
      rank: 2,
      score: 0,
      indicators: 1,
      missing: 1,
      pending: 0,
    });
    const c = JSON.parse((await run("completeness", "--period", "2020Q3", "--format", "json")).stdout);
    const tc = c.units.find((u: { code: string }) => u.code === "tongchuan");
    expect(tc.periods[0].expected).toEqual(["key_tech_projects", "tech_contract_value"]);
  });
});

describe("imports show of a targets batch lists its changes", () => {
  it("table, JSON and CSV: new targets and a weight change, units by name", async () => {
    const a = file("s1.csv", "单位,指标,目标", "渠县,高新技术企业,6", "通川区,高新技术企业,16");
    const first = await run("targets", "import", a, "--format", "json");
    const id1 = JSON.parse(first.stdout)[0].batchId as number;
    // 渠县 6 → 7 with weight 2: 通川区's 16 takes weight 2 too (one weight per indicator)
    const b = file("s2.csv", "单位,指标,目标,考核权重", "渠县,高新技术企业,7,2");
    const second = await run("targets", "import", b, "--format", "json");
    const id2 = JSON.parse(second.stdout)[0].batchId as number;
    const t1 = await run("imports", "show", String(id1));
    expect(t1.stdout).toContain("2 项修改");
    expect(t1.stdout).not.toContain("没有修改任何数值");
    expect(t1.stdout).toMatch(
      new RegExp(`渠县 +\\| 高新技术企业 +\\| +\\| +6 \\| +\\| +1 \\| 已被 #${id2} 取代`),
    );
    const j = JSON.parse((await run("imports", "show", String(id2), "--format", "json")).stdout);
    expect(j.changes).toEqual([]);
    expect(j.targets).toEqual([
      {
        year: 2020,
        indicator: "hitech_enterprises",
        unit: "quxian",
        old: { target: 6, weight: null, batchId: id1 },
        new: { target: 7, weight: 2 },
        laterBatch: null,
      },
      {
        year: 2020,
        indicator: "hitech_enterprises",
        unit: "tongchuan",
        old: { target: 16, weight: null, batchId: id1 },
        new: { target: 16, weight: 2 },
        laterBatch: null,
      },
    ]);
    const csv = await run("imports", "show", String(id2), "--format", "csv", "--no-bom");
    expect(csv.stdout).toContain("通川区,高新技术企业,16,16,1,2,");
    const en = await run("--lang", "en", "imports", "show", String(id2));
    expect(en.stdout).toContain("New weight");
  });
});

describe("--lang en: targets messages wholly in English", () => {
  it("split, 全市 row and duplicate warnings name the indicator, unit and measure in English", async () => {
    // 高新技术企业 city target 70 家: 渠县 6 + 通川区 16 = 22, short by 48; the 全市 row says 63
    const f = file(
      "en.csv",
      "单位,指标,目标",
      "渠县,高新技术企业,6",
      "通川区,高新技术企业,16",
      "全市,高新技术企业,63",
    );
    const r = await run("--lang", "en", "targets", "import", "--dry-run", f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "split short: the units' targets of High-tech enterprises add up to 22 firms, below the city target 70; short by 48",
    );
    expect(r.stderr).toContain("differs from the plan's city target 70 firms");
    expect(r.stderr).not.toMatch(/家|高新技术企业 /);
    const dup = file("dup.csv", "单位,指标,目标", "渠县,高新技术企业,6", "渠县,高新技术企业,7");
    const d = await run("--lang", "en", "targets", "import", dup);
    expect(d.stderr).toContain("Qu County's target for High-tech enterprises was already given on line 2");
  });
});

describe("a targets file's footer is skipped, as a progress file's is", () => {
  it("注： and its numbered notes, and 填表人 under a wide sheet's 考核权重 row", async () => {
    const f = file(
      "footer.csv",
      "单位,关键技术攻关项目,技术合同登记额",
      "渠县,8,1200",
      "通川区,7,900",
      "考核权重,2,1",
      "注：技术合同登记额以省技术市场登记为准。",
      "2.关键技术攻关项目为约束性指标。",
      "填表人：张三,,",
    );
    const r = await run("targets", "import", "--dry-run", "--format", "json", f);
    expect(r.code, r.stderr).toBe(0);
    const [out] = JSON.parse(r.stdout);
    // 3 rows read (2 units and the 考核权重 row): 2 × 2 targets; the 3 footer rows are not read
    // (earlier tests of this file stored some of them: new, updated or unchanged, 4 in all)
    expect(out).toMatchObject({ rowsRead: 3, rejected: 0, problems: [] });
    expect(out.inserted + out.updated + out.unchanged).toBe(4);
  });
});

describe("a 合计 row is checked against its unit rows, a 全市 row against the plan", () => {
  it.each([
    // 8 + 7 = 15: the 合计 row agrees, nothing to say
    ["合计 agrees", "合计,关键技术攻关项目,15", null],
    // 8 + 7 = 15, not 16
    [
      "合计 disagrees",
      "合计,关键技术攻关项目,16",
      "关键技术攻关项目 的合计行为 16，而本表 2 个单位的目标之和为 15 项",
    ],
    // the plan's city target is 30
    [
      "全市 differs from the plan",
      "全市,关键技术攻关项目,29",
      "关键技术攻关项目 的全市目标 29 与工作要点中的全市目标 30 项 不同",
    ],
  ])("%s", async (_case, totalRow, warning) => {
    const f = file(
      `total-${_case}.csv`,
      "单位,指标,目标",
      "渠县,关键技术攻关项目,8",
      "通川区,关键技术攻关项目,7",
      totalRow,
    );
    const r = await run("targets", "import", "--dry-run", f);
    expect(r.code, r.stderr).toBe(0);
    if (warning === null) expect(r.stderr).not.toMatch(/合计行|全市目标 \d+ 与/);
    else expect(r.stderr).toContain(warning);
  });
});

describe("分解不足 is about the stored targets, not a cell", () => {
  it("is located at the file alone, not at its header's row", async () => {
    const f = file("short.csv", "单位,指标,目标", "渠县,关键技术攻关项目,8");
    const r = await run("targets", "import", "--dry-run", f);
    expect(r.code, r.stderr).toBe(0);
    // 8 of the city's 30: short by 22, said of short.csv, with no line
    expect(r.stderr).toMatch(
      /short\.csv: 提醒: 分解不足：关键技术攻关项目 各单位目标合计 \d+，低于全市目标 30/,
    );
  });
});
