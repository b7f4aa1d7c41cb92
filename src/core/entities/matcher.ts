// The entity matcher compiled from the lexicon: one word-level trie over every name and alias, so finding
// mentions costs linear time in the text whatever the lexicon's size (entities.ts walks it).
import { ENTITY_WORD, StageScan, scanStage } from '../text/stageScan';
import type { EntityEntry, EntityType } from '../types';

/**
 * How the text's tokens must be written to match an alias token. The trie is keyed on case-folded tokens, so
 * a rule only narrows a match that the trie already found.
 *  - 'fold': any case ("taiwan strait", "Indo-pacific") — the words of multi-word names.
 *  - 'exact': as written, ignoring diacritics — acronyms and tokens with digits ("US", "G7", "2+2").
 *  - 'proper' (E1: a name, not the ordinary word it spells): as written, in ALL CAPS ("KISHIDA Fumio" in MOFA
 *    style) or, for an alias written in lower case, with a capital first letter — single words, where lower
 *    case would hit ordinary words ("turkey", "chad").
 */
export type TokenRule = 'fold' | 'exact' | 'proper';

export interface AliasRef {
  /**
   * What a mention of the alias names, copied from its entry: a mention is made from the ref alone, which has
   * one shape (lexicon entries have several, with optional fields).
   */
  id: string;
  name: string;
  type: EntityType;
  alias: string;
  /** The alias is one of the entry's demonyms: its mentions say so (they are no names). */
  demonym: boolean;
  /** Normalised (diacritic-free) alias tokens and their rules, aligned with the trie path. */
  tokens: string[];
  rules: TokenRule[];
  /**
   * The alias is a proper name of words, written with a capital ("Build Back Better", "Group of 20"): text that
   * writes it all in lower case is the common phrase ("to build back better"), no mention (policy E1.f).
   */
  proper: boolean;
  /** Every rule is 'fold' and the alias is no proper name: the trie's match is the whole check. */
  folds: boolean;
}

/**
 * The trie over every alias's tokens, in typed arrays: nodes are numbers (0 is the root), every key on an edge
 * has a number (`keyIndex`), and a node's edges are a run of `edgeKeys` sorted by key. A step is a few array
 * reads, not a Map lookup, and a spelling's key number is found once per spelling (see AtomKeys).
 */
export interface Trie {
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

/** A token of an alias, as the text's atoms are read (entities.ts). */
interface AliasToken {
  /** Text without diacritics, case kept: what rules compare. */
  norm: string;
  /** Case-folded `norm`, with dash and apostrophe variants unified: the trie key. */
  key: string;
  word: boolean;
}

// E1: a word is a run of letters, digits and combining marks; every other visible character is a token on its
// own, so "Japan-US", "Japan's", "U.S." and "2+2" split the same way in aliases and in text (both read the atoms
// of scanStage with ENTITY_WORD, or of the shared scan where it agrees).
const DASHES = /^[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D]$/;
const APOSTROPHES = /^['\u2018\u2019\u02BC\u0060\u00B4\uFF07]$/;
const QUOTES = /^["\u201C\u201D\u201E\u201F\u00AB\u00BB\uFF02]$/;
// Any code unit above 0x7F: only such tokens can carry diacritics worth stripping.
const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}+/gu;

function normalise(raw: string): string {
  return NON_ASCII.test(raw) ? raw.normalize('NFD').replace(MARKS, '').normalize('NFC') : raw;
}

/** What a word atom's spelling decides. */
export interface WordInfo {
  norm: string;
  key: string;
}

export function wordInfo(raw: string): WordInfo {
  const norm = normalise(raw);
  return { norm, key: norm.toLowerCase() };
}

/** What a punctuation atom's spelling decides: dash, apostrophe and quote variants meet on one key. */
export function punctInfo(raw: string): WordInfo {
  const key = DASHES.test(raw) ? '-' : APOSTROPHES.test(raw) ? "'" : QUOTES.test(raw) ? '"' : raw;
  return { norm: key, key };
}

const aliasAtoms = new StageScan();

function aliasTokens(alias: string): AliasToken[] {
  scanStage(alias, 0, alias.length, ENTITY_WORD, aliasAtoms, false);
  const out: AliasToken[] = [];
  for (let k = 0; k < aliasAtoms.count; k++) {
    const raw = alias.slice(aliasAtoms.start[k], aliasAtoms.end[k]);
    const word = aliasAtoms.word[k] === 1;
    out.push({ ...(word ? wordInfo(raw) : punctInfo(raw)), word });
  }
  return out;
}

function ruleFor(token: string, wordCount: number): TokenRule {
  const hasLower = token !== token.toUpperCase();
  if (!hasLower || /\p{N}/u.test(token)) return 'exact';
  return wordCount === 1 ? 'proper' : 'fold';
}

export function tokenMatches(rule: TokenRule, alias: string, text: string): boolean {
  if (rule === 'fold') return true; // the trie already compared the folded forms
  if (text === alias) return true;
  if (rule === 'exact') return false;
  if (text === alias.toUpperCase()) return true;
  const first = alias.charAt(0);
  return first !== first.toUpperCase() && text === first.toUpperCase() + alias.slice(1);
}

/**
 * Builds one matcher over every name and alias of every entry. Later entries win an alias they share. E2: an
 * acronym and its expansion are aliases of one entry, so every spelling's mention carries the same id.
 */
export function compileEntities(entries: readonly EntityEntry[]): EntityMatcher {
  const keyIndex = new Map<string, number>();
  // Built with a Map of edges per node, then laid out in typed arrays (see Trie).
  const edges: Array<Map<number, number>> = [new Map()];
  const ends: Array<AliasRef[] | undefined> = [undefined];
  const byId = new Map<string, EntityEntry>();
  let aliasCount = 0;
  let maxDepth = 0;
  // E1.f: the words that are names on their own ("Taiwan", "Japanese"): a lower-case phrase holding one is a proper
  // name written in lower case ("the taiwan strait"), not a common phrase.
  const properWords = new Set<string>();
  // Each spelling is read once, for both passes (aliasTokens is most of what compiling costs).
  const tokensOf = new Map<string, ReturnType<typeof aliasTokens>>();
  const read = (alias: string): ReturnType<typeof aliasTokens> => {
    let tokens = tokensOf.get(alias);
    if (tokens === undefined) tokensOf.set(alias, (tokens = aliasTokens(alias)));
    return tokens;
  };
  for (const entry of entries) {
    for (const alias of [entry.name, ...(entry.aliases ?? []), ...(entry.demonyms ?? [])]) {
      if (typeof alias !== 'string') continue;
      const tokens = read(alias);
      if (tokens.length === 1 && tokens[0].word && tokens[0].norm !== tokens[0].key && tokens[0].norm !== tokens[0].norm.toUpperCase()) properWords.add(tokens[0].key);
    }
  }
  entries.forEach((entry) => {
    byId.set(entry.id, entry);
    const seen = new Set<string>();
    const demonymsFrom = 1 + (entry.aliases ?? []).length;
    for (const [n, alias] of [entry.name, ...(entry.aliases ?? []), ...(entry.demonyms ?? [])].entries()) {
      if (typeof alias !== 'string') continue;
      const tokens = read(alias);
      if (tokens.length === 0 || !tokens[0].word) continue;
      // "Indo-Pacific" also matches "Indo Pacific": a hyphen between words is a spelling choice.
      const variants = [tokens];
      const unhyphenated = tokens.filter((t, i) => !(t.key === '-' && tokens[i - 1]?.word && tokens[i + 1]?.word));
      if (unhyphenated.length !== tokens.length) variants.push(unhyphenated);
      for (const variant of variants) {
        const words = variant.filter((t) => t.word).length;
        const rules = variant.map((t) => (t.word ? ruleFor(t.norm, words) : 'fold'));
        // One path per spelling the rules tell apart: "Covid-19" beside "COVID-19" is a second way to write
        // it, not a duplicate (the first's 'exact' "COVID" would refuse "Covid").
        // A proper name's spelling is one path and the same words in lower case another (E1.f).
        const proper = words >= 2 && variant.some((t) => t.word && t.norm !== t.key) && !variant.some((t) => t.word && properWords.has(t.key));
        const path = variant.map((t, i) => (rules[i] === 'fold' ? t.key : `${t.key}\u0001${t.norm}`)).join('\u0000') + (proper ? '\u0002' : '');
        if (seen.has(path)) continue;
        seen.add(path);
        const ref: AliasRef = {
          id: entry.id,
          name: entry.name,
          type: entry.type,
          alias,
          demonym: n >= demonymsFrom,
          tokens: variant.map((t) => t.norm),
          rules,
          proper,
          folds: false,
        };
        ref.folds = !ref.proper && ref.rules.every((r) => r === 'fold');
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
export function step(trie: Trie, node: number, key: number): number {
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
