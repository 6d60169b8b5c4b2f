/** Task progress (the plan's 35 numbered tasks): statuses, overdue, summaries. Pure. */

/** 未启动 / 推进中 / 已完成 / 滞后 */
export type TaskStatus = "not_started" | "in_progress" | "done" | "at_risk";

/** A task with its current progress, as reports show it. */
export interface TaskState {
  number: number;
  section: number;
  /** 一 … 八 */
  sectionCode: string;
  title: string;
  titleEn: string;
  lead: string;
  leadEn: string;
  /** YYYY-MM-DD */
  deadline: string;
  status: TaskStatus;
  note: string | null;
  evidence: string | null;
  /** the date the current status was set (YYYY-MM-DD), null if never set */
  date: string | null;
  /** past its deadline (as of today) and not done */
  overdue: boolean;
  /** codes of the indicators that measure this task */
  indicators: string[];
}

export interface TaskSummary {
  total: number;
  done: number;
  in_progress: number;
  not_started: number;
  at_risk: number;
}

/** Counts tasks by status. */
export function summarizeTasks(items: readonly TaskState[]): TaskSummary {
  const s: TaskSummary = { total: items.length, done: 0, in_progress: 0, not_started: 0, at_risk: 0 };
  for (const t of items) s[t.status]++;
  return s;
}

/** A task is overdue when today (YYYY-MM-DD) is after its deadline and it is not done. */
export function isOverdue(deadline: string, status: TaskStatus, today: string): boolean {
  return status !== "done" && today > deadline;
}

/** Which tasks `dzkj tasks` lists: by section number, status, and past-deadline-not-done. */
export interface TaskFilter {
  section?: number | undefined;
  status?: TaskStatus | undefined;
  overdue?: boolean | undefined;
}

/** The tasks that pass every given filter, in plan order. */
export function filterTasks(items: readonly TaskState[], f: TaskFilter): TaskState[] {
  return items.filter(
    (t) =>
      (f.section === undefined || t.section === f.section) &&
      (f.status === undefined || t.status === f.status) &&
      (!f.overdue || t.overdue),
  );
}
