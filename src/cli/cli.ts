// readout-lens: the same core as the extension, over files and folders.
//   readout-lens analyze [--format json|ndjson|csv|sarif] [--ext .txt] [--lexicon file.yaml] <files or folders>
// Exit 0 on success, 2 on bad arguments or unreadable input (one line per file on stderr).
// Many files are analysed on every core: this same bundle runs as its own worker threads, and results are
// written in file order as they arrive, so NDJSON and CSV stream.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { runCompare } from './compare';
import { analyze } from '../core/pipeline/analyze';
import { compileLexicon, type CompiledLexicon } from '../core/pipeline/compile';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles, type LexiconFile } from '../core/lexicon/files';
import { CSV_HEADER, csvRows, fileReport, jsonReport, ndjsonLine, sarifReport, type FileReport, type SarifInput } from '../core/report/report';

const VERSION = '0.1.0';
const FORMATS = ['json', 'ndjson', 'csv', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: readout-lens analyze [options] <files or folders...>
       readout-lens compare [--format markdown|json] <readout A> <readout B>   (compare --help for more)

Analyses readouts: firm and hedged commitment cues, entities and topics.
Folders are walked for *.readout files (and the --ext extensions).

Options:
  --format json|ndjson|csv|sarif   output format (default: json)
  --ext .txt                       also read files with this extension in folders (repeatable)
  --lexicon file.yaml              add a user lexicon (repeatable; same schema as the built-ins)
  --max-size-mb N                  analyse at most N MB of each file (default: 5)
  --jobs N                         worker threads (default: one per core; 1 analyses in this thread)
  --stats                          print files/s on stderr (always printed for ndjson)
  -h, --help                       show this help
  -v, --version                    print the version

Exit codes: 0 success, 2 bad arguments or unreadable input.`;

class UsageError extends Error {}

interface Options {
  command: string;
  format: Format;
  exts: string[];
  lexicons: string[];
  maxSizeMB: number;
  inputs: string[];
  jobs: number;
  stats: boolean;
}

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { command: '', format: 'json', exts: ['.readout'], lexicons: [], maxSizeMB: 5, inputs: [], jobs: 0, stats: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${arg.split('=')[0]} needs a value`);
      return v;
    };
    const name = arg.split('=')[0];
    if (name === '-h' || name === '--help') return 'help';
    if (name === '-v' || name === '--version') return 'version';
    if (name === '--format') {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format "${f}" (use ${FORMATS.join(', ')})`);
      opts.format = f as Format;
    } else if (name === '--ext') {
      const e = value();
      opts.exts.push(e.startsWith('.') ? e : `.${e}`);
    } else if (name === '--lexicon') {
      opts.lexicons.push(value());
    } else if (name === '--max-size-mb') {
      const n = Number(value());
      if (!(n > 0)) throw new UsageError('--max-size-mb needs a positive number');
      opts.maxSizeMB = n;
    } else if (name === '--jobs') {
      const n = Number(value());
      if (!(Number.isInteger(n) && n >= 1)) throw new UsageError('--jobs needs a whole number of at least 1');
      opts.jobs = n;
    } else if (name === '--stats') {
      opts.stats = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else if (!opts.command) {
      opts.command = arg;
    } else {
      opts.inputs.push(arg);
    }
  }
  if (!opts.command) throw new UsageError('no command given');
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, opts.command)) throw new UsageError(`unknown command "${opts.command}"`);
  if (!opts.inputs.length) throw new UsageError('no files or folders given');
  return opts;
}

/** Files to analyse, in a stable order: given files as they are, folders walked for the extensions. */
export function collectFiles(inputs: string[], exts: string[], problems: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push(`${dir}: cannot read folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
      } else if (e.isFile() && exts.some((x) => e.name.toLowerCase().endsWith(x.toLowerCase()))) {
        out.push(p);
      }
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      problems.push(`${input}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

/** The built-in lexicons live beside the bundle in the package: dist/cli.js → lexicons/. */
function builtinLexiconDir(): string {
  const candidates = [path.join(__dirname, '..', 'lexicons'), path.join(__dirname, '..', '..', 'lexicons')];
  const found = candidates.find((d) => fs.existsSync(path.join(d, BUILTIN_LEXICON_FILES[0])));
  if (!found) throw new Error('built-in lexicons not found next to the CLI');
  return found;
}

export function loadCliLexicon(userFiles: string[], problems: string[], quiet = false): CompiledLexicon {
  const dir = builtinLexiconDir();
  const builtins: LexiconFile[] = BUILTIN_LEXICON_FILES.map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const base = loadLexiconFiles(builtins);
  const user: LexiconFile[] = [];
  for (const f of userFiles) {
    try {
      user.push({ file: f, text: fs.readFileSync(f, 'utf8') });
    } catch (err) {
      problems.push(`${f}: cannot read lexicon (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  const merged = loadLexiconFiles(user, base.lexicon);
  if (!quiet) for (const e of [...base.errors, ...merged.errors]) process.stderr.write(`${e.file}:${e.line + 1}:${e.column + 1}: ${e.code}: ${e.message}\n`);
  return compileLexicon(merged.lexicon);
}

/** Reads a file as UTF-8 text, refusing binary content so it is reported rather than analysed blindly. */
export function readText(file: string): string {
  const bytes = fs.readFileSync(file);
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new Error('binary content (NUL bytes)');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** What one file contributes to the output, computed in whichever thread analysed it. */
interface FileResult {
  index: number;
  /** A line of NDJSON, CSV rows, or a report for the JSON document. */
  text?: string;
  report?: FileReport;
  sarif?: SarifInput;
  problems: string[];
}

function analyzeFile(index: number, file: string, format: Format, compiled: CompiledLexicon, maxLength: number, maxSizeMB: number): FileResult {
  const result: FileResult = { index, problems: [] };
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    result.problems.push(`${file}: cannot analyse (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return result;
  }
  const analysis = analyze(text, compiled, { maxLength });
  const rel = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
  if (analysis.truncated) result.problems.push(`${file}: analysed only the first ${maxSizeMB} MB`);
  switch (format) {
    case 'json':
      result.report = fileReport(rel, analysis);
      break;
    case 'ndjson':
      result.text = ndjsonLine(fileReport(rel, analysis));
      break;
    case 'csv':
      result.text = csvRows(rel, text, analysis).map((row) => row + '\n').join('');
      break;
    case 'sarif':
      result.sarif = { uri: rel, text, analysis };
      break;
  }
  return result;
}

interface WorkerSetup {
  readoutLensCli: true;
  format: Format;
  lexicons: string[];
  maxSizeMB: number;
}

/** Worker side: analyse the batches of files the main thread sends, one message of results per batch. */
function workerMain(setup: WorkerSetup): void {
  const compiled = loadCliLexicon(setup.lexicons, [], true);
  const maxLength = Math.floor(setup.maxSizeMB * 1024 * 1024);
  parentPort?.on('message', (batch: { index: number; file: string }[]) => {
    parentPort?.postMessage(batch.map((f) => analyzeFile(f.index, f.file, setup.format, compiled, maxLength, setup.maxSizeMB)));
  });
}

/** Files per message: enough to amortise the round trip, few enough to keep every worker busy to the end. */
const BATCH = 16;
/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_MIN_FILES = 64;

/** Analyses `files` on `jobs` worker threads; `emit` receives results in file order. */
function analyzeInWorkers(files: string[], opts: Options, jobs: number, emit: (r: FileResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const setup: WorkerSetup = { readoutLensCli: true, format: opts.format, lexicons: opts.lexicons, maxSizeMB: opts.maxSizeMB };
    const done = new Map<number, FileResult>();
    let nextToEmit = 0;
    let nextToSend = 0;
    let finished = 0;
    const workers: Worker[] = [];
    const feed = (w: Worker): void => {
      if (nextToSend >= files.length) return;
      const batch = files.slice(nextToSend, nextToSend + BATCH).map((file, k) => ({ index: nextToSend + k, file }));
      nextToSend += batch.length;
      w.postMessage(batch);
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(__filename, { workerData: setup });
      workers.push(w);
      w.on('message', (results: FileResult[]) => {
        for (const r of results) done.set(r.index, r);
        while (done.has(nextToEmit)) {
          emit(done.get(nextToEmit) as FileResult);
          done.delete(nextToEmit);
          nextToEmit++;
          finished++;
        }
        if (finished === files.length) {
          for (const x of workers) void x.terminate();
          resolve();
        } else feed(w);
      });
      w.on('error', (err) => {
        for (const x of workers) void x.terminate();
        reject(err);
      });
      feed(w);
      feed(w);
    }
  });
}

/** `readout-lens analyze`. */
async function runAnalyze(opts: Options): Promise<number> {
  const started = performance.now();
  const problems: string[] = [];
  const compiled = loadCliLexicon(opts.lexicons, problems);
  const files = collectFiles(opts.inputs, opts.exts, problems);
  const maxLength = Math.floor(opts.maxSizeMB * 1024 * 1024);
  const reports: FileReport[] = [];
  const sarifInputs: SarifInput[] = [];
  if (opts.format === 'csv') process.stdout.write(CSV_HEADER.join(',') + '\n');
  const emit = (r: FileResult): void => {
    problems.push(...r.problems);
    if (r.text !== undefined) process.stdout.write(r.text);
    if (r.report) reports.push(r.report);
    if (r.sarif) sarifInputs.push(r.sarif);
  };
  // SARIF needs every file's text and analysis at the end: it stays in this thread.
  const jobs = opts.format === 'sarif' ? 1 : opts.jobs || Math.min(os.availableParallelism?.() ?? os.cpus().length, 16);
  const parallel = jobs > 1 && files.length >= PARALLEL_MIN_FILES;
  if (parallel) await analyzeInWorkers(files, opts, jobs, emit);
  else files.forEach((file, index) => emit(analyzeFile(index, file, opts.format, compiled, maxLength, opts.maxSizeMB)));
  if (opts.format === 'json') process.stdout.write(jsonReport(reports));
  if (opts.format === 'sarif') process.stdout.write(sarifReport(sarifInputs, compiled, VERSION));
  for (const p of problems) process.stderr.write(`readout-lens: ${p}\n`);
  if (opts.stats || opts.format === 'ndjson') {
    const secs = (performance.now() - started) / 1000;
    process.stderr.write(
      `readout-lens: ${files.length} files in ${secs.toFixed(2)} s (${Math.round(files.length / Math.max(secs, 1e-3))} files/s, ` +
        `${parallel ? `${jobs} worker threads` : 'one thread'})\n`,
    );
  }
  return problems.some((p) => p.includes('cannot')) ? 2 : 0;
}

/** Subcommands by name: a new one is a line here (it may parse its own arguments from `argv`). */
const COMMANDS: Record<string, (opts: Options, argv: string[]) => number | Promise<number>> = {
  analyze: (opts) => runAnalyze(opts),
};

export async function run(argv: string[]): Promise<number> {
  // compare has options of its own (--format markdown|json), so it parses its arguments itself.
  if (argv[0] === 'compare') return runCompare(argv.slice(1));
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`readout-lens: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (opts === 'help' || opts === 'version') {
    process.stdout.write((opts === 'help' ? USAGE : VERSION) + '\n');
    return 0;
  }
  return COMMANDS[opts.command](opts, argv);
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.readoutLensCli) {
  workerMain(workerData as WorkerSetup);
} else if (require.main === module) {
  void run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`readout-lens: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
