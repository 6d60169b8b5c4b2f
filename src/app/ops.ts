/**
 * Helpers shared by the operations use cases (doctor, backup/restore, export): opening an existing
 * database without migrating it, private temp files next to their target, durable renames.
 */

import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve, sep } from "node:path";
import { localStamp } from "../render/time.js";
import type { Db, LockWait } from "../storage/database.js";
import { openExisting } from "../storage/inspect.js";
import { UserError } from "./errors.js";

/** Refuses (exit 1) when there is no database file: the ops commands never create one. */
export function requireDatabase(path: string): void {
  if (!existsSync(path)) throw new UserError({ key: "ops.noDatabase", params: { path } });
}

/** Opens an existing database without migrating it; an unopenable file becomes a UserError. */
export function openOrFail(path: string, readonly: boolean, wait?: LockWait): Db {
  try {
    return openExisting(path, { readonly, wait });
  } catch (e) {
    throw new UserError({ key: "ops.cannotOpen", params: { path, error: (e as Error).message } });
  }
}

/** The SQLite file header ("SQLite format 3\0"): cheaper and clearer than letting SQLite fail. */
export function isSqliteFile(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString("latin1") === "SQLite format 3\0";
  } finally {
    closeSync(fd);
  }
}

/** 1536 → "1.5 KiB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The local time for dated file names (backups): 2020-10-15T08:00:00Z in Asia/Shanghai → "20201015-160000". */
export function stamp(now: Date): string {
  return localStamp(now);
}

/**
 * `n` random bytes in hex. node:crypto is required here rather than imported: loading it costs
 * ~2 ms at every start of every command that opens a database, while only a file write needs it.
 */
function randomHex(n: number): string {
  const { randomBytes } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return randomBytes(n).toString("hex");
}

/**
 * A temp name next to `file` (same folder, hence same file system: rename is atomic):
 * `.NAME.PID.RANDOM.tmp`. The random part makes it unpredictable, so nobody can plant a link
 * there in advance; the PID lets a later run tell a dead process's leftover from a live one's.
 */
export function tempNextTo(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomHex(6)}.tmp`);
}

/** O_CREAT | O_EXCL | O_NOFOLLOW: a new file, never an existing one, never through a symlink. */
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Creates an empty file readable only by its owner, so data never sits in a world-readable file. */
export function createPrivate(file: string): void {
  closeSync(openSync(file, NEW_FILE, 0o600));
}

/**
 * The file to write for a `-o`/backup target given as `target`: an existing folder gets
 * `defaultName` inside it; otherwise the folder the file goes into must exist (a missing one is an
 * error, not a file named after it) and a name ending in "/" must be an existing folder.
 */
export function resolveOutputFile(target: string, defaultName: string): string {
  let file = resolve(target);
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    // does not exist (yet): a file to create
  }
  if (isDir) file = join(file, defaultName);
  else if (target.endsWith("/") || target.endsWith(sep))
    throw new UserError({ key: "ops.output.noDir", params: { dir: file } });
  if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory())
    throw new UserError({ key: "ops.output.noDir", params: { dir: dirname(file) } });
  return file;
}

/** `path` with its folder's symlinks resolved (the file itself may not exist). */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** A database file and the files SQLite keeps beside it: "" (the file itself), -wal, -shm, -journal. */
const SQLITE_FILES = ["", "-wal", "-shm", "-journal"] as const;

/** Removes the database file `path` and SQLite's files beside it, those that exist. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of SQLITE_FILES) rmSync(path + suffix, { force: true });
}

/**
 * Refuses (exit 1) to write `file` when it is the database at `db` or one of SQLite's files
 * beside it (-wal, -shm, -journal): by name, through a symlink, or as a hard link to it.
 */
export function refuseDatabaseFile(file: string, db: string): void {
  const target = canonical(file);
  const base = canonical(db);
  const hit = SQLITE_FILES.some((suffix) => target === base + suffix);
  let same = false;
  try {
    const a = statSync(file);
    const b = statSync(db);
    same = a.ino === b.ino && a.dev === b.dev;
  } catch {
    // one of them does not exist: not the same file
  }
  if (hit || same) throw new UserError({ key: "ops.output.isDatabase", params: { file, db: base } });
}

/**
 * Writes `bytes` to `file` atomically: into a new temp file beside it (created exclusively,
 * unpredictable name, never through a symlink), flushed, then renamed over `file` (a symlink at
 * `file` is replaced, not written through). `mode` is the new file's mode (before the umask).
 * A failure leaves `file` as it was and no temp file behind; it is thrown as a UserError.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array, mode = 0o666): void {
  const tmp = tempNextTo(file);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, NEW_FILE, mode);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (existsSync(file) && lstatSync(file).isDirectory())
      throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    renameSync(tmp, file);
    fsyncDir(dirname(file));
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw writeFailed(file, e);
  }
}

/**
 * A failed write of `file` as a message in the UI language with the way out: the disk is full,
 * no permission, a folder where a file should be, a folder that went missing; else the errno.
 */
export function writeFailed(file: string, e: unknown): UserError {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  const error = code || ((e as Error)?.message ?? String(e));
  const key =
    code === "ENOSPC" || code === "EDQUOT"
      ? "ops.write.full"
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "ops.write.denied"
        : code === "EISDIR"
          ? "ops.write.isDir"
          : code === "ENOENT" || code === "ENOTDIR" || code === "EEXIST"
            ? "ops.write.missing"
            : "ops.write.failed";
  return new UserError({ key, params: { file, error } });
}

/** Flushes a finished file to disk before it is renamed into place. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable (the new directory entry reaches the disk); best effort where unsupported. */
export function fsyncDir(dir: string): void {
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

/** True when process `pid` is running (or exists but belongs to someone else). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the leftovers of killed dzkj runs in `dir`: hidden temp files named by tempNextTo
 * (`.NAME.PID.RANDOM.tmp`, and SQLite's `-journal`, `-wal`, `-shm` beside them) whose NAME starts
 * with `prefix` and whose PID is not running. A file of a running process — this one or another —
 * is never touched. Returns the paths removed.
 */
export function removeStaleTemps(dir: string, prefix: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp(?:-journal|-wal|-shm)?$/.exec(name);
    if (!m || !m[1]!.startsWith(prefix)) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isRunning(pid)) continue;
    try {
      if (!lstatSync(join(dir, name)).isFile()) continue;
      rmSync(join(dir, name), { force: true });
      removed.push(join(dir, name));
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

/** The folder a database lives in can be written (WAL needs to create -wal and -shm files there). */
export function folderWritable(path: string): boolean {
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Sets a database file that others can read (0644 …) to 0600; true when it changed the mode. */
export function makePrivate(path: string): boolean {
  try {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) === 0) return false;
    chmodSync(path, mode & 0o700);
    return true;
  } catch {
    return false;
  }
}
