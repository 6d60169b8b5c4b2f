/** Text normalisation shared by the intake parsers. */

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/**
 * Full-width ASCII variants (U+FF01–FF5E) to ASCII and the ideographic space U+3000 to a space.
 * Nothing else changes (unlike NFKC, which would also rewrite ①, ㎡, ⅷ, compatibility ideographs …).
 */
export function toHalfWidth(s: string): string {
  if (!HAS_FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH, (c) => {
    const code = c.charCodeAt(0);
    return code === 0x3000 ? " " : String.fromCharCode(code - 0xfee0);
  });
}

/** Whitespace plus the invisible characters that sneak into spreadsheet exports (BOM, zero-width space/joiners). */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]+/g;

/** Key for matching header and unit names: half-width, lower-case, with all whitespace removed. */
export function normalizeKey(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(INVISIBLE, "");
}

/**
 * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) that spreadsheet exports leave in cells:
 * invisible, so a cell holding one looks empty and `820` followed by one looks like a number.
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/**
 * Anything cleanCell may change: white space at either end (NBSP and U+3000 included), a leading
 * `=`, or a zero-width character anywhere. One test, so a clean cell (most are) costs one scan.
 */
const NEEDS_CLEANING = /^[\s=]|\s$|[\u200B-\u200D\u2060\uFEFF]/;
/** A character that trim() keeps: not ASCII white space, NBSP, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000, U+FEFF. */
function isPlainEnd(c: number): boolean {
  if (c < 0x80) return c > 32;
  return !(
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Excel's forced-text form of a cell: `="2020-09"`, `="3"`. */
const FORCED_TEXT = /^="(.*)"$/s;

/**
 * A cell as the person who filled it in sees it: zero-width characters removed, white space of any
 * kind (NBSP U+00A0, ideographic space U+3000, tabs) trimmed at both ends, and Excel's forced-text
 * form `="2020-09"` unwrapped to `2020-09`. Inner spaces stay (`合　计` is recognised as a total
 * by normalizeKey). Every cell of a progress sheet goes through this once, before it is read as a
 * header, a period, a unit, an indicator, a value or a blank.
 */
export function cleanCell(s: string, invisible = true): string {
  // hot path: where no cell can hold a zero-width character (see CsvSource.invisible), a cell
  // whose ends are neither white space nor `=` is clean
  if (!invisible) {
    const n = s.length;
    if (n === 0 || (isPlainEnd(s.charCodeAt(0)) && s.charCodeAt(0) !== 61 && isPlainEnd(s.charCodeAt(n - 1))))
      return s;
  }
  if (!NEEDS_CLEANING.test(s)) return s;
  let t = s.replace(ZERO_WIDTH, "").trim();
  const forced = FORCED_TEXT.exec(t);
  if (forced) t = forced[1]!.replace(ZERO_WIDTH, "").trim();
  return t;
}
