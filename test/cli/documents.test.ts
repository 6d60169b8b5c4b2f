/**
 * Every listing command builds one document and the renderers write it in each format (issue
 * "one output path"): run in-process through `main`, against a database holding the 2020 plan.
 * The JSON of each command stays its documented contract.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, PROGRESS_FIXTURES, ROOT, tempDir } from "../helpers.js";
import { type MainResult, runMain } from "../support/main.js";

const seed = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
let dir: ReturnType<typeof tempDir>;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.dir, "d.db");
  await createDatabase(db);
});
afterAll(() => dir.cleanup());

/** Runs main in-process against the test database. */
function run(...argv: string[]): Promise<MainResult> {
  return runMain(["--db", db, ...argv], {
    PATH: process.env.PATH,
    HOME: dir.dir,
    NO_COLOR: "1",
    DZKJ_NOW: "2020-10-15T08:00:00Z",
  });
}

describe("plan", () => {
  it("JSON is the plan itself, narrowed to the section asked for", async () => {
    const r = await run("plan", "--section", "二", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.plan).toEqual(seed.plan);
    expect(j.units).toEqual(seed.units);
    // section 二 holds tasks 6–9
    expect(j.tasks.map((t: { number: number }) => t.number)).toEqual([6, 7, 8, 9]);
    expect(j.sections.map((s: { code: string }) => s.code)).toEqual(["二"]);
  });

  it("CSV: the tasks with the section in a column of its own", async () => {
    const r = await run("plan", "--section", "二", "--format", "csv");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("部分,任务,名称,牵头单位,完成时限\r\n");
    // the section's title holds a comma: quoted
    expect(r.stdout).toContain(
      '\r\n"二、加强关键核心技术攻关,为“6+3”重点产业发展提供科技支撑",6,研发一批工业新产品,市科技局,2020-12-31\r\n',
    );
  });

  it("markdown and HTML from the same document, with the date generated", async () => {
    const md = await run("plan", "--task", "12", "--format", "markdown");
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    // task 12's one indicator: 科技成果转化项目, target 10 (项)
    expect(md.stdout).toMatch(/\| 科技成果转化项目 +\| st_transfer_projects +\| 项 +\| +10 \|/);
    expect(md.stdout).toContain("- 12. 实施科技成果转化专项");
    expect(md.stdout).toContain("2020-10-15");
    const html = await run("plan", "--task", "12", "--format", "html");
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain("<td>实施一批科技成果转化项目</td>");
  });

  it("the terminal table: tasks under their section heading, no line wider than --width", async () => {
    const r = await run("plan", "--section", "二", "--width", "80");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ *6 \| 研发一批工业新产品 +\| 市科技局 +\| 2020-12-31 *$/m);
    const { textWidth } = await import("../../src/render/width.js");
    for (const line of r.stdout.split("\n")) expect(textWidth(line), line).toBeLessThanOrEqual(80);
  });
});

describe("units", () => {
  it("JSON is the plan's units array, unchanged", async () => {
    const r = await run("units", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(seed.units);
  });

  it("CSV and markdown from the document; 全市 marked as the total", async () => {
    const csv = await run("units", "--format", "csv", "--no-bom");
    expect(csv.stdout.startsWith("代码,名称,别名,行政区划代码\r\n")).toBe(true);
    // an administrative code is written as text, as the plan holds it
    expect(csv.stdout).toContain("\r\ntongchuan,通川区,通川,511702\r\n");
    expect(csv.stdout).toContain("city,全市 （全市合计，不参与加总）,达州市,511700");
    const md = await run("--lang", "en", "units", "--format", "markdown");
    expect(md.stdout).toMatch(/^# Reporting units \(2020\)/);
    expect(md.stdout).toMatch(/\| tongchuan +\| 通川区 Tongchuan District +\| 通川 +\| 511702 +\|/);
  });

  it("-o units.html writes the HTML page", async () => {
    const file = join(dir.dir, "units.html");
    const r = await run("units", "-o", file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toContain("<td>通川区</td>");
  });
});

describe("history", () => {
  beforeAll(async () => {
    const fix = join(dir.dir, "fix.csv");
    writeFileSync(fix, "period,unit,indicator,value,note\n2020Q3,通川区,key_tech_projects,7,更正\n");
    expect((await run("import", PROGRESS_FIXTURES[3]!)).code).toBe(0);
    expect((await run("import", fix)).code).toBe(0);
  });

  it("JSON is the list of states as stored", async () => {
    const r = await run("history", "key_tech_projects", "--unit", "通川", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    // 2020Q3.csv (batch 1) said 5; fix.csv (batch 2) replaced it with 7
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ value: 5, batchId: 1, supersededBy: 2, note: null, unit: "tongchuan" }),
      expect.objectContaining({ value: 7, batchId: 2, supersededBy: null, note: "更正", period: "2020Q3" }),
    ]);
  });

  it("CSV keeps numbers as numbers and the batch as its id", async () => {
    const r = await run("history", "key_tech_projects", "--unit", "通川", "--format", "csv", "--no-bom");
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe("报告期,单位,数值,口径,备注,批次,时间,文件,状态");
    expect(lines[1]).toMatch(/^2020Q3,通川区,5,[^,]+,,1,[^,]+,[^,]*2020Q3\.csv,已被 #2 取代$/);
    expect(lines[2]).toMatch(/^2020Q3,通川区,7,[^,]+,更正,2,[^,]+,[^,]*fix\.csv,当前$/);
  });

  it("an unknown indicator or unit: the look-ups of trend, a did-you-mean, exit 2", async () => {
    const r = await run("history", "高新技术企", "--format", "json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("高新技术企业");
    expect((await run("history", "key_tech_projects", "--unit", "通州")).code).toBe(2);
  });

  it("an indicator with no value: the title says so, in every format", async () => {
    const r = await run("history", "agri_new_varieties");
    expect(r.stdout).toBe("育成突破性新品种 尚无任何数值\n");
    const md = await run("history", "agri_new_varieties", "--format", "markdown");
    expect(md.stdout).toMatch(/^# 育成突破性新品种 尚无任何数值\n/);
    expect((await run("history", "agri_new_varieties", "--format", "json")).stdout).toBe("[]\n");
  });
});

describe("doctor", () => {
  it("the verdict over a table of checks; JSON keeps its contract", async () => {
    const r = await run("doctor", "--width", "0");
    expect(r.code, r.stderr).toBe(0);
    // 2020Q3.csv wrote 25 values, fix.csv replaced one: still 25 values, in 2 batches
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([
      "数据库检查",
      `${db}：数据库正常（25 个数值，2 个批次，工作要点年份 2020）`,
    ]);
    expect(r.stdout).toMatch(/^完整性 +\| 正常 +\| PRAGMA integrity_check: ok/m);
    const j = JSON.parse((await run("doctor", "--format", "json")).stdout);
    expect(j).toMatchObject({ healthy: true, integrity: ["ok"], counts: { values: 25, batches: 2 } });
    expect(j.checks.find((c: { name: string }) => c.name === "integrity")).toEqual({
      name: "integrity",
      status: "ok",
      messages: ["PRAGMA integrity_check: ok"],
    });
  });

  it("CSV and markdown", async () => {
    const csv = await run("--lang", "en", "doctor", "--format", "csv", "--no-bom");
    expect(csv.stdout.startsWith("Check,Result,Detail\r\n")).toBe(true);
    expect(csv.stdout).toContain("\r\nintegrity,ok,PRAGMA integrity_check: ok\r\n");
    const md = await run("--lang", "en", "doctor", "--format", "markdown");
    expect(md.stdout).toMatch(/^# Database check\n/);
    expect(md.stdout).toContain(`**${db}: healthy (25 values, 2 batches, plan years 2020)**`);
  });
});

describe("imports", () => {
  it("the list: JSON unchanged, CSV with counts as numbers", async () => {
    const j = JSON.parse((await run("imports", "--format", "json")).stdout);
    expect(j.map((b: { id: number; kind: string }) => [b.id, b.kind])).toEqual([
      [1, "import"],
      [2, "import"],
    ]);
    // fix.csv: 1 row read, 0 inserted, 1 updated
    expect(j[1]).toMatchObject({ rowsRead: 1, inserted: 0, updated: 1, undoneBy: null });
    const csv = await run("imports", "--format", "csv", "--no-bom");
    const lines = csv.stdout.split("\r\n");
    expect(lines[0]).toBe("编号,类别,文件,时间,行数,新增,更新,未变,空白,删除,状态");
    expect(lines[2]).toMatch(/^2,导入,[^,]*fix\.csv,[^,]+,1,0,1,0,0,0,$/);
  });

  it("show: names in the table, codes in the JSON, every format", async () => {
    const table = await run("imports", "show", "2", "--width", "0");
    expect(table.stdout.split("\n")[0]).toMatch(/^批次 #2（导入，.*fix\.csv，.*）：1 项修改$/);
    // 通川区 关键技术攻关项目 went from 5 to 7
    expect(table.stdout).toMatch(/^2020Q3 +\| 通川区 +\| 关键技术攻关项目 +\| +5 \| +7 \| 当前 *$/m);
    const j = JSON.parse((await run("imports", "show", "2", "--format", "json")).stdout);
    expect(j.batch.id).toBe(2);
    expect(j.changes).toHaveLength(1);
    expect(j.changes).toMatchObject([
      {
        year: 2020,
        indicator: "key_tech_projects",
        period: "2020Q3",
        unit: "tongchuan",
        old: { value: 5, basis: "ytd", note: null, batchId: 1 },
        new: { value: 7, basis: "ytd", note: "更正" },
        laterBatch: null,
      },
    ]);
    expect(j.tasks).toBeUndefined();
    const md = await run("imports", "show", "2", "--format", "markdown");
    expect(md.stdout).toMatch(/\| 2020Q3 +\| 通川区 +\| 关键技术攻关项目 +\| +5 \| +7 \| 当前 +\|/);
  });
});

describe("task show", () => {
  it("markdown: the task, its indicators as of the latest quarter, its (empty) history", async () => {
    const r = await run("task", "show", "4", "--format", "markdown");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# 任务 4：加大发展高新技术产业、培育高新技术企业力度\n/);
    expect(r.stdout).toContain("完成时限：2020-12-31（年底）  \n");
    // 2020Q3.csv is the only quarter imported
    expect(r.stdout).toContain("## 相关指标（2020Q3）");
    expect(r.stdout).toMatch(/\| 高新技术企业 +\|/);
    expect(r.stdout).toContain("## 历次记录");
    expect(r.stdout).toContain("- 尚未记录过进展");
  });

  it("JSON keeps its contract; CSV writes the indicator and history tables", async () => {
    const j = JSON.parse((await run("task", "show", "4", "--format", "json")).stdout);
    expect(j).toMatchObject({ number: 4, section: "一", status: "not_started", history: [], asOf: "2020Q3" });
    const csv = await run("task", "show", "4", "--format", "csv", "--no-bom");
    expect(csv.stdout.startsWith("指标,计量单位,目标,完成,完成率,序时进度,状态\r\n")).toBe(true);
    expect(csv.stdout).toContain("\r\n\r\n日期,状态,进展情况,佐证材料,批次,来源,记录时间,记录状态\r\n");
  });
});

describe("template", () => {
  it("the CSV a county fills in comes from the document: Chinese headers, one row per indicator", async () => {
    const r = await run("--lang", "en", "template", "--unit", "通川", "--period", "2020Q4");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.replace(/^\uFEFF/, "").split("\r\n");
    // headers in Chinese even with --lang en: import recognises them
    expect(lines[0]).toBe("报告期,填报单位,指标代码,指标名称,计量单位,数值,口径,备注");
    expect(lines).toContain("2020Q4,通川区,key_tech_projects,关键技术攻关项目,项,,累计,");
    // 23 indicators, a header and the empty string after the last CRLF
    expect(lines).toHaveLength(23 + 2);
  });
});

describe("imports: an undo that removed values says how many", () => {
  it("the undo batch's removed count is listed, in the table and the JSON", async () => {
    // a file that adds one value (开江县 科技成果转化项目 2020Q3 = 4), then its undo removes it
    const added = join(dir.dir, "added.csv");
    writeFileSync(added, "period,unit,indicator,value\n2020Q3,开江县,st_transfer_projects,4\n");
    expect((await run("import", added)).code).toBe(0);
    const batches = JSON.parse((await run("imports", "--format", "json")).stdout) as { id: number }[];
    const last = batches[batches.length - 1]!.id;
    expect((await run("imports", "undo", String(last), "--yes")).code).toBe(0);
    const after = JSON.parse((await run("imports", "--format", "json")).stdout) as {
      kind: string;
      removed: number;
      updated: number;
    }[];
    expect(after[after.length - 1]).toMatchObject({ kind: "undo", updated: 0, removed: 1 });
    const csv = (await run("imports", "--format", "csv", "--no-bom")).stdout.split("\r\n");
    expect(csv[0]).toContain("删除");
    expect(csv[after.length]).toMatch(/,0,0,0,0,0,1,$/); // rows, inserted, updated, unchanged, blank, removed
  });
});
