/**
 * Renderers of the task list (`dzkj tasks`): terminal table, JSON, CSV, Markdown and HTML, all
 * from the same TaskList value; and the text of `dzkj task show`.
 */

import type { Section } from "../domain/plan.js";
import type { IndicatorLine } from "../domain/report.js";
import { summarizeTasks, type TaskState, type TaskStatus } from "../domain/tasks.js";
import { type Lang, type MessageKey, t } from "../i18n/index.js";
import type { TaskStateRecord } from "../storage/tasks.js";
import { type CsvCell, toCsv } from "./csv.js";
import { formatNumber, formatPercent, measureText, sectionHeadingText } from "./format.js";
import { esc, htmlPage } from "./html.js";
import { mdTable } from "./markdown.js";
import { statusText } from "./report.js";
import { layoutTable, painter, type Row, renderTable, type TableOptions } from "./table.js";
import { localTime } from "./time.js";
import { plainGlyphs, wrapText } from "./width.js";

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

/** The tasks grouped under their sections (sections without listed tasks left out). */
function bySection(list: TaskList): { section: Section; items: TaskState[] }[] {
  return list.sections
    .map((section) => ({ section, items: list.items.filter((x) => x.section === section.number) }))
    .filter((g) => g.items.length > 0);
}

function clip(s: string | null, width: number): string {
  if (!s) return "";
  const chars = [...s.replace(/\s+/g, " ")];
  let w = 0;
  let out = "";
  for (const c of chars) {
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      c,
    )
      ? 2
      : 1;
    if (w > width) return `${out}…`;
    out += c;
  }
  return out;
}

const taskTitle = (lang: Lang, x: TaskState) => (lang === "en" ? x.titleEn : x.title);
const lead = (lang: Lang, x: TaskState) => (lang === "en" ? x.leadEn : x.lead);

/** The terminal view: a title, the summary, one table with a row per section and per task. */
export function tasksTable(list: TaskList, lang: Lang, color: boolean, table: TableOptions = {}): string {
  const c = painter(color);
  const head = ["number", "title", "lead", "deadline", "status", "date", "note"].map((k) =>
    t(lang, `tasks.col.${k}` as MessageKey),
  );
  const paint = (x: TaskState): string => {
    // 未启动（逾期）, as status and markdown write it
    const label = statusLabel(lang, x.status) + (x.overdue ? t(lang, "rep.task.overdueMark") : "");
    if (x.overdue || x.status === "at_risk") return c.red(label);
    if (x.status === "done") return c.green(label);
    if (x.status === "in_progress") return c.yellow(label);
    return label;
  };
  // columns of terminal width; English titles are longer in characters but narrower each
  const titleWidth = lang === "en" ? 56 : 44;
  const rows: Row[] = [];
  for (const g of bySection(list)) {
    // a heading band across the table, as in report and status
    rows.push({ section: c.bold(sectionHeading(lang, g.section)) });
    for (const x of g.items)
      rows.push([
        String(x.number),
        clip(taskTitle(lang, x), titleWidth),
        lead(lang, x),
        x.deadline,
        paint(x),
        x.date ?? "",
        clip(x.note, 30),
      ]);
  }
  const glyphs = (table.style ?? "plain") === "plain" ? plainGlyphs : (s: string) => s;
  const out = [glyphs(title(list, lang)), glyphs(summary(list, lang))];
  if (!rows.length) out.push(t(lang, "tasks.list.empty"));
  else {
    // at 80 columns: number, title (wrapped), deadline and status; the rest as width allows
    const fit = [{}, { wrap: true }, { drop: 2 }, { drop: 1 }, {}, { drop: 3 }, { drop: 4, wrap: true }];
    const laid = layoutTable(head, rows, new Set([0]), { ...table, fit });
    out.push(laid.text);
    if (laid.hidden.length)
      out.push(c.dim(t(lang, "table.hidden", { columns: laid.hidden.join(t(lang, "rep.listSep")) })));
  }
  if (table.width)
    return `${out.flatMap((l) => (l.includes("\n") ? [l] : wrapText(l, table.width ?? 0, table.measure))).join("\n")}\n`;
  return `${out.join("\n")}\n`;
}

const CSV_COLUMNS = [
  "number",
  "section",
  "title",
  "lead",
  "deadline",
  "status",
  "date",
  "note",
  "evidence",
  "overdue",
];

/**
 * CSV, one row per task. Its columns (序号, 状态, 日期, 进展情况, 佐证材料 …) are the ones
 * `task import` reads, so a list can be filled in and imported back.
 */
export function tasksCsv(list: TaskList, lang: Lang): string {
  const rows: CsvCell[][] = [CSV_COLUMNS.map((k) => t(lang, `tasks.col.${k}` as MessageKey))];
  for (const x of list.items)
    rows.push([
      x.number,
      x.sectionCode,
      taskTitle(lang, x),
      lead(lang, x),
      x.deadline,
      statusLabel(lang, x.status),
      x.date,
      x.note,
      x.evidence,
      x.overdue ? t(lang, "tasks.overdue") : "",
    ]);
  return toCsv(rows);
}

const MD_COLUMNS = ["number", "title", "lead", "deadline", "status", "date", "note", "evidence"];

/** Markdown for mail and chat: title, summary, a pipe table per section. */
export function tasksMarkdown(list: TaskList, lang: Lang): string {
  const out = [`# ${title(list, lang)}`, "", summary(list, lang)];
  const head = MD_COLUMNS.map((k) => t(lang, `tasks.col.${k}` as MessageKey));
  for (const g of bySection(list)) {
    out.push("", `## ${sectionHeading(lang, g.section)}`, "");
    out.push(
      mdTable(
        head,
        g.items.map((x) => [
          String(x.number),
          taskTitle(lang, x),
          lead(lang, x),
          x.deadline,
          statusLabel(lang, x.status) + (x.overdue ? ` (${t(lang, "tasks.overdue")})` : ""),
          x.date ?? "",
          x.note ?? "",
          x.evidence ?? "",
        ]),
        new Set([0]),
      ),
    );
  }
  if (list.items.length === 0) out.push("", t(lang, "tasks.list.empty"));
  return `${out.join("\n")}\n`;
}

/** The same column widths in every section's table, so the tables line up on paper. */
const COLGROUP = `<colgroup>${[5, 29, 9, 11, 9, 11, 17, 9].map((w) => `<col style="width:${w}%">`).join("")}</colgroup>`;

/** One self-contained, printable HTML page: title, summary, a table per section. */
export function tasksHtml(list: TaskList, lang: Lang): string {
  const head = MD_COLUMNS.map(
    (k) => `<th${k === "number" ? ' class="num"' : ""}>${esc(t(lang, `tasks.col.${k}` as MessageKey))}</th>`,
  );
  const body: string[] = [
    `<h1>${esc(title(list, lang))}</h1>`,
    `<p class="verdict">${esc(summary(list, lang))}</p>`,
  ];
  for (const g of bySection(list)) {
    body.push(
      `<h2>${esc(sectionHeading(lang, g.section))}</h2>`,
      '<table class="tasks">',
      COLGROUP,
      `<tr>${head.join("")}</tr>`,
    );
    for (const x of g.items) {
      const cls = `${x.status}${x.overdue ? " overdue at_risk" : ""}`;
      const label = statusLabel(lang, x.status) + (x.overdue ? ` (${t(lang, "tasks.overdue")})` : "");
      body.push(
        `<tr data-task="${x.number}"><td class="num">${x.number}</td><td>${esc(taskTitle(lang, x))}</td><td>${esc(lead(lang, x))}</td><td class="nw">${esc(x.deadline)}</td><td class="${cls}">${esc(label)}</td><td class="nw">${esc(x.date)}</td><td>${esc(x.note)}</td><td>${esc(x.evidence)}</td></tr>`,
      );
    }
    body.push("</table>");
  }
  if (list.items.length === 0) body.push(`<p>${esc(t(lang, "tasks.list.empty"))}</p>`);
  return htmlPage(lang, title(list, lang), body.join("\n"));
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
  history: TaskStateRecord[];
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

/** The text of `task show`: the task, its current state, its indicators and its history. */
export function taskDetailText(v: TaskDetailView, lang: Lang, color: boolean): string {
  const c = painter(color);
  const en = lang === "en";
  const out: string[] = [
    c.bold(t(lang, "tasks.show.title", { number: v.number, title: en ? v.titleEn : v.title })),
    t(lang, "tasks.show.section", { code: v.section.code, title: en ? v.section.titleEn : v.section.title }),
    "",
    v.text,
    "",
    t(lang, "tasks.show.lead", { lead: en ? v.leadEn : v.lead }),
    // the deadline's note is Chinese plan text: shown in the Chinese view only
    en || !v.deadlineNote
      ? t(lang, "tasks.show.deadlineOnly", { deadline: v.deadline })
      : t(lang, "tasks.show.deadline", { deadline: v.deadline, note: v.deadlineNote }),
  ];
  const s = v.state;
  const status = statusLabel(lang, s.status);
  out.push(
    s.date
      ? t(lang, "tasks.show.statusSince", { status, date: s.date })
      : t(lang, "tasks.show.status", { status }),
  );
  if (s.overdue) out.push(c.red(`  ${t(lang, "tasks.show.overdue")}`));
  if (s.note) out.push(t(lang, "tasks.show.note", { note: s.note }));
  if (s.evidence) out.push(t(lang, "tasks.show.evidence", { evidence: s.evidence }));
  if (v.indicators.length) {
    out.push(
      "",
      v.asOf ? t(lang, "tasks.show.indicators", { asOf: v.asOf }) : t(lang, "tasks.show.indicatorsNoData"),
    );
    const head = [
      "label.indicator",
      "label.measure",
      "label.target",
      "label.actual",
      "label.completion",
      "label.expected",
      "label.status",
    ].map((k) => t(lang, k as MessageKey));
    const rows = v.indicators.map((l) => [
      en ? l.nameEn : l.name,
      measureText(lang, l.unit, l.nameEn),
      formatNumber(lang, l.target),
      formatNumber(lang, l.actual),
      formatPercent(l.completion),
      formatNumber(lang, l.expected),
      statusText(lang, l),
    ]);
    out.push(renderTable(head, rows, new Set([2, 3, 4, 5])));
  }
  out.push("", t(lang, "tasks.show.history"));
  if (v.history.length === 0) out.push(`  ${t(lang, "tasks.show.noHistory")}`);
  else {
    const head = ["date", "status", "note", "evidence", "batch", "source", "recorded", "state"].map((k) =>
      t(lang, `tasks.col.${k}` as MessageKey),
    );
    const rows = v.history.map((h) => [
      h.date,
      statusLabel(lang, h.status),
      h.note ?? "",
      h.evidence ?? "",
      `#${h.batchId}`,
      h.batchKind === "undo"
        ? t(lang, "tasks.show.byUndo", { id: h.undoes ?? "" })
        : (h.file ?? t(lang, "tasks.source.cli")),
      localTime(h.recordedAt),
      h.supersededBy === null
        ? t(lang, "tasks.show.current")
        : t(lang, "tasks.show.superseded", { by: h.supersededBy }),
    ]);
    out.push(renderTable(head, rows));
  }
  return `${out.join("\n")}\n`;
}
