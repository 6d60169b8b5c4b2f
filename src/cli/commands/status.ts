import { buildStatusFor } from "../../app/report.js";
import { statusJson, statusTable } from "../../render/status.js";
import type { Context } from "../context.js";
import { open } from "../open.js";

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const { db } = await open(ctx);
  try {
    const { status } = buildStatusFor(db, { year: opts.year as string | undefined });
    if (opts.format === "json") ctx.stdout.write(`${JSON.stringify(statusJson(status), null, 2)}\n`);
    else ctx.stdout.write(statusTable(status, ctx.lang, ctx.color));
  } finally {
    db.close();
  }
}
