/**
 * What `import` and `task import` print for each file alike: the JSON fields every file outcome
 * has, and the line for a file skipped as already imported, and its problems on stderr.
 */

import type { CsvSource } from "../intake/csv-reader.js";
import type { Problem } from "../intake/errors.js";
import type { Context } from "./context.js";
import { formatProblemLine } from "./problems.js";

/** The part of a progress or task file outcome that both importers share. */
export interface FileOutcomeBase {
  file: string;
  status: string;
  batchId: number | null;
  hash: string | null;
  source: CsvSource | null;
  headerLine: number | null;
  counts: object;
  changes: readonly unknown[];
  problems: Problem[];
  duplicateOf: { id: number; importedAt: string } | null;
}

/** The documented JSON of one file (`--format json`); `extra` adds the importer's own fields. */
export function outcomeJson(ctx: Context, o: FileOutcomeBase, extra: object = {}): object {
  return {
    file: o.file,
    status: o.status,
    batchId: o.status === "imported" ? o.batchId : null,
    hash: o.hash,
    encoding: o.source?.encoding ?? null,
    bom: o.source?.bom ?? null,
    delimiter: o.source?.delimiter ?? null,
    ...extra,
    headerLine: o.headerLine,
    ...o.counts,
    changes: o.changes,
    duplicateOf: o.duplicateOf,
    problems: o.problems.map((p) => ({
      line: p.line,
      column: p.column,
      value: p.value,
      message: formatProblemLine(ctx.lang, p),
    })),
  };
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
        date: o.duplicateOf.importedAt.slice(0, 10),
      })}\n`,
    );
    return true;
  }
  for (const p of o.problems) ctx.stderr.write(`${formatProblemLine(ctx.lang, p)}\n`);
  if (o.status === "rolled-back") ctx.notice("import.rolledBack", { file: o.file });
  return false;
}
