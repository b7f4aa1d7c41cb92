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
  if (j < 0 || tokens[j + 1].punctBefore) {
    // "Both remain committed to": a party word skipped as a modifier opens the clause, so it is the subject.
    const first = j + 1;
    if (first < v && W.partyNouns.has(tokens[first].lower) && !W.auxiliaries.has(tokens[first].lower)) return { kind: 'np', start: first, end: first + 1 };
    return { kind: 'none', start: v, end: v };
  }
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
      if (j - 1 >= 0 && prev.capitalized && !t.punctBefore && j + 1 < end && tokens[j + 1].capitalized && !(end - j > 2 && afterPlacePreposition(W, tokens, j))) {
        j--;
        continue;
      }
      // "cooperation between the United States and the Nordic countries": the pair is the preposition's object.
      if (afterPairPreposition(W, tokens, j)) {
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

/**
 * "the release of hostages from Gaza and President el-Sisi expressed": the names before the "and" at `and` are the
 * object of a preposition (not "of", which continues a name: "the Presidents of Finland and Norway"), so the names
 * after it, a title and a name, open a subject of their own. A single name there ends the preposition's object
 * ("partnerships with Egypt and Jordan remain crucial"); the caller asks only for two words or more.
 */
function afterPlacePreposition(W: CueWords, tokens: Token[], and: number): boolean {
  let k = and - 1;
  while (k > 0 && tokens[k].capitalized && !tokens[k].punctBefore) k--;
  if (k < 0 || tokens[k].capitalized || tokens[k + 1].punctBefore) return false;
  const w = tokens[k].lower;
  return W.prepositions.has(w) && !W.pairPrepositions.has(w) && w !== 'of';
}

/** A pair preposition ("between") opens the phrase that the "and" at `and` continues, with no clause break between. */
function afterPairPreposition(W: CueWords, tokens: Token[], and: number): boolean {
  for (let k = and - 1; k >= 0 && k >= and - PAIR_REACH; k--) {
    if (tokens[k + 1].punctBefore || W.subjectStops.has(tokens[k].lower)) return false;
    if (W.pairPrepositions.has(tokens[k].lower)) return true;
  }
  return false;
}

/** How far before its "and" a pair preposition is looked for ("between the two governments and …"). */
const PAIR_REACH = 6;

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
