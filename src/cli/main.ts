/**
 * The dzkj command line: registers the commands (each loaded only when it runs, to keep
 * start-up fast), and maps errors to exit codes: 0 ok, 1 data/runtime, 2 usage, 3 check failed.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { CheckFailed, Interrupted, UsageError, UserError } from "../app/errors.js";
import { explain, type Lang, type MessageKey, resolveLang, t } from "../i18n/index.js";
import { visibleText } from "../render/format.js";
import { FORMAT_NAMES, formatOfFile } from "../render/formats.js";
import { assetPath } from "../storage/assets.js";
import { DEFAULT_WAIT_SECONDS, resolveDbPath } from "../storage/database.js";
import { DatabaseError, sqliteReason } from "../storage/errors.js";
import { type Context, createContext } from "./context.js";
import { addExamples, checkAction, localizeHelp, placeholderWord } from "./help.js";
import type { TypedCommand } from "./options.js";
import { formatProblemLine } from "./problems.js";

// a typed command takes its OptionsOf<…>, an untyped one the record commander parsed
type Action = (ctx: Context, args: string[], opts: never) => Promise<void>;
type Loader = () => Promise<{ run: Action }>;

interface Spec {
  name: string;
  args?: string;
  help: MessageKey;
  /** the actions its first argument names (task set|show|import): anything else gets a did-you-mean */
  actions?: string[];
  options?: (cmd: Command, lang: Lang) => void;
  /** options declared as data in ./options.ts and validated there before the command runs */
  typed?: TypedCommand;
  load: Loader;
}

const formatOption = (choices: string[]) => (cmd: Command, lang: Lang) =>
  cmd.addOption(
    new Option("--format <format>", t(lang, "help.opt.format")).choices(choices).default("table"),
  );

/** The terminal layout flags of every command that draws a table: --width, --style. */
const layoutOptions = (cmd: Command, lang: Lang) => {
  cmd
    .option("--width <columns>", t(lang, "help.opt.width"))
    .addOption(
      new Option("--style <style>", t(lang, "help.opt.style")).choices(["plain", "box"]).default("plain"),
    );
};

/**
 * `-o report.html` means html (likewise .xlsx, .csv, .md, .json, .txt) unless --format says
 * otherwise; an explicit --format that contradicts the file's extension is kept, with a warning on
 * stderr. A spreadsheet or document name the command cannot write is refused, and so is an xlsx
 * workbook for a terminal (binary bytes on a screen): `-o FILE`, or a pipe, takes it.
 */
function fitFormatToFile(command: Command, opts: Record<string, unknown>, ctx: Context): void {
  const output = opts.output;
  const choices = command.options.find((o) => o.long === "--format")?.argChoices;
  if (typeof output === "string" && output !== "-") {
    const byName = formatOfFile(output);
    const writable = byName !== undefined && !!choices?.includes(byName);
    const other = output.match(/\.(xlsx|xlsm|xls|et|ods|pdf|docx?|wps)$/i)?.[1];
    // a spreadsheet or document name would get a text file under its name: refuse rather than mislead
    if (other && !writable)
      throw new UsageError({ key: "output.unsupported", params: { file: output, ext: other.toLowerCase() } });
    if (writable) {
      if (command.getOptionValueSource("format") !== "cli") opts.format = byName;
      else if (opts.format !== byName && (opts.format === "xlsx" || byName === "xlsx"))
        // a workbook under a text name, or text under a workbook's name, opens as garbage
        throw new UsageError({
          key: "output.binaryMismatch",
          params: { file: output, format: String(opts.format), implied: byName },
        });
      else if (opts.format !== byName)
        ctx.notice("output.formatMismatch", { file: output, format: String(opts.format), implied: byName });
    }
  }
  const toStdout = typeof output !== "string" || output === "-";
  if (opts.format === "xlsx" && toStdout && ctx.stdout.isTTY)
    throw new UsageError({ key: "output.xlsxTerminal" });
}

/** The output flags every report command shares: --format, --output, --no-bom, --width, --style. */
const reportOutput = (cmd: Command, lang: Lang) => {
  formatOption([...FORMAT_NAMES])(cmd, lang);
  cmd.option("-o, --output <file>", t(lang, "help.opt.output")).option("--no-bom", t(lang, "help.opt.noBom"));
  layoutOptions(cmd, lang);
};

/** --sheet, repeatable, each a name or 1-based index or a comma list of them. */
function collectSheets(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(/[,，]/)
      .map((x) => x.trim())
      .filter((x) => x !== ""),
  ];
}

const COMMANDS: Spec[] = [
  {
    name: "init",
    help: "help.init",
    options: (c, l) =>
      c.option("--plan <file>", t(l, "help.opt.plan")).option("--convert", t(l, "help.opt.convert")),
    load: () => import("./commands/init.js"),
  },
  {
    name: "plan",
    args: "[action] [args...]",
    actions: ["extract", "export", "new"],
    help: "help.plan",
    typed: "plan",
    load: () => import("./commands/plan.js"),
  },
  {
    name: "units",
    help: "help.units",
    typed: "units",
    load: () => import("./commands/units.js"),
  },
  {
    name: "import",
    args: "<files...>",
    help: "help.import",
    options: (c, l) => {
      c.option("--dry-run", t(l, "help.opt.dryRun"))
        .option("--all-or-nothing", t(l, "help.opt.allOrNothing"))
        .addOption(
          new Option("--encoding <encoding>", t(l, "help.opt.encoding")).choices([
            "utf8",
            "gb18030",
            "utf16le",
            "utf16be",
          ]),
        )
        .option("--period <period>", t(l, "help.opt.period"))
        .option("--unit <unit>", t(l, "help.opt.unit"))
        .option("--basis <basis>", t(l, "help.opt.basis"))
        .option("--year <year>", t(l, "help.opt.importYear"))
        .option("--force", t(l, "help.opt.force"))
        .option("--sheet <sheets>", t(l, "help.opt.sheet"), collectSheets)
        .option("--max-file-mb <mb>", t(l, "help.opt.maxFileMb"), "200");
      formatOption(["table", "json"])(c, l);
    },
    load: () => import("./commands/import.js"),
  },
  {
    name: "imports",
    args: "[action] [id]",
    actions: ["list", "show", "undo", "redo"],
    help: "help.imports",
    options: (c, l) => {
      c.option("--force", t(l, "help.opt.undoForce")).option("-y, --yes", t(l, "help.opt.yes"));
      reportOutput(c, l);
    },
    load: () => import("./commands/imports.js"),
  },
  {
    name: "history",
    args: "<indicator>",
    help: "help.history",
    typed: "history",
    load: () => import("./commands/history.js"),
  },
  {
    name: "template",
    help: "help.template",
    options: (c, l) => {
      c.option("--unit <unit>", t(l, "help.opt.templateUnit"))
        .option("--period <period>", t(l, "help.opt.templatePeriod"))
        .option("--targets", t(l, "help.opt.templateTargets"))
        .addOption(
          new Option("--layout <layout>", t(l, "help.opt.layout")).choices(["long", "wide"]).default("long"),
        )
        .addOption(
          new Option("--encoding <encoding>", t(l, "help.opt.templateEncoding"))
            .choices(["utf8", "gb18030"])
            .default("utf8"),
        )
        .option("--year <year>", t(l, "help.opt.year"))
        .option("-o, --output <file>", t(l, "help.opt.output"));
      c.addOption(
        new Option("--format <format>", t(l, "help.opt.templateFormat"))
          .choices(["csv", "xlsx"])
          .default("csv"),
      );
    },
    load: () => import("./commands/template.js"),
  },
  {
    name: "report",
    help: "help.report",
    options: (c, l) => {
      c.option("--as-of <quarter>", t(l, "help.opt.asOf"))
        .option("--year <year>", t(l, "help.opt.year"))
        .addOption(new Option("--by <by>", t(l, "help.opt.by")).choices(["unit"]))
        .option("--unit <unit>", t(l, "help.opt.reportUnit"))
        .option("--check", t(l, "help.opt.check"))
        .addOption(new Option("--fail-on <what>", t(l, "help.opt.failOn")).choices(["behind", "missed"]));
      reportOutput(c, l);
    },
    load: () => import("./commands/report.js"),
  },
  {
    name: "status",
    help: "help.status",
    options: (c, l) => {
      c.option("--as-of <quarter>", t(l, "help.opt.asOf"))
        .option("--year <year>", t(l, "help.opt.year"))
        .option("--check", t(l, "help.opt.check"))
        .addOption(new Option("--fail-on <what>", t(l, "help.opt.failOn")).choices(["behind", "missed"]));
      reportOutput(c, l);
    },
    load: () => import("./commands/status.js"),
  },
  {
    name: "tasks",
    help: "help.tasks",
    typed: "tasks",
    load: () => import("./commands/tasks.js"),
  },
  {
    name: "task",
    args: "<action> [args...]",
    actions: ["set", "show", "import"],
    help: "help.task",
    options: (c, l) => {
      c.option("--note <text>", t(l, "help.opt.taskNote"))
        .option("--evidence <ref>", t(l, "help.opt.evidence"))
        .option("--date <date>", t(l, "help.opt.taskDate"))
        .option("--year <year>", t(l, "help.opt.year"))
        .option("--dry-run", t(l, "help.opt.dryRun"))
        .option("--all-or-nothing", t(l, "help.opt.allOrNothing"))
        .addOption(
          new Option("--encoding <encoding>", t(l, "help.opt.encoding")).choices([
            "utf8",
            "gb18030",
            "utf16le",
            "utf16be",
          ]),
        )
        .option("--force", t(l, "help.opt.force"));
      // every format for `task show`; set and import write json or their own lines
      reportOutput(c, l);
    },
    load: () => import("./commands/task.js"),
  },
  {
    name: "completeness",
    help: "help.completeness",
    typed: "completeness",
    load: () => import("./commands/completeness.js"),
  },
  {
    name: "trend",
    args: "<indicator>",
    help: "help.trend",
    typed: "trend",
    load: () => import("./commands/trend.js"),
  },
  {
    name: "targets",
    args: "[action] [files...]",
    actions: ["list", "import"],
    help: "help.targets",
    typed: "targets",
    load: () => import("./commands/targets.js"),
  },
  {
    name: "rank",
    help: "help.rank",
    typed: "rank",
    load: () => import("./commands/rank.js"),
  },
  {
    name: "doctor",
    help: "help.doctor",
    typed: "doctor",
    load: () => import("./commands/doctor.js"),
  },
  {
    name: "backup",
    args: "<file>",
    help: "help.backup",
    load: () => import("./commands/backup.js"),
  },
  {
    name: "restore",
    args: "<file>",
    help: "help.restore",
    options: (c, l) => c.option("-y, --yes", t(l, "help.opt.yes")),
    load: () => import("./commands/restore.js"),
  },
  {
    name: "export",
    args: "<dir>",
    help: "help.export",
    load: () => import("./commands/export.js"),
  },
];

/**
 * The commands to register for this run: only the one named, when it is named (building all 19
 * with their translated options is measurable start-up time), else all (help, a typo to suggest for).
 */
function commandsFor(argv: string[]): Spec[] {
  const named = namedCommand(argv);
  return named ? [named] : COMMANDS;
}

/** The command argv names (`dzkj --db x plan`, `dzkj help plan`), if any. */
function namedCommand(argv: string[]): Spec | undefined {
  const words = argv.filter(
    (a, i) => !a.startsWith("-") && !["--db", "--lang", "--wait"].includes(argv[i - 1] ?? ""),
  );
  const first = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === first);
}

/**
 * Every command with the long flags of its options, as `dzkj CMD --help` lists them (the README
 * test checks that each is documented).
 */
export async function describeCommands(lang: Lang): Promise<{ name: string; options: string[] }[]> {
  const typed = await import("./options.js");
  return COMMANDS.map((spec) => {
    const cmd = new Command(spec.name);
    if (spec.typed) typed.declareOptions(cmd, lang, spec.typed);
    else spec.options?.(cmd, lang);
    return { name: spec.name, options: cmd.options.flatMap((o) => (o.long ? [o.long] : [])) };
  });
}

/**
 * Commander's usage errors (unknown option or command, bad choice, missing argument) in the UI
 * language and dzkj's own error format, with the way to the help; anything else as commander said it.
 */
export function usageMessage(lang: Lang, text: string): string {
  const said = text.trim();
  const hint = (h: string | undefined) => (h ? t(lang, "usage.didYouMean", { hint: h }) : "");
  for (const [pattern, render] of USAGE_ERRORS) {
    const m = said.match(pattern);
    if (m) return `${t(lang, "error.prefix")}: ${render(m, lang, hint)}\n${t(lang, "usage.help")}\n`;
  }
  return `${said}\n`;
}

/** Commander's English messages (v14) and how each reads in dzkj. */
const USAGE_ERRORS: [RegExp, (m: RegExpMatchArray, lang: Lang, hint: (h?: string) => string) => string][] = [
  [
    /^error: unknown option '([^']+)'(?:\s*\(Did you mean (.+)\?\))?/s,
    (m, lang, hint) => t(lang, "usage.unknownOption", { option: m[1] }) + hint(m[2]),
  ],
  [
    /^error: unknown command '([^']+)'(?:\s*\(Did you mean (.+)\?\))?/s,
    (m, lang, hint) => t(lang, "usage.unknownCommand", { command: m[1] }) + hint(m[2]),
  ],
  [
    /^error: option '([^' ]+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/s,
    (m, lang) => t(lang, "error.option", { option: m[1], value: m[2], options: m[3] }),
  ],
  [
    /^error: missing required argument '([^']+)'/,
    (m, lang) => t(lang, "usage.missingArgument", { argument: placeholderWord(lang, m[1]!) }),
  ],
  [
    /^error: option '([^' ]+)[^']*' argument missing/,
    (m, lang) => t(lang, "usage.missingValue", { option: m[1] }),
  ],
  [
    /^error: too many arguments(?: for '([^']+)')?/,
    (m, lang) => t(lang, "usage.tooManyArguments", { command: m[1] ?? "dzkj" }),
  ],
];

declare const __DZKJ_VERSION__: string | undefined;

/** dzkj's version: written into the bundle by the build (scripts/build.mjs), else read from package.json. */
function dzkjVersion(): string {
  if (typeof __DZKJ_VERSION__ === "string") return __DZKJ_VERSION__;
  return (JSON.parse(readFileSync(assetPath("package.json"), "utf8")) as { version: string }).version;
}

/** Runs dzkj with the given arguments (without node and script); resolves to the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const langArg = argv.find((a, i) => a.startsWith("--lang=") || argv[i - 1] === "--lang");
  const lang = resolveLang(langArg?.replace(/^--lang=/, ""), env);
  const stdout = {
    write: (s: string | Uint8Array) => void process.stdout.write(s),
    isTTY: !!process.stdout.isTTY,
    columns: process.stdout.columns,
  };
  const stderr = { write: (s: string) => void process.stderr.write(s), isTTY: !!process.stderr.isTTY };
  const program = new Command("dzkj")
    .description(t(lang, "help.program"))
    .option("--db <path>", t(lang, "help.opt.db"))
    .option("--wait <seconds>", t(lang, "help.opt.wait"))
    .addOption(new Option("--lang <lang>", t(lang, "help.opt.lang")).choices(["zh", "en"]))
    .helpOption("-h, --help", t(lang, "help.opt.help"))
    .version(dzkjVersion(), "-V, --version", t(lang, "help.opt.version"))
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => stdout.write(s),
      writeErr: (s) => stderr.write(s),
      outputError: (s, write) => write(usageMessage(lang, s)),
    });
  localizeHelp(program, lang);
  addExamples(program, lang, "help");
  let exit = 0;
  const specs = commandsFor(argv);
  // zod and the option lists only when a typed command is registered (never for report, status)
  // (`dzkj --help` lists the commands without their options: no command of it needs them)
  const typed = namedCommand(argv)?.typed ? await import("./options.js") : undefined;
  for (const spec of specs) {
    const cmd = program
      .command(spec.args ? `${spec.name} ${spec.args}` : spec.name)
      .description(t(lang, spec.help));
    cmd.helpOption("-h, --help", t(lang, "help.opt.help"));
    if (spec.typed) typed?.declareOptions(cmd, lang, spec.typed);
    else spec.options?.(cmd, lang);
    addExamples(cmd, lang, spec.name);
    cmd.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const opts = command.opts();
      const args = params.slice(0, -2).flatMap((p) => (Array.isArray(p) ? (p as string[]) : [p as string]));
      if (spec.actions) checkAction(lang, spec.name, args[0], spec.actions);
      const global = program.opts<{ db?: string; lang?: string; wait?: string }>();
      const ctx = createContext(
        { db: checkDbOption(global.db), lang, wait: checkWait(global.wait), command: spec.name },
        env,
        stdout,
        stderr,
      );
      fitFormatToFile(command, opts, ctx);
      const { run } = await spec.load();
      // --as-of/--year in any period form an import accepts (loaded only when given: start-up time)
      if (typeof opts.asOf === "string" || typeof opts.year === "string")
        (await import("./period-options.js")).normalizePeriodOptions(opts);
      // the one place options become a command's type: validated against its declared list
      await run(ctx, args, (spec.typed && typed ? typed.parseOptions(spec.typed, opts) : opts) as never);
    });
  }
  try {
    // `dzkj help reprot`: commander would print the program's help; say what a mistyped command gets
    const helped = argv[0] === "help" && argv[1] !== undefined && !COMMANDS.some((c) => c.name === argv[1]);
    await program.parseAsync(helped ? argv.slice(1, 2) : argv, { from: "user" });
  } catch (e) {
    const global = program.opts<{ db?: string; wait?: string }>();
    const wait = Number(global.wait ?? DEFAULT_WAIT_SECONDS);
    exit = handleError(e, lang, env, stderr, { path: resolveDbPath(global.db, env), wait });
  }
  return exit;
}

/**
 * --db as given: an empty path is a usage error (it used to mean the default database, which
 * a script with an unset variable then wrote to), and so is `:memory:` (nothing would be kept).
 */
function checkDbOption(db: string | undefined): string | undefined {
  if (db === undefined) return undefined;
  if (db.trim() === "") throw new UsageError({ key: "usage.dbEmpty" });
  if (db === ":memory:") throw new UsageError({ key: "usage.dbMemory", params: { value: db } });
  return db;
}

/** --wait SECONDS: a number ≥ 0 (fractions allowed); default DEFAULT_WAIT_SECONDS. */
function checkWait(wait: string | undefined): number | undefined {
  if (wait === undefined) return undefined;
  const n = Number(wait);
  if (wait.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new UsageError({ key: "usage.wait", params: { value: wait } });
  return n;
}

function handleError(
  e: unknown,
  lang: Lang,
  env: NodeJS.ProcessEnv,
  stderr: { write(s: string): void },
  db: { path: string; wait: number },
): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return 0;
    return 2;
  }
  if (e instanceof CheckFailed) return 3;
  if (e instanceof UserError) {
    stderr.write(`${t(lang, "error.prefix")}: ${visibleText(explain(lang, e.reason))}\n`);
    for (const p of e.problems) stderr.write(`${formatProblemLine(lang, p)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
  if (e instanceof Interrupted) return 130;
  const message = (e as Error)?.message ?? String(e);
  if (e instanceof DatabaseError || String((e as { code?: unknown })?.code ?? "").startsWith("SQLITE")) {
    const reason =
      e instanceof DatabaseError && e.reason
        ? e.reason
        : sqliteReason(String((e as { code?: unknown }).code), db.path, db.wait, message);
    const text = visibleText(reason ? explain(lang, reason) : message);
    stderr.write(`${t(lang, "error.prefix")}: ${text}\n`);
    if (env.DZKJ_DEBUG) stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
  stderr.write(`${t(lang, "error.bug", { message })}\n`);
  if (env.DZKJ_DEBUG) stderr.write(`${(e as Error).stack ?? ""}\n`);
  return 1;
}
