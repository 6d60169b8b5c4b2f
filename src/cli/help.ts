/**
 * Help in the UI language (README "Help"): commander's headings (Usage, Options, Arguments,
 * Commands, Global Options), choices and defaults are English and are translated here; every
 * command's help shows the global --db/--lang and ends with real examples; a mistyped action of
 * `task` or `imports` gets a did-you-mean as a mistyped command does.
 */
import type { Command, Help, Option } from "commander";
import { UsageError } from "../app/errors.js";
import { type Lang, type MessageKey, t } from "../i18n/index.js";
import { suggest } from "../intake/suggest.js";
import { textWidth, wrapText } from "../render/width.js";

const TITLES: Readonly<Record<string, MessageKey>> = {
  "Usage:": "help.title.usage",
  "Options:": "help.title.options",
  "Arguments:": "help.title.arguments",
  "Commands:": "help.title.commands",
  "Global Options:": "help.title.globalOptions",
};

/** An option's description with its choices and default, in the UI language. */
function optionDescription(lang: Lang, option: Option): string {
  const extra: string[] = [];
  const choices = option.argChoices;
  // a description that already spells the choices (zh|en) does not repeat them
  if (choices && !option.description.includes(choices.join("|")))
    extra.push(t(lang, "help.choices", { choices: choices.join(t(lang, "help.choiceSep")) }));
  const shown = option.defaultValue !== undefined && (option.required || option.optional);
  if (shown) extra.push(t(lang, "help.default", { value: String(option.defaultValue) }));
  if (!extra.length) return option.description;
  return `${option.description}${t(lang, "help.extra", { extra: extra.join(t(lang, "help.extraSep")) })}`;
}

/**
 * Configures `program` (and so every command added after it) to write help in `lang`: translated
 * headings and usage words, choices and defaults, the global options under each command, and
 * widths measured with wide CJK characters counted as two columns.
 */
export function localizeHelp(program: Command, lang: Lang): void {
  program.configureHelp({
    showGlobalOptions: true,
    styleTitle: (s: string) => {
      const key = TITLES[s];
      return key ? t(lang, key) : s;
    },
    styleUsage: (s: string) => usageWords(lang, s),
    styleSubcommandTerm: (s: string) => usageWords(lang, s),
    styleOptionTerm: (s: string) => usageWords(lang, s),
    styleArgumentTerm: (s: string) => usageWords(lang, s),
    optionDescription: (option: Option) => optionDescription(lang, option),
    displayWidth: (s: string) => textWidth(s),
    // commander wraps at spaces only, and Chinese has none: wrap where a character may break
    boxWrap: (s: string, width: number) =>
      s
        .split("\n")
        .flatMap((line) => (width < 20 ? [line] : wrapText(line, width, textWidth)))
        .join("\n"),
  } as Partial<Help>);
  program.helpCommand("help [command]", t(lang, "help.cmd.help"));
}

/** The placeholders of arguments and option values (<quarter>, [id]) in the UI language. */
function placeholders(lang: Lang): Map<string, string> {
  return new Map(
    t(lang, "help.placeholders")
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split("=") as [string, string]),
  );
}

/** An argument's placeholder in the UI language: `indicator` → 指标 (as it is where none is known). */
export function placeholderWord(lang: Lang, name: string): string {
  return placeholders(lang).get(name) ?? name;
}

/** Usage text with [options], [command] and the placeholders in the UI language. */
function usageWords(lang: Lang, s: string): string {
  const names = placeholders(lang);
  return s
    .replace("[options]", t(lang, "help.usage.options"))
    .replace("[command]", t(lang, "help.usage.command"))
    .replace(/([<[])([a-z.]+)([>\]])/g, (whole, open: string, name: string, close: string) => {
      const local = names.get(name);
      return local ? `${open}${local}${close}` : whole;
    });
}

/**
 * The examples that end a command's help (help.examples.NAME in the catalogue: one `command  # what`
 * a line), with the comments lined up.
 */
function examplesText(lang: Lang, name: string, limit = 80): string {
  const lines = t(lang, `help.examples.${name}` as MessageKey)
    .split("\n")
    .map((l) => l.split("  # "));
  const width = Math.max(...lines.map(([c = ""]) => textWidth(c)));
  // comments lined up beside the commands while that fits the width, else each under its command
  const beside = lines.every(([, d]) => d === undefined || width + 4 + textWidth(d) <= limit);
  const body = lines.flatMap(([c = "", d]) => {
    if (d === undefined) return [c];
    return beside ? [`${c}${" ".repeat(width - textWidth(c))}  # ${d}`] : [c, `    # ${d}`];
  });
  return `${t(lang, "help.title.examples")}\n${body.join("\n")}\n`;
}

/** The width help is wrapped to: the terminal's, else COLUMNS, else 80 (commander's own rule). */
function helpWidth(): number {
  return process.stdout.isTTY ? (process.stdout.columns ?? 80) : Number(process.env.COLUMNS) || 80;
}

/** Adds the examples to the end of a command's help. */
export function addExamples(cmd: Command, lang: Lang, name: string): void {
  cmd.addHelpText(
    "after",
    (ctx) => `\n${examplesText(lang, name, ctx.command.createHelp().helpWidth ?? helpWidth())}`,
  );
}

/**
 * A command's first argument must be one of its actions (`task set|show|import`): otherwise a
 * usage error naming the actions, with the nearest one as a did-you-mean.
 */
export function checkAction(
  lang: Lang,
  command: string,
  action: string | undefined,
  actions: readonly string[],
): void {
  if (action === undefined || actions.includes(action)) return;
  const [hint] = suggest(action, actions, 1);
  throw new UsageError({
    key: "usage.unknownAction",
    params: {
      command,
      action,
      actions: actions.join(" "),
      hint: hint ? t(lang, "usage.didYouMean", { hint: `dzkj ${command} ${hint}` }) : "",
    },
  });
}
