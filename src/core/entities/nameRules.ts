// The evidence name recognition reads (policy E3, E5; lexicons/names.yaml), compiled once per lexicon: each
// word of a phrase numbered, so the rules (names.ts) compare a token's number, never its string.
import type { EntityEntry, EntityType, NameClassEntry } from '../types';
import { NameTokens, NameWords } from './nameTokens';

/** A name class's phrases as sequences of word numbers, longest first, by the number of their first word. */
export type Phrases = (Int32Array[] | undefined)[];

export interface NameRules {
  words: NameWords;
  titles: Phrases;
  honorifics: Phrases;
  titlesAlone: Phrases;
  notNames: Phrases;
  /** Offices and non-names written in capitals ("CEO", "PM", "FY"): no unknown acronym (E5). */
  notAcronyms: ReadonlySet<string>;
  /** US state codes: no acronym inside a district or party code ("(PA-4)", "D-PA-3"), see AcronymFinder. */
  districtCodes: ReadonlySet<string>;
  /** By word number: the type a head word gives a run. */
  heads: (EntityType | undefined)[];
  /** By word number: 1 for a connector; for a connector no personal name holds ("of", not "de"). */
  connector: Uint8Array;
  strong: Uint8Array;
  /** By word number: 1 for a word of an office's portfolio ("Affairs", "Treasury"), never a holder's name. */
  portfolio: Uint8Array;
  /** By word number: 1 for a word a number after it belongs to ("Article 5", "Resolution 2231"; E1.b). */
  numbered: Uint8Array;
  /** By word number: 1 for a head that types a run only when it opens it ("Hurricane Ida"; E1.b). */
  leading: Uint8Array;
  /** By word number: 1 for a word of going or receiving somewhere, "to" after which is a place preposition (E1.i). */
  motion: Uint8Array;
  /** Endings of abstract nouns, never a place after a place preposition ("the rise in Antisemitism"; E1.c). */
  notPlaceEndings: readonly string[];
  /** A lexicon person's name → its surname, or null for a one-word name (see Recogniser.knownPerson). */
  surnames: Map<string, string | null>;
  /** A surname → the lexicon persons who have it, with their offices: "President Marcos" alone (E3.d). */
  personBySurname: Map<string, SurnamePerson[]>;
  /** A name a lexicon place has only where the text places something ("in Washington"; E1.d) → that place (a later entry wins). */
  venues: Map<string, { id: string; name: string; type: EntityType }>;
  /** The numbers of the words the rules test one by one. */
  of: number;
  the: number;
  and: number;
  in: number;
  to: number;
  for: number;
}

const HEAD_TYPES: Record<string, EntityType> = { 'head-org': 'org', 'head-forum': 'forum', 'head-agreement': 'agreement', 'head-initiative': 'initiative', 'head-place': 'place', 'head-other': 'other', 'head-leading': 'other' };
const GENERATIONS = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
const STRONG = ['of', 'for', 'on', 'and', 'the', 'in', 'to', '&'];

/** A lexicon person a surname may name, and the office its card gives. */
export interface SurnamePerson {
  id: string;
  name: string;
  type: EntityType;
  office: string;
}

/** One lexicon person of `list` (a surname's): the only one, or the only one whose office holds `title`. */
export function personByTitle(list: readonly SurnamePerson[] | undefined, title: string): SurnamePerson | undefined {
  if (list === undefined) return undefined;
  if (list.length === 1) return list[0];
  const fits = title ? list.filter((p) => p.office.includes(title)) : [];
  return fits.length === 1 ? fits[0] : undefined;
}

/** The surname a later mention may use alone: the name's last word, when it has two or more. */
export function surnameOf(name: string): string | null {
  const words = name.split(/\s+/);
  // E3.d: "Ferdinand Marcos Jr." → "Marcos", "Charles III" → "Charles": a generational suffix is no surname.
  if (words.length >= 2 && GENERATIONS.test(words[words.length - 1])) return words[words.length - 2].replace(/,$/, '');
  return words.length < 2 ? null : words[words.length - 1].replace(/[.,]$/, '');
}

/** The surname of a name that opens with it (E3.j): "Cho Tae-yul" → "Cho"; a one-word name has none. */
export function surnameFirstOf(name: string): string | null {
  const words = name.split(/\s+/);
  return words.length < 2 ? null : words[0];
}

/** Compiles the name classes of a lexicon; undefined when it has none (recognition is then off). */
export function compileNameRules(classes: readonly NameClassEntry[] | undefined, entities: readonly EntityEntry[]): NameRules | undefined {
  if (!classes || classes.length === 0) return undefined;
  const words = new NameWords();
  const surnames = new Map<string, string | null>();
  const personBySurname = new Map<string, SurnamePerson[]>();
  // E3.j: a person of a country whose names open with the surname ("Cho Tae-yul") is "Minister Cho" later.
  const surnameFirst = new Set(classes.filter((c) => c.id === 'surname-first').flatMap((c) => c.words));
  for (const e of entities) {
    if (e.type !== 'person' || surnames.has(e.name)) continue;
    const country = e.facts?.find((f) => f.label === 'Country')?.value;
    const first = country !== undefined && surnameFirst.has(country);
    const surname = first ? surnameFirstOf(e.name) : surnameOf(e.name);
    surnames.set(e.name, surname);
    if (surname === null) continue;
    words.lexiconSurnames.add(surname);
    // Only after the full name: "Kim", "Lee", "Park" alone name too many people to be one lexicon person (E3.d).
    if (first) continue;
    const list = personBySurname.get(surname) ?? [];
    if (!list.some((p) => p.id === e.id)) list.push({ id: e.id, name: e.name, type: 'person', office: e.office ?? '' });
    personBySurname.set(surname, list);
  }
  const venues = new Map<string, { id: string; name: string; type: EntityType }>();
  for (const e of entities) for (const v of e.venueAliases ?? []) venues.set(v, { id: e.id, name: e.name, type: e.type });
  for (const w of STRONG) words.add(w);
  const sets = { titles: new Map<string, string[][]>(), honorifics: new Map<string, string[][]>(), titlesAlone: new Map<string, string[][]>(), notNames: new Map<string, string[][]>() };
  const heads = new Map<string, EntityType>();
  const connectors: string[] = [];
  const portfolio: string[] = [];
  const numbered: string[] = [];
  const leading: string[] = [];
  const motion: string[] = [];
  const notPlaceEndings: string[] = [];
  const notAcronyms = new Set<string>();
  const districtCodes = new Set<string>();
  const add = (into: Map<string, string[][]>, w: string): void => {
    const tokens = tokenise(w);
    if (tokens.length === 0) return;
    for (const t of tokens) words.add(t);
    const list = into.get(tokens[0]) ?? [];
    list.push(tokens);
    // Longest first: "Vice President" before "President"... by its own first token, "Deputy Prime Minister" first.
    list.sort((a, b) => b.length - a.length);
    into.set(tokens[0], list);
  };
  for (const c of classes) {
    for (const w of c.words) {
      if (c.id === 'title') add(sets.titles, w);
      else if (c.id === 'honorific') add(sets.honorifics, w);
      else if (c.id === 'title-alone') add(sets.titlesAlone, w);
      else if (c.id === 'connector') connectors.push(w.toLowerCase());
      else if (c.id === 'not-name') add(sets.notNames, w);
      else if (c.id === 'district-code') districtCodes.add(w);
      else if (c.id === 'portfolio') portfolio.push(w);
      else if (c.id === 'numbered') numbered.push(w);
      else if (c.id === 'head-leading') leading.push(w);
      else if (c.id === 'place-motion') motion.push(w.toLowerCase());
      else if (c.id === 'not-place-ending') notPlaceEndings.push(w);
      if ((c.id === 'title' || c.id === 'not-name') && /^[A-Z]{2,}$/.test(w)) notAcronyms.add(w);
      else if (c.id === 'place-preposition') words.placePrepositions.add(w.toLowerCase());
      else if (HEAD_TYPES[c.id] !== undefined && !heads.has(w)) heads.set(w, HEAD_TYPES[c.id]);
    }
  }
  for (const w of connectors) words.add(w);
  for (const w of portfolio) words.add(w);
  for (const w of numbered) words.add(w);
  for (const w of motion) words.add(w);
  for (const w of heads.keys()) words.add(w);
  const n = words.words.length;
  const phrases = (from: Map<string, string[][]>): Phrases => {
    const out: Phrases = new Array<Int32Array[] | undefined>(n).fill(undefined);
    for (const [first, list] of from) out[words.add(first)] = list.map((p) => Int32Array.from(p, (t) => words.add(t)));
    return out;
  };
  const flags = (list: readonly string[]): Uint8Array => {
    const out = new Uint8Array(n);
    for (const w of list) out[words.add(w)] = 1;
    return out;
  };
  const headOf: (EntityType | undefined)[] = new Array<EntityType | undefined>(n).fill(undefined);
  for (const [w, type] of heads) headOf[words.add(w)] = type;
  return {
    words,
    titles: phrases(sets.titles),
    honorifics: phrases(sets.honorifics),
    titlesAlone: phrases(sets.titlesAlone),
    notNames: phrases(sets.notNames),
    notAcronyms,
    districtCodes,
    heads: headOf,
    connector: flags(connectors),
    strong: flags(STRONG),
    portfolio: flags(portfolio),
    numbered: flags(numbered),
    leading: flags(leading),
    motion: flags(motion),
    notPlaceEndings,
    surnames,
    personBySurname,
    venues,
    of: words.add('of'),
    the: words.add('the'),
    and: words.add('and'),
    in: words.add('in'),
    to: words.add('to'),
    for: words.add('for'),
  };
}

/** One empty word table for every phrase compiled: a NameWords holds 0.5 MB of tables, and making one per phrase
 * cost the CLI 180 ms at every start. No word is ever added to it, so no phrase's tokens depend on another's. */
let scratch: NameWords | undefined;
/** Likewise one token buffer (four arrays of a thousand entries) for every phrase. */
let scratchTokens: NameTokens | undefined;

/** The tokens of a phrase as the recogniser reads text (see NameTokens). */
function tokenise(s: string): string[] {
  scratch ??= new NameWords();
  const t = (scratchTokens ??= new NameTokens(false));
  t.count = 0;
  t.sentence(s, 0, s.length, undefined, scratch, [], 0, 0, [], 0, 0);
  const out: string[] = [];
  for (let k = 0; k < t.count; k++) out.push(s.slice(t.start[k], t.end[k]));
  return out;
}
