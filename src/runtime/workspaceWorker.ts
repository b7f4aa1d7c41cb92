// Worker thread entry (dist/workspaceWorker.js): reads and analyses the readouts of a workspace, one file per
// message, and hands back only what the workspace keeps of each: its diagnostics and its corpus summary
// (src/core/corpus/summary.ts), never the Analysis.
import { readFile } from 'fs/promises';
import { parentPort } from 'worker_threads';
import { counterpartIndex, type CounterpartIndex } from '../core/corpus/counterparts';
import { summarizeAnalysis } from '../core/corpus/summary';
import { compileLexicon, type CompiledLexicon } from '../core/pipeline/compile';
import { analyze } from '../core/pipeline/analyze';
import type { Lexicon } from '../core/types';
import { collectFindings } from './findings';
import type { PoolReply, PoolRequest } from './workspacePool';

let compiled: CompiledLexicon | undefined;
let counterparts: CounterpartIndex | undefined;
// As VS Code decodes a readout it opens: UTF-8, a byte order mark dropped.
const decoder = new TextDecoder('utf-8');

function reply(message: PoolReply): void {
  if (message.type === 'done') parentPort?.postMessage(message, [message.findings.positions.buffer as ArrayBuffer]);
  else parentPort?.postMessage(message);
}

async function analyseFile(request: Extract<PoolRequest, { type: 'file' }>): Promise<void> {
  try {
    const bytes = request.bytes ?? (request.path !== undefined ? await readFile(request.path) : undefined);
    if (!bytes) throw new Error('neither a path nor the bytes of the file');
    // The lexicon of the moment the file was read: the host drops the results of a pass a newer lexicon replaced.
    if (!compiled || !counterparts) throw new Error('no lexicon');
    const text = decoder.decode(bytes);
    const analysis = analyze(text, compiled, { maxLength: request.maxLength });
    reply({ type: 'done', id: request.id, findings: collectFindings(analysis, text, request.options, compiled.cueById), summary: summarizeAnalysis(request.path ?? '', analysis, counterparts, text) });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    reply({ type: 'failed', id: request.id, message: err instanceof Error ? err.message : String(err), missing: code === 'ENOENT' || code === 'EISDIR' });
  }
}

parentPort?.on('message', (message: PoolRequest) => {
  if (message.type === 'lexicon') {
    compiled = compileLexicon(message.lexicon as Lexicon);
    counterparts = counterpartIndex(compiled.lexicon.entities);
  }
  else void analyseFile(message);
});
