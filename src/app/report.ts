/** buildReportFor / buildStatusFor: read a plan year's values and compute the Report (domain). */
import { parseCanonicalPeriod, type Quarter, quarterIndex } from "../domain/period.js";
import type { Plan } from "../domain/plan.js";
import type { Observation } from "../domain/progress.js";
import {
  buildReport,
  buildYearStatus,
  indexObservations,
  type Report,
  type YearStatus,
} from "../domain/report.js";
import type { Db } from "../storage/database.js";
import { listPlanYears } from "../storage/plans.js";
import { readValues } from "../storage/values.js";
import { UsageError, UserError } from "./errors.js";
import { currentPlan } from "./store.js";

/** The plan of the requested year (default: newest), or a UserError naming the loaded years. */
export function requirePlan(db: Db, year?: string | number): Plan {
  const y = year === undefined ? undefined : Number(year);
  if (y !== undefined && !Number.isInteger(y))
    throw new UsageError({
      key: "error.option",
      params: { option: "--year", value: String(year), options: listPlanYears(db).join(", ") },
    });
  const plan = currentPlan(db, y);
  if (!plan) {
    const years = listPlanYears(db);
    if (years.length === 0) throw new UserError({ key: "error.noPlans" });
    throw new UserError({ key: "error.noPlan", params: { year: y ?? "", years: years.join(", ") } });
  }
  return plan;
}

/** Observations of a plan year positioned as quarters 0 (baseline) … 4. */
export function observationsOf(db: Db, year: number): (Observation & { indicator: string })[] {
  const out: (Observation & { indicator: string })[] = [];
  for (const r of readValues(db, year)) {
    const p = parseCanonicalPeriod(r.period);
    const q = p ? quarterIndex(p, year) : null;
    if (q === null) continue;
    out.push({ indicator: r.indicator, unit: r.unit, q, value: r.value, basis: r.basis });
  }
  return out;
}

/** Parses --as-of (2020Q3) for a plan year. */
export function parseAsOf(year: number, value: string | undefined): Quarter | undefined {
  if (value === undefined) return undefined;
  const p = parseCanonicalPeriod(value.trim().toUpperCase());
  if (!p || p.year !== year) throw new UsageError({ key: "error.asOf", params: { year, value } });
  return p.quarter;
}

export function buildReportFor(
  db: Db,
  opts: { year?: string | undefined; asOf?: string | undefined },
): { plan: Plan; report: Report } {
  const plan = requirePlan(db, opts.year);
  const asOf = parseAsOf(plan.plan.year, opts.asOf);
  const report = buildReport(plan, indexObservations(observationsOf(db, plan.plan.year)), asOf);
  return { plan, report };
}

export function buildStatusFor(
  db: Db,
  opts: { year?: string | undefined },
): { plan: Plan; status: YearStatus } {
  const { plan, report } = buildReportFor(db, opts);
  return { plan, status: buildYearStatus(report) };
}
