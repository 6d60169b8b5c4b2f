/**
 * The real-world sheets of fixtures/wild, saved as workbooks by LibreOffice
 * (scripts/make-workbook-fixtures.mjs): every .xlsx twin, and the .xls twins, import to the same
 * hand-worked values as the CSV (its .expect.json), or are refused with the same words.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { explain } from "../../src/i18n/index.js";
import type { Db } from "../../src/storage/database.js";
import { FIXTURES } from "../helpers.js";
import { freshDb, importFile, type StoredRow, sortRows, storedRows } from "./import-text.js";

interface Outcome {
  expect: "values" | "reject";
  values?: StoredRow[];
  mention?: string[];
}
interface Case extends Outcome {
  file: string;
  or?: Outcome;
}

const WILD = join(FIXTURES, "wild");
const TWINS = join(FIXTURES, "workbooks", "wild");
const cases: [string, string, Case][] = readdirSync(WILD)
  .filter((f) => f.endsWith(".expect.json"))
  .sort()
  .flatMap((f) => {
    const name = f.replace(".expect.json", "");
    const c = JSON.parse(readFileSync(join(WILD, f), "utf8")) as Case;
    return ["xlsx", "xls"]
      .filter((ext) => ext === "xlsx" || existsSync(join(TWINS, `${name}.${ext}`)))
      .map((ext) => [`${name}.${ext}`, ext, c] as [string, string, Case]);
  });

let db: Db | undefined;
afterEach(() => db?.close());

describe("fixtures/workbooks/wild: each workbook twin stores what its CSV stores", () => {
  it("has an .xlsx twin of every case and a few .xls twins", () => {
    expect(cases.filter(([, ext]) => ext === "xlsx").length).toBeGreaterThanOrEqual(9);
    expect(cases.filter(([, ext]) => ext === "xls").length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)("%s", async (file, ext, c) => {
    db = await freshDb();
    const o = await importFile(db, join(TWINS, file));
    expect(o.source?.format).toBe(ext);
    const rows = storedRows(db);
    const messages = o.problems.map((p) => explain("zh", p.reason)).join("\n");
    const matches = (e: Outcome): boolean => {
      if (e.expect === "values")
        return o.status === "imported" && JSON.stringify(rows) === JSON.stringify(sortRows(e.values!));
      return o.status === "rejected" && rows.length === 0 && e.mention!.every((w) => messages.includes(w));
    };
    if (!matches(c) && c.or && matches(c.or)) return;
    if (c.expect === "values") {
      expect(o.problems.map((p) => `${p.sheet}!${p.line}: ${explain("zh", p.reason)}`)).toEqual([]);
      expect(o.status).toBe("imported");
      expect(rows).toEqual(sortRows(c.values!));
    } else {
      expect(o.status).toBe("rejected");
      expect(rows).toEqual([]);
      for (const w of c.mention!) expect(messages).toContain(w);
      // a workbook's problems are located in a sheet, never by a line of the file
      for (const p of o.problems) if (p.line !== null) expect(p.sheet).toBeTruthy();
    }
  });
});
