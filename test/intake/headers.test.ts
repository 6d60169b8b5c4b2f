import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ColumnRole,
  classifySubColumn,
  matchColumn,
  splitHeaderUnit,
} from "../../src/intake/headers.js";
import { normalizeKey, toHalfWidth } from "../../src/intake/text.js";

describe("toHalfWidth / normalizeKey", () => {
  it.each([
    ["１２３ＡＢＣａｂｃ", "123ABCabc"],
    ["（万元）", "(万元)"],
    ["５８％", "58%"],
    ["\u3000x\u3000", " x "],
    ["！～", "!~"],
    // outside U+FF01–FF5E / U+3000 nothing changes (NFKC would rewrite these)
    ["①㎡ⅷ、。“”—", "①㎡ⅷ、。“”—"],
    ["高新技术企业", "高新技术企业"],
  ])("toHalfWidth(%j) = %j", (input, expected) => expect(toHalfWidth(input)).toBe(expected));

  it.each([
    [" Period ", "period"],
    ["报 告 期", "报告期"],
    ["ＵＮＩＴ\u3000", "unit"],
    ["\uFEFF报告期", "报告期"],
    ["报\u200B告期", "报告期"],
    ["县（市、区）", "县(市、区)"],
  ])("normalizeKey(%j) = %j", (input, expected) => expect(normalizeKey(input)).toBe(expected));
});

describe("matchColumn", () => {
  const table: [ColumnRole, string[]][] = [
    ["period", ["period", "报告期", "期间", "季度", "时间"]],
    ["unit", ["unit", "单位", "填报单位", "地区", "区县", "县(市、区)", "县（市、区）"]],
    ["indicator", ["indicator", "指标", "指标名称", "指标代码", "项目"]],
    [
      "value",
      ["value", "数值", "完成值", "完成数", "累计完成", "本年累计", "累计", "完成", "实际完成", "完成情况"],
    ],
    ["basis", ["basis", "口径"]],
    ["note", ["note", "备注", "说明"]],
    ["task", ["task", "任务", "序号", "任务序号"]],
    ["status", ["status", "状态", "完成状态"]],
    ["evidence", ["evidence", "佐证材料", "佐证"]],
    ["date", ["date", "日期"]],
    ["measure", ["measure", "计量单位", "度量单位"]],
  ];
  const cases = table.flatMap(([role, names]) => names.map((name) => [name, role] as const));

  it.each(cases)("synonym %j is the %s column", (header, role) => expect(matchColumn(header)).toBe(role));

  it.each(cases)("synonym %j matches regardless of width, case and spaces", (header, role) => {
    const variant = ` ${header.toUpperCase().replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}\u3000`;
    expect(matchColumn(variant)).toBe(role);
    expect(matchColumn([...header].join(" "))).toBe(role);
  });

  it.each([
    ["*报告期", "period"],
    ["报告期：", "period"],
    ["\uFEFF报告期", "period"],
    ["完成值（万元）", "value"],
    ["数值(%)", "value"],
  ] as const)("template decorations and a unit bracket don't hide the role: %j → %s", (header, role) =>
    expect(matchColumn(header)).toBe(role),
  );

  it.each(["", "计量单位x", "高新技术企业（家）", "报告期间隔", "value2", "单位名称x", "指标（含说明）"])(
    "%j is not a known column",
    (header) => expect(matchColumn(header)).toBeNull(),
  );

  it.each(["年度目标（参考）", "上期数值（参考）", "数值（参考）", "累计完成(参考)", "参考数值"])(
    "a reference column %j (参考) is never a value column",
    (header) => {
      expect(matchColumn(header)).toBeNull();
      expect(classifySubColumn(header)?.kind).toBe("derived");
      expect(splitHeaderUnit(header).unit).toBeNull();
    },
  );

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const role = matchColumn(s);
        expect(role === null || table.some(([r]) => r === role)).toBe(true);
        const split = splitHeaderUnit(s);
        expect(typeof split.name).toBe("string");
      }),
      { numRuns: 500 },
    );
  });
});

describe("splitHeaderUnit", () => {
  it.each([
    ["高新技术企业（家）", "高新技术企业", "家"],
    ["技术合同登记额(万元)", "技术合同登记额", "万元"],
    ["科技进步贡献率（%）", "科技进步贡献率", "%"],
    ["科技进步贡献率（％）", "科技进步贡献率", "%"],
    ["研发经费投入 ( 亿元 ) ", "研发经费投入", "亿元"],
    ["技术合同登记额（单位：万元）", "技术合同登记额", "万元"],
    ["柔性引进国(境)外高端紧缺人才（人次）", "柔性引进国(境)外高端紧缺人才", "人次"],
    ["柔性引进国（境）外高端紧缺人才(人)", "柔性引进国（境）外高端紧缺人才", "人"],
  ])("a trailing unit bracket is split off: %j → %j + %j", (header, name, unit) =>
    expect(splitHeaderUnit(header)).toEqual({ name, unit }),
  );

  it.each([
    "柔性引进国(境)外高端紧缺人才",
    "柔性引进国（境）外高端紧缺人才",
    "高新技术企业",
    "研发投入（含规上企业）",
    "研发投入（不含税）",
    "（万元）",
    "指标(2020年)",
    "人才(国(境)外)",
    "技术合同登记额（很长很长的一段说明文字）",
  ])("anything else stays whole with unit null: %j", (header) =>
    expect(splitHeaderUnit(header)).toEqual({ name: header.trim(), unit: null }),
  );
});
