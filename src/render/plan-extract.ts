/**
 * `dzkj plan extract`'s review document: the candidate targets with their proposals and the
 * reasons for each, the numbers excluded and why, and the sections and tasks found. JSON is the
 * extraction itself (README「plan extract」): `{file, encoding, title, sections, tasks, candidates,
 * excluded}` with reasons as rule codes and matched words, not translated text.
 */
import type { Candidate, Excluded, PlanText, Source, Why } from "../domain/plan-text.js";
import type { Lang, MessageKey } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import { type Doc, type DocRow, type Line, text } from "./doc.js";
import { formatNumber } from "./format.js";

/** What the command read and what it found, plus the draft plan's file and notes when one was written. */
export interface ExtractView {
  file: string;
  /** utf8, gb18030, utf16le, utf16be or docx */
  encoding: string;
  lines: number;
  result: PlanText;
  draft: { file: string; notes: string[] } | null;
}

/** The JSON contract: the extraction as data, and where the draft went with its notes. */
export function extractJson(v: ExtractView): object {
  return { file: v.file, encoding: v.encoding, ...v.result, draft: v.draft };
}

/** A reason in the UI language: `extract.why.RULE` with the matched word. */
export function whyText(lang: Lang, why: Why): string {
  return t(lang, `extract.why.${why.rule}` as MessageKey, { word: why.word ?? "" });
}

function whereText(lang: Lang, s: Source): string {
  if (s.task !== null) return t(lang, "extract.where.task", { task: s.task, line: s.line });
  if (s.section !== null) return t(lang, "extract.where.section", { section: s.section, line: s.line });
  return t(lang, "extract.where.summary", { line: s.line });
}

/** `≥ 5 家`, `400 亿元`, and for a 确保…争取 pair `30 家；争取 40 家`. */
export function targetText(lang: Lang, c: Candidate): string {
  const one = (number: number, comparison: Candidate["comparison"]) =>
    t(lang, `extract.target.${comparison}`, { number: formatNumber(lang, number, 4), unit: c.unit });
  const floor = one(c.number, c.comparison);
  if (!c.stretch) return floor;
  return t(lang, "extract.target.stretch", {
    floor,
    word: c.stretch.word,
    stretch: one(c.stretch.number, c.stretch.comparison),
  });
}

function candidateRow(lang: Lang, c: Candidate): DocRow {
  const where =
    whereText(lang, c.source) +
    c.restated.map((r) => t(lang, "extract.where.restated", { where: whereText(lang, r) })).join("");
  const reasons = [...c.why, ...c.doubts].map((w) => whyText(lang, w)).join(lang === "en" ? "; " : "；");
  const tone = c.confidence === "high" ? undefined : c.confidence === "low" ? "bad" : "warn";
  return [
    { text: String(c.id), value: c.id },
    text(c.name),
    { text: targetText(lang, c), value: c.number },
    text(t(lang, `extract.commitment.${c.commitment}`)),
    text(t(lang, `extract.kind.${c.kind}`)),
    text(t(lang, `extract.confidence.${c.confidence}`), tone),
    text(where),
    text(reasons),
    text(c.source.sentence),
  ];
}

function excludedRow(lang: Lang, e: Excluded): DocRow {
  return [text(e.text), text(whyText(lang, e.why)), text(whereText(lang, e.source)), text(e.source.sentence)];
}

/** The review document, in the UI language. */
export function extractDoc(v: ExtractView, lang: Lang): Doc {
  const l = (k: MessageKey) => t(lang, k);
  const r = v.result;
  const taskRows: DocRow[] = [];
  for (const s of [{ number: null as number | null, code: "", title: "" }, ...r.sections]) {
    const tasks = r.tasks.filter((x) => x.section === s.number);
    if (s.number !== null) taskRows.push({ section: `${s.code}、${s.title}` });
    for (const task of tasks)
      taskRows.push([
        { text: String(task.number), value: task.number },
        text(task.label),
        text(task.title ?? `${firstWords(task.text)} ${l("extract.title.unsplit")}`),
      ]);
  }
  return {
    lang,
    title: t(lang, "extract.title", { file: v.file }),
    meta: [
      t(lang, "extract.meta.read", { encoding: v.encoding, lines: v.lines }),
      t(lang, "extract.meta.counts", {
        sections: r.sections.length,
        tasks: r.tasks.length,
        candidates: r.candidates.length,
        excluded: r.excluded.length,
      }),
      l("extract.meta.review"),
    ],
    // a file that yields nothing is more likely the wrong file (or a wrong encoding) than an empty plan
    ...(r.sections.length === 0 || r.candidates.length === 0
      ? { verdict: { text: l("extract.verdict.nothing"), tone: "bad" as const } }
      : {}),
    blocks: [
      {
        title: l("extract.block.candidates"),
        columns: [
          { label: l("extract.col.id"), right: true },
          { label: l("extract.col.name"), wrap: true },
          { label: l("extract.col.target") },
          { label: l("extract.col.commitment") },
          { label: l("extract.col.kind"), drop: 3 },
          { label: l("extract.col.confidence") },
          { label: l("extract.col.where"), wrap: true, drop: 2 },
          { label: l("extract.col.why"), wrap: true, drop: 4 },
          { label: l("extract.col.sentence"), wrap: true, drop: 5 },
        ],
        rows: r.candidates.map((c) => candidateRow(lang, c)),
        notes: (v.draft?.notes ?? []).map((n): Line => ({ text: n, tone: "warn" })),
      },
      {
        title: l("extract.block.excluded"),
        columns: [
          { label: l("extract.col.number") },
          { label: l("extract.col.rule"), wrap: true },
          { label: l("extract.col.where"), wrap: true, drop: 1 },
          { label: l("extract.col.sentence"), wrap: true, drop: 2 },
        ],
        rows: r.excluded.map((e) => excludedRow(lang, e)),
      },
      {
        title: l("extract.block.tasks"),
        columns: [
          { label: l("extract.col.task"), right: true },
          { label: l("extract.col.number") },
          { label: l("extract.col.title"), wrap: true },
        ],
        rows: taskRows,
      },
    ],
    sectionLabel: l("extract.col.section"),
  };
}

/** The first 30 characters of a task's text, where its title should be. */
function firstWords(s: string): string {
  const chars = [...s];
  return chars.length <= 30 ? s : `${chars.slice(0, 30).join("")}…`;
}
