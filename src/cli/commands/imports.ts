import { createInterface } from "node:readline/promises";
import { UsageError, UserError } from "../../app/errors.js";
import { createCatalogFor } from "../../app/import-session.js";
import { batchChanges, redoImport, requireBatch, undoImport, undoPreview } from "../../app/imports.js";
import { targetBatchChanges } from "../../app/targets.js";
import { taskBatchChanges } from "../../app/tasks.js";
import { formatExact } from "../../render/format.js";
import {
  type BatchShowView,
  batchesDoc,
  batchesJson,
  batchShowDoc,
  batchShowJson,
} from "../../render/imports.js";
import { statusLabel } from "../../render/tasks.js";
import { listBatches } from "../../storage/batches.js";
import type { Db } from "../../storage/database.js";
import type { Context } from "../context.js";
import { namer } from "../names.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";

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
      // nothing to draw: said on stderr, stdout stays empty (a script reads [] from --format json)
      if (batches.length === 0 && (opts.format ?? "table") === "table") {
        ctx.notice("imports.empty");
        return;
      }
      await emitView(
        ctx,
        opts as OutputOptions,
        () => batchesDoc(batches, ctx.lang),
        () => batchesJson(batches),
      );
      return;
    }
    if (action === "show") {
      const batch = requireBatch(db, id!);
      const name = namer(createCatalogFor(db), ctx.lang);
      const view: BatchShowView = {
        batch,
        changes: batchChanges(db, batch.id),
        tasks: taskBatchChanges(db, batch.id),
        targets: targetBatchChanges(db, batch.id).map((c) => ({
          key: c.key,
          old: c.old && { target: c.old.target, weight: c.old.weight, batchId: c.old.batchId },
          new: c.new && { target: c.new.target, weight: c.new.weight },
          laterBatch: c.laterBatch,
        })),
        unitName: name.unit,
        indicatorName: name.indicator,
      };
      await emitView(
        ctx,
        opts as OutputOptions,
        () => batchShowDoc(view, ctx.lang),
        () => batchShowJson(view),
      );
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
    v === null || v === undefined ? "—" : formatExact(ctx.lang, v);
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
