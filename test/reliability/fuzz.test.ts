/**
 * Bad input, fuzzed: random bytes, NUL bytes, unclosed quotes, huge fields, 10,000 columns,
 * empty and header-only files, binary files and damaged fixtures. Never a crash or a stack
 * trace: a message naming the file, exit 1, the database unchanged. Many inputs go through the
 * importer in-process; a bounded sample goes through the real binary.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FileOutcome, importProgress } from "../../src/app/import-progress.js";
import { createCatalogFor } from "../../src/app/import-session.js";
import { loadPlanFile, openStore, type Store } from "../../src/app/store.js";
import { formatProblemLine } from "../../src/cli/problems.js";
import { PlanFileError } from "../../src/intake/plan-file.js";
import { values } from "../cli/db.js";
import { dzkjAsync, PROGRESS_FIXTURES, type RunResult, tempDir, testEnv } from "../helpers.js";
import { digest } from "./data.js";
import { hostileCsvCases, junkCsv, junkPlan, mutated, PLAN, VALID_FIXTURES } from "./inputs.js";

const NOW = new Date("2020-10-15T08:00:00Z");
let dir: string;
let cleanup: () => void;
let store: Store;
let n = 0;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("dzkj-fuzz-"));
  store = await openStore(join(dir, "fuzz.db"), NOW);
  // realistic content, so that "unchanged" means something
  const outcomes = await importProgress(store.db, createCatalogFor(store.db), PROGRESS_FIXTURES, {
    now: NOW,
  });
  expect(outcomes.map((o) => o.status)).toEqual(["imported", "imported", "imported", "imported"]);
});
afterAll(() => {
  store.db.close();
  cleanup();
});

function writeInput(bytes: Buffer, name = "input.csv"): string {
  const file = join(dir, `${++n}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

async function importOne(file: string): Promise<FileOutcome> {
  const outcomes = await importProgress(store.db, createCatalogFor(store.db), [file], { now: NOW });
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

/** A refused file: located problems naming it, and no trace of it in the database. */
function expectRefused(o: FileOutcome, file: string, before: string): void {
  expect(o.status).toBe("rejected");
  expect(o.problems.length).toBeGreaterThan(0);
  for (const p of o.problems) {
    expect(p.file).toBe(file);
    const line = formatProblemLine("en", p);
    expect(line.startsWith(`${file}:`)).toBe(true);
    // every message is a catalogue entry, not a raw key
    expect(line).not.toMatch(/\b(intake|import)\.[a-z]+\.[a-zA-Z]+\b/);
  }
  expect(store.db.inTransaction).toBe(false);
  expect(digest(store.path)).toBe(before);
}

describe("fuzzed progress files, in-process (importProgress)", () => {
  it("junk of every kind is refused with the file named, the database unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(junkCsv(), async (bytes) => {
        const before = digest(store.path);
        const file = writeInput(bytes);
        expectRefused(await importOne(file), file, before);
      }),
      { numRuns: 150, seed: 20201015 },
    );
  }, 60_000);

  it("fixed hostile files (empty, binary, PNG, zip, NUL, 1 MB fields, 10,000 columns) are refused", async () => {
    for (const [name, bytes] of hostileCsvCases()) {
      const before = digest(store.path);
      const file = writeInput(bytes, name);
      const o = await importOne(file);
      expect(o.status, name).toBe("rejected");
      expectRefused(o, file, before);
    }
  }, 60_000);

  it("a header-only file holds no figure: refused as having no data rows, nothing written", async () => {
    const before = digest(store.path);
    const file = writeInput(Buffer.from("period,unit,indicator,value,basis,note\n"), "header-only.csv");
    const o = await importOne(file);
    expect(o.status).toBe("rejected");
    expect(o.problems.map((p) => [p.line, p.reason.key])).toEqual([[1, "intake.file.noRows"]]);
    expectRefused(o, file, before);
  });

  it("damaged fixtures: either imported whole or refused untouched, never a crash", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutated(VALID_FIXTURES), async (bytes) => {
        const before = digest(store.path);
        const file = writeInput(bytes);
        const o = await importOne(file);
        expect(["imported", "rejected", "duplicate"]).toContain(o.status);
        if (o.status === "rejected") {
          refused++;
          expectRefused(o, file, before);
        } else expect(o.problems).toEqual([]);
      }),
      { numRuns: 200, seed: 4180 },
    );
    // the mutations are not all harmless: most of them must be caught
    expect(refused).toBeGreaterThan(50);
  }, 60_000);
});

describe("fuzzed plan files, in-process (loadPlanFile)", () => {
  it("junk plans are refused with a PlanFileError, the database unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(junkPlan(), async (bytes) => {
        const before = digest(store.path);
        const file = writeInput(bytes, "plan.json");
        await expect(loadPlanFile(store.db, file, NOW)).rejects.toBeInstanceOf(PlanFileError);
        expect(digest(store.path)).toBe(before);
      }),
      { numRuns: 150, seed: 327 },
    );
  }, 60_000);

  it("damaged plan files never crash: loaded or refused untouched", async () => {
    await fc.assert(
      fc.asyncProperty(mutated([PLAN]), async (bytes) => {
        const before = digest(store.path);
        const file = writeInput(bytes, "plan.json");
        try {
          await loadPlanFile(store.db, file, NOW);
        } catch (e) {
          expect(e).toBeInstanceOf(PlanFileError);
          expect((e as PlanFileError).problems.length).toBeGreaterThan(0);
          expect(digest(store.path)).toBe(before);
        }
      }),
      { numRuns: 60, seed: 2020 },
    );
  }, 60_000);
});

/** A run of the real binary on bad input: exit 1, the file named, no stack trace, no crash. */
function expectCleanRefusal(r: RunResult, file: string): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toContain(file);
  expect(r.stderr).toMatch(/^dzkj: error: /m);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr).not.toContain("internal error");
}

/** Runs the commands two at a time (2 cores). */
async function runAll<T>(items: T[], f: (x: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    [0, 1].map(async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await f(x);
    }),
  );
}

describe("fuzzed inputs through the real binary (bounded sample)", () => {
  let db: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    db = store.path;
    env = testEnv(dir, { DZKJ_NOW: NOW.toISOString(), DZKJ_LANG: "en" });
  });

  it("dzkj import refuses hostile and random files: exit 1, file named, database unchanged", async () => {
    const before = digest(db);
    const cases: [string, Buffer][] = [
      ...hostileCsvCases(),
      ...fc
        .sample(junkCsv(), { numRuns: 18, seed: 99 })
        .map((b, i): [string, Buffer] => [`junk-${i}.csv`, b]),
    ];
    await runAll(cases, async ([name, bytes]) => {
      const file = writeInput(bytes, name);
      expectCleanRefusal(await dzkjAsync(["--db", db, "import", file], { env }), file);
    });
    expect(digest(db)).toBe(before);
  }, 60_000);

  it("dzkj import refuses a header-only file, saying it has no data rows: exit 1, no value changed", async () => {
    const before = values(db);
    const file = writeInput(Buffer.from("period,unit,indicator,value,basis,note\r\n"), "header-only.csv");
    const r = await dzkjAsync(["--db", db, "import", file], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:1: there are no data rows under the header (line 1)`);
    expect(values(db)).toEqual(before);
  }, 30_000);

  it("dzkj init --plan refuses junk plan files: exit 1, file named, database unchanged", async () => {
    const before = digest(db);
    const cases: [string, Buffer][] = [
      ["empty.json", Buffer.alloc(0)],
      ["image.png", hostileCsvCases().find(([n]) => n === "image.png")![1]],
      ...fc
        .sample(junkPlan(), { numRuns: 12, seed: 7 })
        .map((b, i): [string, Buffer] => [`plan-${i}.json`, b]),
    ];
    await runAll(cases, async ([name, bytes]) => {
      const file = writeInput(bytes, name);
      expectCleanRefusal(await dzkjAsync(["--db", db, "init", "--plan", file], { env }), file);
    });
    expect(digest(db)).toBe(before);
  }, 60_000);
});
