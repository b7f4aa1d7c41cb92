// `readout-lens corpus` and `track` as a user runs them (the built dist/cli.js): the JSON shapes the issue
// gives, csv and markdown, --from-ndjson giving what analysing gives, and the worker pool what one thread gives.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot, sharedRoot } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const whDir = path.join(sharedRoot, 'samples', 'wh-readouts');
const folders = [path.join(repoRoot, 'samples'), path.join(repoRoot, 'test', 'fixtures', 'workspace')];

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('readout-lens corpus and track', () => {
  before(function () {
    if (!fs.existsSync(cli)) this.skip();
  });

  it('corpus writes { version, readouts, timeline } with the issue\'s keys', () => {
    const r = run(['corpus', '--by', 'quarter', ...folders]);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(out), ['version', 'readouts', 'timeline']);
    assert.strictEqual(out.version, 1);
    assert.strictEqual(out.readouts.length, 3);
    for (const x of out.readouts) assert.deepStrictEqual(Object.keys(x), ['path', 'date', 'title', 'counterparts', 'firm', 'hedged', 'topics']);
    const seed = out.readouts.find((x: { path: string }) => x.path.startsWith('samples/'));
    assert.ok(seed.counterparts.includes('United States'), JSON.stringify(seed.counterparts));
    assert.deepStrictEqual(Object.keys(out.timeline[0]), ['period', 'readouts', 'firm', 'hedged']);
    assert.strictEqual(out.timeline[0].period, '2023-Q2');
    assert.strictEqual(out.timeline.at(-1).period, '2024-Q1');
    assert.strictEqual(out.timeline.length, 4, 'empty quarters are listed');
  });

  it('--topic keeps the readouts on the topic; csv and markdown', () => {
    const json = JSON.parse(run(['corpus', '--topic', 'taiwan', ...folders]).stdout);
    assert.deepStrictEqual(json.readouts.map((x: { path: string }) => x.path), ['samples/kishida-biden-2023-05-19.readout']);
    const csv = run(['corpus', '--format', 'csv', ...folders]);
    assert.strictEqual(csv.code, 0, csv.stderr);
    assert.strictEqual(csv.stdout.split('\n')[0], 'path,date,period,title,counterparts,firm,hedged,main_topics,topics');
    const md = run(['corpus', '--format', 'markdown', ...folders]);
    assert.match(md.stdout, /^# Corpus: 3 readouts/);
    assert.match(md.stdout, /## By counterpart/);
    assert.strictEqual(run(['corpus', '--topic', 'nonsense', ...folders]).code, 2);
    assert.strictEqual(run(['corpus']).code, 2);
  });

  it('--from-ndjson (file or stdin) gives what analysing the folders gives', () => {
    const direct = run(['corpus', ...folders]);
    const ndjson = run(['analyze', '--format', 'ndjson', ...folders]);
    assert.strictEqual(ndjson.code, 0, ndjson.stderr);
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rl-corpus-')), 'map.ndjson');
    fs.writeFileSync(tmp, ndjson.stdout);
    assert.strictEqual(run(['corpus', '--from-ndjson', tmp]).stdout, direct.stdout);
    assert.strictEqual(run(['corpus', '--from-ndjson', '-'], ndjson.stdout).stdout, direct.stdout);
    const bad = run(['corpus', '--from-ndjson', '-'], 'not json\n');
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /-:1: not a JSON line/);
  });

  it('track writes { version, phrase, occurrences, byYear }; csv and markdown', () => {
    const r = run(['track', 'Taiwan Strait', ...folders]);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(out), ['version', 'phrase', 'occurrences', 'byYear']);
    assert.strictEqual(out.phrase, 'Taiwan Strait');
    assert.ok(out.occurrences.length >= 1);
    const text = fs.readFileSync(path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8');
    for (const o of out.occurrences) {
      assert.deepStrictEqual(Object.keys(o), ['path', 'date', 'start', 'end', 'text', 'variant']);
      assert.strictEqual(text.slice(o.start, o.end), o.text);
    }
    assert.deepStrictEqual(Object.keys(out.byYear), ['2023']);
    assert.strictEqual(run(['track', 'Taiwan Strait', '--format', 'csv', ...folders]).stdout.split('\n')[0], 'path,date,start,end,text,variant');
    assert.match(run(['track', 'Taiwan Strait', '--format', 'markdown', ...folders]).stdout, /## Wordings/);
    assert.strictEqual(run(['track']).code, 2);
    assert.strictEqual(run(['track', '--', '...', ...folders]).code, 2);
  });

  describe('on the White House readouts (../shared/samples/wh-readouts)', () => {
    let files: string[] = [];
    before(function () {
      if (!fs.existsSync(whDir)) {
        console.log('    (skipped: ../shared/samples/wh-readouts is absent)');
        this.skip();
      }
      files = fs
        .readdirSync(whDir)
        .filter((f) => f.endsWith('.readout'))
        .sort()
        .map((f) => path.join(whDir, f));
    });

    it('the worker pool gives what one thread gives (80 readouts)', function () {
      this.timeout(120_000);
      const some = files.slice(0, 80);
      const pool = run(['corpus', '--jobs', '2', '--stats', ...some]);
      const one = run(['corpus', '--jobs', '1', '--stats', ...some]);
      assert.strictEqual(pool.code, 0, pool.stderr);
      assert.match(pool.stderr, /2 worker threads/);
      assert.strictEqual(pool.stdout, one.stdout);
      console.log(`    ${pool.stderr.trim().split('\n').at(-1)}\n    ${one.stderr.trim().split('\n').at(-1)}`);
    });

    it('tracks "peace and stability across the Taiwan Strait" over the whole folder', function () {
      this.timeout(60_000);
      const r = run(['track', 'peace and stability across the Taiwan Strait', '--stats', whDir]);
      assert.strictEqual(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      const exact = out.occurrences.filter((o: { variant: boolean }) => !o.variant).length;
      console.log(`    ${r.stderr.trim().split('\n').at(-1)}; ${exact} exact; by year ${JSON.stringify(out.byYear)}`);
      assert.ok(exact >= 20);
      assert.ok(out.occurrences.some((o: { variant: boolean }) => o.variant));
      assert.ok(Object.keys(out.byYear).length >= 4);
    });
  });
});
