/**
 * The life of one imported file as one batch, shared by the progress and the task importers:
 * hash the bytes, skip a file identical to one imported before (unless forced), open a batch, read
 * the file into it, and either finish the batch or, when any row was refused, report that nothing
 * was written. The caller holds the transaction and commits or rolls it back by the outcome.
 */
import { FileError, type Problem } from "../intake/errors.js";
import type { SourceInfo } from "../intake/records.js";
import { type BatchCounts, createBatch, findImportByHash, finishBatch } from "../storage/batches.js";
import { beginWrite, commit, type Db, releaseSavepoint, rollback, savepoint } from "../storage/database.js";

/** What both importers' file outcomes have. */
export interface BatchFileOutcome {
  file: string;
  status: "imported" | "rejected" | "duplicate" | "dry-run" | "rolled-back";
  batchId: number | null;
  hash: string | null;
  source: SourceInfo | null;
  counts: BatchCounts & { rejected: number };
  changes: unknown[];
  problems: Problem[];
  warnings: Problem[];
  duplicateOf: { id: number; importedAt: string } | null;
}

/**
 * A file's outcome before anything of it is read: rejected, nothing counted, no batch. The
 * importers add their own fields and fill it in as the file is read.
 */
export function emptyOutcome(file: string) {
  return {
    file,
    status: "rejected" as const,
    batchId: null,
    hash: null,
    source: null,
    headerLine: null,
    counts: { rowsRead: 0, skipped: 0, inserted: 0, updated: 0, unchanged: 0, blank: 0, rejected: 0 },
    changes: [],
    problems: [],
    warnings: [],
    duplicateOf: null,
  };
}

/**
 * Imports files one after the other, each in a transaction of its own, or all in one with
 * `allOrNothing`: then a refused file rolls back every file imported before it too (their status
 * becomes "rolled-back"). A file whose outcome is not "imported" leaves nothing behind. An
 * exception (Ctrl-C through `checkInterrupt`, a bug) rolls back the file being read and, with
 * `allOrNothing`, every file before it, and is rethrown.
 */
export async function importFiles<O extends BatchFileOutcome>(
  db: Db,
  files: readonly string[],
  how: { allOrNothing?: boolean | undefined; checkInterrupt?: (() => void) | undefined },
  importOne: (file: string) => Promise<O>,
): Promise<O[]> {
  const outcomes: O[] = [];
  const single = how.allOrNothing === true;
  if (single) beginWrite(db);
  try {
    for (const file of files) {
      if (!single) beginWrite(db);
      savepoint(db);
      let outcome: O;
      try {
        outcome = await importOne(file);
        // a Ctrl-C that came while the file was read still rolls it back
        await yieldToEventLoop();
        how.checkInterrupt?.();
      } catch (e) {
        releaseSavepoint(db, false);
        if (!single) rollback(db);
        throw e;
      }
      const keep = outcome.status === "imported";
      releaseSavepoint(db, keep);
      if (!single) {
        if (keep) commit(db);
        else rollback(db);
      }
      outcomes.push(outcome);
    }
    if (single) {
      const ok = outcomes.every((o) => o.status === "imported" || o.status === "duplicate");
      if (ok) commit(db);
      else {
        rollback(db);
        for (const o of outcomes) {
          if (o.status !== "imported") continue;
          // nothing of it was written: say so in its counts too, as for a refused file
          o.status = "rolled-back";
          o.batchId = null;
          o.counts.inserted = o.counts.updated = o.counts.unchanged = 0;
          o.changes = [];
        }
      }
    }
  } catch (e) {
    rollback(db);
    throw e;
  }
  return outcomes;
}

/**
 * Lets pending signal handlers run: records already buffered are consumed in microtasks, so a
 * CPU-bound read never reaches the event loop phase where Ctrl-C (SIGINT) is delivered.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function importAsBatch(
  db: Db,
  out: BatchFileOutcome,
  how: {
    kind: "import" | "task";
    force?: boolean | undefined;
    dryRun?: boolean | undefined;
    now: Date;
    hashFile: (file: string) => Promise<string>;
    /** reads the file into the batch, adding to out (problems, counts, changes) */
    read: (batchId: number) => Promise<void>;
    /** the layout recorded with the finished batch */
    layout: () => string | null;
    /** JSON recorded with the finished batch (the table stage's findings) */
    details?: () => string | null;
    /**
     * the options that change what the file's rows mean (--period, --unit, --basis, --year,
     * --encoding): the same bytes read with other options are another import, not a duplicate
     */
    readWith?: Readonly<Record<string, unknown>>;
  },
): Promise<void> {
  const file = out.file;
  try {
    out.hash = await how.hashFile(file);
  } catch (e) {
    out.problems.push({
      file,
      line: null,
      column: null,
      value: null,
      reason: {
        key: "intake.file.unreadable",
        params: { error: (e as NodeJS.ErrnoException).code ?? String(e) },
      },
    });
    out.counts.rejected = 1;
    return;
  }
  if (!how.force) {
    const earlier = findImportByHash(db, out.hash, how.kind, how.readWith ?? {});
    if (earlier) {
      out.status = "duplicate";
      out.duplicateOf = { id: earlier.id, importedAt: earlier.importedAt };
      return;
    }
  }
  const batchId = createBatch(db, {
    kind: how.kind,
    file,
    hash: out.hash,
    importedAt: how.now.toISOString(),
  });
  out.batchId = batchId;
  try {
    await how.read(batchId);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    out.problems.push(e.problem);
  }
  out.counts.rejected += out.problems.length;
  if (out.problems.length > 0) {
    out.status = "rejected";
    // nothing of a refused file is written: report no writes
    out.counts.inserted = out.counts.updated = out.counts.unchanged = 0;
    out.changes = [];
    out.batchId = null;
    return;
  }
  finishBatch(db, batchId, {
    ...out.counts,
    encoding: out.source?.encoding ?? null,
    delimiter: out.source?.delimiter ?? null,
    layout: how.layout(),
    format: out.source?.format ?? null,
    details: how.details?.() ?? null,
  });
  out.status = how.dryRun ? "dry-run" : "imported";
  if (how.dryRun) out.batchId = null;
}
