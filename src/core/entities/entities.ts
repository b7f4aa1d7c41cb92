// Finds entity mentions (organisations, agreements, places, people ...) in a readout's sentences with one
// word-level trie over every name and alias, so the cost is linear in the text whatever the lexicon's size.
import { CLASS_LN, CLASS_M, Interner, PerId, SpanScan, WordCache, codePointAtUnit, codePointClass, interner, isRegexSpace, scanSpan } from '../text/scan';
import type { EntityEntry, EntityMention, EntityType, ParsedReadout, Span } from '../types';

/**
 * How the text's tokens must be written to match an alias token. The trie is keyed on case-folded tokens, so
 * a rule only narrows a match that the trie already found.
 *  - 'fold': any case ("taiwan strait", "Indo-pacific") — the words of multi-word names.
 *  - 'exact': as written, ignoring diacritics — acronyms and tokens with digits ("US", "G7", "2+2").
 *  - 'proper': as written, in ALL CAPS ("KISHIDA Fumio" in MOFA style) or, for an alias written in lower case,
 *    with a capital first letter — single words, where lower case would hit ordinary words ("turkey", "chad").
 */
type TokenRule = 'fold' | 'exact' | 'proper';

interface AliasRef {
  /**
   * What a mention of the alias names, copied from its entry: a mention is made from the ref alone, which has
   * one shape (lexicon entries have several, with optional fields).
   */
  id: string;
  name: string;
  type: EntityType;
  alias: string;
  /** Normalised (diacritic-free) alias tokens and their rules, aligned with the trie path. */
  tokens: string[];
  rules: TokenRule[];
  /** Every rule is 'fold': the trie's match is the whole check. */
  folds: boolean;
}

/**
 * The trie over every alias's tokens, in typed arrays: nodes are numbers (0 is the root), every key on an edge
 * has a number (`keyIndex`), and a node's edges are a run of `edgeKeys` sorted by key. A step is a few array
 * reads, not a Map lookup, and a spelling's key number is found once per spelling (see AtomKeys).
 */
interface Trie {
  /** Every key on an edge → its number. */
  readonly keyIndex: ReadonlyMap<string, number>;
  /** Per key number: the node under the root it leads to, or -1 (most words start no alias). */
  readonly fromRoot: Int32Array;
  /** Per node: where its edges start in `edgeKeys`/`edgeNodes`; node n's run ends where node n + 1's starts. */
  readonly firstEdge: Int32Array;
  readonly edgeKeys: Int32Array;
  readonly edgeNodes: Int32Array;
  /** Per node: the aliases ending there, later lexicon entries first, so an overlay wins a shared alias. */
  readonly ends: ReadonlyArray<AliasRef[] | undefined>;
}

export interface EntityMatcher {
  readonly entries: readonly EntityEntry[];
  readonly byId: ReadonlyMap<string, EntityEntry>;
  /** Number of distinct (entry, alias variant) paths in the trie. */
  readonly aliasCount: number;
  /** Longest alias in tokens: bounds the work per start token, keeping the scan linear. */
  readonly maxDepth: number;
  readonly trie: Trie;
}

interface Token {
  start: number;
  end: number;
  /** Text without diacritics, case kept: what rules compare. */
  norm: string;
  /** Case-folded `norm`, with dash and apostrophe variants unified: the trie key. */
  key: string;
  word: boolean;
}

// A word is a run of letters, digits and combining marks; every other visible character is a token on its own,
// so "Japan-US", "Japan's", "U.S." and "2+2" split the same way in aliases and in text.
const TOKEN = /([\p{L}\p{N}\p{M}]+)|\S/gu;
const DASHES = /^[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D]$/;
const APOSTROPHES = /^['\u2018\u2019\u02BC\u0060\u00B4\uFF07]$/;
const QUOTES = /^["\u201C\u201D\u201E\u201F\u00AB\u00BB\uFF02]$/;
// Any code unit above 0x7F: only such tokens can carry diacritics worth stripping.
const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}+/gu;

function normalise(raw: string): string {
  return NON_ASCII.test(raw) ? raw.normalize('NFD').replace(MARKS, '').normalize('NFC') : raw;
}

function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const raw = m[0];
    const start = base + m.index;
    const word = m[1] !== undefined;
    if (word) {
      const norm = normalise(raw);
      out.push({ start, end: start + raw.length, norm, key: norm.toLowerCase(), word: true });
    } else {
      const key = DASHES.test(raw) ? '-' : APOSTROPHES.test(raw) ? "'" : QUOTES.test(raw) ? '"' : raw;
      out.push({ start, end: start + raw.length, norm: key, key, word: false });
    }
  }
  return out;
}

function ruleFor(token: string, wordCount: number): TokenRule {
  const hasLower = token !== token.toUpperCase();
  if (!hasLower || /\p{N}/u.test(token)) return 'exact';
  return wordCount === 1 ? 'proper' : 'fold';
}

function tokenMatches(rule: TokenRule, alias: string, text: string): boolean {
  if (rule === 'fold') return true; // the trie already compared the folded forms
  if (text === alias) return true;
  if (rule === 'exact') return false;
  if (text === alias.toUpperCase()) return true;
  const first = alias.charAt(0);
  return first !== first.toUpperCase() && text === first.toUpperCase() + alias.slice(1);
}

/** Builds one matcher over every name and alias of every entry. Later entries win an alias they share. */
export function compileEntities(entries: readonly EntityEntry[]): EntityMatcher {
  const keyIndex = new Map<string, number>();
  // Built with a Map of edges per node, then laid out in typed arrays (see Trie).
  const edges: Array<Map<number, number>> = [new Map()];
  const ends: Array<AliasRef[] | undefined> = [undefined];
  const byId = new Map<string, EntityEntry>();
  let aliasCount = 0;
  let maxDepth = 0;
  entries.forEach((entry) => {
    byId.set(entry.id, entry);
    const seen = new Set<string>();
    for (const alias of [entry.name, ...(entry.aliases ?? [])]) {
      if (typeof alias !== 'string') continue;
      const tokens = tokenize(alias);
      if (tokens.length === 0 || !tokens[0].word) continue;
      // "Indo-Pacific" also matches "Indo Pacific": a hyphen between words is a spelling choice.
      const variants = [tokens];
      const unhyphenated = tokens.filter((t, i) => !(t.key === '-' && tokens[i - 1]?.word && tokens[i + 1]?.word));
      if (unhyphenated.length !== tokens.length) variants.push(unhyphenated);
      for (const variant of variants) {
        const path = variant.map((t) => t.key).join('\u0000');
        if (seen.has(path)) continue;
        seen.add(path);
        const words = variant.filter((t) => t.word).length;
        const ref: AliasRef = {
          id: entry.id,
          name: entry.name,
          type: entry.type,
          alias,
          tokens: variant.map((t) => t.norm),
          rules: variant.map((t) => (t.word ? ruleFor(t.norm, words) : 'fold')),
          folds: false,
        };
        ref.folds = ref.rules.every((r) => r === 'fold');
        let node = 0;
        for (const t of variant) {
          let k = keyIndex.get(t.key);
          if (k === undefined) keyIndex.set(t.key, (k = keyIndex.size));
          let child = edges[node].get(k);
          if (child === undefined) {
            child = edges.length;
            edges.push(new Map());
            ends.push(undefined);
            edges[node].set(k, child);
          }
          node = child;
        }
        (ends[node] ??= []).unshift(ref);
        aliasCount++;
        maxDepth = Math.max(maxDepth, variant.length);
      }
    }
  });
  return { entries, byId, aliasCount, maxDepth, trie: layOut(keyIndex, edges, ends) };
}

function layOut(keyIndex: ReadonlyMap<string, number>, edges: ReadonlyArray<Map<number, number>>, ends: Array<AliasRef[] | undefined>): Trie {
  const fromRoot = new Int32Array(keyIndex.size).fill(-1);
  for (const [k, child] of edges[0]) fromRoot[k] = child;
  const firstEdge = new Int32Array(edges.length + 1);
  let count = 0;
  for (let node = 0; node < edges.length; node++) {
    firstEdge[node] = count;
    count += edges[node].size;
  }
  firstEdge[edges.length] = count;
  const edgeKeys = new Int32Array(count);
  const edgeNodes = new Int32Array(count);
  for (let node = 0; node < edges.length; node++) {
    let e = firstEdge[node];
    for (const k of [...edges[node].keys()].sort((x, y) => x - y)) {
      edgeKeys[e] = k;
      edgeNodes[e++] = edges[node].get(k) as number;
    }
  }
  return { keyIndex, fromRoot, firstEdge, edgeKeys, edgeNodes, ends };
}

/** The node the edge keyed `key` leads to from `node` (not the root: see `fromRoot`), or -1. */
function step(trie: Trie, node: number, key: number): number {
  const keys = trie.edgeKeys;
  let lo = trie.firstEdge[node];
  let hi = trie.firstEdge[node + 1];
  // Binary search over the node's run of keys: most nodes have one edge.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === key) return trie.edgeNodes[mid];
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** Entity mentions inside the readout's sentences (headers and comments are not searched), in text order. */
export function findEntities(text: string, readout: ParsedReadout, matcher: EntityMatcher): EntityMention[] {
  const out: EntityMention[] = [];
  const atoms = new SpanScan();
  for (const s of readout.sentences) {
    const start = Math.max(0, Math.min(s.start, text.length));
    const end = Math.max(start, Math.min(s.end, text.length));
    scanSpan(text, start, end, atoms);
    entitiesInSentence(text, start, end, atoms, s.index, matcher, out);
  }
  return sortMentions(out);
}

/** The order findEntities returns mentions in. */
export function sortMentions(mentions: EntityMention[]): EntityMention[] {
  // Sentence by sentence, the scans find mentions in this order already: a look is cheaper than a sort, which
  // calls its comparator once per mention even then (and, being stable, would leave them as they are).
  for (let k = 1; k < mentions.length; k++) {
    const a = mentions[k - 1];
    const b = mentions[k];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return mentions.sort((x, y) => x.start - y.start || x.end - y.end);
  }
  return mentions;
}

/**
 * Appends the mentions of the sentence `text[start, end)` to `out`, from the shared scan `atoms` of that span
 * (made by scanSpan) when it is simple, else from this module's own tokens.
 */
export function entitiesInSentence(text: string, start: number, end: number, atoms: SpanScan, sentence: number, matcher: EntityMatcher, out: EntityMention[]): void {
  if (atoms.simple) scanAtoms(text, atoms, sentence, matcher, out);
  else scan(text, { start, end }, sentence, matcher, out);
}

/** Mentions in one span of text, for callers without a parsed readout (hover previews, the CLI's --entities). */
export function findEntitiesInSpan(text: string, span: Span, matcher: EntityMatcher, sentence = -1): EntityMention[] {
  const out: EntityMention[] = [];
  scan(text, span, sentence, matcher, out);
  return out;
}

interface WordInfo {
  norm: string;
  key: string;
}

function wordInfo(raw: string): WordInfo {
  const norm = normalise(raw);
  return { norm, key: norm.toLowerCase() };
}

function punctInfo(raw: string): WordInfo {
  const key = DASHES.test(raw) ? '-' : APOSTROPHES.test(raw) ? "'" : QUOTES.test(raw) ? '"' : raw;
  return { norm: key, key };
}

// Per-word results are the same for every matcher, so one cache serves them all.
const wordCache = new WordCache(wordInfo);
const punctCache = new WordCache(punctInfo, 1 << 12);
/** Reused token objects: a sentence's tokens never outlive its scan. */
const pool: Token[] = [];

/** The same tokens as `tokenize(text.slice(start, end), start)`, without the regex or a slice per word. */
function tokenizeSpan(text: string, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    let cls: number;
    let width = 1;
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) cls = CLASS_LN;
      else if (c === 32 || (c >= 9 && c <= 13)) {
        i++;
        continue;
      } else cls = 0;
    } else {
      const cp = codePointAtUnit(text, i, end);
      if (cp > 0xffff) width = 2;
      else if (isRegexSpace(cp)) {
        i++;
        continue;
      }
      cls = codePointClass(cp);
    }
    const s = i;
    i += width;
    let info: WordInfo;
    const word = (cls & (CLASS_LN | CLASS_M)) !== 0;
    if (word) {
      while (i < end) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57)) i++;
          else break;
        } else {
          const cp = codePointAtUnit(text, i, end);
          if ((codePointClass(cp) & (CLASS_LN | CLASS_M)) === 0) break;
          i += cp > 0xffff ? 2 : 1;
        }
      }
      info = wordCache.get(text, s, i);
    } else {
      info = punctCache.get(text, s, i);
    }
    let t = pool[n];
    if (t === undefined) {
      t = { start: s, end: i, norm: info.norm, key: info.key, word };
      pool[n] = t;
    } else {
      t.start = s;
      t.end = i;
      t.norm = info.norm;
      t.key = info.key;
      t.word = word;
    }
    n++;
  }
  return n;
}

function scan(text: string, span: Span, sentence: number, matcher: EntityMatcher, out: EntityMention[]): void {
  const n = tokenizeSpan(text, span.start, span.end);
  const tokens = pool;
  const trie = matcher.trie;
  const keyIndex = trie.keyIndex;
  let i = 0;
  while (i < n) {
    // Leftmost start first, then the longest alias that starts there: "Japan-US Security Consultative
    // Committee" beats "Japan"; when none is longer, "Japan", "-", "US" fall out as one mention per part.
    if (!tokens[i].word) {
      i++;
      continue;
    }
    const first = keyIndex.get(tokens[i].key);
    let node = first === undefined ? -1 : trie.fromRoot[first];
    let best: AliasRef | undefined;
    let bestEnd = -1;
    for (let j = i; node >= 0 && j < n; ) {
      const ends = trie.ends[node];
      if (ends) {
        const hit = ends.find((ref) => verify(ref, tokens, i));
        if (hit) {
          best = hit;
          bestEnd = j;
        }
      }
      j++;
      const key = j < n ? keyIndex.get(tokens[j].key) : undefined;
      node = key === undefined ? -1 : step(trie, node, key);
    }
    // An alias may not end inside a word run such as "G7" in "G7x": tokenisation already guarantees that.
    if (best) {
      const start = tokens[i].start;
      const end = tokens[bestEnd].end;
      out.push({ start, end, text: text.slice(start, end), id: best.id, name: best.name, type: best.type, sentence });
      i = bestEnd + 1;
    } else {
      i++;
    }
  }
}

// The shared scan's atoms are exactly this module's tokens on a simple span: word runs and single punctuation
// characters. What a token's spelling decides is kept per interned id.
const atomWords = new PerId<WordInfo>(wordInfo);
const atomPuncts = new PerId<WordInfo>(punctInfo);

/**
 * Per trie, what each interned spelling decides, UNKNOWN until first asked: the number of its key (-1 when
 * that key is on no edge; word runs and punctuation characters never share a spelling, so one array serves
 * both), and which one-token alias it matches when it starts a walk.
 */
class AtomKeys {
  generation = -1;
  readonly keys = new Int32Array(Interner.MAX_IDS);
  /** The index of the first alias in `ends` of the word's node under the root that it passes, or -1. */
  readonly single = new Int32Array(Interner.MAX_IDS);

  constructor(readonly trie: Trie) {}

  /** Call once per scan: forgets what an earlier generation's ids decided. */
  sync(generation: number): void {
    if (generation !== this.generation) {
      this.keys.fill(UNKNOWN);
      this.single.fill(UNKNOWN);
      this.generation = generation;
    }
  }

  /** firstHit for the aliases `refs` of one token, which only read the spelling of atom `k`. */
  singleHit(refs: AliasRef[], atoms: SpanScan, k: number): number {
    const id = atoms.id[k];
    let e = this.single[id];
    if (e === UNKNOWN) {
      e = firstHit(refs, atoms, k);
      this.single[id] = e;
    }
    return e;
  }

  derive(atoms: SpanScan, k: number): number {
    const id = atoms.id[k];
    const info = atoms.word[k] === 1 ? atomWords.get(id) : atomPuncts.get(id);
    const key = this.trie.keyIndex.get(info.key) ?? -1;
    this.keys[id] = key;
    return key;
  }
}

const UNKNOWN = -2;
const atomKeysByTrie = new WeakMap<Trie, AtomKeys>();
/** The last one asked for: a document is read with one matcher, sentence after sentence. */
let lastAtomKeys: AtomKeys | undefined;

function atomKeysOf(trie: Trie): AtomKeys {
  if (lastAtomKeys !== undefined && lastAtomKeys.trie === trie) return lastAtomKeys;
  let keys = atomKeysByTrie.get(trie);
  if (keys === undefined) {
    keys = new AtomKeys(trie);
    atomKeysByTrie.set(trie, keys);
  }
  lastAtomKeys = keys;
  return keys;
}

function atomInfo(atoms: SpanScan, k: number): WordInfo {
  return atoms.word[k] === 1 ? atomWords.get(atoms.id[k]) : atomPuncts.get(atoms.id[k]);
}

/** scan() over the atoms of a simple span: the same mentions, without a token object per word. */
function scanAtoms(text: string, atoms: SpanScan, sentence: number, matcher: EntityMatcher, out: EntityMention[]): void {
  const generation = atoms.generation;
  atomWords.sync(generation);
  atomPuncts.sync(generation);
  const trie = matcher.trie;
  const atomKeys = atomKeysOf(trie);
  atomKeys.sync(generation);
  const keys = atomKeys.keys;
  const { fromRoot, firstEdge, ends } = trie;
  const n = atoms.count;
  const id = atoms.id;
  let i = 0;
  while (i < n) {
    // Only a word starts an alias, and no punctuation key is on an edge from the root.
    let key = keys[id[i]];
    if (key === UNKNOWN) key = atomKeys.derive(atoms, i);
    let node = key < 0 ? -1 : fromRoot[key];
    if (node < 0) {
      i++;
      continue;
    }
    let best: AliasRef | undefined;
    let bestEnd = -1;
    for (let j = i; node >= 0; ) {
      const refs = ends[node];
      if (refs) {
        // The first node's aliases are one token long: which passes depends on that atom's spelling alone.
        const e = j === i ? atomKeys.singleHit(refs, atoms, i) : firstHit(refs, atoms, i);
        if (e >= 0) {
          best = refs[e];
          bestEnd = j;
        }
      }
      j++;
      if (j < n && firstEdge[node] < firstEdge[node + 1]) {
        key = keys[id[j]];
        if (key === UNKNOWN) key = atomKeys.derive(atoms, j);
        node = key < 0 ? -1 : step(trie, node, key);
      } else {
        node = -1;
      }
    }
    if (best) {
      const start = atoms.start[i];
      const end = atoms.end[bestEnd];
      // A one-atom mention ("Japan", "US") is its atom's spelling: one string per spelling, not a slice per mention.
      const spelling = bestEnd === i ? interner.spelling(id[i]) : text.slice(start, end);
      out.push({ start, end, text: spelling, id: best.id, name: best.name, type: best.type, sentence });
      i = bestEnd + 1;
    } else {
      i++;
    }
  }
}

/** The index of the first of `refs` whose rules the atoms from `from` pass, or -1. */
function firstHit(refs: AliasRef[], atoms: SpanScan, from: number): number {
  for (let e = 0; e < refs.length; e++) {
    if (refs[e].folds || verifyAtoms(refs[e], atoms, from)) return e;
  }
  return -1;
}

function verifyAtoms(ref: AliasRef, atoms: SpanScan, from: number): boolean {
  for (let k = 0; k < ref.rules.length; k++) {
    const rule = ref.rules[k];
    if (rule !== 'fold' && !tokenMatches(rule, ref.tokens[k], atomInfo(atoms, from + k).norm)) return false;
  }
  return true;
}

function verify(ref: AliasRef, tokens: Token[], from: number): boolean {
  for (let k = 0; k < ref.rules.length; k++) {
    if (!tokenMatches(ref.rules[k], ref.tokens[k], tokens[from + k].norm)) return false;
  }
  return true;
}
