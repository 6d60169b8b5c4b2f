/**
 * Concurrent writers (cron overlap): imports started at the same moment all succeed, and a
 * report run during a large import sees the database either before or after it, never half.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { values } from "../cli/db.js";
import { dzkj, dzkjAsync, PROGRESS_FIXTURES, tempDir, testEnv } from "../helpers.js";
import { BIG_YEAR, bigCsv, bigPlan, countValues, integrity } from "./data.js";

const UNITS = 100;
const INDICATORS = 25;
let dir: string;
let cleanup: () => void;
let db: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  ({ dir, cleanup } = tempDir("dzkj-concurrency-"));
  db = join(dir, "shared.db");
  env = testEnv(dir, { DZKJ_NOW: "2021-12-31T08:00:00Z" });
  writeFileSync(join(dir, "plan.json"), bigPlan(UNITS, INDICATORS));
  const r = dzkj(["--db", db, "init", "--plan", join(dir, "plan.json")], { env });
  expect(r.code).toBe(0);
});
afterAll(() => cleanup());

function sumValues(path: string): { n: number; sum: number } {
  const d = new Database(path, { readonly: true });
  try {
    return d
      .prepare("SELECT count(*) AS n, total(value) AS sum FROM progress_values WHERE plan_year = ?")
      .get(BIG_YEAR) as { n: number; sum: number };
  } finally {
    d.close();
  }
}

describe("concurrent writers", () => {
  it("4 imports started at the same moment all succeed with every value present", async () => {
    const files = [1, 2, 3, 4].map((q) => {
      const f = join(dir, `q${q}.csv`);
      bigCsv(f, UNITS, INDICATORS, [q]);
      return f;
    });
    const results = await Promise.all(files.map((f) => dzkjAsync(["--db", db, "import", f], { env })));
    for (const r of results) {
      expect(r.stderr).not.toMatch(/locked|busy/i);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`新增 ${UNITS * INDICATORS}，`);
    }
    // every value as generated: (u*7 + i*3 + q) % 997
    const d = new Database(db, { readonly: true });
    const rows = d
      .prepare(
        "SELECT period, unit_code AS u, indicator_code AS i, value FROM progress_values WHERE plan_year = ?",
      )
      .all(BIG_YEAR) as { period: string; u: string; i: string; value: number }[];
    const batches = d.prepare("SELECT count(*) AS n FROM import_batches WHERE kind = 'import'").get() as {
      n: number;
    };
    d.close();
    expect(rows).toHaveLength(4 * UNITS * INDICATORS);
    for (const r of rows) {
      const q = Number(r.period.slice(-1));
      expect(r.value).toBe((Number(r.u.slice(1)) * 7 + Number(r.i.slice(1)) * 3 + q) % 997);
    }
    expect(batches.n).toBe(4);
  }, 60_000);

  it("4 imports into a database that does not exist yet (the first cron run) all succeed", async () => {
    const fresh = join(dir, "first-run.db");
    // the database named by DZKJ_DB, as in the crontab (a --db path that does not exist is an error)
    const results = await Promise.all(
      PROGRESS_FIXTURES.map((f) => dzkjAsync(["import", f], { env: { ...env, DZKJ_DB: fresh } })),
    );
    for (const r of results) {
      expect(r.stderr).not.toMatch(/locked|busy|internal error|内部错误/i);
      expect(r.code).toBe(0);
    }
    // exactly one of them created the database and loaded the plan
    expect(results.filter((r) => r.stderr.includes("已创建数据库")).length).toBe(1);
    expect(values(fresh)).toHaveLength(66);
    const d = new Database(fresh, { readonly: true });
    expect(d.pragma("journal_mode", { simple: true })).toBe("wal");
    expect((d.prepare("SELECT count(*) AS n FROM plans").get() as { n: number }).n).toBe(1);
    d.close();
  }, 60_000);

  it("of 8 commands started at once on a new path, exactly one says it created the database", async () => {
    // check-then-create let two of them both say so now and then (seen once in four runs)
    for (const round of [1, 2, 3, 4, 5]) {
      const fresh = join(dir, `created-${round}.db`);
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          dzkjAsync(["units", "--format", "json"], { env: { ...env, DZKJ_DB: fresh } }),
        ),
      );
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      expect(results.filter((r) => r.stderr.includes("已创建数据库")).length).toBe(1);
    }
  }, 60_000);

  it("a report during a large import sees the state before or after it, never half", async () => {
    const before = sumValues(db);
    expect(before.n).toBe(4 * UNITS * INDICATORS);
    const reportArgs = ["--db", db, "report", "--year", String(BIG_YEAR), "--format", "json"];
    const reportBefore = dzkj(reportArgs, { env });
    expect(reportBefore.code).toBe(0);

    // every value of the four quarters changes: a half-applied import would show a mix
    const big = join(dir, "revision.csv");
    bigCsv(big, UNITS, INDICATORS, [1, 2, 3, 4], 1);
    let importDone = false;
    const importRun = dzkjAsync(["--db", db, "import", big], { env }).then((r) => {
      importDone = true;
      return r;
    });
    const reader = new Database(db, { readonly: true });
    const probe = reader.prepare(
      "SELECT count(*) AS n, total(value) AS sum FROM progress_values WHERE plan_year = ?",
    );
    const samples: { n: number; sum: number }[] = [];
    const reports: { stdout: string; duringImport: boolean }[] = [];
    const sampler = setInterval(() => samples.push(probe.get(BIG_YEAR) as { n: number; sum: number }), 5);
    while (!importDone) {
      const startedDuring = !importDone;
      const r = await dzkjAsync(reportArgs, { env });
      expect(r.code).toBe(0);
      reports.push({ stdout: r.stdout, duringImport: startedDuring && !importDone });
    }
    clearInterval(sampler);
    reader.close();
    const imported = await importRun;
    expect(imported.stderr).not.toMatch(/locked|busy/i);
    expect(imported.code).toBe(0);
    const after = sumValues(db);
    expect(after.n).toBe(before.n);
    expect(after.sum).not.toBe(before.sum);
    const reportAfter = dzkj(reportArgs, { env }).stdout;
    expect(reportAfter).not.toBe(reportBefore.stdout);
    for (const s of samples) expect([before.sum, after.sum]).toContain(s.sum);
    expect(samples.length).toBeGreaterThan(0);
    // at least one report ran from start to end while the import was running
    expect(reports.some((r) => r.duringImport)).toBe(true);
    for (const r of reports) expect([reportBefore.stdout, reportAfter]).toContain(r.stdout);
  }, 60_000);

  it("a backup taken while a large import runs is consistent: before or after it, never half", async () => {
    const before = sumValues(db);
    const big = join(dir, "revision2.csv");
    bigCsv(big, UNITS, INDICATORS, [1, 2, 3, 4], 2);
    const importRun = dzkjAsync(["--db", db, "import", big], { env });
    // let the import get going, then back up while it holds the write lock
    await new Promise((r) => setTimeout(r, 600));
    const copy = join(dir, "during.db");
    const backup = await dzkjAsync(["--db", db, "backup", copy], { env });
    const imported = await importRun;
    expect(imported.code).toBe(0);
    expect(backup.code).toBe(0);
    const after = sumValues(db);
    expect(after.sum).not.toBe(before.sum);
    expect(integrity(copy)).toBe("ok");
    expect([before.sum, after.sum]).toContain(sumValues(copy).sum);
    expect(sumValues(copy).n).toBe(before.n);
  }, 60_000);

  it("an export while a large import runs is one snapshot: before or after it, never half", async () => {
    const before = sumValues(db);
    const big = join(dir, "revision4.csv");
    bigCsv(big, UNITS, INDICATORS, [1, 2, 3, 4], 4);
    const importRun = dzkjAsync(["--db", db, "import", big], { env });
    await new Promise((r) => setTimeout(r, 600));
    const out = join(dir, "export-during");
    const exported = await dzkjAsync(["--db", db, "export", out], { env });
    expect((await importRun).code).toBe(0);
    expect(exported.code, exported.stderr).toBe(0);
    const after = sumValues(db);
    expect(after.sum).not.toBe(before.sum);
    // progress_values.csv: plan_year,indicator_code,period,unit_code,value,…
    const rows = readFileSync(join(out, "progress_values.csv"), "utf8").split("\r\n").slice(1, -1);
    const year = rows.filter((r) => r.startsWith(`${BIG_YEAR},`));
    expect(year).toHaveLength(before.n);
    const sum = year.reduce((s, r) => s + Number(r.split(",")[4]), 0);
    expect([before.sum, after.sum]).toContain(sum);
  }, 60_000);

  it("a restore while an import runs: both finish, and the result is one of the two orders", async () => {
    const live = join(dir, "restore-live.db");
    const saved = join(dir, "restore-saved.db");
    expect(dzkj(["--db", db, "backup", live], { env }).code).toBe(0);
    expect(dzkj(["--db", live, "backup", saved], { env }).code).toBe(0);
    const atBackup = sumValues(saved);
    const revision = join(dir, "revision3.csv");
    bigCsv(revision, UNITS, INDICATORS, [1, 2, 3, 4], 3);
    const importRun = dzkjAsync(["--db", live, "import", revision], { env });
    await new Promise((r) => setTimeout(r, 600));
    const restore = await dzkjAsync(["--db", live, "restore", saved, "--yes"], { env });
    const imported = await importRun;
    expect(restore.code, restore.stderr).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    expect(integrity(live)).toBe("ok");
    // restore last: the saved state; restore first: the saved state plus the revision on top
    const revisedSum = (() => {
      let sum = 0;
      for (let q = 1; q <= 4; q++)
        for (let u = 0; u < UNITS; u++)
          for (let i = 0; i < INDICATORS; i++) sum += (u * 7 + i * 3 + q + 3) % 997;
      return sum;
    })();
    expect(revisedSum).not.toBe(atBackup.sum);
    expect([atBackup.sum, revisedSum]).toContain(sumValues(live).sum);
    expect(sumValues(live).n).toBe(atBackup.n);
  }, 60_000);
});

it("count helper agrees with the generator", () => {
  // guards the helpers the tests above rely on
  const f = join(tempDir().dir, "x.csv");
  expect(bigCsv(f, 3, 2, [1, 2])).toBe(12);
  expect(countValues(db)).toBe(4 * UNITS * INDICATORS);
});
