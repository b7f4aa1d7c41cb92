// Worker thread entry (dist/workspaceWorker.js): reads and analyses the readouts of a workspace, one file per
// message, and hands back only what the workspace keeps of each: its diagnostics and its corpus summary
// (src/core/corpus/summary.ts), never the Analysis; and searches files for a phrase (Track Across Readouts).
import { readFile } from 'fs/promises';
import { parentPort } from 'worker_threads';
import { counterpartIndex, type CounterpartIndex } from '../core/corpus/counterparts';
import { summarizeAnalysis } from '../core/corpus/summary';
import { PhraseTracker } from '../core/corpus/track';
import { compileLexicon, type CompiledLexicon } from '../core/pipeline/compile';
import { parseHeader } from '../core/readout/header';
import { analyze } from '../core/pipeline/analyze';
import type { Lexicon, ReadoutProblem } from '../core/types';
import { collectFindings } from './findings';
import { lowerThreadPriority } from './threadPriority';
import type { PoolReply, PoolRequest } from './workspacePool';

// Below the extension host's thread: the editor first, the workspace's other readouts in the time left.
lowerThreadPriority();

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

/** The uses of a phrase in the body, the text cut at the size limit: the search `readout-lens track` makes. */
async function trackInFile(request: Extract<PoolRequest, { type: 'track' }>): Promise<void> {
  try {
    const bytes = await readBytes(request);
    if (!bytes) throw new Error('neither a path nor the bytes of the file');
    const decoded = decoder.decode(bytes);
    const text = decoded.length > request.maxLength ? decoded.slice(0, request.maxLength) : decoded;
    if (tracker?.phrase !== request.phrase) tracker = new PhraseTracker(request.phrase);
    const problems: ReadoutProblem[] = [];
    const { header, bodyStart } = parseHeader(text, problems);
    const uses = tracker.search({ path: request.name, text, date: header.date, government: header.government, spans: [{ start: Math.min(bodyStart, text.length), end: text.length }] });
    reply({ type: 'track', id: request.id, uses });
  } catch (err) {
    failed(request.id, err);
  }
}

async function analyseFile(request: Extract<PoolRequest, { type: 'file' }>): Promise<void> {
  try {
    const bytes = await readBytes(request);
    if (!bytes) throw new Error('neither a path nor the bytes of the file');
    // The lexicon of the moment the file was read: the host drops the results of a pass a newer lexicon replaced.
    if (!compiled || !counterparts) throw new Error('no lexicon');
    const text = decoder.decode(bytes);
    const analysis = analyze(text, compiled, { maxLength: request.maxLength });
    reply({ type: 'done', id: request.id, findings: collectFindings(analysis, text, request.options, compiled.cueById), summary: summarizeAnalysis(request.path ?? '', analysis, counterparts, text) });
  } catch (err) {
    failed(request.id, err);
  }
}

parentPort?.on('message', (message: PoolRequest) => {
  if (message.type === 'lexicon') {
    compiled = compileLexicon(message.lexicon as Lexicon);
    counterparts = counterpartIndex(compiled.lexicon.entities);
  } else if (message.type === 'track') void trackInFile(message);
  else void analyseFile(message);
});
