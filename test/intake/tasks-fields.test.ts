/** Task-sheet fields and headers: the forms people write, one rule per case. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlanFile } from "../../src/intake/plan-file.js";
import { parseTaskDate, parseTaskDay, parseTaskRef, parseTaskStatus } from "../../src/intake/task-fields.js";
import { matchTaskColumn, recognizeTaskHeader } from "../../src/intake/task-sheet.js";

const plan = parsePlanFile(
  "seeds/plan-2020.json",
  readFileSync(new URL("../../seeds/plan-2020.json", import.meta.url), "utf8"),
);

describe("parseTaskStatus", () => {
  it.each([
    ["not_started", "not_started"],
    ["未启动", "not_started"],
    ["未开始", "not_started"],
    ["Not Started", "not_started"],
    ["in_progress", "in_progress"],
    ["IN-PROGRESS", "in_progress"],
    ["推进中", "in_progress"],
    ["进行中", "in_progress"],
    [" 推 进 中 ", "in_progress"],
    ["done", "done"],
    ["Done", "done"],
    ["ｄｏｎｅ", "done"],
    ["已完成", "done"],
    ["完成", "done"],
    ["at_risk", "at_risk"],
    ["滞后", "at_risk"],
    ["延期", "at_risk"],
  ])("reads %s as %s", (text, status) => {
    expect(parseTaskStatus(text)).toEqual({ ok: true, value: status });
  });

  it.each(["", "finished?", "差不多了", "进行", "50%"])("refuses %j naming the accepted words", (text) => {
    const r = parseTaskStatus(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.key).toBe("tasks.status.invalid");
      expect(String(r.reason.params?.forms)).toContain("已完成");
    }
  });
});

describe("parseTaskDate", () => {
  it.each([
    ["2020-11-30", "2020-11-30"],
    ["2020/11/30", "2020-11-30"],
    ["2020/1/5", "2020-01-05"],
    ["2020.11.30", "2020-11-30"],
    ["2020年11月30日", "2020-11-30"],
    ["2020年1月5号", "2020-01-05"],
    ["２０２０－１１－３０", "2020-11-30"],
    ["2020/11/30 0:00", "2020-11-30"],
    ["2020-02-29", "2020-02-29"],
  ])("reads %s as %s", (text, date) => {
    expect(parseTaskDate(text)).toEqual({ ok: true, value: date });
  });

  it.each([
    ["2019-02-29", "tasks.date.notADay"],
    ["2020-11-31", "tasks.date.notADay"],
    ["2020-13-01", "tasks.date.notADay"],
    ["30/11/2020", "tasks.date.invalid"],
    ["2020-11", "tasks.date.invalid"],
    ["下周", "tasks.date.invalid"],
  ])("refuses %s (%s)", (text, key) => {
    const r = parseTaskDate(text);
    expect(r.ok ? null : r.reason.key).toBe(key);
  });

  it("reads a reporting period in a CSV as the last day of its quarter", () => {
    expect(parseTaskDay("2020Q3")).toEqual({ ok: true, value: "2020-09-30" });
    expect(parseTaskDay("2020年二季度")).toEqual({ ok: true, value: "2020-06-30" });
    expect(parseTaskDay("2020年1-12月")).toEqual({ ok: true, value: "2020-12-31" });
    expect(parseTaskDay("2020/9/28")).toEqual({ ok: true, value: "2020-09-28" });
    const r = parseTaskDay("去年");
    expect(r.ok ? null : r.reason.key).toBe("tasks.date.invalidOrPeriod");
  });
});

describe("parseTaskRef", () => {
  const ref = (s: string) => {
    const r = parseTaskRef(s, plan.tasks);
    return r.ok ? r.value.number : r.reason.key;
  };
  it("reads numbers in the forms sheets use", () => {
    expect(ref("25")).toBe(25);
    expect(ref("２５")).toBe(25);
    expect(ref("第25项")).toBe(25);
    expect(ref("25.")).toBe(25);
    expect(ref("25、深入推进科技奖励制度改革")).toBe(25);
    expect(ref("25.深入推进科技奖励制度改革")).toBe(25);
  });
  it("reads a title alone", () => {
    expect(ref("深入推进科技奖励制度改革")).toBe(25);
  });
  it("refuses unknown numbers, unknown titles and a number with another task's title", () => {
    expect(ref("0")).toBe("tasks.task.unknown");
    expect(ref("36")).toBe("tasks.task.unknown");
    expect(ref("科技奖励")).toBe("tasks.task.unknown");
    expect(ref("")).toBe("tasks.task.unknown");
    expect(ref("25.加强新型智库建设")).toBe("tasks.task.titleMismatch");
  });
});

describe("task-sheet headers", () => {
  it.each([
    ["序号", "task"],
    ["任务", "task"],
    ["Task", "task"],
    ["状态", "status"],
    ["STATUS", "status"],
    ["进展情况", "note"],
    ["备注", "note"],
    ["佐证材料", "evidence"],
    ["日期", "date"],
    ["报告期", "date"],
    ["period", "date"],
    ["完成时限", null],
    ["牵头单位", null],
  ])("%s is the %s column", (header, role) => {
    expect(matchTaskColumn(header)).toBe(role);
  });

  it("needs a task and a status column to be a header; title rows are not", () => {
    expect(recognizeTaskHeader(1, ["达州市科技局2020年重点工作任务推进情况表", "", ""])).toBeNull();
    expect(recognizeTaskHeader(2, ["序号", "进展情况"])).toBeNull();
    expect(recognizeTaskHeader(3, ["日期", "序号", "状态", "进展情况", "佐证材料"])).toEqual({
      line: 3,
      columns: { date: 0, task: 1, status: 2, note: 3, evidence: 4 },
      headers: ["日期", "序号", "状态", "进展情况", "佐证材料"],
    });
  });
});
