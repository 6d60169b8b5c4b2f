import { CheckFailed, UsageError } from "../../app/errors.js";
import {
  buildBreakdownFor,
  buildReportFor,
  buildUnitReportFor,
  checkReport,
  type FailOn,
} from "../../app/report.js";
import type { Plan } from "../../domain/plan.js";
import type { IndicatorLine, Report } from "../../domain/report.js";
import { breakdownDoc, breakdownJson, unitReportDoc, unitReportJson } from "../../render/breakdown.js";
import { reportDoc, reportJson } from "../../render/report.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import { emitView, type OutputOptions } from "../output.js";

/** Section code → title in the UI language (the report's group headings). */
export function sectionTitles(ctx: Context, plan: Plan): Map<string, string> {
  return new Map(plan.sections.map((s) => [s.code, ctx.lang === "en" ? s.titleEn : s.title]));
}

/** --check is --fail-on behind; undefined when no check was asked for. */
export function failOnOption(opts: Record<string, unknown>): FailOn | undefined {
  return (opts.failOn as FailOn | undefined) ?? (opts.check ? "behind" : undefined);
}

/**
 * Applies --check / --fail-on after the report was written: the failing indicators go to stderr
 * and CheckFailed makes the exit code 3. A missed-check before the year's end has nothing to judge
 * (said only on a terminal, so cron stays quiet).
 */
export function enforceCheck(ctx: Context, report: Report, failOn: FailOn | undefined): void {
  if (!failOn) return;
  const outcome = checkReport(report, failOn);
  if (!outcome.applicable) {
    if (ctx.stderr.isTTY) ctx.notice("rep.check.notFinal", { year: report.plan.year });
    return;
  }
  const names = (ls: readonly IndicatorLine[]) =>
    ls.map((l) => (ctx.lang === "en" ? l.nameEn : l.name)).join(ctx.t("verdict.nameSep"));
  // provisional misses and indicators with no figure are named, but only final misses fail (rule 5)
  const { provisional, noData } = outcome.listed;
  if (provisional.length)
    ctx.notice("rep.check.provisional", { n: provisional.length, list: names(provisional) });
  if (noData.length) ctx.notice("rep.check.noData", { n: noData.length, list: names(noData) });
  if (!outcome.failing.length) return;
  ctx.notice(failOn === "behind" ? "rep.check.failed.behind" : "rep.check.failed.missed", {
    n: outcome.failing.length,
    list: names(outcome.failing),
  });
  throw new CheckFailed();
}

/**
 * An --as-of later than the newest data is allowed (the figures carry forward) but said on stderr
 * (README rule 6); JSON carries it as `asOfBeyondData`.
 */
export function noticeAsOfBeyondData(ctx: Context, report: Report): void {
  if (!report.asOfBeyondData || report.asOf === null) return;
  if (report.newestData === null)
    ctx.notice("rep.notice.asOfNoData", { asOf: report.asOf, year: report.plan.year });
  else ctx.notice("rep.notice.asOfBeyond", { asOf: report.asOf, newest: report.newestData });
}

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const o = opts as OutputOptions & { year?: string; asOf?: string; by?: string; unit?: string };
  if (o.by === "unit" && o.unit !== undefined) throw new UsageError({ key: "rep.error.byAndUnit" });
  const { db } = await open(ctx);
  let report: Report;
  try {
    const sel = { year: o.year, asOf: o.asOf };
    if (o.by === "unit") {
      const { plan, breakdown } = buildBreakdownFor(db, sel);
      report = breakdown.report;
      await emitView(
        ctx,
        o,
        () => breakdownDoc(breakdown, ctx.lang, sectionTitles(ctx, plan)),
        () => breakdownJson(breakdown),
      );
    } else if (o.unit !== undefined) {
      const { plan, unitReport } = buildUnitReportFor(db, { ...sel, unit: o.unit });
      report = unitReport.report;
      await emitView(
        ctx,
        o,
        () => unitReportDoc(unitReport, ctx.lang, sectionTitles(ctx, plan)),
        () => unitReportJson(unitReport),
      );
    } else {
      const built = buildReportFor(db, sel);
      report = built.report;
      await emitView(
        ctx,
        o,
        () => reportDoc(built.report, ctx.lang, sectionTitles(ctx, built.plan)),
        () => reportJson(built.report),
      );
    }
  } finally {
    db.close();
  }
  noticeAsOfBeyondData(ctx, report);
  enforceCheck(ctx, report, failOnOption(opts));
}
