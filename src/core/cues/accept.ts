// Decides whether a candidate match is a cue, applying the policy rules (C1-C5) in order, and builds the cue.
import type { Cue, Strength } from '../types';
import { ACTOR_PRONOUN, resolveActor } from './actors';
import type { Candidate } from './matcher';
import { clauseHasPartyWill, isGoverned, isRelativePronoun, postposedListedVerb, relativeRightBefore } from './policy/c1GoverningVerb';
import { negationScope } from './policy/c2Negation';
import { FINITE, PARTICIPLE, PURPOSE, coordinatedPurpose, impliedSubject, isParticipialClause, joinedGovernor, openerSubject, participleGovernor, partyAgentBefore, purposeGovernor } from './policy/c3NonFinite';
import { isGappedNeed, isObjectOrParticiple, isPastMeeting, isZeroRelative, isThirdPartyVerb, isWelcomeVisitor } from './policy/c3NotCues';
import { appositiveSubject, coordinatedSubject, futureIsAction, isGerundSubject, modalHasParty } from './policy/c4PartyFuture';
import { isPartySubject } from './policy/c5JointVoice';
import { FORM_BASE, FORM_PARTICIPLE } from './pattern';
import { isNounReading } from './reading';
import { SHORT_SCAN, hasSemicolon, type Accepted, type SentenceContext } from './sentence';
import { findSubject, type Subject } from './subject';
import { hasCodeUnit } from '../text/scan';
import type { Token } from './tokens';
import { isAdverb, verbForm, type CueWords } from './words';

/** A relative pronoun ("the athletes who have trained … and will") among tokens [from, to): a clause of its own. */
function relativeBetween(W: CueWords, tokens: Token[], from: number, to: number): boolean {
  for (let k = Math.max(from, to - SHORT_SCAN); k < to; k++) if (isRelativePronoun(W, tokens[k])) return true;
  return false;
}

/** The auxiliaries before token `b` ("It has been") follow the expletive subject. */
function afterExpletive(W: CueWords, tokens: Token[], b: number): boolean {
  let k = b;
  while (k > 0 && !tokens[k].punctBefore && (W.auxiliaries.has(tokens[k].lower) || W.modals.has(tokens[k].lower) || isAdverb(W, tokens[k].lower))) k--;
  return k >= 0 && W.expletives.has(tokens[k].lower);
}

/**
 * Policy C1.b: "welcomed the statement by Sweden and look forward to Sweden joining NATO": a base-form cue of three
 * words or more after "and" is the party's second verb, in the present, even after a past cue — unless the cue before
 * ends in "to" or an infinitive stands between them ("agreed to expand trade and welcome investors", "welcomed efforts
 * to expand trade and support investment"), whose second verb it then is. A shorter cue word there may be a noun
 * ("discussed trade and support for Ukraine").
 */
function secondPresentVerb(W: CueWords, tokens: Token[], prev: Accepted, c: Candidate): boolean {
  if (c.end - c.start < 3 || tokens[prev.endTok - 1].lower === 'to') return false;
  for (let k = prev.endTok; k < c.start - 1; k++) if (tokens[k].lower === 'to' && verbForm(W, tokens[k + 1].lower) === 0 && !W.determiners.has(tokens[k + 1].lower)) return false;
  return true;
}

/** The apostrophe, straight and curly. */
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/**
 * Policy C3.d: "our nations’ shared interest": a plural possessive, whose apostrophe the tokens leave out as
 * punctuation, makes the word after it a noun, as "Japan's" does. Not where it opens the sentence ("The leaders’
 * committed to …" is a slip for "leaders").
 */
function afterPluralPossessive(text: string, tokens: Token[], i: number): boolean {
  if (i < 3 || !tokens[i].punctBefore) return false;
  const prev = tokens[i - 1];
  if (!prev.lower.endsWith('s') || tokens[i].start - prev.end !== 2) return false;
  const c = text.charCodeAt(prev.end);
  return c === APOSTROPHE || c === RIGHT_QUOTE;
}

/** The cue candidate `c` stands for, or undefined when a rule rejects it (the next candidate is then tried). */
export function tryCandidate(ctx: SentenceContext, c: Candidate): Accepted | undefined {
  const W = ctx.words;
  const { tokens, text } = ctx;
  const p = c.pattern;
  const source = p.source;
  const firstWord = tokens[c.start].lower;
  if (c.needsWill && !clauseHasPartyWill(ctx, c.end)) return undefined;
  // The word before the cue, skipping modifiers: "to"/a modal means the cue is that verb's infinitive.
  let b = c.start - 1;
  while (b >= 0 && !tokens[b + 1].punctBefore && isAdverb(W, tokens[b].lower)) b--;
  const before = b >= 0 && !tokens[b + 1].punctBefore ? tokens[b].lower : '';
  const form = p.first.get(firstWord);
  // "joined President Zelenskyy in urging": after "joined … in" the "-ing" form is the joining party's act, not a
  // gerund after a preposition (policy C3.a).
  const joined = form === FORM_PARTICIPLE && before === 'in' ? joinedGovernor(ctx, b) : -1;
  if (joined < 0 && isNounReading(W, tokens, c)) return undefined;
  if (afterPluralPossessive(text, tokens, c.start)) return undefined;
  // Policy S-firm.c: "remain committed to", "has been committed to": after a verb of being a firm past form is a
  // standing disposition (hedged where the lexicon lists it, as "remain committed to"), never the firm event verb.
  if (source.strength === 'firm' && !p.modal && W.stateVerbs.has(before) && verbForm(W, firstWord) === 1 && !afterExpletive(W, tokens, b)) return undefined;
  // Policy C4.d: after a non-finite "be" a past form is a passive ("This effort will be further supported with …",
  // "the issues that have been discussed"): its subject undergoes the act, no party takes a position. The expletive
  // keeps "it has been agreed that" (S-firm.b).
  if (!p.modal && W.passiveBe.has(before) && verbForm(W, firstWord) === 1 && !afterExpletive(W, tokens, b)) return undefined;
  const isBase = form === FORM_BASE && !p.modal;
  const prev = ctx.accepted.length > 0 ? ctx.accepted[ctx.accepted.length - 1] : undefined;
  let nonFinite = FINITE;
  let governor = -1;
  let opener: Subject | undefined;
  let agent: Subject | undefined;
  if (form === FORM_PARTICIPLE) {
    // Policy C3.a: an implied "-ing" form is a cue only heading a participial clause, mid-sentence or opening it,
    // or a participle on a noun whose agent is a party ("a message from President Biden reaffirming").
    opener = c.start === 0 ? openerSubject(ctx, c.start) : undefined;
    if (opener === undefined && joined < 0 && before !== '' && !tokens[c.start].capitalized) agent = partyAgentBefore(ctx, c.start);
    if (opener === undefined && joined < 0 && agent === undefined && !isParticipialClause(ctx, c.start, before, prev)) return undefined;
    nonFinite = PARTICIPLE;
    governor = joined >= 0 ? joined : before !== '' && prev !== undefined ? prev.governor : participleGovernor(ctx, c.start);
  }
  if (isBase) {
    // Policy C1: the infinitive of a verb before it is that verb's; after a verb of the meeting it is a purpose
    // infinitive and a cue of its own (policy C1.d: "met to discuss").
    if (before === 'to') {
      // A capitalised infinitive is part of a name ("the Partnership to Address the Climate Crisis").
      if (tokens[c.start].capitalized) return undefined;
      governor = purposeGovernor(ctx, b, prev);
      if (governor < 0) return undefined;
      nonFinite = PURPOSE;
    }
    if (W.modals.has(before)) return undefined;
    // Policy C1.d: "met … to congratulate him … and reiterate our commitment": the second verb of a purpose
    // infinitive that is no cue is a purpose infinitive of its own.
    if (before === 'and' && nonFinite === FINITE && !tokens[c.start].capitalized) {
      const to = coordinatedPurpose(ctx, b, prev);
      if (to >= 0) {
        governor = purposeGovernor(ctx, to, prev);
        nonFinite = PURPOSE;
      }
    }
    // "recognition of and support for": after a preposition and "and", the word is the preposition's noun (C3.d).
    if (before === 'and' && b > 0 && !tokens[b].punctBefore && W.prepositions.has(tokens[b - 1].lower)) return undefined;
    // "must uphold multilateralism and oppose unilateralism", "agreed to expand trade and welcome investors": a base
    // form after "and" is a second verb of the modal or infinitive before it. It is a cue of its own only beside a
    // base-form cue ("We reaffirm the alliance and welcome the fund", "We look forward to the summit and welcome ...");
    // a past or -s cue ("agreed", "is willing to") cannot take a base form as its partner.
    if (nonFinite === FINITE && before === 'and' && prev !== undefined && !hasSemicolon(ctx, prev.endTok, c.start)) {
      const prevVerb = tokens[prev.startTok].lower;
      if (W.modals.has(prevVerb) || (verbForm(W, prevVerb) !== 0 && !secondPresentVerb(W, tokens, prev, c))) return undefined;
    }
  }
  const { start, end, subjectAt, negated } = negationScope(W, tokens, c, isBase, b, before);

  // A non-finite cue has no subject of its own: its party is the main clause's (the verb of the meeting's).
  let subject = nonFinite === FINITE ? findSubject(W, tokens, subjectAt) : (opener ?? agent ?? impliedSubject(ctx, governor));
  // "(agreed that) it is critical to": the expletive the pattern starts with is the subject (policy C1 reads it).
  if (W.expletives.has(firstWord) && c.end - c.start > 1) subject = { kind: 'np', start: c.start, end: c.start + 1 };
  // The subject never reaches back into an accepted cue: in "and China hopes Spain will play" the subject of "will"
  // is "Spain", right after the cue "hopes" (so policy C1 governs it), not "China hopes Spain".
  if (nonFinite === FINITE && prev !== undefined && subject.kind === 'np' && subject.start < prev.endTok) {
    subject = prev.endTok < subject.end ? { kind: 'np', start: prev.endTok, end: subject.end } : { kind: 'none', start: subjectAt, end: subjectAt };
  }
  if (p.modal && W.futureModals.has(firstWord)) {
    // Policy C4: the modal's party may stand before a verb that is no cue ("met … and will meet") or between commas
    // ("her Advisor, Dr. Phil Gordon, would travel"); a gerund subject or a passive is no party's action.
    if (subject.kind === 'coordinated' && (prev === undefined || relativeBetween(W, tokens, prev.endTok, subjectAt))) {
      subject = coordinatedSubject(W, tokens, subjectAt - 1);
    }
    else if (subject.kind === 'none' && tokens[subjectAt].punctBefore) subject = appositiveSubject(W, tokens, subjectAt);
    else if (isGerundSubject(W, tokens, subject)) return undefined;
    if (!futureIsAction(W, tokens, c.start)) return undefined;
  }
  // A base form's party may stand between commas before it ("We, the leaders, commit to"), as a modal's may, when
  // a pronoun opens the sentence (a joint statement's own voice, policy C5).
  if (isBase && nonFinite === FINITE && subject.kind === 'none' && subjectAt > 0 && tokens[subjectAt].punctBefore && !tokens[c.start].capitalized && W.pronouns.has(tokens[0].lower) && hasCodeUnit(text, tokens[subjectAt - 1].end, tokens[subjectAt].start, 44)) {
    subject = appositiveSubject(W, tokens, subjectAt);
  }
  // Policy C3.d: a copular cue in a relative clause ("…, which is crucial to addressing …") describes the noun before
  // it; no party takes a position there.
  if (nonFinite === FINITE && subject.kind === 'none' && W.auxiliaries.has(firstWord) && relativeRightBefore(W, tokens, c.start + 1, 0)) return undefined;
  // Policy S-hedged.d: "The two ministers are expected to sign": after "be", a forecast is a cue only of a named
  // party's own act ("measures expected to" is a participle, "Hurricane Ian is expected to" no party's).
  if (W.partyPredicates.has(firstWord) && (nonFinite !== FINITE || !W.auxiliaries.has(before) || !isPartySubject(W, tokens, subject, true))) return undefined;
  const inherited = subject.kind === 'coordinated' ? prev : undefined;
  if (nonFinite === FINITE && !p.modal && isObjectOrParticiple(W, tokens, text, c.start, c.end, subject, isBase)) return undefined;
  if (p.modal) {
    if (!modalHasParty(W, tokens, firstWord, subject, inherited !== undefined)) return undefined;
    // Policy C1.g: "discussed the role the United States can play": a modal in a zero relative on the cue's complement
    // is governed by that cue.
    if (prev !== undefined && subject.kind === 'np' && isZeroRelative(W, tokens, text, subject.start)) return undefined;
    if (isGoverned(ctx, subjectAt, subject, true)) return undefined;
    if (W.futureModals.has(firstWord) && postposedListedVerb(ctx, end - 1)) return undefined;
  } else if (nonFinite === FINITE) {
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
  if (nonFinite === FINITE && isThirdPartyVerb(ctx, p.modal, firstWord, subject, subjectAt, prev)) return undefined;
  if (!p.modal && isPastMeeting(W, tokens, c.start, c.end)) return undefined;

  let rule = 'governing verb';
  // The verb as written: "agreed that + will action", "assured that + will action" (policy S-firm.e).
  if (c.needsWill) rule = `${firstWord} that + will action`;
  else if (nonFinite === PURPOSE) rule = `purpose infinitive after "${tokens[governor].lower}"`;
  else if (opener !== undefined) rule = 'participial clause opening the sentence';
  else if (agent !== undefined) rule = 'participle on a noun with a party agent';
  else if (nonFinite === PARTICIPLE) rule = governor >= 0 ? `participial clause after "${tokens[governor].lower}"` : 'participial clause';
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

  // "it is critical to": the expletive is the cue's subject, not part of its verb phrase (nor its governing verb).
  const verbAt = W.expletives.has(tokens[start].lower) && end - start > 1 ? start + 1 : start;
  const cueStart = tokens[verbAt].start;
  const cueEnd = tokens[end - 1].end;
  const strength: Strength = source.strength;
  const cueText = text.slice(cueStart, cueEnd);
  // A copular cue's verb is its predicate ("are committed to" → "committed", "is not ready to" → "ready").
  let g = Math.max(c.start, verbAt);
  if (W.auxiliaries.has(tokens[g].lower) && end - g > 1) {
    g++;
    while (g < end - 1 && (isAdverb(W, tokens[g].lower) || W.negationAdverbs.has(tokens[g].lower))) g++;
  }
  const governingVerb = tokens[g].lower;
  // A participle coordinated with one before it, or one with no verb of the meeting, speaks for the cue before it.
  const actor = nonFinite !== FINITE && subject.kind !== 'np' ? prev?.cue.actor : resolveActor(ctx, subject);
  // Built whole, with or without its actor (last, as before): adding the property afterwards cost an object
  // shape change and a property store per cue.
  const cue: Cue =
    actor === undefined
      ? { start: cueStart, end: cueEnd, text: cueText, strength, negated, sentence: ctx.sentence, patternId: source.id, governingVerb, rule }
      : { start: cueStart, end: cueEnd, text: cueText, strength, negated, sentence: ctx.sentence, patternId: source.id, governingVerb, rule, actor };
  return { cue, startTok: c.start, endTok: end, actorKind: ACTOR_PRONOUN, nonFinite, governor };
}
