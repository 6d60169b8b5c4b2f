// What `dzkj report --format json` and `dzkj report --by unit` compute, as one query each for the
// sqlite3 shell: the baselines of the report-at-scale benchmark. They follow the report's rules
// (README, "How the report computes"; src/domain/progress.ts): a unit's figure at the as-of quarter
// is its newest value at or before it (a flow: its newest year-to-date value plus the increments
// sent after it); the city figure is 全市's own when it is as new as any other unit's, else the
// other units' sum (a rate is never summed); the baseline is the same at the prior year-end; then
// the pace (序时进度), status, year-end forecast, gap and completion per indicator.
// bench/run.mjs checks that each query's figures equal dzkj's own before it times anything.

/**
 * The shared part: every unit's figure at the as-of quarter (default: the newest with data). One
 * pass groups the year's values by indicator and unit (the newest period at or before the as-of
 * quarter, and the newest that can anchor a figure: any value of a stock or rate, a year-to-date
 * value of a flow); the figure is then the anchor's value, read by primary key, plus for a flow
 * the increments sent after it.
 */
function unitFigures(year) {
  const asOf = `(SELECT max(period) FROM progress_values WHERE plan_year = ${year} AND period >= '${year}Q1')`;
  return `
WITH g AS (
  SELECT v.indicator_code AS ind, v.unit_code AS unit, i.kind, max(v.period) AS newest,
         max(CASE WHEN i.kind <> 'flow' OR v.basis = 'ytd' THEN v.period END) AS anchor,
         max(v.period >= '${year}Q1') AS reported
  FROM progress_values v JOIN indicators i ON i.plan_year = ${year} AND i.code = v.indicator_code
  WHERE v.plan_year = ${year} AND v.period <= ${asOf}
  GROUP BY v.indicator_code, v.unit_code
),
figs AS (
  SELECT g.ind, g.unit, g.newest, g.reported, u.is_total,
         CASE WHEN g.kind <> 'flow' THEN a.value
              ELSE (SELECT round(coalesce(a.value, 0) + coalesce(sum(p.value), 0), 9)
                      || CASE WHEN a.value IS NULL AND count(p.value) = 0 THEN NULL ELSE '' END
                    FROM progress_values p
                    WHERE p.plan_year = ${year} AND p.indicator_code = g.ind AND p.unit_code = g.unit
                      AND p.basis = 'period' AND p.period > coalesce(g.anchor, '') AND p.period >= '${year}Q1'
                      AND p.period <= ${asOf}) + 0
         END AS fig
  FROM g JOIN units u ON u.plan_year = ${year} AND u.code = g.unit
  LEFT JOIN progress_values a ON a.plan_year = ${year} AND a.indicator_code = g.ind AND a.period = g.anchor AND a.unit_code = g.unit
)`;
}

/** The indicator lines: the city figure, baseline, pace, status and forecast of each indicator. */
function cityLines(year) {
  return `${unitFigures(year)},
others AS (
  SELECT ind, max(newest) AS newest, round(sum(fig), 9) AS sum, count(fig) AS n, sum(reported) AS reported
  FROM figs WHERE NOT is_total GROUP BY ind
),
total AS (SELECT ind, newest, fig, reported FROM figs WHERE is_total),
base AS (
  SELECT v.indicator_code AS ind, max(CASE WHEN u.is_total THEN v.value END) AS total,
         round(sum(CASE WHEN NOT u.is_total THEN v.value END), 9) AS sum
  FROM progress_values v JOIN units u ON u.plan_year = ${year} AND u.code = v.unit_code
  WHERE v.plan_year = ${year} AND v.period = '${year - 1}Q4' GROUP BY v.indicator_code
),
asof AS (
  SELECT CAST(substr(max(period), 6) AS INTEGER) AS q FROM progress_values
  WHERE plan_year = ${year} AND period >= '${year}Q1'
),
line AS (
  SELECT i.ordinal, i.code, i.name, i.unit, i.kind, i.cadence, i.headline, i.section, i.task, i.target,
         CASE WHEN i.kind = 'flow' THEN NULL ELSE coalesce(b.total, CASE WHEN i.kind <> 'rate' THEN b.sum END) END AS baseline,
         CASE WHEN t.fig IS NOT NULL AND (t.newest >= coalesce(o.newest, '') OR i.kind = 'rate') THEN t.fig
              WHEN i.kind <> 'rate' AND o.n > 0 THEN o.sum END AS actual,
         t.fig AS total, CASE WHEN i.kind <> 'rate' AND o.n > 0 THEN o.sum END AS sum,
         coalesce(o.reported, 0) + coalesce(t.reported, 0) AS units_reported,
         asof.q / 4.0 AS elapsed
  FROM indicators i CROSS JOIN asof
  LEFT JOIN others o ON o.ind = i.code LEFT JOIN total t ON t.ind = i.code LEFT JOIN base b ON b.ind = i.code
  WHERE i.plan_year = ${year}
)`;
}

/** One row per indicator, in report order: what `report --format json` prints. */
export function reportQuery(year) {
  return `${cityLines(year)},
paced AS (
  SELECT *, CASE WHEN cadence = 'annual' AND elapsed < 1 THEN NULL
                 WHEN kind <> 'flow' AND baseline IS NOT NULL THEN baseline + (target - baseline) * elapsed
                 ELSE target * elapsed END AS expected
  FROM line
)
SELECT code, name, unit, kind, target, baseline, actual, expected,
       CASE WHEN cadence = 'annual' AND elapsed < 1 AND NOT coalesce(actual >= target, 0) THEN 'pending'
            WHEN actual IS NULL THEN 'no_data' WHEN actual >= target THEN 'met'
            WHEN expected IS NULL OR actual >= expected THEN 'on_track' ELSE 'behind' END AS status,
       CASE WHEN actual IS NULL THEN NULL WHEN elapsed >= 1 THEN actual WHEN kind = 'flow' THEN actual / elapsed
            WHEN baseline IS NOT NULL THEN baseline + (actual - baseline) / elapsed END AS forecast,
       CASE WHEN actual IS NOT NULL THEN max(target - actual, 0) END AS gap,
       actual / target AS completion, units_reported AS unitsReported
FROM paced ORDER BY headline DESC, CASE WHEN headline THEN 0 ELSE coalesce(section, 99) END,
  CASE WHEN headline THEN 0 ELSE coalesce(task, 0) END, ordinal;`;
}

/**
 * What `report --by unit` prints: each indicator's city figure, 全市's own figure and the units'
 * sum, then every unit's figure of every indicator, in plan order.
 */
export function byUnitQuery(year) {
  return `${cityLines(year)}
SELECT code AS indicator, NULL AS unit, actual AS figure, total, sum, ordinal AS i, -1 AS u FROM line
UNION ALL
SELECT f.ind, f.unit, f.fig, NULL, NULL, i.ordinal, u.ordinal FROM figs f
JOIN units u ON u.plan_year = ${year} AND u.code = f.unit
JOIN indicators i ON i.plan_year = ${year} AND i.code = f.ind
ORDER BY i, u;`;
}
