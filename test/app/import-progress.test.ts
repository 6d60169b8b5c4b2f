/**
 * importProgress writes with SQLite's foreign key enforcement off and checks the codes it wrote
 * itself before each file commits (see withForeignKeysOff): the check must catch what the foreign
 * keys would have, and enforcement must be back on afterwards, whatever happened.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importProgress } from "../../src/app/import-progress.js";
import { createCatalogFor } from "../../src/app/import-session.js";
import { loadPlanFile } from "../../src/app/store.js";
import { assetPath } from "../../src/storage/assets.js";
import { type Db, openDatabase } from "../../src/storage/database.js";
import { FIXTURES } from "../helpers.js";

let db: Db;
const now = new Date("2020-10-15T08:00:00Z");
const q1 = join(FIXTURES, "progress", "2020Q1.csv");

beforeEach(async () => {
  db = openDatabase(":memory:").db;
  await loadPlanFile(db, assetPath("seeds", "plan-2020.json"), now);
});
afterEach(() => db.close());

const count = () => (db.prepare("SELECT count(*) AS n FROM progress_values").get() as { n: number }).n;

describe("importProgress and foreign keys", () => {
  it("imports with every reference intact and turns enforcement back on", async () => {
    const [o] = await importProgress(db, createCatalogFor(db), [q1], { now });
    expect(o!.status).toBe("imported");
    expect(count()).toBe(o!.counts.inserted);
    expect(count()).toBeGreaterThan(0);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("rolls the file back when a unit it names left the plan after the plan was read", async () => {
    const catalog = createCatalogFor(db); // read before the change, as a concurrent `dzkj init --plan` would leave it
    db.prepare("DELETE FROM unit_aliases WHERE plan_year = 2020 AND unit_code = 'tongchuan'").run();
    db.prepare("DELETE FROM units WHERE plan_year = 2020 AND code = 'tongchuan'").run();
    await expect(importProgress(db, catalog, [q1], { now })).rejects.toMatchObject({
      name: "DatabaseError",
      reason: { key: "db.error.planChanged", params: { year: 2020, code: "tongchuan" } },
    });
    expect(count()).toBe(0);
    expect((db.prepare("SELECT count(*) AS n FROM import_batches").get() as { n: number }).n).toBe(0);
    expect(db.inTransaction).toBe(false);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});
