import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDatabase,
  dzkj,
  FIXTURES,
  PROGRESS_FIXTURES,
  type RunResult,
  tempDir,
  testEnv,
} from "../helpers.js";
import { dump, fileBytes, values } from "./db.js";

let dir: string;
let cleanup: () => void;
let db: string;
let env: NodeJS.ProcessEnv;
const run = (...args: string[]): RunResult => dzkj(["--db", db, ...args], { env });

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "test.db");
  await createDatabase(db);
  env = testEnv(dir, { DZKJ_NOW: "2020-10-15T08:00:00Z" });
});
afterEach(() => cleanup());

const broken = (name: string) => join("fixtures", "broken", name);

describe("first run", () => {
  it("creates the default database under XDG_DATA_HOME, loads the plan and says where", () => {
    const r = dzkj(["units"], { env });
    expect(r.code).toBe(0);
    const path = join(dir, "xdg", "dzkj", "dzkj.db");
    expect(existsSync(path)).toBe(true);
    expect(r.stderr).toContain(path);
    expect(r.stdout).toContain("渠县");
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("DZKJ_DB beats the XDG default, --db beats DZKJ_DB", () => {
    const viaEnv = join(dir, "env.db");
    expect(dzkj(["units"], { env: { ...env, DZKJ_DB: viaEnv } }).code).toBe(0);
    expect(existsSync(viaEnv)).toBe(true);
    expect(dzkj(["--db", db, "units"], { env: { ...env, DZKJ_DB: viaEnv } }).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(existsSync(join(dir, "xdg"))).toBe(false);
  });
});

describe("import: the basic format", () => {
  it("imports the 2020 fixtures and prints a summary per file", () => {
    const r = run("import", ...PROGRESS_FIXTURES);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /2020Q3\.csv: utf8，分隔符 ,，长表；读取 25 行，跳过标题行 0，新增 25，更新 0，未变 0，空白 0，拒绝 0/,
    );
    // 9 + 10 + 22 + 25 rows in the four files
    expect(values(db)).toHaveLength(66);
  });

  it("stores names and aliases as codes, and the basis and note as given", () => {
    run("import", ...PROGRESS_FIXTURES);
    const rows = values(db);
    expect(
      rows.find(
        (r) =>
          r.period === "2020Q2" && r.unit_code === "tongchuan" && r.indicator_code === "key_tech_projects",
      )?.value,
    ).toBe(4);
    const inc = rows.find(
      (r) =>
        r.period === "2020Q1" && r.unit_code === "dachuan" && r.indicator_code === "hitech_industry_revenue",
    );
    expect(inc).toMatchObject({ value: 12.5, basis: "period", note: "一季度受疫情影响" });
    const quoted = rows.find((r) => r.period === "2020Q3" && r.indicator_code === "foreign_experts");
    expect(quoted?.note).toBe('含"天府高端引智计划"引进6人次');
    expect(
      rows.find((r) => r.period === "2019Q4" && r.indicator_code === "st_progress_contribution")?.value,
    ).toBe(55);
  });

  it("re-importing a corrected file updates only the changed values and lists them old → new", () => {
    run("import", ...PROGRESS_FIXTURES);
    const fix = join(dir, "fix.csv");
    writeFileSync(
      fix,
      "period,unit,indicator,value\n2020Q3,通川区,key_tech_projects,7\n2020Q3,达川区,key_tech_projects,4\n",
    );
    const r = run("import", fix);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("新增 0，更新 1，未变 1");
    expect(r.stdout).toContain("第 2 行 2020Q3 通川区 关键技术攻关项目: 5 → 7");
    expect(r.stdout).not.toContain("dachuan");
  });

  it("skips a file whose bytes were already imported, with exit 0", () => {
    run("import", PROGRESS_FIXTURES[1]!);
    const before = dump(db);
    const r = run("import", PROGRESS_FIXTURES[1]!);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/与 2020-10-15 导入的批次 #1 内容完全相同，已跳过/);
    expect(dump(db)).toEqual(before);
  });

  it("--format json gives the summary as JSON on stdout", () => {
    const r = run("import", "--format", "json", PROGRESS_FIXTURES[0]!);
    expect(r.code).toBe(0);
    const [o] = JSON.parse(r.stdout);
    expect(o).toMatchObject({
      status: "imported",
      encoding: "utf8",
      delimiter: ",",
      layout: "long",
      rowsRead: 9,
      inserted: 9,
      rejected: 0,
    });
    expect(o.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("import: every error is listed, actionable, and nothing is written", () => {
  const cases: [string, string][] = [
    [
      "unknown-unit.csv",
      "fixtures/broken/unknown-unit.csv:2: unit: 通川县 — 未知的填报单位“通川县”——是否指 通川区？",
    ],
    [
      "unknown-indicator.csv",
      "fixtures/broken/unknown-indicator.csv:2: indicator: hitech_enterprise — 未知的指标“hitech_enterprise”——是否指 高新技术企业",
    ],
    [
      "bad-period.csv",
      "fixtures/broken/bad-period.csv:2: period: 2020Q5 — “2020Q5”不是有效的报告期，可用格式：",
    ],
    [
      "period-outside-plan.csv",
      "fixtures/broken/period-outside-plan.csv:2: period: 2018Q3 — 2018Q3 不属于已载入的工作要点年度（2020），也不是其基期",
    ],
    [
      "not-whole.csv",
      "fixtures/broken/not-whole.csv:2: value: 3.5 — 新建省级创新平台（家）必须是整数，不能填 3.5",
    ],
    ["negative.csv", "fixtures/broken/negative.csv:2: value: -20 — 技术合同登记额（万元）不能为负数：-20"],
    ["percent-range.csv", "fixtures/broken/percent-range.csv:2: value: 120 — 120% 超出范围"],
    ["not-a-number.csv", "fixtures/broken/not-a-number.csv:2: value: five — “five”不是有效的数值"],
    [
      "duplicate-key.csv",
      "fixtures/broken/duplicate-key.csv:3: value: 6 — 2020Q3 通川区 关键技术攻关项目 在第 2 行已给出 5项，这里是 6项：同一个数只能有一个值，请核对",
    ],
    ["bad-basis.csv", "fixtures/broken/bad-basis.csv:2: basis: monthly — “monthly”不是有效的口径"],
    ["no-header.csv", "fixtures/broken/no-header.csv: 找不到表头行"],
    ["unclosed-quote.csv", "fixtures/broken/unclosed-quote.csv:3: 引号未闭合"],
    [
      "one-bad-row.csv",
      "fixtures/broken/one-bad-row.csv:4: value: 2.5 — 工业新产品（个）必须是整数，不能填 2.5",
    ],
  ];
  it.each(cases)("%s", (name, message) => {
    run("import", PROGRESS_FIXTURES[0]!);
    const before = dump(db);
    const r = run("import", broken(name));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(`dzkj: 错误: ${broken(name)}: 文件未导入`);
    expect(r.stdout).not.toContain("新增 1");
    expect(dump(db)).toEqual(before);
  });

  it("lists every problem of a file, not just the first", () => {
    const f = join(dir, "many.csv");
    writeFileSync(
      f,
      "period,unit,indicator,value\n2020Q3,通川县,key_tech_projects,5\n2020Q9,通川区,key_tech_projects,5\n2020Q3,通川区,provincial_platforms_new,3.5\n",
    );
    const r = run("import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2: unit: 通川县`);
    expect(r.stderr).toContain(`${f}:3: period: 2020Q9`);
    expect(r.stderr).toContain(`${f}:4: value: 3.5`);
  });

  it("speaks English with --lang en", () => {
    const r = run("--lang", "en", "import", broken("not-whole.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "fixtures/broken/not-whole.csv:2: value: 3.5 — value 3.5 for New provincial-level innovation platforms (家) must be a whole number",
    );
    expect(r.stderr).toContain(
      "dzkj: error: fixtures/broken/not-whole.csv: not imported (1 problem(s); the database was not changed)",
    );
  });

  it("names the physical line after a quoted field with line breaks", () => {
    const f = join(dir, "multiline.csv");
    writeFileSync(
      f,
      'period,unit,indicator,value,note\r\n2020Q3,通川区,key_tech_projects,5,"第一行\r\n第二行"\r\n2020Q3,达川区,key_tech_projects,x,\r\n',
    );
    const r = run("import", f);
    expect(r.stderr).toContain(`${f}:4: value: x`);
  });

  it("a missing file is an error naming it", () => {
    const r = run("import", join(dir, "nope.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("nope.csv");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("--all-or-nothing writes none of the files when one is refused", () => {
    const r = run("import", "--all-or-nothing", PROGRESS_FIXTURES[0]!, broken("bad-period.csv"));
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("已整体回滚");
    expect(values(db)).toHaveLength(0);
    // the rolled-back file's own summary says so, and counts nothing written
    expect(r.stdout).toMatch(/新增 0，更新 0，未变 0，.*（已整体回滚，未写入）/);
    const json = JSON.parse(
      run("import", "--all-or-nothing", "--format", "json", PROGRESS_FIXTURES[0]!, broken("bad-period.csv"))
        .stdout,
    );
    expect(json[0]).toMatchObject({
      status: "rolled-back",
      batchId: null,
      inserted: 0,
      updated: 0,
      unchanged: 0,
    });
  });

  it("without --all-or-nothing, the good file is kept", () => {
    const r = run("import", PROGRESS_FIXTURES[0]!, broken("bad-period.csv"));
    expect(r.code).toBe(1);
    expect(values(db)).toHaveLength(9);
  });
});

describe("import: files as counties send them", () => {
  const variants = readdirSync(join(FIXTURES, "variants")).filter((f) => f !== "canonical.csv");
  it("has all the variants", () => {
    expect(variants.sort()).toEqual([
      "gb18030-units.csv",
      "messy-county.csv",
      "semicolon.csv",
      "utf16be-tab.txt",
      "utf16le-tab.txt",
      "utf8-bom-chinese.csv",
      "wide-title-rows.csv",
    ]);
  });

  it.each(variants)("%s imports to the same values as the clean long file", async (name) => {
    run("import", join(FIXTURES, "variants", "canonical.csv"));
    const canonical = values(db).map(({ note, ...rest }) => rest);
    const other = join(dir, "other.db");
    await createDatabase(other);
    const r = dzkj(["--db", other, "import", join(FIXTURES, "variants", name)], { env });
    expect(r.stderr).not.toContain("错误");
    expect(r.code).toBe(0);
    expect(values(other).map(({ note, ...rest }) => rest)).toEqual(canonical);
  });

  it("reports the detected encoding, delimiter, layout and skipped title rows", () => {
    const r = run(
      "import",
      "--format",
      "json",
      join(FIXTURES, "variants", "messy-county.csv"),
      join(FIXTURES, "variants", "utf16le-tab.txt"),
    );
    const [messy, utf16] = JSON.parse(r.stdout);
    expect(messy).toMatchObject({
      encoding: "gb18030",
      delimiter: ",",
      layout: "wide",
      skipped: 3,
      blank: 1,
      inserted: 8,
    });
    expect(utf16).toMatchObject({ encoding: "utf16le", bom: true, delimiter: "\t", layout: "long" });
  });

  it("--period and --unit fill in what a file leaves out", () => {
    const f = join(dir, "bare.csv");
    writeFileSync(f, "指标,数值\n关键技术攻关项目,3\n技术合同登记额,300万元\n");
    expect(run("import", f).code).toBe(1);
    const r = run("import", "--period", "2020年三季度", "--unit", "渠县", f);
    expect(r.code).toBe(0);
    expect(values(db).map((v) => [v.period, v.unit_code, v.indicator_code, v.value])).toEqual([
      ["2020Q3", "quxian", "key_tech_projects", 3],
      ["2020Q3", "quxian", "tech_contract_value", 300],
    ]);
  });

  it("converts money exactly: 0.56亿元 for a 万元 indicator is 5600", () => {
    const f = join(dir, "money.csv");
    writeFileSync(
      f,
      "period,unit,indicator,value\n2020Q3,全市,技术合同登记额,0.56亿元\n2020Q3,全市,高新技术产业主营业务收入,9800万元\n",
    );
    expect(run("import", f).code).toBe(0);
    const v = values(db);
    expect(v.find((r) => r.indicator_code === "tech_contract_value")?.value).toBe(5600);
    expect(v.find((r) => r.indicator_code === "hitech_industry_revenue")?.value).toBe(0.98);
  });

  it("refuses a unit that does not fit the indicator", () => {
    const f = join(dir, "unit.csv");
    writeFileSync(f, "period,unit,indicator,value\n2020Q3,全市,关键技术攻关项目,12亿元\n");
    const r = run("import", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2: value: 12亿元 —`);
  });
});

describe("dry run", () => {
  it("prints what would change and leaves the database byte-for-byte unchanged", () => {
    run("import", ...PROGRESS_FIXTURES);
    const fix = join(dir, "fix.csv");
    writeFileSync(
      fix,
      "period,unit,indicator,value\n2020Q3,通川区,key_tech_projects,7\n2020Q3,开江县,st_transfer_projects,1\n2020Q3,达川区,key_tech_projects,4\n",
    );
    const before = fileBytes(db);
    const r = run("import", "--dry-run", fix);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("（试运行，未写入）");
    expect(r.stdout).toContain("第 2 行 2020Q3 通川区 关键技术攻关项目: 5 → 7");
    expect(r.stdout).toContain("第 3 行 2020Q3 开江县 科技成果转化项目: 新增 1");
    expect(r.stdout).toContain("第 4 行 2020Q3 达川区 关键技术攻关项目: 未变 4");
    expect(fileBytes(db)).toBe(before);
    // and a real import afterwards is not mistaken for a resubmission
    expect(run("import", fix).stdout).toContain("更新 1");
  });
});

describe("imports, undo and history", () => {
  it("lists batches as JSON with id, file, hash, importedAt and counts", () => {
    run("import", ...PROGRESS_FIXTURES);
    const list = JSON.parse(run("imports", "--format", "json").stdout);
    expect(list).toHaveLength(4);
    expect(list[3]).toMatchObject({
      id: 4,
      kind: "import",
      importedAt: "2020-10-15T08:00:00.000Z",
      inserted: 25,
      rowsRead: 25,
    });
    expect(list[3].file).toContain("2020Q3.csv");
  });

  it("undo restores exactly the values a batch replaced and removes those it added", () => {
    run("import", ...PROGRESS_FIXTURES);
    const before = values(db);
    const fix = join(dir, "fix.csv");
    writeFileSync(
      fix,
      "period,unit,indicator,value,note\n2020Q3,通川区,key_tech_projects,7,更正\n2020Q3,开江县,st_transfer_projects,1,\n",
    );
    run("import", fix);
    expect(values(db)).not.toEqual(before);
    const show = run("imports", "show", "5");
    expect(show.stdout).toContain("2 项修改");
    // names, as the county's sheet has them: 通川区 关键技术攻关项目 went from 5 to 7
    expect(show.stdout).toMatch(/^2020Q3 \| 通川区 +\| 关键技术攻关项目 +\| +5 \| +7 \|/m);
    expect(show.stdout).toMatch(/^2020Q3 \| 开江县 +\| 科技成果转化项目 +\| +\| +1 \|/m);
    const r = run("imports", "undo", "5");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("恢复 1 项，删除 1 项");
    expect(values(db)).toEqual(before);
    // undone twice: refused
    const again = run("imports", "undo", "5");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("已被批次 #6 撤销");
    // redone: the corrected values stand again, as the README's imports section says
    const after = values(db);
    const redo = run("imports", "redo", "5");
    expect(redo.code).toBe(0);
    expect(values(db)).not.toEqual(after);
    expect(
      values(db).find(
        (v) =>
          v.unit_code === "tongchuan" && v.indicator_code === "key_tech_projects" && v.period === "2020Q3",
      )?.value,
    ).toBe(7);
  });

  it("undo is refused when a later batch changed the same values, unless --force", () => {
    run("import", PROGRESS_FIXTURES[3]!);
    const a = join(dir, "a.csv");
    const b = join(dir, "b.csv");
    writeFileSync(a, "period,unit,indicator,value\n2020Q3,通川区,key_tech_projects,7\n");
    writeFileSync(b, "period,unit,indicator,value\n2020Q3,通川区,key_tech_projects,8\n");
    run("import", a);
    run("import", b);
    const refused = run("imports", "undo", "2");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("不能撤销批次 #2");
    expect(refused.stderr).toContain("之后被批次 #3 修改");
    const forced = run("imports", "undo", "2", "--force");
    expect(forced.code).toBe(0);
    expect(
      values(db).find((v) => v.unit_code === "tongchuan" && v.indicator_code === "key_tech_projects")?.value,
    ).toBe(5);
  });

  it("history shows every value ever stored, with batch and time", () => {
    run("import", PROGRESS_FIXTURES[3]!);
    const fix = join(dir, "fix.csv");
    writeFileSync(fix, "period,unit,indicator,value\n2020Q3,通川区,key_tech_projects,7\n");
    run("import", fix);
    const r = run("history", "关键技术攻关项目", "--unit", "通川", "--format", "json");
    expect(r.code).toBe(0);
    const states = JSON.parse(r.stdout);
    expect(
      states.map((s: { value: number; batchId: number; supersededBy: number | null }) => [
        s.value,
        s.batchId,
        s.supersededBy,
      ]),
    ).toEqual([
      [5, 1, 2],
      [7, 2, null],
    ]);
    const table = run("history", "key_tech_projects", "--unit", "tongchuan");
    expect(table.stdout).toContain("已被 #2 取代");
  });

  it("unknown batch ids and bad sub-commands are clear errors", () => {
    expect(run("imports", "undo", "99").stderr).toContain("没有编号为 99 的导入批次");
    expect(run("imports", "frobnicate").code).toBe(2);
  });
});

describe("template", () => {
  it.each([
    ["long", "utf8"],
    ["wide", "gb18030"],
  ])("a %s %s template, filled in, imports back", (layout, encoding) => {
    const tpl = join(dir, `tpl-${layout}.csv`);
    const r = run(
      "template",
      "--unit",
      "渠县",
      "--period",
      "2020Q3",
      "--layout",
      layout,
      "--encoding",
      encoding,
      "-o",
      tpl,
    );
    expect(r.code).toBe(0);
    const bytes = readFileSync(tpl);
    if (encoding === "utf8") expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    else expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    // unfilled: every indicator blank, nothing written
    const blank = run("import", "--format", "json", tpl);
    expect(JSON.parse(blank.stdout)[0]).toMatchObject({ blank: 23, inserted: 0 });
    // fill two values in the template text and import again
    const iconv = (encoding === "utf8" ? null : "gb18030") as string | null;
    const decode = (b: Buffer) => (iconv ? new TextDecoder("gb18030").decode(b) : b.toString("utf8"));
    let text = decode(bytes);
    if (layout === "long") {
      text = text.replace(
        "渠县,key_tech_projects,关键技术攻关项目,项,,",
        "渠县,key_tech_projects,关键技术攻关项目,项,3,",
      );
      text = text.replace(
        "渠县,tech_contract_value,技术合同登记额,万元,,",
        "渠县,tech_contract_value,技术合同登记额,万元,300,",
      );
    } else {
      text = text.replace("2020Q3,渠县,,,", "2020Q3,渠县,3,,");
    }
    const filled = join(dir, `filled-${layout}.csv`);
    writeFileSync(filled, text);
    const r2 = run("import", filled);
    expect(r2.code).toBe(0);
    const v = values(db).map((x) => [x.period, x.unit_code, x.indicator_code, x.value]);
    expect(v).toContainEqual(["2020Q3", "quxian", "key_tech_projects", 3]);
    if (layout === "long") expect(v).toContainEqual(["2020Q3", "quxian", "tech_contract_value", 300]);
  });
});

describe("a changed basis is reported as such", () => {
  it("the same figure with 本期 for 累计: the summary names the basis change, not a note", () => {
    const a = join(dir, "b1.csv");
    const b = join(dir, "b2.csv");
    writeFileSync(
      a,
      "period,unit,indicator,value,basis\n2020Q2,渠县,技术合同登记额,200,累计\n2020Q3,渠县,技术合同登记额,300,累计\n",
    );
    writeFileSync(b, "period,unit,indicator,value,basis\n2020Q3,渠县,技术合同登记额,300,本期\n");
    expect(run("import", a).code).toBe(0);
    const r = run("import", b);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("第 2 行 2020Q3 渠县 技术合同登记额: 300，口径 累计 → 本期");
    expect(r.stdout).not.toContain("仅备注变更");
  });
});

describe("template --period takes every form an import file may use", () => {
  it.each(["2020年前三季度", "前三季度", "截至2020年9月底"])("%s is 2020Q3 in the template", (period) => {
    const tpl = join(dir, "tpl-words.csv");
    const r = run("template", "--unit", "渠县", "--period", period, "-o", tpl);
    expect(r.code).toBe(0);
    const lines = readFileSync(tpl, "utf8").split(/\r?\n/);
    expect(lines[1]!.startsWith("2020Q3,渠县,")).toBe(true);
  });
});

describe("the database", () => {
  it("refuses, untouched, a database written by a newer dzkj", () => {
    run("units");
    const raw = new Database(db);
    raw
      .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future', 'x')")
      .run();
    raw.pragma("wal_checkpoint(TRUNCATE)");
    raw.close();
    const before = fileBytes(db);
    const r = run("report");
    expect(r.code).toBe(1);
    // in the UI language, like every other error
    expect(r.stderr).toBe(
      `dzkj: 错误: ${db} 由更新版本的 dzkj 写入（本版本不认识迁移 0999_future），未作任何修改；请升级 dzkj\n`,
    );
    expect(fileBytes(db)).toBe(before);
  });

  it("is an ordinary SQLite file in WAL mode with foreign keys declared", () => {
    run("import", ...PROGRESS_FIXTURES);
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = (
      raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "plans",
        "sections",
        "tasks",
        "units",
        "indicators",
        "progress_values",
        "value_history",
        "import_batches",
        "schema_migrations",
      ]),
    );
    expect(raw.prepare("SELECT count(*) AS n FROM tasks").get()).toEqual({ n: 35 });
    raw.close();
  });

  it("init loads a plan idempotently and a second plan year beside it", () => {
    db = join(dir, "new.db"); // init creates it
    const first = run("init");
    expect(first.stderr).toContain("已载入 2020 年工作要点（8 个部分，35 项任务，23 项指标，10 个填报单位）");
    const before = dump(db);
    const again = run("init");
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("已是最新");
    expect(dump(db)).toEqual(before);
    const plan2021 = JSON.parse(readFileSync(join(FIXTURES, "..", "seeds", "plan-2020.json"), "utf8"));
    plan2021.plan.year = 2021;
    plan2021.plan.title = "2021年达州市科技创新工作要点";
    const f = join(dir, "plan-2021.json");
    writeFileSync(f, JSON.stringify(plan2021));
    expect(run("init", "--plan", f).code).toBe(0);
    expect(JSON.parse(run("report", "--format", "json").stdout).plan.year).toBe(2021);
    expect(JSON.parse(run("report", "--year", "2020", "--format", "json").stdout).plan.year).toBe(2020);
  });

  it("refuses a malformed plan file with the path of each problem", () => {
    const plan = JSON.parse(readFileSync(join(FIXTURES, "..", "seeds", "plan-2020.json"), "utf8"));
    plan.indicators[2].target = "many";
    plan.units[0].code = "City Total";
    const f = join(dir, "bad-plan.json");
    writeFileSync(f, JSON.stringify(plan));
    const r = run("init", "--plan", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("indicators[2].target");
    expect(r.stderr).toContain("units[0].code");
  });
});
