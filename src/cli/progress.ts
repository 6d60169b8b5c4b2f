import { bar, formatPercent } from "../render/format.js";
import type { Context } from "./context.js";

/**
 * A one-line progress bar on stderr for long imports (the importer reports every 4096 rows, so a
 * small file never shows one). Only on a terminal: in cron mail or a log it would be noise.
 * Redrawn at most ten times a second; `clear` wipes it before the summary is printed.
 */
export function progressBar(ctx: Context, enabled: boolean) {
  const on = enabled && ctx.stderr.isTTY;
  let last = 0;
  let shown = false;
  return {
    update(file: string, read: number, total: number): void {
      if (!on) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const f = total > 0 ? read / total : null;
      ctx.stderr.write(
        `\r\x1b[K${ctx.t("import.progress", { file, bar: bar(f, 20), percent: formatPercent(f) })}`,
      );
      shown = true;
    },
    clear(): void {
      if (shown) ctx.stderr.write("\r\x1b[K");
      shown = false;
    },
  };
}
