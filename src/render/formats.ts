/**
 * The output formats, in one list: the `--format` choices of every command that prints a
 * document, the extensions that pick a format from `-o FILE` (hledger's rule: report.html →
 * html), and the extension of a file written into a folder. Adding a format means a line here
 * and its renderer in render/doc.ts (renderView); nothing in cli/ changes (xlsx, the one binary
 * format, is refused on a terminal by main.ts). Kept free of imports:
 * main.ts reads it at start-up without loading any renderer.
 */
export const FORMATS = [
  { name: "table", extensions: ["txt"] },
  { name: "json", extensions: ["json"] },
  { name: "csv", extensions: ["csv"] },
  { name: "markdown", extensions: ["md", "markdown"] },
  { name: "html", extensions: ["html", "htm"] },
  { name: "xlsx", extensions: ["xlsx"] },
] as const;

/** A format's name: table, json, csv, markdown, html, xlsx. */
export type Format = (typeof FORMATS)[number]["name"];

/** The names, in the order `--help` lists them. */
export const FORMAT_NAMES: readonly Format[] = FORMATS.map((f) => f.name);

/** The format a file name implies by its extension (case-insensitive); undefined for any other name. */
export function formatOfFile(file: string): Format | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(file)?.[1]?.toLowerCase();
  return FORMATS.find((f) => (f.extensions as readonly string[]).includes(ext ?? ""))?.name;
}

/** The extension of a file written in `format` (its first): table → txt, markdown → md. */
export function extensionOf(format: string | undefined): string {
  return FORMATS.find((f) => f.name === format)?.extensions[0] ?? "txt";
}
