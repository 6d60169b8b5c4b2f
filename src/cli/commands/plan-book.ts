import { UsageError } from "../../app/errors.js";
import { nextYearPlan } from "../../app/plan-book.js";
import { requirePlan } from "../../app/report.js";
import type { Plan } from "../../domain/plan.js";
import type { PlanBookView } from "../../render/plan-xlsx.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { toFile, writeOutputFile } from "../output.js";

/**
 * dzkj plan export [--year 2020] -o plan-2020.xlsx | --format json: the stored plan as a plan
 * workbook (README "The plan as a workbook") or as the exact JSON plan file `init --plan` reads.
 * dzkj plan new 2021 [--from 2020] -o plan-2021.xlsx: next year's workbook from a loaded plan,
 * targets blank, last year's target and result beside them.
 */
export async function run(ctx: Context, args: string[], opts: OptionsOf<"plan">): Promise<void> {
  const [action, ...rest] = args;
  // the whole plan is written: a narrowing option would be silently ignored, so it is refused
  const stray = opts.section !== undefined ? "--section" : opts.task !== undefined ? "--task" : null;
  if (stray)
    throw new UsageError({ key: "planBook.strayOption", params: { option: stray, action: String(action) } });
  if (action === "export" && opts.from !== undefined)
    throw new UsageError({ key: "planBook.strayOption", params: { option: "--from", action: "export" } });
  if (action === "export") {
    if (rest.length > 0) throw new UsageError({ key: "planBook.exportUsage" });
    return exportPlan(ctx, opts);
  }
  if (rest.length > 1) throw new UsageError({ key: "planBook.newUsage" });
  return newPlan(ctx, rest[0], opts);
}

/** xlsx unless --format json (or -o x.json) says otherwise; any other format is refused. */
function bookFormat(ctx: Context, opts: OptionsOf<"plan">, json: boolean): "xlsx" | "json" {
  const f = opts.format === "table" ? "xlsx" : opts.format;
  if (f === "json" && json) return "json";
  if (f !== "xlsx")
    throw new UsageError({
      key: json ? "planBook.exportFormat" : "planBook.newFormat",
      params: { format: opts.format },
    });
  if (!toFile(opts.output) && ctx.stdout.isTTY) throw new UsageError({ key: "output.xlsxTerminal" });
  return "xlsx";
}

async function exportPlan(ctx: Context, opts: OptionsOf<"plan">): Promise<void> {
  const format = bookFormat(ctx, opts, true);
  const { db } = await open(ctx);
  let plan: Plan;
  try {
    plan = requirePlan(db, opts.year);
  } finally {
    db.close();
  }
  const bytes =
    format === "json"
      ? await planFileBytes(plan)
      : await workbook({ plan, reference: null, fromYear: null }, ctx);
  write(ctx, opts, bytes, format, "planBook.exported", {
    year: plan.plan.year,
    sections: plan.sections.length,
    tasks: plan.tasks.length,
    indicators: plan.indicators.length,
    units: plan.units.length,
  });
}

async function newPlan(ctx: Context, yearText: string | undefined, opts: OptionsOf<"plan">): Promise<void> {
  bookFormat(ctx, opts, false);
  const { db } = await open(ctx);
  let view: PlanBookView;
  try {
    const from = requirePlan(db, opts.from);
    const year = yearText === undefined ? from.plan.year + 1 : Number(yearText);
    if (!Number.isInteger(year) || year < 2000 || year > 2100 || year <= from.plan.year)
      throw new UsageError({
        key: "planBook.newYear",
        params: { value: yearText ?? "", from: from.plan.year },
      });
    const { plan, reference } = nextYearPlan(db, from, year);
    view = { plan, reference, fromYear: from.plan.year };
  } finally {
    db.close();
  }
  const bytes = await workbook(view, ctx);
  write(ctx, opts, bytes, "xlsx", "planBook.created", {
    year: view.plan.plan.year,
    from: view.fromYear ?? "",
    indicators: view.plan.indicators.length,
    tasks: view.plan.tasks.length,
  });
}

/**
 * The plan as the plan file `init --plan` reads: through the plan file's schema (its field order,
 * the order seeds/plan-2020.json has), two-space indented, a final newline; the same plan gives
 * the same bytes.
 */
async function planFileBytes(plan: Plan): Promise<Uint8Array> {
  const { planFileSchema } = await import("../../intake/plan-file.js");
  return Buffer.from(`${JSON.stringify(planFileSchema.parse(plan), null, 2)}\n`, "utf8");
}

/** The workbook's bytes; exceljs is loaded only here, when a workbook is asked for. */
async function workbook(view: PlanBookView, ctx: Context): Promise<Uint8Array> {
  const { planXlsx } = await import("../../render/plan-xlsx.js");
  return planXlsx(view, ctx.lang, ctx.now);
}

/** Writes to -o FILE (saying what was written) or to stdout. */
function write(
  ctx: Context,
  opts: OptionsOf<"plan">,
  bytes: Uint8Array,
  ext: "xlsx" | "json",
  key: "planBook.exported" | "planBook.created",
  params: Record<string, string | number>,
): void {
  if (!toFile(opts.output)) {
    ctx.stdout.write(ext === "json" ? Buffer.from(bytes).toString("utf8") : bytes);
    return;
  }
  const file = writeOutputFile(ctx, opts.output, bytes, ext);
  ctx.notice(key, { ...params, file });
}
