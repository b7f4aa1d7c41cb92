// The one argument parser of the CLI: node:util parseArgs reads the tokens, this walks them in order against
// a command's option table, so every command reports unknown options, missing values and bad values alike.
import { parseArgs } from 'node:util';
import { usageError } from './errors';

/** An option of a command: a flag, or an option with a value (checked and converted by `parse`). */
export type OptionSpec =
  | { kind: 'flag' }
  | { kind: 'value'; multiple?: boolean; parse?: (raw: string, name: string) => unknown };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  /** Flags as true, values as `parse` returned them (the last one given, or all of them when `multiple`). */
  values: Record<string, unknown>;
  positionals: string[];
}

/** Every command accepts these two; the first one met wins over anything after it. */
const GLOBAL = { help: { short: 'h' }, version: { short: 'v' } } as const;

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

function tokens(argv: string[], specs: OptionSpecs): Token[] {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: GLOBAL.help.short },
    version: { type: 'boolean', short: GLOBAL.version.short },
  };
  for (const [name, spec] of Object.entries(specs)) options[name] = { type: spec.kind === 'value' ? 'string' : 'boolean' };
  // Not strict: unknown options and missing values come back as tokens, for messages in our own words.
  return parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

/** Reads `argv` against `specs`; 'help' or 'version' when one of those comes first. Throws usage CliErrors. */
export function parseCommandLine(argv: string[], specs: OptionSpecs): ParsedArgs | 'help' | 'version' {
  const parsed: ParsedArgs = { values: {}, positionals: [] };
  for (const token of tokens(argv, specs)) {
    if (token.kind === 'positional') {
      parsed.positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    if (token.name === 'help' || token.name === 'version') return token.name;
    const spec = Object.prototype.hasOwnProperty.call(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) throw usageError(`unknown option ${argv[token.index]}`);
    if (spec.kind === 'flag') {
      if (token.inlineValue) throw usageError(`${token.rawName} takes no value`);
      parsed.values[token.name] = true;
      continue;
    }
    if (token.value === undefined || token.value === '') throw usageError(`${token.rawName} needs a value`);
    const value = spec.parse ? spec.parse(token.value, token.rawName) : token.value;
    if (spec.multiple) ((parsed.values[token.name] ??= []) as unknown[]).push(value);
    else parsed.values[token.name] = value;
  }
  return parsed;
}

/**
 * The command named in `argv` (its first positional, options before it allowed) and the arguments without
 * it. `specs` are all commands' options together, so that an option's value is not taken for the command.
 */
export function splitCommand(argv: string[], specs: OptionSpecs): { command: string | undefined; rest: string[] } {
  const first = tokens(argv, specs).find((t) => t.kind === 'positional');
  if (!first) return { command: undefined, rest: argv };
  return { command: first.value, rest: [...argv.slice(0, first.index), ...argv.slice(first.index + 1)] };
}

/** parse for an option whose value is one of `choices` (an alias maps to its canonical name). */
export function oneOf(what: string, choices: readonly string[], aliases: Readonly<Record<string, string>> = {}): (raw: string) => string {
  return (raw) => {
    const value = Object.prototype.hasOwnProperty.call(aliases, raw) ? aliases[raw] : raw;
    if (!choices.includes(value)) throw usageError(`unknown ${what} "${raw}" (use ${choices.join(', ')})`);
    return value;
  };
}

export function positiveNumber(raw: string, name: string): number {
  const n = Number(raw);
  if (!(n > 0)) throw usageError(`${name} needs a positive number`);
  return n;
}

export function wholeNumberAtLeastOne(raw: string, name: string): number {
  const n = Number(raw);
  if (!(Number.isInteger(n) && n >= 1)) throw usageError(`${name} needs a whole number of at least 1`);
  return n;
}

/** The options every command that reads readouts from files shares (analyze, corpus, track). */
export interface ReadoutInputOptions {
  /** `.readout` and each `--ext`, with its dot. */
  exts: string[];
  lexicons: string[];
  maxSizeMB: number;
  /** 0: one per core; never more than cores, batches of files and MAX_WORKERS (src/cli/workers.ts). */
  jobs: number;
  stats: boolean;
  inputs: string[];
}

/** Those options from the command line, with their defaults. */
export function readoutInputOptions({ values, positionals }: ParsedArgs): ReadoutInputOptions {
  return {
    exts: ['.readout', ...((values.ext as string[] | undefined) ?? []).map((e) => (e.startsWith('.') ? e : `.${e}`))],
    lexicons: (values.lexicon as string[] | undefined) ?? [],
    maxSizeMB: (values['max-size-mb'] as number | undefined) ?? 5,
    jobs: (values.jobs as number | undefined) ?? 0,
    stats: values.stats === true,
    inputs: positionals,
  };
}
