/**
 * bin/dzkj.js compiles the bundle through a V8 code cache kept next to it (dist/cli.cjs.v8-*.cache).
 * The cache may only ever make dzkj faster: these tests run a private copy of the installation
 * (so the shared dist/ is never touched) and check that a missing cache is written, a damaged one
 * is replaced without changing what dzkj prints, and DZKJ_CODE_CACHE=0 writes none.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, ROOT, tempDir, testEnv } from "../helpers.js";

let tmp: { dir: string; cleanup: () => void };
let install: string;

beforeAll(async () => {
  tmp = tempDir("dzkj-cache-");
  install = join(tmp.dir, "dzkj");
  await createDatabase(join(tmp.dir, "a.db"));
  for (const part of ["bin", "migrations", "seeds", "package.json"])
    cpSync(join(ROOT, part), join(install, part), { recursive: true });
  // the bundle alone, without the cache the build warmed
  cpSync(join(ROOT, "dist", "cli.cjs"), join(install, "dist", "cli.cjs"));
  symlinkSync(join(ROOT, "node_modules"), join(install, "node_modules"), "dir");
});
afterAll(() => tmp.cleanup());

function run(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(install, "bin", "dzkj.js"), ...args], {
    cwd: tmp.dir,
    env: testEnv(tmp.dir, extra),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const caches = () => readdirSync(join(install, "dist")).filter((f) => f.endsWith(".cache"));

describe("the code cache of bin/dzkj.js", () => {
  it("is not written when DZKJ_CODE_CACHE=0, and dzkj still works", () => {
    const r = run(["--db", join(tmp.dir, "a.db"), "report"], { DZKJ_CODE_CACHE: "0" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("目标进度");
    expect(caches()).toEqual([]);
  });

  it("is written by the first run, named after V8's version, and leaves no temp file", () => {
    const r = run(["--db", join(tmp.dir, "a.db"), "report"]);
    expect(r.code).toBe(0);
    const { size, mtimeMs } = statSync(join(install, "dist", "cli.cjs"));
    expect(caches()).toEqual([`cli.cjs.v8-${process.versions.v8}-${size}-${Math.trunc(mtimeMs)}.cache`]);
    expect(readdirSync(join(install, "dist")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(statSync(join(install, "dist", caches()[0]!)).size).toBeGreaterThan(10_000);
  });

  it("gives the same output with the cache as without it", () => {
    const db = join(tmp.dir, "a.db");
    const cached = run(["--db", db, "status", "--format", "json"]);
    const uncached = run(["--db", db, "status", "--format", "json"], { DZKJ_CODE_CACHE: "0" });
    expect(cached.code).toBe(0);
    expect(cached.stdout).toBe(uncached.stdout);
    expect(JSON.parse(cached.stdout).summary.total).toBe(23);
  });

  it("is replaced when V8 refuses it (damaged), without changing the output", () => {
    const file = join(install, "dist", caches()[0]!);
    writeFileSync(file, Buffer.alloc(4096, 7));
    const r = run(["--db", join(tmp.dir, "a.db"), "report", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Dazhou 2020");
    const rewritten = readFileSync(file);
    expect(rewritten.equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(rewritten.length).toBeGreaterThan(10_000);
  });

  it("is never used for a different bundle of the same length (V8 checks only the length)", () => {
    const bundle = join(install, "dist", "cli.cjs");
    const text = readFileSync(bundle, "utf8");
    // the same length, other behaviour: the English help's first line changes
    const edited = text.replace("show the version", "SHOW THE VERSION");
    expect(edited.length).toBe(text.length);
    writeFileSync(bundle, edited);
    const r = run(["--lang", "en", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("SHOW THE VERSION");
    writeFileSync(bundle, text);
    expect(run(["--lang", "en", "--help"]).stdout).toContain("show the version");
  });

  it("without a built bundle, says how to build it (exit 1, no stack trace)", () => {
    const bundle = join(install, "dist", "cli.cjs");
    renameSync(bundle, `${bundle}.away`);
    try {
      const r = run(["report"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`dzkj: ${bundle} is missing: run \`npm run build\` in ${install}\n`);
    } finally {
      renameSync(`${bundle}.away`, bundle);
    }
  });

  it("keeps the exit code and message of a usage error", () => {
    const r = run(["bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("未知的命令 bogus");
  });
});
