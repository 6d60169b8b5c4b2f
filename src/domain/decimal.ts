/** Decimal text of stored figures: what the value is, exactly, with no rounding for display. */

/**
 * A double as the decimal a person typed: the shortest text that reads back to the same double,
 * after rounding to 15 significant digits (Excel keeps no more; 0.1+0.2 cached as
 * 0.30000000000000004 is 0.3), never in exponent form (1e-7 is 0.0000001, 3.22e-6 is 0.00000322).
 */
export function shortestDecimal(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const r = Number(v.toPrecision(15));
  const s = String(r);
  if (!/e/i.test(s)) return s;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)!;
  const digits = m[2]! + (m[3] ?? "");
  const exp = Number(m[4]);
  const point = 1 + exp; // digits before the decimal point
  if (point <= 0) return `${m[1]}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${m[1]}${digits}${"0".repeat(point - digits.length)}`;
  return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}
