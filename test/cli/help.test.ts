/**
 * Help in the UI language with examples, `dzkj help CMD`, did-you-mean for mistyped actions, and
 * (in sqlite-utils' test_docs spirit) every command and option documented in the README.
 * Run in-process: main() with stdout and stderr captured.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeCommands } from "../../src/cli/main.js";
import { ROOT } from "../helpers.js";
import { type MainResult, runMain } from "../support/main.js";

afterEach(() => vi.restoreAllMocks());

/** Runs main in-process, with no database anywhere. */
function run(...argv: string[]): Promise<MainResult> {
  return runMain(argv, { PATH: process.env.PATH, HOME: "/nonexistent", DZKJ_DB: "/nonexistent/x.db" });
}

const commands = await describeCommands("zh");

describe("every command's help", () => {
  it("lists all 19 commands", () => {
    expect(commands.map((c) => c.name)).toEqual([
      "init",
      "plan",
      "units",
      "import",
      "imports",
      "history",
      "template",
      "report",
      "status",
      "tasks",
      "task",
      "completeness",
      "trend",
      "targets",
      "rank",
      "doctor",
      "backup",
      "restore",
      "export",
    ]);
  });

  for (const { name, options } of commands)
    it(`${name}: Chinese throughout, its options and the global ones, then examples`, async () => {
      const r = await run(name, "--help");
      expect(r.code).toBe(0);
      const out = r.stdout;
      // none of commander's English words
      for (const english of [
        "Usage:",
        "Options:",
        "Arguments:",
        "Global Options:",
        "(choices:",
        "default:",
        "[options]",
      ])
        expect(out, english).not.toContain(english);
      expect(out).toMatch(/^用法： dzkj /);
      for (const o of options) expect(out, o).toContain(o);
      expect(out).toMatch(/全局选项：\n {2}--db <路径>/);
      expect(out).toContain("--lang <语言>");
      // two or three examples of this very command, each with what it does
      // (each comment beside its command, or on the line below it when that does not fit 80 columns)
      const block = out
        .slice(out.indexOf("示例："))
        .split("\n")
        .slice(1)
        .filter(Boolean)
        .join("\n")
        .replace(/\n {4}# /g, "  # "); // a comment on the line below belongs to the command above
      const examples = block.split("\n");
      expect(examples.length).toBeGreaterThanOrEqual(name === "export" ? 1 : 2);
      expect(examples.length).toBeLessThanOrEqual(3);
      for (const e of examples) expect(e).toMatch(new RegExp(`^ {2}dzkj (--db \\S+ )?${name}\\b.*  # \\S`));
    });

  it("in English with --lang en", async () => {
    const r = await run("--lang", "en", "report", "--help");
    expect(r.stdout).toMatch(/^Usage: dzkj report \[options\]/);
    // (commander wraps the description at 80 columns)
    expect(r.stdout.replace(/\s+/g, " ")).toContain(
      "--format <format> output format (choices: table, json, csv, markdown, html, xlsx; default: table)",
    );
    expect(r.stdout).toContain("\nGlobal options:\n  --db <path>");
    expect(r.stdout).toContain("\nExamples:\n  dzkj report");
  });

  it("choices and defaults in Chinese", async () => {
    const r = await run("report", "--help");
    // (a description wider than 80 columns continues on the next line, indented)
    expect(r.stdout.replace(/\n +/g, "")).toContain(
      "--format <格式>      输出格式（可选：table、json、csv、markdown、html、xlsx；默认：table）",
    );
  });
});

describe("dzkj help CMD", () => {
  it("prints the command's help, exit 0", async () => {
    const help = await run("help", "report");
    const flag = await run("report", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(flag.stdout);
    expect(help.stderr).toBe("");
  });

  it("help with a mistyped command is a usage error with the did-you-mean (exit 2)", async () => {
    const r = await run("help", "reprot");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("未知的命令 reprot——是否指 report？");
  });

  it("lists help among the commands, with examples of the program", async () => {
    const r = await run("--help");
    expect(r.stdout).toMatch(/\n {2}help \[命令\] +显示某个命令的帮助\n/);
    expect(r.stdout).toContain("示例：\n  dzkj help report");
  });
});

describe("a mistyped action gets a did-you-mean", () => {
  it("task sett → task set (exit 2)", async () => {
    const r = await run("task", "sett", "25", "done");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "dzkj: 错误: dzkj task 没有子命令 sett；可用：set show import——是否指 dzkj task set？\n",
    );
  });

  it("imports shw → imports show, in English too", async () => {
    const r = await run("--lang", "en", "imports", "shw", "2");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "dzkj imports has no action shw; accepted: list show undo redo — did you mean dzkj imports show?",
    );
  });

  it("a mistyped command as before: reprot → report", async () => {
    const r = await run("reprot");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("未知的命令 reprot——是否指 report？");
  });
});

describe("the README documents every command and option", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  for (const { name, options } of commands)
    it(`dzkj ${name}`, () => {
      // a heading of its own
      expect(readme).toMatch(new RegExp(`^#{2,4} .*\`dzkj ${name}\\b`, "m"));
      for (const o of options) expect(readme, `${name} ${o}`).toContain(o);
    });
});

describe("help fits 80 columns", () => {
  it.each(["zh", "en"])(
    "every command's help in %s: no line wider than 80 (wide characters count 2)",
    async (lang) => {
      const { displayWidth } = await import("../../src/render/width.js");
      for (const c of commands) {
        const r = await run("--lang", lang, c.name, "--help");
        const widest = Math.max(...r.stdout.split("\n").map((l) => displayWidth(l)));
        expect(widest, `${lang} ${c.name}`).toBeLessThanOrEqual(80);
      }
    },
  );
});

describe("usage errors name their arguments in the UI language", () => {
  it.each([
    ["history", "缺少参数 <指标>"],
    ["import", "缺少参数 <文件>"],
  ])("dzkj %s with no argument: %s", async (command, words) => {
    const r = await run(command);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
  });

  it("--wait's placeholder is Chinese in Chinese help", async () => {
    expect((await run("import", "--help")).stdout).toContain("--wait <秒数>");
  });
});
