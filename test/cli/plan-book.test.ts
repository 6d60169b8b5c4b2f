/**
 * The plan as a workbook (README "The plan as a workbook"): `plan export` to xlsx and JSON,
 * `init --plan x.xlsx` of that workbook (edited with exceljs, standing in for Excel or WPS), and
 * `plan new` with its reference columns; every refusal located by sheet and cell.
 *
 * Rows of the 指标 sheet are the seed's indicators in order, from row 2: key_tech_projects (项) on
 * row 2, st_transfer_projects (项, task 12) on 3, hitech_enterprises (家) on 6,
 * tech_contract_value (万元, 5600) on 11. Columns of 指标: A 指标代码, E 目标值, F 争取目标, G 类型,
 * M 所属部分, N 所属任务.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, FIXTURES, PROGRESS_FIXTURES, ROOT, tempDir, testEnv } from "../helpers.js";
import { runMain } from "../support/main.js";

const SEED = readFileSync(join(ROOT, "seeds", "plan-2020.json"), "utf8");

let tmp: { dir: string; cleanup: () => void };
let env: NodeJS.ProcessEnv;
/** a database with the embedded 2020 plan and every 2020 fixture (Q4 too) */
let db: string;
/** the 2020 plan exported as a workbook */
let book: string;

beforeAll(async () => {
  tmp = tempDir("dzkj-plan-book-");
  env = testEnv(tmp.dir, { DZKJ_NOW: "2021-01-20T08:00:00Z", TZ: "UTC" });
  db = join(tmp.dir, "a.db");
  await createDatabase(db);
  const q4 = join(FIXTURES, "progress", "2020Q4.csv");
  expect((await runMain(["--db", db, "import", ...PROGRESS_FIXTURES, q4], env)).code).toBe(0);
  book = join(tmp.dir, "plan-2020.xlsx");
  const r = await runMain(["--db", db, "plan", "export", "-o", book], env);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain(book);
});
afterAll(() => tmp.cleanup());

const dzkj = (dbPath: string, ...args: string[]) => runMain(["--db", dbPath, ...args], env);

/** A copy of `from` with `edit` applied to it, saved as a new workbook: its path. */
async function edited(from: string, name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(from) as never);
  edit(wb);
  const file = join(tmp.dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;
/** The same plan as year 2021, so it loads beside the stored 2020 plan. */
const as2021 = (wb: ExcelJS.Workbook) => {
  sheet(wb, "基本信息").getCell("B2").value = 2021;
};

let fresh = 0;
/** A new database holding only the embedded 2020 plan. */
async function freshDb(): Promise<string> {
  const path = join(tmp.dir, `fresh-${++fresh}.db`);
  await createDatabase(path);
  return path;
}

describe("plan export", () => {
  it("--format json is the plan file itself, byte for byte (seeds/plan-2020.json)", async () => {
    const r = await dzkj(db, "plan", "export", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(SEED);
  });

  it("writes the five sheets and 说明, headers frozen, drop-downs from the plan's vocabularies", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(book) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["基本信息", "部分", "任务", "指标", "单位", "说明"]);
    const ind = sheet(wb, "指标");
    expect(ind.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ind.getCell("A1").value).toBe("指标代码");
    expect(ind.getCell("E1").value).toBe("目标值");
    // headers shaded and locked (the default once the sheet is protected), every data cell open
    expect(ind.getCell("A1").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFD0D7DE" } });
    expect(ind.getCell("A1").protection?.locked).not.toBe(false);
    expect(ind.getCell("E11").protection).toMatchObject({ locked: false });
    expect((ind as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({
      sheet: true,
      insertRows: true,
      deleteRows: true,
    });
    // tech_contract_value: 5600 万元, a number cell
    expect(ind.getCell("A11").value).toBe("tech_contract_value");
    expect(ind.getCell("D11").value).toBe("万元");
    expect(ind.getCell("E11").value).toBe(5600);
    // a Chinese workbook writes and offers the Chinese words of the vocabularies
    expect([ind.getCell("G11").value, ind.getCell("H11").value, ind.getCell("I11").value]).toEqual([
      "流量",
      "按季",
      // 力争…技术合同登记额达到5600万元 (the 2020 plan): aspirational
      "力争",
    ]);
    expect(ind.getCell("G11").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"流量,存量,比率"'],
    });
    expect(ind.getCell("H11").dataValidation.formulae).toEqual(['"按季,按年"']);
    expect(ind.getCell("I11").dataValidation.formulae).toEqual(['"硬性,力争"']);
    expect(String(ind.getCell("D11").dataValidation.formulae[0])).toContain("万元");
    // 全市: admin code kept as text, 是 for the total, aliases joined by 、
    const units = sheet(wb, "单位");
    expect(units.getCell("A2").value).toBe("city");
    expect(units.getCell("D2").value).toBe("达州市");
    expect(units.getCell("E2").value).toBe("511700");
    expect(units.getCell("F2").value).toBe("是");
    expect(sheet(wb, "任务").getCell("E13").value).toContain("实施科技成果转化专项");
  });

  it("--lang en writes the 说明 in English and the vocabularies' codes; the sheet names stay Chinese", async () => {
    const file = join(tmp.dir, "en.xlsx");
    expect((await runMain(["--lang", "en", "--db", db, "plan", "export", "-o", file], env)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    expect(sheet(wb, "说明").getCell("A1").value).toBe("The 2020 plan workbook: how to fill it in");
    expect(wb.worksheets.map((w) => w.name)).toContain("指标");
    const ind = sheet(wb, "指标");
    expect([ind.getCell("G11").value, ind.getCell("H11").value, ind.getCell("I11").value]).toEqual([
      "flow",
      "quarterly",
      "aspirational",
    ]);
    expect(ind.getCell("G11").dataValidation.formulae).toEqual(['"flow,stock,rate"']);
  });

  it.each([
    ["存量", "stock", "力争", "aspirational", "按年", "annual"],
    ["stock", "stock", "aspirational", "aspirational", "annual", "annual"],
  ])(
    "init reads 类型 %s, 约束性 and 报送频次 as Chinese words or codes",
    async (kind, k, commitment, c, cadence, d) => {
      // row 2, key_tech_projects: flow, firm, quarterly in the seed
      const file = await edited(book, `words-${kind}.xlsx`, (wb) => {
        as2021(wb);
        sheet(wb, "指标").getCell("G2").value = kind;
        sheet(wb, "指标").getCell("H2").value = cadence;
        sheet(wb, "指标").getCell("I2").value = commitment;
      });
      const fresh = await freshDb();
      const r = await dzkj(fresh, "init", "--plan", file);
      expect(r.code, r.stderr).toBe(0);
      const shown = JSON.parse((await dzkj(fresh, "plan", "--year", "2021", "--format", "json")).stdout);
      const d0 = shown.indicators.find((x: { code: string }) => x.code === "key_tech_projects");
      expect([d0.kind, d0.commitment, d0.cadence]).toEqual([k, c, d]);
    },
  );

  it.each([
    ["export", "--section", "二"],
    ["export", "--task", "12"],
    ["export", "--from", "2020"],
    ["new", "--section", "二"],
  ])("refuses an option it would ignore: plan %s %s", async (action, option, value) => {
    const r = await dzkj(db, "plan", action, option, value, "-o", join(tmp.dir, "stray.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`dzkj plan ${action} 不接受 ${option}`);
  });

  it("refuses a format it cannot write", async () => {
    const r = await dzkj(db, "plan", "export", "--format", "csv");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("plan export 只写 Excel 工作簿或 JSON");
  });
});

describe("init --plan x.xlsx: the round trip", () => {
  it("the exported workbook is the stored plan: loading it changes nothing", async () => {
    const r = await dzkj(db, "init", "--plan", book);
    expect(r.code, r.stderr).toBe(0);
    // the same plan object hashes the same: 已是最新, not 已更新
    expect(r.stderr).toContain("2020 年工作要点已是最新");
  });

  it("loaded as 2021 into a fresh database, it exports as the seed with the year changed", async () => {
    const file = await edited(book, "as-2021.xlsx", as2021);
    const fresh = await freshDb();
    const r = await dzkj(fresh, "init", "--plan", file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("已载入 2021 年工作要点（8 个部分，35 项任务，23 项指标，10 个填报单位）");
    const json = await dzkj(fresh, "plan", "export", "--year", "2021", "--format", "json");
    expect(json.code, json.stderr).toBe(0);
    // the seed has one "year" field, the plan's
    expect(json.stdout).toBe(SEED.replace('"year": 2020', '"year": 2021'));
    // and `plan --format json` gives the same plan (its own field order), task texts included
    const shown = JSON.parse((await dzkj(fresh, "plan", "--year", "2021", "--format", "json")).stdout);
    const seed = JSON.parse(SEED);
    expect(shown.tasks).toEqual(seed.tasks);
    expect(shown.indicators).toEqual(seed.indicators);
    // hand-checked fields of the seed
    expect(shown.tasks[11].lead).toBe(seed.tasks[11].lead);
    expect(shown.indicators.find((d: { code: string }) => d.code === "tech_contract_value")).toMatchObject({
      unit: "万元",
      target: 5600,
      kind: "flow",
      task: 11,
    });
  });

  it("fills a vertically merged 所属部分 down, and takes a blank one from the indicator's task", async () => {
    // rows 6–8 (hitech_enterprises, tech_smes, hitech_industry_revenue) are all in section 1
    // (task 4); row 2 (key_tech_projects, section 2, no task) keeps its own
    const file = await edited(book, "merged-section.xlsx", (wb) => {
      as2021(wb);
      const s = sheet(wb, "指标");
      s.getCell("M7").value = null;
      s.getCell("M8").value = null;
      s.mergeCells("M6:M8");
      // st_transfer_projects (task 12, section 3): a blank 所属部分 is its task's
      s.getCell("M3").value = null;
    });
    const fresh = await freshDb();
    const r = await dzkj(fresh, "init", "--plan", file);
    expect(r.code, r.stderr).toBe(0);
    const shown = JSON.parse((await dzkj(fresh, "plan", "--year", "2021", "--format", "json")).stdout);
    const section = (code: string) => shown.indicators.find((d: { code: string }) => d.code === code).section;
    expect(
      ["st_transfer_projects", "hitech_enterprises", "tech_smes", "hitech_industry_revenue"].map(section),
    ).toEqual([3, 1, 1, 1]);
  });

  it("refuses at its cell a 所属部分 that is not its task's section (a merge reaching a row of another section)", async () => {
    // rows 8–9: hitech_industry_revenue (section 1) over external_coop_projects (task 19, section 4)
    const file = await edited(book, "merged-wrong.xlsx", (wb) => {
      as2021(wb);
      const s = sheet(wb, "指标");
      s.getCell("M9").value = null;
      s.mergeCells("M8:M9");
    });
    const fresh = await freshDb();
    const r = await dzkj(fresh, "init", "--plan", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:指标!M9: 所属部分: 1 — 所属部分 1 与所属任务 19 的部分 4 不一致`);
    expect((await dzkj(fresh, "plan", "--year", "2021")).code).toBe(1);
  });

  it("keeps a stretch (争取目标) through init, plan, plan export and back; the report judges the target", async () => {
    // hitech_enterprises (row 6): target 70, stretch 80
    const file = await edited(book, "stretch.xlsx", (wb) => {
      as2021(wb);
      expect(sheet(wb, "指标").getCell("F1").value).toBe("争取目标");
      sheet(wb, "指标").getCell("F6").value = 80;
    });
    const fresh = await freshDb();
    const r = await dzkj(fresh, "init", "--plan", file);
    expect(r.code, r.stderr).toBe(0);
    const json = (await dzkj(fresh, "plan", "export", "--year", "2021", "--format", "json")).stdout;
    // the plan file gains the field right after the target, and nothing else changes
    expect(json).toBe(
      SEED.replace('"year": 2020', '"year": 2021').replace(
        '"target": 70,\n',
        '"target": 70,\n      "stretch": 80,\n',
      ),
    );
    const listed = await dzkj(fresh, "plan", "--year", "2021", "--format", "markdown");
    expect(listed.stdout).toContain("70（争取 80）");
    const again = join(tmp.dir, "stretch-again.xlsx");
    expect((await dzkj(fresh, "plan", "export", "--year", "2021", "-o", again)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(again) as never);
    expect([sheet(wb, "指标").getCell("E6").value, sheet(wb, "指标").getCell("F6").value]).toEqual([70, 80]);
    // a report of 2021 still judges against 70: the stretch is shown, not judged
    const q1 = join(tmp.dir, "stretch-q1.csv");
    writeFileSync(q1, "period,unit,indicator,value\n2021Q1,city,hitech_enterprises,75\n");
    expect((await dzkj(fresh, "import", q1)).code).toBe(0);
    const rep = JSON.parse((await dzkj(fresh, "report", "--year", "2021", "--format", "json")).stdout);
    const line = rep.indicators.find((l: { code: string }) => l.code === "hitech_enterprises");
    // 75 ≥ 70: met, although below the stretch 80
    expect([line.target, line.status]).toEqual([70, "met"]);
  });

  it("refuses a stretch below the target at its cell", async () => {
    const file = await edited(book, "stretch-low.xlsx", (wb) => {
      as2021(wb);
      sheet(wb, "指标").getCell("F6").value = 60;
    });
    const r = await dzkj(await freshDb(), "init", "--plan", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:指标!F6: 争取目标: 60 — 争取目标 60 小于目标值 70`);
  });

  it("keeps line breaks in a task's text, and an indicator's source sentence (来源原文)", async () => {
    const sentence = "全年组织实施关键技术攻关项目30项以上。";
    const file = await edited(book, "breaks.xlsx", (wb) => {
      as2021(wb);
      sheet(wb, "任务").getCell("E2").value = "第一段。\n第二段。";
      expect(sheet(wb, "指标").getCell("O1").value).toBe("来源原文");
      sheet(wb, "指标").getCell("O2").value = sentence;
    });
    const fresh = await freshDb();
    expect((await dzkj(fresh, "init", "--plan", file)).code).toBe(0);
    const shown = JSON.parse((await dzkj(fresh, "plan", "--year", "2021", "--format", "json")).stdout);
    expect(shown.tasks[0].text).toBe("第一段。\n第二段。");
    expect(shown.indicators[0]).toMatchObject({ code: "key_tech_projects", source: sentence });
    expect(shown.indicators[1].source).toBeUndefined();
    // and the plan file written from it carries the sentence, so it loads back the same
    const json = await dzkj(fresh, "plan", "export", "--year", "2021", "--format", "json");
    expect(JSON.parse(json.stdout).indicators[0].source).toBe(sentence);
  });

  it("reads a pace profile as its four shares, and writes it back the same way", async () => {
    const file = await edited(book, "profile.xlsx", (wb) => {
      as2021(wb);
      sheet(wb, "指标").getCell("K2").value = "0.15, 0.4, 0.65, 1";
    });
    const fresh = await freshDb();
    const r = await dzkj(fresh, "init", "--plan", file);
    expect(r.code, r.stderr).toBe(0);
    const shown = JSON.parse((await dzkj(fresh, "plan", "--year", "2021", "--format", "json")).stdout);
    expect(shown.indicators[0].pace).toEqual([0.15, 0.4, 0.65, 1]);
    const again = join(tmp.dir, "profile-again.xlsx");
    expect((await dzkj(fresh, "plan", "export", "--year", "2021", "-o", again)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(again) as never);
    expect(sheet(wb, "指标").getCell("K2").value).toBe("0.15,0.4,0.65,1");
  });

  it("refuses a pace profile that falls, at its cell", async () => {
    const file = await edited(book, "profile-bad.xlsx", (wb) => {
      as2021(wb);
      sheet(wb, "指标").getCell("K2").value = "0.5,0.4,0.65,1";
    });
    const r = await dzkj(await freshDb(), "init", "--plan", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:指标!K2: 序时进度: 0.5,0.4,0.65,1 — a pace profile is four cumulative shares`,
    );
  });

  // tech_contract_value is in 万元 (row 11): a target with a money unit is read by the importer's
  // rule, shifting the decimal point: 12万 = 12 万元; 0.57亿元 = 0.57 × 10^4 = 5700 万元
  it.each([
    ["12万", 12],
    ["0.57亿元", 5700],
    ["1,234.5", 1234.5],
    ["１２", 12],
  ])("reads the target %s in a 万元 row as %d", async (text, expected) => {
    const file = await edited(book, `money-${expected}.xlsx`, (wb) => {
      as2021(wb);
      sheet(wb, "指标").getCell("E11").value = text;
    });
    const fresh = await freshDb();
    const r = await dzkj(fresh, "init", "--plan", file);
    expect(r.code, r.stderr).toBe(0);
    const shown = JSON.parse((await dzkj(fresh, "plan", "--year", "2021", "--format", "json")).stdout);
    expect(shown.indicators.find((d: { code: string }) => d.code === "tech_contract_value").target).toBe(
      expected,
    );
  });
});

describe("init --plan x.xlsx: each refusal at its cell, the database untouched", () => {
  type Case = [name: string, edit: (wb: ExcelJS.Workbook) => void, expected: string[]];
  const ind = (wb: ExcelJS.Workbook) => sheet(wb, "指标");
  const cases: Case[] = [
    ["a blank target", (wb) => (ind(wb).getCell("E3").value = null), ['指标!E3: 目标值: "" — 目标值为空']],
    [
      "a duplicate indicator code",
      (wb) => (ind(wb).getCell("A3").value = "key_tech_projects"),
      ["指标!A3: 指标代码: key_tech_projects — “key_tech_projects”与前面的行重复"],
    ],
    [
      "a task number no task has",
      (wb) => (ind(wb).getCell("N3").value = 99),
      ["指标!N3: 所属任务: 99 — 任务表里没有序号为 99 的任务"],
    ],
    [
      "a kind outside the vocabulary",
      (wb) => (ind(wb).getCell("G3").value = "flw"),
      ["指标!G3: 类型: flw — “flw”不在可选值中：flow / stock / rate / 流量 / 存量 / 比率"],
    ],
    [
      "a target that is no number",
      (wb) => (ind(wb).getCell("E3").value = "三十"),
      ["指标!E3: 目标值: 三十 — “三十”不是有效的数值"],
    ],
    [
      "a money amount in a count row (12万 in a 家 row)",
      (wb) => (ind(wb).getCell("E6").value = "12万"),
      ["指标!E6: 目标值: 12万 —"],
    ],
    ["a fraction in a count row", (wb) => (ind(wb).getCell("E6").value = 70.5), ["指标!E6: 目标值: 70.5 —"]],
    [
      "a duplicate unit code",
      (wb) => (sheet(wb, "单位").getCell("A3").value = "city"),
      ["单位!A3: 单位代码: city — “city”与前面的行重复"],
    ],
    [
      "a duplicate task number",
      (wb) => (sheet(wb, "任务").getCell("A3").value = 1),
      ["任务!A3: 任务序号: 1 — “1”与前面的行重复"],
    ],
    [
      "a duplicate section number",
      (wb) => (sheet(wb, "部分").getCell("A3").value = 1),
      ["部分!A3: 序号: 1 — “1”与前面的行重复"],
    ],
    [
      "a task number that is not a whole number",
      (wb) => (ind(wb).getCell("N3").value = "十二"),
      ["指标!N3: 所属任务: 十二 — “十二”应是正整数序号"],
    ],
    [
      "an issue date not written YYYY-MM-DD",
      (wb) => (sheet(wb, "基本信息").getCell("B7").value = "2021年3月27日"),
      ["基本信息!B7: 发文日期: 2021年3月27日 — 日期请写成 2021-03-27 的形式"],
    ],
    [
      // a cell refused by its own rule does not hide the schema's cross-checks (the duplicate)
      "three problems at once, all listed",
      (wb) => {
        ind(wb).getCell("E2").value = null;
        ind(wb).getCell("A3").value = "key_tech_projects";
        ind(wb).getCell("E24").value = null;
      },
      ['指标!E2: 目标值: ""', "指标!A3: 指标代码: key_tech_projects —", '指标!E24: 目标值: ""'],
    ],
  ];
  it.each(cases)("%s", async (name, edit, expected) => {
    const file = await edited(book, `bad-${name.replace(/\W+/g, "-")}.xlsx`, (wb) => {
      as2021(wb);
      edit(wb);
    });
    const fresh = await freshDb();
    const r = await dzkj(fresh, "init", "--plan", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: 工作要点文件无效`);
    for (const line of expected) expect(r.stderr).toContain(`${file}:${line}`);
    // nothing of the 2021 plan was stored
    const shown = await dzkj(fresh, "plan", "--year", "2021");
    expect(shown.code).toBe(1);
  });

  it("a conflict with stored values is located at its cell, or at its sheet for a row removed", async () => {
    // the 2020 database holds values of hitech_enterprises (row 6, a stock) and of 通川区 (units row 4)
    const copy = join(tmp.dir, "conflict.db");
    writeFileSync(copy, readFileSync(db));
    const file = await edited(book, "conflict.xlsx", (wb) => {
      sheet(wb, "指标").getCell("G6").value = "流量";
      const units = sheet(wb, "单位");
      expect(units.getCell("A4").value).toBe("tongchuan");
      units.spliceRows(4, 1);
    });
    const r = await dzkj(copy, "init", "--plan", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:指标!G6: 类型: 流量 —`);
    expect(r.stderr).toContain(`${file}:单位: tongchuan: —`);
  });

  it("a plan file that does not exist is refused in the product's words, naming it", async () => {
    const file = join(tmp.dir, "nosuch.xlsx");
    const r = await dzkj(await freshDb(), "init", "--plan", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}：文件不存在`);
    expect(r.stderr).not.toContain("ENOENT");
  });

  it("a workbook without the 指标 sheet is refused naming the sheets it has", async () => {
    const file = await edited(book, "no-sheet.xlsx", (wb) => {
      wb.removeWorksheet(sheet(wb, "指标").id);
    });
    const r = await dzkj(await freshDb(), "init", "--plan", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("指标");
  });
});

describe("plan new 2021 --from 2020", () => {
  let draft: string;
  beforeAll(async () => {
    draft = join(tmp.dir, "plan-2021.xlsx");
    const r = await dzkj(db, "plan", "new", "2021", "--from", "2020", "-o", draft);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("已写入 2021 年工作要点草稿");
  });

  it("leaves the targets blank, last year's target and result beside them", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(draft) as never);
    const ws = sheet(wb, "指标");
    expect([ws.getCell("E1").value, ws.getCell("F1").value, ws.getCell("G1").value]).toEqual([
      "目标值",
      "上年目标（参考）",
      "上年完成（参考）",
    ]);
    // key_tech_projects: target 30; result the units' 2020Q4 sum (no 全市 figure):
    // 7 + 5 + 4 + 2 + 3 + 4 + 2 + 8 = 35
    expect([
      ws.getCell("A2").value,
      ws.getCell("E2").value,
      ws.getCell("F2").value,
      ws.getCell("G2").value,
    ]).toEqual(["key_tech_projects", null, 30, 35]);
    // hitech_enterprises: target 70; 全市's own 2020Q4 figure, 72
    expect([ws.getCell("A6").value, ws.getCell("F6").value, ws.getCell("G6").value]).toEqual([
      "hitech_enterprises",
      70,
      72,
    ]);
    // st_transfer_projects has no 2020Q4 figure: no final result, so none shown
    expect([ws.getCell("A3").value, ws.getCell("F3").value, ws.getCell("G3").value]).toEqual([
      "st_transfer_projects",
      10,
      null,
    ]);
    const info = sheet(wb, "基本信息");
    expect(info.getCell("B2").value).toBe(2021);
    expect(info.getCell("B3").value).toBe("2021年达州市科技创新工作要点");
    expect(info.getCell("B7").value ?? "").toBe("");
    // the task texts are last year's, and the 说明 says so
    expect(sheet(wb, "任务").getCell("E13").value).toContain("实施科技成果转化专项");
    const notes = sheet(wb, "说明").getCell("A3").value;
    expect(String(notes)).toContain("内容仍是 2020 年的原文");
  });

  it("init refuses the draft as it is, naming every blank target's cell", async () => {
    const r = await dzkj(await freshDb(), "init", "--plan", draft);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${draft}:基本信息!B7: 发文日期: "" — 不能为空`);
    // 23 indicators on rows 2 … 24, every one blank
    for (let row = 2; row <= 24; row++) expect(r.stderr).toContain(`${draft}:指标!E${row}: 目标值: "" —`);
    expect(r.stderr.match(/目标值为空/g)).toHaveLength(23);
  });

  it("a filled-in copy loads as the 2021 plan, reference columns ignored", async () => {
    const file = await edited(draft, "plan-2021-filled.xlsx", (wb) => {
      sheet(wb, "基本信息").getCell("B7").value = "2021-03-30";
      const ws = sheet(wb, "指标");
      // each target = last year's + 1, written in a way the analyst might
      for (let row = 2; row <= 24; row++)
        ws.getCell(`E${row}`).value = Number(ws.getCell(`F${row}`).value) + 1;
      ws.getCell("G2").value = "anything: a reference column is never read";
    });
    const r = await dzkj(db, "init", "--plan", file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("已载入 2021 年工作要点");
    const plan = JSON.parse((await dzkj(db, "plan", "--year", "2021", "--format", "json")).stdout);
    expect(plan.plan).toMatchObject({
      year: 2021,
      issuedOn: "2021-03-30",
      title: "2021年达州市科技创新工作要点",
    });
    const byCode = new Map(plan.indicators.map((d: { code: string }) => [d.code, d]));
    // 30 + 1, 5600 + 1, 58 + 1
    expect(byCode.get("key_tech_projects")).toMatchObject({ target: 31, kind: "flow", pace: "linear" });
    expect(byCode.get("tech_contract_value")).toMatchObject({ target: 5601, unit: "万元" });
    expect(byCode.get("st_progress_contribution")).toMatchObject({ target: 59, kind: "rate" });
    expect(byCode.get("national_platforms_new")).toMatchObject({ target: 2, pace: "milestone" });
    // deadlines moved on a year
    expect(plan.tasks[0].deadline.slice(0, 4)).toBe("2021");
    expect(plan.tasks).toHaveLength(35);
    expect(plan.units).toHaveLength(10);
  });

  it.each([
    ["the plan's own year", "2020"],
    // 上年目标 and 上年完成 would be labelled as 2019's last year while they are 2020's
    ["a year before it", "2019"],
  ])("refuses %s", async (_case, year) => {
    const r = await dzkj(db, "plan", "new", year, "--from", "2020", "-o", join(tmp.dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("晚于 2020");
  });
});
