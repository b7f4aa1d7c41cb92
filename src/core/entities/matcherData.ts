// The entity matcher as plain JSON data, for the lexicon snapshot the build writes (src/core/lexicon/snapshot.ts).
// Compiling the built-in names is most of what a CLI run on one small readout spends on its lexicon (about 30 ms
// of 180: every spelling tokenised, a path per spelling, the trie laid out); reading this form back is a few ms.
// The data belongs to one list of entries: compileLexicon uses it only for exactly those entries (the same objects,
// in the same order), so a user's lexicon over the built-ins is compiled as before.
import type { EntityEntry } from '../types';
import type { AliasRef, EntityMatcher, TokenRule } from './matcher';

/** One alias path: [node, index of its entry, alias, demonym, tokens, rules (one letter a token), proper]. */
type RefData = [number, number, string, 0 | 1, string[], string, 0 | 1];

export interface EntityMatcherData {
  aliasCount: number;
  maxDepth: number;
  /** The trie's keys in the order of their numbers. */
  keys: string[];
  fromRoot: number[];
  firstEdge: number[];
  edgeKeys: number[];
  edgeNodes: number[];
  /** Every node's aliases, node by node, each node's in the order of `Trie.ends`. */
  refs: RefData[];
}

const RULE_LETTER: Record<TokenRule, string> = { fold: 'f', exact: 'e', proper: 'p' };
const LETTER_RULE: Record<string, TokenRule> = { f: 'fold', e: 'exact', p: 'proper' };

/** `matcher` (compiled from `matcher.entries`) as data. */
export function matcherToData(matcher: EntityMatcher): EntityMatcherData {
  const index = new Map<string, number>();
  matcher.entries.forEach((e, i) => index.set(e.id, i));
  const { trie } = matcher;
  const refs: RefData[] = [];
  trie.ends.forEach((list, node) => {
    for (const r of list ?? []) {
      const at = index.get(r.id);
      const entry = at === undefined ? undefined : matcher.entries[at];
      if (entry === undefined || entry.name !== r.name || entry.type !== r.type) throw new Error(`alias "${r.alias}" names no entry of the matcher`);
      refs.push([node, at as number, r.alias, r.demonym ? 1 : 0, r.tokens, r.rules.map((rule) => RULE_LETTER[rule]).join(''), r.proper ? 1 : 0]);
    }
  });
  return {
    aliasCount: matcher.aliasCount,
    maxDepth: matcher.maxDepth,
    keys: [...trie.keyIndex.keys()],
    fromRoot: [...trie.fromRoot],
    firstEdge: [...trie.firstEdge],
    edgeKeys: [...trie.edgeKeys],
    edgeNodes: [...trie.edgeNodes],
    refs,
  };
}

const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number');

/**
 * The matcher compileEntities(entries) would build, from `data` that matcherToData made for these entries;
 * undefined when the data does not have that shape (compile instead).
 */
export function matcherFromData(data: unknown, entries: readonly EntityEntry[]): EntityMatcher | undefined {
  const d = data as Partial<EntityMatcherData> | undefined;
  if (!d || typeof d !== 'object' || typeof d.aliasCount !== 'number' || typeof d.maxDepth !== 'number' || !Array.isArray(d.keys) || !Array.isArray(d.refs)) return undefined;
  if (!numbers(d.fromRoot) || !numbers(d.firstEdge) || !numbers(d.edgeKeys) || !numbers(d.edgeNodes)) return undefined;
  if (d.fromRoot.length !== d.keys.length || d.edgeKeys.length !== d.edgeNodes.length) return undefined;
  const nodes = d.firstEdge.length - 1;
  const ends: Array<AliasRef[] | undefined> = new Array(nodes).fill(undefined);
  for (const r of d.refs) {
    if (!Array.isArray(r) || r.length !== 7) return undefined;
    const [node, at, alias, demonym, tokens, letters, proper] = r;
    const entry = entries[at];
    if (entry === undefined || !(node >= 0 && node < nodes) || typeof letters !== 'string' || !Array.isArray(tokens)) return undefined;
    const rules = [...letters].map((l) => LETTER_RULE[l]);
    if (rules.some((rule) => rule === undefined)) return undefined;
    (ends[node] ??= []).push({
      id: entry.id,
      name: entry.name,
      type: entry.type,
      alias,
      demonym: demonym === 1,
      tokens,
      rules,
      proper: proper === 1,
      folds: proper !== 1 && rules.every((rule) => rule === 'fold'),
    });
  }
  const byId = new Map<string, EntityEntry>();
  for (const entry of entries) byId.set(entry.id, entry);
  return {
    entries,
    byId,
    aliasCount: d.aliasCount,
    maxDepth: d.maxDepth,
    trie: {
      keyIndex: new Map(d.keys.map((k, i) => [k, i])),
      fromRoot: Int32Array.from(d.fromRoot),
      firstEdge: Int32Array.from(d.firstEdge),
      edgeKeys: Int32Array.from(d.edgeKeys),
      edgeNodes: Int32Array.from(d.edgeNodes),
      ends,
    },
  };
}
