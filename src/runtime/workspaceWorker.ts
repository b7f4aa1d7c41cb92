// Worker thread entry (dist/workspaceWorker.js): reads and analyses the readouts of a workspace, one file per
// message, and hands back only what the workspace keeps of each: its diagnostics and a summary, never the Analysis.
import { readFile } from 'fs/promises';
import { parentPort } from 'worker_threads';
import { counterpartIndex, type CounterpartIndex } from '../core/corpus/counterparts';
import { summarizeAnalysis } from '../core/corpus/summary';
import { PhraseTracker } from '../core/corpus/track';
import { compileLexicon, type CompiledLexicon } from '../core/pipeline/compile';
import { parseHeader } from '../core/readout/header';
import { analyze } from '../core/pipeline/analyze';
import type { Lexicon, ReadoutProblem } from '../core/types';
import { collectFindings, summarize } from './findings';
import type { PoolReply, PoolRequest } from './workspacePool';

let compiled: CompiledLexicon | undefined;
let counterparts: CounterpartIndex | undefined;
/** The tracker of the phrase asked last: a search of a whole workspace asks for the same phrase file after file. */
let tracker: PhraseTracker | undefined;
// As VS Code decodes a readout it opens: UTF-8, a byte order mark dropped.
const decoder = new TextDecoder('utf-8');

function reply(message: PoolReply): void {
  if (message.type === 'done') parentPort?.postMessage(message, [message.findings.positions.buffer as ArrayBuffer]);
  else parentPort?.postMessage(message);
}

async function readBytes(request: { bytes?: Uint8Array; path?: string }): Promise<Uint8Array | undefined> {
  return request.bytes ?? (request.path !== undefined ? await readFile(request.path) : undefined);
}

function failed(id: number, err: unknown): void {
  const code = (err as { code?: unknown }).code;
  reply({ type: 'failed', id, message: err instanceof Error ? err.message : String(err), missing: code === 'ENOENT' || code === 'EISDIR' });
}

/** The corpus summary (an analysis) and the uses of a phrase (the body searched as `readout-lens track` does). */
async function readForCorpus(request: Extract<PoolRequest, { type: 'corpus' }>): Promise<void> {
  try {
    const bytes = await readBytes(request);
    if (!bytes) throw new Error('neither a path nor the bytes of the file');
    if (!compiled || !counterparts) throw new Error('no lexicon');
    const decoded = decoder.decode(bytes);
    const text = decoded.length > request.maxLength ? decoded.slice(0, request.maxLength) : decoded;
    const out: Extract<PoolReply, { type: 'corpus' }> = { type: 'corpus', id: request.id };
    if (request.summary) out.summary = summarizeAnalysis(request.name, analyze(decoded, compiled, { maxLength: request.maxLength }), counterparts, text);
    if (request.phrase !== undefined) {
      if (tracker?.phrase !== request.phrase) tracker = new PhraseTracker(request.phrase);
      const problems: ReadoutProblem[] = [];
      const { header, bodyStart } = parseHeader(text, problems);
      out.uses = tracker.search({ path: request.name, text, date: header.date, government: header.government, spans: [{ start: Math.min(bodyStart, text.length), end: text.length }] });
    }
    reply(out);
  } catch (err) {
    failed(request.id, err);
  }
}

async function analyseFile(request: Extract<PoolRequest, { type: 'file' }>): Promise<void> {
  try {
    const bytes = await readBytes(request);
    if (!bytes) throw new Error('neither a path nor the bytes of the file');
    // The lexicon of the moment the file was read: the host drops the results of a pass a newer lexicon replaced.
    if (!compiled) throw new Error('no lexicon');
    const text = decoder.decode(bytes);
    const analysis = analyze(text, compiled, { maxLength: request.maxLength });
    reply({ type: 'done', id: request.id, findings: collectFindings(analysis, text, request.options, compiled.cueById), summary: summarize(analysis) });
  } catch (err) {
    failed(request.id, err);
  }
}

parentPort?.on('message', (message: PoolRequest) => {
  if (message.type === 'lexicon') {
    compiled = compileLexicon(message.lexicon as Lexicon);
    counterparts = counterpartIndex(compiled.lexicon.entities);
  } else if (message.type === 'corpus') void readForCorpus(message);
  else void analyseFile(message);
});
