/**
 * The records stage of intake: a file's bytes to rows of text cells, each with the line it starts
 * on. Every later stage (table.ts, cells.ts) reads records and nothing else, so a new kind of
 * source (a workbook) is one more reader here; what kind it was is the `format` of SourceInfo,
 * recorded with the batch.
 */
import { type CsvRecord, type CsvSource, openCsvBatches, type ReadLimits } from "./csv-reader.js";
import type { Encoding } from "./decode.js";

/** How the records were read: the format and, for text, the encoding, delimiter and line break. */
export type SourceInfo = CsvSource;

/** One row of text cells and the line it starts on. */
export type SourceRecord = CsvRecord;

export interface RecordSource {
  info: SourceInfo;
  /** records in batches: a million-row file takes few awaits */
  batches: AsyncIterable<SourceRecord[]>;
}

/** Opens a file's records with the reader its bytes call for (today: delimited text). */
export async function openRecords(
  file: string,
  options: { encoding?: Encoding | undefined; limits?: ReadLimits } = {},
): Promise<RecordSource> {
  const { source, batches } = await openCsvBatches(file, options);
  return { info: source, batches };
}
