/**
 * The message catalogue. Every user-facing string lives in ./zh.ts and ./en.ts, plus one
 * part per area (./messages-*.ts: intake, tasks, reports, ops, output, extract); code refers to messages by key. Placeholders are
 * written `{name}` and filled from params.
 */
import { en } from "./en.js";
import { extractEn, extractZh } from "./messages-extract.js";
import { intakeEn, intakeZh } from "./messages-intake.js";
import { opsEn, opsZh } from "./messages-ops.js";
import { outputEn, outputZh } from "./messages-output.js";
import { planBookEn, planBookZh } from "./messages-planbook.js";
import { reportsEn, reportsZh } from "./messages-reports.js";
import { targetsEn, targetsZh } from "./messages-targets.js";
import { tasksEn, tasksZh } from "./messages-tasks.js";
import { zh } from "./zh.js";

export type Lang = "zh" | "en";
export type Params = Readonly<Record<string, string | number | null | undefined>>;

/**
 * Each language's catalogue in parts, looked up part by part: merging them into one object cost
 * ~5 ms at every start of every command (a run renders only a few dozen messages).
 */
const PARTS: Readonly<Record<Lang, readonly Readonly<Record<string, string>>[]>> = {
  zh: [zh, intakeZh, tasksZh, reportsZh, opsZh, outputZh, targetsZh, extractZh, planBookZh],
  en: [en, intakeEn, tasksEn, reportsEn, opsEn, outputEn, targetsEn, extractEn, planBookEn],
};

function lookup(lang: Lang, key: string): string | undefined {
  for (const part of PARTS[lang]) {
    const v = part[key];
    if (v !== undefined) return v;
  }
  return undefined;
}

export type MessageKey =
  | keyof typeof zh
  | keyof typeof intakeZh
  | keyof typeof tasksZh
  | keyof typeof reportsZh
  | keyof typeof opsZh
  | keyof typeof outputZh
  | keyof typeof targetsZh
  | keyof typeof extractZh
  | keyof typeof planBookZh;

/** A message not yet rendered: a key and its parameters (domain and intake code return these). */
export interface Reason {
  key: MessageKey;
  params?: Params;
}

/** Renders a message in a language; an unknown key is a bug and shows as the key itself. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = lookup(lang, key) ?? lookup("zh", key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    // an English name the caller did not give (indicatorEn) falls back to the name itself
    const v = params[name] ?? (name.endsWith("En") ? params[name.slice(0, -2)] : undefined);
    return v === undefined || v === null ? whole : String(v);
  });
}

/** Renders a Reason. */
export function explain(lang: Lang, reason: Reason): string {
  return t(lang, reason.key, reason.params);
}

/** The UI language: --lang beats DZKJ_LANG; Chinese by default. */
export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const v = (option ?? env.DZKJ_LANG ?? "zh").toLowerCase();
  return v.startsWith("en") ? "en" : "zh";
}
