import { buildCompletenessFor } from "../../app/completeness.js";
import { completenessDoc, completenessJson } from "../../render/completeness.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj completeness [--period 2020Q3]: who has reported what, units × indicators. */
export async function run(ctx: Context, _args: string[], o: OptionsOf<"completeness">): Promise<void> {
  const { db } = await open(ctx);
  try {
    const { completeness } = buildCompletenessFor(db, { year: o.year, period: o.period });
    await emitView(
      ctx,
      o,
      () => completenessDoc(completeness, ctx.lang),
      () => completenessJson(completeness),
    );
  } finally {
    db.close();
  }
}
