// readout-lens: the same core as the extension, over files and folders.
//   readout-lens analyze [--format json|ndjson|csv|sarif] [--ext .txt] [--lexicon file.yaml] <files or folders>
// Exit 0 on success, 2 on bad arguments or unreadable input (one line per file on stderr).
import * as fs from 'fs';
import * as path from 'path';
import { analyze, compileLexicon, type CompiledLexicon } from './core/analyze';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles, type LexiconFile } from './core/lexiconFiles';
import { CSV_HEADER, csvRows, fileReport, jsonReport, ndjsonLine, sarifReport, type FileReport, type SarifInput } from './core/report';

const VERSION = '0.1.0';
const FORMATS = ['json', 'ndjson', 'csv', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: readout-lens analyze [options] <files or folders...>

Analyses readouts: firm and hedged commitment cues, entities and topics.
Folders are walked for *.readout files (and the --ext extensions).

Options:
  --format json|ndjson|csv|sarif   output format (default: json)
  --ext .txt                       also read files with this extension in folders (repeatable)
  --lexicon file.yaml              add a user lexicon (repeatable; same schema as the built-ins)
  --max-size-mb N                  analyse at most N MB of each file (default: 5)
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
}

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { command: '', format: 'json', exts: ['.readout'], lexicons: [], maxSizeMB: 5, inputs: [] };
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
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else if (!opts.command) {
      opts.command = arg;
    } else {
      opts.inputs.push(arg);
    }
  }
  if (!opts.command) throw new UsageError('no command given');
  if (opts.command !== 'analyze') throw new UsageError(`unknown command "${opts.command}"`);
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

export function loadCliLexicon(userFiles: string[], problems: string[]): CompiledLexicon {
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
  for (const e of [...base.errors, ...merged.errors]) process.stderr.write(`${e.file}:${e.line + 1}:${e.column + 1}: ${e.code}: ${e.message}\n`);
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

function run(argv: string[]): number {
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

  const problems: string[] = [];
  const compiled = loadCliLexicon(opts.lexicons, problems);
  const files = collectFiles(opts.inputs, opts.exts, problems);
  const maxLength = Math.floor(opts.maxSizeMB * 1024 * 1024);
  const reports: FileReport[] = [];
  const sarifInputs: SarifInput[] = [];
  if (opts.format === 'csv') process.stdout.write(CSV_HEADER.join(',') + '\n');
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (err) {
      problems.push(`${file}: cannot analyse (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      continue;
    }
    const analysis = analyze(text, compiled, { maxLength });
    const rel = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
    if (analysis.truncated) problems.push(`${file}: analysed only the first ${opts.maxSizeMB} MB`);
    switch (opts.format) {
      case 'json':
        reports.push(fileReport(rel, analysis));
        break;
      case 'ndjson':
        process.stdout.write(ndjsonLine(fileReport(rel, analysis)));
        break;
      case 'csv':
        for (const row of csvRows(rel, text, analysis)) process.stdout.write(row + '\n');
        break;
      case 'sarif':
        sarifInputs.push({ uri: rel, text, analysis });
        break;
    }
  }
  if (opts.format === 'json') process.stdout.write(jsonReport(reports));
  if (opts.format === 'sarif') process.stdout.write(sarifReport(sarifInputs, compiled, VERSION));
  for (const p of problems) process.stderr.write(`readout-lens: ${p}\n`);
  return problems.some((p) => p.includes('cannot')) ? 2 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2));
}
