import type { Statement } from "better-sqlite3";
import type { Basis } from "../domain/progress.js";
import type { Db } from "./database.js";

/** Rows per multi-row INSERT into the staging table (8 parameters each, well under SQLite's limit). */
const STAGE_ROWS = 64;

export interface StoredValue {
  value: number;
  basis: Basis;
  note: string | null;
  batchId: number;
}

export interface ValueKey {
  year: number;
  indicator: string;
  period: string;
  unit: string;
}

/**
 * Writes progress values inside the caller's transaction, keeping the replaced state of every
 * changed value in value_history (so a batch can be undone and every change is on record).
 */
export class ValueWriter {
  private readonly get;
  private readonly insert;
  private readonly insertNew;
  private readonly update;
  private readonly archive;
  private readonly del;
  private readonly hasPeriodStmt;
  /** per plan year, per period: true when no value is stored yet (every key of it is new) */
  private readonly emptyPeriods = new Map<number, Map<string, boolean>>();
  /** rows of empty periods waiting in the temp table, written in key order by flush() */
  private staged: unknown[] = [];
  private stageMany: Statement | null = null;
  private stageOne: Statement | null = null;

  constructor(private readonly db: Db) {
    this.get = db.prepare(
      "SELECT value, basis, note, batch_id AS batchId FROM progress_values WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ?",
    );
    this.insert = db.prepare(
      "INSERT INTO progress_values (plan_year, indicator_code, period, unit_code, value, basis, note, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.insertNew = db.prepare(
      "INSERT INTO progress_values (plan_year, indicator_code, period, unit_code, value, basis, note, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    );
    this.update = db.prepare(
      "UPDATE progress_values SET value = ?, basis = ?, note = ?, batch_id = ? WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ?",
    );
    this.archive = db.prepare(
      `INSERT INTO value_history (plan_year, indicator_code, period, unit_code, value, basis, note, batch_id, superseded_by)
       SELECT plan_year, indicator_code, period, unit_code, value, basis, note, batch_id, ?
       FROM progress_values WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ?`,
    );
    this.hasPeriodStmt = db.prepare(
      "SELECT 1 FROM progress_values WHERE plan_year = ? AND period = ? LIMIT 1",
    );
    this.del = db.prepare(
      "DELETE FROM progress_values WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ?",
    );
  }

  current(k: ValueKey): StoredValue | undefined {
    return this.get.get(k.year, k.indicator, k.period, k.unit) as StoredValue | undefined;
  }

  /** Stores a new value for a key that has none. */
  add(k: ValueKey, v: Omit<StoredValue, "batchId">, batchId: number): void {
    this.insert.run(k.year, k.indicator, k.period, k.unit, v.value, v.basis, v.note, batchId);
  }

  /**
   * Stores a value if its key has none yet and tells whether it did: one statement instead of a
   * lookup then an insert, on the import's hot path (most rows of a quarterly file are new).
   */
  addIfAbsent(k: ValueKey, v: Omit<StoredValue, "batchId">, batchId: number): boolean {
    return (
      this.insertNew.run(k.year, k.indicator, k.period, k.unit, v.value, v.basis, v.note, batchId).changes > 0
    );
  }

  /**
   * True when the plan year holds no value for `period` yet (asked once per period): then every
   * key of that period is new, and its rows can be staged and written in key order by flush().
   * Staged rows are invisible to current() until flush(), so the caller must not stage a key twice.
   */
  isNewPeriod(year: number, period: string): boolean {
    let periods = this.emptyPeriods.get(year);
    if (!periods) {
      periods = new Map();
      this.emptyPeriods.set(year, periods);
    }
    let empty = periods.get(period);
    if (empty === undefined) {
      empty = this.hasPeriodStmt.get(year, period) === undefined;
      periods.set(period, empty);
    }
    return empty;
  }

  /**
   * Queues a new value of an empty period (see isNewPeriod). A big file arrives ordered by
   * period and unit while the table is clustered by indicator: inserting row by row lands every
   * row on a different page; staging them and inserting them sorted is about twice as fast.
   */
  stage(k: ValueKey, v: Omit<StoredValue, "batchId">, batchId: number): void {
    if (!this.stageMany) {
      // the staging table is written once and read once: a small cache keeps the import's memory flat
      this.db.pragma("temp.cache_size = -4096");
      this.db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS staged_values (plan_year, indicator_code, period, unit_code, value, basis, note, batch_id)",
      );
      this.stageMany = this.db.prepare(
        `INSERT INTO temp.staged_values VALUES ${Array(STAGE_ROWS).fill("(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      );
      this.stageOne = this.db.prepare("INSERT INTO temp.staged_values VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }
    this.staged.push(k.year, k.indicator, k.period, k.unit, v.value, v.basis, v.note, batchId);
    if (this.staged.length === STAGE_ROWS * 8) {
      this.stageMany.run(this.staged);
      this.staged = [];
    }
  }

  /** Writes the staged values (sorted by key) into progress_values; call before the batch is finished. */
  flush(): void {
    if (!this.stageMany) return;
    for (let i = 0; i < this.staged.length; i += 8) this.stageOne!.run(this.staged.slice(i, i + 8));
    this.staged = [];
    // The sort behind ORDER BY takes as much memory as the page cache allows (16 MB by default):
    // a smaller cache for this one statement keeps a million-row import well under 128 MiB.
    const cache = this.db.pragma("cache_size", { simple: true }) as number;
    this.db.pragma("cache_size = -4096");
    try {
      this.db.exec(
        `INSERT INTO progress_values (plan_year, indicator_code, period, unit_code, value, basis, note, batch_id)
       SELECT plan_year, indicator_code, period, unit_code, value, basis, note, batch_id FROM temp.staged_values
       ORDER BY plan_year, indicator_code, period, unit_code;
       DELETE FROM temp.staged_values;`,
      );
    } finally {
      this.db.pragma(`cache_size = ${Number(cache)}`);
    }
  }

  /** Replaces the current value of a key, archiving the old state as superseded by `batchId`. */
  replace(k: ValueKey, v: Omit<StoredValue, "batchId">, batchId: number): void {
    this.archive.run(batchId, k.year, k.indicator, k.period, k.unit);
    this.update.run(v.value, v.basis, v.note, batchId, k.year, k.indicator, k.period, k.unit);
  }

  /** Removes the current value of a key, archiving it as superseded by `batchId`. */
  remove(k: ValueKey, batchId: number): void {
    this.archive.run(batchId, k.year, k.indicator, k.period, k.unit);
    this.del.run(k.year, k.indicator, k.period, k.unit);
  }
}

/** The current values of a plan year as columns: row k is (indicator[k], unit[k], period[k], value[k], basis[k]). */
export interface ValueColumns {
  indicator: string[];
  unit: string[];
  period: string[];
  value: number[];
  basis: Basis[];
}

/**
 * Every current value of a plan year (its quarters and its baseline), as five columns. A
 * province-scale year has 100,000 values: better-sqlite3 builds each row through N-API, ~300 ms for
 * that year (measured on the bench's 1,000,000-value database), while SQLite's json_group_array
 * writes the five columns as JSON arrays and V8's JSON.parse reads them back in ~120 ms, with far
 * less garbage (short strings such as codes and periods come back internalised). Numbers survive
 * exactly: SQLite writes each REAL with as many digits as it takes to read back the same double
 * (a property test in test/storage checks it).
 */
export function readValueColumns(db: Db, year: number): ValueColumns {
  const row = db
    .prepare(
      `SELECT json_group_array(indicator_code), json_group_array(unit_code), json_group_array(period),
              json_group_array(value), json_group_array(basis)
       FROM progress_values WHERE plan_year = ?`,
    )
    .raw()
    .get(year) as [string, string, string, string, string];
  const [indicator, unit, period, value, basis] = row.map((json) => JSON.parse(json));
  return { indicator, unit, period, value, basis };
}

/** A state a value had (or has): who wrote it, when, and what replaced it. */
export interface ValueState extends ValueKey {
  value: number;
  basis: Basis;
  note: string | null;
  batchId: number;
  importedAt: string;
  file: string | null;
  /** the batch that replaced or removed this state; null while it is the current value */
  supersededBy: number | null;
}

const STATE_COLUMNS = `v.plan_year AS year, v.indicator_code AS indicator, v.period, v.unit_code AS unit, v.value, v.basis,
  v.note, v.batch_id AS batchId, b.imported_at AS importedAt, b.file`;

/** Every state ever stored for an indicator of a plan year (optionally one unit), oldest first. */
export function valueHistory(db: Db, year: number, indicator: string, unit?: string): ValueState[] {
  const unitClause = unit === undefined ? "" : " AND v.unit_code = ?";
  const params: (string | number)[] = unit === undefined ? [year, indicator] : [year, indicator, unit];
  return db
    .prepare(
      `SELECT * FROM (
         SELECT ${STATE_COLUMNS}, v.superseded_by AS supersededBy, v.id AS seq
         FROM value_history v JOIN import_batches b ON b.id = v.batch_id
         WHERE v.plan_year = ? AND v.indicator_code = ?${unitClause}
         UNION ALL
         SELECT ${STATE_COLUMNS}, NULL AS supersededBy, 9007199254740991 AS seq
         FROM progress_values v JOIN import_batches b ON b.id = v.batch_id
         WHERE v.plan_year = ? AND v.indicator_code = ?${unitClause}
       ) ORDER BY period, unit, batchId, seq`,
    )
    .all(...params, ...params) as ValueState[];
}

/** The states a batch wrote (current or since superseded). */
export function statesWrittenBy(db: Db, batchId: number): ValueState[] {
  return db
    .prepare(
      `SELECT ${STATE_COLUMNS}, v.superseded_by AS supersededBy FROM value_history v JOIN import_batches b ON b.id = v.batch_id
       WHERE v.batch_id = ?
       UNION ALL
       SELECT ${STATE_COLUMNS}, NULL AS supersededBy FROM progress_values v JOIN import_batches b ON b.id = v.batch_id
       WHERE v.batch_id = ?
       ORDER BY year, indicator, period, unit`,
    )
    .all(batchId, batchId) as ValueState[];
}

/** The states a batch replaced or removed. */
export function statesReplacedBy(db: Db, batchId: number): ValueState[] {
  return db
    .prepare(
      `SELECT ${STATE_COLUMNS}, v.superseded_by AS supersededBy FROM value_history v JOIN import_batches b ON b.id = v.batch_id
       WHERE v.superseded_by = ? ORDER BY year, indicator, period, unit`,
    )
    .all(batchId) as ValueState[];
}
