// A sentence's role in its readout, for the topic rules that read role rather than words (policy T2, T5, T6): the
// opening "X met Y" sentence and the parties it names, list items and the sentence that introduces them.
import type { EntityMention } from '../types';
import type { RoleWords } from './roleWords';

/** Role bits of one sentence (TopicScorer sets them, rankTopics reads them). */
export const ROLE = {
  /** T6: courtesy or framing words (the `other` topic's keywords and phrases). */
  marker: 1,
  /** T5: an item of a list ("- ...", "1. ..."). */
  listItem: 2,
  /** A line without closing punctuation (a heading inside a list). */
  heading: 4,
  /** Ends with a colon: introduces what follows. */
  introducer: 8,
  /** T2: the opening sentence names who met whom. */
  opening: 16,
  /** T2: ...and three or more parties met (or they met as a forum). */
  openingMultilateral: 32,
  /** T2: words of the parties' relationship itself (ties, the meeting, channels, a visit, keeping in touch). */
  relationship: 64,
  /** T6: a word of courtesy or attendance (roleWords.ts: courtesy). */
  courtesy: 128,
  /** T2.d: ...and every party it names is of one government, the issuer's own (only in the opening's role, never stored per sentence). */
  openingDomestic: 256,
} as const;

/** Where the sentence's first verb of meeting starts (-1: none, no opening with who met whom); who stands before it hosted or called (T2.d). */
export function meetingVerbAt(text: string, words: RoleWords): number {
  const m = words.meeting.exec(text.length > 2000 ? text.slice(0, 2000) : text);
  return m === null ? -1 : m.index;
}

const LIST_MARKER = /^\s*(?:[-*•–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/;

/** A no-break space (U+00A0): white space between words, as a plain space is (policy T2.j). */
const NO_BREAK_SPACE = 0xa0;

function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && c !== NO_BREAK_SPACE);
}

/** The word of `text` that ends before `end` (skipping spaces and commas), as [start, end), or undefined. */
function wordBefore(text: string, end: number): [number, number] | undefined {
  let e = end;
  while (e > 0 && !isWordUnit(text.charCodeAt(e - 1))) {
    const c = text.charCodeAt(e - 1);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== NO_BREAK_SPACE) return undefined;
    e--;
  }
  let s = e;
  while (s > 0 && isWordUnit(text.charCodeAt(s - 1)) && e - s < 40) s--;
  return s < e ? [s, e] : undefined;
}

/**
 * Is the mention preceded by a word of `words` (one or two words, "in", "margins of"; the article skipped)? Where
 * the meeting happened ("in Phnom Penh", "on the margins of the G7"), or what it was about ("support for Ukraine").
 */
export function follows(text: string, m: EntityMention, words: ReadonlySet<string>): boolean {
  let w = wordBefore(text, m.start);
  if (w === undefined) return false;
  let word = text.slice(w[0], w[1]).toLowerCase();
  if (word === 'the') {
    w = wordBefore(text, w[0]);
    if (w === undefined) return false;
    word = text.slice(w[0], w[1]).toLowerCase();
  }
  if (words.has(word)) return true;
  if (word !== 'of') return false;
  const before = wordBefore(text, w[0]);
  return before !== undefined && words.has(`${text.slice(before[0], before[1]).toLowerCase()} of`);
}

/**
 * Policy T2 (T2.c): is the place written after a venue word, a name no lexicon knows and a comma ("in San Francisco,
 * California")? The name is the city they met in, the place its country or state: a venue, not a party. Returns
 * where that name starts (the caller checks no known mention is in it: "to Prime Minister Kishida, Japan"), else -1.
 */
export function namedVenueBefore(text: string, m: EntityMention, words: ReadonlySet<string>): number {
  let e = m.start;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 0xa0)) e--;
  if (e === 0 || text[e - 1] !== ',') return -1;
  let w = wordBefore(text, e - 1);
  let nameStart = -1;
  for (let names = 0; w !== undefined && names < 4; names++) {
    const word = text.slice(w[0], w[1]);
    if (!/^\p{Lu}/u.test(word)) return names > 0 && words.has(word.toLowerCase()) ? nameStart : -1;
    nameStart = w[0];
    w = wordBefore(text, w[0]);
  }
  return w !== undefined && words.has(text.slice(w[0], w[1]).toLowerCase()) ? nameStart : -1;
}

/** The role bits read from a sentence's own text: list item, heading, introducer. */
export function layoutRole(text: string): number {
  let role = LIST_MARKER.test(text.slice(0, 8)) ? ROLE.listItem : 0;
  // The last character that is not emphasis, markup or space.
  let e = text.length;
  for (;;) {
    while (e > 0 && /[\s*_\\]/.test(text[e - 1])) e--;
    if (e > 0 && text[e - 1] === '>') {
      const open = text.lastIndexOf('<', e - 1);
      if (open >= 0 && e - open < 40) {
        e = open;
        continue;
      }
    }
    break;
  }
  const last = e > 0 ? text[e - 1] : '';
  if (last === ':') role |= ROLE.introducer;
  else if (!/[.!?"”’)]/.test(last)) role |= ROLE.heading;
  return role;
}
