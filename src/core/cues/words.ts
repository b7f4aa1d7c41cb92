// The word classes the policy rules read (grammar, not vocabulary: cue verbs stay in lexicons/commitments.yaml),
// compiled once per lexicon into Sets from lexicons/word-classes.yaml.
import { SENTENCE_WORD_CLASSES } from '../readout/words';
import { TOPIC_WORD_CLASSES } from '../topics/roleWords';
import type { EntityEntry, WordClassEntry } from '../types';

/** A two-word entry ("made clear", "take place") of a word class, as a lookup from one of its words to the other. */
export type Phrases = ReadonlyMap<string, ReadonlySet<string>>;

/** Every word class the rules read, as Sets of lower-case words; a class missing from the lexicon is empty. */
export interface CueWords {
  readonly modals: ReadonlySet<string>;
  /** Policy C4: these need a party as subject of a future action. */
  readonly futureModals: ReadonlySet<string>;
  /** Policy C4: these need an explicit party ("together we can"). */
  readonly strictModals: ReadonlySet<string>;
  readonly adverbs: ReadonlySet<string>;
  /** Words in "-ly" that are not adverbs ("only", a name, a month). */
  readonly lyNonAdverbs: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
  /** A cue right after one of these is a noun ("strong support", "the pledge", "as agreed", "well wishes"). */
  readonly nounContext: ReadonlySet<string>;
  readonly auxiliaries: ReadonlySet<string>;
  readonly doAuxiliaries: ReadonlySet<string>;
  /** Policy C2: words inside a cue's span that mark it negated. */
  readonly negations: ReadonlySet<string>;
  /** Policy C2: "not", "never" before a verb or after a modal. */
  readonly negationAdverbs: ReadonlySet<string>;
  readonly complementizers: ReadonlySet<string>;
  readonly coordinators: ReadonlySet<string>;
  readonly subjectStops: ReadonlySet<string>;
  readonly reportingVerbs: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly pronouns: ReadonlySet<string>;
  /** Pronouns resolved to an earlier actor. */
  readonly openPronouns: ReadonlySet<string>;
  /** "It was agreed that": a subject that names no actor. */
  readonly expletives: ReadonlySet<string>;
  /** Heads that often stand for a party ("China said it supports", "the two had agreed"). */
  readonly partyStandIns: ReadonlySet<string>;
  readonly partyNouns: ReadonlySet<string>;
  /** Policy C3: plain reporting, no cue itself. */
  readonly pureReporting: ReadonlySet<string>;
  /** Policy C3: two-word reporting verbs, keyed by their second word ("made clear", "pointed out"). */
  readonly reportingParticles: Phrases;
  /** Policy C3: bodies that are not at the meeting. */
  readonly thirdParties: ReadonlySet<string>;
  /** Two-word third-party names, keyed by their second word ("United Nations"). */
  readonly thirdPartyPhrases: Phrases;
  readonly relatives: ReadonlySet<string>;
  /** "where", "whereby": a relative clause of place or means; it stops a coordinated purpose infinitive (C1.d). */
  readonly relativeAdverbs: ReadonlySet<string>;
  /** "from", "by": a party's name after one on a noun is its agent ("a message from President Biden reaffirming", C3.a). */
  readonly agentPrepositions: ReadonlySet<string>;
  /** "week", "year": a subject after one opens no zero relative ("This week the United States will host", C3.d). */
  readonly timeNouns: ReadonlySet<string>;
  readonly arrangedEvents: ReadonlySet<string>;
  /** One-word verbs of an arranged event ("convene"). */
  readonly arrangedVerbs: ReadonlySet<string>;
  /** Two-word verbs of an arranged event, keyed by their first word ("take place"). */
  readonly arrangedVerbPhrases: Phrases;
  readonly arrangedParticiples: ReadonlySet<string>;
  readonly irregularPast: ReadonlySet<string>;
  readonly notPluralS: ReadonlySet<string>;
  readonly infinitiveMarkers: ReadonlySet<string>;
  readonly gapHeads: ReadonlySet<string>;
  /** Policy S-firm.c: a firm past form after one of these states a disposition ("remain committed to"). */
  readonly stateVerbs: ReadonlySet<string>;
  readonly nonPartyNames: ReadonlySet<string>;
  /** Words that keep a following period ("Mr."): the readout's title and soft abbreviations. */
  readonly abbreviations: ReadonlySet<string>;
  /** Cue verbs of need ("need", "needs"): a report of one is the reporter's view. */
  readonly needVerbs: ReadonlySet<string>;
  /** Policy C3: cue verbs that are a courtesy when their object is a visitor ("welcomed X to Y"). */
  readonly visitorCourtesies: ReadonlySet<string>;
  readonly objectPronouns: ReadonlySet<string>;
  readonly timeAdjuncts: ReadonlySet<string>;
  /** Verbs of the meeting itself ("met", "spoke"): a purpose infinitive after one is a cue (policy C1.d). */
  readonly narrativeVerbs: ReadonlySet<string>;
  /** Words before an "-ing" form that keep it a participial clause ("while stressing", policy C3.a). */
  readonly participleLinks: ReadonlySet<string>;
  /** "-ing" words that are no gerund ("including", "during"): they do not make a series of gerunds. */
  readonly notGerunds: ReadonlySet<string>;
  /** Participles that frame a fact and take no position ("…, noting that", "Recalling …"), policy C3.a. */
  readonly framingParticiples: ReadonlySet<string>;
  /** "last", "previous": an earlier meeting a cue is dated to is recounted, not held now (policy C3.f). */
  readonly pastMarkers: ReadonlySet<string>;
  /** Words after which an "-s" cue is a plural noun ("pledges of", "pledges into"). */
  readonly pluralNounFollowers: ReadonlySet<string>;
  /** Actors read as plural: whole actors, first words, last-word endings. */
  readonly pluralActors: ReadonlySet<string>;
  readonly pluralActorStarts: readonly string[];
  readonly pluralActorEnds: readonly string[];
  /** Qualities of a discussion that may stand in a comma series ("candid, substantive and constructive"), <adjs>. */
  readonly seriesAdjectives: ReadonlySet<string>;
  /** "joined": a participle after "joined <party> in" is the party's own act (policy C3.a, "joined X in urging"). */
  readonly joiningVerbs: ReadonlySet<string>;
  /** Names used attributively before a noun ("U.S. support"): a cue word after one, inside a clause, is a noun (C3.d). */
  readonly attributiveNames: ReadonlySet<string>;
  /** Non-finite "be" ("will be", "has been", "being"): a past form of a cue verb after one is a passive (policy C4.d). */
  readonly passiveBe: ReadonlySet<string>;
  /** "between": its "X and Y" is one object, so a subject reaches back over that "and" ("cooperation between X and Y"). */
  readonly pairPrepositions: ReadonlySet<string>;
  /** Predicates of a copular cue that need an explicit party as subject ("The two ministers are expected to sign"). */
  readonly partyPredicates: ReadonlySet<string>;
  /** Conjunctions opening a subordinate clause ("Because …, the United States proposed"), policy C1.f. */
  readonly subordinators: ReadonlySet<string>;
  /** Articles, demonstratives and possessives only, without the stance adjectives of `determiners` (policy C3.g). */
  readonly articleDeterminers: ReadonlySet<string>;
  /** Actor text → how pronoun resolution reads it; bounded, results never depend on it. */
  readonly actorKinds: Map<string, number>;
}

/** Each word class: its id in lexicons/word-classes.yaml and how it compiles (words, phrases by which word). */
export const WORD_CLASSES = {
  modals: 'modals',
  futureModals: 'future-modals',
  strictModals: 'strict-modals',
  adverbs: 'adverbs',
  lyNonAdverbs: 'ly-non-adverbs',
  determiners: 'determiners',
  nounContext: 'noun-context',
  /** Policy C3.d: greeting adjectives ("well wishes", "best wishes"), a noun context of their own. */
  greetingAdjectives: 'greeting-adjectives',
  auxiliaries: 'auxiliaries',
  doAuxiliaries: 'do-auxiliaries',
  negations: 'negations',
  negationAdverbs: 'negation-adverbs',
  complementizers: 'complementizers',
  coordinators: 'coordinators',
  subjectStops: 'subject-stops',
  reportingVerbs: 'reporting-verbs',
  prepositions: 'prepositions',
  pronouns: 'pronouns',
  openPronouns: 'open-pronouns',
  expletives: 'expletives',
  partyStandIns: 'party-stand-ins',
  partyNouns: 'party-nouns',
  pureReporting: 'pure-reporting',
  reportingParticles: 'reporting-particles',
  thirdParties: 'third-parties',
  relatives: 'relatives',
  relativeAdverbs: 'relative-adverbs',
  agentPrepositions: 'agent-prepositions',
  timeNouns: 'time-nouns',
  arrangedEvents: 'arranged-events',
  arrangedVerbs: 'arranged-verbs',
  arrangedParticiples: 'arranged-participles',
  irregularPast: 'irregular-past',
  notPluralS: 'not-plural-s',
  infinitiveMarkers: 'infinitive-markers',
  gapHeads: 'gap-heads',
  stateVerbs: 'state-verbs',
  nonPartyNames: 'non-party-names',
  needVerbs: 'need-verbs',
  visitorCourtesies: 'visitor-courtesies',
  objectPronouns: 'object-pronouns',
  timeAdjuncts: 'time-adjuncts',
  narrativeVerbs: 'narrative-verbs',
  participleLinks: 'participle-links',
  notGerunds: 'not-gerunds',
  framingParticiples: 'framing-participles',
  pastMarkers: 'past-markers',
  pluralNounFollowers: 'plural-noun-followers',
  pluralActors: 'plural-actors',
  pluralActorStarts: 'plural-actor-starts',
  pluralActorEnds: 'plural-actor-ends',
  seriesAdjectives: 'series-adjectives',
  joiningVerbs: 'joining-verbs',
  attributiveNames: 'attributive-names',
  passiveBe: 'passive-be',
  pairPrepositions: 'pair-prepositions',
  partyPredicates: 'party-predicates',
  subordinators: 'subordinators',
  articleDeterminers: 'article-determiners',
} as const;

/** The class ids of lexicons/word-classes.yaml: the cue rules', sentence splitting's and the topic roles'. */
export const WORD_CLASS_IDS: readonly string[] = [...Object.values(WORD_CLASSES), ...Object.values(SENTENCE_WORD_CLASSES), ...Object.values(TOPIC_WORD_CLASSES)];

/** Word lists by class id (lower-cased by compileCueWords). */
export type WordLists = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The word lists of the lexicon's classes: each class's words, plus the one- and two-word names and aliases of the
 * entities it names (an unknown entity id adds nothing; the loader reports it).
 */
export function wordListsOf(classes: readonly WordClassEntry[], entities: readonly EntityEntry[]): WordLists {
  const byId = new Map(entities.map((e) => [e.id, e] as const));
  const lists: Record<string, string[]> = {};
  for (const c of classes) {
    const list = (lists[c.id] ??= []);
    list.push(...c.words);
    for (const id of c.entities) {
      const entity = byId.get(id);
      if (entity === undefined) continue;
      for (const name of [entity.name, ...entity.aliases, ...(entity.demonyms ?? [])]) if (name.trim().split(/\s+/).length <= 2) list.push(name);
    }
  }
  return lists;
}

/**
 * The rules' word classes from their lists. A two-word entry of reporting-particles (keyed by its second word),
 * third-parties (by its second word) or arranged-verbs (by its first word) goes to that class's phrases.
 */
export function compileCueWords(lists: WordLists): CueWords {
  const words = (id: string): string[] => (lists[id] ?? []).map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim()).filter((w) => w !== '');
  const set = (id: string): Set<string> => new Set(words(id).filter((w) => !w.includes(' ')));
  const phrases = (id: string, keyFirst: boolean): Map<string, Set<string>> => {
    const out = new Map<string, Set<string>>();
    for (const w of words(id)) {
      const parts = w.split(' ');
      if (parts.length !== 2) continue;
      const [key, other] = keyFirst ? parts : [parts[1], parts[0]];
      const list = out.get(key);
      if (list) list.add(other);
      else out.set(key, new Set([other]));
    }
    return out;
  };
  const C = WORD_CLASSES;
  return {
    modals: set(C.modals),
    futureModals: set(C.futureModals),
    strictModals: set(C.strictModals),
    adverbs: set(C.adverbs),
    lyNonAdverbs: set(C.lyNonAdverbs),
    determiners: set(C.determiners),
    nounContext: new Set([...set(C.nounContext), ...set(C.greetingAdjectives)]),
    auxiliaries: set(C.auxiliaries),
    doAuxiliaries: set(C.doAuxiliaries),
    negations: set(C.negations),
    negationAdverbs: set(C.negationAdverbs),
    complementizers: set(C.complementizers),
    coordinators: set(C.coordinators),
    subjectStops: set(C.subjectStops),
    reportingVerbs: set(C.reportingVerbs),
    prepositions: set(C.prepositions),
    pronouns: set(C.pronouns),
    openPronouns: set(C.openPronouns),
    expletives: set(C.expletives),
    partyStandIns: set(C.partyStandIns),
    partyNouns: set(C.partyNouns),
    pureReporting: set(C.pureReporting),
    reportingParticles: phrases(C.reportingParticles, false),
    thirdParties: set(C.thirdParties),
    thirdPartyPhrases: phrases(C.thirdParties, false),
    relatives: set(C.relatives),
    relativeAdverbs: set(C.relativeAdverbs),
    agentPrepositions: set(C.agentPrepositions),
    timeNouns: set(C.timeNouns),
    arrangedEvents: set(C.arrangedEvents),
    arrangedVerbs: set(C.arrangedVerbs),
    arrangedVerbPhrases: phrases(C.arrangedVerbs, true),
    arrangedParticiples: set(C.arrangedParticiples),
    irregularPast: set(C.irregularPast),
    notPluralS: set(C.notPluralS),
    infinitiveMarkers: set(C.infinitiveMarkers),
    gapHeads: set(C.gapHeads),
    stateVerbs: set(C.stateVerbs),
    nonPartyNames: set(C.nonPartyNames),
    abbreviations: new Set([...set(SENTENCE_WORD_CLASSES.titles), ...set(SENTENCE_WORD_CLASSES.soft)]),
    needVerbs: set(C.needVerbs),
    visitorCourtesies: set(C.visitorCourtesies),
    objectPronouns: set(C.objectPronouns),
    timeAdjuncts: set(C.timeAdjuncts),
    narrativeVerbs: set(C.narrativeVerbs),
    participleLinks: set(C.participleLinks),
    notGerunds: set(C.notGerunds),
    framingParticiples: set(C.framingParticiples),
    pastMarkers: set(C.pastMarkers),
    pluralNounFollowers: set(C.pluralNounFollowers),
    pluralActors: new Set(words(C.pluralActors)),
    pluralActorStarts: [...set(C.pluralActorStarts)],
    pluralActorEnds: [...set(C.pluralActorEnds)],
    seriesAdjectives: set(C.seriesAdjectives),
    joiningVerbs: set(C.joiningVerbs),
    attributiveNames: set(C.attributiveNames),
    passiveBe: set(C.passiveBe),
    pairPrepositions: set(C.pairPrepositions),
    partyPredicates: set(C.partyPredicates),
    subordinators: set(C.subordinators),
    articleDeterminers: set(C.articleDeterminers),
    actorKinds: new Map(),
  };
}

export function isAdverb(W: CueWords, w: string): boolean {
  return W.adverbs.has(w) || (w.length > 4 && w.endsWith('ly') && !W.lyNonAdverbs.has(w));
}

export function isDeterminer(W: CueWords, w: string): boolean {
  return W.determiners.has(w) || isAdverb(W, w) || w.endsWith("'s") || w.endsWith("s'");
}

/** 0 base or plural present ("welcome"), 1 past ("welcomed"), 2 third-person present ("welcomes"). */
export function verbForm(W: CueWords, w: string): number {
  if (w.endsWith('ed') || W.irregularPast.has(w)) return 1;
  if (w.endsWith('s') && !w.endsWith('ss')) return 2;
  return 0;
}
