// Topic words: word atoms (letters and digits) joined by inner dots and apostrophes ("U.S.", "Japan's"), and
// the forms a text word and a lexicon word meet on. The lexicon's terms and the text are read the same way.
import type { SpanScan } from '../text/scan';
import { StageScan, TOPIC_WORD, scanStage } from '../text/stageScan';

/** Folds plural and possessive endings so that lexicon words and text words meet on one key. */
/** A word written with a capital and then lower case ("Alliance"), made once: a regex literal is a new object each time it is evaluated. */
export const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;

export function foldWord(word: string): string {
  let w = word.toLowerCase().replace(/\./g, '');
  w = w.replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The surface form with dots and possessive removed (case kept), for keywords written in capitals. */
export function surfaceOf(word: string): string {
  return word.replace(/\./g, '').replace(/['’]s$/, '');
}

function isTopicJoiner(c: number): boolean {
  return c === 46 || c === 39 || c === 0x2019;
}

/**
 * The atom after the topic word that starts at word atom `k`: the word goes on over a joiner (. ' ’) written
 * between two word atoms with no space. Hyphens split words, so "Japan-US" is two words, in phrases as in text.
 */
export function topicWordEnd(atoms: SpanScan, k: number): number {
  const { start, end, word, unit } = atoms;
  const n = atoms.count;
  let e = end[k];
  k++;
  while (k + 1 < n && word[k] !== 1 && start[k] === e && isTopicJoiner(unit[k]) && word[k + 1] === 1 && start[k + 1] === e + 1) {
    e = end[k + 1];
    k += 2;
  }
  return k;
}

/** One word of a lexicon term. */
export interface TermWord {
  folded: string;
  surface: string;
}

const termAtoms = new StageScan();

/** The topic words of a lexicon keyword or phrase, read as the text's words are. */
export function termWords(raw: string): TermWord[] {
  scanStage(raw, 0, raw.length, TOPIC_WORD, termAtoms, false);
  const out: TermWord[] = [];
  for (let k = 0; k < termAtoms.count; ) {
    if (termAtoms.word[k] !== 1) {
      k++;
      continue;
    }
    const next = topicWordEnd(termAtoms, k);
    const word = raw.slice(termAtoms.start[k], termAtoms.end[next - 1]);
    out.push({ folded: foldWord(word), surface: surfaceOf(word) });
    k = next;
  }
  return out;
}
