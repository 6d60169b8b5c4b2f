/**
 * The task list (`dzkj tasks`) as a document and its JSON contract, from one TaskList value; and
 * the text of `dzkj task show`.
 */

import type { Section } from "../domain/plan.js";
import type { IndicatorLine } from "../domain/report.js";
import { summarizeTasks, type TaskState, type TaskStatus } from "../domain/tasks.js";
import { type Lang, type MessageKey, t } from "../i18n/index.js";
import { type Doc, type DocCell, type DocRow, numberCell, type Tone, text } from "./doc.js";
import { formatPercent, measureText, sectionHeadingText } from "./format.js";
import { statusText } from "./report.js";
import { localTime } from "./time.js";

/** What every task view renders: the plan's title and sections, the day, the (filtered) tasks. */
export interface TaskList {
  plan: { year: number; title: string; titleEn: string };
  sections: Section[];
  /** YYYY-MM-DD: the day overdue is judged on */
  today: string;
  items: TaskState[];
  /** true when --section / --status / --overdue narrowed the list */
  filtered: boolean;
}

export const statusLabel = (lang: Lang, s: TaskStatus): string => t(lang, `tasks.status.${s}` as MessageKey);

/** The JSON contract of `tasks --format json`: one object per task, in plan order. */
export function tasksJson(list: TaskList): object[] {
  return list.items.map(taskJson);
}

/** One task in `tasks --format json` (`status --format json` lists the same without the English fields). */
export function taskJson(x: TaskState) {
  return {
    number: x.number,
    section: x.sectionCode,
    title: x.title,
    titleEn: x.titleEn,
    lead: x.lead,
    leadEn: x.leadEn,
    deadline: x.deadline,
    status: x.status,
    note: x.note,
    evidence: x.evidence,
    date: x.date,
    overdue: x.overdue,
    indicators: x.indicators,
  };
}

function title(list: TaskList, lang: Lang): string {
  return t(lang, "tasks.list.title", {
    title: lang === "en" ? list.plan.titleEn : list.plan.title,
    today: list.today,
  });
}

function summary(list: TaskList, lang: Lang): string {
  const s = summarizeTasks(list.items);
  return (
    t(lang, "tasks.list.summary", { ...s, overdue: list.items.filter((x) => x.overdue).length }) +
    (list.filtered ? t(lang, "tasks.list.filtered") : "")
  );
}

const sectionHeading = (lang: Lang, s: Section) =>
  sectionHeadingText(lang, s.code, lang === "en" ? s.titleEn : s.title);

const col = (lang: Lang, k: string) => t(lang, `tasks.col.${k}` as MessageKey);

/** A task's status as read: 未启动（逾期） when past its deadline, red when overdue or at risk. */
function statusCell(lang: Lang, x: TaskState): DocCell {
  const label = statusLabel(lang, x.status);
  const tone: Tone | undefined =
    x.overdue || x.status === "at_risk"
      ? "bad"
      : x.status === "done"
        ? "good"
        : x.status === "in_progress"
          ? "warn"
          : undefined;
  // CSV keeps the bare status (task import reads it back) and says 逾期 in a column of its own
  return { text: label + (x.overdue ? t(lang, "rep.task.overdueMark") : ""), value: label, tone };
}

/**
 * The task list as a Doc: title, the summary line, one table with a heading row per section.
 * Its CSV columns (序号, 部分, 任务 … 佐证材料, 逾期) are the ones `task import` reads, so a list
 * can be filled in and imported back; 部分 and 逾期 are CSV-only (people read the headings and
 * the status).
 */
export function tasksDoc(list: TaskList, lang: Lang): Doc {
  const en = lang === "en";
  const rows: DocRow[] = [];
  for (const section of list.sections) {
    const items = list.items.filter((x) => x.section === section.number);
    if (!items.length) continue;
    rows.push({ section: sectionHeading(lang, section) });
    for (const x of items)
      rows.push([
        { text: String(x.number), value: x.number },
        text(x.sectionCode),
        text(en ? x.titleEn : x.title),
        text(en ? x.leadEn : x.lead),
        text(x.deadline),
        statusCell(lang, x),
        text(x.date ?? ""),
        text(x.note ?? ""),
        text(x.evidence ?? ""),
        text(x.overdue ? t(lang, "tasks.overdue") : ""),
      ]);
  }
  return {
    lang,
    title: title(list, lang),
    meta: [summary(list, lang), ...(rows.length ? [] : [t(lang, "tasks.list.empty")])],
    sectionLabel: col(lang, "section"),
    blocks: rows.length
      ? [
          {
            // at 80 columns: number, title (wrapped) and status; then deadline, lead, date, note
            columns: [
              { label: col(lang, "number"), right: true },
              { label: col(lang, "section"), csvOnly: true },
              { label: col(lang, "title"), wrap: true },
              { label: col(lang, "lead"), drop: 2, wrap: true },
              { label: col(lang, "deadline"), drop: 1 },
              { label: col(lang, "status") },
              { label: col(lang, "date"), drop: 3 },
              { label: col(lang, "note"), drop: 4, wrap: true },
              { label: col(lang, "evidence"), drop: 5, wrap: true },
              { label: col(lang, "overdue"), csvOnly: true },
            ],
            rows,
            csvSections: false,
          },
        ]
      : [],
  };
}

// ---- task show ----

export interface TaskDetailView {
  number: number;
  title: string;
  titleEn: string;
  text: string;
  section: { code: string; title: string; titleEn: string };
  lead: string;
  leadEn: string;
  deadline: string;
  deadlineNote: string;
  state: TaskState;
  /** the report's lines for the task's indicators, and the report's as-of quarter */
  indicators: IndicatorLine[];
  asOf: string | null;
  history: TaskHistoryEntry[];
}

/** A state the task had or has (what the view reads of storage's TaskStateRecord). */
export interface TaskHistoryEntry {
  status: TaskStatus;
  note: string | null;
  evidence: string | null;
  date: string;
  batchId: number;
  /** when the batch ran (ISO 8601 UTC) */
  recordedAt: string;
  batchKind: "import" | "undo" | "task";
  /** the CSV file of an import; null for `dzkj task set` */
  file: string | null;
  /** for a state written by an undo: the batch it undid */
  undoes: number | null;
  /** the batch that replaced or removed this state; null while it is current */
  supersededBy: number | null;
}

/** JSON of `task show --format json`. */
export function taskDetailJson(v: TaskDetailView): object {
  return {
    number: v.number,
    section: v.section.code,
    title: v.title,
    titleEn: v.titleEn,
    text: v.text,
    lead: v.lead,
    leadEn: v.leadEn,
    deadline: v.deadline,
    deadlineNote: v.deadlineNote,
    status: v.state.status,
    note: v.state.note,
    evidence: v.state.evidence,
    date: v.state.date,
    overdue: v.state.overdue,
    asOf: v.asOf,
    indicators: v.indicators.map((l) => ({
      code: l.code,
      name: l.name,
      unit: l.unit,
      target: l.target,
      actual: l.actual,
      completion: l.completion,
      expected: l.expected,
      status: l.status,
    })),
    history: v.history.map((h) => ({
      status: h.status,
      note: h.note,
      evidence: h.evidence,
      date: h.date,
      batchId: h.batchId,
      batchKind: h.batchKind,
      file: h.file,
      recordedAt: h.recordedAt,
      supersededBy: h.supersededBy,
    })),
  };
}

/** `task show` as a Doc: the task and its current state, its indicators, its history of changes. */
export function taskDetailDoc(v: TaskDetailView, lang: Lang): Doc {
  const en = lang === "en";
  const s = v.state;
  const status = statusLabel(lang, s.status);
  const doc: Doc = {
    lang,
    title: t(lang, "tasks.show.title", { number: v.number, title: en ? v.titleEn : v.title }),
    meta: [
      t(lang, "tasks.show.section", {
        code: v.section.code,
        title: en ? v.section.titleEn : v.section.title,
      }),
      v.text,
      t(lang, "tasks.show.lead", { lead: en ? v.leadEn : v.lead }),
      // the deadline's note is Chinese plan text: shown in the Chinese view only
      en || !v.deadlineNote
        ? t(lang, "tasks.show.deadlineOnly", { deadline: v.deadline })
        : t(lang, "tasks.show.deadline", { deadline: v.deadline, note: v.deadlineNote }),
    ],
    verdict: {
      text: s.date
        ? t(lang, "tasks.show.statusSince", { status, date: s.date })
        : t(lang, "tasks.show.status", { status }),
      tone: s.overdue || s.status === "at_risk" ? "bad" : s.status === "done" ? "good" : "strong",
    },
    details: [
      ...(s.overdue ? [{ text: t(lang, "tasks.show.overdue"), tone: "bad" as const }] : []),
      ...(s.note ? [{ text: t(lang, "tasks.show.note", { note: s.note }) }] : []),
      ...(s.evidence ? [{ text: t(lang, "tasks.show.evidence", { evidence: s.evidence }) }] : []),
    ],
    sectionLabel: t(lang, "label.section"),
    blocks: [],
  };
  const l = (k: string) => t(lang, k as MessageKey);
  if (v.indicators.length)
    doc.blocks.push({
      title: v.asOf ? t(lang, "tasks.show.indicators", { asOf: v.asOf }) : l("tasks.show.indicatorsNoData"),
      columns: [
        { label: l("label.indicator"), wrap: true },
        { label: l("label.measure"), drop: 2 },
        { label: l("label.target"), right: true },
        { label: l("label.actual"), right: true },
        { label: l("label.completion"), right: true },
        { label: l("label.expected"), right: true, drop: 1 },
        { label: l("label.status") },
      ],
      rows: v.indicators.map((line) => [
        text(en ? line.nameEn : line.name),
        text(measureText(lang, line.unit, line.nameEn)),
        numberCell(lang, line.target),
        numberCell(lang, line.actual),
        { text: formatPercent(line.completion), value: line.completion },
        numberCell(lang, line.expected),
        text(statusText(lang, line)),
      ]),
    });
  doc.blocks.push({
    title: l("tasks.show.history"),
    columns: [
      { label: col(lang, "date") },
      { label: col(lang, "status") },
      { label: col(lang, "note"), wrap: true, drop: 3 },
      { label: col(lang, "evidence"), wrap: true, drop: 4 },
      { label: col(lang, "batch") },
      { label: col(lang, "source"), wrap: true, drop: 2 },
      { label: col(lang, "recorded"), drop: 1 },
      { label: col(lang, "state") },
    ],
    rows: v.history.map((h) => [
      text(h.date),
      text(statusLabel(lang, h.status)),
      text(h.note ?? ""),
      text(h.evidence ?? ""),
      { text: `#${h.batchId}`, value: h.batchId },
      text(
        h.batchKind === "undo"
          ? t(lang, "tasks.show.byUndo", { id: h.undoes ?? "" })
          : (h.file ?? t(lang, "tasks.source.cli")),
      ),
      text(localTime(h.recordedAt)),
      text(
        h.supersededBy === null
          ? t(lang, "tasks.show.current")
          : t(lang, "tasks.show.superseded", { by: h.supersededBy }),
      ),
    ]),
    notes: v.history.length ? [] : [{ text: l("tasks.show.noHistory") }],
  });
  return doc;
}
