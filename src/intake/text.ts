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
