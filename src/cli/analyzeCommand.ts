// `readout-lens analyze`: every file given or found in the folders given, in the format asked for, on stdout;
// problems on stderr, one line each, after the output.
import { CSV_HEADER, sarifReport, type SarifInput } from '../core/report/report';
import { readoutInputOptions, type ParsedArgs, type ReadoutInputOptions } from './args';
import { analyzeFile, type FileResult } from './analyzeFile';
import type { AnalyzeFormat as Format } from './formats';
import { exitCode, usageError, type Problem } from './errors';
import { collectFiles } from './files';
import { JsonReportStream } from './jsonReportStream';
import { loadCliLexicon } from './lexicon';
import { sayProblem, writeOut } from './output';
import { cliVersion } from './version';
import type { WorkerSetup } from './workers';

export interface AnalyzeOptions extends ReadoutInputOptions {
  format: Format;
}

/** The options from the command line, as src/cli/commands.ts declares and checks them. */
export function analyzeOptions(args: ParsedArgs): AnalyzeOptions {
  if (!args.positionals.length) throw usageError('no files or folders given');
  return { format: (args.values.format as Format | undefined) ?? 'json', ...readoutInputOptions(args) };
}

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_MIN_FILES = 64;

const write = writeOut;

/** Files analysed in this thread between two looks at the event loop, where a closed stdout is noticed. */
const YIELD_EVERY = 16;

/** `workerEntry`: the file worker threads start from (the CLI's entry, which knows to run as a worker). */
export async function runAnalyze(opts: AnalyzeOptions, workerEntry: string): Promise<number> {
  const started = performance.now();
  const problems: Problem[] = [];
  const { lexicon, compiled } = loadCliLexicon(opts.lexicons, problems);
  const files = collectFiles(opts.inputs, opts.exts, problems);
  const json = opts.format === 'json' ? new JsonReportStream(write) : undefined;
  const sarifInputs: SarifInput[] = [];
  if (opts.format === 'csv') write(CSV_HEADER.join(',') + '\n');
  const emit = (r: FileResult): void => {
    problems.push(...r.problems);
    if (r.bytes !== undefined) json?.add([r.bytes]);
    if (r.text !== undefined) {
      if (json) json.add(r.text);
      else for (const piece of r.text) write(piece);
    }
    if (r.sarif) sarifInputs.push(r.sarif);
  };
  // SARIF needs every file's text and analysis at the end: it stays in this thread.
  const workers = opts.format === 'sarif' || files.length < PARALLEL_MIN_FILES ? undefined : await import('./workers');
  const jobs = workers ? workers.workerCount(opts.jobs || Infinity, files.length) : 1;
  const parallel = jobs > 1;
  if (workers && parallel) {
    const setup: WorkerSetup = { readoutLensCli: true, format: opts.format, lexicon, maxSizeMB: opts.maxSizeMB };
    await workers.analyzeInWorkers(workerEntry, files, setup, jobs, emit);
  } else {
    for (let index = 0; index < files.length; index++) {
      emit(analyzeFile(index, files[index], opts.format, compiled, opts.maxSizeMB, json?.part()));
      if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise(setImmediate);
    }
  }
  json?.end();
  if (opts.format === 'sarif') write(sarifReport(sarifInputs, compiled, cliVersion()));
  for (const p of problems) sayProblem(p.message);
  if (opts.stats || opts.format === 'ndjson') {
    const secs = (performance.now() - started) / 1000;
    sayProblem(
      `${files.length} files in ${secs.toFixed(2)} s (${Math.round(files.length / Math.max(secs, 1e-3))} files/s, ` +
        `${parallel ? `${jobs} worker threads` : 'one thread'})`,
    );
  }
  return exitCode(problems);
}
