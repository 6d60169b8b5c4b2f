/**
 * The plan (工作要点) as a document: its indicators with code, target and kind, then its tasks
 * grouped by section with lead unit and deadline (and the task's full text when one task is
 * shown). JSON is the plan itself: `{plan, sections, tasks, units, indicators}` (README "dzkj plan").
 */

import type { Indicator, Plan, Section, Task } from "../domain/plan.js";
import type { Lang, MessageKey } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { type Doc, type DocRow, numberCell, text } from "./doc.js";
import { measureText, sectionHeadingText } from "./format.js";

/** What `dzkj plan` shows: the plan, narrowed to a section or a task. */
export interface PlanView {
  plan: Plan;
  sections: Section[];
  tasks: Task[];
  indicators: Indicator[];
  /** one task asked for (--task): its full text is shown under the table */
  oneTask: boolean;
}

/** The JSON contract: the whole plan with sections, tasks and indicators narrowed as asked. */
export function planJson(v: PlanView): object {
  return { ...v.plan, sections: v.sections, tasks: v.tasks, indicators: v.indicators };
}

/** The plan's indicators and tasks as a Doc, in the UI language. */
export function planDoc(v: PlanView, lang: Lang): Doc {
  const en = lang === "en";
  const p = v.plan.plan;
  const l = (k: string) => t(lang, k as MessageKey);
  const code = new Map(v.plan.sections.map((s) => [s.number, s.code]));
  const doc: Doc = {
    lang,
    title: t(lang, "plan.header", {
      title: en ? p.titleEn : p.title,
      issuer: en ? p.issuerEn : p.issuer,
      issuedOn: p.issuedOn,
    }),
    meta: [],
    blocks: [],
    sectionLabel: l("label.section"),
  };
  if (v.indicators.length)
    doc.blocks.push({
      title: l("plan.indicators"),
      columns: [
        // the code in its own column: a newline inside a cell put it at column 0 of the terminal
        { label: l("label.indicator"), wrap: true },
        { label: l("label.code"), wrap: true },
        { label: l("label.measure") },
        { label: l("label.target"), right: true },
        { label: l("label.kind"), drop: 3 },
        { label: l("label.cadence"), drop: 4 },
        { label: l("label.commitment"), drop: 2 },
        { label: l("label.section"), drop: 1 },
        { label: l("label.task") },
      ],
      rows: v.indicators.map((d) => [
        text(en ? d.nameEn : d.name),
        text(d.code),
        text(measureText(lang, d.unit, d.nameEn)),
        // 确保 X、争取 Y: the stretch beside the target (shown, never judged)
        d.stretch === undefined
          ? numberCell(lang, d.target)
          : {
              ...numberCell(lang, d.target),
              text: `${numberCell(lang, d.target).text}${t(lang, "plan.stretch", { n: numberCell(lang, d.stretch).text })}`,
            },
        text(l(`kind.${d.kind}`)),
        text(l(`cadence.${d.cadence}`)),
        text(l(`commitment.${d.commitment}`)),
        text(d.headline && d.section === null ? l("label.headline") : (code.get(d.section ?? 0) ?? "")),
        d.task === null ? text("") : { text: String(d.task), value: d.task },
      ]),
    });
  const rows: DocRow[] = [];
  for (const s of v.sections) {
    const tasks = v.tasks.filter((x) => x.section === s.number);
    if (!tasks.length) continue;
    rows.push({ section: sectionHeadingText(lang, s.code, en ? s.titleEn : s.title) });
    for (const task of tasks)
      rows.push([
        { text: String(task.number), value: task.number },
        text(en ? task.titleEn : task.title),
        text(en ? task.leadEn : task.lead),
        text(task.deadline),
      ]);
  }
  doc.blocks.push({
    title: l("plan.tasks"),
    columns: [
      { label: l("label.task"), right: true },
      { label: l("label.name"), wrap: true },
      { label: l("label.lead"), wrap: true },
      { label: l("label.deadline") },
    ],
    rows,
    // the full text of the one task asked for (it is long: a line under the table, not a cell)
    notes: v.oneTask ? v.tasks.map((task) => ({ text: `${task.number}. ${task.text}` })) : [],
  });
  return doc;
}
