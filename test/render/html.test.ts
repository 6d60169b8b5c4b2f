/** The HTML page: a legend naming the colours the bars are drawn in; headers and dates unbroken. */
import { describe, expect, it } from "vitest";
import { barFill, chartSvg, type Doc, docHtml } from "../../src/render/doc.js";

const chart: NonNullable<Doc["chart"]> = {
  title: "完成率",
  legendActual: "完成率",
  legendPace: "序时进度",
  items: [
    { label: "甲", completion: 0.9, pace: 0.75, valueText: "90.0%", tone: "good", legend: "正常" },
    { label: "乙", completion: 1, pace: 0.75, valueText: "100.0%", tone: "strong", legend: "已完成" },
    { label: "丙", completion: 0.5, pace: 0.75, valueText: "50.0%", tone: "bad", legend: "滞后" },
    { label: "丁", completion: null, pace: 0.75, valueText: "无数据", tone: "dim", legend: "无数据" },
  ],
};

const fills = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<rect class="${cls}"[^>]* fill="(#[0-9a-f]+)"`, "g"))].map((m) => m[1]);

describe("chart legend", () => {
  it("has one swatch per colour drawn, in the colour of the bars, named by what they stand for", () => {
    const svg = chartSvg(chart);
    const bars = new Set(fills(svg, "bar").filter((_, i) => chart.items[i]?.completion));
    const swatches = fills(svg, "legend-swatch");
    // green (正常 and 已完成 share it) and red; no blue swatch: 丁 has no bar
    expect(new Set(swatches)).toEqual(bars);
    expect(swatches).toEqual([barFill("good"), barFill("bad")]);
    expect(svg).toContain(">正常、已完成</text>");
    expect(svg).toContain(">滞后</text>");
    expect(svg).not.toContain(">无数据</text><");
    expect(svg).toContain(">序时进度</text>");
  });
});

describe("tables", () => {
  const doc: Doc = {
    lang: "zh",
    title: "标题",
    meta: [],
    sectionLabel: "部分",
    blocks: [
      {
        columns: Array.from({ length: 10 }, (_, i) => ({ label: `计量单位${i}` })),
        rows: [Array.from({ length: 10 }, (_, i) => ({ text: i === 0 ? "2020-12-31" : "x" }))],
      },
    ],
  };

  it("never breaks a header inside a word or a date at its hyphens; a wide table gets a smaller type", () => {
    const html = docHtml(doc);
    expect(html).toMatch(/th \{ white-space: nowrap; word-break: keep-all; \}/);
    expect(html).toMatch(/td\.num, td\.nw, th\.num \{ white-space: nowrap; \}/);
    expect(html).toContain('<td class="nw">2020-12-31</td>');
    expect(html).toContain('<table class="wide">');
  });
});
