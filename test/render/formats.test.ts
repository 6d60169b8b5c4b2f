/** The one list of output formats: --format's choices, -o FILE's extension rule, a folder's file name. */
import { describe, expect, it } from "vitest";
import { describeCommands } from "../../src/cli/main.js";
import { extensionOf, FORMAT_NAMES, formatOfFile } from "../../src/render/formats.js";

describe("output formats", () => {
  it("a file's extension picks the format, case-insensitive; other names pick none", () => {
    expect(formatOfFile("out/report.HTML")).toBe("html");
    expect(formatOfFile("a.htm")).toBe("html");
    expect(formatOfFile("brief.md")).toBe("markdown");
    expect(formatOfFile("brief.markdown")).toBe("markdown");
    expect(formatOfFile("x.csv")).toBe("csv");
    expect(formatOfFile("x.json")).toBe("json");
    expect(formatOfFile("x.txt")).toBe("table");
    expect(formatOfFile("x.xlsx")).toBe("xlsx");
    expect(formatOfFile("x.xls")).toBeUndefined();
    expect(formatOfFile("README")).toBeUndefined();
  });

  it("a file written into a folder takes the format's first extension", () => {
    expect(extensionOf("markdown")).toBe("md");
    expect(extensionOf("table")).toBe("txt");
    expect(extensionOf(undefined)).toBe("txt");
  });

  it("every command that prints a document offers the same formats, and -o", async () => {
    expect(FORMAT_NAMES).toEqual(["table", "json", "csv", "markdown", "html", "xlsx"]);
    const documents = [
      "plan",
      "units",
      "imports",
      "history",
      "report",
      "status",
      "tasks",
      "completeness",
      "trend",
      "doctor",
    ];
    for (const c of (await describeCommands("zh")).filter((x) => documents.includes(x.name)))
      expect(c.options, c.name).toEqual(
        expect.arrayContaining(["--format", "--output", "--width", "--style"]),
      );
  });
});
