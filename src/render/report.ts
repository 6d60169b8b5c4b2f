/** The gap report (one Report value) as a Doc (table, markdown, CSV, HTML) and as JSON. */

import type { Status } from "../domain/progress.js";
import type { IndicatorLine, Report, YoyLeftOut } from "../domain/report.js";
import type { Lang, MessageKey } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import {
  type Column,
  completionCell,
  type Doc,
  type DocCell,
  type DocRow,
  type Line,
  numberCell,
  type Tone,
  text,
} from "./doc.js";
import { formatNumber, formatPercent, measureText, sectionHeadingText } from "./format.js";
import { unitTargetJson } from "./targets.js";
import { categoryLabel, indicatorVerdict, verdictCategory, yearEndText } from "./verdict.js";

/** The JSON contract of `report --format json` (see README): numbers unrounded, absent values null. */
export function reportJson(report: Report): object {
  return {
    plan: { year: report.plan.year, title: report.plan.title },
    asOf: report.asOf,
    elapsed: report.elapsed,
    asOfBeyondData: report.asOfBeyondData,
    indicators: report.indicators.map((l) => ({
      code: l.code,
      name: l.name,
      unit: l.unit,
      kind: l.kind,
      cadence: l.cadence,
      commitment: l.commitment,
      pace: l.pace,
      section: l.section,
      task: l.task,
      target: l.target,
      baseline: l.baseline,
      actual: l.actual,
      source: l.source,
      sourcePeriod: l.sourcePeriod,
      unchained: l.unchained,
      gap: l.gap,
      completion: l.completion,
      expected: l.expected,
      status: l.status,
      forecast: l.forecast,
      final: l.final,
      unitsReported: l.unitsReported,
      cityReported: l.cityReported,
      lastYear: l.lastYear,
      yoy: l.yoy,
      yoyPoints: l.yoyPoints,
      yoyCurrent: l.yoyCurrent,
      yoyLastYear: l.yoyLastYear,
      yoyLeftOut: l.yoyLeftOut,
      unitTargets: Object.fromEntries(
        Object.entries(l.unitTargets).map(([unit, u]) => [unit, unitTargetJson(u)]),
      ),
    })),
  };
}

/** The name a person reads: Chinese or English, * for an aspirational (力争) target. */
export function indicatorLabel(lang: Lang, l: { name: string; nameEn: string; commitment: string }): string {
  return `${lang === "en" ? l.nameEn : l.name}${l.commitment === "aspirational" ? " *" : ""}`;
}

/**
 * An indicator's name cell: the label a person reads (with * when aspirational); in CSV the bare
 * name, with the code and the marker in columns of their own (see indicatorColumn).
 */
export function indicatorCell(
  lang: Lang,
  l: { code: string; name: string; nameEn: string; commitment: string },
): DocCell {
  return {
    text: indicatorLabel(lang, l),
    value: lang === "en" ? l.nameEn : l.name,
    code: l.code,
    marker: l.commitment === "aspirational" ? "*" : "",
  };
}

/** The indicator column: wraps in a narrow terminal; in CSV a code column before it and a 力争 column after. */
export function indicatorColumn(lang: Lang): Column {
  return {
    label: t(lang, "label.indicator"),
    wrap: true,
    code: t(lang, "label.code"),
    marker: t(lang, "csv.aspirational"),
  };
}

/** Section heading for a group of report lines: 总体目标, or 二、… */
export function groupKey(l: IndicatorLine): string {
  return l.headline ? "headline" : (l.section ?? "");
}

/** The heading of a report group: 总体目标 / Headline targets, or 二、title. */
export function groupHeading(lang: Lang, key: string, sectionTitles: ReadonlyMap<string, string>): string {
  if (key === "headline" || key === "") return t(lang, "label.headline");
  return sectionHeadingText(lang, key, sectionTitles.get(key) ?? "");
}

/** The status as a person reads it: a milestone's pending is 待完成, an annual one's 待年度统计. */
export function statusText(lang: Lang, l: Pick<IndicatorLine, "status" | "pace" | "cadence">): string {
  if (l.status === "pending" && l.pace === "milestone" && l.cadence !== "annual")
    return t(lang, "status.pendingMilestone");
  return t(lang, `status.${l.status}` as MessageKey);
}

/** Where the city figure comes from (rule 1): 全市 2020Q3, 全市 2020Q3 + 单位增量, 各单位合计. */
function sourceText(lang: Lang, l: Pick<IndicatorLine, "source" | "sourcePeriod">): string {
  return t(lang, `rep.source.${l.source}` as MessageKey, { period: l.sourcePeriod ?? "" });
}

/**
 * The report's footnotes: the rules in brief, the indicators with no baseline (and how to give them
 * one: rule 3), and the stock units left out of a chained city figure (rule 1).
 */
function reportFootnotes(lang: Lang, report: Report): string[] {
  const notes = [t(lang, "report.footnote")];
  const name = (l: IndicatorLine) => (lang === "en" ? l.nameEn : l.name);
  const noBaseline = report.indicators.filter((l) => l.status === "no_baseline");
  if (noBaseline.length)
    notes.push(
      t(lang, "rep.foot.noBaseline", {
        list: noBaseline.map(name).join(t(lang, "verdict.nameSep")),
        baseline: `${report.plan.year - 1}Q4`,
        year: report.plan.year,
      }),
    );
  for (const l of report.indicators) {
    const note = yoyLeftOutNote(lang, name(l), l, report.unitNames, l.unit, l.nameEn);
    if (note !== null) notes.push(note);
  }
  for (const l of report.indicators)
    if (l.unchained.length)
      notes.push(
        t(lang, "rep.foot.unchained", {
          name: name(l),
          units: l.unchained
            .map((c) => {
              const u = report.unitNames[c];
              return u ? (lang === "en" ? u.nameEn : u.name) : c;
            })
            .join(t(lang, "rep.listSep")),
          // from the units' sum, a unit left out had no baseline: nothing at or before last year's Q4
          period: l.sourcePeriod ?? `${report.plan.year - 1}Q4`,
        }),
      );
  return notes;
}

/**
 * The footnote of 同比 computed over the units present in both years (README "Year on year"):
 * the figures compared and the units left out (渠县 无上年同期数); null when none was left out.
 */
export function yoyLeftOutNote(
  lang: Lang,
  name: string,
  l: { yoyLeftOut: readonly YoyLeftOut[]; yoyCurrent: number | null; yoyLastYear: number | null },
  unitNames: Readonly<Record<string, { name: string; nameEn: string }>>,
  measure: string,
  nameEn: string,
): string | null {
  if (l.yoyLeftOut.length === 0) return null;
  const list = l.yoyLeftOut
    .map((o) => {
      const u = unitNames[o.unit];
      const unit = u ? (lang === "en" ? u.nameEn : u.name) : o.unit;
      return t(lang, o.missing === "lastYear" ? "rep.foot.yoyNoLastYear" : "rep.foot.yoyNoCurrent", { unit });
    })
    .join(t(lang, "rep.listSep"));
  if (l.yoyCurrent === null || l.yoyLastYear === null) return t(lang, "rep.foot.yoyNone", { name, list });
  const m = measureText(lang, measure, nameEn);
  return t(lang, "rep.foot.yoyLeftOut", {
    name,
    list,
    current: `${formatNumber(lang, l.yoyCurrent)}${lang === "en" ? " " : ""}${m}`,
    last: `${formatNumber(lang, l.yoyLastYear)}${lang === "en" ? " " : ""}${m}`,
  });
}

/** Red for behind, green for on track, bold for met, grey for pending/no data. */
export function statusTone(s: Status): Tone {
  return s === "behind" ? "bad" : s === "on_track" ? "good" : s === "met" ? "strong" : "dim";
}

/** The title line of a report view at the report's as-of quarter. */
export function reportTitle(lang: Lang, report: Report): string {
  return lang === "en" ? report.plan.titleEn : report.plan.title;
}

/** "截至 2020Q3，序时进度 75.0%" or "本年度尚无数据". */
export function asOfLine(lang: Lang, report: { asOf: string | null; elapsed: number | null }): string {
  return report.asOf === null
    ? t(lang, "rep.asOfNone")
    : t(lang, "rep.asOf", { asOf: report.asOf, elapsed: formatPercent(report.elapsed) });
}

/** True when the report's as-of quarter is Q4: its figures are judged as year-end results. */
export function isYearEnd(report: Pick<Report, "asOf" | "elapsed">): boolean {
  return report.asOf !== null && report.elapsed === 1;
}

/**
 * The verdict of the report (render/verdict.ts): the count line, then the named indicators of each
 * category that needs attention; at Q4 in the year-end words `status` uses.
 */
function reportVerdict(lang: Lang, report: Report): { head: Line; lines: Line[] } {
  const yearEnd = isYearEnd(report);
  return indicatorVerdict(
    lang,
    report.indicators.map((l) => ({
      name: lang === "en" ? l.nameEn : l.name,
      category: verdictCategory(l, yearEnd),
      final: l.final,
    })),
    yearEnd,
  );
}

/** A line's status in the tables: the report status, or at Q4 the year-end result (完成 / 未完成, 暂定 …). */
export function lineStatusText(
  lang: Lang,
  l: Pick<IndicatorLine, "status" | "pace" | "cadence" | "actual" | "target" | "final">,
  yearEnd: boolean,
): string {
  return (yearEnd ? yearEndText(lang, verdictCategory(l, true), l.final) : null) ?? statusText(lang, l);
}

/** The columns every indicator table starts with: indicator … 序时进度 (report and status). */
export function gapColumns(lang: Lang): Column[] {
  return [
    indicatorColumn(lang),
    { label: t(lang, "label.measure"), drop: 3 },
    { label: t(lang, "label.target"), right: true },
    { label: t(lang, "label.actual"), right: true },
    { label: t(lang, "label.gap"), right: true, drop: 4 },
    { label: t(lang, "label.completion"), right: true, csv: `${t(lang, "label.completion")} (%)` },
    { label: t(lang, "label.expected"), right: true },
  ];
}

/**
 * 同比 as a person reads it: +12.5% for a flow or stock, +1.2 个百分点 for a rate (CSV: the
 * percentage, or the points); blank when last year's figure is unknown.
 */
export function yoyCell(lang: Lang, l: Pick<IndicatorLine, "yoy" | "yoyPoints">): DocCell {
  if (l.yoy !== null) {
    const pct = Math.round(l.yoy * 1000) / 10;
    return { text: `${pct > 0 ? "+" : ""}${formatPercent(l.yoy)}`, value: pct };
  }
  if (l.yoyPoints !== null)
    return {
      text: t(lang, "yoy.points", {
        points: `${l.yoyPoints > 0 ? "+" : ""}${formatNumber(lang, l.yoyPoints)}`,
      }),
      value: l.yoyPoints,
    };
  return { text: "", value: null };
}

/** The gap table of the report, grouped by 总体目标 then sections; a completion bar per indicator. */
export function reportDoc(report: Report, lang: Lang, sectionTitles: ReadonlyMap<string, string>): Doc {
  // 同比: last year's figure and the growth on it, when any indicator has last year's figure
  const hasLast = report.indicators.some((l) => l.lastYear !== null);
  const columns = [
    ...gapColumns(lang),
    { label: t(lang, "label.status"), wrap: true },
    { label: t(lang, "label.forecast"), right: true, drop: 5 },
    { label: t(lang, "rep.col.source"), drop: 6 },
    ...(hasLast
      ? [
          { label: t(lang, "yoy.col.lastYear"), right: true, drop: 7 },
          { label: t(lang, "yoy.col.yoy"), right: true, drop: 7, csv: `${t(lang, "yoy.col.yoy")} (%)` },
        ]
      : []),
  ];
  const rows: DocRow[] = [];
  const yearEnd = isYearEnd(report);
  let group: string | null = null;
  for (const l of report.indicators) {
    const g = groupKey(l);
    if (g !== group) {
      group = g;
      rows.push({ section: groupHeading(lang, g, sectionTitles) });
    }
    rows.push([
      indicatorCell(lang, l),
      text(measureText(lang, l.unit, l.nameEn)),
      numberCell(lang, l.target),
      numberCell(lang, l.actual),
      numberCell(lang, l.gap),
      completionCell(l.completion),
      numberCell(lang, l.expected),
      text(lineStatusText(lang, l, yearEnd), statusTone(l.status)),
      numberCell(lang, l.forecast),
      text(sourceText(lang, l), "dim"),
      ...(hasLast ? [numberCell(lang, l.lastYear), yoyCell(lang, l)] : []),
    ]);
  }
  const verdict = reportVerdict(lang, report);
  return {
    lang,
    title: t(lang, "rep.title.report", { title: reportTitle(lang, report) }),
    meta: [asOfLine(lang, report)],
    verdict: verdict.head,
    details: verdict.lines,
    chart: {
      title: t(lang, "rep.chart.title"),
      legendActual: t(lang, "label.completion"),
      legendPace: t(lang, "label.expected"),
      items: report.indicators.map((l) => ({
        label: indicatorLabel(lang, l),
        completion: l.completion,
        pace: l.expected === null || l.target === 0 ? null : l.expected / l.target,
        valueText: l.completion === null ? lineStatusText(lang, l, yearEnd) : formatPercent(l.completion),
        tone: statusTone(l.status),
        legend: categoryLabel(lang, verdictCategory(l, yearEnd), yearEnd),
      })),
    },
    blocks: [{ title: t(lang, "rep.block.gap"), columns, rows }],
    footnotes: reportFootnotes(lang, report),
    sectionLabel: t(lang, "label.section"),
  };
}
