// Where and how a document version is analysed: small ones at once on the main thread, larger ones in slices
// of incremental analysis between turns of the event loop, the largest in the worker thread; one job per
// version, joined by every caller, with each document's analysed paragraphs kept for its next edit. The worker
// is the host's (a Node worker thread, see workerClient.ts): without one (the browser) every large document is
// analysed in slices.
import { type CompiledLexicon } from '../core/pipeline/compile';
import { AnalysisCache, analyzeIncremental } from '../core/pipeline/incremental';
import type { Analysis } from '../core/types';
import { VersionedJobs } from './jobs';
import { SLICE_MS, TurnScheduler } from './scheduler';

/**
 * Documents up to this length (UTF-16 units) are analysed synchronously on the main thread: a first analysis
 * takes a few milliseconds, less than a round trip to a worker costs.
 */
export const SYNC_THRESHOLD = 200_000;
/**
 * Documents longer than this are analysed in the worker. Between the two thresholds the main thread analyses
 * them incrementally (see analyzeIncremental): a first analysis in slices of SLICE_MS, one per event-loop
 * turn, then each re-analysis reuses the unchanged paragraphs and takes about 10 ms per MB, less than moving
 * the result across threads would.
 */
export const WORKER_THRESHOLD = 2 * 1024 * 1024;

/**
 * At most this many code units edited since a document's last analysis, a re-analysis in slices goes straight to
 * analyzeIncremental, which analyses the few paragraphs it does not hold itself: a pass of the warmer first lays
 * out and looks up every paragraph once more (6 ms per edit on a 1 MB readout, a sixth of its re-analysis), to
 * find the one or two an edit changed. New text this long analyses in a few milliseconds.
 */
export const SMALL_EDIT = 16_384;

export interface Analysed {
  analysis: Analysis;
  /**
   * Milliseconds the next re-analysis after an edit is expected to take, for the adaptive debounce: what the
   * core took, or for an analysis in slices its last slice (the paragraphs an edit changes and the assembly),
   * not the first analysis of every paragraph, which an edit does not repeat.
   */
  elapsed: number;
}

/** One document version to analyse off the current turn, as the adapter describes it. */
export interface LargeJob {
  key: string;
  version: number;
  compiled: CompiledLexicon;
  maxLength: number;
  /** The document as log messages name it. */
  name: string;
  /** True once the document changed or closed, or the lexicons changed: the job stops and gives undefined. */
  isStale(): boolean;
  /** The version's text, read over turns of the event loop; undefined when the job went stale meanwhile. */
  text(): Promise<string | undefined>;
  /** Receives the result once, inside the job, before any caller's wait resolves. */
  publish(result: Analysed): void;
  /** Code units inserted and removed since the document's last analysis; undefined when not known. */
  edited?: number;
}

/** Analysis off the host's thread, as AnalysisWorkerClient does it in Node. */
export interface AnalysisWorker {
  /** False when the worker cannot run (its script missing, or it failed): the runner then analyses in slices. */
  readonly available: boolean;
  /** The analysis, or undefined when the request went stale before it finished. */
  analyze(key: string, text: string, maxLength: number, compiled: CompiledLexicon, isStale: () => boolean): Promise<{ analysis: Analysis; elapsed: number } | undefined>;
  /** The document closed: the worker drops what it keeps of it. */
  forget(key: string): void;
  dispose(): void;
}

export class AnalysisRunner {
  /** Per document: the paragraphs of its last analysis, for incremental re-analysis on the main thread. */
  private readonly caches = new Map<string, AnalysisCache>();
  /** Per document: the lexicon its last finished analysis on this thread used. */
  private readonly analysedWith = new Map<string, CompiledLexicon>();
  /** Worker and sliced jobs under way, by document, so every caller waits for the current version's. */
  private readonly jobs = new VersionedJobs<Analysis | undefined>();

  /** `worker`: where documents past WORKER_THRESHOLD are analysed; undefined, in slices like the smaller ones. */
  constructor(
    private readonly worker: AnalysisWorker | undefined,
    private readonly log: (msg: string) => void,
    readonly scheduler = new TurnScheduler(),
  ) {}

  /** Whether a document of this length is analysed at once, on the current turn. */
  isSmall(length: number): boolean {
    return length <= SYNC_THRESHOLD;
  }

  /** Analyses the text now, reusing the document's unchanged paragraphs. */
  analyzeNow(key: string, text: string, compiled: CompiledLexicon, maxLength: number): Analysed {
    const started = performance.now();
    const analysis = analyzeIncremental(text, compiled, this.cache(key), { maxLength });
    this.analysedWith.set(key, compiled);
    return { analysis, elapsed: performance.now() - started };
  }

  /** Starts (or joins) the job for a large document's version: in the worker past WORKER_THRESHOLD, else in slices. */
  analyzeLarge(job: LargeJob, length: number): Promise<Analysis | undefined> {
    return this.worker?.available && length > WORKER_THRESHOLD ? this.inWorker(this.worker, job) : this.jobs.run(job.key, job.version, () => this.inSlices(job));
  }

  private cache(key: string): AnalysisCache {
    let cache = this.caches.get(key);
    if (!cache) {
      cache = new AnalysisCache();
      this.caches.set(key, cache);
    }
    return cache;
  }

  /**
   * Analyses the version on the main thread without blocking it: paragraphs not analysed before are analysed
   * SLICE_MS at a time, one slice per event-loop turn; the Analysis is then assembled from them (about 10 ms
   * per MB). A job whose version went stale stops; what it analysed stays cached.
   */
  private async inSlices(job: LargeJob): Promise<Analysis | undefined> {
    const { compiled, maxLength, isStale } = job;
    const text = await job.text();
    if (text === undefined || isStale()) return undefined;
    const cache = this.cache(job.key);
    const smallEdit = job.edited !== undefined && job.edited <= SMALL_EDIT && this.analysedWith.get(job.key) === compiled;
    return new Promise<Analysis | undefined>((resolve) => {
      let warmer: { step(deadline: number): boolean } | undefined;
      const slice = (): void => {
        if (isStale()) return resolve(undefined);
        const started = performance.now();
        try {
          if (!smallEdit) {
            warmer ??= cache.warmer(text, compiled, { maxLength });
            if (!warmer.step(started + SLICE_MS)) return void this.scheduler.nextTurn(true).then(slice);
          }
          const analysis = analyzeIncremental(text, compiled, cache, { maxLength });
          this.analysedWith.set(job.key, compiled);
          job.publish({ analysis, elapsed: performance.now() - started });
          resolve(analysis);
        } catch (err) {
          this.log(`analysis of ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
          resolve(undefined);
        }
      };
      slice();
    });
  }

  /** Starts (or joins) the worker job for the version. */
  private inWorker(worker: AnalysisWorker, job: LargeJob): Promise<Analysis | undefined> {
    const { key, version, compiled, maxLength, isStale } = job;
    return this.jobs.run(key, version, () =>
      job
        .text()
        .then((text) => (text === undefined ? undefined : this.flatInTurn(text)))
        .then((text) => (text === undefined || isStale() ? undefined : worker.analyze(key, text, maxLength, compiled, isStale)))
        .then(
          (result) => {
            if (!result || isStale()) return undefined;
            job.publish({ analysis: result.analysis, elapsed: result.elapsed });
            return result.analysis;
          },
          (err: unknown) => {
            this.log(`worker analysis of ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
            // Fall back on the main thread within this same job: asking for the version again would join the
            // failing job itself and never settle.
            return isStale() ? undefined : this.inSlices(job);
          },
        ),
    );
  }

  /**
   * `text` once V8 holds it as one flat string, made so in a turn of its own. The text kept from the edits is a
   * string built by concatenation, and V8 copies it into one piece (20 MB for a 10 MB readout of two-byte text)
   * on the first read of more than a character or two: on the turn that then compared it with the worker's copy,
   * that copy and the collection work it brings made the longest block of our own code. A slice of three units
   * is such a read.
   */
  private async flatInTurn(text: string): Promise<string> {
    await this.scheduler.nextTurn(true);
    void text.slice(0, 3);
    await this.scheduler.nextTurn(true);
    return text;
  }

  /** The document closed: its paragraphs are dropped, here and in the worker. */
  forget(key: string): void {
    this.caches.delete(key);
    this.analysedWith.delete(key);
    this.worker?.forget(key);
  }

  dispose(): void {
    this.worker?.dispose();
  }
}
