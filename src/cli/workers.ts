// Many files on every core: worker threads, each started from the CLI's own entry file, analyse batches of
// files; the main thread receives the results and hands them on in file order, so output streams.
import * as os from 'os';
import { Worker, parentPort } from 'worker_threads';
import { compileLexicon } from '../core/pipeline/compile';
import type { Lexicon } from '../core/types';
import { analyzeFile, type FileResult } from './analyzeFile';
import type { AnalyzeFormat as Format } from './formats';

/** The workerData of a CLI worker; the flag tells the entry file it runs as one. */
export interface WorkerSetup {
  readoutLensCli: true;
  format: Format;
  /** The lexicon the main thread read and merged, as data: a worker only compiles it. */
  lexicon: Lexicon;
  maxSizeMB: number;
}

/** Files per message: enough to amortise the round trip, few enough to keep every worker busy to the end. */
const BATCH = 16;

/**
 * Most worker threads a run starts, whatever --jobs says: each holds its own compiled lexicon and heap
 * (tens of MB), and analysis is bound by the cores.
 */
export const MAX_WORKERS = 16;

/** How many workers analyse `files` files: no more than asked, than cores, than batches, than MAX_WORKERS. */
export function workerCount(jobs: number, files: number, cores = os.availableParallelism?.() ?? os.cpus().length): number {
  return Math.max(1, Math.min(jobs, cores, Math.ceil(files / BATCH), MAX_WORKERS));
}

/** Worker side: analyse the batches of files the main thread sends, one message of results per batch. */
export function workerMain(setup: WorkerSetup): void {
  // Read, merged and its errors reported by the main thread: here it is only compiled.
  const compiled = compileLexicon(setup.lexicon);
  parentPort?.on('message', (batch: { index: number; file: string }[]) => {
    parentPort?.postMessage(batch.map((f) => analyzeFile(f.index, f.file, setup.format, compiled, setup.maxSizeMB)));
  });
}

/** Analyses `files` on `jobs` worker threads started from `entry`; `emit` receives results in file order. */
export function analyzeInWorkers(entry: string, files: string[], setup: WorkerSetup, jobs: number, emit: (r: FileResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = new Map<number, FileResult>();
    let nextToEmit = 0;
    let nextToSend = 0;
    const workers: Worker[] = [];
    const feed = (w: Worker): void => {
      if (nextToSend >= files.length) return;
      const batch = files.slice(nextToSend, nextToSend + BATCH).map((file, k) => ({ index: nextToSend + k, file }));
      nextToSend += batch.length;
      w.postMessage(batch);
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(entry, { workerData: setup });
      workers.push(w);
      w.on('message', (results: FileResult[]) => {
        for (const r of results) done.set(r.index, r);
        while (done.has(nextToEmit)) {
          emit(done.get(nextToEmit) as FileResult);
          done.delete(nextToEmit);
          nextToEmit++;
        }
        if (nextToEmit === files.length) {
          for (const x of workers) void x.terminate();
          resolve();
        } else feed(w);
      });
      w.on('error', (err) => {
        for (const x of workers) void x.terminate();
        reject(err);
      });
      // Two batches in flight per worker, so it never waits for the next one.
      feed(w);
      feed(w);
    }
  });
}
