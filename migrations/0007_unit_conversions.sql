-- dzkj schema, version 7: a revised plan that changes an indicator's unit of measure (万元 → 亿元)
-- converts the values already stored (dzkj init --plan FILE --convert), as one batch. Each
-- indicator it converted is recorded here with its unit and target before and after (the revised
-- plan states the target in the new unit), so that undoing the batch puts both back (the restored
-- values are in the old unit) and redoing it changes them again.
CREATE TABLE unit_conversions (
  batch_id       INTEGER NOT NULL REFERENCES import_batches(id),
  plan_year      INTEGER NOT NULL,
  indicator_code TEXT NOT NULL,
  old_unit       TEXT NOT NULL,
  new_unit       TEXT NOT NULL,
  old_target     REAL NOT NULL,
  new_target     REAL NOT NULL,
  PRIMARY KEY (batch_id, plan_year, indicator_code)
);
