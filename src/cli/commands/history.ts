import { Catalog } from "../../app/catalog.js";
import { UsageError, UserError } from "../../app/errors.js";
import { requirePlan } from "../../app/report.js";
import { formatNumber, measureText } from "../../render/format.js";
import { renderTable } from "../../render/table.js";
import { localTime } from "../../render/time.js";
import { valueHistory } from "../../storage/values.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { type LayoutOptions, tableOptions } from "../width.js";

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
    if (opts.format === "json") {
      ctx.stdout.write(`${JSON.stringify(states, null, 2)}\n`);
      return;
    }
    const name = ctx.lang === "en" ? ind.nameEn : ind.name;
    if (states.length === 0) {
      ctx.stdout.write(`${ctx.t("history.empty", { indicator: name })}\n`);
      return;
    }
    const unitName = new Map(plan.units.map((u) => [u.code, ctx.lang === "en" ? u.nameEn : u.name]));
    const head = [
      "label.period",
      "label.unit",
      "label.value",
      "label.basis",
      "label.note",
      "label.batch",
      "label.time",
      "label.file",
      "label.state",
    ].map((k) => ctx.t(k as never));
    const rows = states.map((s) => [
      s.period,
      unitName.get(s.unit) ?? s.unit,
      formatNumber(ctx.lang, s.value, 6),
      ctx.t(`basis.${s.basis}`),
      s.note ?? "",
      `#${s.batchId}`,
      localTime(s.importedAt),
      s.file ?? "",
      s.supersededBy === null
        ? ctx.t("history.current")
        : ctx.t("history.superseded", { by: s.supersededBy }),
    ]);
    ctx.stdout.write(
      `${ctx.t("history.header", { indicator: name, unit: measureText(ctx.lang, ind.unit, ind.nameEn) })}\n${renderTable(
        head,
        rows,
        new Set([2]),
        {
          ...tableOptions(ctx, opts as LayoutOptions),
          // at 80 columns: period, unit, value, batch and state; the note and file wrap
          fit: [
            {},
            { wrap: true },
            {},
            { drop: 2 },
            { drop: 4, wrap: true },
            {},
            { drop: 1 },
            { drop: 3, wrap: true },
            {},
          ],
        },
      )}\n`,
    );
  } finally {
    db.close();
  }
}
