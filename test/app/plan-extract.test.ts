import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { draftPlan } from "../../src/app/plan-extract.js";
import { parsePlanFile, planFileSchema } from "../../src/intake/plan-file.js";
import { extractPlanText } from "../../src/intake/plan-text.js";
import { FIXTURES, ROOT } from "../helpers.js";

const seedFile = join(ROOT, "seeds", "plan-2020.json");
const seed = parsePlanFile(seedFile, readFileSync(seedFile, "utf8"));
const text2020 = readFileSync(join(FIXTURES, "plan-text", "2020-dazhou-st-work-plan.zh.txt"), "utf8");

describe("draftPlan: the draft plan of an extraction", () => {
  const result = extractPlanText(text2020);
  const draft = draftPlan(result, seed, 2030);

  it("is a plan file init --plan accepts, with the text's year, title, issuer and date", () => {
    expect(planFileSchema.safeParse(draft.plan).success).toBe(true);
    expect(draft.plan.plan).toMatchObject({
      year: 2020,
      title: "2020年达州市科技创新工作要点",
      issuer: "达州市科学技术局",
      issuedOn: "2020-03-27",
    });
    expect(draft.notes).toEqual([]);
  });

  it("keeps the text's sections and tasks; a task title with a stop is split from its text", () => {
    expect(draft.plan.sections.map((s) => s.title)).toEqual(seed.sections.map((s) => s.title));
    expect(draft.plan.tasks).toHaveLength(35);
    // task 2 has a stop after its title: title and text as in the seed
    expect([draft.plan.tasks[1]?.title, draft.plan.tasks[1]?.text]).toEqual([
      seed.tasks[1]?.title,
      seed.tasks[1]?.text,
    ]);
  });

  it("reuses a stored code only for the same target: the 2020 text against the 2020 plan", () => {
    const byCode = new Map(seed.indicators.map((d) => [d.code, d]));
    const reused = draft.plan.indicators.filter((d) => byCode.has(d.code));
    console.log(
      `draft of the 2020 text: ${reused.length} of ${draft.plan.indicators.length} codes reused from seeds/plan-2020.json`,
    );
    const wrong = reused
      .filter((d) => byCode.get(d.code)?.target !== d.target)
      .map((d) => `${d.name} ${d.target} → ${d.code} (${byCode.get(d.code)?.target})`);
    expect(wrong).toEqual([]);
    // 高新技术企业 70 家 (stock) and 培育高新技术企业 10 家 (flow) both lie within each other's
    // names; the kind decides: each keeps its own code
    const code = (n: number, unit: string) =>
      draft.plan.indicators.find((d) => d.target === n && d.unit === unit)?.code;
    expect([code(70, "家"), code(10, "家")]).toEqual(["hitech_enterprises", "hitech_enterprises_new"]);
  });

  it("without a stored plan: 全市 alone, codes ind_NN, and a note for a year and date not found", () => {
    const bare = draftPlan(extractPlanText("一、任务\n1.新建省级平台5家。"), null, 2030);
    // the issue date the text does not give is blank, never invented: the schema (init) refuses
    // exactly that field until the analyst fills it in
    expect(bare.plan.plan.issuedOn).toBe("");
    const check = planFileSchema.safeParse(bare.plan);
    expect(check.success ? [] : check.error.issues.map((i) => i.path.join("."))).toEqual(["plan.issuedOn"]);
    const filled = { ...bare.plan, plan: { ...bare.plan.plan, issuedOn: "2030-02-01" } };
    expect(planFileSchema.safeParse(filled).success).toBe(true);
    expect(bare.plan.units.map((u) => u.name)).toEqual(["全市"]);
    expect(bare.plan.indicators.map((d) => [d.code, d.target, d.headline])).toEqual([["ind_01", 5, false]]);
    expect(bare.plan.plan.year).toBe(2030);
    expect(bare.notes.map((n) => n.key)).toEqual(["extract.notes.noYear", "extract.notes.noDate"]);
  });
});
