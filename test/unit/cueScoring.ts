// Scores the engine's cues against hand-written expectations (test/fixtures/*/…cues.json): the one matcher
// behind the golden, held-out and blind evaluations.
import * as fs from 'fs';
import { findCues } from '../../src/core/cues';
import type { Cue, ParsedReadout } from '../../src/core/types';
import { builtInMatcher } from './cueLexicon';
import { parseReadout } from './helpers';

/** One expected cue: `sentence` is a prefix of the cue's sentence, `text` the cue exactly as it appears. */
export interface ExpectedCue {
  sentence: string;
  text: string;
  strength: string;
  negated: boolean;
}

export interface Counts {
  tp: number;
  /** Cues the engine found. */
  found: number;
  /** Cues expected. */
  expected: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** A cue the engine found and no expectation matched (FP), or an expectation it missed (FN), with its sentence. */
export interface Miss {
  kind: 'FN' | 'FP';
  cue: string;
  sentence: string;
}

export interface CueScore {
  /** Span-exact: sentence, cue text, strength and negation all agree (the golden files' criterion). */
  exact: Counts;
  /** Lenient: same sentence, same strength, and the engine's span overlaps the expected text. */
  lenient: Counts;
  missed: string[];
  extra: string[];
  /** Every miss under each criterion, with the whole sentence, for reports that list them. */
  misses: { exact: Miss[]; lenient: Miss[] };
  /** Expectations whose sentence prefix or cue text cannot be found: a broken fixture, not an engine miss. */
  problems: string[];
}

export function prf(c: Counts): Prf {
  const precision = c.found === 0 ? 1 : c.tp / c.found;
  const recall = c.expected === 0 ? 1 : c.tp / c.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, found: a.found + b.found, expected: a.expected + b.expected };
}

export function readExpected(file: string): ExpectedCue[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { cues: ExpectedCue[] }).cues;
}

const label = (text: string, strength: string, negated: boolean): string => `"${text}" ${strength}${negated ? ' negated' : ''}`;

function describeExpected(g: ExpectedCue): string {
  return `${g.sentence} | ${label(g.text, g.strength, g.negated)}`;
}

/** Absolute [start, end) ranges of every case-insensitive occurrence of `needle` in the sentence. */
function occurrences(text: string, sentenceStart: number, sentenceText: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle.length === 0) return out;
  const hay = sentenceText.toLowerCase();
  const n = needle.toLowerCase();
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + 1)) out.push([sentenceStart + i, sentenceStart + i + n.length]);
  return out;
}

/** Runs the engine on `text` and scores its cues against `expected`, one-to-one, in document order. */
export function scoreCues(text: string, expected: ExpectedCue[]): CueScore {
  const readout: ParsedReadout = parseReadout(text);
  const cues: Cue[] = findCues(text, readout, builtInMatcher());
  const sentenceOf = (c: Cue): { start: number; text: string } => readout.sentences[c.sentence];
  const flat = (i: number): string => readout.sentences[i].text.replace(/\s+/g, ' ').trim();

  // Expected cues located once: the sentences their prefix names and the ranges their text occupies there.
  const problems: string[] = [];
  const located = expected.map((g) => {
    const sentences = readout.sentences.filter((s) => s.text.startsWith(g.sentence)).map((s) => s.index);
    const ranges = readout.sentences
      .filter((s) => sentences.includes(s.index))
      .flatMap((s) => occurrences(text, s.start, s.text, g.text));
    if (sentences.length === 0) problems.push(`no sentence starts with "${g.sentence}"`);
    else if (ranges.length === 0) problems.push(`"${g.text}" does not occur in the sentence "${g.sentence}…"`);
    return { g, sentences, ranges };
  });

  const fnMiss = ({ g, sentences }: (typeof located)[number]): Miss => ({
    kind: 'FN',
    cue: label(g.text, g.strength, g.negated),
    sentence: sentences.length > 0 ? flat(sentences[0]) : `${g.sentence}… (sentence not found)`,
  });
  const fpMiss = (cue: Cue): Miss => ({ kind: 'FP', cue: label(cue.text, cue.strength, cue.negated), sentence: flat(cue.sentence) });

  // Exact (the golden criterion).
  const open = [...located];
  const extra: string[] = [];
  const exactMisses: Miss[] = [];
  for (const cue of cues) {
    const st = sentenceOf(cue).text;
    const idx = open.findIndex(
      ({ g }) => st.startsWith(g.sentence) && g.text === cue.text && g.strength === cue.strength && g.negated === cue.negated,
    );
    if (idx >= 0) open.splice(idx, 1);
    else {
      extra.push(`${st.slice(0, 48)} | ${label(cue.text, cue.strength, cue.negated)}`);
      exactMisses.push(fpMiss(cue));
    }
  }
  const exact: Counts = { tp: cues.length - extra.length, found: cues.length, expected: expected.length };
  const missed = open.map(({ g }) => describeExpected(g));
  exactMisses.push(...open.map(fnMiss));

  // Lenient: same sentence, same strength, overlapping span; negation and span length may differ.
  const lenientOpen = [...located];
  const lenientMisses: Miss[] = [];
  let lenientTp = 0;
  for (const cue of cues) {
    const idx = lenientOpen.findIndex(
      ({ g, sentences, ranges }) =>
        sentences.includes(cue.sentence) && g.strength === cue.strength && ranges.some(([s, e]) => s < cue.end && cue.start < e),
    );
    if (idx >= 0) {
      lenientOpen.splice(idx, 1);
      lenientTp++;
    } else lenientMisses.push(fpMiss(cue));
  }
  lenientMisses.push(...lenientOpen.map(fnMiss));
  const lenient: Counts = { tp: lenientTp, found: cues.length, expected: expected.length };
  return { exact, lenient, missed, extra, misses: { exact: exactMisses, lenient: lenientMisses }, problems };
}

export function formatPrf(label: string, c: Counts): string {
  const s = prf(c);
  return `${label} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)} (tp ${c.tp}, found ${c.found}, expected ${c.expected})`;
}
