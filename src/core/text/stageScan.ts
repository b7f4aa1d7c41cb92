// The shared scan read with one stage's word characters, for the spans scanSpan leaves not simple (and for a
// lexicon's own terms): the same atoms, word runs and single other characters, so a stage reads atoms only.
import { CLASS_LN, CLASS_M, Interner, SpanScan, codePointAtUnit, codePointClass, interner, isRegexSpace } from './scan';

/** Word characters of the entity matcher: `\p{L}\p{N}\p{M}`. */
export const ENTITY_WORD = CLASS_LN | CLASS_M;
/** Word characters of the topic scorer: `\p{L}\p{N}`. */
export const TOPIC_WORD = CLASS_LN;

/**
 * Atoms of one window of a long span: with their ids and the topic scorer's joined words (a joined word takes
 * at least three atoms) they fit an emptied interner, so ids stay valid for the whole window.
 */
const WINDOW_ATOMS = Interner.MAX_IDS / 4;

/** A SpanScan that may hold only a first window of its span. */
export class StageScan extends SpanScan {
  /** The span's end when every atom is here, else where the next window's atoms start. */
  stop = 0;
}

/**
 * Scans `text[start, end)` into `out` with the word characters `wordClass` (a code point whose class has one of
 * those bits is a word character; a space is skipped; any other code point, a surrogate pair included, is an atom
 * of its own). With `intern`, atoms get interned ids and a long span is scanned a window at a time: the caller
 * scans again from `out.stop` until it is `end`. Without, ids are -1 and every atom is read at once.
 */
export function scanStage(text: string, start: number, end: number, wordClass: number, out: StageScan, intern = true): void {
  out.count = 0;
  out.simple = true;
  let cap = Infinity;
  if (intern) {
    cap = WINDOW_ATOMS;
    const room = Math.min(2 * (end - start), 2 * WINDOW_ATOMS);
    if (!interner.hasRoom(room)) interner.reset();
    out.generation = interner.generation;
  }
  let n = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    let cls: number;
    let width = 1;
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        i++;
        continue;
      }
      cls = codePointClass(c);
    } else {
      const cp = codePointAtUnit(text, i, end);
      if (cp > 0xffff) width = 2;
      else if (isRegexSpace(cp)) {
        i++;
        continue;
      }
      cls = codePointClass(cp);
    }
    if (n === cap) break;
    if (n === out.start.length) out.grow();
    const s = i;
    i += width;
    const word = (cls & wordClass) !== 0;
    if (word) {
      while (i < end) {
        const cp = codePointAtUnit(text, i, end);
        if ((codePointClass(cp) & wordClass) === 0) break;
        i += cp > 0xffff ? 2 : 1;
      }
    }
    out.start[n] = s;
    out.end[n] = i;
    out.word[n] = word ? 1 : 0;
    out.unit[n] = c;
    out.id[n] = intern ? interner.idOfRange(text, s, i) : -1;
    n++;
  }
  out.count = n;
  out.stop = i < end ? i : end;
}
