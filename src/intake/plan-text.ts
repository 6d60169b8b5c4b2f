/**
 * Reads a plan's own Chinese text (工作要点): its sections (`一、…`), its numbered tasks (`1.` `1、`
 * `（1）`) and every numeric target in it, each with the words that decided its number, unit of
 * measure, comparison (以上 …), commitment (力争 …) and kind (flow, stock, rate). Pure: text in, a
 * PlanText out; nothing here reads a file or a database. The rules are README「plan extract」's,
 * worked out on the 2020 plan's text (fixtures/plan-text/) and checked on a second plan there.
 */

import type {
  Candidate,
  Commitment,
  Comparison,
  Confidence,
  Excluded,
  Kind,
  PlanText,
  Source,
  TextSection,
  TextTask,
  Why,
} from "../domain/plan-text.js";
import { shiftDecimal } from "./number.js";
import { toHalfWidth } from "./text.js";

export type { Candidate, Comparison, Excluded, PlanText, Source, TextSection, TextTask, Why };

const CN_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 一 … 九十九 as a number; null for anything else. */
function chineseNumber(s: string): number | null {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return null;
  if (s.length === 1) return CN_DIGITS[s] ?? null;
  const [a, b, c] = [...s];
  if (s.length === 2 && a === "十") return 10 + (CN_DIGITS[b!] ?? 0);
  if (s.length === 2 && b === "十") return (CN_DIGITS[a!] ?? 0) * 10;
  if (s.length === 3 && b === "十") return (CN_DIGITS[a!] ?? 0) * 10 + (CN_DIGITS[c!] ?? 0);
  return null;
}

const SECTION = /^([一二三四五六七八九十]{1,3})\s*[、.]\s*(.+)$/;
const SUBSECTION = /^\(([一二三四五六七八九十]{1,3})\)\s*(.+)$/;
const TASK_DOT = /^(\d{1,3})\s*([.、,])\s*(.+)$/;
const TASK_PAREN = /^\((\d{1,3})\)\s*(.+)$/;
/** `17启动…`: a number run into the text, accepted only as the task the count expects next */
const TASK_BARE = /^(\d{1,3})(?=[\p{Script=Han}])(.+)$/u;

/**
 * Units of measure a target may carry, longest first so 人次 wins over 人 and 亿元 over 亿. 万/亿
 * alone (`4000亿`) read as 亿元 with a doubt. Not 年 (years), 号 (document numbers), 批 (ordinals).
 */
const UNITS = [
  "个百分点",
  "万人次",
  "万元",
  "亿元",
  "千元",
  "万人",
  "人次",
  "家次",
  "%",
  "‰",
  "元",
  "项",
  "个",
  "家",
  "次",
  "人",
  "名",
  "位",
  "件",
  "所",
  "座",
  "篇",
  "户",
  "台",
  "套",
  "场次",
  "场",
  "平方米",
  "立方米",
  "公顷",
  "公里",
  "千瓦时",
  "千瓦",
  "支",
  "条",
  "亩",
  "吨",
  "亿",
  "万",
];

/**
 * Measure words that may follow 万/亿: `5万平方米` is 5 万平方米 (as 20万人次 is 20 万人次), never 5
 * 万元. Longest first.
 */
const MEASURES = [
  "平方米",
  "立方米",
  "千瓦时",
  "千瓦",
  "公顷",
  "公里",
  "人次",
  "场次",
  "家次",
  "人",
  "名",
  "户",
  "亩",
  "吨",
  "件",
  "册",
  "株",
  "头",
  "只",
  "套",
  "台",
  "份",
  "个",
  "家",
  "项",
  "次",
  "米",
];

/** what may follow 万/亿 without being a measure: 5万以上, 1亿左右, 3万余, 2万元 … */
const NOT_A_MEASURE = "以上下左右余多的和及与或至到元";

const AT_LEAST_AFTER = ["及以上", "以上"];
const AT_MOST_AFTER = ["以内", "以下"];
/** before the number, longest first: 不超过 must not read as 超过 */
const BEFORE: readonly [string, Comparison][] = [
  ["不超过", "atMost"],
  ["不高于", "atMost"],
  ["控制在", "atMost"],
  ["不低于", "atLeast"],
  ["不少于", "atLeast"],
  ["突破", "atLeast"],
  ["超过", "atLeast"],
  ["至少", "atLeast"],
  ["超", "atLeast"],
];

const ASPIRATIONAL = ["力争", "争取", "努力", "力求"];
const FIRM = ["确保"];
/** words that may stand before a commitment word without making it govern only its own clause */
const LEAD_WORDS = /^(?:全年|年内|今年|全市|年底前|到年底|同时|并|要|将)+/;

/** A yearly amount is a flow whatever its verb (README: 400亿元 收入, 10亿元 支出, 200家 入库备案 all say 达到). */
const YEARLY_AMOUNT = [
  "入库",
  "登记额",
  "成交额",
  "交易额",
  "营业额",
  "销售额",
  "出口额",
  "收入",
  "支出",
  "产值",
  "投入",
  "申请量",
  "授权量",
  "登记",
  "备案",
];
/** verbs that state new things: a flow even when the clause also says 达到 */
const NEW_VERBS = ["新增", "新建", "新培育", "新认定", "新引进", "新获批"];
/** words that name a level whatever is counted: a total held at the year's end (总数, 拥有量) */
const LEVEL_ALWAYS = ["总数", "累计", "拥有量", "保有量"];
/** a 达到 target counts a level (stock) only for things that persist from year to year */
const LEVEL_WORDS = ["达到", "增加到", "提高到", "提升到", "总量", "拥有", "保有"];
const PERSISTING = [
  "企业",
  "平台",
  "机构",
  "基地",
  "园区",
  "中心",
  "实验室",
  "孵化器",
  "众创空间",
  "星创天地",
  "工作站",
  "联盟",
  "载体",
  "示范区",
];
const FLOW_VERBS = [
  "培育",
  "实施",
  "引进",
  "开发",
  "推广",
  "育成",
  "攻克",
  "转化",
  "举办",
  "组织",
  "开展",
  "完成",
  "建设",
  "推荐",
  "认定",
  "签订",
  "签约",
  "吸引",
  "培训",
  "创建",
  "打造",
  "申报",
  "获批",
];
/** a % after these words is a change, not a level */
const GROWTH = ["增长", "增速", "提高", "提升", "下降", "降低"];
/** words of a subsidy or award: the figure near them is a policy parameter */
const SUPPORT = ["给予", "补助", "补贴", "奖励"];
/** words of a policy whose ceiling (不超过 X) is a parameter, not a target */
const POLICY_CAP = ["补助", "补贴", "奖励", "面值", "资助", "贴息", "额度", "奖补"];
/** places a service covers: counted after 覆盖, they are a fact, not a target */
const PLACES = ["乡镇", "街道", "行政村", "村", "社区", "县", "区", "镇", "乡"];
/** figures about the size of the economy, not the bureau's work */
const ECONOMY = ["经济总量", "地区生产总值", "生产总值", "GDP", "经济规模"];
/** generic verbs dropped from a candidate's name (the thing counted is what matters) */
const NAME_HEAD = /^(?:组织实施|实施|开发|完成|开展|实现|达到)/;
/** `由45家增加到` before a number: the start of a change, dropped from the name */
const FROM_TO = /由\s*[\d.']+\s*\S{0,4}?(?:增加|提高|提升|增长|扩大|发展|上升)?到\s*$/;
/** the subject of a clause: the words before its verb or comparison (研发投入 of 研发投入较上年增加…) */
const SUBJECT =
  /^(?:全年|年内|全市|全县|全区)?(\p{Script=Han}{2,16}?)(?:较上年|较去年|同比|比上年|增长|增加|提高|提升|达到|由|突破|超过|实现)/u;
/** verbs and comparisons never kept in a name, when the name falls back to the words as written */
const RESIDUE = /由|增加到|提高到|提升到|总量达到|总数达到|达到|左右|突破|超过|实现/g;
const COMMITMENT_TAIL = /(?:力争|争取|努力|力求|确保)$/;
const NAME_TAIL =
  /(?:总量达到|总数达到|达到|增加到|提高到|提升到|增长到|实现|突破|超过|不低于|不少于|至少|不超过|控制在|为|超)$/;

interface Paragraph {
  text: string; // half-width, same length as raw
  raw: string;
  line: number;
  section: number | null;
  task: number | null;
}

/** Splits the text into paragraphs (one per non-blank line) and reads the headings and task markers. */
function readStructure(input: string): {
  paragraphs: Paragraph[];
  sections: TextSection[];
  tasks: TextTask[];
  title: string | null;
  issuer: string | null;
  issuedOn: string | null;
} {
  const lines = input.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const sections: TextSection[] = [];
  const tasks: TextTask[] = [];
  const paragraphs: Paragraph[] = [];
  let title: string | null = null;
  // when the text has no 一、 headings, （一） headings are its sections
  const sectionPattern = lines.some((l) => SECTION.test(toHalfWidth(l.trim()))) ? SECTION : SUBSECTION;
  let section: number | null = null;
  let task: TextTask | null = null;
  let lastLabel = 0;
  // the marker of the section's first task (`1.` or `（1）`): the other is a list inside a task
  let style: "dot" | "paren" | undefined;
  lines.forEach((rawLine, i) => {
    const raw = rawLine.trim();
    if (raw === "") return;
    const text = toHalfWidth(raw);
    const line = i + 1;
    if (title === null && /^\d{4}年.*(?:要点|计划|方案)$/.test(text)) title = raw;
    const s = text.match(sectionPattern);
    const n = s ? chineseNumber(s[1]!) : null;
    if (s && n !== null && n === sections.length + 1) {
      section = n;
      sections.push({
        number: n,
        code: s[1]!,
        title: raw.slice(raw.length - s[2]!.length).replace(/[。.]$/, ""),
        line,
      });
      task = null;
      style = undefined;
      return;
    }
    // a `（二）` sub-heading inside an `二、` section belongs to no task: not glued onto the last one
    if (sectionPattern === SECTION && SUBSECTION.test(text)) {
      task = null;
      paragraphs.push({ text, raw, line, section, task: null });
      return;
    }
    const m = taskMarker(text, lastLabel, style);
    const label = m ? Number(m.label) : Number.NaN;
    // a task number continues the count (or skips one: a marker missed in between, the count
    // resynchronises), or restarts it at 1 in a section that has no task yet
    const restart = label === 1 && (task === null || task.section !== section);
    if (m && sections.length > 0 && (label === lastLabel + 1 || label === lastLabel + 2 || restart)) {
      lastLabel = label;
      style ??= m.style;
      const body = raw.slice(raw.length - m.body.length);
      const stop = body.indexOf("。");
      task = {
        number: tasks.length + 1,
        label: m.label,
        section,
        title: stop > 0 && stop <= 40 ? body.slice(0, stop) : null,
        text: body,
        line,
      };
      tasks.push(task);
      paragraphs.push({ text: toHalfWidth(body), raw: body, line, section, task: task.number });
      return;
    }
    if (task) task.text += `\n${raw}`;
    paragraphs.push({ text, raw, line, section, task: task?.number ?? null });
  });
  const issuer = /^(\S{2,20}?(?:局|委员会|厅|委|办公室))\s*关于/.exec(lines[0]?.trim() ?? "")?.[1] ?? null;
  let issuedOn: string | null = null;
  for (const l of lines) {
    issuedOn = dateLine(toHalfWidth(l.trim()));
    if (issuedOn) break;
  }
  return { paragraphs, sections, tasks, title, issuer, issuedOn };
}

/**
 * The date of a line that holds only a date: `2021年3月12日`, or digits `20200327` / `2020327`
 * (month and day without separators, read only when one split gives a real date).
 */
function dateLine(line: string): string | null {
  const iso = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
      ? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
      : null;
  };
  const cn = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(line);
  if (cn) return iso(Number(cn[1]), Number(cn[2]), Number(cn[3]));
  const digits = /^((?:19|20)\d{2})(\d{2,4})$/.exec(line);
  if (!digits) return null;
  const [y, rest] = [Number(digits[1]), digits[2]!];
  const splits = [1, 2]
    .filter((k) => rest.length - k >= 1 && rest.length - k <= 2)
    .map((k) => iso(y, Number(rest.slice(0, k)), Number(rest.slice(k))))
    .filter((d): d is string => d !== null);
  return splits.length === 1 ? splits[0]! : null;
}

/**
 * The task marker a line starts with: `1.` `1、` (a marker followed by a year is still a marker:
 * `2.2021年底前…` is task 2, `7、2021年6月30日前…` task 7, when the number is the one expected next;
 * `2.5亿元…` is a figure), `（1）` (unless the plan's tasks are `1.` and this is a list inside one),
 * or a bare `17启动…` expected next.
 */
function taskMarker(
  text: string,
  last: number,
  style: "dot" | "paren" | undefined,
): { label: string; body: string; style: "dot" | "paren" } | null {
  const dot = TASK_DOT.exec(text);
  if (dot) {
    const [, label, sep, body] = dot as unknown as [string, string, string, string];
    const expected = Number(label) === last + 1 || Number(label) === last + 2;
    const digitBody = /^\d/.test(body);
    const year = /^(?:19|20)\d{2}年/.test(body);
    if (!digitBody || (expected && (year || (sep !== "." && !/^\d+[.\d]*\s*[%万亿]/.test(body)))))
      return style === "paren" ? null : { label, body, style: "dot" };
  }
  const paren = TASK_PAREN.exec(text);
  if (paren && style !== "dot") return { label: paren[1]!, body: paren[2]!, style: "paren" };
  const bare = bareTask(text, last);
  return bare && style !== "paren" ? { label: bare[1]!, body: bare[2]!, style: "dot" } : null;
}

function bareTask(text: string, last: number): RegExpExecArray | null {
  const m = TASK_BARE.exec(text);
  if (!m || Number(m[1]) !== last + 1) return null;
  // `3项…` or `2020年…` is a figure, not a task marker
  return UNITS.some((u) => m[2]!.startsWith(u)) || m[2]!.startsWith("年") ? null : m;
}

/** Sentence bounds: 。！？; and the paragraph's ends. */
function sentenceAt(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !/[。!?;]/.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !/[。!?;]/.test(text[end]!)) end++;
  return [start, Math.min(text.length, end + 1)];
}

/** Clause start: after the last , : ; 。 before `at` (、 joins items of one clause). */
function clauseStart(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && !/[,:;。!?]/.test(text[i - 1]!)) i--;
  return i;
}

function clauseEnd(text: string, at: number, ceiling: number): number {
  let i = at;
  while (i < ceiling && !/[,:;。!?]/.test(text[i]!)) i++;
  return i;
}

interface Scope {
  from: number;
  to: number;
  word: string;
  commitment: Commitment;
  head: boolean;
  /** heads a clause that states no figure (力争省级高新区创建取得突破，…85亿元): its reach is a guess */
  bare: boolean;
}

/**
 * The commitment words of a sentence and the text each governs. A word that heads its clause
 * (`，力争全社会…达到10亿元，…登记额达到5600万元，…58%。`) governs the enumeration it heads: its
 * clause and the clauses after it that state a figure, up to the first that states none (…58%，
 * 完成…任务。) or the end of the sentence. A word after its clause's subject (`高新技术企业力争
 * 达到70家，…`) governs only that clause. A later commitment word ends the scope of an earlier one.
 */
function commitmentScopes(text: string, start: number, end: number): Scope[] {
  const found: { at: number; word: string; commitment: Commitment }[] = [];
  for (const [words, commitment] of [
    [ASPIRATIONAL, "aspirational"],
    [FIRM, "firm"],
  ] as const) {
    for (const word of words) {
      for (let i = text.indexOf(word, start); i !== -1 && i < end; i = text.indexOf(word, i + 1))
        found.push({ at: i, word, commitment });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return found.map((f, k) => {
    const cs = clauseStart(text, f.at, start);
    const head = text.slice(cs, f.at).replace(LEAD_WORDS, "").trim() === "";
    const next = found[k + 1]?.at ?? end;
    let to = clauseEnd(text, f.at, end);
    const bare = head && !/\d/.test(text.slice(f.at, to));
    while (head && to < end) {
      const following = clauseEnd(text, to + 1, end);
      if (!/\d/.test(text.slice(to + 1, following))) break;
      to = following;
    }
    to = Math.min(next, to);
    return { from: f.at, to, word: f.word, commitment: f.commitment, head, bare };
  });
}

function startsWithAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.startsWith(w));
}
function containsAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.includes(w));
}

/** The reason a number is not a target, or null when it may be one. */
function exclusion(
  text: string,
  at: number,
  digits: string,
  unit: string | null,
  clause: string,
  clauseFrom: number,
): Why | null {
  const before = text.slice(Math.max(0, at - 1), at);
  const after = text.slice(at + digits.length);
  // a telephone number (0818-2372211) before the date rule reads its dash as a date's
  if (
    /^0\d{2,3}-\d{7,8}(?!\d)/.test(text.slice(at)) ||
    (/0\d{2,3}-$/.test(text.slice(0, at)) && digits.length >= 7)
  )
    return { rule: "code", word: digits };
  if (/^\s*年/.test(after)) return { rule: "year", word: `${digits}年` };
  const lead = text.slice(Math.max(0, at - 8), at);
  if (
    (/^(?:19|20)\d{2}$/.test(digits) && /^[-/.]\d{1,2}(?!\d)/.test(after)) ||
    /(?:19|20)\d{2}[-/.](?:\d{1,2}[-/.])?$/.test(lead) ||
    /^\s*[月日]/.test(after)
  )
    return { rule: "date", word: digits };
  // the upper end of a range (3-5家): the range was read at its lower end
  if (RANGE_END.test(lead)) return { rule: "rangeEnd", word: digits };
  if (/[〔[【]/.test(before) || /^[〕\]】]/.test(after) || /^\s*号/.test(after))
    return { rule: "docNumber", word: digits };
  if (before === "+" || /^\+/.test(after)) return { rule: "slogan", word: digits };
  if (before === "第") return { rule: "ordinal", word: `第${digits}` };
  const open = text.lastIndexOf("《", at);
  if (open !== -1 && text.indexOf("》", open) > at) return { rule: "title", word: digits };
  if (unit === null) {
    if (digits.length >= 5) return { rule: "code", word: digits };
    if (/^”/.test(after) || before === "“") return { rule: "quoted", word: digits };
    return { rule: "noUnit", word: digits };
  }
  // a figure in a short quoted name (“3个千亿”, “双300”) names a slogan, not a target
  const quote = text.lastIndexOf("“", at);
  const close = text.indexOf("”", at);
  if (quote !== -1 && close !== -1 && close - quote <= 12 && !text.slice(quote, at).includes("”"))
    return { rule: "quoted", word: digits };
  const clauseLead = text.slice(clauseFrom, at);
  const afterUnit = after.replace(/^\s*(?:余|多)?\s*/, "").slice(unit.length);
  // the start of a change (由45家增加到60家): the 到 figure is the target, this its starting point
  if (/由\s*$/.test(clauseLead) && /^\s*(?:增加|提高|提升|增长|扩大|发展|上升)?到\s*\d/.test(afterUnit))
    return { rule: "fromFigure", word: `由${digits}${unit}` };
  // a cap on a subsidy, an award or a voucher (单个项目补助不超过50万元, 面值不超过5万元) is a
  // policy parameter, not a target
  const cap = containsAny(clause, POLICY_CAP);
  if (cap && /(?:不超过|不高于|最多|上限)\s*$/.test(clauseLead)) return { rule: "policyCap", word: cap };
  // the places a service covers (覆盖全县22个乡镇) are a fact, not a target
  if (/覆盖/.test(clauseLead) && PLACES.some((w) => afterUnit.startsWith(w)))
    return { rule: "coverage", word: `覆盖…${digits}${unit}` };
  // the weight of an item in an assessment (考核权重不低于5%) is a parameter of the assessment
  if (/权重/.test(clause) || (/考核/.test(clause) && /比例|分值/.test(clause)))
    return { rule: "weight", word: /权重/.test(clause) ? "权重" : "考核" };
  // a subsidy or an award rate (给予最高30万元奖励, 按成交额的5%给予补助) is policy, not a target
  if (
    containsAny(clause, SUPPORT) &&
    /(?:按|最高|一次性|每家|每个|每项)[^,;。]*$/.test(text.slice(clauseFrom, at))
  )
    return { rule: "policy", word: containsAny(clause, SUPPORT) };
  const economy = containsAny(clause, ECONOMY);
  if (economy && /元$|^[万亿]$/.test(unit)) return { rule: "economy", word: economy };
  return null;
}

/** A number: digits, thousands marked ' (see readParagraph), a decimal part. */
const NUMBERS = /(?<![\d.'])(?:\d{1,3}(?:'\d{3})+|\d+)(?:\.\d+)?/g;

/** `-5`, `至5`, `~5` after a number: a range, read at its lower end (with a doubt) */
const RANGE = /^\s*[-~～至到]\s*(\d+(?:\.\d+)?)/;
const RANGE_END = /\d\s*[-~～至到]\s*$/;

/**
 * The unit after a number, and what stands between: `余`/`多` (5000余人次: more than 5000) or the
 * rest of a range (3-5家). `skip` is the length of the text before the unit.
 */
function readUnit(
  after: string,
): { unit: string; skip: number; approx?: string; range?: string; guessed?: true } | null {
  const space = after.length - after.replace(/^\s+/, "").length;
  const approx = /^(余|多)/.exec(after.slice(space))?.[1];
  const range = approx ? null : RANGE.exec(after);
  const skip = space + (approx?.length ?? 0) + (range ? range[0].length : 0);
  const rest = after.slice(skip).replace(/^\s+/, "");
  let unit = UNITS.find((u) => rest.startsWith(u));
  if (!unit) return null;
  let guessed = false;
  if (unit === "万" || unit === "亿") {
    const measure = MEASURES.find((m) => rest.startsWith(m, unit!.length));
    // a word after 万 that could be a measure (5万张) is read as one, with a doubt: never as 万元
    const next = rest.charAt(unit.length);
    if (measure) unit = `${unit}${measure}`;
    else if (/\p{Script=Han}/u.test(next) && !NOT_A_MEASURE.includes(next)) {
      unit = `${unit}${next}`;
      guessed = true;
    }
  }
  return {
    unit,
    skip: after.length - rest.length,
    ...(guessed ? { guessed: true as const } : {}),
    ...(approx ? { approx } : {}),
    ...(range ? { range: range[0].trim() } : {}),
  };
}

/** Bigrams of the Han letters of a name, fillers removed: what two statements of one target share. */
function bigrams(name: string): Set<string> {
  const s = name.replace(/全年|各类|一批|省、市级|省市级/g, "").replace(/[^\p{Script=Han}]/gu, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/**
 * How much of the shorter name the longer one holds, 0–1 (the overlap coefficient of bigrams):
 * 科技型中小企业入库备案 and 入库备案科技型中小企业 score 1, 推广应用农业新品种、新技术 and
 * 新品种、新技术和新产品研发转化项目 0.4.
 */
export function nameOverlap(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.min(x.size, y.size);
}

/** Two statements of one target: same figure, unit and commitment, names overlapping this much. */
const RESTATED_OVERLAP = 0.5;

interface Raw extends Omit<Candidate, "id" | "confidence" | "restated"> {
  at: number;
  end: number;
  commitmentWord: string | null;
}

/** Every numeric target of one paragraph, and the numbers excluded with their reason. */
function readParagraph(p: Paragraph, excluded: Excluded[]): Raw[] {
  const out: Raw[] = [];
  const { raw } = p;
  const source = (at: number): Source => {
    const [s, e] = sentenceAt(text, at);
    return { section: p.section, task: p.task, line: p.line, sentence: raw.slice(s, e).trim() };
  };
  // thousands separators (10,000次) marked ' so that the comma does not end a clause
  // list markers inside a task (①②③, （1）) end the sentence before them: a list item is a
  // sentence of its own for 力争's scope (③力争培育…10家，…培训5000人次 governs both), and the
  // marker is not part of a name. Same length, so that positions still index `raw`.
  const text = p.text
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, "'")
    .replace(/[\u2460-\u2473\u2776-\u277F]/g, ";")
    .replace(/(^|[;。,:])\((\d{1,2})\)/g, (m, a: string) => `${a};${" ".repeat(m.length - a.length - 1)}`);
  for (const m of text.matchAll(NUMBERS)) {
    const at = m.index;
    const written = m[0];
    const digits = written.replace(/'/g, "");
    const afterDigits = text.slice(at + written.length);
    const read = readUnit(afterDigits);
    const unit = read?.unit ?? null;
    const [sStart, sEnd] = sentenceAt(text, at);
    const cStart = clauseStart(text, at, sStart);
    const cEnd = clauseEnd(text, at, sEnd);
    const clause = text.slice(cStart, cEnd);
    const excludedWhy = exclusion(text, at, written, unit, clause, cStart);
    if (excludedWhy) {
      excluded.push({
        text: raw.slice(at, at + written.length + (read ? read.skip + read.unit.length : 0)),
        why: excludedWhy,
        source: source(at),
      });
      continue;
    }
    const u = unit as string;
    const why: Why[] = [{ rule: "unit", word: u }];
    const doubts: Why[] = [];
    let end = at + written.length + (read?.skip ?? 0) + u.length;
    // comparison after the unit (以上), or before the number (突破, 不低于)
    let comparison: Comparison = "exactly";
    const tail = text.slice(end);
    const after = startsWithAny(tail, AT_LEAST_AFTER) ?? startsWithAny(tail, AT_MOST_AFTER);
    const prev = out.at(-1);
    const from = Math.max(cStart, prev && prev.end > cStart ? prev.end : cStart);
    const lead = text.slice(from, at);
    const beforeWord = BEFORE.find(([w]) => lead.replace(/\s+$/, "").endsWith(w));
    // 50家左右: about 50, read as 50 with a doubt
    const about = startsWithAny(tail, ["左右", "上下"]);
    if (about) {
      end += about.length;
      doubts.push({ rule: "about", word: `${digits}${u}${about}` });
    }
    if (read?.approx || read?.range) {
      // 5000余人次 is more than 5000; 3-5家 at least 3 (the upper end is for the analyst to judge)
      comparison = "atLeast";
      why.push({ rule: "atLeast", word: read.approx ?? read.range });
      if (read.range) doubts.push({ rule: "range", word: `${digits}${read.range}${u}` });
      if (after) end += after.length;
    } else if (after) {
      comparison = AT_LEAST_AFTER.includes(after) ? "atLeast" : "atMost";
      end += after.length;
      why.push({ rule: comparison, word: after });
    } else if (beforeWord) {
      comparison = beforeWord[1];
      why.push({ rule: comparison, word: beforeWord[0] });
    }
    // a ceiling (控制在30%以内) cannot be judged by the pace rules, which judge targets to reach
    if (comparison === "atMost") doubts.push({ rule: "atMostTarget", word: after ?? beforeWord?.[0] });
    // 由45家增加到60家: the 到 figure is the target; the 由 figure (excluded) its starting point
    const fromTo = FROM_TO.exec(lead);
    if (fromTo) why.push({ rule: "fromTo", word: fromTo[0] });
    // the name: the words before the number in this clause (after the previous target), and a
    // noun after it when the verb came first (推荐上报2个以上省级科普基地)
    let name = lead.replace(/^[、和及与\s]+/, "");
    for (let again = true; again; ) {
      const before = name;
      name = name.replace(LEAD_WORDS, "");
      const w = startsWithAny(name, [...ASPIRATIONAL, ...FIRM]);
      if (w) name = name.slice(w.length);
      again = name !== before;
    }
    const nameAfter = text.slice(end, clauseEnd(text, end, cEnd)).replace(/^的/, "");
    const nameAfterEmpty = nameAfter === "" || /^[、和及与]/.test(nameAfter) || about !== undefined;
    name = name
      .replace(FROM_TO, "")
      .replace(NAME_HEAD, "")
      .replace(NAME_TAIL, "")
      .replace(COMMITMENT_TAIL, "")
      .replace(/\s+$/, "");
    if (!nameAfterEmpty && nameAfter.length <= 16) {
      // the verb before the number and the thing after it: 推荐上报 + 省级科普基地
      const verb = name.slice(
        Math.max(name.lastIndexOf("、"), name.lastIndexOf("并"), name.lastIndexOf("和")) + 1,
      );
      name = verb + nameAfter.replace(/[、].*$/, "");
    }
    // an item of an enumeration takes the verb that heads it: 新建国家级平台1家、省级平台5家 → 新建省级平台
    const headVerb =
      prev && prev.end > cStart ? startsWithAny(prev.name, [...NEW_VERBS, ...FLOW_VERBS]) : undefined;
    // (not a bare figure such as a stretch's 争取40家: it names nothing of its own)
    if (headVerb && /\p{Script=Han}/u.test(name) && !startsWithAny(name, [...NEW_VERBS, ...FLOW_VERBS]))
      name = headVerb + name;
    const rawName = raw.slice(from, at); // the words as written, when the name rules leave nothing
    const kindText = `${text.slice(cStart, at)}${nameAfterEmpty ? "" : nameAfter}`;
    // commitment: the scope that covers the number
    const scope = commitmentScopes(text, sStart, sEnd)
      .filter((s) => s.from < at && at < s.to)
      .at(-1);
    const commitment: Commitment = scope?.commitment ?? "firm";
    if (scope)
      why.push({
        rule:
          scope.commitment === "firm" ? "firm" : scope.head ? "aspirationalSentence" : "aspirationalClause",
        word: scope.word,
      });
    else why.push({ rule: "firmDefault" });
    if (scope?.bare) doubts.push({ rule: "scopeNoFigure", word: scope.word });
    // kind
    const k = proposeKind(u, kindText);
    why.push(k.why);
    let number = Number(digits);
    let unitOut = u;
    if (u === "万" || u === "亿") {
      unitOut = `${u}元`;
      doubts.push({ rule: "bareMoney", word: `${digits}${u}` });
    }
    if (read?.guessed) doubts.push({ rule: "measureGuess", word: `${digits}${u}` });
    if (u === "千元") {
      // a decimal shift on the digits, never a float division: 1234千元 is exactly 123.4 万元
      const [intPart = "", frac = ""] = digits.split(".");
      unitOut = "万元";
      number = Number(shiftDecimal(intPart, frac, -1));
    }
    // a figure per head (每万人发明专利拥有量 4.5件) is a ratio, not a count of 件: its unit says
    // so (件/万人), or a later import would hold its figures to whole numbers as for a count
    const perHead = PER_HEAD.exec(name);
    if (perHead) {
      unitOut = `${unitOut}/${perHead[2] ?? perHead[1]!.slice(1)}`;
      why.push({ rule: "perHead", word: perHead[1]! });
    }
    // a clause with no subject of its own (研发投入较上年增加2000万元，总量达到1.2亿元) takes the
    // subject of the clause before it in the sentence: 研发投入总量
    // (not a stretch's 争取12家, which names nothing so that it pairs with its floor)
    const bare = name.replace(/[^\p{Script=Han}A-Za-z]/gu, "") === "";
    if (bare && cStart > sStart && !containsAny(lead, [...ASPIRATIONAL, ...FIRM])) {
      const subject = SUBJECT.exec(text.slice(clauseStart(text, cStart - 1, sStart), cStart - 1))?.[1];
      if (subject) name = `${subject}${/总量|总数/.exec(lead)?.[0] ?? ""}`;
    }
    if (name.replace(/[^\p{Script=Han}A-Za-z]/gu, "") === "") doubts.push({ rule: "noName" });
    if (k.doubt) doubts.push(k.doubt);
    out.push({
      name: name || rawName.replace(RESIDUE, "").trim(),
      number,
      unit: unitOut,
      comparison,
      commitment,
      stretch: null,
      kind: k.kind,
      source: source(at),
      why,
      doubts,
      at,
      end,
      commitmentWord: scope?.word ?? null,
    });
  }
  return pairFloorsAndStretches(out);
}

/**
 * `确保 X、争取 Y` (or 力争 Y): one target with a firm floor X and an aspirational stretch Y, when
 * Y has the same unit and names nothing of its own. One candidate, not two: the indicator is one
 * series of actuals, judged against X (the commitment) with Y shown as the stretch.
 */
function pairFloorsAndStretches(list: Raw[]): Raw[] {
  const out: Raw[] = [];
  for (const c of list) {
    const floor = out.at(-1);
    if (
      floor &&
      floor.commitmentWord === "确保" &&
      c.commitment === "aspirational" &&
      c.commitmentWord !== null &&
      floor.unit === c.unit &&
      floor.source.sentence === c.source.sentence &&
      (c.doubts.some((d) => d.rule === "noName") || c.name === floor.name)
    ) {
      floor.stretch = { number: c.number, comparison: c.comparison, word: c.commitmentWord };
      floor.why.push({ rule: "pair", word: `确保…${c.commitmentWord}` });
      floor.end = c.end;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** A name that counts per head: 每万人 / 每千人 / 每百户 … (group 2 the base: 万人), or 人均 (per 人). */
const PER_HEAD = /^(?:全市)?(每((?:十万|万|千|百)(?:人|名|户|家))|人均)/;

function proposeKind(unit: string, clause: string): { kind: Kind; why: Why; doubt?: Why } {
  if (unit === "个百分点")
    return { kind: "rate", why: { rule: "kindRate", word: unit }, doubt: { rule: "points", word: unit } };
  if (unit === "%" || unit === "‰") {
    // 增长10% is a growth rate, not the level of a rate: the analyst decides what to track
    const growth = containsAny(clause, GROWTH);
    return {
      kind: "rate",
      why: { rule: "kindRate", word: unit },
      ...(growth ? { doubt: { rule: "growth", word: growth } } : {}),
    };
  }
  const yearly = containsAny(clause, YEARLY_AMOUNT);
  if (yearly) return { kind: "flow", why: { rule: "kindYearly", word: yearly } };
  const fresh = containsAny(clause, NEW_VERBS);
  if (fresh) return { kind: "flow", why: { rule: "kindNew", word: fresh } };
  const always = containsAny(clause, LEVEL_ALWAYS);
  if (always) return { kind: "stock", why: { rule: "kindLevel", word: always } };
  const level = containsAny(clause, LEVEL_WORDS);
  const thing = containsAny(clause, PERSISTING);
  if (level && thing) return { kind: "stock", why: { rule: "kindLevel", word: `${level}…${thing}` } };
  const verb = containsAny(clause, FLOW_VERBS);
  if (verb) return { kind: "flow", why: { rule: "kindVerb", word: verb } };
  if (level)
    return { kind: "flow", why: { rule: "kindReachCount", word: level }, doubt: { rule: "kindGuess" } };
  return { kind: "flow", why: { rule: "kindDefault" }, doubt: { rule: "kindGuess" } };
}

/**
 * Merges a target of the preamble (总体目标) with its restatement in a task: same number, unit and
 * commitment, and names that overlap (nameOverlap ≥ 0.5). The task's statement is kept (it names the
 * task); `以上` in either makes the comparison at least. Each restatement merges at most once.
 */
function mergeRestated(list: Raw[]): Candidate[] {
  const merged: Candidate[] = list.map((c) => ({
    id: 0,
    name: c.name,
    number: c.number,
    unit: c.unit,
    comparison: c.comparison,
    commitment: c.commitment,
    stretch: c.stretch,
    kind: c.kind,
    source: c.source,
    restated: [],
    confidence: "high",
    why: c.why,
    doubts: c.doubts,
  }));
  const gone = new Set<number>();
  merged.forEach((summary, i) => {
    if (summary.source.task !== null) return;
    let best = -1;
    let bestScore = RESTATED_OVERLAP;
    merged.forEach((c, j) => {
      if (j === i || gone.has(j) || c.source.task === null) return;
      if (c.number !== summary.number || c.unit !== summary.unit || c.commitment !== summary.commitment)
        return;
      const score = nameOverlap(summary.name, c.name);
      if (score >= bestScore) {
        best = j;
        bestScore = score;
      }
    });
    if (best === -1) return;
    const task = merged[best]!;
    task.restated.push(summary.source);
    task.why.push({ rule: "restated", word: summary.name });
    if (summary.comparison === "atLeast") task.comparison = "atLeast";
    if (summary.kind !== task.kind && summary.why.some((w) => w.rule === "kindYearly")) {
      task.kind = summary.kind;
      task.why = task.why.filter((w) => !w.rule.startsWith("kind"));
      task.why.push(summary.why.find((w) => w.rule === "kindYearly")!);
    }
    gone.add(i);
  });
  return merged
    .filter((_, i) => !gone.has(i))
    .map((c, i) => ({ ...c, id: i + 1, confidence: confidenceOf(c) }));
}

function confidenceOf(c: Candidate): Confidence {
  if (c.doubts.length >= 2) return "low";
  if (c.doubts.length === 1) return "medium";
  return "high";
}

/**
 * Reads a plan's text into sections, tasks, candidate targets and excluded numbers (see the module
 * comment and README「plan extract」). `text` is already decoded (UTF-8 or GB18030, see decode.ts).
 */
export function extractPlanText(text: string): PlanText {
  const { paragraphs, sections, tasks, title, issuer, issuedOn } = readStructure(text);
  const excluded: Excluded[] = [];
  const raw = paragraphs.flatMap((p) => readParagraph(p, excluded));
  const candidates = mergeRestated(raw);
  return { title, issuer, issuedOn, sections, tasks, candidates, excluded };
}
