// A wording tracked across readouts: every use of a phrase, across line breaks and case, and its near variants
// (plural and possessive endings folded as the topic words fold them, one preposition of place for another:
// "across the Taiwan Strait" / "in the Taiwan Strait"), with first and last use, counts per year and government.
import { foldWord } from '../topics/words';
import type { Span } from '../types';
import { UNDATED } from './timeline';

/** Prepositions of place and extent that readouts use interchangeably before a region or body of water. */
export const PLACE_PREPOSITIONS = ['across', 'in', 'within', 'throughout', 'through', 'on', 'at', 'over', 'around', 'along', 'near', 'into'] as const;
const PREPOSITION_SET = new Set<string>(PLACE_PREPOSITIONS);

/** Phrases longer than this many words are cut (a phrase is a wording, not a paragraph). */
export const MAX_PHRASE_WORDS = 16;

/** One readout to search: its text and, for the counts, its date and government. */
export interface TrackDocument {
  path: string;
  text: string;
  date?: string;
  government?: string;
  /** Where to search (the body, or its sentences); the whole text when absent. */
  spans?: readonly Span[];
}

export interface Occurrence {
  path: string;
  date?: string;
  start: number;
  end: number;
  /** The words as the text writes them (line breaks included). */
  text: string;
  /** True when a word differs from the phrase by more than case: an inflection or another preposition. */
  variant: boolean;
}

export interface Counts {
  exact: number;
  variant: number;
  /** Readouts with at least one use, exact or variant. */
  readouts: number;
}

export interface VariantRow {
  /** The wording, lower-cased and with single spaces: the key the variants are told apart by. */
  wording: string;
  variant: boolean;
  count: number;
  readouts: number;
  first?: { path: string; date?: string };
  last?: { path: string; date?: string };
}

export interface TrackResult {
  phrase: string;
  /** In readout date order (undated last), then text order. */
  occurrences: Occurrence[];
  byYear: Record<string, Counts>;
  /** By front matter `government`; readouts without one count under "". */
  byGovernment: Record<string, Counts>;
  /** The first and last dated readout using the phrase (exact or variant). */
  first?: { path: string; date?: string };
  last?: { path: string; date?: string };
  /** The exact wording first, then the variants by count. */
  variants: VariantRow[];
  readouts: number;
}

/** The phrase's words: letters and digits joined by inner dots, apostrophes and hyphens ("U.S.-Japan"). */
export function phraseWords(phrase: string): string[] {
  return (phrase.match(/[\p{L}\p{N}]+(?:[.'’-]+[\p{L}\p{N}]+)*\.?/gu) ?? []).slice(0, MAX_PHRASE_WORDS);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text word that may fold to the same key as `word`: its letters up to where folding may change them. */
function wordPattern(word: string): string {
  const lower = word.toLowerCase();
  if (PREPOSITION_SET.has(lower)) return `(?:${PLACE_PREPOSITIONS.join('|')})`;
  const folded = foldWord(lower);
  // "policy" meets "policies": the candidate keeps the letters folding leaves alone and the check below decides.
  const stem = folded.length > 3 ? folded.slice(0, folded.length - 1) : folded;
  // Dots are optional between letters, as folding removes them ("U.S." and "US").
  const letters = [...stem].map((c) => (c === '.' ? '' : `${escapeRe(c)}\\.?`)).join('');
  return `${letters}[\\p{L}\\p{N}.'’-]*`;
}

/** The matcher of a phrase's words and their near variants, or undefined for a phrase without words. */
function phraseRegExp(words: readonly string[]): RegExp | undefined {
  if (!words.length) return undefined;
  // Words are separated by any run of white space (line breaks and no-break spaces included).
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.map(wordPattern).join('[\\s\\u00a0]+')}(?![\\p{L}\\p{N}])`, 'giu');
}

/** A text word without the sentence's punctuation after it ("Strait." → "Strait", "U.S." kept). */
function trimWord(w: string): string {
  return /^(?:[\p{L}]\.)+$/u.test(w) ? w : w.replace(/[.'’-]+$/, '');
}

/** The key a use's wording is told apart by (VariantRow.wording): its words lower-cased, trailing stops dropped. */
export function wordingOf(text: string): string {
  return text
    .split(/[\s\u00a0]+/)
    .map((w) => trimWord(w).toLowerCase())
    .join(' ');
}

/** Whether the text's words are the phrase's (false: a variant), or undefined when they are not the phrase at all. */
function judge(phrase: readonly string[], found: readonly string[]): boolean | undefined {
  if (found.length !== phrase.length) return undefined;
  let exact = true;
  for (let i = 0; i < phrase.length; i++) {
    const p = phrase[i].toLowerCase();
    const f = trimWord(found[i]).toLowerCase();
    if (p === f || trimWord(p) === f) continue;
    if (PREPOSITION_SET.has(p) && PREPOSITION_SET.has(f)) {
      exact = false;
      continue;
    }
    if (foldWord(p) !== foldWord(f)) return undefined;
    exact = false;
  }
  return exact;
}

function bump(map: Record<string, Counts>, key: string, variant: boolean, newReadout: boolean): void {
  const c = (map[key] ??= { exact: 0, variant: 0, readouts: 0 });
  if (variant) c.variant++;
  else c.exact++;
  if (newReadout) c.readouts++;
}

/**
 * The uses found in one readout, with the key each is told apart by: plain data, so a worker thread searches a
 * file and hands only this back (PhraseTracker.search, then addFound where the corpus is put together).
 */
export interface ReadoutUses {
  path: string;
  date?: string;
  government?: string;
  occurrences: { occ: Occurrence; key: string }[];
}
type Found = ReadoutUses;

const foundOrder = (a: Found, b: Found): number => {
  const da = a.date ?? '\uffff';
  const db = b.date ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
};

/**
 * Tracks one phrase over documents given one at a time, keeping only the uses found (never the texts), so a
 * corpus streams through it; `result()` puts them in date order and counts them.
 */
export class PhraseTracker {
  readonly words: string[];
  private readonly re: RegExp | undefined;
  private readonly found: Found[] = [];

  constructor(readonly phrase: string) {
    this.words = phraseWords(phrase);
    this.re = phraseRegExp(this.words);
  }

  /** Searches one document; the number of uses found in it. */
  add(doc: TrackDocument): number {
    return this.addFound(this.search(doc));
  }

  /** The uses of the phrase in one document, not yet added. */
  search(doc: TrackDocument): ReadoutUses {
    const re = this.re;
    const words = this.words;
    const entry: Found = { path: doc.path, occurrences: [] };
    if (doc.date) entry.date = doc.date;
    if (doc.government) entry.government = doc.government;
    if (!re) return entry;
    for (const span of doc.spans ?? [{ start: 0, end: doc.text.length }]) {
      re.lastIndex = span.start;
      for (let m = re.exec(doc.text); m !== null && m.index < span.end; m = re.exec(doc.text)) {
        const end = m.index + m[0].length;
        const found = m[0].split(/[\s\u00a0]+/);
        const exact = end <= span.end ? judge(words, found) : undefined;
        if (exact === undefined) {
          re.lastIndex = m.index + 1;
          continue;
        }
        // The match may have taken the sentence's full stop; the occurrence ends at the last word.
        const last = found[found.length - 1];
        const cut = last.length - trimWord(last).length;
        const occ: Occurrence = { path: doc.path, start: m.index, end: end - cut, text: m[0].slice(0, m[0].length - cut), variant: !exact };
        if (doc.date) occ.date = doc.date;
        entry.occurrences.push({ occ, key: wordingOf(m[0]) });
      }
    }
    return entry;
  }

  /** Adds the uses search() found (here or in another thread); the number added. */
  addFound(uses: ReadoutUses): number {
    if (uses.occurrences.length) this.found.push(uses);
    return uses.occurrences.length;
  }

  result(): TrackResult {
    const result: TrackResult = { phrase: this.phrase, occurrences: [], byYear: {}, byGovernment: {}, variants: [], readouts: 0 };
    if (!this.re) return result;
    const rows = new Map<string, VariantRow>();
    const exactKey = this.words.map((w) => w.toLowerCase()).join(' ');
    rows.set(exactKey, { wording: exactKey, variant: false, count: 0, readouts: 0 });
    for (const doc of [...this.found].sort(foundOrder)) {
      const where = doc.date ? { path: doc.path, date: doc.date } : { path: doc.path };
      const year = doc.date && /^\d{4}/.test(doc.date) ? doc.date.slice(0, 4) : UNDATED;
      const seenRows = new Set<VariantRow>();
      let first = true;
      for (const { occ, key } of doc.occurrences) {
        result.occurrences.push(occ);
        bump(result.byYear, year, occ.variant, first);
        bump(result.byGovernment, doc.government ?? '', occ.variant, first);
        first = false;
        let row = rows.get(occ.variant ? key : exactKey);
        if (!row) rows.set(key, (row = { wording: key, variant: true, count: 0, readouts: 0 }));
        row.count++;
        if (!seenRows.has(row)) {
          seenRows.add(row);
          row.readouts++;
          row.first ??= where;
          if (doc.date) row.last = where;
        }
      }
      result.readouts++;
      if (doc.date) {
        result.first ??= where;
        result.last = where;
      }
    }
    result.variants = [...rows.values()].filter((r) => !r.variant || r.count > 0).sort((a, b) => (a.variant ? 1 : 0) - (b.variant ? 1 : 0) || b.count - a.count);
    return result;
  }
}

/** Every use of `phrase` and its near variants in the documents. */
export function trackPhrase(phrase: string, docs: Iterable<TrackDocument>): TrackResult {
  const tracker = new PhraseTracker(phrase);
  for (const d of docs) tracker.add(d);
  return tracker.result();
}

/** Path → offsets of the uses, for a phrase timeline (src/core/corpus/timeline.ts). */
export function occurrenceOffsets(result: TrackResult): Map<string, number[]> {
  const at = new Map<string, number[]>();
  for (const o of result.occurrences) {
    const list = at.get(o.path);
    if (list) list.push(o.start);
    else at.set(o.path, [o.start]);
  }
  return at;
}
