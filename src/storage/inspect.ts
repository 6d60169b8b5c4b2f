/**
 * Read-only queries for the operations commands (doctor, export, restore checks). Table names are
 * read from sqlite_master and quoted with quoteIdent: they are identifiers, never user values.
 */
import Database from "better-sqlite3";
import { type Db, DEFAULT_WAIT, type LockWait, nativeBinding, setLockWait } from "./database.js";

/** Opens an existing database file without creating or migrating it (doctor, export, restore checks). */
export function openExisting(
  path: string,
  options: { readonly?: boolean; wait?: LockWait | undefined } = {},
): Db {
  const nb = nativeBinding();
  const db = new Database(path, {
    fileMustExist: true,
    readonly: options.readonly ?? false,
    ...(nb ? { nativeBinding: nb } : {}),
  });
  try {
    setLockWait(db, options.wait ?? DEFAULT_WAIT);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** SQL identifier quoting ("name" with inner quotes doubled), for names read from sqlite_master. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** PRAGMA integrity_check: ["ok"] when the file is sound, else SQLite's list of problems (first 100). */
export function integrityCheck(db: Db): string[] {
  try {
    const rows = (db.pragma("integrity_check(100)") as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (rows.length === 1 && rows[0] === "ok") return rows;
    // one row may hold several findings, under a "*** in database main ***" heading
    return rows.flatMap((r) => r.split("\n")).filter((l) => l && !l.startsWith("*** in database"));
  } catch (e) {
    // so damaged that the check itself cannot run (SQLITE_CORRUPT, SQLITE_NOTADB)
    return [(e as Error).message];
  }
}

export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: string;
}

/** The migrations recorded in the database; null when it has no schema_migrations table. */
export function appliedMigrations(db: Db): AppliedMigration[] | null {
  const has = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!has) return null;
  return db
    .prepare("SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version")
    .all() as AppliedMigration[];
}

/** Rows violating a foreign key, per table (PRAGMA foreign_key_check works even with foreign_keys off). */
export function foreignKeyViolations(db: Db): { table: string; count: number }[] {
  const rows = db.pragma("foreign_key_check") as { table: string }[];
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.table, (counts.get(r.table) ?? 0) + 1);
  return [...counts].map(([table, count]) => ({ table, count }));
}

export interface OrphanGroup {
  table: "progress_values" | "value_history";
  /** what is unknown to the plan of that year */
  kind: "indicator" | "unit";
  year: number;
  code: string;
  count: number;
}

/**
 * Stored values whose indicator or unit is not in the plan of their year. Other tools may write
 * the file with foreign keys off, so this is checked with queries rather than trusted to constraints.
 */
export function orphanValues(db: Db): OrphanGroup[] {
  const out: OrphanGroup[] = [];
  const queries = {
    progress_values: {
      indicator: `SELECT v.plan_year AS year, v.indicator_code AS code, count(*) AS count FROM progress_values v
        WHERE NOT EXISTS (SELECT 1 FROM indicators i WHERE i.plan_year = v.plan_year AND i.code = v.indicator_code)
        GROUP BY 1, 2 ORDER BY 1, 2`,
      unit: `SELECT v.plan_year AS year, v.unit_code AS code, count(*) AS count FROM progress_values v
        WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.plan_year = v.plan_year AND u.code = v.unit_code)
        GROUP BY 1, 2 ORDER BY 1, 2`,
    },
    value_history: {
      indicator: `SELECT v.plan_year AS year, v.indicator_code AS code, count(*) AS count FROM value_history v
        WHERE NOT EXISTS (SELECT 1 FROM indicators i WHERE i.plan_year = v.plan_year AND i.code = v.indicator_code)
        GROUP BY 1, 2 ORDER BY 1, 2`,
      unit: `SELECT v.plan_year AS year, v.unit_code AS code, count(*) AS count FROM value_history v
        WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.plan_year = v.plan_year AND u.code = v.unit_code)
        GROUP BY 1, 2 ORDER BY 1, 2`,
    },
  } as const;
  for (const table of ["progress_values", "value_history"] as const) {
    for (const kind of ["indicator", "unit"] as const) {
      const rows = db.prepare(queries[table][kind]).all() as { year: number; code: string; count: number }[];
      for (const r of rows) out.push({ table, kind, ...r });
    }
  }
  return out;
}

/** Units of each plan year with no stored value at all for that year (never reported). */
export function unitsNeverReported(db: Db): { year: number; code: string; name: string; nameEn: string }[] {
  return db
    .prepare(
      `SELECT u.plan_year AS year, u.code, u.name, u.name_en AS nameEn FROM units u
       WHERE NOT EXISTS (SELECT 1 FROM progress_values v WHERE v.plan_year = u.plan_year AND v.unit_code = u.code)
       ORDER BY u.plan_year, u.ordinal`,
    )
    .all() as { year: number; code: string; name: string; nameEn: string }[];
}

/** Row counts of the main tables (for doctor's summary and restore's confirmation). */
export function countRows(db: Db): { plans: number; values: number; batches: number } {
  const has = (t: string) =>
    !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
  const n = (row: unknown) => (row as { n: number }).n;
  return {
    plans: has("plans") ? n(db.prepare("SELECT count(*) AS n FROM plans").get()) : 0,
    values: has("progress_values") ? n(db.prepare("SELECT count(*) AS n FROM progress_values").get()) : 0,
    batches: has("import_batches") ? n(db.prepare("SELECT count(*) AS n FROM import_batches").get()) : 0,
  };
}

/** The years of the loaded plans, oldest first. */
export function planYears(db: Db): number[] {
  return (db.prepare("SELECT year FROM plans ORDER BY year").all() as { year: number }[]).map((r) => r.year);
}

export interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
}

/** Every user table of the database with its columns, in name order (sqlite_* internals left out). */
export function listTables(db: Db): TableInfo[] {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all() as { name: string }[];
  return names.map(({ name }) => ({
    name,
    columns: (
      db.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid").all(name) as {
        name: string;
        type: string;
      }[]
    ).map((c) => ({ name: c.name, type: c.type })),
  }));
}

/** Iterates the rows of a table as arrays, in primary-key (or rowid) order. */
export function iterateRows(db: Db, table: TableInfo): IterableIterator<unknown[]> {
  // identifier from listTables (sqlite_master), quoted: not a user value
  return db
    .prepare(`SELECT * FROM ${quoteIdent(table.name)}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
}

/** The row count of every user table (sqlite_* internals left out), by name. */
export function tableCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of listTables(db)) {
    // identifier from listTables (sqlite_master), quoted: not a user value
    out[table.name] = (
      db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`).get() as { n: number }
    ).n;
  }
  return out;
}

/**
 * The tables and columns that the applied `migrations` create but `db` lacks, as "table" or
 * "table.column": a file that records migrations without having their tables is not a dzkj
 * database, whatever its schema_migrations says. The reference is built by running the same
 * migration files on an empty in-memory database.
 */
export function missingSchema(db: Db, migrations: readonly { sql: string }[]): string[] {
  const nb = nativeBinding();
  const ref = new Database(":memory:", nb ? { nativeBinding: nb } : {});
  try {
    for (const m of migrations) ref.exec(m.sql);
    const have = new Map(listTables(db).map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
    const missing: string[] = [];
    for (const t of listTables(ref)) {
      const cols = have.get(t.name);
      if (!cols) missing.push(t.name);
      else for (const c of t.columns) if (!cols.has(c.name)) missing.push(`${t.name}.${c.name}`);
    }
    return missing;
  } finally {
    ref.close();
  }
}

/** Whether every named table exists (a file may be a foreign or half-made database). */
export function hasTables(db: Db, names: string[]): boolean {
  const q = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  return names.every((n) => q.get(n));
}

/** Sets the journal mode: DELETE for a single self-contained file (a backup), WAL for the live database. */
export function setJournalMode(db: Db, mode: "DELETE" | "WAL"): void {
  if (mode === "WAL") db.pragma("journal_mode = WAL");
  else db.pragma("journal_mode = DELETE");
}

/** PRAGMA quick_check: "ok", or SQLite's list of what is damaged (one finding a line). */
export function quickCheck(db: Db): string {
  return String(db.pragma("quick_check", { simple: true }));
}

/** The number of pages in the database file. */
export function pageCount(db: Db): number {
  return db.pragma("page_count", { simple: true }) as number;
}

/** One wal_checkpoint(TRUNCATE): true when it finished (no reader kept it from copying every frame). */
export function checkpointTruncate(db: Db): boolean {
  const [r] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
  return !!r && r.busy === 0 && r.log === r.checkpointed;
}
