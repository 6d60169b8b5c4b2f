// Regenerates fixtures/variants/: one county report (渠县, 2020Q3) written the ways Excel and WPS
// write it. Every variant must import to the same values as canonical.csv (test/cli/variants).
// Run: node scripts/make-fixtures.mjs   (the bytes are committed; this documents how they were made)
import { writeFileSync } from "node:fs";
import iconv from "iconv-lite";

const dir = new URL("../fixtures/variants/", import.meta.url);
const write = (name, text, encoding = "utf8", bom = false) => {
  const body =
    encoding === "utf8"
      ? Buffer.from((bom ? "\uFEFF" : "") + text, "utf8")
      : iconv.encode(text, encoding, { addBOM: bom });
  writeFileSync(new URL(name, dir), body);
};
const crlf = (s) => s.replace(/\n/g, "\r\n");

write(
  "canonical.csv",
  `period,unit,indicator,value,basis,note
2020Q3,quxian,key_tech_projects,3,ytd,
2020Q3,quxian,tech_contract_value,300,ytd,
2020Q3,quxian,hitech_industry_revenue,26.5,ytd,
2020Q3,quxian,hitech_enterprises,4,ytd,
2020Q3,quxian,tech_smes,18,ytd,
2020Q3,quxian,online_consultations,1200,ytd,
2020Q3,quxian,foreign_experts,2,ytd,
2020Q3,quxian,provincial_platforms_new,1,ytd,
`,
);

// Chinese headers and names, UTF-8 with BOM, Chinese period, Excel CRLF.
write(
  "utf8-bom-chinese.csv",
  crlf(`报告期,填报单位,指标名称,本年累计,口径,备注
2020年第三季度,渠县,关键技术攻关项目,3,累计,
2020年第三季度,渠县,技术合同登记额,300,累计,
2020年第三季度,渠县,高新技术产业主营业务收入,26.5,累计,
2020年第三季度,渠县,高新技术企业,4,累计,
2020年第三季度,渠县,入库备案科技型中小企业,18,累计,
2020年第三季度,渠县,在线技术咨询服务,"1,200",累计,
2020年第三季度,渠县,柔性引进国(境)外高端紧缺人才,2,累计,
2020年第三季度,渠县,新建省级创新平台,1,累计,
`),
  "utf8",
  true,
);

// GB18030 (Chinese Excel's "CSV" save), year-to-date months, values with other money units.
write(
  "gb18030-units.csv",
  crlf(`季度,区县,指标,完成值,备注
2020年1-9月,渠县,关键技术攻关项目,3项,
2020年1-9月,渠县,技术合同登记额,0.03亿元,按亿元填报
2020年1-9月,渠县,高新技术产业主营业务收入,265000万元,
2020年1-9月,渠县,高新技术企业,4家,
2020年1-9月,渠县,入库备案科技型中小企业,１８,全角数字
2020年1-9月,渠县,在线技术咨询服务,"1，200次",
2020年1-9月,渠县,柔性引进国(境)外高端紧缺人才,2人次,
2020年1-9月,渠县,新建省级创新平台,1,
`),
  "gb18030",
);

// Excel "Unicode text": UTF-16 LE with BOM, tab-separated, codes for the indicator.
write(
  "utf16le-tab.txt",
  crlf(
    [
      "期间\t单位\t指标代码\t数值",
      "2020-09-30\t渠县\tkey_tech_projects\t3",
      "2020-09-30\t渠县\ttech_contract_value\t300",
      "2020-09-30\t渠县\thitech_industry_revenue\t26.5",
      "2020-09-30\t渠县\thitech_enterprises\t4",
      "2020-09-30\t渠县\ttech_smes\t18",
      "2020-09-30\t渠县\tonline_consultations\t1200",
      "2020-09-30\t渠县\tforeign_experts\t2",
      "2020-09-30\t渠县\tprovincial_platforms_new\t1",
      "",
    ].join("\n"),
  ),
  "utf16le",
  true,
);

// UTF-16 BE with BOM, tab-separated.
write(
  "utf16be-tab.txt",
  crlf(
    [
      "Period\tUnit\tIndicator\tValue",
      "2020 Q3\tQUXIAN\tkey_tech_projects\t3",
      "2020 Q3\tQUXIAN\ttech_contract_value\t300",
      "2020 Q3\tQUXIAN\thitech_industry_revenue\t26.5",
      "2020 Q3\tQUXIAN\thitech_enterprises\t4",
      "2020 Q3\tQUXIAN\ttech_smes\t18",
      "2020 Q3\tQUXIAN\tonline_consultations\t1200",
      "2020 Q3\tQUXIAN\tforeign_experts\t2",
      "2020 Q3\tQUXIAN\tprovincial_platforms_new\t1",
      "",
    ].join("\n"),
  ),
  "utf16be",
  true,
);

// Semicolons (some European-locale Excel exports), LF, quoted fields with commas and quotes.
write(
  "semicolon.csv",
  `period;unit;indicator;value;note
2020-Q3;渠县;key_tech_projects;3;"含 ""揭榜挂帅"" 项目, 1 项"
2020-Q3;渠县;tech_contract_value;300;
2020-Q3;渠县;hitech_industry_revenue;26.5;
2020-Q3;渠县;hitech_enterprises;4;
2020-Q3;渠县;tech_smes;18;
2020-Q3;渠县;online_consultations;1200;
2020-Q3;渠县;foreign_experts;2;
2020-Q3;渠县;provincial_platforms_new;1;
`,
);

// Wide layout with title rows above the header; the unit comes from 填报单位：渠县.
write(
  "wide-title-rows.csv",
  crlf(`达州市2020年三季度科技创新指标完成情况表,,,,,,,,
填报单位：渠县,,,,,,,,
,,,,,,,,
报告期,关键技术攻关项目（项）,技术合同登记额(万元),高新技术产业主营业务收入（亿元）,高新技术企业（家）,入库备案科技型中小企业（家）,在线技术咨询服务（次）,柔性引进国(境)外高端紧缺人才（人次）,新建省级创新平台（家）
2020年9月,3,300,26.5,4,18,"1,200",2,1
,,,,,,,,
`),
  "utf8",
  true,
);

// A realistic messy county sheet: GB18030, title rows, wide, units that convert (万元 column
// for an 亿元 indicator), full-width digits, blanks for what the county did not report, and
// a remarks row at the bottom.
write(
  "messy-county.csv",
  crlf(`2020年三季度科技创新主要指标完成情况统计表,,,,,,,,,,,
填报单位：渠县科技局（盖章）,,,,,,,,,,,
填报单位：渠县,,,,,,,,,,,
报告期,单位,关键技术攻关项目（项）,科技成果转化项目（项）,技术合同登记额(万元),高新技术产业主营业务收入（万元）,高新技术企业（家）,入库备案科技型中小企业（家）,在线技术咨询服务（次）,柔性引进国(境)外高端紧缺人才（人次）,新建省级创新平台（家）,备注
2020年第3季度,渠县,３,—,"３００",265000,4,18,"1,200",2,1,新建省级创新平台为省级工程技术研究中心
,,,,,,,,,,,
`),
  "gb18030",
);
