/**
 * The reporting units (填报单位) of a plan as a document: code, name, aliases, administrative
 * code. JSON is the plan's `units` array (README "dzkj units").
 */
import type { ReportingUnit } from "../domain/plan.js";
import type { Lang } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { type Doc, text } from "./doc.js";

/** The JSON contract: the units as the plan holds them. */
export function unitsJson(units: readonly ReportingUnit[]): object {
  return units;
}

/** The units of the plan for `year` as a Doc; 全市 is marked as the total, never added. */
export function unitsDoc(units: readonly ReportingUnit[], year: number, lang: Lang): Doc {
  return {
    lang,
    title: t(lang, "units.header", { year }),
    meta: [],
    sectionLabel: t(lang, "label.section"),
    blocks: [
      {
        columns: [
          { label: t(lang, "label.code") },
          { label: t(lang, "label.name"), wrap: true },
          { label: t(lang, "label.aliases"), wrap: true },
          { label: t(lang, "label.adminCode"), drop: 1 },
        ],
        rows: units.map((u) => [
          text(u.code),
          text(
            `${lang === "en" ? `${u.name} ${u.nameEn}` : u.name}${u.isTotal ? ` ${t(lang, "units.total")}` : ""}`,
          ),
          text(u.aliases.join("、")),
          text(u.adminCode ?? ""),
        ]),
      },
    ],
  };
}
