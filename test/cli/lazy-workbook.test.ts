/**
 * SheetJS (@e965/xlsx, ~1 MB) is required only when a workbook is read: `dzkj report` and an
 * import of a CSV file never load it, so their start-up is what it was. Runs the built bundle with
 * a preload that records every module Node loads.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, FIXTURES, ROOT, tempDir, testEnv } from "../helpers.js";

let tmp: { dir: string; cleanup: () => void };
let preload: string;
let db: string;

beforeAll(async () => {
  tmp = tempDir("dzkj-lazy-");
  db = join(tmp.dir, "a.db");
  await createDatabase(db);
  preload = join(tmp.dir, "record.cjs");
  writeFileSync(
    preload,
    `const Module = require("node:module");
const load = Module._load;
const seen = new Set();
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(join(tmp.dir, "loaded.json"))}, JSON.stringify([...seen])));
`,
  );
});
afterAll(() => tmp.cleanup());

/** The modules `dzkj args…` asked Node for. */
function loaded(args: string[]): string[] {
  const r = spawnSync(
    process.execPath,
    ["--require", preload, join(ROOT, "bin", "dzkj.js"), "--db", db, ...args],
    {
      cwd: tmp.dir,
      env: testEnv(tmp.dir, { NO_COLOR: "1" }),
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  expect(r.stderr).not.toContain("Error");
  return JSON.parse(readFileSync(join(tmp.dir, "loaded.json"), "utf8")) as string[];
}

describe("the workbook library is loaded only to read a workbook", () => {
  it("is not bundled: the bundle requires it by name", () => {
    const bundle = readFileSync(join(ROOT, "dist", "cli.cjs"), "utf8");
    expect(bundle).toContain('"@e965/xlsx"');
    expect(bundle).not.toContain("cfb_new"); // a function of SheetJS's own code
  });

  it("report does not load it", () => expect(loaded(["report"])).not.toContain("@e965/xlsx"));

  it("importing a CSV file does not load it", () =>
    expect(loaded(["import", "--dry-run", join(FIXTURES, "progress", "2020Q1.csv")])).not.toContain(
      "@e965/xlsx",
    ));

  it("importing a workbook does", () =>
    expect(loaded(["import", "--dry-run", join(FIXTURES, "workbooks", "two-sheets.xlsx")])).toContain(
      "@e965/xlsx",
    ));
});
