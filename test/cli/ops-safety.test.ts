/**
 * Operations that never lie: restore and backup verify what they copied and wait for the lock,
 * files dzkj writes never land on the database or through a link, plan revisions never reread
 * stored values in another unit, writers wait and then say who holds the lock. End-to-end on the
 * built binary where a second process matters (the lock holder), in-process otherwise.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dzkj, dzkjAsync, FIXTURES, type RunResult, tempDir, testEnv } from "../helpers.js";
import { holdWriteLock } from "../support/lock.js";
import { dump, values } from "./db.js";

let dir: string;
let cleanup: () => void;
let db: string;
let env: NodeJS.ProcessEnv;
const run = (...args: string[]): RunResult => dzkj(["--db", db, ...args], { env });
const Q1 = join(FIXTURES, "progress", "2020Q1.csv");

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "test.db");
  env = testEnv(dir, { DZKJ_NOW: "2020-10-15T08:00:00Z" });
});
afterEach(() => cleanup());

/** A backup holding fixtures/progress/2020Q1.csv (10 rows, so 10 values) and an empty live database. */
function backupOfQ1AndEmptyLive(): string {
  const other = join(dir, "other.db");
  const bak = join(dir, "q1.bak.db");
  expect(dzkj(["--db", other, "init"], { env }).code).toBe(0);
  expect(dzkj(["--db", other, "import", Q1], { env }).code).toBe(0);
  expect(dzkj(["--db", other, "backup", bak], { env }).code).toBe(0);
  expect(run("init").code).toBe(0);
  return bak;
}

describe("restore verifies what it wrote and waits for the lock", () => {
  it("while another process holds the write lock: waits --wait seconds, then fails naming the database; nothing changed", async () => {
    const bak = backupOfQ1AndEmptyLive();
    const before = dump(db);
    const holder = await holdWriteLock(db);
    let r: RunResult;
    const started = Date.now();
    try {
      r = await dzkjAsync(["--db", db, "--wait", "2", "--lang", "en", "restore", bak, "--yes"], { env });
    } finally {
      await holder.release();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the database ${db} is being written by another dzkj or program`);
    expect(r.stderr).toContain("nothing was changed");
    expect(r.stderr).not.toContain("restored the database");
    expect(dump(db)).toEqual(before);
  }, 30_000);

  it("a lock released within --wait: the restore waits for it and then holds every value of the backup", async () => {
    const bak = backupOfQ1AndEmptyLive();
    await holdWriteLock(db, 1000); // lets go by itself after 1 s
    const r = await dzkjAsync(["--db", db, "--wait", "20", "restore", bak, "--yes"], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(values(db)).toHaveLength(10); // the 10 data rows of 2020Q1.csv
  }, 30_000);

  it("a file with schema_migrations rows but none of the tables is refused before anything changes; doctor calls such a file unhealthy", () => {
    expect(run("init").code).toBe(0);
    expect(run("import", Q1).code).toBe(0);
    const before = dump(db);
    const hollow = join(dir, "hollow.db");
    const h = new Database(hollow);
    const applied = new Database(db, { readonly: true })
      .prepare("SELECT version, name, applied_at FROM schema_migrations")
      .all() as { version: number; name: string; applied_at: string }[];
    h.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    for (const a of applied)
      h.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(a.version, a.name, a.applied_at);
    h.close();
    const r = run("--lang", "en", "restore", hollow, "--yes");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is not a complete dzkj database");
    expect(r.stderr).toContain("progress_values");
    expect(dump(db)).toEqual(before);
    const d = dzkj(["--db", hollow, "--lang", "en", "doctor", "--format", "json"], { env });
    expect(d.code).toBe(1);
    expect(JSON.parse(d.stdout).healthy).toBe(false);
    expect(d.stdout).toContain("tables or columns its migrations create are missing");
    const zh = dzkj(["--db", hollow, "doctor"], { env });
    expect(zh.stdout).toContain("缺少其迁移应有的表或列");
  }, 30_000);
});

describe("backup copies the whole database or fails", () => {
  it("taken while another process holds the write lock, the copy has every row of the database", async () => {
    expect(run("init").code).toBe(0);
    expect(run("import", Q1).code).toBe(0);
    const holder = await holdWriteLock(db);
    const copy = join(dir, "copy.db");
    let r: RunResult;
    try {
      r = await dzkjAsync(["--db", db, "--wait", "2", "backup", copy], { env });
    } finally {
      await holder.release();
    }
    expect(r.code, r.stderr).toBe(0);
    expect(dump(copy)).toEqual(dump(db));
  }, 30_000);
});
