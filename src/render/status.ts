/** Renderers of the year-end status (YearStatus): terminal table and JSON. */
import type { YearStatus } from "../domain/report.js";
import { type Lang, type MessageKey, t } from "../i18n/index.js";
import { formatNumber, formatPercent } from "./format.js";
import { indicatorLabel } from "./report.js";
import { painter, renderTable } from "./table.js";

/** The JSON contract of `status --format json` (see README). */
export function statusJson(s: YearStatus): object {
  return {
    plan: { year: s.plan.year, title: s.plan.title },
    asOf: s.asOf,
    final: s.final,
    summary: s.summary,
    indicators: s.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      target: i.target,
      actual: i.actual,
      completion: i.completion,
      result: i.result,
      commitment: i.commitment,
      forecast: i.forecast,
      atRisk: i.atRisk,
    })),
  };
}

export function statusTable(s: YearStatus, lang: Lang, color: boolean): string {
  const c = painter(color);
  const name = (i: { name: string; nameEn: string }) => (lang === "en" ? i.nameEn : i.name);
  const out: string[] = [
    c.bold(t(lang, "status.title", { title: lang === "en" ? s.plan.titleEn : s.plan.title })),
  ];
  if (s.asOf === null) out.push(t(lang, "status.noData", { year: s.plan.year }));
  else if (s.final) out.push(t(lang, "status.final", { asOf: s.asOf, ...s.summary }));
  else out.push(t(lang, "status.provisional", { asOf: s.asOf }));
  const head = [
    "label.indicator",
    "label.measure",
    "label.target",
    "label.actual",
    "label.completion",
    s.final ? "label.result" : "label.forecast",
    "label.status",
  ].map((k) => t(lang, k as MessageKey));
  const rows = s.indicators.map((i) => {
    const result = t(lang, `result.${i.result}` as MessageKey);
    let last: string;
    let outcome: string;
    if (s.final) {
      last = i.result === "met" ? c.green(result) : i.result === "missed" ? c.red(result) : c.dim(result);
      outcome = t(lang, `status.${i.line.status}` as MessageKey);
    } else {
      last = formatNumber(lang, i.forecast);
      const projected =
        i.result === "met"
          ? t(lang, "result.met")
          : i.atRisk
            ? t(lang, "status.projectedMissed")
            : i.forecast === null
              ? t(lang, `status.${i.line.status}` as MessageKey)
              : t(lang, "status.projectedMet");
      outcome = i.result === "met" ? c.green(projected) : i.atRisk ? c.red(projected) : projected;
    }
    return [
      indicatorLabel(lang, i),
      i.unit,
      formatNumber(lang, i.target),
      formatNumber(lang, i.actual),
      formatPercent(i.completion),
      last,
      outcome,
    ];
  });
  out.push(renderTable(head, rows, new Set([2, 3, 4, 5])));
  const list = (xs: typeof s.indicators) => xs.map((i) => name(i)).join("、");
  if (s.final) {
    const firm = s.indicators.filter((i) => i.result !== "met" && i.commitment === "firm");
    const asp = s.indicators.filter((i) => i.result !== "met" && i.commitment === "aspirational");
    if (firm.length) out.push(c.red(t(lang, "status.missedFirm", { list: list(firm) })));
    if (asp.length) out.push(t(lang, "status.missedAspirational", { list: list(asp) }));
  } else {
    const risk = s.indicators.filter((i) => i.atRisk);
    if (risk.length) out.push(c.red(t(lang, "status.atRisk", { list: list(risk) })));
  }
  return `${out.join("\n")}\n`;
}
