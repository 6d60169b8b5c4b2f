/** `completeness` (报送情况) as a Doc and as JSON. */
import type { Completeness, PeriodCell } from "../domain/completeness.js";
import type { Lang } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { shortUnitName } from "./breakdown.js";
import { type Doc, type DocCell, type DocRow, type Line, numberCell, text } from "./doc.js";
import { localTime } from "./time.js";

/** An import time for people, in local time with its offset: 2020-10-15 16:00 +08:00. */
export function importTime(iso: string | null): string {
  return localTime(iso);
}

/** The JSON of `completeness`: per unit and period the indicators sent, 未报送, latest import. */
export function completenessJson(c: Completeness): object {
  return {
    plan: { year: c.plan.year, title: c.plan.title },
    deadlineDays: c.deadlineDays,
    periods: c.periods,
    units: c.units.map((u) => ({
      code: u.code,
      name: u.name,
      isTotal: u.isTotal,
      lastImport: u.lastImport,
      periods: u.periods.map((p) => ({
        period: p.period,
        indicators: p.indicators,
        importedAt: p.importedAt,
        timeliness: p.timeliness,
        expected: p.expected,
        expectedMissing: p.expectedMissing,
      })),
      missing: u.missing,
    })),
    missing: c.missing,
  };
}

/**
 * A unit's cell for one quarter: how many indicators it sent and when — 按时, 逾期 N 天 — or 未报送
 * (逾期 N 天 once the deadline has passed); short of the indicators it has targets for, how many.
 */
function periodCell(lang: Lang, p: PeriodCell): DocCell {
  const t_ = p.timeliness;
  if (p.indicators.length === 0) {
    const overdue = t_?.overdue ? t(lang, "completeness.overdue", { days: t_.daysLate }) : "";
    return { text: t(lang, "rep.missing") + overdue, value: 0, tone: "bad" };
  }
  const count = t(lang, "rep.count.indicators", { n: p.indicators.length });
  if (t_ === null) return { text: count, value: p.indicators.length };
  const when =
    t_.status === "late"
      ? t(lang, "completeness.late", { days: t_.daysLate })
      : t(lang, "completeness.onTime");
  const short = p.expectedMissing.length
    ? t(lang, "completeness.short", { n: p.expectedMissing.length, total: p.expected.length })
    : "";
  return {
    text: t(lang, "completeness.cell", { count, when }) + short,
    value: p.indicators.length,
    tone: t_.status === "late" ? "bad" : short ? "warn" : undefined,
  };
}

export function completenessDoc(c: Completeness, lang: Lang): Doc {
  const sep = t(lang, "rep.listSep");
  const unitName = (u: { name: string; nameEn: string }) => (lang === "en" ? u.nameEn : u.name);
  const rows: DocRow[] = c.units.map((u) => [
    { ...text(unitName(u)), code: u.code },
    ...u.periods.map((p) => periodCell(lang, p)),
    {
      text: importTime(u.lastImport),
      value: u.lastImport ?? "",
      tone: u.lastImport ? undefined : ("dim" as const),
    },
  ]);
  const notes: Line[] = c.missing
    .filter((m) => m.units.length)
    .map((m) => ({
      text: t(lang, "rep.missingList", {
        period: m.period,
        list: m.units
          .map((code) => unitName(c.units.find((u) => u.code === code) ?? { name: code, nameEn: code }))
          .join(sep),
      }),
      tone: "bad" as const,
    }));
  const last = c.periods.length - 1;
  const name = (code: string) =>
    unitName(c.units.find((u) => u.code === code) ?? { name: code, nameEn: code });
  // the late units of every quarter shown, not only the newest: a unit late in Q1 stays late
  c.periods.forEach((period, i) => {
    const late = c.units.filter((u) => u.periods[i]?.timeliness?.status === "late");
    if (late.length)
      notes.push({
        text: t(lang, "completeness.note.late", {
          period,
          list: late
            .map((u) =>
              t(lang, "completeness.lateItem", {
                unit: name(u.code),
                days: u.periods[i]!.timeliness!.daysLate,
              }),
            )
            .join(sep),
        }),
        tone: "bad",
      });
  });
  if (last >= 0) {
    const period = c.periods[last]!;
    const short = c.units.filter((u) => (u.periods[last]?.expectedMissing.length ?? 0) > 0);
    const indName = (code: string) => {
      const d = c.indicators.find((i) => i.code === code);
      return d ? (lang === "en" ? d.nameEn : d.name) : code;
    };
    if (short.length)
      notes.push({
        text: t(lang, "completeness.note.short", {
          period,
          list: short
            .map((u) => `${name(u.code)}：${u.periods[last]!.expectedMissing.map(indName).join(sep)}`)
            .join("；"),
        }),
        tone: "warn",
      });
  }
  const blocks: Doc["blocks"] = [
    {
      title: t(lang, "rep.block.completeness"),
      columns: [
        { label: t(lang, "label.unit"), wrap: true, code: t(lang, "label.code") },
        ...c.periods.map((p) => ({ label: p, right: true })),
        { label: t(lang, "rep.col.lastImport") },
      ],
      rows,
      notes,
    },
  ];
  if (last >= 0) {
    const period = c.periods[last] ?? "";
    const matrix: DocRow[] = c.indicators.map((d) => {
      const sent = c.units.map((u) => u.periods[last]?.indicators.includes(d.code) ?? false);
      return [
        { ...text(lang === "en" ? d.nameEn : d.name), code: d.code },
        ...sent.map((s) =>
          s ? { text: "✓", value: 1, tone: "good" as const } : { text: "·", value: 0, tone: "dim" as const },
        ),
        numberCell(lang, sent.filter(Boolean).length),
      ];
    });
    blocks.push({
      title: t(lang, "rep.block.whoSent", { period }),
      columns: [
        { label: t(lang, "label.indicator"), wrap: true, code: t(lang, "label.code") },
        ...c.units.map((u) => ({ label: shortUnitName(lang, u), csv: u.name })),
        { label: t(lang, "rep.col.unitsSent"), right: true },
      ],
      rows: matrix,
    });
  }
  const newest = c.periods[last];
  const newestMissing = c.missing[last]?.units.length ?? 0;
  const reporting = c.units.filter((u) => !u.isTotal).length;
  return {
    lang,
    title: t(lang, "rep.title.completeness", { title: lang === "en" ? c.plan.titleEn : c.plan.title }),
    meta: [
      c.periods.length ? t(lang, "rep.periods", { list: c.periods.join(sep) }) : t(lang, "rep.asOfNone"),
    ],
    verdict:
      newest === undefined
        ? { text: t(lang, "rep.asOfNone"), tone: "dim" }
        : {
            text: t(lang, "rep.verdict.completeness", {
              period: newest,
              // the reporting units, 全市 aside: the same set as the on-time line below
              sent: reporting - newestMissing,
              total: reporting,
              missing: newestMissing,
            }),
            tone: newestMissing ? "bad" : "good",
          },
    details: newest === undefined ? [] : [timelinessLine(lang, c, last)],
    blocks,
    sectionLabel: t(lang, "label.section"),
  };
}

/** 按时 X，逾期 Y，未报送 Z (of the units, 全市 aside) for one period, and the deadline it was judged by. */
function timelinessLine(lang: Lang, c: Completeness, i: number): Line {
  const cells = c.units.flatMap((u) => (u.periods[i]?.timeliness ? [u.periods[i]!] : []));
  const n = (s: string) => cells.filter((p) => p.timeliness!.status === s).length;
  const complete = cells.filter((p) => p.expected.length > 0 && p.expectedMissing.length === 0).length;
  const judged = cells.filter((p) => p.expected.length > 0).length;
  return {
    text:
      t(lang, "completeness.summary", {
        period: c.periods[i] ?? "",
        onTime: n("on_time"),
        late: n("late"),
        missing: n("missing"),
        deadline: cells[0]?.timeliness?.deadline ?? "",
        days: c.deadlineDays,
      }) + (judged ? t(lang, "completeness.summaryTargets", { complete, total: judged }) : ""),
    tone: n("late") ? "bad" : undefined,
  };
}
