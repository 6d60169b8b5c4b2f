/**
 * 同比 compares like with like in every view (README "Year on year"): report table, report JSON,
 * trend table and trend JSON compute it over the units with figures in both years and name the
 * units left out. Example: 2019Q3 通川区 4, 达川区 3; 2020Q3 通川区 5, 达川区 4, 渠县 6.
 *   city figure 5 + 4 + 6 = 15; 上年同期 4 + 3 = 7
 *   同比 over 通川区 and 达川区: (5 + 4 − 7) ÷ 7 = 2 ÷ 7 = +28.6 % (not (15 − 7) ÷ 7 = +114.3 %)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, tempDir } from "../helpers.js";
import { type MainResult, runMain } from "../support/main.js";

const dir = tempDir();
const db = join(dir.dir, "y.db");
const run = (...argv: string[]): Promise<MainResult> =>
  runMain(["--db", db, ...argv], { PATH: process.env.PATH, HOME: dir.dir, NO_COLOR: "1" });
afterAll(() => dir.cleanup());
beforeAll(async () => {
  await createDatabase(db);
  const f = join(dir.dir, "y1.csv");
  writeFileSync(
    f,
    [
      "period,unit,indicator,value",
      "2019Q3,通川区,关键技术攻关项目,4",
      "2019Q3,达川区,关键技术攻关项目,3",
      "2020Q3,通川区,关键技术攻关项目,5",
      "2020Q3,达川区,关键技术攻关项目,4",
      "2020Q3,渠县,关键技术攻关项目,6",
      "",
    ].join("\n"),
  );
  const r = await run("import", f);
  expect(r.code, r.stderr).toBe(0);
});

describe("同比 over the units present in both years", () => {
  it("report: +28.6 %, with a footnote naming 渠县", async () => {
    const r = await run("report", "--width", "250");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/关键技术攻关项目[^\n]*\|\s+15 \|[^\n]*\|\s+7 \| \+28\.6%/);
    expect(r.stdout).not.toContain("+114.3%");
    expect(r.stdout).toContain(
      "关键技术攻关项目 同比只比较两年都有数的单位（本年 9项，上年同期 7项）：渠县 无上年同期数。",
    );
    const en = await run("--lang", "en", "report", "--width", "250");
    expect(en.stdout).toContain(
      "compares only the units with figures in both years (9 projects now, 7 projects last year): Qu County has no figure for the same quarter last year.",
    );
  });

  it("report JSON: the figures compared and the units left out", async () => {
    const j = JSON.parse((await run("report", "--format", "json")).stdout);
    const l = j.indicators.find((i: { code: string }) => i.code === "key_tech_projects");
    expect(l).toMatchObject({
      actual: 15,
      lastYear: 7,
      yoyCurrent: 9,
      yoyLastYear: 7,
      yoyLeftOut: [{ unit: "quxian", missing: "lastYear" }],
    });
    expect(l.yoy).toBeCloseTo(2 / 7, 12);
  });

  it("trend: the same footnote under 2020Q3, the same fields in JSON", async () => {
    const t = await run("trend", "关键技术攻关项目");
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toContain(
      "2020Q3 同比只比较两年都有数的单位（本年 9项，上年同期 7项）：渠县 无上年同期数。",
    );
    const j = JSON.parse((await run("trend", "关键技术攻关项目", "--format", "json")).stdout);
    const q3 = j.points.find((p: { period: string }) => p.period === "2020Q3");
    expect(q3).toMatchObject({
      value: 15,
      lastYear: 7,
      yoyCurrent: 9,
      yoyLastYear: 7,
      yoyLeftOut: [{ unit: "quxian", missing: "lastYear" }],
    });
    // quarters without last year's figure leave nothing out
    expect(j.points.find((p: { period: string }) => p.period === "2020Q1").yoyLeftOut).toEqual([]);
  });
});
