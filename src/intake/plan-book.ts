/**
 * Reads a plan workbook (README "The plan as a workbook"; layout in domain/plan-book.ts) into the
 * same plan object a plan file's JSON gives, checked by the same schema (intake/plan-file.ts), with
 * every problem located by its sheet and cell (`plan-2021.xlsx:指标!E7`). The cells are read by
 * the workbook reader's rules (the exact number a cell holds, dates as YYYY-MM-DD) and the
 * importer's number rule (parseQuantity: `0.56亿元` in a 万元 row is exactly 5600, `12万` is 12 万元).
 * All problems of the workbook are collected before it is refused: every blank target, every
 * duplicate code, every unknown task, each at its cell.
 */

import { CADENCES, COMMITMENTS, INDICATOR_KINDS, PACE_NAMES, type Plan } from "../domain/plan.js";
import {
  ALIAS_SEPARATOR,
  PLAN_BOOK_COLUMNS,
  PLAN_BOOK_INFO,
  PLAN_BOOK_INFO_HEADERS,
  PLAN_BOOK_NO,
  PLAN_BOOK_SHEETS,
  PLAN_BOOK_WORDS,
  PLAN_BOOK_YES,
  type PlanBookTable,
} from "../domain/plan-book.js";
import type { Reason } from "../i18n/index.js";
import type { Problem } from "./errors.js";
import { checkValue, parseQuantity } from "./number.js";
import { planFileSchema } from "./plan-file.js";
import { toHalfWidth } from "./text.js";
import { lineToRow, openWorkbook, type Sniffed, type WorkbookRecord } from "./workbook-reader.js";

/** A plan workbook that cannot be loaded: every problem, located by sheet and cell. */
export class PlanBookError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`${file}: invalid plan workbook`);
  }
  override name = "PlanBookError";
}

/**
 * Where a plan's unit or indicator (by code) and one of its fields stand in the workbook it was read
 * from: the sheet, and the row and 0-based column of the cell with its text, or only the sheet when
 * no row has that code (a unit the revision dropped).
 */
export type PlanBookLocator = (
  table: "units" | "indicators",
  code: string,
  field: string,
) => { sheet: string; row: number | null; column: number | null; header: string | null; text: string | null };

const locators = new WeakMap<Plan, PlanBookLocator>();

/** The locator of a plan readPlanBook returned (undefined for any other plan object). */
export function planBookLocator(plan: Plan): PlanBookLocator | undefined {
  return locators.get(plan);
}

/** Where a field's value came from: the sheet, the row and 0-based column, and the cell's text. */
interface Cell {
  sheet: string;
  row: number;
  column: number | null;
  text: string | null;
}

const TABLES = Object.keys(PLAN_BOOK_COLUMNS) as PlanBookTable[];
const READ_SHEETS = [PLAN_BOOK_SHEETS.info, ...TABLES.map((t) => PLAN_BOOK_SHEETS[t])];

/**
 * The plan a workbook holds, validated as a plan file is. `sniffed` is what its bytes are
 * (workbook-reader's sniff). Throws PlanBookError listing every problem at its cell, or the
 * reader's FileError for a file that is no workbook or lacks one of the five sheets.
 */
export async function readPlanBook(file: string, sniffed: Exclude<Sniffed, "text">): Promise<Plan> {
  const { info, batches } = await openWorkbook(file, sniffed, { sheets: READ_SHEETS });
  const bySheet = new Map<string, WorkbookRecord[]>();
  for await (const batch of batches) {
    const first = batch[0];
    if (!first) continue;
    bySheet.set(info.sheetNames[lineToRow(first.line).sheet]!, batch);
  }
  const problems: Problem[] = [];
  /** field path (`indicators.3.target`) → the cell it was read from */
  const cells = new Map<string, Cell>();
  const problem = (at: Cell, reason: Reason, column: string | null) =>
    problems.push({
      file,
      line: at.row,
      column,
      value: at.text,
      reason,
      sheet: at.sheet,
      columnIndex: at.column,
    });

  // 基本信息: one row per field, the label in the first column and the value in the second
  const plan: Record<string, unknown> = {};
  const infoSheet = PLAN_BOOK_SHEETS.info;
  const infoRows = bySheet.get(infoSheet) ?? [];
  for (const f of PLAN_BOOK_INFO) {
    const rec = infoRows.find((r) => clean(r.cells[0]) === f.header);
    const row = rec ? lineToRow(rec.line).row : 1;
    const text = rec ? clean(rec.cells[1]) : "";
    const at: Cell = { sheet: infoSheet, row, column: rec ? 1 : null, text: rec ? text : null };
    cells.set(`plan.${f.field}`, at);
    if (!rec) {
      if (f.field !== "reportDeadlineDays")
        problem(at, { key: "planBook.missingRow", params: { label: f.header } }, f.header);
      continue;
    }
    const v = fieldValue(f.field, text, {});
    if (!v.ok) {
      problem(at, v.reason, f.header);
      plan[f.field] = placeholder(f.field, `plan.${f.field}`);
    } else if (v.value !== undefined) plan[f.field] = v.value;
  }
  const infoHead = infoRows[0];
  if (infoHead && clean(infoHead.cells[0]) !== PLAN_BOOK_INFO_HEADERS[0])
    problem(
      { sheet: infoSheet, row: lineToRow(infoHead.line).row, column: 0, text: clean(infoHead.cells[0]) },
      { key: "planBook.infoHeader", params: { headers: PLAN_BOOK_INFO_HEADERS.join("、") } },
      null,
    );

  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) {
    const sheet = PLAN_BOOK_SHEETS[table];
    const [head, ...body] = bySheet.get(sheet) ?? [];
    tables[table] = [];
    if (!head) continue;
    const headRow = lineToRow(head.line).row;
    const headers = head.cells.map((c) => clean(c));
    const at = new Map<string, number>();
    for (const c of PLAN_BOOK_COLUMNS[table]) {
      const k = headers.indexOf(c.header);
      if (k < 0 && !("optional" in c && c.optional))
        problem(
          { sheet, row: headRow, column: null, text: null },
          { key: "planBook.missingColumn", params: { header: c.header } },
          c.header,
        );
      else if (k >= 0) at.set(c.field, k);
    }
    body.forEach((rec, i) => {
      const row = lineToRow(rec.line).row;
      const item: Record<string, unknown> = {};
      const unitText = table === "indicators" ? clean(rec.cells[at.get("unit") ?? -1]) : "";
      const nameText = table === "indicators" ? clean(rec.cells[at.get("name") ?? -1]) : "";
      for (const c of PLAN_BOOK_COLUMNS[table]) {
        const k = at.get(c.field);
        if (k === undefined) continue;
        // a vertically merged cell (所属部分 over three rows) fills down, as an import reads it
        const own = rec.cells[k] ?? "";
        const text = clean(own.trim() === "" ? (rec.fill?.[k]?.text ?? own) : own, c.field === "text");
        const where: Cell = { sheet, row, column: k, text };
        cells.set(`${table}.${i}.${c.field}`, where);
        const v = fieldValue(c.field, text, { table, unit: unitText, name: nameText });
        if (!v.ok) {
          problem(where, v.reason, c.header);
          item[c.field] = placeholder(c.field, `${table}.${i}.${c.field}`);
        } else if (v.value !== undefined) item[c.field] = v.value;
      }
      // a row's own location, for a problem of the whole row (a unit's name that another unit has)
      cells.set(`${table}.${i}`, { sheet, row, column: null, text: null });
      tables[table]!.push(item);
    });
  }

  // an indicator of a task with its 所属部分 blank is in the task's section
  const taskSection = new Map(tables.tasks!.map((t) => [t.number, t.section]));
  for (const d of tables.indicators!)
    if (d.section === null && typeof d.task === "number" && typeof taskSection.get(d.task) === "number")
      d.section = taskSection.get(d.task);
  const raw = { plan, ...tables };
  const result = planFileSchema.safeParse(raw);
  if (result.success && problems.length === 0) {
    locators.set(result.data, (table, code, field) => {
      const i = tables[table]!.findIndex((item) => item.code === code);
      const at = i < 0 ? undefined : cells.get(`${table}.${i}.${field}`);
      const header = PLAN_BOOK_COLUMNS[table].find((c) => c.field === field)?.header ?? null;
      return at
        ? { sheet: at.sheet, row: at.row, column: at.column, header, text: at.text }
        : { sheet: PLAN_BOOK_SHEETS[table], row: null, column: null, header: null, text: null };
    });
    return result.data;
  }
  if (!result.success) {
    const reported = new Set(problems.map((p) => `${p.sheet}!${p.line}:${p.columnIndex}`));
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      let at: Cell | undefined;
      for (let n = path.length; n > 0 && !at; n--) at = cells.get(path.slice(0, n).join("."));
      const where = at ?? { sheet: sheetOf(path[0]), row: null as never, column: null, text: null };
      // a cell already refused by its own rule (a blank target) is not refused again by the schema
      if (reported.has(`${where.sheet}!${where.row}:${where.column}`)) continue;
      reported.add(`${where.sheet}!${where.row}:${where.column}`);
      problems.push({
        file,
        line: where.row ?? null,
        column: headerOf(path),
        value: where.text,
        reason: schemaReason(issue.message),
        sheet: where.sheet,
        columnIndex: where.column,
      });
    }
  }
  const order = (p: Problem) => READ_SHEETS.indexOf(p.sheet as never);
  problems.sort(
    (a, b) =>
      order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0) || (a.columnIndex ?? -1) - (b.columnIndex ?? -1),
  );
  throw new PlanBookError(file, problems);
}

/**
 * The schema's own messages (intake/plan-file.ts, English, as a JSON plan file shows them) in the
 * UI language where the workbook has its own words for them; any other stays as the schema says.
 */
const SCHEMA_MESSAGES: readonly [RegExp, string][] = [
  [/^duplicate (?:task|section|unit|indicator) (.+)$/, "planBook.duplicate"],
  [/^unknown task (.+)$/, "planBook.unknownTask"],
  [/^unknown section (.+)$/, "planBook.unknownSection"],
  [/^expected a date YYYY-MM-DD$/, "planBook.date"],
  [/^expected a lower-case code/, "planBook.code"],
  [/^name (.+) also names (.+)$/, "planBook.nameClash"],
  [/^the stretch (.+) is below the target (.+)$/, "planBook.stretchBelow"],
  [/^section (\d+) is not the section (\d+) of task (\d+)$/, "planBook.sectionOfTask"],
];

function schemaReason(message: string): Reason {
  for (const [re, key] of SCHEMA_MESSAGES) {
    const m = message.match(re);
    if (m) return { key: key as never, params: { value: m[1] ?? "", other: m[2] ?? "", task: m[3] ?? "" } };
  }
  return { key: "plan.problem", params: { message } };
}

/**
 * A stand-in for a value already refused at its cell, so that the schema still checks the rest
 * (zod runs the cross-checks, duplicates and unknown tasks, only on a plan whose fields all
 * parse): a value the schema refuses at that same cell (whose second report is dropped) or one
 * that collides with nothing (a unique text, -1 where numbers are positive).
 */
function placeholder(field: string, key: string): unknown {
  if (field === "target") return 0;
  if (field === "stretch") return undefined;
  if (WHOLE_FIELDS.has(field)) return -1;
  if (field === "kind") return INDICATOR_KINDS[0];
  if (field === "cadence") return CADENCES[0];
  if (field === "commitment") return COMMITMENTS[0];
  if (field === "pace") return PACE_NAMES[0];
  if (field === "headline" || field === "isTotal") return false;
  if (field === "aliases") return [];
  if (field === "adminCode") return null;
  return `\u0000${key}`;
}

/** The sheet of a top-level field of the plan file (`indicators` → 指标). */
function sheetOf(top: string | undefined): string {
  return top && top in PLAN_BOOK_SHEETS ? PLAN_BOOK_SHEETS[top as PlanBookTable] : PLAN_BOOK_SHEETS.info;
}

/** The header of the column a schema path names (`indicators.3.task` → 所属任务), if any. */
function headerOf(path: string[]): string | null {
  const [top, , field] = path;
  if (top === "plan") return PLAN_BOOK_INFO.find((f) => f.field === path[1])?.header ?? null;
  const cols = PLAN_BOOK_COLUMNS[top as PlanBookTable] as
    | readonly { field: string; header: string }[]
    | undefined;
  return cols?.find((c) => c.field === field)?.header ?? null;
}

/** A cell's text: outer spaces trimmed; line breaks kept inside a task's text, made spaces elsewhere. */
function clean(text: string | undefined, multiline = false): string {
  const s = (text ?? "").replace(/\r\n?/g, "\n").trim();
  return multiline ? s : s.replace(/\s*\n\s*/g, " ");
}

type FieldValue = { ok: true; value: unknown } | { ok: false; reason: Reason };
const ok = (value: unknown): FieldValue => ({ ok: true, value });
const bad = (key: string, params: Record<string, string | number> = {}): FieldValue => ({
  ok: false,
  reason: { key: key as never, params },
});

const WHOLE = /^\d+$/;
/** Fields a blank cell leaves out (or null, or empty): every other blank cell is refused. */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set([
  "reportDeadlineDays",
  "pace",
  "paceNote",
  "source",
  "deadlineNote",
  "aliases",
  "adminCode",
  "headline",
  "isTotal",
]);
/** Fields that are whole numbers; nullable ones may be blank (an indicator with no section or task). */
const WHOLE_FIELDS: ReadonlySet<string> = new Set([
  "year",
  "number",
  "section",
  "task",
  "reportDeadlineDays",
]);

/**
 * One cell's value for a plan field, or a Reason. Blank is "absent" for optional fields (the
 * schema says which are required), null for an indicator's section, task and a unit's admin code.
 */
function fieldValue(
  field: string,
  text: string,
  ctx: { table?: PlanBookTable; unit?: string; name?: string },
): FieldValue {
  const blank = text === "";
  const optional =
    OPTIONAL_FIELDS.has(field) || (ctx.table === "indicators" && (field === "section" || field === "task"));
  if (blank && !optional && field !== "target" && field !== "stretch") return bad("planBook.blank");
  if (field === "target" || field === "stretch") {
    if (blank) return field === "stretch" ? ok(undefined) : bad("planBook.blankTarget");
    const q = parseQuantity(text, ctx.unit || "");
    if (!q.ok) return q;
    // the importer's range rule: a count whole, money ≥ 0, a % within 0–100
    const range = checkValue(q.value, ctx.unit || "", { name: ctx.name || "—" });
    return range ? { ok: false, reason: range } : ok(q.value);
  }
  if (WHOLE_FIELDS.has(field)) {
    if (blank)
      return ok(ctx.table === "indicators" && (field === "section" || field === "task") ? null : undefined);
    const s = toHalfWidth(text);
    return WHOLE.test(s) ? ok(Number(s)) : bad("planBook.notWhole", { value: text });
  }
  if (field === "kind") return oneOf(text, INDICATOR_KINDS, PLAN_BOOK_WORDS.kind);
  if (field === "cadence") return oneOf(text, CADENCES, PLAN_BOOK_WORDS.cadence);
  if (field === "commitment") return oneOf(text, COMMITMENTS, PLAN_BOOK_WORDS.commitment);
  if (field === "headline" || field === "isTotal") {
    if (text === PLAN_BOOK_YES) return ok(true);
    if (text === PLAN_BOOK_NO || blank) return ok(false);
    return bad("planBook.yesNo", { value: text, yes: PLAN_BOOK_YES, no: PLAN_BOOK_NO });
  }
  if (field === "pace") {
    if (blank) return ok(undefined);
    if ((PACE_NAMES as readonly string[]).includes(text)) return ok(text);
    const parts = toHalfWidth(text).split(/[,，、;；\s]+/);
    const shares = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
    if (shares.length === 4 && shares.every((n) => Number.isFinite(n))) return ok(shares);
    return bad("planBook.pace", { value: text, names: PACE_NAMES.join(" / ") });
  }
  if (field === "aliases")
    return ok(
      blank
        ? []
        : text
            .split(new RegExp(`[${ALIAS_SEPARATOR},，;；]`))
            .map((a) => a.trim())
            .filter((a) => a !== ""),
    );
  if (field === "adminCode") return ok(blank ? null : toHalfWidth(text));
  // a task's deadline note may be empty; any other blank text is left out for the schema to name
  if (field === "deadlineNote") return ok(text);
  return ok(blank ? undefined : text);
}

/**
 * A closed vocabulary's value: its code, or the code of its Chinese word (存量 → stock); else a
 * Reason listing both.
 */
function oneOf(
  text: string,
  values: readonly string[],
  words: Readonly<Record<string, string>> = {},
): FieldValue {
  if (values.includes(text)) return ok(text);
  const code = Object.keys(words).find((k) => words[k] === text);
  if (code !== undefined) return ok(code);
  return bad(text === "" ? "planBook.blankChoice" : "planBook.notOneOf", {
    value: text,
    values: [...values, ...values.map((v) => words[v]).filter((w) => w !== undefined)].join(" / "),
  });
}
