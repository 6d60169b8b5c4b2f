import { buildCompletenessFor, lateUnits } from "../../app/completeness.js";
import { CheckFailed } from "../../app/errors.js";
import { completenessDoc, completenessJson } from "../../render/completeness.js";
import type { Context } from "../context.js";
import { open } from "../open.js";
import type { OptionsOf } from "../options.js";
import { emitView } from "../output.js";

/**
 * dzkj completeness [--period 2020Q3] [--check]: who has reported what, when, units × indicators;
 * with --check, exit 3 when a unit reported late or is overdue (README "On-time reporting").
 */
export async function run(ctx: Context, _args: string[], o: OptionsOf<"completeness">): Promise<void> {
  const { db } = await open(ctx);
  try {
    const { completeness } = buildCompletenessFor(db, { year: o.year, period: o.period, now: ctx.now });
    await emitView(
      ctx,
      o,
      () => completenessDoc(completeness, ctx.lang),
      () => completenessJson(completeness),
    );
    if (o.check !== true) return;
    const late = lateUnits(completeness);
    if (late.length === 0) return;
    const name = (code: string) => {
      const u = completeness.units.find((x) => x.code === code);
      return u ? (ctx.lang === "en" ? u.nameEn : u.name) : code;
    };
    ctx.notice("completeness.check.failed", {
      n: late.length,
      list: late
        .map((l) =>
          l.missing
            ? `${name(l.unit)} ${l.period} ${ctx.t("rep.missing")}${ctx.t("completeness.overdue", { days: l.daysLate })}`
            : `${name(l.unit)} ${l.period} ${ctx.t("completeness.late", { days: l.daysLate })}`,
        )
        .join(ctx.t("rep.listSep")),
    });
    throw new CheckFailed();
  } finally {
    db.close();
  }
}
