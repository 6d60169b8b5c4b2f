/** Options declared once as data (src/cli/options.ts), registered on commander and validated with zod. */
import { Option } from "commander";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/app/errors.js";
import { OPTIONS, type OptionDef, parseOptions } from "../../src/cli/options.js";

describe("declared options", () => {
  it("each key is the name commander parses its flags into", () => {
    for (const [command, defs] of Object.entries(OPTIONS))
      for (const [key, def] of Object.entries(defs as Record<string, OptionDef>))
        expect(new Option(def.flags).attributeName(), `${command} ${def.flags}`).toBe(key);
  });

  it("validated options carry their defaults and types", () => {
    // what commander hands over for `dzkj plan --section 二` (--no-bom's true is commander's)
    expect(parseOptions("plan", { section: "二", bom: true, format: "table", style: "plain" })).toEqual({
      section: "二",
      bom: true,
      format: "table",
      style: "plain",
    });
    // a default the caller did not pass is filled in
    expect(parseOptions("units", {})).toMatchObject({ format: "table", style: "plain" });
  });

  it("a value of the wrong type is a usage error naming the option", () => {
    expect(() => parseOptions("units", { year: 2020 })).toThrow(UsageError);
    const thrown = (() => {
      try {
        parseOptions("history", { unit: ["a", "b"] });
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).reason).toMatchObject({
      key: "error.option",
      params: { option: "--unit" },
    });
    expect(() => parseOptions("doctor", { format: "pdf" })).toThrow(UsageError);
  });
});
