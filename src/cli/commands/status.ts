import { buildStatusOverviewFor, localDate } from "../../app/report.js";
import { statusDoc, statusJson } from "../../render/status.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";
import { enforceCheck, failOnOption, noticeAsOfBeyondData } from "./report.js";

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const o = opts as OutputOptions & { year?: string; asOf?: string };
  const { db } = await open(ctx);
  let built: ReturnType<typeof buildStatusOverviewFor>;
  try {
    built = buildStatusOverviewFor(db, { year: o.year, asOf: o.asOf, today: localDate(ctx.now) });
    const { overview } = built;
    await emitView(
      ctx,
      o,
      () => statusDoc(overview, ctx.lang),
      () => statusJson(overview.status, overview),
    );
  } finally {
    db.close();
  }
  noticeAsOfBeyondData(ctx, built.report);
  enforceCheck(ctx, built.report, failOnOption(opts));
}
