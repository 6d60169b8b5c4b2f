import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPlanText } from "../../src/intake/plan-text.js";
import { FIXTURES, ROOT } from "../helpers.js";
import { type KeyTarget, measure } from "../support/plan-key.js";

interface Seed {
  sections: { number: number; code: string; title: string }[];
  tasks: { number: number; section: number; title: string; text: string }[];
  indicators: (KeyTarget & { code: string })[];
}

const seed = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8")) as Seed;
const text = readFileSync(join(FIXTURES, "plan-text", "2020-dazhou-st-work-plan.zh.txt"), "utf8");
const result = extractPlanText(text);
const measured = measure("2020 plan", result, seed.indicators);

describe("plan extract on the 2020 plan's text, against seeds/plan-2020.json", () => {
  it("finds all 23 indicators with the right number, unit and commitment, and at most 3 extra", () => {
    console.log(measured.summary);
    expect(measured.missed.map((k) => k.name)).toEqual([]);
    expect(measured.matched).toHaveLength(23);
    expect(measured.extra.length).toBeLessThanOrEqual(3);
    // 23 found of 23 in the key; precision = 23 / (23 + extras) ≥ 23/26 ≈ 0.885
    expect(measured.recall).toBe(1);
    expect(measured.precision).toBeGreaterThanOrEqual(23 / 26);
  });

  it("proposes the kind the seed has for every matched indicator (70家 stock, 58% rate, the rest flows)", () => {
    const wrong = measured.matched
      .filter((m) => m.candidate.kind !== m.key.kind)
      .map((m) => `${m.key.name}: ${m.candidate.kind} ≠ ${m.key.kind}`);
    expect(wrong).toEqual([]);
  });

  it("reads the four 达到 yearly amounts as flows and says which word decided it", () => {
    // README: 200家 入库备案, 400亿元 收入, 10亿元 支出, 5600万元 登记额 all say 达到 and are flows
    for (const [n, unit, word] of [
      [200, "家", "入库"],
      [400, "亿元", "收入"],
      [10, "亿元", "支出"],
      [5600, "万元", "登记额"],
    ] as const) {
      const c = result.candidates.find((x) => x.number === n && x.unit === unit);
      expect(c?.kind, `${n}${unit}`).toBe("flow");
      expect(c?.why).toContainEqual({ rule: "kindYearly", word });
    }
  });

  it("finds the 8 sections with the seed's codes and titles", () => {
    expect(result.sections.map((s) => [s.number, s.code, s.title])).toEqual(
      seed.sections.map((s) => [s.number, s.code, s.title]),
    );
  });

  it("finds the 35 tasks in their sections, each holding the seed's title and text", () => {
    expect(result.tasks.map((t) => [t.number, t.section])).toEqual(
      seed.tasks.map((t) => [t.number, t.section]),
    );
    for (const t of seed.tasks) {
      const found = result.tasks[t.number - 1]!;
      expect(found.text, `task ${t.number}`).toContain(t.title);
      expect(found.text, `task ${t.number}`).toContain(t.text);
    }
    // task 17 has no stop after its number (`17启动…`): read as a task because 16 came before
    expect(result.tasks[16]!.label).toBe("17");
  });

  it("merges the 总体目标's restatements into their tasks: 200家, 400亿元, 10项 (task 12), 8项 (task 19)", () => {
    const restated = result.candidates
      .filter((c) => c.restated.length > 0)
      .map((c) => [c.number, c.unit, c.source.task]);
    expect(restated).toEqual([
      [200, "家", 4],
      [400, "亿元", 4],
      [10, "项", 12],
      [8, "项", 19],
    ]);
  });

  it("keeps out 12335, 4000亿, 6+3, 1+7 and the years, each with its rule", () => {
    const rule = (s: string) => result.excluded.find((e) => e.text === s)?.why.rule;
    expect(rule("12335")).toBe("code");
    expect(rule("4000亿")).toBe("economy");
    expect(rule("2020")).toBe("year");
    const slogans = result.excluded.filter((e) => e.why.rule === "slogan").map((e) => e.text);
    // “6+3” in the 总体目标 and tasks 6, 13, 15 (section 二's heading is not read for targets) and
    // “1+7” in task 4: 5 slogans × 2 digits = 10
    expect(slogans).toHaveLength(10);
    expect(result.candidates.some((c) => c.number === 4000 || c.number === 12335)).toBe(false);
  });
});
