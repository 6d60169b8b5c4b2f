/** Markdown for mail and chat: pipe tables that also read as plain text. */

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
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
