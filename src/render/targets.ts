/**
 * Unit targets (目标分解) and the ranking (排名) as documents and JSON (README "Unit targets",
 * "dzkj rank"). The shapes below are what the views read; render/ imports only domain and i18n.
 */
import type { Indicator, ReportingUnit } from "../domain/plan.js";
import type { Ranking, TargetSplit, UnitTarget, UnitTargetLine } from "../domain/targets.js";
import { type Lang, t } from "../i18n/index.js";
import { completionCell, type Doc, type DocRow, type Line, numberCell, text } from "./doc.js";
import { formatNumber, measureText } from "./format.js";
import { statusTone } from "./report.js";

/** What `targets` shows: the plan's indicators and units (for names), the targets and their splits. */
export interface TargetsView {
  year: number;
  indicators: readonly Indicator[];
  units: readonly ReportingUnit[];
  targets: readonly UnitTarget[];
  splits: readonly TargetSplit[];
  /** --unit: only this unit's targets */
  unit: string | null;
}

const unitName = (lang: Lang, units: readonly ReportingUnit[], code: string) => {
  const u = units.find((x) => x.code === code);
  return u ? (lang === "en" ? u.nameEn : u.name) : code;
};
const indName = (lang: Lang, d: Indicator) => (lang === "en" ? d.nameEn : d.name);

/** The targets of the view in plan order: indicator, then unit. */
function ordered(v: TargetsView): UnitTarget[] {
  const ui = new Map(v.units.map((u, i) => [u.code, i]));
  const ii = new Map(v.indicators.map((d, i) => [d.code, i]));
  return v.targets
    .filter((x) => v.unit === null || x.unit === v.unit)
    .sort((a, b) => ii.get(a.indicator)! - ii.get(b.indicator)! || ui.get(a.unit)! - ui.get(b.unit)!);
}

/** The JSON contract of `targets --format json` (README "Unit targets"). */
export function targetsJson(v: TargetsView): object {
  return {
    year: v.year,
    targets: ordered(v).map((x) => ({
      indicator: x.indicator,
      unit: x.unit,
      target: x.target,
      measure: v.indicators.find((d) => d.code === x.indicator)?.unit ?? null,
      weight: x.weight,
    })),
    splits: v.splits,
  };
}

/** A split as one line: 分解不足 names the shortfall; 层层加码 is only noted. */
export function splitLine(lang: Lang, s: TargetSplit, ind: Indicator): Line {
  return {
    text: t(lang, s.kind === "short" ? "targets.split.short" : "targets.split.over", {
      indicator: indName(lang, ind),
      sum: formatNumber(lang, s.sum),
      target: formatNumber(lang, s.cityTarget),
      gap: formatNumber(lang, s.difference),
      unit: measureText(lang, ind.unit, ind.nameEn),
    }),
    tone: s.kind === "short" ? "warn" : "dim",
  };
}

/** `targets` as a Doc: one row per unit target, the splits under the table. */
export function targetsDoc(v: TargetsView, lang: Lang): Doc {
  const rows: DocRow[] = ordered(v).map((x) => {
    const d = v.indicators.find((i) => i.code === x.indicator)!;
    return [
      { text: indName(lang, d), value: indName(lang, d), code: d.code },
      { text: unitName(lang, v.units, x.unit), value: unitName(lang, v.units, x.unit), code: x.unit },
      numberCell(lang, x.target),
      text(measureText(lang, d.unit, d.nameEn)),
      numberCell(lang, x.weight ?? 1),
    ];
  });
  const notes = v.splits.flatMap((s) => {
    const d = v.indicators.find((i) => i.code === s.indicator);
    return d ? [splitLine(lang, s, d)] : [];
  });
  return {
    lang,
    title: t(lang, "targets.title", { year: v.year }),
    meta: v.targets.length === 0 ? [t(lang, "targets.none")] : [],
    sectionLabel: t(lang, "label.section"),
    blocks: [
      {
        columns: [
          { label: t(lang, "label.indicator"), wrap: true, code: t(lang, "label.code") },
          { label: t(lang, "targets.col.unit"), code: t(lang, "targets.col.unitCode") },
          { label: t(lang, "label.target"), right: true },
          { label: t(lang, "label.measure") },
          { label: t(lang, "targets.col.weight"), right: true },
        ],
        rows,
        notes,
      },
    ],
  };
}

/** A unit's line against its own target as JSON: the same fields as the city's. */
export function unitTargetJson(l: UnitTargetLine): object {
  return {
    target: l.target,
    baseline: l.baseline,
    actual: l.actual,
    gap: l.gap,
    completion: l.completion,
    expected: l.expected,
    status: l.status,
    forecast: l.forecast,
    final: l.final,
    reported: l.reported,
  };
}

/** What `rank` shows. */
export interface RankView {
  year: number;
  asOf: string | null;
  indicators: readonly Indicator[];
  units: readonly ReportingUnit[];
  ranking: Ranking;
}

/** The JSON contract of `rank --format json` (README "dzkj rank"). */
export function rankJson(v: RankView): object {
  return {
    year: v.year,
    asOf: v.asOf,
    composite: v.ranking.composite,
    indicators: v.ranking.indicators,
  };
}

/** `rank` as a Doc: the composite first, then one short table per indicator. */
export function rankDoc(v: RankView, lang: Lang): Doc {
  const name = (code: string) => unitName(lang, v.units, code);
  const notReported = t(lang, "rank.notReported");
  const blocks: Doc["blocks"] = [];
  if (v.ranking.composite.length > 0)
    blocks.push({
      title: t(lang, "rank.composite"),
      columns: [
        { label: t(lang, "rank.col.rank"), right: true },
        { label: t(lang, "targets.col.unit"), code: t(lang, "targets.col.unitCode") },
        { label: t(lang, "rank.col.score"), right: true },
        { label: t(lang, "rank.col.missing"), right: true, drop: 1 },
      ],
      rows: v.ranking.composite.map((c) => [
        numberCell(lang, c.rank),
        { text: name(c.unit), value: name(c.unit), code: c.unit },
        completionCell(c.score),
        text(c.missing ? t(lang, "rank.missingOf", { missing: c.missing, total: c.indicators }) : ""),
      ]),
    });
  for (const r of v.ranking.indicators) {
    const d = v.indicators.find((i) => i.code === r.indicator)!;
    blocks.push({
      title: t(lang, "rank.indicatorTitle", {
        indicator: indName(lang, d),
        unit: measureText(lang, d.unit, d.nameEn),
        weight: r.weight !== 1 ? t(lang, "rank.weight", { weight: r.weight }) : "",
      }),
      columns: [
        { label: t(lang, "rank.col.rank"), right: true },
        { label: t(lang, "targets.col.unit"), code: t(lang, "targets.col.unitCode") },
        { label: t(lang, "label.target"), right: true, drop: 2 },
        { label: t(lang, "label.actual"), right: true, drop: 1 },
        { label: t(lang, "label.completion"), right: true },
      ],
      rows: r.entries.map((e) => [
        numberCell(lang, e.rank),
        { text: name(e.unit), value: name(e.unit), code: e.unit },
        numberCell(lang, e.target),
        e.reported ? numberCell(lang, e.actual) : text(notReported, "bad"),
        e.reported
          ? completionCell(e.completion, statusTone(e.status))
          : { text: notReported, value: null, tone: "bad" as const },
      ]),
    });
  }
  return {
    lang,
    title: t(lang, "rank.title", { year: v.year }),
    meta: [v.asOf === null ? t(lang, "rep.asOfNone") : t(lang, "rank.asOf", { asOf: v.asOf })],
    sectionLabel: t(lang, "label.section"),
    blocks,
    footnotes: blocks.length === 0 ? [t(lang, "rank.noTargets")] : [t(lang, "rank.footnote")],
  };
}
