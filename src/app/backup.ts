/**
 * dzkj backup and restore: online backup with the SQLite backup API into a private temp file that
 * is renamed into place; restore validated on a private copy, then written into the live database
 * in one SQLite write transaction after a safety backup. No console: confirmation is a callback.
 */
import { copyFileSync, existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type Db, loadMigrations, type Migration } from "../storage/database.js";
import { appliedMigrations, countRows, integrityCheck, openExisting, planYears } from "../storage/inspect.js";
import { UserError } from "./errors.js";
import {
  createPrivate,
  fsyncDir,
  fsyncFile,
  hasTables,
  isSqliteFile,
  openOrFail,
  requireDatabase,
  stamp,
  tempNextTo,
} from "./ops.js";

/** Copies an open database to `file` with the SQLite backup API in one step (a consistent snapshot). */
async function snapshot(src: Db, file: string): Promise<void> {
  // One step copies every page under a single read transaction: a consistent snapshot that
  // concurrent writers cannot force to restart; BUSY is retried by better-sqlite3.
  await src.backup(file, { progress: () => 0x7fffffff });
}

/** Makes a finished copy self-contained (rollback journal, no -wal beside it) and checks it. */
function sealCopy(file: string): void {
  const db = openExisting(file);
  try {
    db.pragma("journal_mode = DELETE");
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok")
      throw new Error(
        `quick_check: ${String(check)
          .split("\n")
          .filter((l) => l && !l.startsWith("*** in database"))
          .slice(0, 3)
          .join("; ")}`,
      );
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
 * temp file (mode 0600), checked, then renamed into place — `dest` is never half-written.
 */
export async function backupDatabase(path: string, dest: string, now: Date): Promise<BackupResult> {
  requireDatabase(path);
  let file = dest;
  if (existsSync(dest) && statSync(dest).isDirectory()) file = join(dest, `dzkj-${stamp(now)}.db`);
  file = resolve(file);
  if (!existsSync(dirname(file)))
    throw new UserError({ key: "ops.backup.noDir", params: { dir: dirname(file) } });
  if (existsSync(file) && realpathSync(file) === realpathSync(path))
    throw new UserError({ key: "ops.backup.sameFile", params: { file } });
  const src = openOrFail(path, true);
  const tmp = tempNextTo(file);
  try {
    createPrivate(tmp);
    await snapshot(src, tmp);
    sealCopy(tmp);
    fsyncFile(tmp);
    renameSync(tmp, file);
    fsyncDir(dirname(file));
  } catch (e) {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError({ key: "ops.backup.failed", params: { file, error: (e as Error).message } });
  } finally {
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
}

/**
 * Replaces the database at `path` with the backup `file`. The backup is first copied next to the
 * database and validated there (the user's file is never opened for writing); `confirm` sees what
 * would be replaced; the current database is backed up; then the pages are written into the live
 * database with the SQLite backup API inside one write transaction — other processes wait on the
 * lock, a crash leaves the old database, and SQLite itself deals with the -wal and -shm files.
 */
export async function restoreDatabase(
  path: string,
  file: string,
  now: Date,
  confirm: (info: BackupInfo, current: { values: number } | null) => Promise<boolean>,
  migrations: Migration[] = loadMigrations(),
): Promise<RestoreResult> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new UserError({ key: "ops.restore.notFile", params: { file } });
  if (!isSqliteFile(file)) throw new UserError({ key: "ops.notDzkj.notSqlite", params: { file } });
  const target = resolve(path);
  if (existsSync(target) && realpathSync(target) === realpathSync(file))
    throw new UserError({ key: "ops.backup.sameFile", params: { file } });
  mkdirSync(dirname(target), { recursive: true });
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
      stagingDb.pragma("journal_mode = DELETE");
    } catch (e) {
      throw new UserError({ key: "ops.notDzkj.corrupt", params: { file, detail: (e as Error).message } });
    }
    const info = validateBackup(stagingDb, file, migrations);
    let current: { values: number } | null = null;
    if (existsSync(target)) {
      const live = openOrFail(target, true);
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
      safetyBackup = (await backupDatabase(target, name, now)).file;
    } else if (!existsSync(target)) {
      createPrivate(target);
    }
    await snapshot(stagingDb, target);
    const live = openExisting(target);
    try {
      live.pragma("journal_mode = WAL");
      live.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      live.close();
    }
    return { ...info, path: target, safetyBackup };
  } finally {
    stagingDb?.close();
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`, `${staging}-journal`])
      rmSync(f, { force: true });
  }
}
