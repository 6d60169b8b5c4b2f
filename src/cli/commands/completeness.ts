import { buildCompletenessFor } from "../../app/completeness.js";
import { completenessDoc, completenessJson } from "../../render/completeness.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const o = opts as OutputOptions & { year?: string; period?: string };
  const { db } = await open(ctx);
  try {
    const { completeness } = buildCompletenessFor(db, { year: o.year, period: o.period });
    emitView(
      ctx,
      o,
      () => completenessDoc(completeness, ctx.lang),
      () => completenessJson(completeness),
    );
  } finally {
    db.close();
  }
}
