/**
 * `dzkj template`: the CSV a county fills in, as a document (one table, written as CSV). Its
 * headers are in Chinese whatever the UI language, as county staff read them and `dzkj import`
 * recognises them (README "dzkj template"); every indicator with its name and unit of measure.
 */
import type { Indicator, ReportingUnit } from "../domain/plan.js";
import type { Lang } from "../i18n/index.js";
import { type Doc, text } from "./doc.js";

/** What a template holds: the period (2020Q3), the units to fill in, the plan's indicators. */
export interface TemplateView {
  period: string;
  units: readonly ReportingUnit[];
  indicators: readonly Indicator[];
  /** long: a row per unit and indicator; wide: a row per unit, a column per indicator */
  layout: "long" | "wide";
}

const BASIS = "累计";

/** The template as a Doc; docCsv writes it as the file a county fills in and imports back. */
export function templateDoc(v: TemplateView, lang: Lang): Doc {
  const columns =
    v.layout === "wide"
      ? ["报告期", "填报单位", ...v.indicators.map((d) => `${d.name}（${d.unit}）`), "口径", "备注"]
      : ["报告期", "填报单位", "指标代码", "指标名称", "计量单位", "数值", "口径", "备注"];
  const rows =
    v.layout === "wide"
      ? v.units.map((u) => [v.period, u.name, ...v.indicators.map(() => ""), BASIS, ""])
      : v.units.flatMap((u) =>
          v.indicators.map((d) => [v.period, u.name, d.code, d.name, d.unit, "", BASIS, ""]),
        );
  return {
    lang,
    // only the CSV is written: the title names the period for a reader of the value
    title: v.period,
    meta: [],
    sectionLabel: "",
    blocks: [{ columns: columns.map((label) => ({ label })), rows: rows.map((r) => r.map((s) => text(s))) }],
  };
}

/** What a targets template holds: the units, the plan's indicators, the targets stored so far. */
export interface TargetsTemplateView {
  units: readonly ReportingUnit[];
  indicators: readonly Indicator[];
  /** `${indicator} ${unit}` → the stored target and weight, written in so the sheet round-trips */
  current: ReadonlyMap<string, { target: number; weight: number | null }>;
}

/**
 * `dzkj template --targets`: the fill-in sheet of the units' targets (目标分解), a row per unit and
 * indicator with its unit of measure, the targets stored so far written in; `dzkj targets import`
 * reads it back (README "Unit targets").
 */
export function targetsTemplateDoc(v: TargetsTemplateView, lang: Lang): Doc {
  const columns = ["填报单位", "指标代码", "指标名称", "计量单位", "目标", "考核权重"];
  const rows = v.units.flatMap((u) =>
    v.indicators.map((d) => {
      const c = v.current.get(`${d.code} ${u.code}`);
      return [
        u.name,
        d.code,
        d.name,
        d.unit,
        c ? String(c.target) : "",
        c?.weight == null ? "" : String(c.weight),
      ];
    }),
  );
  return {
    lang,
    title: "",
    meta: [],
    sectionLabel: "",
    blocks: [{ columns: columns.map((label) => ({ label })), rows: rows.map((r) => r.map((s) => text(s))) }],
  };
}
