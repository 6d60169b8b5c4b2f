import { createInterface } from "node:readline/promises";
import { restoreDatabase } from "../../app/backup.js";
import { UsageError } from "../../app/errors.js";
import type { Context } from "../context.js";

/**
 * dzkj restore FILE [--yes]: replaces the database with a validated backup. Asks on a terminal;
 * scripts (stdin not a terminal) must say --yes, so that a cron job never blocks on a question.
 */
export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<void> {
  const path = ctx.dbPath();
  const file = args[0]!;
  // The one place a command reads stdin: the confirmation needs the terminal itself.
  const interactive = process.stdin.isTTY === true;
  if (opts.yes !== true && !interactive)
    throw new UsageError({ key: "ops.restore.needYes", params: { path } });
  const r = await restoreDatabase(
    path,
    file,
    ctx.now,
    async (info, current) => {
      if (opts.yes === true) return true;
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await rl.question(
          ctx.t("ops.restore.question", {
            file,
            path,
            values: info.counts.values,
            batches: info.counts.batches,
            version: info.schemaVersion,
            current: current?.values ?? 0,
          }),
        );
        return /^(y|yes|是)$/i.test(answer.trim());
      } finally {
        rl.close();
      }
    },
    undefined,
    ctx.lockWait(path),
  );
  if (r.safetyBackup) ctx.notice("ops.restore.safety", { file: r.safetyBackup });
  ctx.notice("ops.restore.done", {
    path: r.path,
    file,
    values: r.counts.values,
    batches: r.counts.batches,
    version: r.schemaVersion,
  });
  if (r.older) ctx.notice("ops.restore.older", { version: r.schemaVersion });
  if (!r.checkpointed) ctx.notice("ops.restore.notCheckpointed");
}
