// Policy T6 (T6.d): lines of a readout's layout, no subject of their own: its title, a dateline, a signature block.
// Other governments' pages often carry them in the body ("Japan-Indonesia Summit Meeting", "Tokyo, 12 May 2024",
// "Ministry of Foreign Affairs of Japan"); their names are the parties' or the issuer's, never what is discussed.
import type { Sentence } from '../types';
import { ROLE, layoutRole, meetingVerbAt } from './roles';
import type { RoleWords } from './roleWords';

/** The most words a title line has. */
const TITLE_WORDS = 12;
/** A line in italics (one asterisk or underscore, not two): a deck under the title, which says what happened. */
const ITALIC = /^\s*(?:\*(?!\*)|_(?!_))/;
/** A year of the last two centuries: a dateline has one. */
const YEAR = /\b(?:19|20)\d\d\b/;
/** Words: runs of letters (any script), digits and the marks inside a word. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
/** A lower-case word of more than three letters: prose, not a line of names and dates. */
const PROSE = /^\p{Ll}[\p{L}'’.-]{3,}$/u;

/**
 * Is the sentence (its text, role bits from layoutRole, and whether it is the readout's first) a layout line: the
 * readout's first sentence when it starts as a document's title does ("Joint Statement by …", "Readout of …") or is
 * a line of two to twelve words without closing punctuation, no meeting verb and no italics; a line without closing punctuation of at most eight words with a year and no prose
 * word (a dateline: "Tokyo, 12 May 2024"); or one of at most twelve words naming an office and no prose word (a
 * signature: "Spokesperson's Office, Ministry of Foreign Affairs")? Linear in the text; long sentences are none.
 */
export function isLayoutLine(text: string, role: number, first: boolean, words: RoleWords): boolean {
  if (text.length > 300) return false;
  const heading = (role & ROLE.heading) !== 0 && (role & ROLE.listItem) === 0;
  if (first && words.documentTitle.test(text)) return true;
  if (!heading) return false;
  const found = text.match(WORD) ?? [];
  // A short first line without closing punctuation that says no one met: a title ("Japan-Indonesia Summit Meeting").
  // Not a sentence cut short ("… met with … in New Delhi on 6 January,"), nor an italic deck under the title.
  if (first && found.length >= 2 && found.length <= TITLE_WORDS && !ITALIC.test(text) && meetingVerbAt(text, words) < 0) return true;
  if (found.length === 0 || found.some((w) => PROSE.test(w))) return false;
  if (found.length <= 8 && YEAR.test(text)) return true;
  return found.length <= 12 && found.some((w) => words.signature.has(w.toLowerCase()));
}

/** How many of a readout's first sentences the opening may follow (a title, a dateline, a signature above it). */
const OPENING_WITHIN = 3;

/**
 * Policy T6 (T6.d) with T2: the readout's opening is its first sentence that is no layout line, among its first
 * three (the first when all are): "Japan-Indonesia Summit Meeting" / "Tokyo, 12 May 2024" / "On May 12, Prime
 * Minister Kishida held a summit meeting with …". Reads at most three short sentences.
 */
export function openingIndexOf(sentences: readonly Sentence[], words: RoleWords): number {
  const n = Math.min(sentences.length, OPENING_WITHIN);
  for (let i = 0; i < n; i++) {
    const text = sentences[i].text;
    if (typeof text !== 'string' || !isLayoutLine(text, layoutRole(text), i === 0, words)) return i;
  }
  return 0;
}
