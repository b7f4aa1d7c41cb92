// `readout-lens track`: every readout of a folder that uses a wording, with its near variants, first and
// last use and counts per year. A text search needs no analysis, so it runs in this thread: over the 1,232
// readouts it takes less time than starting the worker pool would.
import * as path from 'path';
import { parseHeader } from '../core/readout/header';
import { PhraseTracker, type TrackResult } from '../core/corpus/track';
import { csvField } from '../core/report/report';
import { escapeText } from '../core/report/markdownText';
import type { ReadoutProblem, Span } from '../core/types';
import type { ParsedArgs } from './args';
import { Progress, inputOptions, readNdjson, statsLine, type CorpusFormat, type CorpusInputOptions } from './corpusCommand';
import { exitCode, noteInvalidText, reason, usageError, type Problem } from './errors';
import { readTextFile } from '../runtime/readText';
import { collectFiles } from './files';

export interface TrackOptions extends CorpusInputOptions {
  phrase: string;
  format: CorpusFormat;
}

export function trackOptions(args: ParsedArgs): TrackOptions {
  const [phrase, ...rest] = args.positionals;
  if (phrase === undefined || !phrase.trim()) throw usageError('track needs a phrase, then folders or files');
  return { ...inputOptions({ values: args.values, positionals: rest }, 'track'), phrase, format: (args.values.format as CorpusFormat | undefined) ?? 'json' };
}

/** The tracked phrase in the format asked for; the JSON is `{ version, phrase, occurrences, byYear }`. */
export function trackOutput(r: TrackResult, format: CorpusFormat): string {
  if (format === 'json') {
    const occurrences = r.occurrences.map((o) => ({ path: o.path, date: o.date ?? null, start: o.start, end: o.end, text: o.text, variant: o.variant }));
    return JSON.stringify({ version: 1, phrase: r.phrase, occurrences, byYear: r.byYear }, null, 2) + '\n';
  }
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  if (format === 'csv') {
    const rows = r.occurrences.map((o) => [o.path, o.date ?? '', o.start, o.end, flat(o.text), o.variant].map(csvField).join(','));
    return ['path,date,start,end,text,variant', ...rows].join('\n') + '\n';
  }
  const cell = escapeText;
  const out = [`# Tracked: “${cell(r.phrase)}”`, ''];
  out.push(`${r.occurrences.length} uses in ${r.readouts} readouts` + (r.first ? `; first ${r.first.date} (${cell(r.first.path)}), last ${r.last?.date} (${cell(r.last?.path ?? '')})` : '') + '.', '');
  out.push('## Wordings', '', '| Wording | Variant | Uses | Readouts | First | Last |', '| --- | --- | ---: | ---: | --- | --- |');
  for (const v of r.variants) out.push(`| ${cell(v.wording)} | ${v.variant ? 'yes' : 'no'} | ${v.count} | ${v.readouts} | ${v.first?.date ?? ''} | ${v.last?.date ?? ''} |`);
  out.push('', '## By year', '', '| Year | Exact | Variants | Readouts |', '| --- | ---: | ---: | ---: |');
  for (const [y, c] of Object.entries(r.byYear)) out.push(`| ${y} | ${c.exact} | ${c.variant} | ${c.readouts} |`);
  const govs = Object.entries(r.byGovernment);
  if (govs.some(([g]) => g !== '')) {
    out.push('', '## By government', '', '| Government | Exact | Variants | Readouts |', '| --- | ---: | ---: | ---: |');
    for (const [g, c] of govs) out.push(`| ${cell(g || '(not given)')} | ${c.exact} | ${c.variant} | ${c.readouts} |`);
  }
  out.push('', '## Uses', '', '| Date | Readout | Offset | Text | Variant |', '| --- | --- | ---: | --- | --- |');
  for (const o of r.occurrences) out.push(`| ${o.date ?? ''} | ${cell(o.path)} | ${o.start} | ${cell(flat(o.text))} | ${o.variant ? 'yes' : 'no'} |`);
  return out.join('\n') + '\n';
}

function readBody(file: string, maxLength: number, problems: Problem[]): string | undefined {
  try {
    const read = readTextFile(file, maxLength);
    noteInvalidText(file, read, problems);
    if (read.text.length > maxLength) problems.push({ kind: 'warning', message: `${file}: searched only the first ${(maxLength / 1024 / 1024).toFixed(0)} MB` });
    return read.text.length > maxLength ? read.text.slice(0, maxLength) : read.text;
  } catch (err) {
    problems.push({ kind: 'unreadable', message: `${file}: cannot read (${reason(err)})` });
    return undefined;
  }
}

export function runTrack(opts: TrackOptions): number {
  const started = performance.now();
  const problems: Problem[] = [];
  const tracker = new PhraseTracker(opts.phrase);
  if (!tracker.words.length) throw usageError(`the phrase "${opts.phrase}" has no words`);
  const maxLength = Math.floor(opts.maxSizeMB * 1024 * 1024);
  let files = 0;
  if (opts.fromNdjson.length) {
    // analyze's lines hold no text: each is read from its path; the sentences bound the search (no header).
    readNdjson(opts.fromNdjson, problems, (r) => {
      files++;
      const text = readBody(r.path, maxLength, problems);
      if (text === undefined) return;
      const spans: Span[] = r.sentences.length ? [{ start: r.sentences[0].start, end: r.sentences[r.sentences.length - 1].end }] : [];
      tracker.add({ path: r.path, text, date: r.header.date, government: r.header.government, spans });
    });
  } else {
    const list = collectFiles(opts.inputs, opts.exts, problems);
    const progress = new Progress(list.length);
    for (const file of list) {
      files++;
      const text = readBody(file, maxLength, problems);
      if (text === undefined) continue;
      const headerProblems: ReadoutProblem[] = [];
      const { header, bodyStart } = parseHeader(text, headerProblems);
      const rel = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
      tracker.add({ path: rel, text, date: header.date, government: header.government, spans: [{ start: Math.min(bodyStart, text.length), end: text.length }] });
      progress.tick(files);
    }
    progress.end();
  }
  const result = tracker.result();
  process.stdout.write(trackOutput(result, opts.format));
  for (const p of problems) process.stderr.write(`readout-lens: ${p.message}\n`);
  if (opts.stats) {
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(statsLine({ files, seconds, threads: 'one thread' }, `; ${result.occurrences.length} uses in ${result.readouts} readouts`));
  }
  return exitCode(problems);
}
