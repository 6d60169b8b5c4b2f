import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/i18n/index.js";
import { intakeEn, intakeZh } from "../../src/i18n/messages-intake.js";
import { DecodeError } from "../../src/intake/decode.js";
import {
  checkValue,
  isBlank,
  keepsDigits,
  parseBasis,
  parseQuantity,
  shiftDecimal,
} from "../../src/intake/number.js";
import { parsePeriod } from "../../src/intake/period.js";

function fullWidth(s: string): string {
  return s.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function value(text: string, unit: string): number {
  const r = parseQuantity(text, unit);
  if (!r.ok) throw new Error(`${text} (${unit}) failed: ${r.reason.key}`);
  return r.value;
}

function reasonKey(text: string, unit: string): string {
  const r = parseQuantity(text, unit);
  if (r.ok) throw new Error(`${text} (${unit}) unexpectedly parsed as ${r.value}`);
  return r.reason.key;
}

describe("isBlank", () => {
  it.each([
    "",
    " ",
    "\u3000\t",
    "-",
    "—",
    "–",
    "－",
    "--",
    "——",
    "/",
    "／",
    "N/A",
    "n/a",
    "NA",
    "na",
    "无数据",
    "无",
    "空",
    " 无 ",
  ])("%j means not reported", (text) => expect(isBlank(text)).toBe(true));
  it.each(["0", "０", "0.0", "-1", "无效", "空白表", "#N/A", "N/A1", "x"])("%j is not blank", (text) =>
    expect(isBlank(text)).toBe(false),
  );
});

describe("parseQuantity: plain numbers", () => {
  it.each([
    ["123", "项", 123],
    ["１２３", "项", 123],
    ["0", "项", 0],
    ["-0", "万元", 0],
    ["+12", "家", 12],
    ["  12  ", "家", 12],
    ["5,600", "万元", 5600],
    ["5，600", "万元", 5600],
    ["1,234,567.5", "万元", 1234567.5],
    ["１，２３４．５", "万元", 1234.5],
    ["12.5", "亿元", 12.5],
    ["0.25", "%", 0.25],
    ["-3", "项", -3],
    ["－３", "项", -3],
    ["\u22123", "项", -3],
    ["007", "个", 7],
    ["12.50", "万元", 12.5],
  ] as const)("%j (%s) → %d", (text, unit, expected) => expect(value(text, unit)).toBe(expected));

  it("-0 is read as +0, not -0", () => expect(Object.is(value("-0", "万元"), 0)).toBe(true));
});

describe("parseQuantity: unit suffixes", () => {
  it.each([
    ["12项", "项", 12],
    ["12 项", "项", 12],
    ["3家", "家", 3],
    ["23人次", "人次", 23],
    ["4次", "次", 4],
    ["58%", "%", 58],
    ["58％", "%", 58],
    ["５８％", "%", 58],
    ["58", "%", 58],
    ["58.5 %", "%", 58.5],
    ["5600万元", "万元", 5600],
    ["0.56亿元", "万元", 5600],
    ["9800万元", "亿元", 0.98],
    ["123.45元", "万元", 0.012345],
    ["1元", "亿元", 0.00000001],
    ["1.5亿元", "元", 150000000],
    ["5,600万元", "亿元", 0.56],
    ["5600万", "万元", 5600],
    ["1.2亿", "万元", 12000],
    ["¥5,600", "元", 5600],
    ["￥5,600元", "万元", 0.56],
    ["¥-5", "元", -5],
    ["-0.56亿元", "万元", -5600],
  ] as const)("%j for an indicator in %s → %d", (text, unit, expected) =>
    expect(value(text, unit)).toBe(expected),
  );

  it.each([
    ["0.56亿元", "万元", "5600"],
    ["9800万元", "亿元", "0.98"],
    ["123.45元", "万元", "0.012345"],
    ["0.1亿元", "万元", "1000"],
    ["0.3亿元", "万元", "3000"],
    ["0.07亿元", "万元", "700"],
    ["3.3万元", "亿元", "0.00033"],
    ["1234567.89元", "亿元", "0.0123456789"],
  ] as const)(
    "money is converted by shifting the decimal point, exactly: %j in %s is %s",
    (text, unit, exact) => {
      expect(String(value(text, unit))).toBe(exact);
    },
  );

  it("float multiplication would not be exact here, the decimal shift is", () => {
    // sanity check that the cases above are meaningful: naive float maths drifts
    expect(0.07 * 10000).not.toBe(700);
    expect(value("0.07亿元", "万元")).toBe(700);
  });

  it.each([
    ["12亿元", "项", "亿元"],
    ["5家", "万元", "家"],
    ["58%", "家", "%"],
    ["12个", "项", "个"],
    ["12人", "人次", "人"],
    ["5万元", "%", "万元"],
    ["1.2万", "人次", "万"],
    ["¥12", "项", "¥"],
    ["12‰", "%", "‰"],
    ["12千元", "万元", "千元"],
  ] as const)("a suffix that does not fit is wrongUnit: %j for %s", (text, unit, found) => {
    const r = parseQuantity(text, unit);
    expect(r).toEqual({
      ok: false,
      reason: { key: "intake.number.wrongUnit", params: { value: text, unit: found, expected: unit } },
    });
  });

  it.each([
    ["", "项"],
    ["abc", "项"],
    ["12abc", "项"],
    ["5,60", "万元"],
    ["5,6000", "万元"],
    [",560", "万元"],
    ["1,23,456", "万元"],
    ["12.", "项"],
    [".5", "万元"],
    ["1.2.3", "万元"],
    ["+-5", "项"],
    ["--5", "项"],
    ["5-", "项"],
    ["12 34", "项"],
    ["约12", "项"],
    ["12左右", "项"],
    ["１２ａ", "项"],
    ["Infinity", "万元"],
    ["NaN", "万元"],
    ["0x10", "项"],
    ["9".repeat(400), "万元"],
  ] as const)("not a number → invalid: %j", (text, unit) => {
    expect(reasonKey(text, unit)).toBe("intake.number.invalid");
  });

  it("the invalid reason names the value and the indicator's unit", () => {
    expect(parseQuantity(" 12abc ", "项")).toEqual({
      ok: false,
      reason: { key: "intake.number.invalid", params: { value: "12abc", unit: "项" } },
    });
  });

  it.each(["1e5", "1E5", "1.2E+11", "-3e-2", "1e5万元", "１Ｅ５"])(
    "scientific notation is rejected: %j",
    (text) => {
      expect(reasonKey(text, "万元")).toBe("intake.number.scientific");
    },
  );

  it.each(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!"])(
    "an Excel error value gets its own reason: %j",
    (text) => expect(reasonKey(text, "万元")).toBe("intake.number.excelError"),
  );
});

describe("shiftDecimal", () => {
  it.each([
    ["0", "56", 4, 5600],
    ["9800", "", -4, 0.98],
    ["123", "45", -4, 0.012345],
    ["1", "", 0, 1],
    ["12", "34", 1, 123.4],
    ["12", "34", 2, 1234],
    ["12", "34", 5, 1234000],
    ["12", "34", -2, 0.1234],
    ["12", "34", -3, 0.01234],
  ] as const)("%s.%s × 10^%d = %d", (int, frac, shift, expected) => {
    expect(Number(shiftDecimal(int, frac, shift))).toBe(expected);
  });
});

describe("checkValue", () => {
  it.each([
    [12, "项"],
    [0, "家"],
    [0, "万元"],
    [0.012345, "万元"],
    [0, "%"],
    [100, "%"],
    [58.5, "%"],
    [3.5, "吨"],
  ] as const)("%d %s is acceptable", (v, unit) => expect(checkValue(v, unit)).toBeNull());

  it.each([
    [1.5, "项", "intake.number.notWhole"],
    [0.1, "人次", "intake.number.notWhole"],
    [-1, "家", "intake.number.negative"],
    [-0.01, "万元", "intake.number.negative"],
    [-1, "亿元", "intake.number.negative"],
    [-1, "吨", "intake.number.negative"],
    [100.01, "%", "intake.number.percentRange"],
    [-1, "%", "intake.number.percentRange"],
    [Number.NaN, "项", "intake.number.invalid"],
    [Number.POSITIVE_INFINITY, "万元", "intake.number.invalid"],
  ] as const)("%d %s → %s", (v, unit, key) => expect(checkValue(v, unit)?.key).toBe(key));

  it("counts must be whole: the reason names value, unit and indicator", () => {
    expect(
      checkValue(2.5, "家", {
        name: "新建省级创新平台",
        nameEn: "New provincial-level innovation platforms",
      }),
    ).toEqual({
      key: "intake.number.notWhole",
      params: {
        value: 2.5,
        unit: "家",
        indicator: "新建省级创新平台",
        indicatorEn: "New provincial-level innovation platforms",
      },
    });
  });
});

describe("parseBasis", () => {
  it.each([
    ["", "ytd"],
    ["  ", "ytd"],
    ["-", "ytd"],
    ["ytd", "ytd"],
    ["YTD", "ytd"],
    ["ｙｔｄ", "ytd"],
    ["累计", "ytd"],
    [" 本年累计 ", "ytd"],
    ["年累计", "ytd"],
    ["本年 累计", "ytd"],
    ["period", "period"],
    ["Period", "period"],
    ["本期", "period"],
    ["当季", "period"],
    ["本季", "period"],
    ["当期", "period"],
  ] as const)("%j → %s", (text, basis) => expect(parseBasis(text)).toEqual({ ok: true, value: basis }));

  it.each(["季", "累", "全年", "y", "monthly", "0"])("%j is not a basis", (text) => {
    const r = parseBasis(text);
    expect(r).toMatchObject({ ok: false, reason: { key: "intake.basis.invalid", params: { value: text } } });
  });
});

// ---------- properties ----------

const POW: Readonly<Record<string, number>> = { 元: 0, 万元: 4, 亿元: 8 };
const MONEY = ["元", "万元", "亿元"] as const;

/** An exact decimal: n × 10^-scale (test-side, BigInt based, independent of the implementation). */
interface Dec {
  n: bigint;
  scale: number;
}

function decText(d: Dec): string {
  const negative = d.n < 0n;
  let digits = (negative ? -d.n : d.n).toString();
  let text: string;
  if (d.scale <= 0) text = digits + "0".repeat(-d.scale);
  else {
    digits = digits.padStart(d.scale + 1, "0");
    text = `${digits.slice(0, digits.length - d.scale)}.${digits.slice(digits.length - d.scale)}`;
    text = text.replace(/0+$/, "").replace(/\.$/, "");
  }
  return (negative ? "-" : "") + text;
}

function withThousands(text: string, sep: string): string {
  const [int = "", frac] = text.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, sep);
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

describe("parseQuantity: properties", () => {
  const amount = fc.record({
    n: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
    scale: fc.integer({ min: 0, max: 4 }),
  });

  it("an amount written in 元, 万元 or 亿元 (any separators, width, padding) reads as the same canonical value", () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom(...MONEY),
        fc.constantFrom(...MONEY),
        fc.constantFrom("", ",", "，"),
        fc.boolean(),
        fc.constantFrom("", " ", "\u3000"),
        (d, canonical, written, sep, wide, pad) => {
          const expected = decText(d);
          // the same amount in the written unit: n × 10^-(scale + (POW[written] - POW[canonical]))
          const shifted = decText({ n: d.n, scale: d.scale + POW[written]! - POW[canonical]! });
          let text = withThousands(shifted, sep) + written;
          if (wide) text = fullWidth(text);
          text = pad + text + pad;
          const r = parseQuantity(text, canonical);
          expect(r.ok, text).toBe(true);
          if (!r.ok) return;
          // exact: the same double as the decimal string, and the same decimal when printed
          expect(r.value, text).toBe(Number(expected));
          if (!String(r.value).includes("e"))
            expect(String(r.value), text).toBe(expected === "-0" ? "0" : expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a number without a suffix is taken in the indicator's own unit", () => {
    fc.assert(
      fc.property(amount, fc.constantFrom("项", "家", "人次", "%", "万元", "亿元"), (d, unit) => {
        const text = decText(d);
        expect(parseQuantity(text, unit)).toEqual({ ok: true, value: Number(text) + 0 });
      }),
    );
  });

  it("thousands separators in the wrong place are never accepted", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 }), (a, b) => {
        // 1–2 digits after a comma is never a thousands group
        expect(reasonKey(`${a},${b}`, "万元")).toBe("intake.number.invalid");
      }),
    );
  });

  const units = fc.constantFrom("项", "个", "家", "人次", "次", "亿元", "万元", "元", "%", "吨");
  const numberLike = fc.string({
    unit: fc.constantFrom(..."0123456789.,，-+%％eE元万亿项家 ¥１２－．".split("")),
  });

  it.each([
    ["arbitrary code points", fc.string({ unit: "binary" })],
    ["printable ASCII", fc.string()],
    ["number-like characters", numberLike],
  ] as const)("never throws on %s: a finite number or a reason", (_name, arb) => {
    fc.assert(
      fc.property(arb, units, (text, unit) => {
        const r = parseQuantity(text, unit);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        else expect(r.reason.key).toMatch(/^intake\.number\./);
        const b = parseBasis(text);
        if (!b.ok) expect(b.reason.key).toBe("intake.basis.invalid");
        expect(typeof isBlank(text)).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });
});

describe("reasons render in both languages", () => {
  const reasons = [
    parseQuantity("abc", "项"),
    parseQuantity("12亿元", "项"),
    parseQuantity("1e5", "万元"),
    parseQuantity("#N/A", "万元"),
    parseBasis("monthly"),
    parsePeriod("2020Q5"),
    parsePeriod("2020-08-31"),
    parsePeriod("2020年7-9月"),
  ].flatMap((r) => (r.ok ? [] : [r.reason]));
  const checks = [checkValue(1.5, "项"), checkValue(-1, "万元"), checkValue(101, "%")].filter(
    (r) => r !== null,
  );

  it.each([...reasons, ...checks, new DecodeError("utf8", 7).reason])(
    "$key has every placeholder filled",
    (reason) => {
      for (const lang of ["zh", "en"] as const) {
        const text = explain(lang, reason);
        expect(text).not.toBe(reason.key);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    },
  );

  it("zh and en have the same keys and the same placeholders", () => {
    // English names the indicator and the unit in English: {indicatorEn} stands for {indicator}
    const placeholders = (s: string) =>
      [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/^(indicator|unit)En$/, "$1")).sort();
    expect(Object.keys(intakeEn).sort()).toEqual(Object.keys(intakeZh).sort());
    for (const [key, zh] of Object.entries(intakeZh)) {
      expect(placeholders(intakeEn[key as keyof typeof intakeZh]), key).toEqual(placeholders(zh));
    }
  });
});

describe("parseQuantity: a number is stored exactly as written, or refused", () => {
  it.each([
    ["9007199254740993", "项"], // 2^53 + 1: a double holds …992
    ["123456789012345678", "万元"],
    ["0.1000000000000000001", "%"],
    ["1234567890.12345678", "万元"],
    ["9,007,199,254,740,993", "项"],
    ["0.123456789012345678亿元", "万元"], // 1234.56789012345678 万元: 18 significant digits
  ])("%s (%s) would change: refused as inexact", (text, unit) => {
    const r = parseQuantity(text, unit);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.key).toBe("intake.number.inexact");
  });

  it.each([
    ["9007199254740992", 9007199254740992],
    ["0.1", 0.1],
    ["0.30000000000000004", 0.30000000000000004],
    ["123456789012345", 123456789012345],
    ["1234567890.123456", 1234567890.123456],
    ["5,600", 5600],
    ["0.56亿元", 5600],
    ["100000000000000000000", 1e20], // 1 followed by zeros: exact
  ])("%s keeps its digits: %d", (text, value) =>
    expect(parseQuantity(text, "万元")).toEqual({ ok: true, value }),
  );

  it("property: a decimal of at most 15 significant digits is always accepted, and reads back the same", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 999_999_999_999_999n }),
        fc.integer({ min: 0, max: 15 }),
        (digits, scale) => {
          const s = digits.toString().padStart(scale + 1, "0");
          const text = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
          const r = parseQuantity(text, "万元");
          expect(r.ok).toBe(true);
          if (r.ok) expect(keepsDigits(text, r.value)).toBe(true);
        },
      ),
      { numRuns: 500, seed: 53 },
    );
  });
});
