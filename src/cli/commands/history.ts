import { Catalog } from "../../app/catalog.js";
import { UsageError, UserError } from "../../app/errors.js";
import { requirePlan } from "../../app/report.js";
import { measureText } from "../../render/format.js";
import { type HistoryView, historyDoc, historyJson } from "../../render/history.js";
import { valueHistory } from "../../storage/values.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";

/** dzkj history INDICATOR [--unit U]: every value ever stored for it, with batch and time. */
export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<void> {
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year as string | undefined);
    const year = plan.plan.year;
    const catalog = new Catalog([plan]);
    const text = args[0] ?? "";
    const ind = catalog.indicator(year, text);
    if (!ind) {
      const hint = catalog.suggestIndicator(year, text);
      throw new UserError({
        key: hint.length ? "import.indicator.unknownHint" : "import.indicator.unknown",
        params: { value: text, hint: hint.join("、") },
      });
    }
    let unitCode: string | undefined;
    if (opts.unit !== undefined) {
      const u = catalog.unit(year, String(opts.unit));
      if (!u) {
        const hint = catalog.suggestUnit(year, String(opts.unit));
        throw new UsageError({
          key: hint.length ? "import.unit.unknownHint" : "import.unit.unknown",
          params: { value: String(opts.unit), hint: hint.join("、") },
        });
      }
      unitCode = u.code;
    }
    const states = valueHistory(db, year, ind.code, unitCode);
    const view: HistoryView = {
      indicator: ctx.lang === "en" ? ind.nameEn : ind.name,
      measure: measureText(ctx.lang, ind.unit, ind.nameEn),
      states,
      unitName: new Map(plan.units.map((u) => [u.code, ctx.lang === "en" ? u.nameEn : u.name])),
    };
    emitView(
      ctx,
      opts as OutputOptions,
      () => historyDoc(view, ctx.lang),
      () => historyJson(view),
    );
  } finally {
    db.close();
  }
}
