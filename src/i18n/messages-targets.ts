/** Messages of unit targets (目标分解), `rank` (排名) and the unit lines of the report, zh and en with the same keys. */
export const targetsZh = {
  "help.targets":
    "单位目标（目标分解）：列出各单位的目标，或从 CSV 或 Excel/WPS 工作簿导入（targets import 文件；工作簿逐表读取，可用 --sheet 指定）",
  "help.rank": "排名：各单位按完成各自目标的程度排名，及综合得分",
  "help.opt.targetsUnit": "只列出某个填报单位的目标，如 渠县",
  "help.opt.rankIndicator": "只列出某项指标的排名（综合得分不变）",
  "help.examples.targets":
    "  dzkj targets import 2020年目标分解.csv  # 导入各单位的年度目标\n  dzkj targets --unit 渠县  # 渠县的目标\n  dzkj targets --format json  # 供脚本使用",
  "help.examples.rank":
    "  dzkj rank  # 截至最新季度的综合排名和各指标排名\n  dzkj rank --indicator 技术合同登记额 --format markdown  # 发到工作群",
  "imports.kind.targets": "单位目标",
  "imports.show.oldTarget": "原目标",
  "imports.show.newTarget": "新目标",
  "imports.show.oldWeight": "原考核权重",
  "imports.show.newWeight": "新考核权重",
  "help.opt.templateTargets": "改为生成单位目标（目标分解）填报表，填好后用 dzkj targets import 导入",
  "targets.template.written": "已写入单位目标填报表 {file}（{rows} 行）",
  "targets.template.csvOnly":
    "单位目标填报表只能写成 CSV：请用 -o 文件名.csv（Excel/WPS 可直接打开，填好后 dzkj targets import 导入）",
  "yoy.col.lastYear": "上年同期",
  "yoy.col.yoy": "同比",
  "yoy.points": "{points} 个百分点",
  "yoy.spark": "上年同期",
  "plan.revision.unitTargets":
    "{name} 的计量单位由 {from} 改为 {to}，已存 {count} 个单位目标（以 {from} 计）不会换算；请先用 dzkj imports undo 撤销目标导入，载入新要点后按 {to} 重新导入目标",
  "help.opt.completenessCheck": "有单位逾期报送（或逾期未报送）时退出码为 3，供定时任务使用",
  "completeness.onTime": "按时",
  "completeness.late": "逾期 {days} 天",
  "completeness.lateItem": "{unit}（逾期 {days} 天）",
  "completeness.overdue": "（逾期 {days} 天）",
  "completeness.cell": "{count} · {when}",
  "completeness.short": "，缺目标指标 {n}/{total}",
  "completeness.note.late": "{period} 逾期报送：{list}",
  "completeness.note.short": "{period} 未报齐本单位有目标的指标：{list}",
  "completeness.summary":
    "{period}：按时 {onTime}，逾期 {late}，未报送 {missing}（截止 {deadline}，季末后 {days} 天）",
  "completeness.summaryTargets": "；报齐本单位目标指标 {complete}/{total} 个单位",
  "completeness.check.failed": "检查未通过：{n} 处逾期：{list}",
  "unitTargets.col.target": "本单位目标",
  "targets.usage": "用法：dzkj targets [list] [--unit 单位] | dzkj targets import 文件...",
  "targets.title": "{year} 年单位目标（目标分解）",
  "targets.none": "尚未导入单位目标；用 dzkj targets import 文件 导入",
  "targets.col.unit": "填报单位",
  "targets.col.unitCode": "单位代码",
  "targets.col.weight": "考核权重",
  "targets.split.short":
    "分解不足：{indicator} 各单位目标合计 {sum}，低于全市目标 {target}，缺口 {gap} {unit}",
  "targets.split.over":
    "层层加码：{indicator} 各单位目标合计 {sum}，高于全市目标 {target}（多 {gap} {unit}）",
  "targets.import.summary":
    "{file}: {year} 年单位目标；{encoding}，分隔符 {delimiter}；读取 {rows} 行，跳过标题行 {skipped}，新增 {inserted}，更新 {updated}，未变 {unchanged}，空白 {blank}，拒绝 {rejected}",
  "targets.import.summary.workbook":
    "{file}: {year} 年单位目标；{format} 工作簿，工作表 {sheets}；读取 {rows} 行，跳过标题行 {skipped}，新增 {inserted}，更新 {updated}，未变 {unchanged}，空白 {blank}，拒绝 {rejected}",
  "targets.import.change.insert": "  {at} {unit} {indicator}: 新增 {new}{weight}",
  "targets.import.change.update": "  {at} {unit} {indicator}: {old} → {new}{weight}",
  "targets.import.change.weight": "  {at} {unit} {indicator}: 考核权重 {old} → {new}",
  "targets.import.change.withWeight": "（考核权重 {weight}）",
  "targets.import.otherYear":
    "文件标题写的是 {stated} 年，而要导入的是 {year} 年工作要点的单位目标；若是 {stated} 年的目标，请加 --year {stated}，否则请改正标题",
  "targets.import.zero": "{indicator} 的目标为 0：没有分解任务的单位请把这一格留空，不要填 0",
  "targets.import.fraction":
    "{indicator} 的目标 {value} 像是写成了小数：全市目标是 {target}%，百分比请写成 {percent}（58% 请写 58，不要写 0.58）",
  "targets.import.noHeader": "找不到表头：需要“单位”列和“指标”“目标”两列，或“单位”列加每项指标一列（宽表）",
  "targets.import.noUnit": "这一行没有填报单位",
  "targets.import.unknownColumn": "不认识的列“{value}”：既不是指标，也不是单位、目标、计量单位或考核权重",
  "targets.import.unknownColumnHint": "不认识的列“{value}”——是否指 {hint}？",
  "targets.import.weight": "考核权重“{value}”不是大于 0 的数（可写 20 或 20%，权重只看相对大小）",
  "targets.import.weightConflict":
    "{indicator} 的考核权重在第 {line} 行是 {first}，这里是 {value}；一项指标只能有一个权重（全市/合计行的权重也是这项指标的权重）",
  "targets.import.duplicate": "{unit} 的 {indicator} 目标在第 {line} 行已经给出",
  "targets.import.duplicate.at": "{unit} 的 {indicator} 目标已在 {at} 给出",
  "targets.import.weightConflict.at":
    "{indicator} 的考核权重在 {at} 是 {first}，这里是 {value}；一项指标只能有一个权重（全市/合计行的权重也是这项指标的权重）",
  "targets.import.sheetNoHeader": "没有单位目标表头，不是目标表；如要导入请用 --sheet 指定",
  "targets.import.totalDiffers":
    "{indicator} 的全市目标 {value} 与工作要点中的全市目标 {target} {unit} 不同；全市目标以工作要点为准，此行未读入",
  "targets.import.sumDiffers":
    "{indicator} 的合计行为 {value}，而本表 {n} 个单位的目标之和为 {sum} {unit}；合计行不读入，请核对",
  "rank.title": "{year} 年各单位目标完成排名",
  "rank.asOf": "截至 {asOf}",
  "rank.composite": "综合得分",
  "rank.col.rank": "名次",
  "rank.col.score": "得分",
  "rank.col.missing": "未报送",
  "rank.missingOf": "{missing}/{total} 项",
  "rank.weight": "（权重 {weight}）",
  "rank.indicatorTitle": "{indicator}（{unit}）{weight}",
  "rank.notReported": "未报送",
  "rank.col.missingCount": "未报送项数",
  "rank.pendingLeftOut": "年底前未到期、不计入综合得分的指标（待年度统计）：{list}",
  "rank.indicatorNoTargets": "{indicator} 没有单位目标，无从排名；只列出综合得分",
  "rank.detailHint": "各指标排名：加 --detail",
  "help.opt.rankDetail": "markdown 中也列出各指标的排名表（默认只列综合得分，便于发到工作群）",
  "rank.noTargets": "尚未导入单位目标，无法排名；用 dzkj targets import 文件 导入",
  "rank.footnote":
    "各指标按完成率（完成 ÷ 本单位目标，不封顶）排名；综合得分 = Σ 权重 × min(完成率, 100%) ÷ Σ 权重，取本单位有目标且已到期的指标（年度统计指标和节点目标四季度才计入）；未报送的指标计 0 分；并列者名次相同（1、1、3）。",
};

export const targetsEn: Record<keyof typeof targetsZh, string> = {
  "help.targets":
    "unit targets (the city's targets split among the units): list them, or import them from CSV or Excel/WPS workbooks (targets import FILE; a workbook is read sheet by sheet, --sheet chooses)",
  "help.rank": "ranking: the units ranked by completion against their own targets, and a composite score",
  "help.opt.targetsUnit": "only this reporting unit's targets, e.g. 渠县",
  "help.opt.rankIndicator": "only this indicator's ranking (the composite is unchanged)",
  "help.examples.targets":
    "  dzkj targets import targets-2020.csv  # import the units' targets for the year\n  dzkj targets --unit 渠县  # 渠县's targets\n  dzkj targets --format json  # for scripts",
  "help.examples.rank":
    "  dzkj rank  # the composite ranking and each indicator's, at the latest quarter\n  dzkj rank --indicator tech_contract_value --format markdown  # for the chat group",
  "imports.kind.targets": "unit targets",
  "imports.show.oldTarget": "Old target",
  "imports.show.newTarget": "New target",
  "imports.show.oldWeight": "Old weight",
  "imports.show.newWeight": "New weight",
  "help.opt.templateTargets": "the unit targets fill-in sheet instead, to load back with dzkj targets import",
  "targets.template.written": "wrote the unit targets sheet {file} ({rows} rows)",
  "targets.template.csvOnly":
    "the unit targets sheet is written as CSV only: use -o NAME.csv (Excel/WPS open it; import it filled in with dzkj targets import)",
  "yoy.col.lastYear": "Last year",
  "yoy.col.yoy": "YoY",
  "yoy.points": "{points} pts",
  "yoy.spark": "last year",
  "plan.revision.unitTargets":
    "{nameEn}: the unit changes from {from} to {to}, and its {count} unit targets (in {from}) are not converted; undo the targets import (dzkj imports undo), load the new plan, then import the targets in {to}",
  "help.opt.completenessCheck":
    "exit 3 when a unit reported late (or is overdue and has not reported), for cron",
  "completeness.onTime": "on time",
  "completeness.late": "late by {days} day(s)",
  "completeness.lateItem": "{unit} (late by {days} day(s))",
  "completeness.overdue": " (overdue by {days} day(s))",
  "completeness.cell": "{count} · {when}",
  "completeness.short": ", {n} of {total} targeted missing",
  "completeness.note.late": "{period} reported late: {list}",
  "completeness.note.short": "{period} short of the indicators they have targets for: {list}",
  "completeness.summary":
    "{period}: {onTime} on time, {late} late, {missing} not reported (due {deadline}, {days} days after the quarter)",
  "completeness.summaryTargets": "; {complete} of {total} units sent every indicator they have a target for",
  "completeness.check.failed": "check failed: {n} late: {list}",
  "unitTargets.col.target": "Own target",
  "targets.usage": "usage: dzkj targets [list] [--unit UNIT] | dzkj targets import FILE...",
  "targets.title": "Unit targets {year}",
  "targets.none": "no unit targets yet; import them with dzkj targets import FILE",
  "targets.col.unit": "Unit",
  "targets.col.unitCode": "Unit code",
  "targets.col.weight": "Weight",
  "targets.split.short":
    "split short: the units' targets of {indicatorEn} add up to {sum} {unitEn}, below the city target {target}; short by {gap}",
  "targets.split.over":
    "split over: the units' targets of {indicatorEn} add up to {sum} {unitEn}, above the city target {target} (over by {gap})",
  "targets.import.summary":
    "{file}: unit targets {year}; {encoding}, delimiter {delimiter}; {rows} rows read, {skipped} title rows skipped, {inserted} new, {updated} updated, {unchanged} unchanged, {blank} blank, {rejected} rejected",
  "targets.import.summary.workbook":
    "{file}: unit targets {year}; {format} workbook, sheets {sheets}; {rows} rows read, {skipped} title rows skipped, {inserted} new, {updated} updated, {unchanged} unchanged, {blank} blank, {rejected} rejected",
  "targets.import.change.insert": "  {at} {unit} {indicator}: new {new}{weight}",
  "targets.import.change.update": "  {at} {unit} {indicator}: {old} → {new}{weight}",
  "targets.import.change.weight": "  {at} {unit} {indicator}: weight {old} → {new}",
  "targets.import.change.withWeight": " (weight {weight})",
  "targets.import.otherYear":
    "the file's title says {stated}, but the targets would go to the {year} plan; if they are {stated}'s, add --year {stated}, else correct the title",
  "targets.import.zero":
    "the target of {indicatorEn} is 0: leave the cell blank for a unit without a share, do not write 0",
  "targets.import.fraction":
    "the target {value} of {indicatorEn} looks like a fraction: the city target is {target}%, so write the percentage as {percent} (58% as 58, not 0.58)",
  "targets.import.noHeader":
    "no header found: a targets file needs a unit column with indicator and target columns, or a unit column and one column per indicator (wide)",
  "targets.import.noUnit": "this row names no reporting unit",
  "targets.import.unknownColumn":
    "unknown column '{value}': not an indicator, nor a unit, target, measure or weight column",
  "targets.import.unknownColumnHint": "unknown column '{value}' — did you mean {hint}?",
  "targets.import.weight":
    "weight '{value}' is not a number above 0 (20 or 20% both do: weights are relative)",
  "targets.import.weightConflict":
    "{indicatorEn} has weight {first} on line {line} and {value} here; an indicator has one weight (a city/total row's weight is the indicator's too)",
  "targets.import.duplicate": "{unitEn}'s target for {indicatorEn} was already given on line {line}",
  "targets.import.duplicate.at": "{unitEn}'s target for {indicatorEn} was already given at {at}",
  "targets.import.weightConflict.at":
    "{indicatorEn} has weight {first} at {at} and {value} here; an indicator has one weight (a city/total row's weight is the indicator's too)",
  "targets.import.sheetNoHeader": "no targets header: not a targets table; name it with --sheet to import it",
  "targets.import.totalDiffers":
    "the city target {value} of {indicatorEn} differs from the plan's city target {target} {unitEn}; the plan's stands, this row is not read",
  "targets.import.sumDiffers":
    "the total row's {indicatorEn} is {value}, but the {n} units' targets of this table add up to {sum} {unitEn}; the total row is not read: check it",
  "rank.title": "Units ranked by completion of their own targets, {year}",
  "rank.asOf": "as of {asOf}",
  "rank.composite": "Composite score",
  "rank.col.rank": "Rank",
  "rank.col.score": "Score",
  "rank.col.missing": "Not reported",
  "rank.missingOf": "{missing} of {total}",
  "rank.weight": ", weight {weight}",
  "rank.indicatorTitle": "{indicator} ({unit}{weight})",
  "rank.notReported": "not reported",
  "rank.col.missingCount": "Indicators not reported",
  "rank.pendingLeftOut": "Not yet due, left out of the composite before Q4 (annual statistics): {list}",
  "rank.indicatorNoTargets": "{indicator} has no unit targets, nothing to rank on it; the composite only",
  "rank.detailHint": "each indicator's ranking: add --detail",
  "help.opt.rankDetail":
    "each indicator's ranking table in markdown too (by default the composite only, for a chat group)",
  "rank.noTargets": "no unit targets yet, nothing to rank; import them with dzkj targets import FILE",
  "rank.footnote":
    "Each indicator ranks by completion (actual ÷ the unit's own target, uncapped); composite = Σ weight × min(completion, 100%) ÷ Σ weight over the due indicators the unit has targets for (annual indicators and milestones count from Q4); an indicator not reported scores 0; ties share a rank (1, 1, 3).",
};
