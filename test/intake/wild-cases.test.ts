/**
 * The real-world sheets of fixtures/wild (modelled on what county offices send: title blocks, CR
 * line endings, zero-width characters, 单位：万元 lines, total rows, footers, office names …): each
 * imports to exactly the values its .expect.json gives, worked out by hand, or is refused with the
 * words it names.
 */
import { readdirSync, readFileSync } from "node:fs";
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
  args: string[];
  or?: Outcome;
}

const DIR = join(FIXTURES, "wild");
const cases: [string, Case][] = readdirSync(DIR)
  .filter((f) => f.endsWith(".expect.json"))
  .sort()
  .map((f) => [f.replace(".expect.json", ""), JSON.parse(readFileSync(join(DIR, f), "utf8")) as Case]);

let db: Db | undefined;
afterEach(() => db?.close());

describe("fixtures/wild: every real-world sheet imports to its hand-worked values", () => {
  it("holds the cases", () => expect(cases.length).toBeGreaterThanOrEqual(9));

  it.each(cases)("%s", async (_name, c) => {
    expect(c.args).toEqual([]); // none of the cases needs an option
    db = await freshDb();
    const o = await importFile(db, join(DIR, c.file));
    const rows = storedRows(db);
    const messages = o.problems.map((p) => explain("zh", p.reason)).join("\n");
    const matches = (e: Outcome): boolean => {
      if (e.expect === "values")
        return o.status === "imported" && JSON.stringify(rows) === JSON.stringify(sortRows(e.values!));
      return o.status === "rejected" && rows.length === 0 && e.mention!.every((w) => messages.includes(w));
    };
    if (!matches(c) && c.or && matches(c.or)) return;
    // the main outcome, asserted in full so that a failure shows what differs
    if (c.expect === "values") {
      expect(o.problems.map((p) => `${p.line}: ${explain("zh", p.reason)}`)).toEqual([]);
      expect(o.status).toBe("imported");
      expect(rows).toEqual(sortRows(c.values!));
    } else {
      expect(o.status).toBe("rejected");
      expect(rows).toEqual([]);
      for (const w of c.mention!) expect(messages).toContain(w);
    }
  });
});
