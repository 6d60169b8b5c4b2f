/**
 * Tables that fit the terminal: every line of every command's table view, at 80, 100 and 120
 * columns, in both languages and both width readings of East-Asian ambiguous characters, is no
 * wider than the terminal. Rendered in-process from the 2020 plan and the Q1–Q3 fixtures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/app/errors.js";
import { importProgress } from "../../src/app/import-progress.js";
import { createCatalogFor } from "../../src/app/import-session.js";
import {
  buildBreakdownFor,
  buildReportFor,
  buildStatusOverviewFor,
  buildUnitReportFor,
  requirePlan,
} from "../../src/app/report.js";
import { loadPlanFile } from "../../src/app/store.js";
import { readTaskStates, setTask } from "../../src/app/tasks.js";
import { createContext } from "../../src/cli/context.js";
import { tableOptions } from "../../src/cli/width.js";
import type { Plan } from "../../src/domain/plan.js";
import type { Lang } from "../../src/i18n/index.js";
import { breakdownDoc, unitReportDoc } from "../../src/render/breakdown.js";
import { docTable } from "../../src/render/doc.js";
import { reportDoc } from "../../src/render/report.js";
import { statusDoc } from "../../src/render/status.js";
import { layoutTable, type TableOptions } from "../../src/render/table.js";
import { tasksDoc } from "../../src/render/tasks.js";
import { ambiguousChars, displayWidth, wrapText } from "../../src/render/width.js";
import { assetPath } from "../../src/storage/assets.js";
import { type Db, openDatabase } from "../../src/storage/database.js";
import { PROGRESS_FIXTURES } from "../helpers.js";

let db: Db;
let plan: Plan;
const now = new Date("2020-10-15T08:00:00Z");
const today = "2020-10-15";

beforeAll(async () => {
  db = openDatabase(":memory:").db;
  await loadPlanFile(db, assetPath("seeds", "plan-2020.json"), now);
  await importProgress(db, createCatalogFor(db), PROGRESS_FIXTURES, { now });
  plan = requirePlan(db);
  // a long note, so the task tables have a wide column to give up
  setTask(
    db,
    plan,
    {
      task: "3",
      status: "in_progress",
      note: "新建省级平台3家，国家级平台申报材料已报送科技部，正在等待评审结果并同步准备第二批申报材料",
      evidence: "达市科〔2020〕45号",
    },
    { today, now, dryRun: false },
  );
});
afterAll(() => db.close());

const titles = (lang: Lang) =>
  new Map(plan.sections.map((s) => [s.code, lang === "en" ? s.titleEn : s.title]));

/** Every table view of the terminal, as the commands build them. */
function views(lang: Lang, table: TableOptions): Record<string, string> {
  const report = buildReportFor(db, {}).report;
  const { overview } = buildStatusOverviewFor(db, { today });
  const { breakdown } = buildBreakdownFor(db, {});
  const { unitReport } = buildUnitReportFor(db, { unit: "渠县" });
  const items = readTaskStates(db, plan, today);
  const list = {
    plan: { year: 2020, title: plan.plan.title, titleEn: plan.plan.titleEn },
    sections: plan.sections,
    today,
    items,
    filtered: false,
  };
  return {
    report: docTable(reportDoc(report, lang, titles(lang)), false, table),
    status: docTable(statusDoc(overview, lang), false, table),
    "report --by unit": docTable(breakdownDoc(breakdown, lang, titles(lang)), false, table),
    "report --unit": docTable(unitReportDoc(unitReport, lang, titles(lang)), false, table),
    tasks: docTable(tasksDoc(list, lang), false, table),
  };
}

const narrow = (s: string) => displayWidth(s);
const wide = (s: string) => displayWidth(s, true);

describe("every table view fits the terminal", () => {
  for (const lang of ["zh", "en"] as const)
    for (const width of [80, 100, 120])
      it(`${lang} at ${width} columns: no line is wider, with ambiguous characters narrow or wide`, () => {
        for (const [name, out] of Object.entries(views(lang, { width }))) {
          const lines = out.split("\n");
          const over = lines.filter((l) => narrow(l) > width || wide(l) > width);
          expect(over, `${name}: lines wider than ${width}`).toEqual([]);
          // the plain style draws nothing a terminal could draw at two widths
          expect(ambiguousChars(out), name).toEqual([]);
        }
      });

  it("without a width (a pipe, a file) the tables stay whole: the report is wider than 120", () => {
    const out = views("zh", {}).report ?? "";
    expect(Math.max(...out.split("\n").map(narrow))).toBeGreaterThan(120);
  });
});

describe("what a narrow report keeps", () => {
  it("at 80 columns: indicator, target, actual, completion, expected and status; the rest named as hidden", () => {
    const out = views("zh", { width: 80 }).report ?? "";
    const header = out.split("\n").find((l) => l.startsWith("指标 ") && l.includes("|"));
    expect(header?.split("|").map((c) => c.trim())).toEqual([
      "指标",
      "目标",
      "完成",
      "完成率",
      "序时进度",
      "状态",
    ]);
    expect(out).toContain("未显示：计量单位、差距、全年预计、来源");
    // 关键技术攻关项目: 27 of 30 = 90.0%, pace 30 × 3/4 = 22.5
    expect(out).toMatch(/^关键技术攻关项目 +\| +30 \| +27 \| +90\.0% \| +22\.5 \| 正常$/m);
  });

  it("at 120 columns the completion keeps its bar: 27/30 = 0.9 → 7 of 8 cells", () => {
    const out = views("zh", { width: 120 }).report ?? "";
    expect(out).toMatch(/^关键技术攻关项目 +\|.*\| #######\. +90\.0% \|/m);
  });

  it("report --by unit at 80 columns is split into tables that each repeat the indicator", () => {
    const byUnit = views("zh", { width: 80 })["report --by unit"];
    const headers = (byUnit ?? "").split("\n").filter((l) => l.startsWith("指标 "));
    expect(headers.length).toBeGreaterThan(1);
    // every unit column is in one of the parts: 市本级 … 达州高新区, 各单位合计, 全市
    for (const u of ["市本级", "通川", "万源", "达州高新区", "各单位合计", "全市"])
      expect(
        headers.some((h) => h.includes(u)),
        u,
      ).toBe(true);
  });
});

describe("layoutTable", () => {
  const head = ["名称", "目标", "备注"];
  const rows = [
    ["推广应用农业新品种、新技术", "10", "甲"],
    ["Key technology research projects", "5,600", "乙"],
  ];

  /** `s` padded with spaces to `w` display columns (CJK counted 2) */
  const cell = (s: string, w: number) => s + " ".repeat(w - displayWidth(s));

  it("drops the least important column first and says so", () => {
    // natural widths 32 (the English name) + 5 + 4, two separators of 3: 47. At 40 the note
    // (drop 1) goes: 32 + 3 + 5 = 40 fits without wrapping anything
    const r = layoutTable(head, rows, new Set([1]), { width: 40, fit: [{ wrap: true }, {}, { drop: 1 }] });
    expect(r.hidden).toEqual(["备注"]);
    expect(r.text.split("\n")[0]).toBe(`${cell("名称", 32)} |  目标`);
    expect(r.text).not.toContain("乙");
  });

  it("wraps a name inside its cell, never a row across lines of the terminal", () => {
    // 20 columns: 5 for 目标/5,600, 3 for the separator, 12 left for the name: six CJK
    // characters a line; the English name breaks at spaces
    const r = layoutTable(
      head.slice(0, 2),
      rows.map((x) => x.slice(0, 2)),
      new Set([1]),
      { width: 20, fit: [{ wrap: true }, {}] },
    );
    expect(r.text.split("\n")).toEqual([
      `${cell("名称", 12)} |  目标`,
      "-------------+------",
      "推广应用农业 |    10",
      "新品种、新技 |",
      `${cell("术", 12)} |`,
      `${cell("Key", 12)} | 5,600`,
      `${cell("technology", 12)} |`,
      `${cell("research", 12)} |`,
      `${cell("projects", 12)} |`,
    ]);
  });

  it("splits columns of equal weight into tables that repeat the first column", () => {
    // 名称 wraps to 10 at the least; each column adds 3 + 4 (甲甲): 10 + 7 + 7 = 24 fits in 26, a third (31) does not
    const r = layoutTable(
      ["名称", "甲甲", "乙乙", "丙丙"],
      [["推广应用农业新品种", "1", "2", "3"]],
      new Set([1, 2, 3]),
      { width: 26, fit: [{ wrap: true }, {}, {}, {}] },
    );
    const headers = r.text.split("\n").filter((l) => l.startsWith("名称"));
    expect(headers.map((h) => h.split("|").map((c) => c.trim()))).toEqual([
      ["名称", "甲甲", "乙乙"],
      ["名称", "丙丙"],
    ]);
    for (const l of r.text.split("\n")) expect(displayWidth(l)).toBeLessThanOrEqual(26);
  });

  it("at a width too narrow for any table, lists each row as label: value lines", () => {
    const r = layoutTable(["名称", "目标"], [["关键技术攻关项目", "5,600"]], new Set([1]), {
      width: 14,
      fit: [{ wrap: true }, {}],
    });
    // 10 (the least a name wraps to) + 3 + 5 = 18 > 14: no table fits; the name (16) wraps at 14
    expect(r.text.split("\n")).toEqual(["关键技术攻关项", "目", "  目标: 5,600"]);
  });

  it("counts ambiguous characters as two columns when told the terminal draws them wide", () => {
    // ± and Ω are ambiguous: 1 column each, or 2 each under ambiguous = wide
    expect(displayWidth("±5Ω")).toBe(3);
    expect(displayWidth("±5Ω", true)).toBe(5);
    // wide CJK stays 2 either way; box drawing is ambiguous
    expect(displayWidth("达州", true)).toBe(4);
    expect(displayWidth("│─", true)).toBe(4);
    const r = layoutTable(["量", "值"], [["温度±Ω范围说明文字很长很长", "1"]], new Set([1]), {
      width: 16,
      measure: wide,
      fit: [{ wrap: true }, {}],
    });
    for (const l of r.text.split("\n")) expect(wide(l)).toBeLessThanOrEqual(16);
  });

  it("box style keeps the box lines; plain style uses ASCII only", () => {
    const box = layoutTable(["a", "b"], [["1", "2"]], new Set(), { style: "box" }).text;
    expect(box.split("\n")[0]).toBe("┌───┬───┐");
    const plain = layoutTable(["a", "b"], [["1", "2"]], new Set()).text;
    expect(plain).toBe("a | b\n--+--\n1 | 2");
  });

  it("wraps English at spaces and Chinese between characters", () => {
    expect(wrapText("one two three", 7)).toEqual(["one two", "three"]);
    expect(wrapText("达州市科技局", 6)).toEqual(["达州市", "科技局"]);
  });
});

describe("the width a run lays tables out at", () => {
  const ctx = (isTTY: boolean, columns: number | undefined, env: NodeJS.ProcessEnv = {}) =>
    createContext(
      { lang: "zh" },
      env,
      { write: () => {}, isTTY, columns },
      { write: () => {}, isTTY: false },
    );

  it("--width beats the terminal, which beats COLUMNS; a pipe without COLUMNS is unlimited", () => {
    expect(tableOptions(ctx(true, 100, { COLUMNS: "90" }), { width: "72" }).width).toBe(72);
    expect(tableOptions(ctx(true, 100, { COLUMNS: "90" }), {}).width).toBe(100);
    expect(tableOptions(ctx(false, undefined, { COLUMNS: "90" }), {}).width).toBe(90);
    expect(tableOptions(ctx(false, undefined), {}).width).toBeUndefined();
    // --width 0: unlimited even on a terminal; a file has no width
    expect(tableOptions(ctx(true, 100), { width: "0" }).width).toBeUndefined();
    expect(tableOptions(ctx(true, 100), { output: "r.txt" }).width).toBeUndefined();
    expect(tableOptions(ctx(true, 100), {}).style).toBe("plain");
    expect(tableOptions(ctx(true, 100), { style: "box" }).style).toBe("box");
  });

  it("a --width that is not a whole number is a usage error", () => {
    for (const bad of ["-1", "abc", "8.5", ""])
      expect(() => tableOptions(ctx(true, 100), { width: bad }), bad).toThrow(UsageError);
  });
});
