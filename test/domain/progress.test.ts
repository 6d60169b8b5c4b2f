import { describe, expect, it } from "vitest";
import type { Indicator } from "../../src/domain/plan.js";
import {
  cityFigure,
  completionOf,
  expectedAt,
  forecastOf,
  gapOf,
  type Observation,
  statusOf,
  unitFigure,
} from "../../src/domain/progress.js";
import { buildReport, buildYearStatus, indexObservations } from "../../src/domain/report.js";
import { makeIndicator } from "../support/indicator.js";

const o = (unit: string, q: number, value: number, basis: "ytd" | "period" = "ytd"): Observation => ({
  unit,
  q,
  value,
  basis,
});

const indicator = (over: Partial<Indicator> = {}): Indicator =>
  makeIndicator({ name: "X", nameEn: "X", target: 40, ...over });

describe("unitFigure: a unit's figure at quarter q", () => {
  it.each([
    ["flow: the newest ytd value at or before q", [o("a", 1, 3), o("a", 2, 7)], "flow", 2, 7],
    ["flow: a skipped quarter carries the newest ytd forward", [o("a", 1, 3)], "flow", 3, 3],
    ["flow: values after q are ignored", [o("a", 1, 3), o("a", 3, 9)], "flow", 2, 3],
    [
      "flow: period increments are summed when no ytd was sent",
      [o("a", 1, 2, "period"), o("a", 2, 5, "period")],
      "flow",
      2,
      7,
    ],
    [
      "flow: ytd plus the increments after its quarter",
      [o("a", 1, 4, "period"), o("a", 2, 10), o("a", 3, 6, "period")],
      "flow",
      3,
      16,
    ],
    [
      "flow: increments at or before the ytd quarter are inside it",
      [o("a", 1, 4, "period"), o("a", 2, 10)],
      "flow",
      2,
      10,
    ],
    [
      "flow: increments are summed without float noise",
      [o("a", 1, 0.1, "period"), o("a", 2, 0.2, "period")],
      "flow",
      2,
      0.3,
    ],
    ["stock: the newest value at or before q", [o("a", 0, 10), o("a", 2, 12)], "stock", 3, 12],
    ["stock: the baseline counts as a figure", [o("a", 0, 10)], "stock", 2, 10],
    ["rate: the newest value at or before q", [o("a", 1, 50), o("a", 2, 52)], "rate", 1, 50],
  ] as const)("%s", (_rule, obs, kind, q, want) => {
    expect(unitFigure(obs, kind, q)).toBe(want);
  });

  it("is null when the unit has nothing at or before q", () => {
    expect(unitFigure([o("a", 3, 5)], "flow", 2)).toBeNull();
    expect(unitFigure([], "stock", 4)).toBeNull();
  });
});

describe("cityFigure: 全市, chained with the units' increments, or the sum of units", () => {
  const byUnit = (...obs: Observation[]) => {
    const m = new Map<string, Observation[]>();
    for (const x of obs) m.set(x.unit, [...(m.get(x.unit) ?? []), x]);
    return m;
  };
  it("uses 全市 when it is as new as the newest unit report", () => {
    expect(cityFigure(byUnit(o("city", 3, 100), o("a", 3, 40), o("b", 2, 30)), "city", "flow", 3)).toEqual({
      value: 100,
      source: "total",
      quarter: 3,
      unchained: [],
    });
  });
  it("chains an older 全市 figure with the increments of the units that reported since", () => {
    // 全市 Q2 100; a's first figure is Q3 40 (a flow unit with nothing by Q2 stands at 0 there);
    // b's Q2 30 is not newer than Q2: 100 + (40 − 0) = 140
    expect(cityFigure(byUnit(o("city", 2, 100), o("a", 3, 40), o("b", 2, 30)), "city", "flow", 3)).toEqual({
      value: 140,
      source: "chained",
      quarter: 2,
      unchained: [],
    });
  });
  it("carries skipped units forward in the sum when 全市 sent nothing (stock)", () => {
    expect(cityFigure(byUnit(o("a", 0, 10), o("b", 0, 5), o("b", 2, 7)), "city", "stock", 3)).toEqual({
      value: 17,
      source: "units",
      quarter: null,
      unchained: [],
    });
  });
  it("a stock's units' sum counts only units with a baseline, like the baseline's own sum", () => {
    // baseline: 渠县 10 alone; Q1: 渠县 11, 通川 20 with no baseline → 11 (growth +1), 通川 left out
    const units = byUnit(o("quxian", 0, 10), o("quxian", 1, 11), o("tongchuan", 1, 20));
    expect(cityFigure(units, "city", "stock", 1)).toEqual({
      value: 11,
      source: "units",
      quarter: null,
      unchained: ["tongchuan"],
    });
    // at q = 0 the baseline itself: 10
    expect(cityFigure(units, "city", "stock", 0).value).toBe(10);
    // no unit has a baseline: every unit counts (the indicator is 缺基数 anyway): 11 + 20 = 31
    expect(cityFigure(byUnit(o("quxian", 1, 11), o("tongchuan", 1, 20)), "city", "stock", 1).value).toBe(31);
    // a flow restarts each year: every unit's figure counts, 11 + 20 = 31
    expect(cityFigure(units, "city", "flow", 1).value).toBe(31);
  });
  it("never sums a rate: only 全市 counts", () => {
    expect(cityFigure(byUnit(o("a", 3, 40), o("b", 3, 50)), "city", "rate", 3)).toMatchObject({
      value: null,
      source: "none",
    });
    expect(cityFigure(byUnit(o("city", 1, 55), o("a", 3, 60)), "city", "rate", 3)).toMatchObject({
      value: 55,
      source: "total",
      quarter: 1,
    });
  });
  it("has no figure when nobody reported", () => {
    expect(cityFigure(new Map(), "city", "flow", 2)).toMatchObject({ value: null, source: "none" });
  });
});

describe("expected (序时进度)", () => {
  it("quarterly flow: target × q/4", () => expect(expectedAt(indicator({ target: 30 }), null, 3)).toBe(22.5));
  it("stock with a baseline: baseline + (target − baseline) × q/4", () =>
    expect(expectedAt(indicator({ kind: "stock", target: 70 }), 52, 3)).toBe(65.5));
  it("stock without a baseline: no pace before Q4", () =>
    expect(expectedAt(indicator({ kind: "stock", target: 70 }), null, 2)).toBeNull());
  it("rate with a baseline starts from it", () =>
    expect(expectedAt(indicator({ kind: "rate", target: 58 }), 55, 2)).toBe(56.5));
  it("annual cadence: no pace before Q4", () =>
    expect(expectedAt(indicator({ cadence: "annual" }), null, 3)).toBeNull());
  it("annual cadence: the target at Q4", () =>
    expect(expectedAt(indicator({ cadence: "annual", target: 10 }), null, 4)).toBe(10));
  it("no as-of quarter: null", () => expect(expectedAt(indicator(), null, null)).toBeNull());
});

describe("status", () => {
  it.each([
    ["met when actual ≥ target", indicator({ target: 10 }), 10, 7.5, 3, "met"],
    ["on_track when actual ≥ expected", indicator({ target: 10 }), 7.5, 7.5, 3, "on_track"],
    ["behind when actual < expected", indicator({ target: 10 }), 7, 7.5, 3, "behind"],
    ["no_data when nothing reported", indicator(), null, 7.5, 3, "no_data"],
    ["pending: annual before Q4 without data", indicator({ cadence: "annual" }), null, null, 3, "pending"],
    [
      "pending: annual before Q4 with partial figures",
      indicator({ cadence: "annual", target: 10 }),
      4,
      null,
      3,
      "pending",
    ],
    ["annual already met before Q4 is met", indicator({ cadence: "annual", target: 10 }), 11, null, 3, "met"],
    ["annual at Q4 behind", indicator({ cadence: "annual", target: 10 }), 9, 10, 4, "behind"],
  ] as const)("%s", (_rule, ind, actual, expected, q, want) => {
    expect(statusOf(ind, actual, expected, q)).toBe(want);
  });
});

describe("gap, completion and forecast", () => {
  it("gap = max(target − actual, 0)", () => {
    expect(gapOf(30, 27)).toBe(3);
    expect(gapOf(30, 35)).toBe(0);
    expect(gapOf(30, null)).toBeNull();
  });
  it("completion = actual ÷ target", () => {
    expect(completionOf(5600, 3850)).toBe(0.6875);
    expect(completionOf(10, null)).toBeNull();
  });
  it("flow forecast = actual ÷ (q/4)", () => expect(forecastOf(indicator(), 27, null, 3)).toBe(36));
  it("stock forecast = baseline + (actual − baseline) ÷ (q/4)", () =>
    // 52 + 8 ÷ 0.75 = 62.666…, unrounded (rule 8)
    expect(forecastOf(indicator({ kind: "stock" }), 60, 52, 3)).toBeCloseTo(62.666666666666664, 12));
  it("stock forecast without a baseline: none", () =>
    expect(forecastOf(indicator({ kind: "stock" }), 60, null, 3)).toBeNull());
  it("at Q4 the forecast is the actual", () =>
    expect(forecastOf(indicator({ kind: "stock" }), 60, 52, 4)).toBe(60));
});

describe("buildReport", () => {
  const plan = {
    plan: { year: 2020, title: "T", titleEn: "T", issuer: "I", issuerEn: "I", issuedOn: "2020-03-27" },
    sections: [{ number: 1, code: "一", title: "S", titleEn: "S" }],
    tasks: [],
    units: [
      { code: "city", name: "全市", nameEn: "City", aliases: [], adminCode: null, isTotal: true },
      { code: "a", name: "A", nameEn: "A", aliases: [], adminCode: null, isTotal: false },
      { code: "b", name: "B", nameEn: "B", aliases: [], adminCode: null, isTotal: false },
    ],
    indicators: [
      indicator({ code: "f", target: 40 }),
      indicator({ code: "s", kind: "stock", target: 20, commitment: "aspirational" }),
      indicator({
        code: "r",
        kind: "rate",
        unit: "%",
        target: 58,
        cadence: "annual",
        headline: false,
        section: 1,
      }),
    ],
  };
  const rows = [
    { indicator: "f", ...o("a", 1, 5) },
    { indicator: "f", ...o("b", 2, 6) },
    { indicator: "s", ...o("a", 0, 8) },
    { indicator: "s", ...o("b", 0, 4) },
    { indicator: "s", ...o("a", 2, 10) },
    { indicator: "r", ...o("city", 0, 55) },
  ];

  it("defaults the as-of quarter to the newest quarter with data", () => {
    const r = buildReport(plan, indexObservations(rows));
    expect(r.asOf).toBe("2020Q2");
    expect(r.elapsed).toBe(0.5);
  });

  it("computes each indicator by the rules", () => {
    const r = buildReport(plan, indexObservations(rows));
    const f = r.indicators.find((l) => l.code === "f")!;
    // a's Q1 5 carried forward + b's Q2 6 = 11; expected 40 × 0.5 = 20
    expect(f).toMatchObject({
      actual: 11,
      expected: 20,
      status: "behind",
      gap: 29,
      forecast: 22,
      unitsReported: 2,
    });
    const s = r.indicators.find((l) => l.code === "s")!;
    // baseline 8 + 4 = 12; actual 10 + 4 = 14; expected 12 + 8 × 0.5 = 16; forecast 12 + 2/0.5 = 16
    expect(s).toMatchObject({ baseline: 12, actual: 14, expected: 16, status: "behind", forecast: 16 });
    const rr = r.indicators.find((l) => l.code === "r")!;
    expect(rr).toMatchObject({ baseline: 55, actual: 55, expected: null, status: "pending", section: "一" });
  });

  it("with --as-of, uses that quarter", () => {
    const r = buildReport(plan, indexObservations(rows), 1);
    expect(r.indicators.find((l) => l.code === "f")).toMatchObject({
      actual: 5,
      expected: 10,
      status: "behind",
    });
  });

  it("with no data in the plan year, asOf, elapsed and expected are null", () => {
    const r = buildReport(plan, indexObservations([{ indicator: "s", ...o("a", 0, 8) }]));
    expect(r.asOf).toBeNull();
    expect(r.elapsed).toBeNull();
    expect(r.indicators.every((l) => l.expected === null && l.actual === null)).toBe(true);
    expect(r.indicators.map((l) => l.status)).toEqual(["no_data", "no_data", "pending"]);
  });

  it("orders headline targets first, then by section", () => {
    const r = buildReport(plan, indexObservations(rows));
    expect(r.indicators.map((l) => l.code)).toEqual(["f", "s", "r"]);
  });

  it("year status: provisional before Q4, with at-risk flags", () => {
    const st = buildYearStatus(buildReport(plan, indexObservations(rows)));
    expect(st.final).toBe(false);
    // f (11 of 40) and s (14 of 20) are provisional; r is annual, before Q4: pending, never missed
    expect(st.summary).toEqual({ total: 3, met: 0, missed: 0, provisional: 2, pending: 1, noData: 0 });
    expect(st.indicators.filter((i) => i.atRisk).map((i) => i.code)).toEqual(["f", "s"]);
  });

  it("year status: final at Q4", () => {
    const q4 = [...rows, { indicator: "f", ...o("a", 4, 41) }, { indicator: "r", ...o("city", 4, 58.5) }];
    const st = buildYearStatus(buildReport(plan, indexObservations(q4)));
    expect(st.yearEnd).toBe(true);
    // f: a 41 + b 6 = 47 ≥ 40 met; s: 14 < 20 missed; r: 58.5 ≥ 58 met
    expect(st.indicators.map((i) => i.result)).toEqual(["met", "missed", "met"]);
    // f is a flow already met: final; r rests on 全市's Q4 value: final; s rests on a's Q2 figure
    // (a reported s in the year but sent no Q4 figure): provisional, so the year is not final yet
    expect(st.indicators.map((i) => i.final)).toEqual([true, false, true]);
    expect(st.final).toBe(false);
    expect(st.summary).toEqual({ total: 3, met: 2, missed: 0, provisional: 1, pending: 0, noData: 0 });
    expect(st.indicators.every((i) => !i.atRisk)).toBe(true);
  });
});
