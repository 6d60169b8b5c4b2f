import { UsageError } from "../../app/errors.js";
import { requirePlan } from "../../app/report.js";
import type { Plan } from "../../domain/plan.js";
import { reportOrder } from "../../domain/report.js";
import { formatNumber, measureText, sectionHeadingText } from "../../render/format.js";
import { renderTable } from "../../render/table.js";
import { wrapText } from "../../render/width.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { type LayoutOptions, tableOptions } from "../width.js";

/** Section by number (2) or code (二). */
function findSection(plan: Plan, value: string): number {
  const s = plan.sections.find((x) => x.code === value.trim() || String(x.number) === value.trim());
  if (!s)
    throw new UsageError({
      key: "error.section",
      params: { value, options: plan.sections.map((x) => x.code).join(" ") },
    });
  return s.number;
}

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year as string | undefined);
    const en = ctx.lang === "en";
    let sections = plan.sections;
    let tasks = plan.tasks;
    let indicators = reportOrder(plan.indicators);
    if (opts.section !== undefined) {
      const n = findSection(plan, String(opts.section));
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
    if (opts.format === "json") {
      ctx.stdout.write(`${JSON.stringify({ ...plan, sections, tasks, indicators }, null, 2)}\n`);
      return;
    }
    const layout = tableOptions(ctx, opts as LayoutOptions);
    const out: string[] = [
      ctx.t("plan.header", {
        title: en ? plan.plan.titleEn : plan.plan.title,
        issuer: en ? plan.plan.issuerEn : plan.plan.issuer,
        issuedOn: plan.plan.issuedOn,
      }),
    ];
    const code = new Map(plan.sections.map((s) => [s.number, s.code]));
    if (indicators.length) {
      const head = [
        "label.indicator",
        "label.code",
        "label.measure",
        "label.target",
        "label.kind",
        "label.cadence",
        "label.commitment",
        "label.section",
        "label.task",
      ].map((k) => ctx.t(k as never));
      const rows = indicators.map((d) => [
        // the code in its own column: a newline inside a cell put it at column 0 of the terminal
        en ? d.nameEn : d.name,
        d.code,
        measureText(ctx.lang, d.unit, d.nameEn),
        formatNumber(ctx.lang, d.target),
        ctx.t(`kind.${d.kind}` as never),
        ctx.t(`cadence.${d.cadence}` as never),
        ctx.t(`commitment.${d.commitment}` as never),
        d.headline && d.section === null ? ctx.t("label.headline") : (code.get(d.section ?? 0) ?? ""),
        d.task === null ? "" : String(d.task),
      ]);
      const fit = [
        { wrap: true },
        { wrap: true },
        {},
        {},
        { drop: 3 },
        { drop: 4 },
        { drop: 2 },
        { drop: 1 },
        {},
      ];
      out.push(`\n${ctx.t("plan.indicators")}`, renderTable(head, rows, new Set([3]), { ...layout, fit }));
    }
    out.push(`\n${ctx.t("plan.tasks")}`);
    for (const s of sections) {
      out.push(`\n${sectionHeadingText(ctx.lang, s.code, en ? s.titleEn : s.title)}`);
      for (const t of tasks.filter((x) => x.section === s.number)) {
        out.push(
          `  ${t.number}. ${en ? t.titleEn : t.title}  [${ctx.t("label.lead")}: ${en ? t.leadEn : t.lead}; ${ctx.t("label.deadline")}: ${t.deadline}]`,
        );
        if (opts.task !== undefined) out.push(`     ${t.text}`);
      }
    }
    const width = layout.width;
    const lines = out.flatMap((l) => l.split("\n"));
    ctx.stdout.write(`${(width ? lines.flatMap((l) => wrapText(l, width)) : lines).join("\n")}\n`);
  } finally {
    db.close();
  }
}
