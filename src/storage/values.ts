import type { Basis } from "../domain/progress.js";
import type { Db } from "./database.js";

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
  private readonly update;
  private readonly archive;

  constructor(db: Db) {
    this.get = db.prepare(
      "SELECT value, basis, note, batch_id AS batchId FROM progress_values WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ?",
    );
    this.insert = db.prepare(
      "INSERT INTO progress_values (plan_year, indicator_code, period, unit_code, value, basis, note, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.update = db.prepare(
      "UPDATE progress_values SET value = ?, basis = ?, note = ?, batch_id = ? WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ?",
    );
    this.archive = db.prepare(
      `INSERT INTO value_history (plan_year, indicator_code, period, unit_code, value, basis, note, batch_id, superseded_by)
       SELECT plan_year, indicator_code, period, unit_code, value, basis, note, batch_id, ?
       FROM progress_values WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ?`,
    );
  }

  current(k: ValueKey): StoredValue | undefined {
    return this.get.get(k.year, k.indicator, k.period, k.unit) as StoredValue | undefined;
  }

  /** Stores a new value for a key that has none. */
  add(k: ValueKey, v: Omit<StoredValue, "batchId">, batchId: number): void {
    this.insert.run(k.year, k.indicator, k.period, k.unit, v.value, v.basis, v.note, batchId);
  }

  /** Replaces the current value of a key, archiving the old state as superseded by `batchId`. */
  replace(k: ValueKey, v: Omit<StoredValue, "batchId"> & { batchId?: number }, batchId: number): void {
    this.archive.run(batchId, k.year, k.indicator, k.period, k.unit);
    this.update.run(v.value, v.basis, v.note, v.batchId ?? batchId, k.year, k.indicator, k.period, k.unit);
  }
}

export interface ObservationRow {
  indicator: string;
  unit: string;
  period: string;
  value: number;
  basis: Basis;
}

/** Every current value of a plan year (its quarters and its baseline). */
export function readValues(db: Db, year: number): ObservationRow[] {
  return db
    .prepare(
      "SELECT indicator_code AS indicator, unit_code AS unit, period, value, basis FROM progress_values WHERE plan_year = ?",
    )
    .all(year) as ObservationRow[];
}
