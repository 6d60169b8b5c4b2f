import { requirePlan, resolveIndicator, resolveUnit } from "../../app/report.js";
import { measureText } from "../../render/format.js";
import { type HistoryView, historyDoc, historyJson } from "../../render/history.js";
import { valueHistory } from "../../storage/values.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj history INDICATOR [--unit U]: every value ever stored for it, with batch and time. */
export async function run(ctx: Context, args: string[], opts: OptionsOf<"history">): Promise<void> {
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year);
    // the same look-ups, and the same did-you-mean, as trend and report --unit
    const ind = resolveIndicator(plan, args[0] ?? "");
    const unitCode = opts.unit === undefined ? undefined : resolveUnit(plan, opts.unit).code;
    const states = valueHistory(db, plan.plan.year, ind.code, unitCode);
    const view: HistoryView = {
      indicator: ctx.lang === "en" ? ind.nameEn : ind.name,
      measure: measureText(ctx.lang, ind.unit, ind.nameEn),
      states,
      unitName: new Map(plan.units.map((u) => [u.code, ctx.lang === "en" ? u.nameEn : u.name])),
    };
    await emitView(
      ctx,
      opts,
      () => historyDoc(view, ctx.lang),
      () => historyJson(view),
    );
  } finally {
    db.close();
  }
}
