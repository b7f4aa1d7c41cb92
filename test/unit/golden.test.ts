// Compares the engine's cues with the hand-written golden files and prints precision/recall/F1 per readout.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { prf, readExpected, scoreCues, type CueScore, type ExpectedCue, type Prf } from './cueScoring';
import { corpusAvailable, corpusDir, readRepoFile, repoRoot } from './helpers';

function goldenFor(base: string): ExpectedCue[] {
  return readExpected(path.join(repoRoot, 'test', 'fixtures', 'golden', `${base}.cues.json`));
}

/** Scores the engine against the golden list: a cue counts when sentence, text, strength and negation agree. */
function score(text: string, golden: ExpectedCue[]): CueScore & Prf {
  const s = scoreCues(text, golden);
  return { ...s, ...prf(s.exact) };
}

function report(base: string, s: ReturnType<typeof score>): void {
  console.log(`      ${base}: P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)}`);
  for (const m of s.missed) console.log(`        missed: ${m}`);
  for (const e of s.extra) console.log(`        extra:  ${e}`);
}

describe('golden cues', () => {
  it('seed readout matches its golden file', () => {
    const s = score(readRepoFile('samples/kishida-biden-2023-05-19.readout'), goldenFor('kishida-biden-2023-05-19'));
    report('kishida-biden-2023-05-19', s);
    assert.ok(s.f1 >= 0.95, `F1 ${s.f1.toFixed(3)} below 0.95`);
  });

  const files = corpusAvailable() ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (!corpusAvailable()) {
    it('corpus readouts (skipped: ../shared/samples/corpus is absent)', function () {
      this.skip();
    });
  }
  for (const file of files) {
    const base = file.replace(/\.txt$/, '');
    it(`corpus ${base} matches its golden file`, function () {
      if (!fs.existsSync(path.join(repoRoot, 'test', 'fixtures', 'golden', `${base}.cues.json`))) this.skip();
      const s = score(fs.readFileSync(path.join(corpusDir, file), 'utf8'), goldenFor(base));
      report(base, s);
      assert.ok(s.f1 >= 0.9, `F1 ${s.f1.toFixed(3)} below 0.9`);
    });
  }
});
