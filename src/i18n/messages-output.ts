/** Messages of the output layer (table width and style, help), zh and en with the same keys. */
export const outputZh = {
  "output.unsupported":
    "dzkj 不能写出 .{ext} 文件（{file}）：可用的输出格式为 .xlsx（Excel 工作簿）、.html、.csv（Excel/WPS 可直接打开）、.md、.json、.txt；未写入任何文件",
  "output.binaryMismatch":
    "{file} 的扩展名表示 {implied} 格式，但 --format 指定为 {format}：这样写出的文件无法打开；请去掉 --format，或换用相符的文件名；未写入任何文件",
  "output.xlsxTerminal":
    "xlsx 是 Excel 工作簿（二进制文件），不能显示在终端上：请用 -o 文件名.xlsx 写入文件，或重定向到文件（> report.xlsx）",
  "xlsx.summary": "概要",
  "xlsx.table": "表{n}",
  "help.opt.templateFormat":
    "模板格式：csv 或 xlsx（Excel 工作簿，带下拉列表和数据校验）；默认按 -o 的扩展名，否则 csv",
  "template.writtenXlsx": "已写入模板 {file}（Excel 工作簿，{layout}，{rows} 行待填）",
  "template.xlsx.ruleWhole": "请填写整数（单位：{unit}），不小于 0；不报送留空",
  "template.xlsx.rulePercent": "请填写 0 到 100 之间的数（单位：%，58.5 表示 58.5%）；不报送留空",
  "template.xlsx.ruleDecimal": "请填写不小于 0 的数（单位：{unit}）；不报送留空",
  "template.xlsx.errorTitle": "数值无效",
  "template.xlsx.error": "“{name}”的数值无效：{rule}",
  "template.xlsx.basisPrompt": "累计：1 月至本期末的累计数（默认）；本期：仅本季度的增量",
  "template.xlsx.basisError": "口径只能选“累计”或“本期”",
  "template.xlsx.notesTitle": "{period} 指标进度填报说明",
  "template.xlsx.notesIntro":
    "请在“填报表”的白色单元格中填写数值、口径和备注；灰色单元格已锁定（工作表保护无密码，如需修改可撤销保护）。",
  "template.xlsx.notesColumn": "列",
  "template.xlsx.notesMeaning": "填写说明",
  "template.xlsx.col.unit": "填报单位名称，已填好，请勿修改",
  "template.xlsx.col.code": "指标代码，dzkj 据此识别指标，请勿修改",
  "template.xlsx.col.name": "指标名称（工作要点原文）",
  "template.xlsx.col.measure": "数值的计量单位；金额按此单位填写（如万元、亿元）",
  "template.xlsx.col.target":
    "本单位分解到的年度目标（dzkj targets）；未分解的指标为全市年度目标。仅供参考，不导入",
  "template.xlsx.col.previous":
    "本单位上一季度已报送的数值（流量为 1 月起累计数，存量、比率为期末水平），仅供参考，不导入；空白表示上季度未报送",
  "template.xlsx.col.value":
    "本期数值：个数类（项、个、家、人次…）填整数，百分比填 0–100，其他填不小于 0 的数；不报送留空（不要填 0）",
  "template.xlsx.col.wideValue": "每个指标一列，列名带计量单位；填写规则同长表的“数值”列",
  "template.xlsx.col.indicatorColumns": "各指标列",
  "template.xlsx.col.basis":
    "下拉选择：累计（1 月起累计，默认）或 本期（仅本季度增量；存量、比率指标只能填累计）",
  "template.xlsx.col.note": "可选：口径说明、数据来源等",
  "template.xlsx.notesReturn":
    "填好后直接报送本工作簿：隐藏的 _dzkj 工作表记录了填报单位、报告期和计划年度，导入时无需另加选项。",
  "output.formatMismatch":
    "注意：{file} 的扩展名表示 {implied} 格式，但 --format 指定为 {format}，按 {format} 写入",
  "table.hidden": "（终端宽度不足，未显示：{columns}；加宽终端或用 --width 查看全部列）",
  "help.opt.width": "表格宽度（字符列数）；默认取终端宽度，管道和文件不限宽；0 表示不限",
  "help.opt.style": "表格边框：plain（ASCII，任何终端都对齐）或 box（制表符线框）",
  "error.width": "--width 的值无效：{value}；应为 0 或正整数（字符列数）",
  "help.title.usage": "用法：",
  "help.title.options": "选项：",
  "help.title.arguments": "参数：",
  "help.title.commands": "命令：",
  "help.title.globalOptions": "全局选项：",
  "help.title.examples": "示例：",
  "help.usage.options": "[选项]",
  "help.usage.command": "[命令]",
  "help.choices": "可选：{choices}",
  "help.choiceSep": "、",
  "help.default": "默认：{value}",
  "help.extra": "（{extra}）",
  "help.extraSep": "；",
  "help.cmd.help": "显示某个命令的帮助",
  "help.placeholders":
    "action=子命令 basis=口径 by=维度 columns=列数 date=日期 dir=目录 encoding=编码 file=文件 files...=文件... files=文件 format=格式 indicator=指标 lang=语言 layout=版式 mb=MB n=序号 path=路径 period=报告期 quarter=季度 ref=文号 section=部分 status=状态 style=样式 text=说明 unit=单位 what=条件 year=年度 args...=参数... id=编号 command=命令 seconds=秒数",
  "usage.unknownAction": "dzkj {command} 没有子命令 {action}；可用：{actions}{hint}",
  "help.examples.init":
    "  dzkj init  # 创建数据库并载入内置的 2020 年工作要点\n  dzkj init --plan plan-2021.xlsx  # 载入另一年度的工作要点（工作簿逐格检查；JSON 亦可）\n  dzkj --db /srv/dzkj/kjj.db init  # 在指定位置创建数据库",
  "help.examples.plan":
    "  dzkj plan extract 要点.txt --draft plan-2021.json  # 从正文草拟目标和草稿；核对后 init --plan\n  dzkj plan export -o plan-2020.xlsx  # 导出为 Excel 工作簿\n  dzkj plan new 2021 --from 2020 -o plan-2021.xlsx  # 下一年度草稿，目标待填",
  "help.examples.units": "  dzkj units  # 填报单位、代码和别名\n  dzkj units --format json  # 供脚本使用",
  "help.examples.import":
    "  dzkj import 2020Q3-*.xlsx 2020Q3-*.csv  # 导入各区县第三季度报表（工作簿或 CSV）\n  dzkj import 渠县.csv --period 2020Q3 --unit 渠县  # 文件没有报告期、单位列时\n  dzkj import *.csv --dry-run  # 只检查，不写入",
  "help.examples.imports":
    "  dzkj imports  # 列出导入批次\n  dzkj imports show 5  # 批次 5 改了哪些数\n  dzkj imports undo 5  # 撤销批次 5",
  "help.examples.history":
    "  dzkj history 高新技术企业  # 某指标历次存储的数值\n  dzkj history hitech_enterprises --unit 通川  # 只看通川区",
  "help.examples.template":
    "  dzkj template --unit 渠县 --period 2020Q3 -o 渠县-2020Q3.csv  # 渠县第三季度填报模板\n  dzkj template --unit 渠县 --period 2020Q3 --encoding gb18030 -o 渠县.csv  # 供旧版 Excel 打开\n  dzkj template --unit 渠县 --period 2020Q3 -o 渠县-2020Q3.xlsx  # Excel 工作簿：下拉列表、数据校验",
  "help.examples.report":
    "  dzkj report  # 截至最新季度的目标差距\n  dzkj report --as-of 2020Q2 --by unit  # 第二季度各单位的数\n  dzkj report --format markdown -o 简报.md  # 写成 Markdown 简报",
  "help.examples.status":
    "  dzkj status  # 年度完成情况：指标和任务\n  dzkj status --format html -o 年度完成情况.html  # 供打印（A4）\n  dzkj status --fail-on missed  # 年终有未完成指标时退出码为 3",
  "help.examples.tasks":
    "  dzkj tasks  # 35 项任务的进展\n  dzkj tasks --overdue  # 已过完成时限未完成的任务\n  dzkj tasks --section 六 --format csv -o 任务.csv  # 第六部分，填好后可用 task import 导回",
  "help.examples.task":
    "  dzkj task set 25 done --evidence 达市科〔2020〕12号  # 第 25 项任务已完成\n  dzkj task show 25  # 第 25 项任务及其全部历史\n  dzkj task import 任务进展.csv  # 从 CSV 导入任务进展",
  "help.examples.completeness":
    "  dzkj completeness  # 各单位各季度报送情况\n  dzkj completeness --period 2020Q3  # 第三季度谁未报送",
  "help.examples.trend":
    "  dzkj trend 关键技术攻关项目  # 逐季走势与序时进度\n  dzkj trend hitech_enterprises --unit 通川  # 通川区与全市对比",
  "help.examples.doctor": "  dzkj doctor  # 检查数据库\n  dzkj doctor --format json  # 供监控脚本使用",
  "help.examples.backup":
    "  dzkj backup /mnt/backup/  # 备份到文件夹（文件名带时间）\n  dzkj backup dzkj-2020Q3.db  # 备份到指定文件",
  "help.examples.restore":
    "  dzkj restore dzkj-2020Q3.db  # 从备份恢复（需确认）\n  dzkj restore dzkj-2020Q3.db --yes  # 不再确认",
  "help.examples.export": "  dzkj export 归档-2020  # 全部表导出为 CSV 并附清单",
  "help.examples.help": "  dzkj help report  # report 命令的帮助\n  dzkj report --help  # 同上",
  "csv.aspirational": "力争目标",
  "csv.indicators": "指标数",
  "verdict.indicators": "指标 {total} 项：{counts}",
  "verdict.tasks": "任务 {total} 项：{counts}；逾期 {overdue}",
  "verdict.cat.met": "已完成",
  "verdict.cat.on_track": "正常",
  "verdict.cat.behind": "滞后",
  "verdict.cat.pending": "待定",
  "verdict.cat.no_baseline": "缺基数",
  "verdict.cat.no_data": "无数据",
  "verdict.cat.missed": "未完成",
  "verdict.provisionalOf": "（其中暂定 {n}）",
  "verdict.countSep": "，",
  "verdict.nameSep": "；",
  "verdict.colon": "：",
  "verdict.more": " 等，另 {n} 项",
  "verdict.overdue": "逾期未完成",
  "verdict.projected": "按当前进度，预计年底完成 {projected}/{total} 项",
};

export const outputEn: Record<keyof typeof outputZh, string> = {
  "output.unsupported":
    "dzkj cannot write a .{ext} file ({file}): the output formats are .xlsx (Excel workbook), .html, .csv (Excel and WPS open it), .md, .json and .txt; nothing was written",
  "output.binaryMismatch":
    "the extension of {file} means {implied}, but --format says {format}: such a file would not open; drop --format or use a matching file name; nothing was written",
  "output.xlsxTerminal":
    "xlsx is an Excel workbook (binary) and cannot be shown on a terminal: write it with -o FILE.xlsx, or redirect stdout to a file (> report.xlsx)",
  "xlsx.summary": "Summary",
  "xlsx.table": "Table {n}",
  "help.opt.templateFormat":
    "template format: csv or xlsx (an Excel workbook with drop-downs and validation); default: from -o's extension, else csv",
  "template.writtenXlsx": "wrote template {file} (Excel workbook, {layout}, {rows} rows to fill in)",
  "template.xlsx.ruleWhole": "enter a whole number ({unit}), 0 or more; leave blank if not reported",
  "template.xlsx.rulePercent":
    "enter a number from 0 to 100 (%, 58.5 means 58.5%); leave blank if not reported",
  "template.xlsx.ruleDecimal": "enter a number, 0 or more ({unit}); leave blank if not reported",
  "template.xlsx.errorTitle": "Invalid value",
  "template.xlsx.error": "invalid value for {name}: {rule}",
  "template.xlsx.basisPrompt":
    "累计: year-to-date total from January (default); 本期: this quarter's increment only",
  "template.xlsx.basisError": "口径 must be 累计 or 本期",
  "template.xlsx.notesTitle": "{period} progress form: how to fill it in",
  "template.xlsx.notesIntro":
    "Fill in the white cells of the sheet 填报表 (value, 口径, note); grey cells are locked (the sheet is protected without a password: unprotect it to change them).",
  "template.xlsx.notesColumn": "Column",
  "template.xlsx.notesMeaning": "What to enter",
  "template.xlsx.col.unit": "the reporting unit, filled in: do not change it",
  "template.xlsx.col.code": "the indicator's code, by which dzkj recognises it: do not change it",
  "template.xlsx.col.name": "the indicator's name (as in the plan)",
  "template.xlsx.col.measure": "the unit of measure of the value; amounts in this unit (万元, 亿元)",
  "template.xlsx.col.target":
    "the unit's own share of the year's target (dzkj targets); the city's target where none was split. For reference only; never imported",
  "template.xlsx.col.previous":
    "the figure this unit reported for the previous quarter (a flow's total since January, a stock's or rate's level), for reference only; never imported; blank when none was reported",
  "template.xlsx.col.value":
    "this period's figure: counts (项, 个, 家, 人次 …) whole numbers, percentages 0–100, anything else 0 or more; leave blank if not reported (do not enter 0)",
  "template.xlsx.col.wideValue":
    "one column per indicator, its unit of measure in the header; the same rules as the long layout's 数值",
  "template.xlsx.col.indicatorColumns": "indicator columns",
  "template.xlsx.col.basis":
    "drop-down: 累计 (year-to-date from January, default) or 本期 (this quarter's increment; stock and rate indicators take 累计 only)",
  "template.xlsx.col.note": "optional: how the figure was counted, its source",
  "template.xlsx.notesReturn":
    "Send this workbook back as it is: the hidden sheet _dzkj records the unit, the period and the plan year, so it imports with no options.",
  "output.formatMismatch":
    "note: the extension of {file} means {implied}, but --format says {format}; writing {format}",
  "table.hidden": "(too narrow to show: {columns}; widen the terminal or use --width to see every column)",
  "help.opt.width":
    "table width in columns; default: the terminal's width, unlimited for pipes and files; 0 means unlimited",
  "help.opt.style": "table borders: plain (ASCII, aligned in any terminal) or box (box-drawing lines)",
  "error.width": "invalid value for --width: {value}; give 0 or a positive whole number of columns",
  "help.title.usage": "Usage:",
  "help.title.options": "Options:",
  "help.title.arguments": "Arguments:",
  "help.title.commands": "Commands:",
  "help.title.globalOptions": "Global options:",
  "help.title.examples": "Examples:",
  "help.usage.options": "[options]",
  "help.usage.command": "[command]",
  "help.choices": "choices: {choices}",
  "help.choiceSep": ", ",
  "help.default": "default: {value}",
  "help.extra": " ({extra})",
  "help.extraSep": "; ",
  "help.cmd.help": "show the help of a command",
  "help.placeholders": "",
  "usage.unknownAction": "dzkj {command} has no action {action}; accepted: {actions}{hint}",
  "help.examples.init":
    "  dzkj init  # create the database and load the built-in 2020 plan\n  dzkj init --plan plan-2021.xlsx  # load another year's plan (a workbook, checked cell by cell; or JSON)\n  dzkj --db /srv/dzkj/kjj.db init  # create the database at a given path",
  "help.examples.plan":
    "  dzkj plan extract plan.txt --draft plan-2021.json  # draft targets from the text; review, then init --plan\n  dzkj plan export -o plan-2020.xlsx  # the plan as an Excel workbook\n  dzkj plan new 2021 --from 2020 -o plan-2021.xlsx  # next year's draft, targets to fill in",
  "help.examples.units":
    "  dzkj units  # reporting units, codes and aliases\n  dzkj units --format json  # for scripts",
  "help.examples.import":
    "  dzkj import 2020Q3-*.xlsx 2020Q3-*.csv  # import the counties' Q3 sheets (workbooks or CSV)\n  dzkj import 渠县.csv --period 2020Q3 --unit 渠县  # when the file has no period or unit column\n  dzkj import *.csv --dry-run  # check only, write nothing",
  "help.examples.imports":
    "  dzkj imports  # list import batches\n  dzkj imports show 5  # what batch 5 changed\n  dzkj imports undo 5  # undo batch 5",
  "help.examples.history":
    "  dzkj history 高新技术企业  # every value ever stored for an indicator\n  dzkj history hitech_enterprises --unit 通川  # Tongchuan only",
  "help.examples.template":
    "  dzkj template --unit 渠县 --period 2020Q3 -o 渠县-2020Q3.csv  # Qu County's Q3 template\n  dzkj template --unit 渠县 --period 2020Q3 --encoding gb18030 -o 渠县.csv  # for older Excel\n  dzkj template --unit 渠县 --period 2020Q3 -o 渠县-2020Q3.xlsx  # an Excel workbook: drop-downs, validation",
  "help.examples.report":
    "  dzkj report  # gap to target at the latest quarter\n  dzkj report --as-of 2020Q2 --by unit  # each unit's figures at Q2\n  dzkj report --format markdown -o 简报.md  # a markdown briefing",
  "help.examples.status":
    "  dzkj status  # year-end completion: indicators and tasks\n  dzkj status --format html -o 年度完成情况.html  # to print (A4)\n  dzkj status --fail-on missed  # exit 3 when a target was missed at year end",
  "help.examples.tasks":
    "  dzkj tasks  # progress of the 35 tasks\n  dzkj tasks --overdue  # tasks past their deadline, not done\n  dzkj tasks --section 六 --format csv -o 任务.csv  # section 六, to fill in and import back with task import",
  "help.examples.task":
    "  dzkj task set 25 done --evidence 达市科〔2020〕12号  # task 25 is done\n  dzkj task show 25  # task 25 and its full history\n  dzkj task import 任务进展.csv  # import task progress from CSV",
  "help.examples.completeness":
    "  dzkj completeness  # who reported what, quarter by quarter\n  dzkj completeness --period 2020Q3  # who did not report for Q3",
  "help.examples.trend":
    "  dzkj trend 关键技术攻关项目  # quarter by quarter against the pace line\n  dzkj trend hitech_enterprises --unit 通川  # Tongchuan against the whole city",
  "help.examples.doctor":
    "  dzkj doctor  # check the database\n  dzkj doctor --format json  # for monitoring scripts",
  "help.examples.backup":
    "  dzkj backup /mnt/backup/  # back up into a folder (a dated file name)\n  dzkj backup dzkj-2020Q3.db  # back up into a file",
  "help.examples.restore":
    "  dzkj restore dzkj-2020Q3.db  # restore from a backup (asks first)\n  dzkj restore dzkj-2020Q3.db --yes  # without asking",
  "help.examples.export": "  dzkj export 归档-2020  # every table as CSV, with a manifest",
  "help.examples.help": "  dzkj help report  # help on report\n  dzkj report --help  # the same",
  "csv.aspirational": "aspirational",
  "csv.indicators": "Indicators",
  "verdict.indicators": "{total} indicators: {counts}",
  "verdict.tasks": "{total} tasks: {counts}; past deadline {overdue}",
  "verdict.cat.met": "met",
  "verdict.cat.on_track": "on track",
  "verdict.cat.behind": "behind",
  "verdict.cat.pending": "pending",
  "verdict.cat.no_baseline": "no baseline",
  "verdict.cat.no_data": "no data",
  "verdict.cat.missed": "missed",
  "verdict.provisionalOf": " ({n} provisional)",
  "verdict.countSep": ", ",
  "verdict.nameSep": "; ",
  "verdict.colon": ": ",
  "verdict.more": " and {n} more",
  "verdict.overdue": "past deadline, not done",
  "verdict.projected": "at the current pace, {projected}/{total} projected met by year end",
};
