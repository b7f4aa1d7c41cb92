// The CLI's commands: name, usage, options and how to run. A new command is one entry here; its code is loaded
// only when it runs, so starting one command costs nothing of the others.
import { oneOf, positiveNumber, wholeNumberAtLeastOne, type OptionSpecs, type ParsedArgs } from './args';
import { ANALYZE_FORMATS, COMPARE_FORMATS } from './formats';
import { CORPUS_COMMAND, TRACK_COMMAND } from './corpusSpecs';
import { IMPORT_COMMAND } from './importSpec';
import { EXIT_CODES_HELP } from './errors';

export interface Command {
  usage: string;
  options: OptionSpecs;
  /** `workerEntry`: the file worker threads start from (the CLI's entry). Resolves to the exit code. */
  run(args: ParsedArgs, workerEntry: string): Promise<number>;
}

const ANALYZE_USAGE = `Usage: readout-lens analyze [options] <files or folders...>
       readout-lens compare [--format markdown|json] <readout A> <readout B>
       readout-lens corpus | track | import ...   (each command's --help for more)

Analyses readouts: firm and hedged commitment cues, entities and topics.
Folders are walked for *.readout files (and the --ext extensions).

Options:
  --format json|ndjson|csv|sarif   output format (default: json)
  --ext .txt                       also read files with this extension in folders (repeatable)
  --lexicon file.yaml              add a user lexicon (repeatable; same schema as the built-ins)
  --max-size-mb N                  analyse at most N MB of each file (default: 5)
  --jobs N                         worker threads (default: one per core; never more than the cores, one
                                   per 16 files or 16 in all; 1 analyses in this thread)
  --stats                          print files/s on stderr (always printed for ndjson)
  -h, --help                       show this help
  -v, --version                    print the version

${EXIT_CODES_HELP}`;

const COMPARE_USAGE = `Usage: readout-lens compare [options] <readout A> <readout B>

Puts two readouts of the same meeting side by side, aligned by topic: what each side stressed, what only one
side mentions, and commitments one side states firmly and the other hedges.

Options:
  --format markdown|json   output format (default: markdown)
  --lexicon file.yaml      add a user lexicon (repeatable)
  --max-size-mb N          analyse at most N MB of each file (default: 5)
  -h, --help               show this help
  -v, --version            print the version

${EXIT_CODES_HELP}`;

/** Without a command, or with an unknown one: analyze's usage, which names the others. */
export const MAIN_USAGE = ANALYZE_USAGE;

export const COMMANDS: Readonly<Record<string, Command>> = {
  analyze: {
    usage: ANALYZE_USAGE,
    options: {
      format: { kind: 'value', parse: oneOf('format', ANALYZE_FORMATS) },
      ext: { kind: 'value', multiple: true },
      lexicon: { kind: 'value', multiple: true },
      'max-size-mb': { kind: 'value', parse: positiveNumber },
      jobs: { kind: 'value', parse: wholeNumberAtLeastOne },
      stats: { kind: 'flag' },
    },
    run: async (args, workerEntry) => {
      const { analyzeOptions, runAnalyze } = await import('./analyzeCommand');
      return runAnalyze(analyzeOptions(args), workerEntry);
    },
  },
  compare: {
    usage: COMPARE_USAGE,
    options: {
      format: { kind: 'value', parse: oneOf('format', COMPARE_FORMATS, { md: 'markdown' }) },
      lexicon: { kind: 'value', multiple: true },
      'max-size-mb': { kind: 'value', parse: positiveNumber },
    },
    run: async (args) => {
      const { compareOptions, runCompare } = await import('./compareCommand');
      return runCompare(compareOptions(args));
    },
  },
  corpus: CORPUS_COMMAND,
  track: TRACK_COMMAND,
  import: IMPORT_COMMAND,
};

/**
 * Every command's options together, to find the command among the arguments before knowing which it is and to
 * check the arguments when there is none; for an option several commands have, the first command's wins.
 */
export function allOptions(): OptionSpecs {
  return Object.assign({}, ...Object.values(COMMANDS).map((c) => c.options).reverse()) as OptionSpecs;
}
