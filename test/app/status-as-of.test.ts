/**
 * status --as-of shows the tasks as they stood at that quarter's end (README rule 6): a task done
 * in November is not done as of Q2, and a task whose deadline is 2020-12-31 is not overdue then.
 */
import { describe, expect, it } from "vitest";
import { buildStatusOverviewFor } from "../../src/app/report.js";
import { setTask } from "../../src/app/tasks.js";
import { loadPlan } from "../../src/storage/plans.js";
import { PROGRESS_FIXTURES } from "../helpers.js";
import { freshDb, importFile, NOW } from "../intake/import-text.js";

const taskOf = (o: ReturnType<typeof buildStatusOverviewFor>, n: number) =>
  o.overview.sections.flatMap((s) => s.tasks).find((t) => t.number === n)!;

describe("status --as-of: tasks at the quarter's end", () => {
  it("a task set done on 2020-11-30 is not done as of 2020Q2, and nothing is overdue before its deadline", async () => {
    const db = await freshDb();
    for (const f of PROGRESS_FIXTURES) await importFile(db, f);
    const plan = loadPlan(db, 2020)!;
    setTask(
      db,
      plan,
      { task: "25", status: "in_progress", date: "2020-05-10" },
      { today: "2020-05-10", now: NOW, dryRun: false },
    );
    setTask(
      db,
      plan,
      { task: "25", status: "done", date: "2020-11-30" },
      { today: "2020-11-30", now: NOW, dryRun: false },
    );
    const q2 = buildStatusOverviewFor(db, { asOf: "2020Q2", today: "2021-01-20" });
    expect(taskOf(q2, 25)).toMatchObject({ status: "in_progress", overdue: false });
    expect(q2.overview.sections.flatMap((s) => s.tasks).filter((t) => t.overdue)).toEqual([]);
    const q1 = buildStatusOverviewFor(db, { asOf: "2020Q1", today: "2021-01-20" });
    expect(taskOf(q1, 25).status).toBe("not_started");
    // without --as-of: as of today (2021-01-20): done, and the tasks not done are overdue
    const now = buildStatusOverviewFor(db, { today: "2021-01-20" });
    expect(taskOf(now, 25).status).toBe("done");
    expect(now.overview.sections.flatMap((s) => s.tasks).some((t) => t.overdue)).toBe(true);
    db.close();
  });
});
