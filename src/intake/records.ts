/**
 * The records stage of intake: a file's bytes to rows of text cells, each with the line it starts
 * on. Every later stage (table.ts, cells.ts) reads records and nothing else, so a new kind of
 * source is one more reader here: delimited text (csv-reader.ts) or a workbook
 * (workbook-reader.ts), chosen by the file's bytes, never its name (a web system's ".xls" is often
 * an HTML page or a CSV file). What kind it was is the `format` of SourceInfo, recorded with the
 * batch.
 */
import { open } from "node:fs/promises";
import {
  type CsvRecord,
  type CsvSource,
  checkFile,
  DEFAULT_LIMITS,
  openCsvBatches,
  type ReadLimits,
} from "./csv-reader.js";
import type { Encoding } from "./decode.js";
import { FileError } from "./errors.js";
import { openWorkbook, sniff, type WorkbookRecord, type WorkbookSource } from "./workbook-reader.js";

/** How the records were read: a text file (encoding, delimiter, line break) or a workbook (its sheets). */
export type SourceInfo = CsvSource | WorkbookSource;

/** One row of text cells and the line it starts on (for a workbook, see workbook-reader's sheetLine). */
export type SourceRecord = CsvRecord & Partial<Pick<WorkbookRecord, "fill" | "hidden">>;

export interface RecordSource {
  info: SourceInfo;
  /** records in batches: a million-row file takes few awaits */
  batches: AsyncIterable<SourceRecord[]>;
}

/** True when the records came from a workbook: located by sheet and cell, not by line. */
export function isWorkbook(info: SourceInfo | null): info is WorkbookSource {
  return info !== null && info.format !== "csv";
}

/**
 * Opens a file's records with the reader its bytes call for: a ZIP (xlsx, ods) or OLE2 (xls, et)
 * workbook, an HTML table, else delimited text. `sheets` chooses a workbook's sheets (--sheet); given
 * for a text file, it is refused (FileError): a CSV has no sheets, and ignoring it would hide a mistake.
 */
export async function openRecords(
  file: string,
  options: { encoding?: Encoding | undefined; limits?: ReadLimits; sheets?: readonly string[] } = {},
): Promise<RecordSource> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const size = await checkFile(file, limits);
  const head = Buffer.alloc(Math.min(4096, size));
  const handle = await open(file, "r");
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const kind = sniff(head);
  if (kind !== "text") {
    const { info, batches } = await openWorkbook(file, kind, { limits, sheets: options.sheets });
    return { info, batches };
  }
  if (options.sheets?.length)
    // a text table has one table and no sheets: --sheet meant a workbook, and this is not one
    throw new FileError({
      file,
      line: null,
      column: null,
      value: options.sheets.join(","),
      reason: { key: "intake.file.sheetOnText", params: { sheet: options.sheets.join(",") } },
    });
  try {
    const { source, batches } = await openCsvBatches(file, options);
    return { info: source, batches };
  } catch (e) {
    // bytes that are neither text nor a workbook this reader knows (a .docx, a picture)
    if (e instanceof FileError && e.problem.reason.key === "intake.file.binary")
      throw new FileError({ ...e.problem, reason: { key: "intake.workbook.notWorkbook", params: {} } });
    throw e;
  }
}
