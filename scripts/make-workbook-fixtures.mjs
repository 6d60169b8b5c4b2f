// Makes the workbook fixtures of fixtures/workbooks with LibreOffice (soffice --headless), a real
// spreadsheet program, so that the reader is tested on bytes it did not write itself:
//   - every fixtures/wild/*.csv as an .xlsx twin (wild/NAME.xlsx), and a few as .xls (Excel 97);
//   - hand-made sheets, written as flat ODF (.fods) with merged headers, number formats,
//     percentages, dates, formulas, hidden rows and sheets, a 说明 sheet and the template's _dzkj
//     metadata sheet, then converted to .xlsx and .xls.
// A few files LibreOffice cannot make (a formula without a cached value, a damaged or truncated zip,
// an encrypted container, an HTML or CSV "export to Excel" named .xls) are derived from its output
// or written here by hand; each says so.
// Run once: `node scripts/make-workbook-fixtures.mjs`; the bytes are kept in the repository and
// the tests never need LibreOffice.

import { isUtf8 } from "node:buffer";
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const wild = join(root, "fixtures/wild");
const out = join(root, "fixtures/workbooks");
const tmp = mkdtempSync(join(tmpdir(), "dzkj-wb-"));
mkdirSync(join(out, "wild"), { recursive: true });

/** soffice --convert-to `filter` of `file` into `dir` (its own profile: no clash with a running one). */
function convert(file, filter, dir, infilter) {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${tmp}/profile`,
      "--headless",
      ...(infilter ? [`--infilter=${infilter}`] : []),
      "--convert-to",
      filter,
      "--outdir",
      dir,
      file,
    ],
    { stdio: "ignore" },
  );
}

// 1. the wild CSVs: decoded to UTF-8 (GB18030 when they are not UTF-8), line breaks kept, then
// opened as CSV (comma, ", UTF-8, no "detect special numbers": 1-9月 stays text) and saved.
const XLS = ["02-cr-only-line-endings", "11-danwei-wanyuan-line", "14-heji-total-row"];
for (const f of readdirSync(wild).filter((f) => f.endsWith(".csv"))) {
  const bytes = readFileSync(join(wild, f));
  const text = isUtf8(bytes) ? bytes.toString("utf8") : new TextDecoder("gb18030").decode(bytes);
  const name = basename(f, ".csv");
  const csv = join(tmp, `${name}.csv`);
  writeFileSync(csv, text.replace(/^\uFEFF/, ""));
  const filter = "CSV:44,34,76,1,,2052,false,false";
  convert(csv, "xlsx", join(out, "wild"), filter);
  if (XLS.includes(name)) convert(csv, "xls:MS Excel 97", join(out, "wild"), filter);
}

// 2. hand-made sheets as flat ODF
const esc = (s) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/**
 * A cell: text, a number, or { v, type: percent | date | formula | money, f, cols, rows }; null
 * is an empty cell, "covered" a cell under a merge.
 */
function cellXml(c) {
  if (c === null || c === undefined) return "<table:table-cell/>";
  if (c === "covered") return "<table:covered-table-cell/>";
  if (typeof c === "string")
    return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
  if (typeof c === "number")
    return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
  const span = `${c.cols ? ` table:number-columns-spanned="${c.cols}"` : ""}${c.rows ? ` table:number-rows-spanned="${c.rows}"` : ""}`;
  if (c.type === "text")
    return `<table:table-cell office:value-type="string"${span}><text:p>${esc(c.v)}</text:p></table:table-cell>`;
  if (c.type === "percent")
    return `<table:table-cell table:style-name="cePct" office:value-type="percentage" office:value="${c.v}"${span}><text:p>${c.v * 100}%</text:p></table:table-cell>`;
  if (c.type === "date")
    return `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="${c.v}"${span}><text:p>${c.v}</text:p></table:table-cell>`;
  if (c.type === "thousands")
    return `<table:table-cell table:style-name="ceThousands" office:value-type="float" office:value="${c.v}"${span}><text:p>${c.v}</text:p></table:table-cell>`;
  if (c.type === "formula")
    return `<table:table-cell table:formula="of:=${esc(c.f)}" office:value-type="float" office:value="${c.v}"${span}><text:p>${c.v}</text:p></table:table-cell>`;
  throw new Error(`cell ${JSON.stringify(c)}`);
}
function fods(sheets) {
  const tables = sheets
    .map((s) => {
      const rows = s.rows
        .map((r, i) => {
          const hidden = s.hiddenRows?.includes(i + 1) ? ' table:visibility="collapse"' : "";
          return `<table:table-row${hidden}>${r.map(cellXml).join("")}</table:table-row>`;
        })
        .join("\n");
      const style = s.hidden ? ' table:style-name="taHidden"' : ' table:style-name="taShown"';
      return `<table:table table:name="${esc(s.name)}"${style}>${s.chart ? "" : ""}\n${rows}\n</table:table>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:percentage-style style:name="NPct"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<number:date-style style:name="NDate"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<number:number-style style:name="NThousands"><number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<style:style style:name="cePct" style:family="table-cell" style:data-style-name="NPct"/>
<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="NDate"/>
<style:style style:name="ceThousands" style:family="table-cell" style:data-style-name="NThousands"/>
<style:style style:name="taShown" style:family="table"><style:table-properties table:display="true"/></style:style>
<style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>
`;
}

const note = {
  name: "说明",
  rows: [["填表说明"], ["1. 数值填写累计数"], ["2. 指标名称不得修改"], ["3. 数值列填写本年累计完成数"]],
};
const title = (t) => [{ type: "text", v: t, cols: 5 }, "covered", "covered", "covered", "covered"];
/** Each hand-made workbook: its sheets; converted to .xlsx and (when `xls`) .xls. */
const books = {
  // 说明 first, then a long table of 渠县 with exact numbers, a %, formulas and a hidden sheet
  features: {
    xls: true,
    sheets: [
      note,
      {
        name: "渠县",
        rows: [
          title("渠县2020年三季度科技创新指标完成情况"),
          ["填报单位：渠县"],
          ["报告期", "指标", "数值", "计量单位", "口径"],
          [{ type: "date", v: "2020-09-30" }, "技术合同登记额", 12345678.123456, "万元", "累计"],
          [{ type: "date", v: "2020-09-30" }, "科技进步贡献率", { type: "percent", v: 0.58 }, "%", "累计"],
          [
            { type: "date", v: "2020-09-30" },
            "全社会研发经费支出",
            { type: "formula", f: "0.1+0.2", v: 0.3 },
            "亿元",
            "累计",
          ],
          [
            { type: "date", v: "2020-09-30" },
            "高新技术产业主营业务收入",
            { type: "thousands", v: 265000 },
            "万元",
            "累计",
          ],
          [
            { type: "date", v: "2020-09-30" },
            "关键技术攻关项目",
            { type: "formula", f: "2+3", v: 5 },
            "项",
            "累计",
          ],
        ],
      },
      {
        name: "旧表",
        hidden: true,
        rows: [
          ["报告期", "填报单位", "指标", "数值"],
          ["2020Q3", "渠县", "关键技术攻关项目", 99],
        ],
      },
    ],
  },
  // a wide table whose header spans two rows (merged), vertically merged period cells, a hidden row
  merged: {
    xls: true,
    sheets: [
      {
        name: "汇总",
        hiddenRows: [6],
        rows: [
          [{ type: "text", v: "2020年三季度科技创新指标完成情况", cols: 4 }, "covered", "covered", "covered"],
          [
            { type: "text", v: "报告期", rows: 2 },
            { type: "text", v: "填报单位", rows: 2 },
            { type: "text", v: "2020年1-9月累计", cols: 2 },
            "covered",
          ],
          ["covered", "covered", "关键技术攻关项目（项）", "高新技术企业（家）"],
          [{ type: "text", v: "2020Q3", rows: 3 }, "通川区", 5, 8],
          ["covered", "达川区", 4, 7],
          ["covered", "宣汉县", 3, 6],
        ],
      },
    ],
  },
  // two data sheets; the second has an unreadable value: the whole workbook is refused
  "two-sheets-one-bad": {
    sheets: [
      {
        name: "通川区",
        rows: [
          ["报告期", "填报单位", "指标", "数值"],
          ["2020Q3", "通川区", "关键技术攻关项目", 5],
        ],
      },
      {
        name: "达川区",
        rows: [
          ["报告期", "填报单位", "指标", "数值"],
          ["2020Q3", "达川区", "关键技术攻关项目", 4],
          ["2020Q3", "达川区", "高新技术企业", "abc"],
        ],
      },
    ],
  },
  // two good data sheets, a cover sheet and an empty sheet
  "two-sheets": {
    sheets: [
      { name: "封面", rows: [["达州市科技创新工作要点"], ["2020年第三季度"]] },
      {
        name: "通川区",
        rows: [
          ["报告期", "填报单位", "指标", "数值"],
          ["2020Q3", "通川区", "关键技术攻关项目", 5],
        ],
      },
      {
        name: "达川区",
        rows: [
          ["报告期", "填报单位", "指标", "数值"],
          ["2020Q3", "达川区", "关键技术攻关项目", 4],
        ],
      },
      { name: "空白", rows: [] },
    ],
  },
  // the fill-in template's contract: a hidden _dzkj sheet gives unit, period and year; reference columns
  "template-filled": {
    sheets: [
      {
        name: "填报",
        rows: [
          ["指标", "计量单位", "年度目标（参考）", "上期数值（参考）", "数值", "口径"],
          ["关键技术攻关项目", "项", 30, 2, 6, "累计"],
          ["高新技术企业", "家", 70, 9, 11, "累计"],
        ],
      },
      note,
      {
        name: "_dzkj",
        hidden: true,
        rows: [
          ["dzkj-template", 1],
          ["unit", "quxian"],
          ["period", "2020Q3"],
          ["year", 2020],
          ["basis", "累计"],
        ],
      },
    ],
  },
};
for (const [name, book] of Object.entries(books)) {
  const file = join(tmp, `${name}.fods`);
  writeFileSync(file, fods(book.sheets));
  convert(file, "xlsx", out);
  if (book.xls) convert(file, "xls:MS Excel 97", out);
}
// Excel 2003's XML spreadsheet (SpreadsheetML), which older systems hand out named .xls
convert(join(out, "two-sheets.xlsx"), "xml:MS Excel 2003 XML", tmp);
copyFileSync(join(tmp, "two-sheets.xml"), join(out, "two-sheets-2003xml.xls"));

// 3. what LibreOffice does not write. A formula without its cached value (written by programs that
// leave calculation to Excel): features.xlsx with the <v> of C6 (the 0.1+0.2 formula) removed.
execFileSync("unzip", ["-q", "-o", join(out, "features.xlsx"), "-d", join(tmp, "nocache")]);
const sheetXml = join(tmp, "nocache/xl/worksheets/sheet2.xml");
const xml = readFileSync(sheetXml, "utf8");
const stripped = xml.replace(/(<c r="C6"[^>]*>)(<f[^<]*<\/f>)<v>[^<]*<\/v>/, "$1$2");
if (stripped === xml) throw new Error("features.xlsx: C6 has no cached value to remove");
writeFileSync(sheetXml, stripped);
rmSync(join(out, "formula-no-cache.xlsx"), { force: true });
execFileSync("zip", ["-q", "-X", "-r", join(out, "formula-no-cache.xlsx"), "."], {
  cwd: join(tmp, "nocache"),
});
// a truncated workbook: the first 3000 bytes of features.xlsx
writeFileSync(join(out, "truncated.xlsx"), readFileSync(join(out, "features.xlsx")).subarray(0, 3000));
// web systems' "export to Excel": an HTML table and a CSV file, both named .xls
writeFileSync(
  join(out, "html-export.xls"),
  `<html><head><meta charset="utf-8"></head><body><table border="1">
<tr><td colspan="4">2020年三季度科技创新指标</td></tr>
<tr><th>报告期</th><th>填报单位</th><th>指标</th><th>数值</th></tr>
<tr><td>2020Q3</td><td>开江县</td><td>关键技术攻关项目</td><td>3</td></tr>
<tr><td>2020Q3</td><td>开江县</td><td>技术合同登记额</td><td>1,250.5</td></tr>
</table></body></html>
`,
);
writeFileSync(
  join(out, "csv-export.xls"),
  "报告期,填报单位,指标,数值\r\n2020Q3,大竹县,关键技术攻关项目,7\r\n",
);
// a Word document's shape (a ZIP, but no workbook); LibreOffice's Writer is not installed here,
// so the two parts that make it a .docx are zipped by hand
mkdirSync(join(tmp, "docx/word"), { recursive: true });
writeFileSync(
  join(tmp, "docx/[Content_Types].xml"),
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
writeFileSync(
  join(tmp, "docx/word/document.xml"),
  '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>三季度报表见附件</w:t></w:r></w:p></w:body></w:document>',
);
rmSync(join(out, "letter.docx"), { force: true });
execFileSync("zip", ["-q", "-X", "-r", join(out, "letter.docx"), "."], { cwd: join(tmp, "docx") });
// A password-protected workbook. LibreOffice 7.4 headless writes no encrypted file from the
// command line (its Password filter option is ignored), so this is the container Excel and WPS
// write for one, built with SheetJS's CFB writer: an OLE2 file holding the EncryptionInfo and
// EncryptedPackage streams (their content, random here, is never read: the container is refused).
{
  const require = createRequire(import.meta.url);
  const { CFB } = require("@e965/xlsx");
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, "/EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Array(56).fill(7)]));
  CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(4096, 0x5a));
  writeFileSync(join(out, "encrypted.xlsx"), CFB.write(cfb, { type: "buffer", fileType: "cfb" }));
}
// a damaged zip: features.xlsx with its middle overwritten
const damaged = Buffer.from(readFileSync(join(out, "features.xlsx")));
damaged.fill(0x20, 1000, 4000);
writeFileSync(join(out, "damaged.xlsx"), damaged);
rmSync(tmp, { recursive: true, force: true });
