// The analysis worker (dist/analysisWorker.js, run in a real worker thread) and its client: after the first
// job a document's text goes to the worker as a patch of the text it had, and every result must be the
// Analysis analyze() gives for the document's current text, whatever was edited.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { CHUNK_ITEMS, ResultAssembler, TEXT_PART, applyPatch, splitForTransfer, textPatch } from '../../src/runtime/transfer';
import { AnalysisWorkerClient } from '../../src/runtime/workerClient';
import { repoRoot } from './helpers';
import { loadFixtures, type Fixtures } from './robustnessProperties';

describe('text patches for the analysis worker', () => {
  it('rebuild the new text from the old one, for any two texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.nat(), (before, piece, at) => {
        const i = at % (before.length + 1);
        for (const after of [piece, before.slice(0, i) + piece + before.slice(i), before.slice(0, i) + before.slice(i + piece.length)]) {
          const patch = textPatch(7, before, after);
          if (patch) assert.strictEqual(applyPatch(before, patch), after);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('carry only the edit for one keystroke in a large text', () => {
    const before = 'The leaders met. '.repeat(60_000);
    const after = `${before.slice(0, 500_000)}x${before.slice(500_000)}`;
    const patch = textPatch(1, before, after);
    assert.ok(patch);
    assert.deepStrictEqual({ ...patch, middle: patch.middle.length }, { base: 1, prefix: 500_000, suffix: before.length - 500_000, middle: 1 });
  });
});

describe('analysis transfer', () => {
  /** What the host rebuilds from the worker's messages. */
  const rebuild = (messages: ReturnType<typeof splitForTransfer>, text: string): unknown => {
    let assembler: ResultAssembler | undefined;
    for (const m of messages) {
      if (m.type === 'begin') assembler = new ResultAssembler(m, text);
      else if (m.type === 'chunk') assembler?.add(m);
    }
    return assembler?.finish();
  };

  it('gives back the same Analysis, even with an empty text that is not its slice', () => {
    const fx = loadFixtures(repoRoot);
    const seed = fs.readFileSync(path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8');
    const text = Array.from({ length: 30 }, () => seed).join('\n\n');
    const analysis = analyze(text, fx.compiled);
    assert.ok(analysis.entities.length > CHUNK_ITEMS);
    assert.deepStrictEqual(rebuild(splitForTransfer(1, analysis, 0, text), text), analysis);
    // An empty text where the offsets say otherwise: that array goes with its texts (an empty text would be
    // ambiguous), the others still without.
    const odd = structuredClone(analysis);
    odd.entities[5].text = '';
    odd.cues[0].text = '';
    const messages = splitForTransfer(2, odd, 0, text);
    const begin = messages[0];
    assert.ok(begin.type === 'begin' && !begin.sliced.includes('entities') && !begin.sliced.includes('cues') && begin.sliced.includes('readout.sentences'));
    assert.deepStrictEqual(rebuild(messages, text), odd);
  });
});

describe('the analysis worker', function () {
  this.timeout(60_000);
  const script = path.join(repoRoot, 'dist', 'analysisWorker.js');
  let fx: Fixtures;
  let client: AnalysisWorkerClient;
  before(function () {
    // Built by `npm run build` (npm test builds before the unit tests).
    if (!fs.existsSync(script)) this.skip();
    fx = loadFixtures(repoRoot);
    client = new AnalysisWorkerClient(script, (msg) => assert.fail(msg));
  });
  after(() => client?.dispose());

  it('gives the Analysis of the current text after each of a series of edits sent as patches', async () => {
    let text = fs.readFileSync(path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8');
    const edits: Array<(t: string) => string> = [
      (t) => `${t.slice(0, 200)}x${t.slice(200)}`,
      (t) => `${t.slice(0, 900)}\n\nThey agreed to meet again.\n\n${t.slice(900)}`,
      (t) => t.slice(0, 50) + t.slice(400),
      (t) => `He will visit Tokyo. ${t}`,
      (t) => `${t}\n\nThe two leaders reaffirmed their commitment.`,
      () => 'date 2024-01-02 A different readout altogether. They will meet in May.',
    ];
    for (const edit of [(t: string) => t, ...edits]) {
      text = edit(text);
      const result = await client.analyze('doc', text, 1 << 30, fx.compiled, () => false);
      assert.ok(result);
      assert.deepStrictEqual(result.analysis, analyze(text, fx.compiled));
    }
  });

  it('gives the same Analysis for a readout whose arrays come in many chunks, texts sliced on this side', async () => {
    const seed = fs.readFileSync(path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8');
    const body = seed.replace(/^date \S+\s*/, '');
    let text = `date 2023-05-19 ${Array.from({ length: 60 }, (_, i) => `${body}\n\n// note ${i}\n`).join('\n\n')}`;
    const full = analyze(text, fx.compiled);
    assert.ok(full.entities.length > 4 * CHUNK_ITEMS && full.readout.sentences.length > CHUNK_ITEMS, 'several chunks');
    const messages = splitForTransfer(1, full, 0, text);
    const chunkItems = messages.flatMap((m) => (m.type === 'chunk' ? (m.items as { text?: unknown }[]) : []));
    assert.ok(chunkItems.length > 0 && chunkItems.every((x) => x.text === '' || x.text === undefined), 'no text crosses in a chunk');
    assert.deepStrictEqual((await client.analyze('big', text, 1 << 30, fx.compiled, () => false))?.analysis, full);
    text = `${text.slice(0, 5000)}They agreed to meet again. ${text.slice(5000)}`;
    assert.deepStrictEqual((await client.analyze('big', text, 1 << 30, fx.compiled, () => false))?.analysis, analyze(text, fx.compiled));
  });

  it('takes a whole text longer than a part in several parts, and a stale job stops between them', async () => {
    const seed = fs.readFileSync(path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8');
    const text = Array.from({ length: Math.ceil((2.5 * TEXT_PART) / seed.length) }, () => seed).join('\n\n');
    assert.ok(text.length > 2 * TEXT_PART, 'three parts or more');
    let stale = false;
    const dropped = client.analyze('parts', `${text}x`, 1 << 30, fx.compiled, () => stale);
    stale = true;
    assert.strictEqual(await dropped, undefined, 'stale before its last part: no result');
    client.forget('parts');
    const result = await client.analyze('parts', text, 1 << 30, fx.compiled, () => false);
    assert.deepStrictEqual(result?.analysis, analyze(text, fx.compiled));
  });

  it('starts again from the whole text after the document was forgotten', async () => {
    const text = 'date 2024-01-02 The leaders agreed to cooperate.';
    client.forget('doc');
    const result = await client.analyze('doc', text, 1 << 30, fx.compiled, () => false);
    assert.deepStrictEqual(result?.analysis, analyze(text, fx.compiled));
  });
});
