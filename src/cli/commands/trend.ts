import { buildTrendFor } from "../../app/trend.js";
import { trendDoc, trendJson } from "../../render/trend.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj trend INDICATOR [--unit U]: an indicator quarter by quarter. */
export async function run(ctx: Context, args: string[], o: OptionsOf<"trend">): Promise<void> {
  const { db } = await open(ctx);
  try {
    const { trend } = buildTrendFor(db, { indicator: args[0] ?? "", unit: o.unit, year: o.year });
    await emitView(
      ctx,
      o,
      () => trendDoc(trend, ctx.lang),
      () => trendJson(trend),
    );
  } finally {
    db.close();
  }
}
