// Allocation-free building blocks for the tokenizers: Unicode character classes from a lazily filled table
// (same answers as the regexes `\p{L}\p{N}\p{M}` and `\s`), and a cache from a word's code units to what a
// module derives from it, so each distinct word is sliced, normalised and looked up once, not per occurrence.

const CLASS_KNOWN = 1;
/** \p{L} or \p{N}. */
export const CLASS_LN = 2;
/** \p{M}. */
export const CLASS_M = 4;

const LN = /^[\p{L}\p{N}]$/u;
const M = /^\p{M}$/u;
const bmpClass = new Uint8Array(65536);
const astralClass = new Map<number, number>();

function classify(ch: string): number {
  return CLASS_KNOWN | (LN.test(ch) ? CLASS_LN : 0) | (M.test(ch) ? CLASS_M : 0);
}

/** Class bits of a code point (a lone surrogate is neither a letter, a number nor a mark). */
export function codePointClass(cp: number): number {
  if (cp < 128) {
    return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) ? CLASS_KNOWN | CLASS_LN : CLASS_KNOWN;
  }
  if (cp < 65536) {
    let v = bmpClass[cp];
    if (v === 0) {
      v = cp >= 0xd800 && cp <= 0xdfff ? CLASS_KNOWN : classify(String.fromCharCode(cp));
      bmpClass[cp] = v;
    }
    return v;
  }
  let v = astralClass.get(cp);
  if (v === undefined) {
    v = classify(String.fromCodePoint(cp));
    astralClass.set(cp, v);
  }
  return v;
}

/** The code point at `i` as the `u` regex flag reads it: a valid surrogate pair is one code point. */
export function codePointAtUnit(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** JavaScript's `\s`. */
export function isRegexSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

/**
 * Maps the code units `text[start, end)` to a value derived once per distinct word (open addressing over a
 * hash of the units). It forgets everything when it grows past `capacity` entries, so memory stays bounded
 * whatever the text; results never depend on what is cached, only speed does.
 */
export class WordCache<T> {
  private keys: (string | undefined)[];
  private values: (T | undefined)[];
  private hashes: Int32Array;
  private mask: number;
  private count = 0;

  constructor(private readonly derive: (word: string) => T, private readonly capacity = 1 << 15) {
    const size = capacity * 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<T | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  get(text: string, start: number, end: number): T {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && key.length === len) {
        let same = true;
        for (let k = 0; k < len; k++) {
          if (key.charCodeAt(k) !== text.charCodeAt(start + k)) {
            same = false;
            break;
          }
        }
        if (same) return this.values[slot] as T;
      }
      slot = (slot + 1) & this.mask;
    }
    const word = text.slice(start, end);
    const value = this.derive(word);
    if (this.count >= this.capacity) {
      this.keys.fill(undefined);
      this.values.fill(undefined);
      this.count = 0;
      slot = h & this.mask;
    }
    this.keys[slot] = word;
    this.values[slot] = value;
    this.hashes[slot] = h;
    this.count++;
    return value;
  }
}
