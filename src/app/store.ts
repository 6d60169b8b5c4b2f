/**
 * Opening the store for a command: resolve the path, create and migrate the database, and on
 * the very first run load the embedded 2020 plan so that `dzkj report` works with no init step.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Plan } from "../domain/plan.js";
import type { PlanBookLocator } from "../intake/plan-book.js";
import { assetPath } from "../storage/assets.js";
import { type Db, type LockWait, openDatabase, writeTransaction } from "../storage/database.js";
import { listPlanYears, loadPlan, type PlanLoadResult, savePlan } from "../storage/plans.js";
import { UserError } from "./errors.js";
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
  const bytes = readPlanBytes(file);
  // a workbook (README "The plan as a workbook") is told by its bytes, as an import tells it; JSON
  // (a `{` after any BOM and spaces) needs no sniffing, and the first run's embedded plan no reader
  const json = /^(\uFEFF)?\s*\{/.test(bytes.subarray(0, 64).toString("utf8"));
  const sniffed = json
    ? "text"
    : (await import("../intake/workbook-reader.js")).sniff(bytes.subarray(0, 4096));
  let plan: Plan;
  let locate: PlanBookLocator | undefined;
  if (sniffed === "text") {
    const { parsePlanFile } = await import("../intake/plan-file.js");
    plan = parsePlanFile(file, bytes.toString("utf8"));
  } else {
    const { readPlanBook, planBookLocator } = await import("../intake/plan-book.js");
    plan = await readPlanBook(file, sniffed);
    locate = planBookLocator(plan);
  }
  const text = JSON.stringify(plan);
  const hash = sha256(text);
  // One transaction: the check against stored values, the plan and the conversion of the values
  // land together or not at all.
  return writeTransaction(db, () => {
    const changes = checkRevision(db, plan, recordAs ?? file, options.convert === true, locate);
    const result = savePlan(db, plan, { hash, json: text, file: recordAs }, now.toISOString());
    if (changes.length === 0) return { plan, result, conversion: null };
    const batch = convertValues(db, plan.plan.year, changes, `${recordAs ?? file} --convert`, now);
    return { plan, result, conversion: { batch, changes } };
  });
}

/** A plan file's bytes; a missing file is the product's own error naming it, not Node's ENOENT. */
function readPlanBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new UserError({ key: "planBook.fileNotFound", params: { file } });
    throw e;
  }
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
