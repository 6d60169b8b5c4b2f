import { UserError } from "../../app/errors.js";
import { EMBEDDED_PLAN, loadPlanFile } from "../../app/store.js";
import { FileError, type Problem } from "../../intake/errors.js";
import { PlanFileError } from "../../intake/plan-file.js";
import { assetPath } from "../../storage/assets.js";
import type { Context } from "../context.js";
import { open } from "../open.js";

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const store = await open(ctx);
  try {
    const file = (opts.plan as string | undefined) ?? assetPath("seeds", EMBEDDED_PLAN);
    let loaded: Awaited<ReturnType<typeof loadPlanFile>>;
    try {
      loaded = await loadPlanFile(store.db, file, ctx.now, (opts.plan as string | undefined) ?? null, {
        convert: opts.convert === true,
      });
    } catch (e) {
      // a plan workbook's problems are already located by sheet and cell
      if (e instanceof Error && e.name === "PlanBookError")
        throw new UserError(
          { key: "error.planFile", params: { file } },
          (e as unknown as { problems: Problem[] }).problems,
        );
      // a workbook the reader cannot open (not a workbook, a sheet missing), at its place
      if (e instanceof FileError)
        throw new UserError({ key: "error.planFile", params: { file } }, [e.problem]);
      if (e instanceof PlanFileError)
        throw new UserError(
          { key: "error.planFile", params: { file } },
          e.problems.map((p) => ({
            file,
            line: null,
            column: p.path,
            value: null,
            reason: { key: "plan.problem", params: { message: p.message } },
          })),
        );
      // only a failure to read the file is the file's fault: a lock timeout or a full disk is not
      const code = (e as NodeJS.ErrnoException).code;
      if (code && !code.startsWith("SQLITE") && !(e instanceof UserError))
        throw new UserError({ key: "error.planFileRead", params: { file, error: code } });
      throw e;
    }
    const { plan, result, conversion } = loaded;
    if (conversion)
      for (const c of conversion.changes)
        ctx.notice("init.converted", {
          name: c.name,
          count: c.values,
          from: c.from,
          to: c.to,
          batch: conversion.batch,
        });
    // A freshly created database already has the embedded plan, so loading it again changes nothing;
    // to the person who just ran `init` on a new database, though, it was loaded now.
    const key =
      result === "loaded" || (store.created && result === "unchanged")
        ? "init.loaded"
        : result === "updated"
          ? "init.updated"
          : "init.unchanged";
    ctx.notice(key, {
      year: plan.plan.year,
      sections: plan.sections.length,
      tasks: plan.tasks.length,
      indicators: plan.indicators.length,
      units: plan.units.length,
      path: store.path,
    });
  } finally {
    store.db.close();
  }
}
