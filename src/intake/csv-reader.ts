/**
 * Streams the records of a delimited text file with their physical line numbers: detects the
 * encoding (BOM, strict UTF-8, else GB18030) and the delimiter, decodes incrementally and parses
 * with csv-parse, never holding the whole file in memory.
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import { createDecoder, detectDelimiter, detectEncoding, type Encoding } from "./decode.js";
import { FileError } from "./errors.js";

export interface CsvSource {
  encoding: Encoding;
  bom: boolean;
  delimiter: "," | "\t" | ";";
  bytes: number;
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

/** Opens a CSV file: its detected properties and an async iterable of its records. */
export async function openCsv(
  file: string,
  options: { encoding?: Encoding | undefined; limits?: ReadLimits } = {},
): Promise<{ source: CsvSource; records: AsyncIterable<CsvRecord> }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) fail(file, null, "intake.file.notFile");
    size = s.size;
  } catch (e) {
    if (e instanceof FileError) throw e;
    fail(file, null, "intake.file.unreadable", { error: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (size > limits.maxFileBytes)
    fail(file, null, "intake.file.tooLarge", { size: mb(size), max: mb(limits.maxFileBytes) });
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
  const source: CsvSource = { encoding, bom: bom > 0, delimiter, bytes: size };
  return { source, records: readRecords(file, source, bom, limits) };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

async function* readRecords(
  file: string,
  source: CsvSource,
  bom: number,
  limits: ReadLimits,
): AsyncGenerator<CsvRecord> {
  const decoder = createDecoder(source.encoding);
  let decodedLines = 1;
  const decode = new Transform({
    decodeStrings: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.write(chunk);
        done(null, text);
      } catch {
        done(
          new FileError({
            file,
            line: null,
            column: null,
            value: null,
            reason: { key: "intake.file.badEncoding", params: { encoding: source.encoding } },
          }),
        );
      }
    },
    flush(done) {
      try {
        done(null, decoder.end());
      } catch {
        done(
          new FileError({
            file,
            line: null,
            column: null,
            value: null,
            reason: { key: "intake.file.badEncoding", params: { encoding: source.encoding } },
          }),
        );
      }
    },
  });
  const parser = parse({
    delimiter: source.delimiter,
    record_delimiter: ["\r\n", "\n"],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: limits.maxLineBytes,
  });
  const input = createReadStream(file, { start: bom, highWaterMark: 256 * 1024 });
  input.on("error", (e) => parser.destroy(e));
  decode.on("error", (e) => parser.destroy(e));
  input.pipe(decode).pipe(parser);
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const line = decodedLines;
      let breaks = 0;
      for (const c of cells) if (c.includes("\n")) breaks += c.split("\n").length - 1;
      decodedLines += 1 + breaks;
      const last = cells.length - 1;
      if (last >= 0 && cells[last]!.endsWith("\r")) cells[last] = cells[last]!.slice(0, -1);
      yield { line, cells };
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
