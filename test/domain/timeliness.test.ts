/**
 * On-time reporting (README "On-time reporting"): the deadline is the quarter's last day plus D
 * local calendar days; a report on the deadline day itself is on time, the day after 1 day late.
 */
import { describe, expect, it } from "vitest";
import { lateUnits } from "../../src/app/completeness.js";
import { buildCompleteness, reportDeadline, timelinessOf } from "../../src/domain/completeness.js";
import type { Plan } from "../../src/domain/plan.js";
import { makeIndicator } from "../support/indicator.js";

describe("the deadline", () => {
  it.each([
    // Q1 ends 03-31: + 10 days = 04-10; Q2 06-30 + 10 = 07-10; Q3 09-30 + 10 = 10-10; Q4 12-31 + 10 = next 01-10
    [2020, 1, 10, "2020-04-10"],
    [2020, 2, 10, "2020-07-10"],
    [2020, 3, 10, "2020-10-10"],
    [2020, 4, 10, "2021-01-10"],
    // 0 days: the quarter's last day itself; 15 days after 06-30 = 07-15
    [2020, 1, 0, "2020-03-31"],
    [2020, 2, 15, "2020-07-15"],
  ])("%i Q%i + %i days → %s", (year, q, days, want) => {
    expect(reportDeadline(year, q, days)).toBe(want);
  });
});

describe("on time or late, at the deadline's edge", () => {
  it.each([
    ["2020-04-09", "on_time", 0],
    ["2020-04-10", "on_time", 0], // the deadline day itself
    ["2020-04-11", "late", 1], // the day after
    ["2020-05-01", "late", 21], // 04-10 → 04-30 is 20 days, + 1
  ] as const)("first report %s → %s (%i days late)", (day, status, late) => {
    const t = timelinessOf("2020-04-10", day, "2020-12-31");
    expect(t.status).toBe(status);
    expect(t.daysLate).toBe(late);
  });

  it("missing: not overdue on the deadline day, overdue by 1 the day after", () => {
    expect(timelinessOf("2020-04-10", null, "2020-04-10")).toMatchObject({
      status: "missing",
      overdue: false,
      daysLate: 0,
    });
    expect(timelinessOf("2020-04-10", null, "2020-04-11")).toMatchObject({
      status: "missing",
      overdue: true,
      daysLate: 1,
    });
  });
});

describe("completeness with a deadline from the plan", () => {
  const plan: Plan = {
    plan: {
      year: 2020,
      title: "T",
      titleEn: "T",
      issuer: "I",
      issuerEn: "I",
      issuedOn: "2020-03-27",
      reportDeadlineDays: 5,
    },
    sections: [],
    tasks: [],
    units: [
      { code: "city", name: "全市", nameEn: "City", aliases: [], adminCode: null, isTotal: true },
      { code: "a", name: "A", nameEn: "A", aliases: [], adminCode: null, isTotal: false },
      { code: "b", name: "B", nameEn: "B", aliases: [], adminCode: null, isTotal: false },
    ],
    indicators: [
      makeIndicator({ code: "x" }),
      makeIndicator({ code: "y", cadence: "annual" }),
      makeIndicator({ code: "m", pace: "milestone" }),
    ],
  };
  const subs = [
    { indicator: "x", unit: "a", q: 1, importedAt: "2020-04-05T02:00:00Z" },
    { indicator: "x", unit: "b", q: 1, importedAt: "2020-04-06T02:00:00Z" },
    { indicator: "x", unit: "city", q: 1, importedAt: "2020-04-20T02:00:00Z" },
  ];
  const targets = [
    { indicator: "x", unit: "a", target: 10, weight: null },
    { indicator: "y", unit: "a", target: 1, weight: null },
    { indicator: "m", unit: "a", target: 1, weight: null },
  ];
  const c = buildCompleteness(plan, subs, [1], {
    // a on 04-05, the deadline (03-31 + 5) → on time; b on 04-06 → 1 day late
    firstReports: new Map([
      ["a 1", "2020-04-05"],
      ["b 1", "2020-04-06"],
      ["city 1", "2020-04-20"],
    ]),
    today: "2020-04-30",
    targets,
  });
  const cell = (u: string) => c.units.find((x) => x.code === u)!.periods[0]!;

  it("reads the plan's deadline days", () => {
    expect(c.deadlineDays).toBe(5);
    expect(cell("a").timeliness).toMatchObject({ deadline: "2020-04-05", status: "on_time" });
    expect(cell("b").timeliness).toMatchObject({ status: "late", daysLate: 1 });
    expect(cell("city").timeliness).toBeNull();
  });

  it("an annual indicator or a milestone is not due before Q4 (as rank and the report: 待年度统计)", () => {
    expect(cell("a").expected).toEqual(["x"]);
    expect(cell("a").expectedMissing).toEqual([]);
  });

  it("both are due at Q4", () => {
    const q4 = buildCompleteness(plan, [], [4], { firstReports: new Map(), today: "2021-01-30", targets });
    expect(q4.units.find((x) => x.code === "a")!.periods[0]!.expected).toEqual(["x", "y", "m"]);
  });

  it("the units that sent nothing are the reporting units, 全市 aside", () => {
    // Q2: nobody sent anything; city is 全市, not a reporting unit
    const q2 = buildCompleteness(plan, subs, [2], { firstReports: new Map(), today: "2020-07-30", targets });
    expect(q2.missing).toEqual([{ period: "2020Q2", units: ["a", "b"] }]);
  });

  it("--check fails on b alone", () => {
    expect(lateUnits(c)).toEqual([{ unit: "b", period: "2020Q1", daysLate: 1, missing: false }]);
    const onTime = buildCompleteness(plan, subs.slice(0, 1), [1], {
      firstReports: new Map([["a 1", "2020-04-05"]]),
      today: "2020-04-05",
      targets,
    });
    // b has not reported, but the deadline is today: not overdue yet
    expect(lateUnits(onTime)).toEqual([]);
  });
});
