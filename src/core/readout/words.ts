// The word classes sentence splitting reads (lexicons/word-classes.yaml): titles and abbreviations whose period
// does not end a sentence, and the words that start one after an ambiguous period. Compiled once per lexicon.

/** Class ids of lexicons/word-classes.yaml that the sentence splitter reads. */
export const SENTENCE_WORD_CLASSES = {
  titles: 'title-abbreviations',
  soft: 'soft-abbreviations',
  starters: 'sentence-starters',
} as const;

export interface SentenceWords {
  /** Never the end of a sentence ("Mr. Kishida"). */
  readonly titles: ReadonlySet<string>;
  /** Ends a sentence only before a sentence starter ("... Biden, Jr. The ..."). */
  readonly soft: ReadonlySet<string>;
  /** Starts a new sentence after an ambiguous period ("the U.S. The leaders"). */
  readonly starters: ReadonlySet<string>;
  /** The longest word the abbreviation checks can match: a longer word before a period is an ordinary word. */
  readonly longest: number;
}

/** The sentence words of a lexicon's word lists by class id (words lower-cased; an absent class is empty). */
export function compileSentenceWords(lists: Readonly<Record<string, readonly string[] | undefined>>): SentenceWords {
  const set = (id: string): Set<string> => new Set((lists[id] ?? []).map((w) => w.toLowerCase()));
  const titles = set(SENTENCE_WORD_CLASSES.titles);
  const soft = set(SENTENCE_WORD_CLASSES.soft);
  // List numbers ("12.", "iv.") are checked like abbreviations: at least five units are always looked at.
  const longest = Math.max(5, ...[...titles, ...soft].map((w) => w.length));
  return { titles, soft, starters: set(SENTENCE_WORD_CLASSES.starters), longest };
}
