import { runDoctor } from "../../app/doctor.js";
import { UserError } from "../../app/errors.js";
import { doctorDoc, doctorJson } from "../../render/doctor.js";
import { resolveDbPath } from "../../storage/database.js";
import type { Context } from "../context.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj doctor: checks the database, in any report format; exit 1 when a check finds a problem. */
export async function run(ctx: Context, _args: string[], opts: OptionsOf<"doctor">): Promise<void> {
  const path = resolveDbPath(ctx.dbOption, ctx.env);
  const report = runDoctor(path);
  await emitView(
    ctx,
    opts,
    () => doctorDoc(report, ctx.lang),
    () => doctorJson(report, ctx.lang),
  );
  if (!report.healthy)
    throw new UserError({ key: "ops.doctor.unhealthy", params: { count: report.problems } });
}
