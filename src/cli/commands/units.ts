import { requirePlan } from "../../app/report.js";
import { unitsDoc, unitsJson } from "../../render/units.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj units: the plan's reporting units, in any report format. */
export async function run(ctx: Context, _args: string[], opts: OptionsOf<"units">): Promise<void> {
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year);
    await emitView(
      ctx,
      opts,
      () => unitsDoc(plan.units, plan.plan.year, ctx.lang),
      () => unitsJson(plan.units),
    );
  } finally {
    db.close();
  }
}
