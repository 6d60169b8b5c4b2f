/**
 * Import history use cases: what a batch changed, and undoing it — restoring exactly the values
 * it replaced (and removing those it added), itself recorded as an 'undo' batch.
 */
import { type Batch, clearUndone, getBatch } from "../storage/batches.js";
import { type Db, writeTransaction } from "../storage/database.js";
import { applyConversion } from "../storage/plans.js";
import { TargetWriter } from "../storage/targets.js";
import { TaskWriter, taskWritersAfter } from "../storage/tasks.js";
import {
  statesReplacedBy,
  statesWrittenBy,
  type ValueKey,
  type ValueState,
  ValueWriter,
  writersAfter,
} from "../storage/values.js";
import { UserError } from "./errors.js";
import { TARGETS_LAYOUT, type TargetBatchChange, targetBatchChanges, targetWritersAfter } from "./targets.js";
import { type TaskBatchChange, taskBatchChanges } from "./tasks.js";
import { revertBatch, standingLater } from "./undo-batch.js";

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
  conflicts: BatchChange[] | TaskBatchChange[] | TargetBatchChange[];
}

/**
 * Undoes a progress import: each value it wrote goes back to the state it replaced (or away if
 * it added it). Refused when a later batch that still stands changed the same values, unless
 * `force` (a later batch that was itself undone no longer blocks). A task batch (`task set`,
 * `task import`) is undone the same way, task by task. Undoing an undo batch is a redo of the
 * batch it undid (see redoImport).
 */
export function undoImport(db: Db, id: string | number, opts: { force: boolean; now: Date }): UndoResult {
  return writeTransaction(db, (): UndoResult => {
    const batch = requireBatch(db, id);
    if (batch.kind === "undo" && batch.undoes !== null) return redoInTransaction(db, batch.undoes, opts);
    if (batch.kind !== "import" && batch.kind !== "task")
      throw new UserError({ key: "imports.undo.notImport", params: { id: batch.id, kind: batch.kind } });
    if (batch.undoneBy !== null)
      throw new UserError({ key: "imports.undo.already", params: { id: batch.id, by: batch.undoneBy } });
    const result = revert(db, batch, opts);
    // a unit conversion (init --plan --convert): the restored values are in the old unit again
    applyConversion(db, batch.id, "undo");
    return result;
  });
}

/**
 * Redoes an undone batch (`imports redo ID`): reverts the undo batch that undid it, so the states
 * the batch wrote are current again, and the batch stands again (no longer marked undone). The
 * redo is itself an undo batch (of the undo), so it can be undone in turn. Refused like an undo
 * when a later standing batch changed the same values, unless `force`.
 */
export function redoImport(db: Db, id: string | number, opts: { force: boolean; now: Date }): UndoResult {
  return writeTransaction(db, () => redoInTransaction(db, requireBatch(db, id).id, opts));
}

function redoInTransaction(db: Db, id: number, opts: { force: boolean; now: Date }): UndoResult {
  const batch = requireBatch(db, id);
  if (batch.undoneBy === null)
    throw new UserError({ key: "imports.redo.notUndone", params: { id: batch.id } });
  const undo = requireBatch(db, batch.undoneBy);
  const result = revert(db, undo, opts);
  clearUndone(db, batch.id);
  applyConversion(db, batch.id, "redo");
  return result;
}

/** What undoing `batch` would change (each value or task, old → new) and what blocks it. */
export function undoPreview(
  db: Db,
  id: string | number,
): { batch: Batch; values: BatchChange[]; tasks: TaskBatchChange[] } {
  let batch = requireBatch(db, id);
  if (batch.kind === "undo" && batch.undoes !== null) batch = requireBatch(db, batch.undoes);
  return { batch, values: batchChanges(db, batch.id), tasks: taskBatchChanges(db, batch.id) };
}

/** Reverts one batch (values or tasks) inside the caller's transaction, refusing standing conflicts. */
function revert(db: Db, batch: Batch, opts: { force: boolean; now: Date }): UndoResult {
  const targetChanges = targetBatchChanges(db, batch.id);
  if (batch.layout === TARGETS_LAYOUT || (batch.kind === "undo" && targetChanges.length > 0)) {
    const blocking = (c: TargetBatchChange) =>
      c.laterBatch === null ? null : standingLater(db, batch, targetWritersAfter(db, c.key, batch.id));
    const conflicts = targetChanges.filter((c) => blocking(c) !== null);
    if (conflicts.length > 0 && !opts.force)
      throw new UserError(
        { key: "imports.undo.conflict", params: { id: batch.id, count: conflicts.length } },
        conflicts.slice(0, 20).map((c) => ({
          file: batch.file ?? `#${batch.id}`,
          line: null,
          column: `${c.key.unit} ${c.key.indicator}`,
          value: String(c.new?.target ?? ""),
          reason: { key: "imports.undo.conflictItem", params: { later: blocking(c) ?? "" } },
        })),
      );
    const old = targetChanges.map((c) => ({
      key: c.key,
      old: c.old && { target: c.old.target, weight: c.old.weight },
    }));
    return { ...revertBatch(db, batch, old, new TargetWriter(db), opts.now), conflicts };
  }
  const taskChanges = taskBatchChanges(db, batch.id);
  if (batch.kind === "task" || (batch.kind === "undo" && taskChanges.length > 0)) {
    const blocking = (c: TaskBatchChange) =>
      c.laterBatch === null ? null : standingLater(db, batch, taskWritersAfter(db, c.key, batch.id));
    const conflicts = taskChanges.filter((c) => blocking(c) !== null);
    if (conflicts.length > 0 && !opts.force)
      throw new UserError(
        { key: "tasks.undo.conflict", params: { id: batch.id, count: conflicts.length } },
        conflicts.map((c) => ({
          file: batch.file ?? `#${batch.id}`,
          line: null,
          column: null,
          value: null,
          reason: { key: "tasks.undo.conflictItem", params: { task: c.key.task, later: blocking(c) ?? "" } },
        })),
      );
    const old = taskChanges.map((c) => ({
      key: c.key,
      old: c.old && { status: c.old.status, note: c.old.note, evidence: c.old.evidence, date: c.old.date },
    }));
    return { ...revertBatch(db, batch, old, new TaskWriter(db), opts.now), conflicts };
  }
  const changes = batchChanges(db, batch.id);
  const blocking = (c: BatchChange) =>
    c.laterBatch === null ? null : standingLater(db, batch, writersAfter(db, c.key, batch.id));
  const conflicts = changes.filter((c) => blocking(c) !== null);
  if (conflicts.length > 0 && !opts.force) {
    throw new UserError(
      { key: "imports.undo.conflict", params: { id: batch.id, count: conflicts.length } },
      conflicts.slice(0, 20).map((c) => ({
        file: batch.file ?? `#${batch.id}`,
        line: null,
        column: `${c.key.period} ${c.key.unit} ${c.key.indicator}`,
        value: String(c.new?.value ?? ""),
        reason: { key: "imports.undo.conflictItem", params: { later: blocking(c) ?? "" } },
      })),
    );
  }
  const old = changes.map((c) => ({
    key: c.key,
    old: c.old && { value: c.old.value, basis: c.old.basis, note: c.old.note },
  }));
  return { ...revertBatch(db, batch, old, new ValueWriter(db), opts.now), conflicts };
}
