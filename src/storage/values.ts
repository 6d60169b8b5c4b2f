import type { Statement } from "better-sqlite3";
import type { Basis } from "../domain/progress.js";
import type { Db } from "./database.js";
import { DatabaseError } from "./errors.js";

/**
 * Most rows of one INSERT of held values (see addHeld): 4 parameters each, plus 4 bound once per
 * statement, well under SQLite's limit of 32,766.
 */
const HELD_ROWS = 256;

/** The bases a held value can have, by code - 1 (0 means "nothing held" in HeldValues.basis). */
const BASES: readonly Basis[] = ["ytd", "period"];
const YTD = 1;

/** The code of a basis in HeldValues.basis. */
export function heldBasis(basis: Basis): number {
  return BASES.indexOf(basis) + 1;
}

/**
 * The new values of one plan year held in dense arrays by slot, instead of rows: a new quarter's
 * file is a million keys that all have to be inserted, and arrays cost nothing per row.
 */
export interface HeldValues {
  year: number;
  /** indicator codes by ordinal */
  indicators: readonly string[];
  /** unit codes by ordinal */
  units: readonly string[];
  /**
   * the period of each quarter index from `firstQ` (−3 … −1 last year's Q1–Q3, 0 the baseline,
   * 1 … 4), at periods[q − firstQ]; null for one that holds nothing
   */
  periods: readonly (string | null)[];
  /** the quarter index of periods[0] */
  firstQ: number;
  /** the slot of (indicator ordinal, unit ordinal, quarter index) */
  slot: (indicator: number, unit: number, q: number) => number;
  /** by slot: the value */
  values: Float64Array;
  /** by slot: 0 when nothing is held, else heldBasis() of the value's basis */
  basis: Uint8Array;
  /** by slot, only where there is one */
  notes: ReadonlyMap<number, string>;
}

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
  /** INSERTs of held values, by number of rows; plain: every row ytd without a note */
  private readonly heldInserts = new Map<number, Statement>();
  private readonly plainInserts = new Map<number, Statement>();
  /** per plan year, the indicator and unit codes written (see checkReferences) */
  private readonly written = new Map<number, { indicators: Set<string>; units: Set<string> }>();
  private readonly batches = new Set<number>();

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
    this.refer(k.year, k.indicator, k.unit, batchId);
    this.insert.run(k.year, k.indicator, k.period, k.unit, v.value, v.basis, v.note, batchId);
  }

  /**
   * Stores a value if its key has none yet and tells whether it did: one statement instead of a
   * lookup then an insert, on the import's hot path (most rows of a quarterly file are new).
   */
  addIfAbsent(k: ValueKey, v: Omit<StoredValue, "batchId">, batchId: number): boolean {
    this.refer(k.year, k.indicator, k.unit, batchId);
    return (
      this.insertNew.run(k.year, k.indicator, k.period, k.unit, v.value, v.basis, v.note, batchId).changes > 0
    );
  }

  /**
   * True when the plan year holds no value for `period` yet: then every key of that period is new,
   * and its values can be held and written in key order by addHeld(). The importer asks once per
   * period spelling and keeps the answer; it cannot change while a file is read, since held values
   * are only written at its end. Held values are invisible to current() until then, so the caller
   * must not hold a key twice.
   */
  isNewPeriod(year: number, period: string): boolean {
    return this.hasPeriodStmt.get(year, period) === undefined;
  }

  /**
   * Inserts held values (see HeldValues) in primary-key order, so every row lands after the one
   * before it in the clustered table: inserting a big file in its own order (by period and unit)
   * lands every row on a different page, ~5× slower. One INSERT per (indicator, period) binds
   * those two, the plan year and the batch once; per row the unit and the value, and the basis
   * and note only when some row of the statement is not the usual ytd without a note (binding
   * them every time cost ~0.4 s a million rows). Returns the rows written.
   */
  addHeld(h: HeldValues, batchId: number): number {
    // Rows are appended in key order, so a page is written once and never read again: a 16 MB page
    // cache (better-sqlite3's default) only holds up to 16 MB more of the import's peak memory.
    const cache = this.db.pragma("cache_size", { simple: true }) as number;
    this.db.pragma("cache_size = -2048");
    try {
      return this.writeHeld(h, batchId);
    } finally {
      this.db.pragma(`cache_size = ${Number(cache)}`);
    }
  }

  private writeHeld(h: HeldValues, batchId: number): number {
    const indicators = byteOrder(h.indicators);
    const units = byteOrder(h.units);
    const qs = h.periods.flatMap((p, i) => (p == null ? [] : [i + h.firstQ]));
    qs.sort((a, b) => compareBytes(h.periods[a - h.firstQ]!, h.periods[b - h.firstQ]!));
    const shared = { year: h.year, indicator: "", period: "", batch: batchId };
    const notes = h.notes.size > 0;
    // the held slots of one (indicator, period) and their units, in unit order
    const slots = new Int32Array(units.length);
    const unitOf = new Int32Array(units.length);
    let written = 0;
    const unitUsed = new Uint8Array(units.length);
    for (const i of indicators) {
      shared.indicator = h.indicators[i]!;
      let indicatorUsed = false;
      for (const q of qs) {
        shared.period = h.periods[q - h.firstQ]!;
        let n = 0;
        let plain = true;
        for (const u of units) {
          const s = h.slot(i, u, q);
          const b = h.basis[s]!;
          if (b === 0) continue;
          slots[n] = s;
          unitOf[n++] = u;
          unitUsed[u] = 1;
          if (b !== YTD || (notes && h.notes.has(s))) plain = false;
        }
        for (let from = 0; from < n; from += HELD_ROWS) {
          const to = Math.min(n, from + HELD_ROWS);
          const rows: unknown[] = new Array((to - from) * (plain ? 2 : 4));
          let k = 0;
          for (let j = from; j < to; j++) {
            const s = slots[j]!;
            rows[k++] = h.units[unitOf[j]!];
            rows[k++] = h.values[s];
            if (!plain) {
              rows[k++] = BASES[h.basis[s]! - 1];
              rows[k++] = h.notes.get(s) ?? null;
            }
          }
          this.heldInsert(to - from, plain).run(rows, shared);
          written += to - from;
        }
        if (n > 0) indicatorUsed = true;
      }
      if (indicatorUsed) this.refer(h.year, shared.indicator, null, batchId);
    }
    for (let u = 0; u < unitUsed.length; u++) if (unitUsed[u]) this.refer(h.year, null, h.units[u]!, batchId);
    return written;
  }

  private refer(year: number, indicator: string | null, unit: string | null, batchId: number): void {
    let w = this.written.get(year);
    if (!w) {
      w = { indicators: new Set(), units: new Set() };
      this.written.set(year, w);
    }
    if (indicator !== null) w.indicators.add(indicator);
    if (unit !== null) w.units.add(unit);
    this.batches.add(batchId);
  }

  /**
   * Checks, inside the caller's transaction, that every indicator, unit and batch the writer has
   * written values for exists: what SQLite's foreign keys check row by row, checked once per
   * distinct code, for a writer used with enforcement off (withForeignKeysOff). A plan loaded by
   * another dzkj between the importer's reading of the plan and its transaction can have removed a
   * unit; then this throws, and the caller rolls the file back.
   */
  checkReferences(): void {
    const exists = {
      indicator: this.db.prepare("SELECT 1 FROM indicators WHERE plan_year = ? AND code = ?").pluck(),
      unit: this.db.prepare("SELECT 1 FROM units WHERE plan_year = ? AND code = ?").pluck(),
    };
    const missing = (kind: "indicator" | "unit", year: number, code: string) =>
      new DatabaseError(`the ${year} plan has no ${kind} ${code} any more (changed during the import)`, {
        key: "db.error.planChanged",
        params: { year, code },
      });
    for (const [year, w] of this.written) {
      for (const code of w.indicators)
        if (exists.indicator.get(year, code) === undefined) throw missing("indicator", year, code);
      for (const code of w.units)
        if (exists.unit.get(year, code) === undefined) throw missing("unit", year, code);
    }
    const batch = this.db.prepare("SELECT 1 FROM import_batches WHERE id = ?").pluck();
    for (const id of this.batches)
      if (batch.get(id) === undefined) throw new Error(`value written for batch ${id}, which does not exist`);
  }

  private heldInsert(n: number, plain: boolean): Statement {
    const cache = plain ? this.plainInserts : this.heldInserts;
    let stmt = cache.get(n);
    if (!stmt) {
      // basis and note are constants in the plain form, not input
      const row = plain
        ? "(:year, :indicator, :period, ?, ?, 'ytd', NULL, :batch)"
        : "(:year, :indicator, :period, ?, ?, ?, ?, :batch)";
      stmt = this.db.prepare(
        `INSERT INTO progress_values (plan_year, indicator_code, period, unit_code, value, basis, note, batch_id) VALUES ${Array(n).fill(row).join(", ")}`,
      );
      cache.set(n, stmt);
    }
    return stmt;
  }

  /** Replaces the current value of a key, archiving the old state as superseded by `batchId`. */
  replace(k: ValueKey, v: Omit<StoredValue, "batchId">, batchId: number): void {
    this.refer(k.year, k.indicator, k.unit, batchId);
    this.archive.run(batchId, k.year, k.indicator, k.period, k.unit);
    this.update.run(v.value, v.basis, v.note, batchId, k.year, k.indicator, k.period, k.unit);
  }

  /** Removes the current value of a key, archiving it as superseded by `batchId`. */
  remove(k: ValueKey, batchId: number): void {
    this.archive.run(batchId, k.year, k.indicator, k.period, k.unit);
    this.del.run(k.year, k.indicator, k.period, k.unit);
  }
}

/** Ordinals of `codes` in SQLite's text order (BINARY: UTF-8 bytes, not JavaScript's UTF-16 order). */
function byteOrder(codes: readonly string[]): number[] {
  return codes.map((_, i) => i).sort((a, b) => compareBytes(codes[a]!, codes[b]!));
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
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

/** A stored year-to-date (累计) figure of one quarter of a plan year. */
export interface YtdFigure {
  indicator: string;
  unit: string;
  period: string;
  value: number;
}

/**
 * The year-to-date figures stored for quarters Q1–Q4 of plan year `year` whose indicator is one
 * of `indicators` (flows; a stock's level may fall), for the import's plausibility check.
 */
export function storedYtdFigures(db: Db, year: number, indicators: readonly string[]): YtdFigure[] {
  if (indicators.length === 0) return [];
  return db
    .prepare(
      `SELECT indicator_code AS indicator, unit_code AS unit, period, value FROM progress_values
       WHERE plan_year = ? AND basis = 'ytd' AND period BETWEEN ? AND ?
         AND indicator_code IN (SELECT value FROM json_each(?))`,
    )
    .all(year, `${year}Q1`, `${year}Q4`, JSON.stringify(indicators)) as YtdFigure[];
}

/** The batches that wrote a value's key after batch `after` (its later states, current or replaced). */
export function writersAfter(db: Db, k: ValueKey, after: number): number[] {
  return db
    .prepare(
      `SELECT batch_id AS id FROM value_history
       WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ? AND batch_id > ?
       UNION
       SELECT batch_id FROM progress_values
       WHERE plan_year = ? AND indicator_code = ? AND period = ? AND unit_code = ? AND batch_id > ?
       ORDER BY 1`,
    )
    .pluck()
    .all(
      k.year,
      k.indicator,
      k.period,
      k.unit,
      after,
      k.year,
      k.indicator,
      k.period,
      k.unit,
      after,
    ) as number[];
}

/** A stored value of one indicator: period, unit, value, basis (口径) and note. */
export interface IndicatorValue {
  period: string;
  unit: string;
  value: number;
  basis: Basis;
  note: string | null;
}

/** Every current value of an indicator in a plan year, by period then unit. */
export function indicatorValues(db: Db, year: number, indicator: string): IndicatorValue[] {
  return db
    .prepare(
      "SELECT period, unit_code AS unit, value, basis, note FROM progress_values WHERE plan_year = ? AND indicator_code = ? ORDER BY period, unit_code",
    )
    .all(year, indicator) as IndicatorValue[];
}

/** Every current value of a plan year with the time of the import that wrote it. */
export function valueSubmissions(
  db: Db,
  year: number,
): { indicator: string; unit: string; period: string; importedAt: string }[] {
  return db
    .prepare(
      `SELECT v.indicator_code AS indicator, v.unit_code AS unit, v.period, b.imported_at AS importedAt
       FROM progress_values v JOIN import_batches b ON b.id = v.batch_id
       WHERE v.plan_year = ?`,
    )
    .all(year) as { indicator: string; unit: string; period: string; importedAt: string }[];
}

/**
 * When each unit first reported each period of a plan year: the earliest time of a batch that
 * wrote one of its values for the period (current or since replaced), leaving out batches since
 * undone (what they wrote no longer counts as sent). For on-time reporting (README "On-time
 * reporting").
 */
export function firstReportTimes(db: Db, year: number): { unit: string; period: string; firstAt: string }[] {
  return db
    .prepare(
      `SELECT s.unit_code AS unit, s.period, min(b.imported_at) AS firstAt FROM (
         SELECT unit_code, period, batch_id FROM progress_values WHERE plan_year = ?
         UNION ALL
         SELECT unit_code, period, batch_id FROM value_history WHERE plan_year = ?
       ) s JOIN import_batches b ON b.id = s.batch_id
       WHERE b.undone_by IS NULL
       GROUP BY s.unit_code, s.period`,
    )
    .all(year, year) as { unit: string; period: string; firstAt: string }[];
}
