// Compiles the cue patterns once per lexicon: parsed, indexed by their possible first words, with the test on
// the token after the first word that most tries fail at.
import type { CuePattern, LexiconOrigin } from '../types';
import { FORM_BASE, FORM_LISTED, FORM_PARTICIPLE, PatternParser, type Element } from './pattern';
import type { CueWords } from './words';

export interface CompiledPattern {
  order: number;
  source: CuePattern;
  seq: Element[];
  /** First-word forms: FORM_BASE, FORM_LISTED or FORM_PARTICIPLE (pattern.ts); base wins, then listed. */
  first: Map<string, number>;
  modal: boolean;
  /** The pattern holds the ~will condition (a firm "agreed that + will action"). */
  willCondition: boolean;
  /** What the token after the first word must be for the pattern to match (null: no test). */
  second: NextToken | null;
}

/**
 * The tokens a pattern's elements can start with: these words, any adverb, any determiner or any word at all
 * (<np>). `empty`: the elements can also match no token.
 */
export interface NextToken {
  words: Set<string>;
  adverb: boolean;
  determiner: boolean;
  /** A word of the series-adjectives class (<adjs>). */
  series: boolean;
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
        else if (el.slot === 'adjs') into.series = true;
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
  const next = nextTokenOf(seq, 1, { words: new Set(), adverb: false, determiner: false, series: false, any: false, empty: false });
  return next.empty ? null : next;
}

/** All cue patterns compiled once and indexed by their possible first words. */
export interface CueMatcher {
  readonly byFirstWord: ReadonlyMap<string, readonly CompiledPattern[]>;
  /**
   * Patterns that failed to compile, with where they were read (the lexicon loader checks every pattern with
   * the same parser and reports it there, positioned; this catches what reaches the compiler anyway).
   */
  readonly rejected: readonly { id: string; message: string; origin?: LexiconOrigin }[];
  /** The word classes the policy rules read. */
  readonly words: CueWords;
}

function firstForms(el: Element, into: Map<string, number>): void {
  if (el.kind === 'word') {
    for (const [f, b] of el.forms) {
      const had = into.get(f);
      into.set(f, had === undefined ? b : had === FORM_BASE || b === FORM_BASE ? FORM_BASE : had === FORM_LISTED || b === FORM_LISTED ? FORM_LISTED : FORM_PARTICIPLE);
    }
  }
  else if (el.kind === 'alt') for (const o of el.options) firstForms(o[0], into);
}

function hasWillCondition(seq: Element[]): boolean {
  return seq.some((el) => el.kind === 'will' || (el.kind === 'opt' && hasWillCondition(el.seq)) || (el.kind === 'alt' && el.options.some(hasWillCondition)));
}

/**
 * Compiles every pattern; never throws. A pattern that does not compile (over a limit of PATTERN_LIMITS, or any
 * other fault) is skipped and listed in `rejected` with the place it was read from; the others still compile.
 */
export function compileCuePatterns(patterns: CuePattern[], words: CueWords): CueMatcher {
  const byFirstWord = new Map<string, CompiledPattern[]>();
  const rejected: CueMatcher['rejected'][number][] = [];
  patterns.forEach((source, order) => {
    let compiled: CompiledPattern;
    try {
      const seq = new PatternParser(source.pattern).parse();
      const first = new Map<string, number>();
      firstForms(seq[0], first);
      const modal = [...first.keys()].every((f) => words.modals.has(f));
      compiled = { order, source, seq, first, modal, willCondition: hasWillCondition(seq), second: secondTokenOf(seq) };
    } catch (err) {
      rejected.push({ id: source.id, message: err instanceof Error ? err.message : String(err), origin: source.origin });
      return;
    }
    for (const form of compiled.first.keys()) {
      const list = byFirstWord.get(form);
      if (list) list.push(compiled);
      else byFirstWord.set(form, [compiled]);
    }
  });
  return { byFirstWord, rejected, words };
}
