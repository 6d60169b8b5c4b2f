/**
 * Markdown for mail and chat: pipe tables padded to their columns' display widths (CJK counted
 * two), so that the table also reads as plain text where a mail client shows the source.
 */
import { textWidth } from "./width.js";

/**
 * Text from files (names, notes) as markdown text, never markup: a mail client or chat renders
 * markdown's inline HTML, so <, > and & become entities (they still read as text).
 */
export function escapeMarkdownText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeCell(s: string): string {
  return escapeMarkdownText(s)
    .replace(/\|/g, "\\|")
    .replace(/\r?\n|\r/g, " ");
}

/**
 * A GitHub-style pipe table, each column padded to its widest cell; `right` aligns numbers right.
 * The rows listed in `headings` (section headings in the first cell) are written as that one cell
 * and do not widen the column: a long heading runs past it rather than push every row's numbers
 * to the right.
 */
export function mdTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
  headings: ReadonlySet<number> = new Set(),
): string {
  const cells = [head, ...rows].map((r) => head.map((_, i) => escapeCell(r[i] ?? "")));
  const measured = cells.filter((_, k) => !headings.has(k - 1));
  // at least 3 wide: the alignment row needs --- (or --: for a right-aligned column)
  const widths = head.map((_, i) => Math.max(3, ...measured.map((r) => textWidth(r[i] ?? ""))));
  const pad = (s: string, i: number) => {
    const fill = " ".repeat(Math.max(0, (widths[i] ?? 0) - textWidth(s)));
    return right.has(i) ? fill + s : s + fill;
  };
  const line = (r: readonly string[]) => `| ${r.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => ` ${"-".repeat(right.has(i) ? w - 1 : w)}${right.has(i) ? ":" : ""} `).join("|")}|`;
  const [first = [], ...body] = cells;
  // a heading row is its first cell only: GFM fills the rest, and plain text reads a heading
  return [line(first), rule, ...body.map((r, k) => (headings.has(k) ? `| ${r[0] ?? ""} |` : line(r)))].join(
    "\n",
  );
}
