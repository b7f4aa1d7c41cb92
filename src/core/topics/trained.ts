// The trained topic model (lexicons/topic-model.yaml, scripts/train-topics.mjs) compiled for scoring: each kept
// word's weights in one array by topic slot, summed over a sentence's words with one lookup per word spelling.
// Policy T1.a: it names a secondary topic where the rules name none; T1.b: it decides the primary where the rules are weak.
import { TOPIC_IDS, type SentenceTopics, type TrainedTopicModel } from '../types';

/** Topics the model was not trained on can never be its answer. */
const NEVER = -Infinity;

export interface TrainedWeights {
  /** Folded word → its weight under each topic, by slot. */
  words: Map<string, Float64Array>;
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
  for (const [word, row] of Object.entries(model.words ?? {})) {
    words.set(word, Float64Array.from(TOPIC_IDS, (t) => (prior[TOPIC_IDS.indexOf(t)] > NEVER ? (row?.[t] ?? model.unseen?.[t] ?? NEVER) : NEVER)));
  }
  return { words, prior, margin: finite(model.margin, Infinity), primaryMargin: finite(model.primaryMargin, Infinity), weakScore: finite(model.weakScore, 0), tieMargin: finite(model.tieMargin, Infinity) };
}

/**
 * The model's best topic slot for a sentence whose words' weights are `weights[0, count)` (null: a word it does
 * not keep), or -1 when it keeps none of them; `leads[i]` gets how far that topic leads the second. `scores` is
 * scratch of TOPIC_IDS.length.
 */
export function modelPick(trained: TrainedWeights, weights: readonly { trained: Float64Array | null }[], count: number, scores: Float64Array, leads: Float32Array, i: number): number {
  scores.set(trained.prior);
  let any = false;
  for (let k = 0; k < count; k++) {
    const w = weights[k].trained;
    if (w === null) continue;
    any = true;
    for (let t = 0; t < scores.length; t++) scores[t] += w[t];
  }
  if (!any) return -1;
  let first = -1;
  let second = NEVER;
  for (let t = 0; t < scores.length; t++) {
    if (first < 0 || scores[t] > scores[first]) {
      if (first >= 0) second = scores[first];
      first = t;
    } else if (scores[t] > second) second = scores[t];
  }
  if (!(scores[first] > NEVER)) return -1;
  leads[i] = scores[first] - second;
  return first;
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
    if (leads[i] < trained.margin || r.secondary !== undefined || topic === r.primary) continue;
    r.secondary = topic;
    if (r.evidence !== undefined) r.evidence.secondaryRule = 'model';
    else r.evidence = { rule: 'none', secondaryRule: 'model' };
  }
}
