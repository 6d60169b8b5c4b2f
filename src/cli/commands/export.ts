import { exportDatabase } from "../../app/export.js";
import { resolveDbPath } from "../../storage/database.js";
import type { Context } from "../context.js";

/** dzkj export DIR: every table as CSV (UTF-8 BOM) plus manifest.json, for the year-end archive. */
export async function run(ctx: Context, args: string[], _opts: Record<string, unknown>): Promise<void> {
  const path = resolveDbPath(ctx.dbOption, ctx.env);
  const m = exportDatabase(path, args[0]!, ctx.now);
  ctx.notice("ops.export.done", {
    tables: m.tables.length,
    rows: m.tables.reduce((s, t) => s + t.rows, 0),
    dir: m.dir,
    manifest: "manifest.json",
  });
}
