/**
 * The operations use cases: doctor (health check), backup (online, SQLite backup API), restore
 * (validated, atomic, with a safety backup first) and export (every table as CSV plus a manifest).
 * No console here: results are values; confirmation is asked through a callback.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Reason } from "../i18n/index.js";
import { type Db, loadMigrations, type Migration } from "../storage/database.js";
import {
  type AppliedMigration,
  appliedMigrations,
  countRows,
  foreignKeyViolations,
  integrityCheck,
  iterateRows,
  listTables,
  type OrphanGroup,
  openExisting,
  orphanValues,
  planYears,
  unitsNeverReported,
} from "../storage/inspect.js";
import { UserError } from "./errors.js";

/** A WAL larger than this is worth a warning: checkpoints are not keeping up. */
export const WAL_WARN_BYTES = 64 * 1024 * 1024;

/** skipped: not run because the file failed the integrity check (its answers could not be trusted) */
export type CheckStatus = "ok" | "warning" | "problem" | "skipped";

export interface DoctorCheck {
  name: "integrity" | "schema" | "foreignKeys" | "orphans" | "wal" | "neverReported";
  status: CheckStatus;
  /** one line per finding (the first is the summary) */
  messages: Reason[];
}

export interface DoctorReport {
  path: string;
  healthy: boolean;
  problems: number;
  schemaVersion: number;
  knownVersion: number;
  applied: AppliedMigration[];
  pending: string[];
  unknown: string[];
  integrity: string[];
  walBytes: number;
  foreignKeyViolations: { table: string; count: number }[];
  orphans: OrphanGroup[];
  neverReported: { year: number; code: string; name: string; nameEn: string }[];
  counts: { plans: number; values: number; batches: number };
  planYears: number[];
  checks: DoctorCheck[];
}

function requireDatabase(path: string): void {
  if (!existsSync(path)) throw new UserError({ key: "ops.noDatabase", params: { path } });
}

function openOrFail(path: string, readonly: boolean): Db {
  try {
    return openExisting(path, { readonly });
  } catch (e) {
    throw new UserError({ key: "ops.cannotOpen", params: { path, error: (e as Error).message } });
  }
}

/** The SQLite file header ("SQLite format 3\0"): cheaper and clearer than letting SQLite fail. */
function isSqliteFile(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString("latin1") === "SQLite format 3\0";
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a database without changing it: integrity, schema version against the migrations this
 * dzkj knows, foreign keys and values whose indicator/unit is unknown to the plan (other tools
 * may have written with foreign keys off), the WAL size, and units that never reported.
 * Problems make the database unhealthy; warnings (large WAL, silent units) do not.
 */
export function runDoctor(path: string, migrations: Migration[] = loadMigrations()): DoctorReport {
  requireDatabase(path);
  if (!isSqliteFile(path) && statSync(path).size > 0)
    throw new UserError({ key: "ops.notDzkj.notSqlite", params: { file: path } });
  const db = openOrFail(path, true);
  try {
    const checks: DoctorCheck[] = [];
    const integrity = integrityCheck(db);
    const intact = integrity.length === 1 && integrity[0] === "ok";
    checks.push({
      name: "integrity",
      status: intact ? "ok" : "problem",
      messages: [
        intact
          ? { key: "ops.doctor.integrity.ok" }
          : { key: "ops.doctor.integrity.bad", params: { count: integrity.length, first: integrity[0] } },
      ],
    });

    let applied: AppliedMigration[] | null = null;
    try {
      applied = appliedMigrations(db);
    } catch {
      // unreadable: reported by the integrity check
    }
    const known = new Map(migrations.map((m) => [m.version, m.name]));
    const knownVersion = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = (applied ?? []).filter((a) => known.get(a.version) !== a.name).map((a) => a.name);
    const pending = migrations
      .filter((m) => !(applied ?? []).some((a) => a.version === m.version))
      .map((m) => m.name);
    const schemaVersion = Math.max(0, ...(applied ?? []).map((a) => a.version));
    if (applied === null)
      checks.push({ name: "schema", status: "problem", messages: [{ key: "ops.doctor.schema.none" }] });
    else if (unknown.length > 0)
      checks.push({
        name: "schema",
        status: "problem",
        messages: [{ key: "ops.doctor.schema.unknown", params: { names: unknown.join(", ") } }],
      });
    else if (pending.length > 0)
      checks.push({
        name: "schema",
        // benign: the next command that opens the database normally upgrades it (after a backup)
        status: "warning",
        messages: [
          {
            key: "ops.doctor.schema.pending",
            params: { version: schemaVersion, count: pending.length, names: pending.join(", ") },
          },
        ],
      });
    else
      checks.push({
        name: "schema",
        status: "ok",
        messages: [
          {
            key: "ops.doctor.schema.ok",
            params: { version: schemaVersion, applied: applied.length, known: migrations.length },
          },
        ],
      });

    // The data checks need dzkj's tables; a file without them was already reported above.
    let walBytes = 0;
    try {
      walBytes = statSync(`${path}-wal`).size;
    } catch {
      // no WAL file: nothing pending
    }
    checks.push({
      name: "wal",
      status: walBytes > WAL_WARN_BYTES ? "warning" : "ok",
      messages: [
        {
          key: walBytes > WAL_WARN_BYTES ? "ops.doctor.wal.big" : "ops.doctor.wal.ok",
          params: { size: formatBytes(walBytes) },
        },
      ],
    });

    if (!intact) {
      for (const name of ["foreignKeys", "orphans", "neverReported"] as const)
        checks.push({ name, status: "skipped", messages: [{ key: "ops.doctor.skipped" }] });
      return {
        path,
        healthy: false,
        problems: checks.filter((c) => c.status === "problem").length,
        schemaVersion,
        knownVersion,
        applied: applied ?? [],
        pending,
        unknown,
        integrity,
        walBytes,
        foreignKeyViolations: [],
        orphans: [],
        neverReported: [],
        counts: { plans: 0, values: 0, batches: 0 },
        planYears: [],
        checks,
      };
    }
    const dzkjTables = applied !== null && hasTables(db, ["plans", "units", "indicators", "progress_values"]);
    const fk = dzkjTables ? foreignKeyViolations(db) : [];
    const fkCount = fk.reduce((s, f) => s + f.count, 0);
    checks.push({
      name: "foreignKeys",
      status: fkCount ? "problem" : "ok",
      messages: [
        fkCount
          ? {
              key: "ops.doctor.fk.bad",
              params: { count: fkCount, tables: fk.map((f) => `${f.table} (${f.count})`).join(", ") },
            }
          : { key: "ops.doctor.fk.ok" },
      ],
    });
    const orphans = dzkjTables ? orphanValues(db) : [];
    const orphanCount = orphans.reduce((s, o) => s + o.count, 0);
    checks.push({
      name: "orphans",
      status: orphanCount ? "problem" : "ok",
      messages: [
        orphanCount
          ? {
              key: "ops.doctor.orphans.bad",
              params: {
                count: orphanCount,
                list: orphans
                  .slice(0, 10)
                  .map((o) => `${o.table} ${o.year} ${o.kind} ${o.code} (${o.count})`)
                  .join(", "),
              },
            }
          : { key: "ops.doctor.orphans.ok" },
      ],
    });

    const never = dzkjTables ? unitsNeverReported(db) : [];
    const byYear = new Map<number, typeof never>();
    for (const u of never) byYear.set(u.year, [...(byYear.get(u.year) ?? []), u]);
    checks.push({
      name: "neverReported",
      status: never.length ? "warning" : "ok",
      messages: never.length
        ? [...byYear].map(([year, us]) => ({
            key: "ops.doctor.never.some" as const,
            params: {
              year,
              count: us.length,
              names: us.map((u) => u.name).join("、"),
              namesEn: us.map((u) => u.nameEn).join(", "),
            },
          }))
        : [{ key: "ops.doctor.never.ok" }],
    });

    const problems = checks.filter((c) => c.status === "problem").length;
    return {
      path,
      healthy: problems === 0,
      problems,
      schemaVersion,
      knownVersion,
      applied: applied ?? [],
      pending,
      unknown,
      integrity,
      walBytes,
      foreignKeyViolations: fk,
      orphans,
      neverReported: never,
      counts: dzkjTables ? countRows(db) : { plans: 0, values: 0, batches: 0 },
      planYears: dzkjTables ? planYears(db) : [],
      checks,
    };
  } finally {
    db.close();
  }
}

function hasTables(db: Db, names: string[]): boolean {
  const q = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  return names.every((n) => q.get(n));
}

/** 1536 → "1.5 KiB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
}

/** A temp name next to `file` (same folder, hence same file system: rename is atomic). */
function tempNextTo(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/** Creates an empty file readable only by its owner, so data never sits in a world-readable file. */
function createPrivate(file: string): void {
  closeSync(openSync(file, "wx", 0o600));
}

function fsyncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable (the new directory entry reaches the disk); best effort where unsupported. */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems cannot fsync a directory: the rename itself is still atomic
  }
}

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

export interface ExportManifest {
  format: "dzkj-export";
  formatVersion: 1;
  exportedAt: string;
  database: string;
  schemaVersion: number;
  migrations: string[];
  planYears: number[];
  /** how the CSV files are written, for whoever reads the archive in ten years */
  csv: { encoding: "UTF-8 with BOM"; dialect: "RFC 4180"; lineEnd: "CRLF"; null: string };
  tables: {
    name: string;
    file: string;
    columns: { name: string; type: string }[];
    rows: number;
    bytes: number;
    sha256: string;
  }[];
}

/** An RFC 4180 field. NULL is an empty field; an empty string is "" so the two stay distinct. */
function exportField(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s: string;
  if (typeof v === "number" || typeof v === "bigint") s = String(v);
  else if (Buffer.isBuffer(v)) s = `\\x${v.toString("hex")}`;
  else s = String(v);
  if (s === "" || /[",\r\n]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * Writes every table of the database as DIR/<table>.csv (UTF-8 with BOM, RFC 4180, CRLF) and
 * DIR/manifest.json (tables, columns, row counts, sha256 of each file, schema version, plan
 * years, export time), all from one read transaction so the files agree with each other.
 * Files are mode 0600; the manifest is written last, so its presence marks a complete export.
 */
export function exportDatabase(path: string, dir: string, now: Date): ExportManifest & { dir: string } {
  requireDatabase(path);
  const out = resolve(dir);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UserError({ key: "ops.export.notDir", params: { dir: out } });
    if (readdirSync(out).length > 0)
      throw new UserError({ key: "ops.export.notEmpty", params: { dir: out } });
  } else mkdirSync(out, { recursive: true, mode: 0o700 });
  const db = openOrFail(path, true);
  try {
    db.exec("BEGIN");
    const applied = appliedMigrations(db);
    if (applied === null) throw new UserError({ key: "ops.notDzkj.noMigrations", params: { file: path } });
    const manifest: ExportManifest = {
      format: "dzkj-export",
      formatVersion: 1,
      exportedAt: now.toISOString(),
      database: resolve(path),
      schemaVersion: Math.max(0, ...applied.map((a) => a.version)),
      migrations: applied.map((a) => a.name),
      planYears: hasTables(db, ["plans"]) ? planYears(db) : [],
      csv: {
        encoding: "UTF-8 with BOM",
        dialect: "RFC 4180",
        lineEnd: "CRLF",
        null: 'empty field (an empty string is "")',
      },
      tables: [],
    };
    for (const table of listTables(db)) {
      const name = `${table.name.replace(/[^\w.-]/g, "_")}.csv`;
      const file = join(out, name);
      const hash = createHash("sha256");
      const fd = openSync(file, "wx", 0o600);
      let bytes = 0;
      let rows = 0;
      let buffer = "\uFEFF";
      const flush = () => {
        const b = Buffer.from(buffer, "utf8");
        hash.update(b);
        writeSync(fd, b);
        bytes += b.length;
        buffer = "";
      };
      try {
        buffer += `${table.columns.map((c) => exportField(c.name)).join(",")}\r\n`;
        for (const row of iterateRows(db, table)) {
          buffer += `${row.map(exportField).join(",")}\r\n`;
          rows++;
          if (buffer.length > 64 * 1024) flush();
        }
        flush();
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      manifest.tables.push({
        name: table.name,
        file: name,
        columns: table.columns,
        rows,
        bytes,
        sha256: hash.digest("hex"),
      });
    }
    db.exec("COMMIT");
    const tmp = join(out, ".manifest.json.tmp");
    const fd = openSync(tmp, "w", 0o600);
    try {
      writeSync(fd, `${JSON.stringify(manifest, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(out, "manifest.json"));
    fsyncDir(out);
    return { ...manifest, dir: out };
  } finally {
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
  }
}
