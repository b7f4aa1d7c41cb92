// Blind evaluation: readouts written in our own words (test/fixtures/blind), labelled against the commitment
// policy alone before the engine or the lexicon was read (labelling decisions: test/fixtures/blind/DECISIONS.md).
// Prints precision/recall/F1 per file and overall, span-exact and lenient (same sentence + strength + overlap),
// and every miss with its sentence. A regression guard, not a target: it fails only when the overall lenient
// F1 drops below 0.80. Fixture problems (a sentence prefix or cue text that cannot be found) are printed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { addCounts, formatPrf, prf, readExpected, scoreCues, type Counts } from './cueScoring';
import { repoRoot } from './helpers';

const dir = path.join(repoRoot, 'test', 'fixtures', 'blind');
const LENIENT_F1_FLOOR = 0.8;

describe('blind cues (evaluation report)', () => {
  const bases = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith('.readout')).sort().map((f) => f.replace(/\.readout$/, ''))
    : [];
  const problems: string[] = [];
  let exact: Counts = { tp: 0, found: 0, expected: 0 };
  let lenient: Counts = { tp: 0, found: 0, expected: 0 };

  for (const base of bases) {
    it(`scores ${base}`, () => {
      const expectedFile = path.join(dir, `${base}.cues.json`);
      assert.ok(fs.existsSync(expectedFile), `${base}.readout has no ${base}.cues.json`);
      const text = fs.readFileSync(path.join(dir, `${base}.readout`), 'utf8');
      const expected = readExpected(expectedFile);
      const s = scoreCues(text, expected);
      exact = addCounts(exact, s.exact);
      lenient = addCounts(lenient, s.lenient);
      console.log(`      ${base}`);
      console.log(`        ${formatPrf('exact  ', s.exact)}`);
      console.log(`        ${formatPrf('lenient', s.lenient)}`);
      for (const [criterion, list] of [['exact', s.misses.exact], ['lenient', s.misses.lenient]] as const) {
        for (const m of list) console.log(`        ${criterion} ${m.kind}: ${m.cue} | ${m.sentence}`);
      }
      for (const p of s.problems) {
        problems.push(`${base}: ${p}`);
        console.log(`        FIXTURE PROBLEM: ${p}`);
      }
    });
  }

  it(`overall lenient F1 stays at or above ${LENIENT_F1_FLOOR}`, () => {
    assert.ok(bases.length > 0, 'no blind readouts found');
    console.log(`      overall over ${bases.length} readouts`);
    console.log(`        ${formatPrf('exact  ', exact)}`);
    console.log(`        ${formatPrf('lenient', lenient)}`);
    if (problems.length > 0) console.log(`        fixture problems (scores understate the engine): ${problems.length}`);
    const f1 = prf(lenient).f1;
    assert.ok(f1 >= LENIENT_F1_FLOOR, `overall lenient F1 ${f1.toFixed(3)} below ${LENIENT_F1_FLOOR}`);
  });
});
