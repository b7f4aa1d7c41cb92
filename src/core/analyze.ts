// The one pipeline: text → parsed readout → cues, entities, topics → Analysis. Every feature (diagnostics,
// hovers, tree, outline, CLI, export, comparison) reads the Analysis this returns; none re-scans the text.
import { findUnknownAcronyms } from './acronyms';
import { compileCuePatterns, findCues, type CueMatcher } from './commitments';
import { compileEntities, findEntities, type EntityMatcher } from './entities';
import { parseReadout } from './readout';
import { assignTopics, compileTopics, type TopicModel } from './topics';
import type { Analysis, CuePattern, EntityEntry, Lexicon, TopicEntry } from './types';

/** A lexicon compiled once into matchers; reused for every document until a lexicon file changes. */
export interface CompiledLexicon {
  lexicon: Lexicon;
  cues: CueMatcher;
  entities: EntityMatcher;
  topics: TopicModel;
  cueById: Map<string, CuePattern>;
  entityById: Map<string, EntityEntry>;
  topicById: Map<string, TopicEntry>;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  return {
    lexicon,
    cues: compileCuePatterns(lexicon.cues),
    entities: compileEntities(lexicon.entities),
    topics: compileTopics(lexicon.topics, lexicon.entities),
    cueById: new Map(lexicon.cues.map((c) => [c.id, c])),
    entityById: new Map(lexicon.entities.map((e) => [e.id, e])),
    topicById: new Map(lexicon.topics.map((t) => [t.id, t])),
  };
}

export interface AnalyzeOptions {
  /** Analyse at most this many UTF-16 code units; the rest is reported as skipped. */
  maxLength?: number;
}

export function analyze(text: string, compiled: CompiledLexicon, options: AnalyzeOptions = {}): Analysis {
  const limit = options.maxLength ?? Infinity;
  const truncated = text.length > limit;
  // Cut at a paragraph break before the limit when there is one, so no sentence is analysed half-read.
  let analyzedLength = text.length;
  if (truncated) {
    const cut = text.lastIndexOf('\n\n', limit);
    analyzedLength = cut > limit / 2 ? cut : limit;
  }
  const analysed = truncated ? text.slice(0, analyzedLength) : text;
  const readout = parseReadout(analysed);
  if (truncated) {
    readout.problems.push({
      start: analyzedLength,
      end: analyzedLength,
      code: 'truncated',
      severity: 'warning',
      message: `Only the first ${analyzedLength.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters were analysed (size limit).`,
    });
  }
  const cues = findCues(analysed, readout, compiled.cues);
  const entities = findEntities(analysed, readout, compiled.entities);
  const topics = assignTopics(analysed, readout, entities, compiled.topics);
  const unknownAcronyms = findUnknownAcronyms(analysed, readout, entities);
  return { version: 1, textLength: text.length, readout, cues, entities, topics, unknownAcronyms, truncated, analyzedLength };
}
