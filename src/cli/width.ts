/**
 * The terminal table's width and border style for this run (README "Output: width and style").
 * Width: --width N (0: unlimited), else the terminal's columns, else $COLUMNS, else unlimited —
 * so a pipe or a file keeps the full table. Never when writing to --output (a file has no width).
 */
import { UsageError } from "../app/errors.js";
import type { TableOptions, TableStyle } from "../render/table.js";
import type { Context } from "./context.js";

/** The options a table command accepts for its terminal layout. */
export interface LayoutOptions {
  width?: string;
  style?: string;
  output?: string;
}

/** The width (undefined: unlimited) and style to lay tables out with; a bad --width is a usage error. */
export function tableOptions(ctx: Context, opts: LayoutOptions): TableOptions {
  const style: TableStyle = opts.style === "box" ? "box" : "plain";
  if (opts.width !== undefined) {
    const v = opts.width.trim();
    if (!/^\d+$/.test(v)) throw new UsageError({ key: "error.width", params: { value: opts.width } });
    const n = Number(v);
    return { width: n === 0 ? undefined : n, style };
  }
  if (opts.output) return { style };
  const columns = ctx.stdout.isTTY ? ctx.stdout.columns : undefined;
  if (columns && columns > 0) return { width: columns, style };
  const env = Number(ctx.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return { width: env, style };
  return { style };
}
