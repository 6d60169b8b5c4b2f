/**
 * Task progress use cases. readTaskStates is the API reports use; the storage behind it
 * (migration 0002, src/storage/tasks.ts) is filled in by the task-progress change.
 */
import type { Plan } from "../domain/plan.js";
import { isOverdue, type TaskState } from "../domain/tasks.js";
import type { Db } from "../storage/database.js";

/** Every task of the plan with its current status (not_started when none was ever set). */
export function readTaskStates(_db: Db, plan: Plan, today: string): TaskState[] {
  const code = new Map(plan.sections.map((s) => [s.number, s.code]));
  return plan.tasks.map((t) => ({
    number: t.number,
    section: t.section,
    sectionCode: code.get(t.section) ?? "",
    title: t.title,
    titleEn: t.titleEn,
    lead: t.lead,
    leadEn: t.leadEn,
    deadline: t.deadline,
    status: "not_started",
    note: null,
    evidence: null,
    date: null,
    overdue: isOverdue(t.deadline, "not_started", today),
    indicators: plan.indicators.filter((d) => d.task === t.number).map((d) => d.code),
  }));
}
