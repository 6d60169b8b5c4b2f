/** Messages of the output layer (table width and style, help), zh and en with the same keys. */
export const outputZh = {
  "table.hidden": "（终端宽度不足，未显示：{columns}；加宽终端或用 --width 查看全部列）",
  "help.opt.width": "表格宽度（字符列数）；默认取终端宽度，管道和文件不限宽；0 表示不限",
  "help.opt.style": "表格边框：plain（ASCII，任何终端都对齐）或 box（制表符线框）",
  "error.width": "--width 的值无效：{value}；应为 0 或正整数（字符列数）",
};

export const outputEn: Record<keyof typeof outputZh, string> = {
  "table.hidden": "(too narrow to show: {columns}; widen the terminal or use --width to see every column)",
  "help.opt.width":
    "table width in columns; default: the terminal's width, unlimited for pipes and files; 0 means unlimited",
  "help.opt.style": "table borders: plain (ASCII, aligned in any terminal) or box (box-drawing lines)",
  "error.width": "invalid value for --width: {value}; give 0 or a positive whole number of columns",
};
