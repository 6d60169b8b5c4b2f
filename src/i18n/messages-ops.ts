/** Messages of the ops commands, zh and en with the same keys. */
export const opsZh = {
  "ops.placeholder": "",
} as const;

export const opsEn: Record<keyof typeof opsZh, string> = {
  "ops.placeholder": "",
};
