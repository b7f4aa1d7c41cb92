// One readout as the corpus keeps it: header, counterparts, firm and hedged counts, topic counts, entity ids
// and its commitment cues with their sentences; bounded, so a folder of readouts never holds every Analysis.
// Read from the per-file report (src/core/report/report.ts), which is also the NDJSON line of
// `readout-lens analyze`, so a summary made here and one made from another machine's NDJSON are the same.
import { fileReport, type FileReport } from '../report/report';
import type { Analysis, Strength, TopicId } from '../types';
import { counterpartsFrom, partiesOf, type CounterpartIndex, type Party } from './counterparts';

/** At most this many cues per readout are kept (the counts always cover them all). */
export const MAX_SUMMARY_CUES = 400;
/** Sentence texts are kept up to this length. */
export const MAX_SENTENCE_TEXT = 600;
/** How many topics count as a readout's main ones. */
export const MAIN_TOPICS = 3;

/** A commitment cue with its sentence, enough to list it and open it (path + offsets) without the Analysis. */
export interface SummaryCue {
  start: number;
  end: number;
  text: string;
  strength: Strength;
  negated: boolean;
  actor?: string;
  sentence: number;
  sentenceStart: number;
  sentenceEnd: number;
  /** The sentence's primary and secondary topic. */
  topics: TopicId[];
  /** Entity ids the sentence mentions. */
  entities: string[];
  /** The sentence, whitespace collapsed, when the text was at hand (never from NDJSON). */
  sentenceText?: string;
}

export interface ReadoutSummary {
  path: string;
  date?: string;
  title?: string;
  government?: string;
  /** The issuing side, when the front matter or the opening says (src/core/corpus/counterparts.ts). */
  home?: string;
  counterparts: string[];
  /** Who the readout names, home side not yet left out (src/core/corpus/counterparts.ts); bounded. */
  parties: Party[];
  /** Names the title puts on the issuing side (before its "with"). */
  homeSide: string[];
  firm: number;
  hedged: number;
  /** Sentences per topic (primary or secondary); topics no sentence has are absent. */
  topics: Partial<Record<TopicId, number>>;
  /** The MAIN_TOPICS topics with most sentences, "other" left out. */
  mainTopics: TopicId[];
  /** Every entity id mentioned, once each, in order of first mention. */
  entities: string[];
  cues: SummaryCue[];
  /** Cues past MAX_SUMMARY_CUES, counted but not kept. */
  cuesOmitted: number;
  sentences: number;
  truncated: boolean;
}

/** The fields of a FileReport a summary reads: an NDJSON line of `analyze` parsed, or fileReport's result. */
export type SummaryInput = Pick<FileReport, 'path' | 'header' | 'sentences' | 'commitments' | 'entities' | 'truncated'>;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The summary of one readout; `text` (the file's) adds the cues' sentence texts. */
export function summarize(report: SummaryInput, index: CounterpartIndex, text?: string): ReadoutSummary {
  const { header, sentences } = report;
  const topics: Partial<Record<TopicId, number>> = {};
  for (const s of sentences) for (const t of s.topics as TopicId[]) topics[t] = (topics[t] ?? 0) + 1;
  const entitiesBySentence = new Map<number, string[]>();
  const entities: string[] = [];
  const seen = new Set<string>();
  for (const e of report.entities) {
    // A name no lexicon knows has no id in the report: its name stands for it, as in the Analysis.
    const id = e.id ?? `name:${e.name}`;
    if (!seen.has(id)) {
      seen.add(id);
      entities.push(id);
    }
    const list = entitiesBySentence.get(e.sentence);
    if (!list) entitiesBySentence.set(e.sentence, [id]);
    else if (!list.includes(id)) list.push(id);
  }
  let firm = 0;
  let hedged = 0;
  const cues: SummaryCue[] = [];
  for (const c of report.commitments) {
    if (c.strength === 'firm') firm++;
    else hedged++;
    if (cues.length >= MAX_SUMMARY_CUES) continue;
    const s = sentences[c.sentence];
    const cue: SummaryCue = {
      start: c.start,
      end: c.end,
      text: c.text,
      strength: c.strength,
      negated: c.negated,
      sentence: c.sentence,
      sentenceStart: s ? s.start : c.start,
      sentenceEnd: s ? s.end : c.end,
      topics: s ? (s.topics as TopicId[]) : [],
      entities: entitiesBySentence.get(c.sentence) ?? [],
    };
    if (c.actor) cue.actor = c.actor;
    if (text !== undefined && s) cue.sentenceText = collapse(text.slice(s.start, s.end)).slice(0, MAX_SENTENCE_TEXT);
    cues.push(cue);
  }
  const opening = sentences.length ? (entitiesBySentence.get(0) ?? []) : [];
  const { home, parties, homeSide } = partiesOf(index, {
    government: header.government,
    participants: header.participants,
    title: header.title,
    opening,
    actors: report.commitments.map((c) => c.actor).filter((a): a is string => !!a),
  });
  const mainTopics = (Object.keys(topics) as TopicId[])
    .filter((t) => t !== 'other')
    .sort((a, b) => (topics[b] ?? 0) - (topics[a] ?? 0))
    .slice(0, MAIN_TOPICS);
  const summary: ReadoutSummary = {
    path: report.path,
    counterparts: counterpartsFrom(parties, home),
    parties,
    homeSide,
    firm,
    hedged,
    topics,
    mainTopics,
    entities,
    cues,
    cuesOmitted: report.commitments.length - cues.length,
    sentences: sentences.length,
    truncated: report.truncated,
  };
  if (header.date) summary.date = header.date;
  if (header.title) summary.title = collapse(header.title);
  if (header.government) summary.government = header.government;
  if (home) summary.home = home;
  return summary;
}

/** The summary of an Analysis made in this process, through the same report the CLI writes. */
export function summarizeAnalysis(path: string, analysis: Analysis, index: CounterpartIndex, text?: string): ReadoutSummary {
  return summarize(fileReport(path, analysis), index, text);
}

/**
 * What the corpus knows better than one readout of it, for a folder of one government's readouts: readouts
 * whose home side nothing said get the home most others have (at least half of those with one), and the
 * organisations two or more titles put on the issuing side ("White House ... with ...") are no counterpart
 * anywhere. Changes the summaries' home and counterparts; returns the home given, if any.
 */
export function settleHomes(summaries: ReadoutSummary[]): string | undefined {
  const counts = new Map<string, number>();
  const sides = new Map<string, number>();
  let known = 0;
  for (const s of summaries) {
    for (const n of s.homeSide) sides.set(n, (sides.get(n) ?? 0) + 1);
    if (!s.home) continue;
    known++;
    counts.set(s.home, (counts.get(s.home) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = 0;
  for (const [h, n] of counts) if (n > most) [best, most] = [h, n];
  if (!best || most * 2 < known) best = undefined;
  const homeOrgs = new Set([...sides].filter(([, n]) => n >= 2).map(([name]) => name));
  for (const s of summaries) {
    if (!s.home && best) s.home = best;
    s.counterparts = counterpartsFrom(s.parties, s.home, homeOrgs);
  }
  return best;
}
