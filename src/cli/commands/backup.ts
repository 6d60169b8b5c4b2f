import { backupDatabase } from "../../app/backup.js";
import { formatBytes } from "../../app/ops.js";
import type { Context } from "../context.js";

/** dzkj backup FILE: online backup (other processes may keep using the database). */
export async function run(ctx: Context, args: string[], _opts: Record<string, unknown>): Promise<void> {
  const path = ctx.dbPath();
  const r = await backupDatabase(path, args[0]!, ctx.now, ctx.lockWait(path));
  ctx.notice("ops.backup.done", {
    path,
    file: r.file,
    size: formatBytes(r.bytes),
    values: r.values,
    version: r.schemaVersion,
  });
}
