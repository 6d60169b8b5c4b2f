/**
 * importProgress: reads progress files and stores their values, all or nothing per file (or per
 * command with allOrNothing). Every problem of a file is collected before it is refused; a dry
 * run does all the work inside a transaction and rolls it back.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { formatPeriod } from "../domain/period.js";
import { type Indicator, isMoneyUnit, type ReportingUnit } from "../domain/plan.js";
import type { Basis } from "../domain/progress.js";
import type { Reason } from "../i18n/index.js";
import {
  type CsvRecord,
  type CsvSource,
  checkFile,
  DEFAULT_LIMITS,
  openCsvBatches,
  type ReadLimits,
} from "../intake/csv-reader.js";
import type { Encoding } from "../intake/decode.js";
import { FileError, type Problem } from "../intake/errors.js";
import {
  type HeaderInfo,
  isEmptyRow,
  longCellReader,
  type RawCell,
  readTitleRow,
  recognizeHeader,
  rowCells,
} from "../intake/layout.js";
import { checkValue, isBlank, parseBasis, parseQuantity } from "../intake/number.js";
import { parsePeriod } from "../intake/period.js";
import type { BatchCounts } from "../storage/batches.js";
import { type Db, withForeignKeysOff } from "../storage/database.js";
import { heldBasis, type StoredValue, ValueWriter } from "../storage/values.js";
import { emptyOutcome, importAsBatch, importFiles, yieldToEventLoop } from "./batch-file.js";
import type { Catalog, SlotLayout } from "./catalog.js";

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
  /** called every few thousand rows (progress bar) */
  onProgress?: (file: string, bytesRead: number, bytesTotal: number) => void;
  /** checked between rows; throwing from it aborts the import (Ctrl-C) */
  checkInterrupt?: () => void;
}

export interface Change {
  line: number;
  /** the plan year the value belongs to (a 2019Q4 baseline belongs to 2020) */
  year: number;
  period: string;
  unit: string;
  indicator: string;
  old: number | null;
  new: number;
  kind: "insert" | "update" | "unchanged";
}

export type FileStatus = "imported" | "rejected" | "duplicate" | "dry-run" | "rolled-back";

export interface FileOutcome {
  file: string;
  status: FileStatus;
  batchId: number | null;
  hash: string | null;
  source: CsvSource | null;
  layout: HeaderInfo["layout"] | null;
  headerLine: number | null;
  counts: BatchCounts & { rejected: number };
  /** updates always; inserts and unchanged too in a dry run (capped) */
  changes: Change[];
  changesOmitted: number;
  problems: Problem[];
  /** for status "duplicate": the earlier import of the same bytes */
  duplicateOf: { id: number; importedAt: string } | null;
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
  const out: FileOutcome = { ...emptyOutcome(file), layout: null, changesOmitted: 0 };
  try {
    await checkFile(file, options.limits ?? DEFAULT_LIMITS); // refuse a huge file before hashing it
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    out.problems.push(e.problem);
    out.counts.rejected = 1;
    return out;
  }
  await importAsBatch(db, out, {
    kind: "import",
    force: options.force,
    dryRun: options.dryRun,
    now: options.now,
    hashFile,
    read: (batchId) => readAndStore(db, catalog, file, options, batchId, out),
    layout: () => out.layout,
  });
  return out;
}

/**
 * What the file has given for one plan year, by slot (Catalog.slotLayout), and the year's units and
 * indicators by the file's own spellings: a file names the same few on every row, so each
 * spelling is looked up once.
 */
interface YearState {
  year: number;
  layout: SlotLayout;
  /** the line that gave the key its value (0: not given yet), to name it in a duplicate's message */
  lines: Int32Array;
  /** the value that line gave */
  values: Float64Array;
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
  const { source, batches } = await openCsvBatches(file, { encoding: options.encoding, limits });
  out.source = source;
  const writer = new ValueWriter(db);
  const defaults = { period: options.period, unit: options.unit, basis: options.basis };
  const years = new Map<number, YearState>();
  const periods = new TextMemo<PeriodEntry>();
  const bases = new TextMemo<ReturnType<typeof parseBasis>>();
  let header: HeaderInfo | null = null;
  let headerBroken = false;
  let readLong: ((line: number, cells: readonly string[]) => RawCell) | null = null;
  const problem = (line: number, column: string, value: string, reason: Reason) => {
    if (out.problems.length < MAX_PROBLEMS) out.problems.push({ file, line, column, value, reason });
    else out.counts.rejected++;
  };
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
  ): Known<T> | null => {
    let known = cache.get(text) ?? null;
    if (known === null && !cache.has(text)) {
      const found = (kind === "unit" ? catalog.unit(year, text) : catalog.indicator(year, text)) as
        | T
        | undefined;
      known = found ? { item: found, ordinal: ordinals.get(found.code)! } : null;
      cache.set(text, known);
    }
    if (!known) {
      const hint = kind === "unit" ? catalog.suggestUnit(year, text) : catalog.suggestIndicator(year, text);
      problem(line, column, text, {
        key: hint.length ? `import.${kind}.unknownHint` : `import.${kind}.unknown`,
        params: { value: text, hint: hint.join("、") },
      });
    }
    return known;
  };
  let rows = 0;
  const onRecord = (rec: CsvRecord): void => {
    if (isEmptyRow(rec.cells)) return;
    if (!header) {
      header = recognizeHeader(rec.line, rec.cells, catalog.isIndicator);
      if (header) {
        out.layout = header.layout;
        out.headerLine = header.line;
        headerBroken = checkHeader(header, defaults, file, out);
        if (header.layout === "long") readLong = longCellReader(header, defaults);
      } else {
        out.counts.skipped++;
        const title = readTitleRow(rec.cells);
        if (title.unit && defaults.unit === undefined) defaults.unit = title.unit;
        if (title.period && defaults.period === undefined) defaults.period = title.period;
      }
      return;
    }
    out.counts.rowsRead++;
    if ((++rows & 4095) === 0) {
      options.checkInterrupt?.();
      options.onProgress?.(file, source.bytesRead, source.bytes);
    }
    if (headerBroken) return;
    if (readLong) storeCell(readLong(rec.line, rec.cells));
    else for (const cell of rowCells(header, rec.line, rec.cells, defaults)) storeCell(cell);
  };
  // records come in batches (one await per chunk of the file, not per row)
  for await (const batch of batches) {
    for (const rec of batch) onRecord(rec);
    // let a pending Ctrl-C reach its handler between batches (see yieldToEventLoop)
    await yieldToEventLoop();
    options.checkInterrupt?.();
  }
  if (out.problems.length === 0) {
    for (const year of [...years.keys()].sort((a, b) => a - b)) {
      const ys = years.get(year)!;
      if (ys.heldCount === 0) continue;
      writer.addHeld(
        {
          year,
          ...ys.layout,
          periods: ys.periods,
          values: ys.values,
          basis: ys.held,
          notes: ys.notes,
        },
        batchId,
      );
    }
    writer.checkReferences();
  }
  if (!header) {
    throw new FileError({
      file,
      line: null,
      column: null,
      value: null,
      reason: { key: "intake.header.notFound" },
    });
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
    const r = parsePeriod(text);
    if (!r.ok) {
      entry.reason = r.reason;
      return entry;
    }
    entry.text = formatPeriod(r.value);
    const place = catalog.place(r.value, options.year);
    if (!place) {
      entry.reason = {
        key: "import.period.outsidePlans",
        params: { period: entry.text, years: catalog.years.join(", ") },
      };
      return entry;
    }
    entry.year = place.year;
    entry.q = place.q;
    return entry;
  }

  function yearState(year: number): YearState {
    let ys = years.get(year);
    if (!ys) {
      const layout = catalog.slotLayout(year);
      ys = {
        year,
        layout,
        lines: new Int32Array(layout.size),
        values: new Float64Array(layout.size),
        held: new Uint8Array(layout.size),
        notes: new Map(),
        periods: [null, null, null, null, null],
        heldCount: 0,
        units: new TextMemo(),
        indicators: new TextMemo(),
      };
      years.set(year, ys);
    }
    return ys;
  }

  function storeCell(c: RawCell): void {
    if (isBlank(c.value)) {
      out.counts.blank++;
      return;
    }
    const before = out.problems.length;
    // period
    let pe = periods.get(c.period);
    if (!pe) {
      pe = readPeriod(c.period);
      periods.set(c.period, pe);
    }
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
    // indicator
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
    const ind = known.item;
    const period = pe.text;
    if (q === 0 && ind.kind === "flow") {
      problem(c.line, c.periodColumn, c.period, {
        key: "import.period.flowBaseline",
        params: { period, indicator: ind.name },
      });
    }
    const value = readValue(c, ind);
    if (typeof value !== "number") {
      problem(c.line, c.valueColumn, c.value, value);
    }
    let basisParsed = bases.get(c.basis);
    if (!basisParsed) {
      basisParsed = parseBasis(c.basis);
      bases.set(c.basis, basisParsed);
    }
    if (!basisParsed.ok) problem(c.line, c.basisColumn, c.basis, basisParsed.reason);
    if (out.problems.length > before || typeof value !== "number" || !basisParsed.ok) return;
    let basis: Basis = basisParsed.value;
    if (ind.kind !== "flow" && basis === "period") basis = "ytd"; // a level has no increment: store as reached
    // the same key twice in one file
    const slot = ys.layout.slot(known.ordinal, unit.ordinal, q);
    if (ys.lines[slot]) {
      if (ys.values[slot] === value) return; // the same value twice is harmless
      problem(c.line, c.valueColumn, c.value, {
        key: "import.duplicate",
        params: { line: ys.lines[slot]!, indicator: ind.name, unit: unit.item.name, period },
      });
      return;
    }
    ys.lines[slot] = c.line;
    ys.values[slot] = value;
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
      ys.periods[q] = period;
      ys.heldCount++;
    } else {
      const key = { year, indicator: ind.code, period, unit: unit.item.code };
      if (!writer.addIfAbsent(key, { value, basis, note }, batchId)) {
        old = writer.current(key)!;
        if (old.value === value && old.basis === basis && (old.note ?? null) === note) kind = "unchanged";
        else {
          writer.replace(key, { value, basis, note }, batchId);
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
          line: c.line,
          year,
          period,
          unit: unit.item.code,
          indicator: ind.code,
          old: old?.value ?? null,
          new: value,
          kind,
        });
      else out.changesOmitted++;
    }
  }
}

/** The cell's value in the indicator's unit; a bare number under a header like 技术合同登记额(亿元) is in 亿元. */
function readValue(c: RawCell, ind: Indicator): number | Reason {
  let text = c.value;
  if (c.headerUnit && c.headerUnit !== ind.unit && /[0-9０-９.．]\s*$/.test(text)) {
    if (
      !(isMoneyUnit(c.headerUnit) && isMoneyUnit(ind.unit)) &&
      c.headerUnit !== "%" &&
      c.headerUnit !== "％"
    )
      return {
        key: "intake.number.wrongUnit",
        params: { value: c.indicatorColumn, unit: c.headerUnit, expected: ind.unit },
      };
    text += c.headerUnit;
  }
  const parsed = parseQuantity(text, ind.unit);
  if (!parsed.ok) return parsed.reason;
  return checkValue(parsed.value, ind.unit, ind) ?? parsed.value;
}

/** Problems with the header as a whole: a needed column that is neither in the file nor given as an option. */
function checkHeader(
  h: HeaderInfo,
  d: { period?: string | undefined; unit?: string | undefined },
  file: string,
  out: FileOutcome,
): boolean {
  const before = out.problems.length;
  if (h.roles.period === undefined && d.period === undefined)
    out.problems.push({
      file,
      line: h.line,
      column: null,
      value: null,
      reason: { key: "import.header.noPeriod" },
    });
  if (h.roles.unit === undefined && d.unit === undefined)
    out.problems.push({
      file,
      line: h.line,
      column: null,
      value: null,
      reason: { key: "import.header.noUnit" },
    });
  return out.problems.length > before;
}
