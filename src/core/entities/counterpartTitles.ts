// Policy E3.f: a counterpart the readout names by office alone ("the Prime Minister of the Republic of Poland",
// "Brazil's Minister of Finance", "India's External Affairs Minister") is a person mention of that office, at its
// first use, unless the country is the issuing government's own. Read after name recognition, around the country
// mentions only: linear in the text.
import { isRegexSpace } from '../text/scan';
import type { EntityMention, NameClassEntry, ParsedReadout } from '../types';
import { findEntitiesInSpan, sortMentions, type EntityMatcher } from './entities';

export interface CounterpartRules {
  /** Offices by their first word, each a list of words (the `title` class). */
  titles: Map<string, string[][]>;
  /** Lower-case words inside an office between capitalised words ("Minister for Foreign Affairs"). */
  connectors: Set<string>;
  /** Capitalised words that open no office ("The"). */
  notNames: Set<string>;
  /** The issuing government of a readout whose front matter names none (`default-government`). */
  defaultGovernment: string;
}

const MAX_OFFICE_WORDS = 10;

export function compileCounterpartRules(classes: readonly NameClassEntry[] | undefined): CounterpartRules | undefined {
  if (!classes) return undefined;
  const titles = new Map<string, string[][]>();
  const connectors = new Set<string>();
  const notNames = new Set<string>();
  let defaultGovernment = '';
  for (const c of classes) {
    for (const w of c.words) {
      if (c.id === 'title') {
        const words = w.split(/\s+/);
        titles.set(words[0], [...(titles.get(words[0]) ?? []), words]);
      } else if (c.id === 'connector') connectors.add(w.toLowerCase());
      else if (c.id === 'not-name' && !w.includes(' ')) notNames.add(w);
      else if (c.id === 'default-government') defaultGovernment ||= w;
    }
  }
  if (titles.size === 0) return undefined;
  return { titles, connectors, notNames, defaultGovernment };
}

interface Word {
  start: number;
  end: number;
  text: string;
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 45 || c === 46;
const capitalised = (w: Word): boolean => {
  const c = w.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
};

/**
 * The word next to `i` with only spaces between, before it (`back`, not across `lim`) or after it (not past `lim`),
 * without the apostrophes, hyphens and dots at its ends; or undefined.
 */
function wordAt(text: string, i: number, lim: number, back = false): Word | undefined {
  const d = back ? -1 : 1;
  const at = (j: number): number => text.charCodeAt(back ? j - 1 : j);
  let a = i;
  while (a !== lim && isRegexSpace(at(a))) a += d;
  let b = a;
  while (b !== lim && (isWordChar(at(b)) || isJoiner(at(b)))) b += d;
  let s = Math.min(a, b);
  let e = Math.max(a, b);
  while (e > s && isJoiner(text.charCodeAt(e - 1))) e--;
  while (s < e && isJoiner(text.charCodeAt(s))) s++;
  return s < e ? { start: s, end: e, text: text.slice(s, e) } : undefined;
}
const wordBefore = (text: string, i: number, lo: number): Word | undefined => wordAt(text, i, lo, true);
const wordAfter = wordAt;

/** The length of the longest office of `rules` at words[k], negative for a plural one when `plural` ("Prime Ministers"), or 0. */
function titleAt(rules: CounterpartRules, words: readonly Word[], k: number, plural: boolean): number {
  const w = words[k].text;
  for (const p of [...(rules.titles.get(w) ?? []), ...((plural && rules.titles.get(w.slice(0, -1))) || [])].sort((a, b) => b.length - a.length)) {
    const n = p.length;
    if (k + n > words.length || !p.every((x, q) => q === n - 1 || words[k + q].text === x)) continue;
    const last = words[k + n - 1].text;
    if (last === p[n - 1]) return n;
    if (plural && last === `${p[n - 1]}s`) return -n;
  }
  return 0;
}

/**
 * An office read from words: one office, with capitalised words before it ("External Affairs", "Prime Cabinet") and
 * its portfolio after it; its title phrase (negative length: plural), or undefined.
 */
function isOffice(rules: CounterpartRules, words: readonly Word[], plural: boolean): [string, boolean] | undefined {
  let found: [string, boolean] | undefined;
  for (let k = 0; k < words.length; ) {
    // "Office of the President of Ukraine": an office after a connector is a body's portfolio, not an office.
    if (!found && rules.connectors.has(words[k].text)) return undefined;
    const t = capitalised(words[k]) ? titleAt(rules, words, k, plural) : 0;
    if (t === 0) {
      k++;
      continue;
    }
    if (found) return undefined;
    const n = Math.abs(t);
    found = [words.slice(k, k + n).map((w) => w.text).join(' '), t < 0];
    k += n;
    // After the office only its portfolio ("of Finance", "for Foreign Affairs"): no name.
    if (k < words.length && !rules.connectors.has(words[k].text)) return undefined;
  }
  return found;
}

/** A candidate office of a country: its words' span and the countries' ids. */
interface Candidate {
  start: number;
  end: number;
  office: string;
  /** The office's title phrase ("Minister" of "Minister of Finance"). */
  title: string;
  countries: string[];
  country: string;
  /** Where the phrase ends: after the country ("of Poland") or after the office (the possessive). */
  phraseEnd: number;
  sentence: number;
  plural: boolean;
}

const possessiveAt = (text: string, i: number): boolean => (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019) && text.charCodeAt(i + 1) === 115 && !isWordChar(text.charCodeAt(i + 2));

/**
 * Adds to `mentions` (in text order) a person mention for each office of a country the readout names with no
 * holder (E3.f). Returns `mentions` itself when it adds none.
 */
export function counterpartTitles(text: string, readout: ParsedReadout, mentions: EntityMention[], matcher: EntityMatcher, rules: CounterpartRules | undefined): EntityMention[] {
  if (rules === undefined || mentions.length === 0) return mentions;
  const isCountry = (m: EntityMention): boolean => {
    if (m.known === false || m.demonym === true || m.type !== 'place') return false;
    const d = matcher.byId.get(m.id)?.demonyms;
    return d !== undefined && d.length > 0;
  };
  const sentences = readout.sentences;
  const candidates: Candidate[] = [];
  let s = 0;
  for (let i = 0; i < mentions.length; i++) {
    const c = mentions[i];
    if (!isCountry(c)) continue;
    while (s + 1 < sentences.length && sentences[s].end <= c.start) s++;
    const sentence = sentences[s];
    if (sentence === undefined) break;
    const lo = sentence.start;
    const hi = sentence.end;
    const name = matcher.byId.get(c.id)?.name ?? c.name;
    // "the Prime Minister of the Republic of Poland": the office before "of (the)".
    let w = wordBefore(text, c.start, lo);
    if (w?.text === 'the') w = wordBefore(text, w.start, lo);
    if (w?.text === 'of') {
      const words: Word[] = [];
      for (let v = wordBefore(text, w.start, lo); v !== undefined && words.length < MAX_OFFICE_WORDS; v = wordBefore(text, v.start, lo)) {
        if (capitalised(v)) words.push(v);
        else if (rules.connectors.has(v.text) && words.length > 0) words.push(v);
        else break;
      }
      words.reverse();
      while (words.length > 0 && (rules.connectors.has(words[0].text) || rules.notNames.has(words[0].text))) words.shift();
      const office = words.length > 0 ? isOffice(rules, words, true) : undefined;
      if (office) {
        const plural = office[1];
        // "... of Australia and Tuvalu": the countries of a plural office.
        const countries = [c.id];
        for (let j = i + 1; j < mentions.length && plural; j++) {
          const and = wordAfter(text, mentions[j - 1].end, hi);
          if (and?.text !== 'and' || !isCountry(mentions[j]) || wordAfter(text, and.end, hi)?.start !== mentions[j].start) break;
          countries.push(mentions[j].id);
        }
        const start = words[0].start;
        const end = words[words.length - 1].end;
        const phraseEnd = mentions[i + countries.length - 1].end;
        candidates.push({ start, end, office: text.slice(start, end), title: office[0], countries, country: name, phraseEnd, sentence: sentence.index, plural });
      }
    }
    // "Brazil's Minister of Finance": the office after the possessive.
    if (possessiveAt(text, c.end)) {
      const words: Word[] = [];
      for (let v = wordAfter(text, c.end + 2, hi); v !== undefined && words.length < MAX_OFFICE_WORDS; v = wordAfter(text, v.end, hi)) {
        if (capitalised(v)) words.push(v);
        else if ((v.text === 'of' || v.text === 'for' || v.text === 'the' || v.text === 'and') && words.length > 0 && inPortfolio(rules, words)) words.push(v);
        else break;
      }
      while (words.length > 0 && rules.connectors.has(words[words.length - 1].text)) words.pop();
      const office = words.length > 0 ? isOffice(rules, words, false) : undefined;
      if (office) {
        const start = words[0].start;
        const end = words[words.length - 1].end;
        candidates.push({ start, end, office: text.slice(start, end), title: office[0], countries: [c.id], country: name, phraseEnd: end, sentence: sentence.index, plural: false });
      }
    }
  }
  const owned = ownedOffices(text, readout, mentions, matcher, rules, isCountry);
  if (candidates.length === 0 && owned.length === 0) return mentions;
  candidates.sort((a, b) => a.start - b.start);
  const issuers = issuingCountries(text, readout, matcher, rules, candidates);
  // E3.i: "the Prime Minister's National Security Advisor", read after the issuer (whose opening they do not name).
  if (owned.length > 0) {
    candidates.push(...owned);
    candidates.sort((a, b) => a.start - b.start);
  }
  const holders = new Holders(text, mentions, matcher);
  const added: EntityMention[] = [];
  /** The offices of each country met so far, one-spaced. */
  const seen = new Map<string, string[]>();
  for (const k of candidates) {
    if (k.plural || k.countries.some((id) => issuers.has(id))) continue;
    const office = k.office.replace(/\s+/g, ' ');
    const full = `${office} of ${k.country}`;
    // Again, or shortened ("the Minister of Ukraine" after "the Foreign Minister of Ukraine"): the same holder.
    const earlier = seen.get(k.country) ?? [];
    if (earlier.some((o) => ` ${o} `.includes(` ${office} `))) continue;
    // A holder named beside the office ("Prime Minister of Italy Giorgia Meloni", "Anthony Albanese, Prime
    // Minister of Australia") or in it, or named elsewhere by that office, makes it no mention of its own.
    if (holderNamed(text, k, holders, rules)) continue;
    // A name inside the office ("Kenya's Prime Cabinet Secretary": "Prime Cabinet", a body by its head word) keeps it.
    if (holders.anyMention.reaches(k.end, k.start)) continue;
    earlier.push(office);
    seen.set(k.country, earlier);
    added.push({ start: k.start, end: k.end, text: text.slice(k.start, k.end), id: `name:${full}`, name: full, type: 'person', sentence: k.sentence, known: false, evidence: `office of: ${k.country}` });
  }
  if (added.length === 0) return mentions;
  return sortMentions(mentions.concat(added));
}

/**
 * Policy E3.i: an office owned by another office-holder ("the Prime Minister's National Security Advisor") is an
 * office of that holder's country: the country of the person the readout introduces by the owner's title ("Prime
 * Minister Naftali Bennett of Israel", a card's Country fact, a country the readout names). Without such a person
 * the owner's country is unknown and the office is none.
 */
function ownedOffices(text: string, readout: ParsedReadout, mentions: readonly EntityMention[], matcher: EntityMatcher, rules: CounterpartRules, isCountry: (m: EntityMention) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const owner = /\b[Tt]he\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)['\u2019]s\s/g;
  let countryOf: Map<string, [string, string] | undefined> | undefined;
  const sentences = readout.sentences;
  let s = 0;
  for (let m = owner.exec(text); m !== null; m = owner.exec(text)) {
    const ownerWords = m[1].split(/\s+/).map((w) => ({ start: 0, end: 0, text: w }));
    if (titleAt(rules, ownerWords, 0, false) !== ownerWords.length) continue;
    const ownerTitle = m[1].replace(/\s+/g, ' ');
    while (s + 1 < sentences.length && sentences[s].end <= m.index) s++;
    const sentence = sentences[s];
    if (sentence === undefined) break;
    const words: Word[] = [];
    for (let v = wordAfter(text, m.index + m[0].length, sentence.end); v !== undefined && words.length < MAX_OFFICE_WORDS; v = wordAfter(text, v.end, sentence.end)) {
      if (capitalised(v)) words.push(v);
      else if ((v.text === 'of' || v.text === 'for' || v.text === 'and') && words.length > 0 && inPortfolio(rules, words)) words.push(v);
      else break;
    }
    while (words.length > 0 && rules.connectors.has(words[words.length - 1].text)) words.pop();
    const office = words.length > 0 ? isOffice(rules, words, false) : undefined;
    if (!office) continue;
    countryOf ??= new Map();
    if (!countryOf.has(ownerTitle)) countryOf.set(ownerTitle, ownerCountry(text, ownerTitle, mentions, matcher, isCountry));
    const country = countryOf.get(ownerTitle);
    if (country === undefined) continue;
    const start = words[0].start;
    const end = words[words.length - 1].end;
    out.push({ start, end, office: text.slice(start, end), title: office[0], countries: [country[0]], country: country[1], phraseEnd: end, sentence: sentence.index, plural: false });
  }
  return out;
}

/** The country (id, name) of the first person the readout introduces by `title` ("Prime Minister Naftali Bennett"). */
function ownerCountry(text: string, title: string, mentions: readonly EntityMention[], matcher: EntityMatcher, isCountry: (m: EntityMention) => boolean): [string, string] | undefined {
  for (const p of mentions) {
    if (p.type !== 'person' || p.known === false) continue;
    if (!titledBefore(text, p, title)) continue;
    const value = matcher.byId.get(p.id)?.facts?.find((f) => f.label === 'Country')?.value;
    if (value === undefined) return undefined;
    const c = mentions.find((x) => isCountry(x) && (matcher.byId.get(x.id)?.name ?? x.name) === value);
    return c === undefined ? undefined : [c.id, value];
  }
  return undefined;
}

/** The words hold an office: after it, "of"/"for" may carry on its portfolio. */
function inPortfolio(rules: CounterpartRules, words: readonly Word[]): boolean {
  return words.some((w, k) => capitalised(w) && titleAt(rules, words, k, false) !== 0);
}

/**
 * Mentions in start order with the largest end so far: whether some mention starts before a point and ends after
 * another is a binary search, not a pass over every mention (a readout of 20 MB has tens of thousands).
 */
class Reach {
  private readonly starts: number[] = [];
  private readonly maxEnds: number[] = [];

  constructor(mentions: readonly EntityMention[]) {
    let maxEnd = -1;
    // Mentions come in start order (sortMentions); sorted again only if they do not.
    const inOrder = mentions.every((m, i) => i === 0 || mentions[i - 1].start <= m.start);
    for (const m of inOrder ? mentions : [...mentions].sort((a, b) => a.start - b.start)) {
      maxEnd = Math.max(maxEnd, m.end);
      this.starts.push(m.start);
      this.maxEnds.push(maxEnd);
    }
  }

  /** Some mention starts before `before` and ends after `after`. */
  reaches(before: number, after: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < before) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnds[lo - 1] > after;
  }
}

/** Does `title` stand right before the person's name ("Prime Minister" before "Naftali Bennett")? */
function titledBefore(text: string, p: EntityMention, title: string): boolean {
  return text.slice(Math.max(0, p.start - title.length - 2), p.start).replace(/\s+/g, ' ').trim().endsWith(title);
}

/** What holderNamed asks of the readout's mentions, indexed once per readout. */
class Holders {
  readonly anyMention: Reach;
  readonly notPerson: Reach;
  private readonly personEnds = new Set<number>();
  /** Per title and country: whether a person of the readout is introduced by that office (see namedByOffice). */
  private readonly byOffice = new Map<string, boolean>();
  private readonly persons: EntityMention[];

  constructor(
    private readonly text: string,
    mentions: readonly EntityMention[],
    private readonly matcher: EntityMatcher,
  ) {
    this.anyMention = new Reach(mentions);
    this.notPerson = new Reach(mentions.filter((m) => m.type !== 'person'));
    this.persons = mentions.filter((m) => m.type === 'person');
    for (const p of this.persons) this.personEnds.add(p.end);
  }

  /** A person's name ends just before `at`, a comma between ("Anthony Albanese, Prime Minister of Australia"). */
  personBefore(at: number): boolean {
    for (let end = Math.max(0, at - 3); end <= at; end++) if (this.personEnds.has(end) && this.text.slice(end, at).trim() === ',') return true;
    return false;
  }

  /**
   * A person of `country` (or one no lexicon knows) whom the readout names after `title` ("Venezuelan Interim
   * President Juan Guaidó" before "the Interim President of Venezuela"), or whose card holds that office.
   */
  namedByOffice(title: string, country: string): boolean {
    const key = `${title}\u0000${country}`;
    let named = this.byOffice.get(key);
    if (named === undefined) {
      named = this.persons.some((p) => {
        const entry = this.matcher.byId.get(p.id);
        if (p.known !== false && !entry?.facts?.some((f) => f.value === country)) return false;
        return titledBefore(this.text, p, title) || entry?.office?.includes(`${title} of ${country}`) === true;
      });
      this.byOffice.set(key, named);
    }
    return named;
  }
}

/** Who the office's holder is, the readout says somewhere: beside the office, or by the office's title before a name. */
function holderNamed(text: string, k: Candidate, holders: Holders, rules: CounterpartRules): boolean {
  const phraseEnd = k.phraseEnd;
  const after = wordAfter(text, phraseEnd, text.length);
  if (after !== undefined && after.start === phraseEnd + 1 && capitalised(after) && isRegexSpace(text.charCodeAt(phraseEnd))) return true;
  // Beside: ", Sergii Marchenko," after it (a capitalised word no lexicon gives another type), or "Anthony
  // Albanese, " before it.
  let i = phraseEnd;
  while (i < text.length && isRegexSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 44) {
    const name = wordAfter(text, i + 1, text.length);
    if (name !== undefined && capitalised(name) && !rules.notNames.has(name.text) && !holders.notPerson.reaches(name.start + 1, name.start)) return true;
  }
  return holders.personBefore(k.start) || holders.namedByOffice(k.title, k.country);
}

/**
 * The countries the readout issues from (E3.f): those front matter `government` names; with no government, the
 * countries of the first office the readout names when it names it by country ("the Minister for Foreign Affairs
 * of Japan held ...", "the Prime Ministers of Australia and Tuvalu"), else the `default-government`.
 */
function issuingCountries(text: string, readout: ParsedReadout, matcher: EntityMatcher, rules: CounterpartRules, candidates: readonly Candidate[]): Set<string> {
  const countries = (s: string): Set<string> => {
    const out = new Set<string>();
    for (const m of findEntitiesInSpan(s, { start: 0, end: s.length }, matcher)) {
      const d = matcher.byId.get(m.id)?.demonyms;
      if (m.type === 'place' && d !== undefined && d.length > 0) out.add(m.id);
    }
    return out;
  };
  const government = readout.header?.government;
  if (government) return countries(government);
  const first = readout.sentences[0];
  // The opening's first capitalised word that starts an office (or offices: "the Prime Ministers of ...").
  for (let i = first?.start ?? 0; first !== undefined; ) {
    while (i < first.end && !isWordChar(text.charCodeAt(i))) i++;
    const w = wordAfter(text, i, first.end);
    if (w === undefined) break;
    i = w.end;
    if (!capitalised(w) || !(rules.titles.has(w.text) || rules.titles.has(w.text.slice(0, -1)))) continue;
    const opening = candidates.find((c) => c.start <= w.start && w.start < c.end);
    if (opening) return new Set(opening.countries);
    break;
  }
  return countries(rules.defaultGovernment);
}
