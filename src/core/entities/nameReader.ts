// The token reader under the name rules (names.ts): what a numbered token of a sentence is (its word id, its
// capitals, a connector, a head word, a phrase starting at it) and what lies between two tokens, read from the
// token arrays of nameTokens.ts without slicing the text.
import { isRegexSpace } from '../text/scan';
import type { EntityType } from '../types';
import type { NameRules, Phrases } from './nameRules';
import { CAPITAL, CAPITALS, LOWER_PLACE, LOWER_THE, WORD_SHIFT, isDash, type NameTokens } from './nameTokens';

export class TokenReader {
  /** The sentence read: tokens [lo, hi). */
  protected lo = 0;
  protected hi = 0;

  constructor(
    protected readonly text: string,
    protected readonly rules: NameRules,
    protected tokens: NameTokens,
  ) {}

  protected word(k: number): number {
    return (this.tokens.info[k] >> WORD_SHIFT) - 1;
  }

  protected slice(k: number): string {
    return this.text.slice(this.tokens.start[k], this.tokens.end[k]);
  }

  protected capital(k: number): boolean {
    return (this.tokens.info[k] & CAPITAL) !== 0;
  }

  /** "iCET", "eSIM": an acronym may start with a small letter. */
  protected innerCapitals(k: number): boolean {
    return (this.tokens.info[k] & CAPITALS) !== 0;
  }

  protected isConnector(k: number): boolean {
    const w = this.word(k);
    return w >= 0 && this.rules.connector[w] === 1;
  }

  protected headAt(k: number): EntityType | undefined {
    const w = this.word(k);
    return w >= 0 ? this.rules.heads[w] : undefined;
  }

  /** A connector no personal name holds ("of", "and"); particles ("de", "bin", "van") may be inside one. */
  protected strong(k: number): boolean {
    const w = this.word(k);
    return w >= 0 && this.rules.strong[w] === 1;
  }

  /** Length of the longest phrase of `set` at token k (in a run ending before `end`), or 0. */
  protected phraseAt(set: Phrases, k: number, end: number): number {
    const w = this.word(k);
    if (w < 0) return 0;
    const list = set[w];
    if (list === undefined) return 0;
    for (const p of list) {
      if (k + p.length > end) continue;
      let ok = true;
      for (let q = 1; q < p.length && ok; q++) ok = this.word(k + q) === p[q] && this.adjacent(k + q - 1);
      if (ok) return p.length;
    }
    return 0;
  }

  /** Only spaces (or a hyphen) between token k and k + 1. */
  protected adjacent(k: number): boolean {
    const text = this.text;
    for (let i = this.tokens.end[k]; i < this.tokens.start[k + 1]; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xa0 && !isDash(c)) return false;
    }
    return true;
  }

  /** The characters between token k's end and token k + 1 (or `limit`), trimmed, are the one unit `unit`. */
  protected gapIs(k: number, limit: number, unit: number): boolean {
    const t = this.tokens;
    const to = Math.min(k + 1 < this.hi ? t.start[k + 1] : limit, limit);
    let i = t.end[k];
    while (i < to && isRegexSpace(this.text.charCodeAt(i))) i++;
    if (i >= to || this.text.charCodeAt(i) !== unit) return false;
    i++;
    while (i < to && isRegexSpace(this.text.charCodeAt(i))) i++;
    return i >= to;
  }

  /** The token before token k, with only spaces between them, is lower-cased what `flag` says. */
  protected beforeIs(k: number, flag: number): boolean {
    return k > this.lo && this.adjacent(k - 1) && (this.tokens.info[k - 1] & flag) !== 0;
  }

  /**
   * Token k follows a place preposition ("met in Philadelphia"), or "to" after a word of going or receiving
   * somewhere, right before it or before its object ("a visit to Washington", "welcoming President Widodo to San
   * Francisco"; E1.i: the `place-motion` class).
   */
  protected afterPlaceWord(k: number): boolean {
    if (this.beforeIs(k, LOWER_PLACE)) return true;
    if (k - 2 < this.lo || this.word(k - 1) !== this.rules.to || !this.adjacent(k - 1)) return false;
    for (let q = k - 2; q >= this.lo && q >= k - 7 && this.adjacent(q); q--) {
      const w = this.word(q);
      if (w >= 0 && this.rules.motion[w] === 1) return true;
      if (this.tokens.taken[q] === 0 && !this.capital(q)) return false;
    }
    return false;
  }

  protected beforeIsThe(k: number): boolean {
    return this.beforeIs(k, LOWER_THE);
  }
}
