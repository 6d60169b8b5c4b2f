/**
 * readValueColumns reads a plan year's values through SQLite's JSON functions (see its comment):
 * the columns must hold exactly what the rows hold, every double to the last bit, in step.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentPlan, loadPlanFile } from "../../src/app/store.js";
import type { Plan } from "../../src/domain/plan.js";
import { assetPath } from "../../src/storage/assets.js";
import { createBatch } from "../../src/storage/batches.js";
import { type Db, openDatabase } from "../../src/storage/database.js";
import { type HeldValues, heldBasis, readValueColumns, ValueWriter } from "../../src/storage/values.js";

let db: Db;
let plan: Plan;
const now = new Date("2020-10-15T08:00:00Z");

beforeEach(async () => {
  db = openDatabase(":memory:").db;
  await loadPlanFile(db, assetPath("seeds", "plan-2020.json"), now);
  plan = currentPlan(db)!;
});
afterEach(() => db.close());

type Row = [
  indicator: string,
  unit: string,
  period: string,
  value: number,
  basis: string,
  note: string | null,
];

/** The rows as better-sqlite3 reads them one by one: the reference. */
function rowsOf(year: number): Row[] {
  return db
    .prepare(
      "SELECT indicator_code, unit_code, period, value, basis, note FROM progress_values WHERE plan_year = ?",
    )
    .raw()
    .all(year) as Row[];
}

function columnsAsRows(year: number): string[] {
  const c = readValueColumns(db, year);
  expect(new Set([c.indicator.length, c.unit.length, c.period.length, c.basis.length])).toEqual(
    new Set([c.value.length]),
  );
  return c.value.map((v, k) => JSON.stringify([c.indicator[k], c.unit[k], c.period[k], v, c.basis[k]]));
}

const key = (r: Row) => JSON.stringify(r.slice(0, 5));

describe("readValueColumns", () => {
  it("is empty for a year without values", () => {
    expect(readValueColumns(db, 2020)).toEqual({ indicator: [], unit: [], period: [], value: [], basis: [] });
  });

  it("gives back every double bit for bit, each with its own key and basis (property)", () => {
    const periods = ["2019Q4", "2020Q1", "2020Q2", "2020Q3", "2020Q4"];
    const cell = fc.record({
      indicator: fc.integer({ min: 0, max: plan.indicators.length - 1 }),
      unit: fc.integer({ min: 0, max: plan.units.length - 1 }),
      period: fc.integer({ min: 0, max: 4 }),
      value: fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: -1e9, max: 1e9 }),
      ),
      ytd: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 60 }), (cells) => {
        db.exec("DELETE FROM progress_values");
        const writer = new ValueWriter(db);
        const batch = createBatch(db, { kind: "import", importedAt: now.toISOString() });
        const written = new Map<string, number>();
        for (const c of cells) {
          const k = {
            year: 2020,
            indicator: plan.indicators[c.indicator]!.code,
            unit: plan.units[c.unit]!.code,
            period: periods[c.period]!,
          };
          const id = `${k.indicator}|${k.unit}|${k.period}`;
          if (written.has(id)) continue;
          written.set(id, c.value);
          writer.add(k, { value: c.value, basis: c.ytd ? "ytd" : "period", note: null }, batch);
        }
        const rows = rowsOf(2020);
        expect(rows.length).toBe(written.size);
        // the same rows, in step, as the row-by-row read
        expect(columnsAsRows(2020).sort()).toEqual(rows.map(key).sort());
        // and the doubles are the ones written (SQLite keeps -0 as 0)
        const c = readValueColumns(db, 2020);
        c.value.forEach((v, k) => {
          const w = written.get(`${c.indicator[k]}|${c.unit[k]}|${c.period[k]}`)!;
          expect(Object.is(v, w) || (w === 0 && v === 0)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("reads only the asked plan year", () => {
    const writer = new ValueWriter(db);
    const batch = createBatch(db, { kind: "import", importedAt: now.toISOString() });
    const k = {
      year: 2020,
      indicator: plan.indicators[0]!.code,
      unit: plan.units[0]!.code,
      period: "2020Q1",
    };
    writer.add(k, { value: 0.1 + 0.2, basis: "ytd", note: "备注" }, batch);
    expect(readValueColumns(db, 2020)).toEqual({
      indicator: [k.indicator],
      unit: [k.unit],
      period: ["2020Q1"],
      value: [0.30000000000000004],
      basis: ["ytd"],
    });
    expect(readValueColumns(db, 2021).value).toEqual([]);
  });
});

/** HeldValues for Q1 2020 over the given codes, holding `cells` (indicator and unit by position). */
function heldQ1(
  indicators: string[],
  units: string[],
  cells: { i: number; u: number; value: number; basis: "ytd" | "period"; note?: string }[],
): HeldValues {
  const slot = (i: number, u: number, q: number) => (i * units.length + u) * 5 + q;
  const size = indicators.length * units.length * 5;
  const values = new Float64Array(size);
  const basis = new Uint8Array(size);
  const notes = new Map<number, string>();
  for (const c of cells) {
    values[slot(c.i, c.u, 1)] = c.value;
    basis[slot(c.i, c.u, 1)] = heldBasis(c.basis);
    if (c.note !== undefined) notes.set(slot(c.i, c.u, 1), c.note);
  }
  return {
    year: 2020,
    indicators,
    units,
    periods: [null, "2020Q1", null, null, null],
    firstQ: 0,
    slot,
    values,
    basis,
    notes,
  };
}

describe("ValueWriter.addHeld", () => {
  it("writes the held values and gives the connection its page-cache size back", () => {
    db.pragma("cache_size = -12345");
    const indicators = plan.indicators.map((d) => d.code);
    const units = plan.units.map((u) => u.code);
    const batch = createBatch(db, { kind: "import", importedAt: now.toISOString() });
    const written = new ValueWriter(db).addHeld(
      heldQ1(indicators, units, [
        { i: 1, u: 2, value: 7.5, basis: "ytd" },
        { i: 0, u: 3, value: 2, basis: "period", note: "备注" },
      ]),
      batch,
    );
    expect(written).toBe(2);
    expect(rowsOf(2020).sort()).toEqual(
      [
        [indicators[1], units[2], "2020Q1", 7.5, "ytd", null],
        [indicators[0], units[3], "2020Q1", 2, "period", "备注"],
      ].sort(),
    );
    expect(db.pragma("cache_size", { simple: true })).toBe(-12345);
  });
});

describe("ValueWriter.checkReferences (the check that stands in for foreign keys during an import)", () => {
  const held = (indicators: string[], units: string[]) =>
    heldQ1(indicators, units, [{ i: 0, u: 1, value: 3, basis: "ytd" }]);

  it("passes when every code written is in the plan", () => {
    const batch = createBatch(db, { kind: "import", importedAt: now.toISOString() });
    const w = new ValueWriter(db);
    w.addHeld(
      held(
        plan.indicators.map((d) => d.code),
        plan.units.map((u) => u.code),
      ),
      batch,
    );
    w.add(
      { year: 2020, indicator: plan.indicators[2]!.code, period: "2020Q2", unit: plan.units[0]!.code },
      { value: 1, basis: "ytd", note: null },
      batch,
    );
    expect(() => w.checkReferences()).not.toThrow();
  });

  it("names a unit that is not in the plan, written by addHeld with foreign keys off", () => {
    db.pragma("foreign_keys = OFF");
    const batch = createBatch(db, { kind: "import", importedAt: now.toISOString() });
    const w = new ValueWriter(db);
    // only unit ordinal 1 holds a value: the unknown code there is the one reported
    w.addHeld(held([plan.indicators[0]!.code], [plan.units[0]!.code, "no-such-unit"]), batch);
    expect(rowsOf(2020)).toHaveLength(1); // written: nothing but this check stands in the way
    expect(() => w.checkReferences()).toThrow(
      expect.objectContaining({
        name: "DatabaseError",
        reason: { key: "db.error.planChanged", params: { year: 2020, code: "no-such-unit" } },
      }),
    );
  });

  it("names an indicator that is not in the plan, written by addIfAbsent", () => {
    db.pragma("foreign_keys = OFF");
    const batch = createBatch(db, { kind: "import", importedAt: now.toISOString() });
    const w = new ValueWriter(db);
    w.addIfAbsent(
      { year: 2020, indicator: "no-such-indicator", period: "2020Q1", unit: plan.units[0]!.code },
      { value: 1, basis: "ytd", note: null },
      batch,
    );
    expect(() => w.checkReferences()).toThrow(/no indicator no-such-indicator/);
  });

  it("refuses a value written for a batch that does not exist", () => {
    db.pragma("foreign_keys = OFF");
    const w = new ValueWriter(db);
    w.add(
      { year: 2020, indicator: plan.indicators[0]!.code, period: "2020Q1", unit: plan.units[0]!.code },
      { value: 1, basis: "ytd", note: null },
      999,
    );
    expect(() => w.checkReferences()).toThrow(/batch 999/);
  });
});
