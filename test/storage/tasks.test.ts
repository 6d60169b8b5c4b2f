/** Task progress on a real, migrated database: states, history, batches, undo, all-or-nothing import. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError, UserError } from "../../src/app/errors.js";
import { undoImport } from "../../src/app/imports.js";
import { currentPlan, loadPlanFile } from "../../src/app/store.js";
import { importTasks, readTaskStates, setTask, showTask, taskBatchChanges } from "../../src/app/tasks.js";
import type { Plan } from "../../src/domain/plan.js";
import { filterTasks, summarizeTasks } from "../../src/domain/tasks.js";
import { assetPath } from "../../src/storage/assets.js";
import { listBatches } from "../../src/storage/batches.js";
import { type Db, openDatabase } from "../../src/storage/database.js";
import { taskHistory } from "../../src/storage/tasks.js";
import { tempDir } from "../helpers.js";

let db: Db;
let plan: Plan;
const now = new Date("2020-10-15T08:00:00Z");
const today = "2020-10-15";
const set = (task: string, status: string, extra: { note?: string; evidence?: string; date?: string } = {}) =>
  setTask(db, plan, { task, status, ...extra }, { today, now, dryRun: false });

beforeEach(async () => {
  db = openDatabase(":memory:").db;
  await loadPlanFile(db, assetPath("seeds", "plan-2020.json"), now);
  plan = currentPlan(db)!;
});
afterEach(() => db.close());

describe("schema 0002", () => {
  it("adds task_progress and task_history and records the migration", () => {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('task_progress', 'task_history')",
        )
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(tables.sort()).toEqual(["task_history", "task_progress"]);
    expect(db.prepare("SELECT name FROM schema_migrations WHERE version = 2").get()).toEqual({
      name: "0002_task_progress",
    });
  });

  it("refuses a status outside the four and a task the plan does not have", () => {
    const batch = db.prepare("INSERT INTO import_batches (kind, imported_at) VALUES ('task', ?)").run("x");
    const insert = db.prepare(
      "INSERT INTO task_progress (plan_year, task_number, status, status_date, batch_id) VALUES (2020, ?, ?, '2020-01-01', ?)",
    );
    expect(() => insert.run(3, "finished", batch.lastInsertRowid)).toThrow(/CHECK/);
    expect(() => insert.run(36, "done", batch.lastInsertRowid)).toThrow(/FOREIGN KEY/);
  });
});

describe("readTaskStates", () => {
  it("gives all 35 tasks, not started, when nothing was set", () => {
    const states = readTaskStates(db, plan, today);
    expect(states).toHaveLength(35);
    expect(summarizeTasks(states)).toEqual({
      total: 35,
      done: 0,
      in_progress: 0,
      not_started: 35,
      at_risk: 0,
    });
    expect(states.find((s) => s.number === 25)).toMatchObject({
      sectionCode: "六",
      status: "not_started",
      note: null,
      evidence: null,
      date: null,
    });
    // indicators that measure task 4 (high-tech firms, SMEs, revenue)
    expect(states.find((s) => s.number === 4)!.indicators.length).toBeGreaterThan(0);
    expect(states.find((s) => s.number === 25)!.indicators).toEqual([]);
  });

  it("marks overdue only after the deadline and only when not done", () => {
    // task 30's deadline is 2020-06-30, task 31's 2020-10-31
    const on = readTaskStates(db, plan, "2020-06-30");
    expect(on.find((s) => s.number === 30)!.overdue).toBe(false);
    const after = readTaskStates(db, plan, "2020-07-01");
    expect(after.filter((s) => s.overdue).map((s) => s.number)).toEqual([30]);
    set("30", "done", { date: "2020-06-28" });
    expect(readTaskStates(db, plan, "2020-07-01").filter((s) => s.overdue)).toEqual([]);
    set("30", "at_risk", { date: "2020-07-01" });
    const again = readTaskStates(db, plan, "2020-11-01");
    expect(filterTasks(again, { overdue: true }).map((s) => s.number)).toEqual([30, 31]);
  });

  it("reads the current state set for a task", () => {
    set("25", "已完成", { note: "  修订印发 ", evidence: "达市科〔2020〕12号", date: "2020年9月30日" });
    const s = readTaskStates(db, plan, today).find((x) => x.number === 25)!;
    expect(s).toMatchObject({
      status: "done",
      note: "修订印发",
      evidence: "达市科〔2020〕12号",
      date: "2020-09-30",
      overdue: false,
    });
  });
});

describe("setTask", () => {
  it("records each change as a task batch and keeps every earlier state", () => {
    const first = set("25", "in_progress", { note: "起草中", date: "2020-05-01" });
    expect(first).toMatchObject({ kind: "insert", old: null });
    const second = set("25", "done", { evidence: "达市科〔2020〕12号", date: "2020-09-30" });
    expect(second.kind).toBe("update");
    expect(second.old).toEqual({ status: "in_progress", note: "起草中", evidence: null, date: "2020-05-01" });
    const history = taskHistory(db, { year: 2020, task: 25 });
    expect(history.map((h) => [h.status, h.date, h.batchId, h.supersededBy])).toEqual([
      ["in_progress", "2020-05-01", first.batchId, second.batchId],
      ["done", "2020-09-30", second.batchId, null],
    ]);
    expect(history.every((h) => h.batchKind === "task" && h.file === null)).toBe(true);
    expect(listBatches(db).map((b) => [b.id, b.kind, b.inserted, b.updated])).toEqual([
      [first.batchId, "task", 1, 0],
      [second.batchId, "task", 0, 1],
    ]);
  });

  it("writes nothing when the state is the same, or in a dry run", () => {
    set("3", "推进中", { date: "2020-09-30" });
    const same = set("3", "in_progress", { date: "2020-09-30" });
    expect(same).toMatchObject({ kind: "unchanged", batchId: null });
    const dry = setTask(db, plan, { task: "3", status: "done" }, { today, now, dryRun: true });
    expect(dry).toMatchObject({ kind: "update", batchId: null });
    expect(listBatches(db)).toHaveLength(1);
    expect(readTaskStates(db, plan, today).find((s) => s.number === 3)!.status).toBe("in_progress");
  });

  it("defaults the date to today and refuses a date after today", () => {
    expect(set("3", "done").new.date).toBe(today);
    expect(() => set("4", "done", { date: "2020-10-16" })).toThrow(UsageError);
  });

  it.each([
    ["0", "done", {}, "error.task"],
    ["36", "done", {}, "error.task"],
    ["abc", "done", {}, "error.task"],
    ["3", "finished?", {}, "tasks.status.invalid"],
    ["3", "done", { date: "2020-02-30" }, "tasks.date.notADay"],
    ["3", "done", { date: "30/09/2020" }, "tasks.date.invalid"],
  ])("refuses task %s status %s %o with %s and writes nothing", (task, status, extra, key) => {
    let error: unknown;
    try {
      set(task, status, extra);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).reason.key).toBe(key);
    expect(listBatches(db)).toEqual([]);
  });
});

describe("undo of a task batch", () => {
  it("restores exactly the state the batch replaced, as an undo batch", () => {
    const a = set("25", "in_progress", { note: "起草中", date: "2020-05-01" });
    const b = set("25", "done", { note: "印发", evidence: "达市科〔2020〕12号", date: "2020-09-30" });
    const r = undoImport(db, b.batchId!, { force: false, now });
    expect(r).toMatchObject({ restored: 1, removed: 0 });
    const s = readTaskStates(db, plan, today).find((x) => x.number === 25)!;
    expect([s.status, s.note, s.evidence, s.date]).toEqual(["in_progress", "起草中", null, "2020-05-01"]);
    const batches = listBatches(db);
    expect(batches.find((x) => x.id === b.batchId)!.undoneBy).toBe(r.undoBatch);
    expect(batches.find((x) => x.id === r.undoBatch)).toMatchObject({ kind: "undo", undoes: b.batchId });
    // the undone state stays on record
    expect(taskHistory(db, { year: 2020, task: 25 }).map((h) => h.batchId)).toEqual([
      a.batchId,
      b.batchId,
      r.undoBatch,
    ]);
  });

  it("refuses when a later batch changed the same task, unless forced", () => {
    const a = set("25", "in_progress", { date: "2020-05-01" });
    const b = set("25", "done", { date: "2020-09-30" });
    let error: unknown;
    try {
      undoImport(db, a.batchId!, { force: false, now });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).reason.key).toBe("tasks.undo.conflict");
    expect((error as UserError).problems[0]!.reason.params).toMatchObject({ task: 25, later: b.batchId });
    expect(readTaskStates(db, plan, today).find((x) => x.number === 25)!.status).toBe("done");
    const forced = undoImport(db, a.batchId!, { force: true, now });
    expect(forced).toMatchObject({ restored: 0, removed: 1 });
    expect(forced.conflicts).toHaveLength(1);
    expect(readTaskStates(db, plan, today).find((x) => x.number === 25)!.status).toBe("not_started");
  });

  it("lists what a task batch changed, old → new", () => {
    set("3", "in_progress", { date: "2020-05-01" });
    const b = set("3", "done", { date: "2020-09-30" });
    const changes = taskBatchChanges(db, b.batchId!);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.key).toEqual({ year: 2020, task: 3 });
    expect([changes[0]!.old?.status, changes[0]!.new?.status, changes[0]!.laterBatch]).toEqual([
      "in_progress",
      "done",
      null,
    ]);
  });
});

describe("importTasks", () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const options = { dryRun: false, force: false, today, now };

  it("stores every row of a good file as one batch and shows the history per task", async () => {
    const f = file("ok.csv", "序号,状态,进展情况,日期\n3,推进中,平台申报中,2020Q3\n25,完成,,2020-09-28\n");
    const [o] = await importTasks(db, plan, [f], options);
    expect(o).toMatchObject({ status: "imported", counts: { rowsRead: 2, inserted: 2, rejected: 0 } });
    const detail = showTask(db, plan, "3", today);
    expect(detail.state).toMatchObject({ status: "in_progress", note: "平台申报中", date: "2020-09-30" });
    expect(detail.history.map((h) => [h.batchId, h.file])).toEqual([[o!.batchId, f]]);
  });

  it("writes nothing of a file with one bad row, and lists every problem", async () => {
    set("3", "in_progress", { date: "2020-05-01" });
    const before = JSON.stringify(db.prepare("SELECT * FROM task_progress").all());
    const f = file("bad.csv", "序号,状态\n3,done\n4,maybe\n99,done\n");
    const [o] = await importTasks(db, plan, [f], options);
    expect(o!.status).toBe("rejected");
    expect(o!.problems.map((p) => [p.line, p.column, p.value, p.reason.key])).toEqual([
      [3, "状态", "maybe", "tasks.status.invalid"],
      [4, "序号", "99", "tasks.task.unknown"],
    ]);
    expect(JSON.stringify(db.prepare("SELECT * FROM task_progress").all())).toBe(before);
    expect(listBatches(db)).toHaveLength(1);
  });
});
