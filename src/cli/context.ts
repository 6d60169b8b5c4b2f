/**
 * What every command gets: the resolved database path and language, the clock, and the output
 * streams. Created once in main; commands never read process.* themselves.
 */
import { type Lang, type MessageKey, type Params, t } from "../i18n/index.js";

export interface Output {
  write(s: string): void;
  isTTY: boolean;
  /** the terminal's width in columns, when it is a terminal that says */
  columns?: number | undefined;
}

export interface Context {
  dbOption: string | undefined;
  lang: Lang;
  env: NodeJS.ProcessEnv;
  now: Date;
  stdout: Output;
  stderr: Output;
  /** colour on stdout: a terminal and NO_COLOR unset */
  color: boolean;
  /** a message in the UI language */
  t(key: MessageKey, params?: Params): string;
  /** a notice on stderr (never on stdout, which carries only the report) */
  notice(key: MessageKey, params?: Params): void;
}

export function createContext(
  opts: { db?: string | undefined; lang: Lang },
  env: NodeJS.ProcessEnv,
  stdout: Output,
  stderr: Output,
): Context {
  const lang = opts.lang;
  return {
    dbOption: opts.db,
    lang,
    env,
    now: env.DZKJ_NOW ? new Date(env.DZKJ_NOW) : new Date(),
    stdout,
    stderr,
    color: stdout.isTTY && !("NO_COLOR" in env && env.NO_COLOR !== "") && env.TERM !== "dumb",
    t: (key, params) => t(lang, key, params),
    notice(key, params) {
      stderr.write(`${t(lang, key, params)}\n`);
    },
  };
}
