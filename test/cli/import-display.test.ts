/**
 * What `dzkj import` and `dzkj history` show of stored figures: the value exactly as stored (no
 * rounding for display), 本期 marked when the figure is the quarter's own, and English counts.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatExact } from "../../src/render/format.js";
import { createDatabase, tempDir } from "../helpers.js";
import { type MainResult, runMain } from "../support/main.js";

let dir: ReturnType<typeof tempDir>;
let db: string;
const run = (...argv: string[]): Promise<MainResult> =>
  runMain(["--db", db, ...argv], {
    PATH: process.env.PATH,
    HOME: dir.dir,
    NO_COLOR: "1",
    DZKJ_NOW: "2020-10-15T02:00:00Z",
  });

beforeAll(async () => {
  dir = tempDir("dzkj-display-");
  db = join(dir.dir, "d.db");
  await createDatabase(db);
});
afterAll(() => dir.cleanup());

const file = (name: string, text: string) => {
  const f = join(dir.dir, name);
  writeFileSync(f, text);
  return f;
};

describe("formatExact", () => {
  it.each([
    [0.00000322, "0.00000322"],
    [1234.56, "1,234.56"],
    [1234567.1234567, "1,234,567.1234567"],
    [-0.125, "-0.125"],
    [0.1 + 0.2, "0.3"], // 0.30000000000000004 to 15 significant digits
    [5, "5"],
  ])("%d is shown %s", (v, text) => expect(formatExact("zh", v)).toBe(text));
});

describe("import's list of changes and history", () => {
  it("a tiny figure is listed and kept in history exactly, not rounded to 6 decimals", async () => {
    // 0.00000322 万元 has 8 decimals: rounded to 6 it would show 0.000003
    const f = file("tiny.csv", "报告期,填报单位,指标,数值\n2020Q3,通川区,技术合同登记额,0.00000322\n");
    const dry = await run("import", "--dry-run", f);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout + dry.stderr).toContain("新增 0.00000322");
    const r = await run("import", f);
    expect(r.code, r.stderr).toBe(0);
    const h = await run("history", "tech_contract_value", "--unit", "通川区");
    expect(h.stdout).toContain("0.00000322");
  });

  it("a figure stored as 本期 is marked in the dry-run list", async () => {
    const f = file("period.csv", "报告期,填报单位,指标,数值,口径\n2020Q3,达川区,技术合同登记额,100,本期\n");
    const r = await run("import", "--dry-run", f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain("新增 100（本期）");
    const en = await run("--lang", "en", "import", "--dry-run", f);
    expect(en.stdout + en.stderr).toContain("new 100 (period)");
  });

  it("a year-to-date figure carries no mark", async () => {
    const f = file("ytd.csv", "报告期,填报单位,指标,数值\n2020Q3,达川区,技术合同登记额,100\n");
    const r = await run("import", "--dry-run", f);
    expect(r.stdout + r.stderr).toContain("新增 100\n");
  });

  it("English counts say row(s), as the product's other counts do", async () => {
    const f = file("one.csv", "填报单位：渠县\n报告期：2020年1-9月\n指标名称,数值\n关键技术攻关项目,3\n");
    const r = await run("--lang", "en", "import", "--dry-run", f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain("1 row(s) read, 2 title row(s) skipped");
    expect(r.stdout + r.stderr).not.toMatch(/\b1 rows\b/);
  });
});
