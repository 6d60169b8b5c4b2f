import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/render/csv.js";
import { type Doc, docCsv, docMarkdown, docTable } from "../../src/render/doc.js";
import { renderTable, textWidth } from "../../src/render/table.js";

const widths = (s: string) => s.split("\n").map((l) => stringWidth(l));

describe("renderTable", () => {
  it("keeps every line the same display width with wide Chinese text and section bands", () => {
    const out = renderTable(
      ["指标", "目标"],
      [
        { section: "二、加强关键核心技术攻关,为“6+3”重点产业发展提供科技支撑" },
        ["关键技术攻关项目", "30"],
        ["Key projects", "5,600"],
        { section: "五、民生" },
        ["在线技术咨询服务", "10,000"],
      ],
      new Set([1]),
      { style: "box" },
    );
    const w = widths(out);
    expect(new Set(w).size).toBe(1);
    // the band is a full-width row between two rules, never the broken ┴┴┴┴ / ┬┬┬┬ lines
    expect(out).not.toMatch(/┴┴|┬┬/);
    const lines = out.split("\n");
    expect(lines[2]).toMatch(/^├─+┴─+┤$/);
    expect(lines[3]).toMatch(/^│ 二、加强关键核心技术攻关.* │$/);
    expect(lines[4]).toMatch(/^├─+┬─+┤$/);
    // right-aligned numbers end at the same column
    expect(lines.filter((l) => l.includes("10,000"))[0]).toMatch(/ 10,000 │$/);
    expect(lines.at(-1)).toMatch(/^└─+┴─+┘$/);
  });

  it("closes a table that ends with a section band with a straight bottom rule", () => {
    const out = renderTable(["a", "b"], [["1", "2"], { section: "空" }], new Set(), { style: "box" });
    expect(out.split("\n").at(-1)).toMatch(/^└─+┘$/);
  });

  it("measures colour codes as zero width", () => {
    const out = renderTable(["状态"], [["\u001b[31m滞后\u001b[39m"], ["正常"]]);
    const lines = out.split("\n");
    expect(stringWidth(lines[2] ?? "")).toBe(stringWidth(lines[3] ?? ""));
  });
});

describe("CSV cells", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+86 818", "'+86 818"],
    ["-x", "'-x"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ['say "hi", ok', '"say ""hi"", ok"'],
    ["渠县", "渠县"],
    // Excel reads these as dates (6 Feb, 5 Mar, 1 Feb 2020): kept as text
    ["2/6", "'2/6"],
    ["3-5", "'3-5"],
    ["1/2/20", "'1/2/20"],
    // an ISO date is a date, a period is not one, and neither is a ratio with spaces
    ["2020-12-31", "2020-12-31"],
    ["2020Q3", "2020Q3"],
    ["2 / 6", "2 / 6"],
  ])("text %j is written as %j (formula and date text defused, RFC 4180 quoting)", (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it("keeps numbers as numbers, negative ones too, and null as an empty cell", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(307.15)).toBe("307.15");
    expect(csvCell(null)).toBe("");
    expect(toCsv([["a", 1]])).toBe("a,1\r\n");
  });
});

const doc: Doc = {
  lang: "zh",
  title: "标题",
  meta: ["截至 2020Q3"],
  verdict: { text: "结论", tone: "bad" },
  blocks: [
    {
      title: "表",
      columns: [{ label: "指标" }, { label: "完成率", right: true, csv: "完成率 (%)" }],
      rows: [{ section: "一、部分" }, [{ text: "甲" }, { text: "90.0%", value: 90, bar: 0.9 }]],
      notes: [{ text: "注意", tone: "bad" }],
    },
  ],
  sectionLabel: "部分",
};

describe("Doc renderers", () => {
  it("table: colour only when asked; a bar before the completion", () => {
    expect(docTable(doc, false)).not.toContain("\u001b[");
    expect(docTable(doc, true)).toContain("\u001b[31m结论");
    expect(docTable(doc, false, { style: "box" })).toContain("███████▎  90.0%");
    // the plain style draws the bar in ASCII: 0.9 × 8 cells = 7.2 → 7 filled, 1 empty
    expect(docTable(doc, false)).toContain("#######.  90.0%");
  });

  it("markdown: title, meta, bold verdict, padded pipe table with the section as a bold row", () => {
    expect(docMarkdown(doc)).toBe(
      // padded to display widths: column 1 is 4 wide (指标: 2 × 2; the section heading runs past
      // it), column 2 is 6 (完成率: 3 × 2), right-aligned
      `# 标题\n\n截至 2020Q3  \n\n**结论**\n\n## 表\n\n| 指标 | 完成率 |\n| ---- | -----: |\n| **一、部分** |\n| 甲   |  90.0% |\n\n- 注意\n`,
    );
  });

  it("csv: a section column, the csv header and the number value", () => {
    expect(docCsv(doc)).toBe("部分,指标,完成率 (%)\r\n一、部分,甲,90\r\n");
  });

  it("csv: the code before a name, its marker after it, and a split column as two numbers", () => {
    const named: Doc = {
      ...doc,
      blocks: [
        {
          columns: [
            { label: "指标", code: "代码", marker: "力争目标" },
            { label: "完成", right: true, csvSplit: ["完成", "指标数"] },
          ],
          rows: [
            [
              { text: "高新技术企业 *", value: "高新技术企业", code: "hitech_enterprises", marker: "*" },
              { text: "2/6", values: [2, 6] },
            ],
            [
              { text: "工业新产品", value: "工业新产品", code: "new_industrial_products", marker: "" },
              { text: "—" },
            ],
          ],
        },
      ],
    };
    expect(docCsv(named)).toBe(
      "代码,指标,力争目标,完成,指标数\r\nhitech_enterprises,高新技术企业,*,2,6\r\nnew_industrial_products,工业新产品,,,\r\n",
    );
  });
});

describe("textWidth", () => {
  // The fast path must agree with string-width (which cli-table3 and terminals' width tables follow)
  // on every character it decides alone, and hand anything else to string-width.
  const alphabet = [
    ..."Aa0 ,.%()-+*#|/",
    ..."关键技术攻关项目达州市（）：；、，。“”‘’《》〔〕【】…—·",
    ..."０１２％ＡＢ",
    ..."┌─┬┐│├┼┤└┴┘█▏▌▉",
    ..."é€✓😀\u0301\u200b",
    "\u001b[31m",
    "\u001b[39m",
  ];
  it("agrees with string-width on any mix of table text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
        const s = parts.join("");
        expect(textWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("counts a CJK character as 2 and a colour code as 0", () => {
    expect(textWidth("达州市")).toBe(6);
    expect(textWidth("\u001b[31m滞后\u001b[39m")).toBe(4);
    expect(textWidth("5,600")).toBe(5);
  });
});
