/**
 * README rule 3: a stock's baseline in plan year Y is the (Y−1)Q4 figure stored with Y, else the
 * unit's figure in the (Y−1) plan's year-end report — its 2020Q4 imported under the 2020 plan, else
 * its newest earlier 2020 figure, carried. 缺基数 only when neither exists, and its footnote names
 * the --year to import with.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, ROOT, tempDir, testEnv } from "../helpers.js";
import { runMain } from "../support/main.js";

let tmp: { dir: string; cleanup: () => void };
let env: NodeJS.ProcessEnv;
let plan2021: string;

beforeAll(() => {
  tmp = tempDir("dzkj-baseline-");
  env = testEnv(tmp.dir, { DZKJ_NOW: "2021-04-20T08:00:00Z", TZ: "UTC" });
  const plan = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
  plan.plan.year = 2021;
  plan.plan.issuedOn = "2021-02-01";
  plan.tasks = plan.tasks.map((t: { deadline: string }) => ({
    ...t,
    deadline: t.deadline.replace("2020", "2021"),
  }));
  plan.indicators.find((d: { code: string }) => d.code === "hitech_enterprises").target = 90;
  plan2021 = join(tmp.dir, "plan-2021.json");
  writeFileSync(plan2021, JSON.stringify(plan));
});
afterAll(() => tmp.cleanup());

const dzkj = (db: string, ...args: string[]) => runMain(["--db", db, ...args], env);
function csv(name: string, rows: string[]): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, ["period,unit,indicator,value", ...rows, ""].join("\n"));
  return file;
}

/** A database with the 2020 plan, `q4` imported under it, the 2021 plan, and 75 at 2021Q1. */
async function setUp(name: string, q4: string[], own2021: string[] = []): Promise<string> {
  const db = join(tmp.dir, `${name}.db`);
  await createDatabase(db);
  if (q4.length) expect((await dzkj(db, "import", csv(`${name}-q4.csv`, q4))).code).toBe(0);
  expect((await dzkj(db, "init", "--plan", plan2021)).code).toBe(0);
  if (own2021.length)
    expect((await dzkj(db, "import", csv(`${name}-base.csv`, own2021), "--year", "2021")).code).toBe(0);
  const q1 = await dzkj(db, "import", csv(`${name}-q1.csv`, ["2021Q1,city,hitech_enterprises,75"]));
  expect(q1.code, q1.stderr).toBe(0);
  return db;
}

async function line(
  db: string,
): Promise<{ baseline: number | null; actual: number | null; expected: number | null; status: string }> {
  const r = await dzkj(db, "report", "--year", "2021", "--as-of", "2021Q1", "--format", "json");
  expect(r.code, r.stderr).toBe(0);
  const rep = JSON.parse(r.stdout);
  return rep.indicators.find((l: { code: string }) => l.code === "hitech_enterprises");
}

describe("the 2021 baseline of a stock", () => {
  it("is the 2020 plan's own 2020Q4 figure when the 2021 plan holds none", async () => {
    const db = await setUp("prior", ["2020Q4,city,hitech_enterprises,72"]);
    // baseline 72; expected at Q1 = 72 + (90 − 72) × 1/4 = 76.5; 75 < 76.5
    expect(await line(db)).toMatchObject({ baseline: 72, expected: 76.5 });
  });

  it("is the 2020Q4 stored with the 2021 plan when there is one (it wins over the 2020 plan's)", async () => {
    const db = await setUp(
      "own",
      ["2020Q4,city,hitech_enterprises,72"],
      ["2020Q4,city,hitech_enterprises,60"],
    );
    // baseline 60; expected = 60 + (90 − 60) × 1/4 = 67.5
    expect(await line(db)).toMatchObject({ baseline: 60, expected: 67.5 });
  });

  it("carries a unit's newest 2020 figure, as 2020's year-end figure does, when it sent no 2020Q4", async () => {
    const db = join(tmp.dir, "carry.db");
    await createDatabase(db);
    const y2020 = csv("carry-2020.csv", [
      "2020Q4,tongchuan,hitech_enterprises,30",
      "2020Q2,xuanhan,hitech_enterprises,8",
      "2020Q3,xuanhan,hitech_enterprises,10",
    ]);
    expect((await dzkj(db, "import", y2020)).code).toBe(0);
    expect((await dzkj(db, "init", "--plan", plan2021)).code).toBe(0);
    const q1 = csv("carry-q1.csv", [
      "2021Q1,tongchuan,hitech_enterprises,32",
      "2021Q1,xuanhan,hitech_enterprises,11",
    ]);
    expect((await dzkj(db, "import", q1)).code).toBe(0);
    // 2020's year-end: 通川 30 + 宣汉 10 (its 2020Q3, carried) = 40, the 2021 baseline;
    // actual 32 + 11 = 43; expected 40 + (90 − 40) × 1/4 = 52.5
    expect(await line(db)).toMatchObject({ baseline: 40, actual: 43, expected: 52.5 });
  });

  it("is missing only when neither plan holds it, and the footnote names --year 2021", async () => {
    const db = await setUp("none", []);
    expect(await line(db)).toMatchObject({ baseline: null, expected: null, status: "no_baseline" });
    const r = await dzkj(db, "report", "--year", "2021", "--as-of", "2021Q1", "--format", "markdown");
    expect(r.stdout).toContain("用 dzkj import 文件 --year 2021 导入 2020Q4 基数后即可计算");
  });
});
