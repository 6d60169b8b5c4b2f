/**
 * Unit targets (目标分解, migration 0008): the current target of each (plan year, indicator, unit)
 * in unit_targets, every replaced state in unit_target_history — the scheme of progress_values /
 * value_history, so a targets import can be listed, shown and undone like a value import.
 */
import type { Db } from "./database.js";

export interface TargetKey {
  year: number;
  indicator: string;
  unit: string;
}

/** A unit's target in the indicator's canonical unit, and its 考核权重 (null counts 1). */
export interface TargetRecord {
  target: number;
  weight: number | null;
}

export interface StoredTarget extends TargetRecord {
  batchId: number;
}

/** One current unit target of a plan year. */
export interface UnitTargetRow extends TargetRecord {
  indicator: string;
  unit: string;
  batchId: number;
}

/**
 * Writes unit targets inside the caller's transaction, archiving the replaced state of every
 * changed target in unit_target_history (every change on record, a batch can be undone).
 */
export class TargetWriter {
  private readonly get;
  private readonly insert;
  private readonly update;
  private readonly archive;
  private readonly del;

  constructor(db: Db) {
    this.get = db.prepare(
      `SELECT target, weight, batch_id AS batchId FROM unit_targets
       WHERE plan_year = ? AND indicator_code = ? AND unit_code = ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO unit_targets (plan_year, indicator_code, unit_code, target, weight, batch_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.update = db.prepare(
      `UPDATE unit_targets SET target = ?, weight = ?, batch_id = ?
       WHERE plan_year = ? AND indicator_code = ? AND unit_code = ?`,
    );
    this.archive = db.prepare(
      `INSERT INTO unit_target_history (plan_year, indicator_code, unit_code, target, weight, batch_id, superseded_by)
       SELECT plan_year, indicator_code, unit_code, target, weight, batch_id, ?
       FROM unit_targets WHERE plan_year = ? AND indicator_code = ? AND unit_code = ?`,
    );
    this.del = db.prepare(
      "DELETE FROM unit_targets WHERE plan_year = ? AND indicator_code = ? AND unit_code = ?",
    );
  }

  current(k: TargetKey): StoredTarget | undefined {
    return this.get.get(k.year, k.indicator, k.unit) as StoredTarget | undefined;
  }

  /** Stores the first target of a key that has none. */
  add(k: TargetKey, r: TargetRecord, batchId: number): void {
    this.insert.run(k.year, k.indicator, k.unit, r.target, r.weight, batchId);
  }

  /** Replaces the current target, archiving the old one as superseded by `batchId`. */
  replace(k: TargetKey, r: TargetRecord, batchId: number): void {
    this.archive.run(batchId, k.year, k.indicator, k.unit);
    this.update.run(r.target, r.weight, batchId, k.year, k.indicator, k.unit);
  }

  /** Removes the current target, archiving it as superseded by `batchId`. */
  remove(k: TargetKey, batchId: number): void {
    this.archive.run(batchId, k.year, k.indicator, k.unit);
    this.del.run(k.year, k.indicator, k.unit);
  }
}

/** Every current unit target of a plan year (none before the first targets import). */
export function readUnitTargets(db: Db, year: number): UnitTargetRow[] {
  return db
    .prepare(
      `SELECT indicator_code AS indicator, unit_code AS unit, target, weight, batch_id AS batchId
       FROM unit_targets WHERE plan_year = ? ORDER BY indicator_code, unit_code`,
    )
    .all(year) as UnitTargetRow[];
}

/** A state a target had (or has), with the batch that wrote it and the one that replaced it. */
export interface TargetStateRecord extends TargetKey, TargetRecord {
  batchId: number;
  /** the batch that replaced or removed this state; null while it is current */
  supersededBy: number | null;
}

const COLUMNS = `plan_year AS year, indicator_code AS indicator, unit_code AS unit, target, weight, batch_id AS batchId`;

/** The target states a batch wrote (current or since superseded). */
export function targetStatesWrittenBy(db: Db, batchId: number): TargetStateRecord[] {
  return db
    .prepare(
      `SELECT ${COLUMNS}, superseded_by AS supersededBy FROM unit_target_history WHERE batch_id = ?
       UNION ALL
       SELECT ${COLUMNS}, NULL AS supersededBy FROM unit_targets WHERE batch_id = ?
       ORDER BY year, indicator, unit`,
    )
    .all(batchId, batchId) as TargetStateRecord[];
}

/** The target states a batch replaced or removed. */
export function targetStatesReplacedBy(db: Db, batchId: number): TargetStateRecord[] {
  return db
    .prepare(
      `SELECT ${COLUMNS}, superseded_by AS supersededBy FROM unit_target_history
       WHERE superseded_by = ? ORDER BY year, indicator, unit`,
    )
    .all(batchId) as TargetStateRecord[];
}

/** The batches that set a target after batch `after` (its later states, current or replaced). */
export function targetWritersAfter(db: Db, k: TargetKey, after: number): number[] {
  return db
    .prepare(
      `SELECT batch_id AS id FROM unit_target_history
       WHERE plan_year = ? AND indicator_code = ? AND unit_code = ? AND batch_id > ?
       UNION
       SELECT batch_id FROM unit_targets WHERE plan_year = ? AND indicator_code = ? AND unit_code = ? AND batch_id > ?
       ORDER BY 1`,
    )
    .pluck()
    .all(k.year, k.indicator, k.unit, after, k.year, k.indicator, k.unit, after) as number[];
}

/** How many current unit targets each indicator of a plan year has (indicator code → count). */
export function unitTargetCounts(db: Db, year: number): Map<string, number> {
  const rows = db
    .prepare(
      "SELECT indicator_code AS code, count(*) AS n FROM unit_targets WHERE plan_year = ? GROUP BY indicator_code",
    )
    .all(year) as { code: string; n: number }[];
  return new Map(rows.map((r) => [r.code, r.n]));
}
