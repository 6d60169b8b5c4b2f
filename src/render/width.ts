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
import stringWidth from "string-width";

// East Asian Width "A" code points (Unicode 15 EastAsianWidth.txt), as [first, last] ranges.
// Combining marks (U+0300–036F) and variation selectors are ambiguous but draw no column: left out.
const AMBIGUOUS: readonly (readonly [number, number])[] = [
  [0xa1, 0xa1],
  [0xa4, 0xa4],
  [0xa7, 0xa8],
  [0xaa, 0xaa],
  [0xad, 0xae],
  [0xb0, 0xb4],
  [0xb6, 0xba],
  [0xbc, 0xbf],
  [0xc6, 0xc6],
  [0xd0, 0xd0],
  [0xd7, 0xd8],
  [0xde, 0xe1],
  [0xe6, 0xe6],
  [0xe8, 0xea],
  [0xec, 0xed],
  [0xf0, 0xf0],
  [0xf2, 0xf3],
  [0xf7, 0xfa],
  [0xfc, 0xfc],
  [0xfe, 0xfe],
  [0x101, 0x101],
  [0x111, 0x111],
  [0x113, 0x113],
  [0x11b, 0x11b],
  [0x126, 0x127],
  [0x12b, 0x12b],
  [0x131, 0x133],
  [0x138, 0x138],
  [0x13f, 0x142],
  [0x144, 0x144],
  [0x148, 0x14b],
  [0x14d, 0x14d],
  [0x152, 0x153],
  [0x166, 0x167],
  [0x16b, 0x16b],
  [0x1ce, 0x1ce],
  [0x1d0, 0x1d0],
  [0x1d2, 0x1d2],
  [0x1d4, 0x1d4],
  [0x1d6, 0x1d6],
  [0x1d8, 0x1d8],
  [0x1da, 0x1da],
  [0x1dc, 0x1dc],
  [0x251, 0x251],
  [0x261, 0x261],
  [0x2c4, 0x2c4],
  [0x2c7, 0x2c7],
  [0x2c9, 0x2cb],
  [0x2cd, 0x2cd],
  [0x2d0, 0x2d0],
  [0x2d8, 0x2db],
  [0x2dd, 0x2dd],
  [0x2df, 0x2df],
  [0x391, 0x3a1],
  [0x3a3, 0x3a9],
  [0x3b1, 0x3c1],
  [0x3c3, 0x3c9],
  [0x401, 0x401],
  [0x410, 0x44f],
  [0x451, 0x451],
  [0x2010, 0x2010],
  [0x2013, 0x2016],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
  [0x2020, 0x2022],
  [0x2024, 0x2027],
  [0x2030, 0x2030],
  [0x2032, 0x2033],
  [0x2035, 0x2035],
  [0x203b, 0x203b],
  [0x203e, 0x203e],
  [0x2074, 0x2074],
  [0x207f, 0x207f],
  [0x2081, 0x2084],
  [0x20ac, 0x20ac],
  [0x2103, 0x2103],
  [0x2105, 0x2105],
  [0x2109, 0x2109],
  [0x2113, 0x2113],
  [0x2116, 0x2116],
  [0x2121, 0x2122],
  [0x2126, 0x2126],
  [0x212b, 0x212b],
  [0x2153, 0x2154],
  [0x215b, 0x215e],
  [0x2160, 0x216b],
  [0x2170, 0x2179],
  [0x2189, 0x2189],
  [0x2190, 0x2199],
  [0x21b8, 0x21b9],
  [0x21d2, 0x21d2],
  [0x21d4, 0x21d4],
  [0x21e7, 0x21e7],
  [0x2200, 0x2200],
  [0x2202, 0x2203],
  [0x2207, 0x2208],
  [0x220b, 0x220b],
  [0x220f, 0x220f],
  [0x2211, 0x2211],
  [0x2215, 0x2215],
  [0x221a, 0x221a],
  [0x221d, 0x2220],
  [0x2223, 0x2223],
  [0x2225, 0x2225],
  [0x2227, 0x222c],
  [0x222e, 0x222e],
  [0x2234, 0x2237],
  [0x223c, 0x223d],
  [0x2248, 0x2248],
  [0x224c, 0x224c],
  [0x2252, 0x2252],
  [0x2260, 0x2261],
  [0x2264, 0x2267],
  [0x226a, 0x226b],
  [0x226e, 0x226f],
  [0x2282, 0x2283],
  [0x2286, 0x2287],
  [0x2295, 0x2295],
  [0x2299, 0x2299],
  [0x22a5, 0x22a5],
  [0x22bf, 0x22bf],
  [0x2312, 0x2312],
  [0x2460, 0x24e9],
  [0x24eb, 0x254b],
  [0x2550, 0x2573],
  [0x2580, 0x258f],
  [0x2592, 0x2595],
  [0x25a0, 0x25a1],
  [0x25a3, 0x25a9],
  [0x25b2, 0x25b3],
  [0x25b6, 0x25b7],
  [0x25bc, 0x25bd],
  [0x25c0, 0x25c1],
  [0x25c6, 0x25c8],
  [0x25cb, 0x25cb],
  [0x25ce, 0x25d1],
  [0x25e2, 0x25e5],
  [0x25ef, 0x25ef],
  [0x2605, 0x2606],
  [0x2609, 0x2609],
  [0x260e, 0x260f],
  [0x261c, 0x261c],
  [0x261e, 0x261e],
  [0x2640, 0x2640],
  [0x2642, 0x2642],
  [0x2660, 0x2661],
  [0x2663, 0x2665],
  [0x2667, 0x266a],
  [0x266c, 0x266d],
  [0x266f, 0x266f],
  [0x269e, 0x269f],
  [0x26bf, 0x26bf],
  [0x26c6, 0x26cd],
  [0x26cf, 0x26d3],
  [0x26d5, 0x26e1],
  [0x26e3, 0x26e3],
  [0x26e8, 0x26e9],
  [0x26eb, 0x26f1],
  [0x26f4, 0x26f4],
  [0x26f6, 0x26f9],
  [0x26fb, 0x26fc],
  [0x26fe, 0x26ff],
  [0x273d, 0x273d],
  [0x2776, 0x277f],
  [0x2b56, 0x2b59],
  [0x3248, 0x324f],
  [0xe000, 0xf8ff],
  [0xfffd, 0xfffd],
  [0x1f100, 0x1f10a],
  [0x1f110, 0x1f12d],
  [0x1f130, 0x1f169],
  [0x1f170, 0x1f18d],
  [0x1f18f, 0x1f190],
  [0x1f19b, 0x1f1ac],
];

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

/** True when the code point's East Asian Width is ambiguous (drawn 1 or 2 columns by terminal). */
function isAmbiguous(code: number): boolean {
  let lo = 0;
  let hi = AMBIGUOUS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = AMBIGUOUS[mid] as readonly [number, number];
    if (code < a) hi = mid - 1;
    else if (code > b) lo = mid + 1;
    else return true;
  }
  return false;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;

/** The text without ANSI colour codes. */
function stripAnsi(s: string): string {
  return s.replace(ANSI, "");
}

/**
 * Columns `s` takes in a terminal: wide and full-width characters 2, colour codes 0, ambiguous
 * ones 1 — or 2 with `ambiguousWide` (a terminal set to draw them wide).
 */
export function displayWidth(s: string, ambiguousWide = false): number {
  const w = textWidth(s);
  if (!ambiguousWide) return w;
  let extra = 0;
  for (const ch of stripAnsi(s)) if (isAmbiguous(ch.codePointAt(0) ?? 0)) extra++;
  return w + extra;
}

/** The characters of `s` whose width is ambiguous (for tests and the plain style's guarantee). */
export function ambiguousChars(s: string): string[] {
  return [...stripAnsi(s)].filter((ch) => isAmbiguous(ch.codePointAt(0) ?? 0));
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
