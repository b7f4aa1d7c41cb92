// Character tests on a readout's text that name recognition (names.ts) asks about a sentence: where a list item
// starts and where a sentence ends.
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
