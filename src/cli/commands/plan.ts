import { UsageError } from "../../app/errors.js";
import { requirePlan, resolveSection } from "../../app/report.js";
import { reportOrder } from "../../domain/report.js";
import { type PlanView, planDoc, planJson } from "../../render/plan.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/**
 * dzkj plan [--section 二] [--task 12]: the plan, narrowed to a section or a task;
 * dzkj plan extract FILE: a plan's text read into a review document (./plan-extract.ts);
 * dzkj plan export | plan new YEAR: the plan as a workbook (./plan-book.ts).
 */
export async function run(ctx: Context, args: string[], opts: OptionsOf<"plan">): Promise<void> {
  const action = args[0];
  // an option of another form would be ignored without a word: refuse it instead
  if (action !== "extract" && opts.draft !== undefined)
    throw new UsageError({ key: "extract.error.onlyForExtract", params: { option: "--draft" } });
  if (action === "extract") {
    const misplaced = (["year", "section", "task"] as const).find((k) => opts[k] !== undefined);
    if (misplaced)
      throw new UsageError({ key: "extract.error.notForExtract", params: { option: `--${misplaced}` } });
    return (await import("./plan-extract.js")).run(ctx, args.slice(1), opts);
  }
  if (action === "export" || action === "new") return (await import("./plan-book.js")).run(ctx, args, opts);
  if (args.some((a) => a !== undefined)) throw new UsageError({ key: "planBook.planUsage" });
  if (opts.from !== undefined)
    throw new UsageError({ key: "planBook.strayOption", params: { option: "--from", action: "" } });
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year);
    let sections = plan.sections;
    let tasks = plan.tasks;
    let indicators = reportOrder(plan.indicators);
    if (opts.section !== undefined) {
      const n = resolveSection(plan, opts.section).number;
      sections = sections.filter((s) => s.number === n);
      tasks = tasks.filter((t) => t.section === n);
      indicators = indicators.filter((d) => d.section === n);
    }
    if (opts.task !== undefined) {
      const n = Number(opts.task);
      const task = plan.tasks.find((t) => t.number === n);
      if (!task)
        throw new UsageError({
          key: "error.task",
          params: { value: String(opts.task), max: plan.tasks.length },
        });
      tasks = [task];
      sections = plan.sections.filter((s) => s.number === task.section);
      indicators = indicators.filter((d) => d.task === n);
    }
    const view: PlanView = { plan, sections, tasks, indicators, oneTask: opts.task !== undefined };
    await emitView(
      ctx,
      opts,
      () => planDoc(view, ctx.lang),
      () => planJson(view),
    );
  } finally {
    db.close();
  }
}
