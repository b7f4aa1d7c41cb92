// Names no lexicon knows (policy E3, E5): recognised by the evidence readouts give — an office before a person's
// name, the word that says what a body is, an acronym defined in parentheses — after lexicon matching, over the
// whole readout, so a later surname or acronym links to the name first introduced. One pass per sentence, then
// one over the capitalised words left: linear in the text.
import type { EntityMention, EntityType, NameClassEntry, ParsedReadout, Span } from '../types';

/** A name class's words, as token sequences keyed by their first token. */
type Phrases = Map<string, string[][]>;

export interface NameRules {
  titles: Phrases;
  honorifics: Phrases;
  titlesAlone: Phrases;
  /** Head word → the type it gives a run. */
  heads: Map<string, EntityType>;
  connectors: Set<string>;
  notNames: Phrases;
  placePrepositions: Set<string>;
}

const HEAD_TYPES: Record<string, EntityType> = { 'head-org': 'org', 'head-forum': 'forum', 'head-agreement': 'agreement', 'head-initiative': 'initiative' };

/** Compiles the name classes of a lexicon; undefined when it has none (recognition is then off). */
export function compileNameRules(classes: readonly NameClassEntry[] | undefined): NameRules | undefined {
  if (!classes || classes.length === 0) return undefined;
  const rules: NameRules = { titles: new Map(), honorifics: new Map(), titlesAlone: new Map(), heads: new Map(), connectors: new Set(), notNames: new Map(), placePrepositions: new Set() };
  const add = (into: Phrases, w: string): void => {
    const tokens = tokenise(w);
    if (tokens.length === 0) return;
    const list = into.get(tokens[0]) ?? [];
    list.push(tokens);
    // Longest first: "Vice President" before "President"... by its own first token, "Deputy Prime Minister" first.
    list.sort((a, b) => b.length - a.length);
    into.set(tokens[0], list);
  };
  for (const c of classes) {
    for (const w of c.words) {
      if (c.id === 'title') add(rules.titles, w);
      else if (c.id === 'honorific') add(rules.honorifics, w);
      else if (c.id === 'title-alone') add(rules.titlesAlone, w);
      else if (c.id === 'connector') rules.connectors.add(w.toLowerCase());
      else if (c.id === 'not-name') add(rules.notNames, w);
      else if (c.id === 'place-preposition') rules.placePrepositions.add(w.toLowerCase());
      else if (HEAD_TYPES[c.id] !== undefined && !rules.heads.has(w)) rules.heads.set(w, HEAD_TYPES[c.id]);
    }
  }
  return rules;
}

/** The tokens of a phrase as the recogniser reads text (see Tokens). */
function tokenise(s: string): string[] {
  const t = new Tokens();
  t.read(s, 0, s.length, []);
  const out: string[] = [];
  for (let k = 0; k < t.count; k++) out.push(t.words[k]);
  return out;
}

const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c > 191 && c < 223 && c !== 215);
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 191 && c !== 215 && c !== 247 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x00a0 && c !== 0x3000);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWord = (c: number): boolean => isLetter(c) || isDigit(c);
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
const isDash = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011;

/**
 * The word tokens of a span, reused from sentence to sentence: letters and digits, with apostrophes and hyphens
 * between them ("Jean-Yves", "Côte d'Ivoire"), a dot after a capitalised word of up to three letters ("R.",
 * "Jr.", "Sen."), and "&" alone. Tokens inside a known mention are flagged: they break runs and are never re-read.
 */
class Tokens {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** 1 when the token lies in a known mention. */
  taken = new Uint8Array(256);
  /** Each token's spelling, sliced once: the rules ask for it several times. */
  readonly words: string[] = [];
  private text = '';

  read(text: string, from: number, to: number, mentions: readonly Span[], m = 0): void {
    this.count = 0;
    this.text = text;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (!isWord(c) && c !== 38) {
        i++;
        continue;
      }
      let j = i + 1;
      if (c !== 38) {
        while (j < to) {
          const d = text.charCodeAt(j);
          if (isWord(d)) j++;
          else if ((isApostrophe(d) || isDash(d)) && j + 1 < to && isWord(text.charCodeAt(j + 1))) j += 2;
          else break;
        }
        if (j < to && text.charCodeAt(j) === 46 && j - i <= 3 && isUpper(c)) j++;
      }
      while (m < mentions.length && mentions[m].end <= i) m++;
      this.push(i, j, m < mentions.length && mentions[m].start < j ? 1 : 0);
      i = j;
    }
  }

  private push(s: number, e: number, taken: number): void {
    if (this.count === this.start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      this.start = grow(this.start, new Int32Array(this.count * 2));
      this.end = grow(this.end, new Int32Array(this.count * 2));
      this.taken = grow(this.taken, new Uint8Array(this.count * 2));
    }
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.taken[this.count] = taken;
    this.words[this.count] = this.text.slice(s, e);
    this.count++;
  }
}

const tokens = new Tokens();
const STRONG = new Set(['of', 'for', 'on', 'and', 'the', 'in', 'to', '&']);

/** An unknown name found so far, for linking later mentions to it. */
interface Found {
  id: string;
  name: string;
  type: EntityType;
}

/**
 * Adds the unknown names of the readout's sentences to `mentions` (sorted, lexicon mentions) and returns the
 * merged list in text order. `acronyms` are the unknown acronyms already found: they stay where they are, and an
 * expansion defined for one links to it by `evidence`.
 */
export function recogniseNames(text: string, readout: ParsedReadout, rules: NameRules | undefined, mentions: EntityMention[], acronyms: readonly Span[]): EntityMention[] {
  if (rules === undefined) return mentions;
  const r = new Recogniser(text, rules);
  // A lexicon person's surname alone ("Sullivan" after "Jake Sullivan") is that person, with its card.
  for (const m of mentions) if (m.type === 'person') r.knownPerson(m);
  const taken: Span[] = mergeSpans(mentions, acronyms);
  let m = 0;
  for (const s of readout.sentences) {
    while (m < taken.length && taken[m].end <= s.start) m++;
    tokens.read(text, s.start, s.end, taken, m);
    r.sentence(s.index, s.start);
  }
  r.link();
  if (r.found.length === 0) return mentions;
  const out = mentions.concat(r.found);
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

function mergeSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  if (b.length === 0) return a as Span[];
  return [...a, ...b].sort((x, y) => x.start - y.start);
}

class Recogniser {
  readonly found: EntityMention[] = [];
  /** Surname (last token) → person; acronym or name → its entity. */
  private readonly surnames = new Map<string, Found>();
  private readonly names = new Map<string, Found>();
  /** Capitalised tokens no rule took, by start: the second pass links them to names found anywhere. */
  private readonly left: Array<{ start: number; end: number; sentence: number }> = [];

  constructor(
    private readonly text: string,
    private readonly rules: NameRules,
  ) {}

  private tok(k: number): string {
    return tokens.words[k];
  }

  private capital(k: number): boolean {
    return isUpper(this.text.charCodeAt(tokens.start[k]));
  }

  /** Length of the longest phrase of `set` at token k (in a run ending before `end`), or 0. */
  private phraseAt(set: Phrases, k: number, end: number): number {
    const list = set.get(this.tok(k));
    if (list === undefined) return 0;
    for (const p of list) {
      if (k + p.length > end) continue;
      let ok = true;
      for (let q = 1; q < p.length && ok; q++) ok = this.tok(k + q) === p[q] && this.adjacent(k + q - 1);
      if (ok) return p.length;
    }
    return 0;
  }

  /** Only spaces (or a hyphen) between token k and k + 1. */
  private adjacent(k: number): boolean {
    const text = this.text;
    for (let i = tokens.end[k]; i < tokens.start[k + 1]; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xa0 && !isDash(c)) return false;
    }
    return true;
  }

  /** The characters between token k's end and token k + 1 (or `limit`), trimmed. */
  private gapAfter(k: number, limit: number): string {
    const to = k + 1 < tokens.count ? tokens.start[k + 1] : limit;
    return this.text.slice(tokens.end[k], Math.min(to, limit)).trim();
  }

  sentence(index: number, sentenceStart: number): void {
    const n = tokens.count;
    let k = 0;
    /** An office was just named ("President of the Philippines"): the next run is its holder. */
    let titled = '';
    while (k < n) {
      if (tokens.taken[k] === 1) {
        k++;
        continue;
      }
      if (!this.capital(k) && !this.innerCapitals(k)) {
        if (titled && !(this.tok(k) === 'of' || this.tok(k) === 'the')) titled = '';
        k++;
        continue;
      }
      // A run: capitalised tokens, joined by connectors between capitals.
      let e = k + 1;
      while (e < n && tokens.taken[e] === 0 && this.adjacent(e - 1)) {
        if (this.capital(e) || this.innerCapitals(e)) e++;
        else if (this.rules.connectors.has(this.tok(e)) && e + 1 < n && tokens.taken[e + 1] === 0 && this.adjacent(e) && this.capital(e + 1)) e += 2;
        else break;
      }
      // An office's holder follows it closely: a comma or a bracket between them ends the expectation.
      if (titled && k > 0 && !this.adjacent(k - 1)) titled = '';
      titled = this.run(k, e, index, sentenceStart, titled);
      k = e;
    }
  }

  /** "iCET", "eSIM": an acronym may start with a small letter. */
  private innerCapitals(k: number): boolean {
    let caps = 0;
    for (let i = tokens.start[k]; i < tokens.end[k]; i++) if (isUpper(this.text.charCodeAt(i))) caps++;
    return caps >= 2;
  }

  /** Reads the run of tokens [k, e); returns the title its holder is still expected for, or ''. */
  private run(k: number, e: number, sentence: number, sentenceStart: number, titled: string): string {
    const rules = this.rules;
    // Leading words that are no name ("The", "In", months) go; a run that is nothing else is no name.
    for (let skip = this.phraseAt(rules.notNames, k, e); skip > 0 && k < e; skip = k < e ? this.phraseAt(rules.notNames, k, e) : 0) k += skip;
    if (k >= e) return '';
    // An office anywhere in the run splits it: a body before it ("White House Office ... Director"), its holder after.
    for (let t = k; t < e; t++) {
      const len = this.phraseAt(rules.titles, t, e);
      if (len === 0) continue;
      if (t > k && !this.body(k, t, sentence, sentenceStart)) for (let q = k; q < t; q++) this.left.push({ start: tokens.start[q], end: tokens.end[q], sentence });
      let p = t + len;
      // Titles stack ("Deputy Secretary of State", "President and Crown Prince"), honorifics follow ("Shri").
      p = this.moreTitles(p, e);
      const title = this.text.slice(tokens.start[t], tokens.end[t + len - 1]);
      if (p >= e) {
        const alone = this.phraseAt(rules.titlesAlone, t, e) === len && t + len === e && this.before(t) === 'the';
        if (alone) this.add(tokens.start[t], tokens.end[e - 1], sentence, 'person', `title alone: ${title}`);
        return title;
      }
      if (rules.connectors.has(this.tok(p))) {
        // A portfolio ("Envoy for Climate John Kerry", "Administrator of the Wage and Hour Division"): a body
        // when the run ends with a head word, else the holder is the run's last two words.
        const last = this.tok(e - 1);
        if (rules.heads.has(last)) this.body(p + 1, e, sentence, sentenceStart);
        else if (e - p >= 4 && this.capital(e - 2) && !rules.connectors.has(this.tok(e - 2))) this.person(e - 2, e, sentence, `title: ${title}`);
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
      this.person(k, e, sentence, titled === 'honorific' ? 'honorific' : `title: ${titled}`);
      return '';
    }
    if (this.body(k, e, sentence, sentenceStart)) return '';
    // "Alexandra Reeve Givens, CEO, ...": an office after a comma evidences the name before it.
    const after = e < tokens.count ? this.phraseAt(rules.titles, e, tokens.count) : 0;
    if (after > 0 && e - k >= 2 && this.gapAfter(e - 1, tokens.start[e]) === ',') {
      this.person(k, e, sentence, `title after: ${this.text.slice(tokens.start[e], tokens.end[e + after - 1])}`);
      return '';
    }
    // "..., CEO, Upturn": the body a listed office holds.
    if (this.afterListedOffice(k)) {
      this.add(tokens.start[k], tokens.end[e - 1], sentence, 'org', 'listed with an office');
      return '';
    }
    // "met in Philadelphia": a name after a place preposition, not the sentence's first word.
    if (tokens.start[k] !== sentenceStart && this.rules.placePrepositions.has(this.before(k)) && !this.names.has(this.tok(k)) && !this.surnames.has(this.tok(e - 1))) {
      this.add(tokens.start[k], tokens.end[e - 1], sentence, 'place', `after: ${this.before(k)}`);
      return '';
    }
    for (let q = k; q < e; q++) this.left.push({ start: tokens.start[q], end: tokens.end[q], sentence });
    return '';
  }

  /** Past the titles and honorifics that follow a title from token p (and "and" between titles). */
  private moreTitles(p: number, e: number): number {
    const rules = this.rules;
    for (;;) {
      if (p >= e) return p;
      const more = this.phraseAt(rules.titles, p, e) || this.phraseAt(rules.honorifics, p, e);
      if (more > 0) p += more;
      else if (this.tok(p) === 'and' && p + 1 < e && this.phraseAt(rules.titles, p + 1, e) > 0) p++;
      else return p;
    }
  }

  /** A connector no personal name holds ("of", "and"); particles ("de", "bin", "van") may be inside one. */
  private strong(k: number): boolean {
    const w = this.tok(k);
    return STRONG.has(w);
  }

  /** The lower-cased token before token k, when only spaces separate them. */
  private before(k: number): string {
    return k > 0 && this.adjacent(k - 1) ? this.tok(k - 1).toLowerCase() : '';
  }

  /** Token k follows ", <office>," ("Founder and President, Encode Justice"). */
  private afterListedOffice(k: number): boolean {
    if (k < 2 || this.gapAfter(k - 1, tokens.start[k]) !== ',') return false;
    for (let t = k - 1; t >= Math.max(0, k - 6); t--) {
      const len = this.phraseAt(this.rules.titles, t, k);
      if (len > 0 && t + len === k) return t > 0 && this.gapAfter(t - 1, tokens.start[t]) === ',';
    }
    return false;
  }

  /**
   * A body named by its head word ("... Summit", "Ministry of ..."), or an expansion its acronym follows in
   * parentheses: adds it and returns true.
   */
  private body(k: number, e: number, sentence: number, sentenceStart: number): boolean {
    const rules = this.rules;
    let type: EntityType | undefined;
    let head = '';
    // "Summit in Bali", "Dialogue in February": a place or date after the head is not part of the name.
    for (let q = k + 1; q < e; q++) {
      const w = this.tok(q);
      if ((w === 'in' || w === 'to') && rules.heads.has(this.tok(q - 1))) {
        e = q;
        break;
      }
    }
    for (let q = k; q < e; q++) {
      const t = rules.heads.get(this.tok(q));
      if (t !== undefined) {
        type = t;
        head = this.tok(q);
      }
    }
    const acronym = this.definedAcronym(e);
    if (acronym) {
      const found = this.add(tokens.start[k], tokens.end[e - 1], sentence, type ?? 'org', `acronym: ${acronym.text}`);
      this.names.set(acronym.text, found);
      if (acronym.own) this.add(acronym.start, acronym.end, sentence, found.type, `acronym of: ${found.name}`, found);
      return true;
    }
    // A head alone ("the Summit") names nothing; a sentence's first word with a head is an ordinary phrase
    // more often than a name ("Council members").
    if (type === undefined || e - k < 2 || (tokens.start[k] === sentenceStart && e - k < 3 && head === this.tok(e - 1))) return false;
    this.add(tokens.start[k], tokens.end[e - 1], sentence, type, `head: ${head}`);
    return true;
  }

  /** "(GCAP)" right after token e - 1: the acronym and whether no earlier stage already made it a mention. */
  private definedAcronym(e: number): { text: string; start: number; end: number; own: boolean } | undefined {
    if (e >= tokens.count || this.gapAfter(e - 1, tokens.start[e]) !== '(') return undefined;
    if (!this.innerCapitals(e) || (e + 1 < tokens.count && this.gapAfter(e, tokens.start[e + 1]) !== ')')) return undefined;
    if (e + 1 >= tokens.count && this.text.charAt(tokens.end[e]) !== ')') return undefined;
    return { text: this.tok(e), start: tokens.start[e], end: tokens.end[e], own: tokens.taken[e] === 0 };
  }

  /**
   * Tokens [k, e) are a person's name (at most five tokens; a longer run is cut to its first five) unless a
   * word of it says it is a body ("Chancellor of the University of ...") or no name ("President and Fellows").
   */
  private person(k: number, e: number, sentence: number, evidence: string): void {
    if (k >= e) return;
    const last = Math.min(e, k + 5) - 1;
    for (let q = k; q <= last; q++) {
      if (this.rules.heads.has(this.tok(q)) || this.strong(q) || this.phraseAt(this.rules.notNames, q, q + 1) > 0) {
        this.body(k, e, sentence, -1);
        return;
      }
    }
    const surname = this.tok(last);
    const known = this.surnames.get(surname);
    // "President Harris" after "Kamala Harris": the same person.
    if (last === k && known !== undefined && this.lexiconSurnames.has(known.id)) {
      this.found.push({ start: tokens.start[k], end: tokens.end[k], text: surname, id: known.id, name: known.name, type: 'person', sentence, evidence: `surname of: ${known.name}` });
      return;
    }
    const found = this.add(tokens.start[k], tokens.end[last], sentence, 'person', evidence, last === k ? known : undefined);
    if (!this.surnames.has(surname)) this.surnames.set(surname, found);
  }

  private add(start: number, end: number, sentence: number, type: EntityType, evidence: string, same?: Found): Found {
    const text = this.text.slice(start, end).replace(/\s+/g, ' ');
    const entity = same ?? this.names.get(text) ?? { id: `name:${text}`, name: text, type };
    this.names.set(text, entity);
    this.found.push({ start, end, text, id: entity.id, name: entity.name, type: entity.type, sentence, known: false, evidence });
    return entity;
  }

  private readonly lexiconSurnames = new Set<string>();

  knownPerson(m: EntityMention): void {
    const words = m.name.split(/\s+/);
    const surname = words[words.length - 1].replace(/[.,]$/, '');
    if (words.length < 2 || this.surnames.has(surname)) return;
    this.surnames.set(surname, { id: m.id, name: m.name, type: 'person' });
    this.lexiconSurnames.add(m.id);
  }

  /** Links the capitalised words no rule took to the names found: a surname, an acronym, a name repeated. */
  link(): void {
    for (const w of this.left) {
      const word = this.text.slice(w.start, w.end);
      const entity = this.names.get(word) ?? this.surnames.get(word);
      if (entity === undefined) continue;
      if (this.lexiconSurnames.has(entity.id)) this.found.push({ start: w.start, end: w.end, text: word, id: entity.id, name: entity.name, type: entity.type, sentence: w.sentence, evidence: `surname of: ${entity.name}` });
      else this.found.push({ start: w.start, end: w.end, text: word, id: entity.id, name: entity.name, type: entity.type, sentence: w.sentence, known: false, evidence: `again: ${entity.name}` });
    }
  }
}
