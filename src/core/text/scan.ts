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

/** Does `text[start, end)` hold the code unit `unit`? Reads only that range (lastIndexOf would go on past `start`). */
export function hasCodeUnit(text: string, start: number, end: number, unit: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === unit) return true;
  return false;
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
    // The table starts small and doubles up to twice the capacity: the CLI makes several caches at every start
    // and analyses a short readout, and filling full-size tables cost it more than the readout's analysis.
    const size = Math.min(capacity * 2, INITIAL_WORD_SLOTS);
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
    } else if ((this.count + 1) * 2 > this.keys.length && this.keys.length < this.capacity * 2) {
      this.grow();
      slot = h & this.mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = word;
    this.values[slot] = value;
    this.hashes[slot] = h;
    this.count++;
    return value;
  }

  /** Doubles the table, keeping every entry. */
  private grow(): void {
    const { keys, values, hashes } = this;
    const size = keys.length * 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<T | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === undefined) continue;
      let slot = hashes[i] & this.mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[i];
      this.values[slot] = values[i];
      this.hashes[slot] = hashes[i];
    }
  }
}

/** Slots a WordCache starts with. */
const INITIAL_WORD_SLOTS = 1024;

// ---------------------------------------------------------------------------------------------------------
// The shared scan: one pass over a sentence's code units that every stage (cues, entities, topics, acronyms)
// reads instead of tokenising the sentence again. It splits the sentence into atoms: word runs (letters,
// digits, marks) and single punctuation characters, with whitespace skipped, each with its offsets and an
// interned id. Each stage builds its own tokens from the atoms (cues join "U.S" and "Japan's", topics join
// "U.S" but not "Japan-US", entities take the atoms as they are) and keeps what it derives from a spelling in
// arrays indexed by the id, so a word is hashed once per occurrence and derived once per spelling.
//
// The stages' tokenisers disagree on a few characters beyond ASCII (combining marks, superscripts, "×", letters
// in the symbol blocks, surrogate pairs). A sentence holding one is marked not `simple` and each stage reads it
// with its own tokeniser, so results never depend on which path ran.

/** Unit classes of the shared scan. */
const U_UNKNOWN = 0;
const U_SPACE = 1;
/** A word character for every stage. */
const U_WORD = 2;
/** A character no stage counts as a word character or a space: an atom of its own. */
const U_PUNCT = 3;
/** A character the stages classify differently (or a surrogate): the sentence is not simple. */
const U_OTHER = 4;

const unitClass = new Uint8Array(65536);

/** The cue tokeniser's word characters (commitments.ts): ASCII letters and digits, and most of the rest above U+00BF. */
export function isCueWordCode(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 0xc0) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303f) return false;
  return !isRegexSpace(c);
}

function classifyUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return U_OTHER;
  if (isRegexSpace(c)) return U_SPACE;
  const cls = codePointClass(c);
  const cue = isCueWordCode(c);
  const entity = (cls & (CLASS_LN | CLASS_M)) !== 0;
  const topic = (cls & CLASS_LN) !== 0;
  if (cue && entity && topic) return U_WORD;
  if (!cue && !entity && !topic) return U_PUNCT;
  return U_OTHER;
}
for (let c = 0; c < 128; c++) unitClass[c] = classifyUnit(c);

/**
 * Interns code-unit strings as small integer ids (open addressing over a hash of the units). Ids are stable
 * until the table is full: then `reset` (called only between sentences) forgets everything and bumps
 * `generation`, and every per-id array a stage keeps must be dropped. Memory stays bounded whatever the text.
 *
 * Spellings are kept as code units in one pool (an offset and a length per id), not as slices of the text: a
 * lookup compares typed-array units with the text's (a slice may be a view into the text or a copy, and reading
 * both kinds made the comparison the scan's hottest line), and no spelling keeps a whole document alive. The
 * string of an id is made only when a stage asks for it (`spelling`), once per id.
 */
export class Interner {
  /** Ids handed out before the table is reset. */
  static readonly MAX_IDS = 1 << 16;
  /** Per slot: the id (-1 when free) and the hash of its spelling side by side, so a probe reads one place. */
  private readonly table = new Int32Array(Interner.MAX_IDS * 4).fill(-1);
  private readonly mask = Interner.MAX_IDS * 2 - 1;
  /** Where each id's code units start in `pool`, and how many there are. */
  private readonly offsets = new Int32Array(Interner.MAX_IDS);
  private readonly lengths = new Int32Array(Interner.MAX_IDS);
  private pool = new Uint16Array(1 << 16);
  private used = 0;
  /** Strings of the ids asked for so far (undefined until then); preallocated, as ids are asked in any order. */
  private readonly strings: (string | undefined)[] = new Array<string | undefined>(Interner.MAX_IDS).fill(undefined);
  count = 0;
  generation = 0;

  reset(): void {
    this.table.fill(-1);
    this.strings.fill(undefined);
    this.used = 0;
    this.count = 0;
    this.generation++;
  }

  /** Room for `n` more ids without a reset? */
  hasRoom(n: number): boolean {
    return this.count + n <= Interner.MAX_IDS;
  }

  /** The id of `text[start, end)`, whose FNV-1a hash over the units is `h`; the caller guarantees room. */
  idOf(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const id = table[2 * slot];
      if (id < 0) break;
      if (table[2 * slot + 1] === h && this.lengths[id] === len) {
        const pool = this.pool;
        const at = this.offsets[id] - start;
        let k = start;
        while (k < end && pool[at + k] === text.charCodeAt(k)) k++;
        if (k === end) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    table[2 * slot] = id;
    table[2 * slot + 1] = h;
    if (this.used + len > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.used + len));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    const pool = this.pool;
    const at = this.used - start;
    for (let k = start; k < end; k++) pool[at + k] = text.charCodeAt(k);
    this.offsets[id] = this.used;
    this.lengths[id] = len;
    this.used += len;
    return id;
  }

  /** The id of `text[start, end)`, hashing it here. */
  idOfRange(text: string, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return this.idOf(text, start, end, h);
  }

  /** The string of an id of this generation. */
  spelling(id: number): string {
    let s = this.strings[id];
    if (s === undefined) {
      const off = this.offsets[id];
      const len = this.lengths[id];
      // In chunks: a spelling may be a whole (long) sentence, more units than a call takes arguments.
      s = '';
      for (let k = 0; k < len; k += 4096) s += String.fromCharCode.apply(null, this.pool.subarray(off + k, off + Math.min(len, k + 4096)) as unknown as number[]);
      this.strings[id] = s;
    }
    return s;
  }
}

/** The one interner of the shared scan. */
export const interner = new Interner();

/** Atoms of one span; reused from sentence to sentence (valid until the next `scanSpan` into it). */
export class SpanScan {
  count = 0;
  /** False when a stage must tokenise the span itself (see the notes above). */
  simple = true;
  /** `interner.generation` when scanned: ids are valid for this generation. */
  generation = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  id = new Int32Array(256);
  /** 1 for a word run, 0 for a punctuation character. */
  word = new Uint8Array(256);
  /** The atom's first code unit: the stages test it ("U.S", "Japan's", an acronym's capital) without reading the text. */
  unit = new Uint16Array(256);

  grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(size);
    end.set(this.end);
    this.end = end;
    const id = new Int32Array(size);
    id.set(this.id);
    this.id = id;
    const word = new Uint8Array(size);
    word.set(this.word);
    this.word = word;
    const unit = new Uint16Array(size);
    unit.set(this.unit);
    this.unit = unit;
  }
}

/**
 * Scans `text[start, end)` into `out`: its atoms, or `simple = false` when a character there needs the stages'
 * own tokenisers (or the span is too long to intern without a reset in the middle).
 */
export function scanSpan(text: string, start: number, end: number, out: SpanScan): void {
  out.count = 0;
  out.simple = false;
  // Room for every atom and for the stages' joined tokens ("U.S", "Japan's"), so no reset comes mid-sentence.
  const room = 2 * (end - start);
  if (!interner.hasRoom(room)) {
    if (room > Interner.MAX_IDS) return;
    interner.reset();
  }
  out.generation = interner.generation;
  let n = 0;
  let i = start;
  let starts = out.start;
  let ends = out.end;
  let ids = out.id;
  let words = out.word;
  let units = out.unit;
  while (i < end) {
    let c = text.charCodeAt(i);
    let cls = unitClass[c];
    if (cls === U_UNKNOWN) cls = unitClass[c] = classifyUnit(c);
    if (cls === U_SPACE) {
      i++;
      continue;
    }
    if (cls === U_OTHER) {
      out.count = 0;
      return;
    }
    if (n === starts.length) {
      out.grow();
      starts = out.start;
      ends = out.end;
      ids = out.id;
      words = out.word;
      units = out.unit;
    }
    const s = i;
    units[n] = c;
    let h = Math.imul(0x811c9dc5 ^ c, 16777619);
    i++;
    if (cls === U_WORD) {
      while (i < end) {
        c = text.charCodeAt(i);
        cls = unitClass[c];
        if (cls !== U_WORD) {
          if (cls !== U_UNKNOWN) break;
          cls = unitClass[c] = classifyUnit(c);
          if (cls !== U_WORD) break;
        }
        h = Math.imul(h ^ c, 16777619);
        i++;
      }
      words[n] = 1;
    } else {
      words[n] = 0;
    }
    starts[n] = s;
    ends[n] = i;
    ids[n] = interner.idOf(text, s, i, h);
    n++;
  }
  out.count = n;
  out.simple = true;
}

/**
 * Values derived from interned spellings, one per id: `get(id)` derives on first use. Cleared when the interner
 * resets (its ids then mean other strings).
 */
export class PerId<T> {
  private values: (T | undefined)[] = [];
  private generation = -1;

  /** `derive` gives a spelling's value; never undefined (null stands for "none"). */
  constructor(private readonly derive: (word: string, id: number) => T) {}

  /** Call once per scan before `get`: drops the values of an earlier generation. */
  sync(generation: number): void {
    if (generation !== this.generation) {
      // Preallocated: ids arrive in any order, and a sparse array would fall back to a dictionary.
      this.values = new Array<T | undefined>(Interner.MAX_IDS).fill(undefined);
      this.generation = generation;
    }
  }

  get(id: number): T {
    let v = this.values[id];
    if (v === undefined) {
      v = this.derive(interner.spelling(id), id);
      this.values[id] = v;
    }
    return v;
  }
}
