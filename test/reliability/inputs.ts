/** Hostile inputs for the fuzz tests: binary files made here, and fast-check arbitraries. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { FIXTURES, ROOT } from "../helpers.js";

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A valid 2×2 RGB PNG. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A valid zip archive (stored, no compression) holding `name` with `content` — e.g. a CSV zipped by mistake. */
export function zip(name: string, content: Buffer): Buffer {
  const fname = Buffer.from(name, "utf8");
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fname.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fname.length, 28);
  const cdOffset = local.length + fname.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fname.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, fname, content, central, fname, end]);
}

export const VALID_FIXTURES = [
  "progress/2020Q1.csv",
  "progress/2020Q3.csv",
  "variants/canonical.csv",
  "variants/gb18030-units.csv",
  "variants/utf16le-tab.txt",
  "variants/wide-title-rows.csv",
  "variants/messy-county.csv",
].map((f) => readFileSync(join(FIXTURES, f)));

export const PLAN = readFileSync(join(ROOT, "seeds", "plan-2020.json"));

/** A valid file with byte-level damage: deletions, insertions, replacements, truncation. */
export function mutated(sources: readonly Buffer[]): fc.Arbitrary<Buffer> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
    fc.record({
      kind: fc.constant("text" as const),
      at: fc.nat(),
      text: fc.constantFrom(
        '"',
        '""',
        ",",
        "\n",
        "\r",
        "\t",
        ";",
        "\0",
        "\uFEFF",
        "－",
        "１２",
        "亿元",
        "%",
        "e9",
        "NaN",
        "-",
        "2019Q4",
      ),
    }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  );
  return fc
    .record({ source: fc.constantFrom(...sources), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) })
    .map(({ source, edits }) => {
      let b = Buffer.from(source);
      for (const e of edits) {
        const at = b.length ? e.at % (b.length + 1) : 0;
        if (e.kind === "delete") b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.len)]);
        else if (e.kind === "insert")
          b = Buffer.concat([b.subarray(0, at), Buffer.from(e.bytes), b.subarray(at)]);
        else if (e.kind === "text")
          b = Buffer.concat([b.subarray(0, at), Buffer.from(e.text, "utf8"), b.subarray(at)]);
        else b = b.subarray(0, at);
      }
      return b;
    });
}

const HEADER = "period,unit,indicator,value,basis,note\n";

/** Inputs that are never a valid progress file: each must be refused. */
export function junkCsv(): fc.Arbitrary<Buffer> {
  return fc.oneof(
    // random bytes
    fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((a) => Buffer.from(a)),
    // NUL bytes inside an otherwise valid file
    fc
      .tuple(
        fc.constantFrom(...VALID_FIXTURES.slice(0, 3)),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      )
      .map(([src, ats]) => {
        let b = Buffer.from(src);
        for (const at of ats) {
          const i = at % (b.length + 1);
          b = Buffer.concat([b.subarray(0, i), Buffer.from([0]), b.subarray(i)]);
        }
        return b;
      }),
    // a quote opened and never closed
    fc
      .tuple(fc.constantFrom(...VALID_FIXTURES.slice(0, 3)), fc.nat(), fc.string({ maxLength: 20 }))
      .map(([src, at, tail]) => {
        const text = src.toString("utf8");
        const lines = text.split("\n").filter((l) => l);
        const i = 1 + (at % (lines.length - 1));
        const cells = lines[i]!.split(",");
        cells[3] = `"${cells[3]}${tail.replace(/"/g, "")}`;
        lines[i] = cells.join(",");
        return Buffer.from(lines.join("\n"), "utf8");
      }),
    // random text that is not a progress sheet
    fc.string({ unit: "binary", maxLength: 2000 }).map((s) => Buffer.from(`x${s}`, "utf8")),
    // a valid header followed by garbage rows
    fc
      .array(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 4, maxLength: 7 }), {
        minLength: 1,
        maxLength: 20,
      })
      .map((rows) =>
        Buffer.from(
          HEADER +
            rows.map((r) => ["2020Q9", ...r].map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n"),
          "utf8",
        ),
      ),
  );
}

/** Fixed hostile cases: name, bytes. Every one of them must be refused (exit 1). */
export function hostileCsvCases(): [string, Buffer][] {
  const mb = 1024 * 1024;
  return [
    ["empty.csv", Buffer.alloc(0)],
    ["only-bom.csv", Buffer.from("\uFEFF", "utf8")],
    ["blank-lines.csv", Buffer.from("\n\n\r\n,,,\n", "utf8")],
    ["image.png", png()],
    ["zipped.zip", zip("2020Q1.csv", VALID_FIXTURES[0]!)],
    ["workbook.xlsx", zip("[Content_Types].xml", Buffer.from('<?xml version="1.0"?><Types/>'))],
    ["nul.csv", Buffer.concat([Buffer.from(HEADER), Buffer.alloc(100)])],
    // a 1 MB value field: within the line limit, but not a number
    [
      "one-mb-value.csv",
      Buffer.from(`${HEADER}2020Q1,tongchuan,key_tech_projects,${"9".repeat(mb - 100)},ytd,\n`),
    ],
    // a 2 MB field: over the 1 MiB line limit
    [
      "two-mb-field.csv",
      Buffer.from(`${HEADER}2020Q1,tongchuan,key_tech_projects,1,ytd,${"注".repeat(2 * mb)}\n`),
    ],
    ["unclosed-at-eof.csv", Buffer.from(`${HEADER}2020Q1,tongchuan,key_tech_projects,"1`)],
    // 10,000 columns, none of them a known column
    [
      "ten-thousand-columns.csv",
      Buffer.from(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",")}\n${"1,".repeat(9_999)}1\n`),
    ],
    // 10,000 columns after a valid header: every extra cell is an unknown column in a long file
    [
      "ten-thousand-cells.csv",
      Buffer.from(`${HEADER}2020Q1,tongchuan,key_tech_projects,abc,ytd,${",x".repeat(9_994)}\n`),
    ],
  ];
}

/** Inputs that are never a valid plan file. */
export function junkPlan(): fc.Arbitrary<Buffer> {
  const plan = JSON.parse(PLAN.toString("utf8"));
  return fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
    fc
      .json()
      .filter((j) => j !== "")
      .map((j) => Buffer.from(j)),
    // truncated plan JSON
    fc.nat().map((at) => PLAN.subarray(0, at % (PLAN.length - 1))),
    // a wrong value in a required field
    fc
      .tuple(
        fc.constantFrom("units", "indicators", "sections", "tasks"),
        fc.nat(),
        fc.constantFrom(null, -1, -0.5, "", [], {}, true),
      )
      .map(([list, i, bad]) => {
        const p = structuredClone(plan);
        const items = p[list] as Record<string, unknown>[];
        const item = items[i % items.length]!;
        const key = ["code", "number", "name", "title", "target"].find((k) => k in item)!;
        item[key] = bad;
        return Buffer.from(JSON.stringify(p));
      }),
  );
}
