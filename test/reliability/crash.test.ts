/**
 * Crash safety: a large import killed with SIGKILL at a random moment leaves a sound database
 * holding none of that file; re-importing then works. Ctrl-C (SIGINT) stops cleanly with exit 130.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, dzkj, ROOT, tempDir, testEnv } from "../helpers.js";
import { BIG_YEAR, bigCsv, bigPlan, countValues, digest, integrity } from "./data.js";

const UNITS = 100;
const INDICATORS = 50;
const ROWS = UNITS * INDICATORS * 4;
let dir: string;
let cleanup: () => void;
let base: string;
let big: string;
let env: NodeJS.ProcessEnv;
/** wall time of one complete import of the big file on this machine, now */
let fullImportMs = 0;
/** wall time of a command that only opens the database (start-up, before the import begins) */
let startupMs = 0;

beforeAll(() => {
  ({ dir, cleanup } = tempDir("dzkj-crash-"));
  base = join(dir, "base.db");
  env = testEnv(dir, { DZKJ_NOW: "2021-12-31T08:00:00Z" });
  writeFileSync(join(dir, "plan.json"), bigPlan(UNITS, INDICATORS));
  expect(dzkj(["--db", base, "init", "--plan", join(dir, "plan.json")], { env }).code).toBe(0);
  big = join(dir, "big.csv");
  expect(bigCsv(big, UNITS, INDICATORS, [1, 2, 3, 4])).toBe(ROWS);
  // calibrate: how long a whole import takes here, so that kills land inside it
  const calib = join(dir, "calib.db");
  copyFileSync(base, calib);
  const t0 = Date.now();
  const r = dzkj(["--db", calib, "import", big], { env });
  fullImportMs = Date.now() - t0;
  expect(r.code).toBe(0);
  const t1 = Date.now();
  expect(dzkj(["--db", calib, "units"], { env }).code).toBe(0);
  startupMs = Math.min(Date.now() - t1, fullImportMs);
  expect(countValues(calib)).toBe(ROWS);
}, 60_000);
afterAll(() => cleanup());

/** Starts an import of the big file; resolves with how it ended. */
function startImport(db: string): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [BIN, "--db", db, "import", big], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** A small deterministic PRNG (mulberry32) so a failing run can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("crash safety", () => {
  it("SIGKILL at a random moment: integrity ok, none of the file stored, re-import works", async () => {
    const seed = Date.now() % 1_000_000;
    const random = prng(seed);
    let killedRunning = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const db = join(dir, `kill-${attempt}.db`);
      copyFileSync(base, db);
      const before = digest(db);
      const { child, done } = startImport(db);
      // a random moment from start-up to 90% of the import itself
      const delay = Math.round(startupMs * random() + 0.9 * random() * (fullImportMs - startupMs));
      const timer = setTimeout(() => child.kill("SIGKILL"), delay);
      const end = await done;
      clearTimeout(timer);
      const context = `seed ${seed}, attempt ${attempt}, delay ${delay} ms of ${fullImportMs} ms (start-up ${startupMs} ms)`;
      expect(integrity(db), context).toBe("ok");
      if (end.signal === "SIGKILL") {
        killedRunning++;
        expect(countValues(db), context).toBe(0);
        expect(digest(db), context).toBe(before);
      } else {
        // it finished first: then all of it is there
        expect(end.code, context).toBe(0);
        expect(countValues(db), context).toBe(ROWS);
      }
      const again = dzkj(["--db", db, "import", big], { env });
      expect(again.code, context).toBe(0);
      expect(countValues(db), context).toBe(ROWS);
      expect(integrity(db), context).toBe("ok");
    }
    expect(killedRunning, `seed ${seed}`).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it("SIGINT (Ctrl-C) mid-import: a clean message, exit 130, nothing written", async () => {
    // Ctrl-C must land after start-up (before, Node's default handler ends the process) and
    // before the end of the import: aim at the middle, and adjust if a run missed that window
    let delay = startupMs + 0.5 * (fullImportMs - startupMs);
    let end: { code: number | null; signal: string | null; stderr: string } | undefined;
    let db = "";
    let before = "";
    for (let attempt = 0; attempt < 5; attempt++) {
      db = join(dir, `sigint-${attempt}.db`);
      copyFileSync(base, db);
      before = digest(db);
      const run = startImport(db);
      const timer = setTimeout(() => run.child.kill("SIGINT"), Math.round(delay));
      end = await run.done;
      clearTimeout(timer);
      if (end.code === 130) break;
      // ended by the signal itself: too early; exited 0: too late
      delay = end.signal ? delay + 0.25 * (fullImportMs - startupMs) : Math.max(startupMs, delay * 0.7);
    }
    end = end!;
    expect(end.code).toBe(130);
    expect(end.stderr).toContain("已中断");
    expect(end.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(integrity(db)).toBe("ok");
    expect(digest(db)).toBe(before);
    expect(countValues(db, BIG_YEAR)).toBe(0);
  }, 60_000);
});
