import { buildStatusFor } from "../../app/report.js";
import { statusJson, statusTable } from "../../render/status.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emit, type OutputOptions } from "../output.js";

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const { db } = await open(ctx);
  try {
    const { status } = buildStatusFor(db, { year: opts.year as string | undefined });
    const text =
      opts.format === "json"
        ? `${JSON.stringify(statusJson(status), null, 2)}\n`
        : statusTable(status, ctx.lang, ctx.color && !opts.output);
    emit(ctx, opts as OutputOptions, text);
  } finally {
    db.close();
  }
}
