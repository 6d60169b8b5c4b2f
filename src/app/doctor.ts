/**
 * dzkj doctor: checks a database without changing it (integrity, schema version, foreign keys,
 * values of unknown indicators/units, WAL size, units that never reported).
 */
import { statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { Reason } from "../i18n/index.js";
import { loadMigrations, type Migration } from "../storage/database.js";
import {
  type AppliedMigration,
  appliedMigrations,
  countRows,
  foreignKeyViolations,
  hasTables,
  integrityCheck,
  missingSchema,
  type OrphanGroup,
  orphanValues,
  planYears,
  unitsNeverReported,
} from "../storage/inspect.js";
import { UserError } from "./errors.js";
import {
  folderWritable,
  formatBytes,
  isSqliteFile,
  openOrFail,
  removeStaleTemps,
  requireDatabase,
} from "./ops.js";

/** A WAL larger than this is worth a warning: checkpoints are not keeping up. */
const WAL_WARN_BYTES = 64 * 1024 * 1024;

/** skipped: not run because the file failed the integrity check (its answers could not be trusted) */
export type CheckStatus = "ok" | "warning" | "problem" | "skipped";

export interface DoctorCheck {
  name: "integrity" | "schema" | "foreignKeys" | "orphans" | "wal" | "neverReported" | "access" | "leftovers";
  status: CheckStatus;
  /** one line per finding (the first is the summary) */
  messages: Reason[];
}

export interface DoctorReport {
  path: string;
  healthy: boolean;
  problems: number;
  schemaVersion: number;
  knownVersion: number;
  applied: AppliedMigration[];
  pending: string[];
  unknown: string[];
  integrity: string[];
  walBytes: number;
  foreignKeyViolations: { table: string; count: number }[];
  orphans: OrphanGroup[];
  neverReported: { year: number; code: string; name: string; nameEn: string }[];
  counts: { plans: number; values: number; batches: number };
  planYears: number[];
  checks: DoctorCheck[];
}

/**
 * Checks a database without changing it: integrity, schema version against the migrations this
 * dzkj knows, foreign keys and values whose indicator/unit is unknown to the plan (other tools
 * may have written with foreign keys off), the WAL size, and units that never reported.
 * Problems make the database unhealthy; warnings (large WAL, silent units) do not.
 */
export function runDoctor(path: string, migrations: Migration[] = loadMigrations()): DoctorReport {
  requireDatabase(path);
  if (!isSqliteFile(path) && statSync(path).size > 0)
    throw new UserError({ key: "ops.notDzkj.notSqlite", params: { file: path } });
  // a read-only folder is not a damaged file: say which it is (WAL needs to create files there)
  const writable = folderWritable(path);
  let db: ReturnType<typeof openOrFail>;
  try {
    db = openOrFail(path, true);
  } catch (e) {
    if (!writable)
      throw new UserError({ key: "ops.doctor.access.folder", params: { dir: dirname(resolve(path)) } });
    throw e;
  }
  const leftovers = removeStaleTemps(dirname(resolve(path)), basename(path));
  try {
    const checks: DoctorCheck[] = [];
    const mode = statSync(path).mode & 0o777;
    checks.push(
      !writable
        ? {
            name: "access",
            status: "problem",
            messages: [{ key: "ops.doctor.access.folder", params: { dir: dirname(resolve(path)) } }],
          }
        : (mode & 0o077) !== 0
          ? {
              name: "access",
              status: "warning",
              messages: [
                { key: "ops.doctor.access.mode", params: { mode: mode.toString(8).padStart(4, "0") } },
              ],
            }
          : { name: "access", status: "ok", messages: [{ key: "ops.doctor.access.ok" }] },
    );
    checks.push({
      name: "leftovers",
      status: "ok",
      messages: [
        leftovers.length > 0
          ? {
              key: "ops.doctor.leftovers.removed",
              params: { count: leftovers.length, list: leftovers.map((f) => basename(f)).join(", ") },
            }
          : { key: "ops.doctor.leftovers.none" },
      ],
    });
    const integrity = integrityCheck(db);
    const intact = integrity.length === 1 && integrity[0] === "ok";
    checks.push({
      name: "integrity",
      status: intact ? "ok" : "problem",
      messages: [
        intact
          ? { key: "ops.doctor.integrity.ok" }
          : { key: "ops.doctor.integrity.bad", params: { count: integrity.length, first: integrity[0] } },
      ],
    });

    let applied: AppliedMigration[] | null = null;
    try {
      applied = appliedMigrations(db);
    } catch {
      // unreadable: reported by the integrity check
    }
    const known = new Map(migrations.map((m) => [m.version, m.name]));
    const knownVersion = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = (applied ?? []).filter((a) => known.get(a.version) !== a.name).map((a) => a.name);
    const pending = migrations
      .filter((m) => !(applied ?? []).some((a) => a.version === m.version))
      .map((m) => m.name);
    const schemaVersion = Math.max(0, ...(applied ?? []).map((a) => a.version));
    // what the recorded migrations create must be there: a file with schema_migrations rows and
    // nothing else makes every command fail with "no such table"
    const missing =
      applied === null || unknown.length > 0 || !intact
        ? []
        : missingSchema(
            db,
            migrations.filter((m) => applied!.some((a) => a.version === m.version)),
          );
    if (applied === null)
      checks.push({ name: "schema", status: "problem", messages: [{ key: "ops.doctor.schema.none" }] });
    else if (missing.length > 0)
      checks.push({
        name: "schema",
        status: "problem",
        messages: [
          {
            key: "ops.doctor.schema.incomplete",
            params: {
              version: schemaVersion,
              missing: missing.slice(0, 8).join(", ") + (missing.length > 8 ? " …" : ""),
            },
          },
        ],
      });
    else if (unknown.length > 0)
      checks.push({
        name: "schema",
        status: "problem",
        messages: [{ key: "ops.doctor.schema.unknown", params: { names: unknown.join(", ") } }],
      });
    else if (pending.length > 0)
      checks.push({
        name: "schema",
        // benign: the next command that opens the database normally upgrades it (after a backup)
        status: "warning",
        messages: [
          {
            key: "ops.doctor.schema.pending",
            params: { version: schemaVersion, count: pending.length, names: pending.join(", ") },
          },
        ],
      });
    else
      checks.push({
        name: "schema",
        status: "ok",
        messages: [
          {
            key: "ops.doctor.schema.ok",
            params: { version: schemaVersion, applied: applied.length, known: migrations.length },
          },
        ],
      });

    // The data checks need dzkj's tables; a file without them was already reported above.
    let walBytes = 0;
    try {
      walBytes = statSync(`${path}-wal`).size;
    } catch {
      // no WAL file: nothing pending
    }
    checks.push({
      name: "wal",
      status: walBytes > WAL_WARN_BYTES ? "warning" : "ok",
      messages: [
        {
          key: walBytes > WAL_WARN_BYTES ? "ops.doctor.wal.big" : "ops.doctor.wal.ok",
          params: { size: formatBytes(walBytes) },
        },
      ],
    });

    // the report, once the checks that need a sound file have run (or were skipped)
    const result = (
      found: Pick<DoctorReport, "foreignKeyViolations" | "orphans" | "neverReported">,
      readTables: boolean,
    ): DoctorReport => {
      const problems = checks.filter((c) => c.status === "problem").length;
      return {
        path,
        healthy: intact && problems === 0,
        problems,
        schemaVersion,
        knownVersion,
        applied: applied ?? [],
        pending,
        unknown,
        integrity,
        walBytes,
        ...found,
        counts: readTables ? countRows(db) : { plans: 0, values: 0, batches: 0 },
        planYears: readTables ? planYears(db) : [],
        checks,
      };
    };
    const dzkjTables =
      intact && applied !== null && hasTables(db, ["plans", "units", "indicators", "progress_values"]);
    // the data checks need a sound file with dzkj's tables: on any other their "all fine" would be untrue
    if (!dzkjTables || missing.length > 0) {
      for (const name of ["foreignKeys", "orphans", "neverReported"] as const)
        checks.push({ name, status: "skipped", messages: [{ key: "ops.doctor.skipped" }] });
      return result({ foreignKeyViolations: [], orphans: [], neverReported: [] }, false);
    }
    const fk = dzkjTables ? foreignKeyViolations(db) : [];
    const fkCount = fk.reduce((s, f) => s + f.count, 0);
    checks.push({
      name: "foreignKeys",
      status: fkCount ? "problem" : "ok",
      messages: [
        fkCount
          ? {
              key: "ops.doctor.fk.bad",
              params: { count: fkCount, tables: fk.map((f) => `${f.table} (${f.count})`).join(", ") },
            }
          : { key: "ops.doctor.fk.ok" },
      ],
    });
    const orphans = dzkjTables ? orphanValues(db) : [];
    const orphanCount = orphans.reduce((s, o) => s + o.count, 0);
    checks.push({
      name: "orphans",
      status: orphanCount ? "problem" : "ok",
      messages: [
        orphanCount
          ? {
              key: "ops.doctor.orphans.bad",
              params: {
                count: orphanCount,
                list: orphans
                  .slice(0, 10)
                  .map((o) => `${o.table} ${o.year} ${o.kind} ${o.code} (${o.count})`)
                  .join(", "),
              },
            }
          : { key: "ops.doctor.orphans.ok" },
      ],
    });

    const never = dzkjTables ? unitsNeverReported(db) : [];
    const byYear = new Map<number, typeof never>();
    for (const u of never) byYear.set(u.year, [...(byYear.get(u.year) ?? []), u]);
    checks.push({
      name: "neverReported",
      status: never.length ? "warning" : "ok",
      messages: never.length
        ? [...byYear].map(([year, us]) => ({
            key: "ops.doctor.never.some" as const,
            params: {
              year,
              count: us.length,
              names: us.map((u) => u.name).join("、"),
              namesEn: us.map((u) => u.nameEn).join(", "),
            },
          }))
        : [{ key: "ops.doctor.never.ok" }],
    });

    return result({ foreignKeyViolations: fk, orphans, neverReported: never }, dzkjTables);
  } finally {
    db.close();
  }
}
