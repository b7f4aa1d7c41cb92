// Matches compiled patterns at a token: every try runs in buffers the matcher owns (allocated once per finder and
// reused), so trying a pattern allocates nothing. step and run recurse once per level of ( ) and [ ], which the
// parser bounds (PATTERN_LIMITS in pattern.ts), so no pattern can exhaust the stack.
import type { CompiledPattern, NextToken } from './compile';
import type { Element } from './pattern';
import type { Token } from './tokens';
import { isAdverb, isDeterminer, type CueWords } from './words';

export interface Candidate {
  pattern: CompiledPattern;
  start: number;
  /** Token index after the cue span. */
  end: number;
  context: number;
  needsWill: boolean;
}

/** Can the token after `i` continue a match of the pattern (see secondTokenOf in compile.ts)? */
function secondTokenFits(W: CueWords, second: NextToken, tokens: Token[], i: number): boolean {
  const k = i + 1;
  if (k >= tokens.length || tokens[k].punctBefore) return false;
  const w = tokens[k].lower;
  if (second.any || second.words.has(w) || (second.adverb && isAdverb(W, w)) || (second.series && W.seriesAdjectives.has(w))) return true;
  // A det slot also opens on a possessive name of several words ("conveyed President Biden’s strong support").
  return second.determiner && (isDeterminer(W, w) || beforePossessive(tokens, k));
}

/**
 * A determiner may be a plural possessive name ("expressed the United States’ strong support", policy Span.a): the
 * token at `p` follows a capitalised "-s" word and only its apostrophe and a space (the tokens leave the apostrophe
 * out as punctuation), so a pattern's word or slot continues there. Two characters may also be a comma and a space
 * ("President Biden and Prime Minister Kishida, support …"), which is no apostrophe: the token's comma flag tells.
 */
function afterPluralPossessive(tokens: Token[], p: number): boolean {
  const prev = tokens[p - 1];
  return prev.capitalized && prev.lower.endsWith('s') && tokens[p].start - prev.end === 2 && !tokens[p].semicolonBefore && !tokens[p].commaBefore;
}

/** The words of a possessive name before its last ("United" of "the United States’"). */
const MAX_NAME_WORDS = 3;

/** The capitalised token at `p` starts a name of up to three words that ends in a possessive ("United States’", "Republic of Korea's"). */
function beforePossessive(tokens: Token[], p: number): boolean {
  if (!tokens[p].capitalized) return false;
  for (let q = p; q < tokens.length && q < p + 3; q++) {
    if (q > p && tokens[q].punctBefore) return false;
    const w = tokens[q].lower;
    if (w.endsWith("'s") || w.endsWith("s'")) return true;
    if (q + 1 < tokens.length && tokens[q + 1].punctBefore) return afterPluralPossessive(tokens, q + 1);
    if (!tokens[q].capitalized) return false;
  }
  return false;
}

/**
 * The matching work allowed per sentence (patterns tried, match states made, candidates found):
 * CUE_WORK_PER_SENTENCE plus CUE_WORK_PER_TOKEN per token, so the cost stays linear in the text however many
 * patterns share its words. Over the 1,241 sample readouts (13,461 sentences) the most any sentence needs is 66
 * steps and the most per token 3.25 (a sentence of 8 tokens, 26 steps); both figures here are over 50 times that.
 * Only a lexicon of many patterns sharing first words (thousands of "agreed ..." patterns) reaches the budget;
 * the sentence's remaining pattern tries are then skipped and reported, instead of taking seconds.
 */
export const CUE_WORK_PER_SENTENCE = 4_000;
export const CUE_WORK_PER_TOKEN = 200;

/** Above this many candidates at one position the insertion sort gives way to a library sort. */
const SORT_IN_PLACE = 32;

/** The most adjectives an <adjs> series holds ("frank, candid, substantive and constructive" is four). */
const SERIES_MAX = 5;

function candidateOrder(a: Candidate, b: Candidate): number {
  return b.end - a.end || b.context - a.context || a.pattern.order - b.pattern.order;
}

/**
 * A match state is (token position, end of the cue span or -1, 1 when "~will" was seen). State lists live in
 * one reused Int32Array as runs of triples: a list is an offset and a count, new lists are appended, and the
 * buffer is reset before each pattern is tried (matchAt). Lists keep the order the states were produced in, and
 * each step keeps at most the first 64 (bounded work, whatever the pattern).
 */
export class PatternMatcher {
  private states = new Int32Array(3 * 1024);
  private top = 0;
  /** Number of states of the list the last step, run or matchAt returned (the return value is its offset). */
  private listCount = 0;
  /** The (offset, count) results of the options of the alternatives being stepped. */
  private altStack = new Int32Array(64);
  private altTop = 0;
  /** Scratch for one-word alternatives in step: (option, state) pairs. */
  private pairs = new Int32Array(128);
  /**
   * The candidates at one position, in `candidates[0, count)`: reused objects, valid until the next call of
   * candidatesAt (the sentence loop tries them before it asks for the next position's).
   */
  readonly candidates: Candidate[] = [];
  /** Work done on the current sentence (see candidatesAt); set to 0 by the caller for each sentence. */
  work = 0;
  /** Pattern tries skipped on the current sentence because `work` passed `budget`. */
  untried = 0;
  /** The work allowed on the current sentence (set by the caller with `work`). */
  budget = CUE_WORK_PER_SENTENCE;

  constructor(private readonly words: CueWords) {}

  private pushState(pos: number, spanEnd: number, will: number): void {
    if (this.top + 3 > this.states.length) {
      const bigger = new Int32Array(this.states.length * 2);
      bigger.set(this.states);
      this.states = bigger;
    }
    this.states[this.top] = pos;
    this.states[this.top + 1] = spanEnd;
    this.states[this.top + 2] = will;
    this.top += 3;
  }

  /** Appends a copy of the list (off, n). */
  private copyList(off: number, n: number): void {
    for (let k = 0; k < n; k++) this.pushState(this.states[off + 3 * k], this.states[off + 3 * k + 1], this.states[off + 3 * k + 2]);
  }

  /**
   * <adjs>: up to SERIES_MAX words of the series-adjectives class, the ones after the first also after a comma or an
   * "and" ("candid, substantive and constructive"); a semicolon or colon ends the series. Pushes the states after
   * each complete word (and the state before the series: it may be empty).
   */
  private stepSeries(off: number, n: number, tokens: Token[], from: number): void {
    const W = this.words;
    for (let q = 0; q < n; q++) {
      const pos = this.states[off + 3 * q];
      const spanEnd = this.states[off + 3 * q + 1];
      const will = this.states[off + 3 * q + 2];
      this.pushState(pos, spanEnd, will);
      for (let p = pos, count = 0; p < tokens.length && count < SERIES_MAX; p++) {
        const t = tokens[p];
        if (p !== from && t.punctBefore && (p === pos || t.semicolonBefore)) break;
        if (t.lower === 'and' && p > pos) continue;
        if (!W.seriesAdjectives.has(t.lower)) break;
        count++;
        this.pushState(p + 1, spanEnd, will);
      }
    }
  }

  /** The states after element `el` from the list (off, n): the new list's offset; its count in listCount. */
  private step(el: Element, off: number, n: number, tokens: Token[], from: number): number {
    const out = this.top;
    switch (el.kind) {
      case 'word':
        for (let k = 0; k < n; k++) {
          const pos = this.states[off + 3 * k];
          if (pos < tokens.length && (pos === from || !tokens[pos].punctBefore || afterPluralPossessive(tokens, pos)) && el.forms.has(tokens[pos].lower)) {
            this.pushState(pos + 1, this.states[off + 3 * k + 1], this.states[off + 3 * k + 2]);
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
            const pos = this.states[off + 3 * k];
            if (pos >= tokens.length || !(pos === from || !tokens[pos].punctBefore || afterPluralPossessive(tokens, pos))) continue;
            const matched = byWord.get(tokens[pos].lower);
            if (matched === undefined) continue;
            for (let j = 0; j < matched.length; j++) {
              if (2 * m + 2 > this.pairs.length) {
                const bigger = new Int32Array(this.pairs.length * 2);
                bigger.set(this.pairs);
                this.pairs = bigger;
              }
              this.pairs[2 * m] = matched[j];
              this.pairs[2 * m + 1] = k;
              m++;
            }
          }
          for (let j = 1; j < m; j++) {
            const o = this.pairs[2 * j];
            const k = this.pairs[2 * j + 1];
            let h = j - 1;
            while (h >= 0 && this.pairs[2 * h] > o) {
              this.pairs[2 * h + 2] = this.pairs[2 * h];
              this.pairs[2 * h + 3] = this.pairs[2 * h + 1];
              h--;
            }
            this.pairs[2 * h + 2] = o;
            this.pairs[2 * h + 3] = k;
          }
          for (let j = 0; j < m; j++) {
            const k = this.pairs[2 * j + 1];
            this.pushState(this.states[off + 3 * k] + 1, this.states[off + 3 * k + 1], this.states[off + 3 * k + 2]);
          }
          break;
        }
        // Each option's result list, (offset, count) pairs on a stack (alternatives nest), then joined in order.
        const base = this.altTop;
        for (let o = 0; o < el.options.length; o++) {
          const result = this.run(el.options[o], off, n, tokens, from);
          if (this.altTop + 2 > this.altStack.length) {
            const bigger = new Int32Array(this.altStack.length * 2);
            bigger.set(this.altStack);
            this.altStack = bigger;
          }
          this.altStack[this.altTop++] = result;
          this.altStack[this.altTop++] = this.listCount;
        }
        const joined = this.top;
        for (let r = base; r < this.altTop; r += 2) this.copyList(this.altStack[r], this.altStack[r + 1]);
        this.altTop = base;
        this.listCount = (this.top - joined) / 3;
        return joined;
      }
      case 'opt': {
        const inner = this.run(el.seq, off, n, tokens, from);
        const innerCount = this.listCount;
        const joined = this.top;
        this.copyList(off, n);
        this.copyList(inner, innerCount);
        this.listCount = (this.top - joined) / 3;
        return joined;
      }
      case 'slot': {
        if (el.slot === 'adjs') {
          this.stepSeries(off, n, tokens, from);
          break;
        }
        const max = el.slot === 'np' ? 5 : 3;
        for (let q = 0; q < n; q++) {
          const pos = this.states[off + 3 * q];
          const spanEnd = this.states[off + 3 * q + 1];
          const will = this.states[off + 3 * q + 2];
          if (el.slot !== 'np') this.pushState(pos, spanEnd, will);
          // A possessive name in a det slot counts as one determiner, whatever its length ("the United States’").
          let names = 0;
          for (let k = 1; k <= max + names; k++) {
            const p = pos + k - 1;
            if (p >= tokens.length || !(p === from || !tokens[p].punctBefore || (el.slot === 'det' && p > pos && afterPluralPossessive(tokens, p)))) break;
            const w = tokens[p].lower;
            if (el.slot === 'adv' && !isAdverb(this.words, w)) break;
            if (el.slot === 'det' && !isDeterminer(this.words, w)) {
              if (names >= MAX_NAME_WORDS || !beforePossessive(tokens, p)) break;
              names++;
              // The name's last word ends the determiner; the word after its apostrophe continues the pattern.
              if (p + 1 < tokens.length && tokens[p + 1].punctBefore && afterPluralPossessive(tokens, p + 1)) this.pushState(p + 1, spanEnd, will);
              continue;
            }
            this.pushState(p + 1, spanEnd, will);
          }
        }
        break;
      }
      case 'end':
        for (let k = 0; k < n; k++) {
          const pos = this.states[off + 3 * k];
          const spanEnd = this.states[off + 3 * k + 1];
          this.pushState(pos, spanEnd < 0 ? pos : spanEnd, this.states[off + 3 * k + 2]);
        }
        break;
      case 'will':
        for (let k = 0; k < n; k++) this.pushState(this.states[off + 3 * k], this.states[off + 3 * k + 1], 1);
        break;
    }
    this.listCount = (this.top - out) / 3;
    return out;
  }

  /** The states after the elements seq[first...] from the list (off, n): offset returned, count in listCount. */
  private run(seq: Element[], off: number, n: number, tokens: Token[], from: number, first = 0): number {
    for (let e = first; e < seq.length; e++) {
      if (n === 0) break;
      off = this.step(seq[e], off, n, tokens, from);
      n = Math.min(this.listCount, 64); // bounded work per position, whatever the pattern
    }
    this.listCount = n;
    return off;
  }

  /**
   * Tries a whole pattern at token `i`: the offset of its final states, their count in listCount. The leading
   * words are matched without touching the state buffer (one state, one word at a time): most tries end there.
   */
  private matchAt(seq: Element[], tokens: Token[], i: number): number {
    this.top = 0;
    this.altTop = 0;
    let pos = i;
    let e = 0;
    for (; e < seq.length; e++) {
      const el = seq[e];
      if (el.kind !== 'word') break;
      if (pos >= tokens.length || (pos !== i && tokens[pos].punctBefore) || !el.forms.has(tokens[pos].lower)) {
        this.listCount = 0;
        return 0;
      }
      pos++;
    }
    this.pushState(pos, -1, 0);
    this.listCount = 1;
    return e === seq.length ? 0 : this.run(seq, 0, 1, tokens, i, e);
  }

  /**
   * Fills `candidates` with the matches of `patterns` at token `i`, best first; returns how many. Each pattern
   * tried, match state made and candidate found adds to `work`; once it passes `budget`, the patterns left are
   * not tried and are counted in `untried` (the caller resets all three per sentence).
   */
  candidatesAt(tokens: Token[], i: number, patterns: readonly CompiledPattern[]): number {
    let count = 0;
    let work = this.work;
    const budget = this.budget;
    for (let q = 0; q < patterns.length; q++) {
      if (work > budget) {
        this.untried += patterns.length - q;
        break;
      }
      const p = patterns[q];
      work++;
      if (p.second !== null && !secondTokenFits(this.words, p.second, tokens, i)) continue;
      const off = this.matchAt(p.seq, tokens, i);
      // matchAt starts its states at 0: `top` is what this try made.
      work += (this.top / 3) | 0;
      for (let k = 0; k < this.listCount; k++) {
        const pos = this.states[off + 3 * k];
        const spanEnd = this.states[off + 3 * k + 1];
        const will = this.states[off + 3 * k + 2] === 1;
        const end = spanEnd >= 0 ? spanEnd : pos;
        if (end <= i) continue;
        let c = this.candidates[count];
        if (c === undefined) {
          c = { pattern: p, start: i, end, context: 0, needsWill: will };
          this.candidates[count] = c;
        }
        c.pattern = p;
        c.start = i;
        c.end = end;
        c.context = pos - end + (will ? 1 : 0);
        c.needsWill = will;
        count++;
      }
    }
    this.work = work + count;
    if (count > SORT_IN_PLACE) {
      // Many patterns matched here (a user lexicon): a stable library sort gives the same order without the
      // insertion sort's quadratic cost.
      const sorted = this.candidates.slice(0, count).sort(candidateOrder);
      for (let j = 0; j < count; j++) this.candidates[j] = sorted[j];
      return count;
    }
    // A stable insertion sort (there are a handful): the same order as Array.prototype.sort, which is stable.
    for (let j = 1; j < count; j++) {
      const x = this.candidates[j];
      let k = j - 1;
      while (k >= 0 && candidateOrder(this.candidates[k], x) > 0) {
        this.candidates[k + 1] = this.candidates[k];
        k--;
      }
      this.candidates[k + 1] = x;
    }
    return count;
  }
}
