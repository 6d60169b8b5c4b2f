/** dzkj export: every table as RFC 4180 CSV (UTF-8 with BOM) plus a manifest, from one read transaction. */
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { beginRead, commit, rollback } from "../storage/database.js";
import { appliedMigrations, hasTables, iterateRows, listTables, planYears } from "../storage/inspect.js";
import { UserError } from "./errors.js";
import { fsyncDir, openOrFail, requireDatabase, tempNextTo, writeFailed } from "./ops.js";

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
 * Everything is written into a hidden folder beside DIR that is renamed to DIR at the end: a
 * failure (disk full, a folder removed) leaves no half-written export, and says why.
 */
export function exportDatabase(path: string, dir: string, now: Date): ExportManifest & { dir: string } {
  requireDatabase(path);
  const out = resolve(dir);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UserError({ key: "ops.export.notDir", params: { dir: out } });
    if (readdirSync(out).length > 0)
      throw new UserError({ key: "ops.export.notEmpty", params: { dir: out } });
  }
  const work = tempNextTo(out);
  try {
    mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
    mkdirSync(work, { mode: 0o700 });
  } catch (e) {
    throw writeFailed(out, e);
  }
  try {
    const manifest = writeExport(path, work, now);
    renameSync(work, out); // an existing empty DIR is replaced by the finished one
    fsyncDir(dirname(out));
    return { ...manifest, database: resolve(path), dir: out };
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw writeFailed(out, e);
  }
}

/** Writes the export's files into the folder `out` (new and empty); returns the manifest. */
function writeExport(path: string, out: string, now: Date): ExportManifest {
  const db = openOrFail(path, true);
  try {
    beginRead(db);
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
    commit(db);
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
    return manifest;
  } finally {
    rollback(db);
    db.close();
  }
}
