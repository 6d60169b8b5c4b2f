-- dzkj schema, version 8: the reporting deadline (README "On-time reporting"): the days after each
-- quarter's end by which the units' reports are due; null means the default, 10 (plan file:
-- plan.reportDeadlineDays).
ALTER TABLE plans ADD COLUMN report_deadline_days INTEGER CHECK (report_deadline_days BETWEEN 0 AND 366);

-- The city's targets split among the reporting units (目标分解), as the
-- bureau assigns them each year. One current target per (plan year, indicator, unit), in the
-- indicator's canonical unit, with an optional assessment weight (考核权重) for the ranking; every
-- state a target had before a later batch replaced or removed it is kept in unit_target_history,
-- as for progress values, so that a targets import is on record and can be undone. A targets
-- import is an import_batches row of kind 'import' whose layout is 'targets'.
CREATE TABLE unit_targets (
  plan_year      INTEGER NOT NULL,
  indicator_code TEXT NOT NULL,
  unit_code      TEXT NOT NULL,
  target         REAL NOT NULL,       -- in the indicator's canonical unit
  weight         REAL,                -- 考核权重; null counts 1
  batch_id       INTEGER NOT NULL REFERENCES import_batches(id),
  PRIMARY KEY (plan_year, indicator_code, unit_code),
  FOREIGN KEY (plan_year, indicator_code) REFERENCES indicators(plan_year, code),
  FOREIGN KEY (plan_year, unit_code) REFERENCES units(plan_year, code)
);
CREATE INDEX unit_targets_batch ON unit_targets(batch_id);

CREATE TABLE unit_target_history (
  id             INTEGER PRIMARY KEY,
  plan_year      INTEGER NOT NULL,
  indicator_code TEXT NOT NULL,
  unit_code      TEXT NOT NULL,
  target         REAL NOT NULL,
  weight         REAL,
  batch_id       INTEGER NOT NULL REFERENCES import_batches(id),      -- the batch that wrote this state
  superseded_by  INTEGER NOT NULL REFERENCES import_batches(id)       -- the batch that replaced or removed it
);
CREATE INDEX unit_target_history_key ON unit_target_history(plan_year, indicator_code, unit_code);
CREATE INDEX unit_target_history_superseded ON unit_target_history(superseded_by);
