-- dzkj schema, version 9: each indicator may keep its source sentence, the plan's own words the
-- target was read from (README "The plan as a workbook", column 来源原文). NULL when the plan file
-- gives none (seeds/plan-2020.json gives none).
ALTER TABLE indicators ADD COLUMN source TEXT;
