/**
 * Operations that never lie: restore and backup verify what they copied and wait for the lock,
 * files dzkj writes never land on the database or through a link, plan revisions never reread
 * stored values in another unit, writers wait and then say who holds the lock. End-to-end on the
 * built binary where a second process matters (the lock holder), in-process otherwise.
 */

import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, dzkj, dzkjAsync, FIXTURES, type RunResult, tempDir, testEnv } from "../helpers.js";
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

  it("a lock released within the wait: the restore waits for it and then holds every value of the backup", async () => {
    const bak = backupOfQ1AndEmptyLive();
    await holdWriteLock(db, 1000); // lets go by itself after 1 s, well within the default wait
    const r = await dzkjAsync(["--db", db, "restore", bak, "--yes"], { env });
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
    // the data checks are not run on it: their "all fine" would be untrue
    const checks = JSON.parse(d.stdout).checks as { name: string; status: string }[];
    expect(
      checks.filter((c) => ["foreignKeys", "orphans", "neverReported"].includes(c.name)).map((c) => c.status),
    ).toEqual(["skipped", "skipped", "skipped"]);
    // any other command says what the file is, in the UI language, and what to do
    const report = dzkj(["--db", hollow, "report"], { env });
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/数据库 .*hollow\.db 不完整：缺少表 \w+/);
    expect(report.stderr).toContain("dzkj restore");
    expect(report.stderr).not.toContain("no such table");
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

describe("files dzkj writes never land on the database or through a link", () => {
  it("report -o DB, template -o DB, -o DB-wal and -o a link to DB are refused; the database is untouched", () => {
    expect(run("init").code).toBe(0);
    expect(run("import", Q1).code).toBe(0);
    const before = dump(db);
    symlinkSync(db, join(dir, "link.csv"));
    for (const args of [
      ["report", "--format", "csv", "-o", db],
      ["template", "--period", "2020Q3", "-o", db],
      ["report", "--format", "csv", "-o", `${db}-wal`],
      ["report", "--format", "csv", "-o", join(dir, "link.csv")],
      ["report", "--format", "csv", "-o", join(dir, ".", "test.db")],
    ]) {
      const r = run("--lang", "en", ...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toContain("it is the database");
    }
    expect(dump(db)).toEqual(before);
    expect(readFileSync(db).subarray(0, 16).toString("latin1")).toBe("SQLite format 3\0");
  }, 60_000);

  it("a link planted at the temp name of -o is never written through", async () => {
    expect(run("init").code).toBe(0);
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "keep me");
    const out = join(dir, "report.md");
    // the temp name dzkj used to write -o through: FILE.PID.tmp, predictable from outside
    symlinkSync(victim, `${out}.${process.pid}.tmp`);
    const { emit } = await import("../../src/cli/output.js");
    const { createContext } = await import("../../src/cli/context.js");
    const sink = { write: () => {}, isTTY: false };
    const ctx = createContext({ db, lang: "en", command: "report" }, env, sink, sink);
    emit(ctx, { format: "markdown", output: out }, "# report\n");
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(readFileSync(out, "utf8")).toBe("# report\n");
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    // and no temp file is left beside it
    expect(
      readdirSync(dir)
        .filter((f) => f.includes("report.md") && f !== "report.md")
        .sort(),
    ).toEqual([
      `report.md.${process.pid}.tmp`, // the planted link, untouched
    ]);
  });

  it("-o - is stdout; an existing folder gets a named file inside; a missing folder is an error", () => {
    expect(run("init").code).toBe(0);
    const stdout = dzkj(["--db", db, "report", "--format", "csv", "-o", "-"], { env, cwd: dir });
    expect(stdout.code).toBe(0);
    expect(stdout.stdout.startsWith("\uFEFF")).toBe(true); // the CSV itself, with its BOM
    expect(existsSync(join(dir, "-"))).toBe(false);
    const t = dzkj(["--db", db, "template", "--period", "2020Q3", "-o", "-"], { env, cwd: dir });
    expect(t.stdout).toContain("报告期,填报单位,指标代码");
    expect(existsSync(join(dir, "-"))).toBe(false);

    mkdirSync(join(dir, "out"));
    expect(run("report", "--format", "csv", "-o", join(dir, "out")).code).toBe(0);
    // DZKJ_NOW is 2020-10-15T08:00:00Z
    expect(readdirSync(join(dir, "out"))).toEqual(["dzkj-report-20201015-080000.csv"]);
    expect(run("template", "--period", "2020Q3", "-o", join(dir, "out")).code).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([
      "dzkj-report-20201015-080000.csv",
      "dzkj-template-20201015-080000.csv",
    ]);

    for (const target of [`${join(dir, "missing")}/`, join(dir, "missing", "r.csv")]) {
      const r = run("--lang", "en", "report", "--format", "csv", "-o", target);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`the folder ${join(dir, "missing")} does not exist`);
    }
    const b = run("--lang", "en", "backup", `${join(dir, "missing")}/`);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain("does not exist");
    expect(existsSync(join(dir, "missing"))).toBe(false);
  }, 60_000);
});

describe("a mistyped --db is an error, not a new empty database", () => {
  it("report --check on a path with no database exits 1 and creates nothing; init creates it", () => {
    const typo = join(dir, "dzkj-typo.db");
    const r = run("--lang", "en", "report", "--check");
    expect(r.code).toBe(1); // the database was made by nothing: db does not exist yet
    expect(r.stderr).toContain(`the database ${db} does not exist`);
    const t = dzkj(["--db", typo, "import", Q1], { env });
    expect(t.code).toBe(1);
    expect(existsSync(typo)).toBe(false);
    expect(run("init").code).toBe(0);
    expect(run("report", "--check").code).not.toBe(1);
  }, 30_000);

  it("--db '' and --db :memory: are usage errors (exit 2)", () => {
    const empty = dzkj(["--db", "", "--lang", "en", "units"], { env });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("--db cannot be empty");
    // the default database (under XDG_DATA_HOME) was not created either
    expect(existsSync(join(dir, "xdg", "dzkj", "dzkj.db"))).toBe(false);
    const memory = dzkj(["--db", ":memory:", "--lang", "en", "report"], { env });
    expect(memory.code).toBe(2);
    expect(memory.stderr).toContain("an in-memory database is gone when the command ends");
  });
});

describe("writers wait for the lock, then say who holds it", () => {
  it("task set, imports undo and init --plan give up after --wait 2 naming the database; init never blames the plan file", async () => {
    expect(run("init").code).toBe(0);
    expect(run("import", Q1).code).toBe(0);
    const plan = join(dir, "plan.json");
    writeFileSync(plan, readFileSync(join(FIXTURES, "..", "seeds", "plan-2020.json")));
    const before = dump(db);
    const holder = await holdWriteLock(db);
    try {
      for (const args of [
        ["task", "set", "3", "done"],
        ["imports", "undo", "1", "--yes"],
        ["init", "--plan", plan],
      ]) {
        const started = Date.now();
        const r = await dzkjAsync(["--db", db, "--wait", "2", "--lang", "en", ...args], { env });
        const took = Date.now() - started;
        expect(r.code, args.join(" ")).toBe(1);
        expect(took, args.join(" ")).toBeGreaterThanOrEqual(2000);
        expect(took, args.join(" ")).toBeLessThan(8000); // not the old 10–60 s
        expect(r.stderr).toContain(`the database ${db} is being written by another dzkj or program`);
        expect(r.stderr).not.toContain("plan file");
      }
    } finally {
      await holder.release();
    }
    expect(dump(db)).toEqual(before);
  }, 60_000);

  it("an import whose lock is released within --wait waits for it and imports", async () => {
    expect(run("init").code).toBe(0);
    await holdWriteLock(db, 1500);
    const r = await dzkjAsync(["--db", db, "--wait", "20", "import", Q1], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(values(db)).toHaveLength(10);
  }, 30_000);

  it("--wait must be a number of seconds", () => {
    const r = run("--wait", "soon", "--lang", "en", "units");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--wait must be a number of seconds");
  });
});

describe("database errors name the database, the cause and the next step", () => {
  it("a file that is not a database: the path, nothing changed, and what to do — in zh and en", () => {
    const junk = join(dir, "notes.db");
    writeFileSync(junk, "这不是数据库，只是一段文字。".repeat(50));
    const en = dzkj(["--db", junk, "--lang", "en", "report"], { env });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${junk} is not an SQLite database file`);
    expect(en.stderr).toContain("nothing was changed");
    expect(en.stderr).toContain("dzkj restore");
    const zh = dzkj(["--db", junk, "report"], { env });
    expect(zh.stderr).toContain(`${junk} 不是 SQLite 数据库文件`);
    expect(zh.stderr).toContain("未作任何修改");
  });

  it("export to a folder that cannot be made says why and leaves nothing behind", () => {
    expect(run("init").code).toBe(0);
    writeFileSync(join(dir, "a-file"), "x");
    const r = run("--lang", "en", "export", join(dir, "a-file", "archive"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("its folder does not exist");
    expect(r.stderr).not.toContain("internal error");
    expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("write errors become messages a person can act on (ENOSPC, EACCES, EISDIR, ENOENT)", async () => {
    const { writeFailed } = await import("../../src/app/ops.js");
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(writeFailed("/x/r.csv", err("ENOSPC")).reason.key).toBe("ops.write.full");
    expect(writeFailed("/x/r.csv", err("EACCES")).reason.key).toBe("ops.write.denied");
    expect(writeFailed("/x/r.csv", err("EISDIR")).reason.key).toBe("ops.write.isDir");
    expect(writeFailed("/x/r.csv", err("ENOENT")).reason.key).toBe("ops.write.missing");
    expect(writeFailed("/x/r.csv", err("EIO")).reason).toEqual({
      key: "ops.write.failed",
      params: { file: "/x/r.csv", error: "EIO" },
    });
  });
});

describe("leftovers", () => {
  /** A pid that is not running (the highest possible pids are not in use in a test container). */
  function deadPid(): number {
    for (let pid = 4_194_000; ; pid--) {
      try {
        process.kill(pid, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ESRCH") return pid;
      }
    }
  }

  it("the temp copies of a killed backup or restore are removed by the next run and by doctor, never a live process's", () => {
    expect(run("init").code).toBe(0);
    const dead = deadPid();
    const stale = [`.test.db.${dead}.1a2b3c.tmp`, `.test.db.${dead}.1a2b3c.tmp-journal`];
    const live = `.test.db.${process.pid}.4d5e6f.tmp`; // this test runner is running
    for (const f of [...stale, live]) writeFileSync(join(dir, f), "x".repeat(4096));
    const d = run("--lang", "en", "doctor");
    expect(d.code).toBe(0);
    expect(d.stdout).toContain("removed 2 temp files left by dzkj processes that no longer run");
    for (const f of stale) expect(existsSync(join(dir, f))).toBe(false);
    expect(existsSync(join(dir, live))).toBe(true);
    // the next backup to a folder cleans its own leftovers there too
    mkdirSync(join(dir, "bak"));
    const old = join(dir, "bak", `.copy.db.${dead}.777777.tmp`);
    writeFileSync(old, "x");
    expect(run("backup", join(dir, "bak", "copy.db")).code).toBe(0);
    expect(existsSync(old)).toBe(false);
  });

  it("a database file readable by others (0644) is made 0600 by the next command; doctor warns before", () => {
    expect(run("init").code).toBe(0);
    chmodSync(db, 0o644);
    const d = run("--lang", "en", "doctor");
    expect(d.code).toBe(0);
    expect(d.stdout).toContain("the database file has mode 0644");
    expect(run("task", "set", "3", "in_progress").code).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });
});

describe("import - reads stdin", () => {
  it("imports the CSV piped in, shown and recorded as (stdin), and leaves no temp file", () => {
    expect(run("init").code).toBe(0);
    const r = dzkj(["--db", db, "import", "-"], { env, input: readFileSync(Q1, "utf8") });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\(stdin\): utf8/);
    expect(values(db)).toHaveLength(10); // the 10 data rows of 2020Q1.csv
    const batches = JSON.parse(run("imports", "--format", "json").stdout) as { file: string }[];
    expect(batches.map((b) => b.file)).toEqual(["(stdin)"]);
    // a refused stdin file is named (stdin) in its problems too
    const bad = dzkj(["--db", db, "--lang", "en", "import", "-"], {
      env,
      input: "period,unit,indicator,value\n2020Q1,atlantis,key_tech_projects,1\n",
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("(stdin):2: unit: atlantis");
  });
});

describe("waiting on a terminal", () => {
  it("shows a progress line naming the database while it waits, then the error", async () => {
    expect(run("init").code).toBe(0);
    const holder = await holdWriteLock(db);
    let out: string;
    try {
      // util-linux `script` runs the command on a pseudo-terminal (stderr is a terminal)
      const r = await new Promise<string>((resolve) => {
        const child = spawn(
          "script",
          [
            "-qec",
            `"${process.execPath}" "${BIN}" --db "${db}" --wait 2 --lang en task set 3 done`,
            "/dev/null",
          ],
          { env: { ...env, TERM: "xterm" } },
        );
        let text = "";
        child.stdout.on("data", (d) => (text += d));
        child.on("close", () => resolve(text));
      });
      out = r;
    } finally {
      await holder.release();
    }
    expect(out).toContain(
      `waiting for the write lock of the database ${db}: another dzkj or program is writing to it`,
    );
    expect(out).toContain(`the database ${db} is being written by another dzkj or program`);
  }, 30_000);
});
