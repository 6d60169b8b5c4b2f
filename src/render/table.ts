/**
 * Terminal tables that fit the terminal. Widths are measured East-Asian aware (./width.ts), so
 * wide CJK characters count as two columns and ANSI colour codes as none. Two border styles:
 * `plain` (the default) draws only ASCII — `|`, `-`, `+` — whose width no terminal disputes, in
 * hledger's manner; `box` draws box-drawing lines, which are East-Asian *ambiguous* and fall
 * apart in a terminal that draws them wide. Drawn by hand rather than with cli-table3, because its
 * colSpan rows break when the row rules are turned off: here a section row is its own line.
 *
 * Fitting to a width, in this order: drop the least important columns (a column's `drop` rank,
 * highest first), shorten cells that have a short form (a completion bar goes, its percent stays),
 * wrap the text of `wrap` columns inside their cells, split the remaining columns into several
 * tables that repeat the key column, and at last show each row as a record (label: value lines).
 * No line is ever wider than the width.
 */
import { Chalk, type ChalkInstance } from "chalk";
import { visibleText } from "./format.js";
import { plainGlyphs, textWidth, wrapText } from "./width.js";

export { textWidth };

/** A cell: text, or text with a shorter form (used when the table must shrink) and a colour. */
export type Cell =
  | string
  | {
      content: string;
      colSpan?: number;
      hAlign?: "left" | "center" | "right";
      /** what the cell shows when its table is shortened (e.g. the percent without its bar) */
      short?: string;
      /** colour applied to each drawn line of the cell (after wrapping and padding) */
      paint?: (s: string) => string;
    };
/** A body row, or a full-width section heading (一、… / 总体目标). */
export type Row = Cell[] | { section: string; paint?: (s: string) => string };

/** Border style: ASCII only (default), or box-drawing lines. */
export type TableStyle = "plain" | "box";

/** How a column behaves when the table is too wide. */
export interface ColumnFit {
  /** 0 or absent: always shown; otherwise dropped when space is short, the highest rank first */
  drop?: number;
  /** its text may wrap onto several lines inside the cell (names, titles) */
  wrap?: boolean;
  /** repeated in every part when the table is split (default: the first column) */
  key?: boolean;
}

export interface TableOptions {
  /** at most this many columns per line; undefined: unlimited (pipes, files) */
  width?: number | undefined;
  style?: TableStyle | undefined;
  /** the display width of a string (default: East-Asian aware, ambiguous narrow) */
  measure?: ((s: string) => number) | undefined;
  /** per column, in the order of `head` */
  fit?: readonly (ColumnFit | undefined)[] | undefined;
}

/** A rendered table and the labels of the columns left out to make it fit. */
export interface TableOutput {
  text: string;
  hidden: string[];
}

/** A chalk that colours only when asked to (stdout is a terminal and NO_COLOR is unset). */
export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** The narrowest a wrapped column is made before the table is split instead. */
const MIN_WRAP = 10;
/** A wrapped column this wide reads comfortably: wider names wrap before any column is dropped. */
const COMFORT = 30;
const LATIN_WORD = /[\x21-\x7e\u00a0-\u024f]+/g;

interface Col {
  index: number;
  label: string;
  right: boolean;
  fit: ColumnFit;
}

interface Body {
  cells: { text: string; short: string; paint?: ((s: string) => string) | undefined }[];
}

type Line = Body | { section: string; paint?: ((s: string) => string) | undefined };

function normalise(rows: readonly Row[], n: number, shape: (s: string) => string): Line[] {
  // control characters from files (notes, file names, unit spellings) shown, not obeyed; dzkj's
  // own colour codes kept
  const glyphs = (s: string) => shape(visibleText(s, true));
  return rows.map((r): Line => {
    if (!Array.isArray(r)) return { section: glyphs(r.section), paint: r.paint };
    const first = r[0];
    if (
      r.length === 1 &&
      n > 1 &&
      first !== undefined &&
      typeof first !== "string" &&
      (first.colSpan ?? 1) >= n
    )
      return { section: glyphs(first.content), paint: first.paint };
    return {
      cells: Array.from({ length: n }, (_, i) => {
        const c = r[i] ?? "";
        if (typeof c === "string") return { text: glyphs(c), short: glyphs(c) };
        const text = glyphs(c.content);
        return { text, short: c.short === undefined ? text : glyphs(c.short), paint: c.paint };
      }),
    };
  });
}

/**
 * Renders rows under a header; `right` lists the columns to align right (numbers). A row
 * `{ section }` (or a single cell spanning every column) becomes a heading line.
 */
export function renderTable(
  head: string[],
  rows: readonly Row[],
  right: ReadonlySet<number> = new Set(),
  opts: TableOptions = {},
): string {
  return layoutTable(head, rows, right, opts).text;
}

/** As renderTable, and also says which columns were dropped to fit the width. */
export function layoutTable(
  head: readonly string[],
  rows: readonly Row[],
  right: ReadonlySet<number> = new Set(),
  opts: TableOptions = {},
): TableOutput {
  const style = opts.style ?? "plain";
  const measure = opts.measure ?? textWidth;
  const glyphs = style === "plain" ? plainGlyphs : (s: string) => s;
  const n = head.length;
  const cols: Col[] = head.map((label, index) => ({
    index,
    label: glyphs(label),
    right: right.has(index),
    fit: opts.fit?.[index] ?? {},
  }));
  const body = normalise(rows, n, glyphs);
  const limit = opts.width && opts.width > 0 ? opts.width : undefined;
  const overhead = (k: number) => (style === "box" ? 3 * (k - 1) + 4 : 3 * (k - 1));

  // a column's widths depend only on the column and the cells' form: measured once each, however
  // often dropping, wrapping and splitting ask
  const once = (f: (c: Col, short: boolean) => number) => {
    const seen = new Map<number, number>();
    return (c: Col, short: boolean) => {
      const k = 2 * c.index + (short ? 1 : 0);
      let w = seen.get(k);
      if (w === undefined) {
        w = f(c, short);
        seen.set(k, w);
      }
      return w;
    };
  };
  const natural = once((c, short) => {
    let w = measure(c.label);
    for (const r of body)
      if ("cells" in r) {
        const cell = r.cells[c.index];
        if (cell) w = Math.max(w, measure(short ? cell.short : cell.text));
      }
    return w;
  });
  // the narrowest a column can be: wrapped columns down to MIN_WRAP (or their widest word)
  const least = once((c, short) => {
    const full = natural(c, short);
    if (!c.fit.wrap) return full;
    let word = 0;
    for (const r of body)
      if ("cells" in r)
        // Latin words stay whole where they can; Chinese breaks between any two characters
        for (const w of (r.cells[c.index]?.text ?? "").match(LATIN_WORD) ?? [])
          word = Math.max(word, measure(w));
    return Math.min(full, Math.max(MIN_WRAP, Math.min(word, 16)));
  });
  const total = (cs: readonly Col[], widths: readonly number[]) =>
    widths.reduce((a, w) => a + w, 0) + overhead(cs.length);

  if (limit === undefined) {
    const widths = cols.map((c) => natural(c, false));
    return { text: draw(cols, widths, body, false, style, measure, undefined).join("\n"), hidden: [] };
  }

  // 1. drop the least important columns while the table is too wide, names counted at a
  // comfortable width (a long name is wrapped rather than cost the table a column)
  const comfortable = (c: Col) =>
    c.fit.wrap ? Math.min(natural(c, false), Math.max(least(c, false), COMFORT)) : natural(c, false);
  let shown = [...cols];
  const hidden: string[] = [];
  while (total(shown, shown.map(comfortable)) > limit) {
    const droppable = shown.filter((c) => (c.fit.drop ?? 0) > 0);
    if (!droppable.length) break;
    const victim = droppable.reduce((a, b) => ((b.fit.drop ?? 0) >= (a.fit.drop ?? 0) ? b : a));
    shown = shown.filter((c) => c !== victim);
    hidden.unshift(victim.label);
  }
  // 2. shorten
  const short = total(shown, shown.map(comfortable)) > limit;
  // 3. wrap: give the wrap columns what is left, the widest shrinking first
  const fitted = (cs: readonly Col[]): number[] | null => {
    const widths = cs.map((c) => natural(c, short));
    let excess = total(cs, widths) - limit;
    while (excess > 0) {
      let widest = -1;
      cs.forEach((c, i) => {
        if (
          c.fit.wrap &&
          (widths[i] ?? 0) > least(c, short) &&
          (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))
        )
          widest = i;
      });
      if (widest < 0) return null;
      widths[widest] = (widths[widest] ?? 0) - 1;
      excess--;
    }
    return widths;
  };
  const whole = fitted(shown);
  if (whole) return { text: draw(shown, whole, body, short, style, measure, limit).join("\n"), hidden };

  // 4. split: the key columns and as many others as fit, again and again
  const keys = shown.filter((c, i) => c.fit.key || (i === 0 && !shown.some((x) => x.fit.key)));
  const others = shown.filter((c) => !keys.includes(c));
  const parts: Col[][] = [];
  let part: Col[] = [];
  for (const c of others) {
    if (part.length && !fitted([...keys, ...part, c])) {
      parts.push(part);
      part = [];
    }
    part.push(c);
  }
  if (part.length) parts.push(part);
  const drawn: string[][] = [];
  for (const p of parts) {
    const cs = [...keys, ...p];
    const widths = fitted(cs);
    if (!widths) return { text: records(shown, body, measure, limit).join("\n"), hidden };
    drawn.push(draw(cs, widths, body, short, style, measure, limit));
  }
  return { text: drawn.map((d) => d.join("\n")).join("\n\n"), hidden };
}

function pad(s: string, width: number, right: boolean, measure: (s: string) => number): string {
  const fill = " ".repeat(Math.max(0, width - measure(s)));
  return right ? fill + s : s + fill;
}

/** The lines of one table at fixed column widths; wrapped cells take several lines. */
function draw(
  cols: readonly Col[],
  widths: number[],
  body: readonly Line[],
  short: boolean,
  style: TableStyle,
  measure: (s: string) => number,
  limit: number | undefined,
): string[] {
  const n = cols.length;
  const box = style === "box";
  const inner = () => widths.reduce((a, w) => a + w + 2, 0) + (n - 1);
  // unlimited: a section heading wider than the table widens the first column (box bands)
  if (box && limit === undefined)
    for (const r of body)
      if ("section" in r) {
        const need = measure(r.section) + 2 - inner();
        if (need > 0) widths[0] = (widths[0] ?? 0) + need;
      }
  const cellLines = (text: string, i: number) => {
    const c = cols[i] as Col;
    const w = widths[i] ?? 0;
    return c.fit.wrap || measure(text) > w ? wrapText(text, w, measure) : [text];
  };
  const physical = (texts: string[], paints: (((s: string) => string) | undefined)[]) => {
    const split = texts.map((t, i) => cellLines(t, i));
    const height = Math.max(...split.map((l) => l.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = widths.map((w, i) => {
        const s = pad(split[i]?.[k] ?? "", w, cols[i]?.right ?? false, measure);
        const p = paints[i];
        return p && (split[i]?.[k] ?? "") !== "" ? p(s) : s;
      });
      out.push(box ? `│ ${parts.join(" │ ")} │` : parts.join(" | ").trimEnd());
    }
    return out;
  };
  const headLines = physical(
    cols.map((c) => c.label),
    [],
  );
  const rule = (l: string, m: string, r: string, fill: string) =>
    l + widths.map((w) => fill.repeat(w + 2)).join(m) + r;
  const plainRule = widths.map((w, i) => "-".repeat(i === 0 || i === n - 1 ? w + 1 : w + 2)).join("+");
  const out: string[] = box ? [rule("┌", "┬", "┐", "─"), ...headLines] : [...headLines, plainRule];
  let prevSection = false;
  let first = true;
  for (const r of body) {
    if ("cells" in r) {
      if (box && prevSection) out.push(rule("├", "┬", "┤", "─"));
      out.push(
        ...physical(
          cols.map((c) => {
            const cell = r.cells[c.index];
            return (short ? cell?.short : cell?.text) ?? "";
          }),
          cols.map((c) => r.cells[c.index]?.paint),
        ),
      );
      prevSection = false;
    } else {
      const paint = r.paint ?? ((s: string) => s);
      if (box) {
        out.push(prevSection ? rule("├", "─", "┤", "─") : rule("├", "┴", "┤", "─"));
        for (const l of wrapText(r.section, inner() - 2, measure))
          out.push(`│ ${paint(pad(l, inner() - 2, false, measure))} │`);
      } else {
        if (!first) out.push("");
        for (const l of limit === undefined ? [r.section] : wrapText(r.section, limit, measure))
          out.push(paint(l));
      }
      prevSection = true;
    }
    first = false;
  }
  if (box) out.push(prevSection ? rule("└", "─", "┘", "─") : rule("└", "┴", "┘", "─"));
  return out;
}

/** The last resort for a very narrow width: each row as `label: value` lines under its key. */
function records(cols: readonly Col[], body: readonly Line[], measure: (s: string) => number, limit: number) {
  const out: string[] = [];
  for (const r of body) {
    if ("section" in r) {
      out.push(...wrapText(r.section, limit, measure).map((l) => (r.paint ? r.paint(l) : l)));
      continue;
    }
    const [key, ...rest] = cols;
    if (!key) continue;
    out.push(...wrapText(r.cells[key.index]?.text ?? "", limit, measure));
    for (const c of rest) {
      const cell = r.cells[c.index];
      const value = cell?.short ?? "";
      out.push(...wrapText(`${c.label}: ${value}`, Math.max(1, limit - 2), measure).map((l) => `  ${l}`));
    }
  }
  return out;
}
