// The trained topic model (lexicons/topic-model.yaml, scripts/train-topics.mjs) compiled for scoring: each kept
// word's weights in one array by topic slot, summed over a sentence's words with one lookup per word spelling.
// Policy T1.a: it names a secondary topic where the rules name none and it is sure enough.
import { TOPIC_IDS, type SentenceTopics, type TrainedTopicModel } from '../types';

/** Topics the model was not trained on can never be its answer. */
const NEVER = -Infinity;

export interface TrainedWeights {
  /** Folded word → its weight under each topic, by slot. */
  words: Map<string, Float64Array>;
  prior: Float64Array;
  margin: number;
}

/** The model in arrays by topic slot; undefined when there is none or it knows no topic. */
export function compileTrained(model: TrainedTopicModel | undefined): TrainedWeights | undefined {
  if (model === undefined || model === null || typeof model !== 'object') return undefined;
  const prior = Float64Array.from(TOPIC_IDS, (t) => model.prior?.[t] ?? NEVER);
  if (!prior.some((v) => v > NEVER)) return undefined;
  const words = new Map<string, Float64Array>();
  for (const [word, row] of Object.entries(model.words ?? {})) {
    words.set(word, Float64Array.from(TOPIC_IDS, (t) => (prior[TOPIC_IDS.indexOf(t)] > NEVER ? (row?.[t] ?? model.unseen?.[t] ?? NEVER) : NEVER)));
  }
  return { words, prior, margin: typeof model.margin === 'number' ? model.margin : Infinity };
}

/**
 * The topic slot the model names for a sentence whose words' weights are `weights[0, count)` (null: a word it does
 * not keep), or -1: no word it keeps, or its best topic does not lead the second by the margin. `scores` is scratch
 * of TOPIC_IDS.length.
 */
export function confidentSlot(trained: TrainedWeights, weights: readonly { trained: Float64Array | null }[], count: number, scores: Float64Array): number {
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
  return scores[first] > NEVER && scores[first] - second >= trained.margin ? first : -1;
}

/**
 * Policy T1.a: the model's topic becomes the secondary of a sentence whose rules named none, unless it is the
 * primary already. `picks[i]` is sentence i's confidentSlot.
 */
export function addModelSecondaries(results: SentenceTopics[], picks: Int8Array | undefined): void {
  if (picks === undefined) return;
  const n = Math.min(results.length, picks.length);
  for (let i = 0; i < n; i++) {
    const r = results[i];
    const slot = picks[i];
    if (slot < 0 || r.secondary !== undefined || TOPIC_IDS[slot] === r.primary) continue;
    r.secondary = TOPIC_IDS[slot];
    if (r.evidence !== undefined) r.evidence.secondaryRule = 'model';
    else r.evidence = { rule: 'none', secondaryRule: 'model' };
  }
}
