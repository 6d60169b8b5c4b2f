/** A revised plan never rereads stored values in another unit or kind (init --plan, --convert). */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/app/errors.js";
import { undoImport } from "../../src/app/imports.js";
import { moneyShift, shiftDecimal } from "../../src/app/plan-revision.js";
import { loadPlanFile, openStore, type Store } from "../../src/app/store.js";
import { createBatch } from "../../src/storage/batches.js";
import { loadPlan } from "../../src/storage/plans.js";
import { ValueWriter } from "../../src/storage/values.js";
import { dump } from "../cli/db.js";
import { ROOT, tempDir } from "../helpers.js";

const NOW = new Date("2020-10-15T08:00:00Z");
let dir: string;
let cleanup: () => void;
let store: Store;
let db: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "t.db");
  store = await openStore(db, NOW);
  // hitech_industry_revenue (高新技术产业主营业务收入) is a flow kept in 亿元 by the 2020 plan
  const writer = new ValueWriter(store.db);
  store.db.transaction(() => {
    const b = createBatch(store.db, { kind: "import", file: "q1.csv", importedAt: NOW.toISOString() });
    const key = (unit: string) => ({
      year: 2020,
      indicator: "hitech_industry_revenue",
      period: "2020Q1",
      unit,
    });
    writer.add(key("tongchuan"), { value: 12.5, basis: "ytd", note: null }, b);
    writer.add(key("dachuan"), { value: 0.07, basis: "ytd", note: "小数" }, b);
  })();
});
afterEach(() => {
  store.db.close();
  cleanup();
});

/** The embedded 2020 plan with one indicator changed. */
function revisedPlan(code: string, change: Record<string, unknown>): string {
  const plan = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
  const d = plan.indicators.find((i: { code: string }) => i.code === code);
  Object.assign(d, change);
  const file = join(dir, "revised.json");
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

const stored = () =>
  store.db
    .prepare(
      "SELECT unit_code AS unit, value FROM progress_values WHERE indicator_code = 'hitech_industry_revenue' ORDER BY unit_code",
    )
    .all();
const unitOf = (code: string) => loadPlan(store.db, 2020)!.indicators.find((d) => d.code === code)!.unit;
const targetOf = (code: string) => loadPlan(store.db, 2020)!.indicators.find((d) => d.code === code)!.target;

describe("a revised plan that changes the meaning of stored values", () => {
  it("a unit change (亿元 → 万元) on an indicator with values is refused without --convert; nothing changes", async () => {
    const file = revisedPlan("hitech_industry_revenue", { unit: "万元", target: 4_000_000 });
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    const before = dump(db);
    const e = await loadPlanFile(store.db, file, NOW, file).catch((x) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).reason.key).toBe("plan.revision.refused");
    expect((e as UserError).problems.map((p) => [p.column, p.reason.key])).toEqual([
      ["hitech_industry_revenue", "plan.revision.unit"],
    ]);
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    expect(dump(db)).toEqual(before);
    expect(unitOf("hitech_industry_revenue")).toBe("亿元");
  });

  it("with --convert the values are converted exactly, as a batch that imports undo reverses, unit and all", async () => {
    const file = revisedPlan("hitech_industry_revenue", { unit: "万元", target: 4_000_000 });
    const r = await loadPlanFile(store.db, file, NOW, file, { convert: true });
    expect(r.result).toBe("updated");
    expect(r.conversion?.changes.map((c) => [c.code, c.from, c.to, c.values])).toEqual([
      ["hitech_industry_revenue", "亿元", "万元", 2],
    ]);
    // 1 亿元 = 10,000 万元: 0.07 → 700 (0.07 × 10000 in floating point is 700.0000000000001), 12.5 → 125000
    expect(stored()).toEqual([
      { unit: "dachuan", value: 700 },
      { unit: "tongchuan", value: 125000 },
    ]);
    expect(unitOf("hitech_industry_revenue")).toBe("万元");
    expect(targetOf("hitech_industry_revenue")).toBe(4_000_000);
    const undo = undoImport(store.db, r.conversion!.batch, { force: false, now: NOW });
    expect(undo.restored).toBe(2);
    expect(stored()).toEqual([
      { unit: "dachuan", value: 0.07 },
      { unit: "tongchuan", value: 12.5 },
    ]);
    // the unit and the target the revision stated in it both go back: 400 亿元, not 4,000,000 亿元
    expect(unitOf("hitech_industry_revenue")).toBe("亿元");
    expect(targetOf("hitech_industry_revenue")).toBe(400);
    // loading the revision again is checked afresh, not taken as already loaded
    await expect(loadPlanFile(store.db, file, NOW, file)).rejects.toBeInstanceOf(UserError);
  });

  it("a change of kind is refused even with --convert; a unit change with no values loads", async () => {
    const kind = revisedPlan("hitech_industry_revenue", { kind: "stock" });
    const e = await loadPlanFile(store.db, kind, NOW, kind, { convert: true }).catch((x) => x);
    expect((e as UserError).problems.map((p) => p.reason.key)).toEqual(["plan.revision.kind"]);
    // 技术合同登记额 (tech_contract_value, 万元) has no values yet: its unit may change freely
    const free = revisedPlan("tech_contract_value", { unit: "亿元", target: 1 });
    expect((await loadPlanFile(store.db, free, NOW, free)).result).toBe("updated");
    expect(unitOf("tech_contract_value")).toBe("亿元");
  });

  it("units that do not convert (家 → 个) are refused even with --convert", async () => {
    const file = revisedPlan("hitech_industry_revenue", { unit: "个" });
    const e = await loadPlanFile(store.db, file, NOW, file, { convert: true }).catch((x) => x);
    expect((e as UserError).problems.map((p) => p.reason.key)).toEqual(["plan.revision.unitFixed"]);
  });
});

describe("exact decimal conversion", () => {
  it.each([
    [3850, -4, 0.385], // 3850 万元 = 0.385 亿元
    [0.07, 4, 700], // 0.07 亿元 = 700 万元
    [12345.67, -4, 1.234567], // 元 → 万元
    [1.5, 8, 150_000_000], // 亿元 → 元
  ])("shiftDecimal(%s, %s) = %s", (v, k, want) => expect(shiftDecimal(v, k)).toBe(want));

  it("money units convert by powers of ten; other units not at all", () => {
    expect(moneyShift("万元", "亿元")).toBe(-4);
    expect(moneyShift("亿元", "元")).toBe(8);
    expect(moneyShift("家", "个")).toBeNull();
    // a unit spelt like an object's own property is no money unit either
    expect(moneyShift("constructor", "万元")).toBeNull();
    expect(moneyShift("万元", "toString")).toBeNull();
  });
});

describe("a revision that drops a unit or an indicator still named by stored data", () => {
  /** The embedded 2020 plan without `unit` (a unit code) or `indicator` (an indicator code). */
  function dropped(what: { unit?: string; indicator?: string }): string {
    const plan = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
    plan.units = plan.units.filter((u: { code: string }) => u.code !== what.unit);
    plan.indicators = plan.indicators.filter((d: { code: string }) => d.code !== what.indicator);
    const file = join(dir, "dropped.json");
    writeFileSync(file, JSON.stringify(plan));
    return file;
  }

  it.each([
    // beforeEach stored hitech_industry_revenue of tongchuan and dachuan: 1 value of tongchuan, 2 of the indicator
    ["a unit with values", { unit: "tongchuan" }, "tongchuan", "plan.revision.removedUnit", 1],
    [
      "an indicator with values",
      { indicator: "hitech_industry_revenue" },
      "hitech_industry_revenue",
      "plan.revision.removedIndicator",
      2,
    ],
  ])(
    "%s is refused by name and count, never a FOREIGN KEY error; nothing changes",
    async (_c, what, code, key, values) => {
      const file = dropped(what);
      store.db.pragma("wal_checkpoint(TRUNCATE)");
      const before = dump(db);
      const e = await loadPlanFile(store.db, file, NOW, file).catch((x) => x);
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).reason.key).toBe("plan.revision.refusedReferenced");
      expect((e as UserError).problems.map((p) => [p.column, p.reason.key, p.reason.params?.values])).toEqual(
        [[code, key, values]],
      );
      store.db.pragma("wal_checkpoint(TRUNCATE)");
      expect(dump(db)).toEqual(before);
    },
  );

  it("a unit nothing names may be dropped", async () => {
    const r = await loadPlanFile(store.db, dropped({ unit: "wanyuan" }), NOW, "dropped.json");
    expect(r.result).toBe("updated");
    expect(loadPlan(store.db, 2020)!.units.some((u) => u.code === "wanyuan")).toBe(false);
  });
});
