/** Messages of the reports commands, zh and en with the same keys. */
export const reportsZh = {
  "reports.placeholder": "",
} as const;

export const reportsEn: Record<keyof typeof reportsZh, string> = {
  "reports.placeholder": "",
};
