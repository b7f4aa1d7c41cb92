// The subject of a verb in a cue sentence: a noun phrase, a coordinated predicate ("and agreed") or none.
import type { Token } from './tokens';
import { isAdverb, type CueWords } from './words';

export interface Subject {
  kind: 'np' | 'coordinated' | 'none';
  /** Token range of the noun phrase [start, end). */
  start: number;
  end: number;
}

/** The subject of the verb at token `v`: a noun phrase, a coordinated predicate ("and agreed"), or none. */
export function findSubject(W: CueWords, tokens: Token[], v: number): Subject {
  let j = v - 1;
  while (j >= 0 && !tokens[j + 1].punctBefore && (isAdverb(W, tokens[j].lower) || W.auxiliaries.has(tokens[j].lower) || W.doAuxiliaries.has(tokens[j].lower))) j--;
  if (j < 0 || tokens[j + 1].punctBefore) return { kind: 'none', start: v, end: v };
  const w = tokens[j].lower;
  if (W.coordinators.has(w)) return { kind: 'coordinated', start: v, end: v };
  const end = j + 1;
  let count = 0;
  while (j >= 0 && count < 12) {
    const t = tokens[j];
    if (W.subjectStops.has(t.lower)) break;
    if (t.lower === 'and') {
      const prev = tokens[j - 1];
      // "Joe Biden and Fumio Kishida" is one subject; "Ukraine and the Prime Minister" is not.
      if (j - 1 >= 0 && prev.capitalized && !t.punctBefore && j + 1 < end && tokens[j + 1].capitalized) {
        j--;
        continue;
      }
      break;
    }
    if (!t.capitalized && t.lower.length > 3 && t.lower.endsWith('ed') && j + 1 < end) break;
    count++;
    if (t.punctBefore) {
      j--;
      break;
    }
    j--;
  }
  const start = j + 1;
  if (start >= end) return { kind: 'none', start: v, end: v };
  return { kind: 'np', start, end };
}

export function headOf(W: CueWords, tokens: Token[], subject: Subject): Token {
  let h = subject.end - 1;
  for (let k = subject.start + 1; k < subject.end; k++) {
    if (W.prepositions.has(tokens[k].lower)) {
      h = k - 1;
      break;
    }
  }
  return tokens[h];
}
