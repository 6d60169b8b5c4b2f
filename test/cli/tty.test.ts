/**
 * What only a real process shows: the terminal's own width (a pseudo-terminal made by script(1)
 * at 80 columns), COLUMNS for a pipe, and the whole table for a bare pipe.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayWidth } from "../../src/render/width.js";
import { BIN, createDatabase, dzkj, PROGRESS_FIXTURES, tempDir, testEnv } from "../helpers.js";

const { dir, cleanup } = tempDir();
const env = testEnv(dir, { DZKJ_NOW: "2020-10-15T08:00:00Z", TZ: "UTC", NO_COLOR: "1" });
const db = join(dir, "t.db");
beforeAll(async () => {
  await createDatabase(db);
  expect(dzkj(["--db", db, "import", ...PROGRESS_FIXTURES], { env }).code).toBe(0);
});
afterAll(() => cleanup());

const widest = (out: string) => Math.max(...out.split(/\r?\n/).map((l) => displayWidth(l)));

describe("the width of a real run", () => {
  it("in an 80-column terminal no line of report, status or tasks is wider than 80", () => {
    for (const command of ["report", "status", "tasks"]) {
      // script(1) runs the command on a pseudo-terminal; stty sets its size
      const r = spawnSync(
        "script",
        ["-qec", `stty cols 80 rows 50; "${process.execPath}" "${BIN}" --db "${db}" ${command}`, "/dev/null"],
        { env, encoding: "utf8", timeout: 60_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout, command).toContain("|");
      expect(widest(r.stdout), command).toBeLessThanOrEqual(80);
    }
  });

  it("a pipe takes COLUMNS when set, and keeps the whole table when not", () => {
    const narrow = dzkj(["--db", db, "report"], { env: { ...env, COLUMNS: "100" } });
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(100);
    // unlimited: the report's ten columns and its long section headings are wider than 120
    const whole = dzkj(["--db", db, "report"], { env });
    expect(widest(whole.stdout)).toBeGreaterThan(120);
    expect(whole.stdout).not.toContain("未显示");
  });
});
