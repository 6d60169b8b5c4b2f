import { UsageError } from "../../app/errors.js";
import { requirePlan, resolveUnit } from "../../app/report.js";
import { importTargets, type TargetFileOutcome } from "../../app/targets.js";
import { targetsOf } from "../../app/targets-report.js";
import type { Plan } from "../../domain/plan.js";
import { targetSplits } from "../../domain/targets.js";
import { problemLocation } from "../../intake/errors.js";
import { isWorkbook } from "../../intake/records.js";
import { formatNumber } from "../../render/format.js";
import { splitLine, targetsDoc, targetsJson } from "../../render/targets.js";
import type { Context } from "../context.js";
import { failIfRefused, sayDuplicateOrProblems, summaryParams, writeOutcomesJson } from "../file-outcomes.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/** dzkj targets [list] [--unit U] | targets import FILE… [--dry-run] [--all-or-nothing] [--sheet S] */
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
      sheets: opts.sheet ?? [],
      now: ctx.now,
    });
    if (opts.format === "json")
      writeOutcomesJson(ctx, outcomes, (o) => ({ layout: o.layout, splits: o.splits }));
    else say(ctx, outcomes, plan, opts.dryRun === true);
    failIfRefused(outcomes);
  } finally {
    db.close();
  }
}

function say(ctx: Context, outcomes: TargetFileOutcome[], plan: Plan, dryRun: boolean): void {
  const out = (s: string) => ctx.stdout.write(`${s}\n`);
  const en = ctx.lang === "en";
  const name = (code: string) => {
    const d = plan.indicators.find((i) => i.code === code);
    return d ? (en ? d.nameEn : d.name) : code;
  };
  const unitName = (code: string) => {
    const u = plan.units.find((x) => x.code === code);
    return u ? (en ? u.nameEn : u.name) : code;
  };
  const num = (n: number | null) => formatNumber(ctx.lang, n);
  for (const o of outcomes) {
    if (sayDuplicateOrProblems(ctx, o)) continue;
    if (!o.source) continue;
    // a workbook's sheets left out, each with the reason (as import): a notes sheet is not a silent loss
    if (isWorkbook(o.source))
      for (const sk of o.source.skipped)
        if (sk.why !== "metadata" && sk.why !== "notChosen")
          ctx.notice("import.sheet.skipped", {
            file: o.file,
            sheet: sk.name,
            why: ctx.t(sk.why === "noHeader" ? "targets.import.sheetNoHeader" : `import.sheet.why.${sk.why}`),
          });
    const params = { ...summaryParams(o, o.source), year: plan.plan.year };
    const summary = isWorkbook(o.source)
      ? ctx.t("targets.import.summary.workbook", {
          ...params,
          format: o.source.format,
          sheets: o.source.sheets.join(en ? ", " : "、") || "—",
        })
      : ctx.t("targets.import.summary", params);
    const after = dryRun
      ? ctx.t("import.summary.dryRun")
      : o.status === "rolled-back"
        ? ctx.t("import.summary.rolledBack")
        : "";
    out(`${summary}${o.status === "rejected" ? "" : after}`);
    if (o.status === "rejected") continue;
    for (const ch of o.changes) {
      if (ch.kind === "unchanged") continue;
      const weightOnly = ch.kind === "update" && ch.old?.target === ch.new.target;
      const weightChanged = ch.old !== null && ch.old.weight !== ch.new.weight;
      const key = ch.kind === "insert" ? "insert" : weightOnly ? "weight" : "update";
      out(
        ctx.t(`targets.import.change.${key}`, {
          at:
            ch.sheet !== undefined ? problemLocation(ch) : ctx.t("import.change.at.line", { line: ch.line }),
          unit: unitName(ch.unit),
          indicator: name(ch.indicator),
          old: weightOnly ? num(ch.old?.weight ?? 1) : num(ch.old?.target ?? null),
          new: weightOnly ? num(ch.new.weight ?? 1) : num(ch.new.target),
          weight:
            ch.new.weight !== null && (ch.kind === "insert" || weightChanged)
              ? ctx.t("targets.import.change.withWeight", { weight: num(ch.new.weight) })
              : "",
        }),
      );
    }
    // 层层加码 is only noted (the shortfalls were said as warnings on stderr), and only for targets
    // that were stored (or would be, in a dry run): a rolled-back file stored nothing
    if (o.status === "imported" || o.status === "dry-run")
      for (const s of o.splits)
        if (s.kind === "over") {
          const d = plan.indicators.find((i) => i.code === s.indicator);
          if (d) out(splitLine(ctx.lang, s, d).text);
        }
    if (o.status === "imported" && o.batchId !== null) ctx.notice("tasks.set.batch", { batch: o.batchId });
  }
}
