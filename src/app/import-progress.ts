/**
 * importProgress: reads progress files and stores their values, all or nothing per file (or per
 * command with allOrNothing). Every problem of a file is collected before it is refused; a dry
 * run does all the work inside a transaction and rolls it back.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { shortestDecimal } from "../domain/decimal.js";
import { formatPeriod } from "../domain/period.js";
import type { Indicator, ReportingUnit } from "../domain/plan.js";
import type { Basis } from "../domain/progress.js";
import type { MessageKey, Params, Reason } from "../i18n/index.js";
import { longCellReader, type RawCell, readValue, rowCells } from "../intake/cells.js";
import { checkFile, DEFAULT_LIMITS, type ReadLimits } from "../intake/csv-reader.js";
import type { Encoding } from "../intake/decode.js";
import { FileError, type Problem, problemLocation } from "../intake/errors.js";
import { isBlank, parseBasis } from "../intake/number.js";
import { parsePeriod } from "../intake/period.js";
import { isWorkbook, openRecords, type SourceInfo, type SourceRecord } from "../intake/records.js";
import {
  columnLetter,
  type HeaderInfo,
  isEmptyRow,
  isSubtotalRow,
  sheetPeriod,
  sheetSingleMonth,
  sheetYear,
  TableReader,
  unplacedCell,
} from "../intake/table.js";
import { cleanCell } from "../intake/text.js";
import {
  cellAddress,
  lineToRow,
  type SkippedSheet,
  skipReadSheet,
  type TemplateMeta,
} from "../intake/workbook-reader.js";
import type { BatchCounts } from "../storage/batches.js";
import { type Db, withForeignKeysOff } from "../storage/database.js";
import { heldBasis, type StoredValue, storedYtdFigures, ValueWriter } from "../storage/values.js";
import { emptyOutcome, importAsBatch, importFiles, yieldToEventLoop } from "./batch-file.js";
import { type Catalog, FIRST_Q, SLOT_QUARTERS, type SlotLayout } from "./catalog.js";

export interface ImportOptions {
  dryRun?: boolean;
  allOrNothing?: boolean;
  encoding?: Encoding | undefined;
  /** defaults for files without these columns */
  period?: string | undefined;
  unit?: string | undefined;
  basis?: string | undefined;
  /** put every period in this plan year (2019Q4 → the 2020 baseline) */
  year?: number | undefined;
  /** import a file even if its exact bytes were imported before */
  force?: boolean;
  limits?: ReadLimits;
  now: Date;
  /** a workbook's sheets to read (--sheet: names or 1-based indexes); empty: every sheet holding a table */
  sheets?: readonly string[];
  /** called every few thousand rows (progress bar) */
  onProgress?: (file: string, bytesRead: number, bytesTotal: number) => void;
  /** checked between rows; throwing from it aborts the import (Ctrl-C) */
  checkInterrupt?: () => void;
}

export interface Change {
  /** the line, or a workbook's row (then `sheet` and `cell` say where) */
  line: number;
  sheet?: string;
  /** the value cell's A1 address in a workbook */
  cell?: string;
  /** the plan year the value belongs to (a 2019Q4 baseline belongs to 2020) */
  year: number;
  period: string;
  unit: string;
  indicator: string;
  old: number | null;
  new: number;
  /** the basis before (null for an insert) and after: 累计 → 本期 changes the figure the report reads */
  oldBasis: Basis | null;
  newBasis: Basis;
  kind: "insert" | "update" | "unchanged";
}

export type FileStatus = "imported" | "rejected" | "duplicate" | "dry-run" | "rolled-back";

export interface FileOutcome {
  file: string;
  status: FileStatus;
  batchId: number | null;
  hash: string | null;
  source: SourceInfo | null;
  layout: HeaderInfo["layout"] | null;
  /** the header's line; in a workbook its row, in the sheet `headerSheet` */
  headerLine: number | null;
  headerSheet?: string | null;
  counts: BatchCounts & { rejected: number };
  /** updates always; inserts and unchanged too in a dry run (capped) */
  changes: Change[];
  changesOmitted: number;
  problems: Problem[];
  /** implausible figures and total rows that disagree: reported, and the file is written */
  warnings: Problem[];
  /** what the table stage found besides data (recorded with the batch) */
  table: TableSummary;
  /** for status "duplicate": the earlier import of the same bytes */
  duplicateOf: { id: number; importedAt: string } | null;
}

/** What a file's table held besides its data rows. */
export interface TableSummary {
  /** 合计 / 总计 / 小计 rows: checked against the unit rows, never stored */
  totalRows: number;
  /** signatures, contacts and notes under the table */
  footerRows: number;
  /** target, derived and unknown columns that were not read (序号 is not listed) */
  ignoredColumns: string[];
  /** long rows whose indicator is qualified as a target or derived figure (技术合同登记额（目标）): not read */
  qualifiedRows: number;
  /** the measure the title block named (`单位：万元`), if any */
  measure: string | null;
  /** reporting-unit spellings that are not the unit's name or code (宣汉县科技局 → xuanhan) */
  unitSpellings: Record<string, string>;
  /** a workbook's sheets that were read, and those left out with the reason (recorded with the batch) */
  sheets?: string[];
  skippedSheets?: SkippedSheet[];
}

const MAX_CHANGES = 2000;
const MAX_PROBLEMS = 1000;

/** sha256 of a file's bytes, streamed. */
export async function hashFile(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** Imports files in order; returns one outcome per file. Never writes a refused file's rows. */
export async function importProgress(
  db: Db,
  catalog: Catalog,
  files: readonly string[],
  options: ImportOptions,
): Promise<FileOutcome[]> {
  // Every value written is checked against the plan (the catalog) row by row, and its codes again
  // in the transaction before it commits (checkReferences): SQLite's own per-row checks are off.
  return withForeignKeysOff(db, () =>
    importFiles(db, files, options, (file) => importFile(db, catalog, file, options)),
  );
}

async function importFile(
  db: Db,
  catalog: Catalog,
  file: string,
  options: ImportOptions,
): Promise<FileOutcome> {
  const out: FileOutcome = {
    ...emptyOutcome(file),
    layout: null,
    changesOmitted: 0,
    table: {
      totalRows: 0,
      footerRows: 0,
      ignoredColumns: [],
      qualifiedRows: 0,
      measure: null,
      unitSpellings: {},
    },
  };
  try {
    await checkFile(file, options.limits ?? DEFAULT_LIMITS); // refuse a huge file before hashing it
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    out.problems.push(e.problem);
    out.counts.rejected = 1;
    return out;
  }
  // the options that change what the rows mean: recorded, and part of what makes a file a duplicate
  const readWith = Object.fromEntries(
    Object.entries({
      period: options.period,
      unit: options.unit,
      basis: options.basis,
      year: options.year,
      encoding: options.encoding,
      sheets: options.sheets?.length ? options.sheets.join(",") : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  await importAsBatch(db, out, {
    kind: "import",
    force: options.force,
    dryRun: options.dryRun,
    now: options.now,
    hashFile,
    read: (batchId) => readAndStore(db, catalog, file, options, batchId, out),
    layout: () => out.layout,
    details: () => JSON.stringify({ ...out.table, readWith }),
    readWith,
  });
  return out;
}

/**
 * What the file has given for one plan year, by slot (Catalog.slotLayout), and the year's units and
 * indicators by the file's own spellings: a file names the same few on every row, so each
 * spelling is looked up once.
 */
/**
 * Gives a year's arrays the slots of last year's Q1–Q3 (Catalog.slotLayout), on the first figure
 * a file gives for one of them: until then they hold the year's own quarters only (a 1M-row file
 * of 2020 figures would otherwise carry 60 % more zeroed memory).
 */
function widen(ys: YearState): void {
  const size = ys.layout.size;
  const grow = <T extends Int32Array | Float64Array | Uint16Array | Uint8Array>(
    a: T,
    make: (n: number) => T,
  ): T => {
    const b = make(size);
    b.set(a as never);
    return b;
  };
  ys.lines = grow(ys.lines, (n) => new Int32Array(n));
  ys.values = grow(ys.values, (n) => new Float64Array(n));
  ys.columns = grow(ys.columns, (n) => new Uint16Array(n));
  ys.basis = grow(ys.basis, (n) => new Uint8Array(n));
  ys.held = grow(ys.held, (n) => new Uint8Array(n));
}

interface YearState {
  year: number;
  layout: SlotLayout;
  /** the line that gave the key its value (0: not given yet), to name it in a duplicate's message */
  lines: Int32Array;
  /** the value that line gave */
  values: Float64Array;
  /** the column of that line's value cell (a duplicate's message names the cell) */
  columns: Uint16Array;
  /** heldBasis() of that value's basis */
  basis: Uint8Array;
  /** for a key of an empty period: heldBasis() of the value, written at the end by addHeld (0: none) */
  held: Uint8Array;
  notes: Map<number, string>;
  /** the period of each quarter index that holds values */
  periods: (string | null)[];
  heldCount: number;
  units: TextMemo<Known<ReportingUnit> | null>;
  indicators: TextMemo<Known<Indicator> | null>;
}

/**
 * A Map by a cell's text that also remembers the last key found: a file gives the same period, unit
 * and basis row after row, and comparing a cell with the last text costs less than hashing it.
 */
class TextMemo<V> {
  private readonly map = new Map<string, V>();
  private lastKey: string | null = null;
  private lastValue: V | undefined;

  get(key: string): V | undefined {
    if (key === this.lastKey) return this.lastValue;
    const v = this.map.get(key);
    if (v !== undefined) {
      this.lastKey = key;
      this.lastValue = v;
    }
    return v;
  }

  has(key: string): boolean {
    return key === this.lastKey || this.map.has(key);
  }

  set(key: string, value: V): void {
    this.map.set(key, value);
    this.lastKey = key;
    this.lastValue = value;
  }
}

/** A unit or indicator of the plan and its ordinal there (for the slot). */
interface Known<T> {
  item: T;
  ordinal: number;
}

/** A period cell as read, once per spelling. */
interface PeriodEntry {
  /** why the cell is refused (unreadable, missing, outside the plans); null when it is usable */
  reason: Reason | null;
  /** canonical text, 2020Q3 */
  text: string;
  year: number;
  /** quarter index in the plan year: 0 = baseline */
  q: number;
  state: YearState | null;
  /** true when the plan year had no value for this period when the file was opened */
  isNew: boolean | null;
}

async function readAndStore(
  db: Db,
  catalog: Catalog,
  file: string,
  options: ImportOptions,
  batchId: number,
  out: FileOutcome,
): Promise<void> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // 1. records: bytes to rows of text cells with their lines (a workbook's: sheet and row)
  const { info, batches } = await openRecords(file, {
    encoding: options.encoding,
    limits,
    sheets: options.sheets,
  });
  out.source = info;
  const wb = isWorkbook(info) ? info : null;
  // a dzkj template's hidden _dzkj sheet stands for --unit, --period, --year and --basis
  const opts = wb?.template ? withTemplate(file, catalog, options, wb.template) : options;
  const writer = new ValueWriter(db);
  const years = new Map<number, YearState>();
  let periods = new TextMemo<PeriodEntry>();
  const bases = new TextMemo<ReturnType<typeof parseBasis>>();
  let readLong: ((line: number, cells: readonly string[]) => RawCell) | null = null;
  const totals: TotalCell[] = [];
  /** problems already reported: a wide row repeats its unit's problem under every indicator column */
  const reported = new Set<string>();
  /**
   * A problem's location: the line of a text file; in a workbook the sheet, the row and the
   * column (given, else the one the header names `column`), and a `line` param made a row too.
   */
  const locate = (
    line: number | null,
    column: string | null,
    value: string | null,
    reason: Reason,
    index?: number,
  ): Problem => {
    if (!wb || line === null) return { file, line, column, value, reason };
    const { sheet, row } = lineToRow(line);
    let columnIndex: number | null = index ?? null;
    if (columnIndex === null && column !== null) {
      const i = table.head?.headers.indexOf(column) ?? -1;
      if (i >= 0) columnIndex = i;
      else if (/^[A-Z]{1,3}$/.test(column)) columnIndex = columnNumber(column);
    }
    let r = reason;
    const at = reason.params?.line;
    const atKey = AT_KEYS[reason.key as keyof typeof AT_KEYS];
    if (typeof at === "number" && at > 0 && atKey) {
      // a workbook's row is named by sheet and cell (一季度!C5), with a message worded for it
      const other = lineToRow(at);
      const col = reason.params?.col;
      const place = problemLocation({
        line: other.row,
        sheet: wb.sheetNames[other.sheet]!,
        columnIndex: typeof col === "number" ? col : null,
      });
      r = { key: atKey, params: { ...reason.params, at: place } };
    } else if (typeof at === "number" && at > 0) {
      // any other message naming a line: the row, with its sheet when another sheet's
      const other = lineToRow(at);
      const shown = other.sheet === sheet ? other.row : `${wb.sheetNames[other.sheet]}!${other.row}`;
      r = { ...reason, params: { ...reason.params, line: shown } };
    }
    return { file, line: row, column, value, reason: r, sheet: wb.sheetNames[sheet] ?? null, columnIndex };
  };
  const problem = (
    line: number | null,
    column: string | null,
    value: string | null,
    reason: Reason,
    index?: number,
  ) => {
    const key = `${line}\u0000${column}\u0000${value}\u0000${reason.key}`;
    if (reported.has(key)) return;
    reported.add(key);
    if (out.problems.length < MAX_PROBLEMS) out.problems.push(locate(line, column, value, reason, index));
    else out.counts.rejected++;
  };
  /** the line of the last total row: a 小计 sums the unit rows since then */
  let lastTotalLine = 0;
  const warn = (
    line: number | null,
    column: string | null,
    value: string | null,
    reason: Reason,
    index?: number,
  ) => {
    if (out.warnings.length < MAX_PROBLEMS) out.warnings.push(locate(line, column, value, reason, index));
  };
  const newestYear = catalog.years[catalog.years.length - 1]!;
  // 2. table: title block, header rows, and each body row's kind; a workbook's every sheet is a table of its own
  const newTable = (): TableReader =>
    new TableReader(
      catalog.isIndicator,
      { period: opts.period, unit: opts.unit, basis: opts.basis },
      opts.year ?? (catalog.years.length === 1 ? catalog.years[0] : undefined),
      opts.year !== undefined,
      (h) => {
        out.layout = h.layout;
        if (wb) {
          const at = lineToRow(h.line);
          out.headerLine = at.row;
          out.headerSheet = wb.sheetNames[at.sheet] ?? null;
        } else out.headerLine = h.line;
        out.table.ignoredColumns.push(...h.ignored.filter((g) => g.why !== "sequence").map((g) => g.header));
        out.table.measure ??= table.title.measure?.text ?? null;
        for (const p of table.problems) problem(p.line, p.column, p.value, p.reason, p.index);
        if (h.layout === "long") readLong = longCellReader(h, table.defaults);
      },
      (text: string): string[] => catalog.suggestIndicator(newestYear, text),
      (text: string): string => catalog.unit(newestYear, text)?.code ?? text,
      // a code (a template's `_dzkj` unit) by its name; a spelling as the file writes it
      (text: string): string => {
        const u = catalog.unit(newestYear, text);
        return u && u.code === text ? u.name : text;
      },
    );
  let table = newTable();
  /** the unknown columns of a wide table already warned of (a figure in one is not read) */
  let warnedColumns = new Set<number>();
  /**
   * The unit or indicator a cell names, looked up once per spelling (the same few names are on
   * every row); unknown ones are reported with the close names as "did you mean".
   */
  const resolve = <T extends ReportingUnit | Indicator>(
    kind: "unit" | "indicator",
    cache: TextMemo<Known<T> | null>,
    ordinals: ReadonlyMap<string, number>,
    year: number,
    text: string,
    line: number,
    column: string,
    report = true,
  ): Known<T> | null => {
    let known = cache.get(text) ?? null;
    if (known === null && !cache.has(text)) {
      const found = (kind === "unit" ? catalog.unit(year, text) : catalog.indicator(year, text)) as
        | T
        | undefined;
      known = found ? { item: found, ordinal: ordinals.get(found.code)! } : null;
      cache.set(text, known);
      if (found && kind === "unit" && text !== found.name && text !== found.code)
        out.table.unitSpellings[text] = found.code;
    }
    if (!known && report) {
      const hint = kind === "unit" ? catalog.suggestUnit(year, text) : catalog.suggestIndicator(year, text);
      problem(line, column, text, {
        key: hint.length ? `import.${kind}.unknownHint` : `import.${kind}.unknown`,
        params: { value: text, hint: hint.join("、") },
      });
    }
    return known;
  };

  let statedUnitMemo: { code: string; text: string } | null | undefined;
  /** the last period and unit a data row gave (vertically merged cells: see fillDown) */
  let periodAbove = "";
  let unitAbove = "";
  /**
   * A vertically merged cell reaches the CSV in its first row only: a data row whose period or
   * unit cell is blank takes the one above it. (Were it a true omission, the row would repeat a key
   * of the row above: refused as a duplicate with a different value.)
   */
  const fillDown = (h: HeaderInfo, cells: string[]): void => {
    const p = h.roles.period;
    if (p !== undefined) {
      if (cells[p]) periodAbove = cells[p]!;
      else if (periodAbove) cells[p] = periodAbove;
    }
    const u = h.roles.unit;
    if (u !== undefined) {
      if (cells[u]) unitAbove = cells[u]!;
      else if (unitAbove) cells[u] = unitAbove;
    }
  };
  let rows = 0;
  /** figures read: stored, or the same figure given again (a table of repeats is not blank) */
  let figures = 0;
  /** a figure a later sheet gives again: counted in that sheet's totals (see checkTotals) */
  const repeats: { ys: YearState; ordinal: number; unit: string; q: number; line: number; value: number }[] =
    [];
  const onRecord = (rec: SourceRecord): void => {
    const cells = rec.cells;
    const invisible = info.invisible;
    for (let i = 0; i < cells.length; i++) cells[i] = cleanCell(cells[i]!, invisible);
    if (isEmptyRow(cells)) return;
    const kind = table.push(rec.line, cells);
    if (kind === "title") {
      out.counts.skipped++; // the header rows are not counted
      sheetTitleRows++;
    }
    if (kind === "title" || kind === "header") return;
    if (kind === "reheader") {
      const text = cells.filter((x) => x !== "").join(" ");
      const row = wb ? lineToRow(rec.line).row : rec.line;
      problem(rec.line, null, text, { key: "intake.row.reheader", params: { value: text, row } });
      return;
    }
    if (kind === "retitle") {
      const text = cells.filter((x) => x !== "").join(" ");
      problem(rec.line, null, text, { key: "intake.row.retitle", params: { value: text } });
      return;
    }
    out.counts.rowsRead++;
    if ((++rows & 4095) === 0) {
      options.checkInterrupt?.();
      options.onProgress?.(file, info.bytesRead, info.bytes);
    }
    if (table.problems.length > 0) return; // the header is broken: its problems say why
    if (kind === "footer") {
      out.table.footerRows++;
      return;
    }
    const h = table.head!;
    const unplaced = unplacedCell(h, cells);
    if (unplaced) {
      problem(rec.line, columnLetter(unplaced.index), unplaced.value, {
        key: "intake.row.unplaced",
        params: { value: unplaced.value, column: columnLetter(unplaced.index), width: h.width },
      });
      return;
    }
    if (rec.fill && !fillMerged(h, rec, cells)) return;
    if (rec.hidden) hiddenRows.push(rec.line);
    if (kind === "total") {
      out.table.totalRows++;
      const from = isSubtotalRow(h, cells) ? lastTotalLine : null;
      for (const c of rowCells(h, rec.line, cells, table.defaults)) readTotal(c, from);
      lastTotalLine = rec.line;
      return;
    }
    fillDown(h, cells);
    if (readLong) storeCell(readLong(rec.line, cells));
    else {
      for (const c of rowCells(h, rec.line, cells, table.defaults)) storeCell(c);
      for (const g of table.unknownColumns) {
        const v = cells[g.index];
        if (v === undefined || isBlank(v) || warnedColumns.has(g.index)) continue;
        warnedColumns.add(g.index);
        warn(rec.line, g.header, v, { key: "import.warn.unknownColumn", params: { column: g.header } });
      }
    }
  };
  /**
   * A workbook's vertically merged cells: a covered blank cell takes the merged text (a unit, a
   * period, an indicator, a 口径 spanning rows); a figure merged over rows belongs to no single row
   * and is refused at the cell. False when the row is refused.
   */
  const fillMerged = (h: HeaderInfo, rec: SourceRecord, cells: string[]): boolean => {
    const values = new Set<number>(h.indicatorColumns.map((c) => c.index));
    if (h.roles.value !== undefined) values.add(h.roles.value);
    if (h.flowValue) values.add(h.flowValue.index);
    let ok = true;
    rec.fill!.forEach((f, i) => {
      if (!f || (cells[i] ?? "") !== "") return;
      if (values.has(i)) {
        problem(
          rec.line,
          h.headers[i] ?? null,
          f.text,
          { key: "intake.workbook.mergedFigure", params: { from: f.from } },
          i,
        );
        ok = false;
        return;
      }
      while (cells.length <= i) cells.push("");
      cells[i] = cleanCell(f.text, true);
    });
    return ok;
  };
  /** the current sheet of a workbook (-1 before the first), its title rows and hidden data rows */
  let sheet = -1;
  let sheetTitleRows = 0;
  let hiddenRows: number[] = [];
  /** the counts when the current table began: a table with nothing under its header is refused */
  let rowsBefore = 0;
  let quietBefore = 0;
  let totalsBefore = 0;
  let figuresBefore = 0;
  let problemsBefore = 0;
  let blankBefore = 0;
  let tables = 0;
  /** the first sheet skipped for holding no figure: the workbook's refusal when every sheet is so */
  let firstBlank = null as BlankTable | null;
  /**
   * Ends the current table: its header must have been found (a workbook's sheet without one is not
   * a table: skipped and listed, unless the user chose it), and it must hold figures.
   */
  const finishTable = (): void => {
    const name = wb && sheet >= 0 ? wb.sheetNames[sheet]! : null;
    if (!table.head) {
      const across = table.unitsAcross;
      if (wb && name !== null && !options.sheets?.length) {
        out.counts.skipped -= sheetTitleRows;
        skipReadSheet(wb, name, across ? "unitsAcross" : "noHeader");
        if (across && !firstAcross) firstAcross = { ...across, sheet };
        return;
      }
      if (across) throw new FileError(unitsAcrossProblem(across.line, across.units));
      const notFound: Problem = {
        file,
        line: null,
        column: null,
        value: null,
        reason: { key: "intake.header.notFound" },
      };
      throw new FileError(name === null ? notFound : { ...notFound, sheet: name });
    }
    tables++;
    const h: HeaderInfo = table.head;
    table.finish();
    const rowsRead = out.counts.rowsRead - rowsBefore;
    const quiet = out.table.footerRows + out.table.totalRows - quietBefore;
    const ownProblems = out.problems.length + out.counts.rejected - problemsBefore;
    const headerOnly = rowsRead === quiet && out.table.totalRows === totalsBefore;
    if (
      wb &&
      name !== null &&
      figures === figuresBefore &&
      (headerOnly || (rowsRead > quiet && ownProblems === 0))
    ) {
      // a sheet with a header and no figure (next quarter's sheet, prepared and left blank) is
      // skipped and listed; the workbook is refused only when no sheet holds a figure (see below)
      if (headerOnly) out.problems.length = problemsBefore;
      skipReadSheet(wb, name, "noFigures");
      firstBlank ??= headerOnly
        ? { line: h.line, key: "intake.file.noRows", params: { line: h.line } }
        : {
            line: h.line,
            key: "intake.file.allBlank",
            params: { line: h.line, rows: rowsRead, blank: out.counts.blank - blankBefore },
          };
    } else if (rowsRead === quiet) {
      // nothing under the header to import: that is what to say, whatever else the header lacks
      if (!wb) out.problems.length = 0;
      const only = out.table.totalRows > totalsBefore ? "intake.file.onlyTotals" : "intake.file.noRows";
      problem(h.line, null, null, { key: only, params: { line: h.line } });
    } else if (out.problems.length === 0) {
      if (figures === figuresBefore)
        problem(h.line, null, null, {
          key: "intake.file.allBlank",
          params: { line: h.line, rows: rowsRead, blank: out.counts.blank },
        });
    }
    if (hiddenRows.length > 0)
      warn(hiddenRows[0]!, null, null, {
        key: "import.warn.hiddenRows",
        params: { count: hiddenRows.length, rows: hiddenRows.map((l) => lineToRow(l).row).join(", ") },
      });
    if (wb) {
      const hiddenValueColumn = wb.hiddenColumns.find(
        (c) =>
          c.sheet === sheet &&
          (c.column === h.roles.value || h.indicatorColumns.some((x) => x.index === c.column)),
      );
      if (hiddenValueColumn)
        warn(
          h.line,
          null,
          null,
          {
            key: "import.warn.hiddenColumn",
            params: { column: h.headers[hiddenValueColumn.column] ?? "" },
          },
          hiddenValueColumn.column,
        );
    }
  };
  /** the first sheet skipped as a summary with units across (its header row and units) */
  let firstAcross: { line: number; units: string[]; sheet: number } | null = null;
  /** The refusal of a table with reporting units as columns, at its header row. */
  const unitsAcrossProblem = (line: number, units: string[]): Problem =>
    locate(line, null, units.join("、"), {
      key: "intake.header.unitsAcross",
      params: { units: units.join("、") },
    });

  /** A new table for the next sheet of a workbook. */
  const startSheet = (next: number): void => {
    table = newTable();
    sheet = next;
    sheetTitleRows = 0;
    hiddenRows = [];
    readLong = null;
    warnedColumns = new Set();
    lastTotalLine = 0;
    periodAbove = "";
    unitAbove = "";
    statedUnitMemo = undefined;
    periods = new TextMemo();
    rowsBefore = out.counts.rowsRead;
    quietBefore = out.table.footerRows + out.table.totalRows;
    totalsBefore = out.table.totalRows;
    figuresBefore = figures;
    problemsBefore = out.problems.length + out.counts.rejected;
    blankBefore = out.counts.blank;
    const name = wb?.sheetNames[next] ?? "";
    const period = sheetPeriod(name);
    table.sheet = period === null ? null : { name, period };
    table.sheetMonth = sheetSingleMonth(name) ? name : null;
    const year = sheetYear(name);
    table.sheetYear = year === null ? null : { name, year };
    table.periodFromTemplate = options.period === undefined && opts.period !== undefined;
  };
  // records come in batches (one await per chunk of the file, not per row)
  for await (const batch of batches) {
    for (const rec of batch) {
      if (wb) {
        const at = lineToRow(rec.line).sheet;
        if (at !== sheet) {
          if (sheet >= 0) finishTable();
          startSheet(at);
        }
      }
      onRecord(rec);
    }
    // let a pending Ctrl-C reach its handler between batches (see yieldToEventLoop)
    await yieldToEventLoop();
    options.checkInterrupt?.();
  }
  if (!wb || sheet >= 0) finishTable();
  if (wb) {
    out.table.sheets = wb.sheets;
    out.table.skippedSheets = wb.skipped;
    const blank = firstBlank as BlankTable | null;
    if (tables > 0 && wb.sheets.length === 0 && blank && out.problems.length === 0)
      problem(blank.line, null, null, { key: blank.key, params: blank.params });
    if (tables === 0) {
      const across = firstAcross as { line: number; units: string[] } | null;
      if (across) throw new FileError(unitsAcrossProblem(across.line, across.units));
      // the only sheets left are hidden: the data is likely there, and --sheet reads it
      const hidden = wb.skipped.filter((k) => k.why === "hidden").map((k) => k.name);
      throw new FileError({
        file,
        line: null,
        column: null,
        value: null,
        reason:
          hidden.length > 0
            ? { key: "intake.workbook.onlyHidden", params: { sheets: hidden.join("、"), first: hidden[0]! } }
            : { key: "intake.workbook.noTable" },
      });
    }
  }
  if (out.problems.length === 0) {
    checkTotals();
    checkYtdFigures();
    for (const year of [...years.keys()].sort((a, b) => a - b)) {
      const ys = years.get(year)!;
      if (ys.heldCount === 0) continue;
      writer.addHeld(
        {
          year,
          ...ys.layout,
          periods: ys.periods,
          firstQ: FIRST_Q,
          values: ys.values,
          basis: ys.held,
          notes: ys.notes,
        },
        batchId,
      );
    }
    writer.checkReferences();
  }

  function readPeriod(text: string): PeriodEntry {
    const entry: PeriodEntry = {
      reason: null,
      text: "",
      year: 0,
      q: 0,
      state: null,
      isNew: null,
    };
    if (!text) {
      entry.reason = { key: "import.period.missing" };
      return entry;
    }
    const r = parsePeriod(text, table.defaultYear);
    if (!r.ok) {
      entry.reason = r.reason;
      return entry;
    }
    entry.text = formatPeriod(r.value);
    // a row's period of another year than the title or the sheet's name states
    const named = table.namedYear();
    if (named && r.value.year !== named.year) {
      entry.reason = {
        key: "intake.row.yearConflict",
        params: { period: entry.text, year: named.year, named: named.text },
      };
      return entry;
    }
    const place = catalog.place(r.value, opts.year);
    if (!place) {
      entry.reason = {
        key: "import.period.outsidePlans",
        params: { period: entry.text, years: catalog.years.join(", ") },
      };
      return entry;
    }
    entry.year = place.year;
    entry.q = place.q;
    // a row's own period must agree with the period the file states elsewhere
    const h = table.head;
    if (h && h.roles.period !== undefined) {
      const stated = table.statedPeriod();
      const span = h.valuePeriod === null ? null : parsePeriod(h.valuePeriod, table.defaultYear);
      if (stated !== null && stated.quarter !== entry.text)
        entry.reason =
          stated.sheet === null
            ? { key: "intake.row.periodConflict", params: { period: entry.text, stated: stated.text } }
            : {
                key: "intake.row.periodConflictSheet",
                params: { period: entry.text, stated: stated.quarter, sheet: stated.sheet },
              };
      else if (span?.ok && formatPeriod(span.value) !== entry.text)
        entry.reason = {
          key: "intake.row.spanConflict",
          params: { period: entry.text, column: h.headers[h.roles.value ?? -1] ?? h.valuePeriod ?? "" },
        };
    }
    return entry;
  }

  /**
   * The county the title block (or --unit) names as the reporting unit, when it names one: the
   * rows' own unit column must then agree. The city's office (达州市科技局) compiles the counties'
   * rows, so a title naming no single unit is no constraint.
   */
  function statedUnit(): { code: string; text: string } | null {
    if (statedUnitMemo !== undefined) return statedUnitMemo;
    const text = opts.unit ?? table.title.unit?.text;
    const found = text === undefined ? undefined : catalog.unit(newestYear, text);
    statedUnitMemo = found && !found.isTotal && text !== undefined ? { code: found.code, text } : null;
    return statedUnitMemo;
  }

  function periodOf(text: string): PeriodEntry {
    let pe = periods.get(text);
    if (!pe) {
      pe = readPeriod(text);
      periods.set(text, pe);
    }
    return pe;
  }

  function yearState(year: number): YearState {
    let ys = years.get(year);
    if (!ys) {
      const layout = catalog.slotLayout(year);
      ys = {
        year,
        layout,
        lines: new Int32Array(layout.baseSize),
        values: new Float64Array(layout.baseSize),
        columns: new Uint16Array(layout.baseSize),
        basis: new Uint8Array(layout.baseSize),
        held: new Uint8Array(layout.baseSize),
        notes: new Map(),
        periods: new Array<string | null>(SLOT_QUARTERS).fill(null),
        heldCount: 0,
        units: new TextMemo(),
        indicators: new TextMemo(),
      };
      years.set(year, ys);
    }
    return ys;
  }

  /**
   * A total row's cell (合计): read like a value, never stored, kept to be checked against the sum
   * of the unit rows. One that cannot be read is a warning: the total is not data.
   */
  function readTotal(c: RawCell, subtotalFrom: number | null): void {
    if (isBlank(c.value)) return;
    const pe = periodOf(c.period);
    if (pe.reason) return;
    pe.state ??= yearState(pe.year);
    const known = resolve(
      "indicator",
      pe.state.indicators,
      pe.state.layout.indicatorOrdinal,
      pe.year,
      c.indicator,
      c.line,
      c.indicatorColumn,
      false,
    );
    if (!known) return;
    const value = readValue(c, known.item, table.title);
    if (typeof value !== "number") {
      warn(
        c.line,
        c.valueColumn,
        c.value,
        {
          key: "import.warn.totalUnreadable",
          params: { indicator: known.item.name, indicatorEn: known.item.nameEn },
        },
        c.valueIndex,
      );
      return;
    }
    totals.push({
      line: c.line,
      column: c.valueColumn,
      index: c.valueIndex,
      ys: pe.state,
      q: pe.q,
      period: pe.text,
      ind: known.item,
      ordinal: known.ordinal,
      value,
      subtotalFrom,
    });
  }

  /** Each total row against the sum of the unit rows of the file (rates are never summed). */
  function checkTotals(): void {
    for (const t of totals) {
      if (t.ind.kind === "rate") continue;
      const { ys } = t;
      const city = cityCode(ys.year);
      let sum = 0;
      let n = 0;
      ys.layout.units.forEach((code, u) => {
        const slot = ys.layout.slot(t.ordinal, u, t.q);
        const at = ys.lines[slot]!;
        // a 小计 sums the rows since the last total row; a 合计 / 总计 every unit row (of its own
        // sheet, in a workbook: each sheet is a table)
        const inGroup =
          (t.subtotalFrom === null || (at > t.subtotalFrom && at < t.line)) &&
          (!wb || lineToRow(at).sheet === lineToRow(t.line).sheet);
        if (at && inGroup && code !== city) {
          sum += ys.values[slot]!;
          n++;
        }
      });
      // a unit row this sheet gives again after an earlier sheet gave it: the sheet's own row too
      for (const r of repeats) {
        if (r.ys !== ys || lineToRow(r.line).sheet !== lineToRow(t.line).sheet) continue;
        if (t.subtotalFrom !== null && !(r.line > t.subtotalFrom && r.line < t.line)) continue;
        if (r.ordinal !== t.ordinal || r.q !== t.q || r.unit === city) continue;
        sum += r.value;
        n++;
      }
      if (n === 0) continue;
      if (Math.abs(sum - t.value) > 1e-9 * Math.max(1, Math.abs(sum)))
        warn(
          t.line,
          t.column,
          String(t.value),
          {
            key: "import.warn.totalMismatch",
            params: {
              indicator: t.ind.name,
              indicatorEn: t.ind.nameEn,
              period: t.period,
              total: t.value,
              sum: roundForMessage(sum),
              rows: n,
            },
          },
          t.index,
        );
    }
  }

  function cityCode(year: number): string | undefined {
    return catalog.plan(year)?.units.find((u) => u.isTotal)?.code;
  }

  /**
   * A year-to-date figure of a flow lower than the same unit's figure of an earlier quarter of the
   * year (in this file, else stored) is a warning: a cumulative figure cannot fall.
   */
  function checkYtdFigures(): void {
    for (const ys of years.values()) {
      const plan = catalog.plan(ys.year)!;
      const flows = plan.indicators.filter((d) => d.kind === "flow").map((d) => d.code);
      const stored = new Map<number, number>();
      for (const f of storedYtdFigures(db, ys.year, flows)) {
        const i = ys.layout.indicatorOrdinal.get(f.indicator);
        const u = ys.layout.unitOrdinal.get(f.unit);
        const q = Number(f.period.slice(-1));
        if (i !== undefined && u !== undefined) stored.set(ys.layout.slot(i, u, q), f.value);
      }
      const nInd = ys.layout.indicators.length;
      const nUnit = ys.layout.units.length;
      for (let i = 0; i < nInd; i++) {
        const ind = plan.indicators[i]!;
        if (ind.kind !== "flow") continue;
        for (let u = 0; u < nUnit; u++) {
          for (let q = 2; q <= 4; q++) {
            const slot = ys.layout.slot(i, u, q);
            if (!ys.lines[slot] || ys.basis[slot] !== YTD_CODE) continue;
            // the nearest earlier quarter with a ytd figure: the file's own, else the stored one
            for (let e = q - 1; e >= 1; e--) {
              const es = ys.layout.slot(i, u, e);
              const before = ys.lines[es]
                ? ys.basis[es] === YTD_CODE
                  ? ys.values[es]
                  : undefined
                : stored.get(es);
              if (before === undefined) continue;
              if (ys.values[slot]! < before)
                warn(ys.lines[slot]!, null, String(ys.values[slot]), {
                  key: "import.warn.ytdDecrease",
                  params: {
                    indicator: ind.name,
                    indicatorEn: ind.nameEn,
                    unit: plan.units[u]!.name,
                    unitEn: plan.units[u]!.nameEn,
                    period: `${ys.year}Q${q}`,
                    value: ys.values[slot]!,
                    earlier: `${ys.year}Q${e}`,
                    before,
                  },
                });
              break;
            }
          }
        }
      }
    }
  }

  /** Where a change is: its line, or a workbook's row, sheet and value cell. */
  function changeAt(c: RawCell): Pick<Change, "line" | "sheet" | "cell"> {
    if (!wb) return { line: c.line };
    const at = lineToRow(c.line);
    return { line: at.row, sheet: wb.sheetNames[at.sheet]!, cell: cellAddress(at.row - 1, c.valueIndex) };
  }

  function storeCell(cell: RawCell): void {
    let c = cell;
    if (isBlank(c.value) && (c.flowValue === null || isBlank(c.flowValue))) {
      out.counts.blank++;
      return;
    }
    const before = out.problems.length;
    // period
    const pe = periodOf(c.period);
    if (pe.reason) {
      problem(c.line, c.periodColumn, c.period, pe.reason);
      return;
    }
    pe.state ??= yearState(pe.year);
    const ys = pe.state;
    const { year, q } = pe;
    // unit
    if (!c.unit) problem(c.line, c.unitColumn, "", { key: "import.unit.missing" });
    const unit = c.unit
      ? resolve("unit", ys.units, ys.layout.unitOrdinal, year, c.unit, c.line, c.unitColumn)
      : null;
    // a period in brackets after the indicator (（上半年）, （一季度）, （1-9月）): the row's report
    // period from January is its year-to-date figure; any other span, or a quarter's own, is refused
    const pq = c.periodQualifier;
    if (pq) {
      const row = parsePeriod(pe.text);
      const said = row.ok ? parsePeriod(pq.periodText, row.value.year) : null;
      if (pq.kind === "ytd" && said?.ok && formatPeriod(said.value) === pe.text)
        c = { ...c, indicator: pq.name, columnBasis: "ytd", periodQualifier: null };
      else {
        problem(c.line, c.indicatorColumn, c.indicator, {
          key: pq.kind === "ytd" ? "import.indicator.periodQualifier" : "import.indicator.quarterQualifier",
          params: { value: c.indicator, qualifier: pq.text, period: pe.text },
        });
        return;
      }
    }
    // a row whose indicator carries a qualifier: a target or derived figure is not data (not
    // read, counted); an unknown one (（新认定）) cannot be placed
    if (c.qualifier !== null) {
      if (c.qualifier.kind === "unknown")
        problem(c.line, c.indicatorColumn, c.indicator, {
          key: "import.indicator.qualifier",
          params: { value: c.indicator, qualifier: c.qualifier.text },
        });
      else out.table.qualifiedRows++;
      return;
    }
    // indicator
    if (!c.indicator) {
      problem(c.line, c.indicatorColumn, "", { key: "import.indicator.missing" });
      return;
    }
    const known = resolve(
      "indicator",
      ys.indicators,
      ys.layout.indicatorOrdinal,
      year,
      c.indicator,
      c.line,
      c.indicatorColumn,
    );
    if (!known || !unit) return;
    const stated = statedUnit();
    if (stated && table.head?.roles.unit !== undefined && unit.item.code !== stated.code) {
      problem(c.line, c.unitColumn, c.unit, {
        key: "intake.row.unitConflict",
        params: { unit: c.unit, stated: stated.text },
      });
      return;
    }
    const ind = known.item;
    if (c.flowValue !== null) {
      // 期末数 | 本年新增: a flow's figure is the year's new ones, a stock's or rate's the level
      const own = ind.kind === "flow" ? c.flowValue : c.value;
      const other = ind.kind === "flow" ? c.value : c.flowValue;
      const ownColumn = ind.kind === "flow" ? c.flowValueColumn : c.valueColumn;
      const otherColumn = ind.kind === "flow" ? c.valueColumn : c.flowValueColumn;
      if (isBlank(own)) {
        if (isBlank(other)) out.counts.blank++;
        else
          problem(c.line, otherColumn, other, {
            key: "import.value.wrongColumn",
            params: { indicator: ind.name, indicatorEn: ind.nameEn, column: ownColumn, other: otherColumn },
          });
        return;
      }
      if (ind.kind === "flow")
        c = {
          ...c,
          value: c.flowValue,
          valueColumn: c.flowValueColumn,
          columnBasis: "ytd",
          increment: false,
        };
    }
    const period = pe.text;
    const value = readValue(c, ind, table.title);
    if (typeof value !== "number") {
      problem(c.line, c.valueColumn, c.value, value, c.valueIndex);
    }
    // the basis: the row's 口径 (or --basis) and the value column's header, which must agree
    let basisParsed = bases.get(c.basis);
    if (!basisParsed) {
      basisParsed = parseBasis(c.basis);
      bases.set(c.basis, basisParsed);
    }
    if (!basisParsed.ok) problem(c.line, c.basisColumn, c.basis, basisParsed.reason);
    else if (c.basis !== "" && c.columnBasis !== null && basisParsed.value !== c.columnBasis)
      problem(c.line, c.basisColumn, c.basis, {
        key: "import.basis.conflict",
        params: { basis: c.basis, column: c.valueColumn },
      });
    const basis: Basis = c.basis !== "" && basisParsed.ok ? basisParsed.value : (c.columnBasis ?? "ytd");
    if (ind.kind !== "flow" && (basis === "period" || c.increment))
      // a level (stock) or a rate has no increment: 本期 or 新增 for one is a mistake, not a value to convert
      problem(c.line, c.basis ? c.basisColumn : c.valueColumn, c.basis || c.valueColumn, {
        key: "import.basis.levelPeriod",
        params: {
          indicator: ind.name,
          indicatorEn: ind.nameEn,
          kind: ind.kind,
          column: c.basis || c.valueColumn,
        },
      });
    if (out.problems.length > before || typeof value !== "number" || !basisParsed.ok) return;
    if (ind.target > 0 && value > ind.target * 10 && ind.kind !== "rate")
      warn(
        c.line,
        c.valueColumn,
        c.value,
        {
          key: "import.warn.overTarget",
          params: {
            indicator: ind.name,
            indicatorEn: ind.nameEn,
            unit: unit.item.name,
            unitEn: unit.item.nameEn,
            value,
            measure: ind.unit,
            target: ind.target,
          },
        },
        c.valueIndex,
      );
    if (ind.unit === "%" && value > 0 && value < 1 && ind.target >= 1)
      // 0.58 for 58 %: a fraction where a percentage was meant
      warn(
        c.line,
        c.valueColumn,
        c.value,
        {
          key: "import.warn.fraction",
          params: {
            indicator: ind.name,
            indicatorEn: ind.nameEn,
            value,
            percent: roundForMessage(value * 100),
          },
        },
        c.valueIndex,
      );
    // the same key twice in one file
    const slot = ys.layout.slot(known.ordinal, unit.ordinal, q);
    if (slot >= ys.lines.length) widen(ys);
    if (ys.lines[slot]) {
      if (ys.values[slot] === value && ys.basis[slot] === heldBasis(basis)) {
        // the same figure twice (a copied row or sheet, a summary sheet agreeing with the county
        // sheets) is harmless: it counts as its table's figure and, on another sheet, in its totals
        figures++;
        if (wb && lineToRow(ys.lines[slot]!).sheet !== sheet)
          repeats.push({ ys, ordinal: known.ordinal, unit: unit.item.code, q, line: c.line, value });
        return;
      }
      problem(
        c.line,
        c.valueColumn,
        c.value,
        {
          key: ys.values[slot] === value ? "import.duplicate.basis" : "import.duplicate",
          params: {
            line: ys.lines[slot]!,
            col: ys.columns[slot]!,
            indicator: ind.name,
            indicatorEn: ind.nameEn,
            unit: unit.item.name,
            unitEn: unit.item.nameEn,
            period,
            // both figures as stored, in the indicator's unit: 1234.56万元 there, 1200万元 here
            other: `${shortestDecimal(ys.values[slot]!)}${ind.unit}`,
            mine: `${shortestDecimal(value)}${ind.unit}`,
          },
        },
        c.valueIndex,
      );
      return;
    }
    figures++;
    ys.lines[slot] = c.line;
    ys.values[slot] = value;
    ys.columns[slot] = c.valueIndex;
    ys.basis[slot] = heldBasis(basis);
    const note = c.note || null;
    // A period with nothing stored yet (a new quarter's file) is all inserts: held in the slot
    // arrays, written sorted at the end. Otherwise new keys take one statement; only existing
    // ones are read back.
    let kind: Change["kind"] = "insert";
    let old: StoredValue | undefined;
    pe.isNew ??= writer.isNewPeriod(year, period);
    if (pe.isNew) {
      ys.held[slot] = heldBasis(basis);
      if (note !== null) ys.notes.set(slot, note);
      ys.periods[q - FIRST_Q] = period;
      ys.heldCount++;
    } else {
      const key = { year, indicator: ind.code, period, unit: unit.item.code };
      if (!writer.addIfAbsent(key, { value, basis, note }, batchId)) {
        old = writer.current(key)!;
        // a file without a note column says nothing about notes: the stored one stays (README
        // "Re-importing"); with one, its cell (blank included) is the note
        const kept = c.noteColumn ? note : (old.note ?? null);
        if (old.value === value && old.basis === basis && (old.note ?? null) === kept) kind = "unchanged";
        else {
          writer.replace(key, { value, basis, note: kept }, batchId);
          kind = "update";
        }
      }
    }
    if (kind === "insert") out.counts.inserted++;
    else if (kind === "unchanged") out.counts.unchanged++;
    else out.counts.updated++;
    if (kind === "update" || options.dryRun) {
      if (out.changes.length < MAX_CHANGES)
        out.changes.push({
          ...changeAt(c),
          year,
          period,
          unit: unit.item.code,
          indicator: ind.code,
          old: old?.value ?? null,
          new: value,
          oldBasis: old?.basis ?? null,
          newBasis: basis,
          kind,
        });
      else out.changesOmitted++;
    }
  }
}

/** A table skipped for holding no figure, and what to say if every table is so. */
interface BlankTable {
  line: number;
  key: "intake.file.noRows" | "intake.file.allBlank";
  params: Params;
}

/** Messages that name a line, and their wording for a workbook's sheet and cell (`{at}`: 一季度!C5). */
const AT_KEYS = {
  "import.duplicate": "import.duplicate.at",
  "import.duplicate.basis": "import.duplicate.basis.at",
  "intake.file.noRows": "intake.file.noRows.at",
  "intake.file.onlyTotals": "intake.file.onlyTotals.at",
  "intake.file.allBlank": "intake.file.allBlank.at",
} as const satisfies Partial<Record<MessageKey, MessageKey>>;

/** A total row's figure, kept to be checked against the unit rows' sum. */
interface TotalCell {
  line: number;
  column: string;
  /** the 0-based column of the figure */
  index: number;
  ys: YearState;
  q: number;
  period: string;
  ind: Indicator;
  ordinal: number;
  value: number;
  /** for a 小计: the line of the total row before it (its group starts after that); null for a 合计 */
  subtotalFrom: number | null;
}

const YTD_CODE = heldBasis("ytd");

/** The 0-based index of a column name: A → 0, AA → 26. */
function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The options with a dzkj template's defaults (its hidden _dzkj sheet) for those the command line
 * leaves out; an option that contradicts the template is refused (FileError): the template was
 * made for one unit, period and year, and a figure filed under another would be silently wrong.
 */
function withTemplate(
  file: string,
  catalog: Catalog,
  options: ImportOptions,
  meta: TemplateMeta,
): ImportOptions {
  const year = meta.year !== undefined && /^\d{4}$/.test(meta.year) ? Number(meta.year) : undefined;
  const newest = year ?? catalog.years[catalog.years.length - 1]!;
  const conflict = (option: string, value: string, template: string): never => {
    throw new FileError({
      file,
      line: null,
      column: null,
      value: null,
      sheet: "_dzkj",
      reason: { key: "intake.template.conflict", params: { option, value, template } },
    });
  };
  if (options.year !== undefined && year !== undefined && options.year !== year)
    conflict("--year", String(options.year), String(year));
  if (options.unit !== undefined && meta.unit !== undefined) {
    const a = catalog.unit(newest, options.unit)?.code ?? options.unit;
    const recorded = catalog.unit(newest, meta.unit);
    // the template records the unit's code (quxian); the person reads its name (渠县)
    if (a !== (recorded?.code ?? meta.unit)) conflict("--unit", options.unit, recorded?.name ?? meta.unit);
  }
  if (options.period !== undefined && meta.period !== undefined) {
    const a = parsePeriod(options.period, year);
    const b = parsePeriod(meta.period, year);
    if (!a.ok || !b.ok || formatPeriod(a.value) !== formatPeriod(b.value))
      conflict("--period", options.period, meta.period);
  }
  if (options.basis !== undefined && meta.basis !== undefined) {
    const a = parseBasis(options.basis);
    const b = parseBasis(meta.basis);
    if (!a.ok || !b.ok || a.value !== b.value) conflict("--basis", options.basis, meta.basis);
  }
  return {
    ...options,
    unit: options.unit ?? meta.unit,
    period: options.period ?? meta.period,
    basis: options.basis ?? meta.basis,
    year: options.year ?? year,
  };
}

/** A sum for a message: 12 significant digits, so 0.1 + 0.2 reads 0.3. */
function roundForMessage(n: number): number {
  return Number(n.toPrecision(12));
}
