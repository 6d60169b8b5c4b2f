// What `dzkj report --format json` and `dzkj report --by unit` compute, as one query each for the
// sqlite3 shell: the baselines of the report-at-scale benchmark. They follow the report's rules
// (README, "How it computes", rules 1–9; src/domain/progress.ts): a unit's figure at a quarter is
// its newest value at or before it (a flow: its newest year-to-date value plus the increments sent
// after it); the city figure is chained (rule 1): q0 = 全市's newest quarter (a stock's or rate's
// baseline counts), and 全市's value at q0 plus the increments since q0 of the units that reported
// later (a flow unit with nothing by q0 stands at 0; a stock unit with nothing at or before q0 adds
// nothing), or the units' sum when 全市 sent nothing; a rate is only ever 全市's own value. The
// baseline is the same rule at the prior year-end. Then the pace (序时进度, by the indicator's
// pace profile), status, year-end forecast, gap and completion of each indicator.
// bench/run.mjs checks that each query's figures equal dzkj's own before it times anything.

/**
 * A flow's figure from its anchor (newest ytd value at or before `bound`) plus the increments sent
 * after the anchor up to `bound`; a stock's or rate's is the anchor's value. `g` holds one row per
 * (indicator, unit) with `anchor` and `bound`; `a` is the anchor's row.
 */
function figureExpr(year) {
  return `CASE WHEN g.kind <> 'flow' THEN a.value
              ELSE (SELECT round(coalesce(a.value, 0) + coalesce(sum(p.value), 0), 9)
                      || CASE WHEN a.value IS NULL AND count(p.value) = 0 THEN NULL ELSE '' END
                    FROM progress_values p
                    WHERE p.plan_year = ${year} AND p.indicator_code = g.ind AND p.unit_code = g.unit
                      AND p.basis = 'period' AND p.period > coalesce(g.anchor, '') AND p.period >= '${year}Q1'
                      AND p.period <= g.bound) + 0
         END`;
}

/**
 * The shared part: every unit's figure at the as-of quarter (default: the newest with data), and
 * for the indicators 全市 reported, every unit's figure at q0 (rule 1). One pass groups the year's
 * values by indicator and unit (the newest period at or before the bound, and the newest that can
 * anchor a figure: any value of a stock or rate, a year-to-date value of a flow); the figure is
 * then the anchor's value, read by primary key, plus for a flow the increments sent after it.
 */
function unitFigures(year) {
  const asOf = `(SELECT max(period) FROM progress_values WHERE plan_year = ${year} AND period >= '${year}Q1')`;
  return `
WITH g AS (
  SELECT v.indicator_code AS ind, v.unit_code AS unit, i.kind, ${asOf} AS bound, max(v.period) AS newest,
         max(CASE WHEN i.kind <> 'flow' OR v.basis = 'ytd' THEN v.period END) AS anchor,
         max(v.period >= '${year}Q1') AS reported
  FROM progress_values v JOIN indicators i ON i.plan_year = ${year} AND i.code = v.indicator_code
  WHERE v.plan_year = ${year} AND v.period <= ${asOf}
  GROUP BY v.indicator_code, v.unit_code
),
figs AS (
  SELECT g.ind, g.unit, g.newest, g.reported, u.is_total, ${figureExpr(year)} AS fig
  FROM g JOIN units u ON u.plan_year = ${year} AND u.code = g.unit
  LEFT JOIN progress_values a ON a.plan_year = ${year} AND a.indicator_code = g.ind AND a.period = g.anchor AND a.unit_code = g.unit
),
q0 AS (
  SELECT f.ind, f.fig AS total, max(v.period) AS p
  FROM figs f JOIN indicators i ON i.plan_year = ${year} AND i.code = f.ind
  JOIN progress_values v ON v.plan_year = ${year} AND v.indicator_code = f.ind AND v.unit_code = f.unit
   AND v.period <= ${asOf} AND (i.kind <> 'flow' OR v.period >= '${year}Q1')
  WHERE f.is_total GROUP BY f.ind
),
g0 AS (
  SELECT v.indicator_code AS ind, v.unit_code AS unit, i.kind, q0.p AS bound,
         max(CASE WHEN i.kind <> 'flow' OR v.basis = 'ytd' THEN v.period END) AS anchor
  FROM q0 JOIN indicators i ON i.plan_year = ${year} AND i.code = q0.ind
  JOIN progress_values v ON v.plan_year = ${year} AND v.indicator_code = q0.ind AND v.period <= q0.p
  GROUP BY v.indicator_code, v.unit_code
),
figs0 AS (
  SELECT g.ind, g.unit, ${figureExpr(year)} AS fig
  FROM g0 g LEFT JOIN progress_values a
    ON a.plan_year = ${year} AND a.indicator_code = g.ind AND a.period = g.anchor AND a.unit_code = g.unit
),
chain AS (
  SELECT f.ind, round(sum(f.fig - coalesce(f0.fig, CASE WHEN i.kind = 'flow' THEN 0 END)), 9) AS delta,
         count(f.fig - coalesce(f0.fig, CASE WHEN i.kind = 'flow' THEN 0 END)) AS n
  FROM figs f JOIN q0 ON q0.ind = f.ind JOIN indicators i ON i.plan_year = ${year} AND i.code = f.ind
  LEFT JOIN figs0 f0 ON f0.ind = f.ind AND f0.unit = f.unit
  WHERE NOT f.is_total AND f.newest > q0.p
  GROUP BY f.ind
)`;
}

/** The indicator lines: the city figure, baseline, pace, status and forecast of each indicator. */
function cityLines(year) {
  return `${unitFigures(year)},
others AS (
  SELECT ind, round(sum(fig), 9) AS sum, count(fig) AS n, sum(reported) AS reported
  FROM figs WHERE NOT is_total GROUP BY ind
),
total AS (SELECT ind, fig FROM figs WHERE is_total),
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
  SELECT i.ordinal, i.code, i.name, i.unit, i.kind, i.cadence, i.pace, i.headline, i.section, i.task, i.target,
         CASE WHEN i.kind = 'flow' THEN NULL ELSE coalesce(b.total, CASE WHEN i.kind <> 'rate' THEN b.sum END) END AS baseline,
         CASE WHEN q0.p IS NOT NULL AND i.kind <> 'rate' AND c.n > 0 THEN round(q0.total + c.delta, 9)
              WHEN q0.p IS NOT NULL THEN q0.total
              WHEN i.kind <> 'rate' AND o.n > 0 THEN o.sum END AS actual,
         t.fig AS total, CASE WHEN i.kind <> 'rate' AND o.n > 0 THEN o.sum END AS sum,
         coalesce(o.reported, 0) AS units_reported,
         asof.q AS q,
         CASE WHEN asof.q >= 4 THEN 1.0 WHEN i.pace = 'linear' THEN asof.q / 4.0 WHEN i.pace = 'milestone' THEN NULL
              ELSE json_extract(i.pace, '$[' || (asof.q - 1) || ']') END AS share
  FROM indicators i CROSS JOIN asof
  LEFT JOIN others o ON o.ind = i.code LEFT JOIN total t ON t.ind = i.code LEFT JOIN base b ON b.ind = i.code
  LEFT JOIN q0 ON q0.ind = i.code LEFT JOIN chain c ON c.ind = i.code
  WHERE i.plan_year = ${year}
)`;
}

/** One row per indicator, in report order: what `report --format json` prints. */
export function reportQuery(year) {
  return `${cityLines(year)},
paced AS (
  SELECT *, CASE WHEN q >= 4 THEN target WHEN cadence = 'annual' OR share IS NULL THEN NULL
                 WHEN kind = 'flow' THEN target * share
                 WHEN baseline IS NOT NULL THEN baseline + (target - baseline) * share END AS expected
  FROM line
)
SELECT code, name, unit, kind, target, baseline, actual, expected,
       CASE WHEN actual >= target THEN 'met'
            WHEN coalesce(q, 0) < 4 AND (cadence = 'annual' OR pace = 'milestone') THEN 'pending'
            WHEN actual IS NULL THEN 'no_data'
            WHEN coalesce(q, 0) < 4 AND kind <> 'flow' AND baseline IS NULL THEN 'no_baseline'
            WHEN expected IS NULL OR actual >= expected THEN 'on_track' ELSE 'behind' END AS status,
       CASE WHEN actual IS NULL OR q IS NULL OR q <= 0 THEN NULL WHEN q >= 4 OR cadence = 'annual' THEN actual
            WHEN share IS NULL OR share <= 0 THEN NULL
            WHEN kind = 'flow' THEN actual / share
            WHEN baseline IS NOT NULL THEN baseline + (actual - baseline) / share END AS forecast,
       CASE WHEN actual IS NOT NULL THEN max(target - actual, 0) END AS gap,
       CASE WHEN target = 0 THEN CASE WHEN actual IS NULL THEN NULL WHEN actual >= 0 THEN 1 ELSE 0 END
            ELSE actual / target END AS completion,
       units_reported AS unitsReported
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
WHERE NOT f.is_total
ORDER BY i, u;`;
}
