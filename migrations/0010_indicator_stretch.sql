-- dzkj schema, version 10: each indicator may keep its stretch, the aspirational figure of a
-- `确保 X、争取 Y` pair (README "The plan as a workbook", column 争取目标). Shown, never judged: the
-- report judges against the target. NULL when the plan gives none (seeds/plan-2020.json gives none).
ALTER TABLE indicators ADD COLUMN stretch REAL;
