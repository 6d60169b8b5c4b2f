/**
 * Upgrades: a database at schema version 1 with realistic data is opened by today's dzkj — every
 * migration applied, every value kept, a backup written first; a database from a newer dzkj is
 * refused untouched. Works whatever migrations exist after 0001.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importProgress } from "../../src/app/import-progress.js";
import { createCatalogFor } from "../../src/app/import-session.js";
import { openStore } from "../../src/app/store.js";
import { loadMigrations, type Migration, openDatabase } from "../../src/storage/database.js";
import { dzkj, PROGRESS_FIXTURES, tempDir, testEnv } from "../helpers.js";

const NOW = new Date("2020-10-15T08:00:00Z");
let dir: string;
let cleanup: () => void;
let v1: string;
/** each table of schema 1 → its columns in schema 1 */
let v1Columns: Map<string, string[]>;

/** The rows of the schema-1 columns of every schema-1 table, sorted: what must survive an upgrade. */
function v1Content(path: string): Record<string, unknown[][]> {
  const db = new Database(path, { readonly: true });
  try {
    const out: Record<string, unknown[][]> = {};
    for (const [table, cols] of v1Columns) {
      // identifiers from our own migration file, quoted
      const list = cols.map((c) => `"${c}"`).join(", ");
      const order = cols.map((_, i) => i + 1).join(", ");
      out[table] = db
        .prepare(`SELECT ${list} FROM "${table}" ORDER BY ${order}`)
        .raw(true)
        .all() as unknown[][];
    }
    return out;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("dzkj-upgrade-"));
  const first = loadMigrations()[0]!;
  expect(first.name).toBe("0001_initial_schema");

  // Realistic data made by today's dzkj (plan + the four 2020 fixtures) ...
  const today = await openStore(join(dir, "today.db"), NOW);
  const outcomes = await importProgress(today.db, createCatalogFor(today.db), PROGRESS_FIXTURES, {
    now: NOW,
  });
  expect(outcomes.every((o) => o.status === "imported")).toBe(true);
  today.db.close();

  // ... copied by SQL into a database built by hand from migration 0001 alone.
  v1 = join(dir, "v1.db");
  const db = new Database(v1);
  db.pragma("journal_mode = WAL");
  db.exec(first.sql);
  db.exec(
    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(1, first.name, "2020-01-01T00:00:00.000Z");
  v1Columns = new Map();
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY name",
    )
    .all() as { name: string }[];
  for (const { name } of tables)
    v1Columns.set(
      name,
      (db.prepare("SELECT name FROM pragma_table_info(?)").all(name) as { name: string }[]).map(
        (c) => c.name,
      ),
    );
  // tables are copied in name order, so the references are checked once at commit instead
  db.pragma("defer_foreign_keys = ON");
  db.exec(`ATTACH DATABASE '${join(dir, "today.db").replace(/'/g, "''")}' AS today`);
  db.transaction(() => {
    db.pragma("defer_foreign_keys = ON");
    for (const [table, cols] of v1Columns) {
      const list = cols.map((c) => `"${c}"`).join(", ");
      db.exec(`INSERT INTO main."${table}" (${list}) SELECT ${list} FROM today."${table}"`);
    }
  })();
  db.exec("DETACH DATABASE today");
  db.close();
  const values = new Database(v1, { readonly: true });
  expect((values.prepare("SELECT count(*) AS n FROM progress_values").get() as { n: number }).n).toBe(66);
  values.close();
}, 60_000);
afterAll(() => cleanup());

describe("migration 0005: indicator pace", () => {
  it("gives the stored 2020 plan its three milestones, every other indicator linear", () => {
    const path = join(dir, "pace.db");
    copyFileSync(v1, path);
    const { db } = openDatabase(path);
    const paces = db
      .prepare(
        "SELECT code, pace FROM indicators WHERE plan_year = 2020 AND pace <> 'linear' ORDER BY ordinal",
      )
      .all();
    const linear = db.prepare("SELECT count(*) AS n FROM indicators WHERE pace = 'linear'").get() as {
      n: number;
    };
    db.close();
    expect(paces).toEqual([
      { code: "national_platforms_new", pace: "milestone" },
      { code: "agri_new_varieties", pace: "milestone" },
      { code: "provincial_popsci_bases", pace: "milestone" },
    ]);
    expect(linear.n).toBe(20);
  });
});

describe("upgrading a schema-1 database", () => {
  it("applies every migration, keeps every value, and writes a 0600 backup next to it first", () => {
    // today's migrations; if 0001 is still the only one, a harmless probe stands in for a later one
    const real = loadMigrations();
    const migrations: Migration[] =
      real.length > 1
        ? real
        : [...real, { version: 2, name: "0002_upgrade_probe", sql: "CREATE TABLE upgrade_probe (x)" }];
    const path = join(dir, "upgrade.db");
    copyFileSync(v1, path);
    const before = v1Content(path);
    let backup: string | null = null;
    const { db } = openDatabase(path, { migrations, onBackup: (b) => (backup = b) });
    const applied = (
      db.prepare("SELECT name FROM schema_migrations ORDER BY version").all() as { name: string }[]
    ).map((r) => r.name);
    db.close();
    expect(applied).toEqual(migrations.map((m) => m.name));
    expect(v1Content(path)).toEqual(before);
    expect(backup).not.toBeNull();
    expect(backup!.startsWith(`${path}.backup-v1-`)).toBe(true);
    expect(statSync(backup!).mode & 0o777).toBe(0o600);
    // the backup is the database as it was before the upgrade
    expect(v1Content(backup!)).toEqual(before);
    const b = new Database(backup!, { readonly: true });
    expect(b.prepare("SELECT name FROM schema_migrations").all()).toEqual([{ name: "0001_initial_schema" }]);
    b.close();
  });

  it("the real binary opens a schema-1 database and reports on all its values", () => {
    const path = join(dir, "cli.db");
    copyFileSync(v1, path);
    const env = testEnv(dir, { DZKJ_NOW: NOW.toISOString() });
    const upgraded = dzkj(["--db", path, "report", "--format", "json"], { env });
    const fresh = dzkj(["--db", join(dir, "today.db"), "report", "--format", "json"], { env });
    expect(upgraded.code).toBe(0);
    expect(upgraded.stdout).toBe(fresh.stdout);
    const db = new Database(path, { readonly: true });
    const names = (
      db.prepare("SELECT name FROM schema_migrations ORDER BY version").all() as { name: string }[]
    ).map((r) => r.name);
    db.close();
    expect(names).toEqual(loadMigrations().map((m) => m.name));
    // a backup was written exactly when there was something to migrate
    const backups = readdirSync(dir).filter((f) => f.startsWith("cli.db.backup-v1-"));
    expect(backups.length).toBe(loadMigrations().length > 1 ? 1 : 0);
  });
});

describe("a database from a newer dzkj", () => {
  for (const mode of ["wal", "delete"] as const) {
    it(`is refused and left byte-for-byte untouched (journal mode ${mode})`, () => {
      const path = join(dir, `newer-${mode}.db`);
      copyFileSync(v1, path);
      const db = new Database(path);
      db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(
        9999,
        "9999_from_the_future",
        "2030-01-01",
      );
      db.pragma(`journal_mode = ${mode}`);
      db.close();
      const bytes = readFileSync(path);
      const env = testEnv(dir, { DZKJ_NOW: NOW.toISOString(), DZKJ_LANG: "en" });
      for (const args of [["report"], ["import", PROGRESS_FIXTURES[0]!], ["init"]]) {
        const r = dzkj(["--db", path, ...args], { env });
        expect(r.code, args.join(" ")).toBe(1);
        expect(r.stderr).toContain("9999_from_the_future");
        expect(r.stderr).toContain("newer");
        expect(readFileSync(path).equals(bytes), args.join(" ")).toBe(true);
      }
      expect(existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0).toBe(0);
      expect(readdirSync(dir).filter((f) => f.startsWith(`newer-${mode}.db.backup`))).toEqual([]);
    });
  }
});
