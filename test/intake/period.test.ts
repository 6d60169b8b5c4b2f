import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Period } from "../../src/domain/period.js";
import { parsePeriod } from "../../src/intake/period.js";

const p = (year: number, quarter: 1 | 2 | 3 | 4): Period => ({ year, quarter });

/** ASCII → full-width (U+FF01–FF5E), space → U+3000. */
function fullWidth(s: string): string {
  return s.replace(/[\x20-\x7e]/g, (c) =>
    c === " " ? "\u3000" : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );
}

const CN = ["", "一", "二", "三", "四"] as const;

/** Every accepted written form of a quarter, generated from the canonical value. */
function writtenForms(year: number, quarter: 1 | 2 | 3 | 4): string[] {
  const month = quarter * 3;
  const mm = String(month).padStart(2, "0");
  const day = quarter === 1 || quarter === 4 ? 31 : 30;
  const forms = [
    `${year}Q${quarter}`,
    `${year}q${quarter}`,
    `${year}-Q${quarter}`,
    `${year} Q${quarter}`,
    `${year}年第${CN[quarter]}季度`,
    `${year}年${CN[quarter]}季度`,
    `${year}年${quarter}季度`,
    `${year}年第${quarter}季度`,
    `${year}${CN[quarter]}季度`,
    `${year}年1-${month}月`,
    `${year}年1～${month}月`,
    `${year}年1~${month}月`,
    `${year}年1—${month}月`,
    `${year}-${mm}-${day}`,
    `${year}/${month}/${day}`,
    `${year}.${month}.${day}`,
    `${year}年${month}月${day}日`,
    `${year}-${mm}`,
    `${year}/${mm}`,
    `${year}年${month}月`,
  ];
  if (quarter === 4) forms.push(`${year}年`, `${year}年全年`, `${year}`);
  return forms;
}

function expectOk(text: string, expected: Period) {
  const r = parsePeriod(text);
  expect(r, text).toEqual({ ok: true, value: expected });
}

function expectFail(text: string, key: string) {
  const r = parsePeriod(text);
  expect(r.ok, text).toBe(false);
  if (!r.ok) expect(r.reason.key, text).toBe(key);
}

describe("parsePeriod: accepted forms", () => {
  it.each([
    ["2020Q3", p(2020, 3)],
    ["2020q3", p(2020, 3)],
    ["2020-Q3", p(2020, 3)],
    ["2020 Q3", p(2020, 3)],
    ["2020年第三季度", p(2020, 3)],
    ["2020年三季度", p(2020, 3)],
    ["2020年3季度", p(2020, 3)],
    ["2020年第3季度", p(2020, 3)],
    ["2020三季度", p(2020, 3)],
    ["2020年第一季度", p(2020, 1)],
    ["2021年第二季度", p(2021, 2)],
    ["2019年第四季度", p(2019, 4)],
    ["2020年1-9月", p(2020, 3)],
    ["2020年1～9月", p(2020, 3)],
    ["2020年1~9月", p(2020, 3)],
    ["2020年1—9月", p(2020, 3)],
    ["2020年1-3月", p(2020, 1)],
    ["2020年1-12月", p(2020, 4)],
    ["2020-09-30", p(2020, 3)],
    ["2020/9/30", p(2020, 3)],
    ["2020.9.30", p(2020, 3)],
    ["2020年9月30日", p(2020, 3)],
    ["2020-03-31", p(2020, 1)],
    ["2020-06-30", p(2020, 2)],
    ["2020-12-31", p(2020, 4)],
    ["2020-09", p(2020, 3)],
    ["2020/09", p(2020, 3)],
    ["2020年9月", p(2020, 3)],
    ["2020年6月", p(2020, 2)],
    ["2020年", p(2020, 4)],
    ["2020年全年", p(2020, 4)],
    ["2020", p(2020, 4)],
  ] as const)("%s is read", (text, expected) => expectOk(text, expected));
});

describe("parsePeriod: width and spacing", () => {
  it.each([
    ["２０２０Ｑ３", p(2020, 3)],
    ["２０２０年第３季度", p(2020, 3)],
    ["２０２０年１－９月", p(2020, 3)],
    ["２０２０－０９－３０", p(2020, 3)],
    ["２０２０／９／３０", p(2020, 3)],
    ["  2020Q3  ", p(2020, 3)],
    ["\t2020年第三季度\u3000", p(2020, 3)],
    ["2020年 第三季度", p(2020, 3)],
    ["2020 年 1-9 月", p(2020, 3)],
  ] as const)("full-width digits and surrounding spaces are ignored: %j", (text, expected) =>
    expectOk(text, expected),
  );

  it("a space inside a number is not ignored: 20 20Q3 is invalid", () => {
    expectFail("20 20Q3", "intake.period.invalid");
    expectFail("2020年1 2月", "intake.period.invalid");
  });
});

describe("parsePeriod: common spreadsheet variants (beyond the minimum forms)", () => {
  it.each([
    ["2020/9/30 0:00", p(2020, 3)],
    ["2020-09-30 00:00:00", p(2020, 3)],
    ["2020年第三季", p(2020, 3)],
    ["2020年1月-9月", p(2020, 3)],
    ["2020年1至9月", p(2020, 3)],
    ["2020年1-9月份", p(2020, 3)],
    ["2020年9月份", p(2020, 3)],
    ["2020年度", p(2020, 4)],
    ["2020年Q3", p(2020, 3)],
    ["2020－Q3", p(2020, 3)],
  ] as const)("%s is read", (text, expected) => expectOk(text, expected));
});

describe("parsePeriod: rejected input", () => {
  it.each([
    ["", "empty"],
    ["   ", "only spaces"],
    ["20Q3", "two-digit year"],
    ["2020Q5", "quarter 5"],
    ["2020Q0", "quarter 0"],
    ["2020年第五季度", "第五季度"],
    ["2020年第0季度", "quarter 0 in Chinese form"],
    ["20203季度", "a digit quarter needs 年 or 第"],
    ["2020年13月", "month 13"],
    ["2020-00", "month 0"],
    ["2020-02-30", "not a calendar date"],
    ["2020/6/31", "not a calendar date (June has 30 days)"],
    ["2020-13-31", "month 13 in a date"],
    ["2020年1-13月", "range past December"],
    ["2020年9-1月", "range backwards"],
    ["2020-9-30-1", "trailing garbage"],
    ["2020Q3x", "trailing letter"],
    ["1234", "year out of range"],
    ["12345", "five digits"],
    ["2020.09", "2020.09 could be the number 2020.9"],
    ["2020/9/30 12:00", "a time other than midnight"],
    ["hello", "text"],
    ["2020年第三季度第三季度", "repeated"],
  ])("%j is invalid (%s)", (text) => {
    expectFail(text, "intake.period.invalid");
  });

  it("the invalid reason carries the trimmed value and the accepted forms", () => {
    const r = parsePeriod("  2020Q5 ");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.params?.value).toBe("2020Q5");
    expect(String(r.reason.params?.forms)).toContain("2020Q3");
    expect(String(r.reason.params?.forms)).toContain("2020年1-9月");
  });

  it.each([
    ["2020-09-29", "a date that is not a quarter end"],
    ["2020-09-01", "first day of a quarter-end month"],
    ["2020年8月31日", "end of a month that is not a quarter end"],
    ["2020-08", "a month that is not a quarter end"],
    ["2020年8月", "Chinese month that is not a quarter end"],
    ["2020年1月", "January"],
    ["2020年1-8月", "year-to-date ending in August"],
    ["2020年1~11月", "year-to-date ending in November"],
  ])("%j → notQuarterEnd (%s)", (text) => {
    expectFail(text, "intake.period.notQuarterEnd");
  });

  it("a range that does not start in January is not year-to-date and suggests the quarter", () => {
    const r = parsePeriod("2020年7-9月");
    expect(r).toMatchObject({ ok: false, reason: { key: "intake.period.notYearToDate" } });
    if (!r.ok) expect(r.reason.params?.suggestion).toBe("2020Q3");
  });

  it("leap years: 2020-02-29 is a date (not a quarter end), 2019-02-29 is not a date", () => {
    expectFail("2020-02-29", "intake.period.notQuarterEnd");
    expectFail("2019-02-29", "intake.period.invalid");
  });
});

describe("parsePeriod: caching", () => {
  it("returns equal results for repeated inputs and results cannot be mutated", () => {
    const a = parsePeriod("2020年第三季度");
    const b = parsePeriod("2020年第三季度");
    expect(b).toEqual(a);
    expect(Object.isFrozen(a)).toBe(true);
    if (a.ok) expect(Object.isFrozen(a.value)).toBe(true);
  });

  it("stays correct after the cache overflows", () => {
    for (let y = 2000; y < 2100; y++) for (const q of [1, 2, 3, 4] as const) expectOk(`${y}Q${q}`, p(y, q));
    for (let y = 2000; y < 2100; y++) expectOk(`${y}年1-6月`, p(y, 2));
    for (let i = 0; i < 3000; i++) parsePeriod(`x${i}`);
    expectOk("2020Q3", p(2020, 3));
    expectFail("x5", "intake.period.invalid");
  });
});

describe("parsePeriod: properties", () => {
  const year = fc.integer({ min: 2000, max: 2099 });
  const quarter = fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>;

  it("every written form of a quarter, in any width and with surrounding spaces, reads back as that quarter", () => {
    fc.assert(
      fc.property(
        year,
        quarter,
        fc.boolean(),
        fc.constantFrom("", " ", "\u3000", "\t"),
        (y, q, wide, pad) => {
          for (const form of writtenForms(y, q)) {
            const text = pad + (wide ? fullWidth(form) : form) + pad;
            expect(parsePeriod(text), text).toEqual({ ok: true, value: { year: y, quarter: q } });
          }
        },
      ),
    );
  });

  it("a day other than the quarter end of a quarter-end month is notQuarterEnd", () => {
    fc.assert(
      fc.property(year, quarter, fc.integer({ min: 1, max: 29 }), (y, q, day) => {
        const r = parsePeriod(`${y}-${String(q * 3).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
        expect(r).toMatchObject({ ok: false, reason: { key: "intake.period.notQuarterEnd" } });
      }),
    );
  });

  const nearMiss = fc.string({
    unit: fc.constantFrom(..."0123456789年第季度月日全QqQ-~—/. 一二三四五１２３４－～".split("")),
    maxLength: 14,
  });

  it.each([
    ["arbitrary code points", fc.string({ unit: "binary" })],
    ["printable ASCII", fc.string()],
    ["period-like characters", nearMiss],
  ] as const)("never throws on %s and returns a period or a reason", (_name, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const r = parsePeriod(text);
        if (r.ok) {
          expect(r.value.quarter).toBeGreaterThanOrEqual(1);
          expect(r.value.quarter).toBeLessThanOrEqual(4);
          expect(Number.isInteger(r.value.year)).toBe(true);
        } else {
          expect(r.reason.key).toMatch(/^intake\.period\./);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("parsePeriod: the words of Chinese statistics", () => {
  it.each([
    ["2020年上半年", p(2020, 2)],
    ["2020上半年", p(2020, 2)],
    ["2020年前三季度", p(2020, 3)],
    ["2020年前3季度", p(2020, 3)],
    ["2020年前两季度", p(2020, 2)],
    ["2020年前四季度", p(2020, 4)],
    ["2020年一至三季度", p(2020, 3)],
    ["2020年1-3季度", p(2020, 3)],
    ["2020年第一至第三季度", p(2020, 3)],
    ["2020年1至9月", p(2020, 3)],
    ["2020年1—9月", p(2020, 3)],
    ["2020年1月—9月", p(2020, 3)],
    ["截至2020年9月底", p(2020, 3)],
    ["截止2020年9月末", p(2020, 3)],
    ["2020年9月末", p(2020, 3)],
    ["2020年9月底", p(2020, 3)],
    ["2020年三季度末", p(2020, 3)],
    ["2020年第二季度末", p(2020, 2)],
    ["2020年底", p(2020, 4)],
    ["2020年末", p(2020, 4)],
    ["２０２０年前三季度", p(2020, 3)],
    ["2020年 上半年", p(2020, 2)],
  ] as const)("%s is read", (text, expected) => expectOk(text, expected));

  it.each([
    ["上半年", p(2020, 2)],
    ["前三季度", p(2020, 3)],
    ["一季度", p(2020, 1)],
    ["第一季度", p(2020, 1)],
    ["三季度", p(2020, 3)],
    ["1-9月", p(2020, 3)],
    ["1至9月", p(2020, 3)],
    ["1—9月", p(2020, 3)],
    ["截至9月底", p(2020, 3)],
    ["9月末", p(2020, 3)],
    ["12月", p(2020, 4)],
    ["Q3", p(2020, 3)],
  ] as const)("%s without a year takes the default year 2020", (text, expected) =>
    expect(parsePeriod(text, 2020)).toEqual({ ok: true, value: expected }),
  );

  it.each(["上半年", "前三季度", "1-9月", "截至9月底", "Q3", "三季度"])(
    "%s without a year and no default year is refused as having no year",
    (text) => expectFail(text, "intake.period.noYear"),
  );

  it("a written year wins over the default year", () =>
    expect(parsePeriod("2021年前三季度", 2020)).toEqual({ ok: true, value: p(2021, 3) }));

  it.each([
    ["2020年下半年", "2020Q4"],
    ["2020年二至三季度", "2020Q3"],
    ["2020年2-3季度", "2020Q3"],
  ])("%s does not start in January: refused, suggesting %s", (text, suggestion) => {
    const r = parsePeriod(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.key).toBe("intake.period.notYearToDate");
      expect(r.reason.params?.suggestion).toBe(suggestion);
    }
  });

  it.each(["2020年前五季度", "2020年三至一季度", "2020年10月底", "前三季度x", "hello"])(
    "%s is refused",
    (text) => expect(parsePeriod(text, 2020).ok).toBe(false),
  );
});
