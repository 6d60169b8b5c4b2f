/**
 * End-to-end tests of the report views on the fixtures: every command (report, report --by unit,
 * report --unit, status, completeness, trend) in every format, --output, --check/--fail-on.
 *
 * Numbers checked by hand against the README's rules (fixtures/progress/*.csv), as of 2020Q3:
 * - key_tech_projects (flow): Q1 2+1+1+1+2 = 7; Q2 4+3+2+1+2+2+1+4 = 19; Q3 5+4+3+2+3+3+1+6 = 27;
 *   pace 30 × 3/4 = 22.5 (Q1 7.5 → 7 is behind; Q2 15); forecast 27 ÷ 0.75 = 36; completion 90.0%.
 * - hitech_enterprises (stock): baseline 12+10+6+3+5+4+2+10 = 52; Q3 14+11+6+3+5+4+2+15 = 60
 *   (dachuan … wanyuan carried from Q2); pace 52 + 18 × 0.75 = 65.5 → behind; forecast 52 + 8 ÷ 0.75 = 62.67.
 * - hitech_industry_revenue: dachuan 12.5+15.3+14.2 = 42 (period), + 96.4 + 138.75 + 30 = 307.15; pace 300.
 * - tech_contract_value: 全市 3,850 at Q3 (as new as the units) → city figure; units 820+640+1900+300 = 3,660
 *   → disagree by 190; pace 4,200 → behind; forecast 5,133.33.
 * - new_industrial_products 6+4+8+2 = 20 = target → met; foreign_experts 15 (市本级) < 17.25 → behind;
 *   online_consultations 全市 6,800 < 7,500 → behind; st_progress_contribution 55 from the 2019Q4
 *   baseline, annual → pending; the 3 milestones (national platforms, new varieties, popular-science bases)
 *   pending; every other indicator no data → 23 = 1 met + 2 on track + 4 behind + 2 + 3 pending + 11 no data.
 * Year end (plus fixtures/progress/2020Q4.csv): key_tech 7+5+4+2+3+4+2+8 = 35 met; 全市 hitech 72 met;
 * revenue 42+16 = 58 + 130 + 190.5 + 41 = 419.5 met; new products 20 (carried) met; online 10,200 met;
 * contribution 58.5 met; tech contract 5,200 missed; R&D 9.6 missed; foreign experts 21 missed
 * → 6 met, 3 missed, 14 no data.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createDatabase,
  dzkj,
  FIXTURES,
  PROGRESS_FIXTURES,
  ROOT,
  type RunResult,
  squeezeTables,
  tempDir,
  testEnv,
} from "../helpers.js";

let dir: string;
let cleanup: () => void;
let q3: string;
let q4: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  env = testEnv(dir, { DZKJ_NOW: "2020-10-15T08:00:00Z", TZ: "UTC" });
  q3 = join(dir, "q3.db");
  q4 = join(dir, "q4.db");
  await createDatabase(q3);
  await createDatabase(q4);
  expect(dzkj(["--db", q3, "import", ...PROGRESS_FIXTURES], { env }).code).toBe(0);
  const all = [...PROGRESS_FIXTURES, join(FIXTURES, "progress", "2020Q4.csv")];
  expect(dzkj(["--db", q4, "import", ...all], { env }).code).toBe(0);
});
afterAll(() => cleanup());

const run = (db: string, ...args: string[]): RunResult => dzkj(["--db", db, ...args], { env });
const ok = (db: string, ...args: string[]): string => {
  const r = run(db, ...args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
};

describe("report: table and markdown (snapshots checked by hand, see the header comment)", () => {
  it("zh table: section rows are full-width bands, columns aligned, no colour off a terminal", () => {
    const out = ok(q3, "report", "--style", "box");
    expect(out).not.toContain("\u001b[");
    expect(out).not.toMatch(/┴┴|┬┬/);
    expect(out).toContain("│ 总体目标 ");
    expect(out).toMatch(
      /│ 关键技术攻关项目 +│ 项 +│ +30 │ +27 │ +3 │ ███████▎ {2}90\.0% │ +22\.5 │ 正常 +│ +36 │/,
    );
    expect(out).toMatch(
      /│ 高新技术企业 \* +│ 家 +│ +70 │ +60 │ +10 │ ██████▉· +85\.7% │ +65\.5 │ 滞后 +│ +62\.67 │/,
    );
    expect(out).toMatch(
      /│ 技术合同登记额 \* +│ 万元 +│ +5,600 │ +3,850 │ +1,750 │ .+68\.8% │ +4,200 │ 滞后 +│ +5,133\.33 │/,
    );
    const tableLines = out.split("\n").filter((l) => /^[┌│├└]/.test(l));
    const width = (s: string) =>
      [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    expect(new Set(tableLines.map(width)).size).toBe(1);
  });

  it("zh markdown: title, as-of, verdict, then the table", () => {
    const out = squeezeTables(ok(q3, "report", "--format", "markdown"));
    expect(out.split("\n").slice(0, 8).join("\n")).toMatchInlineSnapshot(`
      "# 2020年达州市科技创新工作要点 目标进度

      截至 2020Q3，序时进度 75.0%  
      生成于 2020-10-15  

      **指标 23 项：已完成 1，正常 2，滞后 4，待定 5，无数据 11**

      - 滞后：高新技术企业；技术合同登记额；柔性引进国(境)外高端紧缺人才；在线技术咨询服务"
    `);
    // pending = 2 annual (待年度统计) + 3 milestones (待完成（节点目标）); of the 11 with no data
    // the first five in report order are named, 11 - 5 = 6 more
    expect(out).toContain(
      "- 无数据：科技成果转化项目；推广应用农业新品种、新技术；入库备案科技型中小企业；对外科技合作项目；新建省级创新平台 等，另 6 项\n",
    );
    expect(out).toContain("| 关键技术攻关项目 | 项 | 30 | 27 | 3 | 90.0% | 22.5 | 正常 | 36 | 各单位合计 |");
    expect(out).toContain(
      "| 高新技术产业主营业务收入 | 亿元 | 400 | 307.15 | 92.85 | 76.8% | 300 | 正常 | 409.53 | 各单位合计 |",
    );
    expect(out).toContain("| **五、加强民生科技创新,为创造美好生活提供科技支撑** |");
    expect(out).toContain(
      "| 在线技术咨询服务 | 次 | 10,000 | 6,800 | 3,200 | 68.0% | 7,500 | 滞后 | 9,066.67 | 全市 2020Q3 |",
    );
  });

  it("en table", () => {
    const out = ok(q3, "report", "--lang", "en", "--as-of", "2020Q3", "--style", "box");
    expect(out.split("\n").slice(0, 3).join("\n")).toMatchInlineSnapshot(`
      "Dazhou 2020 Science and Technology Innovation Work Plan: progress to target
      as of 2020Q3, pace 75.0%
      23 indicators: met 1, on track 2, behind 4, pending 5, no data 11"
    `);
    expect(out).toContain(
      "\nbehind: High-tech enterprises; Registered technology contract value; Overseas high-end talent engaged; Online technical consultations\n",
    );
    expect(out).toMatch(
      /│ Key technology research projects +│ projects +│ +30 │ +27 │ +3 │ .+90\.0% │ +22\.5 │ on track +│ +36 │ sum of units +│/,
    );
    expect(out).toMatch(
      /│ S&T progress contribution rate \* +│ % +│ +58 │ +55 │ +3 │ .+94\.8% │ +— │ pending \(annual\)? *│ +55 │ whole city 2019Q4 +│/,
    );
  });
});

describe("report --by unit and --unit", () => {
  it("matrix: each unit's figure, the sum next to 全市, and a warning where they disagree", () => {
    const out = squeezeTables(ok(q3, "report", "--by", "unit", "--format", "markdown"));
    expect(out).toContain(
      "| 技术合同登记额 * | 万元 | — | 820 | 640 | — | — | — | 300 | — | 1,900 | 3,660 | 3,850 | 不一致 |",
    );
    expect(out).toContain("- 技术合同登记额：全市 3,850 万元 ≠ 各单位合计 3,660 万元（相差 190）");
    expect(out).toContain("| 关键技术攻关项目 | 项 | — | 5 | 4 | 3 | 2 | 3 | 3 | 1 | 6 | 27 | — | |");
    expect(out).toContain("**1 项指标的全市数与各单位合计不一致，请核对**");
    const json = JSON.parse(ok(q3, "report", "--by", "unit", "--format", "json"));
    const tc = json.indicators.find((i: { code: string }) => i.code === "tech_contract_value");
    expect(tc).toMatchObject({ total: 3850, sum: 3660, disagree: true, actual: 3850, source: "total" });
    expect(tc.units).toMatchObject({
      tongchuan: 820,
      dachuan: 640,
      quxian: 300,
      gaoxin: 1900,
      kaijiang: null,
    });
    const rate = json.indicators.find((i: { code: string }) => i.code === "st_progress_contribution");
    expect(rate).toMatchObject({ sum: null, total: 55, disagree: false });
  });

  it("one unit quarter by quarter (渠县), with its share of the city figure", () => {
    const out = squeezeTables(ok(q3, "report", "--unit", "渠县", "--format", "markdown"));
    expect(out).toContain("| 关键技术攻关项目 | 项 | — | 1 | 2 | 3 | 27 | 11.1% | 2020Q3 |");
    expect(out).toContain("| 高新技术企业 * | 家 | 4 | 4 | 4 | 4 | 60 | 6.7% | 2020Q2 |");
    expect(out).toContain("| 技术合同登记额 * | 万元 | — | — | — | 300 | 3,850 | 7.8% | 2020Q3 |");
    const json = JSON.parse(ok(q3, "report", "--unit", "quxian", "--format", "json"));
    expect(json.unit).toEqual({ code: "quxian", name: "渠县" });
    expect(json.indicators[0]).toMatchObject({
      code: "key_tech_projects",
      quarters: { "2020Q1": 1, "2020Q2": 2, "2020Q3": 3 },
      value: 3,
      city: 27,
      lastPeriod: "2020Q3",
    });
  });

  it("an unknown unit is a usage error with a hint; --by unit with --unit is refused", () => {
    const r = run(q3, "report", "--unit", "渠");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("渠");
    expect(r.stdout).toBe("");
    const both = run(q3, "report", "--by", "unit", "--unit", "渠县");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--by unit");
  });
});

describe("completeness", () => {
  it("who sent what for each quarter, 未报送, latest import", () => {
    const out = ok(q3, "completeness", "--lang", "en", "--style", "box");
    // every fixture arrived on 2020-10-15 (DZKJ_NOW): Q1's deadline 04-10 was 20 + 31 + 30 + 31 + 31
    // + 30 + 15 = 188 days before, Q2's (07-10) 21 + 31 + 30 + 15 = 97, Q3's (10-10) 5
    expect(out).toMatch(
      /│ City level +│ not reported \(overdue by 188 day\(s\)\) │ +1 · late by 97 day\(s\) │ +1 · late by 5 day\(s\) │ 2020-10-15 08:00 \+00:00 │/,
    );
    expect(out).toMatch(
      /│ Tongchuan District +│ +2 · late by 188 day\(s\) │ +3 · late by 97 day\(s\) │ +5 · late by 5 day\(s\) │/,
    );
    expect(out).toContain("2020Q1 not reported: City level, Kaijiang County, Dazhu County, Wanyuan City");
    const md = squeezeTables(ok(q3, "completeness", "--period", "2020年第一季度", "--format", "markdown"));
    // the 9 reporting units (全市 is not one of them): 9 − 4 missing = 5 sent
    expect(md).toContain("**2020Q1：已报送 5/9 个单位，未报送 4 个**");
    expect(md).toContain("- 2020Q1 未报送：市本级、开江县、大竹县、万源市");
    expect(md).toContain("| 关键技术攻关项目 | · | · | ✓ | ✓ | ✓ | · | · | ✓ | · | ✓ | 5 |");
  });

  it("json: per unit the indicators of each period and the missing periods", () => {
    const json = JSON.parse(ok(q3, "completeness", "--format", "json"));
    expect(json.periods).toEqual(["2020Q1", "2020Q2", "2020Q3"]);
    const kj = json.units.find((u: { code: string }) => u.code === "kaijiang");
    expect(kj.missing).toEqual(["2020Q1"]);
    expect(kj.periods[1]).toMatchObject({
      period: "2020Q2",
      indicators: ["key_tech_projects", "hitech_enterprises"],
    });
    expect(json.missing[0]).toEqual({
      period: "2020Q1",
      units: ["shibenji", "kaijiang", "dazhu", "wanyuan"],
    });
  });

  it("a bad --period names the accepted forms (exit 2)", () => {
    const r = run(q3, "completeness", "--period", "2021Q1");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2021Q1");
  });
});

describe("trend", () => {
  it("the city figure Q1–Q4 against the pace line, with bars and a sparkline", () => {
    const out = ok(q3, "trend", "关键技术攻关项目", "--style", "box");
    expect(out).toMatchInlineSnapshot(`
      "2020年达州市科技创新工作要点 指标走势：关键技术攻关项目（全市）
      目标 30 项（累计指标）
      最新数据 2020Q3
      2020Q3：27 项，完成率 90.0%，序时进度 22.5，正常
      ┌─────────────┬──────┬──────────┬─────────────────┬──────┐
      │ 报告期      │ 完成 │ 序时进度 │          完成率 │ 状态 │
      │ 基期 2019Q4 │    0 │        0 │ ········   0.0% │      │
      │ 2020Q1      │    7 │      7.5 │ █▉······  23.3% │ 滞后 │
      │ 2020Q2      │   19 │       15 │ █████▏··  63.3% │ 正常 │
      │ 2020Q3      │   27 │     22.5 │ ███████▎  90.0% │ 正常 │
      │ 2020Q4      │    — │       30 │               — │      │
      └─────────────┴──────┴──────────┴─────────────────┴──────┘

      完成走势  ▁▃▅▇ 
      序时进度  ▁▃▅▆█
      "
    `);
  });

  it("one unit against the city (--unit), and json", () => {
    const out = squeezeTables(
      ok(q3, "trend", "hitech_enterprises", "--unit", "通川", "--format", "markdown", "--lang", "en"),
    );
    expect(out).toContain("| baseline 2019Q4 | 12 | 52 | 23.1% |");
    expect(out).toContain("| 2020Q3 | 14 | 60 | 23.3% |");
    const json = JSON.parse(ok(q3, "trend", "key_tech_projects", "--format", "json"));
    expect(json.points.map((p: { value: number | null }) => p.value)).toEqual([0, 7, 19, 27, null]);
    expect(json.points.map((p: { expected: number | null }) => p.expected)).toEqual([0, 7.5, 15, 22.5, 30]);
    expect(json.points.map((p: { status: string | null }) => p.status)).toEqual([
      null,
      "behind",
      "on_track",
      "on_track",
      null,
    ]);
  });

  it("an unknown indicator is a usage error", () => {
    const r = run(q3, "trend", "no_such_thing");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no_such_thing");
  });
});

describe("status: indicators and tasks by section", () => {
  it("before the year is over: projection, risks and the verdict line (zh table)", () => {
    const out = ok(q3, "status", "--style", "box");
    expect(out.split("\n").slice(0, 4).join("\n")).toMatchInlineSnapshot(`
      "2020年达州市科技创新工作要点 年度完成情况
      截至 2020Q3，序时进度 75.0%
      年度尚未结束（最新数据 2020Q3）：以下为按当前进度推算的全年预计
      指标 23 项：已完成 1，正常 2，滞后 4，待定 5，无数据 11"
    `);
    // the same count line as report's; then the projection and the tasks by status: none done,
    // 35 not started; 30 (deadline 2020-06-30) is past its deadline on 2020-10-15
    expect(out).toContain("\n按当前进度，预计年底完成 3/23 项\n");
    expect(out).toContain(
      "\n任务 35 项：已完成 0，推进中 0，未启动 35，滞后 0；逾期 1\n未启动：任务 1–35\n逾期未完成：任务 30\n",
    );
    expect(out).toMatch(/│ 合计 +│ +35 │ +0 │ +0 │ +35 │ +0 │ +1\/23 │/);
    expect(out).toMatch(
      /│ 高新技术企业 \* +│ 家 +│ +70 │ +60 │ +10 │ .+85\.7% │ +65\.5 │ +62\.67 │ 预计未完成 +│/,
    );
    expect(out).toContain(
      "有未完成风险：高新技术企业；技术合同登记额；柔性引进国(境)外高端紧缺人才；在线技术咨询服务",
    );
    expect(out).toMatch(/│ +31 │ 编制十四五科技创新规划 +│ 市科技局 │ 2020-10-31 │ 未启动 /);
  });

  it("at year end: final results (en markdown)", () => {
    const out = squeezeTables(ok(q4, "status", "--lang", "en", "--format", "markdown"));
    expect(out.split("\n").slice(0, 6).join("\n")).toMatchInlineSnapshot(`
      "# Dazhou 2020 Science and Technology Innovation Work Plan: year-end completion

      as of 2020Q4, pace 100.0%  
      Year complete (as of 2020Q4): 6/23 met, 3 missed, 14 no data  
      generated 2020-10-15  
      "
    `);
    expect(out).toContain(
      "| Key technology research projects | projects | 30 | 35 | 0 | 116.7% | 30 | 35 | met |",
    );
    expect(out).toContain(
      "| High-tech industry main business revenue | 100M yuan | 400 | 419.5 | 0 | 104.9% | 400 | 419.5 | met |",
    );
    expect(out).toContain(
      "| Registered technology contract value * | 10k yuan | 5,600 | 5,200 | 400 | 92.9% | 5,600 | 5,200 | missed |",
    );
    expect(out).toContain("| Total | 35 | 0 | 0 | 35 | 0 | 6/23 |");
  });
});

const indicatorJson = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(["flow", "stock", "rate"]),
  cadence: z.enum(["quarterly", "annual"]),
  commitment: z.enum(["firm", "aspirational"]),
  section: z.string().nullable(),
  task: z.number().int().nullable(),
  target: z.number(),
  baseline: z.number().nullable(),
  actual: z.number().nullable(),
  gap: z.number().nullable(),
  completion: z.number().nullable(),
  expected: z.number().nullable(),
  status: z.enum(["met", "on_track", "behind", "pending", "no_baseline", "no_data"]),
  forecast: z.number().nullable(),
  pace: z.union([z.enum(["linear", "milestone"]), z.array(z.number()).length(4)]),
  source: z.enum(["total", "chained", "units", "none"]),
  sourcePeriod: z
    .string()
    .regex(/^\d{4}Q[1-4]$/)
    .nullable(),
  unchained: z.array(z.string()),
  final: z.boolean(),
  unitsReported: z.number().int(),
  cityReported: z.boolean(),
});
const reportSchema = z.strictObject({
  plan: z.object({ year: z.number().int(), title: z.string() }),
  asOf: z
    .string()
    .regex(/^\d{4}Q[1-4]$/)
    .nullable(),
  elapsed: z.number().nullable(),
  asOfBeyondData: z.boolean(),
  indicators: z.array(indicatorJson).length(23),
});
const taskSummary = z.strictObject({
  total: z.number().int(),
  done: z.number().int(),
  in_progress: z.number().int(),
  not_started: z.number().int(),
  at_risk: z.number().int(),
});
const statusSchema = z.object({
  plan: z.object({ year: z.number().int(), title: z.string() }),
  asOf: z.string().nullable(),
  asOfBeyondData: z.boolean(),
  yearEnd: z.boolean(),
  final: z.boolean(),
  summary: z.strictObject({
    total: z.number(),
    met: z.number(),
    missed: z.number(),
    provisional: z.number(),
    pending: z.number(),
    noData: z.number(),
  }),
  indicators: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        target: z.number(),
        actual: z.number().nullable(),
        completion: z.number().nullable(),
        result: z.enum(["met", "missed", "pending", "no_data"]),
        final: z.boolean(),
        commitment: z.enum(["firm", "aspirational"]),
      }),
    )
    .length(23),
  tasks: z.object({
    summary: taskSummary,
    items: z
      .array(
        z.object({
          number: z.number().int(),
          section: z.string(),
          title: z.string(),
          lead: z.string(),
          deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          status: z.enum(["not_started", "in_progress", "done", "at_risk"]),
          note: z.string().nullable(),
          evidence: z.string().nullable(),
          date: z.string().nullable(),
        }),
      )
      .length(35),
  }),
});

describe("colour: only on a terminal, NO_COLOR respected", () => {
  // util-linux `script` gives the command a pseudo-terminal as stdout
  const onTty = (extra: Record<string, string>) =>
    spawnSync(
      "script",
      ["-qec", `"${process.execPath}" "${join(ROOT, "bin", "dzkj.js")}" --db "${q3}" report`, "/dev/null"],
      {
        env: { ...env, TERM: "xterm", ...extra },
        encoding: "utf8",
        timeout: 60_000,
      },
    ).stdout;

  it("colours the status column on a terminal (behind red, on track green)", () => {
    const out = onTty({});
    expect(out).toContain("\u001b[31m滞后");
    expect(out).toContain("\u001b[32m正常");
  });

  it("writes no colour codes with NO_COLOR set, or into a file", () => {
    expect(onTty({ NO_COLOR: "1" })).not.toContain("\u001b[");
    const file = join(dir, "tty.txt");
    spawnSync(
      "script",
      [
        "-qec",
        `"${process.execPath}" "${join(ROOT, "bin", "dzkj.js")}" --db "${q3}" report -o "${file}"`,
        "/dev/null",
      ],
      {
        env: { ...env, TERM: "xterm" },
        timeout: 60_000,
      },
    );
    const text = readFileSync(file, "utf8");
    expect(text).toContain("滞后");
    expect(text).not.toContain("\u001b[");
  });
});

describe("--as-of and --year: any period form an import accepts (rule 6)", () => {
  it("status --as-of, in the forms of an import file, gives the view of that quarter", () => {
    // as of Q2: key_tech 4+3+2+1+2+2+1+4 = 19 (see the header comment), a flow not yet met: provisional
    const json = statusSchema.parse(
      JSON.parse(ok(q4, "status", "--as-of", "2020年二季度", "--year", "2020年", "--format", "json")),
    );
    expect(json).toMatchObject({ asOf: "2020Q2", asOfBeyondData: false, yearEnd: false, final: false });
    expect(json.indicators.find((i) => i.code === "key_tech_projects")).toMatchObject({
      actual: 19,
      final: false,
    });
    expect(JSON.parse(ok(q4, "report", "--as-of", "2020年1-6月", "--format", "json")).asOf).toBe("2020Q2");
  });

  it("an --as-of later than the newest data: allowed, with a notice and asOfBeyondData", () => {
    const r = run(q3, "report", "--as-of", "2020Q4", "--format", "json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("--as-of 2020Q4 晚于最新数据（2020Q3）：各数沿用最近一次报送\n");
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ asOf: "2020Q4", asOfBeyondData: true });
    // carried forward: key_tech 27 (Q3) against the whole target at Q4
    expect(json.indicators.find((i: { code: string }) => i.code === "key_tech_projects")).toMatchObject({
      actual: 27,
      expected: 30,
    });
  });

  it("a value no period form reads is a usage error naming the forms (exit 2)", () => {
    const r = run(q3, "status", "--as-of", "2020Q5");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("选项 --as-of 的值“2020Q5”不是可识别的报告期；可用写法：2020Q3, ");
  });
});

describe("json contracts", () => {
  it("report --format json matches the documented schema, numbers unrounded", () => {
    const json = reportSchema.parse(JSON.parse(ok(q3, "report", "--format", "json")));
    expect(json).toMatchObject({ asOf: "2020Q3", elapsed: 0.75 });
    const he = json.indicators.find((i) => i.code === "hitech_enterprises");
    expect(he).toMatchObject({
      baseline: 52,
      actual: 60,
      expected: 65.5,
      status: "behind",
      source: "units",
      sourcePeriod: null,
      unitsReported: 8,
      cityReported: false,
    });
    // 全市's own Q3 figure, as new as any unit's: source total at 2020Q3
    expect(json.indicators.find((i) => i.code === "tech_contract_value")).toMatchObject({
      actual: 3850,
      source: "total",
      sourcePeriod: "2020Q3",
      unitsReported: 4,
      cityReported: true,
      final: false,
    });
    expect(json.asOfBeyondData).toBe(false);
    expect(he?.completion).toBeCloseTo(60 / 70, 12);
  });

  it("status --format json keeps its contract and gains tasks", () => {
    const json = statusSchema.parse(JSON.parse(ok(q4, "status", "--format", "json")));
    // every result with a figure rests on Q4 figures (see the header comment): the year is final
    expect(json.final).toBe(true);
    expect(json.summary).toEqual({ total: 23, met: 6, missed: 3, provisional: 0, pending: 0, noData: 14 });
    expect(json.tasks.summary.total).toBe(35);
    const sum = json.tasks.summary;
    expect(sum.done + sum.in_progress + sum.not_started + sum.at_risk).toBe(35);
    expect(json.tasks.items.map((x) => x.number)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  });

  it("json is never coloured, even with FORCE_COLOR", () => {
    const r = dzkj(["--db", q3, "report", "--format", "json"], { env: { ...env, FORCE_COLOR: "1" } });
    expect(r.stdout).not.toContain("\u001b[");
  });
});

describe("csv", () => {
  it("starts with a UTF-8 BOM, re-parses (RFC 4180) and keeps numbers as numbers", () => {
    const out = ok(q3, "report", "--format", "csv");
    expect(out.startsWith("\uFEFF")).toBe(true);
    const rows = parse(out, { bom: true }) as string[][];
    // the indicator's code before its name, the 力争 marker in a column of its own
    expect(rows[0]).toEqual([
      "部分",
      "代码",
      "指标",
      "力争目标",
      "计量单位",
      "目标",
      "完成",
      "差距",
      "完成率 (%)",
      "序时进度",
      "状态",
      "全年预计",
      "来源",
    ]);
    const kt = rows.find((r) => r[2] === "关键技术攻关项目");
    expect(kt).toEqual([
      "总体目标",
      "key_tech_projects",
      "关键技术攻关项目",
      "",
      "项",
      "30",
      "27",
      "3",
      "90",
      "22.5",
      "正常",
      "36",
      "各单位合计",
    ]);
    const tc = rows.find((r) => r[2] === "技术合同登记额");
    expect(tc?.slice(1, 4)).toEqual(["tech_contract_value", "技术合同登记额", "*"]);
    expect(tc?.[5]).toBe("5600"); // no thousands separator in CSV
    expect(rows.find((r) => r[2] === "科技成果转化项目")?.[6]).toBe(""); // no data: an empty cell
    expect(rows).toHaveLength(24);
    expect(out).toContain("\r\n");
  });

  it("--no-bom for scripts; --output writes the file and nothing to stdout", () => {
    expect(ok(q3, "status", "--format", "csv", "--no-bom").startsWith("\uFEFF")).toBe(false);
    const file = join(dir, "status.csv");
    const r = run(q3, "status", "--format", "csv", "-o", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    // status csv: three tables separated by an empty line, each re-parses on its own
    const parts = text.replace(/^\uFEFF/, "").split("\r\n\r\n");
    expect(parts).toHaveLength(3);
    const tasks = parse(parts[2] ?? "") as string[][];
    expect(tasks).toHaveLength(36);
    expect(tasks[31]?.slice(1, 3)).toEqual(["31", "编制十四五科技创新规划"]);
    // indicators met as two numbers (1 of 23), never the text 1/23 that Excel reads as a date
    const sections = parse(parts[0] ?? "") as string[][];
    expect(sections[0]?.slice(-2)).toEqual(["指标完成", "指标数"]);
    expect(sections.at(-1)).toEqual(["合计", "35", "0", "0", "35", "0", "1", "23"]);
  });

  it("--output into a missing folder is a clear error (exit 1), no stack trace, no stray temp file", () => {
    const r = run(q3, "report", "--format", "csv", "-o", join(dir, "no-such-dir", "r.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dzkj: 错误: 文件夹 .*no-such-dir 不存在/);
    expect(r.stderr).not.toContain("    at ");
    expect(r.stdout).toBe("");
  });

  it("text that a spreadsheet would run as a formula is escaped (names from a plan file)", () => {
    const plan = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
    plan.plan.year = 2021;
    plan.indicators[0].name = '=HYPERLINK("http://x","y")';
    plan.indicators[1].name = "@SUM(A1:A9)";
    plan.indicators[2].name = "+1-2";
    plan.indicators[3].name = "-3";
    const file = join(dir, "plan-2021.json");
    writeFileSync(file, JSON.stringify(plan));
    const db = join(dir, "p21.db");
    expect(run(db, "init", "--plan", file).code).toBe(0);
    const out = ok(db, "report", "--year", "2021", "--format", "csv");
    const names = (parse(out, { bom: true }) as string[][]).map((r) => r[2]);
    expect(names).toContain('\'=HYPERLINK("http://x","y")');
    expect(names).toContain("'@SUM(A1:A9)");
    expect(names).toContain("'+1-2");
    expect(names).toContain("'-3");
    expect(names.filter((n) => /^[=+\-@]/.test(n ?? ""))).toEqual([]);
  });
});

describe("--check / --fail-on (cron)", () => {
  it("exit 3 when an indicator is behind pace; the report is still printed; the reason on stderr", () => {
    const r = run(q3, "report", "--check");
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("关键技术攻关项目");
    expect(r.stderr.trim()).toBe(
      "检查未通过：4 项指标滞后于序时进度：高新技术企业；技术合同登记额；柔性引进国(境)外高端紧缺人才；在线技术咨询服务",
    );
    expect(run(q3, "status", "--fail-on", "behind", "--format", "json").code).toBe(3);
    expect(run(q3, "report", "--by", "unit", "--check").code).toBe(3);
  });

  it("exit 0 when nothing is behind", async () => {
    const db = join(dir, "ok.db");
    await createDatabase(db);
    const csv = join(dir, "ok.csv");
    writeFileSync(csv, "period,unit,indicator,value\n2020Q2,city,key_tech_projects,20\n");
    expect(run(db, "import", csv).code).toBe(0);
    const r = run(db, "report", "--check", "--format", "markdown");
    r.stdout = squeezeTables(r.stdout);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| 关键技术攻关项目 | 项 | 30 | 20 | 10 | 66.7% | 15 | 正常 | 40 |");
  });

  it("--fail-on missed: nothing to judge before Q4 (exit 0, quiet); at year end final misses → 3, no data listed", () => {
    const before = run(q3, "report", "--fail-on", "missed");
    expect(before.code).toBe(0);
    expect(before.stderr).toBe("");
    const after = run(q4, "status", "--fail-on", "missed");
    expect(after.code).toBe(3);
    // the 3 final misses fire (tech contract 5,200, R&D 9.6, foreign experts 21: all on Q4 figures);
    // the 14 indicators with no figure at all are named but do not fire (rule 9)
    expect(after.stderr).toContain("--fail-on missed：14 项无数据（不触发检查）：");
    expect(after.stderr).toMatch(
      /检查未通过：3 项指标年终未完成：全社会研发经费支出；技术合同登记额；柔性引进国\(境\)外高端紧缺人才\n$/,
    );
    expect(run(q4, "report", "--as-of", "2020Q3", "--fail-on", "missed").code).toBe(0);
  });

  it("a bad --fail-on value is a usage error (exit 2)", () => {
    expect(run(q3, "report", "--fail-on", "late").code).toBe(2);
  });
});

describe("html: one self-contained page, checked in headless Chromium", () => {
  const chromium =
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? "chromium";
  const flags = (profile: string) => [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--user-data-dir=${profile}`,
  ];

  it("has no external references and prints on A4", () => {
    const html = ok(q3, "report", "--format", "html");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("@page { size: A4");
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    expect(html).not.toMatch(/(src|href)=|url\(|@import/i);
    expect(html).toContain("指标 23 项：已完成 1，正常 2，滞后 4，待定 5，无数据 11");
  });

  it("renders the chart bars, pace ticks, gap and task tables (status, DOM and screenshot)", () => {
    const file = join(dir, "status.html");
    expect(run(q3, "status", "--format", "html", "-o", file).code).toBe(0);
    const profile = mkdtempSync(join(tmpdir(), "dzkj-chromium-"));
    try {
      const dom = execFileSync(chromium, [...flags(profile), "--dump-dom", `file://${file}`], {
        encoding: "utf8",
        timeout: 60_000,
        stdio: ["ignore", "pipe", "ignore"],
      });
      // one bar per indicator, a pace tick for each indicator with a pace: none before Q4 for the 2
      // annual ones and the 3 milestones, 23 − 5 = 18
      expect(dom.match(/<rect class="bar"/g)).toHaveLength(23);
      expect(dom.match(/<line class="pace"/g)).toHaveLength(18);
      expect(dom).toMatch(/data-completion="0\.9"/);
      expect(dom).toContain("重点任务进展");
      // sections: indicators under 总体目标 and 一 … 六, tasks under 一 … 八
      expect(dom.match(/<tr class="section">/g)).toHaveLength(15);
      const png = join(dir, "status.png");
      spawnSync(
        chromium,
        [...flags(profile), `--screenshot=${png}`, "--window-size=1240,1754", `file://${file}`],
        {
          timeout: 60_000,
          stdio: "ignore",
        },
      );
      expect(statSync(png).size).toBeGreaterThan(20_000);
      // PNG signature and the requested width in the IHDR chunk
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString()).toBe("PNG");
      expect(bytes.readUInt32BE(16)).toBe(1240);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe("-o FILE: the format from the file's name", () => {
  it.each([
    ["report.html", "<!doctype html>"],
    ["report.md", "# "],
    ["report.markdown", "# "],
    ["report.json", "{"],
    ["report.csv", "\uFEFF"],
  ])("report -o %s writes that format", (name, start) => {
    const file = join(dir, name);
    ok(q3, "report", "-o", file);
    expect(readFileSync(file, "utf8").startsWith(start)).toBe(true);
  });

  it("report -o report.txt writes the plain table", () => {
    const file = join(dir, "report.txt");
    ok(q3, "report", "-o", file);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("<");
    expect(text).toMatch(/\n-+/); // the plain style's rule under the head
  });

  it("an explicit --format wins over the name, with a warning naming both", () => {
    const file = join(dir, "odd.html");
    const r = run(q3, "report", "--format", "csv", "-o", file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("html");
    expect(r.stderr).toContain("csv");
    expect(readFileSync(file, "utf8").startsWith("\uFEFF")).toBe(true);
  });

  it("a name without a known extension keeps --format's default (table)", () => {
    const file = join(dir, "report.out");
    ok(q3, "report", "-o", file);
    expect(readFileSync(file, "utf8")).not.toContain("<!doctype");
  });
});

describe("-o with a spreadsheet or document name dzkj cannot write", () => {
  it.each(["r.xlsm", "r.xls", "r.pdf", "r.docx"])(
    "report -o %s is a usage error, and no file is written",
    (name) => {
      const file = join(dir, name);
      const r = run(q3, "report", "-o", file);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(name.split(".")[1]!);
      expect(existsSync(file)).toBe(false);
    },
  );
});

describe("trend at year end uses the words of report and status", () => {
  it("技术合同登记额 at 2020Q4: 未完成 in trend as in report (5,200 of 5,600); 关键技术攻关项目: 完成 (35 of 30)", () => {
    const trend = ok(q4, "trend", "tech_contract_value");
    expect(trend).toMatch(/2020Q4 +\| +5,200 .*\| 未完成/);
    expect(trend).not.toMatch(/2020Q4 .*滞后/);
    expect(ok(q4, "report")).toMatch(/技术合同登记额 .*\| 未完成 /);
    expect(ok(q4, "trend", "key_tech_projects")).toMatch(/2020Q4 +\| +35 .*\| 完成/);
  });
});
