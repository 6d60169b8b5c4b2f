import { buildReportFor } from "../../app/report.js";
import { reportJson, reportTable } from "../../render/report.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emit, type OutputOptions } from "../output.js";

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const { db } = await open(ctx);
  try {
    const { plan, report } = buildReportFor(db, {
      year: opts.year as string | undefined,
      asOf: opts.asOf as string | undefined,
    });
    let text: string;
    if (opts.format === "json") text = `${JSON.stringify(reportJson(report), null, 2)}\n`;
    else {
      const titles = new Map(plan.sections.map((s) => [s.code, ctx.lang === "en" ? s.titleEn : s.title]));
      text = reportTable(report, ctx.lang, ctx.color && !opts.output, titles);
    }
    emit(ctx, opts as OutputOptions, text);
  } finally {
    db.close();
  }
}
