import { UsageError } from "../../app/errors.js";
import { localDate, requirePlan, resolveSection } from "../../app/report.js";
import { readTaskStates } from "../../app/tasks.js";
import { filterTasks, type TaskStatus } from "../../domain/tasks.js";
import { parseTaskStatus, STATUS_FORMS } from "../../intake/task-fields.js";
import { type TaskList, tasksDoc, tasksJson } from "../../render/tasks.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj tasks [--section 六] [--status in_progress] [--overdue] [--format …] [--output FILE] */
export async function run(ctx: Context, _args: string[], opts: OptionsOf<"tasks">): Promise<void> {
  let status: TaskStatus | undefined;
  if (opts.status !== undefined) {
    const s = parseTaskStatus(opts.status);
    if (!s.ok)
      throw new UsageError({
        key: "error.option",
        params: { option: "--status", value: opts.status, options: STATUS_FORMS },
      });
    status = s.value;
  }
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year);
    const section = opts.section === undefined ? undefined : resolveSection(plan, opts.section).number;
    const today = localDate(ctx.now);
    const all = readTaskStates(db, plan, today);
    const overdue = opts.overdue === true;
    const list: TaskList = {
      plan: { year: plan.plan.year, title: plan.plan.title, titleEn: plan.plan.titleEn },
      sections: plan.sections,
      today,
      items: filterTasks(all, { section, status, overdue }),
      filtered: section !== undefined || status !== undefined || overdue,
    };
    await emitView(
      ctx,
      opts,
      () => tasksDoc(list, ctx.lang),
      () => tasksJson(list),
    );
  } finally {
    db.close();
  }
}
