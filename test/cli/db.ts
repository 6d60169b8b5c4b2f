/** Reading a dzkj database directly in tests (read-only). */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";

export interface Row {
  plan_year: number;
  indicator_code: string;
  period: string;
  unit_code: string;
  value: number;
  basis: string;
  note: string | null;
}

/** The current progress values, sorted, without batch ids (what a report sees). */
export function values(path: string): Row[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT plan_year, indicator_code, period, unit_code, value, basis, note FROM progress_values ORDER BY plan_year, indicator_code, period, unit_code",
      )
      .all() as Row[];
  } finally {
    db.close();
  }
}

/** Every row of every table: equal dumps mean an unchanged database. */
export function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
    return out;
  } finally {
    db.close();
  }
}

/** The bytes of the database file and its WAL (byte-for-byte comparisons). */
export function fileBytes(path: string): string {
  const read = (p: string) => {
    try {
      return readFileSync(p).toString("base64");
    } catch {
      return "";
    }
  };
  return `${read(path)}|${read(`${path}-wal`)}`;
}
