import type { Db } from "./database.js";

export interface BatchCounts {
  rowsRead: number;
  skipped: number;
  inserted: number;
  updated: number;
  unchanged: number;
  blank: number;
}

export interface Batch extends BatchCounts {
  id: number;
  kind: "import" | "undo" | "task";
  file: string | null;
  hash: string | null;
  importedAt: string;
  encoding: string | null;
  delimiter: string | null;
  layout: string | null;
  /** the record source: csv (null for batches that read no file) */
  format: string | null;
  /** JSON: what the table stage found (unit spellings, measure, total and footer rows, columns not read) */
  details: string | null;
  /** values an undo removed (they had been added by the undone batch) */
  removed: number;
  undoes: number | null;
  undoneBy: number | null;
}

const SELECT = `SELECT id, kind, file, hash, imported_at AS importedAt, encoding, delimiter, layout, format, details, rows_read AS rowsRead,
  skipped, inserted, updated, unchanged, blank, removed, undoes, undone_by AS undoneBy FROM import_batches`;

/** Starts a batch row (inside the caller's transaction) and returns its id. */
export function createBatch(
  db: Db,
  b: {
    kind: Batch["kind"];
    file?: string | null;
    hash?: string | null;
    importedAt: string;
    undoes?: number | null;
  },
): number {
  const r = db
    .prepare("INSERT INTO import_batches (kind, file, hash, imported_at, undoes) VALUES (?, ?, ?, ?, ?)")
    .run(b.kind, b.file ?? null, b.hash ?? null, b.importedAt, b.undoes ?? null);
  return Number(r.lastInsertRowid);
}

/** Records what a batch read and did. */
export function finishBatch(
  db: Db,
  id: number,
  c: BatchCounts & {
    encoding?: string | null;
    delimiter?: string | null;
    layout?: string | null;
    format?: string | null;
    details?: string | null;
  },
): void {
  db.prepare(
    `UPDATE import_batches SET encoding = ?, delimiter = ?, layout = ?, format = ?, details = ?, rows_read = ?,
       skipped = ?, inserted = ?, updated = ?, unchanged = ?, blank = ? WHERE id = ?`,
  ).run(
    c.encoding ?? null,
    c.delimiter ?? null,
    c.layout ?? null,
    c.format ?? null,
    c.details ?? null,
    c.rowsRead,
    c.skipped,
    c.inserted,
    c.updated,
    c.unchanged,
    c.blank,
    id,
  );
}

/**
 * The earlier import of a file with these exact bytes that still stands and still holds: not
 * undone, read with the same options (`readWith`, as recorded in its details; tasks have none),
 * and none of the values it wrote replaced since by a later import. Such a file is skipped as a
 * duplicate; any other is imported again (the latest import wins). `kind` 'task' looks among
 * task-progress imports.
 */
export function findImportByHash(
  db: Db,
  hash: string,
  kind: "import" | "task" = "import",
  readWith: Readonly<Record<string, unknown>> = {},
): Batch | undefined {
  const candidates = db
    .prepare(`${SELECT} WHERE hash = ? AND kind = ? AND undone_by IS NULL ORDER BY id`)
    .all(hash, kind) as Batch[];
  const wanted = JSON.stringify(readWith);
  return candidates.find((b) => JSON.stringify(readOptionsOf(b)) === wanted && !replacedSince(db, b.id));
}

/** The options a batch's file was read with (--period, --unit …), from its details; {} when none. */
function readOptionsOf(b: Batch): Record<string, unknown> {
  if (b.details === null) return {};
  const options = (JSON.parse(b.details) as { readWith?: Record<string, unknown> }).readWith;
  return options ?? {};
}

/** True when a value the batch wrote is no longer its state: a later import replaced or removed it. */
function replacedSince(db: Db, batchId: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM value_history h WHERE h.batch_id = ? AND NOT EXISTS (
           SELECT 1 FROM progress_values p WHERE p.plan_year = h.plan_year AND p.indicator_code = h.indicator_code
             AND p.period = h.period AND p.unit_code = h.unit_code AND p.batch_id = h.batch_id) LIMIT 1`,
      )
      .get(batchId) !== undefined
  );
}

export function getBatch(db: Db, id: number): Batch | undefined {
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as Batch | undefined;
}

/** All batches, oldest first. */
export function listBatches(db: Db): Batch[] {
  return db.prepare(`${SELECT} ORDER BY id`).all() as Batch[];
}

export function markUndone(db: Db, id: number, by: number): void {
  db.prepare("UPDATE import_batches SET undone_by = ? WHERE id = ?").run(by, id);
}

/** Clears a batch's undone_by: the batch stands again (a redo). */
export function clearUndone(db: Db, id: number): void {
  db.prepare("UPDATE import_batches SET undone_by = NULL WHERE id = ?").run(id);
}

/** Records how many values an undo batch removed (import_batches.removed). */
export function setRemoved(db: Db, id: number, removed: number): void {
  db.prepare("UPDATE import_batches SET removed = ? WHERE id = ?").run(removed, id);
}

/** Renames the file a batch records (a spooled stdin becomes `-`). */
export function setBatchFile(db: Db, id: number, file: string): void {
  db.prepare("UPDATE import_batches SET file = ? WHERE id = ?").run(file, id);
}

/** The newest batch id; 0 when there is none. */
export function lastBatchId(db: Db): number {
  return (db.prepare("SELECT max(id) AS n FROM import_batches").get() as { n: number | null }).n ?? 0;
}
