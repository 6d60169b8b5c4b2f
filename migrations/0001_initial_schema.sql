-- dzkj schema, version 1. Plain tables with readable names; values in each indicator's canonical unit.

CREATE TABLE plans (
  year        INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  title_en    TEXT NOT NULL,
  issuer      TEXT NOT NULL,
  issuer_en   TEXT NOT NULL,
  issued_on   TEXT NOT NULL,          -- YYYY-MM-DD
  source_hash TEXT NOT NULL,          -- sha256 of the plan as loaded (canonical JSON)
  loaded_at   TEXT NOT NULL
);

CREATE TABLE sections (
  plan_year INTEGER NOT NULL REFERENCES plans(year),
  number    INTEGER NOT NULL,         -- 1..8
  code      TEXT NOT NULL,            -- 一 … 八
  title     TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  PRIMARY KEY (plan_year, number)
);

CREATE TABLE tasks (
  plan_year     INTEGER NOT NULL,
  number        INTEGER NOT NULL,
  section       INTEGER NOT NULL,
  title         TEXT NOT NULL,
  title_en      TEXT NOT NULL,
  text          TEXT NOT NULL,
  lead          TEXT NOT NULL,        -- 牵头单位
  lead_en       TEXT NOT NULL,
  deadline      TEXT NOT NULL,        -- YYYY-MM-DD
  deadline_note TEXT NOT NULL,
  PRIMARY KEY (plan_year, number),
  FOREIGN KEY (plan_year, section) REFERENCES sections(plan_year, number)
);

CREATE TABLE units (
  plan_year  INTEGER NOT NULL REFERENCES plans(year),
  code       TEXT NOT NULL,
  ordinal    INTEGER NOT NULL,
  name       TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  admin_code TEXT,
  is_total   INTEGER NOT NULL DEFAULT 0 CHECK (is_total IN (0, 1)),  -- 1 for 全市
  PRIMARY KEY (plan_year, code)
);

CREATE TABLE unit_aliases (
  plan_year INTEGER NOT NULL,
  alias     TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  PRIMARY KEY (plan_year, alias),
  FOREIGN KEY (plan_year, unit_code) REFERENCES units(plan_year, code)
);

CREATE TABLE indicators (
  plan_year  INTEGER NOT NULL REFERENCES plans(year),
  code       TEXT NOT NULL,
  ordinal    INTEGER NOT NULL,
  name       TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  unit       TEXT NOT NULL,           -- canonical unit of measure: 项 家 亿元 万元 % …
  target     REAL NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('flow', 'stock', 'rate')),
  cadence    TEXT NOT NULL CHECK (cadence IN ('quarterly', 'annual')),
  commitment TEXT NOT NULL CHECK (commitment IN ('firm', 'aspirational')),
  headline   INTEGER NOT NULL CHECK (headline IN (0, 1)),
  section    INTEGER,
  task       INTEGER,
  PRIMARY KEY (plan_year, code)
);

-- One row per import (or undo): what was read and what it did.
CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL DEFAULT 'import' CHECK (kind IN ('import', 'undo', 'task')),
  file        TEXT,                   -- the path as given on the command line
  hash        TEXT,                   -- sha256 of the file's bytes
  imported_at TEXT NOT NULL,          -- ISO 8601 UTC
  encoding    TEXT,
  delimiter   TEXT,
  layout      TEXT,
  rows_read   INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  inserted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  blank       INTEGER NOT NULL DEFAULT 0,
  removed     INTEGER NOT NULL DEFAULT 0,   -- values an undo removed (they had been added by the undone batch)
  undoes      INTEGER REFERENCES import_batches(id),   -- for kind = 'undo'
  undone_by   INTEGER REFERENCES import_batches(id)    -- set when a later undo reverted this batch
);
CREATE INDEX import_batches_hash ON import_batches(hash);

-- The current value of each (plan year, indicator, period, unit). Clustered on the key the report
-- reads by (indicator, period), so aggregation scans it like a covering index.
CREATE TABLE progress_values (
  plan_year      INTEGER NOT NULL,
  indicator_code TEXT NOT NULL,
  period         TEXT NOT NULL,       -- 2020Q3; the prior year's Q4 (2019Q4) is the baseline
  unit_code      TEXT NOT NULL,
  value          REAL NOT NULL,       -- in the indicator's canonical unit
  basis          TEXT NOT NULL DEFAULT 'ytd' CHECK (basis IN ('ytd', 'period')),  -- 累计 / 本期
  note           TEXT,
  batch_id       INTEGER NOT NULL REFERENCES import_batches(id),
  PRIMARY KEY (plan_year, indicator_code, period, unit_code),
  FOREIGN KEY (plan_year, indicator_code) REFERENCES indicators(plan_year, code),
  FOREIGN KEY (plan_year, unit_code) REFERENCES units(plan_year, code)
) WITHOUT ROWID;
CREATE INDEX progress_values_batch ON progress_values(batch_id);

-- Every state a value had before it was replaced or removed: with progress_values this is the full history.
CREATE TABLE value_history (
  id             INTEGER PRIMARY KEY,
  plan_year      INTEGER NOT NULL,
  indicator_code TEXT NOT NULL,
  period         TEXT NOT NULL,
  unit_code      TEXT NOT NULL,
  value          REAL NOT NULL,
  basis          TEXT NOT NULL,
  note           TEXT,
  batch_id       INTEGER NOT NULL REFERENCES import_batches(id),      -- the batch that wrote this state
  superseded_by  INTEGER NOT NULL REFERENCES import_batches(id)       -- the batch that replaced or removed it
);
CREATE INDEX value_history_key ON value_history(plan_year, indicator_code, unit_code, period);
CREATE INDEX value_history_superseded ON value_history(superseded_by);
