/** Terminal tables (cli-table3: measures wide CJK characters as two columns) and colour (chalk). */
import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";

export type Cell = string | { content: string; colSpan?: number; hAlign?: "left" | "center" | "right" };

/** A chalk that colours only when asked to (stdout is a terminal and NO_COLOR is unset). */
export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** Renders rows under a header; `right` lists the columns to align right (numbers). */
export function renderTable(head: string[], rows: Cell[][], right: ReadonlySet<number> = new Set()): string {
  const table = new Table({
    head,
    // no rule between body rows: long reports stay compact; section rows still stand out
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    style: { head: [], border: [], compact: false, "padding-left": 1, "padding-right": 1 },
    colAligns: head.map((_, i) => (right.has(i) ? "right" : "left")),
    wordWrap: false,
  });
  for (const r of rows) table.push(r as never);
  return table.toString();
}
