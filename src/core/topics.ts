// Sentence → primary/secondary topic: compiles the topic lexicon into a keyword map and a phrase trie, then
// scores each sentence from its words, phrases and entity mentions (falling back to the paragraph's evidence).
import type {
  EntityEntry,
  EntityMention,
  ParsedReadout,
  SentenceTopics,
  TopicEntry,
  TopicId,
} from './types';
import { TOPIC_IDS } from './types';
import { CLASS_LN, WordCache, codePointAtUnit, codePointClass } from './textScan';

/**
 * Weights of one piece of evidence. A phrase is more specific than any of its words, so it weighs twice a
 * keyword; an entity named by the topic lexicon is the most specific evidence there is; an entity's own topic
 * hints (from the entity lexicon) weigh a little less, and hints after its first less again.
 */
export const TOPIC_WEIGHTS = {
  keyword: 1,
  phrase: 2,
  topicEntity: 2.5,
  entityHint: 1.5,
  entitySecondaryHint: 1,
} as const;

/**
 * bilateral-relations is the backdrop of every readout: country names ("Japan", "the United States") and words
 * like "relationship" appear in sentences about anything. Its keyword and entity evidence is multiplied by this
 * factor, so one substantive keyword beats two country names; its phrases ("held a telephone call", "special
 * relationship") are specific and keep full weight.
 */
export const BACKDROP_FACTOR = 0.4;
const BACKDROP_TOPIC: TopicId = 'bilateral-relations';

/** A secondary topic is reported only when its score reaches this fraction of the primary's. */
export const SECONDARY_RATIO = 0.5;
/** ...and at least this absolute score, so a single discounted country name never becomes a secondary topic. */
export const SECONDARY_MIN_SCORE = 1;

interface Evidence {
  topic: TopicId;
  weight: number;
}

interface KeywordEvidence extends Evidence {
  /** For keywords written in capitals: the exact surface form (dots removed) the text must show. */
  exact?: string;
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** Evidence when a phrase ends at this node. */
  evidence?: Evidence[];
}

export interface TopicModel {
  /** Folded single word → evidence. */
  keywords: Map<string, KeywordEvidence[]>;
  /** Trie over folded words; a path from the root to a node with evidence is a phrase. */
  phrases: PhraseNode;
  /** Entity id → evidence, merged from the topic entries' `entities` and each entity's own `topics`. */
  entities: Map<string, Evidence[]>;
  /** Topic ids of the lexicon in TOPIC_IDS order, the order ties are broken in. */
  order: Map<TopicId, number>;
}

interface Token {
  start: number;
  end: number;
  /** Lower-cased, dots and possessive removed, plural folded. */
  folded: string;
  /** Surface form with dots and possessive removed (case kept), for capitalised keywords. */
  surface: string;
}

// A word: letters/digits, possibly joined by inner dots or apostrophes ("U.S.", "Japan's").
// Hyphens split words, so "Japan-US" is two words and lexicon phrases are split the same way.
const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

/** Folds plural and possessive endings so that lexicon words and text words meet on one key. */
export function foldWord(word: string): string {
  let w = word.toLowerCase().replace(/\./g, '');
  w = w.replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function surfaceOf(word: string): string {
  return word.replace(/\./g, '').replace(/['’]s$/, '');
}

function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    tokens.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      folded: foldWord(m[0]),
      surface: surfaceOf(m[0]),
    });
  }
  return tokens;
}

interface WordForms {
  folded: string;
  surface: string;
}

const formsCache = new WordCache<WordForms>((word) => ({ folded: foldWord(word), surface: surfaceOf(word) }));
/** Reused token objects: a sentence's tokens never outlive its scoring. */
const pool: Token[] = [];
let coveredBuffer = new Uint8Array(256);

/** Length in code units of the [\p{L}\p{N}] code point at `i`, or 0 when there is none. */
function wordUnitAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const cp = codePointAtUnit(text, i, end);
  if ((codePointClass(cp) & CLASS_LN) === 0) return 0;
  return cp > 0xffff ? 2 : 1;
}

/** The same tokens as `tokenize(text.slice(start, end), start)`, into `pool`, without the regex. */
function tokenizeSpan(text: string, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end) {
    const w = wordUnitAt(text, i, end);
    if (w === 0) {
      const c = text.charCodeAt(i);
      // Skip one code point, as the regex's search does.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const s = i;
    i += w;
    for (;;) {
      if (i >= end) break;
      const u = wordUnitAt(text, i, end);
      if (u > 0) {
        i += u;
        continue;
      }
      const c = text.charCodeAt(i);
      if ((c === 46 || c === 39 || c === 0x2019) && i + 1 < end) {
        const v = wordUnitAt(text, i + 1, end);
        if (v > 0) {
          i += 1 + v;
          continue;
        }
      }
      break;
    }
    const forms = formsCache.get(text, s, i);
    let t = pool[n];
    if (t === undefined) {
      t = { start: s, end: i, folded: forms.folded, surface: forms.surface };
      pool[n] = t;
    } else {
      t.start = s;
      t.end = i;
      t.folded = forms.folded;
      t.surface = forms.surface;
    }
    n++;
  }
  return n;
}

function isCapitalised(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

function pushEvidence<T extends Evidence>(map: Map<string, T[]>, key: string, ev: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [ev]);
  else {
    // The same term listed twice under one topic counts once, at its highest weight.
    const same = list.find((e) => e.topic === ev.topic && (e as KeywordEvidence).exact === (ev as KeywordEvidence).exact);
    if (same === undefined) list.push(ev);
    else same.weight = Math.max(same.weight, ev.weight);
  }
}

function isTopicId(id: unknown): id is TopicId {
  return typeof id === 'string' && (TOPIC_IDS as readonly string[]).includes(id);
}

/** Compiles the topic lexicon and the entity lexicon's topic hints into one lookup model. Never throws. */
export function compileTopics(topics: TopicEntry[], entities: EntityEntry[]): TopicModel {
  const model: TopicModel = {
    keywords: new Map(),
    phrases: { next: new Map() },
    entities: new Map(),
    order: new Map(TOPIC_IDS.map((id, i) => [id, i])),
  };
  for (const entry of Array.isArray(topics) ? topics : []) {
    if (entry === null || typeof entry !== 'object' || !isTopicId(entry.id)) continue;
    const topic = entry.id;
    const backdrop = topic === BACKDROP_TOPIC ? BACKDROP_FACTOR : 1;
    for (const raw of Array.isArray(entry.keywords) ? entry.keywords : []) {
      if (typeof raw !== 'string') continue;
      const words = tokenize(raw);
      if (words.length === 0) continue;
      if (words.length > 1) {
        // A hyphenated "keyword" such as "counter-terrorism" is really a phrase of its parts.
        addPhrase(model.phrases, words, { topic, weight: TOPIC_WEIGHTS.keyword * backdrop });
        continue;
      }
      const word = words[0];
      const ev: KeywordEvidence = { topic, weight: TOPIC_WEIGHTS.keyword * backdrop };
      if (isCapitalised(raw.trim()) && /\p{L}/u.test(raw)) ev.exact = word.surface;
      pushEvidence(model.keywords, word.folded, ev);
    }
    for (const raw of Array.isArray(entry.phrases) ? entry.phrases : []) {
      if (typeof raw !== 'string') continue;
      const words = tokenize(raw);
      if (words.length === 0) continue;
      const weight = words.length === 1 ? TOPIC_WEIGHTS.keyword * backdrop : TOPIC_WEIGHTS.phrase;
      if (words.length === 1) pushEvidence(model.keywords, words[0].folded, { topic, weight });
      else addPhrase(model.phrases, words, { topic, weight });
    }
    for (const id of Array.isArray(entry.entities) ? entry.entities : []) {
      if (typeof id !== 'string') continue;
      pushEvidence(model.entities, id, { topic, weight: TOPIC_WEIGHTS.topicEntity * backdrop });
    }
  }
  for (const entity of Array.isArray(entities) ? entities : []) {
    if (entity === null || typeof entity !== 'object' || typeof entity.id !== 'string') continue;
    const hints = Array.isArray(entity.topics) ? entity.topics.filter(isTopicId) : [];
    hints.forEach((topic, i) => {
      const base = i === 0 ? TOPIC_WEIGHTS.entityHint : TOPIC_WEIGHTS.entitySecondaryHint;
      pushEvidence(model.entities, entity.id, { topic, weight: base * (topic === BACKDROP_TOPIC ? BACKDROP_FACTOR : 1) });
    });
  }
  return model;
}

function addPhrase(root: PhraseNode, words: Token[], ev: Evidence): void {
  let node = root;
  for (const w of words) {
    let child = node.next.get(w.folded);
    if (child === undefined) {
      child = { next: new Map() };
      node.next.set(w.folded, child);
    }
    node = child;
  }
  node.evidence ??= [];
  const same = node.evidence.find((e) => e.topic === ev.topic);
  if (same === undefined) node.evidence.push(ev);
  else same.weight = Math.max(same.weight, ev.weight);
}

type Scores = Map<TopicId, number>;

function add(scores: Scores, evidence: readonly Evidence[]): void {
  for (const ev of evidence) scores.set(ev.topic, (scores.get(ev.topic) ?? 0) + ev.weight);
}

/**
 * Scores one sentence: the words inside an entity mention are left to the entity's evidence (so "China" is not
 * counted twice); elsewhere the longest phrase starting at a word wins over the single word.
 */
function scoreSentence(tokens: Token[], count: number, mentions: EntityMention[], model: TopicModel): Scores {
  const scores: Scores = new Map();
  // Mentions arrive sorted by start; a sweep marks the tokens they cover.
  if (coveredBuffer.length < count) coveredBuffer = new Uint8Array(count * 2);
  const covered = coveredBuffer;
  covered.fill(0, 0, count);
  let t = 0;
  for (const m of mentions) {
    const ev = model.entities.get(m.id);
    if (ev !== undefined) add(scores, ev);
    while (t < count && tokens[t].end <= m.start) t++;
    for (let k = t; k < count && tokens[k].start < m.end; k++) {
      // Words that start inside the mention ("Japan's" for the mention "Japan"); "US" in "Japan-US" stays its own
      // word when the mention is "Japan".
      if (tokens[k].start >= m.start && ev !== undefined) covered[k] = 1;
    }
  }
  for (let i = 0; i < count; ) {
    if (covered[i]) {
      i++;
      continue;
    }
    let node: PhraseNode | undefined = model.phrases;
    let best: Evidence[] | undefined;
    let bestEnd = i;
    for (let j = i; j < count && !covered[j]; j++) {
      node = node.next.get(tokens[j].folded);
      if (node === undefined) break;
      if (node.evidence !== undefined && j > i) {
        best = node.evidence;
        bestEnd = j;
      }
    }
    if (best !== undefined) {
      add(scores, best);
      i = bestEnd + 1;
      continue;
    }
    const kw = model.keywords.get(tokens[i].folded);
    if (kw !== undefined) {
      for (const ev of kw) {
        if (ev.exact !== undefined && ev.exact !== tokens[i].surface && ev.exact + 's' !== tokens[i].surface) continue;
        scores.set(ev.topic, (scores.get(ev.topic) ?? 0) + ev.weight);
      }
    }
    i++;
  }
  scores.delete('other');
  return scores;
}

/** The best and second-best topics; ties go to the earlier id in TOPIC_IDS, and the backdrop topic loses ties. */
function rank(scores: Scores, model: TopicModel): Array<[TopicId, number]> {
  const key = (id: TopicId): number => (id === BACKDROP_TOPIC ? 1000 : (model.order.get(id) ?? 999));
  return [...scores.entries()].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || key(a[0]) - key(b[0]));
}

function pick(scores: Scores, model: TopicModel, sentence: number): SentenceTopics | undefined {
  const ranked = rank(scores, model);
  if (ranked.length === 0) return undefined;
  const [primary, top] = ranked[0];
  const result: SentenceTopics = { sentence, primary };
  const second = ranked[1];
  if (second !== undefined && second[1] >= SECONDARY_MIN_SCORE && second[1] >= top * SECONDARY_RATIO) {
    result.secondary = second[0];
  }
  return result;
}

/**
 * One SentenceTopics per sentence of `readout`, in order. A sentence with evidence of its own takes its best
 * topics; one without takes the best topic of its paragraph's evidence, else the previous sentence's topic in
 * the same paragraph, else 'other'. Linear in the text and mentions; never throws.
 */
export function assignTopics(
  text: string,
  readout: ParsedReadout,
  mentions: EntityMention[],
  model: TopicModel,
): SentenceTopics[] {
  const sentences = readout?.sentences ?? [];
  try {
    const bySentence = new Map<number, EntityMention[]>();
    const sorted = [...(mentions ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const m of sorted) {
      const list = bySentence.get(m.sentence);
      if (list === undefined) bySentence.set(m.sentence, [m]);
      else list.push(m);
    }
    const scores: Scores[] = sentences.map((s) => {
      // Offsets must line up with the mentions', so the sentence is read from the file text when it can be.
      const own = bySentence.get(s.index) ?? [];
      if (typeof text === 'string' && s.end > s.start && s.start < text.length) {
        const count = tokenizeSpan(text, Math.max(0, s.start), Math.min(s.end, text.length));
        return scoreSentence(pool, count, own, model);
      }
      const fallback = tokenize(s.text ?? '', s.start);
      return scoreSentence(fallback, fallback.length, own, model);
    });
    const paragraphScores = new Map<number, Scores>();
    sentences.forEach((s, i) => {
      let p = paragraphScores.get(s.paragraph);
      if (p === undefined) {
        p = new Map();
        paragraphScores.set(s.paragraph, p);
      }
      for (const [topic, v] of scores[i]) p.set(topic, (p.get(topic) ?? 0) + v);
    });
    const results: SentenceTopics[] = [];
    sentences.forEach((s, i) => {
      const own = pick(scores[i], model, s.index);
      if (own !== undefined) {
        results.push(own);
        return;
      }
      const para = pick(paragraphScores.get(s.paragraph) ?? new Map(), model, s.index);
      if (para !== undefined) {
        // Borrowed evidence supports a primary only; a secondary would overstate what the sentence says.
        results.push({ sentence: s.index, primary: para.primary });
        return;
      }
      const prev = i > 0 && sentences[i - 1].paragraph === s.paragraph ? results[i - 1] : undefined;
      results.push({ sentence: s.index, primary: prev?.primary ?? 'other' });
    });
    return results;
  } catch {
    return sentences.map((s, i) => ({ sentence: s?.index ?? i, primary: 'other' }));
  }
}
