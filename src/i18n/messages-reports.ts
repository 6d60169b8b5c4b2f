/** Messages of the report views (report --by/--unit, completeness, trend), zh and en with the same keys. */
export const reportsZh = {
  "rep.error.unit": "未知的填报单位“{value}”；可用：{units}",
  "rep.error.unitHint": "未知的填报单位“{value}”——是否指 {hint}？",
  "rep.error.indicator": "未知的指标“{value}”；运行 dzkj plan 查看指标代码和名称",
  "rep.error.indicatorHint": "未知的指标“{value}”——是否指 {hint}？",
  "rep.error.period":
    "“{value}”不是 {year} 年的报告期（{first}–{last}，或基期 {baseline}）；可用写法：{forms}",
} as const;

export const reportsEn: Record<keyof typeof reportsZh, string> = {
  "rep.error.unit": "unknown unit '{value}'; known units: {units}",
  "rep.error.unitHint": "unknown unit '{value}' — did you mean {hint}?",
  "rep.error.indicator": "unknown indicator '{value}'; run dzkj plan to see the indicator codes and names",
  "rep.error.indicatorHint": "unknown indicator '{value}' — did you mean {hint}?",
  "rep.error.period":
    "'{value}' is not a period of {year} ({first}–{last}, or the baseline {baseline}); accepted forms: {forms}",
};
