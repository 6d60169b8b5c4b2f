import { buildTrendFor } from "../../app/trend.js";
import { trendDoc, trendJson } from "../../render/trend.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<void> {
  const o = opts as OutputOptions & { year?: string; unit?: string };
  const { db } = await open(ctx);
  try {
    const { trend } = buildTrendFor(db, { indicator: args[0] ?? "", unit: o.unit, year: o.year });
    emitView(
      ctx,
      o,
      () => trendDoc(trend, ctx.lang),
      () => trendJson(trend),
    );
  } finally {
    db.close();
  }
}
