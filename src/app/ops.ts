/**
 * Helpers shared by the operations use cases (doctor, backup/restore, export): opening an existing
 * database without migrating it, private temp files next to their target, durable renames.
 */
import { closeSync, existsSync, fsyncSync, openSync, readSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { localStamp } from "../render/time.js";
import type { Db } from "../storage/database.js";
import { openExisting } from "../storage/inspect.js";
import { UserError } from "./errors.js";

/** Refuses (exit 1) when there is no database file: the ops commands never create one. */
export function requireDatabase(path: string): void {
  if (!existsSync(path)) throw new UserError({ key: "ops.noDatabase", params: { path } });
}

/** Opens an existing database without migrating it; an unopenable file becomes a UserError. */
export function openOrFail(path: string, readonly: boolean): Db {
  try {
    return openExisting(path, { readonly });
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

/** Whether every named table exists (a file may be a foreign or half-made database). */
export function hasTables(db: Db, names: string[]): boolean {
  const q = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  return names.every((n) => q.get(n));
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

/** A temp name next to `file` (same folder, hence same file system: rename is atomic). */
export function tempNextTo(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/** Creates an empty file readable only by its owner, so data never sits in a world-readable file. */
export function createPrivate(file: string): void {
  closeSync(openSync(file, "wx", 0o600));
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
