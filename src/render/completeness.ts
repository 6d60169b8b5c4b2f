/** `completeness` (报送情况) as a Doc and as JSON. */
import type { Completeness } from "../domain/completeness.js";
import type { Lang } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { shortUnitName } from "./breakdown.js";
import { type Doc, type DocRow, type Line, numberCell, text } from "./doc.js";
import { localTime } from "./time.js";

/** An import time for people, in local time with its offset: 2020-10-15 16:00 +08:00. */
export function importTime(iso: string | null): string {
  return localTime(iso);
}

/** The JSON of `completeness`: per unit and period the indicators sent, 未报送, latest import. */
export function completenessJson(c: Completeness): object {
  return {
    plan: { year: c.plan.year, title: c.plan.title },
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
      })),
      missing: u.missing,
    })),
    missing: c.missing,
  };
}

export function completenessDoc(c: Completeness, lang: Lang): Doc {
  const sep = t(lang, "rep.listSep");
  const unitName = (u: { name: string; nameEn: string }) => (lang === "en" ? u.nameEn : u.name);
  const rows: DocRow[] = c.units.map((u) => [
    { ...text(unitName(u)), code: u.code },
    ...u.periods.map((p) =>
      p.indicators.length
        ? { text: t(lang, "rep.count.indicators", { n: p.indicators.length }), value: p.indicators.length }
        : { text: t(lang, "rep.missing"), value: 0, tone: "bad" as const },
    ),
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
              sent: c.units.length - newestMissing,
              total: c.units.length,
              missing: newestMissing,
            }),
            tone: newestMissing ? "bad" : "good",
          },
    blocks,
    sectionLabel: t(lang, "label.section"),
  };
}
