// The cue tokens of a sentence: words with their lower-case form, capitalisation and the punctuation before
// them, from the shared scan of the span (src/core/text/scan.ts) or, for a span it cannot scan simply, a scan here.
import { PerId, SpanScan, WordCache, interner, isCueWordCode, isRegexSpace as isSpaceCode } from '../text/scan';
import type { CompiledPattern } from './compile';
import { normalizeWord } from './pattern';
import type { CueWords } from './words';

export interface Token {
  start: number;
  end: number;
  lower: string;
  capitalized: boolean;
  /** Punctuation (not just space) between the previous token and this one. */
  punctBefore: boolean;
  semicolonBefore: boolean;
  /** A comma among that punctuation: "Biden, s…" is no possessive, whose apostrophe the tokens also leave out (C3.d, Span.a). */
  commaBefore: boolean;
}

/** A word character of these tokens; defined in scan.ts, whose shared scan must agree with it. */
const isWordCode = isCueWordCode;

function isJoinerCode(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 46; // ' ’ - .
}

interface WordForms {
  lower: string;
  capitalized: boolean;
}

/** What a word's spelling alone decides, computed once per distinct spelling. */
const formsCache = new WordCache<WordForms>((raw) => {
  const lower = normalizeWord(raw);
  return { lower, capitalized: raw.charCodeAt(0) !== lower.charCodeAt(0) };
});
/** The same per interned id of the shared scan. */
export const formsById = new PerId<WordForms>((raw) => formsCache.get(raw, 0, raw.length));

/** Words that keep a following period ("Mr.", and any word with an inner dot such as "U.S"), per spelling and per id. */
interface PeriodWords {
  cache: WordCache<boolean>;
  byId: PerId<boolean>;
}

/** Per word classes (the abbreviations are data): built on first use, shared by every finder of that lexicon. */
const periodWordsOf = new WeakMap<CueWords, PeriodWords>();

function periodWords(words: CueWords): PeriodWords {
  let p = periodWordsOf.get(words);
  if (p === undefined) {
    const { abbreviations } = words;
    const cache = new WordCache<boolean>((raw) => raw.includes('.') || abbreviations.has(raw.toLowerCase()));
    p = { cache, byId: new PerId<boolean>((raw) => cache.get(raw, 0, raw.length)) };
    periodWordsOf.set(words, p);
  }
  return p;
}

/**
 * The sentence's tokens that start a pattern, in order: their indices in `at[0, count)` and their patterns in
 * `patterns`. The sentence loop visits only these; no other token can begin a cue.
 */
export class CueStarts {
  at = new Int32Array(64);
  readonly patterns: (readonly CompiledPattern[])[] = [];
  count = 0;

  note(k: number, patterns: readonly CompiledPattern[]): void {
    if (this.count === this.at.length) {
      const bigger = new Int32Array(this.at.length * 2);
      bigger.set(this.at);
      this.at = bigger;
    }
    this.at[this.count] = k;
    this.patterns[this.count] = patterns;
    this.count++;
  }
}

/** Makes a sentence's tokens into reused token objects: a sentence's tokens never outlive the sentence. */
export class Tokenizer {
  private readonly pool: Token[] = [];
  private readonly keepsPeriod: PeriodWords;

  constructor(words: CueWords) {
    this.keepsPeriod = periodWords(words);
  }

  tokenize(text: string, start: number, end: number): Token[] {
    const out: Token[] = [];
    const keepsPeriod = this.keepsPeriod.cache;
    let i = start;
    let punct = false;
    let semi = false;
    let comma = false;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        if (!isSpaceCode(c)) {
          punct = true;
          if (c === 59 || c === 58) semi = true;
          else if (c === 44) comma = true;
        }
        i++;
        continue;
      }
      const s = i;
      i++;
      while (i < end) {
        const d = text.charCodeAt(i);
        if (isWordCode(d)) i++;
        else if (isJoinerCode(d) && i + 1 < end && isWordCode(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      // Keep the period of "U.S." or "Mr." with its word so it does not read as a clause break.
      if (i < end && text.charCodeAt(i) === 46 && keepsPeriod.get(text, s, i)) i++;
      const forms = formsCache.get(text, s, i);
      out.push(this.pooled(out.length, s, i, forms, punct, semi, comma));
      punct = false;
      semi = false;
      comma = false;
    }
    return out;
  }

  /**
   * The same tokens from the shared scan of a simple span: word atoms joined by one inner ' ’ - or ., the period of
   * "Mr." or "U.S." kept, punctuation atoms left between tokens; spellings derived once per id. Null when none of
   * them starts a pattern of `firsts` (synced): the sentence then needs no tokens at all. One pass fills the pooled
   * token objects and notes the tokens that start a pattern in `starts`.
   */
  fromAtoms(text: string, atoms: SpanScan, firsts: PerId<readonly CompiledPattern[] | null>, starts: CueStarts): Token[] | null {
    formsById.sync(atoms.generation);
    const keepsPeriodById = this.keepsPeriod.byId;
    keepsPeriodById.sync(atoms.generation);
    const n = atoms.count;
    const { start, end, id, word, unit } = atoms;
    let count = 0;
    starts.count = 0;
    let flags = 0; // 1: punctuation before the token, 2: a semicolon or colon among that punctuation, 4: a comma
    let k = 0;
    while (k < n) {
      if (word[k] !== 1) {
        const c = unit[k];
        flags |= c === 59 || c === 58 ? 3 : c === 44 ? 5 : 1;
        k++;
        continue;
      }
      const s = start[k];
      let e = end[k];
      let tid = id[k];
      let joined = false;
      k++;
      while (k + 1 < n && word[k] !== 1 && start[k] === e && isJoinerCode(unit[k]) && word[k + 1] === 1 && start[k + 1] === e + 1) {
        e = end[k + 1];
        k += 2;
        joined = true;
      }
      if (joined) tid = interner.idOfRange(text, s, e);
      if (k < n && word[k] !== 1 && start[k] === e && unit[k] === 46 && keepsPeriodById.get(tid)) {
        e++;
        k++;
        tid = interner.idOfRange(text, s, e);
      }
      const patterns = firsts.get(tid);
      if (patterns !== null) starts.note(count, patterns);
      this.pooled(count++, s, e, formsById.get(tid), (flags & 1) !== 0, (flags & 2) !== 0, (flags & 4) !== 0);
      flags = 0;
    }
    if (starts.count === 0) return null;
    // One array of the exact size per sentence (the token objects themselves are pooled).
    return this.pool.slice(0, count);
  }

  private pooled(k: number, start: number, end: number, forms: WordForms, punct: boolean, semi: boolean, comma: boolean): Token {
    let t = this.pool[k];
    if (t === undefined) {
      t = { start, end, lower: forms.lower, capitalized: forms.capitalized, punctBefore: punct, semicolonBefore: semi, commaBefore: comma };
      this.pool[k] = t;
    } else {
      t.start = start;
      t.end = end;
      t.lower = forms.lower;
      t.capitalized = forms.capitalized;
      t.punctBefore = punct;
      t.semicolonBefore = semi;
      t.commaBefore = comma;
    }
    return t;
  }
}
