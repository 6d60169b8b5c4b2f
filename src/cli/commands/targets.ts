import { UsageError } from "../../app/errors.js";
import { requirePlan, resolveUnit } from "../../app/report.js";
import { importTargets, type TargetFileOutcome } from "../../app/targets.js";
import { targetsOf } from "../../app/targets-report.js";
import { targetSplits } from "../../domain/targets.js";
import { formatNumber } from "../../render/format.js";
import { splitLine, targetsDoc, targetsJson } from "../../render/targets.js";
import type { Context } from "../context.js";
import { failIfRefused, sayDuplicateOrProblems, summaryParams, writeOutcomesJson } from "../file-outcomes.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj targets [list] [--unit U] | targets import FILE… [--dry-run] [--all-or-nothing] */
export async function run(ctx: Context, args: string[], opts: OptionsOf<"targets">): Promise<void> {
  const [action = "list", ...files] = args;
  if ((action === "import" && files.length === 0) || (action === "list" && files.length > 0))
    throw new UsageError({ key: "targets.usage" });
  const { db } = await open(ctx);
  try {
    const plan = requirePlan(db, opts.year);
    if (action === "list") {
      const unit = opts.unit === undefined ? null : resolveUnit(plan, opts.unit).code;
      const targets = targetsOf(db, plan.plan.year);
      const view = {
        year: plan.plan.year,
        indicators: plan.indicators,
        units: plan.units,
        targets,
        splits: unit === null ? targetSplits(plan, targets) : [],
        unit,
      };
      await emitView(
        ctx,
        opts,
        () => targetsDoc(view, ctx.lang),
        () => targetsJson(view),
      );
      return;
    }
    const outcomes = await importTargets(db, plan, files, {
      dryRun: opts.dryRun === true,
      allOrNothing: opts.allOrNothing === true,
      now: ctx.now,
    });
    if (opts.format === "json")
      writeOutcomesJson(ctx, outcomes, (o) => ({ layout: o.layout, splits: o.splits }));
    else say(ctx, outcomes, plan.indicators, opts.dryRun === true);
    failIfRefused(outcomes);
  } finally {
    db.close();
  }
}

function say(
  ctx: Context,
  outcomes: TargetFileOutcome[],
  indicators: Parameters<typeof splitLine>[2][],
  dryRun: boolean,
): void {
  const out = (s: string) => ctx.stdout.write(`${s}\n`);
  const name = (code: string) => {
    const d = indicators.find((i) => i.code === code);
    return d ? (ctx.lang === "en" ? d.nameEn : d.name) : code;
  };
  for (const o of outcomes) {
    if (sayDuplicateOrProblems(ctx, o)) continue;
    if (!o.source) continue;
    out(
      `${ctx.t("targets.import.summary", summaryParams(o, o.source))}${dryRun && o.status !== "rejected" ? ctx.t("import.summary.dryRun") : ""}`,
    );
    for (const ch of o.changes)
      if (ch.kind === "update")
        out(
          ctx.t("targets.import.change", {
            line: ch.line,
            unit: ch.unit,
            indicator: name(ch.indicator),
            old: formatNumber(ctx.lang, ch.old?.target ?? null),
            new: formatNumber(ctx.lang, ch.new.target),
          }),
        );
    // 层层加码 is only noted (the shortfalls were said as warnings on stderr)
    if (o.status !== "rejected")
      for (const s of o.splits)
        if (s.kind === "over") {
          const d = indicators.find((i) => i.code === s.indicator);
          if (d) out(splitLine(ctx.lang, s, d).text);
        }
    if (o.status === "imported" && o.batchId !== null) ctx.notice("tasks.set.batch", { batch: o.batchId });
  }
}
