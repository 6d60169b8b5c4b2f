/**
 * The table and cells stages on their own (src/intake/table.ts, cells.ts, text.ts): title fields,
 * header recognition, second header rows, the kind of each body row, cell cleaning, the measure
 * that applies to a value, office names of units and the blank-line collapser. Table-driven, no
 * database, no file.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutOfficeAffixes } from "../../src/app/catalog.js";
import type { Indicator } from "../../src/domain/plan.js";
import { longCellReader, readValue } from "../../src/intake/cells.js";
import { BlankLineCollapser, hasInvisibleUtf8 } from "../../src/intake/csv-reader.js";
import { classifySubColumn } from "../../src/intake/headers.js";
import { isMeasureUnit } from "../../src/intake/number.js";
import {
  applySubHeader,
  classifyRow,
  columnLetter,
  emptyTitle,
  isSubHeader,
  readTitleRow,
  recognizeHeader,
  type TitleBlock,
  unplacedCell,
} from "../../src/intake/table.js";
import { cleanCell, normalizeKey } from "../../src/intake/text.js";

const INDICATORS = new Set([
  "关键技术攻关项目",
  "技术合同登记额",
  "高新技术企业",
  "科技进步贡献率",
  "key_tech_projects",
]);
const isIndicator = (t: string) => INDICATORS.has(t.replace(/[（(].*[)）]$/, "").trim());
const header = (cells: string[]) => recognizeHeader(1, cells, isIndicator);

describe("readTitleRow: 单位：X is a measure or a reporting unit by what X is", () => {
  it.each([
    [["填报单位：渠县"], { unit: "渠县" }],
    [["填报单位（盖章）：渠县"], { unit: "渠县" }],
    [["填报单位(盖章):宣汉县科技局"], { unit: "宣汉县科技局" }],
    [["报送单位：渠县"], { unit: "渠县" }],
    [["单位：渠县"], { unit: "渠县" }],
    [["单位：万元"], { measure: "万元" }],
    [["单位：（万元）"], { measure: "万元" }],
    [["单位：亿元"], { measure: "亿元" }],
    [["单位：项"], { measure: "项" }],
    [["单位：％"], { measure: "%" }],
    [["金额单位：万元"], { measure: "万元", moneyOnly: true }],
    [["计量单位：亿元"], { measure: "亿元" }],
    [["报告期：2020年三季度"], { period: "2020年三季度" }],
    [["统计期：2020年1-9月"], { period: "2020年1-9月" }],
    [["填报单位：渠县　　单位：万元"], { unit: "渠县", measure: "万元" }],
    [["填报单位：渠县 报告期：2020Q3 单位：万元"], { unit: "渠县", period: "2020Q3", measure: "万元" }],
    [["填报单位：渠县", "", "单位：万元"], { unit: "渠县", measure: "万元" }],
    [["达州市2020年三季度科技创新指标完成情况表"], {}],
    [["单位负责人：王某"], {}],
    // a label cell and its value in the next non-blank cell: a pair
    [["填报单位：达川区", "", "单位：", "亿元"], { unit: "达川区", measure: "亿元" }],
    [["填报单位：", "达川区", "", "单位：", "万元"], { unit: "达川区", measure: "万元" }],
    [["报告期：", "2020年9月30日"], { period: "2020年9月30日" }],
    [["计量单位:", "", "万元"], { measure: "万元" }],
    [["填报单位（盖章）：", "渠县"], { unit: "渠县" }],
    // a label followed by another field's label: no value is borrowed
    [["填报单位：", "单位：万元"], { measure: "万元" }],
  ] as const)("%j → %j", (cells, expected) => {
    const t: TitleBlock = emptyTitle();
    readTitleRow(3, cells, t);
    const got: Record<string, unknown> = {};
    if (t.unit) got.unit = t.unit.text;
    if (t.period) got.period = t.period.text;
    if (t.measure) {
      got.measure = t.measure.text;
      if (t.measure.moneyOnly) got.moneyOnly = true;
    }
    expect(got).toEqual(expected);
    for (const f of [t.unit, t.period, t.measure]) if (f) expect(f.line).toBe(3);
  });

  it("the first field of a kind wins", () => {
    const t: TitleBlock = emptyTitle();
    readTitleRow(1, ["填报单位：渠县"], t);
    readTitleRow(2, ["填报单位：通川区"], t);
    expect(t.unit).toEqual({ text: "渠县", line: 1 });
  });
});

describe("recognizeHeader", () => {
  it.each([
    [["报告期", "填报单位", "指标", "数值"], "long"],
    [["指标名称", "计量单位", "1-9月累计", "同比增长（%）"], "long"],
    [["指标名称", "单位", "年度目标", "累计完成"], "long"],
    [["报告期", "区县", "关键技术攻关项目（项）", "高新技术企业（家）"], "wide"],
    [["单位", "key_tech_projects"], "wide"],
  ] as const)("%j is a %s header", (cells, layout) => expect(header([...cells])?.layout).toBe(layout));

  it.each([
    [["技术合同登记额", "万元", "820", "12.5"], "a data row naming an indicator, with numbers"],
    [["关键技术攻关项目", "5"], "a wide-looking row with a number"],
    [["达州市2020年三季度科技创新指标完成情况表", "", ""], "a title"],
    [["填报单位：渠县"], "a title field"],
    [["指标名称", "计量单位", "数额"], "no value column"],
    [["名称", "数值"], "no indicator column"],
  ] as const)("%j is not a header (%s)", (cells, _why) => expect(header([...cells])).toBeNull());

  it("roles, ignored columns and the span a value header names", () => {
    const h = header(["序号", "指标名称", "计量单位", "年度目标", "1-9月累计", "完成率", "备注"])!;
    expect(h.roles).toEqual({ indicator: 1, measure: 2, value: 4, note: 6 });
    expect(h.valuePeriod).toBe("1-9月");
    expect(h.ignored.map((g) => [g.header, g.why])).toEqual([
      ["序号", "sequence"],
      ["年度目标", "target"],
      ["完成率", "derived"],
    ]);
    expect(h.width).toBe(7);
  });

  it("本期完成 is a value of the quarter alone", () => {
    const h = header(["指标", "本期完成"])!;
    expect(h.roles.value).toBe(1);
    expect(h.valueBasis).toBe("period");
  });

  it("a plain 单位 column may hold measures; 填报单位 may not", () => {
    expect(header(["指标", "单位", "数值"])!.unitMayBeMeasure).toBe(true);
    expect(header(["指标", "填报单位", "数值"])!.unitMayBeMeasure).toBe(false);
  });

  it("an indicator header with （目标） is a target column, never a value column", () => {
    const h = header(["单位", "技术合同登记额（目标）", "技术合同登记额"])!;
    expect(h.indicatorColumns.map((c) => c.index)).toEqual([2]);
    expect(h.ignored.map((g) => g.why)).toEqual(["target"]);
  });
});

describe("second header rows (merged cells)", () => {
  const wide = () => header(["单位", "关键技术攻关项目", "", "技术合同登记额", ""])!;

  it.each([
    [
      ["", "累计", "本期", "累计", "本期"],
      [1, 3],
      ["ytd", "ytd"],
    ],
    // a plain 完成 states no basis (the 口径 column or the default says)
    [
      ["", "目标", "完成", "目标", "完成"],
      [2, 4],
      [null, null],
    ],
    [
      ["", "本期", "完成率", "累计", "同比"],
      [1, 3],
      ["period", "ytd"],
    ],
  ] as const)("%j: value columns %j", (sub, indexes, bases) => {
    const h = wide();
    expect(isSubHeader(h, [...sub])).toBe(true);
    expect(applySubHeader(h, 2, [...sub])).toEqual([]);
    expect(h.indicatorColumns.map((c) => c.index)).toEqual(indexes);
    expect(h.indicatorColumns.map((c) => c.basis)).toEqual(bases);
    expect(h.lines).toEqual([1, 2]);
    expect(h.unheaded).toEqual([]);
  });

  it.each([
    [["", "累计", "累计", "完成", "目标"], "关键技术攻关项目"],
    [["", "目标", "完成率", "完成", ""], "关键技术攻关项目"],
    [["", "", "", "完成", "目标"], "关键技术攻关项目"],
  ] as const)("%j is ambiguous under %s: a problem naming the columns", (sub, named) => {
    const h = wide();
    const problems = applySubHeader(h, 2, [...sub]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.params.header).toBe(named);
    expect(String(problems[0]!.params.columns)).toContain(`${named}/`);
  });

  it("a row of units of measure sets each column's measure", () => {
    const h = header(["单位", "关键技术攻关项目", "技术合同登记额"])!;
    expect(isSubHeader(h, ["", "项", "亿元"])).toBe(true);
    applySubHeader(h, 2, ["", "项", "亿元"]);
    expect(h.indicatorColumns.map((c) => c.unit)).toEqual(["项", "亿元"]);
  });

  it.each([
    [["通川区", "5", "2", "820", "300"], "numbers"],
    [["通川区", "", "", "", ""], "a unit name"],
    [["", "", "", "", ""], "nothing"],
    [["累计", "", "", "", ""], "a word under the unit column"],
  ] as const)("%j is not a second header row (%s)", (cells, _why) =>
    expect(isSubHeader(wide(), [...cells])).toBe(false),
  );
});

describe("classifyRow: data, total and footer rows", () => {
  const long = header(["序号", "报告期", "单位", "指标", "数值"])!;
  it.each([
    [["1", "2020Q3", "通川区", "关键技术攻关项目", "5"], "data"],
    [["", "2020Q3", "合计", "关键技术攻关项目", "9"], "total"],
    [["", "2020Q3", "合　计", "关键技术攻关项目", "9"], "total"],
    [["", "2020Q3", "总 计", "关键技术攻关项目", "9"], "total"],
    [["", "2020Q3", "小计", "关键技术攻关项目", "9"], "total"],
    [["", "2020Q3", "全市合计", "关键技术攻关项目", "9"], "total"],
    [["合计", "2020Q3", "", "关键技术攻关项目", "9"], "total"],
    [["", "合计", "", "关键技术攻关项目", "9"], "total"],
    [["单位负责人：王某", "统计负责人：李某", "", "", ""], "footer"],
    [["", "", "填表人：赵某", "", ""], "footer"],
    [["联系电话：0818-0000000", "", "", "", ""], "footer"],
    [["说明：本表数据截至9月底", "", "", "", ""], "footer"],
    [["注：含市本级", "", "", "", ""], "footer"],
    [["注1：含市本级", "", "", "", ""], "footer"],
    [["报出日期：2020年10月9日", "", "", "", ""], "footer"],
    [["", "2020Q3", "合川区", "关键技术攻关项目", "9"], "data"],
    [["", "2020Q3", "全市", "关键技术攻关项目", "9"], "data"],
    [["说明", "2020Q3", "通川区", "关键技术攻关项目", "5"], "data"],
  ] as const)("%j is %s", (cells, kind) => expect(classifyRow(long, [...cells])).toBe(kind));
});

describe("unplacedCell: a value the header cannot place", () => {
  const h = header(["period", "unit", "indicator", "value"])!;
  it.each([
    [["2020Q3", "tongchuan", "x", "5", "600"], { index: 4, value: "600" }],
    [["2020Q3", "tongchuan", "x", "5", "", "600"], { index: 5, value: "600" }],
    [["2020Q3", "tongchuan", "x", "5", "", ""], null],
    [["2020Q3", "tongchuan", "x", "5"], null],
  ] as const)("%j → %j", (cells, expected) => expect(unplacedCell(h, [...cells])).toEqual(expected));

  it("a cell under an empty header cell inside the header", () => {
    const g = header(["单位", "关键技术攻关项目", "", "技术合同登记额"])!;
    expect(unplacedCell(g, ["通川区", "5", "2", "820"])).toEqual({ index: 2, value: "2" });
  });

  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %d is %s", (i, letters) => expect(columnLetter(i)).toBe(letters));
});

describe("cleanCell", () => {
  it.each([
    ["820", "820"],
    ["820\u200B", "820"],
    ["8\u200C20", "820"],
    ["\uFEFF报告期", "报告期"],
    ["\u2060x", "x"],
    ["\u00A0 通川区 \u3000", "通川区"],
    ['="2020-09"', "2020-09"],
    ['="3"', "3"],
    ['=" 3 "', "3"],
    ['=""', ""],
    ["\u200B", ""],
    ["合　计", "合　计"],
    ["=SUM(A1)", "=SUM(A1)"],
  ])("%j → %j", (raw, clean) => expect(cleanCell(raw)).toBe(clean));
});

describe("classifySubColumn", () => {
  it.each([
    ["累计", "ytd"],
    ["本年累计", "ytd"],
    ["完成", "ytd"],
    ["实际完成", "ytd"],
    ["1-9月", "ytd"],
    ["1—9月累计", "ytd"],
    ["前三季度", "ytd"],
    ["截至9月底", "ytd"],
    ["本期", "period"],
    ["当季", "period"],
    ["本季度完成", "period"],
    ["目标", "target"],
    ["年度目标", "target"],
    ["计划", "target"],
    ["任务数", "target"],
    ["完成率", "derived"],
    ["同比", "derived"],
    ["同比增长（%）", "derived"],
    ["增幅", "derived"],
    ["占比", "derived"],
  ])("%s is %s", (text, kind) => expect(classifySubColumn(text)?.kind).toBe(kind));

  it.each(["", "备注", "万元", "通川区", "高新技术企业"])("%j is nothing known", (text) =>
    expect(classifySubColumn(text)).toBeNull(),
  );
});

describe("isMeasureUnit and office names", () => {
  it.each(["万元", "亿元", "元", "项", "家", "个", "%", "％", "人次", "（万元）"])("%s is a measure", (t) =>
    expect(isMeasureUnit(t)).toBe(true),
  );
  it.each(["渠县", "通川区", "全市", "", "万元x"])("%j is not a measure", (t) =>
    expect(isMeasureUnit(t)).toBe(false),
  );

  it.each([
    ["宣汉县科技局", "宣汉县"],
    ["宣汉县科学技术局", "宣汉县"],
    ["达州高新区管委会", "达州高新区"],
    ["达州市通川区人民政府", "通川区"],
    ["渠县(盖章)", "渠县"],
    ["达州市", "达州市"],
    ["达州市科技局", "达州市"],
    ["科技局", "科技局"],
  ])("%s → %s", (name, bare) => expect(withoutOfficeAffixes(normalizeKey(name))).toBe(normalizeKey(bare)));
});

describe("readValue: the measure that applies, by precedence", () => {
  const ind = (unit: string, kind: Indicator["kind"] = "flow"): Indicator =>
    ({ code: "x", name: "某指标", unit, kind, target: 100 }) as Indicator;
  const long = (cells: string[], title: TitleBlock = emptyTitle()) => {
    const h = header(["指标", "计量单位", "完成值"])!;
    return { cell: { ...longCellReader(h, { period: "2020Q3", unit: "渠县" })(2, cells) }, title };
  };
  it.each([
    [["x", "", "265000"], "亿元", { measure: { text: "万元", line: 1, moneyOnly: false } }, 26.5],
    [["x", "", "265000"], "亿元", { measure: { text: "万元", line: 1, moneyOnly: true } }, 26.5],
    [["x", "", "3"], "项", { measure: { text: "万元", line: 1, moneyOnly: true } }, 3],
    [["x", "万元", "265000"], "亿元", { measure: { text: "亿元", line: 1, moneyOnly: false } }, 26.5],
    [["x", "亿元", "0.56"], "万元", {}, 5600],
    [["x", "", "0.56亿元"], "万元", {}, 5600],
    [["x", "元", "12345678"], "万元", {}, 1234.5678],
    [["x", "", "58"], "%", { measure: { text: "%", line: 1, moneyOnly: false } }, 58],
  ] as const)("%j for a %s indicator with title %j → %d", (cells, unit, title, value) => {
    const { cell } = long([...cells], title as TitleBlock);
    expect(readValue(cell, ind(unit), title as TitleBlock)).toBe(value);
  });

  it.each([
    [["x", "亿元", "3"], "项", {}],
    [["x", "", "3"], "家", { measure: { text: "万元", line: 1, moneyOnly: false } }],
    [["x", "%", "3"], "项", {}],
  ] as const)("%j for a %s indicator is refused, naming both units", (cells, unit, title) => {
    const { cell } = long([...cells]);
    const r = readValue(cell, ind(unit), title as TitleBlock);
    // the row's own measure, or the title block's (named as such)
    const key = "measure" in title ? "intake.number.measureMismatchTitle" : "intake.number.measureMismatch";
    expect(r).toMatchObject({ key, params: { expected: unit } });
  });
});

describe("BlankLineCollapser", () => {
  // the marker's control characters, built from their codes (a regex literal may not hold them)
  const BLANK = new RegExp(`^${String.fromCharCode(1, 2)}blank:(\\d+)$`);
  /** The line count a reader computes: a marker line counts its number, any other line 1. */
  const countLines = (text: string, nl: string) => {
    const lines = text.split(nl);
    if (lines[lines.length - 1] === "") lines.pop();
    return lines.reduce(
      (n, l) => n + (BLANK.test(l.replace(/\r$/, "")) ? Number(BLANK.exec(l.replace(/\r$/, ""))![1]) : 1),
      0,
    );
  };

  it("replaces each run by one marker and leaves other lines alone", () => {
    const c = new BlankLineCollapser("\n");
    expect(c.collapse("a\n\n\nb\nc\n\n")).toBe("a\n\u0001\u0002blank:2\nb\nc\n\u0001\u0002blank:1\n");
  });

  it("CRLF blank lines are blank lines", () => {
    const c = new BlankLineCollapser("\n");
    expect(c.collapse("a\r\n\r\n\r\nb\r\n")).toBe("a\r\n\u0001\u0002blank:2\nb\r\n");
  });

  it("a chunk without blank lines is returned as it is (the same object)", () => {
    const c = new BlankLineCollapser("\n");
    const chunk = Buffer.from("a,b\nc,d\n");
    expect(c.collapse(chunk)).toBe(chunk);
  });

  it.each(["\n", "\r\n", "\r"])("any split into chunks keeps every line counted (%j)", (nl) => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(""), fc.constantFrom("a,1", "b,2", "中文,3")), { maxLength: 40 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        fc.boolean(),
        (lines, cuts, asBytes) => {
          const text = lines.map((l) => l + nl).join("");
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const c = new BlankLineCollapser(nl === "\r" ? "\r" : "\n");
          let out = "";
          let from = 0;
          for (const p of [...points, text.length]) {
            const piece = text.slice(from, p);
            from = p;
            out += asBytes ? c.collapse(Buffer.from(piece)).toString() : c.collapse(piece);
          }
          expect(countLines(out, nl === "\r" ? "\r" : "\n")).toBe(lines.length);
          // the lines with content come through unchanged and in order
          const kept = out
            .split(nl === "\r" ? "\r" : "\n")
            .map((l) => l.replace(/\r$/, ""))
            .filter((l) => l !== "" && !BLANK.test(l));
          expect(kept).toEqual(lines.filter((l) => l !== ""));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe("cleanCell without zero-width characters in the file", () => {
  it("property: looking at the ends only gives the same cell as the full cleaning", () => {
    const pieces = fc.constantFrom("a", "中", "1", " ", "\u00A0", "\u3000", "=", '"', "\t", "\u2003", "x");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const s = parts.join("");
        expect(cleanCell(s, false)).toBe(cleanCell(s, true));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it.each([
    ["820\u200B", true],
    ["\uFEFF报告期", true],
    ["x\u2060y", true],
    ["8\u200C2", true],
    ["通川区,820", false],
    ["—“”…", false],
  ])("hasInvisibleUtf8(%j) is %s", (text, expected) =>
    expect(hasInvisibleUtf8(Buffer.from(text))).toBe(expected),
  );
});
