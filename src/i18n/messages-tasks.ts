/** Messages of the tasks commands, zh and en with the same keys. */
export const tasksZh = {
  "tasks.placeholder": "",
} as const;

export const tasksEn: Record<keyof typeof tasksZh, string> = {
  "tasks.placeholder": "",
};
