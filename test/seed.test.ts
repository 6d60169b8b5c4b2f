import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PlanFileError, parsePlanFile } from "../src/intake/plan-file.js";

// Expected values below were copied by hand from 《2020年达州市科技创新工作要点》 (the source text is not
// available in CI), keeping the document's own characters: ASCII commas and parentheses, stray quote marks.

const seedUrl = new URL("../seeds/plan-2020.json", import.meta.url);
const seedText = readFileSync(seedUrl, "utf8");
const plan = parsePlanFile("seeds/plan-2020.json", seedText);

/** The paths of the problems parsePlanFile names in `raw`; fails the test when it accepts it. */
function problemPaths(raw: unknown): string[] {
  try {
    parsePlanFile("broken.json", JSON.stringify(raw));
  } catch (e) {
    expect(e).toBeInstanceOf(PlanFileError);
    return (e as PlanFileError).problems.map((p) => p.path);
  }
  throw new Error("parsePlanFile accepted a broken plan");
}

function task(n: number) {
  const t = plan.tasks.find((x) => x.number === n);
  if (!t) throw new Error(`no task ${n}`);
  return t;
}

describe("seeds/plan-2020.json", () => {
  it("is UTF-8 without BOM, 2-space indented, with a trailing newline", () => {
    expect(seedText.charCodeAt(0)).toBe(0x7b);
    expect(seedText.startsWith('{\n  "plan"')).toBe(true);
    expect(seedText.endsWith("}\n")).toBe(true);
    expect(`${JSON.stringify(JSON.parse(seedText), null, 2)}\n`).toBe(seedText);
  });

  it("describes the 2020 plan", () => {
    expect(plan.plan).toEqual({
      year: 2020,
      title: "2020年达州市科技创新工作要点",
      titleEn: "Dazhou 2020 Science and Technology Innovation Work Plan",
      issuer: "达州市科学技术局",
      issuerEn: "Dazhou Municipal Science and Technology Bureau",
      issuedOn: "2020-03-27",
    });
  });

  it("has the 8 sections, titled as in the document", () => {
    expect(plan.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.sections.map((s) => s.code)).toEqual(["一", "二", "三", "四", "五", "六", "七", "八"]);
    expect(plan.sections.map((s) => s.title)).toEqual([
      "着力推进高质量创新载体建设",
      "加强关键核心技术攻关,为“6+3”重点产业发展提供科技支撑",
      "加大科技成果转化力度,促进产业转型升级",
      "加强科技合作,推进协作创新",
      "加强民生科技创新,为创造美好生活提供科技支撑",
      "深入推进科技体制机制改革,提高创新体系效能",
      "编制十四五科技创新规划",
      "强化党的全面领导,提升廉洁高效服务能力",
    ]);
    for (const s of plan.sections) {
      expect(s.titleEn.length).toBeGreaterThan(0);
      expect(s.title.endsWith("。")).toBe(false);
    }
  });

  it("has the 35 tasks, numbered 1..35, each in its section", () => {
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    const bounds: [number, number, number][] = [
      [1, 5, 1],
      [6, 9, 2],
      [10, 14, 3],
      [15, 19, 4],
      [20, 23, 5],
      [24, 30, 6],
      [31, 31, 7],
      [32, 35, 8],
    ];
    for (const [from, to, section] of bounds) {
      for (let n = from; n <= to; n++) expect(task(n).section, `task ${n}`).toBe(section);
    }
  });

  it("titles tasks with their headings exactly", () => {
    expect(task(1).title).toBe("全力推进达州国家高新技术产业园区建设");
    expect(task(2).title).toBe("推进川渝统筹发展示范区科技创新高地建设");
    expect(task(4).title).toBe("加大发展高新技术产业、培育高新技术企业力度");
    expect(task(6).title).toBe("研发一批工业新产品");
    expect(task(12).title).toBe("实施一批科技成果转化项目");
    expect(task(17).title).toBe(
      "启动达州市与渝东北(重庆市万州、开州、梁平区)科技人才专家库及科研基础设施与仪器设共享平台建设",
    );
    expect(task(18).title).toBe("打造国(境)外高端人才汇聚高地");
    expect(task(20).title).toBe("深入推进科技扶贫,确保完成科技扶贫任务");
    expect(task(27).title).toBe("完善科技评价、科研诚信和科技伦理治理体制");
    expect(task(30).title).toBe("加强新型智库建设");
    expect(task(31).title).toBe("编制十四五科技创新规划");
    expect(task(35).title).toBe("推进科技系统依法行政");
    for (const t of plan.tasks) {
      expect(t.title, `task ${t.number}`).not.toMatch(/[。\s]$/);
      expect(t.titleEn.length, `task ${t.number}`).toBeGreaterThan(0);
    }
  });

  it("keeps each task's text as in the document, after the heading", () => {
    for (const t of plan.tasks) {
      expect(t.text, `task ${t.number}`).toBe(t.text.trim());
      expect(t.text, `task ${t.number}`).not.toMatch(/^[。,]/);
      expect(t.text.startsWith(t.title), `task ${t.number}`).toBe(false);
    }
    expect(task(1).text.startsWith("大力支持达州高新区提质增效和高质量发展,积极配合高新区扩区工作")).toBe(
      true,
    );
    expect(task(1).text.endsWith("争取国家科技部、省科技厅的政策支持和业务指导。")).toBe(true);
    expect(task(2).text.startsWith("根据成渝双城经济圈科技创新中心建设方案")).toBe(true);
    expect(task(3).text).toContain("力争全年新建国家级平台1家、省级平台5家以上。");
    expect(task(4).text).toContain(
      "培育高新技术企业10家,科技型中小企业入库备案200家,高新技术产业营业收入达到400亿元以上。",
    );
    expect(task(6).text.startsWith("围绕“6+3”重点产业发展,突出重点产业技术创新。")).toBe(true);
    expect(task(7).text).toContain("着力攻克优势特色产业关键共性技术3项以上,育成突破性新品种2个以上。");
    expect(task(7).text).toContain("实施新品种、新技术和新产品研发转化项目10项以上。");
    expect(task(8).text).toContain("促进互联网+”、物联网、云计算");
    expect(task(11).text).toContain("积极组织参与西博会”“深圳高交会”“重庆军博会等各类展会活动。");
    expect(task(12).text).toContain("实施科技成果转化及产业化开发项目10项以上。");
    expect(task(13).text).toContain("实施省、市级专利转化项目10项以上。");
    expect(task(14).text).toContain("全年组织实施重点创新创业项目10项以上。");
    expect(task(17).text.startsWith("按照达州市政府与重庆市万州区、开州区、梁平区达成的合作协议")).toBe(true);
    expect(task(18).text).toContain("全年柔性引进国(境)外高端紧缺人才23人次。");
    expect(task(19).text).toContain("全年实施各类科技合作项目8项以上。");
    expect(task(20).text).toContain("建设科技扶贫示范基地10个");
    expect(task(20).text).toContain("完成在线技术咨询服务10000次");
    expect(task(20).text.startsWith("推广企业+基地+合作社+农户模式")).toBe(true);
    expect(task(23).text).toContain("推荐上报2个以上省级科普基地。");
    expect(task(25).text).toBe("根据《四川省深化科技奖励制度改革方案》修订《达州市科学技术奖励办法》。");
    expect(task(30).text).toContain("完成新一届决咨委换届工作");
    expect(task(31).text).toContain("编制完成达州市十四五科技创新规划。");
    expect(task(34).text.endsWith("真正做到文经我手无差错、事交我办请放心")).toBe(true);
  });

  it("gives every task a lead and a deadline, with earlier ones for tasks 30 and 31", () => {
    for (const t of plan.tasks) {
      expect(t.lead, `task ${t.number}`).toBe("市科技局");
      expect(t.leadEn, `task ${t.number}`).toBe("Municipal S&T Bureau");
      if (t.number === 30 || t.number === 31) continue;
      expect(t.deadline, `task ${t.number}`).toBe("2020-12-31");
      expect(t.deadlineNote, `task ${t.number}`).toBe("年底");
    }
    expect(task(31).deadline).toBe("2020-10-31");
    expect(task(31).deadlineNote).toContain("十四五");
    expect(task(30).deadline < "2020-12-31").toBe(true);
    expect(task(30).deadlineNote).toContain("决咨委");
  });

  it("has the 10 reporting units", () => {
    expect(plan.units.map((u) => [u.code, u.name, u.aliases, u.adminCode, u.isTotal])).toEqual([
      ["city", "全市", ["达州市"], "511700", true],
      ["shibenji", "市本级", ["市级"], null, false],
      ["tongchuan", "通川区", ["通川"], "511702", false],
      ["dachuan", "达川区", ["达川"], "511703", false],
      ["xuanhan", "宣汉县", ["宣汉"], "511722", false],
      ["kaijiang", "开江县", ["开江"], "511723", false],
      ["dazhu", "大竹县", ["大竹"], "511724", false],
      ["quxian", "渠县", [], "511725", false],
      ["wanyuan", "万源市", ["万源"], "511781", false],
      ["gaoxin", "达州高新区", ["高新区"], null, false],
    ]);
    expect(plan.units.find((u) => u.code === "quxian")?.nameEn).toBe("Qu County");
  });

  it("has the 23 indicators with the plan's targets", () => {
    // code, unit, target, kind, cadence, commitment, section, task
    const expected: [string, string, number, string, string, string, number | null, number | null][] = [
      ["key_tech_projects", "项", 30, "flow", "quarterly", "firm", 2, null],
      ["st_transfer_projects", "项", 10, "flow", "quarterly", "firm", 3, 12],
      ["new_industrial_products", "个", 20, "flow", "quarterly", "firm", 2, 6],
      ["agri_varieties_techs", "项", 10, "flow", "quarterly", "firm", 2, 7],
      ["hitech_enterprises", "家", 70, "stock", "quarterly", "aspirational", 1, 4],
      ["tech_smes", "家", 200, "flow", "quarterly", "firm", 1, 4],
      ["hitech_industry_revenue", "亿元", 400, "flow", "quarterly", "firm", 1, 4],
      ["external_coop_projects", "项", 8, "flow", "quarterly", "firm", 4, 19],
      ["rd_expenditure", "亿元", 10, "flow", "annual", "aspirational", 6, 28],
      ["tech_contract_value", "万元", 5600, "flow", "quarterly", "aspirational", 3, 11],
      ["st_progress_contribution", "%", 58, "rate", "annual", "aspirational", null, null],
      ["national_platforms_new", "家", 1, "flow", "quarterly", "aspirational", 1, 3],
      ["provincial_platforms_new", "家", 5, "flow", "quarterly", "aspirational", 1, 3],
      ["hitech_enterprises_new", "家", 10, "flow", "quarterly", "firm", 1, 4],
      ["agri_key_techs", "项", 3, "flow", "quarterly", "firm", 2, 7],
      ["agri_new_varieties", "个", 2, "flow", "quarterly", "firm", 2, 7],
      ["agri_rd_transfer_projects", "项", 10, "flow", "quarterly", "firm", 2, 7],
      ["patent_transfer_projects", "项", 10, "flow", "quarterly", "firm", 3, 13],
      ["innovation_startup_projects", "项", 10, "flow", "quarterly", "firm", 3, 14],
      ["foreign_experts", "人次", 23, "flow", "quarterly", "firm", 4, 18],
      ["poverty_demo_bases", "个", 10, "flow", "quarterly", "firm", 5, 20],
      ["online_consultations", "次", 10000, "flow", "quarterly", "firm", 5, 20],
      ["provincial_popsci_bases", "个", 2, "flow", "quarterly", "firm", 5, 23],
    ];
    expect(
      plan.indicators.map((i) => [
        i.code,
        i.unit,
        i.target,
        i.kind,
        i.cadence,
        i.commitment,
        i.section,
        i.task,
      ]),
    ).toEqual(expected);
    expect(plan.indicators.map((i) => i.headline)).toEqual(Array.from({ length: 23 }, (_, i) => i < 11));
    expect(plan.indicators.find((i) => i.code === "foreign_experts")?.name).toBe(
      "柔性引进国(境)外高端紧缺人才",
    );
    for (const ind of plan.indicators) {
      if (ind.task !== null) expect(ind.section, ind.code).toBe(task(ind.task).section);
    }
  });

  it("paces the three one-off targets as milestones, every other indicator linearly, each with its reason", () => {
    // the plan's one-off targets: 新建国家级创新平台 1, 育成突破性新品种 2, 推荐上报省级科普基地 2 (rule 2)
    const milestones = plan.indicators.filter((i) => i.pace === "milestone").map((i) => [i.name, i.target]);
    expect(milestones).toEqual([
      ["新建国家级创新平台", 1],
      ["育成突破性新品种", 2],
      ["推荐上报省级科普基地", 2],
    ]);
    expect(plan.indicators.filter((i) => i.pace === "linear")).toHaveLength(20);
    for (const ind of plan.indicators) expect(ind.paceNote?.length, ind.code).toBeGreaterThan(0);
  });

  it.each([
    ["a profile that falls", [0.2, 0.5, 0.4, 1]],
    ["a profile that does not end at 1", [0.2, 0.4, 0.6, 0.9]],
    ["a share above 1", [0.2, 0.4, 1.2, 1]],
    ["three shares", [0.2, 0.5, 1]],
    ["an unknown pace", "seasonal"],
  ])("rejects a pace that is not linear, milestone or four cumulative shares: %s", (_case, pace) => {
    const raw = JSON.parse(seedText);
    raw.indicators[2].pace = pace;
    expect(problemPaths(raw)).toContain("indicators[2].pace");
  });

  it("a plan file without pace means linear; a profile is kept as given", () => {
    const raw = JSON.parse(seedText);
    delete raw.indicators[0].pace;
    raw.indicators[1].pace = [0.15, 0.4, 0.65, 1];
    const p = parsePlanFile("revised.json", JSON.stringify(raw));
    expect(p.indicators[0]!.pace).toBe("linear");
    expect(p.indicators[1]!.pace).toEqual([0.15, 0.4, 0.65, 1]);
  });

  it("rejects a copy with a broken field, naming its path", () => {
    const raw = JSON.parse(seedText);
    raw.indicators[0].target = "x";
    expect(problemPaths(raw)).toContain("indicators[0].target");
  });
});
