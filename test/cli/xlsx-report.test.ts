/**
 * Reports as workbooks (`-o report.xlsx`, `--format xlsx`) on the fixtures at year end (2019Q4 …
 * 2020Q4). Figures worked by hand in test/cli/views.test.ts's header: key_tech_projects 35 of 30
 * (35 ÷ 30 = 116.7%, 完成); tech_contract_value 5,200 of 5,600 (5200 ÷ 5600 = 92.9%, 未完成);
 * hitech_industry_revenue 419.5 of 400 亿元 (104.9%); online_consultations 10,200 of 10,000 (102.0%).
 * LibreOffice (Debian's libreoffice-calc-nogui, installed by the pretest script) reads the workbooks
 * back: a real spreadsheet program, not the library that wrote them.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, createDatabase, FIXTURES, PROGRESS_FIXTURES, tempDir, testEnv } from "../helpers.js";
import { runMain } from "../support/main.js";

let tmp: { dir: string; cleanup: () => void };
let db: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  tmp = tempDir("dzkj-xlsx-");
  env = testEnv(tmp.dir, { DZKJ_NOW: "2020-10-15T08:00:00Z", TZ: "UTC" });
  db = join(tmp.dir, "q4.db");
  await createDatabase(db);
  const all = [...PROGRESS_FIXTURES, join(FIXTURES, "progress", "2020Q4.csv")];
  expect((await runMain(["--db", db, "import", ...all], env)).code).toBe(0);
});
afterAll(() => tmp.cleanup());

async function write(name: string, ...args: string[]): Promise<string> {
  const file = join(tmp.dir, name);
  const r = await runMain(["--db", db, ...args, "-o", file], env);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return file;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as never);
  return wb;
}

/** The data rows of a sheet as objects keyed by the header row. */
function records(ws: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, ExcelJS.Cell>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) break;
    out.push(Object.fromEntries(head.map((h, i) => [h, row.getCell(i + 1)])));
  }
  return out;
}

describe("report -o report.xlsx", () => {
  it("the gap table: real numbers, formats that show the terminal's figures, status colours, frozen filtered header", async () => {
    const wb = await load(await write("report.xlsx", "report"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["概要", "目标差距"]);
    expect(wb.getWorksheet("概要")!.getCell("A1").value).toBe("2020年达州市科技创新工作要点 目标进度");
    const ws = wb.getWorksheet("目标差距")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // 23 indicators under one header row, 15 columns (部分 … 来源, then 上年同期 and 同比增长, shown
    // because the fixtures hold 2019 figures): A1:O24
    expect(ws.autoFilter).toBe("A1:O24");
    const rows = records(ws);
    const by = (code: string) => rows.find((r) => r.代码!.value === code)!;
    const key = by("key_tech_projects");
    expect(key.完成!.value).toBe(35);
    expect(key.完成率!.value).toBeCloseTo(35 / 30, 12);
    expect(key.完成率!.numFmt).toBe("0.0%");
    expect(key.状态!.value).toBe("完成");
    // the terminal's tones (render/report.ts statusTone): met bold, behind or missed red
    expect(key.状态!.font?.bold).toBe(true);
    const contract = by("tech_contract_value");
    expect(contract.完成!.value).toBe(5200);
    expect(contract.目标!.value).toBe(5600);
    expect(contract.目标!.numFmt).toBe("#,##0");
    expect(contract.状态!.value).toBe("未完成");
    expect(contract.状态!.font?.color?.argb).toBe("FFC92A2A");
    expect(contract.力争目标!.value).toBe("*");
    const revenue = by("hitech_industry_revenue");
    expect(revenue.完成!.value).toBe(419.5);
    expect(revenue.完成!.numFmt).toBe("#,##0.0");
  });

  it("every command that prints a document writes a workbook with its tables", async () => {
    const cases: [string[], string[]][] = [
      [
        ["report", "--by", "unit"],
        ["概要", "各单位指标数"],
      ],
      [["report", "--unit", "渠县"], ["概要"]],
      [["status"], ["概要", "分部分汇总", "指标完成情况", "重点任务进展"]],
      [["completeness"], ["概要", "各单位各季度报送指标数"]],
      [["trend", "key_tech_projects"], ["概要"]],
      [["tasks"], ["概要"]],
      [["task", "show", "12"], ["概要"]],
      [["plan"], ["概要"]],
      [["units"], ["概要"]],
      [["imports"], ["概要"]],
      [["imports", "show", "1"], ["概要"]],
      [["history", "key_tech_projects"], ["概要"]],
      [["doctor"], ["概要"]],
    ];
    for (const [args, sheets] of cases) {
      const wb = await load(await write(`${args.join("-")}.xlsx`, ...args));
      const names = wb.worksheets.map((w) => w.name);
      expect(names.slice(0, sheets.length), args.join(" ")).toEqual(sheets);
      // a table after the summary, its header row frozen
      expect(names.length, args.join(" ")).toBeGreaterThan(1);
      expect(wb.worksheets[1]!.views[0], args.join(" ")).toMatchObject({ state: "frozen", ySplit: 1 });
    }
  });

  it("report --by unit: each unit's figure a number under its full name, as in the CSV (通川区 7, 各单位合计 35)", async () => {
    const ws = (await load(await write("by-unit.xlsx", "report", "--by", "unit"))).getWorksheet(
      "各单位指标数",
    )!;
    const key = records(ws).find((r) => r.代码!.value === "key_tech_projects")!;
    // 7+5+4+2+3+4+2+8 = 35
    expect(key.通川区!.value).toBe(7);
    expect(key.各单位合计!.value).toBe(35);
    expect(Object.keys(key)).not.toContain("通川");
  });

  it("completeness: every cell holds the CSV's number; the mark (✓, ·, 未报送) is its format", async () => {
    const file = await write("completeness.xlsx", "completeness");
    const wb = await load(file);
    const csv = await runMain(["--db", db, "completeness", "--format", "csv"], env);
    const rows = parse(csv.stdout, { bom: true, relax_column_count: true }) as string[][];
    // every number of the CSV is the same number in the workbook, sheet by sheet in order
    const sheets = wb.worksheets.slice(1);
    const numbers = (values: unknown[]) => values.filter((v) => typeof v === "number");
    const fromCsv = rows.slice(1).flatMap((r) => r.filter((c) => /^-?\d+(\.\d+)?$/.test(c)).map(Number));
    const fromXlsx: number[] = [];
    for (const ws of sheets)
      ws.eachRow((row, n) => {
        if (n > 1) fromXlsx.push(...(numbers((row.values as unknown[]).slice(1)) as number[]));
      });
    expect(fromXlsx.slice(0, fromCsv.length)).toEqual(fromCsv);
    // no text where the CSV has a number
    for (const ws of sheets)
      ws.eachRow((row, n) => {
        if (n === 1) return;
        for (const v of (row.values as unknown[]).slice(1))
          if (typeof v === "string") expect(v).not.toMatch(/^(✓|·|未报送.*)$/);
      });
  });

  it("is the same bytes when run twice for the same data and day", async () => {
    const a = readFileSync(await write("a.xlsx", "status"));
    const b = readFileSync(await write("b.xlsx", "status"));
    expect(a.equals(b)).toBe(true);
  });

  it("is the same bytes at two times of one day (dated 00:00 of the day), and not on another day", async () => {
    const at = async (name: string, now: string, ...args: string[]) => {
      const file = join(tmp.dir, name);
      const r = await runMain(["--db", db, ...args, "-o", file], { ...env, DZKJ_NOW: now });
      expect(r.code).toBe(0);
      return readFileSync(file);
    };
    for (const args of [["status"], ["template", "--format", "xlsx", "--period", "2020Q4"]]) {
      const morning = await at("t1.xlsx", "2020-10-15T08:00:00Z", ...args);
      const evening = await at("t2.xlsx", "2020-10-15T21:59:58Z", ...args);
      const nextDay = await at("t3.xlsx", "2020-10-16T08:00:00Z", ...args);
      expect(morning.equals(evening)).toBe(true);
      expect(morning.equals(nextDay)).toBe(false);
    }
  });
});

describe("--format xlsx and names", () => {
  it("to a terminal is refused (binary bytes on a screen); exit 2, nothing printed", async () => {
    const was = process.stdout.isTTY;
    Object.defineProperty(process.stdout, "isTTY", { value: true, configurable: true });
    try {
      const r = await runMain(["--db", db, "report", "--format", "xlsx"], env);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("-o");
      expect(r.stderr).toContain("xlsx");
    } finally {
      Object.defineProperty(process.stdout, "isTTY", { value: was, configurable: true });
    }
  });

  it("into a pipe writes the workbook (a zip: PK)", () => {
    const r = spawnSync(process.execPath, [BIN, "--db", db, "units", "--format", "xlsx"], { env });
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  });

  it("text under an .xlsx name, or a workbook under a text name, is refused and nothing is written", async () => {
    for (const [format, name] of [
      ["csv", "x.xlsx"],
      ["xlsx", "x.csv"],
    ]) {
      const file = join(tmp.dir, name!);
      const r = await runMain(["--db", db, "report", "--format", format!, "-o", file], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--format");
      expect(existsSync(file)).toBe(false);
    }
  });

  it("`dzkj report` does not load exceljs (start-up unchanged); -o x.xlsx does", () => {
    const probe = join(tmp.dir, "probe.cjs");
    writeFileSync(
      probe,
      `const M = require("node:module"); const load = M._load;
       M._load = function (r, ...a) { if (r === "exceljs" || r === "jszip") process.stderr.write("LOADED " + r + "\\n"); return load.call(this, r, ...a); };`,
    );
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--require", probe, BIN, "--db", db, ...args], { env, encoding: "utf8" });
    const plain = run("report");
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toContain("LOADED");
    const xlsx = run("report", "-o", join(tmp.dir, "probe.xlsx"));
    expect(xlsx.status).toBe(0);
    expect(xlsx.stderr).toContain("LOADED exceljs");
  });
});

describe("LibreOffice reads the workbooks back to the same figures", () => {
  /** Every sheet of `file` as CSV, cells as shown, by LibreOffice headless (7.2+: sheet -1 = all). */
  function libreOfficeSheets(file: string): Map<string, string[][]> {
    const out = join(tmp.dir, `lo-${Date.now()}`);
    mkdirSync(out);
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(tmp.dir, "lo-profile")}`,
        "--headless",
        "--convert-to",
        // comma, quote ", UTF-8, from line 1, …, cells as shown (9th token), every sheet (-1)
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        "--outdir",
        out,
        file,
      ],
      { encoding: "utf8", timeout: 110_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const base = file.replace(/^.*\//, "").replace(/\.xlsx$/, "");
    const sheets = new Map<string, string[][]>();
    for (const f of readdirSync(out))
      sheets.set(
        f.slice(base.length + 1, -4),
        parse(readFileSync(join(out, f), "utf8"), { relax_column_count: true }),
      );
    return sheets;
  }

  it("report and status: every table as dzkj's own CSV has it, figures as the terminal shows them", async () => {
    for (const command of ["report", "status"]) {
      const file = await write(`lo-${command}.xlsx`, command);
      const sheets = libreOfficeSheets(file);
      const csv = (await runMain(["--db", db, command, "--format", "csv"], env)).stdout.replace(
        /^\uFEFF/,
        "",
      );
      // dzkj's CSV: tables separated by an empty line; percentages as numbers (116.7), no separators
      const tables = csv
        .trimEnd()
        .split(/\r\n\r\n/)
        .map((t) => parse(t, { relax_column_count: true }) as string[][]);
      const names = [...sheets.keys()].filter((n) => n !== "概要");
      expect(names.length, command).toBe(tables.length);
      // LibreOffice shows 5,200, 116.7% and a rate's 同比 as 3.5 个百分点 (the terminal's text): the
      // same figures as the CSV once the separators, % and the points' suffix are dropped
      const plain = (s: string) => {
        const m = /^(-?\d[\d,]*(?:\.\d+)?)(?:%| 个百分点| pp)?$/.exec(s);
        return m ? String(Number(m[1]!.replace(/,/g, ""))) : s;
      };
      tables.forEach((table, i) => {
        // the table ends at the first empty row (its notes follow)
        const all = sheets.get(names[i]!)!;
        const end = all.findIndex((r) => r.every((c) => c === ""));
        const shown = end < 0 ? all : all.slice(0, end);
        // the header row differs only in the CSV's "(%)" suffixes
        expect(
          shown.slice(1).map((r) => r.map(plain)),
          `${command} ${names[i]}`,
        ).toEqual(table.slice(1).map((r) => r.map(plain)));
      });
      if (command === "report") {
        const gap = sheets.get("目标差距")!;
        const row = (code: string) => gap.find((r) => r[1] === code)!;
        // 35 ÷ 30 = 116.7%; 5200 ÷ 5600 = 92.9%; 10200 ÷ 10000 = 102.0%
        expect(row("key_tech_projects").slice(5, 9)).toEqual(["30", "35", "0", "116.7%"]);
        expect(row("tech_contract_value").slice(5, 9)).toEqual(["5,600", "5,200", "400", "92.9%"]);
        expect(row("online_consultations").slice(5, 9)).toEqual(["10,000", "10,200", "0", "102.0%"]);
        expect(row("hitech_industry_revenue").slice(5, 9)).toEqual(["400", "419.5", "0", "104.9%"]);
      }
    }
  }, 240_000);
});
