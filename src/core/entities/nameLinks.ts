// Links between names that name recognition (names.ts) makes once every sentence is read: an acronym defined after
// a lexicon name is that entry (policy E2.a), a word a slash joins to a place is a place (E1.d), and whether a word
// stands inside a run of capitals (E1.d: a venue alias there is some other name's).
import { isRegexSpace } from '../text/scan';
import type { EntityMention, EntityType, Span } from '../types';
import type { NameRules } from './nameRules';

/** A name found so far, for linking later mentions to it. */
export interface Found {
  id: string;
  name: string;
  type: EntityType;
  /** A lexicon entry's: its mentions have its card (E2.a: an acronym defined after a lexicon name; E1.d). */
  lexicon?: boolean;
}

/** An acronym has no more letters than its name has words, give or take one, and the name two words or more. */
function acronymFits(acronym: string, name: string): boolean {
  const words = name.split(/[\s-]+/).filter((w) => w.length > 0).length;
  let letters = 0;
  for (let i = 0; i < acronym.length; i++) if (/[A-Z]/.test(acronym.charAt(i))) letters++;
  return words >= 2 && letters <= words + 1;
}

/**
 * E2.a: "the Partnership for Global Infrastructure and Investment (PGI)": an acronym no lexicon has, defined in
 * parentheses right after a lexicon name, is that entry wherever the readout writes it, with its card: sets it in
 * `names`. Both lists are in text order; the first definition of an acronym wins.
 */
export function lexiconAcronyms(text: string, rules: NameRules, mentions: readonly EntityMention[], acronyms: readonly Span[], names: Map<string, Found>): void {
  let m = 0;
  for (const a of acronyms) {
    // The parenthesis before the acronym, then the mention that ends before it.
    let open = a.start - 1;
    while (open >= 0 && isRegexSpace(text.charCodeAt(open))) open--;
    if (open < 0 || text.charCodeAt(open) !== 40) continue;
    let close = a.end;
    while (close < text.length && isRegexSpace(text.charCodeAt(close))) close++;
    if (text.charCodeAt(close) !== 41) continue;
    let before = open - 1;
    while (before >= 0 && isRegexSpace(text.charCodeAt(before))) before--;
    while (m < mentions.length && mentions[m].end <= before) m++;
    // The mention ending at `before` + 1: mentions are sorted by start, and a mention ends after it starts.
    const known = m < mentions.length && mentions[m].end === before + 1 ? mentions[m] : undefined;
    if (known === undefined || known.known === false || known.demonym === true || known.type === 'person') continue;
    const acronym = text.slice(a.start, a.end);
    // An acronym of the name opens with its first letter and has about a letter a word ("Partnership ... (PGI)"),
    // and the name is the whole of it: "Advanced Functional Fabrics of America (AFFOA)" defines no "America".
    if (acronym.charAt(0) !== text.charAt(known.start).toUpperCase() || !acronymFits(acronym, known.text) || insideName(text, rules, known.start)) continue;
    if (!names.has(acronym)) names.set(acronym, { id: known.id, name: known.name, type: known.type, lexicon: true });
  }
}

/**
 * E1.d: "Washington/Tokyo", "Seoul/Washington": a capitalised word no rule took (`left`: start, end, sentence), joined
 * by a slash to a place of `lists`, is a place too (each of a slash list is): `add` adds it. Returns their starts, or
 * undefined when there is none.
 */
export function slashPlaces(
  text: string,
  rules: NameRules,
  left: readonly number[],
  lists: ReadonlyArray<readonly EntityMention[]>,
  add: (start: number, end: number, sentence: number, evidence: string) => void,
): Set<number> | undefined {
  let any = false;
  for (let i = 0; i < left.length && !any; i += 3) any = text.charCodeAt(left[i + 1]) === 47 || text.charCodeAt(left[i] - 1) === 47;
  if (!any) return undefined;
  // Where places start and end: a slash list's members touch the slash.
  const starts = new Map<number, string>();
  const ends = new Map<number, string>();
  for (const list of lists) {
    for (const m of list) {
      if (m.type !== 'place' || m.demonym === true) continue;
      starts.set(m.start, m.text);
      ends.set(m.end, m.text);
    }
  }
  const added = new Set<number>();
  // Twice: "Windsor/Detroit/Canada" reaches "Windsor" from "Canada" through "Detroit".
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < left.length; i += 3) {
      const start = left[i];
      const end = left[i + 1];
      if (added.has(start)) continue;
      const partner = (text.charCodeAt(end) === 47 ? starts.get(end + 1) : undefined) ?? (start > 0 && text.charCodeAt(start - 1) === 47 ? ends.get(start - 1) : undefined);
      if (partner === undefined || inCapitals(text, rules, start, end)) continue;
      const word = text.slice(start, end);
      add(start, end, left[i + 2], `slash: ${partner}`);
      added.add(start);
      starts.set(start, word);
      ends.set(end, word);
    }
  }
  return added.size > 0 ? added : undefined;
}

/** The word [start, end) has a capitalised word right before or after it, a space between. */
export function inCapitals(text: string, rules: NameRules, start: number, end: number): boolean {
  const capitalAt = (i: number): boolean => i >= 0 && i < text.length && /\p{Lu}/u.test(text.charAt(i));
  if (text.charCodeAt(end) === 32 && capitalAt(end + 1)) return true;
  if (start < 2 || text.charCodeAt(start - 1) !== 32) return false;
  let i = start - 2;
  while (i >= 0 && /[\p{L}\p{M}.'’-]/u.test(text.charAt(i))) i--;
  const before = text.slice(i + 1, start - 1);
  // "The Coutts/Ottawa convoys": a word that is no name ("The", "In") opens no run.
  const n = rules.words.numbers.get(before);
  if (n !== undefined && rules.notNames[n]?.some((p) => p.length === 1)) return false;
  return capitalAt(i + 1) && !/[.:;!?]$/.test(before);
}

/** The name at `start` continues one before it: a capitalised word, or a connector after one ("Fabrics of America"). */
function insideName(text: string, rules: NameRules, start: number): boolean {
  const words = text.slice(Math.max(0, start - 80), start).split(/\s+/).filter((w) => w.length > 0);
  const capital = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w) && !/[.:;!?,]$/.test(w);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (capital(last)) return true;
  const n = rules.words.numbers.get(last.toLowerCase());
  // "Sheikh and Palestinian Authority (PA)": "and", "in" and "to" join names more often than they make one.
  const joins = n === rules.and || n === rules.in || n === rules.to;
  return n !== undefined && !joins && rules.connector[n] === 1 && capital(words[words.length - 2]);
}
