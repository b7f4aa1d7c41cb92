// Why a sentence has its topic, in words: the JSON's sentences[].topicEvidence and the text the hover, the topic
// tree and the Why this topic? command show, built from the Analysis' evidence spans (core/topics/hits.ts).
import type { Analysis, Sentence, SentenceTopics, TopicRule } from '../types';

/** The policy rule (docs/commitment-policy.md) each way of deciding applies. */
export const TOPIC_RULE_POLICY: Readonly<Record<TopicRule, string>> = {
  words: 'T1',
  user: 'T1',
  opening: 'T2',
  meeting: 'T2',
  list: 'T5',
  paragraph: 'T5',
  previous: 'T5',
  courtesy: 'T6',
  layout: 'T6',
  none: 'T6',
  model: 'T1.b',
};

/** The rule a secondary topic the rules did not name comes from: the model's (T1.a; its primaries are T1.b). */
const SECONDARY_RULE_POLICY: Readonly<Record<NonNullable<SentenceTopics['evidence']>['secondaryRule'] & string, string>> = { model: 'T1.a' };

/** What the reader is told each way of deciding means. */
const RULE_TEXT: Readonly<Record<TopicRule, string>> = {
  words: 'its own words',
  user: 'a workspace keyword',
  opening: 'opening: the meeting itself',
  meeting: 'who met whom: the meeting itself',
  list: 'takes the topic of the sentence that introduces its list',
  paragraph: 'continues its paragraph',
  previous: 'continues the sentence before it',
  courtesy: 'boilerplate/courtesy',
  layout: 'a title, dateline or signature line',
  none: 'no topic words of its own',
  model: 'the trained model (no decisive words)',
};

export interface TopicEvidenceReport {
  rule: TopicRule;
  /** The policy rule id. */
  policy: string;
  /** The words, phrases and names that scored for the primary topic, as written, each once, in text order. */
  terms?: string[];
  /** The sentence the topic came from (a list's introducer, the sentence before). */
  from?: number;
  /** What named the secondary topic when the rules named none: `model`, the trained model (policy T1, decision T1.a). */
  secondaryRule?: 'model';
}

/** The distinct words of `t`'s evidence spans as the sentence writes them (spaces folded). */
export function evidenceTerms(t: SentenceTopics, sentence: Sentence | undefined): string[] {
  const spans = t.evidence?.spans;
  if (spans === undefined || sentence === undefined || typeof sentence.text !== 'string') return [];
  const terms: string[] = [];
  for (let k = 0; k + 1 < spans.length; k += 2) {
    const term = sentence.text.slice(spans[k] - sentence.start, spans[k + 1] - sentence.start).replace(/\s+/g, ' ').trim();
    if (term !== '' && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

/** The JSON form of a sentence's topic evidence (undefined for a result without one). */
export function topicEvidenceReport(t: SentenceTopics | undefined, sentence: Sentence | undefined): TopicEvidenceReport | undefined {
  const ev = t?.evidence;
  if (t === undefined || ev === undefined) return undefined;
  const report: TopicEvidenceReport = { rule: ev.rule, policy: TOPIC_RULE_POLICY[ev.rule] };
  const terms = evidenceTerms(t, sentence);
  if (terms.length > 0) report.terms = terms;
  if (ev.from !== undefined) report.from = ev.from;
  if (ev.secondaryRule !== undefined) report.secondaryRule = ev.secondaryRule;
  return report;
}

/**
 * One line on why sentence `index` has its primary topic: "Russia–Ukraine, from its own words (T4): “Ukraine”,
 * “sanctions”". `labelOf` names a topic (the lexicon's label). Undefined when the sentence has no topics.
 */
export function explainTopic(analysis: Analysis, index: number, labelOf: (topic: string) => string): string | undefined {
  const t = analysis.topics[index]?.sentence === index ? analysis.topics[index] : analysis.topics.find((x) => x.sentence === index);
  if (t === undefined) return undefined;
  const sentences = analysis.readout.sentences;
  const ev = topicEvidenceReport(t, sentences[index]);
  const topic = labelOf(t.primary);
  if (ev === undefined) return `${topic}: no evidence recorded.`;
  let line = `${topic}, from ${RULE_TEXT[ev.rule]} (${ev.policy})`;
  if (ev.terms !== undefined) line += `: ${ev.terms.map((w) => `“${w}”`).join(', ')}`;
  if (ev.from !== undefined && sentences[ev.from] !== undefined) line += ` — sentence ${ev.from + 1}: “${shorten(sentences[ev.from].text)}”`;
  if (t.secondary !== undefined) line += `. Also: ${labelOf(t.secondary)}${ev.secondaryRule !== undefined ? `, from ${RULE_TEXT[ev.secondaryRule]} (${SECONDARY_RULE_POLICY[ev.secondaryRule]})` : ''}`;
  return `${line}.`;
}

/** The words that decided most of a topic's statements, most frequent first (ties: first seen), at most `max`. */
export function topTerms(analysis: Analysis, topic: string, max: number): string[] {
  const counts = new Map<string, number>();
  const sentences = analysis.readout.sentences;
  for (const t of analysis.topics) {
    if (t.primary !== topic) continue;
    for (const w of evidenceTerms(t, sentences[t.sentence])) {
      const key = w.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, max).map(([w]) => w);
}

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
