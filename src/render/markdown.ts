/** Markdown for mail and chat: pipe tables that also read as plain text. */

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

/** A GitHub-style pipe table; `right` lists the columns to align right. */
export function mdTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  const rule = `|${head.map((_, i) => (right.has(i) ? " ---: " : " --- ")).join("|")}|`;
  return [line(head), rule, ...rows.map(line)].join("\n");
}
