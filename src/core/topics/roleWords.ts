// The word classes the topic roles read (lexicons/word-classes.yaml, policy T2): the verbs of an opening "X met Y",
// and the words before a place that make it where they met or what they met about rather than a party.

/** Class ids of lexicons/word-classes.yaml that the topic roles read. */
export const TOPIC_WORD_CLASSES = {
  meetingVerbs: 'meeting-verbs',
  speakingVerbs: 'speaking-verbs',
  speakingParticles: 'speaking-particles',
  venueWords: 'venue-words',
  meetingSubjectWords: 'meeting-subject-words',
  relationshipWords: 'relationship-words',
  courtesyWords: 'courtesy-words',
  occasionWords: 'occasion-words',
  mourningWords: 'mourning-words',
  framingWords: 'framing-words',
  settlementWords: 'settlement-words',
  settlementJoiningWords: 'settlement-joining-words',
  meetingPurposeWords: 'meeting-purpose-words',
  titleWords: 'title-words',
  titleOfficeWords: 'title-office-words',
  titleLinkWords: 'title-link-words',
  titleFirstLinkWords: 'title-first-link-words',
  documentTitleWords: 'document-title-words',
  signatureWords: 'signature-words',
  relationWords: 'relation-words',
  relationPrepositions: 'relation-prepositions',
  relationPairPrepositions: 'relation-pair-prepositions',
} as const;

export interface RoleWords {
  /** An opening "X met Y": a meeting verb, or a speaking verb with a particle (or, T2.o, a word of what about) at most five words on. */
  readonly meeting: RegExp;
  /** Policy T2 (T2.a): "X spoke (by phone) with Y", "X met separately with Y" anywhere in a readout. */
  readonly spokeWith: RegExp;
  /** One or two words ("in", "margins of") before a place where the meeting happened. */
  readonly venue: ReadonlySet<string>;
  /** A word before a place the opening names as what was discussed ("support for Ukraine"), not a party. */
  readonly meetingSubject: ReadonlySet<string>;
  /** Words (as written, lower-cased) that make a sentence speak of the parties' relationship itself. */
  readonly relationship: ReadonlySet<string>;
  /**
   * T6: words of courtesy and attendance: an opening written for one ("called … to congratulate him") is other,
   * and so is a list its introducer announces ("Participants included:").
   */
  readonly courtesy: ReadonlySet<string>;
  /** Policy T6 (T6.e): what a courtesy is on ("elections"): in a sentence with a word of courtesy, no subject. */
  readonly occasion: ReadonlySet<string>;
  /** Policy T6 (T6.h): condolences: what follows them in the sentence (what they are for) is no subject. */
  readonly mourning: ReadonlySet<string>;
  /** Policy T2 (T2.l): means of settling a conflict ("dialogue and diplomacy"): with them, "dialogue" is no channel of the parties'. */
  readonly settlement: ReadonlySet<string>;
  /** T2.l: the word that joins the relationship's word to such a means ("and"). */
  readonly settlementJoin: ReadonlySet<string>;
  /** Policy T6 (T6.f): an announcement of what follows ("The overview of the meeting is as follows"). */
  readonly framing: RegExp;
  /** T2: where the opening turns from who met to what for ("to coordinate responses to …", "including"). */
  readonly purpose: RegExp;
  /** Policy T2 (T2.a): the last word of a title ("National Security Advisor"): a title's words are no subject and no courtesy. */
  readonly title: ReadonlySet<string>;
  /** Policy T2 (T2.p): an office whose title names its portfolio after it ("Minister of Health"). */
  readonly titleOffice: ReadonlySet<string>;
  /** T2.p: the small words a title goes on over ("of", "for", "and"). */
  readonly titleLink: ReadonlySet<string>;
  /** T2.p: the links that may follow an office right after it ("of", "for", "to", "on"). */
  readonly titleFirstLink: ReadonlySet<string>;
  /** Policy T6 (T6.d): what a document's title starts with ("Joint Statement by"), read at a sentence's start. */
  readonly documentTitle: RegExp;
  /** Policy T6 (T6.d): the offices a signature block names ("Ministry", "Office"). */
  readonly signature: ReadonlySet<string>;
  /** Policy T2 (T2.h): nouns of a relationship a third party may own ("China's relations with Russia"). */
  readonly relation: ReadonlySet<string>;
  /** T2.h: prepositions after a relation noun that name who it is with ("ties with", "relations between"). */
  readonly relationPreposition: ReadonlySet<string>;
  /** T2.h: ...those of them that take a pair ("between Israel and its neighbours": one side named, one not). */
  readonly pair: ReadonlySet<string>;
}

const NEVER = /(?!)/;

/** Any run of white space between two words: spaces, a line break, a no-break space (U+00A0), a tab. */
const WHITE = '\\s+';

/**
 * The words as one regular-expression alternation. Policy T2 (T2.j): the space inside a two-word entry ("meeting
 * with", "to discuss") matches any run of white space, as the text may wrap a line there or write a no-break space.
 */
function alternatives(words: readonly string[]): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, WHITE)).join('|');
}

/** The role words of a lexicon's word lists by class id (lower-cased; an absent class is empty). */
export function compileRoleWords(lists: Readonly<Record<string, readonly string[] | undefined>>): RoleWords {
  const words = (id: string): string[] =>
    (lists[id] ?? []).map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim()).filter((w) => w !== '');
  const C = TOPIC_WORD_CLASSES;
  const parts: string[] = [];
  const verbs = words(C.meetingVerbs);
  if (verbs.length > 0) parts.push(alternatives(verbs));
  const speaking = words(C.speakingVerbs);
  const particles = words(C.speakingParticles);
  const spoke = speaking.length > 0 && particles.length > 0 ? `(?:${alternatives(speaking)})(?:${WHITE}\\w+){0,5}${WHITE}(?:${alternatives(particles)})` : undefined;
  if (spoke !== undefined) parts.push(spoke);
  // Policy T2 (T2.o): in the opening, the parties written together before a speaking verb speak with each other:
  // "President Biden and Prime Minister Draghi talked today about …", "… spoke by phone regarding …".
  const subjects = words(C.meetingSubjectWords);
  if (speaking.length > 0 && subjects.length > 0) parts.push(`(?:${alternatives(speaking)})(?:${WHITE}\\w+){0,5}${WHITE}(?:${alternatives(subjects)})`);
  return {
    meeting: parts.length > 0 ? new RegExp(`\\b(?:${parts.join('|')})\\b`, 'i') : NEVER,
    spokeWith: spoke !== undefined ? new RegExp(`\\b${spoke}\\b`, 'i') : NEVER,
    venue: new Set(words(C.venueWords)),
    meetingSubject: new Set(words(C.meetingSubjectWords)),
    relationship: new Set(words(C.relationshipWords)),
    courtesy: new Set(words(C.courtesyWords)),
    occasion: new Set(words(C.occasionWords)),
    mourning: new Set(words(C.mourningWords)),
    settlement: new Set(words(C.settlementWords)),
    settlementJoin: new Set(words(C.settlementJoiningWords)),
    title: new Set(words(C.titleWords)),
    titleOffice: new Set(words(C.titleOfficeWords)),
    titleLink: new Set(words(C.titleLinkWords)),
    titleFirstLink: new Set(words(C.titleFirstLinkWords)),
    documentTitle:
      words(C.documentTitleWords).length > 0
        ? new RegExp(`^\\W*(?:${alternatives(words(C.documentTitleWords)).replace(/'/g, "['’]")})(?!\\w)`, 'i')
        : NEVER,
    signature: new Set(words(C.signatureWords)),
    relation: new Set(words(C.relationWords)),
    relationPreposition: new Set(words(C.relationPrepositions)),
    pair: new Set(words(C.relationPairPrepositions)),
    framing: words(C.framingWords).length > 0 ? new RegExp(`(?:^|[^\\p{L}])(?:${alternatives(words(C.framingWords))})(?![\\p{L}])`, 'iu') : NEVER,
    purpose: words(C.meetingPurposeWords).length > 0 ? new RegExp(`\\b(?:${alternatives(words(C.meetingPurposeWords))})\\b`, 'i') : NEVER,
  };
}
