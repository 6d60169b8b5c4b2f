import { UsageError } from "../../app/errors.js";
import { localDate, requirePlan } from "../../app/report.js";
import { readTaskStates } from "../../app/tasks.js";
import { filterTasks, type TaskStatus } from "../../domain/tasks.js";
import { parseTaskStatus, STATUS_FORMS } from "../../intake/task-fields.js";
import { type TaskList, tasksDoc, tasksJson } from "../../render/tasks.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";

/** dzkj tasks [--section 六] [--status in_progress] [--overdue] [--format …] [--output FILE] */
export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  let status: TaskStatus | undefined;
  if (opts.status !== undefined) {
    const s = parseTaskStatus(String(opts.status));
    if (!s.ok)
      throw new UsageError({
        key: "error.option",
        params: { option: "--status", value: String(opts.status), options: STATUS_FORMS },
      });
    status = s.value;
  }
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year as string | undefined);
    let section: number | undefined;
    if (opts.section !== undefined) {
      const v = String(opts.section).trim();
      const s = plan.sections.find((x) => x.code === v || String(x.number) === v);
      if (!s)
        throw new UsageError({
          key: "error.section",
          params: { value: v, options: plan.sections.map((x) => x.code).join(" ") },
        });
      section = s.number;
    }
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
    emitView(
      ctx,
      opts as OutputOptions,
      () => tasksDoc(list, ctx.lang),
      () => tasksJson(list),
    );
  } finally {
    db.close();
  }
}
