/**
 * Terminal tables with box-drawing borders and colour (chalk). Widths are measured with
 * string-width (the library cli-table3 uses), so wide CJK characters count as two columns and
 * ANSI colour codes as none. Drawn by hand rather than with cli-table3 because its colSpan rows
 * break when the row rules are turned off (a section heading came out as `┴┴┴┴` / `┬┬┬┬`):
 * here a section row is a full-width band between two proper rules.
 */
import { Chalk, type ChalkInstance } from "chalk";
import stringWidth from "string-width";
import { visibleText } from "./format.js";

/** A body row, or a full-width section heading (一、… / 总体目标). */
export type Cell = string | { content: string; colSpan?: number; hAlign?: "left" | "center" | "right" };
export type Row = Cell[] | { section: string };

/** A chalk that colours only when asked to (stdout is a terminal and NO_COLOR is unset). */
export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

// Characters whose width is certain without string-width: printable ASCII and the narrow symbols
// tables use (1), CJK ideographs, CJK and full-width punctuation (2). Anything else, and any colour
// code, goes to string-width. The fast path matters: measuring the status tables' cells through
// string-width's regular expressions took ~12 ms of `dzkj status` (--cpu-prof).
const NARROW = /^[\x20-\x7e\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u2500-\u259f]$/;
const WIDE = /^[\u2e80-\u303e\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]$/;

/** Display width of terminal text: CJK counts 2, colour codes 0. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (NARROW.test(ch)) w += 1;
    else if (WIDE.test(ch)) w += 2;
    else return stringWidth(s);
  }
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - textWidth(s)));
  return right ? fill + s : s + fill;
}

function cellText(c: Cell): string {
  // control characters from files shown, not obeyed; dzkj's own colour codes kept
  return visibleText(typeof c === "string" ? c : c.content, true);
}

/**
 * Renders rows under a header; `right` lists the columns to align right (numbers). A row
 * `{ section }` (or, for older callers, a single cell spanning every column) becomes a heading band.
 */
export function renderTable(
  head: string[],
  rows: readonly Row[],
  right: ReadonlySet<number> = new Set(),
): string {
  const n = head.length;
  const body = rows.map((r): Row => {
    if (!Array.isArray(r)) return r;
    const first = r[0];
    if (
      r.length === 1 &&
      n > 1 &&
      first !== undefined &&
      typeof first !== "string" &&
      (first.colSpan ?? 1) >= n
    )
      return { section: first.content };
    return r;
  });
  const widths = head.map((h) => textWidth(h));
  for (const r of body) {
    if (!Array.isArray(r)) continue;
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, textWidth(cellText(c)));
    });
  }
  // a section heading wider than the table widens the first column
  const inner = () => widths.reduce((a, w) => a + w + 2, 0) + (n - 1);
  for (const r of body)
    if (!Array.isArray(r)) {
      const need = textWidth(visibleText(r.section, true)) + 2 - inner();
      if (need > 0) widths[0] = (widths[0] ?? 0) + need;
    }
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => "─".repeat(w + 2)).join(m) + r;
  const line = (cells: Cell[]) =>
    `│${widths.map((w, i) => ` ${pad(cellText(cells[i] ?? ""), w, right.has(i))} `).join("│")}│`;
  const out = [rule("┌", "┬", "┐"), line(head)];
  let prevSection = false;
  for (const r of body) {
    if (Array.isArray(r)) {
      if (prevSection) out.push(rule("├", "┬", "┤"));
      out.push(line(r));
      prevSection = false;
    } else {
      out.push(prevSection ? rule("├", "─", "┤") : rule("├", "┴", "┤"));
      out.push(`│ ${pad(visibleText(r.section, true), inner() - 2, false)} │`);
      prevSection = true;
    }
  }
  out.push(prevSection ? rule("└", "─", "┘") : rule("└", "┴", "┘"));
  return out.join("\n");
}
