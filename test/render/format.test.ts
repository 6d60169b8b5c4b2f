/** formatNumber is written by hand for start-up time: it must agree with Intl.NumberFormat. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/render/format.js";

const intl = (lang: "zh" | "en", digits: number, x: number) =>
  new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits }).format(x);

describe("formatNumber", () => {
  it.each([
    [5600, 2, "5,600"],
    [307.15, 2, "307.15"],
    [5133.333333, 2, "5,133.33"],
    [0.98, 2, "0.98"],
    [1234567.5, 0, "1,234,568"],
    [-1750, 2, "-1,750"],
    [0.012345, 6, "0.012345"],
    [100, 2, "100"],
    [999.995, 2, "1,000"],
  ])("%d with %d decimals is %s", (x, digits, text) => {
    expect(formatNumber("zh", x, digits)).toBe(text);
    expect(formatNumber("en", x, digits)).toBe(text);
  });

  it("writes — for no figure", () => expect(formatNumber("zh", null)).toBe("—"));

  it("agrees with Intl.NumberFormat (zh-CN and en-US) on any figure", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e15, max: 1e15, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
        ),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom("zh" as const, "en" as const),
        (x, digits, lang) => {
          // Intl writes "-0" for a negative that rounds to zero; a person reads 0
          expect(formatNumber(lang, x, digits)).toBe(intl(lang, digits, x).replace(/^-0$/, "0"));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
