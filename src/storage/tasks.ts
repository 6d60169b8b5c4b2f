/**
 * Task progress (migration 0002): the current state of each task in task_progress, every replaced
 * state in task_history — the same scheme as progress_values / value_history, so a batch that set
 * tasks can be listed, shown and undone like a value import.
 */
import type { TaskStatus } from "../domain/tasks.js";
import type { Db } from "./database.js";

export interface TaskKey {
  year: number;
  task: number;
}

/** What a person sets: status, progress note (进展情况), evidence (佐证材料) and the date. */
export interface TaskRecord {
  status: TaskStatus;
  note: string | null;
  evidence: string | null;
  /** YYYY-MM-DD */
  date: string;
}

export interface StoredTask extends TaskRecord {
  batchId: number;
}

/**
 * Writes task states inside the caller's transaction, archiving the replaced state of every changed
 * task in task_history (so every change is on record and a batch can be undone).
 */
export class TaskWriter {
  private readonly get;
  private readonly insert;
  private readonly update;
  private readonly archive;
  private readonly del;

  constructor(db: Db) {
    this.get = db.prepare(
      `SELECT status, note, evidence, status_date AS date, batch_id AS batchId FROM task_progress
       WHERE plan_year = ? AND task_number = ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO task_progress (plan_year, task_number, status, note, evidence, status_date, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.update = db.prepare(
      `UPDATE task_progress SET status = ?, note = ?, evidence = ?, status_date = ?, batch_id = ?
       WHERE plan_year = ? AND task_number = ?`,
    );
    this.archive = db.prepare(
      `INSERT INTO task_history (plan_year, task_number, status, note, evidence, status_date, batch_id, superseded_by)
       SELECT plan_year, task_number, status, note, evidence, status_date, batch_id, ?
       FROM task_progress WHERE plan_year = ? AND task_number = ?`,
    );
    this.del = db.prepare("DELETE FROM task_progress WHERE plan_year = ? AND task_number = ?");
  }

  current(k: TaskKey): StoredTask | undefined {
    return this.get.get(k.year, k.task) as StoredTask | undefined;
  }

  /** Stores the first state of a task that has none. */
  add(k: TaskKey, r: TaskRecord, batchId: number): void {
    this.insert.run(k.year, k.task, r.status, r.note, r.evidence, r.date, batchId);
  }

  /** Replaces the current state, archiving the old one as superseded by `batchId`. */
  replace(k: TaskKey, r: TaskRecord, batchId: number): void {
    this.archive.run(batchId, k.year, k.task);
    this.update.run(r.status, r.note, r.evidence, r.date, batchId, k.year, k.task);
  }

  /** Removes the current state (the task is not started again), archiving it as superseded by `batchId`. */
  remove(k: TaskKey, batchId: number): void {
    this.archive.run(batchId, k.year, k.task);
    this.del.run(k.year, k.task);
  }
}

/** The current state of every task of a plan year that has one, by task number. */
export function readTaskProgress(db: Db, year: number, asOf?: string): Map<number, StoredTask> {
  if (asOf !== undefined) return readTaskProgressAsOf(db, year, asOf);
  const rows = db
    .prepare(
      `SELECT task_number AS task, status, note, evidence, status_date AS date, batch_id AS batchId
       FROM task_progress WHERE plan_year = ?`,
    )
    .all(year) as (StoredTask & { task: number })[];
  return new Map(rows.map(({ task, ...s }) => [task, s]));
}

/**
 * Each task's state as it stood on `date` (YYYY-MM-DD): of its states, current or replaced, the
 * latest whose own date is on or before it, leaving out states written by a batch since undone.
 * A task with none has no state yet (not started). For `status --as-of` (README rule 6).
 */
function readTaskProgressAsOf(db: Db, year: number, date: string): Map<number, StoredTask> {
  const rows = db
    .prepare(
      `SELECT s.task, s.status, s.note, s.evidence, s.date, s.batchId FROM (
         SELECT task_number AS task, status, note, evidence, status_date AS date, batch_id AS batchId
           FROM task_progress WHERE plan_year = ?
         UNION ALL
         SELECT task_number, status, note, evidence, status_date, batch_id
           FROM task_history WHERE plan_year = ?
       ) s JOIN import_batches b ON b.id = s.batchId
       WHERE s.date <= ? AND b.undone_by IS NULL
       ORDER BY s.task, s.date, s.batchId`,
    )
    .all(year, year, date) as (StoredTask & { task: number })[];
  // ordered by date, then batch: the last row of each task is its state on that day
  return new Map(rows.map(({ task, ...s }) => [task, s]));
}

/** A state a task had (or has), with the batch that wrote it and the one that replaced it. */
export interface TaskStateRecord extends TaskKey, TaskRecord {
  batchId: number;
  /** when the batch ran (ISO 8601 UTC) */
  recordedAt: string;
  batchKind: "import" | "undo" | "task";
  /** the CSV file of an import; null for `dzkj task set` */
  file: string | null;
  /** for a state written by an undo: the batch it undid */
  undoes: number | null;
  /** the batch that replaced or removed this state; null while it is current */
  supersededBy: number | null;
}

const COLUMNS = `t.plan_year AS year, t.task_number AS task, t.status, t.note, t.evidence, t.status_date AS date,
  t.batch_id AS batchId, b.imported_at AS recordedAt, b.kind AS batchKind, b.file, b.undoes`;

/** Every state a task ever had, oldest first (the current one last). */
export function taskHistory(db: Db, key: TaskKey): TaskStateRecord[] {
  return db
    .prepare(
      `SELECT year, task, status, note, evidence, date, batchId, recordedAt, batchKind, file, undoes, supersededBy FROM (
         SELECT ${COLUMNS}, t.superseded_by AS supersededBy, t.id AS seq
         FROM task_history t JOIN import_batches b ON b.id = t.batch_id
         WHERE t.plan_year = ? AND t.task_number = ?
         UNION ALL
         SELECT ${COLUMNS}, NULL AS supersededBy, 9007199254740991 AS seq
         FROM task_progress t JOIN import_batches b ON b.id = t.batch_id
         WHERE t.plan_year = ? AND t.task_number = ?
       ) ORDER BY seq`,
    )
    .all(key.year, key.task, key.year, key.task) as TaskStateRecord[];
}

/** The task states a batch wrote (current or since superseded). */
export function taskStatesWrittenBy(db: Db, batchId: number): TaskStateRecord[] {
  return db
    .prepare(
      `SELECT ${COLUMNS}, t.superseded_by AS supersededBy FROM task_history t JOIN import_batches b ON b.id = t.batch_id
       WHERE t.batch_id = ?
       UNION ALL
       SELECT ${COLUMNS}, NULL AS supersededBy FROM task_progress t JOIN import_batches b ON b.id = t.batch_id
       WHERE t.batch_id = ?
       ORDER BY year, task`,
    )
    .all(batchId, batchId) as TaskStateRecord[];
}

/** The task states a batch replaced or removed. */
export function taskStatesReplacedBy(db: Db, batchId: number): TaskStateRecord[] {
  return db
    .prepare(
      `SELECT ${COLUMNS}, t.superseded_by AS supersededBy FROM task_history t JOIN import_batches b ON b.id = t.batch_id
       WHERE t.superseded_by = ? ORDER BY year, task`,
    )
    .all(batchId) as TaskStateRecord[];
}

/** The batches that set a task after batch `after` (its later states, current or replaced). */
export function taskWritersAfter(db: Db, k: { year: number; task: number }, after: number): number[] {
  return db
    .prepare(
      `SELECT batch_id AS id FROM task_history WHERE plan_year = ? AND task_number = ? AND batch_id > ?
       UNION
       SELECT batch_id FROM task_progress WHERE plan_year = ? AND task_number = ? AND batch_id > ?
       ORDER BY 1`,
    )
    .pluck()
    .all(k.year, k.task, after, k.year, k.task, after) as number[];
}
