// Decides whether a candidate match is a cue, applying the policy rules (C1-C5) in order, and builds the cue.
import type { Cue, Strength } from '../types';
import { ACTOR_PRONOUN, resolveActor } from './actors';
import type { Candidate } from './matcher';
import { clauseHasPartyWill, isGoverned, postposedListedVerb } from './policy/c1GoverningVerb';
import { negationScope } from './policy/c2Negation';
import { isGappedNeed, isThirdPartyVerb, isWelcomeVisitor } from './policy/c3NotCues';
import { modalHasParty } from './policy/c4PartyFuture';
import { isPartySubject } from './policy/c5JointVoice';
import { isNounReading } from './reading';
import { hasSemicolon, type Accepted, type SentenceContext } from './sentence';
import { findSubject } from './subject';
import { isAdverb, verbForm } from './words';

/** The cue candidate `c` stands for, or undefined when a rule rejects it (the next candidate is then tried). */
export function tryCandidate(ctx: SentenceContext, c: Candidate): Accepted | undefined {
  const W = ctx.words;
  const { tokens, text } = ctx;
  const p = c.pattern;
  const source = p.source;
  const firstWord = tokens[c.start].lower;
  if (c.needsWill && !clauseHasPartyWill(ctx, c.end)) return undefined;
  if (isNounReading(W, tokens, c)) return undefined;
  // The word before the cue, skipping modifiers: "to"/a modal means the cue is that verb's infinitive.
  let b = c.start - 1;
  while (b >= 0 && !tokens[b + 1].punctBefore && isAdverb(W, tokens[b].lower)) b--;
  const before = b >= 0 && !tokens[b + 1].punctBefore ? tokens[b].lower : '';
  const isBase = p.first.get(firstWord) === true && !p.modal;
  const prev = ctx.accepted.length > 0 ? ctx.accepted[ctx.accepted.length - 1] : undefined;
  if (isBase) {
    // Policy C1: the infinitive of a verb before it is that verb's.
    if (before === 'to' || W.modals.has(before)) return undefined;
    // "must uphold multilateralism and oppose unilateralism", "agreed to expand trade and welcome investors": a base
    // form after "and" is a second verb of the modal or infinitive before it. It is a cue of its own only beside a
    // base-form cue ("We reaffirm the alliance and welcome the fund", "We look forward to the summit and welcome ...");
    // a past or -s cue ("agreed", "is willing to") cannot take a base form as its partner.
    if (before === 'and' && prev !== undefined && !hasSemicolon(ctx, prev.endTok, c.start)) {
      const prevVerb = tokens[prev.startTok].lower;
      if (W.modals.has(prevVerb) || verbForm(W, prevVerb) !== 0) return undefined;
    }
  }
  const { start, end, subjectAt, negated } = negationScope(W, tokens, c, isBase, b, before);

  let subject = findSubject(W, tokens, subjectAt);
  // The subject never reaches back into an accepted cue: in "and China hopes Spain will play" the subject of "will"
  // is "Spain", right after the cue "hopes" (so policy C1 governs it), not "China hopes Spain".
  if (prev !== undefined && subject.kind === 'np' && subject.start < prev.endTok) {
    subject = prev.endTok < subject.end ? { kind: 'np', start: prev.endTok, end: subject.end } : { kind: 'none', start: subjectAt, end: subjectAt };
  }
  const inherited = subject.kind === 'coordinated' ? prev : undefined;
  if (p.modal) {
    if (!modalHasParty(W, tokens, firstWord, subject, inherited !== undefined)) return undefined;
    if (isGoverned(ctx, subjectAt, subject, true)) return undefined;
    if (W.futureModals.has(firstWord) && postposedListedVerb(ctx, end - 1)) return undefined;
  } else {
    if (isBase) {
      // A base form ("We share ...") needs a party as its subject, as a modal does (policy C4, C5).
      const party = subject.kind === 'coordinated' ? inherited !== undefined : isPartySubject(W, tokens, subject, false);
      if (!party) return undefined;
    }
    if (isGoverned(ctx, subjectAt, subject, false)) return undefined;
    // Policy C3, "the assistance it needs to defend itself": a relative clause with a pronoun subject right before
    // a verb of need.
    if (W.needVerbs.has(firstWord) && b >= 0 && b === subjectAt - 1 && before !== '') {
      if ((W.pronouns.has(before) || W.expletives.has(before)) && isGappedNeed(W, tokens, b)) return undefined;
    }
  }
  if (W.visitorCourtesies.has(firstWord) && isWelcomeVisitor(W, tokens, c.end)) return undefined;
  if (isThirdPartyVerb(ctx, p.modal, firstWord, subject, subjectAt, prev)) return undefined;

  let rule = 'governing verb';
  if (c.needsWill) rule = 'agreed that + will action';
  else if (p.modal && W.futureModals.has(firstWord)) {
    if (ctx.firstReporting === undefined) {
      let k = 0;
      while (k < tokens.length && !W.reportingVerbs.has(tokens[k].lower)) k++;
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
