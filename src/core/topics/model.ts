// The topic model compiled from the topic lexicon and the entity lexicon's topic hints: keyword evidence, a
// phrase trie and entity evidence, each piece knowing its topic's score slot (scorer.ts adds them up).
import type { EntityEntry, TopicEntry, TopicId, TrainedTopicModel } from '../types';
import { TOPIC_IDS } from '../types';
import { compileRoleWords, type RoleWords } from './roleWords';
import { compileTrained, type TrainedWeights } from './trained';
import { CAPITALISED_WORD, termWords, type TermWord } from './words';

/**
 * Weights of one piece of evidence (T4: the specific issue wins over the general frame). A phrase is more specific than any of its words, so it weighs twice a
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
 * T1, T2: bilateral-relations is the backdrop of every readout: country names ("Japan", "the United States") and words
 * like "relationship" appear in sentences about anything. Its keyword and entity evidence is multiplied by this
 * factor, so one substantive keyword beats two country names; its phrases ("held a telephone call", "special
 * relationship") are specific and keep full weight.
 */
export const BACKDROP_FACTOR = 0.4;
export const BACKDROP_TOPIC: TopicId = 'bilateral-relations';
/** The topics of a place that can be the subject itself (T3): China's, Taiwan's, the peninsula's, the war's, the Middle East's. */
export const PLACE_TOPICS: ReadonlySet<string> = new Set(['china', 'taiwan', 'korean-peninsula', 'russia-ukraine', 'middle-east']);

/**
 * T3: a party to the meeting (context.ts) named in a sentence that does not speak of the relationship keeps this
 * share of its own topic's evidence ("Israel's right to defend itself" is middle-east); the rest goes to the
 * backdrop. Chosen on the development split (0.5 over 0, 0.75 and 1).
 */
export const PARTY_TOPIC_SHARE = 0.5;

/** A secondary topic is reported only when its score reaches this fraction of the primary's. */
export const SECONDARY_RATIO = 0.5;
/** ...and at least this absolute score, so a single discounted country name never becomes a secondary topic. */
export const SECONDARY_MIN_SCORE = 1;

/**
 * Policy T-user: a keyword or phrase a workspace lexicon added weighs this many times its built-in kind: where a user wrote a
 * word, their topic wins over whatever the built-ins find in the same sentence.
 */
export const USER_TERM_FACTOR = 10;

export interface Evidence {
  topic: TopicId;
  weight: number;
  /** The topic's index in TOPIC_IDS, where TopicScorer adds the weight (set by compileTopics). */
  slot?: number;
  /** A workspace lexicon's term (TopicEntry.userTerms). */
  user?: boolean;
}

export interface KeywordEvidence extends Evidence {
  /** For keywords written in capitals: the exact surface form (dots removed) the text must show. */
  exact?: string;
}

export interface PhraseNode {
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
  /** The word classes the roles read (the opening's verbs, venue words). */
  roleWords: RoleWords;
  /** Person id → the place entity its "Country" fact names: a person at the meeting brings that party (T2). */
  countryOf: Map<string, string>;
  /** Places with a "Country" fact of their own (cities, capitals): where a meeting is held, never a party (T2.c). */
  cities: Set<string>;
  /** Bodies with a "Members" fact (CARICOM, the Commonwealth): intergovernmental, so the world beyond one government (T2.d). */
  bodies: Set<string>;
  /** Places with a "Capital" fact (countries): a third party's relations are theirs, not the meeting's (T2.h). */
  countries: Set<string>;
  /** The trained model's weights (policy T1, decision T1.a); undefined without one. */
  trained?: TrainedWeights;
  /**
   * Entity id → the folded last words of its names of several words written in capitals ("North Atlantic Alliance":
   * "alliance"), where that word is a topic keyword: named again by it in the same sentence ("NATO … the Alliance"),
   * the body counts once (policy T2.k).
   */
  heads: Map<string, Set<string>>;
}

/** The entity fact that names a person's country. */
const COUNTRY_FACT = 'Country';
/** The entity fact that makes a body one of several members. */
const MEMBERS_FACT = 'Members';
/** The entity fact that makes a place a country. */
const CAPITAL_FACT = 'Capital';

/** Does the entry (as written in YAML, unchecked) carry a fact with this label? */
function hasFact(entity: { facts?: unknown }, label: string): boolean {
  return Array.isArray(entity.facts) && entity.facts.some((f) => f !== null && typeof f === 'object' && (f as { label?: unknown }).label === label);
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
    else {
      same.weight = Math.max(same.weight, ev.weight);
      same.user = same.user === true || ev.user === true;
    }
  }
}

function isTopicId(id: unknown): id is TopicId {
  return typeof id === 'string' && (TOPIC_IDS as readonly string[]).includes(id);
}

/** A single-word keyword; one written in capitals (US, AI) matches only the same capitals in the text. */
function addKeyword(model: TopicModel, raw: string, word: TermWord, ev: KeywordEvidence): void {
  if (isCapitalised(raw.trim()) && /\p{L}/u.test(raw)) ev.exact = word.surface;
  pushEvidence(model.keywords, word.folded, ev);
}

/**
 * Compiles the topic lexicon, the entity lexicon's topic hints and the word classes the roles read (by class id;
 * none: no opening is recognised) into one lookup model. Never throws.
 */
export function compileTopics(
  topics: TopicEntry[],
  entities: EntityEntry[],
  wordLists: Readonly<Record<string, readonly string[] | undefined>> = {},
  trained?: TrainedTopicModel,
): TopicModel {
  const model: TopicModel = {
    keywords: new Map(),
    phrases: { next: new Map(), byKey: new Map() },
    entities: new Map(),
    order: new Map(TOPIC_IDS.map((id, i) => [id, i])),
    phraseWords: new Map(),
    roleWords: compileRoleWords(wordLists ?? {}),
    countryOf: new Map(),
    cities: new Set(),
    bodies: new Set(),
    countries: new Set(),
    heads: new Map(),
  };
  const weights = compileTrained(trained);
  if (weights !== undefined) model.trained = weights;
  for (const entry of Array.isArray(topics) ? topics : []) {
    if (entry === null || typeof entry !== 'object' || !isTopicId(entry.id)) continue;
    const topic = entry.id;
    const backdrop = topic === BACKDROP_TOPIC ? BACKDROP_FACTOR : 1;
    const userTerms = new Set(Array.isArray(entry.userTerms) ? entry.userTerms : []);
    for (const raw of Array.isArray(entry.keywords) ? entry.keywords : []) {
      if (typeof raw !== 'string') continue;
      const words = termWords(raw);
      if (words.length === 0) continue;
      const user = userTerms.has(raw);
      const weight = TOPIC_WEIGHTS.keyword * (user ? USER_TERM_FACTOR : backdrop);
      if (words.length > 1) {
        // A hyphenated "keyword" such as "counter-terrorism" is really a phrase of its parts.
        addPhrase(model, words, evidence(topic, weight, user));
        continue;
      }
      addKeyword(model, raw, words[0], evidence(topic, weight, user));
    }
    for (const raw of Array.isArray(entry.phrases) ? entry.phrases : []) {
      if (typeof raw !== 'string') continue;
      const words = termWords(raw);
      if (words.length === 0) continue;
      const user = userTerms.has(raw);
      // A one-word "phrase" is a keyword, capitals rule included ("US" under phrases still is not "us").
      if (words.length === 1) addKeyword(model, raw, words[0], evidence(topic, TOPIC_WEIGHTS.keyword * (user ? USER_TERM_FACTOR : backdrop), user));
      else addPhrase(model, words, evidence(topic, TOPIC_WEIGHTS.phrase * (user ? USER_TERM_FACTOR : 1), user));
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
  // One pass over the entities for what the parties' rules need: places by name (for a person's "Country" fact, read
  // next), cities (T2.c) and bodies of members (T2.d).
  const placeByName = new Map<string, string>();
  for (const entity of Array.isArray(entities) ? entities : []) {
    if (entity === null || typeof entity !== 'object' || typeof entity.id !== 'string') continue;
    if (hasFact(entity, MEMBERS_FACT)) model.bodies.add(entity.id);
    if (entity.type !== 'place') continue;
    if (hasFact(entity, COUNTRY_FACT)) model.cities.add(entity.id);
    if (hasFact(entity, CAPITAL_FACT)) model.countries.add(entity.id);
    for (const name of [entity.name, ...(Array.isArray(entity.aliases) ? entity.aliases : [])]) if (typeof name === 'string' && !placeByName.has(name)) placeByName.set(name, entity.id);
  }
  for (const entity of Array.isArray(entities) ? entities : []) {
    if (entity === null || typeof entity !== 'object' || entity.type !== 'person' || typeof entity.id !== 'string' || !Array.isArray(entity.facts)) continue;
    const fact = entity.facts.find((f) => f !== null && typeof f === 'object' && f.label === COUNTRY_FACT);
    const place = typeof fact?.value === 'string' ? placeByName.get(fact.value) : undefined;
    if (place !== undefined) model.countryOf.set(entity.id, place);
  }
  // policy T2.k: a body's name in short, its capitalised last word, where that word is a topic keyword of its own.
  for (const entity of Array.isArray(entities) ? entities : []) {
    if (entity === null || typeof entity !== 'object' || typeof entity.id !== 'string' || !model.entities.has(entity.id)) continue;
    // A place or a person named by its own word again ("the State of Israel" … "Israel") is a name, not a body in short.
    if (entity.type === 'place' || entity.type === 'person') continue;
    const names = [entity.name, ...(Array.isArray(entity.aliases) ? entity.aliases : [])].filter((n): n is string => typeof n === 'string');
    const ownWords = new Set(names.map(termWords).filter((w) => w.length === 1).map((w) => w[0].folded));
    for (const name of names) {
      const words = termWords(name);
      const last = words[words.length - 1];
      if (words.length < 2 || ownWords.has(last.folded) || !CAPITALISED_WORD.test(last.surface) || !model.keywords.has(last.folded)) continue;
      const heads = model.heads.get(entity.id);
      if (heads === undefined) model.heads.set(entity.id, new Set([last.folded]));
      else heads.add(last.folded);
    }
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
function evidence(topic: TopicId, weight: number, user = false): KeywordEvidence {
  return { topic, weight, slot: SLOT.get(topic), user, exact: undefined };
}

function addPhrase(model: TopicModel, words: TermWord[], ev: Evidence): void {
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
  else {
    same.weight = Math.max(same.weight, ev.weight);
    same.user = same.user === true || ev.user === true;
  }
}

/** Topics are scored in arrays indexed by their position in TOPIC_IDS. */
export const TOPIC_COUNT = TOPIC_IDS.length;
const SLOT = new Map<TopicId, number>(TOPIC_IDS.map((id, i) => [id, i]));
export const OTHER_SLOT = SLOT.get('other') as number;

export function slotOf(topic: TopicId): number {
  return SLOT.get(topic) as number;
}
