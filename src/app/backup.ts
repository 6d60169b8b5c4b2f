/**
 * dzkj backup and restore: online backup with the SQLite backup API into a private temp file that
 * is renamed into place; restore validated on a private copy, then written into the live database
 * in one SQLite write transaction after a safety backup. No console: confirmation is a callback.
 */
import { copyFileSync, existsSync, mkdirSync, realpathSync, renameSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { lastBatchId } from "../storage/batches.js";
import {
  beginRead,
  commit,
  type Db,
  DEFAULT_WAIT,
  type LockWait,
  loadMigrations,
  lockTimeout,
  type Migration,
  rollback,
} from "../storage/database.js";
import {
  appliedMigrations,
  checkpointTruncate,
  countRows,
  hasTables,
  integrityCheck,
  missingSchema,
  openExisting,
  pageCount,
  planYears,
  quickCheck,
  setJournalMode,
  tableCounts,
} from "../storage/inspect.js";
import { UserError } from "./errors.js";
import {
  createPrivate,
  fsyncDir,
  fsyncFile,
  isSqliteFile,
  openOrFail,
  refuseDatabaseFile,
  removeDatabaseFiles,
  removeStaleTemps,
  requireDatabase,
  resolveOutputFile,
  stamp,
  tempNextTo,
} from "./ops.js";

/**
 * Copies every page of `src` into the database file `dest` with the SQLite backup API, in one
 * step (one consistent snapshot of the source), waiting for `dest`'s write lock like any writer.
 * better-sqlite3 reports a destination that is locked at the first step as a finished copy of
 * 0 of 0 pages; that is retried until `wait` is over, then a lock timeout naming `dest`. Returns
 * the number of pages copied.
 */
async function copyPages(src: Db, dest: string, wait: LockWait): Promise<number> {
  const start = Date.now();
  for (;;) {
    const r = await src.backup(dest, { progress: () => 0x7fffffff });
    if (r.totalPages > 0 && r.remainingPages === 0) return r.totalPages;
    const waited = Date.now() - start;
    if (waited >= wait.ms) {
      wait.onWaited?.();
      throw lockTimeout(dest, wait.ms);
    }
    wait.onWait?.(waited);
    await new Promise((r) => setTimeout(r, Math.min(100, wait.ms - waited)));
  }
}

/** Tables whose row counts differ between two databases, as "table: a ≠ b". */
function countDifferences(a: Record<string, number>, b: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((n) => a[n] !== b[n]).map((n) => `${n}: ${a[n] ?? "—"} ≠ ${b[n] ?? "—"}`);
}

/**
 * Makes a finished copy self-contained (rollback journal, no -wal beside it), checks it, and
 * returns its page count and row counts.
 */
function sealCopy(file: string): { pages: number; counts: Record<string, number> } {
  const db = openExisting(file);
  try {
    setJournalMode(db, "DELETE");
    const check = quickCheck(db);
    if (check !== "ok")
      throw new Error(
        `quick_check: ${check
          .split("\n")
          .filter((l) => l && !l.startsWith("*** in database"))
          .slice(0, 3)
          .join("; ")}`,
      );
    return { pages: pageCount(db), counts: tableCounts(db) };
  } finally {
    db.close();
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  values: number;
  schemaVersion: number;
}

/**
 * Online backup of the database at `path` to `dest` (a file, or an existing folder to put a
 * dated file in): SQLite backup API while other processes keep using the database, written to a
 * temp file (mode 0600), checked — pages copied, quick_check, and every table's row count equal to
 * the source's in the same snapshot — then renamed into place: `dest` is never half-written, and a
 * backup that copied less than the database fails (exit 1) instead of reporting success.
 */
export async function backupDatabase(
  path: string,
  dest: string,
  now: Date,
  wait: LockWait = DEFAULT_WAIT,
): Promise<BackupResult> {
  requireDatabase(path);
  const file = resolveOutputFile(dest, `dzkj-${stamp(now)}.db`);
  if (existsSync(file) && realpathSync(file) === realpathSync(path))
    throw new UserError({ key: "ops.backup.sameFile", params: { file } });
  refuseDatabaseFile(file, path);
  removeStaleTemps(dirname(file), basename(file)); // what a killed backup left behind
  const src = openOrFail(path, true, wait);
  const tmp = tempNextTo(file);
  try {
    createPrivate(tmp);
    // One read transaction around the counts and the copy: both see the same snapshot, so the
    // copy must hold exactly these rows, even while another process imports.
    beginRead(src);
    const expected = tableCounts(src);
    const pages = await copyPages(src, tmp, wait);
    commit(src);
    const copy = sealCopy(tmp);
    const differ = countDifferences(expected, copy.counts);
    if (copy.pages < 1 || pages < 1 || differ.length > 0)
      throw new Error(
        `the copy does not match the database (${differ.slice(0, 3).join("; ") || "no pages"})`,
      );
    fsyncFile(tmp);
    renameSync(tmp, file);
    fsyncDir(dirname(file));
  } catch (e) {
    removeDatabaseFiles(tmp);
    if (e instanceof UserError) throw e;
    if ((e as { reason?: unknown }).reason) throw e; // a lock timeout: named and explained already
    throw new UserError({ key: "ops.backup.failed", params: { file, error: (e as Error).message } });
  } finally {
    rollback(src);
    src.close();
  }
  const copy = openExisting(file, { readonly: true });
  try {
    return {
      file,
      bytes: statSync(file).size,
      values: countRows(copy).values,
      schemaVersion: Math.max(0, ...(appliedMigrations(copy) ?? []).map((a) => a.version)),
    };
  } finally {
    copy.close();
  }
}

export interface BackupInfo {
  file: string;
  schemaVersion: number;
  /** true when the backup predates some of this dzkj's migrations (upgraded on next write) */
  older: boolean;
  counts: { plans: number; values: number; batches: number };
  planYears: number[];
}

/**
 * Checks that `db` (an open copy of a backup) is a sound dzkj database this version can use:
 * integrity ok, has schema_migrations, no migration newer than this dzkj. Throws UserError otherwise.
 */
function validateBackup(db: Db, file: string, migrations: Migration[]): BackupInfo {
  const integrity = integrityCheck(db);
  if (!(integrity.length === 1 && integrity[0] === "ok"))
    throw new UserError({
      key: "ops.notDzkj.corrupt",
      params: { file, detail: integrity.slice(0, 3).join("; ") },
    });
  const applied = appliedMigrations(db);
  if (applied === null) throw new UserError({ key: "ops.notDzkj.noMigrations", params: { file } });
  const known = new Map(migrations.map((m) => [m.version, m.name]));
  const unknown = applied.filter((a) => known.get(a.version) !== a.name).map((a) => a.name);
  if (unknown.length > 0)
    throw new UserError({ key: "ops.newer", params: { file, names: unknown.join(", ") } });
  const missing = missingSchema(
    db,
    migrations.filter((m) => applied.some((a) => a.version === m.version)),
  );
  if (missing.length > 0)
    throw new UserError({
      key: "ops.notDzkj.incomplete",
      params: { file, missing: missing.slice(0, 8).join(", ") + (missing.length > 8 ? " …" : "") },
    });
  const schemaVersion = Math.max(0, ...applied.map((a) => a.version));
  return {
    file,
    schemaVersion,
    older: applied.length < migrations.length,
    counts: countRows(db),
    planYears: hasTables(db, ["plans"]) ? planYears(db) : [],
  };
}

export interface RestoreResult extends BackupInfo {
  path: string;
  /** where the database as it was before the restore was saved (null when there was none) */
  safetyBackup: string | null;
  /**
   * false when the restored pages are committed but still in the -wal file, because a reader kept
   * the checkpoint from finishing; SQLite finishes it later, and every reader already sees them
   */
  checkpointed: boolean;
}

/**
 * Replaces the database at `path` with the backup `file`. The backup is first copied next to the
 * database and validated there (the user's file is never opened for writing): an SQLite file, a
 * dzkj database with every table its migrations create, integrity ok, not from a newer dzkj.
 * `confirm` sees what would be replaced; the current database is backed up; then the pages are
 * written into the live database with the SQLite backup API in one write transaction, waiting for
 * the write lock like any writer (`wait`, then a lock timeout: nothing changed). The result is
 * verified — pages copied, every table's row count equal to the backup's — and the WAL
 * checkpointed; a restore that cannot finish fails (exit 1) rather than report success.
 */
export async function restoreDatabase(
  path: string,
  file: string,
  now: Date,
  confirm: (info: BackupInfo, current: { values: number } | null) => Promise<boolean>,
  migrations: Migration[] = loadMigrations(),
  wait: LockWait = DEFAULT_WAIT,
): Promise<RestoreResult> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new UserError({ key: "ops.restore.notFile", params: { file } });
  if (!isSqliteFile(file)) throw new UserError({ key: "ops.notDzkj.notSqlite", params: { file } });
  const target = resolve(path);
  if (existsSync(target) && realpathSync(target) === realpathSync(file))
    throw new UserError({ key: "ops.backup.sameFile", params: { file } });
  mkdirSync(dirname(target), { recursive: true });
  removeStaleTemps(dirname(target), basename(target)); // what a killed restore left behind
  const staging = tempNextTo(target);
  let stagingDb: Db | null = null;
  try {
    // Work on a private copy: the user's file is never opened by SQLite (which would leave -wal
    // and -shm files beside it); a backup left in WAL mode brings its -wal along and is read whole.
    createPrivate(staging);
    copyFileSync(file, staging);
    if (existsSync(`${file}-wal`)) {
      createPrivate(`${staging}-wal`);
      copyFileSync(`${file}-wal`, `${staging}-wal`);
    }
    try {
      stagingDb = openExisting(staging);
      setJournalMode(stagingDb, "DELETE");
    } catch (e) {
      throw new UserError({ key: "ops.notDzkj.corrupt", params: { file, detail: (e as Error).message } });
    }
    const info = validateBackup(stagingDb, file, migrations);
    const expected = tableCounts(stagingDb);
    let current: { values: number } | null = null;
    if (existsSync(target)) {
      const live = openOrFail(target, true, wait);
      try {
        current = { values: countRows(live).values };
      } finally {
        live.close();
      }
    }
    if (!(await confirm(info, current))) throw new UserError({ key: "ops.restore.cancelled" });
    let safetyBackup: string | null = null;
    if (existsSync(target) && statSync(target).size > 0) {
      let name = `${target}.before-restore-${stamp(now)}`;
      for (let i = 2; existsSync(name); i++) name = `${target}.before-restore-${stamp(now)}-${i}`;
      safetyBackup = (await backupDatabase(target, name, now, wait)).file;
    } else if (!existsSync(target)) {
      createPrivate(target);
    }
    await copyPages(stagingDb, target, wait);
    const live = openExisting(target, { wait });
    let checkpointed = false;
    try {
      const differ = countDifferences(expected, tableCounts(live));
      // Another writer that was waiting for the lock may have committed after the restore: then
      // the live database has more batches than the backup, and the difference is its work.
      if (differ.length > 0 && !writtenSince(live, stagingDb))
        throw new UserError({
          key: "ops.restore.unverified",
          params: { path: target, detail: differ.slice(0, 3).join("; ") },
        });
      setJournalMode(live, "WAL");
      checkpointed = checkpoint(live, wait);
    } finally {
      live.close();
    }
    return { ...info, path: target, safetyBackup, checkpointed };
  } finally {
    stagingDb?.close();
    removeDatabaseFiles(staging);
  }
}

/** True when `live` holds a batch newer than any in `backup` (someone wrote after the restore). */
function writtenSince(live: Db, backup: Db): boolean {
  const last = (d: Db) => (hasTables(d, ["import_batches"]) ? lastBatchId(d) : 0);
  return last(live) > last(backup);
}

/**
 * wal_checkpoint(TRUNCATE), again while a reader keeps it from finishing (its `busy` answer), for
 * at most the lock wait. Returns whether it finished.
 */
function checkpoint(db: Db, wait: LockWait): boolean {
  const deadline = Date.now() + Math.min(wait.ms, 10_000);
  for (;;) {
    if (checkpointTruncate(db)) return true;
    if (Date.now() >= deadline) return false;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}
