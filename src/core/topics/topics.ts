// Sentence → primary/secondary topic: compiles the topic lexicon into a keyword map and a phrase trie, then
// scores each sentence from its words, phrases and entity mentions (falling back to the paragraph's evidence).
import type {
  EntityEntry,
  EntityMention,
  ParsedReadout,
  Sentence,
  SentenceTopics,
  TopicEntry,
  TopicId,
} from '../types';
import { TOPIC_IDS } from '../types';
import { CLASS_LN, PerId, SpanScan, WordCache, codePointAtUnit, codePointClass, interner, scanSpan } from '../text/scan';

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
  /** The topic's index in TOPIC_IDS, where TopicScorer adds the weight (set by compileTopics). */
  slot?: number;
}

interface KeywordEvidence extends Evidence {
  /** For keywords written in capitals: the exact surface form (dots removed) the text must show. */
  exact?: string;
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** `next` keyed by the words' numbers in `TopicModel.phraseWords`: what scoring walks. */
  byKey: Map<number, PhraseNode>;
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
  /** Every folded word on a phrase-trie edge → a small number, looked up once per token spelling. */
  phraseWords: Map<string, number>;
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

/** A single-word keyword; one written in capitals (US, AI) matches only the same capitals in the text. */
function addKeyword(model: TopicModel, raw: string, word: Token, ev: KeywordEvidence): void {
  if (isCapitalised(raw.trim()) && /\p{L}/u.test(raw)) ev.exact = word.surface;
  pushEvidence(model.keywords, word.folded, ev);
}

/** Compiles the topic lexicon and the entity lexicon's topic hints into one lookup model. Never throws. */
export function compileTopics(topics: TopicEntry[], entities: EntityEntry[]): TopicModel {
  const model: TopicModel = {
    keywords: new Map(),
    phrases: { next: new Map(), byKey: new Map() },
    entities: new Map(),
    order: new Map(TOPIC_IDS.map((id, i) => [id, i])),
    phraseWords: new Map(),
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
        addPhrase(model, words, evidence(topic, TOPIC_WEIGHTS.keyword * backdrop));
        continue;
      }
      addKeyword(model, raw, words[0], evidence(topic, TOPIC_WEIGHTS.keyword * backdrop));
    }
    for (const raw of Array.isArray(entry.phrases) ? entry.phrases : []) {
      if (typeof raw !== 'string') continue;
      const words = tokenize(raw);
      if (words.length === 0) continue;
      // A one-word "phrase" is a keyword, capitals rule included ("US" under phrases still is not "us").
      if (words.length === 1) addKeyword(model, raw, words[0], evidence(topic, TOPIC_WEIGHTS.keyword * backdrop));
      else addPhrase(model, words, evidence(topic, TOPIC_WEIGHTS.phrase));
    }
    for (const id of Array.isArray(entry.entities) ? entry.entities : []) {
      if (typeof id !== 'string') continue;
      pushEvidence(model.entities, id, evidence(topic, TOPIC_WEIGHTS.topicEntity * backdrop));
    }
  }
  for (const entity of Array.isArray(entities) ? entities : []) {
    if (entity === null || typeof entity !== 'object' || typeof entity.id !== 'string') continue;
    const hints = Array.isArray(entity.topics) ? entity.topics.filter(isTopicId) : [];
    hints.forEach((topic, i) => {
      const base = i === 0 ? TOPIC_WEIGHTS.entityHint : TOPIC_WEIGHTS.entitySecondaryHint;
      pushEvidence(model.entities, entity.id, evidence(topic, base * (topic === BACKDROP_TOPIC ? BACKDROP_FACTOR : 1)));
    });
  }
  // Each piece of evidence knows its topic's score slot, so scoring adds without a lookup.
  const slotted = (list: Evidence[]): void => list.forEach((ev) => (ev.slot = slotOf(ev.topic)));
  model.keywords.forEach(slotted);
  model.entities.forEach(slotted);
  const phrases = [model.phrases];
  for (let node = phrases.pop(); node !== undefined; node = phrases.pop()) {
    if (node.evidence !== undefined) slotted(node.evidence);
    node.next.forEach((child) => phrases.push(child));
  }
  return model;
}

/**
 * Every piece of evidence has one shape (slot set, `exact` present even when undefined), so the scoring loops
 * read its fields from one hidden class rather than several.
 */
function evidence(topic: TopicId, weight: number): KeywordEvidence {
  return { topic, weight, slot: SLOT.get(topic), exact: undefined };
}

function addPhrase(model: TopicModel, words: Token[], ev: Evidence): void {
  let node = model.phrases;
  for (const w of words) {
    let child = node.next.get(w.folded);
    if (child === undefined) {
      child = { next: new Map(), byKey: new Map() };
      node.next.set(w.folded, child);
      let k = model.phraseWords.get(w.folded);
      if (k === undefined) model.phraseWords.set(w.folded, (k = model.phraseWords.size));
      node.byKey.set(k, child);
    }
    node = child;
  }
  node.evidence ??= [];
  const same = node.evidence.find((e) => e.topic === ev.topic);
  if (same === undefined) node.evidence.push(ev);
  else same.weight = Math.max(same.weight, ev.weight);
}

/** Topics are scored in arrays indexed by their position in TOPIC_IDS. */
const TOPIC_COUNT = TOPIC_IDS.length;
const SLOT = new Map<TopicId, number>(TOPIC_IDS.map((id, i) => [id, i]));
const OTHER_SLOT = SLOT.get('other') as number;

/**
 * What one token spelling contributes: its keyword evidence (capitalised keywords already checked against its
 * surface form) and its phrase-trie node.
 */
interface TokenInfo {
  keywords: KeywordEvidence[] | null;
  phrase: PhraseNode | null;
  /** The word's number in `TopicModel.phraseWords`, or -1 when no phrase goes on with it. */
  phraseWord: number;
}

function tokenInfo(model: TopicModel, folded: string, surface: string): TokenInfo {
  // A capitalised keyword counts only where the text writes it so ("US", not "us"), plural allowed: a check on
  // the spelling alone, made once per spelling.
  const keywords = model.keywords.get(folded)?.filter((ev) => ev.exact === undefined || ev.exact === surface || ev.exact + 's' === surface);
  return {
    keywords: keywords !== undefined && keywords.length > 0 ? keywords : null,
    phrase: model.phrases.next.get(folded) ?? null,
    phraseWord: model.phraseWords.get(folded) ?? -1,
  };
}

/** Per model: a token's info by the interned id of its spelling (the shared scan's path). */
const infoById = new WeakMap<TopicModel, PerId<TokenInfo>>();

function infoByIdOf(model: TopicModel): PerId<TokenInfo> {
  let byId = infoById.get(model);
  if (byId === undefined) {
    byId = new PerId<TokenInfo>((word) => {
      const forms = formsCache.get(word, 0, word.length);
      return tokenInfo(model, forms.folded, forms.surface);
    });
    infoById.set(model, byId);
  }
  return byId;
}

function isTopicJoiner(c: number): boolean {
  return c === 46 || c === 39 || c === 0x2019;
}

/**
 * Scores sentences one at a time into one array (a row of TOPIC_COUNT scores per sentence), then picks each
 * sentence's topics. assignTopics drives it; analyze() feeds it from its single pass over the sentences.
 */
export class TopicScorer {
  private readonly rows: Float64Array;
  private readonly rank: Int32Array;
  private readonly byId: PerId<TokenInfo>;
  private count = 0;
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private infos: TokenInfo[] = [];
  private own: SpanScan | undefined;

  constructor(
    private readonly text: string,
    private readonly model: TopicModel,
    sentenceCount: number,
  ) {
    this.rows = new Float64Array(sentenceCount * TOPIC_COUNT);
    // The tie-break of pick(): the backdrop topic loses ties, then the lexicon's topic order.
    this.rank = new Int32Array(TOPIC_COUNT);
    TOPIC_IDS.forEach((id, i) => (this.rank[i] = id === BACKDROP_TOPIC ? 1000 : (model.order.get(id) ?? 999)));
    this.byId = infoByIdOf(model);
  }

  /**
   * Scores sentence number `i` (of the sentences passed to finish) from its entity mentions `mentions[from, to)`
   * (sorted by start). `atoms`, when given, is the shared scan of the sentence's span.
   */
  sentence(i: number, s: Sentence, mentions: readonly EntityMention[], from: number, to: number, atoms?: SpanScan): void {
    const text = this.text;
    if (typeof text === 'string' && s.end > s.start && s.start < text.length) {
      const start = Math.max(0, s.start);
      const end = Math.min(s.end, text.length);
      if (atoms === undefined) {
        atoms = this.own ??= new SpanScan();
        scanSpan(text, start, end, atoms);
      }
      if (atoms.simple) this.tokensFromAtoms(atoms);
      else this.tokensFrom(pool, tokenizeSpan(text, start, end));
    } else {
      const fallback = tokenize(s.text ?? '', s.start);
      this.tokensFrom(fallback, fallback.length);
    }
    this.score(i * TOPIC_COUNT, mentions, from, to);
  }

  /** Topic tokens (words joined by inner dots and apostrophes) from the atoms of a simple span. */
  private tokensFromAtoms(atoms: SpanScan): void {
    const byId = this.byId;
    byId.sync(atoms.generation);
    const text = this.text;
    const n = atoms.count;
    const { start, end, id, word, unit } = atoms;
    let count = 0;
    let k = 0;
    while (k < n) {
      if (word[k] !== 1) {
        k++;
        continue;
      }
      const s = start[k];
      let e = end[k];
      const first = id[k];
      let joined = false;
      k++;
      while (k + 1 < n && word[k] !== 1 && start[k] === e && isTopicJoiner(unit[k]) && word[k + 1] === 1 && start[k + 1] === e + 1) {
        e = end[k + 1];
        k += 2;
        joined = true;
      }
      if (count === this.starts.length) this.grow();
      this.starts[count] = s;
      this.ends[count] = e;
      this.infos[count] = byId.get(joined ? interner.idOfRange(text, s, e) : first);
      count++;
    }
    this.count = count;
  }

  private tokensFrom(tokens: Token[], count: number): void {
    while (this.starts.length < count) this.grow();
    for (let k = 0; k < count; k++) {
      const t = tokens[k];
      this.starts[k] = t.start;
      this.ends[k] = t.end;
      this.infos[k] = tokenInfo(this.model, t.folded, t.surface);
    }
    this.count = count;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.ends = ends;
  }

  /**
   * Scores one sentence into its row: the words inside an entity mention are left to the entity's evidence (so
   * "China" is not counted twice); elsewhere the longest phrase starting at a word wins over the single word.
   * Each topic's score adds the same weights in the same order as a per-sentence map would.
   */
  private score(row: number, mentions: readonly EntityMention[], from: number, to: number): void {
    const { rows, model, starts, ends, infos } = this;
    const count = this.count;
    // Mentions arrive sorted by start; a sweep marks the tokens they cover.
    if (coveredBuffer.length < count) coveredBuffer = new Uint8Array(count * 2);
    const covered = coveredBuffer;
    covered.fill(0, 0, count);
    let t = 0;
    for (let q = from; q < to; q++) {
      const m = mentions[q];
      const ev = model.entities.get(m.id);
      if (ev !== undefined) add(rows, row, ev);
      while (t < count && ends[t] <= m.start) t++;
      for (let k = t; k < count && starts[k] < m.end; k++) {
        // Words that start inside the mention ("Japan's" for the mention "Japan"); "US" in "Japan-US" stays its own
        // word when the mention is "Japan".
        if (starts[k] >= m.start && ev !== undefined) covered[k] = 1;
      }
    }
    for (let i = 0; i < count; ) {
      if (covered[i]) {
        i++;
        continue;
      }
      const info = infos[i];
      let node: PhraseNode | undefined | null = info.phrase;
      let best: Evidence[] | undefined;
      let bestEnd = i;
      for (let j = i + 1; node !== null && node !== undefined && j < count && !covered[j]; j++) {
        node = node.byKey.get(infos[j].phraseWord);
        if (node === undefined) break;
        if (node.evidence !== undefined) {
          best = node.evidence;
          bestEnd = j;
        }
      }
      if (best !== undefined) {
        add(rows, row, best);
        i = bestEnd + 1;
        continue;
      }
      if (info.keywords !== null) add(rows, row, info.keywords);
      i++;
    }
    rows[row + OTHER_SLOT] = 0;
  }

  /** The best and second-best topics of a row; ties go to the earlier id in TOPIC_IDS, the backdrop loses ties. */
  private pick(scores: Float64Array, row: number, sentence: number): SentenceTopics | undefined {
    const rank = this.rank;
    let first = -1;
    let second = -1;
    for (let t = 0; t < TOPIC_COUNT; t++) {
      const v = scores[row + t];
      if (!(v > 0)) continue;
      if (first < 0 || v > scores[row + first] || (v === scores[row + first] && rank[t] < rank[first])) {
        second = first;
        first = t;
      } else if (second < 0 || v > scores[row + second] || (v === scores[row + second] && rank[t] < rank[second])) {
        second = t;
      }
    }
    if (first < 0) return undefined;
    const result: SentenceTopics = { sentence, primary: TOPIC_IDS[first] };
    if (second >= 0) {
      const top = scores[row + first];
      const v = scores[row + second];
      if (v >= SECONDARY_MIN_SCORE && v >= top * SECONDARY_RATIO) result.secondary = TOPIC_IDS[second];
    }
    return result;
  }

  /**
   * One SentenceTopics per sentence, in order, from the rows scored: a sentence's own best topics, else its
   * paragraph's best topic, else the previous sentence's topic in the same paragraph, else 'other'.
   */
  finish(sentences: readonly Sentence[]): SentenceTopics[] {
    const rows = this.rows;
    // Each paragraph's evidence: the sum of its sentences' rows, in one array (a row per paragraph).
    const slots = new Int32Array(sentences.length);
    const slotByParagraph = new Map<number, number>();
    let last: number | undefined;
    let lastSlot = -1;
    sentences.forEach((s, i) => {
      if (s.paragraph !== last || last === undefined) {
        let slot = slotByParagraph.get(s.paragraph);
        if (slot === undefined) {
          slot = slotByParagraph.size;
          slotByParagraph.set(s.paragraph, slot);
        }
        last = s.paragraph;
        lastSlot = slot;
      }
      slots[i] = lastSlot;
    });
    const paragraphRows = new Float64Array(slotByParagraph.size * TOPIC_COUNT);
    for (let i = 0; i < sentences.length; i++) {
      const row = i * TOPIC_COUNT;
      const p = slots[i] * TOPIC_COUNT;
      for (let t = 0; t < TOPIC_COUNT; t++) if (rows[row + t] > 0) paragraphRows[p + t] += rows[row + t];
    }
    const results: SentenceTopics[] = [];
    sentences.forEach((s, i) => {
      const own = this.pick(rows, i * TOPIC_COUNT, s.index);
      if (own !== undefined) {
        results.push(own);
        return;
      }
      const para = this.pick(paragraphRows, slots[i] * TOPIC_COUNT, s.index);
      if (para !== undefined) {
        // Borrowed evidence supports a primary only; a secondary would overstate what the sentence says.
        results.push({ sentence: s.index, primary: para.primary });
        return;
      }
      const prev = i > 0 && sentences[i - 1].paragraph === s.paragraph ? results[i - 1] : undefined;
      results.push({ sentence: s.index, primary: prev?.primary ?? 'other' });
    });
    return results;
  }
}

function slotOf(topic: TopicId): number {
  return SLOT.get(topic) as number;
}

function add(rows: Float64Array, row: number, evidence: readonly Evidence[]): void {
  for (let k = 0; k < evidence.length; k++) {
    const ev = evidence[k];
    rows[row + (ev.slot ?? slotOf(ev.topic))] += ev.weight;
  }
}

/** Are the mentions sorted by start then end, with their sentence indices in the same order as the sentences'? */
function groupedInOrder(sentences: readonly Sentence[], mentions: readonly EntityMention[]): boolean {
  for (let i = 1; i < sentences.length; i++) if (!(sentences[i].index > sentences[i - 1].index)) return false;
  for (let k = 0; k < mentions.length; k++) {
    const b = mentions[k];
    if (!Number.isInteger(b.sentence) || typeof b.start !== 'number' || typeof b.end !== 'number') return false;
    if (k === 0) continue;
    const a = mentions[k - 1];
    if (!(a.start < b.start || (a.start === b.start && a.end <= b.end)) || !(a.sentence <= b.sentence)) return false;
  }
  return true;
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
    const scorer = new TopicScorer(text, model, sentences.length);
    const all = mentions ?? [];
    if (groupedInOrder(sentences, all)) {
      // The usual case (findEntities' output): each sentence's mentions are one run of the list.
      let q = 0;
      sentences.forEach((s, i) => {
        while (q < all.length && all[q].sentence < s.index) q++;
        const from = q;
        while (q < all.length && all[q].sentence === s.index) q++;
        scorer.sentence(i, s, all, from, q);
      });
    } else {
      const bySentence = new Map<number, EntityMention[]>();
      const sorted = [...all].sort((a, b) => a.start - b.start || a.end - b.end);
      for (const m of sorted) {
        const list = bySentence.get(m.sentence);
        if (list === undefined) bySentence.set(m.sentence, [m]);
        else list.push(m);
      }
      sentences.forEach((s, i) => {
        const own = bySentence.get(s.index) ?? [];
        scorer.sentence(i, s, own, 0, own.length);
      });
    }
    return scorer.finish(sentences);
  } catch {
    return sentences.map((s, i) => ({ sentence: s?.index ?? i, primary: 'other' }));
  }
}
