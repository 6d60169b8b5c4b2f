/**
 * 同比 (README "Year on year"): last year's city figure at the same quarter, by the same rules,
 * and the growth on it: a fraction for a flow or stock, percentage points for a rate.
 */
import { describe, expect, it } from "vitest";
import type { Indicator, Plan } from "../../src/domain/plan.js";
import { buildReport, indexObservations, yearOnYear } from "../../src/domain/report.js";
import { makeIndicator } from "../support/indicator.js";

const plan = (indicators: Indicator[]): Plan => ({
  plan: { year: 2020, title: "T", titleEn: "T", issuer: "I", issuerEn: "I", issuedOn: "2020-03-27" },
  sections: [],
  tasks: [],
  units: [
    { code: "city", name: "全市", nameEn: "City", aliases: [], adminCode: null, isTotal: true },
    { code: "a", name: "A", nameEn: "A", aliases: [], adminCode: null, isTotal: false },
    { code: "b", name: "B", nameEn: "B", aliases: [], adminCode: null, isTotal: false },
  ],
  indicators,
});
/** "indicator unit q value" rows, all 累计 (ytd). */
const index = (...rows: string[]) =>
  indexObservations(
    rows.map((r) => {
      const [indicator, unit, q, value] = r.split(" ");
      return {
        indicator: indicator!,
        unit: unit!,
        q: Number(q),
        value: Number(value),
        basis: "ytd" as const,
      };
    }),
  );

const p = plan([
  makeIndicator({ code: "f", target: 5600 }),
  makeIndicator({ code: "u", target: 1000 }),
  makeIndicator({ code: "s", kind: "stock", target: 70 }),
  makeIndicator({ code: "r", kind: "rate", unit: "%", target: 58 }),
  makeIndicator({ code: "n", target: 10 }),
  makeIndicator({ code: "z", target: 10 }),
]);
const now = index(
  "f city 2 2500",
  "u a 2 400",
  "u b 2 350",
  "s city 2 66",
  "r city 2 56.2",
  "n city 2 4",
  "z city 2 3",
);
const prior = index(
  "f city 2 2000", // flow: (2500 − 2000) ÷ 2000 = +25 %
  "u a 2 300", // units only: 300 + 200 = 500 last year, 400 + 350 = 750 now → (750 − 500) ÷ 500 = +50 %
  "u b 2 200",
  "s city 2 60", // stock: (66 − 60) ÷ 60 = +10 %
  "r city 2 55", // rate: 56.2 − 55 = +1.2 points
  "n city 1 3", // only last year's Q1: no figure for Q2 (never carried forward)
  "z city 2 0", // last year 0: no growth rate
);
const line = (code: string) => buildReport(p, now, 2, [], prior).indicators.find((l) => l.code === code)!;

describe("同比 at the same quarter", () => {
  it.each([
    ["f", 2000, 0.25, null],
    ["u", 500, 0.5, null],
    ["s", 60, 0.1, null],
    ["r", 55, null, 1.2],
    ["n", null, null, null],
    ["z", 0, null, null],
  ] as const)("%s: last year %s, yoy %s, points %s", (code, lastYear, yoy, points) => {
    const l = line(code);
    expect(l.lastYear).toBe(lastYear);
    if (yoy === null) expect(l.yoy).toBeNull();
    else expect(l.yoy).toBeCloseTo(yoy, 12);
    expect(l.yoyPoints).toBe(points);
  });

  it("without last year's figures there is no 同比", () => {
    const l = buildReport(p, now, 2).indicators.find((x) => x.code === "f")!;
    expect([l.lastYear, l.yoy, l.yoyPoints]).toEqual([null, null, null]);
  });

  it("yearOnYear: unknown actual gives nothing", () => {
    expect(yearOnYear("flow", null, 10)).toEqual({ yoy: null, yoyPoints: null });
    // 0.3 − 0.1 is 0.2 exactly (no float noise) for a rate
    expect(yearOnYear("rate", 0.3, 0.1)).toEqual({ yoy: null, yoyPoints: 0.2 });
  });
});
