/** The xlsx renderer's rules in isolation: sheet names Excel accepts, cells that show what the terminal shows. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../src/render/doc.js";
import { docXlsx, sheetName, xlsxCell } from "../../src/render/xlsx.js";

describe("sheet names", () => {
  it("drops the characters Excel forbids, keeps 31 characters, and never repeats a name", () => {
    const taken = new Set<string>();
    expect(sheetName("a/b\\c[d]:e*f?g", taken)).toBe("a_b_c_d__e_f_g");
    // 32 characters → the first 31
    const long = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二";
    expect(sheetName(long, taken)).toBe([...long].slice(0, 31).join(""));
    // the same 31 again (any case) gets " (2)" within the 31: 27 characters + " (2)"
    expect(sheetName(long, taken)).toBe(`${[...long].slice(0, 27).join("")} (2)`);
    expect(sheetName("Summary", taken)).toBe("Summary");
    expect(sheetName("SUMMARY", taken)).toBe("SUMMARY (2)");
    expect(sheetName("'quoted'", taken)).toBe("quoted");
    expect(sheetName("History", taken)).toBe("History_");
    expect(sheetName("", taken)).toBe("Sheet");
  });
});

describe("cells", () => {
  it("a number keeps its value and shows the terminal's decimals with thousands separators", () => {
    expect(xlsxCell({ text: "3,850", value: 3850 })).toEqual({ value: 3850, numFmt: "#,##0" });
    expect(xlsxCell({ text: "419.5", value: 419.5 })).toEqual({ value: 419.5, numFmt: "#,##0.0" });
    // 5,133.333… shown as 5,133.33: the value stays unrounded, the format shows two decimals
    expect(xlsxCell({ text: "5,133.33", value: 15400 / 3 })).toEqual({
      value: 15400 / 3,
      numFmt: "#,##0.00",
    });
  });

  it("a completion is its fraction with 0.0%, whether the Doc holds the fraction or the CSV's percent", () => {
    // completionCell: bar 0.9 (27 of 30), value 90 (the CSV's 完成率 (%))
    expect(xlsxCell({ text: "90.0%", value: 90, bar: 0.9 })).toEqual({ value: 0.9, numFmt: "0.0%" });
    // a share 0.3125 written as 31.3 for the CSV: 31.3 / 100 (the text's figure; no fraction to hand)
    expect(xlsxCell({ text: "31.3%", value: 31.3 })).toEqual({ value: 0.313, numFmt: "0.0%" });
    // 22.9 / 100 is 0.22899999999999998 in binary: the cell holds 0.229, as the CSV's 22.9 says
    expect(xlsxCell({ text: "+22.9%", value: 22.9 }).value).toBe(0.229);
    expect(xlsxCell({ text: "-3.1%", value: -3.1 }).value).toBe(-0.031);
    // a fraction in value (tasks' indicators): 0.857 × 100 = 85.7 → the fraction itself
    expect(xlsxCell({ text: "85.7%", value: 0.857 })).toEqual({ value: 0.857, numFmt: "0.0%" });
    // a value that matches neither reading of the text is the CSV's number, showing the text, never guessed
    expect(xlsxCell({ text: "50.0%", value: 7 })).toEqual({ value: 7, numFmt: '"50.0%"' });
  });

  it("text around a number becomes a literal of the format; a mark for a number is its format", () => {
    expect(xlsxCell({ text: "#12", value: 12 })).toEqual({ value: 12, numFmt: '"#"0' });
    expect(xlsxCell({ text: "3 项", value: 3 })).toEqual({ value: 3, numFmt: '0" 项"' });
    // the cell holds the CSV's 1 and 0, showing the terminal's marks
    expect(xlsxCell({ text: "✓", value: 1 })).toEqual({ value: 1, numFmt: '"✓"' });
    expect(xlsxCell({ text: "·", value: 0 })).toEqual({ value: 0, numFmt: '"·"' });
    expect(xlsxCell({ text: "未报送（逾期 30 天）", value: 0 })).toEqual({
      value: 0,
      numFmt: '"未报送（逾期 30 天）"',
    });
    expect(xlsxCell({ text: "—", value: null })).toEqual({ value: null });
    expect(xlsxCell({ text: "渠县" })).toEqual({ value: "渠县" });
  });
});

describe("a Doc as a workbook", () => {
  const doc: Doc = {
    lang: "zh",
    title: "测试报告",
    meta: ["截至 2020Q3"],
    verdict: { text: "滞后 1 项", tone: "bad" },
    sectionLabel: "部分",
    blocks: [
      {
        title: "目标差距",
        columns: [
          { label: "指标", code: "代码" },
          { label: "完成", right: true },
          { label: "完成率", right: true, csv: "完成率 (%)" },
          { label: "状态" },
        ],
        rows: [
          { section: "总体目标" },
          [
            { text: "关键技术攻关项目", value: "关键技术攻关项目", code: "key_tech_projects" },
            { text: "27", value: 27 },
            { text: "90.0%", value: 90, bar: 0.9 },
            { text: "正常", value: "正常", tone: "good" },
          ],
          [
            { text: "技术合同登记额", value: "技术合同登记额", code: "tech_contract_value" },
            { text: "3,850", value: 3850 },
            { text: "91.7%", value: 91.7, bar: 3850 / 4200 },
            { text: "滞后", value: "滞后", tone: "bad" },
          ],
        ],
        notes: [{ text: "注：全市数", tone: "warn" }],
      },
      { columns: [{ label: "单位" }], rows: [[{ text: "渠县" }]] },
    ],
  };

  it("has a summary sheet, then one sheet per table: header frozen and filtered, numbers formatted, tones coloured", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await docXlsx(doc, { now: new Date("2020-10-15T08:00:00Z") })) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["概要", "目标差距", "表2"]);
    const summary = wb.getWorksheet("概要")!;
    expect(summary.getCell("A1").value).toBe("测试报告");
    expect(summary.getCell("A2").value).toBe("截至 2020Q3");
    expect(summary.getCell("A4").value).toBe("滞后 1 项");
    const ws = wb.getWorksheet("目标差距")!;
    // 部分 first (the table has sections), the code before the name, the readable 完成率 header
    expect(ws.getRow(1).values).toEqual([undefined, "部分", "代码", "指标", "完成", "完成率", "状态"]);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      "总体目标",
      "key_tech_projects",
      "关键技术攻关项目",
      27,
      0.9,
      "正常",
    ]);
    expect(ws.getCell("D3").value).toBe(3850);
    expect(ws.getCell("D3").numFmt).toBe("#,##0");
    expect(ws.getCell("E3").value).toBeCloseTo(3850 / 4200, 12);
    expect(ws.getCell("E3").numFmt).toBe("0.0%");
    expect(ws.getCell("F3").font?.color?.argb).toBe("FFC92A2A");
    expect(ws.getCell("F2").font?.color?.argb).toBe("FF2B8A3E");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // header + 2 rows, 6 columns
    expect(ws.autoFilter).toBe("A1:F3");
    expect(ws.getCell("A5").value).toBe("注：全市数");
    // widths from the display width: 关键技术攻关项目 is 8 CJK characters = 16 columns, + 2
    expect(ws.getColumn(3).width).toBe(18);
  });

  it("is the same bytes for the same Doc and day, and dated 00:00 of that day", async () => {
    const a = await docXlsx(doc, { now: new Date(2020, 9, 15, 8, 0, 0) });
    const b = await docXlsx(doc, { now: new Date(2020, 9, 15, 17, 30, 5) });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(a) as never);
    expect(wb.created.toISOString()).toBe(new Date(2020, 9, 15).toISOString());
  });
});
