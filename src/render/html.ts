/** Self-contained HTML pages (no external assets, no network), printable on A4. */

/** Escapes text for HTML content and attribute values. */
export function esc(s: string | number | null): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A complete page around `body` with the shared print-friendly style. */
export function htmlPage(lang: "zh" | "en", title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #222; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12.5pt; margin: 14pt 0 6pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; page-break-inside: auto; }
th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { white-space: nowrap; word-break: keep-all; }
td.num, td.nw, th.num { white-space: nowrap; }
table.wide { font-size: 8.5pt; } table.wide th, table.wide td { padding: 1.5pt 2.5pt; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; }
.behind, .missed, .at_risk { color: #b00020; } .on_track, .done { color: #1b7a2f; } .met { font-weight: bold; }
.muted { color: #666; font-size: 9pt; }
header { border-bottom: 2px solid #8b1a1a; padding-bottom: 4pt; margin-bottom: 8pt; }
p.meta { margin: 1pt 0; color: #444; }
p.verdict { font-weight: bold; font-size: 11pt; padding: 4pt 6pt; background: #f4f6f8; border-left: 4px solid #3b6fb6; }
p.verdict.bad { border-left-color: #c92a2a; color: #222; } p.verdict.good { border-left-color: #2b8a3e; }
p.note { margin: 2pt 0; } .bad { color: #b00020; } .good { color: #1b7a2f; } .warn { color: #9a5b00; } .strong { font-weight: bold; } .dim { color: #777; }
tr.section th { background: #eef1f5; text-align: left; font-weight: bold; }
thead th { background: #dfe4ea; }
thead { display: table-header-group; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
section.figure { page-break-inside: avoid; break-inside: avoid; }
@media print {
  body { max-width: none; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  p.verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr.section th, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
