/**
 * Bytes to text: encoding detection (BOM, else strict UTF-8, else GB18030), streaming decoders
 * and delimiter detection for CSV/TSV exported from Excel or WPS.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import type { Reason } from "../i18n/index.js";

export type Encoding = "utf8" | "gb18030" | "utf16le" | "utf16be";

const BOMS: Readonly<Record<Encoding, readonly number[]>> = {
  utf8: [0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
  gb18030: [],
};

function startsWith(head: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length > 0 && head.length >= prefix.length && prefix.every((b, i) => head[i] === b);
}

/**
 * The encoding of a file from its first bytes, and the length of its byte order mark. With an
 * override, that encoding is used and only its own BOM is recognised. Otherwise a BOM decides;
 * else `head` that is strict UTF-8 (a sequence cut off by the end of `head` is allowed) is utf8;
 * anything else is gb18030 (a superset of GBK and GB2312, so GBK is never tried first).
 */
export function detectEncoding(head: Uint8Array, override?: Encoding): { encoding: Encoding; bom: number } {
  if (override !== undefined) {
    return { encoding: override, bom: startsWith(head, BOMS[override]) ? BOMS[override].length : 0 };
  }
  for (const encoding of ["utf8", "utf16le", "utf16be"] as const) {
    if (startsWith(head, BOMS[encoding])) return { encoding, bom: BOMS[encoding].length };
  }
  return { encoding: isUtf8(head.subarray(0, completeLength(head))) ? "utf8" : "gb18030", bom: 0 };
}

/**
 * The length of `bytes` without a trailing UTF-8 sequence that is cut off (a lead byte followed by
 * fewer continuation bytes than it announces). Anything else is left for validation to judge.
 */
export function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for its lead
    if (b >= 0xc2 && b <= 0xf4) {
      const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
      return n - i < length ? i : n;
    }
    return n;
  }
  return n;
}

/** Index of the first byte of the first ill-formed UTF-8 sequence (WHATWG rules), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // beyond U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = bytes[i + k];
      if (d === undefined || d < lo || d > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** Bytes that are not valid in the file's encoding; `byteOffset` counts from the start of the stream. */
export class DecodeError extends Error {
  readonly byteOffset: number;
  readonly encoding: Encoding;
  readonly reason: Reason;
  constructor(encoding: Encoding, byteOffset: number) {
    super(`invalid ${encoding} byte sequence at byte offset ${byteOffset}`);
    this.name = "DecodeError";
    this.encoding = encoding;
    this.byteOffset = byteOffset;
    this.reason = { key: "intake.decode.invalidUtf8", params: { offset: byteOffset, encoding } };
  }
}

export interface StreamDecoder {
  /** Decodes a chunk; bytes of a character split across chunks are kept for the next call. */
  write(chunk: Uint8Array): string;
  /** Flushes; throws DecodeError (utf8) if the stream ended inside a character. */
  end(): string;
}

/** Who decodes GB18030: ICU (Node's TextDecoder) where this Node has it, else iconv-lite. */
export type Gb18030Engine = "icu" | "iconv";

let icuKnowsGb18030: boolean | undefined;

/**
 * "icu" when this Node's TextDecoder knows GB18030 (official builds carry full ICU), else "iconv".
 * ICU decodes ~4× faster than iconv-lite (the bench's 38 MB file: 0.07–0.12 s against
 * 0.30–0.41 s) and streams a character cut between chunks by itself. The two agree on every
 * character but 19 private-use code points that GB18030-2022 mapped to standard characters (ICU
 * follows 2022: A6D9 is U+FE10, not U+E78D); both turn ill-formed bytes into U+FFFD.
 */
export function gb18030Engine(): Gb18030Engine {
  if (icuKnowsGb18030 === undefined) {
    try {
      new TextDecoder("gb18030");
      icuKnowsGb18030 = true;
    } catch {
      icuKnowsGb18030 = false; // Node built with small-icu or without Intl
    }
  }
  return icuKnowsGb18030 ? "icu" : "iconv";
}

/**
 * A streaming decoder. A leading BOM (U+FEFF) in the output is dropped, so bytes may be passed
 * with or without the BOM that detectEncoding reported. utf8 is strict: ill-formed bytes throw a
 * DecodeError. gb18030 (see gb18030Engine) and utf16 (iconv-lite) are lenient: ill-formed bytes
 * become U+FFFD (the caller may want to flag cells containing U+FFFD).
 */
export function createDecoder(encoding: Encoding, engine: Gb18030Engine = gb18030Engine()): StreamDecoder {
  const inner =
    encoding === "utf8"
      ? utf8Decoder()
      : encoding !== "gb18030"
        ? utf16Decoder(encoding)
        : engine === "icu"
          ? icuGb18030Decoder()
          : gb18030Decoder();
  let atStart = true;
  const stripBom = (text: string): string => {
    if (!atStart || text === "") return text;
    atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  return {
    write: (chunk) => stripBom(inner.write(chunk)),
    end: () => stripBom(inner.end()),
  };
}

function utf8Decoder(): StreamDecoder {
  const textDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let carry: Uint8Array = new Uint8Array(0);
  let consumed = 0; // bytes before `carry`
  return {
    write(chunk) {
      const buf = concat(carry, chunk);
      const cut = completeLength(buf);
      const body = buf.subarray(0, cut);
      if (!isUtf8(body)) throw new DecodeError("utf8", consumed + Math.max(0, firstInvalidUtf8(body)));
      carry = buf.slice(cut); // a copy: the caller may reuse its chunk buffer
      consumed += cut;
      return textDecoder.decode(body);
    },
    end() {
      if (carry.length > 0) throw new DecodeError("utf8", consumed);
      return "";
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** ICU's streaming GB18030 decoder; a BOM is kept in the text for createDecoder to drop, as with the others. */
function icuGb18030Decoder(): StreamDecoder {
  const d = new TextDecoder("gb18030", { ignoreBOM: true });
  return {
    write: (chunk) => d.decode(chunk, { stream: true }),
    end: () => d.decode(),
  };
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * GB18030 by iconv-lite (for a Node without ICU's GB18030), without iconv-lite's streaming state:
 * iconv-lite 0.7.3's DBCS decoder loses output when a sequence started in one write() ends in the
 * next (its output buffer is sized from the new chunk only; e.g. a 4-byte character split after
 * its third byte followed by a 1-byte chunk; see pillarjs/iconv-lite#417). So each write decodes,
 * as a whole buffer, only the bytes up to the last byte that always ends a sequence, and carries
 * the rest.
 */
function gb18030Decoder(): StreamDecoder {
  let carry: Uint8Array = new Uint8Array(0);
  const decode = (b: Uint8Array) =>
    b.length === 0 ? "" : iconv.decode(asBuffer(b), "gb18030", { stripBOM: false });
  return {
    write(chunk) {
      const buf = concat(carry, chunk);
      const cut = gb18030Boundary(buf);
      carry = buf.slice(cut); // a copy: the caller may reuse its chunk buffer
      return decode(buf.subarray(0, cut));
    },
    end() {
      const rest = carry;
      carry = new Uint8Array(0);
      return decode(rest); // a cut-off sequence becomes U+FFFD
    },
  };
}

/** Beyond this many bytes without a sure boundary, cut by the sequence structure instead. */
const MAX_GB18030_CARRY = 64 * 1024;

/**
 * A position in `buf` (which starts at a sequence boundary) where a GB18030 sequence is sure to
 * start. A byte 00–2F or 3A–7F is never the lead, second or third byte of a sequence (leads and
 * third bytes are 81–FE, second bytes of 4-byte sequences 30–39), so one always ends a sequence,
 * valid or not. Newlines and delimiters make such bytes frequent in CSV.
 */
export function gb18030Boundary(buf: Uint8Array): number {
  for (let i = buf.length - 1; i >= 0; i--) {
    const b = buf[i]!;
    if (b < 0x30 || (b > 0x39 && b < 0x80)) return i + 1;
  }
  if (buf.length < MAX_GB18030_CARRY) return 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let length = 1;
    if (b >= 0x81 && b <= 0xfe) {
      const second = buf[i + 1];
      length = second !== undefined && second >= 0x30 && second <= 0x39 ? 4 : 2;
    }
    if (i + length > buf.length) break;
    i += length;
  }
  return i;
}

function utf16Decoder(encoding: "utf16le" | "utf16be"): StreamDecoder {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return {
    write: (chunk) => decoder.write(asBuffer(chunk)),
    end: () => decoder.end() ?? "",
  };
}

export type Delimiter = "," | "\t" | ";";
const DELIMITERS: readonly Delimiter[] = [",", "\t", ";"];
const SAMPLE_LINES = 50;

/**
 * The field delimiter of a CSV/TSV sample: the candidate whose per-line count (outside double
 * quotes) is the same non-zero number on the most lines, so title rows above the header don't
 * matter; ties go to the larger count, then to `,` `\t` `;` in that order. "," when nothing is found.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = countDelimiters(sample);
  let best: Delimiter = ",";
  let bestLines = 0;
  let bestCount = 0;
  for (const [d, delimiter] of DELIMITERS.entries()) {
    const frequency = new Map<number, number>();
    for (const counts of lines) {
      const c = counts[d]!;
      if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    }
    for (const [count, n] of frequency) {
      if (n > bestLines || (n === bestLines && count > bestCount)) {
        best = delimiter;
        bestLines = n;
        bestCount = count;
      }
    }
  }
  return best;
}

/** Per logical line (a quoted field may span lines), the number of each delimiter outside quotes. */
function countDelimiters(sample: string): number[][] {
  const lines: number[][] = [];
  let counts = [0, 0, 0];
  let inQuotes = false;
  let fieldStart = true;
  let blank = true;
  let i = 0;
  for (; i < sample.length && lines.length < SAMPLE_LINES; i++) {
    const ch = sample[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === "\n" || ch === "\r") {
      if (!blank) lines.push(counts);
      if (ch === "\r" && sample[i + 1] === "\n") i++;
      counts = [0, 0, 0];
      fieldStart = true;
      blank = true;
      continue;
    }
    const d = DELIMITERS.indexOf(ch as Delimiter);
    if (d >= 0) {
      counts[d]!++;
      fieldStart = true;
      blank = false;
      continue;
    }
    // A quote opens a quoted field only at the start of a field (`关于"十四五"` is plain text).
    if (ch === '"' && fieldStart) inQuotes = true;
    else if (ch !== " ") fieldStart = false;
    if (ch.trim() !== "") blank = false;
  }
  // The last line counts only if the sample holds nothing else: it may be cut off mid-line.
  if (!blank && i >= sample.length && lines.length === 0) lines.push(counts);
  return lines;
}
