// One analysis job per document version: a second request for the same version joins the running job, a
// newer version starts its own. No 'vscode' import, so it is unit-tested on plain Node.

export class VersionedJobs<T> {
  private readonly running = new Map<string, { version: number; done: Promise<T> }>();

  /** The job running for this key and version, or a new one started with `work`. */
  run(key: string, version: number, work: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current && current.version === version) return current.done;
    const done = work();
    const job = { version, done };
    this.running.set(key, job);
    const clear = (): void => {
      if (this.running.get(key) === job) this.running.delete(key);
    };
    done.then(clear, clear);
    return done;
  }

  /** Whether a job for this key is running (any version). */
  has(key: string): boolean {
    return this.running.has(key);
  }
}

/**
 * The re-analysis delay after an edit: about as long as the document's last (re-)analysis took, at least
 * MIN_DEBOUNCE_MS and at most the readoutLens.analysis.debounceMs setting. Typing pauses are longer than a
 * quick analysis, so waiting longer saves nothing on a readout that analyses in a few milliseconds, and the
 * analysis never takes more than half the time of fast typing; a readout whose analysis takes as long as the
 * setting or more waits the whole setting, so fast typing does not start one per key. (Twice the analysis time
 * added 15-20 ms to every keystroke on a 1 MB readout.) The first edit after a pause at least as long as the
 * setting (`sinceLastEditMs`) waits only MIN_DEBOUNCE_MS: no burst is under way to wait for, and on a 1 MB
 * readout, whose re-analysis takes about 30 ms, waiting that long again was a third of the keystroke's latency.
 */
export function adaptiveDelay(settingMs: number, lastAnalysisMs: number | undefined, sinceLastEditMs = 0): number {
  if (lastAnalysisMs === undefined) return settingMs;
  if (sinceLastEditMs >= settingMs) return Math.min(settingMs, MIN_DEBOUNCE_MS);
  return Math.min(settingMs, Math.max(MIN_DEBOUNCE_MS, Math.ceil(lastAnalysisMs)));
}
export const MIN_DEBOUNCE_MS = 10;
