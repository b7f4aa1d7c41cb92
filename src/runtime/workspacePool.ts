// Worker threads (dist/workspaceWorker.js) that read and analyse many files off the extension host's thread:
// a queue of files fed a few at a time to each worker, so the host only ever receives small replies (the
// findings and summary of one file) and a cancelled pass stops without waiting for the files still queued.
import * as fs from 'fs';
import * as os from 'os';
import { Worker } from 'worker_threads';
import type { ReadoutUses } from '../core/corpus/track';
import type { CompiledLexicon } from '../core/pipeline/compile';
import type { ReadoutSummary } from '../core/corpus/summary';
import type { FileFindings, FindingOptions } from './findings';

export type PoolRequest =
  | { type: 'lexicon'; lexicon: unknown }
  /** One file: read by the worker at `path` (a local file) or given as its `bytes` (any other file system). */
  | { type: 'file'; id: number; path?: string; bytes?: Uint8Array; maxLength: number; options: FindingOptions }
  /** The uses of a phrase in one file (Track Across Readouts); `name` is what the uses call the file. */
  | { type: 'track'; id: number; path?: string; bytes?: Uint8Array; maxLength: number; name: string; phrase: string };

export type PoolReply =
  | { type: 'done'; id: number; findings: FileFindings; summary: ReadoutSummary }
  | { type: 'track'; id: number; uses: ReadoutUses }
  /** `missing`: the file is gone (deleted since it was found), not broken. */
  | { type: 'failed'; id: number; message: string; missing: boolean };

export interface FileJob {
  path?: string;
  bytes?: Uint8Array;
  maxLength: number;
  options: FindingOptions;
  /** True once the result is no longer wanted (a newer request for the file, a cancelled pass): not analysed. */
  isStale?: () => boolean;
}

export type FileOutcome = { findings: FileFindings; summary: ReadoutSummary } | { missing: true } | undefined;

/** A file searched for a phrase: `name` is what its uses call it (the editor's URI string). */
export interface TrackJob {
  path?: string;
  bytes?: Uint8Array;
  maxLength: number;
  name: string;
  phrase: string;
  isStale?: () => boolean;
}

export type TrackOutcome = { uses: ReadoutUses } | { missing: true } | undefined;

/** Files sent ahead to each worker: its next file is read while it analyses the current one. */
const IN_FLIGHT = 4;
/** A worker idle this long is stopped: its compiled lexicon is a few MB the host's process keeps for nothing. */
const IDLE_MS = 30_000;
const MAX_FAILURES = 3;

/**
 * Workers for a machine of `cores`: one fewer than the cores (the host keeps one), at least one, at most two (the
 * files of a workspace are small: a single worker analyses about 900 a second).
 */
export function poolSize(cores = os.availableParallelism?.() ?? os.cpus().length): number {
  return Math.max(1, Math.min(2, cores - 1));
}

type Queued =
  | { kind: 'file'; id: number; job: FileJob; resolve: (outcome: FileOutcome) => void }
  | { kind: 'track'; id: number; job: TrackJob; resolve: (outcome: TrackOutcome) => void };

interface Slot {
  worker: Worker;
  lexicon: CompiledLexicon | undefined;
  running: Map<number, Queued>;
}

export class WorkspacePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private compiled: CompiledLexicon | undefined;
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Workers that crashed (a file too large for its heap, a bug): past MAX_FAILURES the pool gives up. */
  private failures = 0;
  private scriptExists: boolean | undefined;

  constructor(private readonly script: string, private readonly log: (msg: string) => void, private readonly size = poolSize()) {}

  /** False when the worker script is missing or workers failed again and again: there is no workspace analysis then. */
  get available(): boolean {
    // Looked up once: the script does not come and go, and the pool asks before every file.
    this.scriptExists ??= fs.existsSync(this.script);
    return this.failures < MAX_FAILURES && this.scriptExists;
  }

  /** Files queued or being analysed. */
  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.running.size, 0);
  }

  /** The lexicon of every file analysed from now on. */
  setLexicon(compiled: CompiledLexicon): void {
    this.compiled = compiled;
    for (const slot of this.slots) this.sendLexicon(slot);
  }

  /** Resolves with the file's findings and summary, `{ missing }` when it is gone, undefined when dropped or failed. */
  analyze(job: FileJob): Promise<FileOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ kind: 'file', id: this.nextId++, job, resolve });
      this.pump();
    });
  }

  /** Resolves with the phrase's uses in the file, `{ missing }` when it is gone, undefined when dropped or failed. */
  track(job: TrackJob): Promise<TrackOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ kind: 'track', id: this.nextId++, job, resolve });
      this.pump();
    });
  }

  /** Drops every queued file (they resolve undefined); files already in a worker finish. */
  drop(): void {
    for (const q of this.queue.splice(0)) q.resolve(undefined);
  }

  /** Drops the queued files that went stale now, not when a worker would come to them (a cancelled pass). */
  prune(): void {
    let kept = 0;
    for (const q of this.queue) {
      if (q.job.isStale?.()) q.resolve(undefined);
      else this.queue[kept++] = q;
    }
    this.queue.length = kept;
  }

  private sendLexicon(slot: Slot): void {
    if (!this.compiled || slot.lexicon === this.compiled) return;
    slot.worker.postMessage({ type: 'lexicon', lexicon: this.compiled.lexicon } satisfies PoolRequest);
    slot.lexicon = this.compiled;
  }

  private start(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, lexicon: undefined, running: new Map() };
    worker.on('message', (m: PoolReply) => this.onReply(slot, m));
    worker.on('error', (err) => this.onFailure(slot, err));
    worker.on('exit', (code) => {
      if (slot.running.size) return this.onFailure(slot, new Error(`workspace worker exited (${code})`));
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private pump(): void {
    if (!this.available || !this.compiled) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    while (this.queue.length) {
      let slot = this.slots.find((s) => s.running.size < IN_FLIGHT);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) break;
      this.sendLexicon(slot);
      // Many files queued: each to the least busy worker, so all start at once.
      for (const s of this.slots) if (s.running.size < slot.running.size) slot = s;
      const next = this.queue.shift() as Queued;
      if (next.job.isStale?.()) {
        next.resolve(undefined);
        continue;
      }
      slot.running.set(next.id, next);
      const { path, bytes, maxLength } = next.job;
      const request: PoolRequest =
        next.kind === 'file'
          ? { type: 'file', id: next.id, path, bytes, maxLength, options: next.job.options }
          : { type: 'track', id: next.id, path, bytes, maxLength, name: next.job.name, phrase: next.job.phrase };
      slot.worker.postMessage(request, bytes ? [bytes.buffer as ArrayBuffer] : []);
    }
    if (this.pending === 0 && this.slots.length) {
      this.idleTimer = setTimeout(() => this.stopWorkers(), IDLE_MS);
      this.idleTimer.unref?.();
    }
  }

  private onReply(slot: Slot, m: PoolReply): void {
    const done = slot.running.get(m.id);
    if (!done) return;
    slot.running.delete(m.id);
    if (m.type === 'done' && done.kind === 'file') done.resolve({ findings: m.findings, summary: m.summary });
    else if (m.type === 'track' && done.kind === 'track') done.resolve({ uses: m.uses });
    else if (m.type !== 'failed') done.resolve(undefined);
    else {
      if (!m.missing) this.log(`workspace analysis of ${done.job.path ?? 'a file'} failed: ${m.message}`);
      done.resolve(m.missing ? { missing: true } : undefined);
    }
    this.pump();
  }

  /** A crashed worker loses the files it had (they resolve undefined); the others go on in a new one. */
  private onFailure(slot: Slot, err: Error): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    this.failures++;
    for (const q of slot.running.values()) q.resolve(undefined);
    slot.running.clear();
    void slot.worker.terminate();
    if (this.available) {
      this.log(`workspace analysis worker failed, starting another: ${err.message}`);
      return this.pump();
    }
    this.log(`workspace analysis worker failed ${this.failures} times, workspace analysis stopped: ${err.message}`);
    this.drop();
    this.stopWorkers();
  }

  private stopWorkers(): void {
    for (const slot of this.slots.splice(0)) {
      for (const q of slot.running.values()) q.resolve(undefined);
      void slot.worker.terminate();
    }
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    this.drop();
    this.stopWorkers();
  }
}
