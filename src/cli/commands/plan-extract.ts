import { UsageError } from "../../app/errors.js";
import { draftPlan, extractPlanDocument } from "../../app/plan-extract.js";
import { requirePlan } from "../../app/report.js";
import { currentPlan } from "../../app/store.js";
import type { Plan } from "../../domain/plan.js";
import { explain } from "../../i18n/index.js";
import { planFileSchema } from "../../intake/plan-file.js";
import { type ExtractView, extractDoc, extractJson } from "../../render/plan-extract.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView, writeOutputFile } from "../output.js";

/**
 * dzkj plan extract FILE [--draft draft.xlsx|draft.json] [--from 2020]: the review document of a
 * plan's text (every format), and with --draft a draft plan as a plan workbook or plan file, which
 * `init --plan` loads once reviewed. Nothing is loaded here.
 */
export async function run(ctx: Context, args: string[], opts: OptionsOf<"plan">): Promise<void> {
  const file = args[0];
  if (file === undefined) throw new UsageError({ key: "extract.error.noFile" });
  const draftFormat = opts.draft === undefined ? null : /\.xlsx$/i.test(opts.draft) ? "xlsx" : "json";
  if (opts.draft !== undefined && !/\.(json|xlsx)$/i.test(opts.draft))
    throw new UsageError({ key: "extract.error.draftFormat", params: { file: opts.draft } });
  const { doc, result } = await extractPlanDocument(file);
  let drafted: ExtractView["draft"] = null;
  if (opts.draft !== undefined) {
    const { db } = await open(ctx);
    let stored: Plan | null;
    try {
      stored = opts.from !== undefined ? requirePlan(db, opts.from) : currentPlan(db);
    } finally {
      db.close();
    }
    const draft = draftPlan(result, stored, ctx.now.getFullYear());
    // the draft must load once the analyst has filled in what the text does not give (the issue
    // date, left blank): any other problem init --plan would find is a bug, never written
    const blanks = draft.plan.plan.issuedOn === "" ? { issuedOn: "2000-01-01" } : {};
    const check = planFileSchema.safeParse({ ...draft.plan, plan: { ...draft.plan.plan, ...blanks } });
    if (!check.success)
      throw new Error(
        explain(ctx.lang, {
          key: "extract.error.invalidDraft",
          params: { problems: check.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") },
        }),
      );
    // the workbook is the form an analyst reviews (README "The plan as a workbook"); JSON the exact one
    const bytes =
      draftFormat === "xlsx"
        ? await (await import("../../render/plan-xlsx.js")).planXlsx(
            { plan: draft.plan, reference: null, fromYear: null },
            ctx.lang,
            ctx.now,
          )
        : Buffer.from(`${JSON.stringify(draft.plan, null, 2)}\n`);
    const written = writeOutputFile(ctx, opts.draft, bytes, draftFormat === "xlsx" ? "xlsx" : "json");
    const counts = {
      file: written,
      indicators: draft.plan.indicators.length,
      tasks: draft.plan.tasks.length,
      units: draft.plan.units.length,
      from: stored?.plan.year ?? "",
    };
    const lines = [
      explain(ctx.lang, {
        key: stored ? "extract.notes.draft" : "extract.notes.draftNoUnits",
        params: counts,
      }),
      ...draft.notes.map((n) => explain(ctx.lang, n)),
      explain(ctx.lang, { key: "extract.notes.guesses" }),
    ];
    // the file written is news on stderr whatever the format; the notes are part of the document
    ctx.stderr.write(`${lines[0]}\n`);
    drafted = { file: written, notes: lines };
  }
  const view: ExtractView = { file, encoding: doc.encoding, lines: doc.lines, result, draft: drafted };
  await emitView(
    ctx,
    opts,
    () => extractDoc(view, ctx.lang),
    () => extractJson(view),
  );
}
