/**
 * Task-progress fields as people write them, on the command line or in a CSV: the status in
 * English or Chinese (已完成, 完成, done …), the date (2020-11-30, 2020/11/30, 2020年11月30日) and
 * the task (25, 第25项, 25.深入推进科技奖励制度改革, or its title).
 */
import type { Task } from "../domain/plan.js";
import type { TaskStatus } from "../domain/tasks.js";
import { parsePeriod } from "./period.js";
import { fail, ok, type Parsed } from "./result.js";
import { normalizeKey, toHalfWidth } from "./text.js";

/** Shown when a status cannot be read. */
export const STATUS_FORMS = "not_started/未启动、in_progress/推进中、done/已完成、at_risk/滞后";
/** Shown when a date cannot be read. */
export const DATE_FORMS = "2020-11-30、2020/11/30、2020年11月30日";

const STATUS_WORDS: Readonly<Record<TaskStatus, readonly string[]>> = {
  not_started: [
    "not_started",
    "notstarted",
    "not started",
    "todo",
    "未启动",
    "未开始",
    "尚未启动",
    "未开展",
    "未动工",
  ],
  in_progress: [
    "in_progress",
    "inprogress",
    "in progress",
    "ongoing",
    "started",
    "推进中",
    "进行中",
    "正在推进",
    "在推进",
    "实施中",
    "正在实施",
    "已启动",
    "开展中",
    "持续推进",
  ],
  done: ["done", "completed", "complete", "finished", "已完成", "完成", "已办结", "办结", "已落实", "已实现"],
  at_risk: [
    "at_risk",
    "atrisk",
    "at risk",
    "behind",
    "delayed",
    "late",
    "滞后",
    "进度滞后",
    "延期",
    "落后",
    "有风险",
  ],
};

const statusKey = (s: string) => normalizeKey(s).replace(/[_\-－]/g, "");

const STATUS_BY_KEY: ReadonlyMap<string, TaskStatus> = new Map(
  (Object.entries(STATUS_WORDS) as [TaskStatus, readonly string[]][]).flatMap(([status, words]) =>
    words.map((w) => [statusKey(w), status] as const),
  ),
);

/** A status in English or Chinese, case-, width- and space-insensitive. */
export function parseTaskStatus(text: string): Parsed<TaskStatus> {
  const s = STATUS_BY_KEY.get(statusKey(text));
  return s ? ok(s) : fail("tasks.status.invalid", { value: text, forms: STATUS_FORMS });
}

const DATE_SEP = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DATE_CN = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const MIDNIGHT = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+0{1,2}:00(?::00)?$/;

/** A calendar date as YYYY-MM-DD (full-width digits allowed; Excel's `2020/11/30 0:00` too). */
export function parseTaskDate(text: string): Parsed<string> {
  let s = toHalfWidth(text).trim();
  const midnight = MIDNIGHT.exec(s);
  if (midnight) s = midnight[1]!;
  s = s.replace(/\s+/g, "");
  const m = DATE_SEP.exec(s) ?? DATE_CN.exec(s);
  if (!m) return fail("tasks.date.invalid", { value: text, forms: DATE_FORMS });
  const year = Number(m[1]);
  const month = Number(m.length === 5 ? m[3] : m[2]);
  const day = Number(m.length === 5 ? m[4] : m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return fail("tasks.date.notADay", { value: text });
  return ok(d.toISOString().slice(0, 10));
}

/**
 * The date a CSV row's status holds on: a day (2020-11-30 …), or a reporting period (2020Q3,
 * 2020年三季度 …) meaning the end of that quarter.
 */
export function parseTaskDay(text: string): Parsed<string> {
  const d = parseTaskDate(text);
  if (d.ok || d.reason.key === "tasks.date.notADay") return d;
  const p = parsePeriod(text);
  if (!p.ok) return fail("tasks.date.invalidOrPeriod", { value: text, forms: DATE_FORMS });
  const end = [0, "03-31", "06-30", "09-30", "12-31"][p.value.quarter];
  return ok(`${p.value.year}-${end}`);
}

const NUMBERED = /^(?:第|任务|no\.?|#)?(\d{1,3})(?:项|条|号)?[.、．:：)）\s]*(.*)$/i;

/**
 * The task a cell names: its number (`25`, `第25项`, `25.` …), optionally followed by its title,
 * or the title alone. A number with a title that does not match it is refused (a mis-numbered row).
 */
export function parseTaskRef(text: string, tasks: readonly Task[]): Parsed<Task> {
  const s = toHalfWidth(text).trim();
  const m = NUMBERED.exec(s);
  if (m) {
    const n = Number(m[1]);
    const task = tasks.find((t) => t.number === n);
    if (!task) return fail("tasks.task.unknown", { value: text, max: tasks.length });
    const rest = normalizeKey(m[2] ?? "").replace(/[。.]$/, "");
    if (rest && !/^\d+$/.test(rest)) {
      const title = normalizeKey(task.title);
      if (!title.includes(rest) && !rest.includes(title))
        return fail("tasks.task.titleMismatch", { value: text, number: n, title: task.title });
    }
    return ok(task);
  }
  const key = normalizeKey(s);
  const byTitle = key ? tasks.filter((t) => normalizeKey(t.title) === key) : [];
  if (byTitle.length === 1) return ok(byTitle[0]!);
  return fail("tasks.task.unknown", { value: text, max: tasks.length });
}
