// The cue pattern language (documented at the top of lexicons/commitments.yaml): parses a pattern into the
// elements the matcher steps through, and checks a pattern for the lexicon loader.

/**
 * A pattern element. Every kind has every field (the ones it does not use empty) and is made by `element`, so all
 * elements share one object shape and the matcher's reads of them stay monomorphic.
 */
export interface Element {
  kind: 'word' | 'alt' | 'opt' | 'slot' | 'end' | 'will';
  /** word: form -> how the entry names it (FORM_LISTED, FORM_BASE or FORM_PARTICIPLE). */
  forms: Map<string, number>;
  /** alt: the options. */
  options: Element[][];
  /** alt, when each option is one word: form -> its options (ascending); else null. */
  byWord: Map<string, number[]> | null;
  /** opt: the optional part. */
  seq: Element[];
  slot: 'adv' | 'det' | 'adjs' | 'np' | '';
}

/** A form written in the pattern (a literal word, or an inflection's ending other than the first). */
export const FORM_LISTED = 0;
/** The first ending of an inflection: the base form ("agree" in agree{,s,d}). */
export const FORM_BASE = 1;
/**
 * The "-ing" participle an inflection implies when it lists none ("noting" from note{,s,d}): one entry covers its
 * verb in every form, and the participle is a cue only in a participial position (policy C3.a).
 */
export const FORM_PARTICIPLE = 2;

const NO_FORMS: Map<string, number> = new Map();

const VOWELS = 'aeiou';

/**
 * The "-ing" form of a verb from its base and the inflection's other forms: "note" → "noting", "agree" →
 * "agreeing", "commit" (past "committed") → "committing", "stress" → "stressing", "pay" → "paying".
 */
export function participleOf(base: string, forms: readonly string[]): string {
  if (base.endsWith('ie')) return `${base.slice(0, -2)}ying`;
  if (base.endsWith('e') && !base.endsWith('ee') && base.length > 2) return `${base.slice(0, -1)}ing`;
  const last = base[base.length - 1];
  if (base.length > 2 && !VOWELS.includes(last) && forms.includes(`${base}${last}ed`)) return `${base}${last}ing`;
  return `${base}ing`;
}

export function element(kind: Element['kind'], parts: Partial<Element>): Element {
  return { kind, forms: parts.forms ?? NO_FORMS, options: parts.options ?? [], byWord: parts.byWord ?? null, seq: parts.seq ?? [], slot: parts.slot ?? '' };
}

export class PatternError extends Error {}

/**
 * Limits on one pattern, far above any real one (lexicons/commitments.yaml: nesting 2, 328 characters, 36 elements)
 * and low enough that the parser, the compiler and the matcher, which recurse once per level of ( ) and [ ], stay
 * well inside any stack (the main thread's, the smaller one of a worker): a pattern over a limit is a lexicon
 * error of its own and the rest of the lexicon loads. Elements count every word, slot, marker, ( ) and [ ].
 */
export const PATTERN_LIMITS = { depth: 16, length: 5000, elements: 1000 } as const;

const SLOTS = new Set(['adv', 'det', 'adjs', 'np']);
const CONDITIONS = new Set(['will']);

/** Lower case, with the typographic apostrophe read as the plain one. */
export function normalizeWord(w: string): string {
  const lower = w.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

function isPatternWordChar(ch: string): boolean {
  return /[A-Za-z0-9'\u2019.\-\u00C0-\u024F]/.test(ch);
}

export class PatternParser {
  private pos = 0;
  /** Levels of ( ) and [ ] open at `pos`. */
  private depth = 0;
  private elements = 0;
  constructor(private readonly src: string) {}

  parse(): Element[] {
    if (this.src.length > PATTERN_LIMITS.length) {
      throw new PatternError(`${this.src.length} characters, over the limit of ${PATTERN_LIMITS.length} characters per pattern`);
    }
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
      if (++this.elements > PATTERN_LIMITS.elements) {
        throw new PatternError(`more than ${PATTERN_LIMITS.elements} elements (words, slots, ( ) and [ ]), the limit per pattern, at column ${this.pos + 1}`);
      }
      if (ch === '[' || ch === '(') this.open();
      if (ch === '[') {
        this.pos++;
        const inner = this.seq(']');
        this.expect(']');
        this.depth--;
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
        this.depth--;
        const single = options.every((o) => o.length === 1 && o[0].kind === 'word');
        out.push(element('alt', { options, byWord: single ? optionsByWord(options) : null }));
      } else if (ch === '<') {
        const close = this.src.indexOf('>', this.pos);
        if (close < 0) throw new PatternError('missing ">" after "<"');
        const name = this.src.slice(this.pos + 1, close).trim();
        if (!SLOTS.has(name)) throw new PatternError(`unknown slot <${name}>; use <adv>, <det>, <adjs> or <np>`);
        out.push(element('slot', { slot: name as 'adv' | 'det' | 'adjs' | 'np' }));
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

  /** Enters a ( ) or [ ] at `pos`, within the nesting limit. */
  private open(): void {
    if (++this.depth > PATTERN_LIMITS.depth) {
      throw new PatternError(`( ) and [ ] nested more than ${PATTERN_LIMITS.depth} levels deep, the limit, at column ${this.pos + 1}`);
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
    const forms = new Map<string, number>();
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
        if (form.length > 0 && !forms.has(form)) forms.set(form, i === 0 ? FORM_BASE : FORM_LISTED);
      });
      const listed = [...forms.keys()];
      const base = stem + normalizeWord(endings[0]);
      if (/^[a-z]+$/.test(base) && !listed.some((f) => f.endsWith('ing'))) {
        const participle = participleOf(base, listed);
        if (!forms.has(participle)) forms.set(participle, FORM_PARTICIPLE);
      }
      this.pos = close + 1;
      if (this.pos < this.src.length && isPatternWordChar(this.src[this.pos])) {
        throw new PatternError('an inflection { } must end the word');
      }
    } else {
      forms.set(stem, FORM_LISTED);
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
