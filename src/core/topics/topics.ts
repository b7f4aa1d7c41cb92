// Sentence → primary/secondary topic: the topic model (model.ts) scores each sentence from its words, phrases
// and entity mentions (scorer.ts), falling back to its context (ranking.ts).
import type { EntityMention, ParsedReadout, Sentence, SentenceTopics } from '../types';
import type { TopicModel } from './model';
import { TopicScorer } from './scorer';

export { BACKDROP_FACTOR, SECONDARY_MIN_SCORE, SECONDARY_RATIO, TOPIC_WEIGHTS, compileTopics, type TopicModel } from './model';
export { TopicScorer } from './scorer';
export { openingEndOf, readoutContextKey, resolveTopics, type TopicScores } from './context';
export { TopicHits } from './hits';
export { headerParties } from './issuer';
export { foldWord } from './words';

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
    return scorer.finish(sentences, all);
  } catch {
    return sentences.map((s, i) => ({ sentence: s?.index ?? i, primary: 'other' }));
  }
}
