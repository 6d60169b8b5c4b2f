/**
 * `targets import` reads a workbook sheet by sheet, each sheet a table of its own (title block,
 * header), as `import` does: a notes or empty sheet is skipped and listed, `--sheet` chooses, a
 * target or weight given again on another sheet is refused naming both cells (技术合同!C2). A 考核权重
 * on a 全市 or 合计 row is the indicator's weight, as on a unit's row; a weight written 20% is 20
 * (weights are relative). README "Unit targets".
 * The 2020 plan (seeds/plan-2020.json): 关键技术攻关项目 30 项, 技术合同登记额 5,600 万元.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, tempDir } from "../helpers.js";
import { type MainResult, runMain } from "../support/main.js";

const dir = tempDir();
let db: string;
let n = 0;
afterAll(() => dir.cleanup());
beforeEach(async () => {
  db = join(dir.dir, `t${++n}.db`);
  await createDatabase(db);
});

const run = (...argv: string[]): Promise<MainResult> =>
  runMain(["--db", db, ...argv], {
    PATH: process.env.PATH,
    HOME: dir.dir,
    NO_COLOR: "1",
    DZKJ_NOW: "2020-03-01T02:00:00Z",
  });
const csv = (name: string, ...lines: string[]) => {
  const f = join(dir.dir, name);
  writeFileSync(f, `${lines.join("\n")}\n`);
  return f;
};
const X = createRequire(import.meta.url)("@e965/xlsx");
/** A workbook of [sheet name, rows], written with SheetJS. */
const book = (name: string, sheets: [string, (string | number | null)[][]][]): string => {
  const wb = X.utils.book_new();
  for (const [s, rows] of sheets) X.utils.book_append_sheet(wb, X.utils.aoa_to_sheet(rows), s);
  const f = join(dir.dir, name);
  writeFileSync(f, X.write(wb, { type: "buffer", bookType: "xlsx" }));
  return f;
};
type Stored = { unit: string; indicator: string; target: number; weight: number | null };
const stored = async (): Promise<Stored[]> =>
  JSON.parse((await run("targets", "--format", "json")).stdout).targets.map((t: Stored) => ({
    unit: t.unit,
    indicator: t.indicator,
    target: t.target,
    weight: t.weight,
  }));
const KEY = "key_tech_projects";
const CONTRACTS = "tech_contract_value";

describe("a weight on a 全市 or 合计 row is the indicator's weight", () => {
  it.each([
    ["全市", "全市,关键技术攻关项目,30,3"],
    ["合计", "合计,关键技术攻关项目,30,3"],
  ])("%s row's weight 3 reaches the unit row without one", async (_case, total) => {
    const f = csv("w-total.csv", "单位,指标,目标,考核权重", total, "渠县,关键技术攻关项目,8,");
    const r = await run("targets", "import", f);
    expect(r.code, r.stderr).toBe(0);
    // the 全市 row's 30 is the plan's city target: not stored; its weight 3 is 渠县's
    expect(await stored()).toEqual([{ unit: "quxian", indicator: KEY, target: 8, weight: 3 }]);
  });

  it("a 合计 row's weight conflicting with a unit's is refused naming both cells", async () => {
    const f = csv(
      "w-conflict.csv",
      "单位,指标,目标,考核权重",
      "渠县,关键技术攻关项目,8,2",
      "合计,关键技术攻关项目,30,5",
    );
    const r = await run("targets", "import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "w-conflict.csv:3: 考核权重: 5 — 关键技术攻关项目 的考核权重在第 2 行是 2，这里是 5",
    );
    expect(await stored()).toEqual([]);
  });

  it("a total row's weight applies to a unit's target stored earlier", async () => {
    const a = csv("w-a.csv", "单位,指标,目标", "通川区,关键技术攻关项目,10");
    expect((await run("targets", "import", a)).code).toBe(0);
    const b = csv("w-b.csv", "单位,指标,目标,考核权重", "全市,关键技术攻关项目,30,4");
    const r = await run("targets", "import", b);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("通川区 关键技术攻关项目: 考核权重 1 → 4");
    expect(await stored()).toEqual([{ unit: "tongchuan", indicator: KEY, target: 10, weight: 4 }]);
  });
});

describe("a weight written as a percentage", () => {
  it("20% is stored as 20, full-width ％ too: weights are relative", async () => {
    const f = csv(
      "w-pct.csv",
      "单位,指标,目标,考核权重",
      "渠县,关键技术攻关项目,8,20%",
      "渠县,技术合同登记额,1200,30％",
    );
    const r = await run("targets", "import", f);
    expect(r.code, r.stderr).toBe(0);
    expect(await stored()).toEqual([
      { unit: "quxian", indicator: KEY, target: 8, weight: 20 },
      { unit: "quxian", indicator: CONTRACTS, target: 1200, weight: 30 },
    ]);
  });

  it("a weight that is no number says percentages are accepted", async () => {
    const f = csv("w-bad.csv", "单位,指标,目标,考核权重", "渠县,关键技术攻关项目,8,高");
    const r = await run("targets", "import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("考核权重“高”不是大于 0 的数（可写 20 或 20%，权重只看相对大小）");
  });
});

describe("a targets workbook is read sheet by sheet", () => {
  const multi = () =>
    book("multi.xlsx", [
      ["说明", [["本表用于2020年目标分解"]]],
      [
        "关键技术",
        [
          ["2020年科技创新目标任务分解表"],
          ["单位", "指标", "目标", "考核权重"],
          ["渠县", "关键技术攻关项目", 8, 2],
          ["通川区", "关键技术攻关项目", 10, null],
        ],
      ],
      [
        "技术合同",
        [
          ["金额单位：万元"],
          ["单位", "指标", "目标"],
          ["渠县", "技术合同登记额", "0.12亿元"],
          ["通川区", "技术合同登记额", 1500],
        ],
      ],
    ]);

  it("each sheet's own title block and header: a second sheet's title is not data", async () => {
    const r = await run("targets", "import", multi());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("未导入工作表“说明”（说明或封面页）");
    expect(r.stdout).toContain("工作表 关键技术、技术合同；读取 4 行，跳过标题行 2，新增 4");
    // 0.12亿元 = 1,200 万元; 通川区 takes 渠县's weight 2 (one weight per indicator); plan order
    expect(await stored()).toEqual([
      { unit: "tongchuan", indicator: KEY, target: 10, weight: 2 },
      { unit: "quxian", indicator: KEY, target: 8, weight: 2 },
      { unit: "tongchuan", indicator: CONTRACTS, target: 1500, weight: null },
      { unit: "quxian", indicator: CONTRACTS, target: 1200, weight: null },
    ]);
  });

  it("--sheet chooses a sheet by name or number; a chosen sheet without a header is refused", async () => {
    const f = multi();
    const r = await run("targets", "import", "--dry-run", "--sheet", "技术合同", f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("工作表 技术合同；读取 2 行");
    expect(r.stdout).not.toContain("关键技术!");
    const one = await run("targets", "import", "--sheet", "1", f);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain("multi.xlsx:说明: 找不到表头");
    expect(await stored()).toEqual([]);
  });

  it("a sheet with no targets header (a one-line note) is skipped and listed", async () => {
    const f = book("notes.xlsx", [
      [
        "目标分解",
        [
          ["单位", "指标", "目标"],
          ["渠县", "关键技术攻关项目", 8],
        ],
      ],
      ["Sheet2", [["注：目标以市政府文件为准"]]],
    ]);
    const r = await run("targets", "import", f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "未导入工作表“Sheet2”（没有单位目标表头，不是目标表；如要导入请用 --sheet 指定）",
    );
    expect(await stored()).toEqual([{ unit: "quxian", indicator: KEY, target: 8, weight: null }]);
  });

  it("a wide sheet then a long one: each its own header", async () => {
    const f = book("wide-long.xlsx", [
      [
        "A",
        [
          ["单位", "关键技术攻关项目"],
          ["渠县", 8],
        ],
      ],
      [
        "B",
        [
          ["单位", "指标", "目标"],
          ["通川区", "关键技术攻关项目", 10],
        ],
      ],
    ]);
    const r = await run("targets", "import", f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("A!B2 渠县 关键技术攻关项目: 新增 8");
    expect(r.stdout).toContain("B!C2 通川区 关键技术攻关项目: 新增 10");
  });

  it("a target given again on another sheet names both cells", async () => {
    const f = book("dup.xlsx", [
      [
        "一",
        [
          ["单位", "指标", "目标"],
          ["渠县", "关键技术攻关项目", 8],
        ],
      ],
      [
        "二",
        [
          ["单位", "指标", "目标"],
          ["渠县", "关键技术攻关项目", 9],
        ],
      ],
    ]);
    const r = await run("targets", "import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("dup.xlsx:二!C2: 目标: 9 — 渠县 的 关键技术攻关项目 目标已在 一!C2 给出");
    expect(await stored()).toEqual([]);
  });

  it("conflicting weights on two sheets name both 考核权重 cells, long and wide", async () => {
    const long = book("wc.xlsx", [
      [
        "一",
        [
          ["单位", "指标", "目标", "考核权重"],
          ["渠县", "关键技术攻关项目", 8, 2],
        ],
      ],
      [
        "二",
        [
          ["单位", "指标", "目标", "考核权重"],
          ["通川区", "关键技术攻关项目", 10, 3],
        ],
      ],
    ]);
    const a = await run("targets", "import", long);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(
      "wc.xlsx:二!D2: 考核权重: 3 — 关键技术攻关项目 的考核权重在 一!D2 是 2，这里是 3",
    );
    const wide = book("wcw.xlsx", [
      [
        "县区",
        [
          ["单位", "关键技术攻关项目（项）"],
          ["渠县", 8],
          ["考核权重", 2],
        ],
      ],
      [
        "园区",
        [
          ["单位", "关键技术攻关项目（项）"],
          ["达州高新区", 5],
          ["考核权重", 1],
        ],
      ],
    ]);
    const b = await run("--lang", "en", "targets", "import", wide);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain("has weight 2 at 县区!B3 and 1 here");
    expect(b.stderr).toContain("wcw.xlsx:园区!B3");
    expect(await stored()).toEqual([]);
  });
});
