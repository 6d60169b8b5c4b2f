import { renameSync, rmSync, writeFileSync } from "node:fs";
import { format as formatDate } from "date-fns/format";
import { UserError } from "../app/errors.js";
import { type Doc, renderView } from "../render/doc.js";
import type { Context } from "./context.js";
import { type LayoutOptions, tableOptions } from "./width.js";

/** The shared output flags of report commands. */
export interface OutputOptions extends LayoutOptions {
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
    try {
      writeFileSync(tmp, body);
      renameSync(tmp, opts.output);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new UserError({
        key: "rep.error.write",
        params: { file: opts.output, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      });
    }
  } else ctx.stdout.write(body);
}

/**
 * Renders one report view in the chosen --format and writes it: JSON from the view's contract,
 * the other formats from its Doc. Colour only for a table on a terminal (never into a file);
 * markdown and HTML carry the date they were generated.
 */
export function emitView(ctx: Context, opts: OutputOptions, doc: () => Doc, json: () => object): void {
  const color = ctx.color && !opts.output && (opts.format ?? "table") === "table";
  const dated = () => ({
    ...doc(),
    generated: ctx.t("rep.generated", { date: formatDate(ctx.now, "yyyy-MM-dd") }),
  });
  emit(ctx, opts, renderView(opts.format, dated, json, color, tableOptions(ctx, opts)));
}
