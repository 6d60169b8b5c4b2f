/** Text from files is shown, never obeyed: control characters in tables and error lines, HTML in markdown. */
import { describe, expect, it } from "vitest";
import { formatProblemLine } from "../../src/cli/problems.js";
import { visibleText } from "../../src/render/format.js";
import { mdTable } from "../../src/render/markdown.js";
import { renderTable } from "../../src/render/table.js";

const HOSTILE = "备注\u001b[2J\u001b]0;pwned\u0007清屏\r覆盖\n换行";

describe("control characters are made visible", () => {
  it("visibleText: ESC, BEL, CR and LF become control pictures; C1 as \\x9b", () => {
    expect(visibleText("a\u001b[2Jb\u0007c\rd\ne\u009bf\u007f")).toBe("a␛[2Jb␇c␍d␊e\\x9bf␡");
    // dzkj's own colour codes survive only when asked for
    expect(visibleText("\u001b[31m滞后\u001b[39m", true)).toBe("\u001b[31m滞后\u001b[39m");
    expect(visibleText("\u001b[31m滞后\u001b[39m")).toBe("␛[31m滞后␛[39m");
  });

  it("a table cell holding a note with escape sequences prints no control character but the colours", () => {
    const out = renderTable(["备注", "状态"], [[HOSTILE, "\u001b[31m滞后\u001b[39m"]]);
    expect(out).toContain("备注␛[2J␛]0;pwned␇清屏␍覆盖␊换行");
    const withoutColour = out.replaceAll("\u001b[31m", "").replaceAll("\u001b[39m", "");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
    expect(withoutColour).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(out).toContain("\u001b[31m滞后\u001b[39m");
    // still one line per row: the head, its rule, the row (the plain style draws no frame)
    expect(out.split("\n")).toHaveLength(3);
  });

  it("an error line names the file and value with their control characters visible", () => {
    const line = formatProblemLine("en", {
      file: "q3\u001b[31m.csv",
      line: 2,
      column: "unit",
      value: "通川\r区",
      reason: { key: "import.unit.unknown", params: { value: "通川\r区" } },
    });
    expect(line).toContain("q3␛[31m.csv:2: unit: 通川␍区 —");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
    expect(line).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe("markdown escapes HTML", () => {
  it("a name with tags reads as text, not markup", () => {
    const out = mdTable(["指标"], [["<img src=x onerror=alert(1)> & <b>加粗</b>"]]);
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;加粗&lt;/b&gt;");
    expect(out).not.toContain("<img");
  });
});
