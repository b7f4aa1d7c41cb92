// Blind evaluation: readouts written in our own words (test/fixtures/blind), labelled against the commitment
// policy alone before the engine or the lexicon was read (labelling decisions: test/fixtures/blind/DECISIONS.md).
// Prints precision/recall/F1 per file and overall, span-exact and lenient (same sentence + strength + overlap),
// and every miss with its sentence. A regression guard, not a target: it fails only when the overall lenient
// F1 drops below 0.80. Fixture problems (a sentence prefix or cue text that cannot be found) are printed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseReadout } from '../../src/core/readout';
import { findCues } from '../../src/core/commitments';
import type { Cue } from '../../src/core/types';
import { addCounts, formatPrf, prf, readExpected, scoreCues, type Counts, type ExpectedCue } from './cueScoring';
import { builtInMatcher } from './cueLexicon';
import { repoRoot } from './helpers';

const dir = path.join(repoRoot, 'test', 'fixtures', 'blind');
const LENIENT_F1_FLOOR = 0.8;

interface Miss {
  kind: 'FN' | 'FP';
  cue: string;
  sentence: string;
}

const label = (text: string, strength: string, negated: boolean): string =>
  `"${text}" ${strength}${negated ? ' negated' : ''}`;

/**
 * The misses behind scoreCues' counts, each with its whole sentence, under both criteria.
 * Same matching as cueScoring.ts (first open expectation wins, in the engine's cue order).
 */
function listMisses(text: string, expected: ExpectedCue[]): { exact: Miss[]; lenient: Miss[] } {
  const readout = parseReadout(text);
  const cues: Cue[] = findCues(text, readout, builtInMatcher());
  const sentenceText = (i: number): string => readout.sentences[i].text.replace(/\s+/g, ' ').trim();
  const located = expected.map((g) => {
    const sentences = readout.sentences.filter((s) => s.text.startsWith(g.sentence));
    const ranges: [number, number][] = [];
    for (const s of sentences) {
      const hay = s.text.toLowerCase();
      const n = g.text.toLowerCase();
      for (let i = hay.indexOf(n); n.length > 0 && i >= 0; i = hay.indexOf(n, i + 1)) ranges.push([s.start + i, s.start + i + n.length]);
    }
    return { g, sentences: sentences.map((s) => s.index), ranges };
  });
  const fnSentence = (l: (typeof located)[number]): string =>
    l.sentences.length > 0 ? sentenceText(l.sentences[0]) : `${l.g.sentence}… (sentence not found)`;

  const exactOpen = [...located];
  const exact: Miss[] = [];
  for (const cue of cues) {
    const st = readout.sentences[cue.sentence].text;
    const idx = exactOpen.findIndex(
      ({ g }) => st.startsWith(g.sentence) && g.text === cue.text && g.strength === cue.strength && g.negated === cue.negated,
    );
    if (idx >= 0) exactOpen.splice(idx, 1);
    else exact.push({ kind: 'FP', cue: label(cue.text, cue.strength, cue.negated), sentence: sentenceText(cue.sentence) });
  }
  for (const l of exactOpen) exact.push({ kind: 'FN', cue: label(l.g.text, l.g.strength, l.g.negated), sentence: fnSentence(l) });

  const lenientOpen = [...located];
  const lenient: Miss[] = [];
  for (const cue of cues) {
    const idx = lenientOpen.findIndex(
      ({ g, sentences, ranges }) =>
        sentences.includes(cue.sentence) && g.strength === cue.strength && ranges.some(([s, e]) => s < cue.end && cue.start < e),
    );
    if (idx >= 0) lenientOpen.splice(idx, 1);
    else lenient.push({ kind: 'FP', cue: label(cue.text, cue.strength, cue.negated), sentence: sentenceText(cue.sentence) });
  }
  for (const l of lenientOpen) lenient.push({ kind: 'FN', cue: label(l.g.text, l.g.strength, l.g.negated), sentence: fnSentence(l) });
  return { exact, lenient };
}

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
      const misses = listMisses(text, expected);
      for (const [criterion, list] of [['exact', misses.exact], ['lenient', misses.lenient]] as const) {
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
