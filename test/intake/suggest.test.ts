import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levenshtein, suggest } from "../../src/intake/suggest.js";
import { DAZHOU_UNITS } from "../helpers.js";

const UNITS = DAZHOU_UNITS;

describe("suggest", () => {
  const cases: [string, string[], string][] = [
    ["通川", ["通川区"], "a prefix of a name (candidate contains input)"],
    ["大竹县县", ["大竹县"], "a name plus extra characters (input contains candidate)"],
    ["达州市高新区", ["达州高新区"], "one inserted character"],
    ["通州区", ["通川区"], "one substituted character (≤ 1 for short names)"],
    ["渠", ["渠县"], "a one-character input still gets a distance-1 match"],
    ["开江", ["开江县"], "contained"],
    ["高新区", ["达州高新区"], "contained at the end"],
    ["ＸＩＮ", [], "nothing close"],
    ["成都市", [], "nothing close"],
    ["", [], "empty input"],
  ];
  it.each(cases)("%j → %j (%s)", (input, expected) => {
    expect(suggest(input, UNITS)).toEqual(expected);
  });

  it("best first: exact (after normalisation) before distance 1 before distance 2", () => {
    const names = ["abcdefgh", "abcdefgx", "abcdefxx", "ABCDEFGH "];
    expect(suggest("abcdefgh", names)).toEqual(["abcdefgh", "ABCDEFGH ", "abcdefgx"]);
    expect(suggest("abcdefgh", names, 4)).toEqual(["abcdefgh", "ABCDEFGH ", "abcdefgx", "abcdefxx"]);
  });

  it("returns at most max names and ties keep the candidates' order", () => {
    expect(suggest("川区", UNITS)).toEqual(["通川区", "达川区"]);
    expect(suggest("川区", UNITS, 1)).toEqual(["通川区"]);
    expect(suggest("县", ["宣汉县", "开江县", "大竹县", "渠县"], 2)).toEqual(["渠县"]);
  });

  it("the threshold is 1 for names up to 4 characters and 2 for longer ones", () => {
    expect(suggest("通州州", UNITS)).toEqual([]); // distance 2 from 通川区, input length 3
    expect(suggest("达州高兴区县", UNITS)).toEqual(["达州高新区"]); // distance 2, input length 6
    expect(suggest("达洲高兴区县", UNITS)).toEqual([]); // distance 3
  });

  it("compares width- and space-insensitively and returns the candidates as given", () => {
    expect(suggest(" 通川 ", ["通川区"])).toEqual(["通川区"]);
    expect(suggest("ＧＤＰ增长", ["gdp增长率"])).toEqual(["gdp增长率"]);
  });

  it("each candidate at most once", () => {
    expect(suggest("通川", ["通川区", "通川区"])).toEqual(["通川区"]);
  });

  it("never throws and only returns candidates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.array(fc.string({ unit: "binary" })), (input, names) => {
        const out = suggest(input, names);
        expect(out.length).toBeLessThanOrEqual(3);
        for (const s of out) expect(names).toContain(s);
      }),
    );
  });
});

describe("levenshtein", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["通川区", "达川区", 1],
    ["达州高新区", "达州市高新区", 1],
    ["𠀀a", "a", 1],
  ] as const)("distance(%j, %j) = %d", (a, b, d) => {
    expect(levenshtein([...a], [...b])).toBe(d);
    expect(levenshtein([...b], [...a])).toBe(d);
  });
});
