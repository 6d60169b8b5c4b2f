-- dzkj schema, version 5: each indicator has a pace (序时进度 profile, README "How it computes",
-- rule 2): 'linear' (q/4 of the target by quarter q), 'milestone' (no pace before Q4), or four
-- cumulative shares as a JSON array ('[0.15,0.4,0.65,1]'); pace_note says why, in the plan's words.
ALTER TABLE indicators ADD COLUMN pace TEXT NOT NULL DEFAULT 'linear'
  CHECK (pace IN ('linear', 'milestone') OR (json_valid(pace) AND json_type(pace) = 'array' AND json_array_length(pace) = 4));
ALTER TABLE indicators ADD COLUMN pace_note TEXT;

-- The 2020 plan's one-off targets land when they land: 新建国家级创新平台 (1), 育成突破性新品种 (2) and
-- 推荐上报省级科普基地 (2) are milestones in seeds/plan-2020.json. A database made before this
-- version holds that plan without paces: give these three theirs, so its reports follow the rules
-- without a reload. Any other plan keeps 'linear' until a plan file that says otherwise is loaded.
UPDATE indicators SET pace = 'milestone'
 WHERE plan_year = 2020
   AND code IN ('national_platforms_new', 'agri_new_varieties', 'provincial_popsci_bases')
   AND EXISTS (SELECT 1 FROM plans WHERE year = 2020 AND title = '2020年达州市科技创新工作要点');
