/** End to end: dzkj task set/show/import and dzkj tasks, on the built binary and a temp database. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createDatabase,
  dzkj,
  FIXTURES,
  PROGRESS_FIXTURES,
  type RunResult,
  squeezeTables,
  tempDir,
  testEnv,
} from "../helpers.js";
import { dump, fileBytes } from "./db.js";

let dir: string;
let cleanup: () => void;
let db: string;
let now = "2020-12-10T08:00:00Z";
const run = (...args: string[]): RunResult =>
  dzkj(["--db", db, ...args], { env: testEnv(dir, { DZKJ_NOW: now }) });

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "test.db");
  await createDatabase(db);
  now = "2020-12-10T08:00:00Z";
});
afterEach(() => cleanup());

const fixture = (...p: string[]) => join(FIXTURES, "tasks", ...p);

const TaskJson = z
  .object({
    number: z.number().int().min(1).max(35),
    section: z.enum(["一", "二", "三", "四", "五", "六", "七", "八"]),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    lead: z.string().min(1),
    leadEn: z.string().min(1),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    status: z.enum(["not_started", "in_progress", "done", "at_risk"]),
    note: z.string().nullable(),
    evidence: z.string().nullable(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    overdue: z.boolean(),
    indicators: z.array(z.string()),
  })
  .strict();
const TasksJson = z.array(TaskJson);

/** `tasks --format json`, validated against the documented contract. */
function tasksJson(...args: string[]) {
  const r = run("tasks", "--format", "json", ...args);
  expect(r.code, r.stderr).toBe(0);
  return TasksJson.parse(JSON.parse(r.stdout));
}
const byNumber = (items: z.infer<typeof TasksJson>, n: number) => items.find((t) => t.number === n)!;
const batchCount = () => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare("SELECT count(*) AS n FROM import_batches").get() as { n: number }).n;
  } finally {
    d.close();
  }
};

describe("task set / show", () => {
  it("sets a task's status with note, evidence and date, and says what it did", () => {
    const r = run(
      "task",
      "set",
      "25",
      "done",
      "--note",
      "《达州市科学技术奖励办法》修订印发",
      "--evidence",
      "达市科〔2020〕12号",
      "--date",
      "2020-11-30",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("任务 25「深入推进科技奖励制度改革」: 已完成 · 达市科〔2020〕12号（2020-11-30）\n");
    expect(r.stderr).toContain("已记录为批次 #1（dzkj imports undo 1 可撤销）");
    expect(byNumber(tasksJson(), 25)).toMatchObject({
      section: "六",
      status: "done",
      note: "《达州市科学技术奖励办法》修订印发",
      evidence: "达市科〔2020〕12号",
      date: "2020-11-30",
      overdue: false,
    });
  });

  it("accepts Chinese statuses and the other date forms; the date defaults to today", () => {
    expect(run("task", "set", "3", "进行中", "--date", "2020/11/2").code).toBe(0);
    expect(run("task", "set", "4", "滞后", "--date", "2020年11月3日").code).toBe(0);
    expect(run("task", "set", "5", "完成").code).toBe(0);
    const items = tasksJson();
    expect([3, 4, 5].map((n) => [byNumber(items, n).status, byNumber(items, n).date])).toEqual([
      ["in_progress", "2020-11-02"],
      ["at_risk", "2020-11-03"],
      ["done", "2020-12-10"],
    ]);
  });

  it("shows the task, its current state and the full history of changes", () => {
    run("task", "set", "25", "in_progress", "--note", "起草修订稿", "--date", "2020-06-01");
    run(
      "task",
      "set",
      "25",
      "done",
      "--note",
      "修订印发",
      "--evidence",
      "达市科〔2020〕12号",
      "--date",
      "2020-11-30",
    );
    const r = run("task", "show", "25");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("任务 25：深入推进科技奖励制度改革");
    expect(lines[1]).toBe("所属部分：六、深入推进科技体制机制改革,提高创新体系效能");
    expect(r.stdout).toContain("根据《四川省深化科技奖励制度改革方案》修订《达州市科学技术奖励办法》。");
    expect(r.stdout).toContain(
      "牵头单位：市科技局\n完成时限：2020-12-31（年底）\n当前状态：已完成（2020-11-30）\n",
    );
    expect(r.stdout).toContain("进展情况：修订印发\n佐证材料：达市科〔2020〕12号\n");
    const history = lines.filter((l) => /^2020-/.test(l));
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/2020-06-01 \| 推进中 \| 起草修订稿 .*\| #1 .*\| task set .*\| 已被 #2 取代$/);
    expect(history[1]).toMatch(/2020-11-30 \| 已完成 \| 修订印发 .*\| 达市科〔2020〕12号 \| #2 .*\| 当前/);
    const json = JSON.parse(run("task", "show", "25", "--format", "json").stdout);
    expect(json).toMatchObject({ number: 25, status: "done", date: "2020-11-30", indicators: [] });
    expect(
      json.history.map((h: { status: string; supersededBy: number | null }) => [h.status, h.supersededBy]),
    ).toEqual([
      ["in_progress", 2],
      ["done", null],
    ]);
  });

  it("shows the state of the indicators that measure a task", () => {
    expect(run("import", ...PROGRESS_FIXTURES).code).toBe(0);
    const r = run("task", "show", "4");
    expect(r.stdout).toContain("相关指标（2020Q3）");
    for (const name of [
      "高新技术企业",
      "入库备案科技型中小企业",
      "高新技术产业主营业务收入",
      "新培育高新技术企业",
    ])
      expect(r.stdout).toContain(name);
    expect(r.stdout).toContain("尚未记录过进展");
    const json = JSON.parse(run("task", "show", "4", "--format", "json").stdout);
    expect(json.indicators.map((i: { code: string }) => i.code).sort()).toEqual(
      ["hitech_enterprises", "hitech_enterprises_new", "hitech_industry_revenue", "tech_smes"].sort(),
    );
  });

  it("writes nothing when the new state equals the current one, or with --dry-run", () => {
    run("task", "set", "3", "done", "--date", "2020-11-30");
    const before = fileBytes(db);
    const same = run("task", "set", "3", "已完成", "--date", "2020-11-30");
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("与现有记录相同，未作修改");
    const dry = run("task", "set", "3", "at_risk", "--note", "资金未到位", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      "任务 3「搭建一批创新创业平台」: 已完成 → 滞后（2020-12-10）（试运行，未写入）\n",
    );
    expect(fileBytes(db)).toBe(before);
  });

  it.each([
    [["task", "set", "99", "done"], "dzkj: 错误: 未知的任务序号 99（1–35）"],
    [["task", "set", "x", "done"], "dzkj: 错误: 未知的任务序号 x（1–35）"],
    [
      ["task", "set", "3", "maybe"],
      "dzkj: 错误: “maybe”不是任务状态；可用：not_started/未启动、in_progress/推进中、done/已完成、at_risk/滞后",
    ],
    [["task", "set", "3", "done", "--date", "2020-02-30"], "dzkj: 错误: “2020-02-30”不是存在的日期"],
    [
      ["task", "set", "3", "done", "--date", "11/30/2020"],
      "dzkj: 错误: “11/30/2020”不是日期；可用格式：2020-11-30、2020/11/30、2020年11月30日",
    ],
    [
      ["task", "set", "3", "done", "--date", "2020-12-11"],
      "dzkj: 错误: 日期 2020-12-11 晚于今天（2020-12-10）：进展只能记录已发生的情况",
    ],
    [["task", "show", "0"], "dzkj: 错误: 未知的任务序号 0（1–35）"],
    [["task", "set", "3"], "dzkj: 错误: 用法：dzkj task set 序号 状态"],
    // an unknown action names the actions (no near one to suggest for frob)
    [["task", "frob", "3"], "dzkj: 错误: dzkj task 没有子命令 frob；可用：set show import"],
  ])("%j is refused with exit 2 and changes nothing", (args, message) => {
    run("task", "set", "5", "in_progress", "--date", "2020-11-01");
    const before = dump(db);
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
    expect(dump(db)).toEqual(before);
  });

  it("speaks English with --lang en", () => {
    const r = run("--lang", "en", "task", "set", "25", "推进中", "--date", "2020-11-30");
    expect(r.stdout).toBe("task 25 'Deepen reform of the S&T awards system': in progress (2020-11-30)\n");
    const bad = run("--lang", "en", "task", "set", "25", "maybe");
    expect(bad.stderr).toContain("'maybe' is not a task status; accepted: not_started/未启动");
    expect(run("--lang", "en", "task", "show", "25").stdout).toContain(
      "Status: in progress (since 2020-11-30)",
    );
  });
});

describe("task import", () => {
  it("imports a clean UTF-8 sheet and lists each change", () => {
    const r = run("task", "import", fixture("2020Q3.csv"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "2020Q3.csv: utf8，分隔符 ,；读取 5 行，跳过标题行 0，新增 5，更新 0，未变 0，空白 0，拒绝 0",
    );
    expect(r.stdout).toContain("  第 3 行 任务 25: 已完成 · 达市科〔2020〕12号（2020-09-30）");
    const items = tasksJson();
    expect(byNumber(items, 30)).toMatchObject({
      status: "done",
      note: "新一届决咨委于6月完成换届, 聘任专家41名",
      evidence: "达市委办〔2020〕35号",
      date: "2020-09-30",
    });
    expect(byNumber(items, 12).status).toBe("at_risk");
    expect(items.filter((t) => t.status !== "not_started")).toHaveLength(5);
  });

  it("imports a GB18030 sheet with title rows, CRLF, a multi-line note and mixed date forms", () => {
    const bytes = readFileSync(fixture("gb18030-title-rows.csv"));
    expect(bytes.includes(Buffer.from("状态", "utf8"))).toBe(false); // really not UTF-8
    const r = run("task", "import", fixture("gb18030-title-rows.csv"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("gb18030，分隔符 ,；读取 5 行，跳过标题行 2，新增 5，更新 0");
    const items = tasksJson();
    expect(byNumber(items, 25)).toMatchObject({
      status: "done",
      note: "《达州市科学技术奖励办法》已修订,\n经市政府常务会审议通过",
      evidence: "达市科〔2020〕12号",
      date: "2020-09-28",
    });
    expect([3, 30, 31, 28].map((n) => [byNumber(items, n).status, byNumber(items, n).date])).toEqual([
      ["in_progress", "2020-09-30"],
      ["done", "2020-09-30"],
      ["in_progress", "2020-09-30"],
      ["at_risk", "2020-09-30"],
    ]);
  });

  it("warns when a row is dated before the task's current record (it still replaces it)", () => {
    run("task", "set", "25", "done", "--date", "2020-11-30");
    const r = run("task", "import", fixture("gb18030-title-rows.csv"));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "gb18030-title-rows.csv:6: 任务 25 的日期 2020-09-28 早于原记录的日期 2020-11-30，已按文件覆盖",
    );
    expect(r.stderr.match(/早于原记录/g)).toHaveLength(1);
    expect(byNumber(tasksJson(), 25).date).toBe("2020-09-28");
  });

  it("imports Excel's UTF-16 tab-separated text, ignoring a remark row below the table; --format json", () => {
    const r = run("task", "import", fixture("utf16le-tab.txt"), "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const [o] = JSON.parse(r.stdout);
    expect(o).toMatchObject({
      status: "imported",
      batchId: 1,
      encoding: "utf16le",
      bom: true,
      delimiter: "\t",
      headerLine: 1,
      rowsRead: 4,
      inserted: 3,
      blank: 1,
      rejected: 0,
      problems: [],
    });
    expect(o.changes.map((c: { task: number; new: { status: string } }) => [c.task, c.new.status])).toEqual([
      [22, "in_progress"],
      [23, "done"],
      [35, "at_risk"],
    ]);
    expect(byNumber(tasksJson(), 23)).toMatchObject({ evidence: "达市科〔2020〕30号", date: "2020-09-15" });
  });

  it("imports an English sheet with a BOM and a period column", () => {
    const r = run("task", "import", fixture("english-bom-period.csv"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("utf8 BOM，分隔符 ,；读取 3 行");
    const items = tasksJson();
    expect(byNumber(items, 26)).toMatchObject({
      status: "done",
      evidence: "dzkj-voucher-2020.pdf",
      date: "2020-06-30",
    });
    expect(byNumber(items, 24)).toMatchObject({ status: "in_progress", date: "2020-09-30" });
  });

  it("skips a file whose bytes were already imported, unless --force", () => {
    expect(run("task", "import", fixture("2020Q3.csv")).code).toBe(0);
    const again = run("task", "import", fixture("2020Q3.csv"));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/2020Q3\.csv: 与 2020-12-10 导入的批次 #1 内容完全相同，已跳过/);
    expect(batchCount()).toBe(1);
    const forced = run("task", "import", fixture("2020Q3.csv"), "--force");
    expect(forced.stdout).toContain("新增 0，更新 0，未变 5");
    expect(batchCount()).toBe(2);
  });

  it.each([
    [
      "bad-status.csv",
      [
        "bad-status.csv:3: 状态: 差不多了 — “差不多了”不是任务状态；可用：not_started/未启动、in_progress/推进中、done/已完成、at_risk/滞后",
      ],
    ],
    [
      "bad-date.csv",
      [
        "bad-date.csv:2: 日期: 2020-02-30 — “2020-02-30”不是存在的日期",
        "bad-date.csv:3: 日期: 2020-12-05 — 日期 2020-12-05 晚于今天（2020-10-15）：进展只能记录已发生的情况",
        "bad-date.csv:4: 日期: 上周 — “上周”既不是日期也不是报告期；可用格式：2020-11-30、2020/11/30、2020年11月30日，或 2020Q3 等报告期",
      ],
    ],
    [
      "unknown-task.csv",
      [
        "unknown-task.csv:2: 序号: 99 — 未知的任务“99”：请写任务序号 1–35，或任务标题（dzkj tasks 可列出全部任务）",
        "unknown-task.csv:3: 序号: 25.加强新型智库建设 — 任务 25 是“深入推进科技奖励制度改革”，与所写的标题不符；请核对序号",
      ],
    ],
    [
      "duplicate-task.csv",
      ["duplicate-task.csv:4: 序号: 25 — 任务 25 已在第 2 行给出；每项任务在一个文件中只能出现一次"],
    ],
    ["no-header.csv", ["no-header.csv: 找不到表头：需要任务列（序号/任务/task）和状态列（状态/status）"]],
    ["one-bad-row.csv", ["one-bad-row.csv:6: 状态: 完成了吗 — “完成了吗”不是任务状态"]],
  ])("refuses broken/%s whole, lists every problem, exit 1, database unchanged", (name, problems) => {
    now = "2020-10-15T08:00:00Z";
    run("task", "set", "1", "in_progress", "--date", "2020-09-01");
    const before = dump(db);
    const r = run("task", "import", fixture("broken", name));
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n").filter((l) => l.includes(`${name}:`) && !l.startsWith("dzkj:"));
    expect(lines).toHaveLength(problems.length);
    for (const [i, p] of problems.entries()) expect(lines[i]).toContain(p);
    expect(r.stderr).toContain(`dzkj: 错误: ${fixture("broken", name)}: 文件未导入`);
    expect(dump(db)).toEqual(before);
  });

  it("takes the good files of a command and refuses only the broken one", () => {
    const r = run("task", "import", fixture("2020Q3.csv"), fixture("broken", "one-bad-row.csv"));
    expect(r.code).toBe(1);
    const items = tasksJson();
    expect(byNumber(items, 25).status).toBe("done"); // from 2020Q3.csv
    expect(byNumber(items, 1).status).toBe("not_started"); // one-bad-row.csv: nothing of it
  });

  it("--all-or-nothing writes none of the files when one is refused, and says which were rolled back", () => {
    now = "2020-10-15T08:00:00Z";
    run("task", "set", "1", "in_progress", "--date", "2020-09-01");
    const before = dump(db);
    const r = run(
      "task",
      "import",
      "--all-or-nothing",
      fixture("2020Q3.csv"),
      fixture("broken", "one-bad-row.csv"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${fixture("2020Q3.csv")}: 因其他文件有误，已整体回滚（--all-or-nothing）`);
    expect(r.stderr).toContain(`dzkj: 错误: ${fixture("broken", "one-bad-row.csv")}: 文件未导入`);
    expect(dump(db)).toEqual(before);
    const json = run(
      "task",
      "import",
      "--all-or-nothing",
      "--format",
      "json",
      fixture("2020Q3.csv"),
      fixture("broken", "one-bad-row.csv"),
    );
    expect(JSON.parse(json.stdout).map((o: { status: string }) => o.status)).toEqual([
      "rolled-back",
      "rejected",
    ]);
    // and with every file sound, --all-or-nothing imports them all
    expect(run("task", "import", "--all-or-nothing", fixture("2020Q3.csv")).code).toBe(0);
    expect(byNumber(tasksJson(), 25).status).toBe("done");
  });

  it("--dry-run shows the changes and leaves the database byte-for-byte unchanged", () => {
    run("task", "set", "3", "done", "--date", "2020-09-01");
    const before = fileBytes(db);
    const r = run("task", "import", fixture("2020Q3.csv"), "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("新增 4，更新 1，未变 0，空白 0，拒绝 0（试运行，未写入）");
    expect(r.stdout).toContain("  第 2 行 任务 3: 已完成 → 推进中（2020-09-30）");
    expect(fileBytes(db)).toBe(before);
  });

  it("a task import is a batch that imports lists and imports undo reverts exactly", () => {
    run("task", "set", "25", "in_progress", "--note", "起草中", "--date", "2020-06-01");
    const before = tasksJson();
    const r = run("task", "import", fixture("2020Q3.csv"));
    expect(r.stderr).toContain("已记录为批次 #2");
    const list = run("imports");
    expect(list.stdout).toMatch(/^ +1 \| 任务 +\| task set +\|/m);
    expect(list.stdout).toMatch(/^ +2 \| 任务 +\| .*2020Q3\.csv +\|/m);
    const show = run("imports", "show", "2");
    expect(show.stdout).toContain("5 项修改");
    // the plain style writes the ambiguous-width · as -
    expect(show.stdout).toMatch(/^ +25 \| 推进中 +\| 已完成 - 达市科〔2020〕12号 +\| 2020-09-30 \| 当前/m);
    const undo = run("imports", "undo", "2");
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toContain("已撤销批次 #2（撤销批次 #3）：恢复 1 项，删除 4 项");
    expect(tasksJson()).toEqual(before);
    const history = JSON.parse(run("task", "show", "25", "--format", "json").stdout).history;
    expect(history.map((h: { batchId: number; status: string }) => [h.batchId, h.status])).toEqual([
      [1, "in_progress"],
      [2, "done"],
      [3, "in_progress"],
    ]);
    // the file can be imported again once its import was undone
    expect(run("task", "import", fixture("2020Q3.csv")).stdout).toContain("新增 4，更新 1");
  });

  it("undo of a task batch is refused when a later batch changed the same task, unless --force", () => {
    run("task", "import", fixture("2020Q3.csv"));
    run("task", "set", "25", "at_risk", "--note", "待市政府审议");
    const before = dump(db);
    const r = run("imports", "undo", "1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("不能撤销批次 #1：其中 1 项任务后来又被其他批次修改；确需撤销请加 --force");
    expect(r.stderr).toContain("任务 25 之后被批次 #2 修改");
    expect(dump(db)).toEqual(before);
    const forced = run("imports", "undo", "1", "--force");
    expect(forced.code).toBe(0);
    expect(tasksJson().every((t) => t.status === "not_started")).toBe(true);
  });
});

describe("tasks", () => {
  it("lists all 35 tasks in plan order, with lead and deadline from the seed", () => {
    const items = tasksJson();
    expect(items.map((t) => t.number)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect(byNumber(items, 31)).toMatchObject({ section: "七", deadline: "2020-10-31", lead: "市科技局" });
    expect(byNumber(items, 30).deadline).toBe("2020-06-30");
    expect(byNumber(items, 12).indicators).toEqual(["st_transfer_projects"]);
  });

  it("--overdue lists the tasks past their deadline and not done, as of DZKJ_NOW", () => {
    now = "2020-06-30T08:00:00Z";
    expect(tasksJson("--overdue")).toEqual([]);
    now = "2020-07-01T08:00:00Z";
    expect(tasksJson("--overdue").map((t) => t.number)).toEqual([30]);
    now = "2020-11-01T08:00:00Z";
    expect(tasksJson("--overdue").map((t) => t.number)).toEqual([30, 31]);
    run("task", "set", "31", "done", "--date", "2020-10-30");
    expect(tasksJson("--overdue").map((t) => t.number)).toEqual([30]);
    now = "2021-01-01T08:00:00Z";
    expect(tasksJson("--overdue")).toHaveLength(34);
  });

  it("filters by section (一 … 八 or 1 … 8) and status (English or Chinese)", () => {
    run("task", "set", "25", "推进中", "--date", "2020-11-01");
    run("task", "set", "3", "in_progress", "--date", "2020-11-01");
    expect(tasksJson("--section", "六").map((t) => t.number)).toEqual([24, 25, 26, 27, 28, 29, 30]);
    expect(tasksJson("--section", "6").map((t) => t.number)).toEqual([24, 25, 26, 27, 28, 29, 30]);
    expect(tasksJson("--status", "in_progress").map((t) => t.number)).toEqual([3, 25]);
    expect(tasksJson("--status", "进行中", "--section", "六").map((t) => t.number)).toEqual([25]);
    const bad = run("tasks", "--section", "九");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("未知的部分 九");
    const badStatus = run("tasks", "--status", "whatever");
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain("--status");
  });

  it("table: title, summary, section rows and overdue marks, aligned", () => {
    now = "2020-11-01T08:00:00Z";
    run("task", "set", "25", "done", "--date", "2020-10-30");
    const r = run("tasks", "--section", "六", "--style", "box");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("2020年达州市科技创新工作要点 任务进展（2020-11-01）");
    expect(lines[1]).toBe("共 7 项：已完成 1，推进中 0，未启动 6，滞后 0；已过完成时限未完成 1（已筛选）");
    expect(r.stdout).toMatch(/│ +30 │ 加强新型智库建设 +│ 市科技局 │ 2020-06-30 │ 未启动（逾期） │/);
    expect(r.stdout).toMatch(
      /│ +25 │ 深入推进科技奖励制度改革 +│ 市科技局 │ 2020-12-31 │ 已完成 +│ 2020-10-30 │/,
    );
    // every table line is as wide as the first (wide characters counted twice)
    const width = (s: string) =>
      [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) && !/[─│┌┐└┘┬┴├┤┼]/.test(c) ? 2 : 1), 0);
    const table = lines.filter((l) => /^[│┌└]/.test(l));
    expect(new Set(table.map(width)).size).toBe(1);
  });

  it("table in English: translated title, labels and statuses", () => {
    now = "2020-11-01T08:00:00Z";
    run("task", "set", "31", "推进中", "--date", "2020-09-30");
    const r = run("--lang", "en", "tasks", "--section", "七", "--style", "box");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      "Dazhou 2020 Science and Technology Innovation Work Plan: task progress (2020-11-01)",
    );
    expect(lines[1]).toBe(
      "Tasks: 1 — 0 done, 1 in progress, 0 not started, 0 at risk; 1 past deadline and not done (filtered)",
    );
    expect(r.stdout).toMatch(/│ No\. │ Task +│ Lead +│ Deadline +│ Status +│ Date +│ Progress │/);
    expect(r.stdout).toMatch(
      /│ +31 │ Draft the 14th Five-Year S&T Innovation Plan +│ Municipal S&T Bureau │ 2020-10-31 │ in progress \(overdue\) │ 2020-09-30 │/,
    );
  });

  it("json is the documented array of {number, section, title, lead, deadline, status, note, evidence, date}", () => {
    run(
      "task",
      "set",
      "25",
      "done",
      "--note",
      "印发",
      "--evidence",
      "达市科〔2020〕12号",
      "--date",
      "2020-11-30",
    );
    const r = run("tasks", "--format", "json");
    const items = TasksJson.parse(JSON.parse(r.stdout));
    expect(items).toHaveLength(35);
    expect(byNumber(items, 25)).toEqual({
      number: 25,
      section: "六",
      title: "深入推进科技奖励制度改革",
      titleEn: "Deepen reform of the S&T awards system",
      lead: "市科技局",
      leadEn: "Municipal S&T Bureau",
      deadline: "2020-12-31",
      status: "done",
      note: "印发",
      evidence: "达市科〔2020〕12号",
      date: "2020-11-30",
      overdue: false,
      indicators: [],
    });
  });

  it("csv: BOM (unless --no-bom), one row per task, formulas defused, and it imports back unchanged", () => {
    run(
      "task",
      "set",
      "25",
      "done",
      "--note",
      "印发, 已执行",
      "--evidence",
      "达市科〔2020〕12号",
      "--date",
      "2020-11-30",
    );
    run("task", "set", "3", "at_risk", "--note", '=HYPERLINK("http://x")', "--date", "2020-11-30");
    const r = run("tasks", "--format", "csv");
    expect(r.stdout.startsWith("\uFEFF")).toBe(true);
    const rows = parse(r.stdout.slice(1)) as string[][];
    expect(rows[0]).toEqual([
      "序号",
      "部分",
      "任务",
      "牵头单位",
      "完成时限",
      "状态",
      "日期",
      "进展情况",
      "佐证材料",
      "逾期",
    ]);
    expect(rows).toHaveLength(36);
    expect(rows[25]).toEqual([
      "25",
      "六",
      "深入推进科技奖励制度改革",
      "市科技局",
      "2020-12-31",
      "已完成",
      "2020-11-30",
      "印发, 已执行",
      "达市科〔2020〕12号",
      "",
    ]);
    expect(rows[3]![7]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[30]![9]).toBe("逾期");
    expect(run("tasks", "--format", "csv", "--no-bom").stdout.startsWith("序号,")).toBe(true);
    // written to a file, and read back by task import: only the defused formula differs
    const out = join(dir, "tasks.csv");
    const w = run("tasks", "--format", "csv", "--output", out);
    expect(w.stdout).toBe("");
    const back = run("task", "import", out);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain("读取 35 行，跳过标题行 0，新增 0，更新 1，未变 34");
    expect(back.stdout).toContain("第 4 行 任务 3:");
  });

  it("markdown and html: title, summary, the date generated, one table with a heading per section", () => {
    run("task", "set", "25", "done", "--evidence", "达市科〔2020〕12号", "--date", "2020-11-30");
    const md = squeezeTables(run("tasks", "--format", "markdown").stdout);
    expect(
      md.startsWith("# 2020年达州市科技创新工作要点 任务进展（2020-12-10）\n\n共 35 项：已完成 1，"),
    ).toBe(true);
    // the same document as the report views: the generated line, section headings as table rows
    expect(md).toContain("生成于 2020-12-10");
    expect(md).toContain("| **六、深入推进科技体制机制改革,提高创新体系效能** |");
    expect(md).toContain(
      "| 25 | 深入推进科技奖励制度改革 | 市科技局 | 2020-12-31 | 已完成 | 2020-11-30 | | 达市科〔2020〕12号 |",
    );
    // eight sections, each a heading row; 部分 and 逾期 are CSV-only columns
    expect(md.match(/^\| \*\*/gm)).toHaveLength(8);
    expect(md).toContain("| 序号 | 任务 | 牵头单位 | 完成时限 | 状态 | 日期 | 进展情况 | 佐证材料 |");
    const out = join(dir, "tasks.html");
    expect(run("tasks", "--format", "html", "--output", out, "--lang", "en").code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<(script|link)\b|src=|https?:\/\//);
    expect(html.match(/<tr class="section">/g)).toHaveLength(8);
    expect(html).toContain('<tr><td class="num">25</td><td>Deepen reform of the S&#38;T awards system</td>');
    expect(html).toMatch(/<td class="good">done<\/td>/);
    // task 30 (deadline 2020-06-30) not started on 2020-12-10: overdue, red
    expect(html).toMatch(/<td class="num">30<\/td>.*<td class="bad">not started \(overdue\)<\/td>/);
  });
});
