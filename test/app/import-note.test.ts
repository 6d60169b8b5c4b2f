/**
 * README "Re-importing": a file without a note column (备注) says nothing about notes, so a
 * re-import keeps the stored note; a file with one sets it, a blank cell clearing it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, tempDir, testEnv } from "../helpers.js";
import { runMain } from "../support/main.js";

let tmp: { dir: string; cleanup: () => void };
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  tmp = tempDir("dzkj-note-");
  env = testEnv(tmp.dir, { DZKJ_NOW: "2021-01-20T08:00:00Z", TZ: "UTC" });
});
afterAll(() => tmp.cleanup());

let n = 0;
function csv(text: string): string {
  const file = join(tmp.dir, `f${++n}.csv`);
  writeFileSync(file, text);
  return file;
}

/** The current stored state of 2020Q4 city hitech_enterprises: [value, note]. */
async function current(db: string): Promise<[number, string | null]> {
  const r = await runMain(
    ["--db", db, "history", "hitech_enterprises", "--unit", "city", "--format", "json"],
    env,
  );
  expect(r.code, r.stderr).toBe(0);
  const states = JSON.parse(r.stdout) as {
    period: string;
    value: number;
    note: string | null;
    supersededBy: unknown;
  }[];
  const s = states.filter((x) => x.period === "2020Q4" && x.supersededBy === null);
  expect(s).toHaveLength(1);
  return [s[0]!.value, s[0]!.note];
}

describe("a re-import and the stored note", () => {
  it.each([
    [
      "no note column: the note stays, nothing changes",
      "period,unit,indicator,value\n2020Q4,city,hitech_enterprises,72\n",
      [72, "含新认定 6 家"],
    ],
    [
      "no note column, a new value: the value changes, the note stays",
      "period,unit,indicator,value\n2020Q4,city,hitech_enterprises,73\n",
      [73, "含新认定 6 家"],
    ],
    [
      "a note column with a new note: the note changes",
      "period,unit,indicator,value,note\n2020Q4,city,hitech_enterprises,72,年报口径\n",
      [72, "年报口径"],
    ],
    [
      "a note column left blank: the note is cleared",
      "period,unit,indicator,value,note\n2020Q4,city,hitech_enterprises,72,\n",
      [72, null],
    ],
  ])("%s", async (_case, again, expected) => {
    const db = join(tmp.dir, `n${++n}.db`);
    await createDatabase(db);
    const first = csv("period,unit,indicator,value,note\n2020Q4,city,hitech_enterprises,72,含新认定 6 家\n");
    expect((await runMain(["--db", db, "import", first], env)).code).toBe(0);
    const r = await runMain(["--db", db, "import", csv(again)], env);
    expect(r.code, r.stderr).toBe(0);
    expect(await current(db)).toEqual(expected);
  });
});
