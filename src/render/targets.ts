/**
 * Unit targets (目标分解) and the ranking (排名) as documents and JSON (README "Unit targets",
 * "dzkj rank"). The shapes below are what the views read; render/ imports only domain and i18n.
 */
import type { Indicator, ReportingUnit } from "../domain/plan.js";
import type {
  IndicatorRankEntry,
  Ranking,
  TargetSplit,
  UnitTarget,
  UnitTargetLine,
} from "../domain/targets.js";
import { type Lang, t } from "../i18n/index.js";
import { completionCell, type Doc, type DocRow, type Line, numberCell, text } from "./doc.js";
import { formatNumber, measureText } from "./format.js";
import { lineStatusText, statusText, statusTone } from "./report.js";

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
      indicator: ind.name,
      indicatorEn: ind.nameEn,
      sum: formatNumber(lang, s.sum),
      target: formatNumber(lang, s.cityTarget),
      gap: formatNumber(lang, s.difference),
      unit: ind.unit,
      unitEn: measureText("en", ind.unit, ind.nameEn),
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
  /** --indicator: its code, else null */
  only: string | null;
  /** --indicator names one without unit targets: its code (said so), else null */
  onlyWithoutTargets: string | null;
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

/** How `rank` is laid out: CSV as one flat table; markdown without per-indicator tables unless `detail`. */
export interface RankLayout {
  format?: string | undefined;
  /** --detail: the per-indicator tables in markdown too */
  detail?: boolean | undefined;
}

/** Markdown pastes into a chat group: at most this many lines by default (README "dzkj rank"). */
export const RANK_MARKDOWN_LINES = 30;

/**
 * An entry's state as a person reads it: 未报送, 待年度统计 (not yet due), else the words of the
 * report's own tables (lineStatusText), year-end ones at Q4 included (完成, 未完成, 暂定未完成 …).
 */
function entryStatus(lang: Lang, e: IndicatorRankEntry, d: Indicator, yearEnd: boolean): string {
  if (e.status === "pending")
    return statusText(lang, { status: "pending", pace: d.pace, cadence: d.cadence });
  if (!e.reported) return t(lang, "rank.notReported");
  return lineStatusText(
    lang,
    {
      status: e.status,
      pace: d.pace,
      cadence: d.cadence,
      actual: e.actual,
      target: e.target,
      final: e.final,
    },
    yearEnd,
  );
}

/**
 * `rank` as a Doc: the composite first, then one short table per indicator (markdown: only with
 * --detail or --indicator, so that it pastes into a chat group). CSV is one table a spreadsheet
 * reads back: an indicator column (综合得分 for the composite rows), numbers as numbers, the state
 * (未报送, 待年度统计, …) in a column of its own.
 */
export function rankDoc(v: RankView, lang: Lang, layout: RankLayout = {}): Doc {
  const name = (code: string) => unitName(lang, v.units, code);
  const rankCell = (r: number | null) => (r === null ? { text: "—", value: null } : numberCell(lang, r));
  const pendingNames = v.ranking.indicators
    .filter((r) => !r.due)
    .map((r) => indName(lang, v.indicators.find((i) => i.code === r.indicator)!));
  const footnotes =
    v.ranking.composite.length === 0 && v.ranking.indicators.length === 0
      ? [t(lang, "rank.noTargets")]
      : [
          t(lang, "rank.footnote"),
          ...(pendingNames.length
            ? [t(lang, "rank.pendingLeftOut", { list: pendingNames.join(t(lang, "verdict.nameSep")) })]
            : []),
        ];
  const meta = [v.asOf === null ? t(lang, "rep.asOfNone") : t(lang, "rank.asOf", { asOf: v.asOf })];
  if (v.onlyWithoutTargets !== null)
    meta.push(
      t(lang, "rank.indicatorNoTargets", {
        indicator: indName(lang, v.indicators.find((i) => i.code === v.onlyWithoutTargets)!),
      }),
    );
  const base = {
    lang,
    title: t(lang, "rank.title", { year: v.year }),
    meta,
    sectionLabel: t(lang, "label.section"),
    footnotes,
  };
  if (layout.format === "csv") return { ...base, blocks: [rankCsvBlock(v, lang)] };
  const blocks: Doc["blocks"] = [];
  if (v.ranking.composite.length > 0)
    blocks.push({
      title: t(lang, "rank.composite"),
      columns: [
        { label: t(lang, "rank.col.rank"), right: true },
        { label: t(lang, "targets.col.unit"), code: t(lang, "targets.col.unitCode") },
        { label: t(lang, "rank.col.score"), right: true },
        { label: t(lang, "rank.col.missing"), right: true },
      ],
      rows: v.ranking.composite.map((c) => [
        rankCell(c.rank),
        { text: name(c.unit), value: name(c.unit), code: c.unit },
        completionCell(c.score),
        text(c.missing ? t(lang, "rank.missingOf", { missing: c.missing, total: c.indicators }) : ""),
      ]),
    });
  const perIndicator = layout.format !== "markdown" || layout.detail === true || v.only !== null;
  if (perIndicator)
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
          { label: t(lang, "label.status") },
        ],
        rows: r.entries.map((e) => {
          const tone = e.status === "pending" ? "dim" : e.reported ? statusTone(e.status) : "bad";
          return [
            rankCell(e.rank),
            { text: name(e.unit), value: name(e.unit), code: e.unit },
            numberCell(lang, e.target),
            numberCell(lang, e.actual),
            completionCell(e.completion, e.reported ? tone : undefined),
            text(entryStatus(lang, e, d, v.ranking.q === 4), tone),
          ];
        }),
      });
    }
  else if (v.ranking.indicators.length > 0) base.footnotes.push(t(lang, "rank.detailHint"));
  return { ...base, blocks };
}

/** The whole ranking as one CSV table: composite rows, then each indicator's. */
function rankCsvBlock(v: RankView, lang: Lang): Doc["blocks"][number] {
  const name = (code: string) => unitName(lang, v.units, code);
  const composite = t(lang, "rank.composite");
  const rows: DocRow[] = v.ranking.composite.map((c) => [
    { text: composite, value: composite, code: "composite" },
    { text: "", value: null },
    { text: "", value: null },
    { text: "", value: c.rank },
    { text: name(c.unit), value: name(c.unit), code: c.unit },
    { text: "", value: null },
    { text: "", value: null },
    completionCell(c.score),
    { text: "", value: c.score === null ? t(lang, "status.pending") : "" },
    { text: "", value: c.missing },
  ]);
  for (const r of v.ranking.indicators) {
    const d = v.indicators.find((i) => i.code === r.indicator)!;
    for (const e of r.entries)
      rows.push([
        { text: indName(lang, d), value: indName(lang, d), code: d.code },
        { text: "", value: measureText(lang, d.unit, d.nameEn) },
        { text: "", value: r.weight },
        { text: "", value: e.rank },
        { text: name(e.unit), value: name(e.unit), code: e.unit },
        { text: "", value: e.target },
        { text: "", value: e.actual },
        completionCell(e.completion),
        { text: "", value: entryStatus(lang, e, d, v.ranking.q === 4) },
        { text: "", value: null },
      ]);
  }
  return {
    columns: [
      { label: t(lang, "label.indicator"), code: t(lang, "label.code") },
      { label: t(lang, "label.measure") },
      { label: t(lang, "targets.col.weight") },
      { label: t(lang, "rank.col.rank") },
      { label: t(lang, "targets.col.unit"), code: t(lang, "targets.col.unitCode") },
      { label: t(lang, "label.target") },
      { label: t(lang, "label.actual") },
      { label: t(lang, "label.completion"), csv: `${t(lang, "label.completion")} (%)` },
      { label: t(lang, "label.status") },
      { label: t(lang, "rank.col.missingCount") },
    ],
    rows,
  };
}
