// The shapes every part of Readout Lens shares: the parsed readout, the lexicons and the one `Analysis`
// result that diagnostics, hovers, the topic tree, the CLI and exports all read. Plain data only, so an
// Analysis can be cached, sent to a worker or written as JSON.

/** A half-open range of UTF-16 code unit offsets into the whole file text, as VS Code counts them. */
export interface Span {
  start: number;
  end: number;
}

export type Strength = 'firm' | 'hedged';

export const TOPIC_IDS = [
  'security',
  'china',
  'taiwan',
  'korean-peninsula',
  'russia-ukraine',
  'middle-east',
  'economy-trade',
  'technology',
  'energy-climate',
  'multilateral',
  'human-rights',
  'health',
  'people-exchange',
  'bilateral-relations',
  'other',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const ENTITY_TYPES = ['org', 'agreement', 'forum', 'place', 'initiative', 'person', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Header of a readout: YAML front matter, the inline `date YYYY-MM-DD` header, or a block of `key: value`
 * metadata lines ending at the first blank line (the shared corpus's format).
 */
export interface ReadoutHeader {
  kind: 'front-matter' | 'inline' | 'metadata' | 'none';
  /** The header's own span in the file (front matter fences included); absent when kind is 'none'. */
  span?: Span;
  date?: string;
  title?: string;
  source?: string;
  government?: string;
  participants?: string[];
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  text: string;
}

export interface Paragraph extends Span {
  index: number;
  /** Indices into `ParsedReadout.sentences`. */
  sentences: number[];
}

/** Analyst-note comment lines (see the language configuration) that the analyzer skips. */
export interface Comment extends Span {
  text: string;
}

export interface ReadoutProblem extends Span {
  code: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface ParsedReadout {
  header: ReadoutHeader;
  /** Span of the body (everything after the header). */
  body: Span;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  comments: Comment[];
  /** Problems with the file itself (bad front matter, binary content, truncation ...). */
  problems: ReadoutProblem[];
}

/** One cue pattern from a commitments lexicon. */
export interface CuePattern {
  id: string;
  /** The pattern as written in YAML (see lexicons/commitments.yaml for the mini-language). */
  pattern: string;
  strength: Strength;
  explanation: string;
  /** CAMEO or PLOVER code, where one fits. */
  code?: string;
  origin?: LexiconOrigin;
}

export interface Cue extends Span {
  text: string;
  strength: Strength;
  negated: boolean;
  /** The clause's subject where one can be found: "the two leaders", "Kishida", "the United States". */
  actor?: string;
  sentence: number;
  /** id of the `CuePattern` that matched. */
  patternId: string;
  /** The verb whose meaning decides the strength (policy C1), e.g. "concurred". */
  governingVerb: string;
  /** Short name of the policy rule applied, for the hover ("governing verb", "will + action by a party" ...). */
  rule: string;
}

export interface EntityFact {
  label: string;
  value: string;
  asOf?: string;
}

export interface EntityEntry {
  id: string;
  name: string;
  aliases: string[];
  /** Adjectives of a place's people ("Russian"): matched for the card, but no name (policy: demonyms are not names). */
  demonyms?: string[];
  /**
   * Names the entry has only where the text places something ("met in Washington", "Washington/Tokyo": policy
   * E1.d), since elsewhere the word names others too (Washington State, a surname): no lexicon alias.
   */
  venueAliases?: string[];
  type: EntityType;
  definition: string;
  facts: EntityFact[];
  topics: TopicId[];
  source?: string;
  /** For persons: office and term, e.g. "Prime Minister of Japan (2021–2024)". */
  office?: string;
  origin?: LexiconOrigin;
}

export interface EntityMention extends Span {
  text: string;
  id: string;
  name: string;
  type: EntityType;
  sentence: number;
  /**
   * False for a name no lexicon knows (E5), recognised by its evidence; its `id` is then a synthetic one
   * ("name:" and the name) shared by every mention of that name in the readout. Absent for lexicon entries.
   */
  known?: false;
  /**
   * For a mention found by recognition, not by a lexicon name or alias: what in the readout evidences it
   * ("title: President", "acronym: GCAP", "head: Summit", "surname of: Jake Sullivan").
   */
  evidence?: string;
  /** Matched by a demonym ("Russian"): the place's card, but no name (policy: demonyms used as adjectives). */
  demonym?: true;
  /** A later mention of a country the readout already named (E4: a plain country counts once per readout). */
  repeat?: true;
}

export interface TopicEntry {
  id: TopicId;
  label: string;
  /** Codicon name without the `$()` wrapper, e.g. "shield". */
  icon: string;
  keywords: string[];
  phrases: string[];
  entities: string[];
  /** Keywords and phrases a workspace lexicon added to a built-in topic: a user's words win (mergeLexicons). */
  userTerms?: string[];
  origin?: LexiconOrigin;
}

/**
 * What decided a sentence's primary topic (policy T1–T6): its own words (`words`; `user` when a workspace
 * keyword was among them), the opening's meeting or another of who met whom (T2), its context (T5: the list it belongs to, its paragraph,
 * the sentence before it), courtesy or framing (T6), or nothing at all (T6).
 */
export type TopicRule = 'words' | 'user' | 'opening' | 'meeting' | 'list' | 'paragraph' | 'previous' | 'courtesy' | 'layout' | 'none' | 'model';

export interface TopicEvidence {
  rule: TopicRule;
  /** The spans that scored for the primary topic (words, phrases, entity mentions): [start, end) offset pairs. */
  spans?: number[];
  /** For `list`, `previous` and a courtesy list item: the index of the sentence the topic came from. */
  from?: number;
  /** What named the secondary topic when the rules named none: the trained model (policy T1, decision T1.a). */
  secondaryRule?: 'model';
}

export interface SentenceTopics {
  sentence: number;
  primary: TopicId;
  secondary?: TopicId;
  evidence?: TopicEvidence;
}

/** Where a lexicon entry came from, so Go to Definition can open it. */
export interface LexiconOrigin {
  file: string;
  line: number;
  column: number;
}

export interface LexiconError {
  file: string;
  /** 0-based line and column, as VS Code counts them. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  code: 'yaml-syntax' | 'unknown-type' | 'missing-field' | 'duplicate-id' | 'bad-value' | 'unknown-key';
  message: string;
}

/** A word class the commitment policy rules read (lexicons/word-classes.yaml). */
export interface WordClassEntry {
  /** One of the class ids the rules know (src/core/cues/words.ts, WORD_CLASSES). */
  id: string;
  /** Lower-case words; a two-word entry where the class reads phrases. */
  words: string[];
  /** Entity ids whose one- and two-word names and aliases join the class. */
  entities: string[];
  note?: string;
  origin?: LexiconOrigin;
}

/** A list of words that evidences a name no lexicon knows (lexicons/names.yaml; src/core/entities/names.ts). */
export interface NameClassEntry {
  /** One of NAME_CLASS_IDS. */
  id: string;
  /** As written: titles and heads are matched with their capitals, connectors in lower case. */
  words: string[];
  note?: string;
  origin?: LexiconOrigin;
}

export const NAME_CLASS_IDS = ['title', 'honorific', 'title-alone', 'head-org', 'head-forum', 'head-agreement', 'head-initiative', 'head-place', 'head-other', 'head-leading', 'numbered', 'district-code', 'portfolio', 'place-preposition', 'place-motion', 'not-place-ending', 'connector', 'not-name',
  // E3.f: counterparts named by office alone (src/core/entities/counterpartTitles.ts).
  'default-government',
  // E3.j: the countries whose persons' names open with their surname ("Cho Tae-yul": "Minister Cho").
  'surname-first'] as const;

export interface Lexicon {
  cues: CuePattern[];
  entities: EntityEntry[];
  topics: TopicEntry[];
  wordClasses: WordClassEntry[];
  /** Evidence for open-class names; absent in lexicons made before it existed. */
  nameClasses?: NameClassEntry[];
  /** The trained topic model (lexicons/topic-model.yaml); absent when no lexicon file carries one. */
  topicModel?: TrainedTopicModel;
}

/**
 * A multinomial naive Bayes topic model over folded topic words (generated by scripts/train-topics.mjs): natural-log
 * weights, per topic it was trained on.
 */
export interface TrainedTopicModel {
  /** How far the best topic's score must lead the second's before the model names a topic (policy T1, decision T1.a). */
  margin: number;
  /** How far it must lead before it decides a primary the rules decided weakly (decision T1.b); absent: never. */
  primaryMargin?: number;
  /** A primary from a sentence's own words scoring under this is weak (T1.b). */
  weakScore?: number;
  /**
   * How far it must lead before it chooses the primary among the topics a sentence's own words give at least the
   * secondary's share of the best score (decision T1.c); absent: never.
   */
  tieMargin?: number;
  /** The share at which the sentences before and after in the paragraph count with a sentence's own features, for the secondary the model names (decision T1.d); absent: none. */
  context?: number;
  prior: Partial<Record<TopicId, number>>;
  /** The weight of a kept word under a topic it was never seen with. */
  unseen: Partial<Record<TopicId, number>>;
  /** Per folded word, its weight under each topic it was seen with. */
  words: Record<string, Partial<Record<TopicId, number>>>;
}

export interface Analysis {
  /** Version of this shape; bump on breaking changes. */
  version: 1;
  textLength: number;
  readout: ParsedReadout;
  cues: Cue[];
  entities: EntityMention[];
  topics: SentenceTopics[];
  /** Acronyms no lexicon entry matched, for the "Add to workspace lexicon" quick fix. */
  unknownAcronyms: Span[];
  /** True when the text was cut at the size limit and only the first `analyzedLength` units were analysed. */
  truncated: boolean;
  analyzedLength: number;
}
