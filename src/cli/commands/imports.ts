import { createInterface } from "node:readline/promises";
import { UsageError, UserError } from "../../app/errors.js";
import { createCatalogFor } from "../../app/import-session.js";
import { batchChanges, redoImport, requireBatch, undoImport, undoPreview } from "../../app/imports.js";
import { taskBatchChanges } from "../../app/tasks.js";
import { formatNumber } from "../../render/format.js";
import { renderTable } from "../../render/table.js";
import { statusLabel, taskChangesTable } from "../../render/tasks.js";
import { localTime } from "../../render/time.js";
import { type Batch, listBatches } from "../../storage/batches.js";
import type { Db } from "../../storage/database.js";
import type { Context } from "../context.js";
import { namer } from "../names.js";
import { open } from "../open.js";

/** dzkj imports [list] | show ID | undo ID [--force] [--yes] | redo ID [--yes] */
export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<void> {
  const [action = "list", id] = args;
  if (!["list", "show", "undo", "redo"].includes(action) || (action !== "list" && id === undefined))
    throw new UsageError({ key: "imports.usage" });
  const { db } = await open(ctx);
  const json = opts.format === "json";
  try {
    if (action === "list") {
      const batches = listBatches(db);
      if (json) {
        ctx.stdout.write(`${JSON.stringify(batches.map(batchJson), null, 2)}\n`);
        return;
      }
      if (batches.length === 0) {
        ctx.notice("imports.empty");
        return;
      }
      const head = [
        "label.id",
        "label.kindOfBatch",
        "label.file",
        "label.time",
        "label.rows",
        "label.inserted",
        "label.updated",
        "label.unchanged",
        "label.blank",
        "label.state",
      ].map((k) => ctx.t(k as never));
      const rows = batches.map((b) => [
        String(b.id),
        ctx.t(`imports.kind.${b.kind}`) + (b.undoes ? ` #${b.undoes}` : ""),
        b.file ?? (b.kind === "task" ? ctx.t("tasks.source.cli") : ""),
        localTime(b.importedAt, true),
        String(b.rowsRead),
        String(b.inserted),
        String(b.updated),
        String(b.unchanged),
        String(b.blank),
        b.undoneBy ? ctx.t("imports.undoneBy", { by: b.undoneBy }) : "",
      ]);
      ctx.stdout.write(
        `${ctx.t("imports.header")}\n${renderTable(head, rows, new Set([0, 4, 5, 6, 7, 8]))}\n`,
      );
      return;
    }
    if (action === "show") {
      const batch = requireBatch(db, id!);
      const changes = batchChanges(db, batch.id);
      const taskChanges = taskBatchChanges(db, batch.id);
      if (json) {
        ctx.stdout.write(
          `${JSON.stringify(
            {
              batch: batchJson(batch),
              changes: changes.map((c) => ({
                ...c.key,
                old: c.old
                  ? { value: c.old.value, basis: c.old.basis, note: c.old.note, batchId: c.old.batchId }
                  : null,
                new: c.new ? { value: c.new.value, basis: c.new.basis, note: c.new.note } : null,
                laterBatch: c.laterBatch,
              })),
              // task batches (and their undos) change tasks, not values
              ...(taskChanges.length > 0 && {
                tasks: taskChanges.map((c) => ({
                  task: c.key.task,
                  old: c.old && {
                    status: c.old.status,
                    note: c.old.note,
                    evidence: c.old.evidence,
                    date: c.old.date,
                  },
                  new: c.new && {
                    status: c.new.status,
                    note: c.new.note,
                    evidence: c.new.evidence,
                    date: c.new.date,
                  },
                  laterBatch: c.laterBatch,
                })),
              }),
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      ctx.stdout.write(
        `${ctx.t("imports.show.header", { id: batch.id, kind: ctx.t(`imports.kind.${batch.kind}`), file: batch.file ?? (batch.kind === "task" ? ctx.t("tasks.source.cli") : ""), date: localTime(batch.importedAt, true), count: changes.length + taskChanges.length })}\n`,
      );
      if (taskChanges.length > 0) {
        ctx.stdout.write(taskChangesTable(taskChanges, ctx.lang));
        if (changes.length === 0) return;
      }
      if (changes.length === 0) {
        ctx.stdout.write(`${ctx.t("imports.show.none")}\n`);
        return;
      }
      const head = [
        "label.period",
        "label.unit",
        "label.indicator",
        "label.old",
        "label.new",
        "label.state",
      ].map((k) => ctx.t(k as never));
      const name = namer(createCatalogFor(db), ctx.lang);
      const rows = changes.map((c) => [
        c.key.period,
        name.unit(c.key.year, c.key.unit),
        name.indicator(c.key.year, c.key.indicator),
        c.old ? formatNumber(ctx.lang, c.old.value, 6) : "",
        c.new ? formatNumber(ctx.lang, c.new.value, 6) : "",
        c.laterBatch
          ? ctx.t("history.superseded", { by: c.laterBatch })
          : c.new
            ? ctx.t("history.current")
            : "",
      ]);
      ctx.stdout.write(`${renderTable(head, rows, new Set([3, 4]))}\n`);
      return;
    }
    // on a terminal: show what will change and ask (scripts: --yes, or no terminal)
    if (process.stdin.isTTY === true && opts.yes !== true && !json) {
      showPreview(ctx, db, id!, action === "redo");
      if (!(await ask(ctx))) throw new UserError({ key: "imports.undo.cancelled" });
    }
    const how = { force: opts.force === true, now: ctx.now };
    const result = action === "redo" ? redoImport(db, id!, how) : undoImport(db, id!, how);
    if (json)
      ctx.stdout.write(
        `${JSON.stringify({ undone: Number(id), ...result, conflicts: result.conflicts.length }, null, 2)}\n`,
      );
    else {
      ctx.stdout.write(
        `${ctx.t(action === "redo" ? "imports.redo.done" : "imports.undo.done", { id: String(id), undo: result.undoBatch, restored: result.restored, removed: result.removed })}\n`,
      );
      if (result.conflicts.length) ctx.notice("imports.undo.forced", { count: result.conflicts.length });
    }
  } finally {
    db.close();
  }
}

/** Lists on stderr what undoing (or redoing) a batch changes: each value or task, from → to. */
function showPreview(ctx: Context, db: Db, id: string, redo: boolean): void {
  const { batch, values, tasks } = undoPreview(db, id);
  const name = namer(createCatalogFor(db), ctx.lang);
  const num = (v: number | null | undefined) =>
    v === null || v === undefined ? "—" : formatNumber(ctx.lang, v, 6);
  const lines = [
    ...values.map((c) => {
      const [from, to] = redo ? [c.old?.value, c.new?.value] : [c.new?.value, c.old?.value];
      return `  ${c.key.period} ${name.unit(c.key.year, c.key.unit)} ${name.indicator(c.key.year, c.key.indicator)}: ${num(from)} → ${num(to)}`;
    }),
    ...tasks.map((c) => {
      const [from, to] = redo ? [c.old, c.new] : [c.new, c.old];
      return `  ${ctx.t("label.task")} ${c.key.task}: ${from ? statusLabel(ctx.lang, from.status) : "—"} → ${to ? statusLabel(ctx.lang, to.status) : "—"}`;
    }),
  ];
  ctx.notice(redo ? "imports.redo.preview" : "imports.undo.preview", {
    id: batch.id,
    file: batch.file ?? ctx.t("tasks.source.cli"),
    count: lines.length,
  });
  for (const l of lines.slice(0, 50)) ctx.stderr.write(`${l}\n`);
  if (lines.length > 50) ctx.notice("imports.undo.previewMore", { count: lines.length - 50 });
}

/** Asks y/N on the terminal (the one place this command reads stdin). */
async function ask(ctx: Context): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes|是)$/i.test((await rl.question(ctx.t("imports.undo.question"))).trim());
  } finally {
    rl.close();
  }
}

/** A batch as JSON: its details (what the table stage found) as an object, not a string of JSON. */
function batchJson(b: Batch): object {
  return { ...b, details: b.details === null ? null : (JSON.parse(b.details) as object) };
}
