// npm run bench: start-up, import throughput and report at scale, each against a baseline measured
// in the same run. Prints a table per case and exits 1 when a goal is missed.
//
//   node bench/run.mjs            full sizes (1,000,000-row import, 1,000,000 stored values)
//   node bench/run.mjs --quick    a tenth of the rows, fewer runs: for iterating (BENCH_QUICK=1 too)
//   node bench/run.mjs --only import,report   run some cases (startup, import, report, workbook)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makePlan, writePlan, writeProgressCsv } from "./lib/generate.mjs";
import { measureInterleaved, requireGnuTime } from "./lib/measure.mjs";
import { byUnitQuery, reportQuery } from "./lib/report-sql.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATA = join(ROOT, "bench", ".data");
// The bench runs a copy of the build (bin, dist, migrations, seeds), so that rebuilding the
// working tree during a long run cannot change the program half-way through it.
const SNAPSHOT = join(DATA, "build");
const BIN = join(SNAPSHOT, "bin", "dzkj.js");
const NODE = process.execPath;
const SQLITE = "sqlite3";

const args = process.argv.slice(2);
const QUICK = args.includes("--quick") || process.env.BENCH_QUICK === "1";
const onlyArg = args.find((a) => a.startsWith("--only"));
const ONLY = onlyArg ? (onlyArg.split("=")[1] ?? args[args.indexOf(onlyArg) + 1]).split(",") : null;
const want = (c) => !ONLY || ONLY.includes(c);

// Sizes: full = what issue 5 asks for; quick = a tenth of the units (so a tenth of the rows).
const UNITS = QUICK ? 20 : 200;
const RUNS = {
  startup: QUICK ? 5 : 15,
  import: QUICK ? 3 : 5,
  report: QUICK ? 3 : 5,
  workbook: QUICK ? 2 : 3,
};
const GOALS = { startup: 1.6, import: 3, importRssMiB: 128, decode: 1.15, report: 2, workbook: 1 };

requireGnuTime();
mkdirSync(DATA, { recursive: true });
rmSync(SNAPSHOT, { recursive: true, force: true });
// Timestamps kept: the code cache the build warmed is named after the bundle's mtime, and the
// bench measures an installed dzkj, cache included (a new mtime would let the first warm-up run,
// `--help`, write a cache holding only the help's code).
for (const part of ["bin", "dist", "migrations", "seeds", "package.json"])
  cpSync(join(ROOT, part), join(SNAPSHOT, part), { recursive: true, preserveTimestamps: true });
const env = { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", DZKJ_DB: join(DATA, "never-used.db") };
const results = [];
let failed = false;

function dzkjArgs(db, ...rest) {
  return [BIN, "--db", db, ...rest];
}

function dzkjSync(...a) {
  return execFileSync(NODE, a, { env, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
}

function rmDb(path) {
  for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(path + s, { force: true });
}

function copyDb(from, to) {
  rmDb(to);
  copyFileSync(from, to);
}

/** A table row: the case, its median and peak RSS, the baseline's median and the ratio. */
function record(group, name, r, base, goal, extra = {}) {
  const ratio = base ? r.ms / base.ms : null;
  const rssMiB = r.rssKiB / 1024;
  const okRatio = goal === undefined || ratio === null || ratio <= goal;
  const okRss = extra.rssGoalMiB === undefined || rssMiB <= extra.rssGoalMiB;
  const ok = okRatio && okRss;
  if (!ok) failed = true;
  results.push({
    group,
    name,
    ms: r.ms,
    runs: r.all,
    cpuMs: r.cpuMs,
    // GNU time counts CPU in 10 ms ticks: no ratio against a baseline that used less than a tick
    cpuRatio: base && base.cpuMs > 0 ? r.cpuMs / base.cpuMs : null,
    rssMiB,
    baseline: extra.baselineName ?? null,
    baseMs: base?.ms ?? null,
    ratio,
    goal: goal ?? null,
    rssGoalMiB: extra.rssGoalMiB ?? null,
    ok,
    ...(extra.rate ? { rowsPerSec: extra.rate } : {}),
  });
}

function printGroup(group, title) {
  const rows = results.filter((r) => r.group === group);
  const head = ["case", "median ms", "CPU ms", "peak RSS MiB", "baseline", "ratio", "CPU ratio", "goal", ""];
  const body = rows.map((r) => [
    r.name,
    r.ms.toFixed(1),
    r.cpuMs.toFixed(0),
    r.rssMiB.toFixed(1),
    r.baseline ? `${r.baseline} (${r.baseMs.toFixed(1)} ms)` : "—",
    r.ratio === null ? "—" : `${r.ratio.toFixed(2)}×`,
    r.cpuRatio === null ? "—" : `${r.cpuRatio.toFixed(2)}×`,
    [r.goal ? `≤ ${r.goal}×` : "", r.rssGoalMiB ? `RSS ≤ ${r.rssGoalMiB} MiB` : ""]
      .filter(Boolean)
      .join(", ") || "—",
    r.goal || r.rssGoalMiB ? (r.ok ? "ok" : "MISSED") : "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")}`;
  process.stdout.write(`\n${title}\n${line(head)}\n${line(widths.map((w) => "-".repeat(w)))}\n`);
  for (const b of body) process.stdout.write(`${line(b)}\n`);
}

function log(s) {
  process.stderr.write(`bench: ${s}\n`);
}

// ---------------------------------------------------------------------------------------------
// 1. Start-up: the fixtures in a database, then the shortest commands against `node -e 0`.
function benchStartup() {
  const db = join(DATA, "startup.db");
  rmDb(db);
  dzkjSync(...dzkjArgs(db, "init"));
  const fixtures = readdirSync(join(ROOT, "fixtures", "progress"))
    .sort()
    .map((f) => join(ROOT, "fixtures", "progress", f));
  dzkjSync(...dzkjArgs(db, "import", ...fixtures));
  log(`start-up: ${RUNS.startup} runs each, interleaved`);
  const cases = [
    { name: "node -e 0", cmd: NODE, args: ["-e", "0"], env },
    { name: "dzkj --help", cmd: NODE, args: [BIN, "--help"], env },
    { name: "dzkj report", cmd: NODE, args: dzkjArgs(db, "report"), env },
    { name: "dzkj status", cmd: NODE, args: dzkjArgs(db, "status"), env },
  ];
  const [base, ...rest] = measureInterleaved(cases, { runs: RUNS.startup, warmup: 2 });
  record("startup", "node -e 0", base);
  rest.forEach((r, i) => {
    record("startup", cases[i + 1].name, r, base, GOALS.startup, { baselineName: "node -e 0" });
  });
  printGroup("startup", "1. Start-up (fixtures database)");
}

// ---------------------------------------------------------------------------------------------
// 2. Import throughput: one long-format file of UNITS × 5,000 rows (1,000,000 at full size).
// The plan has 500 flow indicators (Q1–Q4) and 600 stock indicators (baseline + Q1–Q4), so every
// row is a distinct (plan year, indicator, period, unit): all of them are validated, inserted and
// recorded in the batch, nothing is an update of an earlier row.
async function benchImport() {
  const kinds = [...Array(500).fill("flow"), ...Array(600).fill("stock")];
  const plan = makePlan(2050, UNITS, kinds);
  const tag = `import-${UNITS}`;
  const planFile = join(DATA, `${tag}-plan.json`);
  const csv = join(DATA, `${tag}.csv`);
  const gb = join(DATA, `${tag}-gb18030.csv`);
  let rows = UNITS * (500 * 4 + 600 * 5);
  if (!existsSync(csv) || !existsSync(gb) || !existsSync(planFile)) {
    log(`generating ${rows.toLocaleString("en")} rows (UTF-8 and GB18030)`);
    writePlan(planFile, plan);
    rows = await writeProgressCsv(csv, plan, { seed: 2050 });
    await writeProgressCsv(gb, plan, { seed: 2050, encoding: "gb18030" });
  }
  const template = join(DATA, `${tag}-template.db`);
  rmDb(template);
  dzkjSync(...dzkjArgs(template, "init", "--plan", planFile));
  const runDb = join(DATA, `${tag}-run.db`);
  const shellDb = join(DATA, `${tag}-shell.db`);
  const mb = (statSync(csv).size / 1024 / 1024).toFixed(1);
  log(`import: ${rows.toLocaleString("en")} rows, ${mb} MB; ${RUNS.import} runs each, interleaved`);
  const cases = [
    {
      name: "sqlite3 .import --csv",
      cmd: SQLITE,
      args: [shellDb, `.import --csv ${csv} t`],
      env,
      before: () => rmDb(shellDb),
    },
    {
      name: "dzkj import (UTF-8)",
      cmd: NODE,
      args: dzkjArgs(runDb, "import", csv),
      env,
      before: () => copyDb(template, runDb),
    },
    {
      name: "dzkj import (GB18030)",
      cmd: NODE,
      args: dzkjArgs(runDb, "import", gb),
      env,
      before: () => copyDb(template, runDb),
    },
  ];
  const [shell, utf8, gbr] = measureInterleaved(cases, { runs: RUNS.import, warmup: 0 });
  checkImported(runDb, rows);
  const rate = (r) => Math.round(rows / (r.ms / 1000));
  record("import", cases[0].name, shell, null, undefined, { rate: rate(shell) });
  record("import", cases[1].name, utf8, shell, GOALS.import, {
    baselineName: "sqlite3",
    rssGoalMiB: GOALS.importRssMiB,
    rate: rate(utf8),
  });
  record("import", cases[2].name, gbr, shell, GOALS.import, {
    baselineName: "sqlite3",
    rssGoalMiB: GOALS.importRssMiB,
    rate: rate(gbr),
  });
  record("import", "GB18030 decoding cost", gbr, utf8, GOALS.decode, { baselineName: "UTF-8 import" });
  printGroup("import", `2. Import throughput (${rows.toLocaleString("en")} rows, ${mb} MB)`);
  for (const r of results.filter((x) => x.group === "import" && x.rowsPerSec))
    process.stdout.write(`  ${r.name}: ${r.rowsPerSec.toLocaleString("en")} rows/s\n`);
}

/** The last run really stored every row (a fast no-op would be a fake win). */
function checkImported(db, rows) {
  const n = Number(execFileSync(SQLITE, [db, "SELECT count(*) FROM progress_values WHERE plan_year = 2050"]));
  if (n !== rows) throw new Error(`bench: import stored ${n} values, expected ${rows}`);
}

// ---------------------------------------------------------------------------------------------
// 3. Report at scale: 10 plan years × UNITS units × 100 indicators × 5 quarters, loaded with
// `dzkj init --plan` and `dzkj import --year`, then read back.
const YEARS = Array.from({ length: 10 }, (_, i) => 2031 + i);
const REPORT_YEAR = 2040;

async function buildScaleDb() {
  const kinds = Array.from({ length: 100 }, (_, i) => (i % 5 === 4 ? "rate" : "stock"));
  // the database depends on the schema: rebuild it whenever a migration changes
  const schema = createHash("sha256");
  for (const f of readdirSync(join(SNAPSHOT, "migrations")).sort())
    schema.update(f).update(readFileSync(join(SNAPSHOT, "migrations", f)));
  const tag = `scale-${UNITS}-${schema.digest("hex").slice(0, 12)}`;
  const db = join(DATA, `${tag}.db`);
  if (existsSync(db)) return db;
  for (const f of readdirSync(DATA)) if (f.startsWith("scale-") && f.endsWith(".db")) rmDb(join(DATA, f));
  const tmp = `${db}.building`;
  rmDb(tmp);
  for (const year of YEARS) {
    const plan = makePlan(year, UNITS, kinds);
    const planFile = join(DATA, `scale-${UNITS}-${year}-plan.json`);
    const csv = join(DATA, `scale-${UNITS}-${year}.csv`);
    writePlan(planFile, plan);
    const n = await writeProgressCsv(csv, plan, { seed: year });
    log(`report at scale: loading plan ${year} and ${n.toLocaleString("en")} values`);
    dzkjSync(...dzkjArgs(tmp, "init", "--plan", planFile));
    dzkjSync(...dzkjArgs(tmp, "import", "--year", String(year), csv));
    rmSync(csv);
  }
  execFileSync(SQLITE, [tmp, "PRAGMA wal_checkpoint(TRUNCATE);"]);
  rmDb(tmp.replace(/$/, "-wal"));
  copyFileSync(tmp, db);
  rmDb(tmp);
  return db;
}

async function benchReport() {
  const db = await buildScaleDb();
  const stored = Number(execFileSync(SQLITE, [db, "SELECT count(*) FROM progress_values"]));
  const expected = YEARS.length * UNITS * 100 * 5;
  if (stored !== expected)
    throw new Error(`bench: scale database holds ${stored} values, expected ${expected}`);
  const reportJson = (...extra) =>
    execFileSync(NODE, dzkjArgs(db, "report", "--format", "json", "--year", String(REPORT_YEAR), ...extra), {
      env,
      maxBuffer: 1 << 28,
      encoding: "utf8",
    });
  // The baselines: what each command computes, as one query for the sqlite3 shell (bench/lib/report-sql.mjs).
  // Before timing anything, check that the queries and dzkj agree on every figure: a baseline
  // that computed less (or something else) would make a meaningless ratio.
  const sqlReport = reportQuery(REPORT_YEAR);
  const sqlByUnit = byUnitQuery(REPORT_YEAR);
  checkBaselines(db, sqlReport, sqlByUnit, reportJson(), reportJson("--by", "unit"));
  // For reference only (no goal): the plain sum of every value by indicator and period, the
  // baseline of earlier runs. It ignores the report's rules (a stock's quarters are not summable).
  const naive = `SELECT i.code, i.name, v.period, sum(v.value), count(*)
    FROM (SELECT indicator_code, period, sum(value) AS value FROM progress_values
          WHERE plan_year = ${REPORT_YEAR} GROUP BY indicator_code, period) v
    JOIN indicators i ON i.plan_year = ${REPORT_YEAR} AND i.code = v.indicator_code
    GROUP BY i.code, v.period ORDER BY i.ordinal, v.period;`;
  log(`report at scale: ${stored.toLocaleString("en")} values; ${RUNS.report} runs each, interleaved`);
  const cases = [
    { name: "sqlite3: the report's query", cmd: SQLITE, args: [db, sqlReport], env },
    {
      name: "dzkj report --format json",
      cmd: NODE,
      args: dzkjArgs(db, "report", "--format", "json", "--year", String(REPORT_YEAR)),
      env,
    },
    { name: "sqlite3: the --by unit query", cmd: SQLITE, args: [db, sqlByUnit], env },
    {
      name: "dzkj report --by unit --format json",
      cmd: NODE,
      args: dzkjArgs(db, "report", "--by", "unit", "--format", "json", "--year", String(REPORT_YEAR)),
      env,
    },
    { name: "sqlite3: plain sums (reference)", cmd: SQLITE, args: [db, naive], env },
  ];
  const [shellReport, json, shellByUnit, by, shellNaive] = measureInterleaved(cases, {
    runs: RUNS.report,
    warmup: 1,
  });
  record("report", cases[0].name, shellReport);
  record("report", cases[1].name, json, shellReport, GOALS.report, { baselineName: "sqlite3 report" });
  record("report", cases[2].name, shellByUnit);
  record("report", cases[3].name, by, shellByUnit, GOALS.report, { baselineName: "sqlite3 --by unit" });
  record("report", cases[4].name, shellNaive);
  record("report", "dzkj report --format json, vs plain sums", json, shellNaive, undefined, {
    baselineName: "sqlite3 plain sums",
  });
  printGroup(
    "report",
    `3. Report at scale (${stored.toLocaleString("en")} stored values, year ${REPORT_YEAR})`,
  );
}

/**
 * Throws unless the shell's queries give dzkj's figures: every indicator's baseline, actual,
 * expected, status, forecast, gap, completion and units reported, and every unit's figure.
 */
function checkBaselines(db, sqlReport, sqlByUnit, reportText, byUnitText) {
  const shell = (sql) =>
    JSON.parse(execFileSync(SQLITE, ["-json", db, sql], { encoding: "utf8", maxBuffer: 1 << 28 }) || "[]");
  const same = (a, b) =>
    (a ?? null) === (b ?? null) ||
    (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
  const differ = (what, a, b) => {
    throw new Error(
      `bench: the sqlite3 baseline and dzkj disagree on ${what}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`,
    );
  };
  const report = JSON.parse(reportText);
  const rows = shell(sqlReport);
  if (rows.length !== report.indicators.length)
    differ("the number of indicators", rows.length, report.indicators.length);
  rows.forEach((row, k) => {
    const line = report.indicators[k];
    if (row.code !== line.code) differ(`the order of indicator ${k}`, row.code, line.code);
    for (const f of [
      "baseline",
      "actual",
      "expected",
      "status",
      "forecast",
      "gap",
      "completion",
      "unitsReported",
    ])
      if (!same(row[f], line[f])) differ(`${line.code} ${f}`, row[f], line[f]);
  });
  const byUnit = JSON.parse(byUnitText);
  const lines = new Map(byUnit.indicators.map((l) => [l.code, l]));
  let figures = 0;
  for (const row of shell(sqlByUnit)) {
    const line = lines.get(row.indicator);
    if (!line) differ("an indicator", row.indicator, null);
    if (row.unit === null) {
      for (const [f, g] of [
        ["figure", "actual"],
        ["total", "total"],
        ["sum", "sum"],
      ])
        if (!same(row[f], line[g])) differ(`${row.indicator} ${g}`, row[f], line[g]);
    } else {
      figures++;
      if (!same(row.figure, line.units[row.unit]))
        differ(`${row.indicator} of ${row.unit}`, row.figure, line.units[row.unit]);
    }
  }
  const expected = byUnit.indicators.reduce(
    (n, l) => n + Object.values(l.units).filter((v) => v !== null).length,
    0,
  );
  if (figures !== expected) differ("the number of unit figures", figures, expected);
  log(
    `report at scale: the sqlite3 baselines give dzkj's figures (${rows.length} indicators, ${figures} unit figures)`,
  );
}

// ---------------------------------------------------------------------------------------------
// 4. A workbook: 100,000 rows as an .xlsx (LibreOffice's, from the generated CSV; kept in DATA),
// imported by dzkj, against what a user would do without workbook import: LibreOffice converts it
// to CSV (`soffice --headless --convert-to csv`), then dzkj imports the CSV. Goal: dzkj alone is
// faster than the round trip. Always 100,000 rows (20 units × 5,000), also with --quick.
async function benchWorkbook() {
  const units = 20;
  const kinds = [...Array(500).fill("flow"), ...Array(600).fill("stock")];
  const plan = makePlan(2050, units, kinds);
  const tag = `workbook-${units}`;
  const planFile = join(DATA, `${tag}-plan.json`);
  const csv = join(DATA, `${tag}.csv`);
  const xlsx = join(DATA, `${tag}.xlsx`);
  const profile = join(DATA, "soffice-profile");
  const soffice = (...a) => [`-env:UserInstallation=file://${profile}`, "--headless", ...a];
  let rows = units * (500 * 4 + 600 * 5);
  if (!existsSync(xlsx) || !existsSync(planFile)) {
    log(
      `workbook: generating ${rows.toLocaleString("en")} rows and converting them to .xlsx with LibreOffice`,
    );
    writePlan(planFile, plan);
    rows = await writeProgressCsv(csv, plan, { seed: 2050 });
    execFileSync(
      "soffice",
      soffice("--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", DATA, csv),
      {
        stdio: "ignore",
      },
    );
    rmSync(csv);
  }
  const template = join(DATA, `${tag}-template.db`);
  rmDb(template);
  dzkjSync(...dzkjArgs(template, "init", "--plan", planFile));
  const runDb = join(DATA, `${tag}-run.db`);
  const outDir = join(DATA, `${tag}-csv`);
  mkdirSync(outDir, { recursive: true });
  const converted = join(outDir, `${tag}.csv`);
  const mb = (statSync(xlsx).size / 1024 / 1024).toFixed(1);
  log(`workbook: ${rows.toLocaleString("en")} rows, ${mb} MB .xlsx; ${RUNS.workbook} runs each, interleaved`);
  const roundTrip = [
    `soffice ${soffice("--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", outDir, xlsx)
      .map((a) => `'${a}'`)
      .join(" ")} >/dev/null 2>&1`,
    `'${NODE}' ${dzkjArgs(runDb, "import", converted)
      .map((a) => `'${a}'`)
      .join(" ")}`,
  ].join(" && ");
  const cases = [
    {
      name: "soffice --convert-to csv, then dzkj import",
      cmd: "sh",
      args: ["-c", roundTrip],
      env,
      before: () => {
        copyDb(template, runDb);
        rmSync(converted, { force: true });
      },
    },
    {
      name: "dzkj import (xlsx)",
      cmd: NODE,
      args: dzkjArgs(runDb, "import", xlsx),
      env,
      before: () => copyDb(template, runDb),
    },
  ];
  // one warm-up: LibreOffice's first start in a new profile writes the profile (not a user's cost)
  const [trip, direct] = measureInterleaved(cases, { runs: RUNS.workbook, warmup: 1 });
  checkImported(runDb, rows);
  const rate = (r) => Math.round(rows / (r.ms / 1000));
  record("workbook", cases[0].name, trip, null, undefined, { rate: rate(trip) });
  record("workbook", cases[1].name, direct, trip, GOALS.workbook, {
    baselineName: "soffice + import",
    rate: rate(direct),
  });
  printGroup("workbook", `4. A workbook (${rows.toLocaleString("en")} rows, ${mb} MB .xlsx)`);
}

// ---------------------------------------------------------------------------------------------
const sqliteVersion = execFileSync(SQLITE, ["--version"], { encoding: "utf8" }).split(" ")[0];
process.stdout.write(
  `dzkj bench${QUICK ? " (--quick)" : ""}: node ${process.version}, sqlite3 ${sqliteVersion}, ` +
    `${cpus().length} × ${cpus()[0]?.model ?? "?"}\n`,
);
if (want("startup")) benchStartup();
if (want("import")) await benchImport();
if (want("report")) await benchReport();
if (want("workbook")) await benchWorkbook();
writeFileSync(
  join(DATA, `results${QUICK ? "-quick" : ""}.json`),
  `${JSON.stringify({ date: new Date().toISOString(), quick: QUICK, node: process.version, sqlite: sqliteVersion, results }, null, 1)}\n`,
);
process.stdout.write(failed ? "\nbench: a goal was MISSED\n" : "\nbench: every goal met\n");
process.exitCode = failed ? 1 : 0;
