import { type DoctorReport, runDoctor } from "../../app/doctor.js";
import { UserError } from "../../app/errors.js";
import { explain } from "../../i18n/index.js";
import { painter, renderTable } from "../../render/table.js";
import { resolveDbPath } from "../../storage/database.js";
import type { Context } from "../context.js";

/** dzkj doctor [--format table|json]: checks the database; exit 1 when a check finds a problem. */
export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const path = resolveDbPath(ctx.dbOption, ctx.env);
  const report = runDoctor(path);
  if (opts.format === "json") ctx.stdout.write(`${JSON.stringify(toJson(ctx, report), null, 2)}\n`);
  else ctx.stdout.write(renderDoctor(ctx, report));
  if (!report.healthy)
    throw new UserError({ key: "ops.doctor.unhealthy", params: { count: report.problems } });
}

function toJson(ctx: Context, r: DoctorReport) {
  const { checks, ...data } = r;
  return {
    ...data,
    checks: checks.map((c) => ({
      name: c.name,
      status: c.status,
      messages: c.messages.map((m) => explain(ctx.lang, m)),
    })),
  };
}

function renderDoctor(ctx: Context, r: DoctorReport): string {
  const paint = painter(ctx.color);
  const colour = {
    ok: paint.green,
    warning: paint.yellow,
    problem: paint.red.bold,
    skipped: paint.dim,
  } as const;
  const rows = r.checks.map((c) => [
    ctx.t(`ops.doctor.check.${c.name}`),
    colour[c.status](ctx.t(`ops.doctor.status.${c.status}`)),
    c.messages.map((m) => explain(ctx.lang, m)).join(ctx.lang === "zh" ? "；" : "; "),
  ]);
  const table = renderTable(
    [ctx.t("ops.doctor.head.check"), ctx.t("ops.doctor.head.status"), ctx.t("ops.doctor.head.detail")],
    rows,
  );
  const summary = r.healthy
    ? ctx.t("ops.doctor.summary.ok", {
        path: r.path,
        values: r.counts.values,
        batches: r.counts.batches,
        years: r.planYears.join(", ") || "—",
      })
    : ctx.t("ops.doctor.summary.bad", { path: r.path, count: r.problems });
  return `${table}\n${summary}\n`;
}
