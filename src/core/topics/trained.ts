// The trained topic model (lexicons/topic-model.yaml, scripts/train-topics.mjs) compiled for scoring: each kept
// word's weights in one array by topic slot, summed over a sentence's words with one lookup per word spelling.
// Policy T1.a: it names a secondary topic where the rules name none; T1.b: it decides the primary where the rules are weak.
import { TOPIC_IDS, type SentenceTopics, type TopicId, type TrainedTopicModel } from '../types';

/** The model file's key for an entity id's weights ("@china"); a key with a space is two words in a row. */
export const ENTITY_KEY = '@';

/** Topics the model was not trained on can never be its answer. */
const NEVER = -Infinity;
/** Topic id → its slot in the weight arrays (TOPIC_IDS order). */
const SLOT = new Map<string, number>(TOPIC_IDS.map((t, slot) => [t, slot]));

export interface TrainedWeights {
  /** Folded word → its weight under each topic, by slot. */
  words: Map<string, Float64Array>;
  /** Two words in a row (the file's keys "first second"): first → the second's number (`seconds`) → weights. */
  pairs: Map<string, Map<number, Float64Array>>;
  /** Every word that is the second of a pair → its number: a word that is none ends no pair, with no lookup. */
  seconds: Map<string, number>;
  /** Entity id (the file's keys "@id") → weights, read from the sentence's lexicon mentions. */
  entities: Map<string, Float64Array>;
  /** T1.d: the share of the sentences before and after it in its paragraph that counts with a sentence's own features for the secondary (0: none). */
  context: number;
  prior: Float64Array;
  /** T1.a: the lead over its second topic the model needs to name a secondary. */
  margin: number;
  /** T1.b: the lead it needs to decide a primary the rules decided weakly (Infinity: never). */
  primaryMargin: number;
  /** T1.b: a primary from the sentence's own words with less score than this is weak. */
  weakScore: number;
  /** T1.c: the lead it needs to choose the primary among the topics the sentence's own words nearly tie on (Infinity: never). */
  tieMargin: number;
}

const finite = (v: unknown, otherwise: number): number => (typeof v === 'number' && v >= 0 ? v : otherwise);

/** The model in arrays by topic slot; undefined when there is none or it knows no topic. */
export function compileTrained(model: TrainedTopicModel | undefined): TrainedWeights | undefined {
  if (model === undefined || model === null || typeof model !== 'object') return undefined;
  const prior = Float64Array.from(TOPIC_IDS, (t) => model.prior?.[t] ?? NEVER);
  if (!prior.some((v) => v > NEVER)) return undefined;
  const words = new Map<string, Float64Array>();
  const pairs = new Map<string, Map<number, Float64Array>>();
  const seconds = new Map<string, number>();
  const entities = new Map<string, Float64Array>();
  // Per slot, what a word the model keeps without a weight for the topic gets; NEVER for a topic the model never gives.
  const unseen = Float64Array.from(TOPIC_IDS, (t, slot) => (prior[slot] > NEVER ? (model.unseen?.[t] ?? NEVER) : NEVER));
  const source = model.words ?? {};
  for (const key in source) {
    if (!Object.prototype.hasOwnProperty.call(source, key)) continue;
    const row = source[key];
    // This runs for every word of the model at every start, before V8 has optimised anything: a row names a few
    // topics of the fifteen, so it is read by its own keys, over a copy of the unseen weights.
    const weights = unseen.slice();
    if (row !== null && typeof row === 'object') {
      for (const t in row) {
        const slot = SLOT.get(t);
        if (slot !== undefined && prior[slot] > NEVER) weights[slot] = row[t as TopicId] ?? unseen[slot];
      }
    }
    const space = key.indexOf(' ');
    if (key.startsWith(ENTITY_KEY)) entities.set(key.slice(ENTITY_KEY.length), weights);
    else if (space > 0) {
      const first = key.slice(0, space);
      const second = key.slice(space + 1);
      let k = seconds.get(second);
      if (k === undefined) seconds.set(second, (k = seconds.size));
      let next = pairs.get(first);
      if (next === undefined) pairs.set(first, (next = new Map()));
      next.set(k, weights);
    } else words.set(key, weights);
  }
  return {
    words,
    pairs,
    seconds,
    entities,
    context: finite(model.context, 0),
    prior,
    margin: finite(model.margin, Infinity),
    primaryMargin: finite(model.primaryMargin, Infinity),
    weakScore: finite(model.weakScore, 0),
    tieMargin: finite(model.tieMargin, Infinity),
  };
}

/** What the model reads of one word: its own weights, and the weights of the pairs it begins (by the next word). */
export interface ModelWord {
  /** T1.a: the model's weights for the word, by topic slot; null when it does not keep the word. */
  trained: Float64Array | null;
  /** The pairs this word begins, by the second word's number; null: none. */
  pairs: Map<number, Float64Array> | null;
  /** The word's number as the second of a pair (TrainedWeights.seconds), or -1. */
  second: number;
}

/**
 * Sums the weights of a sentence's features into `row` (TOPIC_IDS.length from `at`): its words `words[0, count)`,
 * the pairs of words in a row the model keeps, and the entities `mentions[from, to)` names. Returns whether the model
 * keeps any of them.
 */
export function modelSums(
  trained: TrainedWeights,
  words: readonly ModelWord[],
  count: number,
  mentions: readonly { id: string }[],
  from: number,
  to: number,
  row: Float64Array,
  at: number,
): boolean {
  const n = TOPIC_IDS.length;
  let any = false;
  for (let k = 0; k < count; k++) {
    const word = words[k];
    const w = word.trained;
    if (w !== null) {
      any = true;
      for (let t = 0; t < n; t++) row[at + t] += w[t];
    }
    if (word.pairs !== null && k + 1 < count && words[k + 1].second >= 0) {
      const p = word.pairs.get(words[k + 1].second);
      if (p !== undefined) {
        any = true;
        for (let t = 0; t < n; t++) row[at + t] += p[t];
      }
    }
  }
  if (trained.entities.size > 0) {
    for (let q = from; q < to; q++) {
      const e = trained.entities.get(mentions[q].id);
      if (e === undefined) continue;
      any = true;
      for (let t = 0; t < n; t++) row[at + t] += e[t];
    }
  }
  return any;
}

/**
 * The best topic slot of `scores` (the prior added already), or -1 when no topic can be its answer; `leads[i]` gets
 * how far it leads the second.
 */
export function bestOf(scores: Float64Array, leads: Float32Array, i: number): number {
  let first = -1;
  let second = NEVER;
  for (let t = 0; t < scores.length; t++) {
    if (first < 0 || scores[t] > scores[first]) {
      if (first >= 0) second = scores[first];
      first = t;
    } else if (scores[t] > second) second = scores[t];
  }
  if (first < 0 || !(scores[first] > NEVER)) return -1;
  leads[i] = scores[first] - second;
  return first;
}

/** Scratch of contextPick (TOPIC_IDS.length scores, and the lead). */
const aroundScores = new Float64Array(TOPIC_IDS.length);
const aroundLead = new Float32Array(1);

/**
 * Policy T1.d: the model's pick for sentence i with the sentences before and after it in its paragraph counted at
 * the file's `context` share; `sums` holds each sentence's own feature sums (modelSums, TOPIC_IDS.length a
 * sentence), `picks` whether the model keeps anything of it (-1: nothing, and then no pick). Its lead is in
 * `aroundLead[0]`.
 */
function contextPick(trained: TrainedWeights, sentences: readonly { paragraph: number }[], sums: Float64Array, picks: Int8Array, i: number): number {
  const n = TOPIC_IDS.length;
  const scores = aroundScores;
  const c = trained.context;
  const at = i * n;
  for (let t = 0; t < n; t++) scores[t] = trained.prior[t] + sums[at + t];
  const paragraph = sentences[i].paragraph;
  if (i > 0 && picks[i - 1] >= 0 && sentences[i - 1].paragraph === paragraph) for (let t = 0; t < n; t++) scores[t] += c * sums[at - n + t];
  if (i + 1 < picks.length && i + 1 < sentences.length && picks[i + 1] >= 0 && sentences[i + 1].paragraph === paragraph) for (let t = 0; t < n; t++) scores[t] += c * sums[at + n + t];
  return bestOf(scores, aroundLead, 0);
}

/** The readout around each sentence, for T1.d: its sentences (their paragraphs) and their own feature sums. */
export interface ModelContext {
  sentences: readonly { paragraph: number }[];
  sums: Float64Array;
}

/** Rules whose primary stands on context or on nothing (T5, T6): the model may decide instead (T1.b). */
const WEAK_RULES: ReadonlySet<string> = new Set(['none', 'paragraph', 'previous']);

/**
 * Policy T1.b, T1.c, then T1.a. T1.b: where the rules decided a primary weakly — from context or nothing, or from their
 * own words with a top score (`top[i]`, after the parties' evidence moved) under the model's `weakScore` — and the
 * model's topic leads its second by `primaryMargin`, the model's topic is the primary and the rules' the secondary
 * (never a workspace keyword's: T-user). T1.c: where the rules decided a primary from the sentence's own words and
 * those words give the model's topic enough score to be the secondary (`fits(i, slot)`: SECONDARY_RATIO of the
 * primary's), and the model leads by `tieMargin`, the model's topic is the primary and the rules' the secondary. T1.a: the model's topic becomes the secondary of a sentence whose rules
 * named none, unless it is the primary already, when it leads by `margin`. `picks[i]` is sentence i's modelPick.
 */
export function applyModel(
  results: SentenceTopics[],
  trained: TrainedWeights | undefined,
  picks: Int8Array | undefined,
  leads: Float32Array | undefined,
  top: (i: number) => number,
  fits: (i: number, slot: number) => boolean = () => false,
  around?: ModelContext,
): void {
  if (trained === undefined || picks === undefined || leads === undefined) return;
  const n = Math.min(results.length, picks.length, leads.length);
  for (let i = 0; i < n; i++) {
    const r = results[i];
    const slot = picks[i];
    if (slot < 0) continue;
    const topic = TOPIC_IDS[slot];
    const rule = r.evidence?.rule ?? 'none';
    // policy T6 (T6.d): a title, dateline or signature line has no subject, the model's included.
    if (rule === 'layout') continue;
    if (topic !== r.primary && leads[i] >= trained.primaryMargin && (WEAK_RULES.has(rule) || (rule === 'words' && top(i) < trained.weakScore))) {
      const was = r.primary;
      r.primary = topic;
      if (was !== 'other' && r.secondary !== topic) r.secondary = was;
      else if (r.secondary === topic) delete r.secondary;
      r.evidence = { rule: 'model' };
      continue;
    }
    if (topic !== r.primary && rule === 'words' && leads[i] >= trained.tieMargin && fits(i, slot)) {
      r.secondary = r.primary;
      r.primary = topic;
      continue;
    }
    if (r.secondary !== undefined) continue;
    // policy T1 (T1.d): the secondary reads the sentences around it too.
    const withContext = around !== undefined && trained.context > 0 && (i + 1) * TOPIC_IDS.length <= around.sums.length && i < around.sentences.length;
    const second = withContext ? contextPick(trained, around.sentences, around.sums, picks, i) : slot;
    const lead = withContext ? aroundLead[0] : leads[i];
    if (second < 0 || lead < trained.margin || TOPIC_IDS[second] === r.primary) continue;
    r.secondary = TOPIC_IDS[second];
    if (r.evidence !== undefined) r.evidence.secondaryRule = 'model';
    else r.evidence = { rule: 'none', secondaryRule: 'model' };
  }
}
