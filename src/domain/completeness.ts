/**
 * 报送情况 (who has reported what): for each reporting unit and quarter, the indicators it sent,
 * the units that sent nothing (未报送), and when each unit's newest data arrived.
 */
import { formatPeriod, type Quarter } from "./period.js";
import { DEFAULT_REPORT_DEADLINE_DAYS, type Plan } from "./plan.js";
import { notYetDue } from "./progress.js";
import type { UnitTarget } from "./targets.js";

/** One stored value reduced to what completeness needs: where it belongs and when it arrived. */
export interface Submission {
  indicator: string;
  unit: string;
  /** 0 = baseline, 1..4 = quarter of the plan year */
  q: number;
  /** ISO 8601 time of the import that wrote the current value */
  importedAt: string;
}

export interface PeriodCell {
  period: string;
  /** codes of the indicators the unit sent for the period, in plan order */
  indicators: string[];
  /** the newest import among those values, or null when the unit sent nothing */
  importedAt: string | null;
  /** on time or late (README "On-time reporting"); null for 全市 and the baseline */
  timeliness: Timeliness | null;
  /**
   * the indicators the unit has a target of its own for that are due this quarter (see notYetDue:
   * annual ones and milestones at Q4 only), and of those the ones it has not sent: "sent a file" is not "sent
   * every indicator it is judged on"
   */
  expected: string[];
  expectedMissing: string[];
}

/**
 * 按时 on_time, 逾期 late (with the days), 未报送 missing. The first import of the unit's values for
 * the quarter decides; `overdue` = missing and the deadline has passed (by `today`).
 */
export interface Timeliness {
  /** YYYY-MM-DD: the quarter's last day plus the deadline days */
  deadline: string;
  /** the local calendar day of the unit's first import for the quarter, null when none */
  firstReport: string | null;
  status: "on_time" | "late" | "missing";
  /** late: days after the deadline it came; missing and overdue: days overdue so far; else 0 */
  daysLate: number;
  overdue: boolean;
}

/** The last day of quarter q of `year` (YYYY-MM-DD). */
function quarterEnd(year: number, q: number): string {
  return `${year}-${["03-31", "06-30", "09-30", "12-31"][q - 1]}`;
}

/** Days from calendar day `a` to `b` (YYYY-MM-DD), b − a: calendar arithmetic, no time zone. */
export function dayDiff(a: string, b: string): number {
  const ms = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const d = new Date(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days),
  );
  return d.toISOString().slice(0, 10);
}

/** The reporting deadline of quarter q (1..4) of `year`: its last day plus `days` (README "On-time reporting"). */
export function reportDeadline(year: number, q: number, days: number): string {
  return addDays(quarterEnd(year, q), days);
}

/**
 * Whether a report came on time (README "On-time reporting"): on or before the deadline day is
 * on time (the deadline day itself counts), the day after is 1 day late. Days are local calendar
 * days (`firstReport` and `today` as the caller's local dates).
 */
export function timelinessOf(deadline: string, firstReport: string | null, today: string): Timeliness {
  if (firstReport === null) {
    const overdue = dayDiff(deadline, today);
    return { deadline, firstReport, status: "missing", daysLate: Math.max(overdue, 0), overdue: overdue > 0 };
  }
  const late = dayDiff(deadline, firstReport);
  return late > 0
    ? { deadline, firstReport, status: "late", daysLate: late, overdue: false }
    : { deadline, firstReport, status: "on_time", daysLate: 0, overdue: false };
}

/** What on-time reporting reads: each unit's first report day per quarter, today, the unit targets. */
export interface ReportingTimes {
  /** `${unit} ${q}` → the local day (YYYY-MM-DD) of the first import of the unit's values for quarter q */
  firstReports: ReadonlyMap<string, string>;
  /** today's local date, YYYY-MM-DD */
  today: string;
  targets: readonly UnitTarget[];
}

export interface UnitCompleteness {
  code: string;
  name: string;
  nameEn: string;
  aliases: string[];
  isTotal: boolean;
  /** aligned with Completeness.periods */
  periods: PeriodCell[];
  /** the newest import holding any of the unit's current values of the plan year (any period) */
  lastImport: string | null;
  /** the periods (of those shown) in which the unit sent nothing: 未报送 */
  missing: string[];
}

export interface Completeness {
  plan: { year: number; title: string; titleEn: string };
  /** the reporting deadline in days after each quarter's end */
  deadlineDays: number;
  periods: string[];
  /** the indicators of the plan in plan order (codes and names, for the per-indicator view) */
  indicators: { code: string; name: string; nameEn: string }[];
  units: UnitCompleteness[];
  /** per period, the reporting units (全市 aside) that sent nothing */
  missing: { period: string; units: string[] }[];
}

/**
 * Builds the completeness view of `plan` for the given quarters (default: Q1 up to the newest
 * quarter with any data; none when the year has no data). The baseline is not a reporting round
 * and is left out unless asked for (quarter 0).
 */
export function buildCompleteness(
  plan: Plan,
  submissions: readonly Submission[],
  quarters?: readonly (0 | Quarter)[],
  times: ReportingTimes = { firstReports: new Map(), today: "9999-12-31", targets: [] },
): Completeness {
  const deadlineDays = plan.plan.reportDeadlineDays ?? DEFAULT_REPORT_DEADLINE_DAYS;
  const byCode = new Map(plan.indicators.map((d) => [d.code, d]));
  const year = plan.plan.year;
  let qs: number[];
  if (quarters) qs = [...quarters];
  else {
    const newest = submissions.reduce((n, s) => Math.max(n, s.q), 0);
    qs = Array.from({ length: newest }, (_, i) => i + 1);
  }
  const periodOf = (q: number) =>
    q === 0 ? formatPeriod({ year: year - 1, quarter: 4 }) : formatPeriod({ year, quarter: q as Quarter });
  const periods = qs.map(periodOf);
  const order = new Map(plan.indicators.map((d, i) => [d.code, i]));
  const units = plan.units.map((u): UnitCompleteness => {
    const mine = submissions.filter((s) => s.unit === u.code);
    let lastImport: string | null = null;
    for (const s of mine) if (lastImport === null || s.importedAt > lastImport) lastImport = s.importedAt;
    const cells = qs.map((q): PeriodCell => {
      const here = mine.filter((s) => s.q === q);
      const codes = [...new Set(here.map((s) => s.indicator))].sort(
        (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
      );
      let importedAt: string | null = null;
      for (const s of here) if (importedAt === null || s.importedAt > importedAt) importedAt = s.importedAt;
      const expected =
        q === 0
          ? []
          : times.targets
              .filter((t) => {
                const ind = byCode.get(t.indicator);
                return t.unit === u.code && ind !== undefined && !notYetDue(ind, q);
              })
              .map((t) => t.indicator)
              .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const timeliness =
        q === 0 || u.isTotal
          ? null
          : timelinessOf(
              reportDeadline(year, q, deadlineDays),
              // a unit none of whose values for the quarter stands has not reported it
              codes.length ? (times.firstReports.get(`${u.code} ${q}`) ?? null) : null,
              times.today,
            );
      return {
        period: periodOf(q),
        indicators: codes,
        importedAt,
        timeliness,
        expected,
        expectedMissing: expected.filter((c) => !codes.includes(c)),
      };
    });
    return {
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      aliases: u.aliases,
      isTotal: u.isTotal,
      periods: cells,
      lastImport,
      missing: cells.filter((c) => c.indicators.length === 0).map((c) => c.period),
    };
  });
  return {
    plan: { year, title: plan.plan.title, titleEn: plan.plan.titleEn },
    deadlineDays,
    periods,
    indicators: plan.indicators.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn })),
    units,
    missing: periods.map((period) => ({
      period,
      // the reporting units only: 全市 is the city's own row, not a unit that reports (README "completeness")
      units: units.filter((u) => !u.isTotal && u.missing.includes(period)).map((u) => u.code),
    })),
  };
}
