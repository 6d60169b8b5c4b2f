/**
 * The plan workbook's layout (工作要点工作簿, README "The plan as a workbook"): its sheets and the
 * Chinese header of each column, mapped to the plan file's fields. The writer (render/plan-xlsx.ts)
 * and the reader (intake/plan-book.ts) both take the layout from here, so a workbook the writer
 * makes is one the reader reads. Sheet and header names are Chinese whatever the UI language.
 */
import type { Pace } from "./plan.js";

/** The sheets, by role. 说明 explains the others and is never read. */
export const PLAN_BOOK_SHEETS = {
  info: "基本信息",
  sections: "部分",
  tasks: "任务",
  indicators: "指标",
  units: "单位",
  notes: "说明",
} as const;

/** A column: the plan field it holds and its header. `required` columns must be present. */
export interface PlanBookColumn {
  field: string;
  header: string;
  /** a column a workbook may lack (one written before it existed): its field is then absent */
  optional?: true;
}

/** 基本信息 is a two-column list (项目, 内容): one row per field of `plan`. */
export const PLAN_BOOK_INFO: readonly PlanBookColumn[] = [
  { field: "year", header: "年度" },
  { field: "title", header: "标题" },
  { field: "titleEn", header: "英文标题" },
  { field: "issuer", header: "发文单位" },
  { field: "issuerEn", header: "英文发文单位" },
  { field: "issuedOn", header: "发文日期" },
  { field: "reportDeadlineDays", header: "报送期限（季后天数）" },
];
/** The header row of 基本信息. */
export const PLAN_BOOK_INFO_HEADERS = ["项目", "内容"] as const;

/** The columns of the table sheets, in the order the writer puts them. */
export const PLAN_BOOK_COLUMNS = {
  sections: [
    { field: "number", header: "序号" },
    { field: "code", header: "编号" },
    { field: "title", header: "标题" },
    { field: "titleEn", header: "英文标题" },
  ],
  tasks: [
    { field: "number", header: "任务序号" },
    { field: "section", header: "所属部分" },
    { field: "title", header: "标题" },
    { field: "titleEn", header: "英文标题" },
    { field: "text", header: "任务内容" },
    { field: "lead", header: "牵头单位" },
    { field: "leadEn", header: "英文牵头单位" },
    { field: "deadline", header: "完成时限" },
    { field: "deadlineNote", header: "时限说明" },
  ],
  indicators: [
    { field: "code", header: "指标代码" },
    { field: "name", header: "名称" },
    { field: "nameEn", header: "英文名称" },
    { field: "unit", header: "计量单位" },
    { field: "target", header: "目标值" },
    { field: "stretch", header: "争取目标", optional: true },
    { field: "kind", header: "类型" },
    { field: "cadence", header: "报送频次" },
    { field: "commitment", header: "约束性" },
    { field: "headline", header: "总体目标" },
    { field: "pace", header: "序时进度" },
    { field: "paceNote", header: "进度说明" },
    { field: "section", header: "所属部分" },
    { field: "task", header: "所属任务" },
    { field: "source", header: "来源原文" },
  ],
  units: [
    { field: "code", header: "单位代码" },
    { field: "name", header: "名称" },
    { field: "nameEn", header: "英文名称" },
    { field: "aliases", header: "别名" },
    { field: "adminCode", header: "行政区划代码" },
    { field: "isTotal", header: "全市合计" },
  ],
} as const satisfies Record<string, readonly PlanBookColumn[]>;

/** The table sheets' roles, in sheet order. */
export type PlanBookTable = keyof typeof PLAN_BOOK_COLUMNS;

/**
 * The reference columns `plan new` puts beside 目标值: last year's target and result. A header
 * with 参考 in it is never read (the same mark as the fill-in template's reference columns).
 */
export const PLAN_BOOK_REFERENCE = { target: "上年目标（参考）", result: "上年完成（参考）" } as const;

/**
 * The Chinese words of the closed vocabularies (类型, 报送频次, 约束性): a Chinese workbook writes and
 * offers them, an English one the codes; the reader takes either.
 */
export const PLAN_BOOK_WORDS = {
  kind: { flow: "流量", stock: "存量", rate: "比率" },
  cadence: { quarterly: "按季", annual: "按年" },
  commitment: { firm: "硬性", aspirational: "力争" },
} as const satisfies Record<string, Record<string, string>>;

/** A yes/no cell: 是 or 否. */
export const PLAN_BOOK_YES = "是";
export const PLAN_BOOK_NO = "否";

/** How aliases are separated in one cell: 、 when written; also , ， ; ； when read. */
export const ALIAS_SEPARATOR = "、";

/** A pace as one cell's text: `linear`, `milestone`, or the four shares `0.15,0.4,0.65,1`. */
export function paceText(pace: Pace): string {
  return typeof pace === "string" ? pace : pace.join(",");
}
