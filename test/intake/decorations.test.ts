/**
 * Property: a valid value written with any accepted decoration — a 单位：X line, a 计量单位 column,
 * the unit in the cell or in the header's bracket, Excel's forced text, invisible characters, a
 * 序号 column, a total row, a footer — stores the same canonical value as the plain form.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { importText } from "./import-text.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Money indicators of the 2020 plan and their unit's power of ten in 元. */
const MONEY = [
  { name: "技术合同登记额", code: "tech_contract_value", exp: 4 }, // 万元
  { name: "高新技术产业主营业务收入", code: "hitech_industry_revenue", exp: 8 }, // 亿元
];
const MEASURES = [
  ["元", 0],
  ["万元", 4],
  ["亿元", 8],
] as const;

/** The decimal text of digits × 10^-scale, shifted by `shift` powers of ten; exact, no floating point. */
function decimal(digits: bigint, scale: number): string {
  if (scale <= 0) return (digits * 10n ** BigInt(-scale)).toString();
  const s = digits.toString().padStart(scale + 1, "0");
  const text = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, "");
  return text;
}

describe("decorations never change the stored value", () => {
  it("money values with any measure and any decoration", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MONEY),
        fc.bigInt({ min: 1n, max: 99_999_999n }), // the value in 元 × 100 (cents)
        fc.constantFrom(...MEASURES),
        fc.constantFrom("title", "column", "cell", "bracket", "none"),
        fc.record({
          forced: fc.boolean(),
          invisible: fc.constantFrom("", "\u200B", "\u00A0", "\uFEFF", "\u3000"),
          sequence: fc.boolean(),
          total: fc.boolean(),
          footer: fc.boolean(),
        }),
        async (ind, cents, [measure, mexp], where, deco) => {
          // canonical: cents × 10^-2 元 = cents × 10^-(2 + ind.exp) in the indicator's unit
          const canonical = Number(decimal(cents, 2 + ind.exp));
          // written: in `measure` unless no measure is named, then in the indicator's own unit
          const written = where === "none" ? decimal(cents, 2 + ind.exp) : decimal(cents, 2 + mexp);
          let cell = where === "cell" ? `${written}${measure}` : written;
          if (deco.forced) cell = `="${cell}"`;
          cell = `${deco.invisible}${cell}${deco.invisible}`;
          const seq = deco.sequence ? "序号," : "";
          const lines = ["达州市2020年三季度科技创新指标完成情况表", "填报单位：通川区"];
          if (where === "title") lines.push(`单位：${measure}`);
          const valueHeader = where === "bracket" ? `完成值（${measure}）` : "累计完成";
          const measureHeader = where === "column" ? ",计量单位" : "";
          lines.push(`${seq}报告期,指标名称${measureHeader},${valueHeader}`);
          const m = where === "column" ? `,${measure}` : "";
          lines.push(`${deco.sequence ? "1," : ""}2020Q3,${ind.name}${m},${cell}`);
          if (deco.total) lines.push(`${deco.sequence ? "合计," : ""}2020Q3,合计${m},${cell}`);
          if (deco.footer) lines.push("单位负责人：王某,填表人：赵某");
          const r = await importText(dir, `${lines.join("\n")}\n`);
          expect(r.messages).toEqual([]);
          expect(r.rows).toEqual([
            { period: "2020Q3", unit: "tongchuan", indicator: ind.code, value: canonical },
          ]);
        },
      ),
      { numRuns: 120, seed: 2020 },
    );
  });
});
