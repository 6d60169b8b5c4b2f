/**
 * What every command gets: the resolved database path and language, the clock, and the output
 * streams. Created once in main; commands never read process.* themselves.
 */
import { type Lang, type MessageKey, type Params, t } from "../i18n/index.js";
import { DEFAULT_WAIT_SECONDS, type LockWait, resolveDbPath } from "../storage/database.js";

export interface Output {
  write(s: string | Uint8Array): void;
  isTTY: boolean;
  /** the terminal's width in columns, when it is a terminal that says */
  columns?: number | undefined;
}

export interface Context {
  dbOption: string | undefined;
  /** the command being run (init, report …) */
  command: string;
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
  /** --wait in seconds: how long a write waits for another process's lock */
  waitSeconds: number;
  /** the lock wait for the database at `path`, with a progress line on a terminal */
  lockWait(path: string): LockWait;
  /** the database this run uses (--db, DZKJ_DB or the default) */
  dbPath(): string;
}

export function createContext(
  opts: { db?: string | undefined; lang: Lang; wait?: number | undefined; command?: string },
  env: NodeJS.ProcessEnv,
  stdout: Output,
  stderr: Output,
): Context {
  const lang = opts.lang;
  return {
    dbOption: opts.db,
    command: opts.command ?? "",
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
    waitSeconds: opts.wait ?? DEFAULT_WAIT_SECONDS,
    lockWait(path) {
      const max = opts.wait ?? DEFAULT_WAIT_SECONDS;
      if (!stderr.isTTY) return { ms: max * 1000 };
      let shown = -1;
      return {
        ms: max * 1000,
        onWait: (waited) => {
          const seconds = Math.floor(waited / 1000);
          if (seconds === shown) return;
          shown = seconds;
          stderr.write(`\r\x1b[K${t(lang, "db.waiting", { path, seconds, max })}`);
        },
        onWaited: () => stderr.write("\r\x1b[K"),
      };
    },
    dbPath: () => resolveDbPath(opts.db, env),
  };
}
