/**
 * In-process import of small progress files into a fresh in-memory database with the 2020 plan:
 * what the intake tests of whole files use instead of launching the binary.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type FileOutcome, type ImportOptions, importProgress } from "../../src/app/import-progress.js";
import { createCatalogFor } from "../../src/app/import-session.js";
import { loadPlanFile } from "../../src/app/store.js";
import { explain } from "../../src/i18n/index.js";
import { assetPath } from "../../src/storage/assets.js";
import { type Db, openDatabase } from "../../src/storage/database.js";

export const NOW = new Date("2020-10-15T08:00:00Z");

export interface StoredRow {
  period: string;
  unit: string;
  indicator: string;
  value: number;
}

/** A fresh database with the embedded 2020 plan. */
export async function freshDb(): Promise<Db> {
  const db = openDatabase(":memory:").db;
  await loadPlanFile(db, assetPath("seeds", "plan-2020.json"), NOW);
  return db;
}

/** Every stored value, sorted, as the wild cases' expect files give them. */
export function storedRows(db: Db): StoredRow[] {
  return db
    .prepare(
      "SELECT period, unit_code AS unit, indicator_code AS indicator, value FROM progress_values ORDER BY period, unit_code, indicator_code",
    )
    .all() as StoredRow[];
}

/** Sorts rows as storedRows does. */
export function sortRows(rows: readonly StoredRow[]): StoredRow[] {
  const key = (r: StoredRow) => `${r.period}\u0000${r.unit}\u0000${r.indicator}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Imports `file` into `db` in-process. */
export async function importFile(
  db: Db,
  file: string,
  options: Partial<ImportOptions> = {},
): Promise<FileOutcome> {
  const [o] = await importProgress(db, createCatalogFor(db), [file], { now: NOW, ...options });
  return o!;
}

let n = 0;
/**
 * Writes `content` (text as UTF-8, or bytes as they are) to a file in `dir` and imports it into a
 * fresh database: the outcome, the stored rows, and every problem and warning as zh text.
 */
export async function importText(
  dir: string,
  content: string | Buffer,
  options: Partial<ImportOptions> = {},
): Promise<{ outcome: FileOutcome; rows: StoredRow[]; messages: string[]; warnings: string[] }> {
  const file = join(dir, `t${++n}.csv`);
  writeFileSync(file, content);
  const db = await freshDb();
  try {
    const outcome = await importFile(db, file, options);
    return {
      outcome,
      rows: storedRows(db),
      messages: outcome.problems.map((p) => `${p.line}: ${explain("zh", p.reason)}`),
      warnings: outcome.warnings.map((p) => `${p.line}: ${explain("zh", p.reason)}`),
    };
  } finally {
    db.close();
  }
}
