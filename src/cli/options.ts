/**
 * Options declared once, as data: each command's flags with their help, choices and default, and
 * the zod type of the value commander hands over. main.ts registers a typed command's options from
 * this list and validates what commander parsed against the same list before the command runs, so
 * a command receives typed options and never casts. Loaded only for the commands that use it: zod
 * is not part of `dzkj report`'s start-up.
 */
import { type Command, Option } from "commander";
import { z } from "zod";
import { UsageError } from "../app/errors.js";
import { type Lang, type MessageKey, t } from "../i18n/index.js";
import { FORMAT_NAMES, type Format } from "../render/formats.js";

/** One option: commander's flags, its help (a message key), and the type of its parsed value. */
export interface OptionDef<T extends z.ZodType = z.ZodType> {
  flags: string;
  help: MessageKey;
  type: T;
  choices?: readonly string[];
  default?: string;
  /** commander's parser of each occurrence (a repeatable option collects its values) */
  parse?: (value: string, previous: unknown) => unknown;
}

/** An option with a value: `--year <year>`; absent is undefined. */
const text = (flags: string, help: MessageKey) => ({ flags, help, type: z.string().optional() });

/** A switch: `--no-bom`, `--overdue` (commander gives `--no-x` the value true unless it is given). */
const flag = (flags: string, help: MessageKey) => ({ flags, help, type: z.boolean().optional() });

/** One of fixed values, with a default; commander refuses any other value before zod sees it. */
const choice = <V extends readonly [string, ...string[]]>(
  flags: string,
  help: MessageKey,
  values: V,
  def: V[number],
) => ({
  flags,
  help,
  type: z.enum(values).default(def),
  choices: values,
  default: def,
});

/** The output options of every command that prints a document (README "Formats"). */
const OUTPUT = {
  format: choice(
    "--format <format>",
    "help.opt.format",
    FORMAT_NAMES as unknown as [Format, ...Format[]],
    "table",
  ),
  output: text("-o, --output <file>", "help.opt.output"),
  bom: flag("--no-bom", "help.opt.noBom"),
  width: text("--width <columns>", "help.opt.width"),
  style: choice("--style <style>", "help.opt.style", ["plain", "box"], "plain"),
};

/**
 * --sheet, repeatable, each a name or 1-based number or a comma list of them (as `import --sheet`):
 * the values collected in order.
 */
const sheets = (flags: string, help: MessageKey) => ({
  flags,
  help,
  type: z.array(z.string()).optional(),
  parse: (value: string, previous: unknown): string[] => [
    ...((previous as string[] | undefined) ?? []),
    ...value
      .split(/[,，]/)
      .map((x) => x.trim())
      .filter((x) => x !== ""),
  ],
});

const year = text("--year <year>", "help.opt.year");

/** The typed commands and their options, in the order `--help` lists them. */
export const OPTIONS = {
  plan: {
    year,
    section: text("--section <section>", "help.opt.section"),
    task: text("--task <n>", "help.opt.task"),
    // plan extract FILE: the draft plan it writes; extract and new: the stored plan they start from
    draft: text("--draft <file>", "help.opt.draft"),
    from: text("--from <year>", "help.opt.from"),
    ...OUTPUT,
  },
  units: { year, ...OUTPUT },
  history: { unit: text("--unit <unit>", "help.opt.historyUnit"), year, ...OUTPUT },
  doctor: { ...OUTPUT },
  tasks: {
    year,
    section: text("--section <section>", "help.opt.section"),
    // statuses are parsed leniently by the command (in_progress, 推进中, 进行中 …)
    status: text("--status <status>", "help.opt.taskStatus"),
    overdue: flag("--overdue", "help.opt.overdue"),
    ...OUTPUT,
  },
  completeness: {
    period: text("--period <period>", "help.opt.completenessPeriod"),
    year,
    check: flag("--check", "help.opt.completenessCheck"),
    ...OUTPUT,
  },
  trend: { unit: text("--unit <unit>", "help.opt.reportUnit"), year, ...OUTPUT },
  targets: {
    unit: text("--unit <unit>", "help.opt.targetsUnit"),
    year,
    dryRun: flag("--dry-run", "help.opt.dryRun"),
    allOrNothing: flag("--all-or-nothing", "help.opt.allOrNothing"),
    sheet: sheets("--sheet <sheets>", "help.opt.sheet"),
    ...OUTPUT,
  },
  rank: {
    indicator: text("--indicator <indicator>", "help.opt.rankIndicator"),
    detail: flag("--detail", "help.opt.rankDetail"),
    asOf: text("--as-of <quarter>", "help.opt.asOf"),
    year,
    ...OUTPUT,
  },
} satisfies Record<string, Record<string, OptionDef>>;

export type TypedCommand = keyof typeof OPTIONS;

/** The options a typed command receives, as validated. */
export type OptionsOf<K extends TypedCommand> = {
  [F in keyof (typeof OPTIONS)[K]]: (typeof OPTIONS)[K][F] extends { type: infer T extends z.ZodType }
    ? z.output<T>
    : never;
};

/** Registers a typed command's options on commander, help in the UI language. */
export function declareOptions(cmd: Command, lang: Lang, name: TypedCommand): void {
  for (const def of Object.values(OPTIONS[name]) as OptionDef[]) {
    const option = new Option(def.flags, t(lang, def.help));
    if (def.choices) option.choices(def.choices);
    if (def.default !== undefined) option.default(def.default);
    if (def.parse) option.argParser(def.parse);
    cmd.addOption(option);
  }
}

/**
 * What commander parsed, checked against the command's declared types: the typed options, or a
 * UsageError naming the option and the value (exit 2).
 */
export function parseOptions<K extends TypedCommand>(name: K, opts: Record<string, unknown>): OptionsOf<K> {
  const defs = OPTIONS[name] as Record<string, OptionDef>;
  const schema = z.object(Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, d.type])));
  const parsed = schema.safeParse(opts);
  if (parsed.success) return parsed.data as OptionsOf<K>;
  const key = String(parsed.error.issues[0]?.path[0] ?? "");
  const def = defs[key];
  throw new UsageError({
    key: "error.option",
    params: {
      option: def?.flags.replace(/ <.*$/, "").replace(/^-\w, /, "") ?? key,
      value: String(opts[key]),
      options: def?.choices?.join(" ") ?? "",
    },
  });
}
