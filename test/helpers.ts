/** Shared test helpers: run the built dzkj binary against a temporary database. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = join(ROOT, "bin", "dzkj.js");
export const FIXTURES = join(ROOT, "fixtures");

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temp folder (removed by the returned cleanup). */
export function tempDir(prefix = "dzkj-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The environment for a test run: HOME and XDG_DATA_HOME point into `dir` so that no test can
 * touch the user's default database, colour off, a fixed clock unless given.
 */
export function testEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_DATA_HOME: join(dir, "xdg"),
    LANG: "C.UTF-8",
    ...extra,
  };
  return env;
}

/**
 * Creates the database at `path` as `dzkj --db PATH init` does (the schema and the embedded 2020
 * plan), in-process: a `--db` path that does not exist is an error for every other command.
 */
export async function createDatabase(path: string): Promise<void> {
  const { openStore } = await import("../src/app/store.js");
  const store = await openStore(path, new Date("2020-10-15T08:00:00Z"));
  store.db.close();
}

/** Runs `dzkj args…` synchronously (cwd = repo root). */
export function dzkj(
  args: string[],
  opts: { env: NodeJS.ProcessEnv; input?: string; cwd?: string },
): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: opts.env,
    input: opts.input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `dzkj args…` asynchronously (for concurrency tests). */
export function dzkjAsync(args: string[], opts: { env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: opts.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The four 2020 progress fixtures (baseline, Q1, Q2, Q3) in import order. */
export const PROGRESS_FIXTURES = ["2019Q4-baseline.csv", "2020Q1.csv", "2020Q2.csv", "2020Q3.csv"].map((f) =>
  join(FIXTURES, "progress", f),
);

/** The names of the 2020 plan's ten reporting units, in plan order (seeds/plan-2020.json). */
export const DAZHOU_UNITS = [
  "全市",
  "市本级",
  "通川区",
  "达川区",
  "宣汉县",
  "开江县",
  "大竹县",
  "渠县",
  "万源市",
  "达州高新区",
];

/**
 * A temp folder with a database in it (created with the embedded plan), new for every test of the
 * file (beforeEach, removed afterEach), prepared by `setup` (e.g. `init`, or an import). `run` runs dzkj against that
 * database with a fixed clock (`env`, for running it against another database too); `write` puts
 * a file in the folder and returns its path.
 */
export function databasePerTest(setup: (run: (...args: string[]) => RunResult) => void) {
  let dir = "";
  let cleanup = () => {};
  let env: NodeJS.ProcessEnv = {};
  const t = {
    get dir() {
      return dir;
    },
    get db() {
      return join(dir, "test.db");
    },
    get env() {
      return env;
    },
    run: (...args: string[]): RunResult => dzkj(["--db", t.db, ...args], { env }),
    write: (name: string, content: string | Uint8Array): string => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    env = testEnv(dir, { DZKJ_NOW: "2020-10-15T08:00:00Z" });
    await createDatabase(t.db); // a --db that does not exist is an error (only init creates one)
    setup(t.run);
  });
  afterEach(() => cleanup());
  return t;
}

/**
 * Markdown with its table rows' padding squeezed to one space (`| a    |  1 |` → `| a | 1 |`), so a
 * test can name a row's cells without counting the spaces that line the columns up.
 */
export function squeezeTables(md: string): string {
  return md
    .split("\n")
    .map((l) => (l.startsWith("|") ? l.replace(/ {2,}/g, " ") : l))
    .join("\n");
}
