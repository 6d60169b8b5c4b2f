/** Messages of the plan as a workbook (plan export, plan new, init --plan x.xlsx), zh and en with the same keys. */
export const planBookZh = {
  "planBook.planUsage":
    "dzkj plan 的用法：dzkj plan [--section 二] [--task 12]、dzkj plan extract 文件、dzkj plan export -o 文件.xlsx、dzkj plan new 2021 -o 文件.xlsx",
  "planBook.strayOption":
    "dzkj plan {action} 不接受 {option}（plan export/new 写出整份工作要点；--from 只用于 plan new 和 plan extract）",
  "planBook.exportUsage":
    "dzkj plan export 不带参数：dzkj plan export [--year 2020] -o plan-2020.xlsx（或 --format json）",
  "planBook.newUsage": "dzkj plan new 只带一个年度：dzkj plan new 2021 [--from 2020] -o plan-2021.xlsx",
  "planBook.exportFormat":
    "plan export 只写 Excel 工作簿或 JSON：请用 -o 文件.xlsx，或 --format json（不能用 {format}）",
  "planBook.newFormat":
    "plan new 只写 Excel 工作簿（目标待填，JSON 无法留空）：请用 -o 文件.xlsx（不能用 {format}）",
  "planBook.newYear":
    "“{value}”不是可用的新年度：请写一个 2000–2100 之间、晚于 {from} 的年份（上年目标和上年完成取自 {from} 年）",
  "planBook.fileNotFound": "{file}：文件不存在，请检查文件名和路径",
  "planBook.sectionOfTask":
    "所属部分 {value} 与所属任务 {task} 的部分 {other} 不一致：请改为 {other}（或留空，按所属任务取部分）",
  "planBook.exported":
    "已写入 {year} 年工作要点 {file}（{sections} 个部分、{tasks} 项任务、{indicators} 项指标、{units} 个单位）",
  "planBook.created":
    "已写入 {year} 年工作要点草稿 {file}：{tasks} 项任务和 {indicators} 项指标复制自 {from} 年，目标值待填（旁边是上年目标和上年完成，仅供参考）；填好发文日期和全部目标值后用 dzkj init --plan {file} 载入",
  "planBook.xlsx.errorTitle": "取值不在列表中",
  "planBook.xlsx.error": "“{header}”只能填：{values}",
  "planBook.notes.title": "{year} 年工作要点工作簿：填写说明",
  "planBook.notes.intro":
    "本工作簿就是一份工作要点：dzkj init --plan 本文件 会逐格检查并载入。表头（灰底）不要改；可以增删行。各表的列如下，“说明”表本身不会被读取。",
  "planBook.notes.fromYear":
    "本草稿由 {from} 年工作要点复制而来：单位、部分、任务（内容仍是 {from} 年的原文，请按 {year} 年的要点修改）、指标代码、类型、报送频次、约束性和序时进度都已照抄；“目标值”一列留空，必须逐项填写；“上年目标（参考）”和“上年完成（参考）”两列只供参考，载入时不读取。完成时限已顺延到 {year} 年，发文日期留空待填。",
  "planBook.notes.sheet": "工作表",
  "planBook.notes.column": "列",
  "planBook.notes.meaning": "含义和填法",
  "planBook.notes.load":
    "填好后运行 dzkj init --plan 本文件.xlsx。有问题时不会载入任何内容，并逐条指出工作表和单元格（如 指标!E7），改正后重新运行即可。",
  "planBook.sheet.sections": "工作要点的各部分（一、二、三……），一行一个部分。",
  "planBook.sheet.tasks": "各项重点任务，一行一项。",
  "planBook.sheet.indicators": "可量化的指标及其年度目标，一行一项。",
  "planBook.sheet.units": "填报单位（各县市区、园区和全市），一行一个。",
  "planBook.col.info.year": "工作要点的年度，如 2021。",
  "planBook.col.info.title": "文件标题，如 2021年达州市科技创新工作要点。",
  "planBook.col.info.titleEn": "标题的英文（英文界面显示用）。",
  "planBook.col.info.issuer": "发文单位。",
  "planBook.col.info.issuerEn": "发文单位的英文。",
  "planBook.col.info.issuedOn": "发文日期，写成 2021-03-27。",
  "planBook.col.info.reportDeadlineDays": "各单位在季度结束后几天内报送（可空，空为 10 天）。",
  "planBook.col.sections.number": "部分的序号：1、2、3……，不得重复。",
  "planBook.col.sections.code": "部分的编号：一、二、三……",
  "planBook.col.sections.title": "部分的标题。",
  "planBook.col.sections.titleEn": "标题的英文。",
  "planBook.col.tasks.number": "任务序号：1、2、3……，不得重复；指标表的“所属任务”引用它。",
  "planBook.col.tasks.section": "任务所属部分的序号（部分表的“序号”）。",
  "planBook.col.tasks.title": "任务的标题。",
  "planBook.col.tasks.titleEn": "标题的英文。",
  "planBook.col.tasks.text": "任务的全文，可以换行。",
  "planBook.col.tasks.lead": "牵头单位。",
  "planBook.col.tasks.leadEn": "牵头单位的英文。",
  "planBook.col.tasks.deadline": "完成时限，写成 2021-12-31。",
  "planBook.col.tasks.deadlineNote": "时限的由来，如 年底（可空）。",
  "planBook.col.indicators.code":
    "指标代码：小写字母、数字和下划线，如 hitech_enterprises，不得重复；各单位报送时用它或名称。",
  "planBook.col.indicators.name": "指标名称。",
  "planBook.col.indicators.nameEn": "名称的英文。",
  "planBook.col.indicators.unit": "计量单位，从下拉列表选：{units}。",
  "planBook.col.indicators.target":
    "年度目标值，以计量单位计的数字，必须填写。可以写 12、1,234.5；以万元计的指标写 0.56亿元 即 5600 万元，写 12万 即 12 万元；其他单位不接受别的单位。",
  "planBook.col.indicators.stretch":
    "争取目标：“确保 X、争取 Y”中的 Y（可空；须不小于目标值）。只作展示，报告按目标值判断。",
  "planBook.stretchBelow": "争取目标 {value} 小于目标值 {other}：争取目标应不小于保底的目标值",
  "planBook.col.indicators.kind": "类型，从下拉列表选：{kind}。",
  "planBook.col.indicators.cadence": "报送频次：{cadence}。",
  "planBook.col.indicators.commitment": "约束性：{commitment}（要点写“力争”“争取”的为 力争）。",
  "planBook.col.indicators.headline": "是否总体目标：是 / 否。",
  "planBook.col.indicators.pace":
    "序时进度：linear（按时间均分）、milestone（一次性目标，年底前不设进度），或四个累计比例如 0.15,0.4,0.65,1（可空，空为 linear）。",
  "planBook.col.indicators.paceNote": "为什么这样设序时进度（可空）。",
  "planBook.col.indicators.section": "所属部分的序号（总体目标可空）。",
  "planBook.col.indicators.task": "所属任务的序号，必须是任务表里有的序号（可空）。",
  "planBook.col.indicators.source": "目标所出自的要点原文句子（可空；dzkj 只保存，不据此计算）。",
  "planBook.col.units.code": "单位代码：小写字母、数字和下划线，如 quxian，不得重复。",
  "planBook.col.units.name": "单位名称，如 渠县。",
  "planBook.col.units.nameEn": "名称的英文。",
  "planBook.col.units.aliases": "报送文件里可能出现的其他写法，用顿号分隔，如 渠县人民政府、渠县科技局。",
  "planBook.col.units.adminCode": "六位行政区划代码（可空）。",
  "planBook.col.units.isTotal": "是否全市合计（只能有一个“是”）。",
  "planBook.col.reference.target": "上年的目标值，仅供参考，载入时不读取。",
  "planBook.col.reference.result":
    "上年完成：全市年末数，按 dzkj report --as-of 上年第四季度 的规则计算，只在结果已定时给出；仅供参考，载入时不读取。",
  "planBook.missingRow": "缺少“{label}”这一行",
  "planBook.infoHeader": "基本信息表第一行应是表头：{headers}",
  "planBook.missingColumn": "缺少“{header}”这一列",
  "planBook.blankTarget": "目标值为空：请填写年度目标（上年目标和上年完成只供参考）",
  "planBook.blank": "不能为空",
  "planBook.notWhole": "“{value}”应是正整数序号",
  "planBook.yesNo": "“{value}”应填 {yes} 或 {no}",
  "planBook.pace": "“{value}”不是序时进度：请填 {names}，或四个累计比例如 0.15,0.4,0.65,1",
  "planBook.notOneOf": "“{value}”不在可选值中：{values}",
  "planBook.blankChoice": "不能为空：请从 {values} 中选一个",
  "planBook.duplicate": "“{value}”与前面的行重复：每个只能出现一次",
  "planBook.unknownTask": "任务表里没有序号为 {value} 的任务",
  "planBook.unknownSection": "部分表里没有序号为 {value} 的部分",
  "planBook.date": "日期请写成 2021-03-27 的形式",
  "planBook.code": "代码只能用小写字母、数字和下划线，并以字母开头，如 hitech_enterprises",
  "planBook.nameClash": "名称或别名“{value}”已用于单位 {other}",
};

export const planBookEn: Record<keyof typeof planBookZh, string> = {
  "planBook.planUsage":
    "usage: dzkj plan [--section 二] [--task 12], dzkj plan extract FILE, dzkj plan export -o FILE.xlsx, dzkj plan new 2021 -o FILE.xlsx",
  "planBook.strayOption":
    "dzkj plan {action} does not take {option} (plan export/new write the whole plan; --from is for plan new and plan extract only)",
  "planBook.exportUsage":
    "dzkj plan export takes no arguments: dzkj plan export [--year 2020] -o plan-2020.xlsx (or --format json)",
  "planBook.newUsage": "dzkj plan new takes one year: dzkj plan new 2021 [--from 2020] -o plan-2021.xlsx",
  "planBook.exportFormat":
    "plan export writes an Excel workbook or JSON: use -o FILE.xlsx or --format json (not {format})",
  "planBook.newFormat":
    "plan new writes an Excel workbook (its targets are blank, which JSON cannot hold): use -o FILE.xlsx (not {format})",
  "planBook.newYear":
    "'{value}' is not a year for a new plan: give a year within 2000–2100 after {from} (last year's target and result come from {from})",
  "planBook.fileNotFound": "{file}: no such file; check its name and folder",
  "planBook.sectionOfTask":
    "section {value} is not the section {other} of task {task}: write {other} (or leave it blank to take the task's)",
  "planBook.exported":
    "wrote the {year} plan to {file} ({sections} sections, {tasks} tasks, {indicators} indicators, {units} units)",
  "planBook.created":
    "wrote the draft {year} plan to {file}: {tasks} tasks and {indicators} indicators copied from {from}, targets blank (last year's target and result beside them, for reference); fill in the issue date and every target, then load it with dzkj init --plan {file}",
  "planBook.xlsx.errorTitle": "Not in the list",
  "planBook.xlsx.error": "{header} takes one of: {values}",
  "planBook.notes.title": "The {year} plan workbook: how to fill it in",
  "planBook.notes.intro":
    "This workbook is a plan: dzkj init --plan THIS-FILE checks it cell by cell and loads it. Keep the headers (grey) as they are; rows may be added and removed. The columns of each sheet follow; this 说明 sheet is never read.",
  "planBook.notes.fromYear":
    "This draft was copied from the {from} plan: units, sections, tasks (their text is still {from}'s: edit it to the {year} plan), indicator codes, kinds, cadences, commitments and paces as they were; 目标值 (the target) is blank and must be filled in for every indicator; 上年目标（参考） and 上年完成（参考） are for reference only and are not read. Deadlines are moved on to {year}; the issue date is blank, to fill in.",
  "planBook.notes.sheet": "Sheet",
  "planBook.notes.column": "Column",
  "planBook.notes.meaning": "What it holds",
  "planBook.notes.load":
    "When done, run dzkj init --plan THIS-FILE.xlsx. Nothing is loaded while anything is wrong: each problem is listed with its sheet and cell (e.g. 指标!E7); fix them and run it again.",
  "planBook.sheet.sections": "The plan's sections (一, 二, 三 …), one per row.",
  "planBook.sheet.tasks": "The plan's tasks, one per row.",
  "planBook.sheet.indicators": "The measurable indicators and their annual targets, one per row.",
  "planBook.sheet.units": "The reporting units (counties, districts, zones, and the city), one per row.",
  "planBook.col.info.year": "The plan's year, e.g. 2021.",
  "planBook.col.info.title": "The document's title.",
  "planBook.col.info.titleEn": "The title in English (for the English UI).",
  "planBook.col.info.issuer": "The issuing body.",
  "planBook.col.info.issuerEn": "The issuing body in English.",
  "planBook.col.info.issuedOn": "The issue date, written 2021-03-27.",
  "planBook.col.info.reportDeadlineDays":
    "Days after each quarter's end by which units report (may be blank: 10).",
  "planBook.col.sections.number": "The section's number: 1, 2, 3 …, each once.",
  "planBook.col.sections.code": "The section's numeral: 一, 二, 三 …",
  "planBook.col.sections.title": "The section's title.",
  "planBook.col.sections.titleEn": "The title in English.",
  "planBook.col.tasks.number":
    "The task's number: 1, 2, 3 …, each once; 所属任务 on the indicator sheet refers to it.",
  "planBook.col.tasks.section": "The number of the task's section (序号 on the section sheet).",
  "planBook.col.tasks.title": "The task's title.",
  "planBook.col.tasks.titleEn": "The title in English.",
  "planBook.col.tasks.text": "The task's full text; line breaks are kept.",
  "planBook.col.tasks.lead": "The lead unit (牵头单位).",
  "planBook.col.tasks.leadEn": "The lead unit in English.",
  "planBook.col.tasks.deadline": "The deadline, written 2021-12-31.",
  "planBook.col.tasks.deadlineNote": "Why the deadline is what it is, e.g. 年底 (may be blank).",
  "planBook.col.indicators.code":
    "The indicator's code: lower-case letters, digits and _, e.g. hitech_enterprises, each once.",
  "planBook.col.indicators.name": "The indicator's name.",
  "planBook.col.indicators.nameEn": "The name in English.",
  "planBook.col.indicators.unit": "The unit of measure, from the drop-down: {units}.",
  "planBook.col.indicators.target":
    "The annual target, a number in the unit of measure; required. 12 and 1,234.5 are read; in a 万元 row 0.56亿元 is 5600 万元 and 12万 is 12 万元; other units take no other unit.",
  "planBook.col.indicators.stretch":
    "Stretch: the Y of a `确保 X、争取 Y` pair (may be blank; not below the target). Shown only: the report judges against the target.",
  "planBook.stretchBelow":
    "the stretch {value} is below the target {other}: a stretch is not below the firm target",
  "planBook.col.indicators.kind": "The kind, from the drop-down: {kind}.",
  "planBook.col.indicators.cadence": "How often it is reported: {cadence}.",
  "planBook.col.indicators.commitment":
    "The commitment: {commitment} (aspirational where the plan says 力争 or 争取).",
  "planBook.col.indicators.headline": "One of the plan's headline targets: 是 (yes) / 否 (no).",
  "planBook.col.indicators.pace":
    "The pace: linear (even over the year), milestone (a one-off: no pace before year end), or four cumulative shares such as 0.15,0.4,0.65,1 (blank: linear).",
  "planBook.col.indicators.paceNote": "Why the pace is what it is (may be blank).",
  "planBook.col.indicators.section": "The number of its section (blank for a headline target).",
  "planBook.col.indicators.task": "The number of its task, one on the task sheet (may be blank).",
  "planBook.col.indicators.source":
    "The plan's own sentence the target comes from (may be blank; kept, never computed from).",
  "planBook.col.units.code": "The unit's code: lower-case letters, digits and _, e.g. quxian, each once.",
  "planBook.col.units.name": "The unit's name, e.g. 渠县.",
  "planBook.col.units.nameEn": "The name in English.",
  "planBook.col.units.aliases": "Other names a report may use for it, separated by 、.",
  "planBook.col.units.adminCode": "The six-digit administrative code (may be blank).",
  "planBook.col.units.isTotal": "Whether it is the city total (at most one 是).",
  "planBook.col.reference.target": "Last year's target; for reference, not read.",
  "planBook.col.reference.result":
    "Last year's result: the city's year-end figure by the rules of dzkj report --as-of (last year's Q4), given only once it is final; for reference, not read.",
  "planBook.missingRow": "the row {label} is missing",
  "planBook.infoHeader": "the first row of 基本信息 must be its header: {headers}",
  "planBook.missingColumn": "the column {header} is missing",
  "planBook.blankTarget":
    "the target is blank: fill in the annual target (last year's figures are for reference only)",
  "planBook.blank": "must not be blank",
  "planBook.notWhole": "'{value}' must be a whole number",
  "planBook.yesNo": "'{value}' must be {yes} or {no}",
  "planBook.pace": "'{value}' is not a pace: use {names}, or four cumulative shares such as 0.15,0.4,0.65,1",
  "planBook.notOneOf": "'{value}' is not one of: {values}",
  "planBook.blankChoice": "must not be blank: choose one of {values}",
  "planBook.duplicate": "'{value}' is already on an earlier row: each may appear once",
  "planBook.unknownTask": "the task sheet has no task numbered {value}",
  "planBook.unknownSection": "the section sheet has no section numbered {value}",
  "planBook.date": "write the date as 2021-03-27",
  "planBook.code":
    "a code is lower-case letters, digits and _, starting with a letter, e.g. hitech_enterprises",
  "planBook.nameClash": "the name or alias '{value}' already names unit {other}",
};
