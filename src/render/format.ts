/** Number and label formatting shared by the text renderers. */
import type { Lang } from "../i18n/index.js";

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const k = `${lang}:${digits}`;
  let f = formats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits });
    formats.set(k, f);
  }
  return f;
}

/** A figure for people: thousands separators, at most 2 decimals; — for null. */
export function formatNumber(lang: Lang, x: number | null, digits = 2): string {
  return x === null ? "—" : numberFormat(lang, digits).format(x);
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
