// Finds commitment cues (firm or hedged) in a parsed readout, following the shared commitment policy.
// The vocabulary is data (lexicons/commitments.yaml); this module holds the pattern language and the policy rules.
import type { Cue, CuePattern, ParsedReadout, Sentence, Strength } from '../types';
import { isSpaceCode } from '../readout/sentences';
import { PerId, SpanScan, WordCache, hasCodeUnit, interner, isCueWordCode, scanSpan } from '../text/scan';

// ---------------------------------------------------------------------------------------------------------
// Pattern language (documented at the top of lexicons/commitments.yaml)

/**
 * A pattern element. Every kind has every field (the ones it does not use empty) and is made by `element`, so all
 * elements share one object shape and the matcher's reads of them stay monomorphic.
 */
interface Element {
  kind: 'word' | 'alt' | 'opt' | 'slot' | 'end' | 'will';
  /** word: form -> is the base form. */
  forms: Map<string, boolean>;
  /** alt: the options. */
  options: Element[][];
  /** alt, when each option is one word: form -> its options (ascending); else null. */
  byWord: Map<string, number[]> | null;
  /** opt: the optional part. */
  seq: Element[];
  slot: 'adv' | 'det' | 'np' | '';
}

const NO_FORMS: Map<string, boolean> = new Map();

function element(kind: Element['kind'], parts: Partial<Element>): Element {
  return { kind, forms: parts.forms ?? NO_FORMS, options: parts.options ?? [], byWord: parts.byWord ?? null, seq: parts.seq ?? [], slot: parts.slot ?? '' };
}

class PatternError extends Error {}

const SLOTS = new Set(['adv', 'det', 'np']);
const CONDITIONS = new Set(['will']);

function normalizeWord(w: string): string {
  const lower = w.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

function isPatternWordChar(ch: string): boolean {
  return /[A-Za-z0-9'\u2019.\-\u00C0-\u024F]/.test(ch);
}

class PatternParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Element[] {
    const seq = this.seq('');
    if (this.pos < this.src.length) throw new PatternError(`unexpected "${this.src[this.pos]}" at column ${this.pos + 1}`);
    if (seq.length === 0) throw new PatternError('empty pattern');
    const first = seq[0];
    if (first.kind !== 'word' && first.kind !== 'alt') {
      throw new PatternError('a pattern must start with a word, an inflection or alternatives, not an optional part');
    }
    if (first.kind === 'alt') {
      for (const option of first.options) {
        if (option.length === 0 || (option[0].kind !== 'word' && option[0].kind !== 'alt')) {
          throw new PatternError('every alternative of the first item must start with a word');
        }
      }
    }
    return seq;
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
  }

  private seq(stops: string): Element[] {
    const out: Element[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.src.length) {
        if (stops.length > 0) throw new PatternError(`missing "${stops[stops.length - 1]}"`);
        return out;
      }
      const ch = this.src[this.pos];
      if (stops.includes(ch)) return out;
      if (ch === '[') {
        this.pos++;
        const inner = this.seq(']');
        this.expect(']');
        if (inner.length === 0) throw new PatternError('empty [ ]');
        out.push(element('opt', { seq: inner }));
      } else if (ch === '(') {
        this.pos++;
        const options: Element[][] = [];
        for (;;) {
          const option = this.seq('|)');
          if (option.length === 0) throw new PatternError('empty alternative in ( )');
          options.push(option);
          if (this.src[this.pos] === '|') {
            this.pos++;
            continue;
          }
          this.expect(')');
          break;
        }
        const single = options.every((o) => o.length === 1 && o[0].kind === 'word');
        out.push(element('alt', { options, byWord: single ? optionsByWord(options) : null }));
      } else if (ch === '<') {
        const close = this.src.indexOf('>', this.pos);
        if (close < 0) throw new PatternError('missing ">" after "<"');
        const name = this.src.slice(this.pos + 1, close).trim();
        if (!SLOTS.has(name)) throw new PatternError(`unknown slot <${name}>; use <adv>, <det> or <np>`);
        out.push(element('slot', { slot: name as 'adv' | 'det' | 'np' }));
        this.pos = close + 1;
      } else if (ch === '>') {
        this.pos++;
        if (out.length === 0) throw new PatternError('">" needs a cue before it');
        out.push(element('end', {}));
      } else if (ch === '~') {
        this.pos++;
        const start = this.pos;
        while (this.pos < this.src.length && /[a-z]/i.test(this.src[this.pos])) this.pos++;
        const name = this.src.slice(start, this.pos).toLowerCase();
        if (!CONDITIONS.has(name)) throw new PatternError(`unknown condition ~${name}; use ~will`);
        out.push(element('will', {}));
      } else if (isPatternWordChar(ch)) {
        out.push(this.word());
      } else {
        throw new PatternError(`unexpected "${ch}" at column ${this.pos + 1}`);
      }
    }
  }

  private expect(ch: string): void {
    if (this.src[this.pos] !== ch) throw new PatternError(`missing "${ch}"`);
    this.pos++;
  }

  private word(): Element {
    const start = this.pos;
    while (this.pos < this.src.length && isPatternWordChar(this.src[this.pos])) this.pos++;
    const stem = normalizeWord(this.src.slice(start, this.pos));
    const forms = new Map<string, boolean>();
    if (this.src[this.pos] === '{') {
      const close = this.src.indexOf('}', this.pos);
      if (close < 0) throw new PatternError('missing "}"');
      const endings = this.src.slice(this.pos + 1, close).split(',').map((e) => e.trim());
      for (const e of endings) {
        if (!/^[a-z'\u2019-]*$/i.test(e)) throw new PatternError(`bad ending "${e}" in {${endings.join(',')}}`);
      }
      if (endings.length < 2) throw new PatternError('an inflection needs at least two endings, e.g. agree{,d}');
      endings.forEach((e, i) => {
        const form = stem + normalizeWord(e);
        if (form.length > 0 && !forms.has(form)) forms.set(form, i === 0);
      });
      this.pos = close + 1;
      if (this.pos < this.src.length && isPatternWordChar(this.src[this.pos])) {
        throw new PatternError('an inflection { } must end the word');
      }
    } else {
      forms.set(stem, false);
    }
    if (forms.size === 0) throw new PatternError('empty word');
    return element('word', { forms });
  }
}

/** For alternatives of one word each: every form, with the options it matches in ascending order. */
function optionsByWord(options: Element[][]): Map<string, number[]> {
  const byWord = new Map<string, number[]>();
  options.forEach((option, o) => {
    if (option[0].kind !== 'word') return;
    for (const form of option[0].forms.keys()) {
      const list = byWord.get(form);
      if (list === undefined) byWord.set(form, [o]);
      else if (list[list.length - 1] !== o) list.push(o);
    }
  });
  return byWord;
}

/** Returns an error message for an invalid cue pattern, or undefined when the pattern compiles. */
export function checkCuePattern(pattern: string): string | undefined {
  try {
    new PatternParser(pattern).parse();
    return undefined;
  } catch (err) {
    return err instanceof PatternError ? err.message : String(err);
  }
}

interface CompiledPattern {
  order: number;
  source: CuePattern;
  seq: Element[];
  /** First-word forms with their base-form flag. */
  first: Map<string, boolean>;
  modal: boolean;
  /** What the token after the first word must be for the pattern to match (null: no test). */
  second: NextToken | null;
}

/**
 * The tokens a pattern's elements can start with: these words, any adverb, any determiner or any word at all
 * (<np>). `empty`: the elements can also match no token.
 */
interface NextToken {
  words: Set<string>;
  adverb: boolean;
  determiner: boolean;
  any: boolean;
  empty: boolean;
}

/** The NextToken of elements seq[from...] (`into`, whose `empty` is set here). */
function nextTokenOf(seq: Element[], from: number, into: NextToken): NextToken {
  for (let e = from; e < seq.length; e++) {
    const el = seq[e];
    let empty: boolean;
    switch (el.kind) {
      case 'word':
        for (const form of el.forms.keys()) into.words.add(form);
        empty = false;
        break;
      case 'alt':
        empty = false;
        for (const option of el.options) if (nextTokenOf(option, 0, into).empty) empty = true;
        break;
      case 'opt':
        nextTokenOf(el.seq, 0, into);
        empty = true;
        break;
      case 'slot':
        if (el.slot === 'adv') into.adverb = true;
        else if (el.slot === 'det') into.determiner = true;
        else into.any = true;
        empty = el.slot !== 'np';
        break;
      default:
        empty = true;
    }
    if (!empty) {
      into.empty = false;
      return into;
    }
  }
  into.empty = true;
  return into;
}

/**
 * The test on the token after the first word, when the first element is one token long and the rest needs at least
 * one token: most tries of a pattern fail there ("is" starts "is <adv> (ready|willing|prepared) to").
 */
function secondTokenOf(seq: Element[]): NextToken | null {
  const head = seq[0];
  if (!(head.kind === 'word' || (head.kind === 'alt' && head.byWord !== null))) return null;
  const next = nextTokenOf(seq, 1, { words: new Set(), adverb: false, determiner: false, any: false, empty: false });
  return next.empty ? null : next;
}

/** Can the token after `i` continue a match of the pattern (see secondTokenOf)? */
function secondTokenFits(second: NextToken, tokens: Token[], i: number): boolean {
  const k = i + 1;
  if (k >= tokens.length || tokens[k].punctBefore) return false;
  const w = tokens[k].lower;
  return second.any || second.words.has(w) || (second.adverb && isAdverb(w)) || (second.determiner && isDeterminer(w));
}

/** All cue patterns compiled once and indexed by their possible first words. */
export interface CueMatcher {
  readonly byFirstWord: ReadonlyMap<string, readonly CompiledPattern[]>;
  /** Patterns that failed to compile (the lexicon loader reports them with positions). */
  readonly rejected: readonly { id: string; message: string }[];
}

function firstForms(el: Element, into: Map<string, boolean>): void {
  if (el.kind === 'word') for (const [f, b] of el.forms) into.set(f, into.get(f) === true || b);
  else if (el.kind === 'alt') for (const o of el.options) firstForms(o[0], into);
}

const MODALS = new Set(['will', "won't", 'shall', 'would', "wouldn't", 'should', "shouldn't", 'must', "mustn't", 'can', 'cannot', "can't"]);
/** Rule 4: these need a party as subject; "can" needs an explicit party ("together we can"). */
const FUTURE_MODALS = new Set(['will', "won't", 'shall', 'would', "wouldn't"]);
const STRICT_MODALS = new Set(['can', 'cannot', "can't"]);

export function compileCuePatterns(patterns: CuePattern[]): CueMatcher {
  const byFirstWord = new Map<string, CompiledPattern[]>();
  const rejected: { id: string; message: string }[] = [];
  patterns.forEach((source, order) => {
    let seq: Element[];
    try {
      seq = new PatternParser(source.pattern).parse();
    } catch (err) {
      rejected.push({ id: source.id, message: err instanceof Error ? err.message : String(err) });
      return;
    }
    const first = new Map<string, boolean>();
    firstForms(seq[0], first);
    const modal = [...first.keys()].every((f) => MODALS.has(f));
    const compiled: CompiledPattern = { order, source, seq, first, modal, second: secondTokenOf(seq) };
    for (const form of first.keys()) {
      const list = byFirstWord.get(form);
      if (list) list.push(compiled);
      else byFirstWord.set(form, [compiled]);
    }
  });
  return { byFirstWord, rejected };
}

// ---------------------------------------------------------------------------------------------------------
// Tokens

interface Token {
  start: number;
  end: number;
  lower: string;
  capitalized: boolean;
  /** Punctuation (not just space) between the previous token and this one. */
  punctBefore: boolean;
  semicolonBefore: boolean;
}

/** A word character of this module's tokens; defined in textScan.ts, whose shared scan must agree with it. */
const isWordCode = isCueWordCode;

function isJoinerCode(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 46; // ' ’ - .
}

const TOKEN_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'no', 'prof', 'hon', 'amb', 'sen', 'rep', 'gov']);

interface WordForms {
  lower: string;
  capitalized: boolean;
}

/** What a word's spelling alone decides, computed once per distinct spelling. */
const formsCache = new WordCache<WordForms>((raw) => {
  const lower = normalizeWord(raw);
  return { lower, capitalized: raw.charCodeAt(0) !== lower.charCodeAt(0) };
});
/** Words that keep a following period ("Mr.", and any word with an inner dot such as "U.S"). */
const keepsPeriodCache = new WordCache<boolean>((raw) => raw.includes('.') || TOKEN_ABBREVIATIONS.has(raw.toLowerCase()));
/** Reused token objects: a sentence's tokens never outlive the sentence. */
const pool: Token[] = [];

function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  let i = start;
  let punct = false;
  let semi = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      if (!isSpaceCode(c)) {
        punct = true;
        if (c === 59 || c === 58) semi = true;
      }
      i++;
      continue;
    }
    const s = i;
    i++;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (isWordCode(d)) i++;
      else if (isJoinerCode(d) && i + 1 < end && isWordCode(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    // Keep the period of "U.S." or "Mr." with its word so it does not read as a clause break.
    if (i < end && text.charCodeAt(i) === 46 && keepsPeriodCache.get(text, s, i)) i++;
    const forms = formsCache.get(text, s, i);
    out.push(pooled(out.length, s, i, forms, punct, semi));
    punct = false;
    semi = false;
  }
  return out;
}

function pooled(k: number, start: number, end: number, forms: WordForms, punct: boolean, semi: boolean): Token {
  let t = pool[k];
  if (t === undefined) {
    t = { start, end, lower: forms.lower, capitalized: forms.capitalized, punctBefore: punct, semicolonBefore: semi };
    pool[k] = t;
  } else {
    t.start = start;
    t.end = end;
    t.lower = forms.lower;
    t.capitalized = forms.capitalized;
    t.punctBefore = punct;
    t.semicolonBefore = semi;
  }
  return t;
}

// The same tokens from the shared scan of a simple span (textScan.ts): word atoms joined by one inner ' ’ - or .,
// the period of "Mr." or "U.S." kept, punctuation atoms left between tokens. Spellings are derived once per id.
const formsById = new PerId<WordForms>((raw) => formsCache.get(raw, 0, raw.length));
const keepsPeriodById = new PerId<boolean>((raw) => keepsPeriodCache.get(raw, 0, raw.length));

/**
 * The sentence's tokens that start a pattern, in order: their indices in `starts[0, startCount)` and their
 * patterns in `startPatterns`. The sentence loop visits only these; no other token can begin a cue.
 */
let starts = new Int32Array(64);
const startPatterns: (readonly CompiledPattern[])[] = [];
let startCount = 0;

function noteStart(k: number, patterns: readonly CompiledPattern[]): void {
  if (startCount === starts.length) {
    const bigger = new Int32Array(starts.length * 2);
    bigger.set(starts);
    starts = bigger;
  }
  starts[startCount] = k;
  startPatterns[startCount] = patterns;
  startCount++;
}

/**
 * Tokens of a simple span from its atoms (same as tokenize over the span), or null when none of them starts a
 * pattern of `firsts` (synced): the sentence then needs no tokens at all. One pass fills the pooled token objects
 * and notes the tokens that start a pattern (noteStart).
 */
function tokensFromAtoms(text: string, atoms: SpanScan, firsts: PerId<readonly CompiledPattern[] | null>): Token[] | null {
  formsById.sync(atoms.generation);
  keepsPeriodById.sync(atoms.generation);
  const n = atoms.count;
  const { start, end, id, word, unit } = atoms;
  let count = 0;
  startCount = 0;
  let flags = 0; // 1: punctuation before the token, 2: a semicolon or colon among that punctuation
  let k = 0;
  while (k < n) {
    if (word[k] !== 1) {
      const c = unit[k];
      flags |= c === 59 || c === 58 ? 3 : 1;
      k++;
      continue;
    }
    const s = start[k];
    let e = end[k];
    let tid = id[k];
    let joined = false;
    k++;
    while (k + 1 < n && word[k] !== 1 && start[k] === e && isJoinerCode(unit[k]) && word[k + 1] === 1 && start[k + 1] === e + 1) {
      e = end[k + 1];
      k += 2;
      joined = true;
    }
    if (joined) tid = interner.idOfRange(text, s, e);
    if (k < n && word[k] !== 1 && start[k] === e && unit[k] === 46 && keepsPeriodById.get(tid)) {
      e++;
      k++;
      tid = interner.idOfRange(text, s, e);
    }
    const patterns = firsts.get(tid);
    if (patterns !== null) noteStart(count, patterns);
    pooled(count++, s, e, formsById.get(tid), (flags & 1) !== 0, (flags & 2) !== 0);
    flags = 0;
  }
  if (startCount === 0) return null;
  // One array of the exact size per sentence (the token objects themselves are pooled).
  return pool.slice(0, count);
}

// ---------------------------------------------------------------------------------------------------------
// Word classes the policy rules need (grammar, not vocabulary: cue verbs stay in the YAML)

const ADVERBS = new Set([
  'further', 'also', 'once', 'again', 'still', 'both', 'all', 'together', 'then', 'now', 'today', 'too', 'as',
  'well', 'already', 'each', 'thus', 'therefore', 'furthermore', 'moreover', 'however', 'likewise', 'formally',
  'previously', 'repeatedly', 'publicly', 'not', 'never', 'even',
]);
function isAdverb(w: string): boolean {
  return ADVERBS.has(w) || (w.length > 4 && w.endsWith('ly') && w !== 'only' && w !== 'italy' && w !== 'july');
}
const DETERMINERS = new Set([
  'the', 'a', 'an', 'their', 'his', 'her', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'both',
  'strong', 'full', 'continued', 'continuing', 'deep', 'deepest', 'shared', 'steadfast', 'unwavering', 'firm',
  'ongoing', 'sincere', 'heartfelt', 'serious', 'grave', 'great', 'mutual', 'common', 'joint', 'collective',
  'renewed', 'unequivocal', 'resolute', 'profound', 'critical', 'vital', 'utmost', 'paramount', 'particular',
  'high', 'highest', 'same', 'fundamental', 'enduring', 'lasting', 'ironclad', 'earnest', 'warm', 'clear',
]);
function isDeterminer(w: string): boolean {
  return DETERMINERS.has(w) || isAdverb(w) || w.endsWith("'s") || w.endsWith("s'");
}
/** A cue right after one of these is a noun ("strong support", "the pledge", "as agreed"). */
const NOUN_CONTEXT = new Set([
  'the', 'a', 'an', 'their', 'his', 'her', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'of', 'for',
  'with', 'in', 'on', 'at', 'by', 'from', 'into', 'about', 'as', 'without', 'under', 'continued', 'strong', 'full',
  'firm', 'deep', 'steadfast', 'unwavering', 'mutual', 'joint', 'ongoing', 'new', 'broad', 'such', 'any', 'no',
  'every', 'political', 'public', 'financial', 'military', 'humanitarian', 'economic', 'international', 'global',
  'past', 'previous', 'earlier', 'existing', 'ambitious', 'concrete', 'unfulfilled', 'more', 'fresh', 'additional',
  // "exchanged notes", "diplomatic notes", "verbal notes": what follows an exchange is its object, a noun.
  'exchange', 'exchanges', 'exchanged', 'exchanging', 'diplomatic', 'verbal',
]);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'having', 'am']);
const DO_AUX = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't"]);
const NEGATIONS = new Set(['not', 'never', 'cannot', "can't", "won't", "wouldn't", "shouldn't", "mustn't", "don't", "doesn't", "didn't", 'refuse', 'refuses', 'refused']);
const COMPLEMENTIZERS = new Set(['that', 'how', 'whether', 'if']);
const SUBJECT_STOPS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'whereas', 'if', 'because', 'since',
  'although', 'though', 'how', 'whether', 'so', 'but', 'or', 'after', 'before', 'once', 'unless', 'until',
  'said', 'says', 'stated', 'told', 'tells', 'conveyed', 'added', 'explained', 'noted', 'noting',
  'underscored', 'stressed', 'emphasized', 'emphasised', 'announced', 'confirmed', 'believes', 'believe', 'hoped',
]);
const REPORTING_VERBS = new Set([
  'said', 'says', 'stated', 'told', 'tells', 'conveyed', 'added', 'explained', 'noted', 'underscored',
  'stressed', 'emphasized', 'emphasised', 'confirmed', 'announced', 'indicated', 'replied', 'responded',
]);
const PREPOSITIONS = new Set(['of', 'from', 'for', 'in', 'on', 'at', 'with', 'by', 'to', 'between', 'among', 'across', 'under', 'within']);
const PRONOUNS = new Set(['we', 'they', 'he', 'she', 'i', 'you']);
const PARTY_NOUNS = new Set([
  'leader', 'leaders', 'side', 'sides', 'party', 'parties', 'country', 'countries', 'government', 'governments',
  'nation', 'nations', 'president', 'minister', 'ministers', 'secretary', 'chancellor', 'premier', 'administration',
  'ministry', 'ministries', 'department', 'commission', 'union', 'council', 'delegation', 'delegations', 'team',
  'teams', 'pair', 'both', 'state', 'states', 'kingdom', 'republic', 'ambassador', 'officials', 'agency',
  'agencies', 'authorities', 'cabinet', 'allies', 'partners', 'members', 'compact', 'statement', 'declaration',
]);
/**
 * Plain reporting (rule 3): "said that", "told reporters that", "made clear that". Not cues themselves; their
 * complement is a clause of its own, outside the scope of an earlier cue (rule 1).
 */
const PURE_REPORTING = new Set([
  'say', 'says', 'said', 'state', 'states', 'stated', 'tell', 'tells', 'told', 'add', 'adds', 'added', 'explain',
  'explains', 'explained', 'reply', 'replies', 'replied', 'respond', 'responds', 'responded', 'indicate', 'indicates',
  'indicated', 'inform', 'informs', 'informed', 'assure', 'assures', 'assured', 'remark', 'remarks', 'remarked',
  'mention', 'mentions', 'mentioned', 'clarify', 'clarifies', 'clarified', 'observe', 'observes', 'observed',
  'comment', 'comments', 'commented', 'declare', 'declares', 'declared', 'conveyed', 'outlined', 'described',
]);
/** Two-word reporting verbs, keyed by their second word: "made clear", "pointed out", "set out". */
const REPORTING_PARTICLES = new Map([
  ['clear', new Set(['make', 'makes', 'made'])],
  ['out', new Set(['point', 'points', 'pointed', 'set', 'sets'])],
]);
/**
 * Bodies that are not parties to a bilateral meeting. Used only where another party is speaking (the complement of a
 * plain reporting verb, a relative clause): "explained that the IAEA had confirmed", "the UN envoy, who called for".
 */
const THIRD_PARTIES = new Set([
  'un', 'u.n.', 'iaea', 'wto', 'imf', 'icj', 'icc', 'opcw', 'unhcr', 'unicef', 'unesco', 'unsc', 'ohchr', 'wfp', 'ocha',
  'secretary-general', 'bank', 'court', 'tribunal', 'experts', 'expert', 'scientists', 'analysts', 'observers',
  'inspectors', 'monitors', 'media', 'press', 'report', 'reports', 'study', 'studies', 'survey', 'panel',
  'organization', 'organisation',
]);
/** Relative pronouns that can be a verb's subject ("the UN envoy, who called for"). */
const RELATIVES = new Set(['who', 'which', 'that']);
/** Events the parties arrange: "agreed that the next Summit will take place in Ottawa" is a decision (firm). */
const ARRANGED_EVENTS = new Set([
  'summit', 'summits', 'meeting', 'meetings', 'dialogue', 'dialog', 'visit', 'visits', 'round', 'talks', 'session',
  'sessions', 'consultations', 'conference', 'forum', 'exercise', 'exercises', 'ceremony', 'negotiations',
]);
const ARRANGED_PARTICIPLES = new Set(['held', 'convened', 'hosted', 'co-hosted', 'organized', 'organised']);
/** Irregular past forms, for telling "stressed that ... and welcomes" (inner clause) from "... and welcomed" (outer). */
const IRREGULAR_PAST = new Set([
  'said', 'told', 'held', 'took', 'spoke', 'undertook', 'paid', 'had', 'did', 'was', 'were', 'made', 'met', 'gave',
  'sent', 'saw', 'thought', 'sought', 'brought', 'led', 'stood', 'set', 'put', 'understood', 'began', 'became', 'went',
]);

/** Words ending in "s" that are not plural nouns: "Japan also pledges", "it thus supports", "his", "this". */
const NOT_PLURAL_S = new Set([
  'this', 'its', 'his', 'hers', 'ours', 'theirs', 'yours', 'thus', 'was', 'has', 'is', 'does', 'us', 'as', 'yes',
  'always', 'perhaps', 'sometimes', 'nevertheless', 'nonetheless', 'besides', 'whereas', 'less', 'unless',
]);
/** Words after which an "-s" form is the object of a bare verb ("could turn pledges", "to make promises"). */
const INFINITIVE_MARKERS = new Set(['to', 'can', 'could', 'will', 'would', 'shall', 'should', 'must', 'may', 'might']);
/** Free relatives and quantifiers that take a gapped relative clause: "what it needs to", "everything they need to". */
const GAP_HEADS = new Set(['what', 'whatever', 'everything', 'anything', 'all']);

/** 0 base or plural present ("welcome"), 1 past ("welcomed"), 2 third-person present ("welcomes"). */
function verbForm(w: string): number {
  if (w.endsWith('ed') || IRREGULAR_PAST.has(w)) return 1;
  if (w.endsWith('s') && !w.endsWith('ss')) return 2;
  return 0;
}

/** Capitalised subjects that are events or documents, not parties ("the Summit will build on"). */
const NON_PARTY_NAMES = new Set([
  'summit', 'meeting', 'conference', 'talks', 'forum', 'dialogue', 'visit', 'agreement', 'treaty', 'framework',
  'strategy', 'initiative', 'partnership', 'program', 'programme', 'plan', 'act', 'order', 'report', 'review',
  'week', 'day', 'year', 'month', 'event', 'session', 'games', 'olympics', 'expo', 'it', 'this', 'there',
]);

interface Subject {
  kind: 'np' | 'coordinated' | 'none';
  /** Token range of the noun phrase [start, end). */
  start: number;
  end: number;
}

/** The subject of the verb at token `v`: a noun phrase, a coordinated predicate ("and agreed"), or none. */
function findSubject(tokens: Token[], v: number): Subject {
  let j = v - 1;
  while (j >= 0 && !tokens[j + 1].punctBefore && (isAdverb(tokens[j].lower) || AUXILIARIES.has(tokens[j].lower) || DO_AUX.has(tokens[j].lower))) j--;
  if (j < 0 || tokens[j + 1].punctBefore) return { kind: 'none', start: v, end: v };
  const w = tokens[j].lower;
  if (w === 'and' || w === 'or' || w === 'but') return { kind: 'coordinated', start: v, end: v };
  const end = j + 1;
  let count = 0;
  while (j >= 0 && count < 12) {
    const t = tokens[j];
    if (SUBJECT_STOPS.has(t.lower)) break;
    if (t.lower === 'and') {
      const prev = tokens[j - 1];
      // "Joe Biden and Fumio Kishida" is one subject; "Ukraine and the Prime Minister" is not.
      if (j - 1 >= 0 && prev.capitalized && !t.punctBefore && j + 1 < end && tokens[j + 1].capitalized) {
        j--;
        continue;
      }
      break;
    }
    if (!t.capitalized && t.lower.length > 3 && t.lower.endsWith('ed') && j + 1 < end) break;
    count++;
    if (t.punctBefore) {
      j--;
      break;
    }
    j--;
  }
  const start = j + 1;
  if (start >= end) return { kind: 'none', start: v, end: v };
  return { kind: 'np', start, end };
}

function headOf(tokens: Token[], subject: Subject): Token {
  let h = subject.end - 1;
  for (let k = subject.start + 1; k < subject.end; k++) {
    if (PREPOSITIONS.has(tokens[k].lower)) {
      h = k - 1;
      break;
    }
  }
  return tokens[h];
}

function isPartySubject(tokens: Token[], subject: Subject, strict: boolean): boolean {
  if (subject.kind !== 'np') return false;
  const head = headOf(tokens, subject);
  if (PRONOUNS.has(head.lower) || PARTY_NOUNS.has(head.lower)) return true;
  if (strict) return false;
  return head.capitalized && !NON_PARTY_NAMES.has(head.lower);
}

/** The noun phrase names a body from THIRD_PARTIES ("the IAEA", "the UN Secretary-General", "the United Nations"). */
function namesThirdParty(tokens: Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const w = tokens[k].lower;
    if (THIRD_PARTIES.has(w) || (w === 'nations' && k > start && tokens[k - 1].lower === 'united')) return true;
  }
  return false;
}

/** "the IAEA", "experts", "the report": not a party (asked only where another party is speaking). */
function isThirdParty(tokens: Token[], start: number, end: number): boolean {
  if (namesThirdParty(tokens, start, end)) return true;
  const head = headOf(tokens, { kind: 'np', start, end });
  const h = head.lower;
  // "it" and "the two" often stand for a party ("China said it supports", "the two had agreed").
  if (PRONOUNS.has(h) || PARTY_NOUNS.has(h) || h === 'it' || h === 'two') return false;
  return !head.capitalized || NON_PARTY_NAMES.has(h);
}

/** If tokens[k] ends a plain reporting verb ("said", "made clear", "pointed out"), the verb's index; else -1. */
function reportingVerbAt(tokens: Token[], k: number): number {
  const w = tokens[k].lower;
  if (PURE_REPORTING.has(w)) return k;
  const verbs = REPORTING_PARTICLES.get(w);
  return verbs !== undefined && k > 0 && !tokens[k].punctBefore && verbs.has(tokens[k - 1].lower) ? k - 1 : -1;
}

/**
 * The plain reporting verb whose complement has its subject at token `s` ("said [that] s", "told reporters that s",
 * "made clear that s"), or -1. Looks back a few tokens only (constant work) and never before `min`.
 */
function reporterBefore(tokens: Token[], s: number, min: number): number {
  let k = s - 1;
  if (k < min || k < 0) return -1;
  if (!COMPLEMENTIZERS.has(tokens[k].lower)) {
    const r = reportingVerbAt(tokens, k);
    return r >= min ? r : -1;
  }
  for (let n = 0; n < 4; n++) {
    if (tokens[k].punctBefore) return -1;
    k--;
    if (k < min || k < 0) return -1;
    const r = reportingVerbAt(tokens, k);
    if (r >= min) return r;
  }
  return -1;
}

/**
 * The speaker of the reporting verb at `r` is itself a third-party body ("The Secretary-General ... said that the
 * United Nations would"): in its own readout that body is the party, so its report is not filtered.
 */
function reporterIsThirdParty(tokens: Token[], r: number, prev: Accepted | undefined): boolean {
  let speaker = findSubject(tokens, r);
  if (speaker.kind === 'coordinated' && prev !== undefined) speaker = findSubject(tokens, prev.startTok);
  return speaker.kind === 'np' && namesThirdParty(tokens, speaker.start, speaker.end);
}

/** The antecedent of the relative pronoun at `w` ("the report by the UN envoy, who") is a third party. */
function antecedentIsThirdParty(tokens: Token[], w: number): boolean {
  const last = w - 1;
  let start = w;
  for (let k = last, n = 0; k >= 0 && n < 8; k--, n++) {
    const t = tokens[k];
    // The noun phrase right before the pronoun: its last word, names, determiners and prepositions ("by the UN envoy").
    if (k < last && (SUBJECT_STOPS.has(t.lower) || !(t.capitalized || isDeterminer(t.lower) || PREPOSITIONS.has(t.lower)))) break;
    start = k;
    if (t.punctBefore) break;
  }
  return start <= last && isThirdParty(tokens, start, w);
}

/**
 * Agreed that + an event the parties arrange: "the next Summit will take place", "the Dialogue would be held",
 * "the next round of talks will convene". `k` is the modal, `subject` its subject.
 */
function isArrangedEvent(tokens: Token[], subject: Subject, k: number): boolean {
  if (subject.kind !== 'np' || !ARRANGED_EVENTS.has(headOf(tokens, subject).lower)) return false;
  const n = tokens.length;
  let m = k + 1;
  while (m < n && !tokens[m].punctBefore && isAdverb(tokens[m].lower)) m++;
  if (m >= n || tokens[m].punctBefore) return false;
  const w = tokens[m].lower;
  if (w === 'convene') return true;
  if (w === 'take') return m + 1 < n && tokens[m + 1].lower === 'place' && !tokens[m + 1].punctBefore;
  if (w !== 'be') return false;
  m++;
  while (m < n && !tokens[m].punctBefore && isAdverb(tokens[m].lower)) m++;
  return m < n && !tokens[m].punctBefore && ARRANGED_PARTICIPLES.has(tokens[m].lower);
}

/** Whitespace other than a single space: a line break, a tab, two spaces in a row. */
const ODD_SPACE = /[^\S ]| {2}/;

/** The actor as readers see it: single-spaced (a subject may run across a line break), "The" lower-cased. */
function actorText(text: string, tokens: Token[], subject: Subject): string {
  let raw = text.slice(tokens[subject.start].start, tokens[subject.end - 1].end);
  if (ODD_SPACE.test(raw)) raw = raw.replace(/\s+/g, ' ');
  return raw.startsWith('The ') ? `the ${raw.slice(4)}` : raw;
}

function isPlural(actor: string): boolean {
  const a = actor.toLowerCase();
  return / and /.test(a) || /^(we|they|both.*|the pair)$/.test(a) || /(leaders|sides|parties|countries|governments|nations)$/.test(a);
}

// ---------------------------------------------------------------------------------------------------------
// Matching

// A match state is (token position, end of the cue span or -1, 1 when "~will" was seen). State lists live in
// one reused Int32Array as runs of triples, so trying a pattern allocates nothing: a list is an offset and a
// count, new lists are appended, and the buffer is reset before each pattern is tried (matchAt). Lists keep
// the order the states were produced in, and each step keeps at most the first 64 (bounded work, whatever the
// pattern).
let states = new Int32Array(3 * 1024);
let top = 0;
/** Number of states of the list the last step, run or matchAt returned (the return value is its offset). */
let listCount = 0;
/** The (offset, count) results of the options of the alternatives being stepped. */
let altStack = new Int32Array(64);
let altTop = 0;
/** Scratch for one-word alternatives in step: (option, state) pairs. */
let pairs = new Int32Array(128);

function pushState(pos: number, spanEnd: number, will: number): void {
  if (top + 3 > states.length) {
    const bigger = new Int32Array(states.length * 2);
    bigger.set(states);
    states = bigger;
  }
  states[top] = pos;
  states[top + 1] = spanEnd;
  states[top + 2] = will;
  top += 3;
}

/** Appends a copy of the list (off, n). */
function copyList(off: number, n: number): void {
  for (let k = 0; k < n; k++) pushState(states[off + 3 * k], states[off + 3 * k + 1], states[off + 3 * k + 2]);
}

/** The states after element `el` from the list (off, n): the new list's offset; its count in listCount. */
function step(el: Element, off: number, n: number, tokens: Token[], from: number): number {
  const out = top;
  switch (el.kind) {
    case 'word':
      for (let k = 0; k < n; k++) {
        const pos = states[off + 3 * k];
        if (pos < tokens.length && (pos === from || !tokens[pos].punctBefore) && el.forms.has(tokens[pos].lower)) {
          pushState(pos + 1, states[off + 3 * k + 1], states[off + 3 * k + 2]);
        }
      }
      break;
    case 'alt': {
      const byWord = el.byWord;
      if (byWord !== null) {
        // Options of one word each ("(on|upon)"): each option's matches in turn, as running the options would. One
        // lookup per state finds its options; the (option, state) pairs, made state by state, are then put in
        // option order (a stable sort keeps the states' order within an option).
        let m = 0;
        for (let k = 0; k < n; k++) {
          const pos = states[off + 3 * k];
          if (pos >= tokens.length || !(pos === from || !tokens[pos].punctBefore)) continue;
          const matched = byWord.get(tokens[pos].lower);
          if (matched === undefined) continue;
          for (let j = 0; j < matched.length; j++) {
            if (2 * m + 2 > pairs.length) {
              const bigger = new Int32Array(pairs.length * 2);
              bigger.set(pairs);
              pairs = bigger;
            }
            pairs[2 * m] = matched[j];
            pairs[2 * m + 1] = k;
            m++;
          }
        }
        for (let j = 1; j < m; j++) {
          const o = pairs[2 * j];
          const k = pairs[2 * j + 1];
          let h = j - 1;
          while (h >= 0 && pairs[2 * h] > o) {
            pairs[2 * h + 2] = pairs[2 * h];
            pairs[2 * h + 3] = pairs[2 * h + 1];
            h--;
          }
          pairs[2 * h + 2] = o;
          pairs[2 * h + 3] = k;
        }
        for (let j = 0; j < m; j++) {
          const k = pairs[2 * j + 1];
          pushState(states[off + 3 * k] + 1, states[off + 3 * k + 1], states[off + 3 * k + 2]);
        }
        break;
      }
      // Each option's result list, (offset, count) pairs on a stack (alternatives nest), then joined in order.
      const base = altTop;
      for (let o = 0; o < el.options.length; o++) {
        const result = run(el.options[o], off, n, tokens, from);
        if (altTop + 2 > altStack.length) {
          const bigger = new Int32Array(altStack.length * 2);
          bigger.set(altStack);
          altStack = bigger;
        }
        altStack[altTop++] = result;
        altStack[altTop++] = listCount;
      }
      const joined = top;
      for (let r = base; r < altTop; r += 2) copyList(altStack[r], altStack[r + 1]);
      altTop = base;
      listCount = (top - joined) / 3;
      return joined;
    }
    case 'opt': {
      const inner = run(el.seq, off, n, tokens, from);
      const innerCount = listCount;
      const joined = top;
      copyList(off, n);
      copyList(inner, innerCount);
      listCount = (top - joined) / 3;
      return joined;
    }
    case 'slot': {
      const max = el.slot === 'np' ? 5 : 3;
      for (let q = 0; q < n; q++) {
        const pos = states[off + 3 * q];
        const spanEnd = states[off + 3 * q + 1];
        const will = states[off + 3 * q + 2];
        if (el.slot !== 'np') pushState(pos, spanEnd, will);
        for (let k = 1; k <= max; k++) {
          const p = pos + k - 1;
          if (p >= tokens.length || !(p === from || !tokens[p].punctBefore)) break;
          const w = tokens[p].lower;
          if (el.slot === 'adv' && !isAdverb(w)) break;
          if (el.slot === 'det' && !isDeterminer(w)) break;
          pushState(p + 1, spanEnd, will);
        }
      }
      break;
    }
    case 'end':
      for (let k = 0; k < n; k++) {
        const pos = states[off + 3 * k];
        const spanEnd = states[off + 3 * k + 1];
        pushState(pos, spanEnd < 0 ? pos : spanEnd, states[off + 3 * k + 2]);
      }
      break;
    case 'will':
      for (let k = 0; k < n; k++) pushState(states[off + 3 * k], states[off + 3 * k + 1], 1);
      break;
  }
  listCount = (top - out) / 3;
  return out;
}

/** The states after the elements seq[first...] from the list (off, n): offset returned, count in listCount. */
function run(seq: Element[], off: number, n: number, tokens: Token[], from: number, first = 0): number {
  for (let e = first; e < seq.length; e++) {
    if (n === 0) break;
    off = step(seq[e], off, n, tokens, from);
    n = Math.min(listCount, 64); // bounded work per position, whatever the pattern
  }
  listCount = n;
  return off;
}

/**
 * Tries a whole pattern at token `i`: the offset of its final states, their count in listCount. The leading
 * words are matched without touching the state buffer (one state, one word at a time): most tries end there.
 */
function matchAt(seq: Element[], tokens: Token[], i: number): number {
  top = 0;
  altTop = 0;
  let pos = i;
  let e = 0;
  for (; e < seq.length; e++) {
    const el = seq[e];
    if (el.kind !== 'word') break;
    if (pos >= tokens.length || (pos !== i && tokens[pos].punctBefore) || !el.forms.has(tokens[pos].lower)) {
      listCount = 0;
      return 0;
    }
    pos++;
  }
  pushState(pos, -1, 0);
  listCount = 1;
  return e === seq.length ? 0 : run(seq, 0, 1, tokens, i, e);
}

interface Candidate {
  pattern: CompiledPattern;
  start: number;
  /** Token index after the cue span. */
  end: number;
  context: number;
  needsWill: boolean;
}

/**
 * The candidates at one position, in `candidates[0, count)`: reused objects, valid until the next call (the
 * sentence loop tries them before it asks for the next position's).
 */
const candidates: Candidate[] = [];

function candidateOrder(a: Candidate, b: Candidate): number {
  return b.end - a.end || b.context - a.context || a.pattern.order - b.pattern.order;
}

/** Fills `candidates` with the matches of `patterns` at token `i`, best first; returns how many. */
function candidatesAt(tokens: Token[], i: number, patterns: readonly CompiledPattern[]): number {
  let count = 0;
  for (let q = 0; q < patterns.length; q++) {
    const p = patterns[q];
    if (p.second !== null && !secondTokenFits(p.second, tokens, i)) continue;
    const off = matchAt(p.seq, tokens, i);
    for (let k = 0; k < listCount; k++) {
      const pos = states[off + 3 * k];
      const spanEnd = states[off + 3 * k + 1];
      const will = states[off + 3 * k + 2] === 1;
      const end = spanEnd >= 0 ? spanEnd : pos;
      if (end <= i) continue;
      let c = candidates[count];
      if (c === undefined) {
        c = { pattern: p, start: i, end, context: 0, needsWill: will };
        candidates[count] = c;
      }
      c.pattern = p;
      c.start = i;
      c.end = end;
      c.context = pos - end + (will ? 1 : 0);
      c.needsWill = will;
      count++;
    }
  }
  // A stable insertion sort (there are a handful): the same order as Array.prototype.sort, which is stable.
  for (let j = 1; j < count; j++) {
    const x = candidates[j];
    let k = j - 1;
    while (k >= 0 && candidateOrder(candidates[k], x) > 0) {
      candidates[k + 1] = candidates[k];
      k--;
    }
    candidates[k + 1] = x;
  }
  return count;
}

/** Rule 1 for agreed-that: the clause after the cue holds will/would/shall + action by a party. */
function clauseHasPartyWill(ctx: SentenceContext, from: number): boolean {
  const { tokens } = ctx;
  const n = tokens.length;
  if (from >= n) return false;
  // Right after the cue, a colon introduces what was agreed ("agreed: they will ..."), a semicolon ends the
  // clause ("agreed; they will ...", read as "agreed. They will ..."); later on, either ends it.
  if (semicolonRightAfterCue(ctx, from)) return false;
  // Short clauses are scanned directly; the per-sentence index pays off only on long runs.
  for (let k = from; k < n && k < from + SHORT_SCAN; k++) {
    if (k > from && tokens[k].semicolonBefore) return false;
    if (FUTURE_MODALS.has(tokens[k].lower)) return isPartyWill(tokens, k);
  }
  if (from + SHORT_SCAN >= n) return false;
  const index = sentenceIndex(ctx);
  const k = index.nextModal[from];
  if (k >= n || index.nextSemicolon[from + 1] <= k) return false;
  return isPartyWill(tokens, k);
}

/** The modal at `k` has a party (or an event the parties arrange) as its subject. */
function isPartyWill(tokens: Token[], k: number): boolean {
  const subject = findSubject(tokens, k);
  return subject.kind === 'coordinated' || isPartySubject(tokens, subject, false) || isArrangedEvent(tokens, subject, k);
}

interface Accepted {
  cue: Cue;
  startTok: number;
  endTok: number;
  /** actorKind of the cue's actor (ACTOR_PRONOUN when it has none), set when the cue is accepted. */
  actorKind: number;
}

interface SentenceContext {
  text: string;
  tokens: Token[];
  /** The lexicon: whether a word starts a cue pattern (a postposed listed verb, rule 1 backwards). */
  matcher: CueMatcher;
  sentence: number;
  accepted: Accepted[];
  /** Lookups over the sentence's tokens, built on first use (see sentenceIndex). */
  index?: SentenceIndex;
  /** Index of the sentence's first reporting verb (tokens.length when none); lazy. */
  firstReporting?: number;
  /** The latest non-pronoun actor, plural and singular, over `history` then `accepted`. */
  lastPlural?: string;
  lastSingular?: string;
}

/** Token distance below which a direct scan beats building the sentence index. */
const SHORT_SCAN = 48;

/** Per token: the index of the next future modal, token after a semicolon and complementizer (n when none). */
interface SentenceIndex {
  nextModal: Int32Array;
  nextSemicolon: Int32Array;
  nextComplementizer: Int32Array;
}

/**
 * Built once per sentence, so the scans "is there a modal / semicolon / complementizer between here and
 * there" cost O(1) and a long sentence of "agreed that ..." stays linear rather than quadratic.
 */
function sentenceIndex(ctx: SentenceContext): SentenceIndex {
  if (ctx.index) return ctx.index;
  const { tokens } = ctx;
  const n = tokens.length;
  const nextModal = new Int32Array(n + 1).fill(n);
  const nextSemicolon = new Int32Array(n + 1).fill(n);
  const nextComplementizer = new Int32Array(n + 1).fill(n);
  for (let k = n - 1; k >= 0; k--) {
    const w = tokens[k].lower;
    nextModal[k] = FUTURE_MODALS.has(w) ? k : nextModal[k + 1];
    nextSemicolon[k] = tokens[k].semicolonBefore ? k : nextSemicolon[k + 1];
    nextComplementizer[k] = COMPLEMENTIZERS.has(w) ? k : nextComplementizer[k + 1];
  }
  ctx.index = { nextModal, nextSemicolon, nextComplementizer };
  return ctx.index;
}

const ACTOR_PRONOUN = 0;
const ACTOR_PLURAL = 1;
const ACTOR_SINGULAR = 2;
/** Actor text → how pronoun resolution reads it; bounded (cleared when full), results never depend on it. */
const actorKinds = new Map<string, number>();

/** Is the actor a pronoun (never a resolution target), a plural or a singular party? Decided once per spelling. */
function actorKind(actor: string): number {
  let kind = actorKinds.get(actor);
  if (kind === undefined) {
    kind = PRONOUNS.has(actor.toLowerCase()) ? ACTOR_PRONOUN : isPlural(actor) ? ACTOR_PLURAL : ACTOR_SINGULAR;
    if (actorKinds.size >= 4096) actorKinds.clear();
    actorKinds.set(actor, kind);
  }
  return kind;
}

/** Records an actor (of history or of an accepted cue) of kind `kind` (actorKind) for pronoun resolution. */
function noteActor(ctx: SentenceContext, actor: string, kind: number): void {
  if (kind === ACTOR_PLURAL) ctx.lastPlural = actor;
  else if (kind === ACTOR_SINGULAR) ctx.lastSingular = actor;
}

/**
 * A pronoun actor findCues resolves from the actors before it when it can ("he", "she", "they") and leaves as
 * written when it cannot: with a longer history before it (an earlier paragraph), it may resolve after all.
 */
export function isOpenPronoun(actor: string): boolean {
  const lower = actor.toLowerCase();
  return lower === 'he' || lower === 'she' || lower === 'they';
}

/** Pronouns reach back this many actor-bearing cues: further back, a guess is worse than no actor. */
export const ACTOR_HISTORY = 6;

/** Is there a complementizer (that, how, whether, if) among tokens [from, to)? O(1) on long runs (sentenceIndex). */
function hasComplementizer(ctx: SentenceContext, from: number, to: number): boolean {
  if (from >= to) return false;
  if (to - from < SHORT_SCAN) {
    for (let k = from; k < to; k++) if (COMPLEMENTIZERS.has(ctx.tokens[k].lower)) return true;
    return false;
  }
  return sentenceIndex(ctx).nextComplementizer[from] < to;
}

/**
 * Is the token at `k`, the first after a cue, preceded by a semicolon? A colon there introduces the cue's clause
 * and does not count.
 */
function semicolonRightAfterCue(ctx: SentenceContext, k: number): boolean {
  const t = ctx.tokens[k];
  return k > 0 && t.semicolonBefore && hasCodeUnit(ctx.text, ctx.tokens[k - 1].end, t.start, 59);
}

/** Is there a semicolon or colon before any of the tokens (from, to], or a semicolon before `from` (the first token after a cue)? */
function hasSemicolon(ctx: SentenceContext, from: number, to: number): boolean {
  if (from <= to && from < ctx.tokens.length && semicolonRightAfterCue(ctx, from)) return true;
  if (to - from < SHORT_SCAN) {
    for (let k = from + 1; k <= to; k++) if (ctx.tokens[k].semicolonBefore) return true;
    return false;
  }
  return sentenceIndex(ctx).nextSemicolon[from + 1] <= to;
}

/** Has the cue opened a clause (a complementizer after it) before token `to`? */
function clauseOpen(ctx: SentenceContext, prev: Accepted, to: number): boolean {
  return ctx.tokens[prev.endTok - 1].lower === 'that' || hasComplementizer(ctx, prev.endTok, to);
}

/**
 * Rule 1 scope: the plain reporting verb at `r` (after the cue `prev`) heads a clause of its own, outside the one
 * `prev` governs: no clause was open yet ("expressed his appreciation ... and stated that"), or the reporting verb is
 * coordinated with the governing verb ("reaffirmed that ... and said that": same verb form), or it has a subject of
 * its own after "and" ("reaffirmed that ..., and the President said that").
 */
function reportOutsideScope(ctx: SentenceContext, prev: Accepted, r: number): boolean {
  const { tokens } = ctx;
  if (!clauseOpen(ctx, prev, r)) return true;
  let j = r - 1;
  while (j >= prev.endTok && !tokens[j + 1].punctBefore && isAdverb(tokens[j].lower)) j--;
  if (j >= prev.endTok && !tokens[j + 1].punctBefore && (tokens[j].lower === 'and' || tokens[j].lower === 'but')) {
    return verbForm(tokens[r].lower) === verbForm(tokens[prev.startTok].lower);
  }
  const subject = findSubject(tokens, r);
  if (subject.kind !== 'np' || subject.start - 1 < prev.endTok) return false;
  const w = tokens[subject.start - 1].lower;
  return w === 'and' || w === 'but';
}

/** Rule 1: is a cue with this subject inside a clause governed by an earlier cue of the sentence? */
function isGoverned(ctx: SentenceContext, v: number, subject: Subject, modal: boolean): boolean {
  const prev = ctx.accepted[ctx.accepted.length - 1];
  if (!prev) return false;
  const { tokens } = ctx;
  if (hasSemicolon(ctx, prev.endTok, v)) return false;
  const lastCueWord = tokens[prev.endTok - 1].lower;
  if (subject.kind === 'np') {
    if (subject.start === prev.endTok) return true;
    // A plain reporting verb after the cue may open a clause of its own: "... and stated that Australia would".
    const r = reporterBefore(tokens, subject.start, prev.endTok);
    if (r >= 0 && reportOutsideScope(ctx, prev, r)) return false;
    const ci = subject.start - 1;
    const before = tokens[ci];
    if (before && COMPLEMENTIZERS.has(before.lower) && ci >= prev.endTok - (lastCueWord === 'that' ? 1 : 0)) {
      // "said that the leaders had agreed to meet and that Japan would host": a second "that" clause after "and"
      // belongs to the cue only when the cue opened a clause of its own; otherwise it is parallel to an earlier one.
      if (ci > prev.endTok && !before.punctBefore && tokens[ci - 1].lower === 'and' && !opensClause(tokens, prev, ci)) return false;
      return true;
    }
  }
  if (modal) return clauseOpen(ctx, prev, v);
  // A coordinated verb inside the governed clause inherits its status ("stressed that China will open its market and
  // welcomes more products"), unless it takes the governing verb's own form ("noted that trade had grown and welcomed
  // the fund": a second verb of the outer clause). A modal cue opens no clause of this kind.
  if (subject.kind !== 'coordinated' || MODALS.has(tokens[prev.startTok].lower) || !opensClause(tokens, prev, v)) return false;
  return verbForm(tokens[v].lower) !== verbForm(tokens[prev.startTok].lower);
}

/**
 * The cue itself opens a clause before `v`: it ends in "that" or a complementizer follows within a few words
 * ("stressed that", "expressed hope that", "noted with concern that"); a relative "that" further on ("issues that
 * affect our countries") does not make the cue's scope.
 */
function opensClause(tokens: Token[], prev: Accepted, v: number): boolean {
  if (tokens[prev.endTok - 1].lower === 'that') return true;
  for (let k = prev.endTok; k < v && k < prev.endTok + 3; k++) {
    if (k > prev.endTok && tokens[k].punctBefore) return false;
    if (COMPLEMENTIZERS.has(tokens[k].lower)) return true;
  }
  return false;
}

function resolveActor(ctx: SentenceContext, subject: Subject): string | undefined {
  const { tokens } = ctx;
  if (subject.kind === 'coordinated') return ctx.accepted[ctx.accepted.length - 1]?.cue.actor;
  if (subject.kind !== 'np') return undefined;
  const actor = actorText(ctx.text, tokens, subject);
  const lower = actor.toLowerCase();
  if (lower === 'it') return undefined; // "It was agreed that": a passive, its actor unnamed
  if (lower !== 'he' && lower !== 'she' && lower !== 'they') return actor;
  // "The Prime Minister said (that) he ...": the pronoun is the reporting verb's subject.
  let r = subject.start - 1;
  if (r >= 0 && tokens[r].lower === 'that') r--;
  if (r >= 0 && REPORTING_VERBS.has(tokens[r].lower)) {
    const reporter = findSubject(tokens, r);
    if (reporter.kind === 'np') {
      const name = actorText(ctx.text, tokens, reporter);
      if (!PRONOUNS.has(name.toLowerCase())) return name;
    }
  }
  // The most recent named actor of the right number: kept up to date as cues are accepted (noteActor), so a
  // long sentence of pronouns stays linear.
  return (lower === 'they' ? ctx.lastPlural : ctx.lastSingular) ?? actor;
}

/** "welcomed Prime Minister Starmer to the White House": a courtesy (rule 3), not a cue. */
function isWelcomeVisitor(tokens: Token[], end: number): boolean {
  let k = end;
  if (k < tokens.length && tokens[k].lower === 'the') k++;
  if (k >= tokens.length || !(tokens[k].capitalized || /^(him|her|them)$/.test(tokens[k].lower))) return false;
  for (let n = 0; k < tokens.length && n < 8; k++, n++) {
    const t = tokens[k];
    if (t.punctBefore && k > end) return false;
    if (t.lower === 'to' && k + 1 < tokens.length) {
      const next = tokens[k + 1];
      return next.capitalized || (next.lower === 'the' && k + 2 < tokens.length && tokens[k + 2].capitalized);
    }
    if (!t.capitalized && !/^(the|of|him|her|them|and)$/.test(t.lower)) return false;
  }
  return false;
}

/**
 * Rule 1 backwards: the modal at `k` sits in a clause closed by a postposed listed verb ("India will host the
 * summit, he announced, ..."; "We will stay the course, they reaffirmed."). That verb governs the clause, so the
 * modal is not a second cue. A plain reporting tag ("..., the statement said") is no cue and leaves the modal.
 * The tag is a pronoun or a short noun phrase, optional modifiers and one verb, closed by punctuation or the end.
 */
function postposedListedVerb(ctx: SentenceContext, k: number): boolean {
  const { tokens } = ctx;
  const n = tokens.length;
  let m = k + 1;
  while (m < n && m < k + SHORT_SCAN && !tokens[m].punctBefore) m++;
  if (m >= n || !tokens[m].punctBefore || tokens[m].semicolonBefore) return false;
  // The tag's subject: one pronoun, or up to four words of a noun phrase ("the Prime Minister", "the statement").
  let v = m;
  const w0 = tokens[m].lower;
  if (PRONOUNS.has(w0)) v = m + 1;
  else {
    while (v < n && v < m + 4 && !(v > m && tokens[v].punctBefore)) {
      const t = tokens[v];
      if (!(t.capitalized || isDeterminer(t.lower) || PARTY_NOUNS.has(t.lower))) break;
      v++;
    }
    if (v === m) return false;
  }
  while (v < n && !tokens[v].punctBefore && isAdverb(tokens[v].lower)) v++;
  if (v >= n || tokens[v].punctBefore) return false;
  // The tag ends at the verb, or after a short adjunct ("he announced on Tuesday", "she announced today").
  let e = v + 1;
  if (e < n && !tokens[e].punctBefore) {
    const w = tokens[e].lower;
    if (!(PREPOSITIONS.has(w) || w === 'today' || w === 'yesterday' || w === 'later' || w === 'earlier')) return false;
    while (e < n && e < v + 6 && !tokens[e].punctBefore) e++;
    if (e < n && !tokens[e].punctBefore) return false;
  }
  const verb = tokens[v].lower;
  if (MODALS.has(verb) || PURE_REPORTING.has(verb) || verbForm(verb) === 0) return false;
  const patterns = ctx.matcher.byFirstWord.get(verb);
  if (patterns === undefined) return false;
  // "..., we agreed": the will-clause would make a firm "agreed that + will", which a bare tag cannot carry; the
  // modal keeps the undertaking rather than leaving only a hedged "agreed".
  for (let q = 0; q < patterns.length; q++) if (patterns[q].source.pattern.includes('~will')) return false;
  return true;
}

/**
 * A one-word "-s" cue read as a plural noun: "pledges of support", "could turn pledges into delivery", "climate
 * pledges", "The leaders pledges" (a verb "pledges" needs a singular subject: "Japan pledges to").
 */
function isPluralNounReading(tokens: Token[], c: Candidate): boolean {
  const n = tokens.length;
  if (c.end < n && !tokens[c.end].punctBefore) {
    const next = tokens[c.end].lower;
    if (next === 'of' || next === 'into') return true;
  }
  const i = c.start;
  if (i === 0 || tokens[i].punctBefore) return false;
  const prev = tokens[i - 1];
  if (prev.capitalized) return false;
  const w = prev.lower;
  // A plural before it: a noun compound or an ungrammatical verb ("donors pledges", "the leaders pledges").
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s") && !NOT_PLURAL_S.has(w) && !isAdverb(w)) return true;
  // A bare verb after a modal or "to" takes it as object: "could turn pledges", "to make promises".
  if (i >= 2 && !tokens[i - 1].punctBefore && INFINITIVE_MARKERS.has(tokens[i - 2].lower) && !isAdverb(w) && !PRONOUNS.has(w) && w !== 'it' && verbForm(w) === 0) return true;
  return false;
}

/**
 * "the assistance it needs to defend itself", "the systems that they need to protect", "what we need to": the
 * pronoun's clause is a relative clause on the noun before it, whose gap is the object of "need"; "to ..." is a
 * purpose clause and no party states a need. `s` is the pronoun subject of "need(s)".
 */
function isGappedNeed(tokens: Token[], s: number): boolean {
  if (s === 0 || tokens[s].punctBefore) return false;
  let h = s - 1;
  if (tokens[h].lower === 'that' || tokens[h].lower === 'which') {
    if (h === 0 || tokens[h].punctBefore) return false;
    h--;
  }
  const head = tokens[h];
  if (head.capitalized) return false;
  const w = head.lower;
  if (GAP_HEADS.has(w)) return true;
  if (h === 0 || tokens[h].punctBefore || SUBJECT_STOPS.has(w) || COMPLEMENTIZERS.has(w) || PURE_REPORTING.has(w) || REPORTING_VERBS.has(w)) return false;
  if (isAdverb(w) || AUXILIARIES.has(w) || DO_AUX.has(w) || MODALS.has(w) || w === 'and' || w === 'or' || w === 'but' || w.endsWith('ed')) return false;
  // The word is the end of a noun phrase, not a verb ("we know we need to", "both sides recognise they need to"): a
  // determiner or an adjective before it ("the support", "humanitarian assistance"), or before one or two singular
  // modifiers of a head that cannot be a third-person verb ("the budget support", not "the minister knows").
  for (let k = h - 1, n = 0; k >= 0 && n < 3; k--, n++) {
    const t = tokens[k];
    if (tokens[k + 1].punctBefore || t.capitalized) return false;
    const d = t.lower;
    if (NOUN_CONTEXT.has(d) || isDeterminer(d)) return n === 0 || (verbForm(w) === 0 && !w.endsWith('s'));
    if (PRONOUNS.has(d) || PARTY_NOUNS.has(d) || SUBJECT_STOPS.has(d) || verbForm(d) !== 0) return false;
  }
  return false;
}

function tryCandidate(ctx: SentenceContext, c: Candidate): Accepted | undefined {
  const { tokens, text } = ctx;
  const p = c.pattern;
  const source = p.source;
  const firstWord = tokens[c.start].lower;
  if (c.needsWill && !clauseHasPartyWill(ctx, c.end)) return undefined;
  let start = c.start;
  let end = c.end;
  const prevTok = c.start > 0 && !tokens[c.start].punctBefore ? tokens[c.start - 1] : undefined;
  if (prevTok && (NOUN_CONTEXT.has(prevTok.lower) || prevTok.lower.endsWith("'s") || prevTok.lower.endsWith("s'"))) return undefined;
  if (!p.modal && c.end === c.start + 1 && p.first.get(firstWord) === false && verbForm(firstWord) === 2 && isPluralNounReading(tokens, c)) {
    return undefined;
  }
  // The word before the cue, skipping modifiers: "to"/a modal means the cue is that verb's infinitive.
  let b = c.start - 1;
  while (b >= 0 && !tokens[b + 1].punctBefore && isAdverb(tokens[b].lower)) b--;
  const before = b >= 0 && !tokens[b + 1].punctBefore ? tokens[b].lower : '';
  const isBase = p.first.get(firstWord) === true && !p.modal;
  const prev = ctx.accepted.length > 0 ? ctx.accepted[ctx.accepted.length - 1] : undefined;
  let negated = false;
  let subjectAt = c.start;
  if (isBase) {
    if (before === 'to' || MODALS.has(before)) return undefined;
    // "must uphold multilateralism and oppose unilateralism", "agreed to expand trade and welcome investors": a base
    // form after "and" is a second verb of the modal or infinitive before it. It is a cue of its own only beside a
    // base-form cue ("We reaffirm the alliance and welcome the fund", "We look forward to the summit and welcome ...");
    // a past or -s cue ("agreed", "is willing to") cannot take a base form as its partner.
    if (before === 'and' && prev !== undefined && !hasSemicolon(ctx, prev.endTok, c.start)) {
      const prevVerb = tokens[prev.startTok].lower;
      if (MODALS.has(prevVerb) || verbForm(prevVerb) !== 0) return undefined;
    }
    if (DO_AUX.has(before)) {
      start = b;
      subjectAt = b;
      negated = before.endsWith("n't") || tokens.slice(b + 1, c.start).some((t) => t.lower === 'not' || t.lower === 'never');
    }
  }
  if (!p.modal && (before === 'not' || before === 'never')) {
    // "has not decided to", "did not agree": the negation belongs to the cue.
    let a = b - 1;
    while (a >= 0 && isAdverb(tokens[a].lower) && !tokens[a + 1].punctBefore) a--;
    if (a >= 0 && (AUXILIARIES.has(tokens[a].lower) || DO_AUX.has(tokens[a].lower))) {
      start = a;
      subjectAt = a;
      negated = true;
    }
  }
  if (p.modal && end < tokens.length && (tokens[end].lower === 'not' || tokens[end].lower === 'never') && !tokens[end].punctBefore) {
    end++;
  }
  for (let k = start; k < end; k++) if (NEGATIONS.has(tokens[k].lower)) negated = true;

  let subject = findSubject(tokens, subjectAt);
  // The subject never reaches back into an accepted cue: in "and China hopes Spain will play" the subject of "will"
  // is "Spain", right after the cue "hopes" (so rule 1 governs it), not "China hopes Spain".
  if (prev !== undefined && subject.kind === 'np' && subject.start < prev.endTok) {
    subject = prev.endTok < subject.end ? { kind: 'np', start: prev.endTok, end: subject.end } : { kind: 'none', start: subjectAt, end: subjectAt };
  }
  const inherited = subject.kind === 'coordinated' ? prev : undefined;
  if (p.modal) {
    if (FUTURE_MODALS.has(firstWord) || STRICT_MODALS.has(firstWord)) {
      const party = subject.kind === 'coordinated' ? inherited !== undefined : isPartySubject(tokens, subject, STRICT_MODALS.has(firstWord));
      if (!party) return undefined;
    }
    if (isGoverned(ctx, subjectAt, subject, true)) return undefined;
    if (FUTURE_MODALS.has(firstWord) && postposedListedVerb(ctx, end - 1)) return undefined;
  } else {
    if (isBase) {
      const party = subject.kind === 'coordinated' ? inherited !== undefined : isPartySubject(tokens, subject, false);
      if (!party) return undefined;
    }
    if (isGoverned(ctx, subjectAt, subject, false)) return undefined;
    // "the assistance it needs to defend itself": a relative clause with a pronoun subject right before "need(s)".
    if ((firstWord === 'need' || firstWord === 'needs') && b >= 0 && b === subjectAt - 1 && before !== '') {
      if ((PRONOUNS.has(before) || before === 'it') && isGappedNeed(tokens, b)) return undefined;
    }
  }
  if (firstWord.startsWith('welcom') && isWelcomeVisitor(tokens, c.end)) return undefined;
  // Rule 3, third parties. Inside a plain report ("explained that the IAEA had confirmed", "said that experts had
  // endorsed") only a party's verb is a cue; "said that the United States would" stays.
  // A hedged modal or a statement of need ("said the goal should not be given up", "said more aid is needed", "said the
  // region needs to ...") is the reporter's own view, whatever its subject; a future modal needs a party anyway
  // (rule 4), so only a named third party is dropped there.
  const reportersView = p.modal ? !FUTURE_MODALS.has(firstWord) : AUXILIARIES.has(firstWord) || firstWord === 'need' || firstWord === 'needs';
  if (subject.kind === 'np' && !reportersView) {
    const r = reporterBefore(tokens, subject.start, prev !== undefined ? prev.endTok : 0);
    if (
      r >= 0 &&
      (p.modal ? namesThirdParty(tokens, subject.start, subject.end) : isThirdParty(tokens, subject.start, subject.end)) &&
      !reporterIsThirdParty(tokens, r, prev)
    ) {
      return undefined;
    }
  } else if (subject.kind === 'none' && !p.modal) {
    // A relative pronoun as subject ("the UN envoy, who called for"): the antecedent decides.
    let w = subjectAt - 1;
    while (w >= 0 && !tokens[w + 1].punctBefore && (isAdverb(tokens[w].lower) || AUXILIARIES.has(tokens[w].lower) || DO_AUX.has(tokens[w].lower))) w--;
    if (w > 0 && !tokens[w + 1].punctBefore && RELATIVES.has(tokens[w].lower) && (prev === undefined || w >= prev.endTok) && antecedentIsThirdParty(tokens, w)) {
      return undefined;
    }
  }

  let rule = 'governing verb';
  if (c.needsWill) rule = 'agreed that + will action';
  else if (p.modal && FUTURE_MODALS.has(firstWord)) {
    if (ctx.firstReporting === undefined) {
      let k = 0;
      while (k < tokens.length && !REPORTING_VERBS.has(tokens[k].lower)) k++;
      ctx.firstReporting = k;
    }
    const reported = ctx.firstReporting < start;
    rule = reported ? 'reported will/would + action by a party' : 'will + action by a party';
  } else if (subject.kind === 'coordinated') rule = 'coordinated verb';
  if (negated) rule += ', negated';

  const cueStart = tokens[start].start;
  const cueEnd = tokens[end - 1].end;
  const strength: Strength = source.strength;
  const cueText = text.slice(cueStart, cueEnd);
  const governingVerb = tokens[c.start].lower;
  const actor = resolveActor(ctx, subject);
  // Built whole, with or without its actor (last, as before): adding the property afterwards cost an object
  // shape change and a property store per cue.
  const cue: Cue =
    actor === undefined
      ? { start: cueStart, end: cueEnd, text: cueText, strength, negated, sentence: ctx.sentence, patternId: source.id, governingVerb, rule }
      : { start: cueStart, end: cueEnd, text: cueText, strength, negated, sentence: ctx.sentence, patternId: source.id, governingVerb, rule, actor };
  return { cue, startTok: c.start, endTok: end, actorKind: ACTOR_PRONOUN };
}

/** Per matcher: the patterns a spelling can start, by interned id (null for none: most words). */
const firstsById = new WeakMap<CueMatcher, PerId<readonly CompiledPattern[] | null>>();

function firstsByIdOf(matcher: CueMatcher): PerId<readonly CompiledPattern[] | null> {
  let firsts = firstsById.get(matcher);
  if (firsts === undefined) {
    firsts = new PerId<readonly CompiledPattern[] | null>((_, id) => matcher.byFirstWord.get(formsById.get(id).lower) ?? null);
    firstsById.set(matcher, firsts);
  }
  return firsts;
}

/**
 * Finds cues sentence by sentence, in order, carrying the actors of earlier cues for pronouns: findCues drives
 * it, and analyze() feeds it from its single pass over the sentences with the shared scan of each.
 */
export class CueFinder {
  readonly cues: Cue[] = [];
  /** The actors of the last ACTOR_HISTORY actor-bearing cues, a ring: `count` of them from `oldest` on. */
  private readonly recent: string[] = new Array<string>(ACTOR_HISTORY).fill('');
  /** actorKind of each of `recent`. */
  private readonly recentKinds = new Int32Array(ACTOR_HISTORY);
  private oldest = 0;
  private count = 0;
  private readonly firsts: PerId<readonly CompiledPattern[] | null>;
  private own: SpanScan | undefined;

  /** `history`: the actors of the cues before the text, most recent last (the last ACTOR_HISTORY count). */
  constructor(
    private readonly text: string,
    private readonly matcher: CueMatcher,
    history: readonly string[] = [],
  ) {
    for (const actor of history.slice(-ACTOR_HISTORY)) this.remember(actor, actorKind(actor));
    this.firsts = firstsByIdOf(matcher);
  }

  /** The cues of the next sentence. `atoms`, when given, is the shared scan of the sentence's span. */
  sentence(sentence: Sentence, atoms?: SpanScan): void {
    const { text, matcher, recent, firsts } = this;
    if (atoms === undefined && sentence.start >= 0 && sentence.start <= sentence.end && sentence.end <= text.length) {
      atoms = this.own ??= new SpanScan();
      scanSpan(text, sentence.start, sentence.end, atoms);
    }
    let tokens: Token[];
    if (atoms !== undefined && atoms.simple) {
      firsts.sync(atoms.generation);
      const found = tokensFromAtoms(text, atoms, firsts);
      if (found === null) return;
      tokens = found;
    } else {
      tokens = tokenize(text, sentence.start, sentence.end);
      startCount = 0;
      for (let k = 0; k < tokens.length; k++) {
        const patterns = matcher.byFirstWord.get(tokens[k].lower);
        if (patterns !== undefined) noteStart(k, patterns);
      }
    }
    // No word of the sentence starts a pattern: no cue, and the history stays as it is.
    if (startCount === 0) return;
    // Every field set here, so the context keeps one shape (no property added later).
    const ctx: SentenceContext = {
      text,
      tokens,
      matcher,
      sentence: sentence.index,
      accepted: [],
      index: undefined,
      firstReporting: undefined,
      lastPlural: undefined,
      lastSingular: undefined,
    };
    const { recentKinds } = this;
    for (let k = 0; k < this.count; k++) {
      const r = (this.oldest + k) % ACTOR_HISTORY;
      noteActor(ctx, recent[r], recentKinds[r]);
    }
    // The next token a cue may start at (after the last accepted cue).
    let next = 0;
    for (let q = 0; q < startCount; q++) {
      const i = starts[q];
      if (i < next) continue;
      let taken: Accepted | undefined;
      const count = candidatesAt(tokens, i, startPatterns[q]);
      for (let c = 0; c < count && taken === undefined; c++) taken = tryCandidate(ctx, candidates[c]);
      if (taken) {
        ctx.accepted.push(taken);
        const actor = taken.cue.actor;
        const kind = actor === undefined ? ACTOR_PRONOUN : actorKind(actor);
        taken.actorKind = kind;
        if (actor !== undefined) noteActor(ctx, actor, kind);
        this.cues.push(taken.cue);
        next = Math.max(taken.endTok, i + 1);
      }
    }
    for (let k = 0; k < ctx.accepted.length; k++) {
      const actor = ctx.accepted[k].cue.actor;
      if (actor !== undefined) this.remember(actor, ctx.accepted[k].actorKind);
    }
  }

  /** Adds an actor to the history; the oldest goes when ACTOR_HISTORY are held. */
  private remember(actor: string, kind: number): void {
    let r: number;
    if (this.count < ACTOR_HISTORY) {
      r = (this.oldest + this.count) % ACTOR_HISTORY;
      this.count++;
    } else {
      r = this.oldest;
      this.oldest = (this.oldest + 1) % ACTOR_HISTORY;
    }
    this.recent[r] = actor;
    this.recentKinds[r] = kind;
  }
}

/**
 * Finds the cues of every sentence. Cues never overlap and come sorted by start; the result is deterministic.
 * `history` holds the actors of the cues before the text, most recent last (the last ACTOR_HISTORY count), for
 * resolving pronouns in its first sentences; it is not modified.
 */
export function findCues(text: string, readout: ParsedReadout, matcher: CueMatcher, history: readonly string[] = []): Cue[] {
  const finder = new CueFinder(text, matcher, history);
  for (const sentence of readout.sentences) finder.sentence(sentence);
  return finder.cues;
}
