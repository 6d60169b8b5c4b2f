/**
 * Streams the records of a delimited text file with their physical line numbers: detects the
 * encoding (BOM, strict UTF-8, else GB18030) and the delimiter, decodes incrementally and parses
 * with csv-parse, never holding the whole file in memory.
 */

import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import {
  completeLength,
  createDecoder,
  detectDelimiter,
  detectEncoding,
  type Encoding,
  firstInvalidUtf8,
} from "./decode.js";
import { FileError } from "./errors.js";

export interface CsvSource {
  /** what kind of file the records came from (the batch records it) */
  format: "csv";
  encoding: Encoding;
  bom: boolean;
  delimiter: "," | "\t" | ";";
  /** the line break: LF (or CRLF), or CR alone (Excel for Mac's "CSV (Macintosh)") */
  lineBreak: "\n" | "\r";
  bytes: number;
  /** bytes read from the file so far, while the records stream in (for a progress bar) */
  bytesRead: number;
  /**
   * true once the file has shown a zero-width character (U+200B–U+200D, U+2060, U+FEFF) in the
   * text read so far: until then no cell can hold one, and cleaning a cell looks at its ends only
   */
  invisible: boolean;
}

export interface CsvRecord {
  /** the line the record starts on */
  line: number;
  cells: string[];
}

export interface ReadLimits {
  /** refuse files larger than this many bytes (default 200 MB) */
  maxFileBytes: number;
  /** refuse records (lines) longer than this many characters (default 1 MiB) */
  maxLineBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 200 * 1024 * 1024, maxLineBytes: 1024 * 1024 };

const HEAD_BYTES = 64 * 1024;

function fail(
  file: string,
  line: number | null,
  key: string,
  params: Record<string, string | number> = {},
): never {
  throw new FileError({ file, line, column: null, value: null, reason: { key: key as never, params } });
}

/**
 * The size of a regular file within the size limit; a FileError otherwise. Called before anything
 * reads the file (hashing included), so a 10 GB file is refused at once, not after reading it.
 */
export async function checkFile(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<number> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) fail(file, null, "intake.file.notFile");
    size = s.size;
  } catch (e) {
    if (e instanceof FileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") fail(file, null, "intake.file.notFound");
    if (code === "EACCES" || code === "EPERM") fail(file, null, "intake.file.noPermission");
    fail(file, null, "intake.file.unreadable", { error: code ?? String(e) });
  }
  if (size > limits.maxFileBytes)
    fail(file, null, "intake.file.tooLarge", { size: mb(size), max: mb(limits.maxFileBytes) });
  return size;
}

/** Opens a CSV file: its detected properties and an async iterable of its records. */
export async function openCsv(
  file: string,
  options: { encoding?: Encoding | undefined; limits?: ReadLimits } = {},
): Promise<{ source: CsvSource; records: AsyncIterable<CsvRecord> }> {
  const { source, bom, limits } = await inspect(file, options);
  return {
    source,
    records: (async function* () {
      for await (const batch of readBatches(file, source, bom, limits)) yield* batch;
    })(),
  };
}

/** Like openCsv, but the records come in batches (the import's hot path: a million rows, few awaits). */
export async function openCsvBatches(
  file: string,
  options: { encoding?: Encoding | undefined; limits?: ReadLimits } = {},
): Promise<{ source: CsvSource; batches: AsyncIterable<CsvRecord[]> }> {
  const { source, bom, limits } = await inspect(file, options);
  return { source, batches: readBatches(file, source, bom, limits) };
}

/** Checks the file and detects its encoding, byte order mark and delimiter from its first bytes. */
async function inspect(
  file: string,
  options: { encoding?: Encoding | undefined; limits?: ReadLimits },
): Promise<{ source: CsvSource; bom: number; limits: ReadLimits }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const size = await checkFile(file, limits);
  const handle = await open(file, "r");
  const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.includes(0) && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff))
    fail(file, null, "intake.file.binary");
  const { encoding, bom } = detectEncoding(head, options.encoding);
  let sample: string;
  try {
    const d = createDecoder(encoding);
    sample = d.write(head.subarray(bom));
  } catch {
    fail(file, 1, "intake.file.badEncoding", { encoding });
  }
  const delimiter = detectDelimiter(sample);
  const source: CsvSource = {
    format: "csv",
    encoding,
    bom: bom > 0,
    delimiter,
    lineBreak: detectLineBreak(sample),
    bytes: size,
    bytesRead: bom,
    invisible: false,
  };
  return { source, bom, limits };
}

/** CR alone when the sample has carriage returns and no line feed at all; LF (and CRLF) otherwise. */
export function detectLineBreak(sample: string): "\n" | "\r" {
  return sample.includes("\r") && !sample.includes("\n") ? "\r" : "\n";
}

/**
 * The length in UTF-16 code units of well-formed UTF-8 bytes[from, to): a byte per character but
 * continuation bytes, and two units for a 4-byte sequence (a surrogate pair).
 */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) {
      if (b < 0xc0) n--;
      else if (b >= 0xf0) n++;
    }
  }
  return n;
}

/** A size for messages: 1.5 MB, 200 MB, 10.2 KB (a small --max-file-mb must not read "0.0 MB"). */
export function mb(n: number): string {
  if (n < 1024 * 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
}

const INVISIBLE_CHAR = /[\u200B-\u200D\u2060\uFEFF]/;

/** True when UTF-8 bytes hold U+200B–U+200D (E2 80 8B–8D), U+2060 (E2 81 A0) or U+FEFF (EF BB BF). */
export function hasInvisibleUtf8(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0xe2); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xe2, i + 1)) {
    const b1 = bytes[i + 1]!;
    const b2 = bytes[i + 2]!;
    if ((b1 === 0x80 && b2 >= 0x8b && b2 <= 0x8d) || (b1 === 0x81 && b2 === 0xa0)) return true;
  }
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1))
    if (bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) return true;
  return false;
}

/** The text of the record that stands for a run of blank lines: this prefix, then how many. */
const BLANK_RUN = "\u0001\u0002blank:";

/**
 * Replaces each run of blank lines (empty, or a lone CR before LF) in a stream of chunks with one
 * line `BLANK_RUN + count`. csv-parse builds an error object for every record whose length
 * differs from the first one's, even when told to accept it, so 5 million blank lines took over
 * two minutes; a run is now one record, whatever its length. Only for chunks without quotes: a
 * quoted cell may hold blank lines of its own (the caller stops at the file's first quote).
 */
export class BlankLineCollapser {
  /** the previous chunk ended with a line break */
  private atLineStart = true;
  private readonly crlf: boolean;

  constructor(private readonly nl: "\n" | "\r") {
    this.crlf = nl === "\n";
  }

  collapse<T extends string | Buffer>(chunk: T): T {
    const nl = this.nl;
    const len = chunk.length;
    if (len === 0) return chunk;
    const at = (i: number) => (typeof chunk === "string" ? chunk.charCodeAt(i) : (chunk as Buffer)[i]!);
    const NL = nl.charCodeAt(0);
    const CR = 13;
    // most chunks have no blank line at all: two searches, nothing copied
    const startsBlank = this.atLineStart && (at(0) === NL || (this.crlf && at(0) === CR && at(1) === NL));
    if (!startsBlank && chunk.indexOf(nl + nl) === -1 && !(this.crlf && chunk.indexOf("\n\r\n") !== -1)) {
      this.atLineStart = at(len - 1) === NL;
      return chunk;
    }
    const pieces: T[] = [];
    let copyFrom = 0;
    let pos = 0;
    if (!this.atLineStart) {
      const first = chunk.indexOf(nl);
      pos = first + 1; // there is one: the chunk holds two breaks in a row
    }
    for (;;) {
      const runStart = pos;
      let blanks = 0;
      for (;;) {
        if (pos < len && at(pos) === NL) pos++;
        else if (this.crlf && pos + 1 < len && at(pos) === CR && at(pos + 1) === NL) pos += 2;
        else break;
        blanks++;
      }
      if (blanks > 0) {
        pieces.push(chunk.slice(copyFrom, runStart) as T, this.marker(chunk, blanks));
        copyFrom = pos;
      }
      if (pos >= len) {
        this.atLineStart = true;
        break;
      }
      const next = chunk.indexOf(nl, pos);
      if (next === -1) {
        this.atLineStart = false;
        break;
      }
      pos = next + 1;
      if (pos >= len) {
        this.atLineStart = true;
        break;
      }
    }
    pieces.push(chunk.slice(copyFrom) as T);
    return (typeof chunk === "string" ? pieces.join("") : Buffer.concat(pieces as Buffer[])) as T;
  }

  private marker<T extends string | Buffer>(like: T, count: number): T {
    const text = `${BLANK_RUN}${count}${this.nl}`;
    return (typeof like === "string" ? text : Buffer.from(text)) as T;
  }
}

/** The records in the arrays the parser produced them in: one batch per decoded chunk. */
async function* readBatches(
  file: string,
  source: CsvSource,
  bom: number,
  limits: ReadLimits,
): AsyncGenerator<CsvRecord[]> {
  const decoder = createDecoder(source.encoding);
  // the character that ends a line, as text and as a byte (CR-only files count CRs)
  const nlChar = source.lineBreak;
  const nlByte = nlChar.charCodeAt(0);
  let decodedLines = 1;
  // Characters since the last line break: a line longer than the limit is refused as it streams
  // in, before the parser buffers it (a 1 GB line without a newline must not fill the memory).
  let lineLength = 0;
  let linesDone = 0;
  const tooLong = () =>
    new FileError({
      file,
      line: linesDone + 1,
      column: null,
      value: null,
      reason: { key: "intake.file.lineTooLong", params: { max: mb(limits.maxLineBytes) } },
    });
  const measureLines = (text: string): boolean => {
    let from = 0;
    for (;;) {
      const nl = text.indexOf(nlChar, from);
      lineLength += (nl === -1 ? text.length : nl) - from;
      if (lineLength > limits.maxLineBytes) return false;
      if (nl === -1) return true;
      linesDone++;
      lineLength = 0;
      from = nl + 1;
    }
  };
  // true once a chunk with a double quote has gone to the parser (set before it parses that chunk)
  let quoted = false;
  // runs of blank lines, replaced by one marker record each until the file shows a quote
  const blankLines = new BlankLineCollapser(nlChar);
  const badEncoding = () =>
    new FileError({
      file,
      line: null,
      column: null,
      value: null,
      reason: { key: "intake.file.badEncoding", params: { encoding: source.encoding } },
    });
  // UTF-8 goes to the parser as the file's own bytes (checked, not decoded: the parser works on
  // bytes and decodes each field itself, so decoding the chunk first, only for the parser to
  // encode it back, cost ~0.3 s a million rows); other encodings are decoded to text first.
  const decode = source.encoding === "utf8" ? checkUtf8() : decodeText();
  function decodeText(): Transform {
    return new Transform({
      decodeStrings: false,
      transform(chunk: Buffer, _enc, done) {
        let text: string;
        try {
          text = decoder.write(chunk);
        } catch {
          done(badEncoding());
          return;
        }
        if (!measureLines(text)) {
          done(tooLong());
          return;
        }
        quoted ||= text.includes('"');
        source.invisible ||= INVISIBLE_CHAR.test(text);
        done(null, quoted ? text : blankLines.collapse(text));
      },
      flush(done) {
        let text: string;
        try {
          text = decoder.end();
        } catch {
          done(badEncoding());
          return;
        }
        quoted ||= text.includes('"');
        source.invisible ||= INVISIBLE_CHAR.test(text);
        done(null, quoted ? text : blankLines.collapse(text));
      },
    });
  }
  function checkUtf8(): Transform {
    // bytes of a character cut off at the end of a chunk, carried to the next
    let carry: Buffer | null = null;
    return new Transform({
      transform(chunk: Buffer, _enc, done) {
        const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
        const cut = completeLength(buf);
        const body = buf.subarray(0, cut);
        if (!isUtf8(body)) {
          // the bad byte's own line: the lines before this chunk and the breaks in it before the byte
          const bad = firstInvalidUtf8(body);
          const e = badEncoding();
          e.problem.line = linesDone + 1;
          for (let nl = body.indexOf(nlByte); nl !== -1 && nl < bad; nl = body.indexOf(nlByte, nl + 1))
            e.problem.line++;
          done(e);
          return;
        }
        carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
        if (!measureUtf8Lines(body)) {
          done(tooLong());
          return;
        }
        quoted ||= body.includes(0x22); // '"'
        source.invisible ||= hasInvisibleUtf8(body);
        done(null, quoted ? body : blankLines.collapse(body));
      },
      flush(done) {
        if (!carry) return done();
        const e = badEncoding(); // a character cut off by the end of the file, on the last line
        e.problem.line = linesDone + 1;
        done(e);
      },
    });
  }
  /**
   * measureLines on UTF-8 bytes, counting characters as the decoded text would (UTF-16 units). A
   * character never takes fewer bytes than UTF-16 units, so a line that is whole in the chunk and
   * within the limit in bytes is within it: only the others are counted character by character
   * (a line cut by the chunk's end is, as its count goes on in the next chunk).
   */
  const measureUtf8Lines = (bytes: Buffer): boolean => {
    let from = 0;
    for (;;) {
      const nl = bytes.indexOf(nlByte, from);
      const end = nl === -1 ? bytes.length : nl;
      const whole = lineLength === 0 && nl !== -1 && end - from <= limits.maxLineBytes;
      lineLength += whole ? end - from : utf16Length(bytes, from, end);
      if (lineLength > limits.maxLineBytes) return false;
      if (nl === -1) return true;
      linesDone++;
      lineLength = 0;
      from = nl + 1;
    }
  };
  const parser = parse({
    delimiter: source.delimiter,
    record_delimiter: nlChar === "\r" ? ["\r"] : ["\r\n", "\n"],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // a second BOM right after the one skipped: the text decoders drop it too (createDecoder)
    bom: source.encoding === "utf8",
    // csv-parse counts a field in UTF-8 bytes (up to 4 per character): a backstop for memory only;
    // the limit itself is checked in characters, on lines as they stream in and on whole records
    max_record_size: limits.maxLineBytes * 4,
  });
  // 64 KiB chunks: each becomes one batch of records, short-lived enough to die young in the GC
  const input = createReadStream(file, { start: bom, highWaterMark: 64 * 1024 });
  input.on("error", (e) => parser.destroy(e));
  input.on("data", (chunk) => {
    source.bytesRead += chunk.length;
  });
  decode.on("error", (e) => parser.destroy(e));
  input.pipe(decode).pipe(parser);
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  parser.on("readable", signal);
  parser.on("end", () => {
    done = true;
    signal();
  });
  parser.on("error", (e) => {
    failure = e;
    signal();
  });
  try {
    for (;;) {
      // drain what the parser holds (a whole decoded chunk's records), then wait for more
      const batch: CsvRecord[] = [];
      for (;;) {
        const cells = parser.read() as string[] | null;
        if (cells === null) break;
        if (cells.length === 1 && cells[0]!.startsWith(BLANK_RUN)) {
          decodedLines += Number(cells[0]!.slice(BLANK_RUN.length));
          continue;
        }
        const line = decodedLines;
        let breaks = 0;
        // Only a quoted cell holds a line break: until the file has shown a quote, every record is
        // one line, already held to the limit as it streamed in.
        if (quoted) {
          let chars = cells.length - 1; // the delimiters
          for (const c of cells) {
            chars += c.length;
            if (c.includes(nlChar)) breaks += c.split(nlChar).length - 1;
          }
          // a record spread over several lines by quoted line breaks is held to the same limit
          if (chars > limits.maxLineBytes)
            fail(file, line, "intake.file.lineTooLong", { max: mb(limits.maxLineBytes) });
        }
        decodedLines += 1 + breaks;
        const last = cells.length - 1;
        if (last >= 0 && cells[last]!.endsWith("\r")) cells[last] = cells[last]!.slice(0, -1);
        batch.push({ line, cells });
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } catch (e) {
    if (e instanceof FileError) {
      if (e.problem.line === null) e.problem.line = decodedLines;
      throw e;
    }
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code === "CSV_MAX_RECORD_SIZE")
      fail(file, decodedLines, "intake.file.lineTooLong", { max: mb(limits.maxLineBytes) });
    if (err.code === "CSV_QUOTE_NOT_CLOSED") fail(file, decodedLines, "intake.file.unclosedQuote");
    fail(file, decodedLines, "intake.file.csv", { error: err.message ?? String(e) });
  } finally {
    input.destroy();
  }
}
