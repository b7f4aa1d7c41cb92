// Finds entity mentions (organisations, agreements, places, people ...) in a readout's sentences: walks the
// matcher's trie (matcher.ts) over the atoms of the shared scan, leftmost-longest.
import { Interner, PerId, SpanScan, interner, scanSpan } from '../text/scan';
import { ENTITY_WORD, StageScan, scanStage } from '../text/stageScan';
import type { EntityEntry, EntityMention, ParsedReadout, Span } from '../types';
import { punctInfo, step, tokenMatches, wordInfo, type AliasRef, type EntityMatcher, type Trie, type WordInfo } from './matcher';

export { compileEntities, type EntityMatcher } from './matcher';

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

/** Atoms of a sentence the shared scan left not simple, read with this stage's word characters. */
const ownAtoms = new StageScan();

/**
 * Appends the mentions of the sentence `text[start, end)` to `out`, from the shared scan `atoms` of that span
 * (made by scanSpan) when it is simple, else from the span's scan with this stage's word characters, a window at
 * a time when it is long: a walk starts only where the window holds the longest alias after it.
 */
export function entitiesInSentence(text: string, start: number, end: number, atoms: SpanScan, sentence: number, matcher: EntityMatcher, out: EntityMention[]): void {
  if (atoms.simple) {
    scanAtoms(text, atoms, sentence, matcher, out, atoms.count);
    return;
  }
  const own = ownAtoms;
  for (let from = start; ; ) {
    scanStage(text, from, end, ENTITY_WORD, own);
    if (own.stop >= end) {
      scanAtoms(text, own, sentence, matcher, out, own.count);
      return;
    }
    const next = scanAtoms(text, own, sentence, matcher, out, Math.min(own.count, Math.max(1, own.count - matcher.maxDepth + 1)));
    from = next < own.count ? own.start[next] : own.stop;
  }
}

/** Mentions in one span of text (clamped to it), for callers without a parsed readout. */
export function findEntitiesInSpan(text: string, span: Span, matcher: EntityMatcher, sentence = -1): EntityMention[] {
  const out: EntityMention[] = [];
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const atoms = new SpanScan();
  scanSpan(text, start, end, atoms);
  entitiesInSentence(text, start, end, atoms, sentence, matcher, out);
  return out;
}

// E1: the tokens of a mention are the atoms, word runs and single punctuation characters (see matcher.ts). What
// a token's spelling decides is kept per interned id.
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

/**
 * Appends the mentions that start at the atoms before `limit` (a walk may read every atom); returns the first
 * atom after the last mention or start tried.
 */
function scanAtoms(text: string, atoms: SpanScan, sentence: number, matcher: EntityMatcher, out: EntityMention[], limit: number): number {
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
  while (i < limit) {
    // Leftmost start first, then the longest alias that starts there: "Japan-US Security Consultative
    // Committee" beats "Japan"; when none is longer, "Japan", "-", "US" fall out as one mention per part.
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
      if (best.demonym) out.push({ start, end, text: spelling, id: best.id, name: best.name, type: best.type, sentence, demonym: true });
      else out.push({ start, end, text: spelling, id: best.id, name: best.name, type: best.type, sentence });
      i = bestEnd + 1;
    } else {
      i++;
    }
  }
  return i;
}

/** The index of the first of `refs` whose rules the atoms from `from` pass, or -1. */
function firstHit(refs: AliasRef[], atoms: SpanScan, from: number): number {
  for (let e = 0; e < refs.length; e++) {
    if (refs[e].folds || verifyAtoms(refs[e], atoms, from)) return e;
  }
  return -1;
}

function verifyAtoms(ref: AliasRef, atoms: SpanScan, from: number): boolean {
  // E1.f: a proper name needs a capital somewhere in the text's spelling of it (a word's key is its norm folded).
  let capital = !ref.proper;
  for (let k = 0; k < ref.rules.length; k++) {
    const rule = ref.rules[k];
    const info = atomInfo(atoms, from + k);
    if (rule !== 'fold' && !tokenMatches(rule, ref.tokens[k], info.norm)) return false;
    if (!capital && info.norm !== info.key) capital = true;
  }
  return capital;
}

const repeats = new WeakMap<EntityMention, EntityMention>();

/** A place with demonyms is a country: its people have an adjective (lexicons/entities.yaml). */
function isCountry(entry: EntityEntry | undefined): boolean {
  return entry !== undefined && entry.type === 'place' && entry.demonyms !== undefined && entry.demonyms.length > 0;
}

/**
 * E4: a plain country counts once per readout. Every mention after a country's first name ("United States"
 * after "U.S.") says `repeat`, so the Entities view and the scorer count the country once while the hover works on
 * each; a demonym is no name, so it is no first mention either. Flagged mentions are copies, one per mention
 * object: incremental analysis reuses the objects of the paragraphs an edit left alone, and their copies with them.
 */
export function markCountryRepeats(mentions: EntityMention[], matcher: EntityMatcher, owned = false): EntityMention[] {
  let seen: Set<string> | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.known === false || m.demonym === true || !isCountry(matcher.byId.get(m.id))) continue;
    seen ??= new Set();
    if (!seen.has(m.id)) {
      seen.add(m.id);
      continue;
    }
    // `owned`: the mentions were made for this Analysis alone (analyze()), so the flag goes on the mention itself;
    // the copy and its WeakMap entry cost 5 % of analyze() on a readout that names its countries often.
    if (owned) {
      m.repeat = true;
      continue;
    }
    let repeat = repeats.get(m);
    if (repeat === undefined) repeats.set(m, (repeat = { ...m, repeat: true }));
    mentions[k] = repeat;
  }
  return mentions;
}
