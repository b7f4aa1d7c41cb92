// Worker thread entry (dist/analysisWorker.js): runs the pure core off the extension host's main thread for
// large documents. It hands results back in chunks the host pulls one at a time, so no single message
// takes long to deserialise and the host's event loop keeps turning.
import { parentPort } from 'worker_threads';
import { compileLexicon, type CompiledLexicon } from '../core/pipeline/compile';
import { AnalysisCache, analyzeIncremental } from '../core/pipeline/incremental';
import type { Lexicon } from '../core/types';
import { applyPatch, splitForTransfer, type HostMessage, type WorkerMessage } from './transfer';

let compiled: CompiledLexicon | undefined;
/** Each open document's analysed paragraphs, so an edit re-analyses only what changed. */
const caches = new Map<string, AnalysisCache>();
/** Each document's text as the last job for it had it, and that job's id: the base of the next job's patch. */
const texts = new Map<string, { id: number; text: string }>();
/** The parts of the text of the job being sent in parts (see TextParts); one job at a time. */
let parts: { id: number; texts: string[] } | undefined;
/** The finished job whose chunks the host is pulling; a newer job replaces it. */
let pending: { id: number; chunks: WorkerMessage[] } | undefined;

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: HostMessage) => {
  try {
    switch (message.type) {
      case 'lexicon':
        compiled = compileLexicon(message.lexicon as Lexicon);
        return;
      case 'analyze': {
        // The text first, whatever happens next: the host patches the next job's text against this one.
        let text: string;
        if (typeof message.text === 'string') text = message.text;
        else if ('parts' in message.text) {
          const received = parts?.id === message.id ? parts.texts : [];
          parts = undefined;
          text = [...received, message.text.last].join('');
        } else {
          const base = texts.get(message.key);
          if (!base || base.id !== message.text.base) throw new Error(`no text of job ${message.text.base} to patch`);
          text = applyPatch(base.text, message.text);
        }
        texts.set(message.key, { id: message.id, text });
        if (!compiled) throw new Error('no lexicon');
        const started = performance.now();
        let cache = caches.get(message.key);
        if (!cache) {
          cache = new AnalysisCache();
          caches.set(message.key, cache);
        }
        const analysis = analyzeIncremental(text, compiled, cache, { maxLength: message.maxLength });
        const elapsed = performance.now() - started;
        pending = { id: message.id, chunks: splitForTransfer(message.id, analysis, elapsed, text) };
        post(pending.chunks.shift() as WorkerMessage);
        return;
      }
      case 'part':
        if (parts?.id !== message.id) parts = { id: message.id, texts: [] };
        parts.texts.push(message.text);
        return;
      case 'next': {
        if (!pending || pending.id !== message.id) return;
        const chunk = pending.chunks.shift();
        if (chunk) post(chunk);
        if (pending.chunks.length === 0) pending = undefined;
        return;
      }
      case 'forget':
        caches.delete(message.key);
        texts.delete(message.key);
        return;
      case 'drop':
        if (pending?.id === message.id) pending = undefined;
        return;
    }
  } catch (err) {
    const id = 'id' in message ? message.id : -1;
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
});
