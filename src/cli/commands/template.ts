import iconv from "iconv-lite";
import { Catalog } from "../../app/catalog.js";
import { UsageError } from "../../app/errors.js";
import { requirePlan } from "../../app/report.js";
import { targetsOf } from "../../app/targets-report.js";
import { previousFigures, unitTargetsOf } from "../../app/template.js";
import { formatPeriod } from "../../domain/period.js";
import type { Plan, ReportingUnit } from "../../domain/plan.js";
import { parsePeriod } from "../../intake/period.js";
import { docCsv } from "../../render/doc.js";
import { type TemplateView, targetsTemplateDoc, templateDoc } from "../../render/template.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { toFile, writeOutputFile } from "../output.js";

/**
 * dzkj template --unit 渠县 --period 2020Q3 [--layout long|wide] [--encoding utf8|gb18030]
 * [--format csv|xlsx]: a CSV, or an Excel workbook with validated cells (render/template-xlsx.ts),
 * that a county fills in (every indicator with name and unit) and that imports back unchanged.
 * Headers are in Chinese, as county staff read them; dzkj import recognises them.
 */
export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  if (opts.targets === true) return targetsTemplate(ctx, opts);
  if (opts.period === undefined) throw new UsageError({ key: "template.needPeriod" });
  const { db } = await open(ctx);
  let text: string;
  try {
    const plan = requirePlan(db, opts.year as string | undefined);
    // a period written without a year (前三季度) is in the plan's year
    const parsed = parsePeriod(String(opts.period), plan.plan.year);
    if (!parsed.ok)
      throw new UsageError({ key: "template.badPeriod", params: { value: String(opts.period) } });
    const units = formUnits(plan, opts.unit);
    const view: TemplateView = {
      period: formatPeriod(parsed.value),
      units,
      indicators: plan.indicators,
      layout: opts.layout === "wide" ? "wide" : "long",
    };
    if (opts.format === "xlsx") {
      const previous = previousFigures(db, plan, units, parsed.value);
      const unitTargets = unitTargetsOf(db, plan);
      const { templateXlsx } = await import("../../render/template-xlsx.js");
      const bytes = await templateXlsx(
        { ...view, planTitle: plan.plan.title, planYear: plan.plan.year, previous, unitTargets },
        ctx.lang,
        ctx.now,
      );
      writeTemplate(
        ctx,
        opts,
        bytes,
        "xlsx",
        view.layout === "wide" ? units.length : units.length * plan.indicators.length,
      );
      return;
    }
    text = docCsv(templateDoc(view, ctx.lang));
  } finally {
    db.close();
  }
  const bytes =
    opts.encoding === "gb18030" ? iconv.encode(text, "gb18030") : Buffer.from(`\uFEFF${text}`, "utf8");
  writeTemplate(ctx, opts, bytes, "csv", text.split("\r\n").length - 2);
}

/** Writes the template to -o FILE (saying what was written) or to stdout. */
function writeTemplate(
  ctx: Context,
  opts: Record<string, unknown>,
  bytes: Uint8Array,
  ext: "csv" | "xlsx",
  rows: number,
): void {
  const output = opts.output as string | undefined;
  if (!toFile(output)) {
    ctx.stdout.write(bytes);
    return;
  }
  const file = writeOutputFile(ctx, output, bytes, ext);
  const layout = ctx.t(`import.layout.${opts.layout === "wide" ? "wide" : "long"}`);
  if (ext === "xlsx") ctx.notice("template.writtenXlsx", { file, layout, rows });
  else ctx.notice("template.written", { file, layout, encoding: String(opts.encoding), rows });
}

/** `template --targets [--unit U]`: the targets fill-in sheet, with the targets stored so far. */
async function targetsTemplate(ctx: Context, opts: Record<string, unknown>): Promise<void> {
  // the targets sheet is a CSV form only: CSV bytes under an .xlsx name would open as garbage
  if (opts.format === "xlsx") throw new UsageError({ key: "targets.template.csvOnly" });
  const { db } = await open(ctx);
  let text: string;
  try {
    const plan = requirePlan(db, opts.year as string | undefined);
    const units = formUnits(plan, opts.unit);
    const current = new Map(targetsOf(db, plan.plan.year).map((t) => [`${t.indicator} ${t.unit}`, t]));
    text = docCsv(targetsTemplateDoc({ units, indicators: plan.indicators, current }, ctx.lang));
  } finally {
    db.close();
  }
  const bytes =
    opts.encoding === "gb18030" ? iconv.encode(text, "gb18030") : Buffer.from(`\uFEFF${text}`, "utf8");
  const output = opts.output as string | undefined;
  if (toFile(output)) {
    const file = writeOutputFile(ctx, output, bytes, "csv");
    ctx.notice("targets.template.written", { file, rows: text.split("\r\n").length - 2 });
  } else ctx.stdout.write(bytes);
}

/**
 * The units a fill-in form has a row for: the one `--unit` names (by name, code or alias), else
 * every reporting unit (全市 is not one). An unknown name is a UsageError with the close names.
 */
function formUnits(plan: Plan, unit: unknown): ReportingUnit[] {
  const units = plan.units.filter((u) => !u.isTotal);
  if (unit === undefined) return units;
  const catalog = new Catalog([plan]);
  const u = catalog.unit(plan.plan.year, String(unit));
  if (u) return [u];
  const hint = catalog.suggestUnit(plan.plan.year, String(unit));
  throw new UsageError({
    key: hint.length ? "import.unit.unknownHint" : "import.unit.unknown",
    params: { value: String(unit), hint: hint.join("、") },
  });
}
