/** `report --by unit` (units × indicators) and `report --unit U` (one unit) as Docs and JSON. */
import type { Breakdown, UnitColumn, UnitLine, UnitReport } from "../domain/breakdown.js";
import { formatPeriod, type Quarter } from "../domain/period.js";
import { periodOfIndex } from "../domain/report.js";
import type { UnitTargetLine } from "../domain/targets.js";
import type { Lang } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { completionCell, type Doc, type DocCell, type DocRow, type Line, numberCell, text } from "./doc.js";
import { formatNumber, formatPercent, measureText } from "./format.js";
import {
  asOfLine,
  groupHeading,
  groupKey,
  indicatorCell,
  indicatorColumn,
  isYearEnd,
  lineStatusText,
  reportTitle,
  statusText,
  statusTone,
} from "./report.js";
import { unitTargetJson } from "./targets.js";

/** A unit's name short enough for a matrix column: 通川, 渠县, High-tech Zone. */
export function shortUnitName(lang: Lang, u: Pick<UnitColumn, "name" | "nameEn" | "aliases">): string {
  if (lang === "en") return u.nameEn.replace(/ (District|County|City)$/, "").replace(/^Dazhou (?!\()/, "");
  const prefix = u.aliases.find((a) => a.length < u.name.length && u.name.startsWith(a));
  return prefix ?? u.name;
}

/** The JSON of `report --by unit`: each indicator's figure per unit, 全市 and the units' sum. */
export function breakdownJson(b: Breakdown): object {
  return {
    plan: { year: b.report.plan.year, title: b.report.plan.title },
    asOf: b.report.asOf,
    elapsed: b.report.elapsed,
    asOfBeyondData: b.report.asOfBeyondData,
    units: b.units.map((u) => ({ code: u.code, name: u.name })),
    indicators: b.rows.map((r) => ({
      code: r.line.code,
      name: r.line.name,
      unit: r.line.unit,
      kind: r.line.kind,
      actual: r.line.actual,
      source: r.line.source,
      sourcePeriod: r.line.sourcePeriod,
      total: r.total,
      totalPeriod: r.totalQuarter === null ? null : periodOfIndex(b.report.plan.year, r.totalQuarter),
      sum: r.sum,
      unitsPeriod: r.unitsQuarter === null ? null : periodOfIndex(b.report.plan.year, r.unitsQuarter),
      comparable: r.comparable,
      disagree: r.disagree,
      units: Object.fromEntries(b.units.map((u, i) => [u.code, r.units[i] ?? null])),
      unitTargets: Object.fromEntries(
        Object.entries(r.line.unitTargets).map(([unit, u]) => [unit, unitTargetJson(u)]),
      ),
    })),
  };
}

/**
 * A unit's figure in the matrix; with a target of its own (目标分解), its completion against it in
 * brackets and the status colour: `820 (68.3%)`. CSV keeps the bare figure.
 */
function unitFigureCell(
  lang: Lang,
  v: number | null,
  own: UnitTargetLine | undefined,
  line: Pick<UnitLine["line"], "pace" | "cadence">,
): DocCell {
  if (!own || v === null) return numberCell(lang, v);
  // not yet due (待年度统计): said so, as rank and report --unit say it, not a completion
  const note =
    own.status === "pending"
      ? statusText(lang, { status: own.status, pace: line.pace, cadence: line.cadence })
      : formatPercent(own.completion);
  return {
    text: `${formatNumber(lang, v)} (${note})`,
    value: v,
    tone: statusTone(own.status),
  };
}

/** Units × indicators at the as-of quarter, with 全市 next to the sum of the units. */
export function breakdownDoc(b: Breakdown, lang: Lang, sectionTitles: ReadonlyMap<string, string>): Doc {
  const columns = [
    indicatorColumn(lang),
    { label: t(lang, "label.measure"), drop: 1 },
    ...b.units.map((u) => ({ label: shortUnitName(lang, u), right: true, csv: u.name })),
    { label: t(lang, "rep.col.sum"), right: true },
    { label: b.totalUnit ? shortUnitName(lang, b.totalUnit) : t(lang, "rep.col.total"), right: true },
    { label: t(lang, "rep.col.check"), wrap: true },
  ];
  const rows: DocRow[] = [];
  const notes: Line[] = [];
  let group: string | null = null;
  for (const r of b.rows) {
    const g = groupKey(r.line);
    if (g !== group) {
      group = g;
      rows.push({ section: groupHeading(lang, g, sectionTitles) });
    }
    const check = r.disagree
      ? text(t(lang, "rep.check.differ"), "bad")
      : r.line.kind === "rate"
        ? text(t(lang, "rep.check.rate"), "dim")
        : r.comparable
          ? text(t(lang, "rep.check.ok"), "good")
          : r.total !== null && r.sum !== null && r.totalQuarter !== null && r.unitsQuarter !== null
            ? // figures of different quarters are not compared (rule 7): say which one is older
              r.totalQuarter < r.unitsQuarter
              ? text(
                  t(lang, "rep.check.totalOlder", {
                    period: periodOfIndex(b.report.plan.year, r.totalQuarter),
                  }),
                  "dim",
                )
              : text(t(lang, "rep.check.unitsOlder"), "dim")
            : text("");
    rows.push([
      indicatorCell(lang, r.line),
      text(measureText(lang, r.line.unit, r.line.nameEn)),
      ...r.units.map((v, i) => unitFigureCell(lang, v, r.line.unitTargets[b.units[i]!.code], r.line)),
      numberCell(lang, r.sum),
      numberCell(lang, r.total),
      check,
    ]);
    if (r.disagree && r.total !== null && r.sum !== null)
      notes.push({
        text: t(lang, "rep.warn.differ", {
          name: lang === "en" ? r.line.nameEn : r.line.name,
          total: formatNumber(lang, r.total),
          sum: formatNumber(lang, r.sum),
          diff: formatNumber(lang, Math.abs(r.total - r.sum)),
          unit: measureText(lang, r.line.unit, r.line.nameEn),
        }),
        tone: "bad",
      });
  }
  // figures of different quarters are not compared (rule 7): the verdict does not call them in agreement
  const notCompared = b.rows.filter(
    (r) => r.line.kind !== "rate" && r.total !== null && r.sum !== null && !r.comparable,
  ).length;
  return {
    lang,
    title: t(lang, "rep.title.byUnit", { title: reportTitle(lang, b.report) }),
    meta: [asOfLine(lang, b.report)],
    verdict: notes.length
      ? { text: t(lang, "rep.verdict.differ", { n: notes.length }), tone: "bad" }
      : notCompared
        ? { text: t(lang, "rep.verdict.agreeSome", { n: notCompared }), tone: "good" }
        : { text: t(lang, "rep.verdict.agree"), tone: "good" },
    blocks: [{ title: t(lang, "rep.block.byUnit"), columns, rows, notes }],
    footnotes: [t(lang, "rep.foot.byUnit")],
    sectionLabel: t(lang, "label.section"),
  };
}

function quarterLabels(r: UnitReport): string[] {
  const q = r.report.elapsed === null ? 0 : Math.round(r.report.elapsed * 4);
  return Array.from({ length: q }, (_, i) =>
    formatPeriod({ year: r.report.plan.year, quarter: (i + 1) as Quarter }),
  );
}

/** The JSON of `report --unit U`: the unit's figure per quarter next to the city figure. */
export function unitReportJson(r: UnitReport): object {
  const labels = quarterLabels(r);
  return {
    plan: { year: r.report.plan.year, title: r.report.plan.title },
    asOf: r.report.asOf,
    elapsed: r.report.elapsed,
    unit: { code: r.unit.code, name: r.unit.name },
    indicators: r.lines.map((l) => ({
      code: l.line.code,
      name: l.line.name,
      unit: l.line.unit,
      kind: l.line.kind,
      baseline: l.baseline,
      quarters: Object.fromEntries(labels.map((p, i) => [p, l.quarters[i] ?? null])),
      value: l.value,
      city: l.line.actual,
      share: l.share,
      own: l.own === null ? null : unitTargetJson(l.own),
      lastPeriod:
        l.lastQuarter === null
          ? null
          : l.lastQuarter === 0
            ? `${r.report.plan.year - 1}Q4`
            : formatPeriod({ year: r.report.plan.year, quarter: l.lastQuarter as Quarter }),
    })),
  };
}

/** A unit line's cells against its own target (blank where it has none for the indicator). */
function ownCells(lang: Lang, l: UnitLine, yearEnd: boolean): DocCell[] {
  const o = l.own;
  if (o === null) return [text(""), text(""), text(""), text(""), text(""), text("")];
  const tone = statusTone(o.status);
  // the city's words, year-end ones included (完成, 未完成, 暂定未完成 …): the same function as the report's
  const status = lineStatusText(lang, { ...o, pace: l.line.pace, cadence: l.line.cadence }, yearEnd);
  return [
    numberCell(lang, o.target),
    completionCell(o.completion, tone),
    numberCell(lang, o.expected),
    numberCell(lang, o.gap),
    text(status, tone),
    numberCell(lang, o.forecast),
  ];
}

/** One unit's figures quarter by quarter, its share of the city figure, and when it last reported. */
export function unitReportDoc(r: UnitReport, lang: Lang, sectionTitles: ReadonlyMap<string, string>): Doc {
  const labels = quarterLabels(r);
  const year = r.report.plan.year;
  const columns = [
    indicatorColumn(lang),
    { label: t(lang, "label.measure"), drop: 1 },
    { label: t(lang, "rep.col.baseline"), right: true },
    ...labels.map((p) => ({ label: p, right: true })),
    { label: t(lang, "rep.col.city"), right: true },
    { label: t(lang, "rep.col.share"), right: true, csv: `${t(lang, "rep.col.share")} (%)` },
    { label: t(lang, "rep.col.lastReported") },
  ];
  // the unit's own targets (目标分解): target, completion, 序时进度, gap, status and forecast
  const hasOwn = r.lines.some((l) => l.own !== null);
  const yearEnd = isYearEnd(r.report);
  if (hasOwn)
    columns.push(
      { label: t(lang, "unitTargets.col.target"), right: true },
      { label: t(lang, "label.completion"), right: true, csv: `${t(lang, "label.completion")} (%)` },
      { label: t(lang, "label.expected"), right: true, drop: 2 },
      { label: t(lang, "label.gap"), right: true, drop: 3 },
      { label: t(lang, "label.status") },
      { label: t(lang, "label.forecast"), right: true, drop: 4 },
    );
  const rows: DocRow[] = [];
  let group: string | null = null;
  let reported = 0;
  for (const l of r.lines) {
    const g = groupKey(l.line);
    if (g !== group) {
      group = g;
      rows.push({ section: groupHeading(lang, g, sectionTitles) });
    }
    if (l.value !== null) reported++;
    rows.push([
      indicatorCell(lang, l.line),
      text(measureText(lang, l.line.unit, l.line.nameEn)),
      numberCell(lang, l.baseline),
      ...labels.map((_, i) => numberCell(lang, l.quarters[i] ?? null)),
      numberCell(lang, l.line.actual),
      { text: formatPercent(l.share), value: l.share === null ? null : Math.round(l.share * 1000) / 10 },
      text(
        l.lastQuarter === null
          ? t(lang, "rep.never")
          : l.lastQuarter === 0
            ? `${year - 1}Q4`
            : formatPeriod({ year, quarter: l.lastQuarter as Quarter }),
        l.lastQuarter === null ? "dim" : undefined,
      ),
      ...(hasOwn ? ownCells(lang, l, yearEnd) : []),
    ]);
  }
  const name = lang === "en" ? r.unit.nameEn : r.unit.name;
  return {
    lang,
    title: t(lang, "rep.title.unit", { title: reportTitle(lang, r.report), unit: name }),
    meta: [asOfLine(lang, r.report)],
    verdict: {
      text: t(lang, "rep.verdict.unit", { unit: name, n: reported, total: r.lines.length }),
      tone: "strong",
    },
    blocks: [{ title: t(lang, "rep.block.unit", { unit: name }), columns, rows }],
    footnotes: [t(lang, "rep.foot.unit")],
    sectionLabel: t(lang, "label.section"),
  };
}
