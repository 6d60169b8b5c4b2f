/**
 * The output format a file name implies (hledger's `-o FILE` rule): report.html → html,
 * .csv → csv, .md / .markdown → markdown, .json → json, .txt → table; undefined for any other
 * name. Kept apart from output.ts so that main.ts can ask without loading the renderers.
 */
export function formatOfFile(file: string): string | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(file)?.[1]?.toLowerCase();
  switch (ext) {
    case "html":
    case "htm":
      return "html";
    case "csv":
      return "csv";
    case "md":
    case "markdown":
      return "markdown";
    case "json":
      return "json";
    case "txt":
      return "table";
    default:
      return undefined;
  }
}
