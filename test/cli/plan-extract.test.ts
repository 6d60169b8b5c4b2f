/**
 * `dzkj plan extract`: the review document in every format, the draft plan that `init --plan`
 * loads, encodings, and the errors; in-process through `main` against a database with the 2020 plan.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, FIXTURES, tempDir } from "../helpers.js";
import { type MainResult, runMain } from "../support/main.js";

const TEXTS = join(FIXTURES, "plan-text");
const PLAN_2020 = join(TEXTS, "2020-dazhou-st-work-plan.zh.txt");
const PLAN_2021 = join(TEXTS, "2021-qingjiang-st-work-plan.zh.txt");
const key = JSON.parse(readFileSync(join(TEXTS, "2021-qingjiang-st-work-plan.key.json"), "utf8")) as {
  indicators: { target: number; unit: string; commitment: string; kind: string }[];
};

let dir: ReturnType<typeof tempDir>;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.dir, "d.db");
  await createDatabase(db);
});
afterAll(() => dir.cleanup());

function run(...argv: string[]): Promise<MainResult> {
  return runMain(["--db", db, ...argv], {
    PATH: process.env.PATH,
    HOME: dir.dir,
    NO_COLOR: "1",
    DZKJ_NOW: "2021-01-15T08:00:00Z",
  });
}

describe("plan extract: the review document", () => {
  it("JSON holds the sections, tasks, candidates with their reasons, and the excluded numbers", async () => {
    const r = await run("plan", "extract", PLAN_2020, "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.encoding, j.sections.length, j.tasks.length, j.candidates.length]).toEqual(["utf8", 8, 35, 23]);
    expect([j.title, j.issuer, j.issuedOn]).toEqual([
      "2020年达州市科技创新工作要点",
      "达州市科学技术局",
      "2020-03-27",
    ]);
    const seventy = j.candidates.find((c: { number: number }) => c.number === 70);
    expect(seventy).toMatchObject({
      unit: "家",
      commitment: "aspirational",
      kind: "stock",
      confidence: "high",
    });
    expect(seventy.why).toContainEqual({ rule: "aspirationalClause", word: "力争" });
    expect(j.excluded.find((e: { text: string }) => e.text === "4000亿").why.rule).toBe("economy");
    expect(j.draft).toBeNull();
  });

  it("reads a GB18030 file as it reads the UTF-8 one", async () => {
    const gbk = join(dir.dir, "要点-gbk.txt");
    writeFileSync(gbk, iconv.encode(readFileSync(PLAN_2020, "utf8"), "gb18030"));
    const [a, b] = [
      await run("plan", "extract", PLAN_2020, "--format", "json"),
      await run("plan", "extract", gbk, "--format", "json"),
    ];
    expect(b.code, b.stderr).toBe(0);
    const [ja, jb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(jb.encoding).toBe("gb18030");
    expect(jb.candidates).toEqual(ja.candidates);
    expect(jb.tasks).toEqual(ja.tasks);
  });

  it("reads a .docx (paragraphs split into runs, as Word writes them) as it reads the text", async () => {
    const docx = join(TEXTS, "2021-qingjiang-st-work-plan.docx");
    const [a, b] = [
      await run("plan", "extract", PLAN_2021, "--format", "json"),
      await run("plan", "extract", docx, "--format", "json"),
    ];
    expect(b.code, b.stderr).toBe(0);
    const [ja, jb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(jb.encoding).toBe("docx");
    // one line a paragraph: the same line numbers in the review as for the .txt
    expect(jb.candidates).toEqual(ja.candidates);
    expect(jb.tasks).toEqual(ja.tasks);
    expect(jb.excluded).toEqual(ja.excluded);
  });

  it("a file named .docx that is not one is refused, naming it", async () => {
    const bad = join(dir.dir, "要点.docx");
    writeFileSync(bad, "PK\u0003\u0004 not a zip");
    const r = await run("plan", "extract", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: 不是可读的 .docx 文件`);
  });

  it("the table, CSV, markdown and HTML list each candidate with its reasons, in Chinese", async () => {
    for (const format of ["table", "csv", "markdown", "html"]) {
      const r = await run("plan", "extract", PLAN_2021, "--format", format, "--width", "400");
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      // CSV has no block titles: its header row names the columns
      expect(r.stdout, format).toContain(format === "csv" ? "#,指标,目标,承诺,类型,置信度" : "候选目标");
      expect(r.stdout, format).toContain("每万人发明专利拥有量");
      expect(r.stdout, format).toContain("计的是持续存在的事物：存量");
      expect(r.stdout, format).toContain("经济总量类数字");
    }
  });

  it("--lang en gives the reasons in English", async () => {
    const r = await run("--lang", "en", "plan", "extract", PLAN_2021, "--format", "markdown");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Candidate targets");
    expect(r.stdout).toContain("a firm floor and an aspirational stretch");
    expect(r.stdout).toContain("30 家; 争取 40 家");
  });
});

describe("plan extract --draft: a plan file init --plan loads", () => {
  it("writes a draft that loads as the 2021 plan with the key's targets; extract itself loads nothing", async () => {
    const draft = join(dir.dir, "plan-2021.json");
    const r = await run("plan", "extract", PLAN_2021, "--draft", draft, "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(draft);
    expect(JSON.parse(r.stdout).draft.file).toBe(draft);
    // nothing loaded yet: the database still has only the 2020 plan
    const before = await run("plan", "--year", "2021");
    expect(before.code).toBe(1);
    const init = await run("init", "--plan", draft);
    expect(init.code, init.stderr).toBe(0);
    const plan = JSON.parse((await run("plan", "--year", "2021", "--format", "json")).stdout);
    expect(plan.plan).toMatchObject({ year: 2021, issuer: "清江市科学技术局", issuedOn: "2021-03-12" });
    expect(plan.tasks).toHaveLength(11);
    // the units come from the stored 2020 plan (10 of them: 全市, 市本级 and the 8 counties)
    expect(plan.units).toHaveLength(10);
    const got = plan.indicators
      .map((d: { target: number; unit: string; commitment: string; kind: string }) =>
        [d.target, d.unit, d.commitment, d.kind].join(" "),
      )
      .sort();
    const want = key.indicators.map((d) => [d.target, d.unit, d.commitment, d.kind].join(" ")).sort();
    expect(got).toEqual(want);
    // 确保…30家、争取40家: the firm target 30 with its stretch 40
    expect(
      plan.indicators
        .filter((d: { stretch?: number }) => d.stretch !== undefined)
        .map((d: { target: number; stretch: number }) => [d.target, d.stretch]),
    ).toContainEqual([30, 40]);
    // 高新技术企业 (家) keeps its 2020 code, so next year's figures line up with this year's
    expect(plan.indicators.find((d: { target: number }) => d.target === 150).code).toBe("hitech_enterprises");
  });

  it("the draft's headline targets are those of the 主要目标", async () => {
    const draft = join(dir.dir, "headline.json");
    expect((await run("plan", "extract", PLAN_2021, "--draft", draft, "--format", "json")).code).toBe(0);
    const d = JSON.parse(readFileSync(draft, "utf8"));
    const headline = d.indicators
      .filter((i: { headline: boolean }) => i.headline)
      .map((i: { target: number }) => i.target);
    // 主要目标: 150家, 30家, 300家, 1.8%, 12亿元 (restated in task 三.1), 15个, 4.5件
    expect(headline.sort((a: number, b: number) => a - b)).toEqual([1.8, 4.5, 12, 15, 30, 150, 300]);
  });
});

describe("plan extract --draft: what the text does not give is left for the analyst", () => {
  // 青峰 2021: no issue date line; 孵化器毕业率控制在30%以内 is a ceiling
  const QINGFENG = join(TEXTS, "counties", "qingfeng-2021.utf8.txt");

  it("leaves the issue date blank and the ceiling out of the JSON draft; init refuses the blank date", async () => {
    const draft = join(dir.dir, "qf.json");
    const r = await run("plan", "extract", QINGFENG, "--draft", draft);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("未能从文中读出印发日期，草稿中留空");
    expect(r.stdout).toContain(
      "上限类目标，dzkj 无法按序时进度判断，未写入草稿：科技企业孵化器在孵企业毕业率",
    );
    const d = JSON.parse(readFileSync(draft, "utf8"));
    expect(d.plan.issuedOn).toBe("");
    // 18 targets in the key, one of them the ceiling: 17 indicators
    expect(d.indicators).toHaveLength(17);
    expect(
      d.indicators.some((i: { target: number; unit: string }) => i.target === 30 && i.unit === "%"),
    ).toBe(false);
    const other = join(dir.dir, "qf.db");
    await createDatabase(other);
    const env = { PATH: process.env.PATH, HOME: dir.dir, NO_COLOR: "1", DZKJ_NOW: "2021-01-15T08:00:00Z" };
    const init = await runMain(["--db", other, "init", "--plan", draft], env);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain("plan.issuedOn");
    // filled in, it loads
    d.plan.issuedOn = "2021-02-01";
    writeFileSync(draft, JSON.stringify(d));
    const again = await runMain(["--db", other, "init", "--plan", draft], env);
    expect(again.code, again.stderr).toBe(0);
  });

  it("the workbook draft leaves 发文日期 blank, and init refuses it at its cell", async () => {
    const book = join(dir.dir, "qf.xlsx");
    expect((await run("plan", "extract", QINGFENG, "--draft", book)).code).toBe(0);
    const other = join(dir.dir, "qf-book.db");
    await createDatabase(other);
    const env = { PATH: process.env.PATH, HOME: dir.dir, NO_COLOR: "1", DZKJ_NOW: "2021-01-15T08:00:00Z" };
    const init = await runMain(["--db", other, "init", "--plan", book], env);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain(`${book}:基本信息!B7: 发文日期`);
  });

  it("a text that does not exist is refused in the product's words", async () => {
    const r = await run("plan", "extract", "nosuch.txt");
    expect([r.code, r.stderr.includes("nosuch.txt：文件不存在"), r.stderr.includes("ENOENT")]).toEqual([
      1,
      true,
      false,
    ]);
  });
});

describe("plan extract --draft x.xlsx → review the workbook → init --plan x.xlsx", () => {
  it("the workbook draft loads as the JSON draft does, with each target's source sentence", async () => {
    const book = join(dir.dir, "plan-2021.xlsx");
    const json = join(dir.dir, "plan-2021-twin.json");
    expect((await run("plan", "extract", PLAN_2021, "--draft", book, "--format", "json")).code).toBe(0);
    expect((await run("plan", "extract", PLAN_2021, "--draft", json, "--format", "json")).code).toBe(0);
    // the workbook into a database of its own (the one above already holds the JSON draft's 2021)
    const other = join(dir.dir, "book.db");
    await createDatabase(other);
    const env = { PATH: process.env.PATH, HOME: dir.dir, NO_COLOR: "1", DZKJ_NOW: "2021-01-15T08:00:00Z" };
    const init = await runMain(["--db", other, "init", "--plan", book], env);
    expect(init.code, init.stderr).toBe(0);
    const loaded = JSON.parse(
      (await runMain(["--db", other, "plan", "export", "--year", "2021", "--format", "json"], env)).stdout,
    );
    const twin = JSON.parse(readFileSync(json, "utf8"));
    expect(loaded.indicators.map((d: { code: string; target: number }) => [d.code, d.target])).toEqual(
      twin.indicators.map((d: { code: string; target: number }) => [d.code, d.target]),
    );
    expect(loaded.tasks).toEqual(twin.tasks);
    // every indicator keeps the sentence it was read from, for the analyst's review
    expect(
      loaded.indicators.every((d: { source?: string }) => typeof d.source === "string" && d.source !== ""),
    ).toBe(true);
  });
});

describe("plan extract: errors name the file and leave nothing behind", () => {
  it.each([
    ["a file that does not exist", ["plan", "extract", "nope.txt"], 1, "nope.txt"],
    ["a format it cannot read", ["plan", "extract", "要点.pdf"], 1, ".pdf"],
    ["no file", ["plan", "extract"], 2, "dzkj plan extract 要点.txt"],
    ["a draft named neither .xlsx nor .json", ["plan", "extract", PLAN_2021, "--draft", "d.csv"], 2, "d.csv"],
    ["a mistyped action", ["plan", "extrat", PLAN_2021], 2, "dzkj plan extract"],
    ["an option of the stored plan's listing", ["plan", "extract", PLAN_2021, "--task", "3"], 2, "--task"],
    ["--draft without extract", ["plan", "--draft", "d.json"], 2, "--draft"],
    ["a file without extract", ["plan", "list", PLAN_2021], 2, "extract"],
  ])("%s", async (_case, argv, code, says) => {
    const r = await run(...argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(says);
    expect(r.stdout).toBe("");
  });

  it("a text with no sections or targets is shown, with a warning that it may be the wrong file", async () => {
    const notes = join(dir.dir, "会议纪要.txt");
    writeFileSync(notes, "会议纪要\n与会人员讨论了明年的工作。\n");
    const r = await run("plan", "extract", notes);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("请确认这是工作要点的正文");
    expect(r.stdout).toContain("候选目标 0 个");
  });

  it("an empty file is refused", async () => {
    const empty = join(dir.dir, "empty.txt");
    writeFileSync(empty, "\uFEFF \n");
    const r = await run("plan", "extract", empty);
    expect([r.code, r.stderr.includes("没有文字")]).toEqual([1, true]);
  });

  it("a draft is not written when the text cannot be read", async () => {
    const draft = join(dir.dir, "never.json");
    expect((await run("plan", "extract", "nope.txt", "--draft", draft)).code).toBe(1);
    expect(existsSync(draft)).toBe(false);
  });
});
