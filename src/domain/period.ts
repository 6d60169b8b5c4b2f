/** A reporting period: one quarter of a year. Canonical text form `2020Q3`. */
export type Quarter = 1 | 2 | 3 | 4;
export interface Period {
  year: number;
  quarter: Quarter;
}

/** `2020Q3` */
export function formatPeriod(p: Period): string {
  return `${p.year}Q${p.quarter}`;
}

const CANONICAL = /^(\d{4})Q([1-4])$/;

/** Parses only the canonical form `2020Q3` (storage and option values); null otherwise. */
export function parseCanonicalPeriod(text: string): Period | null {
  const m = CANONICAL.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter };
}

/**
 * Position of a period within plan year `year`: 0 for the baseline (the prior year's Q4),
 * 1..4 for the plan year's quarters, null for anything else.
 */
export function quarterIndex(p: Period, year: number): 0 | Quarter | null {
  if (p.year === year) return p.quarter;
  if (p.year === year - 1 && p.quarter === 4) return 0;
  return null;
}

/** The canonical baseline period of plan year `year` (`2019Q4` for 2020). */
export function baselinePeriod(year: number): string {
  return `${year - 1}Q4`;
}
