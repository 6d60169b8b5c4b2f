/**
 * Opening the store for a command: resolve the path, create and migrate the database, and on
 * the very first run load the embedded 2020 plan so that `dzkj report` works with no init step.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Plan } from "../domain/plan.js";
import { assetPath } from "../storage/assets.js";
import { type Db, type LockWait, openDatabase, writeTransaction } from "../storage/database.js";
import { listPlanYears, loadPlan, type PlanLoadResult, savePlan } from "../storage/plans.js";
import { makePrivate } from "./ops.js";
import { checkRevision, convertValues, type UnitChange } from "./plan-revision.js";

export const EMBEDDED_PLAN = "plan-2020.json";

export interface Store {
  db: Db;
  path: string;
  /** true when this run created the database (and loaded the embedded plan) */
  created: boolean;
  backup: string | null;
}

/** Opens (creating and migrating as needed) the database; a new database gets the embedded plan. */
export async function openStore(path: string, now: Date, wait?: LockWait): Promise<Store> {
  let backup: string | null = null;
  const { db, created } = openDatabase(path, { onBackup: (b) => (backup = b), wait });
  // a database others can read (0644, copied in by hand) is made private like the ones dzkj creates
  if (!created) makePrivate(path);
  if (listPlanYears(db).length === 0) {
    await loadPlanFile(db, assetPath("seeds", EMBEDDED_PLAN), now, null);
  }
  return { db, path, created, backup };
}

/**
 * Reads, validates (zod) and stores a plan file; idempotent for the same content. `recordAs` is the
 * file name kept in plan_loads (null for the embedded plan loaded on a database's first run).
 */
export async function loadPlanFile(
  db: Db,
  file: string,
  now: Date,
  recordAs: string | null = file,
  options: { convert?: boolean } = {},
): Promise<{
  plan: Plan;
  result: PlanLoadResult;
  conversion: { batch: number; changes: UnitChange[] } | null;
}> {
  const { parsePlanFile } = await import("../intake/plan-file.js");
  const text = readFileSync(file, "utf8");
  const plan = parsePlanFile(file, text);
  const json = JSON.stringify(plan);
  const hash = sha256(json);
  // One transaction: the check against stored values, the plan and the conversion of the values
  // land together or not at all.
  return writeTransaction(db, () => {
    const changes = checkRevision(db, plan, recordAs ?? file, options.convert === true);
    const result = savePlan(db, plan, { hash, json, file: recordAs }, now.toISOString());
    if (changes.length === 0) return { plan, result, conversion: null };
    const batch = convertValues(db, plan.plan.year, changes, `${recordAs ?? file} --convert`, now);
    return { plan, result, conversion: { batch, changes } };
  });
}

/**
 * The sha256 of a text, in hex. node:crypto is required here rather than imported: loading it costs
 * ~6 ms, on every start of every command that opens a database, while only a plan load hashes.
 */
function sha256(text: string): string {
  const { createHash } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return createHash("sha256").update(text).digest("hex");
}

/** The plan of `year`, or of the newest loaded year; null when none is loaded. */
export function currentPlan(db: Db, year?: number): Plan | null {
  const y = year ?? listPlanYears(db)[0];
  return y === undefined ? null : loadPlan(db, y);
}

/** Every loaded plan (for the importer's catalogue). */
export function allPlans(db: Db): Plan[] {
  return listPlanYears(db).map((y) => loadPlan(db, y)!);
}
