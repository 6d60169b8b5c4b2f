/**
 * Import history use cases: what a batch changed, and undoing it — restoring exactly the values
 * it replaced (and removing those it added), itself recorded as an 'undo' batch.
 */
import { type Batch, getBatch } from "../storage/batches.js";
import { type Db, writeTransaction } from "../storage/database.js";
import { applyConversion } from "../storage/plans.js";
import {
  statesReplacedBy,
  statesWrittenBy,
  type ValueKey,
  type ValueState,
  ValueWriter,
} from "../storage/values.js";
import { UserError } from "./errors.js";
import { type TaskBatchChange, undoTaskBatch } from "./tasks.js";
import { revertBatch } from "./undo-batch.js";

export interface BatchChange {
  key: ValueKey;
  /** the state the batch replaced; null when the batch added the value */
  old: ValueState | null;
  /** the state the batch wrote; null when the batch removed the value (an undo) */
  new: ValueState | null;
  /** the batch that has since replaced what this batch wrote, if any */
  laterBatch: number | null;
}

const keyOf = (s: ValueKey) => `${s.year}\u0000${s.indicator}\u0000${s.period}\u0000${s.unit}`;

/** The batch (or a UserError naming the id). */
export function requireBatch(db: Db, id: string | number): Batch {
  const n = Number(id);
  const batch = Number.isInteger(n) ? getBatch(db, n) : undefined;
  if (!batch) throw new UserError({ key: "imports.unknown", params: { id: String(id) } });
  return batch;
}

/** Every value a batch changed, old → new. */
export function batchChanges(db: Db, batchId: number): BatchChange[] {
  const changes = new Map<string, BatchChange>();
  for (const s of statesReplacedBy(db, batchId)) {
    changes.set(keyOf(s), { key: s, old: s, new: null, laterBatch: null });
  }
  for (const s of statesWrittenBy(db, batchId)) {
    const k = keyOf(s);
    const c = changes.get(k) ?? { key: s, old: null, new: null, laterBatch: null };
    c.new = s;
    c.laterBatch = s.supersededBy;
    changes.set(k, c);
  }
  return [...changes.values()].sort((a, b) => (keyOf(a.key) < keyOf(b.key) ? -1 : 1));
}

export interface UndoResult {
  undoBatch: number;
  restored: number;
  removed: number;
  /** values (or, undoing a task batch, tasks) a later batch had changed (overwritten only with force) */
  conflicts: BatchChange[] | TaskBatchChange[];
}

/**
 * Undoes a progress import: each value it wrote goes back to the state it replaced (or away if
 * it added it). Refused when a later batch changed the same values, unless `force`. A task batch
 * (`task set`, `task import`) is undone the same way, task by task.
 */
export function undoImport(db: Db, id: string | number, opts: { force: boolean; now: Date }): UndoResult {
  return writeTransaction(db, (): UndoResult => {
    const batch = requireBatch(db, id);
    if (batch.kind !== "import" && batch.kind !== "task")
      throw new UserError({ key: "imports.undo.notImport", params: { id: batch.id, kind: batch.kind } });
    if (batch.undoneBy !== null)
      throw new UserError({ key: "imports.undo.already", params: { id: batch.id, by: batch.undoneBy } });
    if (batch.kind === "task") return undoTaskBatch(db, batch, opts);
    const changes = batchChanges(db, batch.id);
    const conflicts = changes.filter((c) => c.laterBatch !== null);
    if (conflicts.length > 0 && !opts.force) {
      throw new UserError(
        { key: "imports.undo.conflict", params: { id: batch.id, count: conflicts.length } },
        conflicts.slice(0, 20).map((c) => ({
          file: batch.file ?? `#${batch.id}`,
          line: null,
          column: `${c.key.period} ${c.key.unit} ${c.key.indicator}`,
          value: String(c.new?.value ?? ""),
          reason: { key: "imports.undo.conflictItem", params: { later: c.laterBatch ?? "" } },
        })),
      );
    }
    const old = changes.map((c) => ({
      key: c.key,
      old: c.old && { value: c.old.value, basis: c.old.basis, note: c.old.note },
    }));
    const result = revertBatch(db, batch, old, new ValueWriter(db), opts.now);
    // a unit conversion (init --plan --convert): the restored values are in the old unit again
    applyConversion(db, batch.id, "undo");
    return { ...result, conflicts };
  });
}
