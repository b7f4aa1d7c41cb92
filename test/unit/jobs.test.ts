// One analysis job per document version (src/runtime/jobs.ts), including the fallback hazard that once
// made a failed worker job wait on itself.
import * as assert from 'assert';
import { MIN_DEBOUNCE_MS, VersionedJobs, adaptiveDelay } from '../../src/runtime/jobs';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('VersionedJobs', () => {
  it('joins a running job for the same version and starts a new one for a newer version', async () => {
    const jobs = new VersionedJobs<string>();
    let started = 0;
    const work = (v: string) => () => {
      started++;
      return new Promise<string>((r) => setTimeout(() => r(v), 5));
    };
    const a = jobs.run('doc', 1, work('v1'));
    const b = jobs.run('doc', 1, work('v1 again'));
    assert.strictEqual(a, b);
    const c = jobs.run('doc', 2, work('v2'));
    assert.notStrictEqual(c, a);
    assert.deepStrictEqual(await Promise.all([a, c]), ['v1', 'v2']);
    assert.strictEqual(started, 2);
  });

  it('forgets a job once it settles, whether it resolved or failed', async () => {
    const jobs = new VersionedJobs<string>();
    await jobs.run('ok', 1, () => Promise.resolve('x'));
    await tick();
    assert.ok(!jobs.has('ok'));
    await jobs.run('bad', 1, () => Promise.reject(new Error('worker died'))).catch(() => undefined);
    await tick();
    assert.ok(!jobs.has('bad'));
  });

  it('a fallback run inside the failing job settles (asking for the same version again would join the failing job)', async () => {
    const jobs = new VersionedJobs<string>();
    // The hazard: from inside the job, run() for the same version returns the job's own promise.
    let inner: Promise<string> | undefined;
    const outer = jobs.run('doc', 7, () =>
      Promise.reject(new Error('worker died')).catch(() => {
        inner = jobs.run('doc', 7, () => Promise.resolve('never started'));
        return 'main-thread result';
      }),
    );
    assert.strictEqual(await outer, 'main-thread result');
    assert.strictEqual(inner, outer, 'run() for the running version joins it: a fallback must call its work directly');
  });
});

describe('adaptive debounce', () => {
  it('waits about as long as the last analysis took, within the minimum and the setting', () => {
    assert.strictEqual(adaptiveDelay(60, undefined), 60, 'nothing analysed yet: the setting');
    assert.strictEqual(adaptiveDelay(60, 0.4), MIN_DEBOUNCE_MS);
    assert.strictEqual(adaptiveDelay(60, 17.2), 18);
    assert.strictEqual(adaptiveDelay(60, 250), 60);
    assert.strictEqual(adaptiveDelay(0, 17), 0, 'a setting of 0 turns the debounce off');
  });

  it('waits only the minimum for the first edit after a pause as long as the setting', () => {
    assert.strictEqual(adaptiveDelay(60, 35, 59), 35, 'typing: about the analysis time');
    assert.strictEqual(adaptiveDelay(60, 35, 60), MIN_DEBOUNCE_MS);
    assert.strictEqual(adaptiveDelay(60, 250, Infinity), MIN_DEBOUNCE_MS, 'the first edit of the document');
    assert.strictEqual(adaptiveDelay(60, undefined, Infinity), 60, 'nothing analysed yet: still the setting');
    assert.strictEqual(adaptiveDelay(5, 35, 100), 5, 'never more than the setting');
    assert.strictEqual(adaptiveDelay(0, 35, 100), 0);
  });
});
