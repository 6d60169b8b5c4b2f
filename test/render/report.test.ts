/**
 * What the report views say about the rules (README "How it computes"): the source of each city
 * figure, the footnotes for a missing baseline and for stock units left out of a chain, the
 * 核对 column of `--by unit` when 全市 and the units stand at different quarters, and the status
 * view's provisional results at year end.
 */
import { describe, expect, it } from "vitest";
import { buildBreakdown, buildStatusOverview } from "../../src/domain/breakdown.js";
import type { Indicator, Plan } from "../../src/domain/plan.js";
import { buildReport, buildYearStatus, indexObservations } from "../../src/domain/report.js";
import { breakdownDoc } from "../../src/render/breakdown.js";
import { docMarkdown } from "../../src/render/doc.js";
import { reportDoc } from "../../src/render/report.js";
import { statusDoc } from "../../src/render/status.js";
import { squeezeTables } from "../helpers.js";
import { makeIndicator } from "../support/indicator.js";

const indicator = (code: string, name: string, over: Partial<Indicator> = {}): Indicator =>
  makeIndicator({ code, name, ...over });

const plan: Plan = {
  plan: { year: 2020, title: "T", titleEn: "T", issuer: "I", issuerEn: "I", issuedOn: "2020-03-27" },
  sections: [],
  tasks: [],
  units: [
    { code: "city", name: "全市", nameEn: "City", aliases: [], adminCode: null, isTotal: true },
    { code: "a", name: "通川区", nameEn: "Tongchuan", aliases: [], adminCode: null, isTotal: false },
    { code: "b", name: "开江县", nameEn: "Kaijiang", aliases: [], adminCode: null, isTotal: false },
  ],
  indicators: [
    indicator("f", "合同额"),
    indicator("s", "企业数", { kind: "stock", unit: "家", target: 70 }),
    indicator("n", "新企业", { kind: "stock", unit: "家", target: 70 }),
  ],
};

const rows = [
  // f: 全市 Q1 40; a Q2 30 → chained 40 + 30 = 70 (a stood at 0 at Q1)
  { indicator: "f", unit: "city", q: 1, value: 40, basis: "ytd" as const },
  { indicator: "f", unit: "a", q: 2, value: 30, basis: "ytd" as const },
  // s: 全市 Q1 50, b's first figure is Q2 (a stock unit with nothing at or before Q1): left out
  { indicator: "s", unit: "city", q: 1, value: 50, basis: "ytd" as const },
  { indicator: "s", unit: "b", q: 2, value: 4, basis: "ytd" as const },
  // n: no baseline anywhere, 20 at Q2 → 缺基数
  { indicator: "n", unit: "a", q: 2, value: 20, basis: "ytd" as const },
];
const index = indexObservations(rows);
const report = buildReport(plan, index, 2);

describe("report view", () => {
  const md = squeezeTables(docMarkdown(reportDoc(report, "zh", new Map())));
  it("names the source of each city figure", () => {
    expect(md).toContain(
      "| 合同额 | 项 | 100 | 70 | 30 | 70.0% | 50 | 正常 | 140 | 全市 2020Q1 + 单位增量 |",
    );
    // s: only b is newer than Q1 and it is unchained: 全市's own 50
    expect(md).toContain("| 企业数 | 家 | 70 | 50 | 20 | 71.4% | — | 缺基数 | — | 全市 2020Q1 |");
    expect(md).toContain("| 新企业 | 家 | 70 | 20 | 50 | 28.6% | — | 缺基数 | — | 各单位合计 |");
  });
  it("says which indicators lack a baseline and how to give them one, and which units a chain left out", () => {
    expect(md).toContain(
      // names are listed with ； (a name may itself contain 、)
      "缺基数：企业数；新企业 没有 2019Q4 基数（2020 年和上一年度的工作要点下都没有），不设序时进度；用 dzkj import 文件 --year 2020 导入 2019Q4 基数后即可计算。",
    );
    expect(md).toContain("企业数：开江县 在 2020Q1 及以前没有数（含基数），其新报数未计入全市增量。");
  });
});

describe("report --by unit view", () => {
  it("says 全市数较旧 rather than 一致 when 全市 is from an older quarter than the units", () => {
    const md = squeezeTables(docMarkdown(breakdownDoc(buildBreakdown(plan, index, report), "zh", new Map())));
    // f: 全市 Q1 40 against a's Q2 30: not compared
    expect(md).toContain("| 合同额 | 项 | 30 | — | 30 | 40 | 全市数较旧（2020Q1） |");
    // f and s (全市 Q1 50 against b's Q2 4) are not compared; n has no 全市 figure
    expect(md).toContain("**可核对的指标全市数与各单位合计一致；2 项两者不在同一季度，未核对**");
  });
});

describe("status view at year end", () => {
  it("shows provisional results apart from final ones", () => {
    // f at Q4: a sends Q4 (90), 全市 stays at Q1: a is the only unit that reported: final, 40 + 90 = 130 met
    // s: b reported in Q2 but not Q4 → provisional (50, below 70)
    const q4 = indexObservations([...rows, { indicator: "f", unit: "a", q: 4, value: 90, basis: "ytd" }]);
    const st = buildYearStatus(buildReport(plan, q4, 4));
    const md = squeezeTables(docMarkdown(statusDoc(buildStatusOverview(plan, st, []), "zh")));
    expect(md).toContain(
      "截至 2020Q4：已定完成 1，已定未完成 0；暂定 2 项（仍有单位未报第四季度数）；无数据 0",
    );
    expect(md).toContain("| 企业数 | 家 | 70 | 50 | 20 | 71.4% | 70 | 50 | 暂定未完成 |");
    expect(md).toContain("暂定结果（尚缺第四季度数，不计入完成或未完成）：企业数；新企业");
  });
});
