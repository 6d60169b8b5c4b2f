/** Number and label formatting shared by the text renderers. */
import { shortestDecimal } from "../domain/decimal.js";
import type { Lang } from "../i18n/index.js";

/**
 * A figure for people: thousands separators, at most `digits` decimals (trailing zeros dropped);
 * — for null. zh-CN and en-US write numbers alike (12,345.67), so `lang` does not change it.
 * Written by hand rather than with Intl.NumberFormat: creating one loads ICU data and cost ~30 ms
 * of every `dzkj report`'s start-up (measured with --cpu-prof). Like ICU it rounds half away from
 * zero on the number's shortest decimal form (189891.395 → 189,891.4), not on its binary value.
 */
export function formatNumber(_lang: Lang, x: number | null, digits = 2): string {
  if (x === null) return "—";
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return String(x);
  const plain = String(Math.abs(x));
  // tiny numbers print as 1e-7: toFixed is exact enough there
  const [intPart = "0", frac = ""] = (plain.includes("e") ? Math.abs(x).toFixed(digits) : plain).split(".");
  let all = intPart + frac.slice(0, digits).padEnd(digits, "0");
  if ((frac[digits] ?? "0") >= "5") all = incrementDigits(all);
  const whole = all.slice(0, all.length - digits) || "0";
  const decimals = all.slice(all.length - digits).replace(/0+$/, "");
  const sign = x < 0 && /[1-9]/.test(all) ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${decimals ? `.${decimals}` : ""}`;
}

/**
 * A stored figure exactly as it is (import changes, history, undo previews): thousands separators
 * and every decimal of its shortest text, never rounded (0.00000322 stays 0.00000322); — for null.
 */
export function formatExact(_lang: Lang, x: number | null): string {
  if (x === null) return "—";
  const text = shortestDecimal(x);
  if (!/^-?\d+(?:\.\d+)?$/.test(text)) return text;
  const [int = "", frac] = text.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** "1299" → "1300": adds one to a string of decimal digits. */
function incrementDigits(d: string): string {
  let i = d.length - 1;
  while (i >= 0 && d[i] === "9") i--;
  if (i < 0) return `1${"0".repeat(d.length)}`;
  return d.slice(0, i) + String(Number(d[i]) + 1) + "0".repeat(d.length - i - 1);
}

/** A fraction as a percentage with one decimal: 0.7143 → 71.4%. */
export function formatPercent(x: number | null): string {
  return x === null ? "—" : `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** A text-mode bar of `width` cells for a fraction (capped at 1), e.g. ████▌····. */
export function bar(fraction: number | null, width = 10): string {
  if (fraction === null) return " ".repeat(width);
  const f = Math.max(0, Math.min(1, fraction));
  const eighths = Math.round(f * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
  const s = "█".repeat(full) + (part ? partials[part] : "");
  return s + "·".repeat(width - full - (part ? 1 : 0));
}

/**
 * Text from files (notes, evidence, file names, unit spellings) made safe for a terminal: every
 * control character is shown, not obeyed — ESC, BEL, CR, a newline inside a table cell or an error
 * line appear as ␛ ␇ ␍ ␊ (Unicode control pictures), C1 controls as \x9b. With `keepColour`, the
 * colour codes dzkj itself adds (SGR: ESC [ … m) are kept.
 */
export function visibleText(s: string, keepColour = false): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return s.replace(/\x1b\[[0-9;]*m|[\x00-\x1f\x7f-\x9f]/g, (c) => {
    if (c.length > 1) return keepColour ? c : c.replace("\x1b", "\u241b");
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return `\\x${code.toString(16)}`;
  });
}

/** The same bar in ASCII for the plain table style: `#` filled, `.` empty, rounded to a cell. */
export function asciiBar(fraction: number | null, width = 10): string {
  if (fraction === null) return " ".repeat(width);
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return "#".repeat(full) + ".".repeat(width - full);
}

// Measure words of the plan (项, 家, 亿元 …) in English, with the nouns that depend on what is
// counted (项 of projects vs. of techniques) read from the indicator's English name.
const MEASURES_EN: readonly [string, RegExp | null, string][] = [
  ["项", /project/i, "projects"],
  ["项", null, "items"],
  ["个", /product/i, "products"],
  ["个", /variet/i, "varieties"],
  ["个", /base/i, "bases"],
  ["个", null, "items"],
  ["家", /enterprise|SME|firm/i, "firms"],
  ["家", /platform/i, "platforms"],
  ["家", null, "organizations"],
  ["亿元", null, "100M yuan"],
  ["万元", null, "10k yuan"],
  ["元", null, "yuan"],
  ["人次", null, "person-times"],
  ["人", null, "persons"],
  ["次", /consult/i, "consultations"],
  ["次", null, "times"],
  ["件", null, "items"],
];

/**
 * An indicator's unit of measure in the UI language: as in the plan in Chinese; in English
 * 项 → projects / items, 家 → firms / platforms, 亿元 → 100M yuan, 万元 → 10k yuan … (a unit not
 * listed is shown as the plan writes it).
 */
export function measureText(lang: Lang, unit: string, nameEn = ""): string {
  if (lang !== "en") return unit;
  for (const [zh, when, en] of MEASURES_EN)
    if (zh === unit && (when === null || when.test(nameEn))) return en;
  return unit;
}

const NUMERALS = "一二三四五六七八九十";

/** A plan section's heading: 二、title in Chinese, "2. title" in English (一 … 十 → 1 … 10). */
export function sectionHeadingText(lang: Lang, code: string, title: string): string {
  if (lang !== "en") return `${code}、${title}`;
  const n = NUMERALS.indexOf(code);
  return n >= 0 ? `${n + 1}. ${title}` : `${code}. ${title}`;
}
