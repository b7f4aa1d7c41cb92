// Names no lexicon knows (policy E3, E5): recognised by the evidence readouts give — an office before a person's
// name, the word that says what a body is, an acronym defined in parentheses — after lexicon matching, sentence
// by sentence, so a later surname or acronym links to the name first introduced. Linear in the text: the rules
// read numbered tokens (nameTokens.ts) and slice only the names they report.
import { SpanScan, scanSpan } from '../text/scan';
import type { EntityMention, EntityType, ParsedReadout, Sentence, Span } from '../types';
import { personByTitle, surnameOf, type NameRules } from './nameRules';
import { endsSentence, hasOddSpace, oneSpaced, opensListItem, shapeOf } from './nameText';
import { inCapitals, lexiconAcronyms, slashPlaces, type Found } from './nameLinks';
import { TokenReader } from './nameReader';
import { LOWER_PLACE, NameTokens } from './nameTokens';

const isDigitAt = (text: string, i: number): boolean => text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
/** The token ending at `end` ends with "'s" or "’s". */
const possessive = (text: string, end: number): boolean => (text.charCodeAt(end - 1) | 32) === 115 && (text.charCodeAt(end - 2) === 39 || text.charCodeAt(end - 2) === 0x2019);

export const byPosition = (x: Span, y: Span): number => x.start - y.start || x.end - y.end;

const ownAtoms = new SpanScan();
const ownTokens = new NameTokens();

/**
 * Adds the unknown names of the readout's sentences to `mentions` (sorted, lexicon mentions) and returns the
 * merged list in text order. `acronyms` are the unknown acronyms already found: they stay where they are, and an
 * expansion defined for one links to it by `evidence`. (analyze() reads the names inside its sentence loop, see
 * NamesInSentences; this reads the readout on its own, for incremental analysis.)
 */
export function recogniseNames(text: string, readout: ParsedReadout, rules: NameRules | undefined, mentions: EntityMention[], acronyms: readonly Span[]): EntityMention[] {
  if (rules === undefined) return mentions;
  const r = new Recogniser(text, rules, false);
  // A lexicon person's surname alone ("Sullivan" after "Jake Sullivan") is that person, with its card.
  for (const m of mentions) r.knownMention(m);
  const odd = hasOddSpace(text);
  const tokens = ownTokens;
  let m = 0;
  let a = 0;
  for (const s of readout.sentences) {
    if (!odd) scanSpan(text, s.start, s.end, ownAtoms);
    tokens.count = 0;
    tokens.sentence(text, s.start, s.end, odd ? undefined : ownAtoms, rules.words, mentions, m, mentions.length, acronyms, a, acronyms.length);
    m = tokens.nextSpan;
    a = tokens.nextMore;
    r.sentence(s, tokens, 0, tokens.count);
  }
  return r.finish(mentions, readout, acronyms);
}

/**
 * Appends the name tokens of `sentences` (in order, inside `text`) to `tokens`, and where each sentence's tokens
 * start to `firsts`: what recogniseNames reads per sentence, kept so that incremental analysis can cache them per
 * paragraph and read them again (recogniseTokens). `odd`: hasOddSpace of the whole readout, as recogniseNames
 * decides it (the tokens are then read from the text).
 */
export function nameTokensOf(text: string, sentences: readonly Sentence[], rules: NameRules, mentions: readonly EntityMention[], acronyms: readonly Span[], odd: boolean, tokens: NameTokens, firsts: number[]): void {
  let m = 0;
  let a = 0;
  for (const s of sentences) {
    if (!odd) scanSpan(text, s.start, s.end, ownAtoms);
    firsts.push(tokens.count);
    tokens.sentence(text, s.start, s.end, odd ? undefined : ownAtoms, rules.words, mentions, m, mentions.length, acronyms, a, acronyms.length);
    m = tokens.nextSpan;
    a = tokens.nextMore;
  }
}

/** recogniseNames over tokens nameTokensOf gave for the readout's sentences (offsets in `text`): the same result. */
export function recogniseTokens(text: string, readout: ParsedReadout, rules: NameRules, mentions: EntityMention[], acronyms: readonly Span[], tokens: NameTokens, firsts: ArrayLike<number>): EntityMention[] {
  const r = new Recogniser(text, rules, false);
  for (const m of mentions) r.knownMention(m);
  const sentences = readout.sentences;
  for (let i = 0; i < sentences.length; i++) r.sentence(sentences[i], tokens, firsts[i], i + 1 < sentences.length ? firsts[i + 1] : tokens.count);
  return r.finish(mentions, readout, acronyms);
}

export class Recogniser extends TokenReader {
  readonly found: EntityMention[] = [];
  /** Surname (last token) → person; acronym or name → its entity. */
  private readonly surnames = new Map<string, Found>();
  private readonly names = new Map<string, Found>();
  private readonly lexiconSurnames = new Set<string>();
  /** The first word of each lexicon mention of several words → where the first such mention starts (E1.i). */
  private readonly openings = new Map<string, number>();
  /** Surnames asked for before every lexicon person was known (sentence by sentence only). */
  private readonly asked: Set<string> | undefined;
  /** A surname asked for was then a lexicon person's: the results would differ from recogniseNames'. */
  conflict = false;
  /** Capitalised tokens no rule took (start, end, sentence): finish() links them to names found anywhere. */
  private readonly left: number[] = [];
  /** Where the sentence read ends, and the token after a person its list item names first (-1: none). */
  private sentenceEnd = 0;
  /** The type of the list item read last, and its sentence (E3.e: a list's items are of one kind). */
  private listKind: EntityType | undefined;
  private listKindAt = -2;
  private listedNext = -1;

  constructor(text: string, rules: NameRules, bySentence: boolean) {
    super(text, rules, ownTokens);
    this.asked = bySentence ? new Set() : undefined;
  }

  sentence(s: Sentence, tokens: NameTokens, lo: number, hi: number): void {
    this.tokens = tokens;
    this.lo = lo;
    this.hi = hi;
    this.sentenceEnd = s.end;
    this.listedNext = -1;
    if (this.listKindAt !== s.index - 1) this.listKind = undefined;
    const n = hi;
    const rules = this.rules;
    let k = lo;
    /** An office was just named ("President of the Philippines"): the next run is its holder. */
    let titled = '';
    /** The office's portfolio follows it ("for ..."): its holder is the last two words of the next run. */
    let portfolio = false;
    let acrossName = false;
    while (k < n) {
      if (tokens.taken[k] === 1) {
        acrossName ||= portfolio;
        k++;
        continue;
      }
      if (!this.capital(k) && !this.innerCapitals(k)) {
        // "Special Advisor for the Americas Christopher Dodd": the office's portfolio is between it and its holder.
        // Only "of", "the" and a portfolio's "for" keep it: "Prime Minister Kishida for a breakfast at the ..." (E3.c).
        if (titled && this.word(k) === rules.for) portfolio = true;
        else if (titled && this.word(k) !== rules.of && this.word(k) !== rules.the) titled = '';
        k++;
        continue;
      }
      // A run: capitalised tokens, joined by connectors between capitals.
      let e = k + 1;
      while (e < n && tokens.taken[e] === 0 && this.adjacent(e - 1)) {
        if (this.capital(e) || this.innerCapitals(e)) e++;
        // E1.a: "Second Thomas Shoal and Ream Naval Base": "and" after a head word joins two names, not one.
        else if (this.word(e) === rules.and && this.headAt(e - 1) !== undefined) break;
        // E1.e: "met in Washington on September 9", "Summit on April 22": a word that is no name after a connector but
        // "of" (a month, a day) ends the name, unless a capitalised word follows it ("March for Our Lives").
        else if (this.isConnector(e) && e + 1 < n && tokens.taken[e + 1] === 0 && this.adjacent(e) && this.capital(e + 1) && !this.noNameAfterConnector(e + 1, n)) e += 2;
        // "Secretary of the Treasury Janet Yellen", "Office of the National Cyber Director": "of the" inside a name.
        else if (this.word(e) === rules.of && e + 2 < n && this.word(e + 1) === rules.the && tokens.taken[e + 1] + tokens.taken[e + 2] === 0 && this.adjacent(e) && this.adjacent(e + 1) && this.capital(e + 2)) e += 3;
        else break;
      }
      // An office's holder follows it closely: a comma or a bracket between them ends the expectation.
      // ... and the portfolio is a name a lexicon knows ("the Americas"); "for National Security Affairs" ends a title.
      if ((titled && k > lo && !this.adjacent(k - 1)) || (portfolio && !acrossName)) titled = '';
      if (titled && portfolio && e - k >= 3 && this.phraseAt(rules.titles, k, e) + this.phraseAt(rules.honorifics, k, e) === 0 && this.headAt(e - 1) === undefined) {
        for (let q = k; q < e - 2; q++) this.leave(q, s.index);
        k = e - 2;
      }
      portfolio = acrossName = false;
      // E1.b: "Article 5", "Resolution 2231": the number after a `numbered` word ends its name (the token holds the
      // lower-case words after the number too: the name ends with the digits).
      if (e < n && tokens.taken[e] === 0 && rules.numbered[this.word(e - 1)] === 1 && this.adjacent(e - 1) && isDigitAt(this.text, tokens.start[e]) && this.headAt(e - 1) !== undefined) {
        let end = tokens.start[e];
        while (isDigitAt(this.text, end)) end++;
        this.add(tokens.start[k], end, s.index, this.headAt(e - 1) as EntityType, `numbered: ${this.slice(e - 1)}`);
        titled = '';
        k = e + 1;
        continue;
      }
      titled = this.run(k, e, s.index, s.start, titled);
      k = e;
    }
  }
  /** Token k, after a connector, is a word that is no name (`not-name`) with no capitalised word after it. */
  private noNameAfterConnector(k: number, n: number): boolean {
    // "Voters of Tomorrow": after "of" the word is the name's own.
    const len = this.word(k - 1) === this.rules.of ? 0 : this.phraseAt(this.rules.notNames, k, n);
    if (len === 0) return false;
    const next = k + len;
    return !(next < n && this.tokens.taken[next] === 0 && this.adjacent(next - 1) && this.capital(next));
  }

  /** Reads the run of tokens [k, e); returns the title its holder is still expected for, or ''. */
  private run(k: number, e: number, sentence: number, sentenceStart: number, titled: string): string {
    const rules = this.rules;
    const t = this.tokens;
    const first = k;
    // Leading words that are no name ("The", "In", months) go; a run that is nothing else is no name.
    for (let skip = this.phraseAt(rules.notNames, k, e); skip > 0 && k < e; skip = k < e ? this.phraseAt(rules.notNames, k, e) : 0) k += skip;
    if (k >= e) return '';
    // An office anywhere in the run splits it: a body before it ("White House Office ... Director"), its holder after.
    for (let o = k; o < e; o++) {
      const len = this.phraseAt(rules.titles, o, e);
      if (len === 0) continue;
      // Titles stack ("Deputy Secretary of State", "President and Crown Prince"), honorifics follow ("Shri").
      const p = this.moreTitles(o + len, e);
      // E3.c: "Office of the Vice President", "Office of the National Cyber Director": a body named after the office it
      // serves, when no holder follows.
      let ofOffice = false;
      for (let q = k; p >= e && q + 1 < o && !ofOffice; q++) ofOffice = this.headAt(q) !== undefined && this.isConnector(q + 1);
      if (ofOffice && this.body(k, e, sentence, sentenceStart)) return '';
      // "Domestic Policy Advisor": a policy word before the office is its portfolio, not a name.
      if (o > k && (this.headAt(o - 1) === 'initiative' || !this.body(k, o, sentence, sentenceStart))) for (let q = k; q < o; q++) this.leave(q, sentence);
      const title = this.text.slice(t.start[o], t.end[o + len - 1]);
      if (p >= e) {
        const alone = this.phraseAt(rules.titlesAlone, o, e) === len && o + len === e && this.beforeIsThe(o);
        if (alone) this.add(t.start[o], t.end[e - 1], sentence, 'person', `title alone: ${title}`);
        return title;
      }
      if (this.isConnector(p)) {
        // A portfolio ("Envoy for Climate John Kerry", "Administrator of the Wage and Hour Division"): a body
        // when the run ends with a head word, else the holder is the run's last two words.
        let b = p + 1;
        if (this.word(b) === rules.the) b++;
        // "Director of the Office of Public Engagement and Senior Advisor ... Steve Benjamin": a second office
        // ends the portfolio, and the rest of the run is read on its own.
        for (let q = b + 1; q < e; q++) {
          if (this.phraseAt(rules.titles, q, e) === 0 || !this.isConnector(q - 1)) continue;
          let end = q - 1;
          while (end > b && this.isConnector(end - 1)) end--;
          this.body(b, end, sentence, sentenceStart);
          return this.run(q, e, sentence, sentenceStart, '');
        }
        // "Assistant to the President for Economic Policy": a portfolio word last is the office's field, no body.
        if (this.headAt(e - 1) !== undefined && this.rules.portfolio[this.word(e - 1)] === 0) this.body(b, e, sentence, sentenceStart);
        else if (e - p >= 4 && this.capital(e - 2) && !this.isConnector(e - 2)) this.person(e - 2, e, sentence, `title: ${title}`);
        // "Assistant Secretary of State for ... Brian Nichols": a short portfolio, its holder still to come.
        else if (e - p < 4) return title;
        return '';
      }
      let q = p;
      while (q < e && !this.strong(q) && this.phraseAt(rules.titles, q, e) === 0) q++;
      this.person(p, q, sentence, `title: ${title}`);
      // "Director Tanden and Secretary Cardona": the rest of the run is read on its own.
      while (q < e && this.strong(q)) q++;
      return q < e ? this.run(q, e, sentence, sentenceStart, '') : '';
    }
    for (let skip = this.phraseAt(rules.honorifics, k, e); skip > 0 && k < e; skip = k < e ? this.phraseAt(rules.honorifics, k, e) : 0) {
      k += skip;
      titled ||= 'honorific';
    }
    if (k >= e) return titled;
    if (titled) {
      // "Mr. Sullivan and Mr. Año": a connector before another honorific or title ends this holder; the rest
      // of the run is read on its own (policy E3.a).
      let q = k + 1;
      while (q + 1 < e && !(this.strong(q) && (this.phraseAt(rules.honorifics, q + 1, e) > 0 || this.phraseAt(rules.titles, q + 1, e) > 0))) q++;
      const evidence = titled === 'honorific' ? 'honorific' : `title: ${titled}`;
      if (q + 1 >= e) {
        this.person(k, e, sentence, evidence);
        return '';
      }
      this.person(k, q, sentence, evidence);
      return this.run(q + 1, e, sentence, sentenceStart, '');
    }
    // E1.b: "the Baltic region", "NATO's Open Door policy": a head word in lower case right after the run ends its
    // name (not after a possessive: "Maduro's policy").
    const lowerHead = e < this.hi && t.taken[e] === 0 && !this.capital(e) && this.headAt(e) !== undefined && this.adjacent(e - 1) && !possessive(this.text, t.end[e - 1]);
    const lead = k > this.lo && t.taken[k - 1] === 0 && !this.capital(k - 1) && this.rules.leading[this.word(k - 1)] === 1 && this.adjacent(k - 1) ? 1 : 0;
    if (this.body(k - lead, lowerHead ? e + 1 : e, sentence, sentenceStart)) return '';
    // "Alexandra Reeve Givens, CEO, ...": an office after a comma evidences the name before it.
    const after = e < this.hi ? this.phraseAt(rules.titles, e, this.hi) : 0;
    if (after > 0 && e - k >= 2 && this.gapIs(e - 1, t.start[e], 44)) {
      this.person(k, e, sentence, `title after: ${this.text.slice(t.start[e], t.end[e + after - 1])}`);
      return '';
    }
    // "- Tammy Boyd, Black Women's Health Imperative": a list item opening with a name of two or three words and a
    // comma lists a person by the body they come from (policy E3.b).
    if (e - k >= 2 && e - k <= 3 && e < this.hi && this.gapIs(e - 1, t.start[e], 44) && opensListItem(this.text, sentenceStart, t.start[k])) {
      this.person(k, e, sentence, 'listed');
      this.listedNext = e;
      return '';
    }
    // "..., Black Women's Blueprint": what follows the listed person's comma is the body they come from.
    if (first === this.listedNext) {
      this.add(t.start[first], t.end[e - 1], sentence, 'org', 'listed with a person');
      return '';
    }
    // "..., CEO, Upturn": the body a listed office holds.
    if (this.afterListedOffice(k)) {
      this.add(t.start[k], t.end[e - 1], sentence, 'org', 'listed with an office');
      return '';
    }
    // E3.e: "- Humana", "- Niki Khanna": a list item that is a capitalised name and nothing else is a name: a person
    // when it is two or three plain words (as E3.b reads them), unless the list's items before it were bodies.
    if (first === this.lo && e - k <= 6 && this.wholeListItem(k, e, sentenceStart)) {
      let plain = e - k >= 2 && e - k <= 3;
      for (let q = k; q < e && plain; q++) plain = this.capital(q) && !this.innerCapitals(q) && !this.isConnector(q) && this.word(q) < 0;
      const type = plain && this.listKind !== 'org' ? 'person' : 'org';
      this.add(t.start[k], t.end[e - 1], sentence, type, 'list item');
      this.listKind = type;
      this.listKindAt = sentence;
      return '';
    }
    // "met in Philadelphia": a name after a place preposition, not the sentence's first word; no abstract noun
    // ("the rise in Antisemitism", E1.c).
    if (t.start[k] !== sentenceStart && this.placed(k, e) && !this.names.has(this.slice(k)) && !this.hasSurname(this.slice(e - 1)) && !this.abstract(e - 1)) {
      this.add(t.start[k], t.end[e - 1], sentence, 'place', `after: ${this.slice(k - 1).toLowerCase()}`);
      return '';
    }
    for (let q = k; q < e; q++) this.leave(q, sentence);
    return '';
  }

  /** The run [k, e) is placed (E1.i), unless it is the first word of a name before it ("their visit to Goddard"). */
  private placed(k: number, e: number, word = this.slice(k)): boolean {
    if (!this.afterPlaceWord(k)) return false;
    if (e - k > 1 || this.beforeIs(k, LOWER_PLACE)) return true;
    const at = this.openings.get(word);
    return !(at !== undefined && at < this.tokens.start[k]) && !this.found.some((f) => f.text.startsWith(`${word} `));
  }

  /** Tokens [k, e) are the whole of a list item: a list marker before them, nothing but markup after them. */
  private wholeListItem(k: number, e: number, sentenceStart: number): boolean {
    if (e !== this.hi || !opensListItem(this.text, sentenceStart, this.tokens.start[k])) return false;
    for (let i = this.tokens.end[e - 1]; i < this.sentenceEnd; i++) {
      const c = this.text.charCodeAt(i);
      // Spaces, and the markup or full stop a list item may end with ("**Humana**", "Humana.").
      if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 42 || c === 95 || c === 46)) return false;
    }
    return true;
  }

  /** Token k ends as an abstract noun does ("Antisemitism", "Islamophobia": the `not-place-ending` class). */
  private abstract(k: number): boolean {
    const word = this.slice(k);
    return this.rules.notPlaceEndings.some((x) => word.length > x.length + 2 && word.endsWith(x));
  }

  private leave(k: number, sentence: number): void {
    this.left.push(this.tokens.start[k], this.tokens.end[k], sentence);
  }

  /** Past the titles and honorifics that follow a title from token p (and "and" between titles). */
  private moreTitles(p: number, e: number): number {
    const rules = this.rules;
    for (;;) {
      if (p >= e) return p;
      const more = this.phraseAt(rules.titles, p, e) || this.phraseAt(rules.honorifics, p, e);
      if (more > 0) p += more;
      else if (this.word(p) === rules.and && p + 1 < e && this.phraseAt(rules.titles, p + 1, e) > 0) p++;
      else return p;
    }
  }

  /** Token k follows ", <office>," ("Founder and President, Encode Justice"). */
  private afterListedOffice(k: number): boolean {
    const t = this.tokens;
    if (k < this.lo + 2 || !this.gapIs(k - 1, t.start[k], 44)) return false;
    // The longest office that ends before the comma first: "Executive Director", not "Director".
    for (let o = Math.max(this.lo, k - 6); o < k; o++) {
      const len = this.phraseAt(this.rules.titles, o, k);
      if (len > 0 && o + len === k) {
        const first = this.officesBefore(o);
        return first > this.lo && this.gapIs(first - 1, t.start[first], 44);
      }
    }
    return false;
  }

  /** Where offices joined by "and" that end with the office at token o start ("President and CEO"; E3.b). */
  private officesBefore(o: number): number {
    for (;;) {
      if (o - 2 < this.lo || this.word(o - 1) !== this.rules.and) return o;
      let q = Math.max(this.lo, o - 6);
      while (q < o - 1 && this.phraseAt(this.rules.titles, q, o - 1) !== o - 1 - q) q++;
      if (q >= o - 1) return o;
      o = q;
    }
  }

  /**
   * A body named by its head word ("... Summit", "Ministry of ..."), or an expansion its acronym follows in
   * parentheses: adds it and returns true.
   */
  private body(k: number, e: number, sentence: number, sentenceStart: number): boolean {
    const rules = this.rules;
    const t = this.tokens;
    let type: EntityType | undefined;
    let head = -1;
    const whole = e;
    // "Summit in Bali", "Dialogue in February": a place or date after the head is not part of the name.
    for (let q = k + 1; q < e; q++) {
      const w = this.word(q);
      if ((w === rules.in || w === rules.to) && this.headAt(q - 1) !== undefined) {
        e = q;
        break;
      }
    }
    for (let q = k; q < e; q++) {
      const h = this.headAt(q);
      if (h !== undefined && (q === k || rules.leading[this.word(q)] !== 1)) {
        type = h;
        head = this.word(q);
      }
    }
    const acronym = this.definedAcronym(e);
    if (acronym) {
      const found = this.add(t.start[k], t.end[e - 1], sentence, type ?? 'org', `acronym: ${acronym.text}`);
      this.names.set(acronym.text, found);
      if (acronym.own) {
        this.add(acronym.start, acronym.end, sentence, found.type, `acronym of: ${found.name}`, found);
        // Read once: left for finish(), it would be linked to its own expansion a second time.
        t.taken[e] = 1;
      }
      this.venue(e, whole, sentence);
      return true;
    }
    // A head alone ("the Summit") names nothing; a sentence's first word with a head is an ordinary phrase
    // more often than a name ("Council members").
    // The venue after it is a place all the same ("the G20 Summit in Bali", "G20" a lexicon name).
    if (type === undefined || e - k < 2 || (t.start[k] === sentenceStart && e - k < 3 && head === this.word(e - 1))) return this.venue(e, whole, sentence);
    this.add(t.start[k], t.end[e - 1], sentence, type, `head: ${rules.words.words[head]}`);
    this.venue(e, whole, sentence);
    return true;
  }

  /** "Summit in Bali": after a body's head, tokens (e, whole) after a place preposition are where it meets; true when added. */
  private venue(e: number, whole: number, sentence: number): boolean {
    if (whole <= e + 1 || (this.tokens.info[e] & LOWER_PLACE) === 0 || !this.capital(e + 1) || this.phraseAt(this.rules.notNames, e + 1, whole) > 0) return false;
    for (let q = e + 1; q < whole; q++) if (this.headAt(q) !== undefined) return false;
    this.add(this.tokens.start[e + 1], this.tokens.end[whole - 1], sentence, 'place', `after: ${this.slice(e).toLowerCase()}`);
    return true;
  }

  /** "(GCAP)" right after token e - 1: the acronym and whether no earlier stage already made it a mention. */
  private definedAcronym(e: number): { text: string; start: number; end: number; own: boolean } | undefined {
    const t = this.tokens;
    if (e >= this.hi || !this.gapIs(e - 1, t.start[e], 40)) return undefined;
    if (!this.innerCapitals(e) || (e + 1 < this.hi && !this.gapIs(e, t.start[e + 1], 41))) return undefined;
    if (e + 1 >= this.hi && this.text.charAt(t.end[e]) !== ')') return undefined;
    const text = this.slice(e);
    // E1.a: "(D-NE)": a member's party and state, no acronym of the name before it.
    if (text.charAt(1) === '-' && this.rules.districtCodes.has(text.slice(2, 4))) return undefined;
    return { text, start: t.start[e], end: t.end[e], own: t.taken[e] === 0 };
  }

  /**
   * Tokens [k, e) are a person's name (at most five tokens; a longer run is cut to its first five) unless a
   * word of it says it is a body ("Chancellor of the University of ...") or no name ("President and Fellows").
   */
  private person(k: number, e: number, sentence: number, evidence: string): void {
    // E3.c: "Treasury Janet Yellen", "National Security Affairs": a portfolio word is no part of its holder's name.
    const portfolio = this.rules.portfolio;
    while (k < e && portfolio[this.word(k)] === 1) this.leave(k++, sentence);
    for (let q = k; q < e; q++) if (portfolio[this.word(q)] === 1) return;
    if (k >= e || this.phraseAt(this.rules.honorifics, k, e) === e - k || this.phraseAt(this.rules.titles, k, e) > 0) return;
    const t = this.tokens;
    const last = Math.min(e, k + 5) - 1;
    for (let q = k; q <= last; q++) {
      if (this.headAt(q) !== undefined || this.strong(q) || this.phraseAt(this.rules.notNames, q, q + 1) > 0) {
        this.body(k, e, sentence, -1);
        return;
      }
    }
    // "... Secretary Eduardo Año.": a short word's dot (kept for "Jr.", "Sen.") that ends the sentence is no part of the name.
    let end = t.end[last];
    if (this.text.charCodeAt(end - 1) === 46 && end - t.start[last] > 3 && endsSentence(this.text, end, this.sentenceEnd)) end--;
    // "President Hichilema’s visit": the possessive is no part of the name.
    if (end - t.start[last] > 3 && this.text.charCodeAt(end - 1) === 115 && (this.text.charCodeAt(end - 2) === 0x2019 || this.text.charCodeAt(end - 2) === 39)) end -= 2;
    const surname = this.text.slice(t.start[last], end);
    this.asked?.add(surname);
    let known = this.surnames.get(surname);
    // E3.d: "President Marcos" where the readout never gives the full name: one lexicon person's surname is that person.
    const ref = known === undefined && last === k ? personByTitle(this.rules.personBySurname.get(surname), evidence.startsWith('title: ') ? evidence.slice(7) : '') : undefined;
    if (ref) {
      this.surnames.set(surname, (known = ref));
      this.lexiconSurnames.add(ref.id);
    }
    // "President Harris" after "Kamala Harris": the same person.
    if (last === k && known !== undefined && this.lexiconSurnames.has(known.id)) {
      this.found.push({ start: t.start[k], end, text: surname, id: known.id, name: known.name, type: 'person', sentence, evidence: `surname of: ${known.name}` });
      return;
    }
    const found = this.add(t.start[k], end, sentence, 'person', evidence, last === k ? known : undefined);
    if (!this.surnames.has(surname)) this.surnames.set(surname, found);
  }



  /** `word` is already known as a lexicon person's surname. */
  isLexiconSurname(word: string): boolean {
    const known = this.surnames.get(word);
    return known !== undefined && this.lexiconSurnames.has(known.id);
  }

  private hasSurname(word: string): boolean {
    this.asked?.add(word);
    return this.surnames.has(word);
  }

  private add(start: number, end: number, sentence: number, type: EntityType, evidence: string, same?: Found): Found {
    // The name is one-spaced (a hard-wrapped line break inside it is a space); the mention's text is its range's,
    // as every mention's is.
    const name = oneSpaced(this.text, start, end);
    // E1.d: "met in Washington": a place's venue alias, where the text places it, is that lexicon place.
    const venue = type === 'place' && same === undefined && !this.names.has(name) ? this.rules.venues.get(name) : undefined;
    const entity = same ?? this.names.get(name) ?? (venue ? { ...venue, lexicon: true } : { id: `name:${name}`, name, type });
    this.names.set(name, entity);
    if (entity.lexicon === true) this.found.push({ start, end, text: this.text.slice(start, end), id: entity.id, name: entity.name, type: entity.type, sentence, evidence });
    else this.found.push({ start, end, text: this.text.slice(start, end), id: entity.id, name: entity.name, type: entity.type, sentence, known: false, evidence });
    return entity;
  }

  /**
   * An acronym the text defines ("Global Combat Air Programme (GCAP)") is that name wherever it appears, its
   * definition included, known or not (policy E2.a): it stays an unknown acronym as well (no lexicon has it), and is a
   * mention of the expansion, whose card it shows. `acronyms` and the sentences are both in text order.
   */
  private definedAcronyms(readout: ParsedReadout, acronyms: readonly Span[]): void {
    if (acronyms.length === 0 || this.names.size === 0) return;
    const sentences = readout.sentences;
    let s = 0;
    for (const a of acronyms) {
      const entity = this.names.get(this.text.slice(a.start, a.end));
      if (entity === undefined) continue;
      while (s + 1 < sentences.length && sentences[s].end <= a.start) s++;
      if (entity.lexicon === true) {
        this.found.push({ start: a.start, end: a.end, text: this.text.slice(a.start, a.end), id: entity.id, name: entity.name, type: entity.type, sentence: sentences[s]?.index ?? 0, evidence: `acronym of: ${entity.name}` });
        continue;
      }
      this.found.push({ start: a.start, end: a.end, text: this.text.slice(a.start, a.end), id: entity.id, name: entity.name, type: entity.type, sentence: sentences[s]?.index ?? 0, known: false, evidence: `acronym of: ${entity.name}` });
    }
  }


  /** A lexicon mention: its first word is a short back-reference to it after it (E1.i); a person's surname too. */
  knownMention(m: EntityMention): void {
    const first = m.text.split(/\s/, 2);
    if (first.length > 1 && !((this.openings.get(first[0]) ?? Infinity) <= m.start)) this.openings.set(first[0], m.start);
    if (m.type === 'person') this.knownPerson(m);
  }

  knownPerson(m: EntityMention): void {
    let surname = this.rules.surnames.get(m.name);
    if (surname === undefined) surname = surnameOf(m.name);
    if (surname === null) return;
    const had = this.surnames.get(surname);
    if (had !== undefined) {
      // Sentence by sentence, a name found earlier may hold the surname recogniseNames gives this person.
      if (!this.lexiconSurnames.has(had.id)) this.conflict = true;
      return;
    }
    if (this.asked?.has(surname)) this.conflict = true;
    this.surnames.set(surname, { id: m.id, name: m.name, type: 'person' });
    this.lexiconSurnames.add(m.id);
  }

  /**
   * Links the capitalised words no rule took to the names found (a surname, an acronym, a name repeated) and
   * merges the names into the lexicon's `mentions` (sorted), in text order.
   */
  /** E3.d: "the King" is no mention where the readout names him by that title ("King Abdullah II", "Crown Prince Salman"). */
  private dropNamedTitles(mentions: readonly EntityMention[]): void {
    const alone = 'title alone: ';
    if (!this.found.some((m) => m.evidence?.startsWith(alone))) return;
    const text = this.text;
    const isNamed = (title: string): boolean =>
      [mentions, this.found].some((list) => list.some((m) => m.type === 'person' && !m.evidence?.startsWith(alone) && (m.evidence === `title: ${title}` || m.text.startsWith(`${title} `) || text.slice(Math.max(0, m.start - title.length - 1), m.start).startsWith(title))));
    // Once a title: the lists do not change while they are filtered, and a long readout repeats a few titles
    // thousands of times (each answer read every mention).
    const answers = new Map<string, boolean>();
    const named = (title: string): boolean => {
      let answer = answers.get(title);
      if (answer === undefined) answers.set(title, (answer = isNamed(title)));
      return answer;
    };
    const kept = this.found.filter((m) => !m.evidence?.startsWith(alone) || !named(m.evidence.slice(alone.length)));
    this.found.length = 0;
    this.found.push(...kept);
  }

  finish(mentions: EntityMention[], readout: ParsedReadout, acronyms: readonly Span[]): EntityMention[] {
    const shapes = new Uint8Array(1 << 15);
    for (const key of this.names.keys()) if (key.length > 0) shapes[shapeOf(key, 0, key.length)] = 1;
    for (const key of this.surnames.keys()) if (key.length > 0) shapes[shapeOf(key, 0, key.length)] = 1;
    const left = this.left;
    const slashed = slashPlaces(this.text, this.rules, this.left, [mentions, this.found], (start, end, sentence, evidence) => this.add(start, end, sentence, 'place', evidence));
    for (let i = 0; i < left.length; i += 3) {
      const start = left[i];
      if (slashed?.has(start)) continue;
      let end = left[i + 1];
      // "Prime Minister Kadhimi’s efforts" links to "Kadhimi" like the name without its possessive.
      if (end - start > 3 && this.text.charCodeAt(end - 1) === 115 && (this.text.charCodeAt(end - 2) === 0x2019 || this.text.charCodeAt(end - 2) === 39)) end -= 2;
      if (shapes[shapeOf(this.text, start, end)] === 0) continue;
      const word = this.text.slice(start, end);
      const entity = this.names.get(word) ?? this.surnames.get(word);
      if (entity === undefined) continue;
      const sentence = left[i + 2];
      if (this.lexiconSurnames.has(entity.id)) this.found.push({ start, end, text: word, id: entity.id, name: entity.name, type: entity.type, sentence, evidence: `surname of: ${entity.name}` });
      // "Tatiana Washington", "Washington State": a venue alias inside a run of capitals is some other name's.
      else if (entity.lexicon === true && !inCapitals(this.text, this.rules, start, end)) this.found.push({ start, end, text: word, id: entity.id, name: entity.name, type: entity.type, sentence, evidence: `again: ${word}` });
      else if (entity.lexicon !== true) this.found.push({ start, end, text: word, id: entity.id, name: entity.name, type: entity.type, sentence, known: false, evidence: `again: ${entity.name}` });
    }
    lexiconAcronyms(this.text, this.rules, mentions, acronyms, this.names);
    this.definedAcronyms(readout, acronyms);
    this.dropNamedTitles(mentions);
    const found = this.found;
    if (found.length === 0) return mentions;
    // A stable sort of mentions.concat(found): the names sorted, then merged (a lexicon mention first on a tie).
    found.sort(byPosition);
    const out: EntityMention[] = new Array<EntityMention>(mentions.length + found.length);
    let a = 0;
    let b = 0;
    for (let o = 0; o < out.length; o++) out[o] = b >= found.length || (a < mentions.length && byPosition(mentions[a], found[b]) <= 0) ? mentions[a++] : found[b++];
    return out;
  }
}
