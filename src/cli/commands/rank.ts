import { buildRankingFor } from "../../app/targets-report.js";
import { rankDoc, rankJson } from "../../render/targets.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj rank [--indicator X] [--as-of Q]: the units ranked by completion against their own targets. */
export async function run(ctx: Context, _args: string[], opts: OptionsOf<"rank">): Promise<void> {
  const { db } = await open(ctx);
  try {
    const view = buildRankingFor(db, opts);
    await emitView(
      ctx,
      opts,
      () => rankDoc(view, ctx.lang, { format: opts.format, detail: opts.detail }),
      () => rankJson(view),
    );
  } finally {
    db.close();
  }
}
