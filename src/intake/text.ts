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
/** Anything cleanCell may change: a character outside printable ASCII, or a leading `=` / space. */
const NEEDS_CLEANING = /[^\x21-\x7e]|^=/;
/** Excel's forced-text form of a cell: `="2020-09"`, `="3"`. */
const FORCED_TEXT = /^="(.*)"$/s;

/**
 * A cell as the person who filled it in sees it: zero-width characters removed, white space of any
 * kind (NBSP U+00A0, ideographic space U+3000, tabs) trimmed at both ends, and Excel's forced-text
 * form `="2020-09"` unwrapped to `2020-09`. Inner spaces stay (`合　计` is recognised as a total
 * by normalizeKey). Every cell of a progress sheet goes through this once, before it is read as a
 * header, a period, a unit, an indicator, a value or a blank.
 */
export function cleanCell(s: string): string {
  // hot path: printable ASCII without a leading `=` needs nothing
  if (!NEEDS_CLEANING.test(s)) return s;
  let t = s.replace(ZERO_WIDTH, "").trim();
  const forced = FORCED_TEXT.exec(t);
  if (forced) t = forced[1]!.replace(ZERO_WIDTH, "").trim();
  return t;
}
