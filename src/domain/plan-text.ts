/**
 * A plan's text as read (工作要点 → sections, tasks, candidate targets): the value the extractor
 * (intake/plan-text.ts) builds and the review document and the draft plan are made from. Every
 * proposal carries its reasons (`Why`: a rule, an i18n key under `extract.why.`, and the words that
 * matched), so that the analyst can judge it. README「plan extract」.
 */

/** 以上/突破/超过/不低于 → at least; 以内/不超过 → at most; otherwise the number exactly. */
export type Comparison = "atLeast" | "atMost" | "exactly";
export type Commitment = "firm" | "aspirational";
/** flow (本年新增, summed over the year), stock (期末数, a level), rate (%, 比率). */
export type Kind = "flow" | "stock" | "rate";
export type Confidence = "high" | "medium" | "low";

/** Why a value was proposed: a rule (an i18n key under `extract.why.`) and the words that matched. */
export interface Why {
  rule: string;
  word?: string;
}

/** A section heading: `一、着力推进…` → { number: 1, code: "一", title: "着力推进…" }. */
export interface TextSection {
  number: number;
  code: string;
  title: string;
  line: number;
}

/**
 * A numbered task. `number` counts the tasks in the order they appear (1, 2, …), so that a plan
 * that restarts its numbering in each section still gets unique numbers; `label` is the marker as
 * written (`17`, `（3）`). `title` is the first sentence when it ends with 。 within 40 characters,
 * else null (the 2020 plan often runs the title into the text with no stop): the analyst splits it.
 */
export interface TextTask {
  number: number;
  label: string;
  section: number | null;
  title: string | null;
  /** everything after the marker, title included */
  text: string;
  line: number;
}

/** Where a number was read: the task (null in the preamble and 总体目标), the line, the sentence. */
export interface Source {
  section: number | null;
  task: number | null;
  line: number;
  sentence: string;
}

/** A numeric target the text states, with the reason for every proposal. */
export interface Candidate {
  /** 1, 2, … in the order of the text */
  id: number;
  name: string;
  /** the number as written, in `unit` (400 with 亿元 is 400 亿元) */
  number: number;
  /** 亿元, 万元, %, 项, 家, 个, 人次 … (万 and 亿 alone read as 万元 and 亿元, with a doubt) */
  unit: string;
  comparison: Comparison;
  commitment: Commitment;
  /** the aspirational second figure of a `确保 X、争取 Y` pair: X is `number` (firm), Y this */
  stretch: { number: number; comparison: Comparison; word: string } | null;
  kind: Kind;
  source: Source;
  /** the same target stated again elsewhere (the 总体目标 restating a task's figure) */
  restated: Source[];
  confidence: Confidence;
  why: Why[];
  /** reasons to doubt it (a bare 亿, no name …); empty when none */
  doubts: Why[];
}

/** A number that is not a target, kept out with the rule that excluded it. */
export interface Excluded {
  text: string;
  why: Why;
  source: Source;
}

export interface PlanText {
  /** the first line that looks like the plan's title (`2020年…工作要点`), else the first line */
  title: string | null;
  /** the issuing body, from a first line `…局 关于印发…` */
  issuer: string | null;
  /** YYYY-MM-DD, from a line holding only a date (`2021年3月12日`, `2020327`) */
  issuedOn: string | null;
  sections: TextSection[];
  tasks: TextTask[];
  candidates: Candidate[];
  excluded: Excluded[];
}
