// The word tokens name recognition reads (names.ts), one sentence at a time, as typed arrays: built from the
// shared scan's atoms, with what the rules ask of a spelling (its number among the rules' words, its capitals)
// derived once per spelling, so the rules compare numbers and slice only the names they report.
import { Interner, WordCache, type SpanScan } from '../text/scan';
import type { Span } from '../types';

export const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c > 191 && c < 223 && c !== 215);
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 191 && c !== 215 && c !== 247 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x00a0 && c !== 0x3000);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWord = (c: number): boolean => isLetter(c) || isDigit(c);
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
export const isDash = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011;

/** Bits of a token's info: its first letter is a capital; it holds two capitals or more ("iCET"). */
export const CAPITAL = 1;
export const CAPITALS = 2;
/** Lower-cased, the token is "the"; a place preposition. */
export const LOWER_THE = 4;
export const LOWER_PLACE = 8;
/** The token is the surname of a lexicon person (see NamesInSentences). */
export const LEXICON_SURNAME = 16;
/** The rest of the info is the token's word number plus one (0: none of the rules' words). */
export const WORD_SHIFT = 5;

/** The words the rules name, numbered; what a spelling tells the rules, cached per interned id and per spelling. */
export class NameWords {
  readonly numbers = new Map<string, number>();
  readonly words: string[] = [];
  readonly placePrepositions = new Set<string>();
  /** The surnames of the lexicon's persons (the last word of a name of two words or more). */
  readonly lexiconSurnames = new Set<string>();
  /** Info of an atom's spelling plus one, by interned id (0: not derived yet in this generation of ids). */
  private readonly byId = new Int32Array(Interner.MAX_IDS);
  private generation = -1;
  /** By ASCII first unit × length (31 for longer): 1 when a word info() looks for may start so (see mark). */
  private named: Uint8Array | undefined;
  /** Info of a token joined from atoms ("Jean-Yves", "Mr.") or read by the own tokeniser, by its code units. */
  readonly byUnits = new WordCache<number>((word) => this.info(word));

  /** The number of `word`, numbering it when new. */
  add(word: string): number {
    let n = this.numbers.get(word);
    if (n === undefined) {
      n = this.words.length;
      this.numbers.set(word, n);
      this.words.push(word);
    }
    return n;
  }

  /** The info of atoms' spellings, plus one, for the interner's `generation`. */
  infoById(generation: number): Int32Array {
    if (generation !== this.generation) {
      this.byId.fill(0);
      this.generation = generation;
    }
    return this.byId;
  }

  /**
   * Derives and keeps the info of atom `a`'s spelling. Most spellings are none of the rules' words: an ASCII
   * word whose first letter and length no word of theirs has is read from the text without making its string.
   */
  deriveById(text: string, atoms: SpanScan, a: number): number {
    const named = this.named ?? this.mark();
    const s = atoms.start[a];
    const e = atoms.end[a];
    const c0 = text.charCodeAt(s);
    let ascii = true;
    let capitals = 0;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) ascii = false;
      else if (c >= 65 && c <= 90) capitals++;
    }
    const info = !ascii || named[c0 * 32 + Math.min(e - s, 31)] === 1 ? this.info(text.slice(s, e)) : (c0 >= 65 && c0 <= 90 ? CAPITAL : 0) | (capitals >= 2 ? CAPITALS : 0);
    this.byId[atoms.id[a]] = info + 1;
    return info;
  }

  /** Marks the first letters and lengths of the words info() looks for (in either case when lower-cased). */
  private mark(): Uint8Array {
    const named = new Uint8Array(128 * 32);
    const put = (w: string, cased: boolean): void => {
      const c = w.charCodeAt(0);
      if (!(c < 128)) return;
      const len = Math.min(w.length, 31);
      named[c * 32 + len] = 1;
      if (cased) for (const d of [w.charAt(0).toUpperCase().charCodeAt(0), w.charAt(0).toLowerCase().charCodeAt(0)]) if (d < 128) named[d * 32 + len] = 1;
    };
    for (const w of this.words) put(w, false);
    for (const w of this.lexiconSurnames) put(w, false);
    for (const w of this.placePrepositions) put(w, true);
    put('the', true);
    this.named = named;
    return named;
  }

  private info(word: string): number {
    let capitals = 0;
    for (let i = 0; i < word.length; i++) if (isUpper(word.charCodeAt(i))) capitals++;
    const lower = word.toLowerCase();
    const n = this.numbers.get(word) ?? -1;
    return (
      ((n + 1) << WORD_SHIFT) |
      (word.length > 0 && isUpper(word.charCodeAt(0)) ? CAPITAL : 0) |
      (capitals >= 2 ? CAPITALS : 0) |
      (lower === 'the' ? LOWER_THE : 0) |
      (this.placePrepositions.has(lower) ? LOWER_PLACE : 0) |
      (this.lexiconSurnames.has(word) ? LEXICON_SURNAME : 0)
    );
  }
}

/**
 * The word tokens of sentences, appended sentence by sentence to arrays reused from readout to readout: letters
 * and digits, with apostrophes and hyphens between them ("Jean-Yves", "Côte d'Ivoire"), a dot after a
 * capitalised word of up to three letters ("R.", "Jr.", "Sen."), and "&" alone. Tokens inside a known mention
 * are flagged: they break runs and are never re-read. Lower-case words none of the rules name (info 0) only
 * break runs: consecutive ones are one token, taken or not, as the rules read them the same.
 */
export class NameTokens {
  count = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  info = new Int32Array(1024);
  /** 1 when the token lies in a known mention. */
  taken = new Uint8Array(1024);
  /** The info bits of the untaken tokens of the sentence read last, or-ed. */
  bits = 0;
  /** Where the sentence read last starts. */
  first = 0;
  private spans: readonly Span[] = [];
  private m = 0;
  private mEnd = 0;
  private more: readonly Span[] = [];
  private a = 0;
  private aEnd = 0;

  /** `merge` false keeps every word a token of its own (for reading the rules' own phrases). */
  constructor(private readonly merge = true) {}

  /**
   * Reads the next sentence, `text[from, to)`: the known mentions are `spans[m, mEnd)` and `more[a, aEnd)`, each
   * sorted by start. From its atoms when the scan left it simple: the shared scan's word runs are this
   * tokeniser's too, except where a character beyond ASCII that the scan takes for punctuation is a letter here
   * ("€"): then, as for a sentence not simple, the text is read again here.
   */
  sentence(text: string, from: number, to: number, atoms: SpanScan | undefined, words: NameWords, spans: readonly Span[], m: number, mEnd: number, more: readonly Span[], a: number, aEnd: number): void {
    this.first = this.count;
    this.bits = 0;
    this.spans = spans;
    this.m = m;
    this.mEnd = mEnd;
    this.more = more;
    this.a = a;
    this.aEnd = aEnd;
    if (atoms === undefined || !atoms.simple || !this.fromAtoms(text, atoms, words)) {
      this.count = this.first;
      this.bits = 0;
      this.m = m;
      this.a = a;
      this.fromText(text, from, to, words);
    }
  }

  /** Where the known mentions of the next sentence may start. */
  get nextSpan(): number {
    return this.m;
  }

  get nextMore(): number {
    return this.a;
  }

  /** False when the sentence must be read from its text. The loop of push(), with its state in locals. */
  private fromAtoms(text: string, atoms: SpanScan, words: NameWords): boolean {
    const infoOf = words.infoById(atoms.generation);
    const { start, end, word, unit, id } = atoms;
    const n = atoms.count;
    this.room(n);
    const starts = this.start;
    const ends = this.end;
    const infos = this.info;
    const takens = this.taken;
    const first = this.first;
    const merge = this.merge;
    const spans = this.spans;
    const more = this.more;
    let m = this.m;
    let x = this.a;
    const mEnd = this.mEnd;
    const aEnd = this.aEnd;
    let count = this.count;
    let bits = 0;
    for (let a = 0; a < n; a++) {
      const u = unit[a];
      const s = start[a];
      let j = end[a];
      let info: number;
      if (word[a] === 0) {
        if (u !== 38) {
          if (u > 191 && isLetter(u)) return false;
          continue;
        }
        info = infoOf[id[a]] - 1;
        if (info < 0) info = words.deriveById(text, atoms, a);
      } else {
        let b = a;
        while (b + 2 < n && word[b + 1] === 0 && start[b + 1] === j && (isApostrophe(unit[b + 1]) || isDash(unit[b + 1])) && word[b + 2] === 1 && start[b + 2] === j + 1) {
          b += 2;
          j = end[b];
        }
        if (b + 1 < n && unit[b + 1] === 46 && start[b + 1] === j && j - s <= 3 && isUpper(u)) {
          b++;
          j++;
        }
        if (b === a) {
          info = infoOf[id[a]] - 1;
          if (info < 0) info = words.deriveById(text, atoms, a);
        } else info = words.byUnits.get(text, s, j);
        a = b;
      }
      while (m < mEnd && spans[m].end <= s) m++;
      while (x < aEnd && more[x].end <= s) x++;
      const taken = (m < mEnd && spans[m].start < j) || (x < aEnd && more[x].start < j) ? 1 : 0;
      if (info === 0 && merge && count > first && infos[count - 1] === 0 && takens[count - 1] === taken) {
        ends[count - 1] = j;
        continue;
      }
      if (taken === 0) bits |= info;
      starts[count] = s;
      ends[count] = j;
      infos[count] = info;
      takens[count] = taken;
      count++;
    }
    this.count = count;
    this.bits = bits;
    this.m = m;
    this.a = x;
    return true;
  }

  /** Room for `n` more tokens (also for tokens joined from elsewhere: pipeline/paragraphNames.ts). */
  room(n: number): void {
    if (this.count + n <= this.start.length) return;
    const size = Math.max(this.start.length * 2, this.count + n);
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a.subarray(0, this.count)), b);
    this.start = grow(this.start, new Int32Array(size));
    this.end = grow(this.end, new Int32Array(size));
    this.info = grow(this.info, new Int32Array(size));
    this.taken = grow(this.taken, new Uint8Array(size));
  }

  private fromText(text: string, from: number, to: number, words: NameWords): void {
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (!isWord(c) && c !== 38) {
        i++;
        continue;
      }
      let j = i + 1;
      if (c !== 38) {
        while (j < to) {
          const d = text.charCodeAt(j);
          if (isWord(d)) j++;
          else if ((isApostrophe(d) || isDash(d)) && j + 1 < to && isWord(text.charCodeAt(j + 1))) j += 2;
          else break;
        }
        if (j < to && text.charCodeAt(j) === 46 && j - i <= 3 && isUpper(c)) j++;
      }
      this.push(i, j, words.byUnits.get(text, i, j));
      i = j;
    }
  }

  private push(s: number, e: number, info: number): void {
    const spans = this.spans;
    while (this.m < this.mEnd && spans[this.m].end <= s) this.m++;
    const more = this.more;
    while (this.a < this.aEnd && more[this.a].end <= s) this.a++;
    const taken = (this.m < this.mEnd && spans[this.m].start < e) || (this.a < this.aEnd && more[this.a].start < e) ? 1 : 0;
    const n = this.count;
    if (info === 0 && this.merge && n > this.first && this.info[n - 1] === 0 && this.taken[n - 1] === taken) {
      this.end[n - 1] = e;
      return;
    }
    if (taken === 0) this.bits |= info;
    this.room(1);
    this.start[n] = s;
    this.end[n] = e;
    this.info[n] = info;
    this.taken[n] = taken;
    this.count = n + 1;
  }
}
