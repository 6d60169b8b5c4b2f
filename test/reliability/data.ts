/** Generated data for the reliability tests: a large plan year and large valid progress files. */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import Database from "better-sqlite3";

export const BIG_YEAR = 2021;

/** A valid plan file for BIG_YEAR with `units` units and `indicators` stock indicators. */
export function bigPlan(units: number, indicators: number): string {
  return JSON.stringify({
    plan: {
      year: BIG_YEAR,
      title: "2021年生成的测试工作要点",
      titleEn: "Generated test plan",
      issuer: "测试",
      issuerEn: "Test",
      issuedOn: "2021-03-01",
    },
    sections: [{ number: 1, code: "一", title: "测试", titleEn: "Test" }],
    tasks: [],
    units: Array.from({ length: units }, (_, i) => ({
      code: `u${i}`,
      name: `单位${i}`,
      nameEn: `Unit ${i}`,
      aliases: [],
      adminCode: null,
      isTotal: false,
    })),
    indicators: Array.from({ length: indicators }, (_, i) => ({
      code: `i${i}`,
      name: `指标${i}`,
      nameEn: `Indicator ${i}`,
      unit: "家",
      target: 1000,
      kind: "stock",
      cadence: "quarterly",
      commitment: "firm",
      headline: false,
      section: 1,
      task: null,
    })),
  });
}

/**
 * A valid long-format CSV: every (unit, indicator) of the big plan for the given quarters of
 * BIG_YEAR, value = a deterministic function of the key plus `salt` (so files can differ).
 */
export function bigCsv(
  file: string,
  units: number,
  indicators: number,
  quarters: readonly number[],
  salt = 0,
): number {
  const lines = ["period,unit,indicator,value,basis,note"];
  for (const q of quarters)
    for (let u = 0; u < units; u++)
      for (let i = 0; i < indicators; i++)
        lines.push(`${BIG_YEAR}Q${q},u${u},i${i},${(u * 7 + i * 3 + q + salt) % 997},ytd,`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return lines.length - 1;
}

/** Number of stored values of a plan year (read-only connection). */
export function countValues(path: string, year = BIG_YEAR): number {
  const db = new Database(path, { readonly: true });
  try {
    return (
      db.prepare("SELECT count(*) AS n FROM progress_values WHERE plan_year = ?").get(year) as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

/** A sha256 over every row of every table, in key order: equal digests mean equal contents. */
export function digest(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const h = createHash("sha256");
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      h.update(`\0table ${name}\0`);
      // names come from sqlite_master of our own test database
      const n = (db.prepare("SELECT count(*) AS n FROM pragma_table_info(?)").get(name) as { n: number }).n;
      const order = Array.from({ length: n }, (_, i) => i + 1).join(", ");
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw(true).iterate())
        h.update(JSON.stringify(row));
    }
    return h.digest("hex");
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check of a database file. */
export function integrity(path: string): string {
  const db = new Database(path);
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}
