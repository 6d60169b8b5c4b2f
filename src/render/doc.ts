/**
 * A report as a document: title, meta lines, verdict, an optional completion chart and tables.
 * Every report view (report, report --by unit / --unit, status, completeness, trend) builds one
 * Doc in the UI language; the text renderers below turn the same Doc into a terminal table,
 * markdown, CSV or a self-contained HTML page, so the formats can never disagree. JSON is not
 * rendered from the Doc: it has its own documented contract per view (no formatted text).
 */
import type { Lang } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { type CsvCell, toCsv } from "./csv.js";
import { asciiBar, bar, formatNumber, formatPercent } from "./format.js";
import { esc, htmlPage } from "./html.js";
import { escapeMarkdownText, mdTable } from "./markdown.js";
import { type Cell, layoutTable, painter, type Row, type TableOptions } from "./table.js";
import { plainGlyphs, wrapText } from "./width.js";

/** How a cell or line is emphasised: red (bad), green (good), yellow (warn), bold (strong), grey (dim). */
export type Tone = "good" | "bad" | "warn" | "strong" | "dim";

export interface DocCell {
  /** what a person reads (formatted number, translated status) */
  text: string;
  /** what a spreadsheet gets: numbers stay numbers; default: the text */
  value?: CsvCell;
  tone?: Tone | undefined;
  /** a completion fraction: the terminal table draws a bar before the text */
  bar?: number | null;
  /** CSV: several values for a column with `csvSplit` headers (2/6 → 2 and 6, never a date) */
  values?: CsvCell[];
  /** the code of what the cell names (indicator, unit): CSV gives it a column of its own */
  code?: string;
  /** a marker shown after the name (* for 力争): CSV gives it a column of its own */
  marker?: string;
}

export interface Column {
  label: string;
  /** numbers: right-aligned */
  right?: boolean;
  /** the CSV header when it differs (e.g. "完成率 (%)") */
  csv?: string;
  /**
   * How much the column matters in a narrow terminal: absent or 0, always shown; otherwise it is
   * left out when the table does not fit, the highest number first.
   */
  drop?: number;
  /** its text may wrap inside the cell (names and titles) */
  wrap?: boolean;
  /** CSV: the column is written as these columns, from the cells' `values` */
  csvSplit?: string[];
  /** CSV: the header of a code column written before this one (cells' `code`) */
  code?: string;
  /** CSV: the header of a marker column written after this one (cells' `marker`) */
  marker?: string;
  /** written in CSV only (a code a spreadsheet or `task import` reads; people read the headings) */
  csvOnly?: boolean;
}

export type DocRow = DocCell[] | { section: string };

export interface Line {
  text: string;
  tone?: Tone | undefined;
}

export interface Block {
  title?: string;
  columns: Column[];
  rows: DocRow[];
  /** lines under the table (warnings, lists) */
  notes?: Line[];
  /** CSV: false leaves out the section column (a csvOnly column of the rows names the section) */
  csvSections?: boolean;
}

/** The block as people read it: the CSV-only columns left out. */
function readable(b: Block): Block {
  if (!b.columns.some((c) => c.csvOnly)) return b;
  const keep = b.columns.flatMap((c, i) => (c.csvOnly ? [] : [i]));
  return {
    ...b,
    columns: keep.map((i) => b.columns[i]!),
    rows: b.rows.map((r) => (Array.isArray(r) ? keep.map((i) => r[i]!) : r)),
  };
}

/** One bar of the HTML chart: completion against 序时进度 (both fractions of the target). */
export interface ChartItem {
  label: string;
  completion: number | null;
  pace: number | null;
  /** text at the end of the bar, e.g. "90.0%" or "无数据" */
  valueText: string;
  tone?: Tone | undefined;
  /** what the bar's colour stands for (正常, 滞后 …): the legend names each colour drawn */
  legend?: string;
}

export interface Doc {
  lang: Lang;
  title: string;
  /** plan, as-of, elapsed … one short line each */
  meta: string[];
  verdict?: Line;
  /** lines under the verdict: the named items of each category, task numbers by status */
  details?: Line[];
  chart?: { title: string; items: ChartItem[]; legendActual: string; legendPace: string };
  blocks: Block[];
  /** extra lines for the terminal only (e.g. a sparkline) */
  terminal?: string[];
  footnotes?: string[];
  /** the section column's CSV header */
  sectionLabel: string;
  /** "generated on" line for markdown and HTML (dated documents) */
  generated?: string;
}

/** A text cell. */
export function text(s: string, tone?: Tone): DocCell {
  return { text: s, value: s, tone };
}

/**
 * The terminal view: bold title, verdict, tables with section headings; colour only when asked.
 * With `table.width`, every line fits it: prose wraps, and each table drops its least important
 * columns (said in a note under it), shortens, wraps names or splits (render/table.ts).
 */
export function docTable(doc: Doc, color: boolean, table: TableOptions = {}): string {
  const c = painter(color);
  const plain = (table.style ?? "plain") === "plain";
  const glyphs = plain ? plainGlyphs : (s: string) => s;
  const paint = (s: string, tone?: Tone) =>
    tone === "bad"
      ? c.red(s)
      : tone === "good"
        ? c.green(s)
        : tone === "warn"
          ? c.yellow(s)
          : tone === "strong"
            ? c.bold(s)
            : tone === "dim"
              ? c.dim(s)
              : s;
  const width = table.width && table.width > 0 ? table.width : undefined;
  // prose lines wrap at the width, each physical line painted on its own
  const prose = (s: string, tone?: Tone) =>
    (width === undefined ? [glyphs(s)] : wrapText(glyphs(s), width, table.measure)).map((l) =>
      paint(l, tone),
    );
  const out: string[] = [...prose(doc.title, "strong"), ...doc.meta.flatMap((m) => prose(m))];
  if (doc.verdict) out.push(...prose(doc.verdict.text, doc.verdict.tone ?? "strong"));
  for (const d of doc.details ?? []) out.push(...prose(d.text, d.tone));
  for (const b of doc.blocks.map(readable)) {
    if (b.title) out.push("", ...prose(b.title, "strong"));
    const right = new Set(b.columns.flatMap((col, i) => (col.right ? [i] : [])));
    const rows: Row[] = b.rows.map((r) =>
      Array.isArray(r)
        ? r.map((cell): Cell => {
            const drawn =
              cell.bar === undefined
                ? cell.text
                : `${plain ? asciiBar(cell.bar, 8) : bar(cell.bar, 8)} ${cell.text.padStart(6)}`;
            const tone = cell.tone;
            return {
              content: drawn,
              short: cell.text,
              paint: tone ? (s: string) => paint(s, tone) : undefined,
            };
          })
        : { section: r.section, paint: (s: string) => c.bold(s) },
    );
    const laid = layoutTable(
      b.columns.map((col) => col.label),
      rows,
      right,
      { ...table, fit: b.columns.map((col) => ({ drop: col.drop, wrap: col.wrap })) },
    );
    out.push(laid.text);
    if (laid.hidden.length)
      out.push(
        ...prose(
          t(doc.lang, "table.hidden", { columns: laid.hidden.join(t(doc.lang, "rep.listSep")) }),
          "dim",
        ),
      );
    for (const n of b.notes ?? []) out.push(...prose(n.text, n.tone));
  }
  if (doc.terminal?.length) out.push("", ...doc.terminal.flatMap((l) => prose(l)));
  for (const f of doc.footnotes ?? []) out.push(...prose(f, "dim"));
  return `${out.join("\n")}\n`;
}

/** Markdown for mail and chat: title, meta, bold verdict, then pipe tables (plain-text readable). */
export function docMarkdown(doc: Doc): string {
  const md = escapeMarkdownText;
  const out: string[] = [`# ${md(doc.title)}`, ""];
  for (const m of doc.meta) out.push(`${md(m)}  `);
  if (doc.generated) out.push(`${md(doc.generated)}  `);
  out.push("");
  if (doc.verdict) out.push(`**${md(doc.verdict.text)}**`, "");
  if (doc.details?.length) out.push(...doc.details.map((d) => `- ${md(d.text)}`), "");
  for (const b of doc.blocks.map(readable)) {
    if (b.title) out.push(`## ${md(b.title)}`, "");
    const right = new Set(b.columns.flatMap((col, i) => (col.right ? [i] : [])));
    const rows = b.rows.map((r) =>
      Array.isArray(r)
        ? r.map((cell) => cell.text)
        : [`**${r.section}**`, ...b.columns.slice(1).map(() => "")],
    );
    const headings = new Set(b.rows.flatMap((r, k) => (Array.isArray(r) ? [] : [k])));
    out.push(
      mdTable(
        b.columns.map((col) => col.label),
        rows,
        right,
        headings,
      ),
      "",
    );
    for (const n of b.notes ?? []) out.push(`- ${md(n.text)}`);
    if (b.notes?.length) out.push("");
  }
  for (const f of doc.footnotes ?? []) out.push(`_${md(f)}_`, "");
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * CSV: each table with its header row (a section column first when the table has sections);
 * several tables are separated by one empty line. Numbers are written as numbers.
 */
export function docCsv(doc: Doc): string {
  const parts = doc.blocks.map((b) => {
    const sectioned = b.csvSections !== false && b.rows.some((r) => !Array.isArray(r));
    const head: CsvCell[] = [
      ...(sectioned ? [doc.sectionLabel] : []),
      ...b.columns.flatMap((c) => [
        ...(c.code !== undefined ? [c.code] : []),
        ...(c.csvSplit ?? [c.csv ?? c.label]),
        ...(c.marker !== undefined ? [c.marker] : []),
      ]),
    ];
    const rows: CsvCell[][] = [head];
    let section = "";
    for (const r of b.rows) {
      if (!Array.isArray(r)) section = r.section;
      else
        rows.push([
          ...(sectioned ? [section] : []),
          ...r.flatMap((c, i) => {
            const col = b.columns[i];
            return [
              ...(col?.code !== undefined ? [c.code ?? ""] : []),
              ...(col?.csvSplit
                ? (c.values ?? col.csvSplit.map(() => null))
                : [c.value === undefined ? c.text : c.value]),
              ...(col?.marker !== undefined ? [c.marker ?? ""] : []),
            ];
          }),
        ]);
    }
    return toCsv(rows);
  });
  return parts.join("\r\n");
}

const CHART_BAR = 360;
const DATE_TEXT = /^\d{4}-\d{2}(-\d{2})?( |$)/;
const CHART_ROW = 20;

/** Rough rendered width (px at 11px) of a label: wide characters ≈ 11px, others ≈ 6.2px. */
function labelWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 11 : 6.2;
  return w;
}

/** The fill of a bar of this tone: red behind, green on track or met, blue otherwise. */
export function barFill(tone: Tone | undefined): string {
  return tone === "bad" ? "#c92a2a" : tone === "good" || tone === "strong" ? "#2b8a3e" : "#3b6fb6";
}

/**
 * Inline SVG: one horizontal bar per item (completion, capped at 100%) with a tick at 序时进度.
 * The legend shows one swatch per colour actually drawn, named by what its bars stand for.
 */
export function chartSvg(chart: NonNullable<Doc["chart"]>): string {
  const top = 26;
  // the label column fits the longest label (English names are long), within reason
  const x0 = Math.ceil(Math.min(340, Math.max(80, ...chart.items.map((i) => labelWidth(i.label) + 12))));
  const width = x0 + CHART_BAR + 110;
  const height = top + chart.items.length * CHART_ROW + 8;
  // the colours drawn (bars of some length), each with the names of what it stands for
  const drawn = new Map<string, string[]>();
  for (const item of chart.items) {
    if (item.completion === null || item.completion <= 0) continue;
    const fill = barFill(item.tone);
    const names = drawn.get(fill) ?? [];
    const name = item.legend ?? chart.legendActual;
    if (!names.includes(name)) names.push(name);
    drawn.set(fill, names);
  }
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(chart.title)}">`,
    `<text x="${x0 - 6}" y="15" font-size="11" text-anchor="end">${esc(chart.legendActual)}</text>`,
  ];
  let x = x0;
  for (const [fill, names] of drawn) {
    const label = names.join("、");
    parts.push(
      `<rect class="legend-swatch" data-fill="${fill}" x="${x}" y="6" width="14" height="10" fill="${fill}"/>`,
      `<text x="${x + 18}" y="15" font-size="11">${esc(label)}</text>`,
    );
    x += 18 + labelWidth(label) + 14;
  }
  parts.push(
    `<line class="legend-pace" x1="${x + 4}" y1="4" x2="${x + 4}" y2="18" stroke="#d9480f" stroke-width="2"/>`,
    `<text x="${x + 10}" y="15" font-size="11">${esc(chart.legendPace)}</text>`,
  );
  for (const pctLine of [0, 0.25, 0.5, 0.75, 1]) {
    const x = x0 + CHART_BAR * pctLine;
    parts.push(
      `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 6}" stroke="#ddd" stroke-width="1"/>`,
    );
  }
  chart.items.forEach((item, i) => {
    const y = top + i * CHART_ROW;
    const fill = barFill(item.tone);
    const w = item.completion === null ? 0 : CHART_BAR * Math.max(0, Math.min(1, item.completion));
    parts.push(
      `<text x="${x0 - 6}" y="${y + 13}" font-size="11" text-anchor="end">${esc(item.label)}</text>`,
      `<rect x="${x0}" y="${y + 3}" width="${CHART_BAR}" height="12" fill="#f1f3f5"/>`,
      `<rect class="bar" data-completion="${item.completion ?? ""}" x="${x0}" y="${y + 3}" width="${w.toFixed(1)}" height="12" fill="${fill}"/>`,
    );
    if (item.pace !== null) {
      const px = x0 + CHART_BAR * Math.max(0, Math.min(1, item.pace));
      parts.push(
        `<line class="pace" data-pace="${item.pace}" x1="${px.toFixed(1)}" y1="${y + 1}" x2="${px.toFixed(1)}" y2="${y + 17}" stroke="#d9480f" stroke-width="2"/>`,
      );
    }
    parts.push(`<text x="${x0 + CHART_BAR + 6}" y="${y + 13}" font-size="11">${esc(item.valueText)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** One self-contained HTML page (inline CSS and SVG, no external assets), printable on A4. */
export function docHtml(doc: Doc): string {
  const body: string[] = [`<header><h1>${esc(doc.title)}</h1>`];
  for (const m of doc.meta) body.push(`<p class="meta">${esc(m)}</p>`);
  if (doc.generated) body.push(`<p class="meta">${esc(doc.generated)}</p>`);
  body.push("</header>");
  if (doc.verdict) body.push(`<p class="verdict ${doc.verdict.tone ?? ""}">${esc(doc.verdict.text)}</p>`);
  if (doc.details?.length)
    body.push(
      `<ul class="details">${doc.details.map((d) => `<li class="${d.tone ?? ""}">${esc(d.text)}</li>`).join("")}</ul>`,
    );
  if (doc.chart)
    body.push(`<section class="figure"><h2>${esc(doc.chart.title)}</h2>`, chartSvg(doc.chart), "</section>");
  for (const b of doc.blocks.map(readable)) {
    body.push("<section>");
    if (b.title) body.push(`<h2>${esc(b.title)}</h2>`);
    const cls = (col: Column) => (col.right ? ' class="num"' : "");
    // many columns (report --by unit): a smaller type so the unbroken headers fit A4
    const wide = b.columns.length > 9 ? ' class="wide"' : "";
    body.push(
      `<table${wide}><thead><tr>${b.columns.map((c) => `<th${cls(c)}>${esc(c.label)}</th>`).join("")}</tr></thead><tbody>`,
    );
    for (const r of b.rows) {
      if (!Array.isArray(r))
        body.push(`<tr class="section"><th colspan="${b.columns.length}">${esc(r.section)}</th></tr>`);
      else
        body.push(
          `<tr>${r
            .map((cell, i) => {
              // a date or a time never breaks at its hyphens
              const nowrap = DATE_TEXT.test(cell.text) ? "nw" : "";
              const classes = [b.columns[i]?.right ? "num" : "", nowrap, cell.tone ?? ""]
                .filter(Boolean)
                .join(" ");
              return `<td${classes ? ` class="${classes}"` : ""}>${esc(cell.text)}</td>`;
            })
            .join("")}</tr>`,
        );
    }
    body.push("</tbody></table>");
    for (const n of b.notes ?? []) body.push(`<p class="note ${n.tone ?? ""}">${esc(n.text)}</p>`);
    body.push("</section>");
  }
  for (const f of doc.footnotes ?? []) body.push(`<p class="muted">${esc(f)}</p>`);
  return htmlPage(doc.lang, doc.title, body.join("\n"));
}

/**
 * Renders a view in `format` (one of render/formats.ts's list): JSON from its contract object, the
 * rest from its Doc. Every command that prints a table or a record comes through here. Text formats
 * give a string; xlsx gives the workbook's bytes (render/xlsx.ts, loaded only for it, with exceljs),
 * dated by `now`.
 */
export async function renderView(
  format: string | undefined,
  doc: () => Doc,
  json: () => object,
  color: boolean,
  table: TableOptions = {},
  now: Date = new Date(0),
): Promise<string | Uint8Array> {
  switch (format) {
    case "json":
      return `${JSON.stringify(json(), null, 2)}\n`;
    case "csv":
      return docCsv(doc());
    case "markdown":
      return docMarkdown(doc());
    case "html":
      return docHtml(doc());
    case "xlsx":
      return (await import("./xlsx.js")).docXlsx(doc(), { now });
    default:
      return docTable(doc(), color, table);
  }
}

/** A completion cell: percent text, bar in the terminal, the percentage (one decimal) in CSV. */
export function completionCell(x: number | null, tone?: Tone): DocCell {
  return {
    text: formatPercent(x),
    value: x === null ? null : Math.round(x * 1000) / 10,
    bar: x,
    tone,
  };
}

/** A number cell: formatted for people, the unrounded number for spreadsheets. */
export function numberCell(lang: Lang, x: number | null, tone?: Tone): DocCell {
  return { text: formatNumber(lang, x), value: x, tone };
}
