// Compares the engine's cues with the hand-written golden files and prints precision/recall/F1 per readout.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseReadout } from '../../src/core/readout';
import { findCues } from '../../src/core/commitments';
import type { Cue, ParsedReadout } from '../../src/core/types';
import { builtInMatcher } from './cueLexicon';
import { corpusAvailable, corpusDir, readRepoFile, repoRoot } from './helpers';

interface GoldenCue {
  sentence: string;
  text: string;
  strength: string;
  negated: boolean;
}

/** Scores the engine against the golden list: a cue counts when sentence, text, strength and negation agree. */
function score(text: string, golden: GoldenCue[]): { precision: number; recall: number; f1: number; missed: string[]; extra: string[] } {
  const readout: ParsedReadout = parseReadout(text);
  const cues: Cue[] = findCues(text, readout, builtInMatcher());
  const remaining = [...golden];
  const extra: string[] = [];
  for (const cue of cues) {
    const sentenceText = readout.sentences[cue.sentence].text;
    const idx = remaining.findIndex(
      (g) => sentenceText.startsWith(g.sentence) && g.text === cue.text && g.strength === cue.strength && g.negated === cue.negated,
    );
    if (idx >= 0) remaining.splice(idx, 1);
    else extra.push(`${sentenceText.slice(0, 40)} | "${cue.text}" ${cue.strength}${cue.negated ? ' negated' : ''}`);
  }
  const tp = cues.length - extra.length;
  const precision = cues.length === 0 ? 1 : tp / cues.length;
  const recall = golden.length === 0 ? 1 : tp / golden.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const missed = remaining.map((g) => `${g.sentence} | "${g.text}" ${g.strength}${g.negated ? ' negated' : ''}`);
  return { precision, recall, f1, missed, extra };
}

function goldenFor(base: string): GoldenCue[] {
  const raw = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'golden', `${base}.cues.json`), 'utf8')) as { cues: GoldenCue[] };
  return raw.cues;
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
