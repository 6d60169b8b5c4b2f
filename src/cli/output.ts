import { format as formatDate } from "date-fns/format";
import { refuseDatabaseFile, resolveOutputFile, stamp, writeFileAtomically } from "../app/ops.js";
import { type Doc, renderView } from "../render/doc.js";
import { extensionOf } from "../render/formats.js";
import type { Context } from "./context.js";
import { type LayoutOptions, tableOptions } from "./width.js";

/** The shared output flags of report commands. */
export interface OutputOptions extends LayoutOptions {
  format?: string;
  output?: string;
  /** false with --no-bom */
  bom?: boolean;
}

/** True when --output names a file (not absent, not `-` for stdout). */
export function toFile(output: string | undefined): output is string {
  return output !== undefined && output !== "-";
}

/**
 * Writes bytes to the file named by `-o` (see toFile): an existing folder gets a file named
 * `dzkj-COMMAND-YYYYMMDD-HHMMSS.EXT` inside it; the database itself (and its -wal/-shm) is
 * refused; the write is atomic (writeFileAtomically). Returns the file written.
 */
export function writeOutputFile(ctx: Context, output: string, bytes: Uint8Array, ext: string): string {
  const file = resolveOutputFile(output, `dzkj-${ctx.command || "output"}-${stamp(ctx.now)}.${ext}`);
  refuseDatabaseFile(file, ctx.dbPath());
  writeFileAtomically(file, bytes);
  return file;
}

/**
 * Writes a rendered report to --output FILE (atomically, never onto the database) or to stdout
 * (no -o, or `-o -`). CSV gets a UTF-8 BOM unless --no-bom, so Excel and WPS open it as UTF-8.
 * Bytes (an xlsx workbook) are written as they are.
 */
export function emit(ctx: Context, opts: OutputOptions, body: string | Uint8Array): void {
  const bytes =
    typeof body !== "string"
      ? body
      : Buffer.from(opts.format === "csv" && opts.bom !== false ? `\uFEFF${body}` : body, "utf8");
  if (toFile(opts.output)) writeOutputFile(ctx, opts.output, bytes, extensionOf(opts.format));
  else ctx.stdout.write(typeof body === "string" ? bytes.toString() : bytes);
}

/**
 * Renders one report view in the chosen --format and writes it: JSON from the view's contract,
 * the other formats from its Doc. Colour only for a table on a terminal (never into a file);
 * markdown, HTML and xlsx carry the date they were generated (xlsx is also dated by it, so the
 * same data on the same day gives the same workbook).
 */
export async function emitView(
  ctx: Context,
  opts: OutputOptions,
  doc: () => Doc,
  json: () => object,
): Promise<void> {
  const color = ctx.color && !toFile(opts.output) && (opts.format ?? "table") === "table";
  const dated = () => ({
    ...doc(),
    generated: ctx.t("rep.generated", { date: formatDate(ctx.now, "yyyy-MM-dd") }),
  });
  emit(ctx, opts, await renderView(opts.format, dated, json, color, tableOptions(ctx, opts), ctx.now));
}
