/**
 * Limits: a file over --max-file-mb, or a line (record) over 1 MB, is refused with a message that
 * names the file, the line and the limit, and the database stays exactly as it was — instead of
 * the importer reading it all into memory.
 */
import { describe, expect, it } from "vitest";
import { openCsv } from "../../src/intake/csv-reader.js";
import { FileError } from "../../src/intake/errors.js";
import { dump, values } from "../cli/db.js";
import { databasePerTest } from "../helpers.js";

const MB = 1024 * 1024;
const HEADER = "period,unit,indicator,value,basis,note\n";
const ROW = "2020Q1,通川区,key_tech_projects,2,ytd,";

const t = databasePerTest((run) => expect(run("init").code).toBe(0));
const { run, write: file } = t;

describe("a line over 1 MB", () => {
  it("is refused naming the file, the line and the limit; nothing is written", () => {
    const path = file("long-note.csv", `${HEADER}${ROW}ok\n${ROW}${"长".repeat(MB + 10)}\n`);
    const before = dump(t.db);
    const r = run("import", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:3: 该行超过 1 MB`);
    expect(r.stderr).toContain("数据库未作任何修改");
    expect(dump(t.db)).toEqual(before);
  });

  it("counts the delimiters too: a million short cells on one line are refused", () => {
    const path = file("many-cells.csv", `${HEADER}${ROW}${"ab,".repeat(400_000)}\n`);
    const r = run("import", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:2: 该行超过 1 MB`);
    expect(values(t.db)).toEqual([]);
  });

  it("is refused even without any line break in the whole file", () => {
    const path = file("no-newline.csv", `${HEADER}${"x".repeat(3 * MB)}`);
    const r = run("--lang", "en", "import", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:2: this line is longer than 1 MB`);
  });

  it("a line just under the limit is imported with its long note intact", () => {
    const note = "注".repeat(MB - 100);
    const path = file("long-but-ok.csv", `${HEADER}${ROW}${note}\n`);
    const r = run("import", path);
    expect(r.code).toBe(0);
    const stored = values(t.db);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.note).toBe(note);
  });
});

describe("the line limit counts characters, not bytes", () => {
  const read = async (text: string) => {
    const path = file("chars.csv", text);
    const { records } = await openCsv(path, { limits: { maxFileBytes: 10 * MB, maxLineBytes: 100 } });
    const lines: number[] = [];
    for await (const r of records) lines.push(r.line);
    return lines;
  };

  it("takes a line of 90 Chinese characters (270 bytes) under a 100-character limit", async () => {
    expect(await read(`a,b\n${"长".repeat(90)},x\nc,d\n`)).toEqual([1, 2, 3]);
  });

  it("refuses a line of 101 characters, ASCII or Chinese, at its own line", async () => {
    for (const long of ["x".repeat(101), "长".repeat(101)]) {
      const err = await read(`a,b\nc,d\n${long}\n`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileError);
      expect((err as FileError).problem.line).toBe(3);
    }
  });
});

describe("a record spread over lines by quoted line breaks", () => {
  it("is held to the same limit and located at its first line", async () => {
    const path = file("quoted.csv", `${HEADER}${ROW}ok\n${ROW}"${"a\n".repeat(60)}"\n`);
    const { records } = await openCsv(path, { limits: { maxFileBytes: 10 * MB, maxLineBytes: 100 } });
    const err = await (async () => {
      for await (const _ of records);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).problem.line).toBe(3);
    expect((err as FileError).problem.reason.key).toBe("intake.file.lineTooLong");
  });
});

describe("--max-file-mb", () => {
  // one row, then empty lines (skipped by the importer) up to 2 KB
  const content = `${HEADER}${ROW}note\n`.padEnd(2048, "\n");

  it("refuses a file over the limit, says how to raise it, and writes nothing", () => {
    const path = file("two-kb.csv", content);
    const before = dump(t.db);
    const r = run("import", "--max-file-mb", "0.001", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}: 文件太大（2 KB，上限 1 KB）`);
    expect(r.stderr).toContain("--max-file-mb");
    expect(dump(t.db)).toEqual(before);
  });

  it("says it in English with --lang en", () => {
    const path = file("two-kb.csv", content);
    const r = run("--lang", "en", "import", "--max-file-mb", "0.001", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}: the file is too large (2 KB, limit 1 KB)`);
    expect(r.stderr).toContain("raise the limit with --max-file-mb");
  });

  it("imports the same file once the limit is raised", () => {
    const path = file("two-kb.csv", content);
    const r = run("import", "--max-file-mb", "0.01", path);
    expect(r.code).toBe(0);
    expect(values(t.db)).toHaveLength(1);
  });

  it("rejects a limit that is not a positive number as a usage error", () => {
    const path = file("two-kb.csv", content);
    const r = run("import", "--max-file-mb", "zero", path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--max-file-mb");
  });
});
