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
