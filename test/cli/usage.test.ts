/** Usage errors (commander's) speak the UI language, in dzkj's error format, with exit code 2. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dzkj, ROOT, tempDir, testEnv } from "../helpers.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const env = testEnv(dir, { DZKJ_DB: join(dir, "usage.db") });

describe("usage errors", () => {
  it.each([
    [["report", "--formt", "json"], "dzkj: 错误: 未知的选项 --formt——是否指 --format？"],
    [["reprt"], "dzkj: 错误: 未知的命令 reprt——是否指 report？"],
    [
      ["report", "--format", "xml"],
      "dzkj: 错误: 选项 --format 的值无效：xml；可用：table, json, csv, markdown, html, xlsx",
    ],
    [["trend"], "dzkj: 错误: 缺少参数 <指标>"],
    [["report", "--as-of"], "dzkj: 错误: 选项 --as-of 缺少取值"],
    [["units", "extra"], "dzkj: 错误: units 的参数过多"],
  ])("%j → %s", (args, message) => {
    const r = dzkj(args, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n运行 dzkj --help（或 dzkj 命令 --help）查看用法\n`);
    expect(r.stdout).toBe("");
  });

  it("in English with --lang en", () => {
    const r = dzkj(["--lang", "en", "report", "--formt", "json"], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "dzkj: error: unknown option --formt — did you mean --format?\nrun dzkj --help (or dzkj COMMAND --help) for usage\n",
    );
  });
});

describe("--version", () => {
  it("prints package.json's version and exits 0, with -V too", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ["--version", "-V"]) {
      const r = dzkj([flag], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.stderr).toBe("");
    }
  });

  it("is listed in the help, in Chinese by default", () => {
    expect(dzkj(["--help"], { env }).stdout).toMatch(/-V, --version\s+显示版本号/);
    expect(dzkj(["--lang", "en", "--help"], { env }).stdout).toMatch(/-V, --version\s+show the version/);
  });
});
