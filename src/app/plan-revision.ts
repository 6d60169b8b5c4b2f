/**
 * A revised plan must not change what stored values mean. An indicator's unit of measure (计量单位)
 * and kind (flow 累计 / stock 存量 / rate 比率) say how its stored numbers are read: 3850 stored
 * under 万元 becomes 3850 亿元 if the unit alone changes. A revision that changes either for an
 * indicator with values is refused, unless `--convert` is given and the change is one of money
 * units (元, 万元, 亿元): then the values are converted exactly, as one batch that `imports undo`
 * reverses (the unit goes back with the values). A change of kind is never converted.
 */
import { MONEY_UNITS, type Plan } from "../domain/plan.js";
import type { PlanBookLocator } from "../intake/plan-book.js";
import { createBatch, finishBatch } from "../storage/batches.js";
import type { Db } from "../storage/database.js";
import { indicatorsWithValues, loadPlan, planReferences, recordConversion } from "../storage/plans.js";
import { unitTargetCounts } from "../storage/targets.js";
import { indicatorValues, ValueWriter } from "../storage/values.js";
import { UserError } from "./errors.js";

/**
 * `value` × 10^`shift`, exactly in decimal: the shortest decimal that reads back as `value`, with
 * its exponent moved, read back as the nearest double (3850 万元 → 0.385 亿元, no 0.38500000000000006).
 */
export function shiftDecimal(value: number, shift: number): number {
  const [mantissa, exponent] = value.toExponential().split("e") as [string, string];
  return Number(`${mantissa}e${Number(exponent) + shift}`);
}

/**
 * The power of ten that converts a value in unit `from` into unit `to` (万元 → 亿元: −4), or null
 * when the two are not both money units (元, 万元, 亿元: MONEY_UNITS, the only units whose values
 * convert, README "init").
 */
export function moneyShift(from: string, to: string): number | null {
  const a = MONEY_UNITS.get(from);
  const b = MONEY_UNITS.get(to);
  return a === undefined || b === undefined ? null : a - b;
}

export interface UnitChange {
  code: string;
  name: string;
  from: string;
  to: string;
  /** the target before and after the revision (the revised plan states it in the new unit) */
  targetFrom: number;
  targetTo: number;
  shift: number;
  values: number;
}

/**
 * Checks, inside the caller's write transaction and before the plan is saved, every indicator of
 * `plan` that already has stored values against the stored plan: a changed kind is refused; a
 * changed unit is refused unless `convert` and both are money units. Returns the unit changes to
 * convert (empty when nothing changes). Throws UserError listing every refused indicator.
 */
export function checkRevision(
  db: Db,
  plan: Plan,
  file: string,
  convert: boolean,
  locate?: PlanBookLocator,
): UnitChange[] {
  const stored = indicatorsWithValues(db, plan.plan.year);
  const problems: {
    code: string;
    reason: UserError["reason"];
    /** the workbook cell it concerns: the table and the field of the row with this code */
    at?: { table: "units" | "indicators"; field: string };
  }[] = [];
  const changes: UnitChange[] = [];
  const targets = unitTargetCounts(db, plan.plan.year);
  // a unit or indicator the revision drops while stored values or unit targets name it: the
  // database would refuse (foreign keys); say which and how many, and how to go on
  const before = loadPlan(db, plan.plan.year);
  if (before) {
    const refs = planReferences(db, plan.plan.year);
    const kinds = [
      { table: "units", key: "plan.revision.removedUnit", was: before.units, now: plan.units },
      {
        table: "indicators",
        key: "plan.revision.removedIndicator",
        was: before.indicators,
        now: plan.indicators,
      },
    ] as const;
    for (const k of kinds) {
      const kept = new Set(k.now.map((x) => x.code));
      for (const x of k.was) {
        const r = refs[k.table].get(x.code);
        if (!kept.has(x.code) && r)
          problems.push({
            code: x.code,
            at: { table: k.table, field: "code" },
            reason: {
              key: k.key,
              params: { name: x.name, nameEn: x.nameEn, values: r.values, targets: r.targets },
            },
          });
      }
    }
  }
  for (const d of plan.indicators) {
    const old = stored.get(d.code);
    // unit targets are never converted: read in another unit they would be wrong figures
    const nTargets = targets.get(d.code) ?? 0;
    if (old && old.unit !== d.unit && nTargets > 0)
      problems.push({
        code: d.code,
        at: { table: "indicators", field: "unit" },
        reason: {
          key: "plan.revision.unitTargets",
          params: { name: d.name, nameEn: d.nameEn, from: old.unit, to: d.unit, count: nTargets },
        },
      });
    if (!old || old.values === 0) continue;
    if (old.kind !== d.kind) {
      problems.push({
        code: d.code,
        at: { table: "indicators", field: "kind" },
        reason: {
          key: "plan.revision.kind",
          params: { name: d.name, from: old.kind, to: d.kind, count: old.values },
        },
      });
      continue;
    }
    if (old.unit === d.unit) continue;
    const shift = moneyShift(old.unit, d.unit);
    if (shift === null)
      problems.push({
        code: d.code,
        at: { table: "indicators", field: "unit" },
        reason: {
          key: "plan.revision.unitFixed",
          params: { name: d.name, from: old.unit, to: d.unit, count: old.values },
        },
      });
    else if (!convert)
      problems.push({
        code: d.code,
        at: { table: "indicators", field: "unit" },
        reason: {
          key: "plan.revision.unit",
          params: { name: d.name, from: old.unit, to: d.unit, count: old.values },
        },
      });
    else
      changes.push({
        code: d.code,
        name: d.name,
        from: old.unit,
        to: d.unit,
        targetFrom: old.target,
        targetTo: d.target,
        shift,
        values: old.values,
      });
  }
  if (problems.length > 0)
    throw new UserError(
      {
        // a dropped unit or indicator is not a change of meaning: the header says what it is
        key: problems.some((p) => p.reason.key.startsWith("plan.revision.removed"))
          ? "plan.revision.refusedReferenced"
          : "plan.revision.refused",
        params: { file, year: plan.plan.year, count: problems.length },
      },
      problems.map((p) => {
        // in a workbook: the cell of the row with this code (its 类型, 计量单位), or the sheet alone
        // for a unit or indicator no row has any more
        const w = locate && p.at ? locate(p.at.table, p.code, p.at.field) : undefined;
        if (!w) return { file, line: null, column: p.code, value: null, reason: p.reason };
        if (w.row === null)
          return { file, line: null, column: p.code, value: null, reason: p.reason, sheet: w.sheet };
        return {
          file,
          line: w.row,
          column: w.header,
          value: w.text,
          reason: p.reason,
          sheet: w.sheet,
          columnIndex: w.column,
        };
      }),
    );
  return changes;
}

/**
 * Converts the stored values of each changed indicator into its new unit, as one batch (kind
 * 'import', file `recordAs`) whose old states are kept, so `imports undo` restores them, and whose
 * unit changes are recorded so the undo puts the units back too. Returns the batch id.
 */
export function convertValues(
  db: Db,
  year: number,
  changes: UnitChange[],
  recordAs: string,
  now: Date,
): number {
  const batch = createBatch(db, { kind: "import", file: recordAs, importedAt: now.toISOString() });
  const writer = new ValueWriter(db);

  let updated = 0;
  for (const c of changes) {
    for (const r of indicatorValues(db, year, c.code)) {
      writer.replace(
        { year, indicator: c.code, period: r.period, unit: r.unit },
        { value: shiftDecimal(r.value, c.shift), basis: r.basis, note: r.note },
        batch,
      );
      updated++;
    }
    recordConversion(
      db,
      batch,
      year,
      c.code,
      { from: c.from, to: c.to },
      { from: c.targetFrom, to: c.targetTo },
    );
  }
  finishBatch(db, batch, { rowsRead: updated, skipped: 0, inserted: 0, updated, unchanged: 0, blank: 0 });
  return batch;
}
