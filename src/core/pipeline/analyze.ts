// The one pipeline: text → parsed readout → cues, entities, topics → Analysis. Every feature (diagnostics,
// hovers, tree, outline, CLI, export, comparison) reads the Analysis this returns; none re-scans the text.
import { AcronymFinder } from '../entities/acronyms';
import { CueFinder } from '../cues';
import { entitiesInSentence, markCountryRepeats, sortMentions, type EntityMatcher } from '../entities/entities';
import { NamesInSentences } from '../entities/namesInSentences';
import { counterpartTitles } from '../entities/counterpartTitles';
import { lastParagraphBreak } from '../text/breaks';
import { parseReadout } from '../readout/readout';
import { SpanScan, scanSpan } from '../text/scan';
import { TopicScorer, headerParties, openingEndOf, type TopicScores } from '../topics/topics';
import type { Analysis, EntityMention, ParsedReadout, ReadoutProblem, Sentence } from '../types';
import { formatCount } from '../text/format';
import type { CompiledLexicon } from './compile';

export interface AnalyzeOptions {
  /** Analyse at most this many UTF-16 code units; the rest is reported as skipped. */
  maxLength?: number;
}

interface Cut {
  analysed: string;
  analyzedLength: number;
  truncated: boolean;
}

export function cut(text: string, options: AnalyzeOptions): Cut {
  const limit = options.maxLength ?? Infinity;
  const truncated = text.length > limit;
  // Cut at a paragraph break before the limit when there is one (any line-break style), so no sentence is
  // analysed half-read.
  let analyzedLength = text.length;
  if (truncated) {
    const at = lastParagraphBreak(text, limit);
    analyzedLength = at > limit / 2 ? at : limit;
  }
  return { analysed: truncated ? text.slice(0, analyzedLength) : text, analyzedLength, truncated };
}

/** The size-limit warning for a text of `textLength` units of which the first `analyzedLength` were analysed. */
export function truncationProblem(textLength: number, analyzedLength: number): ReadoutProblem {
  return {
    start: analyzedLength,
    end: analyzedLength,
    code: 'truncated',
    severity: 'warning',
    message: `Only the first ${formatCount(analyzedLength)} of ${formatCount(textLength)} characters were analysed (size limit).`,
  };
}

export function analyze(text: string, compiled: CompiledLexicon, options: AnalyzeOptions = {}): Analysis {
  const { analysed, analyzedLength, truncated } = cut(text, options);
  const readout = parseReadout(analysed, compiled.sentenceWords);
  if (truncated) readout.problems.push(truncationProblem(text.length, analyzedLength));
  // E5: names no lexicon knows, read in the same sentence loop (a surname or acronym links to its first introduction).
  const names = compiled.names === undefined ? undefined : sharedNames.begin(analysed, compiled.names);
  const { cues, entities: known, topics, unknownAcronyms, cueProblems } = analyseSentences(analysed, readout, compiled, names);
  for (const p of cueProblems) readout.problems.push(p);
  const named = names === undefined ? known : names.finish(readout, known, unknownAcronyms);
  const entities = markCountryRepeats(counterpartTitles(analysed, readout, named, compiled.entities, compiled.counterparts), compiled.entities, true);
  return { version: 1, textLength: text.length, readout, cues, entities, topics, unknownAcronyms, truncated, analyzedLength };
}

/** The scan analyseSentences reuses from sentence to sentence and call to call (it never runs inside itself). */
const sharedAtoms = new SpanScan();
const sharedNames = new NamesInSentences();

/**
 * Cues, entities, topics and unknown acronyms of every sentence in one pass: each sentence is scanned once
 * (textScan.ts) and every stage reads that scan. The same results as findCues, findEntities, assignTopics and
 * findUnknownAcronyms run one after the other: parseReadout's sentences lie inside the text, in order and apart,
 * so the mentions come out in the order findEntities sorts them into, one sentence's run at a time.
 */
export function analyseSentences(
  text: string,
  readout: ParsedReadout,
  compiled: CompiledLexicon,
  names?: NamesInSentences,
): Pick<Analysis, 'cues' | 'entities' | 'topics' | 'unknownAcronyms'> & { cueProblems: ReadoutProblem[]; topicScores: TopicScores } {
  const sentences = readout.sentences;
  const atoms = sharedAtoms;
  const cues = new CueFinder(text, compiled.cues);
  const entities: EntityMention[] = [];
  const topics = new TopicScorer(text, compiled.topics, sentences.length);
  const acronyms = new AcronymFinder(text, entities, compiled.names?.notAcronyms, compiled.names?.districtCodes);
  eachSentence(text, sentences, compiled.entities, atoms, cues, entities, topics, acronyms, names);
  const mentions = sortMentions(entities);
  // Topics read the whole readout (its opening, lists across paragraphs): topicScores lets a readout put together
  // from paragraphs analysed apart resolve them once over all of it.
  return { cues: cues.cues, entities: mentions, topics: topics.finish(sentences, mentions, openingEndOf(cues.cues, sentences, compiled.topics.roleWords), headerParties(readout.header, compiled.entities, compiled.topics)), unknownAcronyms: acronyms.found, cueProblems: cues.problems, topicScores: topics.scores() };
}

/**
 * The loop of analyseSentences, a function of its own: V8 optimises a long loop while it runs (on-stack
 * replacement) and reuses that code on the next call; code after the loop would have no type feedback yet and
 * throw it out at every call.
 */
function eachSentence(
  text: string,
  sentences: readonly Sentence[],
  matcher: EntityMatcher,
  atoms: SpanScan,
  cues: CueFinder,
  entities: EntityMention[],
  topics: TopicScorer,
  acronyms: AcronymFinder,
  names: NamesInSentences | undefined,
): void {
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    scanSpan(text, s.start, s.end, atoms);
    cues.sentence(s, atoms);
    const from = entities.length;
    entitiesInSentence(text, s.start, s.end, atoms, s.index, matcher, entities);
    topics.sentence(i, s, entities, from, entities.length, atoms);
    const acronymsFrom = acronyms.found.length;
    acronyms.sentence(s, atoms);
    if (names !== undefined) names.sentence(s, atoms, entities, from, acronyms.found, acronymsFrom);
  }
}
