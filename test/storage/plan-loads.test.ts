/** Every change to the stored plan is recorded in plan_loads, with the plan as it was loaded. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { currentPlan, loadPlanFile, openStore } from "../../src/app/store.js";
import { ROOT, tempDir } from "../helpers.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

interface LoadRow {
  plan_year: number;
  result: string;
  file: string | null;
  plan_json: string;
}

describe("plan_loads", () => {
  it("keeps the first load, each revision with its file and content, and nothing for a reload", async () => {
    const now = new Date("2020-04-01T00:00:00Z");
    const store = await openStore(join(dir, "plans.db"), now);
    const rows = () =>
      store.db
        .prepare("SELECT plan_year, result, file, plan_json FROM plan_loads ORDER BY id")
        .all() as LoadRow[];
    // the embedded plan, loaded by the first run
    expect(rows().map((r) => [r.plan_year, r.result, r.file])).toEqual([[2020, "loaded", null]]);

    const revised = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
    const contracts = revised.indicators.find((d: { code: string }) => d.code === "tech_contract_value");
    contracts.target = 6000;
    const file = join(dir, "plan-2020-revised.json");
    writeFileSync(file, JSON.stringify(revised));
    expect((await loadPlanFile(store.db, file, now)).result).toBe("updated");
    expect((await loadPlanFile(store.db, file, now)).result).toBe("unchanged");

    const all = rows();
    expect(all.map((r) => [r.result, r.file])).toEqual([
      ["loaded", null],
      ["updated", file],
    ]);
    const target = (json: string) =>
      JSON.parse(json).indicators.find((d: { code: string }) => d.code === "tech_contract_value").target;
    // the old target is still on record next to the new one
    expect(target(all[0]!.plan_json)).toBe(5600);
    expect(target(all[1]!.plan_json)).toBe(6000);
    store.db.close();
  });
});

describe("indicator pace", () => {
  it("is stored and read back: linear, milestone, or a profile of four shares", async () => {
    const now = new Date("2020-04-01T00:00:00Z");
    const store = await openStore(join(dir, "pace.db"), now);
    const paceOf = (code: string) =>
      currentPlan(store.db, 2020)!.indicators.find((d) => d.code === code)!.pace;
    expect(paceOf("national_platforms_new")).toBe("milestone");
    expect(paceOf("key_tech_projects")).toBe("linear");

    const revised = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
    revised.indicators.find((d: { code: string }) => d.code === "tech_contract_value").pace = [
      0.1, 0.3, 0.6, 1,
    ];
    revised.indicators.find((d: { code: string }) => d.code === "national_platforms_new").pace = "linear";
    const file = join(dir, "plan-2020-paced.json");
    writeFileSync(file, JSON.stringify(revised));
    expect((await loadPlanFile(store.db, file, now)).result).toBe("updated");
    expect(paceOf("tech_contract_value")).toEqual([0.1, 0.3, 0.6, 1]);
    expect(paceOf("national_platforms_new")).toBe("linear");
    store.db.close();
  });
});
