// Character tests on a readout's text that name recognition (names.ts) asks about a sentence: where a list item
// starts and where a sentence ends, a word's shape, a name's spacing, spaces the shared scan does not skip.
import { isRegexSpace } from '../text/scan';

/** Only a list marker ("-", "*", "•", "1.") and spaces are between the sentence's start and `tokenStart`. */
export function opensListItem(text: string, sentenceStart: number, tokenStart: number): boolean {
  let i = sentenceStart;
  while (i < tokenStart && isRegexSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 0x2022 || c === 0x2013) i++;
  else {
    const digits = i;
    while (i < tokenStart && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === digits || (text.charCodeAt(i) !== 46 && text.charCodeAt(i) !== 41)) return false;
    i++;
  }
  const marker = i;
  while (i < tokenStart && isRegexSpace(text.charCodeAt(i))) i++;
  return i > marker && i === tokenStart;
}

/** Nothing but closing quotes, brackets and spaces between `i` and the sentence's end. */
export function endsSentence(text: string, i: number, sentenceEnd: number): boolean {
  for (; i < sentenceEnd; i++) {
    const c = text.charCodeAt(i);
    if (!(isRegexSpace(c) || c === 34 || c === 39 || c === 41 || c === 93 || c === 0x2019 || c === 0x201d)) return false;
  }
  return true;
}

/** A word's length and first and last units, folded into 15 bits: finish() slices a word only when a name's shape is its. */
export function shapeOf(text: string, start: number, end: number): number {
  return (((end - start) & 31) << 10) | ((text.charCodeAt(start) & 31) << 5) | (text.charCodeAt(end - 1) & 31);
}

/** `text[start, end)` with each run of whitespace one space (a name found across a line break). */
export function oneSpaced(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isRegexSpace(c) && (c !== 32 || (i + 1 < s.length && isRegexSpace(s.charCodeAt(i + 1))))) return s.replace(/\s+/g, ' ');
  }
  return s;
}

/** The text holds a space the shared scan skips but this tokeniser reads as a letter (U+FEFF, U+1680). */
export function hasOddSpace(text: string): boolean {
  return text.indexOf('\ufeff') >= 0 || text.indexOf('\u1680') >= 0;
}
