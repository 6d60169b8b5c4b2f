import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  createDecoder,
  DecodeError,
  detectDelimiter,
  detectEncoding,
  type Encoding,
  firstInvalidUtf8,
  type Gb18030Engine,
  gb18030Boundary,
  gb18030Engine,
} from "../../src/intake/decode.js";

const CSV =
  "报告期,填报单位,指标名称,数值,备注\r\n" +
  "2020年第三季度,通川区,高新技术企业（家）,12,“柔性引进国(境)外人才”\r\n" +
  '2020Q3,达川区,技术合同登记额,"5,600",𠀀😀€ 罕见字\r\n';

const bytes = (...b: number[]) => new Uint8Array(b);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const enc = (text: string, encoding: string, addBOM = false) =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM }));

/** Decodes `data` in chunks of the given sizes (the last chunk takes the rest). */
function decodeChunked(
  encoding: Encoding,
  data: Uint8Array,
  sizes: number[],
  engine: Gb18030Engine = gb18030Engine(),
): string {
  const decoder = createDecoder(encoding, engine);
  let out = "";
  let at = 0;
  for (const size of sizes) {
    if (at >= data.length) break;
    out += decoder.write(data.subarray(at, at + size));
    at += size;
  }
  if (at < data.length) out += decoder.write(data.subarray(at));
  return out + decoder.end();
}

describe("detectEncoding", () => {
  it.each([
    ["a UTF-8 BOM", bytes(0xef, 0xbb, 0xbf, 0x61), "utf8", 3],
    ["a UTF-16LE BOM", bytes(0xff, 0xfe, 0x61, 0x00), "utf16le", 2],
    ["a UTF-16BE BOM", bytes(0xfe, 0xff, 0x00, 0x61), "utf16be", 2],
    [
      "a UTF-8 BOM before GBK bytes (the BOM wins)",
      concat(bytes(0xef, 0xbb, 0xbf), enc("通川区", "gb18030")),
      "utf8",
      3,
    ],
    ["ASCII", new TextEncoder().encode("a,b,c\n1,2,3\n"), "utf8", 0],
    ["nothing", new Uint8Array(0), "utf8", 0],
    ["UTF-8 Chinese", new TextEncoder().encode(CSV), "utf8", 0],
    ["GB18030 Chinese", enc(CSV, "gb18030"), "gb18030", 0],
    ["GBK Chinese", enc("报告期,填报单位\r\n2020年,通川区\r\n", "gbk"), "gb18030", 0],
  ] as const)("%s → %s", (_what, head, encoding, bom) => {
    expect(detectEncoding(head)).toEqual({ encoding, bom });
  });

  it("a UTF-8 character cut off at the very end of the head is still UTF-8", () => {
    const full = new TextEncoder().encode("报告期,填报单位,通川区");
    for (let cut = full.length - 1; cut > full.length - 3; cut--) {
      expect(detectEncoding(full.subarray(0, cut)).encoding).toBe("utf8");
    }
    const emoji = new TextEncoder().encode("a😀");
    for (const cut of [2, 3, 4]) expect(detectEncoding(emoji.subarray(0, cut)).encoding).toBe("utf8");
  });

  it("an invalid byte at the very end is not excused as a cut-off character", () => {
    expect(detectEncoding(bytes(0x61, 0x62, 0xc0)).encoding).toBe("gb18030"); // C0 never starts UTF-8
    expect(detectEncoding(bytes(0x61, 0xe4, 0x61)).encoding).toBe("gb18030"); // lead byte then ASCII
    expect(detectEncoding(bytes(0x61, 0xbd)).encoding).toBe("gb18030"); // lone continuation byte
  });

  it("GBK bytes that look like UTF-8 sequences still go to gb18030 when they fail strict UTF-8", () => {
    // 联通 in GBK is C1 AA CD A8: lead/continuation shaped (110xxxxx 10xxxxxx), but C1 is overlong
    const liantong = enc("联通", "gbk");
    expect([...liantong]).toEqual([0xc1, 0xaa, 0xcd, 0xa8]);
    expect(detectEncoding(liantong)).toEqual({ encoding: "gb18030", bom: 0 });
    // 浣犲ソ in GBK is exactly the UTF-8 bytes of 你好: valid UTF-8 on its own …
    const ambiguous = enc("浣犲ソ", "gbk");
    expect(new TextDecoder("utf-8", { fatal: true }).decode(ambiguous)).toBe("你好");
    // … so the whole head decides: more GBK text after it breaks UTF-8
    const file = enc("浣犲ソ,报告期,通川区\r\n", "gbk");
    expect(detectEncoding(file)).toEqual({ encoding: "gb18030", bom: 0 });
    expect(createDecoder("gb18030").write(file)).toBe("浣犲ソ,报告期,通川区\r\n");
  });

  it("documented limit: a head that is entirely valid UTF-8 is UTF-8, even if it was meant as GBK", () => {
    expect(detectEncoding(enc("浣犲ソ", "gbk")).encoding).toBe("utf8");
  });

  it.each([
    ["utf8 override keeps a UTF-8 BOM", bytes(0xef, 0xbb, 0xbf, 0x61), "utf8", 3],
    ["gb18030 override on UTF-8 bytes", new TextEncoder().encode("通川区"), "gb18030", 0],
    ["utf16le override with its BOM", bytes(0xff, 0xfe, 0x61, 0x00), "utf16le", 2],
    ["utf16le override ignores a BE BOM", bytes(0xfe, 0xff, 0x00, 0x61), "utf16le", 0],
    ["utf8 override on GBK bytes", enc("通川区", "gbk"), "utf8", 0],
  ] as const)("override: %s", (_what, head, override, bom) => {
    expect(detectEncoding(head, override)).toEqual({ encoding: override, bom });
  });
});

describe("createDecoder: round trips", () => {
  it.each([
    ["utf8", new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, "utf8")])), 3],
    ["gb18030", enc(CSV, "gb18030"), 0],
    ["utf16le", enc(CSV, "utf16le", true), 2],
    ["utf16be", enc(CSV, "utf16be", true), 2],
  ] as const)("%s: detect, skip the BOM, decode → the original text", (encoding, data, bom) => {
    expect(detectEncoding(data)).toEqual({ encoding, bom });
    const d = createDecoder(encoding);
    expect(d.write(data.subarray(bom)) + d.end()).toBe(CSV);
  });

  it.each([
    ["utf8", new Uint8Array(Buffer.from(`\uFEFF${CSV}`, "utf8"))],
    ["utf16le", enc(CSV, "utf16le", true)],
    ["utf16be", enc(CSV, "utf16be", true)],
  ] as const)("%s: a BOM left in the bytes is dropped from the text", (encoding, data) => {
    const d = createDecoder(encoding);
    const text = d.write(data) + d.end();
    expect(text).toBe(CSV);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("only one leading BOM is dropped; U+FEFF later in the text stays", () => {
    const d = createDecoder("utf8");
    expect(d.write(new TextEncoder().encode("\uFEFFa\uFEFFb")) + d.end()).toBe("a\uFEFFb");
  });

  it("the BOM is dropped even when it arrives one byte at a time", () => {
    const data = new Uint8Array(Buffer.from(`\uFEFF通川`, "utf8"));
    expect(decodeChunked("utf8", data, [1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe("通川");
    const le = enc("通川", "utf16le", true);
    expect(decodeChunked("utf16le", le, [1, 1, 1, 1, 1])).toBe("通川");
  });

  // 4-byte GB18030 / surrogate-pair characters next to ASCII: the hardest chunk splits
  const TEXT = `${CSV}x𠀀,😀;a\n𠀀😀\n`;
  const samples: [Encoding, Uint8Array][] = [
    ["utf8", new TextEncoder().encode(TEXT)],
    ["gb18030", enc(TEXT, "gb18030")],
    ["utf16le", enc(TEXT, "utf16le")],
    ["utf16be", enc(TEXT, "utf16be")],
  ];

  it.each(samples)(
    "%s: chunks of every fixed size 1–7 split multi-byte characters and still decode",
    (encoding, data) => {
      for (let size = 1; size <= 7; size++) {
        expect(decodeChunked(encoding, data, Array(data.length).fill(size))).toBe(TEXT);
      }
    },
  );

  it("gb18030: a 4-byte character split after each of its bytes (iconv-lite's own streaming loses the b)", () => {
    const data = enc("a𠀀b", "gb18030");
    expect(data.length).toBe(6); // a + 4 bytes + b
    for (const first of [1, 2, 3, 4, 5]) {
      expect(decodeChunked("gb18030", data, [first])).toBe("a𠀀b");
      expect(decodeChunked("gb18030", data, [first, 1, 1])).toBe("a𠀀b");
    }
    expect(detectEncoding(data).encoding).toBe("gb18030");
  });

  it.each(samples)("%s: arbitrary chunk boundaries decode to the same text", (encoding, data) => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 300 }), (sizes) => {
        expect(decodeChunked(encoding, data, sizes)).toBe(TEXT);
      }),
      { numRuns: 300 },
    );
  });

  it("gb18030: a long run without any ASCII byte still streams correctly", () => {
    const text = `${"通川区𠀀".repeat(12000)}\n`; // ~120 KB with no sure boundary until the end
    const data = enc(text, "gb18030");
    expect(decodeChunked("gb18030", data, Array(100).fill(4093))).toBe(text);
  });

  it.each([
    ["after the last ASCII byte", [0x61, 0x81, 0x30], 1],
    ["digits 30–39 may be inside a 4-byte sequence", [0x0a, 0x81, 0x30, 0x81, 0x30], 1],
    ["a byte 40–7E ends a sequence", [0x81, 0x40, 0x81], 2],
    ["no sure boundary in a short buffer", [0x81, 0x30, 0x81], 0],
    ["all ASCII", [0x61, 0x62], 2],
  ] as const)("gb18030Boundary: %s", (_what, b, at) => {
    expect(gb18030Boundary(new Uint8Array(b))).toBe(at);
  });
});

describe.each(["icu", "iconv"] as const)("gb18030 decoded by %s", (engine) => {
  const TEXT = `${CSV}x𠀀,😀;a\n𠀀😀\n`;
  const data = enc(TEXT, "gb18030");

  it("chunks of every size 1–7 and arbitrary boundaries decode to the same text", () => {
    for (let size = 1; size <= 7; size++)
      expect(decodeChunked("gb18030", data, Array(data.length).fill(size), engine)).toBe(TEXT);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 300 }), (sizes) => {
        expect(decodeChunked("gb18030", data, sizes, engine)).toBe(TEXT);
      }),
      { numRuns: 200 },
    );
  });

  it("a 4-byte character split after each of its bytes", () => {
    const four = enc("a𠀀b", "gb18030");
    for (const first of [1, 2, 3, 4, 5])
      expect(decodeChunked("gb18030", four, [first, 1, 1], engine)).toBe("a𠀀b");
  });

  it("a long run without any ASCII byte streams correctly", () => {
    const text = `${"通川区𠀀".repeat(12000)}\n`;
    expect(decodeChunked("gb18030", enc(text, "gb18030"), Array(100).fill(4093), engine)).toBe(text);
  });

  it("a leading GB18030 BOM is dropped; ill-formed bytes become U+FFFD, the ASCII around them kept", () => {
    expect(decodeChunked("gb18030", enc("通川", "gb18030", true), [1, 1, 1], engine)).toBe("通川");
    expect(decodeChunked("gb18030", bytes(0x61, 0xff, 0x62, 0x2c, 0x63), [2], engine)).toBe("a\uFFFDb,c");
    // a character cut off by the end of the file
    const cut = concat(bytes(0x61), enc("通", "gb18030").subarray(0, 1));
    expect(decodeChunked("gb18030", cut, [1], engine)).toBe("a\uFFFD");
  });
});

describe("gb18030 engines", () => {
  it("this Node decodes GB18030 with ICU (what dzkj uses here in production)", () => {
    expect(gb18030Engine()).toBe("icu");
  });

  it("ICU and iconv-lite agree on every BMP character but a few private-use ones (GB18030-2022)", () => {
    const differ: number[] = [];
    for (let cp = 0x80; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const b = enc(String.fromCharCode(cp), "gb18030");
      if (decodeChunked("gb18030", b, [], "icu") !== decodeChunked("gb18030", b, [], "iconv"))
        differ.push(cp);
    }
    expect(differ.length).toBeGreaterThan(0);
    expect(differ.length).toBeLessThanOrEqual(19);
    for (const cp of differ) expect(cp >= 0xe000 && cp <= 0xf8ff).toBe(true);
  });
});

describe("createDecoder: strict UTF-8", () => {
  function decodeError(chunks: Uint8Array[]): DecodeError {
    const d = createDecoder("utf8");
    try {
      for (const c of chunks) d.write(c);
      d.end();
    } catch (e) {
      expect(e).toBeInstanceOf(DecodeError);
      return e as DecodeError;
    }
    throw new Error("no DecodeError");
  }

  it.each([
    ["an invalid byte", [bytes(0x61, 0x62), bytes(0x63, 0xff, 0x64)], 3],
    ["an overlong encoding", [bytes(0x61, 0xc0, 0x80)], 1],
    ["an encoded surrogate", [bytes(0xed, 0xa0, 0x80)], 0],
    ["a code point above U+10FFFF", [bytes(0x61, 0x61, 0xf4, 0x90, 0x80, 0x80)], 2],
    ["a lead byte followed by ASCII across chunks", [bytes(0x61, 0xe4, 0xb8), bytes(0x41)], 1],
    // 通川区 in GBK is CD A8 B4 A8 …: CD A8 happens to be a valid 2-byte UTF-8 sequence, B4 is not
    ["GBK bytes", [new TextEncoder().encode("报告期,"), enc("通川区", "gbk")], 12],
    ["a stream that ends inside a character", [bytes(0x61, 0x62, 0xe4, 0xb8)], 2],
  ] as const)("%s throws a DecodeError with the byte offset in the stream", (_what, chunks, offset) => {
    const e = decodeError([...chunks]);
    expect(e.byteOffset).toBe(offset);
    expect(e.encoding).toBe("utf8");
    expect(e.reason).toEqual({ key: "intake.decode.invalidUtf8", params: { offset, encoding: "utf8" } });
    expect(e.message).toContain(String(offset));
  });

  it("the decoder copies the carried bytes: the caller may reuse its chunk buffer", () => {
    const d = createDecoder("utf8");
    const data = new TextEncoder().encode("通");
    const buf = new Uint8Array(2);
    buf.set(data.subarray(0, 2));
    let out = d.write(buf);
    buf.fill(0x61); // caller reuses the buffer
    out += d.write(data.subarray(2));
    expect(out + d.end()).toBe("通");
  });

  it("firstInvalidUtf8 agrees with a fatal TextDecoder on arbitrary bytes", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (b) => {
        let valid = true;
        try {
          fatal.decode(b);
        } catch {
          valid = false;
        }
        const at = firstInvalidUtf8(b);
        expect(at === -1).toBe(valid);
        if (!valid) {
          // everything before the reported offset is valid on its own
          expect(() => fatal.decode(b.subarray(0, at))).not.toThrow();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("gb18030 is lenient: an ill-formed byte becomes U+FFFD instead of throwing", () => {
    const d = createDecoder("gb18030");
    expect(d.write(bytes(0x61, 0xff, 0x62)) + d.end()).toContain("\uFFFD");
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["comma", "a,b,c\n1,2,3\n4,5,6\n", ","],
    ["tab", "a\tb\tc\n1\t2\t3\n", "\t"],
    ["semicolon", "a;b;c\n1;2;3\n", ";"],
    ["CRLF lines", "a;b;c\r\n1;2;3\r\n", ";"],
    [
      "a title row without delimiters above a tab header",
      "达州市2020年第三季度科技创新工作进展\n报告期\t单位\t指标\t数值\n2020Q3\t通川区\t高新技术企业\t12\n",
      "\t",
    ],
    [
      "a title row with a comma above a tab header",
      "通知，附件1, 说明\n报告期\t单位\t指标\t数值\n2020Q3\t通川区\t指标\t12\n2020Q3\t达川区\t指标\t3\n",
      "\t",
    ],
    [
      "a title row padded with commas",
      "达州市科技创新工作进展表,,,\n报告期,单位,指标,数值\n2020Q3,通川区,企业,12\n",
      ",",
    ],
    ["a comma file with semicolons in free text", "a,b,c\n1,2,说明;其他;另外\n3,4,x\n5,6,y\n", ","],
    [
      "commas inside quoted values of a tab file",
      'a\tb\tc\n"5,600"\t"1,234,567"\tx\n"7,800"\t"9,000"\ty\n',
      "\t",
    ],
    ["a quoted field spanning lines", 'a;b;c\n1;"x,y\nz,w,v,u";3\n4;5;6\n', ";"],
    ["nothing to split on", "just one column\nanother\n", ","],
    ["empty sample", "", ","],
    ["a single header line", "报告期\t单位\t指标", "\t"],
    ["full-width commas are not delimiters", "a，b，c\n1，2，3\nx;y\n", ";"],
    [
      "quotes inside a plain field don't open a quoted section",
      '关于"十四五"规划\ta\tb\n1\t2\t3\n4\t5\t6\n',
      "\t",
    ],
  ] as const)("%s → %j", (_what, sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });

  it("a cut-off last line does not outvote the complete lines", () => {
    const sample = "a;b;c\n1;2;3\n4;5;6\n7,8,9,10,11,12";
    expect(detectDelimiter(sample)).toBe(";");
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab,\t;"\n\r '.split("")) }), (s) => {
        expect([",", "\t", ";"]).toContain(detectDelimiter(s));
      }),
      { numRuns: 500 },
    );
  });
});
