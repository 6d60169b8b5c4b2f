/**
 * What `import` and `task import` print for each file alike: the JSON fields every file outcome
 * has, and the line for a file skipped as already imported, and its problems on stderr.
 */

import type { BatchFileOutcome } from "../app/batch-file.js";
import { UserError } from "../app/errors.js";
import { columnName, type Problem } from "../intake/errors.js";
import type { SourceInfo } from "../intake/records.js";
import { localDay } from "../render/time.js";
import type { Context } from "./context.js";
import { formatProblemLine, formatWarningLine } from "./problems.js";

/** The part of a progress or task file outcome that both importers share. */
export type FileOutcomeBase = BatchFileOutcome & { headerLine: number | null; headerSheet?: string | null };

/** The documented JSON of one file (`--format json`); `extra` adds the importer's own fields. */
function outcomeJson(ctx: Context, o: FileOutcomeBase, extra: object = {}): object {
  return {
    file: o.file,
    status: o.status,
    batchId: o.status === "imported" ? o.batchId : null,
    hash: o.hash,
    format: o.source?.format ?? null,
    encoding: o.source?.encoding ?? null,
    bom: o.source?.bom ?? null,
    delimiter: o.source?.delimiter ?? null,
    ...extra,
    headerLine: o.headerLine,
    // a workbook's header: its row is headerLine, in this sheet
    ...(o.headerSheet !== undefined ? { headerSheet: o.headerSheet } : {}),
    ...o.counts,
    changes: o.changes,
    duplicateOf: o.duplicateOf,
    problems: o.problems.map((p) => ({
      line: p.line,
      ...cellJson(p),
      column: p.column,
      value: p.value,
      message: formatProblemLine(ctx.lang, p),
    })),
    warnings: o.warnings.map((p) => ({
      line: p.line,
      ...cellJson(p),
      column: p.column,
      value: p.value,
      code: p.reason.key,
      message: formatProblemLine(ctx.lang, p),
    })),
  };
}

/** A workbook problem's sheet and cell address (`C12`, null for a whole row); nothing for a text file. */
function cellJson(p: Problem): object {
  if (p.sheet === undefined || p.sheet === null) return {};
  const cell = p.line !== null && p.columnIndex !== undefined && p.columnIndex !== null;
  return { sheet: p.sheet, cell: cell ? `${columnName(p.columnIndex!)}${p.line}` : null };
}

/**
 * Prints the "already imported" line (stdout) for a skipped file, or the file's problems (stderr)
 * and, for a sound file that --all-or-nothing rolled back, a notice saying so.
 * True when the file was a duplicate and nothing more is to be said about it.
 */
export function sayDuplicateOrProblems(ctx: Context, o: FileOutcomeBase): boolean {
  if (o.status === "duplicate" && o.duplicateOf) {
    ctx.stdout.write(
      `${ctx.t("import.duplicateFile", {
        file: o.file,
        id: o.duplicateOf.id,
        date: localDay(new Date(o.duplicateOf.importedAt)),
      })}\n`,
    );
    return true;
  }
  for (const p of o.problems) ctx.stderr.write(`${formatProblemLine(ctx.lang, p)}\n`);
  for (const p of o.warnings) ctx.stderr.write(`${formatWarningLine(ctx.lang, p)}\n`);
  if (o.status === "rolled-back") ctx.notice("import.rolledBack", { file: o.file });
  return false;
}

/** Writes `--format json`: one outcomeJson per file; `extra` adds the importer's own fields. */
export function writeOutcomesJson<O extends FileOutcomeBase>(
  ctx: Context,
  outcomes: readonly O[],
  extra: (o: O) => object = () => ({}),
): void {
  ctx.stdout.write(
    `${JSON.stringify(
      outcomes.map((o) => outcomeJson(ctx, o, extra(o))),
      null,
      2,
    )}\n`,
  );
}

/** The placeholders both summary lines (import.summary, tasks.import.summary) fill from a read file. */
export function summaryParams(o: FileOutcomeBase, source: SourceInfo) {
  return {
    file: o.file,
    encoding: source.encoding === null ? "" : source.encoding + (source.bom ? " BOM" : ""),
    delimiter: source.delimiter === "\t" ? "TAB" : (source.delimiter ?? ""),
    rows: o.counts.rowsRead,
    skipped: o.counts.skipped,
    inserted: o.counts.inserted,
    updated: o.counts.updated,
    unchanged: o.counts.unchanged,
    blank: o.counts.blank,
    rejected: o.counts.rejected,
  };
}

/**
 * Exit 1 when a file was refused, or rolled back by --all-or-nothing: the error names the first
 * refused file (a rolled-back one only when no file was refused itself) and its problem count.
 */
export function failIfRefused(outcomes: readonly FileOutcomeBase[]): void {
  const refused = outcomes.filter((o) => o.status === "rejected" || o.status === "rolled-back");
  if (refused.length === 0) return;
  const first = refused.find((o) => o.status === "rejected") ?? refused[0]!;
  throw new UserError({ key: "error.rejected", params: { file: first.file, count: first.counts.rejected } });
}
