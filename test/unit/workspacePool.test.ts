// The workspace worker pool (dist/workspaceWorker.js in real worker threads): each file's findings and summary
// are what the open-file path computes from analyze() on the same text, a deleted file says so, stale files are
// never analysed, and a crashed worker does not stop the others.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { counterpartIndex } from '../../src/core/corpus/counterparts';
import { summarizeAnalysis } from '../../src/core/corpus/summary';
import { analyze } from '../../src/core/pipeline/analyze';
import { collectFindings, planFindings, type FindingOptions } from '../../src/runtime/findings';
import { BACKGROUND_NICE, threadIdOf } from '../../src/runtime/threadPriority';
import { WorkspacePool, poolSize } from '../../src/runtime/workspacePool';
import { compiledBuiltins, repoRoot } from './helpers';

const options: FindingOptions = { firm: 2, hedged: 1, acronym: 3, name: 3, ignored: [], maxDiagnostics: 1000 };

describe('findings of an analysis', () => {
  it('keep the file problems first and at most maxDiagnostics, most severe first', () => {
    const compiled = compiledBuiltins();
    const text = fs.readFileSync(path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8');
    const analysis = analyze(text, compiled, { maxLength: 2000 });
    assert.ok(analysis.truncated && analysis.cues.length > 3);
    const all = collectFindings(analysis, text, options, compiled.cueById);
    assert.strictEqual(all.eligible, analysis.cues.length + analysis.unknownAcronyms.length + analysis.readout.problems.length);
    assert.strictEqual(all.problemCodes[0], 'truncated');
    const few = collectFindings(analysis, text, { ...options, maxDiagnostics: 3 }, compiled.cueById);
    assert.strictEqual(few.messages.length, 3);
    const severities = Array.from({ length: 3 }, (_, i) => few.positions[i * 6 + 4]);
    assert.deepStrictEqual(severities.slice(1), [...severities.slice(1)].sort((a, b) => a - b), 'most severe first after the problems');
    const ignoredFirst = planFindings(analysis, { ...options, ignored: [analysis.cues[0].text.toLowerCase()] }, new Set([analysis.cues[0].text.toLowerCase()]));
    assert.strictEqual(ignoredFirst.severities[0], -1);
  });
});

describe('the workspace worker pool', function () {
  this.timeout(60_000);
  const script = path.join(repoRoot, 'dist', 'workspaceWorker.js');
  let pool: WorkspacePool;
  let dir: string;
  before(function () {
    // Built by `npm run build` (npm test builds before the unit tests).
    if (!fs.existsSync(script)) this.skip();
    pool = new WorkspacePool(script, (msg) => assert.fail(msg), 2);
    pool.setLexicon(compiledBuiltins());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-pool-'));
  });
  after(() => {
    pool?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives each file the findings and summary of analyze() on its text, read by path or given as bytes', async () => {
    const compiled = compiledBuiltins();
    const counterparts = counterpartIndex(compiled.lexicon.entities);
    const samples = path.join(repoRoot, 'samples');
    const files = fs.readdirSync(samples).filter((f) => f.endsWith('.readout'));
    assert.ok(files.length > 0);
    const outcomes = await Promise.all(
      files.flatMap((f, i) => {
        const file = path.join(samples, f);
        const job = i % 2 ? { path: file } : { bytes: new Uint8Array(fs.readFileSync(file)) };
        return [pool.analyze({ ...job, maxLength: 5 << 20, options })];
      }),
    );
    files.forEach((f, i) => {
      const text = fs.readFileSync(path.join(samples, f), 'utf8').replace(/^\uFEFF/, '');
      const analysis = analyze(text, compiled, { maxLength: 5 << 20 });
      const outcome = outcomes[i];
      assert.ok(outcome && !('missing' in outcome), f);
      assert.deepStrictEqual(outcome.findings, collectFindings(analysis, text, options, compiled.cueById), f);
      assert.deepStrictEqual(outcome.summary, summarizeAnalysis(i % 2 ? path.join(samples, f) : '', analysis, counterparts, text), f);
    });
  });

  it('says a file is missing, and never analyses a stale one', async () => {
    assert.deepStrictEqual(await pool.analyze({ path: path.join(dir, 'gone.readout'), maxLength: 1000, options }), { missing: true });
    const file = path.join(dir, 'a.readout');
    fs.writeFileSync(file, 'date 2024-01-01 The leaders will meet again.');
    let stale = false;
    const wanted = pool.analyze({ path: file, maxLength: 1000, options });
    const dropped = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(() => pool.analyze({ path: file, maxLength: 1000, options, isStale: () => stale }));
    stale = true;
    pool.prune();
    assert.ok(await wanted);
    // The first few were in a worker already; the rest were dropped unanalysed.
    const results = await Promise.all(dropped);
    assert.ok(results.some((r) => r === undefined));
    assert.strictEqual(pool.pending, 0);
  });

  it('runs its workers below the host thread\'s priority (Linux: a nice value of their own), the host unchanged', async function () {
    if (process.platform !== 'linux' || !fs.existsSync('/proc/thread-self')) this.skip();
    // The pool's workers are running after the tests above; a thread's nice value is field 19 of its stat line.
    const niceOf = (tid: string): number => Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[16]);
    const own = threadIdOf(fs.readlinkSync('/proc/thread-self'));
    assert.ok(own !== undefined);
    const niceValues = fs.readdirSync('/proc/self/task').map((tid) => [tid, niceOf(tid)] as const);
    assert.strictEqual(niceOf(String(own)), 0, 'the main thread keeps its priority');
    assert.ok(niceValues.some(([, n]) => n === BACKGROUND_NICE), `a worker thread at nice ${BACKGROUND_NICE}: ${JSON.stringify(niceValues)}`);
  });

  it('uses one worker fewer than the cores, one to two', () => {
    assert.deepStrictEqual([1, 2, 3, 8].map((n) => poolSize(n)), [1, 1, 2, 2]);
  });
});
