import { requirePlan } from "../../app/report.js";
import { unitsDoc, unitsJson } from "../../render/units.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";

/** dzkj units: the plan's reporting units, in any report format. */
export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year as string | undefined);
    emitView(
      ctx,
      opts as OutputOptions,
      () => unitsDoc(plan.units, plan.plan.year, ctx.lang),
      () => unitsJson(plan.units),
    );
  } finally {
    db.close();
  }
}
