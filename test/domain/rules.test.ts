/**
 * The report rules as the README states them ("`dzkj report`", "How it computes", rules 1–9), one
 * describe per rule, table-driven, every figure worked out by hand in the comment next to it. The
 * "why" cases are the corners of the earlier rules that gave figures an analyst could not defend.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/app/report.js";
import { buildBreakdown } from "../../src/domain/breakdown.js";
import type { Indicator, Plan } from "../../src/domain/plan.js";
import { cityFigure, exactSum, type Observation } from "../../src/domain/progress.js";
import {
  buildReport,
  buildYearStatus,
  type IndicatorLine,
  indexObservations,
  type Report,
} from "../../src/domain/report.js";
import { makeIndicator } from "../support/indicator.js";

const indicator = (code: string, over: Partial<Indicator> = {}): Indicator =>
  makeIndicator({ code, ...over });

const planOf = (...indicators: Indicator[]): Plan => ({
  plan: { year: 2020, title: "T", titleEn: "T", issuer: "I", issuerEn: "I", issuedOn: "2020-03-27" },
  sections: [],
  tasks: [],
  units: [
    { code: "city", name: "全市", nameEn: "City", aliases: [], adminCode: null, isTotal: true },
    { code: "a", name: "A", nameEn: "A", aliases: [], adminCode: null, isTotal: false },
    { code: "b", name: "B", nameEn: "B", aliases: [], adminCode: null, isTotal: false },
    { code: "c", name: "C", nameEn: "C", aliases: [], adminCode: null, isTotal: false },
  ],
  indicators,
});

/** `unit q value [period]` rows of one indicator, e.g. "city 3 2500", "a 1 3 period". */
type Row = string;
const observations = (code: string, rows: readonly Row[]) =>
  rows.map((r) => {
    const [unit, q, value, basis] = r.split(" ");
    return {
      indicator: code,
      unit: unit!,
      q: Number(q),
      value: Number(value),
      basis: (basis ?? "ytd") as "ytd" | "period",
    };
  });

/** The report of one indicator over the given rows, at `asOf` (default: the newest data). */
function reportOf(ind: Indicator, rows: readonly Row[], asOf?: 1 | 2 | 3 | 4): Report {
  return buildReport(planOf(ind), indexObservations(observations(ind.code, rows)), asOf);
}
const lineOf = (ind: Indicator, rows: readonly Row[], asOf?: 1 | 2 | 3 | 4): IndicatorLine =>
  reportOf(ind, rows, asOf).indicators[0]!;

describe("rule 1: the city figure, chained", () => {
  const flow = indicator("tc", { target: 5600 });
  const stock = indicator("hs", { kind: "stock", target: 70 });
  it.each([
    [
      // why: 全市 2,500 at Q3; only a files at Q4 (600 → 800). The units' sum, 800 + 700 + 500 = 2,000,
      // fell below 全市's own Q3 figure; chained: 2,500 + (800 − 600) = 2,700, never below 2,500.
      "why: one unit filing for Q4 no longer makes the city figure fall (2,500 → 2,700, not 2,000)",
      flow,
      ["city 3 2500", "a 3 600", "b 3 700", "c 3 500", "a 4 800"],
      4,
      { actual: 2700, source: "chained", sourcePeriod: "2020Q3" },
    ],
    [
      "no unit newer than 全市's quarter: 全市's own value",
      flow,
      ["city 3 2500", "a 3 600", "b 2 700"],
      3,
      { actual: 2500, source: "total", sourcePeriod: "2020Q3" },
    ],
    [
      // 全市 Q2 1,000; a first files at Q3 (600): a flow unit with nothing by Q2 stands at 0 there;
      // b's Q1 100 → Q3 300 adds 200: 1,000 + 600 + 200 = 1,800
      "a flow unit with nothing by q0 stands at 0 there",
      flow,
      ["city 2 1000", "a 3 600", "b 1 100", "b 3 300"],
      3,
      { actual: 1800, source: "chained", sourcePeriod: "2020Q2" },
    ],
    [
      // b's Q2 figure is 4 (ytd Q1) + 6 (本期 Q2) = 10, its Q3 10 + 5 = 15: 1,000 + (15 − 10) = 1,005
      "unit figures are computed with the carry-forward rules (本期 increments after a ytd value)",
      flow,
      ["city 2 1000", "b 1 4", "b 2 6 period", "b 3 5 period"],
      3,
      { actual: 1005, source: "chained", sourcePeriod: "2020Q2" },
    ],
    [
      "no 全市 value at all: the sum of the units",
      flow,
      ["a 3 600", "b 2 700"],
      3,
      { actual: 1300, source: "units", sourcePeriod: null },
    ],
    [
      // 全市 Q1 50; a has no figure at or before Q1 (baseline included) and sends 8 at Q3: left out
      // of the chain and listed; b 20 → 23 adds 3: 50 + 3 = 53
      "a stock unit with no figure at or before q0 adds nothing, and the report says so",
      stock,
      ["city 1 50", "a 3 8", "b 1 20", "b 3 23"],
      3,
      { actual: 53, source: "chained", sourcePeriod: "2020Q1", unchained: ["a"] },
    ],
  ] as const)("%s", (_rule, ind, rows, q, want) => {
    expect(lineOf(ind, rows, q)).toMatchObject(want);
  });

  it("why: the baseline follows the same rule, so baseline and actual are like for like", () => {
    // 全市 baseline 50; the units' baselines 30 + 17 = 47 and Q2 figures 32 + 18 = 50. The old rule set
    // 全市's 50 against the units' 50 (no growth, forecast 50). Chained: actual 50 + (32 − 30) + (18 − 17)
    // = 53, baseline 50; forecast 50 + (53 − 50) ÷ 0.5 = 56.
    const l = lineOf(stock, ["city 0 50", "a 0 30", "b 0 17", "a 2 32", "b 2 18"]);
    expect(l).toMatchObject({ baseline: 50, actual: 53, source: "chained", sourcePeriod: "2019Q4" });
    expect(l.forecast).toBe(56);
  });

  it("the report names the source of every city figure", () => {
    const r = reportOf(flow, ["city 1 100"], 1);
    expect(r.indicators[0]).toMatchObject({ source: "total", sourcePeriod: "2020Q1" });
    expect(reportOf(flow, [], 1).indicators[0]).toMatchObject({ source: "none", actual: null });
  });
});

describe("rule 1 (property): a flow's city figure never falls while no year-to-date figure falls", () => {
  /**
   * Each unit sends non-decreasing year-to-date figures at any subset of quarters; 全市 reports at
   * any subset of quarters the whole: the units' figures as they stand (a quarter a unit skipped
   * carries its last figure, the premise of the carry-forward rule) plus a non-decreasing part of its
   * own (e.g. 市本级 items no unit reports).
   */
  const ytd = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 4, maxLength: 4 }).map((xs) => {
    let t = 0;
    return xs.map((x) => (t += x));
  });
  const sends = fc.array(fc.boolean(), { minLength: 4, maxLength: 4 });
  const unit = fc.record({ ytd, sends });
  it("holds for any mix of 全市 and unit reports", () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 4 }), ytd, sends, (units, own, citySends) => {
        const byUnit = new Map<string, Observation[]>();
        const standing = units.map(() => 0);
        const city: Observation[] = [];
        for (let q = 1; q <= 4; q++) {
          units.forEach((u, i) => {
            if (!u.sends[q - 1]) return;
            standing[i] = u.ytd[q - 1]!;
            const list = byUnit.get(`u${i}`) ?? [];
            list.push({ unit: `u${i}`, q, value: u.ytd[q - 1]!, basis: "ytd" });
            byUnit.set(`u${i}`, list);
          });
          if (citySends[q - 1])
            city.push({ unit: "city", q, value: exactSum([...standing, own[q - 1]!]), basis: "ytd" });
        }
        if (city.length) byUnit.set("city", city);
        let before = 0;
        for (let q = 1; q <= 4; q++) {
          const now = cityFigure(byUnit, "city", "flow", q).value ?? 0;
          expect(now).toBeGreaterThanOrEqual(before);
          before = now;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a newer 全市 value is the official figure, even below the chained estimate it replaces", () => {
    // a: Q1 10, Q3 25 (skipping Q2 although it grew); 全市 Q2 30, Q4 40. Q3 chains 30 + (25 − 10) = 45,
    // counting again the growth of a that 全市's Q2 already held; Q4 is 全市's own 40. The chain can
    // only be as right as the carry-forward premise; a 全市 figure is never overridden by it.
    const byUnit = new Map<string, Observation[]>([
      [
        "a",
        [
          { unit: "a", q: 1, value: 10, basis: "ytd" },
          { unit: "a", q: 3, value: 25, basis: "ytd" },
        ],
      ],
      [
        "city",
        [
          { unit: "city", q: 2, value: 30, basis: "ytd" },
          { unit: "city", q: 4, value: 40, basis: "ytd" },
        ],
      ],
    ]);
    expect([1, 2, 3, 4].map((q) => cityFigure(byUnit, "city", "flow", q).value)).toEqual([10, 30, 45, 40]);
  });
});

describe("rule 2: pace (序时进度) by profile", () => {
  const seasonal = indicator("sea", { target: 100, pace: [0.15, 0.4, 0.65, 1] });
  const milestone = indicator("np", { target: 1, pace: "milestone" });
  it.each([
    [
      "linear: target × q/4",
      indicator("f", { target: 30 }),
      ["a 3 27"],
      3,
      { expected: 22.5, status: "on_track" },
    ],
    // 100 × 0.40 = 40 by Q2; 30 < 40 → behind; forecast 30 ÷ 0.40 = 75
    [
      "a profile: target × its share at q",
      seasonal,
      ["a 2 30"],
      2,
      { expected: 40, status: "behind", forecast: 75 },
    ],
    // 100 × 0.15 = 15 by Q1: 15 is on pace (a linear pace would want 25)
    [
      "a profile follows the season",
      seasonal,
      ["a 1 15"],
      1,
      { expected: 15, status: "on_track", forecast: 100 },
    ],
    // why: a one-off target had a linear pace, and read 滞后 every quarter before it landed
    [
      "why: a milestone has no pace before Q4: pending",
      milestone,
      ["a 1 0"],
      3,
      { expected: null, status: "pending" },
    ],
    ["a milestone with nothing yet is pending too", milestone, [], 2, { expected: null, status: "pending" }],
    ["a milestone is met once the target is met", milestone, ["a 2 1"], 2, { status: "met" }],
    // at Q4 a milestone's pace is its target: 0 < 1 → behind
    [
      "at Q4 a milestone not met is behind its target",
      milestone,
      ["a 4 0"],
      4,
      { expected: 1, status: "behind" },
    ],
  ] as const)("%s", (_rule, ind, rows, q, want) => {
    expect(lineOf(ind, rows, q)).toMatchObject(want);
  });
});

describe("rule 3: a stock or rate with no baseline has no pace", () => {
  const stock = indicator("hs", { kind: "stock", target: 70 });
  const rate = indicator("r", { kind: "rate", unit: "%", target: 60 });
  it.each([
    // why: paced from zero, 20 of 70 at Q1 was on track (70 × 0.25 = 17.5)
    [
      "why: 20 of 70 at Q1 without a 2019Q4 baseline is no_baseline, not on track",
      stock,
      ["a 1 20"],
      1,
      { expected: null, status: "no_baseline", forecast: null },
    ],
    ["a rate without a baseline likewise", rate, ["city 2 55"], 2, { expected: null, status: "no_baseline" }],
    ["it still becomes met when the target is reached", stock, ["a 1 20", "a 2 70"], 2, { status: "met" }],
    // with the baseline 52: 52 + (70 − 52) × 0.25 = 56.5 > 20 → behind
    ["with a baseline it has its pace", stock, ["a 0 52", "a 1 20"], 1, { expected: 56.5, status: "behind" }],
  ] as const)("%s", (_rule, ind, rows, q, want) => {
    expect(lineOf(ind, rows, q)).toMatchObject(want);
  });
});

describe("rule 4: an annual indicator's forecast is its figure", () => {
  it.each([
    // why: 10.5 ÷ 0.75 = 14 treated a whole-year statistic as three quarters of one
    [
      "why: 10.5 reported at Q3 forecasts 10.5, not 14",
      indicator("rd", { cadence: "annual", target: 14 }),
      ["city 3 10.5"],
      3,
      10.5,
    ],
    [
      "an annual rate likewise",
      indicator("cr", { kind: "rate", cadence: "annual", target: 58 }),
      ["city 0 55", "city 2 56"],
      2,
      56,
    ],
  ] as const)("%s", (_rule, ind, rows, q, want) => {
    expect(lineOf(ind, rows, q)).toMatchObject({ forecast: want, status: "pending" });
  });
});

describe("rule 5: year end is final only when it is", () => {
  const plan = planOf(
    indicator("x", { target: 50 }),
    indicator("y", { target: 100 }),
    indicator("s", { kind: "stock", target: 20 }),
    indicator("rd", { cadence: "annual", target: 10 }),
  );
  const report = (rows: ReturnType<typeof observations>, asOf?: 1 | 2 | 3 | 4) =>
    buildReport(plan, indexObservations(rows), asOf);

  it("why: one unit's Q4 row does not make the year final; a missed check fires on final misses only", () => {
    // x: a and b report in Q3; only a sends Q4 → x rests on b's Q3 figure: provisional (20 + 10 = 30 < 50).
    // y: 全市 sends Q4 (60 < 100): final miss.
    const rows = [
      ...observations("x", ["a 3 15", "b 3 10", "a 4 20"]),
      ...observations("y", ["city 3 40", "city 4 60"]),
    ];
    const r = report(rows);
    const st = buildYearStatus(r);
    expect(st.yearEnd).toBe(true);
    expect(st.final).toBe(false);
    const byCode = Object.fromEntries(st.indicators.map((i) => [i.code, i]));
    expect(byCode.x).toMatchObject({ actual: 30, result: "missed", final: false });
    expect(byCode.y).toMatchObject({ actual: 60, result: "missed", final: true });
    // s has no figure, rd (annual) none at Q4: no data, listed but never firing
    expect(st.summary).toEqual({ total: 4, met: 0, missed: 1, provisional: 1, pending: 0, noData: 2 });
    const check = checkReport(r, "missed");
    expect(check.failing.map((l) => l.code)).toEqual(["y"]);
    expect(check.listed.provisional.map((l) => l.code)).toEqual(["x"]);
    expect(check.listed.noData.map((l) => l.code)).toEqual(["s", "rd"]);
  });

  it.each([
    ["final on a Q4 全市 value", "y", ["city 2 40", "a 3 10", "city 4 90"], true],
    [
      "final on a Q4 figure from every unit that reported in Q1–Q4",
      "x",
      ["city 2 20", "a 1 5", "b 3 9", "a 4 30", "b 4 20"],
      true,
    ],
    [
      "provisional while a unit that reported in the year has no Q4 figure",
      "x",
      ["a 1 5", "b 3 9", "a 4 30"],
      false,
    ],
    // s: b sent only a baseline (5): it does not count; a's Q4 12 + b's 5 = 17
    ["a unit that sent only a baseline does not count", "s", ["a 0 10", "b 0 5", "a 2 11", "a 4 12"], true],
    ["a flow already met is final as met, even before Q4", "x", ["a 2 60"], true],
    ["a stock met before Q4 is not final (a level can fall)", "s", ["a 2 25"], false],
  ] as const)("%s", (_rule, code, rows, final) => {
    const st = buildYearStatus(report(observations(code, rows)));
    expect(st.indicators.find((i) => i.code === code)?.final).toBe(final);
  });

  it("why: before Q4 a pending annual indicator is counted as pending, never as missed", () => {
    const st = buildYearStatus(report(observations("rd", ["city 3 4"])));
    expect(st.indicators.find((i) => i.code === "rd")).toMatchObject({ result: "pending", final: false });
    // x, y, s have no figure: no data; rd pending
    expect(st.summary).toEqual({ total: 4, met: 0, missed: 0, provisional: 0, pending: 1, noData: 3 });
    expect(checkReport(report(observations("rd", ["city 3 4"])), "missed").applicable).toBe(false);
  });
});

describe("rule 6: reproducible views", () => {
  const ind = indicator("f", { target: 40 });
  it("why: an --as-of later than the newest data is allowed and flagged", () => {
    // data to Q3 only; as of Q4 the figures carry forward (a's 27), and the report says so
    const r = reportOf(ind, ["a 3 27"], 4);
    expect(r).toMatchObject({ asOf: "2020Q4", asOfBeyondData: true, newestData: "2020Q3" });
    expect(r.indicators[0]).toMatchObject({ actual: 27, expected: 40 });
  });
  it("an --as-of within the data, or none, is not flagged", () => {
    expect(reportOf(ind, ["a 3 27"], 3).asOfBeyondData).toBe(false);
    expect(reportOf(ind, ["a 3 27"]).asOfBeyondData).toBe(false);
  });
});

describe("rule 7: by unit, 全市 is compared with the units' sum only at the same quarter", () => {
  const breakdownOf = (rows: readonly Row[], q: 1 | 2 | 3 | 4) => {
    const plan = planOf(indicator("f"));
    const index = indexObservations(observations("f", rows));
    return buildBreakdown(plan, index, buildReport(plan, index, q)).rows[0]!;
  };
  it.each([
    // why: 全市 Q1 (10) set against the units' Q2 sum (6 + 4 = 10) read 一致
    [
      "why: 全市 from Q1 against the units' Q2 sum is not comparable",
      ["city 1 10", "a 2 6", "b 2 4"],
      2,
      { comparable: false, disagree: false, totalQuarter: 1, unitsQuarter: 2 },
    ],
    [
      "the same quarter and equal: comparable, agree",
      ["city 2 10", "a 2 6", "b 1 4"],
      2,
      { comparable: true, disagree: false },
    ],
    [
      "the same quarter and different: comparable, disagree",
      ["city 2 12", "a 2 6", "b 2 4"],
      2,
      { comparable: true, disagree: true },
    ],
    [
      "units older than 全市: not comparable",
      ["city 2 12", "a 1 6"],
      2,
      { comparable: false, totalQuarter: 2, unitsQuarter: 1 },
    ],
  ] as const)("%s", (_rule, rows, q, want) => {
    expect(breakdownOf(rows, q)).toMatchObject(want);
  });
});

describe("rule 8: counts and numbers", () => {
  it.each([
    // why: 全市 was counted as a unit
    [
      "why: unitsReported leaves 全市 out; cityReported says whether it reported",
      ["city 2 10", "a 1 4", "b 2 6"],
      2,
      { unitsReported: 2, cityReported: true },
    ],
    [
      "a unit counts with any figure in Q1..q, carried or not",
      ["a 1 4", "b 3 6"],
      3,
      { unitsReported: 2, cityReported: false },
    ],
    ["a unit with a figure only after q does not count", ["a 1 4", "b 3 6"], 2, { unitsReported: 1 }],
  ] as const)("%s", (_rule, rows, q, want) => {
    expect(lineOf(indicator("f"), rows, q)).toMatchObject(want);
  });

  it("numbers are exact sums of the stored decimals, never rounded to 12 digits", () => {
    // 123,456,789.123456 + 0.000001 = 123,456,789.123457 (15 significant digits); 0.1 + 0.2 = 0.3
    const big = lineOf(indicator("f", { target: 2e8 }), ["a 1 123456789.123456", "b 1 0.000001"], 1);
    expect(big.actual).toBe(123456789.123457);
    expect(lineOf(indicator("f"), ["a 1 0.1", "b 1 0.2"], 1).actual).toBe(0.3);
    // the forecast is not rounded either: 10 ÷ 0.75 = 13.333…
    expect(lineOf(indicator("f"), ["a 3 10"], 3).forecast).toBe(10 / 0.75);
  });
});

describe("rule 9: precisions", () => {
  it.each([
    // 全市 baseline 50, a's baseline 30 → Q1 33: 50 + 3 = 53 chained from 2019Q4
    [
      "a stock's 全市 baseline chains",
      indicator("s", { kind: "stock", target: 70 }),
      ["city 0 50", "a 0 30", "a 1 33"],
      1,
      { actual: 53, source: "chained", sourcePeriod: "2019Q4" },
    ],
    [
      "a rate is neither summed nor chained: only 全市's own value",
      indicator("r", { kind: "rate", unit: "%", target: 60 }),
      ["city 1 55", "a 3 60"],
      3,
      { actual: 55, source: "total", sourcePeriod: "2020Q1" },
    ],
    [
      "a rate with no 全市 value has no figure",
      indicator("r", { kind: "rate", unit: "%", target: 60 }),
      ["a 3 60"],
      3,
      { actual: null, source: "none" },
    ],
    [
      "at Q4 expected is the target, for an annual indicator",
      indicator("rd", { cadence: "annual", target: 10 }),
      ["city 4 9.6"],
      4,
      { expected: 10, forecast: 9.6 },
    ],
    [
      "at Q4 expected is the target, for a stock without a baseline",
      indicator("s", { kind: "stock", target: 70 }),
      ["a 4 60"],
      4,
      { expected: 70, status: "behind" },
    ],
    [
      "a milestone has no forecast before Q4",
      indicator("np", { target: 2, pace: "milestone" }),
      ["a 3 1"],
      3,
      { forecast: null },
    ],
    // 100 × 0.65 = 65 by Q3; forecast 52 ÷ 0.65 = 80
    [
      "a profile-paced flow's forecast is actual ÷ its share at q",
      indicator("sea", { pace: [0.15, 0.4, 0.65, 1] }),
      ["a 3 52"],
      3,
      { expected: 65, forecast: 80 },
    ],
    [
      "at Q4 the forecast is the actual",
      indicator("sea", { pace: [0.15, 0.4, 0.65, 1] }),
      ["a 4 90"],
      4,
      { forecast: 90 },
    ],
  ] as const)("%s", (_rule, ind, rows, q, want) => {
    expect(lineOf(ind, rows, q)).toMatchObject(want);
  });
});
