/**
 * The year-end status (indicators and the plan's tasks, by section) as a Doc and as JSON.
 * `statusJson` keeps the part-1 contract and adds `tasks` and `sections`.
 */
import type { SectionStatus, StatusOverview } from "../domain/breakdown.js";
import type { StatusLine, YearStatus } from "../domain/report.js";
import type { TaskState, TaskStatus } from "../domain/tasks.js";
import { type Lang, type MessageKey, t } from "../i18n/index.js";
import { completionCell, type Doc, type DocRow, type Line, numberCell, type Tone, text } from "./doc.js";
import { formatPercent, measureText, sectionHeadingText } from "./format.js";
import { asOfLine, gapColumns, indicatorCell, indicatorLabel, statusText, statusTone } from "./report.js";
import { taskJson } from "./tasks.js";
import { categoryLabel, indicatorVerdict, taskVerdict, verdictCategory } from "./verdict.js";

/** The JSON contract of `status --format json` (see README). */
export function statusJson(s: YearStatus, overview?: StatusOverview): object {
  const base = {
    plan: { year: s.plan.year, title: s.plan.title },
    asOf: s.asOf,
    asOfBeyondData: s.asOfBeyondData,
    yearEnd: s.yearEnd,
    final: s.final,
    summary: s.summary,
    indicators: s.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      target: i.target,
      actual: i.actual,
      completion: i.completion,
      result: i.result,
      final: i.final,
      commitment: i.commitment,
      forecast: i.forecast,
      atRisk: i.atRisk,
    })),
  };
  if (!overview) return base;
  return {
    ...base,
    tasks: {
      summary: overview.taskSummary,
      items: overview.tasks.map((x) => {
        const { titleEn: _titleEn, leadEn: _leadEn, ...item } = taskJson(x);
        return item;
      }),
    },
    sections: overview.sections.map((sec) => ({
      section: sec.code,
      title: sec.code === null ? null : sec.title,
      tasks: sec.taskSummary,
      indicators: sec.indicators.map((i) => i.code),
    })),
  };
}

function taskStatusTone(s: TaskStatus, overdue: boolean): Tone | undefined {
  return s === "done" ? "good" : s === "at_risk" || overdue ? "bad" : s === "not_started" ? "dim" : undefined;
}

/** "已完成" / "推进中（逾期）" … */
function taskStatusText(lang: Lang, x: Pick<TaskState, "status" | "overdue">): string {
  const s = t(lang, `rep.task.${x.status}` as MessageKey);
  return x.overdue ? `${s}${t(lang, "rep.task.overdueMark")}` : s;
}

function sectionHeading(lang: Lang, sec: SectionStatus): string {
  if (sec.code === null) return t(lang, "label.headline");
  return sectionHeadingText(lang, sec.code, lang === "en" ? sec.titleEn : sec.title);
}

/**
 * The verdict, in the words and categories of `report` (render/verdict.ts): the indicators' count
 * line and named categories; before Q4 how many are projected to be met; then the tasks' counts
 * and their numbers by status.
 */
function statusVerdict(lang: Lang, o: StatusOverview): { head: Line; lines: Line[] } {
  const s = o.status;
  const { head, lines } = indicatorVerdict(
    lang,
    s.indicators.map((i) => ({
      name: lang === "en" ? i.nameEn : i.name,
      category: verdictCategory(i.line, s.yearEnd),
      final: i.final,
    })),
    s.yearEnd,
  );
  if (!s.yearEnd && s.asOf !== null) {
    const projected = s.indicators.filter(
      (i) => i.result === "met" || (!i.atRisk && i.forecast !== null && i.forecast >= i.target),
    ).length;
    lines.push({ text: t(lang, "verdict.projected", { projected, total: s.summary.total }) });
  }
  return { head, lines: [...lines, ...taskVerdict(lang, o.tasks)] };
}

/** Year-end status: section summary, indicators by section, tasks by section. */
export function statusDoc(o: StatusOverview, lang: Lang): Doc {
  const s = o.status;
  const state =
    s.asOf === null
      ? t(lang, "status.noData", { year: s.plan.year })
      : s.final
        ? t(lang, "status.final", { asOf: s.asOf, ...s.summary })
        : s.yearEnd
          ? t(lang, "status.yearEnd", { asOf: s.asOf, ...s.summary })
          : t(lang, "status.provisional", { asOf: s.asOf });

  // 1. by section: task counts and indicators met
  const summaryRows: DocRow[] = o.sections.map((sec) => {
    const met = sec.indicators.filter((i) => i.final && i.result === "met").length;
    return [
      text(sectionHeading(lang, sec)),
      numberCell(lang, sec.taskSummary.total),
      numberCell(lang, sec.taskSummary.done, sec.taskSummary.done ? "good" : undefined),
      numberCell(lang, sec.taskSummary.in_progress),
      numberCell(lang, sec.taskSummary.not_started),
      numberCell(lang, sec.taskSummary.at_risk, sec.taskSummary.at_risk ? "bad" : undefined),
      { text: `${met}/${sec.indicators.length}`, values: [met, sec.indicators.length] },
    ];
  });
  summaryRows.push([
    text(t(lang, "rep.total"), "strong"),
    numberCell(lang, o.taskSummary.total, "strong"),
    numberCell(lang, o.taskSummary.done, "strong"),
    numberCell(lang, o.taskSummary.in_progress, "strong"),
    numberCell(lang, o.taskSummary.not_started, "strong"),
    numberCell(lang, o.taskSummary.at_risk, "strong"),
    {
      text: `${s.summary.met}/${s.summary.total}`,
      values: [s.summary.met, s.summary.total],
      tone: "strong",
    },
  ]);

  // 2. indicators by section
  const indRows: DocRow[] = [];
  for (const sec of o.sections) {
    if (!sec.indicators.length) continue;
    indRows.push({ section: sectionHeading(lang, sec) });
    for (const i of sec.indicators) {
      let outcome: string;
      let tone: Tone | undefined;
      if (i.final) {
        // final results, at year end or a flow already met (rule 5)
        outcome = t(lang, `result.${i.result}` as MessageKey);
        tone = i.result === "met" ? "good" : i.result === "missed" ? "bad" : "dim";
      } else if (s.yearEnd) {
        // Q4, but resting on figures some units have not yet sent for Q4: shown apart, provisional
        outcome =
          i.result === "met"
            ? t(lang, "result.provisionalMet")
            : i.result === "missed"
              ? t(lang, "result.provisionalMissed")
              : t(lang, `result.${i.result}` as MessageKey);
        tone = i.result === "missed" ? "bad" : "dim";
      } else if (i.result === "met") {
        outcome = t(lang, "result.provisionalMet");
        tone = "good";
      } else if (i.atRisk) {
        outcome = t(lang, "status.projectedMissed");
        tone = "bad";
      } else if (
        i.forecast === null ||
        i.line.status === "pending" ||
        i.line.status === "no_data" ||
        i.line.status === "no_baseline"
      ) {
        outcome = statusText(lang, i.line);
        tone = statusTone(i.line.status);
      } else outcome = t(lang, "status.projectedMet");
      indRows.push([
        indicatorCell(lang, i),
        text(measureText(lang, i.unit, i.nameEn)),
        numberCell(lang, i.target),
        numberCell(lang, i.actual),
        numberCell(lang, i.line.gap),
        completionCell(i.completion),
        numberCell(lang, i.line.expected),
        numberCell(lang, i.forecast),
        text(outcome, tone),
      ]);
    }
  }

  // 3. tasks by section
  const taskRows: DocRow[] = [];
  for (const sec of o.sections) {
    if (!sec.tasks.length) continue;
    const ts = sec.taskSummary;
    taskRows.push({
      section: `${sectionHeading(lang, sec)}（${t(lang, "rep.sectionTasks", { done: ts.done, total: ts.total, in_progress: ts.in_progress, not_started: ts.not_started, at_risk: ts.at_risk })}）`,
    });
    for (const x of sec.tasks)
      taskRows.push([
        numberCell(lang, x.number),
        text(lang === "en" ? x.titleEn : x.title),
        text(lang === "en" ? x.leadEn : x.lead),
        text(x.deadline),
        text(taskStatusText(lang, x), taskStatusTone(x.status, x.overdue)),
        text(x.note ?? ""),
        text(x.evidence ?? ""),
      ]);
  }

  const notes: Line[] = [];
  // names may contain 、 themselves (推广应用农业新品种、新技术): listed with ；
  const list = (xs: StatusLine[]) =>
    xs.map((i) => (lang === "en" ? i.nameEn : i.name)).join(t(lang, "verdict.nameSep"));
  if (s.yearEnd) {
    // final misses (and targets with no figure at all) by commitment; provisional results apart
    const missed = (i: StatusLine) => (i.final && i.result === "missed") || i.result === "no_data";
    const firm = s.indicators.filter((i) => missed(i) && i.commitment === "firm");
    const asp = s.indicators.filter((i) => missed(i) && i.commitment === "aspirational");
    const provisional = s.indicators.filter((i) => !i.final && (i.result === "met" || i.result === "missed"));
    if (firm.length) notes.push({ text: t(lang, "status.missedFirm", { list: list(firm) }), tone: "bad" });
    if (asp.length) notes.push({ text: t(lang, "status.missedAspirational", { list: list(asp) }) });
    if (provisional.length)
      notes.push({ text: t(lang, "status.provisionalList", { list: list(provisional) }) });
  } else {
    const risk = s.indicators.filter((i) => i.atRisk);
    if (risk.length) notes.push({ text: t(lang, "status.atRisk", { list: list(risk) }), tone: "bad" });
  }

  const verdict = statusVerdict(lang, o);
  return {
    lang,
    title: t(lang, "status.title", { title: lang === "en" ? s.plan.titleEn : s.plan.title }),
    meta: [asOfLine(lang, { asOf: s.asOf, elapsed: elapsedOf(s) }), state],
    verdict: verdict.head,
    details: verdict.lines,
    chart: {
      title: t(lang, "rep.chart.title"),
      legendActual: t(lang, "label.completion"),
      legendPace: t(lang, "label.expected"),
      items: s.indicators.map((i) => ({
        label: indicatorLabel(lang, i),
        completion: i.completion,
        pace: i.line.expected === null || i.target === 0 ? null : i.line.expected / i.target,
        valueText: i.completion === null ? statusText(lang, i.line) : formatPercent(i.completion),
        tone: statusTone(i.line.status),
        legend: categoryLabel(lang, verdictCategory(i.line, s.yearEnd), s.yearEnd),
      })),
    },
    blocks: [
      {
        title: t(lang, "rep.block.sections"),
        columns: [
          { label: t(lang, "label.section"), wrap: true },
          { label: t(lang, "rep.col.tasks"), right: true },
          { label: t(lang, "rep.task.done"), right: true },
          { label: t(lang, "rep.task.in_progress"), right: true },
          { label: t(lang, "rep.task.not_started"), right: true },
          { label: t(lang, "rep.task.at_risk"), right: true },
          {
            label: t(lang, "rep.col.indicatorsMet"),
            right: true,
            // two numbers in CSV: "2/6" in a cell is a date to Excel
            csvSplit: [t(lang, "rep.col.indicatorsMet"), t(lang, "csv.indicators")],
          },
        ],
        rows: summaryRows,
      },
      {
        title: t(lang, "rep.block.indicators"),
        columns: [
          ...gapColumns(lang),
          { label: t(lang, "label.forecast"), right: true, drop: 5 },
          { label: t(lang, s.yearEnd ? "label.result" : "label.status"), wrap: true },
        ],
        rows: indRows,
        notes,
      },
      {
        title: t(lang, "rep.block.tasks"),
        columns: [
          { label: t(lang, "rep.col.number"), right: true },
          { label: t(lang, "label.task"), wrap: true },
          { label: t(lang, "label.lead"), drop: 2, wrap: true },
          { label: t(lang, "label.deadline"), drop: 1 },
          { label: t(lang, "label.status"), wrap: true },
          { label: t(lang, "rep.col.note"), drop: 4, wrap: true },
          { label: t(lang, "rep.col.evidence"), drop: 3, wrap: true },
        ],
        rows: taskRows,
      },
    ],
    footnotes: [t(lang, "report.footnote")],
    sectionLabel: t(lang, "label.section"),
  };
}

function elapsedOf(s: YearStatus): number | null {
  const q = s.asOf === null ? null : Number(s.asOf.slice(-1));
  return q === null || Number.isNaN(q) ? null : q / 4;
}
