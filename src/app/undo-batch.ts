/**
 * Undoing a batch, the part the value and the task stores share: a new 'undo' batch that puts each
 * key the batch changed back to the state it replaced (or removes it when the batch added it),
 * recorded through the store's writer so that the undo is itself on record, and the batch marked
 * undone. The caller holds the transaction and has already checked for conflicts.
 */
import {
  type Batch,
  createBatch,
  finishBatch,
  getBatch,
  markUndone,
  setRemoved,
} from "../storage/batches.js";
import type { Db } from "../storage/database.js";

/** A store of keyed states that keeps what it replaces (ValueWriter, TaskWriter). */
export interface StateWriter<K, S> {
  current(k: K): unknown;
  add(k: K, s: S, batchId: number): void;
  replace(k: K, s: S, batchId: number): void;
  remove(k: K, batchId: number): void;
}

/** Reverts `changes` (each key with the state the batch replaced, null when it added the key). */
export function revertBatch<K, S>(
  db: Db,
  batch: Batch,
  changes: readonly { key: K; old: S | null }[],
  writer: StateWriter<K, S>,
  now: Date,
): { undoBatch: number; restored: number; removed: number } {
  const undo = createBatch(db, {
    kind: "undo",
    file: batch.file,
    importedAt: now.toISOString(),
    undoes: batch.id,
  });
  let restored = 0;
  let removed = 0;
  for (const c of changes) {
    const current = writer.current(c.key);
    if (c.old) {
      if (current) writer.replace(c.key, c.old, undo);
      else writer.add(c.key, c.old, undo);
      restored++;
    } else if (current) {
      writer.remove(c.key, undo);
      removed++;
    }
  }
  finishBatch(db, undo, { rowsRead: 0, skipped: 0, inserted: 0, updated: restored, unchanged: 0, blank: 0 });
  setRemoved(db, undo, removed);
  markUndone(db, batch.id, undo);
  return { undoBatch: undo, restored, removed };
}

/**
 * Of the batches that changed a key after `batch`, the first one that still stands, or null. An
 * undone batch no longer counts, nor does an undo of a batch later than `batch` (it only put back
 * a state from after `batch`); a redo stands again because redo clears the batch's undone mark.
 * So after A, B and `imports undo B`, undoing A is not blocked by B.
 */
export function standingLater(db: Db, batch: Batch, writers: readonly number[]): number | null {
  for (const id of writers) {
    if (id === batch.id) continue;
    const w = getBatch(db, id);
    if (!w || w.undoneBy !== null) continue;
    if (w.kind === "undo" && w.undoes !== null && w.undoes > batch.id) continue;
    return id;
  }
  return null;
}
