/**
 * `dzkj plan extract`: reads a plan document (plain text in UTF-8/GB18030/UTF-16, or .docx),
 * extracts its sections, tasks and candidate targets (intake/plan-text.ts), and builds a draft plan
 * in the plan file format (seeds/plan-2020.json's) for the analyst to review and load with
 * `init --plan`. Nothing here writes to the database. README「plan extract」.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname } from "node:path";
import type { Indicator, Plan, ReportingUnit, Section, Task } from "../domain/plan.js";
import type { Candidate, PlanText } from "../domain/plan-text.js";
import type { Reason } from "../i18n/index.js";
import { createDecoder, DecodeError, detectEncoding } from "../intake/decode.js";
import { extractPlanText, nameOverlap } from "../intake/plan-text.js";
import { UserError } from "./errors.js";

/** The text of a plan document and how it was read. */
export interface PlanDocument {
  text: string;
  /** utf8, gb18030, utf16le, utf16be, or docx */
  encoding: string;
  lines: number;
}

const TEXT_EXTENSIONS = new Set(["", ".txt", ".text", ".md"]);

/**
 * Reads a plan document: plain text (encoding detected as for imports: BOM, else strict UTF-8,
 * else GB18030) or .docx (its paragraphs' text, through mammoth, loaded only here). Other formats
 * (.doc, .wps, .pdf …) are refused with the way out: save as .txt or .docx. Errors: UserError
 * naming the file.
 */
export async function readPlanDocument(file: string): Promise<PlanDocument> {
  const ext = extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new UserError({ key: "planBook.fileNotFound", params: { file } });
    const error = code ?? (e as Error).message;
    throw new UserError({ key: "extract.error.read", params: { file, error } });
  }
  let text: string;
  let encoding: string;
  if (ext === ".docx") {
    text = await docxText(file, bytes);
    encoding = "docx";
  } else if (TEXT_EXTENSIONS.has(ext)) {
    const detected = detectEncoding(bytes);
    encoding = detected.encoding;
    try {
      const decoder = createDecoder(detected.encoding);
      text = decoder.write(bytes) + decoder.end();
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      throw new UserError({ key: "extract.error.read", params: { file, error: e.message } });
    }
  } else {
    throw new UserError({ key: "extract.error.format", params: { file, ext: ext.slice(1) } });
  }
  if (text.trim() === "") throw new UserError({ key: "extract.error.empty", params: { file } });
  return { text, encoding, lines: text.split(/\r\n|\r|\n/).length };
}

/**
 * The raw text of a .docx, one paragraph a line (mammoth's extractRawText: the runs of a paragraph
 * joined, whatever their formatting). mammoth is loaded
 * only here (scripts/build.mjs keeps it out of the bundle): no other command pays for it.
 */
async function docxText(file: string, bytes: Buffer): Promise<string> {
  // required, not import()ed: the bundle runs from a V8 code cache, where import() is not available
  const mammoth = createRequire(import.meta.url)("mammoth") as typeof import("mammoth");
  try {
    // mammoth ends each paragraph with a blank line: one line a paragraph, as in the .txt form,
    // so that a line number in the review is the paragraph's number in the document
    return (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\n\n/g, "\n");
  } catch (e) {
    throw new UserError({ key: "extract.error.docx", params: { file, error: (e as Error).message } });
  }
}

/** Reads and extracts a plan document. */
export async function extractPlanDocument(file: string): Promise<{ doc: PlanDocument; result: PlanText }> {
  const doc = await readPlanDocument(file);
  return { doc, result: extractPlanText(doc.text) };
}

/** A draft plan, in the plan file format, with the notes the analyst must read before loading it. */
export interface DraftPlan {
  plan: Plan;
  notes: Reason[];
}

/** A stored indicator reused by a candidate of the same unit whose name overlaps this much. */
const SAME_INDICATOR = 0.8;

/**
 * The draft plan of an extraction, in the plan file format that `init --plan` validates:
 * - plan: year and title from the text's title line (`2020年…工作要点`), the issuer from its first
 *   line (`…局 关于印发…`), the issue date from a line `2021年3月12日` or `2020327`; a year not found
 *   falls back to `fallbackYear`, a date not found is left blank (init refuses it until the analyst
 *   fills it in), each with a note;
 * - at-most targets (以内, 不超过: ceilings the pace rules cannot judge) left out, listed in a note;
 * - sections and tasks as found (a task title not separated from its text: its first words);
 * - units: the stored plan's (`stored`, the plan of --from or the latest), else 全市 alone;
 * - indicators: one per candidate, target the number (the floor of a 确保…争取 pair), kind and
 *   commitment as proposed, headline when the 总体目标 states it, cadence annual for a rate; the
 *   code, English name, cadence and pace of a stored indicator with the same unit and a name that
 *   overlaps ≥ 0.8, else code ind_NN.
 * English texts the plan does not give are the Chinese ones, lead units 待定: the notes say so.
 */
export function draftPlan(result: PlanText, stored: Plan | null, fallbackYear: number): DraftPlan {
  const notes: Reason[] = [];
  const year = Number(/^(\d{4})年/.exec(result.title ?? "")?.[1] ?? Number.NaN);
  const planYear = Number.isInteger(year) ? year : fallbackYear;
  if (!Number.isInteger(year)) notes.push({ key: "extract.notes.noYear", params: { year: planYear } });
  // never invented: a date the text does not give stays blank, and init refuses it until filled in
  const issuedOn = result.issuedOn ?? "";
  if (!result.issuedOn) notes.push({ key: "extract.notes.noDate" });
  const title = result.title ?? `${planYear}年工作要点`;
  const issuer = result.issuer ?? stored?.plan.issuer ?? "待定";
  const sections: Section[] = result.sections.map((s) => ({
    number: s.number,
    code: s.code,
    title: s.title,
    titleEn: s.title,
  }));
  // tasks before the first section (none in a well-formed plan) cannot be placed: section 1
  const tasks: Task[] = result.tasks.map((task) => {
    const title = task.title ?? firstClause(task.text);
    const body = task.title ? task.text.slice(task.title.length + 1).trim() || task.text : task.text;
    return {
      number: task.number,
      section: task.section ?? 1,
      title,
      titleEn: title,
      text: body,
      lead: "待定",
      leadEn: "to be decided",
      deadline: `${planYear}-12-31`,
      deadlineNote: "年底",
    };
  });
  const units: ReportingUnit[] = stored?.units.map((u) => ({ ...u, aliases: [...u.aliases] })) ?? [
    { code: "city", name: "全市", nameEn: "Whole city", aliases: [], adminCode: null, isTotal: true },
  ];
  // a ceiling (控制在30%以内) cannot be judged by the pace rules, which judge targets to reach:
  // listed in the notes, never drafted as an indicator whose target the report would read as a floor
  const ceilings = result.candidates.filter((c) => c.comparison === "atMost");
  if (ceilings.length)
    notes.push({
      key: "extract.notes.atMost",
      params: { items: ceilings.map((c) => `${c.name} ≤ ${c.number} ${c.unit}`).join("，") },
    });
  const targets = result.candidates.filter((c) => c.comparison !== "atMost");
  const previous = matchStored(targets, stored?.indicators ?? []);
  const used = new Set([...previous.values()].map((d) => d.code));
  const indicators = targets.map((c) => draftIndicator(c, previous.get(c.id), used));
  const stretches = targets.filter((c) => c.stretch);
  if (stretches.length)
    notes.push({
      key: "extract.notes.stretch",
      params: {
        items: stretches.map((c) => `${c.name} ${c.number}→${c.stretch?.number} ${c.unit}`).join("，"),
      },
    });
  return {
    plan: {
      plan: { year: planYear, title, titleEn: title, issuer, issuerEn: issuer, issuedOn },
      sections: sections.length ? sections : [{ number: 1, code: "一", title, titleEn: title }],
      tasks,
      units,
      indicators,
    },
    notes,
  };
}

/**
 * Which stored indicator each candidate continues: same unit, names overlapping ≥ 0.8, one to one,
 * the best pairs first. Ties (高新技术企业 within both 培育高新技术企业 and 新培育高新技术企业) go
 * to the pair of the same kind, then the same commitment.
 */
function matchStored(candidates: readonly Candidate[], stored: readonly Indicator[]): Map<number, Indicator> {
  const pairs: { c: Candidate; d: Indicator; score: number }[] = [];
  for (const c of candidates)
    for (const d of stored) {
      if (d.unit !== c.unit) continue;
      const overlap = nameOverlap(d.name, c.name);
      if (overlap < SAME_INDICATOR) continue;
      const score =
        overlap +
        (d.name === c.name ? 1 : 0) +
        (d.kind === c.kind ? 0.1 : 0) +
        (d.commitment === c.commitment ? 0.05 : 0);
      pairs.push({ c, d, score });
    }
  pairs.sort((a, b) => b.score - a.score);
  const out = new Map<number, Indicator>();
  const taken = new Set<string>();
  for (const { c, d } of pairs) {
    if (out.has(c.id) || taken.has(d.code)) continue;
    out.set(c.id, d);
    taken.add(d.code);
  }
  return out;
}

function draftIndicator(c: Candidate, previous: Indicator | undefined, used: Set<string>): Indicator {
  let code = previous?.code;
  if (code === undefined) {
    // ind_NN, unless a stored indicator already has that code
    code = `ind_${String(c.id).padStart(2, "0")}`;
    for (let k = 2; used.has(code); k++) code = `ind_${String(c.id).padStart(2, "0")}_${k}`;
    used.add(code);
  }
  const headline = c.source.task === null || c.restated.some((r) => r.task === null);
  return {
    code,
    name: c.name,
    nameEn: previous?.nameEn ?? c.name,
    unit: c.unit,
    target: c.number,
    // 确保 X、争取 Y: X the firm target, Y the stretch (shown, never judged)
    ...(c.stretch && c.stretch.number >= c.number ? { stretch: c.stretch.number } : {}),
    kind: c.kind,
    cadence: previous?.cadence ?? (c.kind === "rate" ? "annual" : "quarterly"),
    commitment: c.commitment,
    headline,
    section: c.source.section,
    task: c.source.task,
    pace: previous?.pace ?? "linear",
    ...(previous?.paceNote ? { paceNote: previous.paceNote } : {}),
    // the sentence the target was read from, for the analyst's review (the 指标 sheet's 出处)
    source: c.source.sentence,
  };
}

/** A task's title when the text gives none: its first clause, at most 30 characters. */
function firstClause(s: string): string {
  const clause = s.split(/[，,。；;\n]/)[0] ?? s;
  const chars = [...clause];
  return chars.length <= 30 ? clause : `${chars.slice(0, 30).join("")}…`;
}
