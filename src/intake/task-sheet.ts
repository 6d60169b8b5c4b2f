/**
 * The header of a task-progress sheet: which column holds the task, status, note, evidence and
 * date. Column names are matched by headers.ts (English or Chinese, any width or case), plus the
 * names task sheets use that progress sheets don't (进展情况, 完成情况, 编号 …).
 */
import { matchColumn } from "./headers.js";
import { normalizeKey } from "./text.js";

export type TaskColumn = "task" | "status" | "note" | "evidence" | "date";

/** Names headers.ts does not know, or knows under another role, that mean a task-sheet column. */
const EXTRA: Readonly<Record<TaskColumn, readonly string[]>> = {
  task: ["number", "no", "no.", "编号", "任务编号", "任务名称", "工作任务", "重点任务"],
  status: ["进展状态", "推进状态", "完成进度"],
  note: ["进展情况", "进展", "完成情况", "工作进展", "推进情况", "progress"],
  evidence: ["佐证材料", "佐证", "证明材料", "文号", "依据"],
  date: ["period", "报告期", "期间", "季度", "时间", "状态日期", "完成时间", "更新日期"],
};

const EXTRA_BY_KEY: ReadonlyMap<string, TaskColumn> = new Map(
  (Object.entries(EXTRA) as [TaskColumn, readonly string[]][]).flatMap(([role, names]) =>
    names.map((n) => [normalizeKey(n), role] as const),
  ),
);

/** The role of a task-sheet header cell, or null. */
export function matchTaskColumn(header: string): TaskColumn | null {
  const extra = EXTRA_BY_KEY.get(normalizeKey(header).replace(/^\*+|[*:：]+$/g, ""));
  if (extra) return extra;
  const role = matchColumn(header);
  if (role === "period") return "date";
  if (role === "task" || role === "status" || role === "note" || role === "evidence" || role === "date")
    return role;
  return null;
}

export interface TaskHeader {
  line: number;
  /** column index of each recognised role (the first column of a role wins) */
  columns: Partial<Record<TaskColumn, number>>;
  headers: string[];
}

/** The header row (it has at least a task and a status column), or null for a title row. */
export function recognizeTaskHeader(line: number, cells: readonly string[]): TaskHeader | null {
  const columns: Partial<Record<TaskColumn, number>> = {};
  const headers = cells.map((c) => c.trim());
  headers.forEach((h, i) => {
    if (!h) return;
    const role = matchTaskColumn(h);
    if (role && columns[role] === undefined) columns[role] = i;
  });
  return columns.task !== undefined && columns.status !== undefined ? { line, columns, headers } : null;
}

/** One data row's task-sheet cells (trimmed text, "" when absent) and their column names. */
export function taskCells(
  header: TaskHeader,
  cells: readonly string[],
): Record<TaskColumn, { value: string; column: string }> {
  const get = (role: TaskColumn) => {
    const i = header.columns[role];
    return {
      value: i === undefined ? "" : (cells[i] ?? "").trim(),
      column: i === undefined ? role : header.headers[i]!,
    };
  };
  return {
    task: get("task"),
    status: get("status"),
    note: get("note"),
    evidence: get("evidence"),
    date: get("date"),
  };
}
