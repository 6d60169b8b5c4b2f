/**
 * Unit targets (目标分解): `targets import` reads a targets file (README "Unit targets") through the
 * intake's record stage and its header, measure and number rules, and stores it all or nothing as
 * one batch that `imports undo` reverts; `targets` lists them; the report, `rank` and
 * `completeness` read them.
 */
import type { Indicator, Plan, ReportingUnit } from "../domain/plan.js";
import { exactSum } from "../domain/progress.js";
import { type TargetSplit, targetSplits } from "../domain/targets.js";
import type { Reason } from "../i18n/index.js";
import type { RawCell } from "../intake/cells.js";
import type { Encoding } from "../intake/decode.js";
import { FileError, type Problem, problemLocation } from "../intake/errors.js";
import type { SourceInfo } from "../intake/records.js";
import type { TitleBlock } from "../intake/table.js";
import { measureText } from "../render/format.js";
import type { Db } from "../storage/database.js";
import {
  readUnitTargets,
  type TargetKey,
  type TargetRecord,
  type TargetStateRecord,
  TargetWriter,
  targetStatesReplacedBy,
  targetStatesWrittenBy,
  targetWritersAfter,
} from "../storage/targets.js";
import { emptyOutcome, importAsBatch, importFiles } from "./batch-file.js";
import { Catalog } from "./catalog.js";

/** The layout recorded with a targets batch: what tells it from a value import (migration 0008). */
export const TARGETS_LAYOUT = "targets";

export interface TargetImportOptions {
  dryRun?: boolean;
  allOrNothing?: boolean;
  encoding?: Encoding | undefined;
  /** a workbook's sheets to read (--sheet: names or 1-based numbers); empty: every sheet holding a targets table */
  sheets?: readonly string[];
  now: Date;
}

export interface TargetChange {
  /** the line, or a workbook's row (then `sheet` names its sheet) */
  line: number;
  sheet?: string;
  /** a workbook change's 0-based column, for its A1 address */
  columnIndex?: number;
  unit: string;
  indicator: string;
  old: TargetRecord | null;
  new: TargetRecord;
  kind: "insert" | "update" | "unchanged";
}

export interface TargetFileOutcome {
  file: string;
  status: "imported" | "rejected" | "duplicate" | "dry-run" | "rolled-back";
  batchId: number | null;
  hash: string | null;
  source: SourceInfo | null;
  headerLine: number | null;
  layout: "long" | "wide" | null;
  counts: {
    rowsRead: number;
    skipped: number;
    inserted: number;
    updated: number;
    unchanged: number;
    blank: number;
    rejected: number;
  };
  changes: TargetChange[];
  problems: Problem[];
  /** 分解不足 (short) and 全市 rows that disagree with the plan */
  warnings: Problem[];
  /** after the import: how the units' targets add up against the city's (short and over) */
  splits: TargetSplit[];
  duplicateOf: { id: number; importedAt: string } | null;
}

/** Header names of a targets file's own columns (compared after normalizeKey). */
const TARGET_NAMES = [
  "target",
  "目标",
  "目标值",
  "目标数",
  "目标任务",
  "年度目标",
  "年度目标值",
  "年度任务",
  "任务数",
  "分解目标",
  "分解任务",
  "目标任务数",
];
const WEIGHT_NAMES = ["weight", "权重", "考核权重", "权重分", "分值"];

/** The header of a targets file: long (单位 | 指标 | 目标 [| 计量单位] [| 考核权重]) or wide (单位 | one column per indicator). */
interface TargetHeader {
  line: number;
  layout: "long" | "wide";
  unit: number;
  headers: string[];
  indicator?: number;
  target?: number;
  /** the unit of measure in the target column's header bracket: 目标（万元） */
  targetUnit: string | null;
  weight?: number;
  measure?: number;
  /** wide: each indicator column */
  columns: { index: number; header: string; indicator: Indicator; unit: string | null }[];
  /** columns that are neither (序号, 备注) */
  ignored: number[];
}

/**
 * `targets import`: reads each file and stores its unit targets, each file all or nothing (every
 * file with allOrNothing), every problem collected before a file is refused; a dry run rolls back.
 * The intake modules are loaded here, not at the top: the report reads targets and must not pay
 * for the CSV reader.
 */
export async function importTargets(
  db: Db,
  plan: Plan,
  files: readonly string[],
  options: TargetImportOptions,
): Promise<TargetFileOutcome[]> {
  const [records, text, table, headers, cells, number, workbook, { hashFile }] = await Promise.all([
    import("../intake/records.js"),
    import("../intake/text.js"),
    import("../intake/table.js"),
    import("../intake/headers.js"),
    import("../intake/cells.js"),
    import("../intake/number.js"),
    import("../intake/workbook-reader.js"),
    import("./import-progress.js"),
  ]);
  const intake = { records, text, table, headers, cells, number, workbook };
  const outcomes = await importFiles(db, files, options, async (file) => {
    const out: TargetFileOutcome = { ...emptyOutcome(file), layout: null, splits: [] };
    await importAsBatch(db, out, {
      kind: "import",
      // the same bytes read again only report unchanged targets: never skipped as a duplicate of a
      // value import, whose duplicate check knows nothing of targets
      force: true,
      dryRun: options.dryRun,
      now: options.now,
      hashFile,
      read: (batchId) => readTargetFile(db, plan, file, options, batchId, out, intake),
      layout: () => TARGETS_LAYOUT,
      details: () => JSON.stringify({ targets: plan.plan.year, layout: out.layout }),
    });
    return out;
  });
  return outcomes;
}

interface Intake {
  records: typeof import("../intake/records.js");
  text: typeof import("../intake/text.js");
  table: typeof import("../intake/table.js");
  headers: typeof import("../intake/headers.js");
  cells: typeof import("../intake/cells.js");
  number: typeof import("../intake/number.js");
  workbook: typeof import("../intake/workbook-reader.js");
}

async function readTargetFile(
  db: Db,
  plan: Plan,
  file: string,
  options: TargetImportOptions,
  batchId: number,
  out: TargetFileOutcome,
  intake: Intake,
): Promise<void> {
  const { records, text, table, headers, cells, number, workbook } = intake;
  const year = plan.plan.year;
  const catalog = new Catalog([plan]);
  const key = (s: string) => text.normalizeKey(s).replace(/^\*+|[*:：]+$/g, "");
  const targetNames = new Set(TARGET_NAMES.map(key));
  const weightNames = new Set(WEIGHT_NAMES.map(key));
  /** the header row's cells once known: a workbook problem's column letter comes from them */
  let headerCells: readonly string[] = [];
  let sheetNames: readonly string[] | null = null;
  /** A problem's location: the line of a text file, a workbook's sheet, row and cell (as import's). */
  const locate = (
    line: number | null,
    column: string | null,
    value: string | null,
    reason: Reason,
    index?: number,
  ) => {
    if (sheetNames === null || line === null) return { file, line, column, value, reason };
    const at = workbook.lineToRow(line);
    const i = index ?? (column === null ? -1 : headerCells.indexOf(column));
    const other = reason.params?.line;
    const col = reason.params?.col;
    const atKey = AT_KEYS[reason.key as keyof typeof AT_KEYS];
    // another cell named by the message: by sheet and cell (技术合同!C2), the sheets being tables of their own
    const r =
      typeof other === "number" && other > 0
        ? atKey
          ? {
              key: atKey,
              params: {
                ...reason.params,
                at: problemLocation({
                  line: workbook.lineToRow(other).row,
                  sheet: sheetNames[workbook.lineToRow(other).sheet] ?? null,
                  columnIndex: typeof col === "number" && col >= 0 ? col : null,
                }),
              },
            }
          : { ...reason, params: { ...reason.params, line: workbook.lineToRow(other).row } }
        : reason;
    return {
      file,
      line: at.row,
      column,
      value,
      reason: r,
      sheet: sheetNames[at.sheet] ?? null,
      columnIndex: i >= 0 ? i : null,
    };
  };
  const problem = (
    line: number | null,
    column: string | null,
    value: string | null,
    reason: Reason,
    index?: number,
  ) => out.problems.push(locate(line, column, value, reason, index));
  const warn = (line: number | null, column: string | null, value: string | null, reason: Reason) =>
    out.warnings.push(locate(line, column, value, reason));
  /** A change's location: its line, or a workbook's sheet and row. */
  const at = (line: number, i = -1): { line: number; sheet?: string; columnIndex?: number } => {
    if (sheetNames === null) return { line };
    const r = workbook.lineToRow(line);
    const sheet = sheetNames[r.sheet];
    if (sheet === undefined) return { line: r.row };
    return i >= 0 ? { line: r.row, sheet, columnIndex: i } : { line: r.row, sheet };
  };
  /** years the title block states (2020年达州市…分解表): checked against the plan year */
  const titleYears: { year: number; line: number; text: string }[] = [];
  let title: TitleBlock = table.emptyTitle();

  const recognize = (line: number, row: readonly string[]): TargetHeader | null => {
    const hs = row.map((c) => c.trim());
    const h: TargetHeader = {
      line,
      layout: "long",
      unit: -1,
      headers: hs,
      targetUnit: null,
      columns: [],
      ignored: [],
    };
    const unknown: number[] = [];
    hs.forEach((cell, i) => {
      if (!cell) return;
      const { name, unit } = headers.splitHeaderUnit(cell);
      if (targetNames.has(key(cell)) || (unit !== null && targetNames.has(key(name)))) {
        h.target ??= i;
        if (h.target === i) h.targetUnit = unit;
        return;
      }
      if (weightNames.has(key(cell))) {
        h.weight ??= i;
        return;
      }
      const role = headers.matchColumn(cell);
      if (role === "unit" && h.unit < 0) h.unit = i;
      else if (role === "indicator" && h.indicator === undefined) h.indicator = i;
      else if (role === "measure" || (role === "unit" && h.measure === undefined)) h.measure = i;
      // 序号, 备注, and a second indicator column (指标代码 beside 指标名称: the first is read)
      else if (role === "task" || role === "note" || role === "indicator") h.ignored.push(i);
      else {
        const ind = catalog.indicator(year, name);
        if (ind) h.columns.push({ index: i, header: cell, indicator: ind, unit });
        else unknown.push(i);
      }
    });
    if (h.unit < 0) return null;
    if (h.indicator !== undefined && h.target !== undefined) h.layout = "long";
    else if (h.indicator === undefined && h.columns.length > 0) h.layout = "wide";
    else return null;
    for (const i of unknown) {
      const hint = catalog.suggestIndicator(year, headers.splitHeaderUnit(hs[i]!).name);
      problem(
        line,
        hs[i]!,
        hs[i]!,
        {
          key: hint.length ? "targets.import.unknownColumnHint" : "targets.import.unknownColumn",
          params: { value: hs[i]!, hint: hint.join("、") },
        },
        i,
      );
    }
    return h;
  };

  const writer = new TargetWriter(db);
  /** the first target of each indicator and unit: its line and the target cell's column */
  const seen = new Map<string, { line: number; col: number }>();
  const weights = new Map<string, { weight: number; line: number }>();
  const weightCols = new Map<string, number>();
  let head: TargetHeader | null = null;
  /** wide layout: a 考核权重 row gives each indicator column's weight */
  let wideWeights = new Map<number, number>();
  /** a weight found in a 考核权重 cell: a unit's row, or a 全市/合计 row (the indicator's weight) */
  interface WeightCell {
    line: number;
    ind: Indicator;
    weight: number;
    column: string;
    col: number;
  }
  const weightCells: WeightCell[] = [];
  /** the 合计 rows of the current table (sheet): each checked against its unit rows' sum */
  let sumRows: { line: number; column: string; raw: string; ind: Indicator; value: number }[] = [];
  const pending: {
    line: number;
    unit: ReportingUnit;
    ind: Indicator;
    target: number;
    column: string;
    col: number;
    weight: number | null;
  }[] = [];

  const readNumber = (
    raw: string,
    ind: Indicator,
    line: number,
    column: string,
    valueIndex: number,
    headerUnit: string | null,
    rowMeasure: string | null,
  ): number | null => {
    const c: RawCell = {
      line,
      valueIndex,
      period: "",
      periodColumn: "",
      unit: "",
      unitColumn: "",
      indicator: ind.name,
      indicatorColumn: column,
      headerUnit,
      rowMeasure,
      ownMeasure: null,
      value: raw,
      valueColumn: column,
      basis: "",
      basisColumn: "",
      columnBasis: null,
      increment: false,
      qualifier: null,
      flowValue: null,
      flowValueColumn: "",
      note: "",
      noteColumn: false,
    };
    const v = cells.readValue(c, ind, title);
    const bad = typeof v === "number" ? number.checkTarget(v, ind) : v;
    if (bad === null) return v as number;
    problem(line, column, raw, bad);
    return null;
  };

  const readWeight = (raw: string, line: number, column: string): number | null | undefined => {
    if (raw === "") return null;
    // 20% is a weight of 20: weights are relative (only their ratios count), so 20% and 20 rank alike
    const n = Number(text.toHalfWidth(raw).trim().replace(/\s*%$/, ""));
    if (!Number.isFinite(n) || n <= 0) {
      problem(line, column, raw, { key: "targets.import.weight", params: { value: raw } });
      return undefined;
    }
    return n;
  };

  const src = await records.openRecords(file, { encoding: options.encoding, sheets: options.sheets });
  out.source = src.info;
  const wb = records.isWorkbook(src.info) ? src.info : null;
  if (wb) sheetNames = wb.sheetNames;
  /** the current sheet of a workbook (-1 before the first), its title rows and where its targets begin */
  let sheet = -1;
  let sheetTitleRows = 0;
  /** a footer has begun on this sheet: the numbered notes that follow it are footer too */
  let inFooter = false;
  let pendingBefore = 0;
  let tables = 0;
  /**
   * Ends the current table (a workbook's sheet, or the text file): a sheet without a targets
   * header (notes, 说明) is skipped and listed unless chosen with --sheet; a wide table's 考核权重
   * row gives its columns' weights.
   */
  const finishTable = (): void => {
    const name = wb && sheet >= 0 ? wb.sheetNames[sheet]! : null;
    if (!head) {
      if (wb && name !== null && !options.sheets?.length) {
        out.counts.skipped -= sheetTitleRows;
        workbook.skipReadSheet(wb, name, "noHeader");
        return;
      }
      const notFound: Problem = {
        file,
        line: null,
        column: null,
        value: null,
        reason: { key: "targets.import.noHeader" },
      };
      throw new FileError(name === null ? notFound : { ...notFound, sheet: name });
    }
    tables++;
    // a 合计 row against the sum of this table's unit rows of its indicator (not the plan's city
    // target, which the units' targets need not reach: 分解不足 says so after the import)
    for (const r of sumRows) {
      const rows = pending.slice(pendingBefore).filter((p) => p.ind.code === r.ind.code);
      const sum = exactSum(rows.map((p) => p.target));
      if (rows.length > 0 && sum !== r.value)
        warn(r.line, r.column, r.raw, {
          key: "targets.import.sumDiffers",
          params: {
            indicator: r.ind.name,
            indicatorEn: r.ind.nameEn,
            value: r.value,
            sum,
            n: rows.length,
            unit: r.ind.unit,
            unitEn: measureText("en", r.ind.unit, r.ind.nameEn),
          },
        });
    }
    sumRows = [];
    const h = head;
    // wide layout: the 考核权重 row applies to every unit of its column
    if (h.layout === "wide")
      for (const p of pending.slice(pendingBefore)) {
        const c = h.columns.find((x) => x.indicator.code === p.ind.code && x.index === p.col);
        p.weight = c ? (wideWeights.get(c.index) ?? null) : null;
      }
  };
  /** A new table for the next sheet of a workbook: its own title block and header. */
  const startSheet = (next: number): void => {
    sheet = next;
    sheetTitleRows = 0;
    inFooter = false;
    head = null;
    headerCells = [];
    title = table.emptyTitle();
    wideWeights = new Map();
    pendingBefore = pending.length;
  };
  for await (const batch of src.batches)
    for (const rec of batch) {
      if (wb) {
        const at = workbook.lineToRow(rec.line).sheet;
        if (at !== sheet) {
          if (sheet >= 0) finishTable();
          startSheet(at);
        }
      }
      const row = rec.cells.map((c) => text.cleanCell(c, src.info.invisible));
      if (table.isEmptyRow(row)) continue;
      if (!head) {
        head = recognize(rec.line, row);
        if (head) {
          out.headerLine ??= head.line;
          out.layout ??= head.layout;
          headerCells = head.headers;
        } else {
          table.readTitleRow(rec.line, row, title);
          // a date of filling in (制表日期：2020年12月20日) is not the year the targets are for
          for (const cell of row)
            if (
              !/日期|时间/.test(cell) &&
              !/\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(text.toHalfWidth(cell))
            )
              for (const m of text.toHalfWidth(cell).matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g))
                titleYears.push({ year: Number(m[1]), line: rec.line, text: cell.trim() });
          out.counts.skipped++;
          sheetTitleRows++;
        }
        continue;
      }
      // a footer (注：…, 填表人：…) and its numbered notes, as in a progress file: not read
      if (table.isFooterRow(row) || (inFooter && table.isNoteRow(row))) {
        inFooter = true;
        continue;
      }
      inFooter = false;
      out.counts.rowsRead++;
      const h: TargetHeader = head;
      const unitText = (row[h.unit] ?? "").trim();
      const unitColumn = h.headers[h.unit]!;
      if (unitText === "" && row.every((c, i) => i === h.unit || h.ignored.includes(i) || c.trim() === "")) {
        out.counts.blank++;
        continue;
      }
      if (h.layout === "wide" && weightNames.has(key(unitText))) {
        for (const c of h.columns) {
          const w = readWeight((row[c.index] ?? "").trim(), rec.line, c.header);
          if (typeof w !== "number") continue;
          wideWeights.set(c.index, w);
          weightCells.push({ line: rec.line, ind: c.indicator, weight: w, column: c.header, col: c.index });
        }
        continue;
      }
      // 合计 / 全市 rows: the city's target is the plan's, never the file's; a differing one is noted
      const unit = unitText === "" ? undefined : catalog.unit(year, unitText);
      const isTotal = unit?.isTotal === true || /^(?:全市)?(?:合计|总计|小计|汇总)$|^total$/i.test(unitText);
      if (!unit && !isTotal) {
        const hint = catalog.suggestUnit(year, unitText);
        problem(rec.line, unitColumn, unitText, {
          key:
            unitText === ""
              ? "targets.import.noUnit"
              : hint.length
                ? "import.unit.unknownHint"
                : "import.unit.unknown",
          params: { value: unitText, hint: hint.join("、") },
        });
        continue;
      }
      const rowMeasure = h.measure === undefined ? null : (row[h.measure] ?? "").trim() || null;
      const items: {
        ind: Indicator;
        raw: string;
        column: string;
        index: number;
        headerUnit: string | null;
        weight: string;
      }[] = [];
      if (h.layout === "long") {
        const indText = (row[h.indicator!] ?? "").trim();
        const ind =
          catalog.indicator(year, headers.splitHeaderUnit(indText).name) ?? catalog.indicator(year, indText);
        if (!ind) {
          const hint = catalog.suggestIndicator(year, indText);
          problem(rec.line, h.headers[h.indicator!]!, indText, {
            key: hint.length ? "import.indicator.unknownHint" : "import.indicator.unknown",
            params: { value: indText, hint: hint.join("、") },
          });
          continue;
        }
        const own = headers.splitHeaderUnit(indText).unit;
        items.push({
          ind,
          raw: (row[h.target!] ?? "").trim(),
          column: h.headers[h.target!]!,
          index: h.target!,
          headerUnit: own ?? h.targetUnit,
          weight: h.weight === undefined ? "" : (row[h.weight] ?? "").trim(),
        });
      } else
        for (const c of h.columns)
          items.push({
            ind: c.indicator,
            raw: (row[c.index] ?? "").trim(),
            column: c.header,
            index: c.index,
            headerUnit: c.unit,
            weight: "",
          });
      // a row that assigns nothing (the sheet lists every indicator, a unit has targets for a few)
      if (items.every((it) => isBlankCell(it.raw) && it.weight === "")) out.counts.blank++;
      const weightColumn = h.headers[h.weight ?? -1] ?? "考核权重";
      for (const it of items) {
        // the 考核权重 of a 全市/合计 row is the indicator's weight, as on a unit's row (README "Unit targets")
        const w = h.layout === "long" ? readWeight(it.weight, rec.line, weightColumn) : null;
        if (w === undefined) continue;
        if (w !== null)
          weightCells.push({ line: rec.line, ind: it.ind, weight: w, column: weightColumn, col: h.weight! });
        if (isBlankCell(it.raw)) continue;
        const value = readNumber(it.raw, it.ind, rec.line, it.column, it.index, it.headerUnit, rowMeasure);
        if (value === null) continue;
        if (isTotal && unit?.isTotal !== true) {
          // a 合计 row sums the units' rows of its table: checked against them when the table ends
          sumRows.push({ line: rec.line, column: it.column, raw: it.raw, ind: it.ind, value });
          continue;
        }
        if (isTotal) {
          if (value !== it.ind.target)
            warn(rec.line, it.column, it.raw, {
              key: "targets.import.totalDiffers",
              params: {
                indicator: it.ind.name,
                indicatorEn: it.ind.nameEn,
                value,
                target: it.ind.target,
                unit: it.ind.unit,
                unitEn: measureText("en", it.ind.unit, it.ind.nameEn),
              },
            });
          continue;
        }
        const k = `${it.ind.code}\u0000${unit!.code}`;
        const first = seen.get(k);
        if (first !== undefined) {
          problem(rec.line, it.column, it.raw, {
            key: "targets.import.duplicate",
            params: {
              unit: unit!.name,
              unitEn: unit!.nameEn,
              indicator: it.ind.name,
              indicatorEn: it.ind.nameEn,
              line: first.line,
              col: first.col,
            },
          });
          continue;
        }
        seen.set(k, { line: rec.line, col: it.index });
        pending.push({
          line: rec.line,
          unit: unit!,
          ind: it.ind,
          target: value,
          column: it.column,
          col: it.index,
          weight: w,
        });
      }
    }
  if (!wb || sheet >= 0) finishTable();
  if (tables === 0)
    throw new FileError({
      file,
      line: null,
      column: null,
      value: null,
      reason: { key: "targets.import.noHeader" },
    });
  // a title stating another year than the plan's: the file is meant for another plan (as import)
  const stated = titleYears.filter((y) => y.year !== year);
  if (stated.length > 0 && !titleYears.some((y) => y.year === year))
    problem(stated[0]!.line, null, stated[0]!.text, {
      key: "targets.import.otherYear",
      params: { stated: stated[0]!.year, year },
    });
  // one 考核权重 per indicator: the composite weighs an indicator the same for every unit, whether the
  // weight is written on a unit's row or on the 全市/合计 row; a conflict names both cells
  for (const c of [...weightCells].sort((a, b) => a.line - b.line)) {
    const w = weights.get(c.ind.code);
    if (w && w.weight !== c.weight)
      problem(
        c.line,
        c.column,
        String(c.weight),
        {
          key: "targets.import.weightConflict",
          params: {
            indicator: c.ind.name,
            indicatorEn: c.ind.nameEn,
            first: w.weight,
            line: w.line,
            col: weightCols.get(c.ind.code) ?? -1,
            value: c.weight,
          },
        },
        c.col,
      );
    else if (!w) {
      weights.set(c.ind.code, { weight: c.weight, line: c.line });
      weightCols.set(c.ind.code, c.col);
    }
  }
  if (out.problems.length > 0) return;
  for (const p of pending) {
    const k: TargetKey = { year, indicator: p.ind.code, unit: p.unit.code };
    // a row without a weight keeps the weight its indicator already has
    const current = writer.current(k);
    const weight = p.weight ?? weights.get(p.ind.code)?.weight ?? current?.weight ?? null;
    const record: TargetRecord = { target: p.target, weight };
    const old = current ? { target: current.target, weight: current.weight } : null;
    let kind: TargetChange["kind"];
    if (!old) {
      writer.add(k, record, batchId);
      out.counts.inserted++;
      kind = "insert";
    } else if (old.target === record.target && old.weight === record.weight) {
      out.counts.unchanged++;
      kind = "unchanged";
    } else {
      writer.replace(k, record, batchId);
      out.counts.updated++;
      kind = "update";
    }
    out.changes.push({
      ...at(p.line, p.col),
      unit: p.unit.code,
      indicator: p.ind.code,
      old,
      new: record,
      kind,
    });
  }
  // a weight given now for an indicator applies to every unit's target of it
  const all = readUnitTargets(db, year);
  for (const [code, w] of weights)
    for (const t of all)
      if (t.indicator === code && t.weight !== w.weight) {
        const k: TargetKey = { year, indicator: code, unit: t.unit };
        const record = { target: t.target, weight: w.weight };
        writer.replace(k, record, batchId);
        out.counts.updated++;
        out.changes.push({
          ...at(w.line),
          unit: t.unit,
          indicator: code,
          old: { target: t.target, weight: t.weight },
          new: record,
          kind: "update",
        });
      }
  out.splits = targetSplits(plan, readUnitTargets(db, year));
  for (const s of out.splits) {
    if (s.kind !== "short") continue;
    const ind = plan.indicators.find((d) => d.code === s.indicator)!;
    // about the stored targets after the import, not a cell of the file: located at the file only
    warn(null, null, null, {
      key: "targets.split.short",
      params: {
        indicator: ind.name,
        indicatorEn: ind.nameEn,
        sum: s.sum,
        target: s.cityTarget,
        gap: s.difference,
        unit: ind.unit,
        unitEn: measureText("en", ind.unit, ind.nameEn),
      },
    });
  }
}

/** Messages naming another cell: in a workbook worded with its sheet and cell (技术合同!C2). */
const AT_KEYS = {
  "targets.import.duplicate": "targets.import.duplicate.at",
  "targets.import.weightConflict": "targets.import.weightConflict.at",
} as const;

/** A blank target cell: nothing assigned (empty, a dash, /, 无). */
function isBlankCell(text: string): boolean {
  const s = text.trim();
  return s === "" || /^[-\u2010-\u2015\u2212/]+$/.test(s) || s === "无";
}

export interface TargetBatchChange {
  key: TargetKey;
  old: TargetStateRecord | null;
  new: TargetStateRecord | null;
  laterBatch: number | null;
}

/** Every unit target a batch changed, old → new. */
export function targetBatchChanges(db: Db, batchId: number): TargetBatchChange[] {
  const changes = new Map<string, TargetBatchChange>();
  const k = (s: TargetKey) => `${s.year}\u0000${s.indicator}\u0000${s.unit}`;
  const keyOf = (s: TargetStateRecord): TargetKey => ({ year: s.year, indicator: s.indicator, unit: s.unit });
  for (const s of targetStatesReplacedBy(db, batchId))
    changes.set(k(s), { key: keyOf(s), old: s, new: null, laterBatch: null });
  for (const s of targetStatesWrittenBy(db, batchId)) {
    const c = changes.get(k(s)) ?? { key: keyOf(s), old: null, new: null, laterBatch: null };
    c.new = s;
    c.laterBatch = s.supersededBy;
    changes.set(k(s), c);
  }
  return [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
}

export { targetWritersAfter };
