// `readout-lens corpus`: a folder of readouts as one corpus (each readout's counterparts, firm and hedged
// counts and topics, and a timeline), from the files themselves or from `analyze --format ndjson` lines
// made elsewhere (the map step), so that this command is the reduce.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { counterpartIndex, type CounterpartIndex } from '../core/corpus/counterparts';
import { settleHomes, summarize, summarizeAnalysis, type ReadoutSummary, type SummaryInput } from '../core/corpus/summary';
import { byDate, groupByCounterpart, matchesFilter, periodOf, timeline, type Period, type TimelineSubject } from '../core/corpus/timeline';
import { csvField } from '../core/report/report';
import { escapeText } from '../core/report/markdownText';
import type { Analysis, TopicId } from '../core/types';
import { readoutInputOptions, type ParsedArgs, type ReadoutInputOptions } from './args';
import { CliError, exitCode, reason, usageError, type Problem } from './errors';
import { analyzeReadout } from './analyzeFile';
import { collectFiles } from './files';
import { loadCliLexicon } from './lexicon';
import type { FileResult } from './analyzeFile';
import type { WorkerSetup } from './workers';

/** The output formats of corpus and track (src/cli/corpusSpecs.ts lists them for the option parser). */
export type CorpusFormat = 'json' | 'csv' | 'markdown';

/** What reading the corpus needs, shared with `track`. */
export interface CorpusInputOptions extends ReadoutInputOptions {
  fromNdjson: string[];
}

export interface CorpusOptions extends CorpusInputOptions {
  format: CorpusFormat;
  by: Period;
  topic?: TopicId;
  entity?: string;
}

export function inputOptions(args: ParsedArgs, what: string): CorpusInputOptions {
  const fromNdjson = (args.values['from-ndjson'] as string[] | undefined) ?? [];
  if (!args.positionals.length && !fromNdjson.length) throw usageError(`${what} needs folders or files, or --from-ndjson`);
  if (args.positionals.length && fromNdjson.length) throw usageError('give either folders or files, or --from-ndjson, not both');
  return { ...readoutInputOptions(args), fromNdjson };
}

export function corpusOptions(args: ParsedArgs): CorpusOptions {
  const { values } = args;
  const opts: CorpusOptions = { ...inputOptions(args, 'corpus'), format: (values.format as CorpusFormat | undefined) ?? 'json', by: (values.by as Period | undefined) ?? 'year' };
  if (values.topic) opts.topic = values.topic as TopicId;
  if (values.entity) opts.entity = values.entity as string;
  return opts;
}

/** Progress on stderr, at most once a second and only once a run has taken a second: short runs stay quiet. */
export class Progress {
  private readonly started = performance.now();
  private shown = 0;
  private last = 0;
  constructor(private readonly total: number) {}
  tick(done: number): void {
    const now = performance.now();
    if (now - this.started < 1000 || now - this.last < 1000) return;
    this.last = now;
    this.shown++;
    process.stderr.write(`readout-lens: ${done}/${this.total} files${process.stderr.isTTY ? '\r' : '\n'}`);
  }
  end(): void {
    if (this.shown && process.stderr.isTTY) process.stderr.write('\n');
  }
}

/** Below this many files, starting workers costs more than it saves (as for analyze). */
const PARALLEL_MIN_FILES = 64;

/** The lines of NDJSON files ('-' is stdin), each parsed; a bad line is a problem, not the end of the run. */
export function readNdjson(files: string[], problems: Problem[], each: (report: SummaryInput) => void): void {
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (err) {
      throw new CliError('unreadable', `${file}: cannot read (${reason(err)})`);
    }
    let lineNo = 0;
    for (const line of text.split('\n')) {
      lineNo++;
      if (!line.trim()) continue;
      let report: SummaryInput;
      try {
        report = JSON.parse(line) as SummaryInput;
      } catch (err) {
        problems.push({ kind: 'unreadable', message: `${file}:${lineNo}: not a JSON line (${reason(err)})` });
        continue;
      }
      if (typeof report?.path !== 'string' || !Array.isArray(report.sentences) || !Array.isArray(report.commitments) || !Array.isArray(report.entities)) {
        problems.push({ kind: 'unreadable', message: `${file}:${lineNo}: not a line of "readout-lens analyze --format ndjson"` });
        continue;
      }
      report.header ??= {};
      each(report);
    }
  }
}

export interface Corpus {
  summaries: ReadoutSummary[];
  index: CounterpartIndex;
  files: number;
  seconds: number;
  threads: string;
}

/** Every readout's summary: analysed here (on the worker pool for many files) or read from NDJSON. */
export async function readCorpus(opts: CorpusInputOptions, workerEntry: string, problems: Problem[]): Promise<Corpus> {
  const started = performance.now();
  const { lexicon, compiled } = loadCliLexicon(opts.lexicons, problems);
  const index = counterpartIndex(lexicon.entities);
  const summaries: ReadoutSummary[] = [];
  if (opts.fromNdjson.length) {
    readNdjson(opts.fromNdjson, problems, (r) => summaries.push(summarize(r, index)));
    settleHomes(summaries);
    return { summaries, index, files: summaries.length, seconds: (performance.now() - started) / 1000, threads: 'NDJSON' };
  }
  const files = collectFiles(opts.inputs, opts.exts, problems);
  const progress = new Progress(files.length);
  const jobs = opts.jobs || Math.min(os.availableParallelism?.() ?? os.cpus().length, 16);
  const parallel = jobs > 1 && files.length >= PARALLEL_MIN_FILES;
  const rel = (file: string): string => path.relative(process.cwd(), file).split(path.sep).join('/') || file;
  if (parallel) {
    // The pool's workers write analyze's NDJSON line per file: exactly what --from-ndjson reads.
    const setup: WorkerSetup = { readoutLensCli: true, format: 'ndjson', lexicon, maxSizeMB: opts.maxSizeMB };
    let done = 0;
    await (await import('./workers')).analyzeInWorkers(workerEntry, files, setup, jobs, (r: FileResult) => {
      problems.push(...r.problems);
      if (r.text !== undefined) summaries.push(summarize(JSON.parse(r.text.join('')) as SummaryInput, index));
      progress.tick(++done);
    });
  } else {
    files.forEach((file, i) => {
      let analysis: Analysis;
      try {
        // The same read and analysis as `analyze` (size limit, encodings), so the summaries agree with its NDJSON.
        analysis = analyzeReadout(file, compiled, opts.maxSizeMB, problems).analysis;
      } catch (err) {
        problems.push({ kind: 'unreadable', message: `${file}: cannot analyse (${reason(err)})` });
        return;
      }
      summaries.push(summarizeAnalysis(rel(file), analysis, index));
      progress.tick(i + 1);
    });
  }
  progress.end();
  settleHomes(summaries);
  return { summaries, index, files: files.length, seconds: (performance.now() - started) / 1000, threads: parallel ? `${jobs} worker threads` : 'one thread' };
}

export function statsLine(c: Pick<Corpus, 'files' | 'seconds' | 'threads'>, extra = ''): string {
  return `readout-lens: ${c.files} files in ${c.seconds.toFixed(2)} s (${Math.round(c.files / Math.max(c.seconds, 1e-3))} files/s, ${c.threads})${extra}\n`;
}

function subjectOf(opts: Pick<CorpusOptions, 'topic' | 'entity'>): TimelineSubject {
  if (opts.topic) return { kind: 'topic', topic: opts.topic };
  if (opts.entity) return { kind: 'entity', entity: opts.entity };
  return { kind: 'all' };
}

const cell = escapeText;

/** The corpus in the format asked for; the JSON is `{ version, readouts, timeline }` (README, "Corpus"). */
export function corpusOutput(all: readonly ReadoutSummary[], opts: Pick<CorpusOptions, 'format' | 'by' | 'topic' | 'entity'>): string {
  const readouts = all.filter((s) => matchesFilter(s, { topic: opts.topic, entity: opts.entity })).sort(byDate);
  const points = timeline(readouts, opts.by, subjectOf(opts));
  if (opts.format === 'json') {
    return (
      JSON.stringify(
        {
          version: 1,
          readouts: readouts.map((s) => ({ path: s.path, date: s.date ?? null, title: s.title ?? null, counterparts: s.counterparts, firm: s.firm, hedged: s.hedged, topics: s.topics })),
          timeline: points.map((p) => ({ period: p.period, readouts: p.readouts, firm: p.firm, hedged: p.hedged })),
        },
        null,
        2,
      ) + '\n'
    );
  }
  const topicsText = (s: ReadoutSummary): string => (Object.entries(s.topics) as [string, number][]).map(([t, n]) => `${t}:${n}`).join(' ');
  if (opts.format === 'csv') {
    const head = ['path', 'date', 'period', 'title', 'counterparts', 'firm', 'hedged', 'main_topics', 'topics'];
    const rows = readouts.map((s) => [s.path, s.date ?? '', periodOf(s.date, opts.by), s.title ?? '', s.counterparts.join('; '), s.firm, s.hedged, s.mainTopics.join(' '), topicsText(s)].map(csvField).join(','));
    return [head.join(','), ...rows].join('\n') + '\n';
  }
  const about = opts.topic ? ` on topic ${opts.topic}` : opts.entity ? ` naming ${opts.entity}` : '';
  const out = [`# Corpus: ${readouts.length} readouts${about}`, '', `## Timeline (by ${opts.by})`, '', '| Period | Readouts | Firm | Hedged |', '| --- | ---: | ---: | ---: |'];
  for (const p of points) out.push(`| ${p.period} | ${p.readouts} | ${p.firm} | ${p.hedged} |`);
  out.push('', '## By counterpart', '', '| Counterpart | Readouts | Firm | Hedged | First | Last |', '| --- | ---: | ---: | ---: | --- | --- |');
  for (const g of groupByCounterpart(readouts)) {
    out.push(`| ${cell(g.counterpart || '(none found)')} | ${g.readouts.length} | ${g.firm} | ${g.hedged} | ${g.readouts[0].date ?? ''} | ${g.readouts[g.readouts.length - 1].date ?? ''} |`);
  }
  out.push('', '## Readouts', '', '| Date | Title | Counterparts | Firm | Hedged | Main topics |', '| --- | --- | --- | ---: | ---: | --- |');
  for (const s of readouts) out.push(`| ${s.date ?? ''} | ${cell(s.title ?? s.path)} | ${cell(s.counterparts.join(', '))} | ${s.firm} | ${s.hedged} | ${s.mainTopics.join(', ')} |`);
  return out.join('\n') + '\n';
}

export async function runCorpus(opts: CorpusOptions, workerEntry: string): Promise<number> {
  const problems: Problem[] = [];
  const corpus = await readCorpus(opts, workerEntry, problems);
  process.stdout.write(corpusOutput(corpus.summaries, opts));
  for (const p of problems) process.stderr.write(`readout-lens: ${p.message}\n`);
  if (opts.stats) {
    const found = corpus.summaries.filter((s) => s.counterparts.length).length;
    process.stderr.write(statsLine(corpus, `; counterparts found for ${found} of ${corpus.summaries.length} readouts`));
  }
  return exitCode(problems);
}
