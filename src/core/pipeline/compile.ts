// A lexicon compiled once into the stages' matchers and word classes; every analysis of every document reuses it
// until a lexicon file changes.
import { compileCuePatterns, compileCueWords, wordListsOf, type CueMatcher } from '../cues';
import { compileEntities, type EntityMatcher } from '../entities/entities';
import { matcherFromData } from '../entities/matcherData';
import { compileNameRules, type NameRules } from '../entities/nameRules';
import { compileCounterpartRules, type CounterpartRules } from '../entities/counterpartTitles';
import { compileSentenceWords, type SentenceWords } from '../readout/words';
import { compileTopics, type TopicModel } from '../topics/topics';
import type { CuePattern, EntityEntry, Lexicon, TopicEntry } from '../types';

/** A lexicon compiled once into matchers; reused for every document until a lexicon file changes. */
export interface CompiledLexicon {
  lexicon: Lexicon;
  cues: CueMatcher;
  entities: EntityMatcher;
  /** Evidence for names no lexicon knows; undefined when the lexicon has no name classes. */
  names?: NameRules;
  /** Offices that name an unnamed counterpart (E3.f); undefined without name classes. */
  counterparts?: CounterpartRules;
  topics: TopicModel;
  cueById: Map<string, CuePattern>;
  entityById: Map<string, EntityEntry>;
  topicById: Map<string, TopicEntry>;
  /** The word classes sentence splitting reads. */
  sentenceWords: SentenceWords;
}

/**
 * Matchers made ahead of time (the build's lexicon snapshot holds the built-ins' entity matcher as data). Each is
 * used only for exactly the entries it was made from — the same objects in the same order — so a lexicon that
 * adds to them or replaces one is compiled as before.
 */
export interface PrebuiltMatchers {
  entities?: { entries: readonly EntityEntry[]; data: unknown };
}

const sameEntries = (a: readonly EntityEntry[], b: readonly EntityEntry[]): boolean => a.length === b.length && a.every((e, i) => e === b[i]);

function entityMatcher(entries: EntityEntry[], prebuilt: PrebuiltMatchers | undefined): EntityMatcher {
  const made = prebuilt?.entities;
  return (made && sameEntries(entries, made.entries) ? matcherFromData(made.data, entries) : undefined) ?? compileEntities(entries);
}

export function compileLexicon(lexicon: Lexicon, prebuilt?: PrebuiltMatchers): CompiledLexicon {
  const wordLists = wordListsOf(lexicon.wordClasses, lexicon.entities);
  return {
    lexicon,
    cues: compileCuePatterns(lexicon.cues, compileCueWords(wordLists)),
    sentenceWords: compileSentenceWords(wordLists),
    entities: entityMatcher(lexicon.entities, prebuilt),
    names: compileNameRules(lexicon.nameClasses, lexicon.entities),
    counterparts: compileCounterpartRules(lexicon.nameClasses),
    topics: compileTopics(lexicon.topics, lexicon.entities, wordLists, lexicon.topicModel),
    cueById: new Map(lexicon.cues.map((c) => [c.id, c])),
    entityById: new Map(lexicon.entities.map((e) => [e.id, e])),
    topicById: new Map(lexicon.topics.map((t) => [t.id, t])),
  };
}
