/**
 * Display width of terminal text, East-Asian aware, and the wrapping of text to a width.
 *
 * A character's width in a terminal follows Unicode's East Asian Width property: wide (W) and
 * full-width (F) characters take two columns, narrow ones one. Ambiguous (A) characters — box
 * drawing, block elements, `—`, `·`, `…`, curly quotes, Greek and Cyrillic letters — take one
 * column in most Western terminals but two in many Chinese ones (the "ambiguous width = wide"
 * setting). string-width 4 (the version cli-table3 pins) counts them as one and has no option
 * for the other reading, so `ambiguousWide` adds the difference here.
 */
import { eastAsianWidthType } from "get-east-asian-width";
import stringWidth from "string-width";
import stripAnsi from "strip-ansi";

// East Asian Width "A" code points that draw a column: combining marks (U+0300–036F) and variation
// selectors are ambiguous in EastAsianWidth.txt but draw none; private-use characters of planes 15–16,
// whose width only the font knows, count one column.
const NOT_DRAWN = /^[\u0300-\u036f\ufe00-\ufe0f\u{e0100}-\u{e01ef}\u{f0000}-\u{10ffff}]$/u;

// Characters whose width is certain without string-width: printable ASCII and the narrow symbols
// tables use (1), CJK ideographs, CJK and full-width punctuation (2). Anything else, and any colour
// code, goes to string-width. The fast path matters: measuring the status tables' cells through
// string-width's regular expressions took ~12 ms of `dzkj status` (--cpu-prof).
const NARROW = /^[\x20-\x7e\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u2500-\u259f]$/;
const WIDE = /^[\u2e80-\u303e\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]$/;

/** Display width of terminal text as string-width counts it: CJK 2, colour codes 0, ambiguous 1. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (NARROW.test(ch)) w += 1;
    else if (WIDE.test(ch)) w += 2;
    else return stringWidth(s);
  }
  return w;
}

/** True when the character's East Asian Width is ambiguous (drawn 1 or 2 columns by terminal). */
function isAmbiguous(ch: string): boolean {
  return eastAsianWidthType(ch.codePointAt(0) ?? 0) === "ambiguous" && !NOT_DRAWN.test(ch);
}

/**
 * Columns `s` takes in a terminal: wide and full-width characters 2, colour codes 0, ambiguous
 * ones 1 — or 2 with `ambiguousWide` (a terminal set to draw them wide).
 */
export function displayWidth(s: string, ambiguousWide = false): number {
  const w = textWidth(s);
  if (!ambiguousWide) return w;
  let extra = 0;
  for (const ch of stripAnsi(s)) if (isAmbiguous(ch)) extra++;
  return w + extra;
}

/** The characters of `s` whose width is ambiguous (for tests and the plain style's guarantee). */
export function ambiguousChars(s: string): string[] {
  return [...stripAnsi(s)].filter((ch) => isAmbiguous(ch));
}

// Typographic characters of ambiguous width in text dzkj draws (its own `—` for "no value", `·`
// between two states, `…` after a clipped note, curly quotes in plan titles, `≠` in a warning) and their
// unambiguous stand-ins: the plain table style prints only characters every terminal draws alike.
const PLAIN_GLYPHS: Readonly<Record<string, string>> = {
  "—": "-",
  "–": "-",
  "·": "-",
  "…": "...",
  "“": '"',
  "”": '"',
  "‘": "'",
  "’": "'",
  "×": "x",
  "°": "o",
  "※": "*",
  "≠": "!=",
  "≤": "<=",
  "≥": ">=",
  "→": "->",
  "÷": "/",
};
const PLAIN_RE = new RegExp(`[${Object.keys(PLAIN_GLYPHS).join("")}]`, "g");

/** `s` with dzkj's ambiguous-width glyphs replaced by unambiguous ones (plain table style). */
export function plainGlyphs(s: string): string {
  return s.replace(PLAIN_RE, (c) => PLAIN_GLYPHS[c] ?? c);
}

/**
 * Breaks `s` into lines of at most `width` columns (by `measure`): at spaces where there are
 * any (English), else between any two characters (Chinese has no spaces); a word longer than
 * the width is cut. Colour codes are dropped from text that has to be broken.
 */
export function wrapText(s: string, width: number, measure: (s: string) => number = displayWidth): string[] {
  if (measure(s) <= width) return [s];
  const plain = stripAnsi(s);
  const lines: string[] = [];
  let line = "";
  // tokens: runs of non-space Latin text stay together; every other character stands alone
  const tokens = plain.match(/[\x21-\x7e\u00a0-\u024f]+|\s+|./gsu) ?? [];
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line !== "" && measure(`${line} `) <= width) line += " ";
      else if (line !== "") {
        lines.push(line);
        line = "";
      }
      continue;
    }
    if (measure(line + token) <= width) {
      line += token;
      continue;
    }
    if (line.trim() !== "") lines.push(line.trimEnd());
    line = "";
    // a token wider than the line: cut it character by character
    for (const ch of token) {
      if (measure(line + ch) > width && line !== "") {
        lines.push(line);
        line = "";
      }
      line += ch;
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines.length ? lines : [""];
}
