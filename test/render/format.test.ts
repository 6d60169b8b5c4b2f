/** formatNumber is written by hand for start-up time: it must agree with Intl.NumberFormat. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, measureText, sectionHeadingText } from "../../src/render/format.js";

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

describe("English units of measure and section numbers", () => {
  it.each([
    ["项", "Key technology research projects", "projects"],
    ["项", "New agricultural varieties and techniques promoted", "items"],
    ["家", "High-tech enterprises", "firms"],
    ["家", "Registered tech-based SMEs", "firms"],
    ["家", "New national-level innovation platforms", "platforms"],
    ["亿元", "Total R&D expenditure", "100M yuan"],
    ["万元", "Registered technology contract value", "10k yuan"],
    ["人次", "Overseas high-end talent engaged", "person-times"],
    ["次", "Online technical consultations", "consultations"],
    ["%", "S&T progress contribution rate", "%"],
  ])("%s of %j reads %j in English", (unit, nameEn, en) => {
    expect(measureText("en", unit, nameEn)).toBe(en);
    expect(measureText("zh", unit, nameEn)).toBe(unit);
  });

  it("sections are 一、… in Chinese and numbered 1–8 in English", () => {
    expect(sectionHeadingText("zh", "二", "加强关键核心技术攻关")).toBe("二、加强关键核心技术攻关");
    expect(sectionHeadingText("en", "二", "Core technologies")).toBe("2. Core technologies");
    expect(sectionHeadingText("en", "八", "Party leadership")).toBe("8. Party leadership");
  });
});
