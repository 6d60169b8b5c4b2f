/**
 * `dzkj history`: every value ever stored for an indicator (历次数值), as a document: period, unit,
 * value, basis (口径), note, the batch that wrote it and when, its file, and whether it is current.
 * JSON is the list of states as stored (README "dzkj history").
 */
import type { Lang, MessageKey } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { type Doc, text } from "./doc.js";
import { formatExact } from "./format.js";
import { localTime } from "./time.js";

/** One state a value had or has (storage's ValueState, as far as the view reads it). */
export interface HistoryState {
  period: string;
  unit: string;
  value: number;
  basis: string;
  note: string | null;
  batchId: number;
  /** ISO 8601 instant */
  importedAt: string;
  file: string | null;
  /** the batch that replaced or removed this state; null while it is the current value */
  supersededBy: number | null;
}

export interface HistoryView {
  /** the indicator's name in the UI language and its unit of measure as shown */
  indicator: string;
  measure: string;
  states: readonly HistoryState[];
  /** unit code → name in the UI language */
  unitName: ReadonlyMap<string, string>;
}

/** The JSON contract: the states, oldest first, exactly as stored. */
export function historyJson(v: HistoryView): object {
  return v.states;
}

/** The history as a Doc; with no value stored, the title says so and there is no table. */
export function historyDoc(v: HistoryView, lang: Lang): Doc {
  const l = (k: string, p?: Record<string, string | number>) => t(lang, k as MessageKey, p);
  const doc: Doc = {
    lang,
    title: v.states.length
      ? l("history.header", { indicator: v.indicator, unit: v.measure })
      : l("history.empty", { indicator: v.indicator }),
    meta: [],
    blocks: [],
    sectionLabel: l("label.section"),
  };
  if (!v.states.length) return doc;
  doc.blocks.push({
    // at 80 columns: period, unit, value, batch and state; the note and file wrap
    columns: [
      { label: l("label.period") },
      { label: l("label.unit"), wrap: true },
      { label: l("label.value"), right: true },
      { label: l("label.basis"), drop: 2 },
      { label: l("label.note"), drop: 4, wrap: true },
      { label: l("label.batch") },
      { label: l("label.time"), drop: 1 },
      { label: l("label.file"), drop: 3, wrap: true },
      { label: l("label.state") },
    ],
    rows: v.states.map((s) => [
      text(s.period),
      text(v.unitName.get(s.unit) ?? s.unit),
      { text: formatExact(lang, s.value), value: s.value },
      text(l(`basis.${s.basis}`)),
      text(s.note ?? ""),
      { text: `#${s.batchId}`, value: s.batchId },
      text(localTime(s.importedAt)),
      text(s.file ?? ""),
      text(s.supersededBy === null ? l("history.current") : l("history.superseded", { by: s.supersededBy })),
    ]),
  });
  return doc;
}
