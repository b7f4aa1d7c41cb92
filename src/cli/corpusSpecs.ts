// The `corpus` and `track` entries of the command table (src/cli/commands.ts): usage and options, known
// before the commands' code is loaded; running one loads src/cli/corpusCommand.ts or src/cli/trackCommand.ts.
import { TOPIC_IDS } from '../core/types';
import { oneOf, positiveNumber, wholeNumberAtLeastOne, type OptionSpecs, type ParsedArgs } from './args';
import { EXIT_CODES_HELP } from './errors';

const CORPUS_FORMATS = ['json', 'csv', 'markdown'] as const;
const PERIODS = ['month', 'quarter', 'year'] as const;

const INPUT_HELP = `  --from-ndjson file        read analyze's NDJSON (repeatable; - is stdin) instead of analysing files
  --ext .txt                also read files with this extension in folders (repeatable)
  --max-size-mb N           read at most N MB of each file (default: 5)
  --stats                   print files/s on stderr
  -h, --help                show this help

${EXIT_CODES_HELP}`;

const CORPUS_USAGE = `Usage: readout-lens corpus [options] <folders or files...>
       readout-lens corpus [options] --from-ndjson <file or -> [...]

Reads a folder of readouts as one corpus: each readout's counterparts (front matter participants, government
and title, and the parties its opening sentence names), firm and hedged counts and topics, and a timeline of
the firm and hedged statements per period. With --from-ndjson it reads the lines of
"readout-lens analyze --format ndjson" instead of analysing (the map step can run anywhere).

Options:
  --by month|quarter|year   timeline period (default: year)
  --topic T                 only readouts on topic T, and the timeline of T's statements
  --entity ID               only readouts naming entity ID, and the timeline of its statements
  --format json|csv|markdown  output format (default: json)
  --jobs N                  worker threads (default: one per core; 1 analyses in this thread)
  --lexicon file.yaml       add a user lexicon (repeatable)
${INPUT_HELP}`;

const TRACK_USAGE = `Usage: readout-lens track [options] "<phrase>" <folders or files...>
       readout-lens track [options] "<phrase>" --from-ndjson <file or -> [...]

Lists every readout that uses a wording, across line breaks and case, and its near variants (plural and
possessive endings; one preposition of place for another: "across" / "in the Taiwan Strait"), marked as
variants, with counts per year. The texts are searched (only their bodies, not the front matter); with
--from-ndjson, the readouts and their dates come from analyze's NDJSON and each text is read from the line's
path (relative to the current folder), searched between its first and last sentence.

Options:
  --format json|csv|markdown  output format (default: json)
${INPUT_HELP}`;

const INPUT_OPTIONS: OptionSpecs = {
  format: { kind: 'value', parse: oneOf('format', CORPUS_FORMATS, { md: 'markdown' }) },
  'from-ndjson': { kind: 'value', multiple: true },
  ext: { kind: 'value', multiple: true },
  'max-size-mb': { kind: 'value', parse: positiveNumber },
  stats: { kind: 'flag' },
};

export const CORPUS_COMMAND = {
  usage: CORPUS_USAGE,
  options: {
    ...INPUT_OPTIONS,
    by: { kind: 'value', parse: oneOf('period', PERIODS) },
    topic: { kind: 'value', parse: oneOf('topic', TOPIC_IDS) },
    entity: { kind: 'value' },
    jobs: { kind: 'value', parse: wholeNumberAtLeastOne },
    lexicon: { kind: 'value', multiple: true },
  } as OptionSpecs,
  run: async (args: ParsedArgs, workerEntry: string): Promise<number> => {
    const { corpusOptions, runCorpus } = await import('./corpusCommand');
    return runCorpus(corpusOptions(args), workerEntry);
  },
};

export const TRACK_COMMAND = {
  usage: TRACK_USAGE,
  options: INPUT_OPTIONS,
  run: async (args: ParsedArgs): Promise<number> => {
    const { trackOptions, runTrack } = await import('./trackCommand');
    return runTrack(trackOptions(args));
  },
};
