import { explain, type Lang } from "../i18n/index.js";
import { type Problem, problemLocation } from "../intake/errors.js";
import { visibleText } from "../render/format.js";

/**
 * FILE:LINE: column: value — reason (the value quoted when empty), FILE:SHEET!C12: … in a workbook
 * (see problemLocation); control characters from the
 * file (ESC sequences, CR, BEL, newlines) are shown, not obeyed by the terminal.
 */
export function formatProblemLine(lang: Lang, p: Problem): string {
  const at = problemLocation(p);
  let s = `${p.file}${at ? `:${at}` : ""}:`;
  if (p.column) s += ` ${p.column}:`;
  if (p.value !== null) s += ` ${p.value === "" ? '""' : p.value}`;
  s += `${p.column || p.value !== null ? " —" : ""} ${explain(lang, p.reason)}`;
  return visibleText(s);
}

/** FILE:LINE: column: value — warning: reason, for a figure that was written but looks wrong. */
export function formatWarningLine(lang: Lang, p: Problem): string {
  const line = formatProblemLine(lang, p);
  const reason = explain(lang, p.reason);
  const location = line.slice(0, line.length - reason.length).replace(/(?: —|:)? $/, "");
  return explain(lang, { key: "import.warning", params: { location, message: reason } });
}
