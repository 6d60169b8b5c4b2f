import { describe, expect, it } from "vitest";
import { type Candidate, extractPlanText, nameOverlap } from "../../src/intake/plan-text.js";

/** The targets one plan sentence yields, as [number, unit, ...fields asked for]. */
function targets(text: string): Candidate[] {
  return extractPlanText(text).candidates;
}

describe("力争 scope: which targets a commitment word governs", () => {
  it.each([
    [
      "after its subject it governs only its clause",
      "创新主体不断壮大，高新技术企业力争达到70家，入库备案科技型中小企业达到200家。",
      ["aspirational", "firm"],
    ],
    [
      "heading its clause it governs the rest of the sentence",
      "创新动能显著增强，力争全社会研发经费支出达到10亿元，技术合同登记额达到5600万元，科技进步贡献率达到58%。",
      ["aspirational", "aspirational", "aspirational"],
    ],
    [
      "heading an enumeration it governs every item",
      "力争全年新建国家级平台1家、省级平台5家以上。",
      ["aspirational", "aspirational"],
    ],
    ["its scope ends at 。", "努力把开发区打造成为企业集聚区。培育高新技术企业10家。", ["firm"]],
    ["its scope ends at ；", "争取新建国家级平台2家；新建省级平台5家。", ["aspirational", "firm"]],
    [
      "a later 确保 ends the scope of an earlier 力争",
      "力争研发经费支出达到10亿元，确保技术合同登记额达到5600万元。",
      ["aspirational", "firm"],
    ],
    ["without a commitment word a target is firm", "实施关键技术攻关项目30项。", ["firm"]],
  ])("%s", (_rule, text, expected) => {
    expect(targets(text).map((c) => c.commitment)).toEqual(expected);
  });

  it("says which word decided the commitment and how far it reached", () => {
    const [a, b] = targets("高新技术企业力争达到70家，力争研发经费支出达到10亿元。");
    expect(a?.why).toContainEqual({ rule: "aspirationalClause", word: "力争" });
    expect(b?.why).toContainEqual({ rule: "aspirationalSentence", word: "力争" });
  });
});

describe("comparison: 以上, 突破, 超过, 不低于 mean at least", () => {
  it.each([
    ["以上 after the unit", "新建省级平台5家以上。", 5, "家", "atLeast"],
    ["及以上 after the unit", "实施重点项目20项及以上。", 20, "项", "atLeast"],
    ["突破 before the number", "高新技术产业营业收入突破100亿元。", 100, "亿元", "atLeast"],
    ["超过 before the number", "实施科技合作项目超过20项。", 20, "项", "atLeast"],
    ["不低于 before the number", "研发投入强度不低于2.5%。", 2.5, "%", "atLeast"],
    ["不超过 is at most, not 超过", "科研项目结余资金比例不超过30%。", 30, "%", "atMost"],
    ["控制在…以内 is at most", "孵化器在孵企业毕业率控制在30%以内。", 30, "%", "atMost"],
    ["no comparison word: exactly", "新增高新技术企业10家。", 10, "家", "exactly"],
    ["full-width digits read as digits", "新建省级平台５家以上。", 5, "家", "atLeast"],
    ["余 between number and unit: more than", "开展技术培训5000余人次。", 5000, "人次", "atLeast"],
    ["a thousands separator is part of the number", "完成在线技术咨询服务10,000次。", 10000, "次", "exactly"],
    ["千元 reads as 万元 by a decimal shift", "兑现奖补资金1234千元。", 123.4, "万元", "exactly"],
    // a figure per head is a ratio, never held to whole numbers as a count of 件 would be
    ["每万人 makes the unit per 万人", "每万人发明专利拥有量达到4.5件。", 4.5, "件/万人", "exactly"],
    ["每千人 makes the unit per 千人", "全市每千人科技人员数达到12人以上。", 12, "人/千人", "atLeast"],
  ])("%s", (_rule, text, number, unit, comparison) => {
    const [c, ...rest] = targets(text);
    expect(rest).toEqual([]);
    expect([c?.number, c?.unit, c?.comparison]).toEqual([number, unit, comparison]);
  });
});

describe("确保 X、争取 Y: a firm floor and an aspirational stretch in one candidate", () => {
  it.each([
    ["the stretch repeats only the figure", "确保新增高新技术企业10家、争取15家。", 10, 15, "exactly"],
    ["the stretch says 突破", "确保技术合同登记额达到8亿元，争取突破10亿元。", 8, 10, "atLeast"],
    ["力争 pairs like 争取", "确保新建省级平台3个，力争5个以上。", 3, 5, "atLeast"],
  ])("%s", (_rule, text, floor, stretch, stretchComparison) => {
    const found = targets(text);
    expect(found).toHaveLength(1);
    const [c] = found;
    expect([c?.number, c?.commitment]).toEqual([floor, "firm"]);
    expect(c?.stretch).toMatchObject({ number: stretch, comparison: stretchComparison });
    expect(c?.why.some((w) => w.rule === "pair")).toBe(true);
  });

  it("a 争取 clause that names its own thing is a second target, not a stretch", () => {
    const found = targets("确保新建省级平台3家、争取新建国家级平台1家。");
    expect(found.map((c) => [c.number, c.commitment, c.stretch])).toEqual([
      [3, "firm", null],
      [1, "aspirational", null],
    ]);
  });

  it("a stretch in another unit is not paired", () => {
    const found = targets("确保技术合同登记额达到8亿元，争取引进人才20人。");
    expect(found.map((c) => [c.number, c.commitment])).toEqual([
      [8, "firm"],
      [20, "aspirational"],
    ]);
  });
});

describe("kind: 新增 against 达到, yearly amounts, rates", () => {
  it.each([
    ["新增 is a flow", "新增高新技术企业20家。", "flow", "kindNew"],
    ["新增 wins over 达到", "新增高新技术企业达到20家。", "flow", "kindNew"],
    ["达到 with a persisting thing is a stock", "高新技术企业达到70家。", "stock", "kindLevel"],
    ["总数达到 with platforms is a stock", "省级以上创新平台总数达到120个。", "stock", "kindLevel"],
    [
      "a year's registrations are a flow even with 达到",
      "入库备案科技型中小企业达到200家。",
      "flow",
      "kindYearly",
    ],
    ["a year's revenue is a flow even with 达到", "高新技术产业营业收入达到400亿元。", "flow", "kindYearly"],
    [
      "a year's spending is a flow even with 达到",
      "全社会研发经费支出总量达到10亿元。",
      "flow",
      "kindYearly",
    ],
    ["a % is a rate", "科技进步贡献率达到58%。", "rate", "kindRate"],
    ["培育 is a flow", "培育高新技术企业10家。", "flow", "kindVerb"],
    [
      "达到 with a count of events is a flow, with a doubt",
      "在线技术咨询服务达到10000次。",
      "flow",
      "kindReachCount",
    ],
  ])("%s", (_rule, text, kind, rule) => {
    const [c] = targets(text);
    expect(c?.kind).toBe(kind);
    expect(c?.why.some((w) => w.rule === rule)).toBe(true);
  });

  it.each([
    [
      "a change in percentage points is a rate with a doubt",
      "研发投入强度提高0.2个百分点。",
      0.2,
      "个百分点",
      "points",
    ],
    ["a growth % is a rate with a doubt", "高新技术产业产值增长15%。", 15, "%", "growth"],
  ])("%s", (_rule, text, number, unit, doubt) => {
    const [c, ...rest] = targets(text);
    expect(rest).toEqual([]);
    expect([c?.number, c?.unit, c?.kind, c?.confidence]).toEqual([number, unit, "rate", "medium"]);
    expect(c?.doubts.map((d) => d.rule)).toEqual([doubt]);
  });

  it("a kind guessed from 达到 alone is a doubt, and the candidate's confidence says so", () => {
    const [c] = targets("在线技术咨询服务达到10000次。");
    expect(c?.doubts).toContainEqual({ rule: "kindGuess" });
    expect(c?.confidence).toBe("medium");
  });
});

describe("numbers that are not targets are kept out, each with its rule", () => {
  it.each([
    ["a year", "2021年是十四五开局之年。", "year"],
    ["a date", "发布日期：2021-03-15。", "date"],
    ["a document number in 〔〕", "按照《通知》（达市科〔2021〕12号）要求。", "docNumber"],
    ["an N+M slogan", "围绕“6+3”重点产业。", "slogan"],
    ["a 1+N slogan", "构建“1+N”政策体系。", "slogan"],
    ["a code-like number (hotline, 12335 部署)", "按照市委“12335”总体部署，开通12345热线。", "code"],
    ["a quoted number without a unit", "建设双“300”城市。", "quoted"],
    ["an ordinal", "争取列入第3批试点。", "ordinal"],
    ["a number without a unit of measure", "以创新示范5大创建为抓手。", "noUnit"],
    ["the size of the economy (亿 alone)", "聚焦经济总量冲刺4000亿的发展目标。", "economy"],
    ["the size of the economy (亿元)", "地区生产总值突破5000亿元。", "economy"],
  ])("%s", (_rule, text, rule) => {
    const r = extractPlanText(text);
    expect(r.candidates).toEqual([]);
    expect(r.excluded.length).toBeGreaterThan(0);
    expect(r.excluded.every((e) => e.why.rule === rule)).toBe(true);
  });

  it("a range is one target at its lower end, with a doubt; its upper end is excluded", () => {
    const r = extractPlanText("新建省级平台3-5家。");
    expect(r.candidates.map((c) => [c.number, c.unit, c.comparison, c.confidence])).toEqual([
      [3, "家", "atLeast", "medium"],
    ]);
    expect(r.candidates[0]?.doubts).toContainEqual({ rule: "range", word: "3-5家" });
    expect(r.excluded.map((e) => [e.text, e.why.rule])).toEqual([["5家", "rangeEnd"]]);
  });

  it("a date's parts are a date, not a range", () => {
    const r = extractPlanText("2021-03-15前完成。");
    expect(r.excluded.map((e) => e.why.rule)).toEqual(["date", "date", "date"]);
  });

  it("a share of GDP is an S&T target, not a figure about the economy", () => {
    const [c] = targets("全社会研发经费投入占地区生产总值比重达到2.1%。");
    expect([c?.number, c?.unit, c?.kind]).toEqual([2.1, "%", "rate"]);
  });

  it("万 or 亿 alone reads as 万元 or 亿元, with a doubt", () => {
    const [c] = targets("技术合同登记额达到8亿。");
    expect([c?.number, c?.unit, c?.confidence]).toEqual([8, "亿元", "medium"]);
    expect(c?.doubts).toContainEqual({ rule: "bareMoney", word: "8亿" });
  });
});

describe("names: what a figure counts", () => {
  it.each([
    ["the words before the number, without 力争 and 全年", "力争全年新建国家级平台1家。", ["新建国家级平台"]],
    [
      "an item of an enumeration takes the verb that heads it",
      "力争全年新建国家级平台1家、省级平台5家以上。",
      ["新建国家级平台", "新建省级平台"],
    ],
    [
      "the thing after the number when the verb comes first",
      "筛选并推荐上报2个以上省级科普基地。",
      ["推荐上报省级科普基地"],
    ],
    ["a generic verb (实施) is dropped", "实施关键技术攻关项目30项。", ["关键技术攻关项目"]],
    ["the verb after the subject (达到) is dropped", "高新技术企业力争达到70家。", ["高新技术企业"]],
  ])("%s", (_rule, text, names) => {
    expect(targets(text).map((c) => c.name)).toEqual(names);
  });
});

describe("nameOverlap: when the 总体目标 and a task state one target", () => {
  it.each([
    // 入库备案科技型中小企业 (10 bigrams: 入库 库备 备案 案科 科技 技型 型中 中小 小企 企业) and
    // 科技型中小企业入库备案 (10: … 企业 业入 入库 …) share all but 案科 and 业入: 9/10
    ["the same words reordered", "入库备案科技型中小企业", "科技型中小企业入库备案", 9 / 10],
    // 科技成果转化项目 (7 bigrams) within 科技成果转化及产业化开发项目 (13): 科技 技成 成果 果转 转化 项目 = 6/7
    ["a name within a longer one", "科技成果转化项目", "科技成果转化及产业化开发项目", 6 / 7],
    // fillers (各类) dropped: 科技合作项目 (5 bigrams) and 对外科技合作专项 (7) share 科技 技合 合作 = 3/5
    ["a filler word dropped", "对外科技合作专项", "各类科技合作项目", 3 / 5],
    // Han letters only (、 dropped): 推广应用农业新品种新技术 (11 bigrams) and 新品种新技术和新产品研发转化项目
    // (15) share 新品 品种 种新 新技 技术 = 5/11 < 0.5: two targets, not one stated twice
    [
      "two targets sharing an object",
      "推广应用农业新品种、新技术",
      "新品种、新技术和新产品研发转化项目",
      5 / 11,
    ],
  ])("%s", (_rule, a, b, expected) => {
    expect(nameOverlap(a, b)).toBeCloseTo(expected, 6);
  });
});

describe("万/亿 before a measure word scales that measure, never 万元", () => {
  it.each([
    ["孵化器孵化面积达到5万平方米。", 5, "万平方米"],
    ["科普受众超过20万人次。", 20, "万人次"],
    ["带动就业达到3万人。", 3, "万人"],
    ["新增粮食产能3万吨。", 3, "万吨"],
    ["推广高产品种1万亩。", 1, "万亩"],
    ["建成标准厂房2.5万平方米。", 2.5, "万平方米"],
  ])("%s", (text, number, unit) => {
    const [c] = targets(text);
    // no bare-money doubt: something follows 万 that is a measure
    expect([c?.number, c?.unit, c?.doubts.some((d) => d.rule === "bareMoney")]).toEqual([
      number,
      unit,
      false,
    ]);
  });
});

describe("万/亿 before a word that may be a measure", () => {
  it.each([
    // 张 is no listed measure: read as 万张, flagged
    ["发放科技创新券2万张。", 2, "万张", ["measureGuess"]],
    // nothing after 万: 万元, flagged as before
    ["全年技术交易额突破5万。", 5, "万元", ["bareMoney"]],
    ["科技项目资金5万以上。", 5, "万元", ["bareMoney"]],
  ])("%s", (text, number, unit, doubts) => {
    const [c] = targets(text);
    expect([c?.number, c?.unit, c?.doubts.map((d) => d.rule).filter((r) => r !== "kindGuess")]).toEqual([
      number,
      unit,
      doubts,
    ]);
  });
});

describe("task markers followed by a year or digits", () => {
  const tasks = (text: string) =>
    extractPlanText(text).tasks.map((t) => `${t.label}:${t.text.split("\n")[0]}`);
  it.each([
    [
      "2.2021年…: marker 2, then the year",
      "一、部分\n1.开展科普活动10场次。\n2.2021年底前建成平台3个。\n3.新增企业5家。",
      ["1:开展科普活动10场次。", "2:2021年底前建成平台3个。", "3:新增企业5家。"],
    ],
    [
      "2、2021年…: marker 2, then the year",
      "一、部分\n1、引进企业15家。\n2、2021年6月30日前完成调查。\n3、新增平台2个。",
      ["1:引进企业15家。", "2:2021年6月30日前完成调查。", "3:新增平台2个。"],
    ],
    [
      "2.5亿元 is a figure, not task 2",
      "一、部分\n1.引进资金。\n2.5亿元用于平台建设。\n2.新增企业5家。",
      ["1:引进资金。", "2:新增企业5家。"],
    ],
  ])("%s", (_rule, text, expected) => {
    expect(tasks(text)).toEqual(expected);
  });

  it("keeps the count after a marker it could not read: tasks 1–8 with task 4's marker lost", () => {
    // line 4 has no marker a task can have (4） with no opening bracket): tasks 5–8 still follow
    const text = [
      "一、部分",
      "1.甲。",
      "2.乙。",
      "3.丙。",
      "4）丁。",
      "5.戊。",
      "6.己。",
      "7.2021年庚。",
      "8.辛。",
    ].join("\n");
    expect(extractPlanText(text).tasks.map((t) => t.label)).toEqual(["1", "2", "3", "5", "6", "7", "8"]);
  });

  it("reads （1）（2） inside a `1.` task as a list, not as new tasks", () => {
    const text = "一、部分\n1.建设平台。\n（1）新建众创空间3家；\n（2）新建孵化器2家。\n2.新增企业5家。";
    const r = extractPlanText(text);
    expect(r.tasks.map((t) => t.label)).toEqual(["1", "2"]);
    // the markers are not part of the names, and the figures are task 1's
    expect(r.candidates.map((c) => [c.name, c.source.task])).toEqual([
      ["新建众创空间", 1],
      ["新建孵化器", 1],
      ["新增企业", 2],
    ]);
  });
});

describe("力争 heading a clause with no figure: carried on, with a doubt", () => {
  it("flags the figures after a 力争 clause that states none", () => {
    const cs = targets(
      "力争省级高新区创建取得突破，园区高新技术产业产值达到85亿元，占规模以上工业产值比重达到55%。",
    );
    expect(cs.map((c) => [c.commitment, c.doubts.some((d) => d.rule === "scopeNoFigure")])).toEqual([
      ["aspirational", true],
      ["aspirational", true],
    ]);
  });
  it("does not flag a 力争 clause that states its own figure", () => {
    const cs = targets("力争全社会研发经费支出达到10亿元，技术合同登记额达到5600万元。");
    expect(cs.map((c) => c.doubts.some((d) => d.rule === "scopeNoFigure"))).toEqual([false, false]);
  });
  it.each([
    ["①②③ list items", "①建设示范基地15个；②推广新技术30项以上；③力争培育企业10家，农民培训5000人次。"],
    [
      "(1)(2)(3) list items",
      "（1）建设示范基地15个；（2）推广新技术30项以上；（3）力争培育企业10家，农民培训5000人次。",
    ],
  ])("%s: a list item is its own clause for 力争, and its marker is not in the name", (_rule, text) => {
    expect(targets(text).map((c) => [c.name, c.commitment])).toEqual([
      ["建设示范基地", "firm"],
      ["推广新技术", "firm"],
      ["培育企业", "aspirational"],
      ["农民培训", "aspirational"],
    ]);
  });
});

describe("from … to, 左右, and names without verbs", () => {
  it("由45家增加到60家: one target, 60, a stock, the 45 recorded as the start", () => {
    const r = extractPlanText("全市高新技术企业由45家增加到60家。");
    expect(r.candidates.map((c) => [c.name, c.number, c.kind])).toEqual([["高新技术企业", 60, "stock"]]);
    expect(r.candidates[0]?.why).toContainEqual({ rule: "fromTo", word: "由45家增加到" });
    expect(r.excluded.map((e) => [e.text, e.why.rule])).toEqual([["45家", "fromFigure"]]);
  });
  it("50家左右: 50, with a doubt, and 左右 not in the name", () => {
    const [c] = targets("力争全年新增科技型企业50家左右。");
    expect([c?.name, c?.number, c?.comparison, c?.doubts]).toEqual([
      "新增科技型企业",
      50,
      "exactly",
      [{ rule: "about", word: "50家左右" }],
    ]);
  });
  it.each([
    ["研发投入较上年增加2000万元，总量达到1.2亿元。", 1.2, "研发投入总量"],
    ["技术合同成交额同比增长20%，达到3亿元。", 3, "技术合同成交额"],
    ["区财政科技支出较上年增长10%，达到6500千元。", 650, "区财政科技支出"],
    // 全市 is one of the lead words every name drops
    ["全市高新技术企业由45家增加到60家。", 60, "高新技术企业"],
  ])("%s → the subject of the clause before, no verb", (text, number, name) => {
    const c = targets(text).find((x) => x.number === number);
    expect(c?.name).toBe(name);
    expect(c?.name).not.toMatch(/由|增加到|左右|达到/);
  });
});

describe("numbers that are parameters, not targets", () => {
  it.each([
    ["单个项目补助不超过50万元。", "50万元", "policyCap"],
    ["单张创新券面值不超过5万元。", "5万元", "policyCap"],
    ["服务覆盖全县22个乡镇。", "22个", "coverage"],
    ["考核权重不低于5%。", "5%", "weight"],
  ])("%s", (text, figure, rule) => {
    const r = extractPlanText(text);
    expect(r.candidates).toEqual([]);
    expect(r.excluded.map((e) => [e.text, e.why.rule])).toEqual([[figure, rule]]);
  });
  it("still reads a count of firms a survey covers (调查覆盖企业300余家)", () => {
    expect(targets("调查覆盖企业300余家。").map((c) => c.number)).toEqual([300]);
  });
});

describe("a （二） sub-heading inside a section", () => {
  it("is not glued onto the task before it, and the next task still follows", () => {
    const r = extractPlanText(
      "一、壮大主体\n（一）培育企业\n1.新增企业5家。\n2.新建平台2个。\n（二）引育人才\n3.引进人才30人。",
    );
    expect(r.tasks.map((t) => [t.label, t.text])).toEqual([
      ["1", "新增企业5家。"],
      ["2", "新建平台2个。"],
      ["3", "引进人才30人。"],
    ]);
  });
});
