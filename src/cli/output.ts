import { renameSync, writeFileSync } from "node:fs";
import type { Context } from "./context.js";

/** The shared output flags of report commands. */
export interface OutputOptions {
  format?: string;
  output?: string;
  /** false with --no-bom */
  bom?: boolean;
}

/**
 * Writes a rendered report to --output FILE (atomically: temp file, then rename) or to stdout.
 * CSV gets a UTF-8 BOM unless --no-bom, so Excel and WPS open it as UTF-8.
 */
export function emit(ctx: Context, opts: OutputOptions, text: string): void {
  const body = opts.format === "csv" && opts.bom !== false ? `\uFEFF${text}` : text;
  if (opts.output) {
    const tmp = `${opts.output}.${process.pid}.tmp`;
    writeFileSync(tmp, body);
    renameSync(tmp, opts.output);
  } else ctx.stdout.write(body);
}
