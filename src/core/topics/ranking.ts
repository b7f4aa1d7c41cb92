// From a sentence's topic scores to its topics: the best and second-best of its own row, else the evidence of
// its context (its paragraph, then the sentence before it), else 'other'.
import type { Sentence, SentenceTopics } from '../types';
import { TOPIC_IDS } from '../types';
import { SECONDARY_MIN_SCORE, SECONDARY_RATIO, TOPIC_COUNT } from './model';

/**
 * The best and second-best topics of a row; ties go to the lower `rank` (scorer.ts: the backdrop topic loses
 * ties, then the lexicon's topic order).
 */
function pick(scores: Float64Array, row: number, sentence: number, rank: Int32Array): SentenceTopics | undefined {
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
 * One SentenceTopics per sentence, in order, from `rows` (TOPIC_COUNT scores per sentence): a sentence's own
 * best topics, else (T5: context carries the topic) its paragraph's best topic, else the previous sentence's
 * topic in the same paragraph, else (T6) 'other'.
 */
export function rankTopics(rows: Float64Array, rank: Int32Array, sentences: readonly Sentence[]): SentenceTopics[] {
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
    const own = pick(rows, i * TOPIC_COUNT, s.index, rank);
    if (own !== undefined) {
      results.push(own);
      return;
    }
    const para = pick(paragraphRows, slots[i] * TOPIC_COUNT, s.index, rank);
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
