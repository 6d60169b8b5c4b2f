import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { assetPath } from "./assets.js";
import { DatabaseError } from "./errors.js";

export type Db = Database.Database;

export { DatabaseError };

let addonPath: string | undefined | null = null;

/**
 * The path of better-sqlite3's compiled addon, found directly. Without it better-sqlite3 asks the
 * `bindings` package, which searches the file system for it: ~12 ms of every command's start-up
 * (measured with --cpu-prof). Undefined (the library's own search) if the file is not where npm puts it.
 */
export function nativeBinding(): string | undefined {
  if (addonPath === null) {
    try {
      const main = createRequire(import.meta.url).resolve("better-sqlite3");
      const file = join(dirname(main), "..", "build", "Release", "better_sqlite3.node");
      addonPath = existsSync(file) ? file : undefined;
    } catch {
      addonPath = undefined;
    }
  }
  return addonPath;
}

/** Where the database lives: --db, else $DZKJ_DB, else $XDG_DATA_HOME/dzkj/dzkj.db (~/.local/share/dzkj/dzkj.db). */
export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option) return option;
  if (env.DZKJ_DB) return env.DZKJ_DB;
  const data = env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share");
  return join(data, "dzkj", "dzkj.db");
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files shipped with dzkj (migrations/NNNN_snake_name.sql), in order. */
export function loadMigrations(dir = assetPath("migrations")): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.replace(/\.sql$/, ""),
      sql: readFileSync(join(dir, f), "utf8"),
    }));
}

/**
 * How long a writer waits for another process's write lock before it gives up (`--wait SECONDS`,
 * default 120 s: README "Crash safety and concurrency"), and what it shows meanwhile.
 */
export interface LockWait {
  ms: number;
  /** called about twice a second while waiting (a progress line on a terminal) */
  onWait?: ((waitedMs: number) => void) | undefined;
  /** called once the lock was had after waiting (to clear the progress line) */
  onWaited?: (() => void) | undefined;
}

/** The documented default of `--wait`, in seconds. */
export const DEFAULT_WAIT_SECONDS = 120;

/** The lock wait of a connection nobody set one for: DEFAULT_WAIT_SECONDS, no progress shown. */
export const DEFAULT_WAIT: LockWait = { ms: DEFAULT_WAIT_SECONDS * 1000 };

const waits = new WeakMap<Db, LockWait>();

/** Sets how long writes on this connection wait for the lock (busy_timeout and waitForLock). */
export function setLockWait(db: Db, wait: LockWait): void {
  waits.set(db, wait);
  setBusyTimeout(db, wait.ms);
}

/** PRAGMA busy_timeout, in whole milliseconds (a number: nothing else reaches the pragma). */
function setBusyTimeout(db: Db, ms: number): void {
  const n = Math.max(0, Math.round(Number(ms)));
  db.pragma(`busy_timeout = ${n}`);
}

/** The lock wait of a connection: the one set with setLockWait, else the default. */
function lockWaitOf(db: Db): LockWait {
  return waits.get(db) ?? DEFAULT_WAIT;
}

/** True for SQLite's "database is locked" (SQLITE_BUSY and its extended codes). */
function isBusy(e: unknown): boolean {
  return String((e as { code?: unknown })?.code ?? "").startsWith("SQLITE_BUSY");
}

/** The error of a writer that waited its whole time for the lock: names the database, nothing changed. */
export function lockTimeout(path: string, ms: number): DatabaseError {
  const seconds = Math.round(ms / 100) / 10;
  return new DatabaseError(
    `the database ${path} is being written by another dzkj or program; gave up after waiting ${seconds} s (nothing was changed)`,
    { key: "db.error.locked", params: { path, seconds } },
  );
}

export interface OpenOptions {
  readonly?: boolean;
  /** how long writes wait for the lock (default DEFAULT_WAIT_SECONDS) */
  wait?: LockWait | undefined;
  migrations?: Migration[];
  /** called with the backup path when migrating a database that holds data */
  onBackup?: (path: string) => void;
}

export interface Opened {
  db: Db;
  /** true when the file did not exist before this call */
  created: boolean;
}

/**
 * Opens (creating if needed, mode 0600) and migrates the database at `path`. A database that
 * has migrations this dzkj does not know was written by a newer version: refused untouched.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Opened {
  const memory = path === ":memory:";
  const created = memory || createExclusively(path);
  let db: Db;
  try {
    const nb = nativeBinding();
    db = new Database(path, { fileMustExist: !memory, ...(nb ? { nativeBinding: nb } : {}) });
  } catch (e) {
    throw new DatabaseError(`cannot open database ${path}: ${(e as Error).message}`, {
      key: "db.error.open",
      params: { path, error: (e as Error).message },
    });
  }
  try {
    setLockWait(db, options.wait ?? DEFAULT_WAIT);
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    migrate(db, path, options);
    // WAL only once the schema is known to be ours: switching rewrites the file header, and a
    // database from a newer dzkj must be refused byte-for-byte untouched.
    if (!memory) waitForLock(db, () => db.pragma("journal_mode = WAL"));
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, created };
}

let pause: Int32Array | undefined;

/** Blocks the thread for `ms` (SQLite calls are synchronous: so is waiting between two of them). */
function sleep(ms: number): void {
  pause ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(pause, 0, 0, ms);
}

/**
 * Runs `f` (a BEGIN IMMEDIATE, a whole write transaction, a journal mode switch), and again while
 * SQLite answers SQLITE_BUSY, until the connection's lock wait (setLockWait) is over; then throws
 * lockTimeout naming the database. Most statements wait through busy_timeout by themselves; some
 * answer BUSY at once (switching to WAL while others have the file open), so tries are a few ms
 * apart. With a progress callback, busy_timeout is cut into half-second slices so the callback
 * runs between them. Retrying a whole transaction is safe: a BUSY inside it rolls it back.
 */
export function waitForLock<T>(db: Db, f: () => T): T {
  const wait = lockWaitOf(db);
  const start = Date.now();
  const deadline = start + wait.ms;
  const sliced = wait.onWait !== undefined && wait.ms > 500;
  if (sliced) setBusyTimeout(db, 500);
  let waited = false;
  try {
    for (;;) {
      try {
        const result = f();
        if (waited) wait.onWaited?.();
        return result;
      } catch (e) {
        if (!isBusy(e)) throw e;
        const now = Date.now();
        if (now >= deadline) {
          if (waited) wait.onWaited?.();
          throw lockTimeout(db.name, wait.ms);
        }
        waited = true;
        wait.onWait?.(now - start);
        sleep(Math.min(5, deadline - now));
      }
    }
  } finally {
    if (sliced && db.open) setBusyTimeout(db, wait.ms);
  }
}

/**
 * Transaction control for a use case that spans awaits (an import reads its file between
 * statements), where better-sqlite3's db.transaction(f), which needs a synchronous f, cannot serve.
 * beginWrite is BEGIN IMMEDIATE, waiting (--wait) while another dzkj holds the write lock.
 */
export function beginWrite(db: Db): void {
  waitForLock(db, () => db.exec("BEGIN IMMEDIATE"));
}

/** BEGIN (deferred): one read snapshot for several statements (a backup's counts and copy). */
export function beginRead(db: Db): void {
  db.exec("BEGIN");
}

/** COMMIT the open transaction. */
export function commit(db: Db): void {
  db.exec("COMMIT");
}

/** ROLLBACK the open transaction, if one is open (safe in a finally). */
export function rollback(db: Db): void {
  if (db.open && db.inTransaction) db.exec("ROLLBACK");
}

/** The savepoint of one file inside an import's transaction (SQL stays literal: no name is built). */
export function savepoint(db: Db): void {
  db.exec("SAVEPOINT import_file");
}

/** Ends the file's savepoint: `keep` false first undoes what was written since it began. */
export function releaseSavepoint(db: Db, keep: boolean): void {
  if (!keep) db.exec("ROLLBACK TO import_file");
  db.exec("RELEASE import_file");
}

/** Runs `f` in a write transaction (BEGIN IMMEDIATE), waiting for the lock like every writer. */
export function writeTransaction<T>(db: Db, f: () => T): T {
  return waitForLock(db, () => db.transaction(f).immediate());
}

/**
 * Runs `f` with SQLite's foreign key enforcement off, for a bulk write whose caller checks the
 * references it wrote itself before it commits (ValueWriter.checkReferences): SQLite looks up
 * both parents of every inserted value, ~1.4 s of a million-row import, where the importer
 * writes a few hundred distinct codes that it has already resolved against the plan. The pragma
 * is a no-op inside a transaction, so `f` must open its own; enforcement is back on when it ends.
 */
export async function withForeignKeysOff<T>(db: Db, f: () => Promise<T>): Promise<T> {
  if (db.inTransaction) throw new Error("withForeignKeysOff: called inside a transaction");
  db.pragma("foreign_keys = OFF");
  try {
    return await f();
  } finally {
    if (db.open) db.pragma("foreign_keys = ON");
  }
}

/**
 * Creates the database file (mode 0600) unless it exists, and tells whether this call created it.
 * O_EXCL decides it atomically: of several dzkj started at once on a new path (the first cron
 * run), exactly one creates the file; checking first and creating after let two of them both say
 * they had created it.
 */
function createExclusively(path: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    closeSync(openSync(path, "wx", 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new DatabaseError(`cannot create database ${path}: ${(e as Error).message}`, {
      key: "db.error.open",
      params: { path, error: (e as Error).message },
    });
  }
  chmodSync(path, 0o600); // whatever the umask
  return true;
}

/** Applies pending migrations, each in its own transaction, and records them in schema_migrations. */
export function migrate(db: Db, path: string, options: OpenOptions = {}): number {
  const migrations = options.migrations ?? loadMigrations();
  let applied: { version: number; name: string }[] = [];
  // One statement, so one snapshot: asked in two, another dzkj creating the same new database could
  // commit its first migration in between, and this one would see tables but no schema_migrations.
  const schema = db
    .prepare(
      `SELECT count(*) AS tables, count(*) FILTER (WHERE name = 'schema_migrations') AS migrations
       FROM sqlite_master WHERE type = 'table'`,
    )
    .get() as { tables: number; migrations: number };
  if (schema.migrations > 0) {
    applied = db
      .prepare("SELECT version, name FROM schema_migrations ORDER BY version")
      .all() as typeof applied;
  } else if (schema.tables > 0) {
    throw new DatabaseError(`${path} is not a dzkj database (it has tables but no schema_migrations)`, {
      key: "db.error.notDzkj",
      params: { path },
    });
  }
  const known = new Map(migrations.map((m) => [m.version, m.name]));
  for (const a of applied) {
    if (known.get(a.version) !== a.name)
      throw new DatabaseError(
        `${path} was written by a newer or different dzkj (migration ${a.name} is unknown to this version); it was not modified — upgrade dzkj`,
        { key: "db.error.newer", params: { path, migration: a.name } },
      );
  }
  const pending = migrations.filter((m) => !applied.some((a) => a.version === m.version));
  if (pending.length === 0) return 0;
  if (options.readonly)
    throw new DatabaseError(`${path} needs a schema upgrade; run a writing command first`, {
      key: "db.error.needsUpgrade",
      params: { path },
    });
  if (applied.length > 0 && path !== ":memory:" && hasData(db)) {
    const backup = `${path}.backup-v${applied[applied.length - 1]!.version}-${Date.now()}`;
    // VACUUM INTO writes a consistent snapshot even while another dzkj writes (copying the file
    // could catch a checkpoint half-way). It accepts an empty file: create it 0600 first, so the
    // copy of the data is never readable by others, not even for a moment.
    closeSync(openSync(backup, "wx", 0o600));
    db.prepare("VACUUM INTO ?").run(backup);
    chmodSync(backup, 0o600);
    options.onBackup?.(backup);
  }
  // A concurrent process may migrate at the same time: take the write lock first and re-check.
  for (const m of pending) {
    writeTransaction(db, () => {
      db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
      );
      const done = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(m.version);
      if (done) return;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    });
  }
  return pending.length;
}

function hasData(db: Db): boolean {
  const t = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plans'").get();
  return !!t && !!db.prepare("SELECT 1 FROM plans LIMIT 1").get();
}

/** The schema version of an open database (highest applied migration). */
export function schemaVersion(db: Db): number {
  const r = db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number | null };
  return r.v ?? 0;
}
