// The runtime below the adapters, on plain Node: turns of the event loop taken one job at a time, a cancelled
// wait that leaves early while the shared analysis goes on for the others, and the document text kept from edits.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { AnalysisCache } from '../../src/core/pipeline/incremental';
import { AnalysisRunner, SMALL_EDIT, SYNC_THRESHOLD, type Analysed, type LargeJob } from '../../src/runtime/analysisRunner';
import { unlessCancelled, type Cancellation } from '../../src/runtime/cancellation';
import { LineIndex, lineAt } from '../../src/core/text/lines';
import { DocumentTexts, editedLineStarts, type DocumentReader } from '../../src/runtime/documentText';
import { VersionedJobs } from '../../src/runtime/jobs';
import { TurnScheduler } from '../../src/runtime/scheduler';
import { repoRoot } from './helpers';
import { loadFixtures } from './robustnessProperties';

/** A cancellation token source without the editor API. */
class TokenSource {
  private readonly listeners = new Set<() => unknown>();
  private cancelled = false;
  readonly token: Cancellation;
  constructor() {
    const listeners = this.listeners;
    const isCancelled = (): boolean => this.cancelled;
    this.token = {
      get isCancellationRequested(): boolean {
        return isCancelled();
      },
      onCancellationRequested: (listener) => {
        listeners.add(listener);
        return { dispose: () => listeners.delete(listener) };
      },
    };
  }
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const l of [...this.listeners]) l();
  }
  get listening(): number {
    return this.listeners.size;
  }
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** The seed readout, and it repeated until it is past SYNC_THRESHOLD: a readout the runner analyses in slices. */
function slicedSizeReadout(): { seed: string; text: string } {
  const seed = fs.readFileSync(path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8');
  let text = seed;
  while (text.length <= SYNC_THRESHOLD) text += `\n\n${seed}`;
  return { seed, text };
}

describe('TurnScheduler', () => {
  it('resumes one job per turn, urgent ones first', async () => {
    const scheduler = new TurnScheduler();
    const order: string[] = [];
    const waits = [scheduler.nextTurn().then(() => order.push('rest 1')), scheduler.nextTurn().then(() => order.push('rest 2')), scheduler.nextTurn(true).then(() => order.push('urgent'))];
    await turn();
    assert.deepStrictEqual(order, ['urgent'], 'one job on the first turn');
    await Promise.all(waits);
    assert.deepStrictEqual(order, ['urgent', 'rest 1', 'rest 2']);
  });

  it('goes round the event loop in nextRound, where one turn from an I/O callback does not', async () => {
    const scheduler = new TurnScheduler();
    /** Whether a timer that fell due in an I/O callback ran before `wait`, started there, resolved. */
    const timerRanBefore = (wait: () => Promise<void>): Promise<boolean> =>
      new Promise((resolve) => {
        fs.stat(__filename, () => {
          let ran = false;
          setTimeout(() => (ran = true), 0);
          const due = performance.now() + 3;
          while (performance.now() < due) {
            // the timer falls due
          }
          void wait().then(() => resolve(ran));
        });
      });
    assert.strictEqual(await timerRanBefore(() => scheduler.nextTurn(true)), false, 'an immediate from I/O runs in the same round');
    assert.strictEqual(await timerRanBefore(() => scheduler.nextRound(true)), true);
  });

  it('keeps a queue per scheduler', async () => {
    const a = new TurnScheduler();
    const b = new TurnScheduler();
    const order: string[] = [];
    const waits = [a.nextTurn().then(() => order.push('a')), b.nextTurn().then(() => order.push('b'))];
    await turn();
    assert.deepStrictEqual(order.sort(), ['a', 'b'], 'two schedulers each resume a job in the same turn');
    await Promise.all(waits);
  });
});

describe('a cancelled wait', () => {
  it('returns early while the shared job completes for the other callers', async () => {
    const jobs = new VersionedJobs<string>();
    let started = 0;
    let finish: (v: string) => void = () => undefined;
    const work = (): Promise<string> => {
      started++;
      return new Promise<string>((r) => (finish = r));
    };
    const cancelled = new TokenSource();
    const patient = new TokenSource();
    const a = unlessCancelled(jobs.run('doc', 1, work), cancelled.token);
    const b = unlessCancelled(jobs.run('doc', 1, work), patient.token);
    const c = jobs.run('doc', 1, work);
    cancelled.cancel();
    assert.strictEqual(await a, undefined, 'the cancelled caller stops waiting before the job ends');
    assert.ok(jobs.has('doc'), 'the job runs on');
    finish('analysis');
    assert.strictEqual(await b, 'analysis');
    assert.strictEqual(await c, 'analysis');
    assert.strictEqual(started, 1, 'one job for all three callers');
    assert.strictEqual(cancelled.listening + patient.listening, 0, 'no listener left on the tokens');
  });

  it('returns at once for a token cancelled before the call', async () => {
    const cancelled = new TokenSource();
    cancelled.cancel();
    let settled = false;
    const never = new Promise<string>(() => undefined);
    const wait = unlessCancelled(never, cancelled.token).then((v) => {
      settled = true;
      return v;
    });
    await Promise.resolve();
    await Promise.resolve();
    assert.ok(settled);
    assert.strictEqual(await wait, undefined);
  });

  it('passes the job\'s failure on to a caller still waiting', async () => {
    const t = new TokenSource();
    await assert.rejects(unlessCancelled(Promise.reject(new Error('worker died')), t.token), /worker died/);
    assert.strictEqual(t.listening, 0);
  });

  it('leaves a sliced analysis running: it is published once, for the callers that still wait', async function () {
    this.timeout(30_000);
    const { compiled } = loadFixtures(repoRoot);
    // Large enough to be analysed in slices; no worker, so never in the worker.
    const { text } = slicedSizeReadout();
    const runner = new AnalysisRunner(undefined, (msg) => assert.fail(msg));
    const published: Analysed[] = [];
    const job: LargeJob = {
      key: 'doc',
      version: 1,
      compiled,
      maxLength: Infinity,
      name: 'doc',
      isStale: () => false,
      // On a later turn, as the editor's text is read: the job cannot end within the caller's turn.
      text: () => runner.scheduler.nextTurn(true).then(() => text),
      publish: (r) => published.push(r),
    };
    const cancelled = new TokenSource();
    const early = unlessCancelled(runner.analyzeLarge(job, text.length), cancelled.token);
    const other = runner.analyzeLarge(job, text.length);
    cancelled.cancel();
    assert.strictEqual(await early, undefined);
    assert.strictEqual(published.length, 0, 'cancelled before the analysis was done');
    const analysis = await other;
    assert.ok(analysis);
    assert.strictEqual(published.length, 1);
    assert.strictEqual(published[0].analysis, analysis);
    assert.deepStrictEqual(analysis, analyze(text, compiled, { maxLength: Infinity }));
    runner.dispose();
  });

  it('re-analyses after a small edit without the warmer\'s pass, to the same Analysis as analyze()', async function () {
    this.timeout(30_000);
    const { compiled } = loadFixtures(repoRoot);
    const { seed, text } = slicedSizeReadout();
    const runner = new AnalysisRunner(undefined, (msg) => assert.fail(msg));
    const job = (version: number, body: string, edited: number | undefined): LargeJob => ({
      key: 'doc',
      version,
      compiled,
      maxLength: Infinity,
      name: 'doc',
      isStale: () => false,
      text: () => Promise.resolve(body),
      publish: () => undefined,
      edited,
    });
    const warmers: number[] = [];
    const original = AnalysisCache.prototype.warmer;
    AnalysisCache.prototype.warmer = function (this: AnalysisCache, ...args: Parameters<typeof original>) {
      warmers.push(args[0].length);
      return original.apply(this, args);
    };
    try {
      await runner.analyzeLarge(job(1, text, undefined), text.length);
      assert.deepStrictEqual(warmers, [text.length], 'a first analysis goes through the warmer');
      const middle = text.length >> 1;
      const small = `${text.slice(0, middle)}firmly ${text.slice(middle)}`;
      const a = await runner.analyzeLarge(job(2, small, 7), small.length);
      assert.deepStrictEqual(warmers, [text.length], 'a small edit does not');
      assert.deepStrictEqual(a, analyze(small, compiled, { maxLength: Infinity }));
      const pasted = `${small}\n\n${seed.repeat(Math.ceil(SMALL_EDIT / seed.length) + 1)}`;
      const b = await runner.analyzeLarge(job(3, pasted, pasted.length - small.length), pasted.length);
      assert.deepStrictEqual(warmers, [text.length, pasted.length], 'a long paste does');
      assert.deepStrictEqual(b, analyze(pasted, compiled, { maxLength: Infinity }));
    } finally {
      AnalysisCache.prototype.warmer = original;
      runner.dispose();
    }
  });
});

describe('DocumentTexts', () => {
  interface FakeDoc {
    version: number;
    isClosed: boolean;
    lineCount: number;
    lines: string[];
    reads: number;
  }
  const make = (text: string): FakeDoc => {
    const lines = text.split(/(?<=\n)/);
    return { version: 1, isClosed: false, lineCount: lines.length, lines, reads: 0 };
  };
  const reader: DocumentReader<FakeDoc> = {
    whole: (d) => {
      d.reads++;
      return d.lines.join('');
    },
    lines: (d, first, last) => d.lines.slice(first, last + 1).join(''),
    length: (d) => d.lines.join('').length,
  };

  it('reads a document over turns, the same text as read whole, then keeps it', async () => {
    const text = Array.from({ length: 500 }, (_, i) => `Line ${i} of the readout.\n`).join('');
    const doc = make(text);
    const texts = new DocumentTexts(reader, new TurnScheduler());
    assert.strictEqual(await texts.textInTurns(doc), text);
    assert.strictEqual(texts.textOf(doc), text);
    assert.strictEqual(doc.reads, 0, 'kept: no getText()');
  });

  it('gives undefined when the document changes while it is read', async () => {
    const doc = make('a\nb\n');
    const texts = new DocumentTexts(reader, new TurnScheduler());
    const reading = texts.textInTurns(doc);
    doc.version = 2;
    assert.strictEqual(await reading, undefined);
  });

  it('follows edits, and forgets the text when an edit brings a line break of another kind', () => {
    const doc = make('The two leaders agreed.\nThey will meet.\n');
    const texts = new DocumentTexts(reader, new TurnScheduler());
    texts.textOf(doc);
    doc.version = 2;
    doc.lines = ['The two leaders firmly agreed.\n', 'They will meet.\n'];
    texts.followEdits(doc, [{ rangeOffset: 16, rangeLength: 0, text: 'firmly ' }], '\n');
    assert.strictEqual(texts.textOf(doc), 'The two leaders firmly agreed.\nThey will meet.\n');
    assert.strictEqual(texts.length(doc), 47);
    assert.strictEqual(doc.reads, 1);
    doc.version = 3;
    texts.followEdits(doc, [{ rangeOffset: 0, rangeLength: 0, text: 'x\r\n' }], '\n');
    doc.lines = ['x\n', ...doc.lines];
    assert.strictEqual(texts.textOf(doc), `x\n${'The two leaders firmly agreed.\nThey will meet.\n'}`);
    assert.strictEqual(doc.reads, 2, 'read again after the edit it could not follow');
  });

  it('finds the line starts while reading in turns, as a scan of the whole text does', async () => {
    const text = Array.from({ length: 700 }, (_, i) => `Line ${i} of the readout.${i % 7 ? '' : '\n'}\n`).join('') + 'last line';
    const doc = make(text);
    const texts = new DocumentTexts(reader, new TurnScheduler());
    await texts.textInTurns(doc);
    assert.deepStrictEqual(texts.lineStarts(doc), new LineIndex(text).starts);
    assert.strictEqual(doc.reads, 0);
  });

  it('keeps the line starts through random edits as a scan of the edited text finds them', () => {
    let seed = 17;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = ['', 'a', 'firmly ', '\n', '\n\n', 'x\ny', 'The two leaders agreed.\n'];
    let text = 'The two leaders agreed.\nThey will meet.\n\nAgain.';
    const doc = make(text);
    const texts = new DocumentTexts(reader, new TurnScheduler());
    texts.lineStarts(doc);
    for (let step = 0; step < 400; step++) {
      const changes = Array.from({ length: 1 + random(2) }, () => {
        const rangeOffset = random(text.length + 1);
        const rangeLength = random(Math.min(12, text.length - rangeOffset) + 1);
        const change = { rangeOffset, rangeLength, text: pieces[random(pieces.length)] };
        text = text.slice(0, rangeOffset) + change.text + text.slice(rangeOffset + rangeLength);
        return change;
      });
      doc.version++;
      doc.lines = text.split(/(?<=\n)/);
      doc.lineCount = doc.lines.length;
      texts.followEdits(doc, changes, '\n');
      assert.deepStrictEqual(texts.lineStarts(doc), new LineIndex(text).starts, `after edit ${step}`);
    }
    assert.strictEqual(doc.reads, 1, 'every edit followed: read once, never again');
  });

  it('shifts line starts past an edit and drops those it removes', () => {
    const text = 'ab\ncd\nef\ngh';
    const starts = new LineIndex(text).starts;
    const edited = text.slice(0, 4) + 'X\nY' + text.slice(8);
    assert.deepStrictEqual(editedLineStarts(starts, 4, 4, 'X\nY'), new LineIndex(edited).starts);
  });

  it('finds an offset\'s line from any earlier line as by bisecting all lines', () => {
    const text = Array.from({ length: 300 }, (_, i) => `${'w'.repeat(i % 13)}\n${i % 5 ? '' : '\n'}`).join('');
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset += 3) {
      const line = lines.line(offset);
      for (const from of [0, 1, line >> 1, line - 1, line, line + 1, lines.starts.length - 1, lines.starts.length + 5]) {
        assert.strictEqual(lineAt(lines.starts, offset, from), line, `offset ${offset} from line ${from}`);
      }
    }
  });
});
