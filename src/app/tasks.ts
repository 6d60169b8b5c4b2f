/**
 * Task progress use cases: the current state of every task (what reports read), setting one task,
 * one task with its history, importing task CSV files (all or nothing per file), and what a task
 * batch changed / undoing it. Every change is a batch in import_batches (kind 'task').
 */
import type { Plan, Task } from "../domain/plan.js";
import { isOverdue, type TaskState, type TaskStatus } from "../domain/tasks.js";
import type { Reason } from "../i18n/index.js";
import type { CsvSource, openCsv } from "../intake/csv-reader.js";
import type { Encoding } from "../intake/decode.js";
import { FileError, type Problem } from "../intake/errors.js";
import { isBlank } from "../intake/number.js";
import { isEmptyRow } from "../intake/table.js";
import { parseTaskDate, parseTaskDay, parseTaskRef, parseTaskStatus } from "../intake/task-fields.js";
import { recognizeTaskHeader, type TaskHeader, taskCells } from "../intake/task-sheet.js";
import { type BatchCounts, createBatch, finishBatch } from "../storage/batches.js";
import { type Db, writeTransaction } from "../storage/database.js";
import {
  readTaskProgress,
  type TaskKey,
  type TaskRecord,
  type TaskStateRecord,
  TaskWriter,
  taskHistory,
  taskStatesReplacedBy,
  taskStatesWrittenBy,
} from "../storage/tasks.js";
import { emptyOutcome, importAsBatch, importFiles } from "./batch-file.js";
import { UsageError } from "./errors.js";

/** Every task of the plan with its current status (not_started when none was ever set). */
export function readTaskStates(db: Db, plan: Plan, today: string, asOf?: string): TaskState[] {
  const code = new Map(plan.sections.map((s) => [s.number, s.code]));
  const progress = readTaskProgress(db, plan.plan.year, asOf);
  return plan.tasks.map((t) => {
    const p = progress.get(t.number);
    const status: TaskStatus = p?.status ?? "not_started";
    return {
      number: t.number,
      section: t.section,
      sectionCode: code.get(t.section) ?? "",
      title: t.title,
      titleEn: t.titleEn,
      lead: t.lead,
      leadEn: t.leadEn,
      deadline: t.deadline,
      status,
      note: p?.note ?? null,
      evidence: p?.evidence ?? null,
      date: p?.date ?? null,
      overdue: isOverdue(t.deadline, status, today),
      indicators: plan.indicators.filter((d) => d.task === t.number).map((d) => d.code),
    };
  });
}

/** The task numbered `text` (a UsageError naming the valid range otherwise). */
export function requireTask(plan: Plan, text: string): Task {
  const n = Number(String(text).trim());
  const task = Number.isInteger(n) ? plan.tasks.find((t) => t.number === n) : undefined;
  if (!task) throw new UsageError({ key: "error.task", params: { value: text, max: plan.tasks.length } });
  return task;
}

/** What a change does to a task's state. */
export type ChangeKind = "insert" | "update" | "unchanged";

const sameRecord = (a: TaskRecord, b: TaskRecord) =>
  a.status === b.status && a.note === b.note && a.evidence === b.evidence && a.date === b.date;

const clean = (s: string | undefined | null): string | null => {
  const v = (s ?? "").trim();
  return v === "" ? null : v;
};

export interface SetTaskInput {
  task: string;
  status: string;
  note?: string | undefined;
  evidence?: string | undefined;
  /** default: today */
  date?: string | undefined;
}

export interface SetTaskResult {
  task: Task;
  old: TaskRecord | null;
  new: TaskRecord;
  kind: ChangeKind;
  /** the batch that recorded the change; null when nothing changed or in a dry run */
  batchId: number | null;
}

/**
 * `task set`: gives a task a new state (status, note, evidence, date — a whole state: what is not
 * given is empty), recorded as a 'task' batch. Bad input is a UsageError (exit 2) and changes nothing.
 */
export function setTask(
  db: Db,
  plan: Plan,
  input: SetTaskInput,
  opts: { today: string; now: Date; dryRun: boolean },
): SetTaskResult {
  const task = requireTask(plan, input.task);
  const status = parseTaskStatus(input.status);
  if (!status.ok) throw new UsageError(status.reason);
  let date = opts.today;
  if (input.date !== undefined) {
    const d = parseTaskDate(input.date);
    if (!d.ok) throw new UsageError(d.reason);
    date = d.value;
  }
  if (date > opts.today)
    throw new UsageError({ key: "tasks.date.future", params: { value: date, today: opts.today } });
  const record: TaskRecord = {
    status: status.value,
    note: clean(input.note),
    evidence: clean(input.evidence),
    date,
  };
  return writeTransaction(db, (): SetTaskResult => {
    const writer = new TaskWriter(db);
    const key = { year: plan.plan.year, task: task.number };
    const current = writer.current(key);
    const old: TaskRecord | null = current
      ? { status: current.status, note: current.note, evidence: current.evidence, date: current.date }
      : null;
    const kind: ChangeKind = !old ? "insert" : sameRecord(old, record) ? "unchanged" : "update";
    if (kind === "unchanged" || opts.dryRun) return { task, old, new: record, kind, batchId: null };
    const batchId = createBatch(db, { kind: "task", importedAt: opts.now.toISOString() });
    if (old) writer.replace(key, record, batchId);
    else writer.add(key, record, batchId);
    finishBatch(db, batchId, {
      rowsRead: 1,
      skipped: 0,
      inserted: kind === "insert" ? 1 : 0,
      updated: kind === "update" ? 1 : 0,
      unchanged: 0,
      blank: 0,
    });
    return { task, old, new: record, kind, batchId };
  });
}

export interface TaskDetail {
  task: Task;
  sectionCode: string;
  sectionTitle: string;
  sectionTitleEn: string;
  state: TaskState;
  /** every state the task had, oldest first */
  history: TaskStateRecord[];
}

/** `task show`: a task, its current state and its full history. */
export function showTask(db: Db, plan: Plan, number: string, today: string): TaskDetail {
  const task = requireTask(plan, number);
  const section = plan.sections.find((s) => s.number === task.section);
  return {
    task,
    sectionCode: section?.code ?? "",
    sectionTitle: section?.title ?? "",
    sectionTitleEn: section?.titleEn ?? "",
    state: readTaskStates(db, plan, today).find((s) => s.number === task.number)!,
    history: taskHistory(db, { year: plan.plan.year, task: task.number }),
  };
}

// ---- import ----

export interface TaskImportOptions {
  dryRun: boolean;
  /** import no file at all if any file is refused */
  allOrNothing?: boolean | undefined;
  encoding?: Encoding | undefined;
  /** import a file even if its exact bytes were imported before */
  force: boolean;
  today: string;
  now: Date;
}

export interface TaskRowChange {
  line: number;
  task: number;
  old: TaskRecord | null;
  new: TaskRecord;
  kind: ChangeKind;
}

export type TaskFileCounts = BatchCounts & { rejected: number };

export interface TaskFileOutcome {
  file: string;
  status: "imported" | "rejected" | "duplicate" | "dry-run" | "rolled-back";
  batchId: number | null;
  hash: string | null;
  source: CsvSource | null;
  headerLine: number | null;
  counts: TaskFileCounts;
  /** inserts and updates (and, in a dry run, unchanged rows), in file order */
  changes: TaskRowChange[];
  problems: Problem[];
  /** always empty: task sheets have no plausibility checks */
  warnings: Problem[];
  duplicateOf: { id: number; importedAt: string } | null;
}

/**
 * `task import`: reads task-progress CSV files (any encoding, delimiter and header language the
 * intake recognises; title rows above the header skipped) and stores them, each file all or
 * nothing (or every file, with allOrNothing), every problem of a file collected before it is
 * refused. A dry run rolls back.
 */
export async function importTasks(
  db: Db,
  plan: Plan,
  files: readonly string[],
  options: TaskImportOptions,
): Promise<TaskFileOutcome[]> {
  // loaded here, not at the top: report and status read task states and must not pay for csv-parse
  const csv = await import("../intake/csv-reader.js");
  const { hashFile } = await import("./import-progress.js");
  const io: FileIo = {
    hashFile,
    open: (f, encoding) => csv.openCsv(f, { encoding, limits: csv.DEFAULT_LIMITS }),
  };
  return importFiles(db, files, options, (file) => importTaskFile(db, plan, file, options, io));
}

interface FileIo {
  hashFile(file: string): Promise<string>;
  open(file: string, encoding: Encoding | undefined): ReturnType<typeof openCsv>;
}

async function importTaskFile(
  db: Db,
  plan: Plan,
  file: string,
  options: TaskImportOptions,
  io: FileIo,
): Promise<TaskFileOutcome> {
  const out: TaskFileOutcome = emptyOutcome(file);
  await importAsBatch(db, out, {
    kind: "task",
    force: options.force,
    dryRun: options.dryRun,
    now: options.now,
    hashFile: io.hashFile,
    read: (batchId) => readTaskRows(db, plan, file, options, batchId, out, io),
    layout: () => "tasks",
  });
  return out;
}

async function readTaskRows(
  db: Db,
  plan: Plan,
  file: string,
  options: TaskImportOptions,
  batchId: number,
  out: TaskFileOutcome,
  io: FileIo,
): Promise<void> {
  const { source, records } = await io.open(file, options.encoding);
  out.source = source;
  const writer = new TaskWriter(db);
  const seen = new Map<number, number>();
  let header: TaskHeader | null = null;
  const problem = (line: number, column: string, value: string, reason: Reason) =>
    out.problems.push({ file, line, column, value, reason });
  for await (const rec of records) {
    if (isEmptyRow(rec.cells)) continue;
    if (!header) {
      header = recognizeTaskHeader(rec.line, rec.cells);
      if (header) out.headerLine = header.line;
      else out.counts.skipped++;
      continue;
    }
    out.counts.rowsRead++;
    const c = taskCells(header, rec.cells);
    if (c.task.value === "" && isBlank(c.status.value)) {
      // no task and no status: a remark such as 填表人：张三 below the table, not a task row
      out.counts.blank++;
      continue;
    }
    const before = out.problems.length;
    const ref = parseTaskRef(c.task.value, plan.tasks);
    if (!ref.ok) problem(rec.line, c.task.column, c.task.value, ref.reason);
    if (isBlank(c.status.value)) {
      // a listed task whose status is left empty was not reported on: counted, not written
      if (out.problems.length === before) out.counts.blank++;
      continue;
    }
    const status = parseTaskStatus(c.status.value);
    if (!status.ok) problem(rec.line, c.status.column, c.status.value, status.reason);
    let date = options.today;
    if (c.date.value !== "") {
      const d = parseTaskDay(c.date.value);
      if (!d.ok) problem(rec.line, c.date.column, c.date.value, d.reason);
      else if (d.value > options.today)
        problem(rec.line, c.date.column, c.date.value, {
          key: "tasks.date.future",
          params: { value: d.value, today: options.today },
        });
      else date = d.value;
    }
    if (!ref.ok || !status.ok || out.problems.length > before) continue;
    const number = ref.value.number;
    const first = seen.get(number);
    if (first !== undefined) {
      problem(rec.line, c.task.column, c.task.value, {
        key: "tasks.import.duplicate",
        params: { number, line: first },
      });
      continue;
    }
    seen.set(number, rec.line);
    const record: TaskRecord = {
      status: status.value,
      note: clean(c.note.value),
      evidence: clean(c.evidence.value),
      date,
    };
    const key = { year: plan.plan.year, task: number };
    const current = writer.current(key);
    const old: TaskRecord | null = current
      ? { status: current.status, note: current.note, evidence: current.evidence, date: current.date }
      : null;
    let kind: ChangeKind;
    const implicit =
      !old && record.status === "not_started" && !record.note && !record.evidence && c.date.value === "";
    if (implicit) {
      // 未启动 with nothing else, for a task never set, is the state it already has (e.g. a
      // `tasks --format csv` list imported back): nothing to record
      out.counts.unchanged++;
      kind = "unchanged";
    } else if (!old) {
      writer.add(key, record, batchId);
      out.counts.inserted++;
      kind = "insert";
    } else if (sameRecord(old, record)) {
      out.counts.unchanged++;
      kind = "unchanged";
    } else {
      writer.replace(key, record, batchId);
      out.counts.updated++;
      kind = "update";
    }
    if (kind !== "unchanged" || options.dryRun)
      out.changes.push({ line: rec.line, task: number, old, new: record, kind });
  }
  if (!header)
    throw new FileError({
      file,
      line: null,
      column: null,
      value: null,
      reason: { key: "tasks.import.noHeader" },
    });
}

// ---- batches: what a task batch changed, undo ----

export interface TaskBatchChange {
  key: TaskKey;
  /** the state the batch replaced; null when the task had none */
  old: TaskStateRecord | null;
  /** the state the batch wrote; null when the batch removed it (an undo) */
  new: TaskStateRecord | null;
  /** the batch that has since replaced what this batch wrote, if any */
  laterBatch: number | null;
}

/** Every task state a batch changed, old → new, by task. */
export function taskBatchChanges(db: Db, batchId: number): TaskBatchChange[] {
  const changes = new Map<string, TaskBatchChange>();
  const k = (s: TaskKey) => `${s.year}:${String(s.task).padStart(4, "0")}`;
  for (const s of taskStatesReplacedBy(db, batchId))
    changes.set(k(s), { key: { year: s.year, task: s.task }, old: s, new: null, laterBatch: null });
  for (const s of taskStatesWrittenBy(db, batchId)) {
    const c = changes.get(k(s)) ?? {
      key: { year: s.year, task: s.task },
      old: null,
      new: null,
      laterBatch: null,
    };
    c.new = s;
    c.laterBatch = s.supersededBy;
    changes.set(k(s), c);
  }
  return [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
}
