// Runs analyze() in a worker thread (dist/analysisWorker.js) for large documents, so the extension host never
// blocks on them: the worker keeps each document's analysed paragraphs, so a re-analysis after an edit costs
// the changed paragraphs only (analyzeIncremental); one job at a time, a newer request for the same document supersedes a queued one, stale
// results are dropped unread, and the result comes back in chunks pulled one per event-loop turn.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CompiledLexicon } from '../core/pipeline/compile';
import type { Analysis } from '../core/types';
import type { AnalysisWorker } from './analysisRunner';
import { ResultAssembler, TEXT_PART, textPatch, type HostMessage, type WorkerMessage } from './transfer';

export interface WorkerResult {
  analysis: Analysis;
  elapsed: number;
}

interface Job {
  id: number;
  key: string;
  text: string;
  maxLength: number;
  compiled: CompiledLexicon;
  /** True once a newer request for the same document exists: the result is dropped. */
  isStale: () => boolean;
  resolve: (r: WorkerResult | undefined) => void;
  reject: (err: Error) => void;
}

export class AnalysisWorkerClient implements AnalysisWorker {
  private worker: Worker | undefined;
  private failed = false;
  private sentLexicon: CompiledLexicon | undefined;
  private nextId = 1;
  private running: Job | undefined;
  private assembler: ResultAssembler | undefined;
  /** Milliseconds the running job's analyze() took in the worker. */
  private elapsed = 0;
  private readonly queue: Job[] = [];
  /** Per document, the text of the last job sent to the worker and its id (what the worker keeps too). */
  private readonly sent = new Map<string, { id: number; text: string }>();

  constructor(private readonly script: string, private readonly log: (msg: string) => void) {}

  /** False when the worker script is missing or failed to start; callers then analyse on the main thread. */
  get available(): boolean {
    return !this.failed && fs.existsSync(this.script);
  }

  /** Resolves with the analysis, or undefined when the request went stale before it finished. */
  analyze(key: string, text: string, maxLength: number, compiled: CompiledLexicon, isStale: () => boolean): Promise<WorkerResult | undefined> {
    return new Promise((resolve, reject) => {
      // A queued request for the same document is stale now: drop it unstarted.
      for (let i = this.queue.length - 1; i >= 0; i--) {
        if (this.queue[i].key === key) this.queue.splice(i, 1)[0].resolve(undefined);
      }
      this.queue.push({ id: this.nextId++, key, text, maxLength, compiled, isStale, resolve, reject });
      this.pump();
    });
  }

  /** The document closed: the worker drops the paragraphs it keeps for re-analysing it. */
  forget(key: string): void {
    this.sent.delete(key);
    if (this.worker) this.send({ type: 'forget', key });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    worker.on('error', (err) => this.onFailure(err));
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.sentLexicon = undefined;
        this.sent.clear();
        if (this.running) this.onFailure(new Error(`analysis worker exited (${code})`));
      }
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private send(message: HostMessage): void {
    this.ensureWorker().postMessage(message);
  }

  private pump(): void {
    if (this.running) return;
    let job = this.queue.shift();
    while (job && job.isStale()) {
      job.resolve(undefined);
      job = this.queue.shift();
    }
    if (!job) return;
    this.running = job;
    try {
      if (this.sentLexicon !== job.compiled) {
        this.send({ type: 'lexicon', lexicon: job.compiled.lexicon });
        this.sentLexicon = job.compiled;
      }
      const last = this.worker ? this.sent.get(job.key) : undefined;
      const patch = last && textPatch(last.id, last.text, job.text);
      if (patch || job.text.length <= TEXT_PART) this.sendJob(job, patch ?? job.text);
      else this.sendInParts(job, 0);
    } catch (err) {
      this.onFailure(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** Sends the job with its text (whole, a patch or the last part) and remembers the text the worker now has. */
  private sendJob(job: Job, text: Extract<HostMessage, { type: 'analyze' }>['text']): void {
    this.send({ type: 'analyze', id: job.id, key: job.key, text, maxLength: job.maxLength });
    this.sent.set(job.key, { id: job.id, text: job.text });
  }

  /** Sends the job's whole text from `at` on, a part per event-loop turn, then the job itself (see TextParts). */
  private sendInParts(job: Job, at: number): void {
    if (this.running !== job) return;
    if (job.isStale()) return this.finish(undefined);
    try {
      const end = Math.min(job.text.length, at + TEXT_PART);
      const piece = job.text.slice(at, end);
      if (end < job.text.length) {
        this.send({ type: 'part', id: job.id, text: piece });
        setImmediate(() => this.sendInParts(job, end));
        return;
      }
      this.sendJob(job, { parts: true, last: piece });
    } catch (err) {
      this.onFailure(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private onMessage(m: WorkerMessage): void {
    const job = this.running;
    if (!job || m.id !== job.id) return;
    if (m.type === 'error') return this.finish(undefined, new Error(m.message));
    if (job.isStale()) {
      this.send({ type: 'drop', id: job.id });
      return this.finish(undefined);
    }
    if (m.type === 'begin') {
      this.assembler = new ResultAssembler(m, job.text);
      this.elapsed = m.elapsed;
    } else this.assembler?.add(m);
    if (m.last && this.assembler) return this.finish({ analysis: this.assembler.finish(), elapsed: this.elapsed });
    // Pull the next chunk on a later turn of the event loop, so typing and rendering get in between.
    setImmediate(() => {
      if (this.running === job) this.send({ type: 'next', id: job.id });
    });
  }

  private finish(result: WorkerResult | undefined, err?: Error): void {
    const job = this.running;
    this.running = undefined;
    this.assembler = undefined;
    if (job) {
      if (err) job.reject(err);
      else job.resolve(result);
    }
    this.pump();
  }

  private onFailure(err: Error): void {
    this.failed = true;
    this.log(`analysis worker failed, analysing on the main thread from now on: ${err.message}`);
    void this.worker?.terminate();
    this.worker = undefined;
    this.sent.clear();
    const job = this.running;
    this.running = undefined;
    job?.reject(err);
    for (const j of this.queue.splice(0)) j.reject(err);
  }

  dispose(): void {
    for (const j of this.queue.splice(0)) j.resolve(undefined);
    this.running?.resolve(undefined);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/** dist/analysisWorker.js beside the bundled extension. */
export function defaultWorkerScript(extensionDir: string): string {
  return path.join(extensionDir, 'analysisWorker.js');
}
