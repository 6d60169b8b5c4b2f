-- Every load of a plan file that changed the stored plan (targets, tasks, units …) is kept, with the
-- whole plan as loaded, so that a revised target never silently replaces the one a report was made with.
CREATE TABLE plan_loads (
  id          INTEGER PRIMARY KEY,
  plan_year   INTEGER NOT NULL REFERENCES plans(year),
  result      TEXT NOT NULL CHECK (result IN ('loaded', 'updated')),
  file        TEXT,                   -- the path as given (null for the embedded plan loaded on first run)
  source_hash TEXT NOT NULL,          -- sha256 of the plan as loaded (canonical JSON), as in plans.source_hash
  loaded_at   TEXT NOT NULL,          -- ISO 8601 UTC
  plan_json   TEXT NOT NULL           -- the plan as loaded (canonical JSON)
);
CREATE INDEX plan_loads_year ON plan_loads(plan_year, id);
