/**
 * Unit targets (README "Unit targets", "dzkj rank"): a unit judged on its own target by the city's
 * rules, the 分解不足 check, ranking ties and the composite score. Every figure by hand.
 */
import { describe, expect, it } from "vitest";
import type { Indicator, Plan } from "../../src/domain/plan.js";
import type { Observation } from "../../src/domain/progress.js";
import {
  buildRanking,
  competitionRanks,
  targetSplits,
  type UnitTarget,
  unitTargetLine,
} from "../../src/domain/targets.js";
import { makeIndicator } from "../support/indicator.js";

const ind = (over: Partial<Indicator> = {}) => makeIndicator(over);
/** "q value [period]" observations of one unit, e.g. "0 40" (a baseline), "2 3 period". */
const obs = (...rows: string[]): Observation[] =>
  rows.map((r) => {
    const [q, v, basis] = r.split(" ");
    return { unit: "a", q: Number(q), value: Number(v), basis: basis === "period" ? "period" : "ytd" };
  });

describe("a unit against its own target, by the city's rules", () => {
  const cases: {
    rule: string;
    ind: Indicator;
    target: number;
    obs: Observation[];
    q: number | null;
    want: Partial<ReturnType<typeof unitTargetLine>>;
  }[] = [
    {
      // flow, linear: expected 20 × 2/4 = 10; actual 12 ≥ 10 → on track; forecast 12 ÷ 0.5 = 24
      rule: "flow on track against its own target, not the city's",
      ind: ind({ target: 100 }),
      target: 20,
      obs: obs("1 5", "2 12"),
      q: 2,
      want: { actual: 12, expected: 10, status: "on_track", gap: 8, completion: 0.6, forecast: 24 },
    },
    {
      // flow: ytd 4 at Q1 plus the Q2 increment 3 = 7; expected 20 × 0.5 = 10; 7 < 10 → behind
      rule: "flow with a period increment, behind pace",
      ind: ind(),
      target: 20,
      obs: obs("1 4", "2 3 period"),
      q: 2,
      want: { actual: 7, expected: 10, status: "behind", gap: 13, completion: 0.35, forecast: 14 },
    },
    {
      // pace profile [0.1, 0.3, 0.6, 1]: expected at Q3 = 50 × 0.6 = 30; actual 31 → on track;
      // forecast 31 ÷ 0.6 = 51.666…
      rule: "pace profile",
      ind: ind({ pace: [0.1, 0.3, 0.6, 1] }),
      target: 50,
      obs: obs("3 31"),
      q: 3,
      want: { expected: 30, status: "on_track", forecast: 31 / 0.6 },
    },
    {
      // stock with the unit's own baseline 40: expected at Q2 = 40 + (60 − 40) × 0.5 = 50; 45 → behind;
      // forecast 40 + (45 − 40) ÷ 0.5 = 50
      rule: "stock from the unit's own baseline",
      ind: ind({ kind: "stock" }),
      target: 60,
      obs: obs("0 40", "2 45"),
      q: 2,
      want: { baseline: 40, actual: 45, expected: 50, status: "behind", forecast: 50 },
    },
    {
      // stock without a baseline before Q4: no pace → no_baseline; no forecast
      rule: "stock without a baseline",
      ind: ind({ kind: "stock" }),
      target: 60,
      obs: obs("2 45"),
      q: 2,
      want: { baseline: null, expected: null, status: "no_baseline", forecast: null },
    },
    {
      // rate: a level, judged like a stock: baseline 50, target 58, expected at Q2 = 50 + 8 × 0.5 = 54;
      // actual 55 ≥ 54 → on track; completion 55 ÷ 58
      rule: "rate as a level",
      ind: ind({ kind: "rate", unit: "%" }),
      target: 58,
      obs: obs("0 50", "2 55"),
      q: 2,
      want: { expected: 54, status: "on_track", completion: 55 / 58 },
    },
    {
      // annual cadence before Q4: pending, whatever the figure
      rule: "annual cadence is pending before Q4",
      ind: ind({ cadence: "annual" }),
      target: 10,
      obs: obs("2 3"),
      q: 2,
      want: { expected: null, status: "pending" },
    },
    {
      // milestone before Q4: pending; met once the unit's target is reached (1 ≥ 1)
      rule: "milestone pending, then met",
      ind: ind({ pace: "milestone" }),
      target: 1,
      obs: obs("3 1"),
      q: 3,
      want: { status: "met", final: true },
    },
    {
      // final: at Q4 with the unit's Q4 figure; 18 < 20 → behind, final
      rule: "final at Q4 with the unit's own Q4 figure",
      ind: ind(),
      target: 20,
      obs: obs("3 15", "4 18"),
      q: 4,
      want: { actual: 18, expected: 20, status: "behind", final: true },
    },
    {
      // provisional: at Q4 the unit's figure is carried from Q3 (no Q4 value) → not final
      rule: "provisional at Q4 without a Q4 figure",
      ind: ind(),
      target: 20,
      obs: obs("3 15"),
      q: 4,
      want: { actual: 15, final: false },
    },
    {
      rule: "no data",
      ind: ind(),
      target: 20,
      obs: [],
      q: 2,
      want: { actual: null, status: "no_data", reported: false, completion: null },
    },
    {
      // a stock's baseline alone is not a report for the quarter
      rule: "a baseline alone is not reported",
      ind: ind({ kind: "stock" }),
      target: 60,
      obs: obs("0 40"),
      q: 2,
      want: { actual: 40, reported: false },
    },
  ];
  for (const c of cases)
    it(c.rule, () => {
      const line = unitTargetLine(c.ind, c.target, c.obs, c.q);
      expect(line.target).toBe(c.target);
      for (const [k, v] of Object.entries(c.want)) {
        const got = line[k as keyof typeof line];
        if (typeof v === "number") expect(got, k).toBeCloseTo(v, 12);
        else expect(got, k).toEqual(v);
      }
    });
});

const plan = (indicators: Indicator[]): Plan => ({
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
const tg = (indicator: string, unit: string, target: number, weight: number | null = null): UnitTarget => ({
  indicator,
  unit,
  target,
  weight,
});

describe("分解不足: the units' targets against the city's", () => {
  const p = plan([
    ind({ code: "f", target: 100 }),
    ind({ code: "s", kind: "stock", target: 70 }),
    ind({ code: "r", kind: "rate", unit: "%", target: 58 }),
    ind({ code: "e", target: 10 }),
  ]);
  it("short, over, equal and rate", () => {
    const splits = targetSplits(p, [
      // f: 30 + 40 = 70 < 100 → short by 30; c has no target
      tg("f", "a", 30),
      tg("f", "b", 40),
      // s: 40 + 35.5 = 75.5 > 70 → over by 5.5 (层层加码)
      tg("s", "a", 40),
      tg("s", "b", 35.5),
      // r: levels, never added (58 + 60 would be 118)
      tg("r", "a", 58),
      tg("r", "b", 60),
      // e: 0.1 + 9.9 = 10 exactly (exact sum: no float noise) → nothing
      tg("e", "a", 0.1),
      tg("e", "b", 9.9),
    ]);
    expect(splits).toEqual([
      { indicator: "f", kind: "short", cityTarget: 100, sum: 70, difference: 30, unitsWithout: ["c"] },
      { indicator: "s", kind: "over", cityTarget: 70, sum: 75.5, difference: 5.5, unitsWithout: ["c"] },
    ]);
  });
});

describe("ranking", () => {
  it("competition ranking: ties share a rank, the next counts the ones before (1, 1, 3)", () => {
    expect(competitionRanks([0.5, 0.9, 0.9, 0.2])).toEqual([3, 1, 1, 4]);
    expect(competitionRanks([0, 0, 0])).toEqual([1, 1, 1]);
  });

  it("equal composites are equal, exactly, whatever the order of the additions (no float noise)", () => {
    // three units, two indicators of weight 1, targets 1:
    // a: 0.1 and 0.2 → (0.1 + 0.2) ÷ 2, in doubles 0.30000000000000004 ÷ 2 = 0.15000000000000002
    // b: 0.2 and 0.1 → the same sum the other way round
    // c: 0.3 and 0   → 0.3 ÷ 2 = 0.15
    // all three 0.15 by hand: one rank 1 shared, scores emitted as 0.15
    const two = plan([ind({ code: "x", target: 10 }), ind({ code: "y", target: 10 })]);
    const figures: Record<string, Observation[]> = {
      "x a": obs("2 0.1"),
      "y a": obs("2 0.2"),
      "x b": obs("2 0.2"),
      "y b": obs("2 0.1"),
      "x c": obs("2 0.3"),
      "y c": obs("2 0"),
    };
    const t = ["a", "b", "c"].flatMap((u) => [tg("x", u, 1), tg("y", u, 1)]);
    const r = buildRanking(two, t, (i, u) => figures[`${i} ${u}`] ?? [], 2);
    expect(r.composite.map((c) => [c.unit, c.rank, c.score])).toEqual([
      ["a", 1, 0.15],
      ["b", 1, 0.15],
      ["c", 1, 0.15],
    ]);
    // a completion that is a quotient of decimals: 0.3 of 0.1 is 3 (2.9999999999999996 in doubles)
    const q = buildRanking(plan([ind({ code: "x", target: 1 })]), [tg("x", "a", 0.1)], () => obs("2 0.3"), 2);
    expect(q.indicators[0]!.entries[0]!.completion).toBe(3);
  });

  it("ties are decided on the settled values: a difference beyond 12 digits is no difference", () => {
    // 0.15 and 0.15000000000000002 (noise in the 17th digit) share rank 1; 0.1499 ranks 3
    expect(competitionRanks([0.15, 0.15000000000000002, 0.1499])).toEqual([1, 1, 3]);
    // a real difference in the 12th digit still separates: 0.150000000001 > 0.15
    expect(competitionRanks([0.15, 0.150000000001])).toEqual([2, 1]);
  });

  const p = plan([ind({ code: "f", target: 100 }), ind({ code: "g", target: 10 })]);
  const data: Record<string, Observation[]> = {
    // f at Q2: a 12 of 10 = 120 % (uncapped), b 6 of 10 = 60 %, c 3 of 5 = 60 % (tie with b)
    "f a": obs("2 12"),
    "f b": obs("2 6"),
    "f c": obs("2 3"),
    // g at Q2: a 1 of 4 = 25 %, b 4 of 4 = 100 %, c nothing (未报送, scores 0)
    "g a": obs("2 1"),
    "g b": obs("2 4"),
  };
  const obsOf = (i: string, u: string) => data[`${i} ${u}`] ?? [];
  const targets = (wf: number | null, wg: number | null) => [
    tg("f", "a", 10, wf),
    tg("f", "b", 10, wf),
    tg("f", "c", 5, wf),
    tg("g", "a", 4, wg),
    tg("g", "b", 4, wg),
    tg("g", "c", 4, wg),
  ];

  it("per indicator by uncapped completion, ties sharing a rank, 未报送 scoring 0", () => {
    const r = buildRanking(p, targets(null, null), obsOf, 2);
    const f = r.indicators.find((x) => x.indicator === "f")!;
    expect(f.entries.map((e) => [e.unit, e.rank, e.completion])).toEqual([
      ["a", 1, 1.2],
      ["b", 2, 0.6],
      ["c", 2, 0.6],
    ]);
    const g = r.indicators.find((x) => x.indicator === "g")!;
    expect(g.entries.map((e) => [e.unit, e.rank, e.score, e.reported])).toEqual([
      ["b", 1, 1, true],
      ["a", 2, 0.25, true],
      ["c", 3, 0, false],
    ]);
  });

  it("composite without weights: the mean of the completions capped at 100 %", () => {
    const r = buildRanking(p, targets(null, null), obsOf, 2);
    // a: (min(1.2, 1) + 0.25) ÷ 2 = 0.625; b: (0.6 + 1) ÷ 2 = 0.8; c: (0.6 + 0) ÷ 2 = 0.3
    expect(r.composite.map((c) => [c.unit, c.rank, c.missing])).toEqual([
      ["b", 1, 0],
      ["a", 2, 0],
      ["c", 3, 1],
    ]);
    expect(r.composite.map((c) => c.score)).toEqual([0.8, 0.625, 0.3]);
  });

  it("composite with weights (考核权重): Σ w·min(c, 1) ÷ Σ w", () => {
    // f weight 3, g weight 1:
    // a: (3 × 1 + 1 × 0.25) ÷ 4 = 0.8125; b: (3 × 0.6 + 1 × 1) ÷ 4 = 0.7; c: (3 × 0.6 + 0) ÷ 4 = 0.45
    const r = buildRanking(p, targets(3, 1), obsOf, 2);
    expect(r.composite.map((c) => c.unit)).toEqual(["a", "b", "c"]);
    expect(r.composite[0]!.score).toBeCloseTo(0.8125, 12);
    expect(r.composite[1]!.score).toBeCloseTo(0.7, 12);
    expect(r.composite[2]!.score).toBeCloseTo(0.45, 12);
  });

  it("a composite tie shares a rank", () => {
    // only f: b and c both 60 % → ranks 1 (a, capped 100 %), 2, 2
    const r = buildRanking(
      p,
      targets(null, null).filter((t) => t.indicator === "f"),
      obsOf,
      2,
    );
    expect(r.composite.map((c) => [c.unit, c.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
    ]);
  });

  it("--indicator keeps the composite over every indicator", () => {
    const r = buildRanking(p, targets(null, null), obsOf, 2, "g");
    expect(r.indicators.map((x) => x.indicator)).toEqual(["g"]);
    expect(r.composite.map((c) => c.score)).toEqual([0.8, 0.625, 0.3]);
  });
});

describe("an indicator not yet due is left out of the composite, never 未报送", () => {
  // f quarterly (target 100), y annual (年度统计), m a milestone: due only at Q4
  const p = plan([
    ind({ code: "f", target: 100 }),
    ind({ code: "y", cadence: "annual", target: 10 }),
    ind({ code: "m", pace: "milestone", target: 1 }),
  ]);
  const data: Record<string, Observation[]> = {
    // f: a 8 of 10 at Q3 = 80 %, b 5 of 10 = 50 %; y: a sent nothing, b 9 of 10 = 90 % at Q3
    "f a": obs("3 8"),
    "f b": obs("3 5"),
    "y b": obs("3 9"),
  };
  const obsOf = (i: string, u: string) => data[`${i} ${u}`] ?? [];
  const targets = [
    tg("f", "a", 10, 1),
    tg("f", "b", 10, 1),
    tg("y", "a", 10, 1),
    tg("y", "b", 10, 1),
    tg("m", "a", 1, 1),
  ];

  it.each([
    // Q3: only f is due. a: 0.8 ÷ 1; b: 0.5 ÷ 1 (y's 90 % does not count before Q4)
    [
      3,
      [
        ["a", 1, 0.8, 1, 0, 2],
        ["b", 2, 0.5, 1, 0, 1],
      ],
    ],
    // Q4: f, y, m due. a: (0.8 + 0 + 0) ÷ 3 (y and m not reported: 0); b: (0.5 + 0.9) ÷ 2 = 0.7
    [
      4,
      [
        ["b", 1, 0.7, 2, 0, 0],
        ["a", 2, 0.8 / 3, 3, 2, 0],
      ],
    ],
  ] as const)("at Q%s", (q, expected) => {
    const r = buildRanking(p, targets, obsOf, q);
    const got = r.composite.map((c) => [c.unit, c.rank, c.score, c.indicators, c.missing, c.pending]);
    expect(got.length).toBe(expected.length);
    got.forEach((g, i) => {
      const e = expected[i]!;
      expect([g[0], g[1], g[3], g[4], g[5]]).toEqual([e[0], e[1], e[3], e[4], e[5]]);
      expect(g[2]).toBeCloseTo(e[2], 12);
    });
  });

  it("before Q4 its entries are pending with no rank and no score, not 未报送", () => {
    const y = buildRanking(p, targets, obsOf, 3).indicators.find((x) => x.indicator === "y")!;
    expect(y.due).toBe(false);
    expect(y.entries.map((e) => [e.unit, e.rank, e.score, e.status])).toEqual([
      ["a", null, null, "pending"],
      ["b", null, null, "pending"],
    ]);
  });

  it("a unit whose every targeted indicator is not due yet has no score and no rank", () => {
    const r = buildRanking(p, [tg("y", "a", 10, 1)], obsOf, 2);
    expect(r.composite).toEqual([
      { unit: "a", rank: null, score: null, indicators: 0, missing: 0, pending: 1 },
    ]);
  });
});
