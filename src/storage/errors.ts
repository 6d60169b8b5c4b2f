import type { Reason } from "../i18n/index.js";

/**
 * A problem with the database itself (not with input data): too new, not a dzkj database,
 * unreadable. `reason` is the message in the catalogue (shown in the UI language); `message` is
 * the same in English, for logs and DZKJ_DEBUG.
 */
export class DatabaseError extends Error {
  override name = "DatabaseError";
  constructor(
    message: string,
    readonly reason?: Reason,
  ) {
    super(message);
  }
}

/**
 * What an SQLite error means for the database at `path`, in words a person can act on: the cause,
 * that nothing was changed (SQLite rolled the statement back), and what to do next. Null for a code
 * with no advice (shown as SQLite said it). `wait` is the lock wait in seconds (for SQLITE_BUSY).
 */
export function sqliteReason(code: string, path: string, wait: number, error: string): Reason | null {
  const params = { path, seconds: wait, error };
  if (code.startsWith("SQLITE_BUSY")) return { key: "db.error.locked", params };
  if (code === "SQLITE_NOTADB") return { key: "db.error.notADatabase", params };
  if (code.startsWith("SQLITE_CORRUPT")) return { key: "db.error.corrupt", params };
  if (code === "SQLITE_FULL") return { key: "db.error.full", params };
  if (code.startsWith("SQLITE_READONLY")) return { key: "db.error.readonly", params };
  if (code.startsWith("SQLITE_CANTOPEN")) return { key: "db.error.cantOpen", params };
  if (code.startsWith("SQLITE_IOERR")) return { key: "db.error.io", params };
  // a table every dzkj database has is missing: the file claims a schema it does not hold
  const missing = /^no such table: (\w+)/.exec(error);
  if (code === "SQLITE_ERROR" && missing)
    return { key: "db.error.incomplete", params: { ...params, table: missing[1]! } };
  return null;
}
