/**
 * The five-second verdict (render/verdict.ts): one count line, at most five names per category,
 * task numbers by status, and the same words in report and status at year end.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importProgress } from "../../src/app/import-progress.js";
import { createCatalogFor } from "../../src/app/import-session.js";
import { buildReportFor, buildStatusOverviewFor } from "../../src/app/report.js";
import { loadPlanFile } from "../../src/app/store.js";
import type { TaskState } from "../../src/domain/tasks.js";
import { reportDoc } from "../../src/render/report.js";
import { statusDoc } from "../../src/render/status.js";
import {
  indicatorVerdict,
  numberRanges,
  someNames,
  taskVerdict,
  verdictCategory,
} from "../../src/render/verdict.js";
import { assetPath } from "../../src/storage/assets.js";
import { type Db, openDatabase } from "../../src/storage/database.js";
import { FIXTURES, PROGRESS_FIXTURES } from "../helpers.js";

describe("verdict pieces", () => {
  it("task numbers as ranges", () => {
    expect(numberRanges("zh", [5, 1, 2, 3, 7, 8, 10])).toBe("1–3、5、7–8、10");
    expect(numberRanges("en", [2, 4])).toBe("2, 4");
  });

  it("at most five names, then how many more; names are separated by ； since they may hold 、", () => {
    const names = ["推广应用农业新品种、新技术", "乙", "丙", "丁", "戊", "己", "庚"];
    // 7 names: five shown, 7 - 5 = 2 more
    expect(someNames("zh", names)).toBe("推广应用农业新品种、新技术；乙；丙；丁；戊 等，另 2 项");
    expect(someNames("en", ["a", "b", "c", "d", "e", "f"])).toBe("a; b; c; d; e and 1 more");
    expect(someNames("zh", ["甲", "乙"])).toBe("甲；乙");
  });

  it("before Q4 the category is the report status; at Q4 a figure is met or missed against the target", () => {
    expect(verdictCategory({ status: "behind", actual: 5, target: 10 }, false)).toBe("behind");
    expect(verdictCategory({ status: "behind", actual: 5, target: 10 }, true)).toBe("missed");
    expect(verdictCategory({ status: "on_track", actual: 10, target: 10 }, true)).toBe("met");
    expect(verdictCategory({ status: "no_baseline", actual: 12, target: 10 }, true)).toBe("met");
    expect(verdictCategory({ status: "pending", actual: null, target: 10 }, true)).toBe("pending");
    expect(verdictCategory({ status: "no_data", actual: null, target: 10 }, true)).toBe("no_data");
  });

  it("the count line has every category of the phase, zero or not; the named lines only the ones with members", () => {
    const items = [
      { name: "甲", category: "met" as const, final: true },
      { name: "乙", category: "behind" as const, final: false },
      { name: "丙", category: "no_data" as const, final: false },
    ];
    const before = indicatorVerdict("zh", items, false);
    expect(before.head).toEqual({
      text: "指标 3 项：已完成 1，正常 0，滞后 1，待定 0，无数据 1",
      tone: "bad",
    });
    expect(before.lines.map((l) => l.text)).toEqual(["滞后：乙", "无数据：丙"]);
    const atQ4 = indicatorVerdict(
      "en",
      [
        { name: "A", category: "met", final: true },
        { name: "B", category: "met", final: false },
        { name: "C", category: "missed", final: true },
      ],
      true,
    );
    // met 2 of which 1 provisional; missed 1; no on track / behind at Q4
    expect(atQ4.head.text).toBe("3 indicators: met 2 (1 provisional), pending 0, no data 0, missed 1");
    expect(atQ4.lines.map((l) => l.text)).toEqual(["missed: C"]);
  });

  it("tasks: counts by status with the overdue ones, then the numbers of each open status", () => {
    const task = (number: number, status: TaskState["status"], overdue = false) =>
      ({ number, status, overdue }) as TaskState;
    const lines = taskVerdict("zh", [
      task(1, "done"),
      task(2, "not_started", true),
      task(3, "not_started", true),
      task(4, "in_progress"),
      task(5, "at_risk"),
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      "任务 5 项：已完成 1，推进中 1，未启动 2，滞后 1；逾期 2",
      "滞后：任务 5",
      "推进中：任务 4",
      "未启动：任务 2–3",
      "逾期未完成：任务 2–3",
    ]);
  });
});

describe("report and status say the same", () => {
  let q3: Db;
  let q4: Db;
  const now = new Date("2021-01-20T08:00:00Z");
  beforeAll(async () => {
    const open = async (files: string[]) => {
      const db = openDatabase(":memory:").db;
      await loadPlanFile(db, assetPath("seeds", "plan-2020.json"), now);
      await importProgress(db, createCatalogFor(db), files, { now });
      return db;
    };
    q3 = await open(PROGRESS_FIXTURES);
    q4 = await open([...PROGRESS_FIXTURES, join(FIXTURES, "progress", "2020Q4.csv")]);
  });
  afterAll(() => {
    q3.close();
    q4.close();
  });

  for (const [when, db] of [
    ["at Q3", () => q3],
    ["at Q4", () => q4],
  ] as const)
    it(`${when}: the same count line and named categories in both views`, () => {
      const report = reportDoc(buildReportFor(db(), {}).report, "zh", new Map());
      const status = statusDoc(buildStatusOverviewFor(db(), { today: "2021-01-20" }).overview, "zh");
      expect(status.verdict).toEqual(report.verdict);
      const named = (lines: { text: string }[] | undefined) =>
        (lines ?? []).filter((l) => !l.text.startsWith("任务") && !l.text.startsWith("按当前进度"));
      expect(
        named(status.details).filter((l) => /^(滞后|未完成|无数据|待定|缺基数)：[^任]/.test(l.text)),
      ).toEqual(named(report.details));
    });

  it("at Q4 the report's table says 未完成 where status does, never 滞后", () => {
    const report = reportDoc(buildReportFor(q4, {}).report, "zh", new Map());
    // 技术合同登记额: 5,200 of 5,600 at Q4 → missed; the fixtures make it final
    const row = report.blocks[0]?.rows.find(
      (r) => Array.isArray(r) && r[0]?.text.startsWith("技术合同登记额"),
    );
    expect(Array.isArray(row) && row[7]?.text).toBe("未完成");
    // the counts are the year status's own (met and missed final, none provisional, none pending)
    const { summary } = buildStatusOverviewFor(q4, { today: "2021-01-20" }).overview.status;
    expect(summary).toMatchObject({ total: 23, met: 6, missed: 3, provisional: 0, pending: 0, noData: 14 });
    expect(report.verdict?.text).toBe("指标 23 项：完成 6，待定 0，无数据 14，未完成 3");
    expect(report.details?.[0]?.text).toBe(
      "未完成：全社会研发经费支出；技术合同登记额；柔性引进国(境)外高端紧缺人才",
    );
  });
});
