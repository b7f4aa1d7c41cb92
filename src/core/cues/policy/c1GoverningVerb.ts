// Policy C1, the governing verb decides: a will/would inside a clause governed by a listed verb is not a second
// cue, a clause ends where a plain reporting verb opens its own, and "agreed that" + will action by a party is firm.
import { reporterBefore, reportingVerbAt } from '../reporting';
import { SHORT_SCAN, clauseOpen, hasSemicolon, opensClause, semicolonRightAfterCue, sentenceIndex, type Accepted, type SentenceContext } from '../sentence';
import { findSubject, type Subject } from '../subject';
import type { Token } from '../tokens';
import { isAdverb, isDeterminer, verbForm, type CueWords } from '../words';
import { isPartySubject } from './c5JointVoice';
import { isArrangedEvent } from './c4PartyFuture';
import { hasCodeUnit } from '../../text/scan';

/** A relative pronoun opening a clause of its own ("which", "who"; not a capitalised "WHO", not "that"). */
export function isRelativePronoun(W: CueWords, t: Token): boolean {
  return !t.capitalized && W.relatives.has(t.lower) && !W.complementizers.has(t.lower);
}

/** Policy C1 for agreed-that: the clause after the cue holds will/would/shall + action by a party. */
export function clauseHasPartyWill(ctx: SentenceContext, from: number): boolean {
  const W = ctx.words;
  const { tokens } = ctx;
  const n = tokens.length;
  if (from >= n) return false;
  // Right after the cue, a colon introduces what was agreed ("agreed: they will ..."), a semicolon ends the
  // clause ("agreed; they will ...", read as "agreed. They will ..."); later on, either ends it.
  if (semicolonRightAfterCue(ctx, from)) return false;
  // Short clauses are scanned directly; the per-sentence index pays off only on long runs.
  for (let k = from; k < n && k < from + SHORT_SCAN; k++) {
    if (k > from && tokens[k].semicolonBefore) return false;
    if (W.futureModals.has(tokens[k].lower)) return isPartyWill(W, tokens, k);
  }
  if (from + SHORT_SCAN >= n) return false;
  const index = sentenceIndex(ctx);
  const k = index.nextModal[from];
  if (k >= n || index.nextSemicolon[from + 1] <= k) return false;
  return isPartyWill(W, tokens, k);
}

/** The modal at `k` has a party (or an event the parties arrange) as its subject. */
function isPartyWill(W: CueWords, tokens: Token[], k: number): boolean {
  const subject = findSubject(W, tokens, k);
  return subject.kind === 'coordinated' || isPartySubject(W, tokens, subject, false) || isArrangedEvent(W, tokens, subject, k);
}

/**
 * Policy C1 scope: the plain reporting verb at `r` (after the cue `prev`) heads a clause of its own, outside the one
 * `prev` governs: no clause was open yet ("expressed his appreciation ... and stated that"), or the reporting verb is
 * coordinated with the governing verb ("reaffirmed that ... and said that": same verb form), or it has a subject of
 * its own after "and" ("reaffirmed that ..., and the President said that").
 */
function reportOutsideScope(ctx: SentenceContext, prev: Accepted, r: number): boolean {
  const W = ctx.words;
  const { tokens } = ctx;
  if (!clauseOpen(ctx, prev, r)) return true;
  let j = r - 1;
  while (j >= prev.endTok && !tokens[j + 1].punctBefore && isAdverb(W, tokens[j].lower)) j--;
  if (j >= prev.endTok && !tokens[j + 1].punctBefore && (tokens[j].lower === 'and' || tokens[j].lower === 'but')) {
    return verbForm(W, tokens[r].lower) === verbForm(W, tokens[prev.startTok].lower);
  }
  const subject = findSubject(W, tokens, r);
  if (subject.kind !== 'np' || subject.start - 1 < prev.endTok) return false;
  const w = tokens[subject.start - 1].lower;
  return w === 'and' || w === 'but';
}

/** The cue stands inside the complement of a plain reporting verb ("said that the leaders had agreed …"). */
function insideReport(ctx: SentenceContext, prev: Accepted): boolean {
  const W = ctx.words;
  const { tokens } = ctx;
  for (let k = prev.startTok - 1; k >= 0 && k >= prev.startTok - SHORT_SCAN; k--) if (!tokens[k].capitalized && reportingVerbAt(W, tokens, k) >= 0) return true;
  return false;
}

/**
 * The cue verb at `v` is coordinated with the verb before it ("made clear it is critical … and underscored the right
 * …, and that …"): it stands beside the report, not inside its clause, so its "and that" clause is its own (C1.f).
 */
function afterCoordinator(W: CueWords, tokens: Token[], v: number): boolean {
  let j = v - 1;
  while (j >= 0 && !tokens[j + 1].punctBefore && isAdverb(W, tokens[j].lower)) j--;
  return j >= 0 && !tokens[j + 1].punctBefore && W.coordinators.has(tokens[j].lower);
}

/** The verb at `v` follows a relative pronoun ("which is critical", "who also stressed") after token `floor`. */
export function relativeRightBefore(W: CueWords, tokens: Token[], v: number, floor: number): boolean {
  let j = v - 1;
  while (j >= floor && !tokens[j + 1].punctBefore && (isAdverb(W, tokens[j].lower) || W.auxiliaries.has(tokens[j].lower))) j--;
  return j >= floor && !tokens[j + 1].punctBefore && isRelativePronoun(W, tokens[j]);
}

/**
 * Policy C1.f: the ", and" at `and` closes a series of nouns ("more work involving government, the private sector, and
 * civil society is urgently needed"): the item before it, after a comma, is a short phrase without a verb, so the
 * word after "and" is the series' last item, not the subject of a new clause.
 */
function closesSeries(W: CueWords, tokens: Token[], and: number, floor: number): boolean {
  if (!tokens[and].punctBefore) return false;
  for (let k = and - 1; k > floor && k >= and - 4; k--) {
    const w = tokens[k].lower;
    if (W.auxiliaries.has(w) || W.modals.has(w) || verbForm(W, w) === 1) return false;
    if (tokens[k].punctBefore) return true;
  }
  return false;
}

/** The comma, as a code unit. */
const COMMA = 44;

/**
 * Policy C1.f: the cue `prev` stands in a subordinate clause that opens the sentence ("Because …", "Although …", the
 * word class subordinators), with no punctuation before the cue, and a comma closes that clause right before the
 * subject at `s`.
 */
function subordinatePreamble(ctx: SentenceContext, prev: Accepted, s: number): boolean {
  const { tokens, text } = ctx;
  if (!ctx.words.subordinators.has(tokens[0].lower) || s <= prev.endTok || !tokens[s].punctBefore) return false;
  for (let k = 1; k <= prev.startTok; k++) if (tokens[k].punctBefore) return false;
  return hasCodeUnit(text, tokens[s - 1].end, tokens[s].start, COMMA);
}

/** Policy C1: is a cue with this subject inside a clause governed by an earlier cue of the sentence? */
export function isGoverned(ctx: SentenceContext, v: number, subject: Subject, modal: boolean): boolean {
  const W = ctx.words;
  const prev = ctx.accepted[ctx.accepted.length - 1];
  if (!prev) return false;
  const { tokens } = ctx;
  if (hasSemicolon(ctx, prev.endTok, v)) return false;
  const lastCueWord = tokens[prev.endTok - 1].lower;
  // "underscored the partnership with the UAE, which is critical to …": a relative clause on a noun of the cue's
  // complement belongs to what the cue governs.
  if (subject.kind === 'none' && relativeRightBefore(W, tokens, v, prev.endTok)) return true;
  if (subject.kind === 'np') {
    if (subject.start === prev.endTok) return true;
    // "welcomed plans …, including through the Dialogue, through which U.S. and Thai officials will build": a modal in
    // a relative clause on a noun of the complement is governed too (C1.g).
    const rel = subject.start - 1;
    if (modal && rel > prev.endTok && !tokens[subject.start].punctBefore && isRelativePronoun(W, tokens[rel]) && W.prepositions.has(tokens[rel - 1].lower)) return true;
    // A plain reporting verb after the cue may open a clause of its own: "... and stated that Australia would".
    const r = reporterBefore(W, tokens, subject.start, prev.endTok);
    if (r >= 0 && reportOutsideScope(ctx, prev, r)) return false;
    let ci = subject.start - 1;
    // "emphasized that she and President Biden believe": a pronoun coordinated with the subject belongs to it.
    if (ci >= 1 && W.coordinators.has(tokens[ci].lower) && !tokens[ci].punctBefore && W.pronouns.has(tokens[ci - 1].lower)) ci -= 2;
    const before = ci >= 0 ? tokens[ci] : undefined;
    if (before && W.complementizers.has(before.lower) && ci >= prev.endTok - (lastCueWord === 'that' ? 1 : 0)) {
      // "said that the leaders had agreed to meet and that Japan would host": a second "that" clause after "and" is
      // parallel to an earlier one of a plain report; otherwise it is the cue's own second complement ("emphasized
      // the commitment … and that he looks forward to", policy C1.f).
      if (ci > prev.endTok && !before.punctBefore && tokens[ci - 1].lower === 'and' && !opensClause(W, tokens, prev, ci) && insideReport(ctx, prev) && !afterCoordinator(W, tokens, prev.startTok)) return false;
      return true;
    }
    // Policy C1.f: any verb whose subject stands inside the clause the cue opened is governed ("stressed that although
    // …, both countries need to"), unless a new clause is coordinated after "and" / "but".
    // A preamble ("Recognizing that …, the two Presidents committed to") closes before the main clause's subject.
    // So does a subordinate clause opening the sentence ("Because President Biden recognizes that …, the United
    // States proposed …"), at the comma before the main clause's subject.
    const preamble = prev.startTok === 0 || prev.nonFinite !== 0 || tokens[prev.startTok].lower.endsWith('ing') || subordinatePreamble(ctx, prev, subject.start);
    const newClause = ci >= 0 && W.coordinators.has(tokens[ci].lower) && !closesSeries(W, tokens, ci, prev.endTok);
    if (!modal && !preamble && clauseOpen(ctx, prev, subject.start) && !newClause) {
      // A plain report in between opens a clause of its own ("noting that the President has made clear that …, the
      // United States is prepared to", C1.a).
      // Bounded (SHORT_SCAN) so a long sentence of many cues stays linear.
      for (let k = Math.max(prev.endTok, subject.start - SHORT_SCAN); k < subject.start; k++) {
        if (!tokens[k].capitalized && reportingVerbAt(W, tokens, k) >= 0) return false;
      }
      return true;
    }
  }
  if (modal) return clauseOpen(ctx, prev, v);
  // A coordinated verb inside the governed clause inherits its status ("stressed that China will open its market and
  // welcomes more products"), unless it takes the governing verb's own form ("noted that trade had grown and welcomed
  // the fund": a second verb of the outer clause). A modal cue opens no clause of this kind.
  // A copular cue ("it is critical to ensure that … and underscored") takes no past verb as a partner either: that
  // verb is coordinated with the sentence's own verb.
  const governing = tokens[prev.startTok].lower;
  if (subject.kind !== 'coordinated' || W.modals.has(governing) || W.expletives.has(governing) || !opensClause(W, tokens, prev, v)) return false;
  return verbForm(W, tokens[v].lower) !== verbForm(W, tokens[prev.startTok].lower);
}

/**
 * Policy C1 backwards: the modal at `k` sits in a clause closed by a postposed listed verb ("India will host the
 * summit, he announced, ..."; "We will stay the course, they reaffirmed."). That verb governs the clause, so the
 * modal is not a second cue. A plain reporting tag ("..., the statement said") is no cue and leaves the modal.
 * The tag is a pronoun or a short noun phrase, optional modifiers and one verb, closed by punctuation or the end.
 */
export function postposedListedVerb(ctx: SentenceContext, k: number): boolean {
  const W = ctx.words;
  const { tokens } = ctx;
  const n = tokens.length;
  let m = k + 1;
  while (m < n && m < k + SHORT_SCAN && !tokens[m].punctBefore) m++;
  if (m >= n || !tokens[m].punctBefore || tokens[m].semicolonBefore) return false;
  // The tag's subject: one pronoun, or up to four words of a noun phrase ("the Prime Minister", "the statement").
  let v = m;
  const w0 = tokens[m].lower;
  if (W.pronouns.has(w0)) v = m + 1;
  else {
    while (v < n && v < m + 4 && !(v > m && tokens[v].punctBefore)) {
      const t = tokens[v];
      if (!(t.capitalized || isDeterminer(W, t.lower) || W.partyNouns.has(t.lower))) break;
      v++;
    }
    if (v === m) return false;
  }
  while (v < n && !tokens[v].punctBefore && isAdverb(W, tokens[v].lower)) v++;
  if (v >= n || tokens[v].punctBefore) return false;
  // The tag ends at the verb, or after a short adjunct ("he announced on Tuesday", "she announced today").
  let e = v + 1;
  if (e < n && !tokens[e].punctBefore) {
    const w = tokens[e].lower;
    if (!(W.prepositions.has(w) || W.timeAdjuncts.has(w))) return false;
    while (e < n && e < v + 6 && !tokens[e].punctBefore) e++;
    if (e < n && !tokens[e].punctBefore) return false;
  }
  const verb = tokens[v].lower;
  if (W.modals.has(verb) || W.pureReporting.has(verb) || verbForm(W, verb) === 0) return false;
  const patterns = ctx.matcher.byFirstWord.get(verb);
  if (patterns === undefined) return false;
  // "..., we agreed": the will-clause would make a firm "agreed that + will", which a bare tag cannot carry; the
  // modal keeps the undertaking rather than leaving only a hedged "agreed".
  for (let q = 0; q < patterns.length; q++) if (patterns[q].willCondition) return false;
  return true;
}
