import { requirePlan } from "../../app/report.js";
import { renderTable } from "../../render/table.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { type LayoutOptions, tableOptions } from "../width.js";

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year as string | undefined);
    if (opts.format === "json") {
      ctx.stdout.write(`${JSON.stringify(plan.units, null, 2)}\n`);
      return;
    }
    const head = ["label.code", "label.name", "label.aliases", "label.adminCode"].map((k) =>
      ctx.t(k as never),
    );
    const rows = plan.units.map((u) => [
      u.code,
      `${ctx.lang === "en" ? `${u.name} ${u.nameEn}` : u.name}${u.isTotal ? ` ${ctx.t("units.total")}` : ""}`,
      u.aliases.join("、"),
      u.adminCode ?? "",
    ]);
    ctx.stdout.write(
      `${ctx.t("units.header", { year: plan.plan.year })}\n${renderTable(head, rows, new Set(), {
        ...tableOptions(ctx, opts as LayoutOptions),
        fit: [{}, { wrap: true }, { wrap: true }, { drop: 1 }],
      })}\n`,
    );
  } finally {
    db.close();
  }
}
