/**
 * The two write paths of a large import behave alike: rows of a period with nothing stored yet
 * are held in arrays and inserted in key order at the end of the file; rows of a period that
 * already has values go one by one (insert, update with history, or unchanged). One file can mix both.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { dump, type Row, values } from "../cli/db.js";
import { DAZHOU_UNITS, databasePerTest, dzkj, PROGRESS_FIXTURES, type RunResult } from "../helpers.js";

const Q1 = PROGRESS_FIXTURES[1]!; // 2020Q1.csv: 通川区 key_tech_projects = 2, 达川区 = 1, …
const t = databasePerTest((run) => expect(run("import", Q1).code).toBe(0));
const { run } = t;
const file = (name: string, lines: string[]): string =>
  t.write(name, `period,unit,indicator,value,basis,note\n${lines.join("\n")}\n`);

describe("a file mixing a stored period and a new one", () => {
  it("updates, keeps and inserts as row-by-row would, with the replaced value in the history", () => {
    const mixed = file("mixed.csv", [
      "2020Q1,通川区,key_tech_projects,3,ytd,更正", // stored period: an update (2 → 3)
      "2020Q1,达川区,key_tech_projects,1,ytd,", // stored period: unchanged
      "2020Q2,通川区,key_tech_projects,4,ytd,", // new period: held
      "2020Q2,达川区,key_tech_projects,3,ytd,", // new period: held
      "2020Q2,达川区,key_tech_projects,3,ytd,", // the same value twice: harmless
    ]);
    const r = run("import", "--format", "json", mixed);
    expect(r.code).toBe(0);
    const [o] = JSON.parse(r.stdout) as { inserted: number; updated: number; unchanged: number }[];
    expect(o).toMatchObject({ inserted: 2, updated: 1, unchanged: 1 });
    const got = (period: string, unit: string) =>
      values(t.db).find(
        (v) => v.period === period && v.unit_code === unit && v.indicator_code === "key_tech_projects",
      );
    expect(got("2020Q1", "tongchuan")).toMatchObject({ value: 3, note: "更正" });
    expect(got("2020Q1", "dachuan")).toMatchObject({ value: 1 });
    expect(got("2020Q2", "tongchuan")).toMatchObject({ value: 4, basis: "ytd" });
    expect(got("2020Q2", "dachuan")).toMatchObject({ value: 3 });
    const h = new Database(t.db, { readonly: true });
    const history = h
      .prepare(
        "SELECT period, unit_code AS unit, value FROM value_history WHERE indicator_code = 'key_tech_projects'",
      )
      .all();
    h.close();
    expect(history).toEqual([{ period: "2020Q1", unit: "tongchuan", value: 2 }]);
  });

  it("refuses the file whole when a new period has the same key twice with different values", () => {
    const before = dump(t.db);
    const clash = file("clash.csv", [
      "2020Q1,通川区,key_tech_projects,3,ytd,",
      "2020Q2,通川区,key_tech_projects,4,ytd,",
      "2020Q2,通川,key_tech_projects,5,ytd,",
    ]);
    const r = run("import", clash);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${clash}:4:`);
    expect(dump(t.db)).toEqual(before);
  });

  it("a dry run of a new period reports the inserts and writes nothing", () => {
    const before = dump(t.db);
    const q2 = file("q2.csv", [
      "2020Q2,通川区,key_tech_projects,4,ytd,",
      "2020Q2,渠县,key_tech_projects,2,ytd,",
    ]);
    const r = run("import", "--dry-run", "--format", "json", q2);
    expect(r.code).toBe(0);
    const [o] = JSON.parse(r.stdout) as { status: string; inserted: number; changes: unknown[] }[];
    expect(o).toMatchObject({ status: "dry-run", inserted: 2 });
    expect(o!.changes).toHaveLength(2);
    expect(dump(t.db)).toEqual(before);
  });
});

describe("a new period's rows held in arrays", () => {
  const UNITS = DAZHOU_UNITS;
  const INDICATORS: [code: string, kind: string, unit: string][] = [
    ["key_tech_projects", "flow", "项"],
    ["hitech_enterprises", "stock", "家"],
    ["hitech_industry_revenue", "flow", "亿元"],
    ["tech_contract_value", "flow", "万元"],
    ["st_progress_contribution", "rate", "%"],
    ["online_consultations", "flow", "次"],
  ];
  /** Every (period, unit, indicator) of Q2 and Q3 with varied values, bases and notes, shuffled. */
  const bigFile = (): string[] => {
    const lines: string[] = [];
    let k = 0;
    for (const period of ["2020Q3", "2020Q2"])
      for (const unit of UNITS)
        for (const [code, kind, measure] of INDICATORS) {
          k++;
          const whole = measure !== "亿元" && measure !== "万元" && measure !== "%";
          const value = whole ? k % 37 : (k % 53) + 0.1 + (k % 7) / 100;
          // online_consultations: every row plain (ytd, no note), written with the short row form
          const plain = code === "online_consultations";
          const basis = plain ? "" : kind === "flow" && k % 3 === 0 ? "本期" : k % 2 ? "ytd" : "";
          const note = !plain && k % 5 === 0 ? `备注${k}，"引号"` : "";
          lines.push(`${period},${unit},${code},${value},${basis},"${note.replaceAll('"', '""')}"`);
        }
    // a fixed shuffle: the file's order must not matter
    return lines
      .map((l, i) => [(i * 7919) % lines.length, l] as const)
      .sort((a, b) => a[0] - b[0])
      .map((x) => x[1]);
  };
  const counts = (r: RunResult) => JSON.parse(r.stdout)[0] as { inserted: number; unchanged: number };

  it("are stored exactly as the row-by-row path stores them", () => {
    const lines = bigFile();
    const big = file("big.csv", lines);
    // the same file into a second database where both periods already hold a value: row by row
    const other = join(t.dir, "other.db");
    expect(dzkj(["--db", other, "init"], { env: t.env }).code).toBe(0);
    expect(dzkj(["--db", other, "import", Q1], { env: t.env }).code).toBe(0);
    const first = file("first.csv", [
      lines.find((l) => l.startsWith("2020Q2"))!,
      lines.find((l) => l.startsWith("2020Q3"))!,
    ]);
    expect(dzkj(["--db", other, "import", first], { env: t.env }).code).toBe(0);
    const rowByRow = dzkj(["--db", other, "import", "--format", "json", big], { env: t.env });
    expect(rowByRow.code).toBe(0);
    expect(counts(rowByRow)).toMatchObject({ inserted: lines.length - 2, unchanged: 2 });

    const held = run("import", "--format", "json", big);
    expect(held.code).toBe(0);
    expect(counts(held)).toMatchObject({ inserted: lines.length, unchanged: 0 });
    const stored = values(t.db);
    expect(stored).toEqual(values(other));
    // and it is what the file says (not just the same mistake twice)
    const got = (period: string, unit: string, indicator: string): Row | undefined =>
      stored.find((v) => v.period === period && v.unit_code === unit && v.indicator_code === indicator);
    expect(got("2020Q2", "tongchuan", "hitech_industry_revenue")).toBeDefined();
    expect(stored.filter((v) => v.basis === "period").length).toBeGreaterThan(0);
    expect(stored.filter((v) => v.note?.includes('"引号"')).length).toBeGreaterThan(0);
    expect(stored.filter((v) => v.period === "2020Q2" || v.period === "2020Q3")).toHaveLength(lines.length);
  });

  it("are undone like any other batch", () => {
    const before = values(t.db);
    const r = run("import", "--format", "json", file("big.csv", bigFile()));
    expect(r.code).toBe(0);
    const id = (JSON.parse(r.stdout)[0] as { batchId: number }).batchId;
    expect(run("imports", "undo", String(id)).code).toBe(0);
    expect(values(t.db)).toEqual(before);
  });
});
