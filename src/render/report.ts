/** Renderers of the gap report (one Report value): terminal table and JSON. */
import type { IndicatorLine, Report } from "../domain/report.js";
import type { Lang, MessageKey } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { bar, formatNumber, formatPercent } from "./format.js";
import { type Cell, painter, renderTable } from "./table.js";

/** The JSON contract of `report --format json` (see README): numbers unrounded, absent values null. */
export function reportJson(report: Report): object {
  return {
    plan: { year: report.plan.year, title: report.plan.title },
    asOf: report.asOf,
    elapsed: report.elapsed,
    indicators: report.indicators.map((l) => ({
      code: l.code,
      name: l.name,
      unit: l.unit,
      kind: l.kind,
      cadence: l.cadence,
      commitment: l.commitment,
      section: l.section,
      task: l.task,
      target: l.target,
      baseline: l.baseline,
      actual: l.actual,
      gap: l.gap,
      completion: l.completion,
      expected: l.expected,
      status: l.status,
      forecast: l.forecast,
      unitsReported: l.unitsReported,
    })),
  };
}

/** The name a person reads: Chinese or English, * for an aspirational (力争) target. */
export function indicatorLabel(lang: Lang, l: { name: string; nameEn: string; commitment: string }): string {
  return `${lang === "en" ? l.nameEn : l.name}${l.commitment === "aspirational" ? " *" : ""}`;
}

/** Section heading for a group of report lines: 总体目标, or 二、… */
export function groupKey(l: IndicatorLine): string {
  return l.headline ? "headline" : (l.section ?? "");
}

export function reportTable(
  report: Report,
  lang: Lang,
  color: boolean,
  sectionTitles: Map<string, string>,
): string {
  const c = painter(color);
  const title =
    report.asOf === null
      ? t(lang, "report.titleNoData", { title: lang === "en" ? report.plan.titleEn : report.plan.title })
      : t(lang, "report.title", {
          title: lang === "en" ? report.plan.titleEn : report.plan.title,
          asOf: report.asOf,
          elapsed: formatPercent(report.elapsed),
        });
  const head = [
    "label.indicator",
    "label.measure",
    "label.target",
    "label.actual",
    "label.gap",
    "label.completion",
    "label.expected",
    "label.status",
    "label.forecast",
  ].map((k) => t(lang, k as MessageKey));
  const rows: Cell[][] = [];
  let group: string | null = null;
  for (const l of report.indicators) {
    const g = groupKey(l);
    if (g !== group) {
      group = g;
      const heading = g === "headline" ? t(lang, "label.headline") : `${g}、${sectionTitles.get(g) ?? ""}`;
      rows.push([{ content: c.bold(heading), colSpan: head.length }]);
    }
    const status = t(lang, `status.${l.status}` as MessageKey);
    const painted =
      l.status === "behind"
        ? c.red(status)
        : l.status === "on_track"
          ? c.green(status)
          : l.status === "met"
            ? c.bold(status)
            : c.dim(status);
    rows.push([
      indicatorLabel(lang, l),
      l.unit,
      formatNumber(lang, l.target),
      formatNumber(lang, l.actual),
      formatNumber(lang, l.gap),
      `${bar(l.completion, 8)} ${formatPercent(l.completion).padStart(6)}`,
      formatNumber(lang, l.expected),
      painted,
      formatNumber(lang, l.forecast),
    ]);
  }
  return `${c.bold(title)}\n${renderTable(head, rows, new Set([2, 3, 4, 5, 6, 8]))}\n${c.dim(t(lang, "report.footnote"))}\n`;
}
