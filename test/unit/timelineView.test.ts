// What the timeline and Tracked Wording views are built from: the workspace pool's phrase search (in real
// worker threads) gives the uses the core finds in the same text, and the timeline page
// has a table row per period with the core's counts, one focusable point per period and strength, under a strict CSP.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { counterpartIndex } from '../../src/core/corpus/counterparts';
import { summarizeAnalysis, type ReadoutSummary } from '../../src/core/corpus/summary';
import { timeline } from '../../src/core/corpus/timeline';
import { PhraseTracker, trackPhrase, wordingOf } from '../../src/core/corpus/track';
import { analyze } from '../../src/core/pipeline/analyze';
import { parseHeader } from '../../src/core/readout/header';
import { renderTimelineHtml } from '../../src/extension/timelineHtml';
import { WorkspacePool } from '../../src/runtime/workspacePool';
import { compiledBuiltins, repoRoot } from './helpers';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'timeline');
const PHRASE = 'peace and stability across the Meridian Strait';
const files = (): string[] =>
  fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.readout'))
    .map((f) => path.join(FIXTURES, f));

function coreSummaries(): ReadoutSummary[] {
  const compiled = compiledBuiltins();
  const index = counterpartIndex(compiled.lexicon.entities);
  return files().map((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return summarizeAnalysis(f, analyze(text, compiled), index, text);
  });
}

describe('the workspace pool searches files for a phrase', function () {
  this.timeout(60_000);
  const script = path.join(repoRoot, 'dist', 'workspaceWorker.js');
  let pool: WorkspacePool;
  before(function () {
    if (!fs.existsSync(script)) this.skip();
    pool = new WorkspacePool(script, (msg) => assert.fail(msg), 2);
    pool.setLexicon(compiledBuiltins());
  });
  after(() => pool?.dispose());

  it('gives the uses the core finds in the same text, read by path or given as bytes, and says a file is missing', async () => {
    const outcomes = await Promise.all(files().map((f, i) => pool.track({ ...(i % 2 ? { path: f } : { bytes: new Uint8Array(fs.readFileSync(f)) }), name: f, maxLength: 5 << 20, phrase: PHRASE })));
    const tracker = new PhraseTracker(PHRASE);
    files().forEach((f, i) => {
      const outcome = outcomes[i];
      assert.ok(outcome && 'uses' in outcome, f);
      assert.strictEqual(outcome.uses.occurrences.length, 1, f);
      const text = fs.readFileSync(f, 'utf8');
      const { header, bodyStart } = parseHeader(text, []);
      assert.deepStrictEqual(outcome.uses, tracker.search({ path: f, text, date: header.date, government: header.government, spans: [{ start: bodyStart, end: text.length }] }), f);
    });
    assert.deepStrictEqual(await pool.track({ path: path.join(FIXTURES, 'gone.readout'), name: 'gone', maxLength: 100, phrase: PHRASE }), { missing: true });
  });

  it('searches only the text up to the size limit', async () => {
    const f = files()[0];
    const text = fs.readFileSync(f, 'utf8');
    const outcome = await pool.track({ path: f, name: f, maxLength: text.indexOf('PEACE AND'), phrase: PHRASE });
    assert.ok(outcome && 'uses' in outcome);
    assert.deepStrictEqual(outcome.uses.occurrences, []);
  });
});

describe('tracked wording', () => {
  it('finds the uses across a line break and case, and marks the near variants', () => {
    const docs = files().map((f) => {
      const text = fs.readFileSync(f, 'utf8');
      const { header, bodyStart } = parseHeader(text, []);
      return { path: path.basename(f), text, date: header.date, government: header.government, spans: [{ start: bodyStart, end: text.length }] };
    });
    const r = trackPhrase(PHRASE, docs);
    assert.deepStrictEqual(
      r.occurrences.map((o) => [o.date, o.variant]),
      [['2023-02-10', false], ['2023-08-22', false], ['2024-05-03', false], ['2024-11-18', true], ['2025-03-27', true]],
    );
    assert.ok(r.occurrences[1].text.includes('\n'), 'across a line break');
    assert.deepStrictEqual(r.byGovernment.Estmark, { exact: 1, variant: 1, readouts: 2 });
    assert.deepStrictEqual(r.first, { path: 'norland-estmark-2023-02-10.readout', date: '2023-02-10' });
    // The view groups the uses by their wording with the same key the variants rows carry.
    for (const row of r.variants.filter((v) => v.variant)) assert.strictEqual(r.occurrences.filter((o) => o.variant && wordingOf(o.text) === row.wording).length, row.count, row.wording);
    assert.deepStrictEqual(r.variants.map((v) => [v.wording, v.count]), [[PHRASE.toLowerCase(), 3], ['peace and stability in the meridian strait', 1], ['peace and stability in the meridian straits', 1]]);
  });
});

describe('the timeline page', () => {
  const page = (points: ReturnType<typeof timeline>, subject = 'Topic: Energy'): string =>
    renderTimelineHtml({ subject, period: 'quarter', points, readouts: 5, cspSource: 'vscode-resource:', nonce: 'N0NCE', css: 'vscode-resource:/timeline.css', script: 'vscode-resource:/timeline.js' });

  it('has a table row per period with the core counts and a focusable point per period and strength', () => {
    const points = timeline(coreSummaries(), 'quarter', { kind: 'topic', topic: 'energy-climate' });
    assert.ok(points.length >= 5 && points.some((p) => p.firm + p.hedged === 0), 'empty quarters are listed');
    const html = page(points);
    const rows = [...html.matchAll(/<tr data-period="([^"]+)">.*?<td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g)].map((m) => [m[1], Number(m[2]), Number(m[3]), Number(m[4])]);
    assert.deepStrictEqual(rows, points.map((p) => [p.period, p.readouts, p.firm, p.hedged]));
    assert.match(html, /<caption>Firm and hedged statements per quarter: Topic: Energy<\/caption>/);
    assert.strictEqual([...html.matchAll(/<circle class="point (firm|hedged)"[^>]*tabindex="0"/g)].length, points.length * 2);
  });

  it('allows only its own script and style, and escapes what the corpus says', () => {
    const html = page(timeline(coreSummaries(), 'year'), '“<script>alert(1)</script>”');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.strictEqual(csp, "default-src 'none'; style-src vscode-resource:; script-src 'nonce-N0NCE'; img-src vscode-resource:;");
    assert.deepStrictEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script nonce="N0NCE" src="vscode-resource:/timeline.js">']);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/, 'no inline style or handler');
  });
});
