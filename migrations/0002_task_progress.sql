-- dzkj schema, version 2: progress of the plan's numbered tasks (任务进展).
-- Like progress_values / value_history: the current state of each task, and every state it had
-- before it was replaced or removed. Together they are the full history; each state names the batch
-- (import_batches, kind 'task' for `dzkj task set` and task CSV imports, 'undo' for an undo) that wrote it.

-- The current status of each task that has ever been set (a task with no row is 未启动 not_started).
CREATE TABLE task_progress (
  plan_year   INTEGER NOT NULL,
  task_number INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'at_risk')),
  note        TEXT,                 -- 进展情况
  evidence    TEXT,                 -- 佐证材料: document number, link or file name
  status_date TEXT NOT NULL,        -- YYYY-MM-DD: the day the status was reached, as the user gave it
  batch_id    INTEGER NOT NULL REFERENCES import_batches(id),
  PRIMARY KEY (plan_year, task_number),
  FOREIGN KEY (plan_year, task_number) REFERENCES tasks(plan_year, number)
);
CREATE INDEX task_progress_batch ON task_progress(batch_id);

-- Every state a task had before a later batch replaced or removed it.
CREATE TABLE task_history (
  id            INTEGER PRIMARY KEY,
  plan_year     INTEGER NOT NULL,
  task_number   INTEGER NOT NULL,
  status        TEXT NOT NULL,
  note          TEXT,
  evidence      TEXT,
  status_date   TEXT NOT NULL,
  batch_id      INTEGER NOT NULL REFERENCES import_batches(id),   -- the batch that wrote this state
  superseded_by INTEGER NOT NULL REFERENCES import_batches(id)    -- the batch that replaced or removed it
);
CREATE INDEX task_history_key ON task_history(plan_year, task_number);
CREATE INDEX task_history_superseded ON task_history(superseded_by);
