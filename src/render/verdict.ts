/**
 * The verdict a leader reads in five seconds, the same in `report` and `status`: one line of
 * counts (met / on track / behind / pending / no data / missed), then the named indicators of each
 * category that needs attention — at most five, "and N more" — and the tasks' numbers grouped by
 * status. At year end (the as-of quarter is Q4) both views use the year-end words, 完成 / 未完成,
 * with 暂定 for a result that does not yet rest on Q4 figures (README "How it computes", rule 5).
 */
import type { IndicatorLine } from "../domain/report.js";
import { summarizeTasks, type TaskState, type TaskStatus } from "../domain/tasks.js";
import { type Lang, type MessageKey, t } from "../i18n/index.js";
import type { Line, Tone } from "./doc.js";

/** The categories of the count line, in reading order; no_baseline only appears when it has members. */
export type VerdictCategory =
  | "met"
  | "on_track"
  | "behind"
  | "pending"
  | "no_baseline"
  | "no_data"
  | "missed";

const ORDER: readonly VerdictCategory[] = [
  "met",
  "on_track",
  "behind",
  "pending",
  "no_baseline",
  "no_data",
  "missed",
];
/** The categories whose members are named, worst first. */
const NAMED: readonly VerdictCategory[] = ["missed", "behind", "no_baseline", "no_data", "pending"];
/** How many names a category lists before "and N more". */
const NAMES_PER_CATEGORY = 5;

/**
 * An indicator's category. Before Q4 it is its report status. At Q4 a figure is judged against the
 * target (met when actual ≥ target, else missed), as `status` judges it; pending and no data stay.
 */
export function verdictCategory(
  l: Pick<IndicatorLine, "status" | "actual" | "target">,
  yearEnd: boolean,
): VerdictCategory {
  if (!yearEnd || l.status === "pending" || l.status === "no_data" || l.actual === null) return l.status;
  return l.actual >= l.target ? "met" : "missed";
}

/** The word for an indicator's category at year end in the tables: 完成 / 未完成, 暂定 when provisional. */
export function yearEndText(lang: Lang, category: VerdictCategory, final: boolean): string | null {
  if (category === "met") return t(lang, final ? "result.met" : "result.provisionalMet");
  if (category === "missed") return t(lang, final ? "result.missed" : "result.provisionalMissed");
  return null;
}

/** Task numbers in ranges: [1,2,3,5,7,8] → "1–3、5、7–8". */
export function numberRanges(lang: Lang, numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(t(lang, "rep.numberSep"));
}

/** At most NAMES_PER_CATEGORY names, then "and N more". */
export function someNames(lang: Lang, names: readonly string[]): string {
  const shown = names.slice(0, NAMES_PER_CATEGORY).join(t(lang, "verdict.nameSep"));
  const more = names.length - NAMES_PER_CATEGORY;
  return more > 0 ? `${shown}${t(lang, "verdict.more", { n: more })}` : shown;
}

export interface IndicatorVerdictItem {
  name: string;
  category: VerdictCategory;
  final: boolean;
}

/** The label of a category in the count line, the lists and the chart legend (year-end words at Q4). */
export function categoryLabel(lang: Lang, c: VerdictCategory, yearEnd: boolean): string {
  if (yearEnd && (c === "met" || c === "missed")) return t(lang, `result.${c}` as MessageKey);
  return t(lang, `verdict.cat.${c}` as MessageKey);
}

/**
 * The verdict of the indicators: the count line (tone: red when anything is behind or missed)
 * and one line per category that needs attention, naming its indicators.
 */
export function indicatorVerdict(
  lang: Lang,
  items: readonly IndicatorVerdictItem[],
  yearEnd: boolean,
): { head: Line; lines: Line[] } {
  const counts = ORDER.flatMap((c) => {
    const n = items.filter((i) => i.category === c).length;
    // only the categories the phase has: before Q4 nothing is missed yet; at Q4 nothing is on
    // track or behind any more, only met or missed; no baseline only when some indicator has none
    if (n === 0 && (c === "no_baseline" || (yearEnd ? c === "on_track" || c === "behind" : c === "missed")))
      return [];
    // at year end, the provisional results among met / missed are said in brackets
    const provisional = items.filter((i) => i.category === c && !i.final).length;
    const extra =
      yearEnd && (c === "met" || c === "missed") && provisional
        ? t(lang, "verdict.provisionalOf", { n: provisional })
        : "";
    return [`${categoryLabel(lang, c, yearEnd)} ${n}${extra}`];
  });
  const bad = items.some((i) => i.category === "behind" || i.category === "missed");
  const head: Line = {
    text: t(lang, "verdict.indicators", {
      total: items.length,
      counts: counts.join(t(lang, "verdict.countSep")),
    }),
    tone: bad ? "bad" : "good",
  };
  const lines: Line[] = [];
  for (const c of NAMED) {
    const names = items.filter((i) => i.category === c).map((i) => i.name);
    if (!names.length) continue;
    const tone: Tone | undefined = c === "missed" || c === "behind" ? "bad" : "dim";
    lines.push({
      text: `${categoryLabel(lang, c, yearEnd)}${t(lang, "verdict.colon")}${someNames(lang, names)}`,
      tone,
    });
  }
  return { head, lines };
}

const TASK_ORDER: readonly TaskStatus[] = ["done", "in_progress", "not_started", "at_risk"];

/**
 * The verdict of the tasks: one line of counts by status (and how many are past their deadline),
 * then the numbers of the tasks in each status that is not done, as ranges.
 */
export function taskVerdict(lang: Lang, tasks: readonly TaskState[]): Line[] {
  if (!tasks.length) return [];
  const summary = summarizeTasks(tasks);
  const counts = TASK_ORDER.map((s) => `${t(lang, `rep.task.${s}` as MessageKey)} ${summary[s]}`);
  const overdue = tasks.filter((x) => x.overdue);
  const out: Line[] = [
    {
      text: t(lang, "verdict.tasks", {
        total: tasks.length,
        counts: counts.join(t(lang, "verdict.countSep")),
        overdue: overdue.length,
      }),
      tone: tasks.some((x) => x.status === "at_risk" || x.overdue) ? "bad" : "good",
    },
  ];
  for (const s of ["at_risk", "in_progress", "not_started"] as const) {
    const numbers = tasks.filter((x) => x.status === s).map((x) => x.number);
    if (!numbers.length) continue;
    out.push({
      text: `${t(lang, `rep.task.${s}` as MessageKey)}${t(lang, "verdict.colon")}${t(lang, "rep.taskRef", { list: numberRanges(lang, numbers) })}`,
      tone: s === "at_risk" ? "bad" : "dim",
    });
  }
  if (overdue.length)
    out.push({
      text: `${t(lang, "verdict.overdue")}${t(lang, "verdict.colon")}${t(lang, "rep.taskRef", {
        list: numberRanges(
          lang,
          overdue.map((x) => x.number),
        ),
      })}`,
      tone: "bad",
    });
  return out;
}
