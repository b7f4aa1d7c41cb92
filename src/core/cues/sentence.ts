// What the rules read of the sentence being searched: its tokens, the cues accepted so far, and lazy per-sentence
// indices that keep the scans for modals, semicolons and complementizers linear on long sentences.
import type { Cue } from '../types';
import { hasCodeUnit } from '../text/scan';
import type { CueMatcher } from './compile';
import type { Token } from './tokens';
import type { CueWords } from './words';

export interface Accepted {
  cue: Cue;
  startTok: number;
  endTok: number;
  /** actorKind of the cue's actor (ACTOR_PRONOUN when it has none), set when the cue is accepted. */
  actorKind: number;
  /** FINITE, PARTICIPLE or PURPOSE (policy/c3NonFinite.ts): how the cue's verb is written. */
  nonFinite: number;
  /** The token of the verb of the meeting a non-finite cue depends on ("met" in "met to discuss"); -1 when none. */
  governor: number;
}

export interface SentenceContext {
  text: string;
  tokens: Token[];
  /** The lexicon: whether a word starts a cue pattern (a postposed listed verb, policy C1 backwards). */
  matcher: CueMatcher;
  /** The word classes the rules read (the matcher's). */
  words: CueWords;
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
export const SHORT_SCAN = 48;

/** Per token: the index of the next future modal, token after a semicolon and complementizer (n when none). */
export interface SentenceIndex {
  nextModal: Int32Array;
  nextSemicolon: Int32Array;
  nextComplementizer: Int32Array;
}

/**
 * Built once per sentence, so the scans "is there a modal / semicolon / complementizer between here and
 * there" cost O(1) and a long sentence of "agreed that ..." stays linear rather than quadratic.
 */
export function sentenceIndex(ctx: SentenceContext): SentenceIndex {
  const W = ctx.words;
  if (ctx.index) return ctx.index;
  const { tokens } = ctx;
  const n = tokens.length;
  const nextModal = new Int32Array(n + 1).fill(n);
  const nextSemicolon = new Int32Array(n + 1).fill(n);
  const nextComplementizer = new Int32Array(n + 1).fill(n);
  for (let k = n - 1; k >= 0; k--) {
    const w = tokens[k].lower;
    nextModal[k] = W.futureModals.has(w) ? k : nextModal[k + 1];
    nextSemicolon[k] = tokens[k].semicolonBefore ? k : nextSemicolon[k + 1];
    nextComplementizer[k] = W.complementizers.has(w) ? k : nextComplementizer[k + 1];
  }
  ctx.index = { nextModal, nextSemicolon, nextComplementizer };
  return ctx.index;
}

/** Is there a complementizer (that, how, whether, if) among tokens [from, to)? O(1) on long runs (sentenceIndex). */
export function hasComplementizer(ctx: SentenceContext, from: number, to: number): boolean {
  const W = ctx.words;
  if (from >= to) return false;
  if (to - from < SHORT_SCAN) {
    for (let k = from; k < to; k++) if (W.complementizers.has(ctx.tokens[k].lower)) return true;
    return false;
  }
  return sentenceIndex(ctx).nextComplementizer[from] < to;
}

/**
 * Is the token at `k`, the first after a cue, preceded by a semicolon? A colon there introduces the cue's clause
 * and does not count.
 */
export function semicolonRightAfterCue(ctx: SentenceContext, k: number): boolean {
  const t = ctx.tokens[k];
  return k > 0 && t.semicolonBefore && hasCodeUnit(ctx.text, ctx.tokens[k - 1].end, t.start, 59);
}

/** Is there a semicolon or colon before any of the tokens (from, to], or a semicolon before `from` (the first token after a cue)? */
export function hasSemicolon(ctx: SentenceContext, from: number, to: number): boolean {
  if (from <= to && from < ctx.tokens.length && semicolonRightAfterCue(ctx, from)) return true;
  if (to - from < SHORT_SCAN) {
    for (let k = from + 1; k <= to; k++) if (ctx.tokens[k].semicolonBefore) return true;
    return false;
  }
  return sentenceIndex(ctx).nextSemicolon[from + 1] <= to;
}

/** Has the cue opened a clause (a complementizer after it) before token `to`? */
export function clauseOpen(ctx: SentenceContext, prev: Accepted, to: number): boolean {
  return ctx.tokens[prev.endTok - 1].lower === 'that' || hasComplementizer(ctx, prev.endTok, to);
}

/**
 * The cue itself opens a clause before `v`: it ends in "that" or a complementizer follows within a few words
 * ("stressed that", "expressed hope that", "noted with concern that"); a relative "that" further on ("issues that
 * affect our countries") does not make the cue's scope.
 */
export function opensClause(W: CueWords, tokens: Token[], prev: Accepted, v: number): boolean {
  if (tokens[prev.endTok - 1].lower === 'that') return true;
  for (let k = prev.endTok; k < v && k < prev.endTok + 3; k++) {
    if (k > prev.endTok && tokens[k].punctBefore) return false;
    if (W.complementizers.has(tokens[k].lower)) return true;
  }
  return false;
}
