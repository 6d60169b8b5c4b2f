/**
 * End to end, in-process: the 2020 targets split over three units, four quarters of their
 * figures arriving on time or late, then `targets`, `report --unit`, `report --by unit`, `rank`
 * and `completeness` in zh, en and JSON, and the targets batch undone. Every figure by hand below.
 *
 * Targets (金额单位：万元 in the title block; 0.12亿元 is 1,200 万元):
 *   关键技术攻关项目 (flow, city 30): 渠县 8 (考核权重 2, so every unit's weight is 2), 通川区 10, 达川区 6
 *     → 8 + 10 + 6 = 24 < 30: 分解不足 by 6 项
 *   技术合同登记额 (flow, city 5,600 万元): 渠县 1,200, 通川区 1,500, 达川区 1,000
 *     → 3,700 < 5,600: 分解不足 by 1,900 万元
 *   高新技术企业 (stock, city 70): 渠县 40, 通川区 35 → 75 > 70: 层层加码 by 5 家 (noted only)
 * Values (累计): 2019Q4 高新技术企业 渠县 30, 通川区 28; then by quarter
 *   渠县   key_tech 2, 4, 6, 8;  tech_contract 300, 700, 900, 1300;  hitech Q2 33, Q4 41
 *   通川区 key_tech 3, 5, 8, 9;  tech_contract 200, 600, 1000, 1400; hitech Q3 31
 *   达川区 key_tech 1, 3, 3, 6;  no tech_contract at all
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, ROOT, tempDir } from "../helpers.js";
import { type MainResult, runMain } from "../support/main.js";

let dir: ReturnType<typeof tempDir>;
let db: string;
let targetsFile: string;

/** Runs main in-process at the time `now` (the import's batch time). */
function runAt(now: string, ...argv: string[]): Promise<MainResult> {
  return runMain(["--db", db, ...argv], {
    PATH: process.env.PATH,
    HOME: dir.dir,
    NO_COLOR: "1",
    DZKJ_NOW: now,
  });
}
const run = (...argv: string[]) => runAt("2021-01-15T02:00:00Z", ...argv);

const TARGETS = [
  "2020年科技创新目标任务分解表",
  "金额单位：万元",
  "单位,指标,目标,考核权重",
  "渠县,关键技术攻关项目,8,2",
  "通川区,关键技术攻关项目,10,",
  "达川区,关键技术攻关项目,6,",
  "渠县,技术合同登记额,0.12亿元,",
  "通川区,技术合同登记额,1500,",
  "达川区,技术合同登记额,1000,",
  "渠县,高新技术企业,40,",
  "通川区,高新技术企业,35,",
  "",
].join("\n");

/** Last year's 技术合同登记额 of 全市, year to date (2019Q4 = the whole year). */
const LAST_YEAR = [
  "报告期,填报单位,指标,数值",
  "2019Q1,全市,技术合同登记额,1000",
  "2019Q2,全市,技术合同登记额,2000",
  "2019Q3,全市,技术合同登记额,3000",
  "2019Q4,全市,技术合同登记额,4800",
  // a flow's 2019Q4 is last year's total, never a baseline: 万源市 sends nothing in 2020
  "2019Q4,万源市,关键技术攻关项目,7",
  "",
].join("\n");

/** The values as `2020Q1,渠县,关键技术攻关项目,2` rows (see the head comment). */
const ROWS = [
  "2019Q4,渠县,高新技术企业,30",
  "2019Q4,通川区,高新技术企业,28",
  ...[
    ["渠县", "关键技术攻关项目", [2, 4, 6, 8]],
    ["通川区", "关键技术攻关项目", [3, 5, 8, 9]],
    ["达川区", "关键技术攻关项目", [1, 3, 3, 6]],
    ["渠县", "技术合同登记额", [300, 700, 900, 1300]],
    ["通川区", "技术合同登记额", [200, 600, 1000, 1400]],
  ].flatMap(([unit, ind, vs]) => (vs as number[]).map((v, i) => `2020Q${i + 1},${unit},${ind},${v}`)),
  "2020Q2,渠县,高新技术企业,33",
  "2020Q4,渠县,高新技术企业,41",
  "2020Q3,通川区,高新技术企业,31",
];

/*
 * When each file arrives (the deadline is the quarter's last day + 10 local calendar days; the
 * clock runs at +08:00, Asia/Shanghai):
 *   Q1 (with the baselines), everyone: 2020-04-10T15:59Z = 04-10 23:59 local, the deadline day → 按时
 *   Q2 渠县, 通川区: 2020-07-10T15:00Z = 07-10 23:00 → 按时; 达川区: 2020-07-10T16:00Z = 07-11 00:00 → 逾期 1 天
 *   Q3 渠县, 通川区: 2020-10-09T02:00Z → 按时; 达川区: 2020-10-12T02:00Z = 10-12 10:00 → 逾期 2 天
 *   Q4 everyone: 2021-01-08T02:00Z → 按时 (deadline 2021-01-10)
 */
const ARRIVALS: [string, (row: string) => boolean][] = [
  ["2020-04-10T15:59:00Z", (r) => r.startsWith("2019Q4") || r.startsWith("2020Q1")],
  ["2020-07-10T15:00:00Z", (r) => r.startsWith("2020Q2") && !r.includes("达川区")],
  ["2020-07-10T16:00:00Z", (r) => r.startsWith("2020Q2") && r.includes("达川区")],
  ["2020-10-09T02:00:00Z", (r) => r.startsWith("2020Q3") && !r.includes("达川区")],
  ["2020-10-12T02:00:00Z", (r) => r.startsWith("2020Q3") && r.includes("达川区")],
  ["2021-01-08T02:00:00Z", (r) => r.startsWith("2020Q4")],
];

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.dir, "t.db");
  await createDatabase(db);
  targetsFile = join(dir.dir, "目标分解.csv");
  writeFileSync(targetsFile, TARGETS);
  process.env.TZ = "Asia/Shanghai";
  // last year's figures, without a 2019 plan (同比)
  const last = join(dir.dir, "2019.csv");
  writeFileSync(last, LAST_YEAR);
  const l = await runAt("2020-03-01T02:00:00Z", "import", last);
  expect(l.code, l.stderr).toBe(0);
  let n = 0;
  for (const [now, pick] of ARRIVALS) {
    const file = join(dir.dir, `values-${++n}.csv`);
    writeFileSync(file, ["报告期,填报单位,指标,数值", ...ROWS.filter(pick), ""].join("\n"));
    const r = await runAt(now, "import", file);
    expect(r.code, r.stderr).toBe(0);
  }
});
const tz = process.env.TZ;
afterAll(() => {
  dir.cleanup();
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe("targets import", () => {
  it("a bad cell refuses the whole file, naming line, column and value; nothing is stored", async () => {
    const bad = join(dir.dir, "bad.csv");
    writeFileSync(bad, TARGETS.replace("通川区,关键技术攻关项目,10,", "通川区,关键技术攻关项目,十,"));
    const r = await run("targets", "import", bad);
    expect(r.code).toBe(1);
    // line 5: the title row, 金额单位 and the header come first
    expect(r.stderr).toContain("bad.csv:5: 目标: 十");
    const list = await run("targets", "--format", "json");
    expect(JSON.parse(list.stdout).targets).toEqual([]);
  });

  it("stores the targets in the indicator's unit and warns of 分解不足; 层层加码 is only noted", async () => {
    const r = await run("targets", "import", targetsFile);
    expect(r.code, r.stderr).toBe(0);
    // 8 targets, 3 rows above the header
    expect(r.stdout).toContain("读取 8 行，跳过标题行 2，新增 8");
    expect(r.stderr).toContain("分解不足：关键技术攻关项目 各单位目标合计 24，低于全市目标 30，缺口 6 项");
    expect(r.stderr).toContain(
      "分解不足：技术合同登记额 各单位目标合计 3700，低于全市目标 5600，缺口 1900 万元",
    );
    expect(r.stdout).toContain("层层加码：高新技术企业 各单位目标合计 75，高于全市目标 70（多 5 家）");
    const j = JSON.parse((await run("targets", "--unit", "渠县", "--format", "json")).stdout);
    expect(j.targets).toEqual([
      { indicator: "key_tech_projects", unit: "quxian", target: 8, measure: "项", weight: 2 },
      { indicator: "hitech_enterprises", unit: "quxian", target: 40, measure: "家", weight: null },
      { indicator: "tech_contract_value", unit: "quxian", target: 1200, measure: "万元", weight: null },
    ]);
    // the weight given on one row is the indicator's: 通川区 and 达川区 weigh 2 too
    const all = JSON.parse((await run("targets", "--format", "json")).stdout);
    expect(
      all.targets
        .filter((t: { indicator: string }) => t.indicator === "key_tech_projects")
        .map((t: { weight: number }) => t.weight),
    ).toEqual([2, 2, 2]);
    const en = await run("--lang", "en", "targets");
    expect(en.stdout).toContain(
      "split short: the units' targets of Key technology research projects add up to 24",
    );
  });
});

describe("template --targets", () => {
  it("the fill-in sheet holds the stored targets and imports back unchanged", async () => {
    const file = join(dir.dir, "渠县-目标.csv");
    const r = await run("template", "--targets", "--unit", "渠县", "-o", file);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("\uFEFF填报单位,指标代码,指标名称,计量单位,目标,考核权重\r\n")).toBe(true);
    expect(text).toContain("渠县,key_tech_projects,关键技术攻关项目,项,8,2\r\n");
    expect(text).toContain("渠县,tech_contract_value,技术合同登记额,万元,1200,\r\n");
    expect(text).toContain("渠县,st_transfer_projects,科技成果转化项目,项,,\r\n");
    const back = await run("targets", "import", file);
    expect(back.code, back.stderr).toBe(0);
    // 23 indicators, 3 with a target: 3 unchanged, 20 blank
    expect(back.stdout).toContain("读取 23 行，跳过标题行 0，新增 0，更新 0，未变 3，空白 20");
  });

  it("is refused as a workbook, and no file is written", async () => {
    const file = join(dir.dir, "渠县-目标.xlsx");
    const r = await run("template", "--targets", "--unit", "渠县", "-o", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("单位目标填报表只能写成 CSV");
    expect(existsSync(file)).toBe(false);
  });
});

describe("report --unit against the unit's own target", () => {
  it("at 2020Q2, in JSON: flow on pace, stock behind from the unit's own baseline", async () => {
    const r = await run("report", "--unit", "渠县", "--as-of", "2020Q2", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const own = (code: string) =>
      JSON.parse(r.stdout).indicators.find((i: { code: string }) => i.code === code).own;
    // key_tech: 4 of 8; expected 8 × 2/4 = 4 → on track; gap 4; forecast 4 ÷ 0.5 = 8
    expect(own("key_tech_projects")).toEqual({
      target: 8,
      baseline: null,
      actual: 4,
      gap: 4,
      completion: 0.5,
      expected: 4,
      status: "on_track",
      forecast: 8,
      final: false,
      reported: true,
    });
    // tech_contract: 700 of 1,200; expected 600 → on track; gap 500; forecast 1,400
    expect(own("tech_contract_value")).toMatchObject({
      actual: 700,
      expected: 600,
      gap: 500,
      forecast: 1400,
    });
    expect(own("tech_contract_value").status).toBe("on_track");
    // hitech (stock): baseline 30, 33 of 40; expected 30 + 10 × 0.5 = 35 → behind; forecast 30 + 3 ÷ 0.5 = 36
    expect(own("hitech_enterprises")).toMatchObject({
      baseline: 30,
      actual: 33,
      expected: 35,
      gap: 7,
      completion: 33 / 40,
      status: "behind",
      forecast: 36,
    });
    // an indicator without a unit target has none
    expect(own("st_transfer_projects")).toBeNull();
  });

  it("at year end in the table, zh and en: met and final on Q4 figures", async () => {
    const zh = await run("report", "--unit", "渠县", "--width", "250");
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain("本单位目标");
    // at Q4 the city's year-end words: 技术合同登记额 1,300 of 1,200 = 108.3%, 完成 (final: a Q4 figure)
    expect(zh.stdout).toMatch(/技术合同登记额[^\n]*1,200[^\n]*108\.3%[^\n]*\| 完成 \|/);
    // 高新技术企业: 41 of 40 = 102.5%
    expect(zh.stdout).toMatch(/高新技术企业[^\n]*102\.5%[^\n]*\| 完成 \|/);
    const en = await run("--lang", "en", "report", "--unit", "渠县", "--width", "250");
    expect(en.stdout).toContain("Own target");
    expect(en.stdout).toMatch(/Registered technology contract value[^\n]*108\.3%[^\n]*met/);
  });

  it("report --by unit: each unit's completion of its own target beside its figure", async () => {
    const r = await run("report", "--by", "unit", "--as-of", "2020Q3", "--width", "250");
    expect(r.code, r.stderr).toBe(0);
    // 通川区 key_tech 8 of 10 = 80.0%; 渠县 6 of 8 = 75.0%; 达川区 3 of 6 = 50.0%
    expect(r.stdout).toMatch(/关键技术攻关项目[^\n]*8 \(80\.0%\)[^\n]*3 \(50\.0%\)[^\n]*6 \(75\.0%\)/);
    const j = JSON.parse((await run("report", "--as-of", "2020Q3", "--format", "json")).stdout);
    const kt = j.indicators.find((i: { code: string }) => i.code === "key_tech_projects");
    expect(Object.keys(kt.unitTargets).sort()).toEqual(["dachuan", "quxian", "tongchuan"]);
    expect(kt.unitTargets.dachuan).toMatchObject({ target: 6, actual: 3, completion: 0.5 });
  });
});

describe("rank", () => {
  /*
   * At 2020Q3. Per indicator (uncapped completion):
   *   关键技术攻关项目 (weight 2): 通川区 8/10 = 0.8 (1), 渠县 6/8 = 0.75 (2), 达川区 3/6 = 0.5 (3)
   *   高新技术企业: 通川区 31/35 = 0.885714… (1), 渠县 33/40 = 0.825 (2, carried from Q2)
   *   技术合同登记额: 渠县 900/1,200 = 0.75 (1), 通川区 1,000/1,500 = 0.6667 (2), 达川区 未报送 0 (3)
   * Composite Σ w·min(c, 1) ÷ Σ w:
   *   通川区 (2 × 0.8 + 0.885714 + 0.666667) ÷ 4 = 3.152381 ÷ 4 = 0.788095 → 78.8 % (1)
   *   渠县   (2 × 0.75 + 0.825 + 0.75) ÷ 4 = 3.075 ÷ 4 = 0.76875 → 76.9 % (2)
   *   达川区 (2 × 0.5 + 0) ÷ 3 = 0.333333 → 33.3 % (3), 1 of 2 not reported
   */
  it("JSON", async () => {
    const r = await run("rank", "--as-of", "2020Q3", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.asOf).toBe("2020Q3");
    expect(
      j.composite.map((c: { unit: string; rank: number; missing: number }) => [c.unit, c.rank, c.missing]),
    ).toEqual([
      ["tongchuan", 1, 0],
      ["quxian", 2, 0],
      ["dachuan", 3, 1],
    ]);
    expect(j.composite[0].score).toBeCloseTo((2 * 0.8 + 31 / 35 + 1000 / 1500) / 4, 12);
    expect(j.composite[1].score).toBeCloseTo(0.76875, 12);
    expect(j.composite[2].score).toBeCloseTo(1 / 3, 12);
    const tc = j.indicators.find((i: { indicator: string }) => i.indicator === "tech_contract_value");
    expect(
      tc.entries.map((e: { unit: string; rank: number; reported: boolean }) => [e.unit, e.rank, e.reported]),
    ).toEqual([
      ["quxian", 1, true],
      ["tongchuan", 2, true],
      ["dachuan", 3, false],
    ]);
  });

  it("zh table and en markdown short enough for a chat group", async () => {
    const zh = await run("rank", "--as-of", "2020Q3", "--width", "120");
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/1 \| 通川区[^\n]*78\.8%/);
    expect(zh.stdout).toMatch(/2 \| 渠县[^\n]*76\.9%/);
    expect(zh.stdout).toMatch(/3 \| 达川区[^\n]*33\.3%[^\n]*1\/2 项/);
    expect(zh.stdout).toMatch(/3 \| 达川区[^\n]*未报送/);
    const md = await run(
      "--lang",
      "en",
      "rank",
      "--as-of",
      "2020Q3",
      "--indicator",
      "技术合同登记额",
      "--format",
      "markdown",
    );
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/\|\s+3 \| Dachuan District\s+\|\s+1,000 \|\s+— \|\s+— \| not reported \|/);
    expect(md.stdout.split("\n").length).toBeLessThan(30);
  });

  it("at Q4 the status words are the report's own: 完成, 未完成, 暂定未完成, as report --unit says them", async () => {
    // 2020Q4, 通川区: 关键技术攻关项目 9 of 10 with a Q4 figure → final, missed: 未完成;
    // 高新技术企业 31 of 35, no Q4 figure → provisional, missed: 暂定未完成;
    // 技术合同登记额 1,400 of 1,500 with a Q4 figure → 未完成. 渠县 关键技术攻关项目 8 of 8 → 完成.
    const r = await run("rank", "--as-of", "2020Q4", "--format", "csv", "--no-bom");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    const status = (ind: string, unit: string) =>
      lines.find((l) => l.startsWith(`${ind},`) && l.includes(`,${unit},`))?.split(",")[10];
    expect(status("key_tech_projects", "tongchuan")).toBe("未完成");
    expect(status("hitech_enterprises", "tongchuan")).toBe("暂定未完成");
    expect(status("tech_contract_value", "tongchuan")).toBe("未完成");
    expect(status("key_tech_projects", "quxian")).toBe("完成");
    // the same words in report --unit's own-target columns
    const u = await run("report", "--unit", "通川区", "--as-of", "2020Q4", "--width", "200");
    expect(u.code, u.stderr).toBe(0);
    const row = (name: string) => u.stdout.split("\n").find((l) => l.startsWith(name)) ?? "";
    expect(row("关键技术攻关项目")).toMatch(/\|\s*未完成\s*\|/);
    expect(row("高新技术企业")).toContain("暂定未完成");
    // never the in-year word 滞后 at Q4
    expect(r.stdout).not.toContain("滞后");
  });

  it("markdown: the composite only unless --detail", async () => {
    const md = await run("rank", "--as-of", "2020Q3", "--format", "markdown");
    expect(md.stdout).toContain("## 综合得分");
    expect(md.stdout).not.toContain("## 技术合同登记额");
    expect(md.stdout).toContain("各指标排名：加 --detail");
    expect(md.stdout.split("\n").length).toBeLessThanOrEqual(30);
    const detail = await run("rank", "--as-of", "2020Q3", "--format", "markdown", "--detail");
    expect(detail.stdout).toContain("## 技术合同登记额（万元）");
  });

  it("CSV: one table read back, an indicator column, numbers as numbers, 未报送 in the 状态 column", async () => {
    const r = await run("rank", "--as-of", "2020Q3", "--format", "csv", "--no-bom");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "代码,指标,计量单位,考核权重,名次,单位代码,填报单位,目标,完成,完成率 (%),状态,未报送项数",
    );
    // one header only: 3 composite rows + 3 + 2 + 3 indicator rows
    expect(lines.filter((l) => l.startsWith("代码,"))).toHaveLength(1);
    expect(lines).toHaveLength(1 + 3 + 3 + 2 + 3);
    // 达川区's composite 33.3 %, 1 not reported; its 技术合同登记额: no figure, 状态 未报送
    expect(lines).toContain("composite,综合得分,,,3,dachuan,达川区,,,33.3,,1");
    expect(lines).toContain("tech_contract_value,技术合同登记额,万元,1,3,dachuan,达川区,1000,,,未报送,");
    // 渠县 900 of 1,200 = 75 %
    expect(lines).toContain("tech_contract_value,技术合同登记额,万元,1,1,quxian,渠县,1200,900,75,正常,");
  });
});

describe("completeness: on time, late, and short of the targeted indicators", () => {
  it("JSON: the first import decides; the deadline day itself is on time, the day after 1 day late", async () => {
    const r = await run("completeness", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.deadlineDays).toBe(10);
    const cell = (unit: string, period: string) =>
      j.units
        .find((u: { code: string }) => u.code === unit)
        .periods.find((p: { period: string }) => p.period === period);
    expect(cell("quxian", "2020Q1").timeliness).toEqual({
      deadline: "2020-04-10",
      firstReport: "2020-04-10",
      status: "on_time",
      daysLate: 0,
      overdue: false,
    });
    expect(cell("dachuan", "2020Q2").timeliness).toMatchObject({
      firstReport: "2020-07-11",
      status: "late",
      daysLate: 1,
    });
    expect(cell("dachuan", "2020Q3").timeliness).toMatchObject({
      firstReport: "2020-10-12",
      status: "late",
      daysLate: 2,
    });
    expect(cell("tongchuan", "2020Q2").timeliness.status).toBe("on_time");
    // a unit with nothing: 未报送, overdue by 2021-01-15 − 2020-04-10 = 20 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 15 = 280 days
    expect(cell("wanyuan", "2020Q1").timeliness).toMatchObject({
      status: "missing",
      overdue: true,
      daysLate: 280,
    });
    // 全市 is the city, not a reporting unit: not judged
    expect(cell("city", "2020Q1").timeliness).toBeNull();
    // sent a file ≠ sent every indicator it has a target for: 渠县 Q1 sent 2 of its 3 (no 高新技术企业)
    expect(cell("quxian", "2020Q1").indicators).toEqual(["key_tech_projects", "tech_contract_value"]);
    expect(cell("quxian", "2020Q1").expectedMissing).toEqual(["hitech_enterprises"]);
    expect(cell("quxian", "2020Q2").expectedMissing).toEqual([]);
    expect(cell("dachuan", "2020Q4").expectedMissing).toEqual(["tech_contract_value"]);
  });

  it("zh and en tables, and --check exits 3 naming who was late", async () => {
    const zh = await run("completeness", "--width", "200");
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/达川区[^\n]*1 项 . 逾期 1 天，缺目标指标 1\/2[^\n]*逾期 2 天/);
    // Q4: 3 units on time, none late, 6 of the 9 units (全市 aside) not reported; 渠县 alone sent all three of its targeted indicators
    expect(zh.stdout).toContain(
      "2020Q4：按时 3，逾期 0，未报送 6（截止 2021-01-10，季末后 10 天）；报齐本单位目标指标 1/3 个单位",
    );
    // the whole year's table names the late units of every quarter, not only Q4's (none late):
    // 达川区 1 day late at Q2 (07-11 00:00 against 07-10) and 2 days at Q3 (10-12 against 10-10)
    expect(zh.stdout).toContain("2020Q2 逾期报送：达川区（逾期 1 天）");
    expect(zh.stdout).toContain("2020Q3 逾期报送：达川区（逾期 2 天）");
    const en = await run("--lang", "en", "completeness", "--period", "2020Q2", "--width", "200");
    expect(en.stdout).toContain("2020Q2 reported late: Dachuan District (late by 1 day(s))");
    const check = await run("completeness", "--check", "--period", "2020Q3");
    expect(check.code).toBe(3);
    expect(check.stderr).toContain("达川区 2020Q3 逾期 2 天");
  });
});

describe("同比: last year's figures imported without a 2019 plan", () => {
  /*
   * 技术合同登记额: 全市 sent nothing in 2020, so the city figure is the units' sum (rule 1):
   *   Q2 700 + 600 = 1,300 of 渠县 and 通川区 only, but 2019Q2's 2,000 is 全市's own (every unit):
   *   not the same units, and neither unit has a 2019 figure of its own → no 同比 (never −35 %),
   *   上年同期 2,000 still shown, the footnote naming 渠县 and 通川区 (无上年同期数)
   * 高新技术企业 (stock) at Q4: 渠县 41 + 通川区 31 (carried from Q3) = 72 against last year's Q4
   *   (the baselines) 30 + 28 = 58 → (72 − 58) ÷ 58 = +24.1 %
   * 关键技术攻关项目: no figure last year → no 同比.
   */
  it("JSON at Q2 and Q4", async () => {
    const at = async (q: string) => {
      const r = await run("report", "--as-of", q, "--format", "json");
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      return (code: string) => j.indicators.find((i: { code: string }) => i.code === code);
    };
    const q2 = await at("2020Q2");
    expect(q2("tech_contract_value")).toMatchObject({
      actual: 1300,
      lastYear: 2000,
      yoy: null,
      yoyPoints: null,
      yoyLeftOut: [
        { unit: "tongchuan", missing: "lastYear" },
        { unit: "quxian", missing: "lastYear" },
      ],
    });
    // 4 + 5 + 3 = 12 from the three units: 万源市's 7 of 2019Q4 does not count in 2020
    expect(q2("key_tech_projects")).toMatchObject({ actual: 12, lastYear: null, yoy: null });
    const q4 = await at("2020Q4");
    expect(q4("tech_contract_value")).toMatchObject({ actual: 2700, lastYear: 4800, yoy: null });
    // 72 = 渠县 41 (2020Q4) + 通川区 31 (its 2020Q3, carried); 同比 takes figures of Q4 itself on
    // both sides: 渠县 41 against its 30, (41 − 30) ÷ 30; 通川区 is left out (no 2020Q4 of its own)
    expect(q4("hitech_enterprises")).toMatchObject({
      actual: 72,
      lastYear: 58,
      yoyLeftOut: [{ unit: "tongchuan", missing: "current" }],
    });
    expect(q4("hitech_enterprises").yoy).toBeCloseTo(11 / 30, 12);
  });

  it("the table in zh and en, and trend draws both years", async () => {
    const zh = await run("report", "--as-of", "2020Q2", "--width", "250");
    expect(zh.stdout).toMatch(/上年同期 \| +同比/);
    expect(zh.stdout).toMatch(/技术合同登记额[^\n]*2,000 \| *\n/);
    expect(zh.stdout).toContain("技术合同登记额 两年没有同一批单位的数，不计算同比：");
    expect(zh.stdout).toContain("无上年同期数");
    const en = await run("--lang", "en", "report", "--width", "250");
    expect(en.stdout).toMatch(/Last year \| +YoY/);
    // (41 − 30) ÷ 30 = +36.7%, 通川区 left out (see the JSON test)
    expect(en.stdout).toMatch(/High-tech enterprises[^\n]*58 \| +\+36\.7%/);
    const tr = JSON.parse((await run("trend", "技术合同登记额", "--format", "json")).stdout);
    expect(tr.points.map((p: { lastYear: number | null }) => p.lastYear)).toEqual([
      null,
      1000,
      2000,
      3000,
      4800,
    ]);
    expect(tr.points.map((p: { value: number | null }) => p.value)).toEqual([0, 500, 1300, 1900, 2700]);
  });

  it("trend --unit follows the unit's own target, else says the target is the city's", async () => {
    // 渠县 技术合同登记额: own target 1,200; 300, 700, 900, 1,300 → 0.25, 0.5833…, 0.75, 1.0833…
    const own = await run("trend", "技术合同登记额", "--unit", "渠县");
    expect(own.stdout).toContain("本单位目标 1,200 万元");
    const j = JSON.parse((await run("trend", "技术合同登记额", "--unit", "渠县", "--format", "json")).stdout);
    expect(j.unitTarget).toBe(1200);
    expect(j.points[4].completion).toBeCloseTo(1300 / 1200, 12);
    // 达川区 has no 高新技术企业 target: the city's 70 家, said to be the city's
    const city = await run("trend", "高新技术企业", "--unit", "达川区");
    expect(city.stdout).toContain("全市目标 70 家（存量指标，自基期起算；本单位没有分解目标）");
  });
});

describe("a plan revision does not reinterpret unit targets", () => {
  it("a new unit for an indicator with unit targets is refused, even with --convert", async () => {
    const seed = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
    const tc = seed.indicators.find((i: { code: string }) => i.code === "tech_contract_value");
    tc.unit = "亿元";
    tc.target = 0.56;
    const file = join(dir.dir, "plan-rev.json");
    writeFileSync(file, JSON.stringify(seed));
    const r = await run("init", "--plan", file, "--convert");
    expect(r.code).toBe(1);
    // 3 unit targets of 技术合同登记额 (渠县, 通川区, 达川区)
    expect(r.stderr).toContain("技术合同登记额 的计量单位由 万元 改为 亿元，已存 3 个单位目标");
    const j = JSON.parse((await run("targets", "--unit", "渠县", "--format", "json")).stdout);
    expect(j.targets.find((t: { indicator: string }) => t.indicator === "tech_contract_value").target).toBe(
      1200,
    );
  });
});

describe("undo", () => {
  it("imports undo removes the targets; redo puts them back", async () => {
    const list = JSON.parse((await run("imports", "--format", "json")).stdout);
    const batch = list.find((b: { layout: string }) => b.layout === "targets");
    expect(batch.details).toMatchObject({ targets: 2020, layout: "long" });
    expect((await run("imports", "undo", String(batch.id), "--yes")).code).toBe(0);
    expect(JSON.parse((await run("targets", "--format", "json")).stdout).targets).toEqual([]);
    expect((await run("imports", "redo", String(batch.id), "--yes")).code).toBe(0);
    expect(JSON.parse((await run("targets", "--format", "json")).stdout).targets).toHaveLength(8);
  });
});

// the file written must be what the test reads back (no stale fixture)
it("the targets file is the one described", () => {
  expect(readFileSync(targetsFile, "utf8")).toBe(TARGETS);
});
