import type { Indicator, Pace, Plan, ReportingUnit, Section, Task } from "../domain/plan.js";
import { type Db, writeTransaction } from "./database.js";

export type PlanLoadResult = "loaded" | "updated" | "unchanged";

/** Writes a plan (keyed by year). The same plan twice changes nothing; a revised one replaces the old. */
export function savePlan(
  db: Db,
  plan: Plan,
  source: { hash: string; json: string; file: string | null },
  now: string,
): PlanLoadResult {
  const hash = source.hash;
  const year = plan.plan.year;
  const old = db.prepare("SELECT source_hash FROM plans WHERE year = ?").get(year) as
    | { source_hash: string }
    | undefined;
  if (old?.source_hash === hash) return "unchanged";
  writeTransaction(db, () => {
    const p = plan.plan;
    db.prepare(
      `INSERT INTO plans (year, title, title_en, issuer, issuer_en, issued_on, source_hash, loaded_at, report_deadline_days)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (year) DO UPDATE SET title = excluded.title, title_en = excluded.title_en, issuer = excluded.issuer,
         issuer_en = excluded.issuer_en, issued_on = excluded.issued_on, source_hash = excluded.source_hash,
         loaded_at = excluded.loaded_at, report_deadline_days = excluded.report_deadline_days`,
    ).run(
      year,
      p.title,
      p.titleEn,
      p.issuer,
      p.issuerEn,
      p.issuedOn,
      hash,
      now,
      p.reportDeadlineDays ?? null,
    );
    // Aliases and plan items that are not referenced by stored data are rewritten from the file.
    db.prepare("DELETE FROM unit_aliases WHERE plan_year = ?").run(year);
    const section = db.prepare(
      `INSERT INTO sections (plan_year, number, code, title, title_en) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET code = excluded.code, title = excluded.title, title_en = excluded.title_en`,
    );
    for (const s of plan.sections) section.run(year, s.number, s.code, s.title, s.titleEn);
    const task = db.prepare(
      `INSERT INTO tasks (plan_year, number, section, title, title_en, text, lead, lead_en, deadline, deadline_note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET section = excluded.section, title = excluded.title, title_en = excluded.title_en,
         text = excluded.text, lead = excluded.lead, lead_en = excluded.lead_en, deadline = excluded.deadline,
         deadline_note = excluded.deadline_note`,
    );
    for (const t of plan.tasks)
      task.run(
        year,
        t.number,
        t.section,
        t.title,
        t.titleEn,
        t.text,
        t.lead,
        t.leadEn,
        t.deadline,
        t.deadlineNote,
      );
    const unit = db.prepare(
      `INSERT INTO units (plan_year, code, ordinal, name, name_en, admin_code, is_total) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET ordinal = excluded.ordinal, name = excluded.name, name_en = excluded.name_en,
         admin_code = excluded.admin_code, is_total = excluded.is_total`,
    );
    const alias = db.prepare("INSERT INTO unit_aliases (plan_year, alias, unit_code) VALUES (?, ?, ?)");
    plan.units.forEach((u, i) => {
      unit.run(year, u.code, i + 1, u.name, u.nameEn, u.adminCode, u.isTotal ? 1 : 0);
      for (const a of u.aliases) alias.run(year, a, u.code);
    });
    const indicator = db.prepare(
      `INSERT INTO indicators (plan_year, code, ordinal, name, name_en, unit, target, kind, cadence, commitment, headline, section, task, pace, pace_note, source, stretch)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET ordinal = excluded.ordinal, name = excluded.name, name_en = excluded.name_en,
         unit = excluded.unit, target = excluded.target, kind = excluded.kind, cadence = excluded.cadence,
         commitment = excluded.commitment, headline = excluded.headline, section = excluded.section, task = excluded.task,
         pace = excluded.pace, pace_note = excluded.pace_note, source = excluded.source, stretch = excluded.stretch`,
    );
    plan.indicators.forEach((d, i) => {
      indicator.run(
        year,
        d.code,
        i + 1,
        d.name,
        d.nameEn,
        d.unit,
        d.target,
        d.kind,
        d.cadence,
        d.commitment,
        d.headline ? 1 : 0,
        d.section,
        d.task,
        paceText(d.pace),
        d.paceNote ?? null,
        d.source ?? null,
        d.stretch ?? null,
      );
    });
    // Items dropped from a revised plan go too, unless data refers to them (then the FK refuses).
    removeMissing(
      db,
      "indicators",
      "code",
      year,
      plan.indicators.map((d) => d.code),
    );
    removeMissing(
      db,
      "units",
      "code",
      year,
      plan.units.map((u) => u.code),
    );
    removeMissing(
      db,
      "tasks",
      "number",
      year,
      plan.tasks.map((t) => t.number),
    );
    removeMissing(
      db,
      "sections",
      "number",
      year,
      plan.sections.map((s) => s.number),
    );
    // every change to the stored plan is kept, with the plan as loaded (see migration 0003)
    db.prepare(
      `INSERT INTO plan_loads (plan_year, result, file, source_hash, loaded_at, plan_json)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(year, old ? "updated" : "loaded", source.file, hash, now, source.json);
  });
  return old ? "updated" : "loaded";
}

function removeMissing(db: Db, table: string, key: string, year: number, keep: (string | number)[]): void {
  // table and key are constants of this module, never user input; the values are bound.
  const rows = db.prepare(`SELECT ${key} AS k FROM ${table} WHERE plan_year = ?`).all(year) as {
    k: string | number;
  }[];
  const del = db.prepare(`DELETE FROM ${table} WHERE plan_year = ? AND ${key} = ?`);
  const kept = new Set(keep);
  for (const r of rows) if (!kept.has(r.k)) del.run(year, r.k);
}

/** A pace as stored in indicators.pace: `linear`, `milestone`, or the profile as a JSON array. */
function paceText(p: Pace): string {
  return typeof p === "string" ? p : JSON.stringify(p);
}

/** Reads indicators.pace back (see paceText); the column's CHECK keeps it one of the three forms. */
function paceOf(text: string): Pace {
  if (text === "linear" || text === "milestone") return text;
  return JSON.parse(text) as Pace;
}

/** Years of the plans in the database, newest first. */
export function listPlanYears(db: Db): number[] {
  return (db.prepare("SELECT year FROM plans ORDER BY year DESC").all() as { year: number }[]).map(
    (r) => r.year,
  );
}

/** Reads a whole plan back, or null when no plan of that year is loaded. */
export function loadPlan(db: Db, year: number): Plan | null {
  const p = db.prepare("SELECT * FROM plans WHERE year = ?").get(year) as Record<string, string> | undefined;
  if (!p) return null;
  const sections = db
    .prepare(
      "SELECT number, code, title, title_en AS titleEn FROM sections WHERE plan_year = ? ORDER BY number",
    )
    .all(year) as Section[];
  const tasks = db
    .prepare(
      `SELECT number, section, title, title_en AS titleEn, text, lead, lead_en AS leadEn, deadline,
              deadline_note AS deadlineNote FROM tasks WHERE plan_year = ? ORDER BY number`,
    )
    .all(year) as Task[];
  const aliasRows = db
    .prepare("SELECT unit_code AS code, alias FROM unit_aliases WHERE plan_year = ? ORDER BY rowid")
    .all(year) as { code: string; alias: string }[];
  const units = (
    db
      .prepare(
        `SELECT code, name, name_en AS nameEn, admin_code AS adminCode, is_total AS isTotal
         FROM units WHERE plan_year = ? ORDER BY ordinal`,
      )
      .all(year) as (Omit<ReportingUnit, "aliases" | "isTotal"> & { isTotal: number })[]
  ).map((u) => ({
    ...u,
    isTotal: u.isTotal === 1,
    aliases: aliasRows.filter((a) => a.code === u.code).map((a) => a.alias),
  }));
  const indicators = (
    db
      .prepare(
        `SELECT code, name, name_en AS nameEn, unit, target, kind, cadence, commitment, headline, section, task,
                pace, pace_note AS paceNote, source, stretch
         FROM indicators WHERE plan_year = ? ORDER BY ordinal`,
      )
      .all(year) as (Omit<Indicator, "headline" | "pace" | "paceNote" | "source" | "stretch"> & {
      headline: number;
      pace: string;
      paceNote: string | null;
      source: string | null;
      stretch: number | null;
    })[]
  ).map(({ paceNote, source, stretch, ...d }) => ({
    ...d,
    headline: d.headline === 1,
    pace: paceOf(d.pace),
    ...(paceNote === null ? {} : { paceNote }),
    ...(source === null ? {} : { source }),
    ...(stretch === null ? {} : { stretch }),
  }));
  return {
    plan: {
      year,
      title: p.title!,
      titleEn: p.title_en!,
      issuer: p.issuer!,
      issuerEn: p.issuer_en!,
      issuedOn: p.issued_on!,
      ...(p.report_deadline_days === null || p.report_deadline_days === undefined
        ? {}
        : { reportDeadlineDays: Number(p.report_deadline_days) }),
    },
    sections,
    tasks,
    units,
    indicators,
  };
}

/**
 * The stored unit and kind of each indicator of a plan year, with how many values (current and
 * replaced) it holds: what a revised plan must not reinterpret.
 */
export function indicatorsWithValues(
  db: Db,
  year: number,
): Map<string, { unit: string; kind: string; target: number; values: number }> {
  const rows = db
    .prepare(
      `SELECT i.code, i.unit, i.kind, i.target,
         (SELECT count(*) FROM progress_values v WHERE v.plan_year = i.plan_year AND v.indicator_code = i.code)
         + (SELECT count(*) FROM value_history h WHERE h.plan_year = i.plan_year AND h.indicator_code = i.code) AS n
       FROM indicators i WHERE i.plan_year = ?`,
    )
    .all(year) as { code: string; unit: string; kind: string; target: number; n: number }[];
  return new Map(rows.map((r) => [r.code, { unit: r.unit, kind: r.kind, target: r.target, values: r.n }]));
}

/** Records that `batch` converted an indicator's values from one unit to another (migration 0005). */
export function recordConversion(
  db: Db,
  batch: number,
  year: number,
  code: string,
  unit: { from: string; to: string },
  target: { from: number; to: number },
): void {
  db.prepare(
    `INSERT INTO unit_conversions (batch_id, plan_year, indicator_code, old_unit, new_unit, old_target, new_target)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(batch, year, code, unit.from, unit.to, target.from, target.to);
}

/**
 * Sets the units (and the targets, which the revised plan states in the new unit) a conversion
 * batch changed back (`undo`) or forward again (redo), and marks the
 * plan as no longer the file last loaded, so that loading that file again checks it afresh.
 */
export function applyConversion(db: Db, batch: number, direction: "undo" | "redo"): number {
  const rows = db
    .prepare(
      `SELECT plan_year AS year, indicator_code AS code, old_unit AS old, new_unit AS new,
         old_target AS oldTarget, new_target AS newTarget FROM unit_conversions WHERE batch_id = ?`,
    )
    .all(batch) as {
    year: number;
    code: string;
    old: string;
    new: string;
    oldTarget: number;
    newTarget: number;
  }[];
  const set = db.prepare("UPDATE indicators SET unit = ?, target = ? WHERE plan_year = ? AND code = ?");
  const mark = db.prepare("UPDATE plans SET source_hash = ? WHERE year = ?");
  for (const r of rows) {
    if (direction === "undo") set.run(r.old, r.oldTarget, r.year, r.code);
    else set.run(r.new, r.newTarget, r.year, r.code);
    mark.run(`${direction}-of-batch-${batch}`, r.year);
  }
  return rows.length;
}

/** How many stored values and unit targets of plan year `year` name a unit or an indicator. */
export interface PlanReferences {
  units: Map<string, { values: number; targets: number }>;
  indicators: Map<string, { values: number; targets: number }>;
}

/**
 * The units and indicators of a plan year that stored values (progress_values) or unit targets
 * (unit_targets) refer to, with the counts: a revision may not remove them (the foreign keys).
 */
export function planReferences(db: Db, year: number): PlanReferences {
  const out: PlanReferences = { units: new Map(), indicators: new Map() };
  // one literal statement per count: SQL is never assembled from names
  const rows = db
    .prepare(
      `SELECT 'unit' AS what, 'values' AS field, unit_code AS code, count(*) AS n FROM progress_values WHERE plan_year = @year GROUP BY unit_code
       UNION ALL SELECT 'unit', 'targets', unit_code, count(*) FROM unit_targets WHERE plan_year = @year GROUP BY unit_code
       UNION ALL SELECT 'indicator', 'values', indicator_code, count(*) FROM progress_values WHERE plan_year = @year GROUP BY indicator_code
       UNION ALL SELECT 'indicator', 'targets', indicator_code, count(*) FROM unit_targets WHERE plan_year = @year GROUP BY indicator_code`,
    )
    .all({ year }) as { what: "unit" | "indicator"; field: "values" | "targets"; code: string; n: number }[];
  for (const r of rows) {
    const into = r.what === "unit" ? out.units : out.indicators;
    const c = into.get(r.code) ?? { values: 0, targets: 0 };
    c[r.field] = r.n;
    into.set(r.code, c);
  }
  return out;
}
