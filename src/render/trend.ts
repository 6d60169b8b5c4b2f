/** `trend INDICATOR [--unit U]` as a Doc (with a sparkline for the terminal) and as JSON. */
import type { Trend } from "../domain/trend.js";
import type { Lang, MessageKey } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { completionCell, type Doc, type DocRow, numberCell, text } from "./doc.js";
import { formatNumber, formatPercent, measureText } from "./format.js";
import { indicatorLabel, statusText, statusTone, yoyLeftOutNote } from "./report.js";
import { verdictCategory, yearEndText } from "./verdict.js";

/** The JSON of `trend`. */
export function trendJson(tr: Trend): object {
  return {
    plan: { year: tr.plan.year, title: tr.plan.title },
    indicator: tr.indicator,
    unit: tr.unit,
    unitTarget: tr.unitTarget,
    asOf: tr.asOf,
    points: tr.points.map((p) => ({
      period: p.period,
      baseline: p.q === 0,
      value: p.value,
      expected: p.expected,
      completion: p.completion,
      status: p.status,
      city: p.city,
      lastYear: p.lastYear,
      yoyCurrent: p.yoyCurrent,
      yoyLastYear: p.yoyLastYear,
      yoyLeftOut: p.yoyLeftOut,
    })),
  };
}

const SPARKS = "▁▂▃▄▅▆▇█";

/** A sparkline of values on a 0 … max scale (a space for a missing value). */
export function sparkline(values: readonly (number | null)[], max: number): string {
  return values
    .map((v) => {
      if (v === null) return " ";
      const i = max <= 0 ? 0 : Math.round((Math.max(0, Math.min(v, max)) / max) * (SPARKS.length - 1));
      return SPARKS[i];
    })
    .join("");
}

export function trendDoc(tr: Trend, lang: Lang): Doc {
  const ind = tr.indicator;
  const name = indicatorLabel(lang, ind);
  /** A point's status; at Q4 the year-end result, in the words of report and status (完成 / 未完成, 暂定 …). */
  const pointStatus = (p: Trend["points"][number]): string =>
    (p.q === 4 && tr.yearEnd && p.status
      ? yearEndText(
          lang,
          verdictCategory({ status: p.status, actual: p.value, target: ind.target }, true),
          tr.yearEnd.final,
        )
      : null) ?? statusText(lang, { status: p.status!, pace: ind.pace, cadence: ind.cadence });
  const period = (p: Trend["points"][number]) =>
    p.q === 0 ? t(lang, "rep.baselineOf", { period: p.period }) : p.period;
  // 同比: last year's figure beside each quarter, when any is known
  const hasLast = tr.points.some((p) => p.lastYear !== null);
  const lastCells = (p: Trend["points"][number]) => (hasLast ? [numberCell(lang, p.lastYear)] : []);
  const rows: DocRow[] = tr.points.map((p) =>
    tr.unit
      ? [
          text(period(p)),
          numberCell(lang, p.value),
          numberCell(lang, p.city),
          {
            text: formatPercent(p.value === null || !p.city ? null : p.value / p.city),
            value: p.value === null || !p.city ? null : Math.round((p.value / p.city) * 1000) / 10,
          },
          ...lastCells(p),
        ]
      : [
          text(period(p)),
          numberCell(lang, p.value),
          numberCell(lang, p.expected),
          completionCell(p.completion),
          text(p.status === null ? "" : pointStatus(p), p.status ? statusTone(p.status) : undefined),
          ...lastCells(p),
        ],
  );
  const columns = tr.unit
    ? [
        { label: t(lang, "label.period") },
        { label: lang === "en" ? tr.unit.nameEn : tr.unit.name, right: true },
        { label: t(lang, "rep.col.city"), right: true },
        { label: t(lang, "rep.col.share"), right: true, csv: `${t(lang, "rep.col.share")} (%)` },
        ...(hasLast ? [{ label: t(lang, "yoy.col.lastYear"), right: true }] : []),
      ]
    : [
        { label: t(lang, "label.period") },
        { label: t(lang, "label.actual"), right: true },
        { label: t(lang, "label.expected"), right: true },
        { label: t(lang, "label.completion"), right: true, csv: `${t(lang, "label.completion")} (%)` },
        { label: t(lang, "label.status") },
        ...(hasLast ? [{ label: t(lang, "yoy.col.lastYear"), right: true }] : []),
      ];
  const values = tr.points.map((p) => p.value);
  const max = Math.max(
    ind.target,
    ...values.map((v) => v ?? 0),
    ...tr.points.map((p) => Math.max(p.expected ?? 0, p.lastYear ?? 0)),
  );
  const latest = [...tr.points].reverse().find((p) => p.q > 0 && p.value !== null);
  const verdict = !latest
    ? { text: t(lang, "status.no_data"), tone: "dim" as const }
    : tr.unit
      ? {
          text: t(lang, "rep.verdict.trendUnit", {
            period: latest.period,
            value: formatNumber(lang, latest.value),
            unit: measureText(lang, ind.unit, ind.nameEn),
            share: formatPercent(latest.value === null || !latest.city ? null : latest.value / latest.city),
          }),
          tone: "strong" as const,
        }
      : {
          text: t(lang, "rep.verdict.trend", {
            period: latest.period,
            value: formatNumber(lang, latest.value),
            unit: measureText(lang, ind.unit, ind.nameEn),
            completion: formatPercent(latest.completion),
            expected: formatNumber(lang, latest.expected),
            status: latest.status ? pointStatus(latest) : "—",
          }),
          tone: latest.status ? statusTone(latest.status) : ("strong" as const),
        };
  const who = tr.unit ? (lang === "en" ? tr.unit.nameEn : tr.unit.name) : t(lang, "rep.city");
  return {
    lang,
    title: t(lang, "rep.title.trend", {
      title: lang === "en" ? tr.plan.titleEn : tr.plan.title,
      indicator: name,
      who,
    }),
    meta: [
      // a unit is followed against its own target (目标分解); without one, the city's is said to be the city's
      t(
        lang,
        tr.unit === null
          ? "rep.trendTarget"
          : tr.unitTarget !== null
            ? "rep.trendUnitTarget"
            : "rep.trendCityTarget",
        {
          target: formatNumber(lang, tr.unitTarget ?? ind.target),
          unit: measureText(lang, ind.unit, ind.nameEn),
          kind: t(lang, `rep.kind.${ind.kind}` as MessageKey),
        },
      ),
      tr.asOf === null ? t(lang, "rep.asOfNone") : t(lang, "rep.latest", { asOf: tr.asOf }),
    ],
    verdict,
    chart: tr.unit
      ? undefined
      : {
          title: t(lang, "rep.chart.trend"),
          legendActual: t(lang, "label.completion"),
          legendPace: t(lang, "label.expected"),
          items: tr.points
            .filter((p) => p.q > 0)
            .map((p) => ({
              label: p.period,
              completion: p.completion,
              pace: p.expected === null || ind.target === 0 ? null : p.expected / ind.target,
              valueText:
                p.value === null
                  ? "—"
                  : `${formatNumber(lang, p.value)} ${measureText(lang, ind.unit, ind.nameEn)}`,
              tone: p.status ? statusTone(p.status) : undefined,
            })),
        },
    blocks: [{ columns, rows }],
    // a quarter whose 上年同期 covers other units than its figure: which were left out (as the report)
    footnotes: tr.points.flatMap((p) => {
      const note = yoyLeftOutNote(lang, p.period, p, tr.unitNames, ind.unit, ind.nameEn);
      return note === null ? [] : [note];
    }),
    terminal: [
      `${t(lang, "rep.spark.actual")}  ${sparkline(values, max)}`,
      ...(hasLast
        ? [
            `${t(lang, "yoy.spark")}  ${sparkline(
              tr.points.map((p) => (p.q === 0 ? null : p.lastYear)),
              max,
            )}`,
          ]
        : []),
      ...(tr.unit
        ? []
        : [
            `${t(lang, "rep.spark.pace")}  ${sparkline(
              tr.points.map((p) => p.expected),
              max,
            )}`,
          ]),
    ],
    sectionLabel: t(lang, "label.section"),
  };
}
