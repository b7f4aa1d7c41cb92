// Held-out evaluation: readouts written in our own words (test/fixtures/heldout), never used to develop the engine.
// Prints precision/recall/F1 per file and overall, span-exact and lenient (same sentence + strength + overlap).
// A regression guard, not a target: it fails only when the overall lenient F1 drops below 0.85.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { addCounts, formatPrf, prf, readExpected, scoreCues, type Counts } from './cueScoring';
import { repoRoot } from './helpers';

const dir = path.join(repoRoot, 'test', 'fixtures', 'heldout');
const LENIENT_F1_FLOOR = 0.85;

describe('held-out cues (evaluation report)', () => {
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
      const s = scoreCues(fs.readFileSync(path.join(dir, `${base}.readout`), 'utf8'), readExpected(expectedFile));
      exact = addCounts(exact, s.exact);
      lenient = addCounts(lenient, s.lenient);
      console.log(`      ${base}`);
      console.log(`        ${formatPrf('exact  ', s.exact)}`);
      console.log(`        ${formatPrf('lenient', s.lenient)}`);
      for (const m of s.missed) console.log(`        missed: ${m}`);
      for (const e of s.extra) console.log(`        extra:  ${e}`);
      for (const p of s.problems) problems.push(`${base}: ${p}`);
    });
  }

  it('expectation files name sentences and cue texts that exist', () => {
    // A typo in a fixture would read as an engine miss; this keeps the data honest.
    assert.deepStrictEqual(problems, []);
  });

  it(`overall lenient F1 stays at or above ${LENIENT_F1_FLOOR}`, () => {
    assert.ok(bases.length > 0, 'no held-out readouts found');
    console.log(`      overall over ${bases.length} readouts`);
    console.log(`        ${formatPrf('exact  ', exact)}`);
    console.log(`        ${formatPrf('lenient', lenient)}`);
    const f1 = prf(lenient).f1;
    assert.ok(f1 >= LENIENT_F1_FLOOR, `overall lenient F1 ${f1.toFixed(3)} below ${LENIENT_F1_FLOOR}`);
  });
});
