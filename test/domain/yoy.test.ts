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

/** "indicator unit q value basis" rows (basis ytd or period). */
const rows = (...rs: string[]) =>
  indexObservations(
    rs.map((r) => {
      const [indicator, unit, q, value, basis] = r.split(" ");
      return {
        indicator: indicator!,
        unit: unit!,
        q: Number(q),
        value: Number(value),
        basis: (basis ?? "ytd") as "ytd" | "period",
      };
    }),
  );

describe("上年同期 uses figures of that very quarter only, for units and 全市, every kind", () => {
  const kinds = plan([
    makeIndicator({ code: "f", target: 30 }),
    makeIndicator({ code: "s", kind: "stock", target: 70 }),
    makeIndicator({ code: "r", kind: "rate", unit: "%", target: 60 }),
  ]);
  it.each([
    // a: 本期 1 + 1 + 2 = 4 at Q3; b: 3 at Q3; the Q2-only unit adds nothing → 4 + 3 = 7
    [
      "flow, units' Q3, one unit only Q2",
      "f",
      3,
      ["f a 1 1 period", "f a 2 1 period", "f a 3 2 period", "f b 3 3", "f c 2 2"],
      7,
    ],
    // at Q4 only a sent a figure (本期 1 + 1 + 2 + 1 = 5); b's Q3 3 is not carried to Q4
    [
      "flow at Q4: only a's Q4 counts",
      "f",
      4,
      ["f a 1 1 period", "f a 2 1 period", "f a 3 2 period", "f a 4 1 period", "f b 3 3"],
      5,
    ],
    // yoy-carry: a 4 at Q3, b only 2 at Q2 → 4 (not 6)
    ["flow, ytd, b only at Q2", "f", 3, ["f a 3 4", "f b 2 2"], 4],
    // 全市 2000 at Q2 is six months: not a base for Q3; a's 500 of Q3 alone → 500 (not 2000 + 500)
    ["flow, 全市 only at Q2", "f", 3, ["f city 2 2000", "f a 3 500"], 500],
    ["flow, 全市 at Q3 itself", "f", 3, ["f city 3 2600", "f a 3 500"], 2600],
    // stock without 全市: a 10 at Q3; b's 5 of Q2 is not carried → 10 (not 15)
    ["stock, units only, b only at Q2", "s", 3, ["s a 3 10", "s b 2 5"], 10],
    // stock chained from last year's baseline: 50 + (13 − 10) = 53
    ["stock chained from 全市's baseline", "s", 3, ["s city 0 50", "s a 0 10", "s a 3 13"], 53],
    // chained, but b moved after q₀ = 0 and sent nothing of Q3: a mixed figure → none
    [
      "stock chain with a unit lacking Q3",
      "s",
      3,
      ["s city 0 50", "s a 0 10", "s a 3 13", "s b 0 4", "s b 2 6"],
      null,
    ],
    // 全市's baseline with no unit moving since: a carried figure → none
    ["stock, only 全市's baseline", "s", 3, ["s city 0 50"], null],
    // 全市's Q2 level is not carried to Q3
    ["stock, 全市 only at Q2", "s", 3, ["s city 2 60"], null],
    ["rate, 全市 at Q3", "r", 3, ["r city 3 55", "r a 3 50"], 55],
    ["rate, 全市 only at Q2", "r", 3, ["r city 2 55", "r a 3 50"], null],
  ] as const)("%s", (_rule, code, q, prior, expected) => {
    const last = buildReport(kinds, rows(`${code} city 1 1`), q as 3 | 4, [], rows(...prior));
    expect(last.indicators.find((l) => l.code === code)!.lastYear).toBe(expected);
  });

  it("同比 on the exact-quarter figure, like with like: stock (60 − 53) ÷ 53; 全市 against units' sums: none", () => {
    // flow: this year 全市's own 23 at Q3 and 33 at Q4; last year only units: 7 (a 4 + b 3) at Q3,
    // 5 (a) at Q4. 全市's figure covers every unit, last year's sums only a and b, and no unit sent
    // a figure of its own this year: nothing like with like, so no 同比 (never (23 − 7) ÷ 7)
    const priorF = rows(
      "f a 1 1 period",
      "f a 2 1 period",
      "f a 3 2 period",
      "f a 4 1 period",
      "f b 3 3",
      "f c 2 2",
    );
    const now = rows("f city 3 23", "f city 4 33", "s city 3 60");
    const priorS = rows("s city 0 50", "s a 0 10", "s a 3 13");
    const merged = new Map([...priorF, ...priorS]);
    const at = (q: 3 | 4, code: string) =>
      buildReport(kinds, now, q, [], merged).indicators.find((l) => l.code === code)!;
    expect(at(3, "f").lastYear).toBe(7);
    expect(at(3, "f").yoy).toBeNull();
    expect(at(3, "f").yoyLeftOut).toEqual([
      { unit: "a", missing: "current" },
      { unit: "b", missing: "current" },
    ]);
    expect(at(4, "f").lastYear).toBe(5);
    expect(at(4, "f").yoy).toBeNull();
    // stock: 全市's 60 against last year's chain from 全市's baseline 50 + (13 − 10) = 53: both city-wide
    expect(at(3, "s").lastYear).toBe(53);
    expect(at(3, "s").yoy).toBeCloseTo(7 / 53, 12);
  });
});

describe("同比 compares the same units in both years (yoyBasis)", () => {
  // a third unit c beside a and b
  const p3: Plan = {
    ...plan([
      makeIndicator({ code: "f", target: 100 }),
      makeIndicator({ code: "s", kind: "stock", target: 100 }),
    ]),
  };
  p3.units = [
    ...p3.units,
    { code: "c", name: "渠县", nameEn: "Qu County", aliases: [], adminCode: null, isTotal: false },
  ];
  const cases: {
    case: string;
    now: string[];
    prior: string[];
    code?: string;
    want: {
      lastYear: number | null;
      yoy: number | null;
      current: number | null;
      last: number | null;
      leftOut: [string, string][];
    };
  }[] = [
    {
      // 2019Q3 a 4, b 3; 2020Q3 a 5, b 4, c 6. City figure 5 + 4 + 6 = 15, last year
      // 4 + 3 = 7; over a and b only: (9 − 7) ÷ 7 = 2/7 = +28.6 % (not (15 − 7) ÷ 7 = +114.3 %)
      case: "a unit new this year is left out",
      now: ["f a 3 5", "f b 3 4", "f c 3 6"],
      prior: ["f a 3 4", "f b 3 3"],
      want: { lastYear: 7, yoy: 2 / 7, current: 9, last: 7, leftOut: [["c", "lastYear"]] },
    },
    {
      // last year a 4, b 3, c 2 = 9; now a 5, b 4 = 9: over a and b (9 − 7) ÷ 7, c missing this year
      case: "a unit that sent nothing this year is left out",
      now: ["f a 3 5", "f b 3 4"],
      prior: ["f a 3 4", "f b 3 3", "f c 3 2"],
      want: { lastYear: 9, yoy: 2 / 7, current: 9, last: 7, leftOut: [["c", "current"]] },
    },
    {
      // the same units both years: (9 − 7) ÷ 7, nothing left out
      case: "same units: unchanged",
      now: ["f a 3 5", "f b 3 4"],
      prior: ["f a 3 4", "f b 3 3"],
      want: { lastYear: 7, yoy: 2 / 7, current: 9, last: 7, leftOut: [] },
    },
    {
      // 全市's own figure on both sides (20 against 16): no adjustment whatever the units sent:
      // (20 − 16) ÷ 16 = +25 %
      case: "全市 on both sides: no adjustment",
      now: ["f city 3 20", "f a 3 5", "f c 3 6"],
      prior: ["f city 3 16", "f a 3 4"],
      want: { lastYear: 16, yoy: 0.25, current: 20, last: 16, leftOut: [] },
    },
    {
      // 全市's own 20 now, last year only units a 4 + b 3 = 7; this year a 5 sent: over a only,
      // (5 − 4) ÷ 4 = +25 %; b left out (nothing this year)
      case: "全市 now, units' sum last year: the units in both",
      now: ["f city 3 20", "f a 3 5"],
      prior: ["f a 3 4", "f b 3 3"],
      want: { lastYear: 7, yoy: 0.25, current: 5, last: 4, leftOut: [["b", "current"]] },
    },
    {
      // no unit in both years (a now, b last year): nothing comparable, no 同比
      case: "no unit in both years: no 同比",
      now: ["f a 3 5"],
      prior: ["f b 3 3"],
      want: {
        lastYear: 3,
        yoy: null,
        current: null,
        last: null,
        leftOut: [
          ["a", "lastYear"],
          ["b", "current"],
        ],
      },
    },
    {
      // at Q3, c's figure is its Q2 one, carried (six months) against its 2019Q3 (nine): only a and
      // b sent Q3 figures in both years: (5 + 4 − (4 + 3)) ÷ 7 = 2/7; c left out (none this quarter)
      case: "a unit's figure carried from an earlier quarter is left out",
      now: ["f a 3 5", "f b 3 4", "f c 2 6"],
      prior: ["f a 3 4", "f b 3 3", "f c 3 8"],
      want: { lastYear: 15, yoy: 2 / 7, current: 9, last: 7, leftOut: [["c", "current"]] },
    },
    {
      // a stock: 2019Q3 a 40, b 30 = 70; now a 44, b 33, c 10 → over a, b: (77 − 70) ÷ 70 = +10 %
      case: "a stock, new unit left out",
      code: "s",
      now: ["s a 3 44", "s b 3 33", "s c 3 10"],
      prior: ["s a 3 40", "s b 3 30"],
      want: { lastYear: 70, yoy: 0.1, current: 77, last: 70, leftOut: [["c", "lastYear"]] },
    },
  ];
  it.each(cases)("$case", (c) => {
    const l = buildReport(p3, index(...c.now), 3, [], index(...c.prior)).indicators.find(
      (x) => x.code === (c.code ?? "f"),
    )!;
    expect(l.lastYear).toBe(c.want.lastYear);
    if (c.want.yoy === null) expect(l.yoy).toBeNull();
    else expect(l.yoy).toBeCloseTo(c.want.yoy, 12);
    expect(l.yoyCurrent).toBe(c.want.current);
    expect(l.yoyLastYear).toBe(c.want.last);
    expect(l.yoyLeftOut.map((o) => [o.unit, o.missing])).toEqual(c.want.leftOut);
  });
});
