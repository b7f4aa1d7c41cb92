// Acronyms the lexicons do not know ("MIT", "SCC" ...), so the editor can offer to add them to a workspace
// lexicon (E5: a name no lexicon knows is still a mention). Runs over sentences only, after entity matching,
// skipping anything already a mention.
import { CLASS_LN, CLASS_M, codePointClass, type SpanScan } from '../text/scan';
import type { EntityMention, ParsedReadout, Span } from '../types';

export interface UnknownAcronym extends Span {
  text: string;
}

const ROMAN = /^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$/;
const MAX_LENGTH = 8;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// Letters, digits and marks beyond ASCII count as word characters so "ÉU" or "Ü" never start or end an acronym
// mid-word; punctuation and spaces beyond ASCII do not, so "MIT’s", "MIT—the" and "MIT" before a no-break space
// end where "MIT's", "MIT-the" and "MIT " do. A surrogate (half of an astral character) is taken as a letter.
const isWordChar = (c: number): boolean =>
  isUpper(c) || isLower(c) || isDigit(c) || (c > 127 && ((c >= 0xd800 && c <= 0xdfff) || (codePointClass(c) & (CLASS_LN | CLASS_M)) !== 0));

/**
 * Acronyms are runs of capitals (digits and "&" inside, or dotted like "U.N.") standing alone as a word.
 * A hand-written scan: this runs on every keystroke and a Unicode regex cost a third of the analysis.
 */
export function findUnknownAcronyms(text: string, readout: ParsedReadout, mentions: readonly EntityMention[]): UnknownAcronym[] {
  const finder = new AcronymFinder(text, mentions);
  for (const s of readout.sentences) finder.sentence(s);
  return finder.found;
}

/**
 * Finds unknown acronyms sentence by sentence, in order; `mentions` (sorted by start) may grow between sentences
 * as long as it holds every mention of a sentence by the time that sentence is read (analyze()'s single pass).
 */
export class AcronymFinder {
  readonly found: UnknownAcronym[] = [];
  /** The first mention that may still overlap an acronym (mentions before it end before the current one). */
  private m = 0;

  constructor(
    private readonly text: string,
    private readonly mentions: readonly EntityMention[],
    /** Words in capitals that are no name ("CEO", "PM": lexicons/names.yaml; policy E5.a). */
    private readonly notNames?: ReadonlySet<string>,
    /** US state codes (lexicons/names.yaml), no acronym where districtCode() reads one. */
    private readonly districtCodes?: ReadonlySet<string>,
  ) {}

  /**
   * The acronyms of sentence `s`. `atoms`, when given, is the shared scan of its span: an acronym starts with an
   * ASCII capital after neither a word character nor a dot, so only the first unit of a word atom can start one.
   */
  sentence(s: Span, atoms?: SpanScan): void {
    const text = this.text;
    if (atoms !== undefined && atoms.simple) {
      const { start, word, unit } = atoms;
      let next = s.start;
      for (let k = 0; k < atoms.count; k++) {
        // A capital then a small letter ("Japan") starts no acronym: at() would only step over it.
        if (word[k] === 1 && isUpper(unit[k])) {
          const p = start[k];
          if (p >= next && !isLower(text.charCodeAt(p + 1))) next = this.at(s, p);
        }
      }
      return;
    }
    let i = s.start;
    while (i < s.end) i = this.at(s, i);
  }

  /** Reads an acronym starting at `i` when there is one; returns where the scan goes on. */
  private at(s: Span, i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (!isUpper(c) || (i > s.start && (isWordChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 46))) return i + 1;
    // Extend over capitals, digits, "&" and dots between capitals.
    let j = i + 1;
    let capitals = 1;
    while (j < s.end) {
      const d = text.charCodeAt(j);
      if (isUpper(d)) capitals++;
      else if (!(isDigit(d) || d === 38 || (d === 46 && j + 1 < s.end && isUpper(text.charCodeAt(j + 1))))) break;
      j++;
    }
    // A dotted acronym keeps its final dot ("U.N."); a lone capital before a dot is an initial.
    const dotted = text.charCodeAt(i + 1) === 46;
    if (dotted && j < s.end && text.charCodeAt(j) === 46) j++;
    const start = i;
    if (capitals < 2 || (j < s.end && isWordChar(text.charCodeAt(j)))) return j;
    // Most runs that get here are known names ("US", "EU"): the mentions rule them out before any slice or
    // regex. Skipping the mentions that end before `start` holds for any later acronym too, which starts after it.
    const mentions = this.mentions;
    while (this.m < mentions.length && mentions[this.m].end <= start) this.m++;
    if (this.m < mentions.length && mentions[this.m].start < j) return j;
    const word = text.slice(start, j);
    if (word.replace(/\./g, '').length > MAX_LENGTH || ROMAN.test(word) || text.charCodeAt(j - 1) === 38 || this.notNames?.has(word)) return j;
    if (this.districtCodes?.has(word) && districtCode(text, start, j, s.end)) return j;
    // MOFA writes surnames in capitals before a capitalised given name: "KISHIDA Fumio".
    if (capitals > 4 && text.charCodeAt(j) === 32 && isUpper(text.charCodeAt(j + 1)) && isLower(text.charCodeAt(j + 2))) return j;
    this.found.push({ start, end: j, text: word });
    return j;
  }
}

/**
 * The state code at [start, end) is part of a congressional district or party code ("PA-4", "D-PA-3", "R-TX") or
 * follows a city ("Pittsburgh, PA"): an address, not a name a reader looks up (policy E1.a).
 */
function districtCode(text: string, start: number, end: number, limit: number): boolean {
  if (end + 1 < limit && text.charCodeAt(end) === 45 && isDigit(text.charCodeAt(end + 1))) return true;
  const party = text.charCodeAt(start - 2);
  if (start >= 2 && text.charCodeAt(start - 1) === 45 && (party === 68 || party === 82 || party === 73) && (start < 3 || !isWordChar(text.charCodeAt(start - 3)))) return true;
  return start >= 3 && text.charCodeAt(start - 1) === 32 && text.charCodeAt(start - 2) === 44 && isLower(text.charCodeAt(start - 3)) && (end >= limit || !isWordChar(text.charCodeAt(end)));
}
