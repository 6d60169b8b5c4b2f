/**
 * --as-of and --year take the period forms an import file accepts (README rule 6): `2020Q3`,
 * `2020年三季度`, `2020年1-9月`, `2020-09-30`, `2020年` … The command line turns them into the
 * canonical forms (`2020Q3`, `2020`) before any command sees them, so every command reads them alike.
 * (--period is read by each command with the same parser already.)
 */
import { UsageError } from "../app/errors.js";
import { formatPeriod } from "../domain/period.js";
import { PERIOD_FORMS, parsePeriod } from "../intake/period.js";

/**
 * Rewrites opts.asOf to `YYYYQn` and opts.year to `YYYY` in place; a value no period form reads is a
 * UsageError (exit 2) naming the option, the value and the accepted forms.
 */
export function normalizePeriodOptions(opts: Record<string, unknown>): void {
  // a period written without a year (`--as-of 三季度`) is in the --year given beside it
  const year = typeof opts.year === "string" ? parsePeriod(opts.year) : null;
  const defaultYear = year?.ok ? year.value.year : undefined;
  for (const [key, option] of [
    ["asOf", "--as-of"],
    ["year", "--year"],
  ] as const) {
    const value = opts[key];
    if (typeof value !== "string") continue;
    const parsed = parsePeriod(value, defaultYear);
    if (!parsed.ok)
      throw new UsageError({ key: "error.periodOption", params: { option, value, forms: PERIOD_FORMS } });
    opts[key] = key === "year" ? String(parsed.value.year) : formatPeriod(parsed.value);
  }
}
