/**
 * UTF-8 files go to the CSV parser as their own bytes, checked chunk by chunk but not decoded
 * (other encodings are decoded to text first). These tests hold the byte path to what decoding
 * gave: every character intact across the reader's 64 KiB chunks, a bad byte refused on its own
 * line however deep in the file, a character cut off at the end refused, a doubled BOM dropped.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { type CsvRecord, openCsv } from "../../src/intake/csv-reader.js";
import { FileError } from "../../src/intake/errors.js";
import { dump, values } from "../cli/db.js";
import { databasePerTest } from "../helpers.js";

const HEADER = "period,unit,indicator,value,basis,note\n";
const UNITS = ["通川区", "达川区", "宣汉县", "开江县", "大竹县", "渠县", "万源市"];

const t = databasePerTest((run) => expect(run("init").code).toBe(0));
const { run, write } = t;

/** `rows` data rows whose notes mix 1-, 2-, 3- and 4-byte characters, so chunks cut through them. */
function rows(n: number): { text: string; notes: string[] } {
  const notes: string[] = [];
  let text = HEADER;
  for (let i = 0; i < n; i++) {
    const note = `备注${i}é😀${"字".repeat(i % 7)}`;
    notes.push(note);
    text += `2020Q1,${UNITS[i % UNITS.length]},key_tech_projects,${i},ytd,${note}\n`;
  }
  return { text, notes };
}

async function readAll(path: string): Promise<CsvRecord[] | FileError> {
  const out: CsvRecord[] = [];
  try {
    for await (const r of (await openCsv(path)).records) out.push(r);
  } catch (e) {
    if (e instanceof FileError) return e;
    throw e;
  }
  return out;
}

describe("UTF-8 read as bytes", () => {
  it("keeps every character across chunk boundaries, the same as the GB18030 copy decoded to text", async () => {
    const { text, notes } = rows(60_000); // ~3.6 MB: dozens of chunk boundaries inside characters
    const utf8 = await readAll(write("utf8.csv", text));
    const gb = await readAll(write("gb.csv", iconv.encode(text.replaceAll("😀", "☺"), "gb18030")));
    if (utf8 instanceof FileError || gb instanceof FileError) throw new Error("refused");
    expect(utf8).toHaveLength(notes.length + 1);
    expect(utf8.slice(1).map((r) => r.cells[5])).toEqual(notes);
    expect(utf8.map((r) => r.line)).toEqual(gb.map((r) => r.line));
    expect(utf8.map((r) => r.cells.join("|").replaceAll("😀", "☺"))).toEqual(
      gb.map((r) => r.cells.join("|")),
    );
  });

  it("refuses a bad byte past the 2 MB mark on its own line, and writes nothing", async () => {
    const { text } = rows(40_000);
    const bytes = Buffer.from(text);
    // a lone 0xFF in place of the first byte of a row's value, past 2 MB
    let at: number = bytes.indexOf(",key_tech_projects,", 2 * 1024 * 1024) + ",key_tech_projects,".length;
    bytes[at] = 0xff;
    let line = 1;
    for (let i = bytes.indexOf(10); i !== -1 && i < at; i = bytes.indexOf(10, i + 1)) line++;
    expect(line).toBeGreaterThan(25_000);
    const path = write("bad.csv", bytes);
    const e = await readAll(path);
    expect(e).toBeInstanceOf(FileError);
    expect((e as FileError).problem).toMatchObject({ line, reason: { key: "intake.file.badEncoding" } });

    const before = dump(t.db);
    const r = run("import", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:${line}:`);
    expect(dump(t.db)).toEqual(before);

    // a lead byte followed by an ASCII digit at the very start of a later line: that line
    const later = Buffer.from(text);
    at = later.indexOf(10, at) + 1;
    later[at] = 0xc3;
    const e2 = await readAll(write("bad2.csv", later));
    expect((e2 as FileError).problem.line).toBe(line + 1);
  });

  it("refuses a character cut off by the end of the file, on the last line", async () => {
    const text = `${HEADER}2020Q1,通川区,key_tech_projects,2,ytd,ok\n2020Q1,达川区,key_tech_projects,1,ytd,断`;
    const bytes = Buffer.from(text);
    const path = write("cut.csv", bytes.subarray(0, bytes.length - 1));
    const e = await readAll(path);
    expect((e as FileError).problem).toMatchObject({ line: 3, reason: { key: "intake.file.badEncoding" } });
  });

  it("drops a second BOM right after the first, as decoding did", async () => {
    const path = write(
      "two-boms.csv",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(rows(3).text)]),
    );
    const records = await readAll(path);
    if (records instanceof FileError) throw records;
    expect(records[0]!.cells[0]).toBe("period");
    expect(run("import", path).code).toBe(0);
    expect(values(t.db)).toHaveLength(3);
  });
});

describe("line numbers after quoted line breaks", () => {
  // 2,000 plain rows (~120 KB, several chunks) before the first quote of the file, then records
  // whose notes span 2 and 3 lines, then plain rows again: each record starts on its physical line
  const plain = (i: number) => `2020Q1,${UNITS[i % UNITS.length]},key_tech_projects,${i},ytd,说明${i}\n`;
  let text = HEADER;
  for (let i = 0; i < 2000; i++) text += plain(i);
  text += `2020Q2,通川区,key_tech_projects,1,ytd,"第一行\n第二行"\n`;
  text += `2020Q2,达川区,key_tech_projects,2,ytd,"a\r\nb\nc"\r\n`;
  for (let i = 0; i < 3; i++) text += plain(i);
  // header line 1, plain rows on lines 2–2001, the quoted records on 2002 (2 lines) and 2004 (3 lines)
  const expected = [1, ...Array.from({ length: 2000 }, (_, i) => i + 2), 2002, 2004, 2007, 2008, 2009];

  it.each([
    ["UTF-8", (t: string) => Buffer.from(t, "utf8")],
    ["GB18030", (t: string) => iconv.encode(t, "gb18030")],
  ] as const)("%s", async (_name, encode) => {
    const records = await readAll(write("quoted.csv", encode(text)));
    if (records instanceof FileError) throw new Error("refused");
    expect(records.map((r) => r.line)).toEqual(expected);
    expect(records[2001]!.cells[5]).toBe("第一行\n第二行");
    expect(records[2002]!.cells[5]).toBe("a\r\nb\nc");
  });
});
