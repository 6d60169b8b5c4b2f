import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPlanText } from "../../src/intake/plan-text.js";
import { FIXTURES } from "../helpers.js";
import { type KeyTarget, measure } from "../support/plan-key.js";

interface Key {
  sections: { code: string; title: string }[];
  tasks: { number: number; label: string; section: number }[];
  indicators: KeyTarget[];
}

const dir = join(FIXTURES, "plan-text");
const key = JSON.parse(readFileSync(join(dir, "2021-qingjiang-st-work-plan.key.json"), "utf8")) as Key;
const result = extractPlanText(readFileSync(join(dir, "2021-qingjiang-st-work-plan.zh.txt"), "utf8"));
const measured = measure("second plan (清江 2021)", result, key.indicators);

describe("plan extract on a second plan text (other numbering, 确保/争取 pairs, distractors), against its key", () => {
  it("finds every target of the key with number, unit and commitment, and at most 3 extra", () => {
    console.log(measured.summary);
    expect(measured.missed.map((k) => k.name)).toEqual([]);
    expect(measured.matched).toHaveLength(24);
    expect(measured.extra.length).toBeLessThanOrEqual(3);
    // precision = 24 / (24 + extras) ≥ 24/27 ≈ 0.889
    expect(measured.precision).toBeGreaterThanOrEqual(24 / 27);
  });

  it("proposes the key's comparison, kind and stretch for every target", () => {
    const wrong = measured.matched.flatMap(({ key: k, candidate: c }) => {
      const got = [c.comparison, c.kind, c.stretch?.number ?? null];
      const want = [k.comparison, k.kind, k.stretch ?? null];
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${k.name}: ${got} ≠ ${want}`];
    });
    expect(wrong).toEqual([]);
  });

  it("finds the 5 sections and 11 tasks, numbering restarting in each section", () => {
    expect(result.sections.map((s) => [s.code, s.title])).toEqual(key.sections.map((s) => [s.code, s.title]));
    expect(result.tasks.map((t) => [t.number, t.label, t.section])).toEqual(
      key.tasks.map((t) => [t.number, t.label, t.section]),
    );
    // a paragraph without a marker continues the task before it
    expect(result.tasks[3]!.text).toContain("开展平台绩效评价");
  });

  it("merges the 主要目标's 12亿元 into task 三.1's 12亿元以上, at least", () => {
    const c = result.candidates.filter((x) => x.number === 12 && x.unit === "亿元");
    expect(c).toHaveLength(1);
    expect([c[0]?.source.task, c[0]?.comparison, c[0]?.restated.length]).toEqual([5, "atLeast", 1]);
  });

  it("keeps out the distractors, each with its rule", () => {
    const rules = new Map(result.excluded.map((e) => [e.text, e.why.rule]));
    expect(rules.get("2000亿元")).toBe("economy");
    expect(rules.get("12396")).toBe("code");
    expect(rules.get("2372211")).toBe("code");
    expect(rules.get("30万元")).toBe("policy");
    expect(rules.get("5%")).toBe("policy");
    expect(rules.get("3个")).toBe("quoted");
    expect(rules.get("1")).toBe("slogan");
    expect(rules.get("5")).toBe("docNumber");
  });
});
