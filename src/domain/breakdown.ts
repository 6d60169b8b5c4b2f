/**
 * The report broken down by reporting unit and by section. By unit: each unit's figure for each
 * indicator at the as-of quarter, and for the city 全市's own figure next to the sum of the units
 * (they should agree; when they do not, someone's numbers are off — or a unit has not reported
 * yet). By section: the year status and the task progress of each part (一 … 八) of the plan.
 */
import type { Plan, ReportingUnit } from "./plan.js";
import { exactSum, newestQuarter, type Observation, unitFigure } from "./progress.js";
import type { IndicatorLine, ObservationIndex, Report, StatusLine, YearStatus } from "./report.js";
import type { UnitTargetLine } from "./targets.js";
import { summarizeTasks, type TaskState, type TaskSummary } from "./tasks.js";

/** A reporting unit as a column of the breakdown. */
export interface UnitColumn {
  code: string;
  name: string;
  nameEn: string;
  aliases: string[];
  isTotal: boolean;
}

export interface BreakdownRow {
  line: IndicatorLine;
  /** each non-total unit's figure at the as-of quarter, in the order of Breakdown.units */
  units: (number | null)[];
  /** 全市's own figure at the as-of quarter (null when 全市 sent nothing for it) */
  total: number | null;
  /** the sum of the units' figures; null for a rate (never summed) or when no unit has a figure */
  sum: number | null;
  /** how many non-total units have a figure */
  unitsWithData: number;
  /** the quarter (0 = baseline) of 全市's newest value up to the as-of quarter, null if none */
  totalQuarter: number | null;
  /** the newest quarter (0 = baseline) any unit reported up to the as-of quarter, null if none */
  unitsQuarter: number | null;
  /**
   * 全市's figure and the units' sum can be compared (rule 7): both exist, the indicator is not a
   * rate, and 全市's quarter is the newest quarter any unit reported up to the as-of quarter
   */
  comparable: boolean;
  /** comparable, and they differ */
  disagree: boolean;
}

export interface Breakdown {
  report: Report;
  /** the non-total units, in plan order (the matrix columns) */
  units: UnitColumn[];
  /** the 全市 unit, if the plan has one */
  totalUnit: UnitColumn | null;
  rows: BreakdownRow[];
}

/** Sums closer than this (relative) count as equal: the figures are decimals stored as doubles. */
const TOLERANCE = 1e-9;

function column(u: ReportingUnit): UnitColumn {
  return { code: u.code, name: u.name, nameEn: u.nameEn, aliases: u.aliases, isTotal: u.isTotal };
}

/**
 * Builds the units × indicators matrix of `report` (its as-of quarter) from the same observations.
 * 全市 and the sum are compared only when both stand at the same quarter (README rule 7): when one
 * is older the matrix says which, rather than calling figures of different quarters in agreement.
 */
export function buildBreakdown(plan: Plan, index: ObservationIndex, report: Report): Breakdown {
  const q = report.elapsed === null ? null : Math.round(report.elapsed * 4);
  const totalUnit = plan.units.find((u) => u.isTotal) ?? null;
  const units = plan.units.filter((u) => !u.isTotal);
  const empty = new Map<string, Observation[]>();
  const rows = report.indicators.map((line): BreakdownRow => {
    const byUnit = index.get(line.code) ?? empty;
    if (q === null)
      return {
        line,
        units: units.map(() => null),
        total: null,
        sum: null,
        unitsWithData: 0,
        totalQuarter: null,
        unitsQuarter: null,
        comparable: false,
        disagree: false,
      };
    const figures = units.map((u) => {
      const obs = byUnit.get(u.code);
      return obs ? unitFigure(obs, line.kind, q) : null;
    });
    const present = figures.filter((v): v is number => v !== null);
    const sum = line.kind === "rate" || present.length === 0 ? null : exactSum(present);
    const totalObs = totalUnit ? byUnit.get(totalUnit.code) : undefined;
    const total = totalObs ? unitFigure(totalObs, line.kind, q) : null;
    let newestUnit = -1;
    for (const u of units) {
      const obs = byUnit.get(u.code);
      if (obs) newestUnit = Math.max(newestUnit, newestQuarter(obs, q));
    }
    const tq = totalObs ? newestQuarter(totalObs, q) : -1;
    const comparable = total !== null && sum !== null && tq === newestUnit;
    const disagree =
      comparable &&
      total !== null &&
      sum !== null &&
      Math.abs(total - sum) > TOLERANCE * Math.max(1, Math.abs(total), Math.abs(sum));
    return {
      line,
      units: figures,
      total,
      sum,
      unitsWithData: present.length,
      totalQuarter: tq >= 0 ? tq : null,
      unitsQuarter: newestUnit >= 0 ? newestUnit : null,
      comparable,
      disagree,
    };
  });
  return { report, units: units.map(column), totalUnit: totalUnit ? column(totalUnit) : null, rows };
}

/** One indicator as one unit reported it. */
export interface UnitLine {
  line: IndicatorLine;
  /** the unit's baseline (prior year-end) for a stock or rate, else null */
  baseline: number | null;
  /** the unit's figure at each quarter 1 … as-of (carried forward like the report does) */
  quarters: (number | null)[];
  /** the unit's figure at the as-of quarter */
  value: number | null;
  /** the newest quarter (0 = baseline) at or before the as-of quarter in which the unit sent a value, or null */
  lastQuarter: number | null;
  /** value ÷ the city figure (the unit's share), null for a rate or without both */
  share: number | null;
  /** the unit against its own target (目标分解), null when it has none for the indicator */
  own: UnitTargetLine | null;
}

export interface UnitReport {
  report: Report;
  unit: UnitColumn;
  lines: UnitLine[];
}

/**
 * One unit's figures for every indicator, quarter by quarter up to the report's as-of quarter,
 * with its line against its own target where it has one (IndicatorLine.unitTargets).
 */
export function buildUnitReport(index: ObservationIndex, report: Report, unit: ReportingUnit): UnitReport {
  const q = report.elapsed === null ? 0 : Math.round(report.elapsed * 4);
  const lines = report.indicators.map((line): UnitLine => {
    const obs = index.get(line.code)?.get(unit.code) ?? [];
    const quarters: (number | null)[] = [];
    for (let i = 1; i <= q; i++) quarters.push(unitFigure(obs, line.kind, i));
    const value = q >= 1 ? (quarters[q - 1] ?? null) : null;
    const baseline = line.kind === "flow" ? null : unitFigure(obs, line.kind, 0);
    const last = q >= 1 ? newestQuarter(obs, q) : -1;
    const share =
      line.kind === "rate" || value === null || line.actual === null || line.actual === 0
        ? null
        : value / line.actual;
    return {
      line,
      baseline,
      quarters,
      value,
      lastQuarter: last >= 0 ? last : null,
      share,
      own: line.unitTargets[unit.code] ?? null,
    };
  });
  return { report, unit: column(unit), lines };
}

/** The year status and the task progress of one section (一 … 八) of the plan. */
export interface SectionStatus {
  /** 一 … 八, or null for the group of indicators that belong to no section */
  code: string | null;
  number: number | null;
  title: string;
  titleEn: string;
  tasks: TaskState[];
  taskSummary: TaskSummary;
  indicators: StatusLine[];
}

/** The status overview: indicators and tasks together, by section, with overall totals. */
export interface StatusOverview {
  status: YearStatus;
  tasks: TaskState[];
  taskSummary: TaskSummary;
  sections: SectionStatus[];
  /** the indicators that will miss (year end: missed, final or provisional, or no data; before: at risk) */
  shortfalls: StatusLine[];
  /** tasks not done: at year end all of them; before, those at risk or overdue */
  openTasks: TaskState[];
}

/**
 * Groups the year status and the task states by section: indicators with no section come
 * first (as their own group), then 一 … 八 in plan order, each with its tasks' counts.
 */
export function buildStatusOverview(
  plan: Plan,
  status: YearStatus,
  tasks: readonly TaskState[],
): StatusOverview {
  const sectionOf = new Map(plan.indicators.map((d) => [d.code, d.section]));
  const sections: SectionStatus[] = [];
  const loose = status.indicators.filter((i) => (sectionOf.get(i.code) ?? null) === null);
  if (loose.length)
    sections.push({
      code: null,
      number: null,
      title: "",
      titleEn: "",
      tasks: [],
      taskSummary: summarizeTasks([]),
      indicators: loose,
    });
  for (const s of [...plan.sections].sort((a, b) => a.number - b.number)) {
    const mine = tasks.filter((t) => t.section === s.number);
    sections.push({
      code: s.code,
      number: s.number,
      title: s.title,
      titleEn: s.titleEn,
      tasks: mine,
      taskSummary: summarizeTasks(mine),
      indicators: status.indicators.filter((i) => sectionOf.get(i.code) === s.number),
    });
  }
  const shortfalls = status.yearEnd
    ? status.indicators.filter((i) => i.result !== "met")
    : status.indicators.filter((i) => i.atRisk);
  const openTasks = status.yearEnd
    ? tasks.filter((t) => t.status !== "done")
    : tasks.filter((t) => t.status === "at_risk" || t.overdue);
  return { status, tasks: [...tasks], taskSummary: summarizeTasks(tasks), sections, shortfalls, openTasks };
}
