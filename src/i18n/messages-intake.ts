/** Messages of src/intake (file decoding, headers, periods, numbers), zh and en with the same keys. */
export const intakeZh = {
  "intake.period.invalid": "“{value}”不是有效的报告期，可用格式：{forms}",
  "intake.period.noYear":
    "“{value}”没有年份：请写成如 2020年{value}，或在表头上方写“报告期：2020年…”，或用 --year 指定",
  "intake.period.notQuarterEnd":
    "“{value}”不是季度末：报告期须为季度末日期（3月31日、6月30日、9月30日、12月31日）、季度末月份（3、6、9、12月）或截至季度末的累计区间（如 1-9月）",
  "intake.period.notYearToDate":
    "“{value}”不是从1月起的累计区间：报告期请写 {suggestion}；如果数值只是该季度的，请在口径列填写“本期”",
  "intake.number.invalid": "“{value}”不是有效的数值；该指标以{unit}计，请填写如 12、1,234.5 或 12{unit}",
  "intake.number.wrongUnit": "“{value}”的单位（{unit}）不符：该指标以{expected}计，请换算后填写或去掉单位",
  "intake.number.scientific":
    "“{value}”是科学计数法，可能已丢失精度：请在 Excel/WPS 中把该列设为“数值”格式后重新导出",
  "intake.number.inexact":
    "“{value}”的有效数字太多，无法原样保存（最多约 15 位有效数字），存入后会变成另一个数：请核对该数值",
  "intake.number.excelError": "单元格是 Excel 错误值 {value}：请检查表格中的公式后重新导出",
  "intake.number.notWhole": "{indicator}（{unit}）必须是整数，不能填 {value}",
  "intake.number.negative": "{indicator}（{unit}）不能为负数：{value}",
  "intake.number.percentRange":
    "{value}% 超出范围：百分比须在 0 到 100 之间（58% 请写 58，不要写 0.58 或 5800）",
  "intake.number.measureMismatch":
    "{indicator}以{expected}计，但这一行注明的计量单位是{unit}：两者无法换算，请核对单位后重新填写（{value}）",
  "intake.number.measureConflict":
    "{indicator}这一行的计量单位前后不一致：一处是{first}，一处是{second}——请核对后只保留正确的一个",
  "intake.number.measureMismatchHeader":
    "{indicator}以{expected}计，但表头“{where}”注明的计量单位是{unit}：两者无法换算，请核对单位后重新填写（{value}）",
  "intake.number.measureMismatchTitle":
    "{indicator}以{expected}计，但表头上方第 {where} 行注明全表的计量单位是{unit}：两者无法换算；请在该行注明各指标的单位，或在“计量单位”列逐行填写（{value}）",
  "intake.header.ambiguousColumns":
    "无法确定“{header}”下哪一列是完成数：{columns}。请把完成数所在列的小表头写成“累计”或“完成”，目标列写成“目标”，或删去多余的列",
  "intake.header.unknownIndicator":
    "列名“{value}”不是工作要点中的指标——是否指 {hint}？请把列名改为指标的名称，否则这一列的数值不会导入",
  "intake.title.conflict.period": "报告期前后不一致：“{first}”与“{second}”——请核对后只保留正确的一个",
  "intake.title.conflict.year":
    "报告期前后不一致：“{named}”写的是 {year} 年，而“{period}”是 {stated} 年——请核对后只保留正确的一个",
  "intake.row.yearConflict": "这一行的报告期 {period} 与“{named}”所写的 {year} 年不一致：请核对",
  "intake.title.conflict.unit": "填报单位前后不一致：“{first}”与“{second}”——请核对后只保留正确的一个",
  "intake.title.conflict.measure": "计量单位前后不一致：“{first}”与“{second}”——请核对后只保留正确的一个",
  "intake.header.reportPeriodAmbiguous":
    "“{columns}”列的“本期”所指不明：报告期“{period}”不是从1月起的累计区间，本期可能是当季，也可能是年初至今；请把列名写成“1-9月累计”或“三季度当季”，或加一列“口径”",
  "intake.row.retitle":
    "表体中又出现表头区的内容（{value}）：一个文件只能有一张表；请把每个单位或每个期间的表分成单独的文件",
  "intake.row.reheader":
    "第 {row} 行又是一行表头（{value}）：从这里起是另一张表；一张工作表只能有一张表，请把它移到单独的工作表或文件中，分别导入（工作簿可用 --sheet 选择）",
  "intake.row.periodConflict": "这一行的报告期 {period} 与文件所写的报告期“{stated}”不一致：请核对",
  "intake.row.periodConflictSheet":
    "这一行的报告期 {period} 与工作表名“{sheet}”所示的报告期 {stated} 不一致：请核对哪一个正确",
  "intake.sheet.periodUnread":
    "工作表名“{sheet}”所示的报告期没有年份，而已载入多个年度的工作要点：请在表头上方写“报告期：2020年…”，或用 --year 或 --period 指定",
  "intake.row.spanConflict": "这一行的报告期 {period} 与数值列“{column}”所示期间不一致：请核对",
  "intake.row.unitConflict": "这一行的填报单位“{unit}”与表头上方的“填报单位：{stated}”不一致：请核对",
  "intake.header.periodConflict": "表头“{header}”所示期间与报告期“{period}”不一致：请核对报告期",
  "intake.row.unplaced":
    "单元格“{value}”（{column} 列）不在任何列名之下：表头只有 {width} 列，或该列缺少列名；请删去多余的内容或补上列名",
  "intake.file.noRows": "表头（第 {line} 行）之下没有数据行：文件未包含任何数值，请确认导出的是填好的表",
  "intake.file.onlyTotals":
    "表头（第 {line} 行）之下只有合计行和表尾，没有各单位的数据行：合计行不导入（全市自己的数请在填报单位写“全市”）",
  "intake.file.allBlank":
    "表头（第 {line} 行）之下的 {rows} 行中，{blank} 个数值全部为空：文件未包含任何数值，请确认导出的是填好的表",
  "intake.file.noRows.at": "表头（{at}）之下没有数据行：文件未包含任何数值，请确认导出的是填好的表",
  "intake.file.onlyTotals.at":
    "表头（{at}）之下只有合计行和表尾，没有各单位的数据行：合计行不导入（全市自己的数请在填报单位写“全市”）",
  "intake.file.allBlank.at":
    "表头（{at}）之下的 {rows} 行中，{blank} 个数值全部为空：工作簿中没有任何工作表含有数值，请确认导出的是填好的表",
  "intake.sheet.periodConflict":
    "工作表名“{sheet}”表明报告期为 {period}，而表中写的是“{other}”：请核对哪一个正确",
  "intake.sheet.singleMonth":
    "工作表名“{sheet}”只是一个月份，不是从1月起的累计区间，不能作为报告期：请把工作表改名为如“1-9月”，或用 --period 指定，如 --period 2020Q3",
  "intake.sheet.periodConflictOption":
    "工作表名“{sheet}”表明报告期为 {period}，与 --period {other} 不符：请核对，或去掉 --period",
  "intake.sheet.periodConflictTemplate":
    "工作表名“{sheet}”表明报告期为 {period}，与模板记录的报告期 {other}（_dzkj 表）不符：请核对",
  "intake.basis.invalid": "“{value}”不是有效的口径，可用：{forms}",
  "intake.workbook.notWorkbook":
    "文件既不是文本表格，也不是可读取的工作簿（.xlsx、.xlsm、.xls、.et、.ods，或网页导出的 .xls）：请确认选对了文件",
  "intake.workbook.corrupt": "工作簿已损坏或不完整，无法读取：请在 Excel/WPS 中打开、另存为 .xlsx 后重新导入",
  "intake.workbook.encrypted":
    "工作簿设有打开密码（已加密），无法读取：请在 Excel/WPS 中取消密码（文件 → 信息 → 保护工作簿）后另存再导入",
  "intake.workbook.tooLarge":
    "工作簿过大（解压后 {size}，上限 {max}，工作簿须整个读入内存）：请拆分成几个文件分别导入；文件异常小而解压后巨大的，可能是恶意文件",
  "intake.workbook.sheetTooLarge": "工作表“{sheet}”的单元格超过 {max} 个：请拆分后分别导入",
  "intake.workbook.tooManySheets": "工作簿有 {count} 个工作表，超过上限 {max}：请拆分后分别导入",
  "intake.workbook.noCachedValue":
    "公式 {formula} 没有计算结果（文件保存时未计算）：请在 Excel/WPS 中打开并保存一次后重新导入",
  "intake.workbook.noSheet": "工作簿中没有名为或序号为“{sheet}”的工作表；共有：{sheets}",
  "intake.workbook.displayDiffers":
    "单元格显示为“{shown}”，实际数值却是 {value}：数字格式 {format} 改变了显示的数值，无法确定应取哪一个。请把该单元格格式改为“常规”或“数值”并填写实际数值后重新保存",
  "intake.workbook.metadataSheet":
    "“{sheet}”是 dzkj 模板的说明数据（隐藏表），不是数据表：请选择填报数据所在的工作表",
  "intake.workbook.emptySheet": "工作表“{sheet}”是空的：请选择填有数据的工作表",
  "intake.workbook.noTable":
    "工作簿中没有可导入的工作表（各表都找不到表头行）：请确认表中有一行列名，例如“报告期、填报单位、指标名称、数值”，或用 --sheet 指定工作表",
  "intake.file.sheetOnText":
    "--sheet {sheet} 只适用于工作簿（.xlsx、.xls、.et、.ods），而这个文件是文本表格（CSV），没有工作表：请去掉 --sheet 后导入",
  "intake.workbook.onlyHidden":
    "可见的工作表中都没有表头行，隐藏的工作表 {sheets} 未读取：如果数据在隐藏的表中，请用 --sheet 指定，如 --sheet {first}",
  "intake.header.unitsAcross":
    "这一行是以单位为列的表头（{units}）：这种“指标 × 单位”的汇总表无法导入；请改为每行一个单位的宽表（填报单位、指标1、指标2…）或长表（填报单位、指标名称、数值）后再导入",
  "intake.workbook.mergedFigure":
    "数值单元格与上方 {from} 合并（跨越多行）：合并的数值不能确定属于哪一行，请取消合并并逐行填写",
  "intake.template.conflict":
    "命令行的 {option} {value} 与模板中记录的“{template}”不一致：请去掉该选项，或使用对应的模板",
  "intake.file.notFile": "不是普通文件（是目录或设备？）：请给出 CSV 文件的路径",
  "intake.file.unreadable": "无法读取文件（{error}）：请检查路径和读取权限",
  "intake.file.notFound": "文件不存在：请检查文件名和路径",
  "intake.file.noPermission": "没有读取该文件的权限：请检查文件的权限",
  "intake.file.tooLarge":
    "文件太大（{size}，上限 {max}）：请拆分后分别导入，或用 --max-file-mb 提高上限（如 --max-file-mb 500）",
  "intake.file.binary": "文件不是文本（可能是 .xlsx/.et 工作簿）：请在 Excel/WPS 中另存为 CSV 后导入",
  "intake.file.badEncoding":
    "文件不是有效的 {encoding} 编码：请指定正确的编码（utf8、gb18030、utf16le、utf16be），或另存为“CSV UTF-8”",
  "intake.file.lineTooLong":
    "该行超过 {max}（按字符计，上限固定，以防耗尽内存）：可能是引号未配对或文件不是 CSV，请检查",
  "intake.file.unclosedQuote": '引号未闭合：某个以 " 开头的单元格直到文件末尾都没有结束引号，请检查该行',
  "intake.file.csv": "CSV 格式错误（{error}）：请检查该行的引号和分隔符",
  "intake.header.notFound":
    "找不到表头行：请确认表中有一行列名，例如“报告期、填报单位、指标名称、数值”，或宽表的“填报单位、高新技术企业（家）…”",
  "intake.decode.invalidUtf8":
    "文件在第 {offset} 字节处不是有效的 {encoding} 编码：若文件由 Excel/WPS 另存为普通 CSV，请指定编码 gb18030，或另存为“CSV UTF-8”",
  "import.basis.levelPeriod":
    "{indicator}是存量或比率指标，只能填写期末达到的水平，不能填写本期或本年新增的增量（“{column}”）：请填写期末数，口径为“累计”",
  "import.value.wrongColumn":
    "{indicator}的数应填在“{column}”列，不是“{other}”列：存量和比率指标填期末数，当年累计的流量指标填本年新增",
  "import.basis.conflict":
    "口径“{basis}”与数值列“{column}”所示口径不一致：请核对这个数是累计数还是本期数，只保留正确的说法",
  "import.warn.fraction":
    "{indicator} 为 {value}：百分比应写成 {percent}（如 58% 写 58），这里是否写成了小数？请核对",
  "import.warn.totalMismatch":
    "合计行 {period} {indicator} 为 {total}，而 {rows} 个单位行之和为 {sum}：请核对（合计行不导入）",
  "import.warn.totalUnreadable": "合计行的 {indicator} 无法读取，未核对（合计行不导入）",
  "import.warn.ytdDecrease":
    "{period} {unit} {indicator} 累计 {value}，低于 {earlier} 的累计 {before}：累计数不应下降，请核对",
  "import.warn.overTarget":
    "{unit} {indicator} 为 {value}{measure}，超过全年目标 {target}{measure} 的 10 倍：请核对计量单位（万元/亿元）",
  "import.warn.unknownColumn": "列“{column}”不是工作要点中的指标，也不是已知的列：其中的数值未导入",
  "import.indicator.missing": "缺少指标名称：这一行的指标单元格是空的",
  "import.indicator.qualifier":
    "“{value}”：指标名称后的“（{qualifier}）”不是计量单位，也不是已知的说法（目标、同比、累计、本期…）：无法确定这一行的数是什么，请改为工作要点中的指标名称",
  "import.indicator.periodQualifier":
    "“{value}”：指标名称后的“（{qualifier}）”不是这一行的报告期 {period}（从1月起的累计）：这个数属于另一个期间，不能作为 {period} 的数导入；请只填报告期的累计数，或把它放进对应报告期的文件",
  "import.indicator.quarterQualifier":
    "“{value}”：指标名称后的“（{qualifier}）”只是一个季度本身的数，而这一行的报告期是 {period}：请填写从1月起至报告期的累计数，或去掉括号并在口径列写“本期”（只限报告期所在的季度）",
  "import.table.qualified": "目标、同比等行 {count} 行（未读取）",
  "import.warning": "{location}: 提醒: {message}",
  "import.table.totals": "合计行 {count} 行（已核对，不导入）",
  "import.table.footers": "表尾 {count} 行（已跳过）",
  "import.table.ignored": "未读取的列：{columns}",
  "import.table.separator": "；",
} as const;

export const intakeEn: Record<keyof typeof intakeZh, string> = {
  "intake.period.invalid": '"{value}" is not a period; accepted forms: {forms}',
  "intake.period.noYear":
    '"{value}" has no year: write it as e.g. 2020年{value}, put "报告期：2020年…" above the header, or give --year',
  "intake.period.notQuarterEnd":
    '"{value}" is not the end of a quarter: use a quarter-end date (Mar 31, Jun 30, Sep 30, Dec 31), a quarter-end month (3, 6, 9, 12) or a range from January to a quarter-end month (e.g. 1-9月)',
  "intake.period.notYearToDate":
    '"{value}" does not start in January: write the period as {suggestion}, and if the value covers that quarter only, put 本期 (period) in the basis column',
  "intake.number.invalid":
    '"{value}" is not a number; this indicator is measured in {unit}: write e.g. 12, 1,234.5 or 12{unit}',
  "intake.number.wrongUnit":
    '"{value}" has the wrong unit ({unit}): this indicator is measured in {expected}; convert the value or drop the unit',
  "intake.number.scientific":
    '"{value}" is in scientific notation and may have lost digits: format the column as Number in Excel/WPS and export again',
  "intake.number.inexact":
    '"{value}" has more significant digits than can be stored exactly (about 15 at most); it would be stored as another number: check the value',
  "intake.number.excelError":
    "the cell holds the Excel error {value}: fix the formula in the sheet and export again",
  "intake.number.notWhole": "value {value} for {indicatorEn} ({unit}) must be a whole number",
  "intake.number.negative": "value {value} for {indicatorEn} ({unit}) must not be negative",
  "intake.number.percentRange":
    "{value}% is out of range: a percentage must be between 0 and 100 (write 58% as 58, not 0.58 or 5800)",
  "intake.number.measureMismatch":
    "{indicatorEn} is measured in {expected}, but this row gives its unit of measure as {unit}: the two do not convert; check the unit and fill the value in again ({value})",
  "intake.number.measureConflict":
    "this row of {indicatorEn} states two units of measure, {first} and {second}: check which is right and keep only that one",
  "intake.number.measureMismatchHeader":
    '{indicatorEn} is measured in {expected}, but the header "{where}" gives the unit of measure as {unit}: the two do not convert; check the unit and fill the value in again ({value})',
  "intake.number.measureMismatchTitle":
    "{indicatorEn} is measured in {expected}, but line {where} above the header gives the whole sheet's unit of measure as {unit}: the two do not convert; give each indicator's unit there, or fill in a 计量单位 column row by row ({value})",
  "intake.header.ambiguousColumns":
    'cannot tell which column under "{header}" holds the figure: {columns}. Head the figure\'s column "累计" (year to date) or "完成" (actual) and the target\'s "目标", or delete the extra columns',
  "intake.header.unknownIndicator":
    'column "{value}" is not an indicator of the plan — did you mean {hint}? Rename the column to the indicator\'s name, or its figures are not imported',
  "intake.title.conflict.period":
    'the report period is stated twice, differently: "{first}" and "{second}" — check which is right and keep only that one',
  "intake.title.conflict.year":
    'the report period is stated twice, differently: "{named}" says {year}, but "{period}" is in {stated} — check which is right and keep only that one',
  "intake.row.yearConflict": 'this row\'s period {period} is not in {year}, which "{named}" states: check it',
  "intake.title.conflict.unit":
    'the reporting unit is stated twice, differently: "{first}" and "{second}" — check which is right and keep only that one',
  "intake.title.conflict.measure":
    'the unit of measure is stated twice, differently: "{first}" and "{second}" — check which is right and keep only that one',
  "intake.header.reportPeriodAmbiguous":
    'the "本期" (this period) of column "{columns}" is ambiguous: the report period "{period}" does not run from January, so 本期 may be the quarter\'s own figure or the year\'s to date; head the column "1-9月累计" or "三季度当季", or add a 口径 (basis) column',
  "intake.row.retitle":
    "the table's title block appears again inside the body ({value}): a file holds one table; split each unit's or each period's table into a file of its own",
  "intake.row.reheader":
    "row {row} is another header ({value}): a second table starts here; a sheet holds one table, so move it to a sheet or file of its own and import each (choose a workbook's sheet with --sheet)",
  "intake.row.periodConflict":
    "this row's period {period} differs from the file's stated report period \"{stated}\": check it",
  "intake.row.periodConflictSheet":
    'this row\'s period {period} differs from the period {stated} that the name of sheet "{sheet}" states: check which is right',
  "intake.sheet.periodUnread":
    'the name of sheet "{sheet}" states a period without a year, and plans of several years are loaded: write "报告期：2020年…" above the header, or give --year or --period',
  "intake.row.spanConflict":
    'this row\'s period {period} differs from the span of the value column "{column}": check it',
  "intake.row.unitConflict":
    'this row\'s reporting unit "{unit}" differs from "填报单位：{stated}" above the header: check it',
  "intake.header.periodConflict":
    'the period of the header "{header}" differs from the report period "{period}": check the period',
  "intake.row.unplaced":
    'cell "{value}" (column {column}) stands under no column name: the header has {width} columns, or this column has no name; delete the extra content or name the column',
  "intake.file.noRows":
    "there are no data rows under the header (line {line}): the file holds no figures; check that the filled-in sheet was exported",
  "intake.file.onlyTotals":
    "under the header (line {line}) there are only total and footer rows, no unit's data row: total rows are not imported (for the city's own figure write 全市 as the unit)",
  "intake.file.allBlank":
    "all {blank} values in the {rows} rows under the header (line {line}) are blank: the file holds no figures; check that the filled-in sheet was exported",
  "intake.file.noRows.at":
    "there are no data rows under the header ({at}): the file holds no figures; check that the filled-in sheet was exported",
  "intake.file.onlyTotals.at":
    "under the header ({at}) there are only total and footer rows, no unit's data row: total rows are not imported (for the city's own figure write 全市 as the unit)",
  "intake.file.allBlank.at":
    "all {blank} values in the {rows} rows under the header ({at}) are blank, and no sheet of the workbook holds a figure: check that the filled-in sheet was exported",
  "intake.sheet.periodConflict":
    'the name of sheet "{sheet}" states the period {period}, but the sheet says "{other}": check which is right',
  "intake.sheet.singleMonth":
    'the name of sheet "{sheet}" is a single month, not a span from January, and gives no period: rename the sheet, e.g. "1-9月", or give --period, e.g. --period 2020Q3',
  "intake.sheet.periodConflictOption":
    'the name of sheet "{sheet}" states the period {period}, not --period {other}: check, or leave out --period',
  "intake.sheet.periodConflictTemplate":
    'the name of sheet "{sheet}" states the period {period}, not the template\'s recorded period {other} (sheet _dzkj): check which is right',
  "intake.basis.invalid": '"{value}" is not a basis; accepted: {forms}',
  "intake.workbook.notWorkbook":
    "the file is neither a text table nor a workbook this program reads (.xlsx, .xlsm, .xls, .et, .ods, or a web page saved as .xls): check that it is the right file",
  "intake.workbook.corrupt":
    "the workbook is damaged or incomplete and cannot be read: open it in Excel/WPS, save it as .xlsx and import that",
  "intake.workbook.encrypted":
    "the workbook is password-protected (encrypted) and cannot be read: remove the password in Excel/WPS (File → Info → Protect Workbook), save and import again",
  "intake.workbook.tooLarge":
    "the workbook is too large ({size} unzipped, limit {max}; a workbook is read whole into memory): split it into several files; a small file that unzips to this much may be malicious",
  "intake.workbook.sheetTooLarge": 'sheet "{sheet}" has more than {max} cells: split it and import the parts',
  "intake.workbook.tooManySheets":
    "the workbook has {count} sheets, more than {max}: split it and import the parts",
  "intake.workbook.noCachedValue":
    "formula {formula} has no calculated result (the file was saved without calculating): open and save it once in Excel/WPS, then import again",
  "intake.workbook.noSheet": 'the workbook has no sheet named or numbered "{sheet}"; its sheets: {sheets}',
  "intake.workbook.displayDiffers":
    "the cell shows “{shown}” but holds {value}: its number format {format} changes the figure shown, so which one is meant cannot be told. Set the cell's format to General or Number, type the real figure and save again",
  "intake.workbook.metadataSheet":
    '"{sheet}" is the hidden data sheet of a dzkj template, not a table: choose the sheet the figures are in',
  "intake.workbook.emptySheet": 'sheet "{sheet}" is empty: choose a sheet that holds figures',
  "intake.workbook.noTable":
    'no sheet of the workbook holds a table (no header row found in any): make sure a row names the columns, e.g. "报告期, 填报单位, 指标名称, 数值", or choose the sheet with --sheet',
  "intake.file.sheetOnText":
    "--sheet {sheet} only applies to workbooks (.xlsx, .xls, .et, .ods), and this file is a text table (CSV), which has no sheets: import it without --sheet",
  "intake.workbook.onlyHidden":
    "no visible sheet has a header row, and the hidden sheet(s) {sheets} were not read: if the data is there, name it with --sheet, e.g. --sheet {first}",
  "intake.header.unitsAcross":
    "this row is a header whose columns are reporting units ({units}): such an indicator × unit summary is not imported; make it a wide table with a row per unit (填报单位, indicator 1, indicator 2 …) or a long one (填报单位, 指标名称, 数值) and import that",
  "intake.workbook.mergedFigure":
    "this value cell is merged with {from} above it across several rows: a merged figure belongs to no single row; unmerge the cells and fill in each row",
  "intake.template.conflict":
    "the command line's {option} {value} contradicts the template's \"{template}\": drop the option, or use the matching template",
  "intake.file.notFile": "not a regular file (a directory or device?): give the path of a CSV file",
  "intake.file.unreadable": "cannot read the file ({error}): check the path and read permission",
  "intake.file.notFound": "there is no such file: check the name and the path",
  "intake.file.noPermission": "no permission to read the file: check its permissions",
  "intake.file.tooLarge":
    "the file is too large ({size}, limit {max}): split it and import the parts, or raise the limit with --max-file-mb (e.g. --max-file-mb 500)",
  "intake.file.binary":
    "the file is not text (an .xlsx/.et workbook?): save it as CSV in Excel/WPS and import that",
  "intake.file.badEncoding":
    'the file is not valid {encoding}: choose the right encoding (utf8, gb18030, utf16le, utf16be) or save it as "CSV UTF-8"',
  "intake.file.lineTooLong":
    "this line is longer than {max} (counted in characters; a fixed limit that keeps memory bounded): probably an unmatched quote, or the file is not CSV",
  "intake.file.unclosedQuote":
    'unclosed quote: a cell starting with " has no closing quote before the end of the file',
  "intake.file.csv": "malformed CSV ({error}): check the quotes and delimiters on this line",
  "intake.header.notFound":
    'no header row found: the sheet needs a row of column names such as "报告期, 填报单位, 指标名称, 数值" (period, unit, indicator, value), or for a wide sheet "填报单位, 高新技术企业（家）, …"',
  "intake.decode.invalidUtf8":
    'the file is not valid {encoding} at byte {offset}: if it was saved from Excel/WPS as plain CSV, choose encoding gb18030, or save it as "CSV UTF-8"',
  "import.basis.levelPeriod":
    '{indicatorEn} is a stock or rate indicator: give the level reached at the end of the period, not an increment (本期 or 新增: "{column}"); give the level, with the basis 累计 (ytd)',
  "import.value.wrongColumn":
    '{indicatorEn} is given in column "{other}", but its figure belongs in "{column}": stock and rate indicators take the level (期末数), flows the year\'s new ones (本年新增)',
  "import.basis.conflict":
    'the basis "{basis}" contradicts the value column "{column}": check whether the figure is year-to-date or the quarter\'s own, and state it once',
  "import.warn.fraction":
    "{indicatorEn} is {value}: a percentage is written as {percent} (58% as 58); was a fraction written here? Check it",
  "import.warn.totalMismatch":
    "the total row gives {total} for {period} {indicatorEn}, but its {rows} unit rows add up to {sum}: check it (total rows are not imported)",
  "import.warn.totalUnreadable":
    "the total row's {indicatorEn} cannot be read and was not checked (total rows are not imported)",
  "import.warn.ytdDecrease":
    "{period} {unitEn} {indicatorEn} year-to-date {value} is lower than {earlier}'s {before}: a year-to-date figure cannot fall; check it",
  "import.warn.overTarget":
    "{unitEn} {indicatorEn} is {value} {measure}, more than 10 times the annual target of {target} {measure}: check the unit of measure (万元/亿元)",
  "import.warn.unknownColumn":
    'column "{column}" is neither an indicator of the plan nor a known column: its figures were not imported',
  "import.indicator.missing": "no indicator: this row's indicator cell is empty",
  "import.indicator.qualifier":
    '"{value}": the "（{qualifier}）" after the indicator is neither a unit of measure nor a known word (目标, 同比, 累计, 本期 …): what this row\'s figure is cannot be told; write the indicator\'s name as the plan has it',
  "import.indicator.periodQualifier":
    '"{value}": the "（{qualifier}）" after the indicator is not this row\'s report period {period} (from January): the figure is for another span and cannot be stored for {period}; give the year-to-date figure of the report period, or put it in a file for its own period',
  "import.indicator.quarterQualifier":
    '"{value}": the "（{qualifier}）" after the indicator is one quarter\'s own figure, and this row\'s report period is {period}: give the year-to-date figure from January, or drop the bracket and write 本期 in a 口径 column (only for the report period\'s own quarter)',
  "import.table.qualified": "{count} row(s) of targets or derived figures (not read)",
  "import.warning": "{location}: warning: {message}",
  "import.table.totals": "{count} total row(s) (checked, not imported)",
  "import.table.footers": "{count} footer row(s) (skipped)",
  "import.table.ignored": "columns not read: {columns}",
  "import.table.separator": "; ",
} as const;
