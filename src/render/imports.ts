/**
 * `dzkj imports` (the batches, 导入批次) and `dzkj imports show ID` (what one batch changed) as
 * documents. The JSON contracts (README "dzkj imports"): the list is an array of batches with
 * their details as an object; `show` is `{batch, changes, tasks?}`. The shapes below are what the
 * views read of storage's records (render/ imports nothing from storage/).
 */
import type { TaskStatus } from "../domain/tasks.js";
import { type Lang, type MessageKey, t } from "../i18n/index.js";
import { type Doc, type DocRow, text } from "./doc.js";
import { formatNumber } from "./format.js";
import { localTime } from "./time.js";

/** A batch as stored (storage's Batch). */
export interface BatchRecord {
  id: number;
  kind: "import" | "undo" | "task";
  /** `targets` for a unit-targets import (migration 0008) */
  layout?: string | null;
  file: string | null;
  importedAt: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  blank: number;
  /** values an undo removed */
  removed: number;
  /** JSON text: what the table stage found */
  details: string | null;
  undoes: number | null;
  undoneBy: number | null;
}

/** A value a batch changed: its key, the state replaced and the state written. */
export interface ValueChange {
  key: { year: number; indicator: string; period: string; unit: string };
  old: { value: number; basis: string; note: string | null; batchId: number } | null;
  new: { value: number; basis: string; note: string | null } | null;
  laterBatch: number | null;
}

/** A task state as a batch replaced or wrote it. */
export interface TaskChangeState {
  status: TaskStatus;
  note: string | null;
  evidence: string | null;
  date: string | null;
}

/** A task a batch changed. */
export interface TaskChange {
  key: { task: number };
  old: TaskChangeState | null;
  new: TaskChangeState | null;
  laterBatch: number | null;
}

/** A unit target (目标分解) a batch changed: target in the indicator's unit, weight = 考核权重 (null counts 1). */
export interface TargetChange {
  key: { year: number; indicator: string; unit: string };
  old: { target: number; weight: number | null; batchId: number } | null;
  new: { target: number; weight: number | null } | null;
  laterBatch: number | null;
}

/** What `imports show` shows: the batch, its changes, and names in the UI language. */
export interface BatchShowView {
  batch: BatchRecord;
  changes: readonly ValueChange[];
  tasks: readonly TaskChange[];
  /** unit targets a targets import (or its undo) changed */
  targets: readonly TargetChange[];
  /** unit and indicator names for a plan year (codes the plan does not know stay codes) */
  unitName(year: number, code: string): string;
  indicatorName(year: number, code: string): string;
}

const l = (lang: Lang, k: string, p?: Record<string, string | number>) => t(lang, k as MessageKey, p);

/** A batch in JSON: its details as an object, not a string of JSON. */
function batchJson<B extends BatchRecord>(b: B): object {
  return { ...b, details: b.details === null ? null : (JSON.parse(b.details) as object) };
}

/** The JSON contract of `imports --format json`: every batch, oldest first. */
export function batchesJson<B extends BatchRecord>(batches: readonly B[]): object {
  return batches.map(batchJson);
}

/** What kind of batch: 导入, 撤销, 任务, or 单位目标 for a targets import. */
function kindText(lang: Lang, b: BatchRecord): string {
  return l(lang, b.layout === "targets" ? "imports.kind.targets" : `imports.kind.${b.kind}`);
}

/** Who wrote a batch: its file, or `task set` for a task batch without one. */
function source(lang: Lang, b: BatchRecord): string {
  return b.file ?? (b.kind === "task" ? l(lang, "tasks.source.cli") : "");
}

const count = (n: number) => ({ text: String(n), value: n });

/** The batches as a Doc: id, kind, file, local time, counts, and what undid each. */
export function batchesDoc(batches: readonly BatchRecord[], lang: Lang): Doc {
  return {
    lang,
    title: l(lang, "imports.header"),
    meta: [],
    sectionLabel: l(lang, "label.section"),
    blocks: [
      {
        columns: [
          { label: l(lang, "label.id"), right: true },
          { label: l(lang, "label.kindOfBatch") },
          { label: l(lang, "label.file"), wrap: true },
          { label: l(lang, "label.time"), drop: 1 },
          { label: l(lang, "label.rows"), right: true, drop: 2 },
          { label: l(lang, "label.inserted"), right: true },
          { label: l(lang, "label.updated"), right: true },
          { label: l(lang, "label.unchanged"), right: true, drop: 3 },
          { label: l(lang, "label.blank"), right: true, drop: 4 },
          { label: l(lang, "label.removed"), right: true, drop: 5 },
          { label: l(lang, "label.state") },
        ],
        rows: batches.map((b) => [
          count(b.id),
          text(kindText(lang, b) + (b.undoes ? ` #${b.undoes}` : "")),
          text(source(lang, b)),
          text(localTime(b.importedAt, true)),
          count(b.rowsRead),
          count(b.inserted),
          count(b.updated),
          count(b.unchanged),
          count(b.blank),
          count(b.removed),
          text(b.undoneBy ? l(lang, "imports.undoneBy", { by: b.undoneBy }) : ""),
        ]),
      },
    ],
  };
}

/** The JSON contract of `imports show ID`: the batch, its value changes, and its task changes if any. */
export function batchShowJson(v: BatchShowView): object {
  const task = (s: TaskChangeState | null) =>
    s && { status: s.status, note: s.note, evidence: s.evidence, date: s.date };
  return {
    batch: batchJson(v.batch),
    changes: v.changes.map((c) => ({
      ...c.key,
      old: c.old
        ? { value: c.old.value, basis: c.old.basis, note: c.old.note, batchId: c.old.batchId }
        : null,
      new: c.new ? { value: c.new.value, basis: c.new.basis, note: c.new.note } : null,
      laterBatch: c.laterBatch,
    })),
    // a targets import (and its undo) changes unit targets, not values
    ...(v.targets.length > 0 && {
      targets: v.targets.map((c) => ({
        ...c.key,
        old: c.old ? { target: c.old.target, weight: c.old.weight, batchId: c.old.batchId } : null,
        new: c.new ? { target: c.new.target, weight: c.new.weight } : null,
        laterBatch: c.laterBatch,
      })),
    }),
    // task batches (and their undos) change tasks, not values
    ...(v.tasks.length > 0 && {
      tasks: v.tasks.map((c) => ({
        task: c.key.task,
        old: task(c.old),
        new: task(c.new),
        laterBatch: c.laterBatch,
      })),
    }),
  };
}

/**
 * What one batch changed as a Doc: the tasks it changed (old → new state), then the values
 * (period, unit, indicator, old → new, and what replaced it since); a batch that changed nothing
 * says so.
 */
export function batchShowDoc(v: BatchShowView, lang: Lang): Doc {
  const b = v.batch;
  const doc: Doc = {
    lang,
    title: l(lang, "imports.show.header", {
      id: b.id,
      kind: kindText(lang, b),
      file: source(lang, b),
      date: localTime(b.importedAt, true),
      count: v.changes.length + v.tasks.length + v.targets.length,
    }),
    meta: [],
    sectionLabel: l(lang, "label.section"),
    blocks: [],
  };
  const later = (by: number | null, written: boolean, current: string, superseded: string) =>
    by !== null ? l(lang, superseded, { by }) : written ? l(lang, current) : "";
  if (v.tasks.length) {
    const state = (s: TaskChangeState | null) =>
      s ? l(lang, `tasks.status.${s.status}`) + (s.evidence ? ` · ${s.evidence}` : "") : "—";
    doc.blocks.push({
      columns: [
        { label: l(lang, "tasks.col.number"), right: true },
        { label: l(lang, "tasks.col.old"), wrap: true },
        { label: l(lang, "tasks.col.new"), wrap: true },
        { label: l(lang, "tasks.col.date") },
        { label: l(lang, "tasks.col.state") },
      ],
      rows: v.tasks.map(
        (c): DocRow => [
          count(c.key.task),
          text(state(c.old)),
          text(state(c.new)),
          text(c.new?.date ?? ""),
          text(later(c.laterBatch, c.new !== null, "tasks.show.current", "tasks.show.superseded")),
        ],
      ),
    });
  }
  const number = (x: number | undefined) =>
    x === undefined ? text("") : { text: formatNumber(lang, x, 6), value: x };
  if (v.changes.length)
    doc.blocks.push({
      columns: [
        { label: l(lang, "label.period") },
        { label: l(lang, "label.unit"), wrap: true },
        { label: l(lang, "label.indicator"), wrap: true },
        { label: l(lang, "label.old"), right: true },
        { label: l(lang, "label.new"), right: true },
        { label: l(lang, "label.state") },
      ],
      rows: v.changes.map((c) => [
        text(c.key.period),
        text(v.unitName(c.key.year, c.key.unit)),
        text(v.indicatorName(c.key.year, c.key.indicator)),
        number(c.old?.value),
        number(c.new?.value),
        text(later(c.laterBatch, c.new !== null, "history.current", "history.superseded")),
      ]),
    });
  if (v.targets.length) {
    const weight = (x: { weight: number | null } | null) =>
      x === null ? text("") : { text: formatNumber(lang, x.weight ?? 1), value: x.weight ?? 1 };
    doc.blocks.push({
      columns: [
        { label: l(lang, "label.unit"), wrap: true },
        { label: l(lang, "label.indicator"), wrap: true },
        { label: l(lang, "imports.show.oldTarget"), right: true },
        { label: l(lang, "imports.show.newTarget"), right: true },
        { label: l(lang, "imports.show.oldWeight"), right: true },
        { label: l(lang, "imports.show.newWeight"), right: true },
        { label: l(lang, "label.state") },
      ],
      rows: v.targets.map((c) => [
        text(v.unitName(c.key.year, c.key.unit)),
        text(v.indicatorName(c.key.year, c.key.indicator)),
        number(c.old?.target),
        number(c.new?.target),
        weight(c.old),
        weight(c.new),
        text(later(c.laterBatch, c.new !== null, "history.current", "history.superseded")),
      ]),
    });
  }
  if (!v.changes.length && !v.tasks.length && !v.targets.length) doc.meta.push(l(lang, "imports.show.none"));
  return doc;
}
