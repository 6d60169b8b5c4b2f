/** dzkj doctor, backup, restore, export: end-to-end on the built binary against temp databases. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BIN,
  createDatabase,
  dzkj,
  PROGRESS_FIXTURES,
  ROOT,
  type RunResult,
  tempDir,
  testEnv,
} from "../helpers.js";
import { dump, fileBytes, values } from "./db.js";

let dir: string;
let cleanup: () => void;
let db: string;
let env: NodeJS.ProcessEnv;
const run = (...args: string[]): RunResult => dzkj(["--db", db, ...args], { env });
const mode = (p: string) => statSync(p).mode & 0o777;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "test.db");
  await createDatabase(db);
  env = testEnv(dir, { DZKJ_NOW: "2020-10-15T08:00:00Z" });
});
afterEach(() => cleanup());

/** Writes with foreign keys off, as another tool (the sqlite3 shell) might. */
function rawWrite(path: string, sql: string): void {
  const d = new Database(path);
  d.pragma("foreign_keys = OFF");
  d.exec(sql);
  d.close();
}

describe("doctor", () => {
  it("reports a healthy database with exit 0, in table and json form", () => {
    expect(run("import", ...PROGRESS_FIXTURES).code).toBe(0);
    const r = run("doctor");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("PRAGMA integrity_check: ok");
    expect(r.stdout).toContain("数据库正常（66 个数值，4 个批次，工作要点年份 2020）");
    const j = run("doctor", "--format", "json");
    expect(j.code).toBe(0);
    const report = JSON.parse(j.stdout);
    expect(report.healthy).toBe(true);
    expect(report.integrity).toEqual(["ok"]);
    expect(report.pending).toEqual([]);
    expect(report.counts.values).toBe(66);
    expect(report.checks.map((c: { status: string }) => c.status)).not.toContain("problem");
  });

  it("warns (exit 0) about units that never reported", () => {
    const one = join(dir, "one.csv");
    writeFileSync(one, "period,unit,indicator,value\n2020Q1,tongchuan,key_tech_projects,1\n");
    expect(run("import", one).code).toBe(0);
    const report = JSON.parse(run("doctor", "--format", "json").stdout);
    const seed = JSON.parse(readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8"));
    const all = seed.units.map((u: { code: string }) => u.code);
    expect(report.neverReported.map((u: { code: string }) => u.code)).toEqual(
      all.filter((c: string) => c !== "tongchuan"),
    );
    expect(report.checks.find((c: { name: string }) => c.name === "neverReported").status).toBe("warning");
    const r = run("doctor");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2020 年 9 个单位从未报送：全市、市本级、");
    expect(run("--lang", "en", "doctor").stdout).toContain(
      "2020: 9 units never reported: Dazhou (whole city), City level, ",
    );
  });

  it("finds values whose indicator or unit is not in the plan (written with foreign keys off): exit 1", () => {
    expect(run("import", PROGRESS_FIXTURES[0]!).code).toBe(0);
    rawWrite(
      db,
      `INSERT INTO progress_values VALUES (2020, 'no_such_indicator', '2020Q1', 'tongchuan', 1, 'ytd', NULL, 1);
       INSERT INTO progress_values VALUES (2020, 'key_tech_projects', '2020Q1', 'atlantis', 2, 'ytd', NULL, 1);`,
    );
    const r = run("--lang", "en", "doctor");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("progress_values 2020 indicator no_such_indicator (1)");
    expect(r.stdout).toContain("progress_values 2020 unit atlantis (1)");
    expect(r.stderr).toContain("dzkj: error: the database check: 2 checks found problems"); // foreign keys and orphans
    const report = JSON.parse(run("doctor", "--format", "json").stdout);
    expect(report.healthy).toBe(false);
    expect(report.orphans).toHaveLength(2);
    expect(report.foreignKeyViolations.length).toBeGreaterThan(0);
  });

  it("unknown migrations are a problem (exit 1), pending ones a warning (exit 0)", () => {
    expect(run("units").code).toBe(0);
    rawWrite(db, "INSERT INTO schema_migrations VALUES (9999, '9999_from_the_future', '2030-01-01')");
    const r = run("doctor", "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).unknown).toEqual(["9999_from_the_future"]);
    // pending migrations are a warning: the next ordinary command applies them
    rawWrite(db, "DELETE FROM schema_migrations WHERE version = 9999");
    const last = (JSON.parse(run("doctor", "--format", "json").stdout).applied as { name: string }[]).pop()!;
    rawWrite(db, `DELETE FROM schema_migrations WHERE name = '${last.name}'`);
    const pending = run("doctor", "--format", "json");
    const p = JSON.parse(pending.stdout);
    expect(p.pending).toEqual([last.name]);
    expect(p.checks.find((c: { name: string }) => c.name === "schema").status).toBe("warning");
    expect(p.healthy).toBe(true);
    expect(pending.code).toBe(0);
  });

  it("a damaged file: the integrity problem is reported, the data checks skipped; backup and restore refuse it", () => {
    run("import", ...PROGRESS_FIXTURES);
    // flip bits in the middle of b-tree pages 5–12, sparing the file header (page 1)
    const bytes = readFileSync(db);
    for (let page = 5; page <= 12; page++)
      for (let i = 100; i < 4000; i += 7) bytes[(page - 1) * 4096 + i]! ^= 0x5a;
    writeFileSync(db, bytes);
    const r = run("--lang", "en", "doctor", "--format", "json");
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("malformed");
    const report = JSON.parse(r.stdout);
    expect(report.integrity.length).toBeGreaterThan(0);
    expect(report.integrity[0]).not.toBe("ok");
    const status = Object.fromEntries(
      report.checks.map((c: { name: string; status: string }) => [c.name, c.status]),
    );
    expect(status).toMatchObject({
      integrity: "problem",
      foreignKeys: "skipped",
      orphans: "skipped",
      neverReported: "skipped",
    });
    expect(run("doctor").stdout).toContain("数据库文件已损坏或不完整，此项未检查");
    const copy = join(dir, "copy.db");
    const b = run("--lang", "en", "backup", copy);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`the backup to ${copy} failed: quick_check:`);
    expect(readdirSync(dir).filter((f) => f.startsWith("copy") || f.endsWith(".tmp"))).toEqual([]);
    const other = join(dir, "other.db");
    dzkj(["--db", other, "import", PROGRESS_FIXTURES[0]!], { env });
    const otherBytes = fileBytes(other);
    const rs = dzkj(["--db", other, "--lang", "en", "restore", db, "--yes"], { env });
    expect(rs.code).toBe(1);
    expect(rs.stderr).toContain(`${db} is not a usable dzkj database`);
    expect(fileBytes(other)).toBe(otherBytes);
  });

  it("does not create a missing database", () => {
    db = join(dir, "missing.db");
    const r = run("doctor");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`dzkj: 错误: 数据库 ${db} 不存在`);
    expect(existsSync(db)).toBe(false);
  });

  it("changes nothing in the database", () => {
    run("import", ...PROGRESS_FIXTURES);
    const before = fileBytes(db);
    run("doctor");
    expect(fileBytes(db)).toBe(before);
  });
});

describe("backup", () => {
  it("writes a self-contained copy with mode 0600 holding every row", () => {
    run("import", ...PROGRESS_FIXTURES);
    const out = join(dir, "copy.db");
    const r = run("backup", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`已备份 ${db} 到 ${out}`);
    expect(mode(out)).toBe(0o600);
    expect(dump(out)).toEqual(dump(db));
    expect(existsSync(`${out}-wal`)).toBe(false);
    // no temp file left behind
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves the database byte-for-byte as it was", () => {
    run("import", ...PROGRESS_FIXTURES);
    const before = fileBytes(db);
    expect(run("backup", join(dir, "copy.db")).code).toBe(0);
    expect(fileBytes(db)).toBe(before);
  });

  it("puts a dated file into an existing folder", () => {
    run("import", PROGRESS_FIXTURES[0]!);
    mkdirSync(join(dir, "backups"));
    expect(run("backup", join(dir, "backups")).code).toBe(0);
    expect(readdirSync(join(dir, "backups"))).toEqual(["dzkj-20201015-080000.db"]);
  });

  it("refuses to overwrite the database itself, a missing folder, a missing database", () => {
    run("units");
    const before = fileBytes(db);
    const same = run("backup", db);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain("备份文件不能是数据库本身");
    expect(fileBytes(db)).toBe(before);
    const noDir = run("--lang", "en", "backup", join(dir, "nope", "x.db"));
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toContain(`the folder ${join(dir, "nope")} does not exist`);
    const missing = dzkj(["--db", join(dir, "missing.db"), "backup", join(dir, "x.db")], { env });
    expect(missing.code).toBe(1);
    expect(existsSync(join(dir, "x.db"))).toBe(false);
  });
});

describe("restore", () => {
  it("refuses without --yes when stdin is not a terminal, changing nothing", () => {
    run("import", ...PROGRESS_FIXTURES);
    const copy = join(dir, "copy.db");
    run("backup", copy);
    const before = fileBytes(db);
    const r = run("restore", copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--yes");
    expect(fileBytes(db)).toBe(before);
  });

  it("on a terminal it asks: n cancels and changes nothing, y restores", () => {
    // `script` gives dzkj a pseudo-terminal as stdin, so the confirmation path really runs
    run("import", ...PROGRESS_FIXTURES.slice(0, 1));
    const copy = join(dir, "copy.db");
    run("backup", copy);
    run("import", ...PROGRESS_FIXTURES.slice(1));
    const before = fileBytes(db);
    const onTty = (answer: string) =>
      spawnSync(
        "script",
        ["-qec", `"${process.execPath}" "${BIN}" --db "${db}" restore "${copy}"`, "/dev/null"],
        {
          cwd: ROOT,
          env,
          input: `${answer}\n`,
          encoding: "utf8",
          timeout: 30_000,
        },
      );
    const no = onTty("n");
    expect(no.stdout).toContain(`用 ${copy}（9 个数值，1 个批次，结构版本`);
    expect(no.stdout).toContain("[y/N]");
    expect(no.stdout).toContain("已取消恢复，数据库未作任何修改");
    expect(no.status).toBe(1);
    expect(fileBytes(db)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes("before-restore"))).toEqual([]);
    const yes = onTty("y");
    expect(yes.status).toBe(0);
    expect(values(db)).toHaveLength(9);
    expect(readdirSync(dir).filter((f) => f.includes("before-restore"))).toHaveLength(1);
  });

  it("--yes restores the backup and keeps a safety copy of what it replaced", () => {
    run("import", ...PROGRESS_FIXTURES.slice(0, 2));
    const copy = join(dir, "copy.db");
    run("backup", copy);
    const atBackup = dump(db);
    run("import", ...PROGRESS_FIXTURES.slice(2));
    const later = dump(db);
    expect(values(db)).toHaveLength(66);
    const r = run("restore", copy, "--yes");
    expect(r.code).toBe(0);
    expect(dump(db)).toEqual(atBackup);
    const safety = `${db}.before-restore-20201015-080000`;
    expect(r.stderr).toContain(safety);
    expect(dump(safety)).toEqual(later);
    expect(mode(safety)).toBe(0o600);
    expect(mode(db)).toBe(0o600);
    // the restored database works, and a second restore does not overwrite the first safety copy
    expect(run("doctor").code).toBe(0);
    expect(run("restore", copy, "--yes").code).toBe(0);
    expect(existsSync(`${safety}-2`)).toBe(true);
    expect(dump(safety)).toEqual(later);
  });

  it("reads a raw copy of a live database whole (its -wal too) and never opens the user's file", () => {
    const live = join(dir, "live.db");
    dzkj(["--db", live, "init"], { env });
    dzkj(["--db", live, "import", PROGRESS_FIXTURES[0]!], { env });
    const d = new Database(live);
    d.pragma("wal_autocheckpoint = 0");
    d.exec("UPDATE progress_values SET note = 'only in the wal' WHERE unit_code = 'tongchuan'");
    const raw = join(dir, "raw.db");
    copyFileSync(live, raw);
    copyFileSync(`${live}-wal`, `${raw}-wal`);
    d.close();
    const walBytes = readFileSync(`${raw}-wal`);
    expect(run("restore", raw, "--yes").code).toBe(0);
    expect(values(db).filter((v) => v.note === "only in the wal").length).toBeGreaterThan(0);
    expect(dump(db)).toEqual(dump(live));
    expect(existsSync(`${raw}-shm`)).toBe(false);
    expect(readFileSync(`${raw}-wal`).equals(walBytes)).toBe(true);
  });

  it("restores into a database that does not exist yet, with mode 0600", () => {
    run("import", PROGRESS_FIXTURES[0]!);
    const copy = join(dir, "copy.db");
    run("backup", copy);
    const fresh = join(dir, "new", "fresh.db");
    const r = dzkj(["--db", fresh, "restore", copy, "--yes"], { env });
    expect(r.code).toBe(0);
    expect(mode(fresh)).toBe(0o600);
    expect(dump(fresh)).toEqual(dump(copy));
  });

  it("refuses files that are not dzkj databases, and newer ones, leaving both files untouched", () => {
    run("import", PROGRESS_FIXTURES[0]!);
    const before = fileBytes(db);
    const text = join(dir, "notes.txt");
    writeFileSync(text, "SQLite? no.\n");
    const a = run("--lang", "en", "restore", text, "--yes");
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`${text} is not a dzkj database (not an SQLite file)`);

    const other = join(dir, "other.db");
    const o = new Database(other);
    o.exec("CREATE TABLE t (x)");
    o.close();
    const b = run("--lang", "en", "restore", other, "--yes");
    expect(b.code).toBe(1);
    expect(b.stderr).toContain("no schema_migrations table");

    const newer = join(dir, "newer.db");
    run("backup", newer);
    rawWrite(newer, "INSERT INTO schema_migrations VALUES (9999, '9999_from_the_future', '2030-01-01')");
    const newerBytes = readFileSync(newer);
    const c = run("--lang", "en", "restore", newer, "--yes");
    expect(c.code).toBe(1);
    expect(c.stderr).toContain("9999_from_the_future");
    expect(readFileSync(newer).equals(newerBytes)).toBe(true);
    expect(fileBytes(db)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes("before-restore") || f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("export", () => {
  it("writes every table as UTF-8 BOM RFC 4180 CSV with a manifest whose hashes and counts match", () => {
    run("import", ...PROGRESS_FIXTURES);
    const out = join(dir, "archive", "2020");
    const before = fileBytes(db);
    const r = run("export", out);
    expect(r.code).toBe(0);
    expect(fileBytes(db)).toBe(before);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    const d = new Database(db, { readonly: true });
    const tables = (
      d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(manifest.tables.map((t: { name: string }) => t.name)).toEqual(tables);
    expect(manifest.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(manifest.planYears).toEqual([2020]);
    expect(manifest.exportedAt).toBe("2020-10-15T08:00:00.000Z");
    for (const t of manifest.tables) {
      const bytes = readFileSync(join(out, t.file));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(t.sha256);
      expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
      expect(mode(join(out, t.file))).toBe(0o600);
      const text = bytes.toString("utf8").slice(1);
      expect(text.endsWith("\r\n")).toBe(true);
      const rows = parse(text, { record_delimiter: "\r\n" }) as string[][];
      const expected = d.prepare(`SELECT * FROM "${t.name}"`).raw(true).all() as unknown[][];
      expect(rows[0]).toEqual(t.columns.map((c: { name: string }) => c.name));
      expect(t.rows).toBe(expected.length);
      expect(rows.slice(1)).toEqual(expected.map((row) => row.map((v) => (v === null ? "" : String(v)))));
    }
    d.close();
    expect(mode(join(out, "manifest.json"))).toBe(0o600);
    // a note with quotes survives the round trip
    const pv = readFileSync(join(out, "progress_values.csv"), "utf8");
    expect(pv).toContain('"含""天府高端引智计划""引进6人次"');
  });

  it("refuses a folder that is not empty", () => {
    run("units");
    mkdirSync(join(dir, "full"));
    writeFileSync(join(dir, "full", "keep.txt"), "x");
    const r = run("export", join(dir, "full"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("已存在且不为空");
    expect(readdirSync(join(dir, "full"))).toEqual(["keep.txt"]);
  });
});
