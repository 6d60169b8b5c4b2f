import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Catalog } from "../../app/catalog.js";
import { Interrupted, UsageError } from "../../app/errors.js";
import { type FileOutcome, importProgress } from "../../app/import-progress.js";
import { createCatalogFor } from "../../app/import-session.js";
import { DEFAULT_LIMITS } from "../../intake/csv-reader.js";
import type { Encoding } from "../../intake/decode.js";
import { isWorkbook } from "../../intake/records.js";
import { formatExact } from "../../render/format.js";
import { setBatchFile } from "../../storage/batches.js";
import { type Db, writeTransaction } from "../../storage/database.js";
import type { Context } from "../context.js";
import { failIfRefused, sayDuplicateOrProblems, summaryParams, writeOutcomesJson } from "../file-outcomes.js";
import { namer } from "../names.js";
import { open } from "../open.js";
import { progressBar } from "../progress.js";

/** The name a file read from stdin (`dzkj import -`) is shown and recorded under. */
const STDIN_NAME = "(stdin)";

/**
 * Copies stdin into a new file (mode 0600) in a private temp folder (mode 0700), at most `max`
 * bytes + 1 (one byte over is enough for the importer to refuse the file as too big).
 */
async function spoolStdin(max: number): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), "dzkj-stdin-"));
  const file = join(dir, "stdin.csv");
  const fd = openSync(file, "wx", 0o600);
  try {
    let written = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      const part = chunk.subarray(0, Math.max(0, max + 1 - written));
      writeSync(fd, part);
      written += part.length;
      if (written > max) break;
    }
  } finally {
    closeSync(fd);
  }
  return { dir, file };
}

export async function run(ctx: Context, files: string[], opts: Record<string, unknown>): Promise<void> {
  if (files.filter((f) => f === "-").length > 1) throw new UsageError({ key: "import.stdinTwice" });
  const maxMb = Number(opts.maxFileMb ?? 200);
  if (!(maxMb > 0))
    throw new UsageError({
      key: "error.option",
      params: { option: "--max-file-mb", value: String(opts.maxFileMb), options: "> 0" },
    });
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !Number.isInteger(year))
    throw new UsageError({
      key: "error.option",
      params: { option: "--year", value: String(opts.year), options: "2020" },
    });
  const store = await open(ctx);
  const spool = files.includes("-") ? await spoolStdin(Math.round(maxMb * 1024 * 1024)) : null;
  const paths = files.map((f) => (f === "-" && spool ? spool.file : f));
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  const progress = progressBar(ctx, opts.format !== "json");
  try {
    const catalog = createCatalogFor(store.db);
    const outcomes = await importProgress(store.db, catalog, paths, {
      dryRun: opts.dryRun === true,
      allOrNothing: opts.allOrNothing === true,
      encoding: opts.encoding as Encoding | undefined,
      period: opts.period as string | undefined,
      unit: opts.unit as string | undefined,
      basis: opts.basis as string | undefined,
      year,
      force: opts.force === true,
      sheets: (opts.sheet as string[] | undefined) ?? [],
      limits: { ...DEFAULT_LIMITS, maxFileBytes: Math.round(maxMb * 1024 * 1024) },
      now: ctx.now,
      onProgress: progress.update,
      checkInterrupt: () => {
        if (interrupted) throw new Interrupted();
      },
    });
    progress.clear();
    if (spool) nameStdin(store.db, outcomes, spool.file);
    report(ctx, catalog, outcomes, opts.format === "json", opts.dryRun === true);
    failIfRefused(outcomes);
  } catch (e) {
    progress.clear();
    if (e instanceof Interrupted) ctx.notice("import.interrupted");
    throw e;
  } finally {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
    store.db.close();
    if (spool) rmSync(spool.dir, { recursive: true, force: true });
  }
}

/**
 * Shows and records the spooled stdin file as "(stdin)": in the outcome, its problems and the
 * batch it was imported as (the temp path means nothing once the command has ended).
 */
function nameStdin(db: Db, outcomes: FileOutcome[], spooled: string): void {
  for (const o of outcomes) {
    if (o.file !== spooled) continue;
    o.file = STDIN_NAME;
    for (const p of o.problems) if (p.file === spooled) p.file = STDIN_NAME;
    if (o.batchId !== null && o.status === "imported")
      writeTransaction(db, () => setBatchFile(db, o.batchId!, STDIN_NAME));
  }
}

function report(
  ctx: Context,
  catalog: Catalog,
  outcomes: FileOutcome[],
  json: boolean,
  dryRun: boolean,
): void {
  if (json) {
    writeOutcomesJson(ctx, outcomes, (o) => ({ layout: o.layout, table: o.table }));
    return;
  }
  // The summary is the command's output (stdout); the problems are diagnostics (stderr).
  const say = (s: string) => ctx.stdout.write(`${s}\n`);
  for (const o of outcomes) {
    if (sayDuplicateOrProblems(ctx, o)) continue;
    if (o.counts.rejected > o.problems.length)
      ctx.notice("import.problems.omitted", { count: o.counts.rejected - o.problems.length });
    if (o.source && isWorkbook(o.source)) {
      for (const sk of o.source.skipped)
        if (sk.why !== "metadata" && sk.why !== "notChosen")
          ctx.notice("import.sheet.skipped", {
            file: o.file,
            sheet: sk.name,
            why: ctx.t(`import.sheet.why.${sk.why}`),
          });
      if (o.source.macros) ctx.notice("import.macros", { file: o.file });
    }
    if (o.source) {
      const layout = o.layout ? ctx.t(`import.layout.${o.layout}`) : "—";
      const line = isWorkbook(o.source)
        ? ctx.t("import.summary.workbook", {
            ...summaryParams(o, o.source),
            format: o.source.format,
            sheets: o.source.sheets.join(ctx.lang === "en" ? ", " : "、") || "—",
            layout,
          })
        : ctx.t("import.summary", { ...summaryParams(o, o.source), layout });
      const after = o.status === "rolled-back" ? ctx.t("import.summary.rolledBack") : "";
      say(`${line}${dryRun ? ctx.t("import.summary.dryRun") : after}`);
      const t = o.table;
      const parts = [
        t.totalRows ? ctx.t("import.table.totals", { count: t.totalRows }) : "",
        t.footerRows ? ctx.t("import.table.footers", { count: t.footerRows }) : "",
        t.qualifiedRows ? ctx.t("import.table.qualified", { count: t.qualifiedRows }) : "",
        t.ignoredColumns.length
          ? ctx.t("import.table.ignored", { columns: t.ignoredColumns.join(ctx.lang === "en" ? ", " : "、") })
          : "",
      ].filter((p) => p !== "");
      if (parts.length) say(`  ${parts.join(ctx.t("import.table.separator"))}`);
    }
    if (o.status === "rejected") continue;
    const name = namer(catalog, ctx.lang);
    for (const ch of o.changes) {
      // the same figure with another basis (累计 → 本期) is a change of what the report reads, not a note
      const basisChanged = ch.oldBasis !== null && ch.oldBasis !== ch.newBasis;
      const kind = ch.kind === "update" && ch.old === ch.new ? (basisChanged ? "basis" : "note") : ch.kind;
      say(
        ctx.t(`import.change.${kind}`, {
          at:
            ch.sheet !== undefined
              ? `${ch.sheet}!${ch.cell}`
              : ctx.t("import.change.at.line", { line: ch.line }),
          period: ch.period,
          unit: name.unit(ch.year, ch.unit),
          indicator: name.indicator(ch.year, ch.indicator),
          old: ch.old === null ? "" : formatExact(ctx.lang, ch.old),
          new: formatExact(ctx.lang, ch.new),
          // 本期 (the quarter's own figure) is shown: a year-to-date figure is the default reading
          mark: ch.newBasis === "period" ? ctx.t("import.change.periodMark") : "",
          oldBasis: ch.oldBasis === null ? "" : ctx.t(`basis.${ch.oldBasis}`),
          newBasis: ctx.t(`basis.${ch.newBasis}`),
        }),
      );
    }
    if (o.changesOmitted) say(ctx.t("import.changes.omitted", { count: o.changesOmitted }));
  }
}
