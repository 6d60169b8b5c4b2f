import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Candidate, extractPlanText, type PlanText } from "../../src/intake/plan-text.js";
import { FIXTURES } from "../helpers.js";
import { type KeyTarget, measure } from "../support/plan-key.js";

/**
 * Two plan texts in other counties' style (石门 2021, 青峰 2021) with answer keys written by hand
 * before the extractor ran on them (fixtures/plan-text/counties/*.key.tsv: number, unit, comparison
 * >= <= =, commitment firm/asp, kind).
 */
const dir = join(FIXTURES, "plan-text", "counties");

function readKey(file: string): (KeyTarget & { id: string })[] {
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((l) => {
      const [id, , name, number, unit, cmp, commit, kind] = l.split("\t");
      return {
        id: id!,
        name: name!,
        target: Number(number),
        unit: unit!,
        comparison: cmp === ">=" ? "atLeast" : cmp === "<=" ? "atMost" : "exactly",
        commitment: commit === "asp" ? "aspirational" : "firm",
        kind: kind as KeyTarget["kind"],
      };
    });
}

/** The key writes 5万平方米 as 50000 平方米: a candidate in 万平方米 is compared in 平方米 (× 10000). */
function scaled(result: PlanText): PlanText {
  const base = (c: Candidate): Candidate => {
    const m = /^万(.+)$/.exec(c.unit);
    return m && c.unit !== "万元" ? { ...c, number: c.number * 10000, unit: m[1]! } : c;
  };
  return { ...result, candidates: result.candidates.map(base) };
}

const read = (file: string) => extractPlanText(readFileSync(join(dir, file), "utf8"));
const shimen = read("shimen-2021.txt");
const qingfeng = read("qingfeng-2021.utf8.txt");
const shimenKey = readKey("shimen-2021.key.tsv");
const qingfengKey = readKey("qingfeng-2021.key.tsv");

/**
 * 石门 line 30 (`力争省级高新区创建取得突破，园区…产值达到85亿元，…比重达到55%`): the key reads
 * 85亿元 and 55% as firm; README's rule carries a heading 力争 to the figures after it and flags the
 * reach as doubtful (its own clause states no figure). These two disagree with the key by design.
 */
const BY_RULE: Record<string, string[]> = {
  "石门 2021": ["A21", "A22"],
  "青峰 2021": [],
};

describe.each([
  ["石门 2021", shimen, shimenKey, 4, 11],
  ["青峰 2021", qingfeng, qingfengKey, 3, 8],
])("plan extract on %s against its hand-made key", (label, result, key, sections, tasks) => {
  const byRule = BY_RULE[label]!;
  const m = measure(
    label,
    scaled(result),
    key.filter((k) => !byRule.includes(k.id)),
  );
  it("finds every target with number, unit and commitment", () => {
    console.log(m.summary, m.extra.map((c) => `${c.number}${c.unit} ${c.name}`).join(" | "));
    expect(m.missed.map((k) => `${k.name} ${k.target}${k.unit} ${k.commitment}`)).toEqual([]);
  });
  it("reads the key's disagreements by README's rule, each flagged as a doubt", () => {
    const flagged = result.candidates.filter((c) => c.doubts.some((d) => d.rule === "scopeNoFigure"));
    expect(flagged.map((c) => `${c.number}${c.unit} ${c.commitment}`)).toEqual(
      byRule.length ? ["85亿元 aspirational", "55% aspirational"] : [],
    );
  });
  it("and its comparison and kind", () => {
    const wrong = m.matched.flatMap(({ key: k, candidate: c }) =>
      c.comparison === k.comparison && c.kind === k.kind ? [] : [`${k.name}: ${c.comparison}/${c.kind}`],
    );
    expect(wrong).toEqual([]);
  });
  it("proposes nothing that is not a target", () => {
    // the two read by rule are the only candidates outside the filtered key
    expect(m.extra.map((c) => `${c.number}${c.unit}`)).toEqual(byRule.length ? ["85亿元", "55%"] : []);
  });
  it("finds the sections and tasks", () => {
    expect([result.sections.length, result.tasks.length]).toEqual([sections, tasks]);
  });
});

describe("wordings of other counties: measures after 万, caps, coverage, task markers, list items", () => {
  it("reads 5万平方米 as 5 万平方米, never 5 万元, and as a stock (孵化器 达到)", () => {
    const c = shimen.candidates.find((x) => x.source.line === 31 && x.number === 5)!;
    expect([c.name, c.number, c.unit, c.kind, c.doubts]).toEqual([
      "孵化器孵化面积",
      5,
      "万平方米",
      "stock",
      [],
    ]);
  });

  it("keeps out the cap on a subsidy, the places a service covers and an assessment weight", () => {
    const rules = (r: PlanText) => r.excluded.map((e) => `${e.text} ${e.why.rule}`);
    expect(rules(shimen)).toEqual(expect.arrayContaining(["22个 coverage", "50万元 policyCap"]));
    expect(rules(qingfeng)).toEqual(expect.arrayContaining(["5万元 policyCap", "5% weight"]));
  });

  it("reads 控制在30%以内 as at most, doubtful", () => {
    const c = qingfeng.candidates.find((x) => x.number === 30 && x.unit === "%")!;
    expect([c.comparison, c.doubts.map((d) => d.rule), c.confidence]).toEqual([
      "atMost",
      ["atMostTarget"],
      "medium",
    ]);
  });

  it("finds tasks 7 and 8 of 青峰 although task 7 starts with a year (7、2021年6月30日前…)", () => {
    expect(qingfeng.tasks.map((t) => t.label)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    // 300余家 is task 7's, 6500千元 (650 万元) task 8's
    const where = (n: number) => qingfeng.candidates.find((x) => x.number === n)?.source.task;
    expect([where(300), where(650)]).toEqual([7, 8]);
  });

  it("strips ①②③ from names and lets ③力争 govern the whole item", () => {
    const items = shimen.candidates.filter((x) => x.source.line >= 36);
    expect(items.map((c) => [c.name, c.number, c.commitment])).toEqual([
      ["建设农业科技示范基地", 15, "firm"],
      ["推广新品种新技术", 30, "firm"],
      ["培育农业科技型企业", 10, "aspirational"],
      ["农民科技培训", 5000, "aspirational"],
    ]);
  });
});
