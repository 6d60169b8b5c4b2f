/**
 * Next year's plan from this year's (README "dzkj plan new"): the structure copied, the targets
 * left for the analyst, last year's target and result beside each for reference.
 */
import type { Plan } from "../domain/plan.js";
import type { Db } from "../storage/database.js";
import { buildReportFor } from "./report.js";

/** Last year's figures shown beside a blank target: the plan's target and the year-end result. */
export interface PlanReference {
  target: number;
  /** 上年完成: the city's year-end figure as `report --as-of YYYYQ4` gives it; null unless final */
  result: number | null;
}

/**
 * The plan of `year` drafted from `from` (a loaded plan): units, sections, tasks (their texts as
 * last year's, for the analyst to edit), indicator codes, names, units of measure, kinds,
 * cadences, commitments and paces copied (not the source sentences: they were last year's); the year in the title moved on; each task's deadline
 * moved by the years between; the issue date left blank (`init` refuses it until filled in).
 * Targets are kept in the plan object but the workbook leaves them blank (see render/plan-xlsx.ts).
 * The reference is last year's target and its result by the report's own rules (rule 1, 5: the
 * city figure at Q4, given only when the report calls it final).
 */
export function nextYearPlan(
  db: Db,
  from: Plan,
  year: number,
): { plan: Plan; reference: Map<string, PlanReference> } {
  const y0 = String(from.plan.year);
  const y1 = String(year);
  const { report } = buildReportFor(db, { year: y0, asOf: `${y0}Q4` });
  const reference = new Map<string, PlanReference>();
  for (const d of from.indicators) {
    const line = report.indicators.find((l) => l.code === d.code);
    reference.set(d.code, { target: d.target, result: line?.final ? line.actual : null });
  }
  const p = from.plan;
  const plan: Plan = {
    plan: {
      year,
      title: p.title.replaceAll(y0, y1),
      titleEn: p.titleEn.replaceAll(y0, y1),
      issuer: p.issuer,
      issuerEn: p.issuerEn,
      issuedOn: "",
      ...(p.reportDeadlineDays === undefined ? {} : { reportDeadlineDays: p.reportDeadlineDays }),
    },
    sections: from.sections.map((s) => ({ ...s })),
    tasks: from.tasks.map((t) => ({ ...t, deadline: shiftYear(t.deadline, year - from.plan.year) })),
    units: from.units.map((u) => ({ ...u, aliases: [...u.aliases] })),
    // last year's source sentence is not this year's: the new plan's text gives its own
    // nor last year's stretch (争取目标) this year's
    indicators: from.indicators.map(({ source: _source, stretch: _stretch, ...d }) => ({ ...d })),
  };
  return { plan, reference };
}

/** A YYYY-MM-DD date `years` years on; 29 February becomes 28 February in a year without it. */
function shiftYear(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
