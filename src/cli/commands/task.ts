import { UsageError } from "../../app/errors.js";
import { buildReportFor, localDate, requirePlan } from "../../app/report.js";
import { importTasks, requireTask, setTask, showTask, type TaskFileOutcome } from "../../app/tasks.js";
import type { Encoding } from "../../intake/decode.js";
import { statusLabel, taskDetailDoc, taskDetailJson } from "../../render/tasks.js";
import type { TaskRecord } from "../../storage/tasks.js";
import type { Context } from "../context.js";
import { failIfRefused, sayDuplicateOrProblems, summaryParams, writeOutcomesJson } from "../file-outcomes.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";

/** dzkj task set N STATUS [--note] [--evidence] [--date] [--dry-run] | show N | import FILE… */
export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<void> {
  const [action, ...rest] = args;
  const usage = () => new UsageError({ key: "tasks.usage" });
  if (action === "set" && rest.length !== 2) throw usage();
  if (action === "show" && rest.length !== 1) throw usage();
  if (action === "import" && rest.length === 0) throw usage();
  if (action !== "set" && action !== "show" && action !== "import") throw usage();
  const { db } = await open(ctx);
  const json = opts.format === "json";
  const today = localDate(ctx.now);
  try {
    const plan = requirePlan(db, opts.year as string | undefined);
    if (action === "set") {
      const r = setTask(
        db,
        plan,
        {
          task: rest[0]!,
          status: rest[1]!,
          note: opts.note as string | undefined,
          evidence: opts.evidence as string | undefined,
          date: opts.date as string | undefined,
        },
        { today, now: ctx.now, dryRun: opts.dryRun === true },
      );
      if (json) {
        ctx.stdout.write(
          `${JSON.stringify({ task: r.task.number, change: r.kind, old: r.old, new: r.new, batchId: r.batchId, dryRun: opts.dryRun === true }, null, 2)}\n`,
        );
        return;
      }
      const title = ctx.lang === "en" ? r.task.titleEn : r.task.title;
      const line = ctx.t(`tasks.set.${r.kind}`, {
        number: r.task.number,
        title,
        ...describeChange(ctx, r.old, r.new),
        date: r.new.date,
      });
      ctx.stdout.write(
        `${line}${opts.dryRun === true && r.kind !== "unchanged" ? ctx.t("tasks.dryRun") : ""}\n`,
      );
      if (r.batchId !== null) ctx.notice("tasks.set.batch", { batch: r.batchId });
      return;
    }
    if (action === "show") {
      const task = requireTask(plan, rest[0]!);
      const detail = showTask(db, plan, String(task.number), today);
      const { report } = buildReportFor(db, { year: String(plan.plan.year) });
      const view = {
        number: task.number,
        title: task.title,
        titleEn: task.titleEn,
        text: task.text,
        section: { code: detail.sectionCode, title: detail.sectionTitle, titleEn: detail.sectionTitleEn },
        lead: task.lead,
        leadEn: task.leadEn,
        deadline: task.deadline,
        deadlineNote: task.deadlineNote,
        state: detail.state,
        indicators: report.indicators.filter((l) => l.task === task.number),
        asOf: report.asOf,
        history: detail.history,
      };
      await emitView(
        ctx,
        opts as OutputOptions,
        () => taskDetailDoc(view, ctx.lang),
        () => taskDetailJson(view),
      );
      return;
    }
    const outcomes = await importTasks(db, plan, rest, {
      dryRun: opts.dryRun === true,
      allOrNothing: opts.allOrNothing === true,
      encoding: opts.encoding as Encoding | undefined,
      force: opts.force === true,
      today,
      now: ctx.now,
    });
    report(ctx, outcomes, json, opts.dryRun === true);
    failIfRefused(outcomes);
  } finally {
    db.close();
  }
}

/** 已完成 · 达市科〔2020〕12号: the status with the evidence, for one-line summaries. */
function describe(ctx: Context, r: TaskRecord): string {
  return statusLabel(ctx.lang, r.status) + (r.evidence ? ` · ${r.evidence}` : "");
}

/** Old → new as one line; when status and evidence stay, the notes show what changed. */
function describeChange(ctx: Context, old: TaskRecord | null, now: TaskRecord): { old: string; new: string } {
  const a = old ? describe(ctx, old) : "";
  const b = describe(ctx, now);
  if (!old || a !== b) return { old: a, new: b };
  const note = (r: TaskRecord) => {
    const text = (r.note ?? "").replace(/\s+/g, " ");
    return `${a}「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」`;
  };
  return { old: note(old), new: note(now) };
}

function report(ctx: Context, outcomes: TaskFileOutcome[], json: boolean, dryRun: boolean): void {
  if (json) {
    writeOutcomesJson(ctx, outcomes);
    return;
  }
  const say = (s: string) => ctx.stdout.write(`${s}\n`);
  for (const o of outcomes) {
    if (sayDuplicateOrProblems(ctx, o)) continue;
    if (o.source) {
      const line = ctx.t("tasks.import.summary", summaryParams(o, o.source));
      say(`${line}${dryRun && o.status !== "rejected" ? ctx.t("tasks.dryRun") : ""}`);
    }
    for (const ch of o.changes)
      say(
        ctx.t(`tasks.import.change.${ch.kind}`, {
          line: ch.line,
          task: ch.task,
          ...describeChange(ctx, ch.kind === "update" ? ch.old : null, ch.new),
          date: ch.new.date,
        }),
      );
    for (const ch of o.changes)
      if (ch.kind === "update" && ch.old && ch.new.date < ch.old.date)
        ctx.notice("tasks.import.older", {
          file: o.file,
          line: ch.line,
          task: ch.task,
          date: ch.new.date,
          current: ch.old.date,
        });
    if (o.status === "imported" && o.batchId !== null) ctx.notice("tasks.set.batch", { batch: o.batchId });
  }
}
