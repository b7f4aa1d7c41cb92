// Cues without a finite verb: a listed verb's "-ing" participle in a participial clause (policy C3.a) and its
// purpose infinitive after a verb of the meeting itself (policy C1.d: "met to discuss"); both speak for the main
// clause's party.
import type { Accepted, SentenceContext } from '../sentence';
import { findSubject, type Subject } from '../subject';
import { hasComplementizer, hasSemicolon } from '../sentence';
import { hasCodeUnit } from '../../text/scan';
import { isDeterminer, verbForm } from '../words';
import { isPartySubject } from './c5JointVoice';

/** How an accepted cue is written: a finite verb or modal, a participle, a purpose infinitive. */
export const FINITE = 0;
export const PARTICIPLE = 1;
export const PURPOSE = 2;

/** How far a series of gerunds is followed to its last item. */
const SERIES_REACH = 64;

/** How far back a purpose infinitive looks for the verb of the meeting ("met with … on … at … to discuss"). */
const PURPOSE_REACH = 48;

/**
 * Policy C3.a: the "-ing" form at `i` heads a participial clause whose subject is the main clause's: it opens the
 * sentence ("Stressing the need …, the leaders"), follows punctuation ("…, underscoring that", "… – noting"), a
 * participle link ("while also stressing") or "and" after a participial cue ("highlighting … and reaffirming").
 * Elsewhere it is a gerund (after a preposition, "to" or a determiner) or a progressive ("are deepening"), no cue.
 * `before` is the word before the cue past its modifiers ('' after punctuation or at the sentence start).
 */
export function isParticipialClause(ctx: SentenceContext, i: number, before: string, prev: Accepted | undefined): boolean {
  const W = ctx.words;
  // "Recalling …" recounts a position taken before, not one taken now. An opener ("Stressing the need …, the
  // leaders") is read by openerSubject.
  if (i === 0 || W.framingParticiples.has(ctx.tokens[i].lower)) return false;
  // A capitalised "-ing" word mid-sentence is a title ("… Condemning and Combating Racism"); after a semicolon or
  // colon it is an item of a list ("cyber defense; exchanging information").
  if (ctx.tokens[i].capitalized || ctx.tokens[i].semicolonBefore) return false;
  let link: boolean;
  if (before === '' || W.participleLinks.has(before)) {
    // Mid-sentence, a participial clause speaks for the main clause, not for a clause inside it ("saw how the
    // government advances … while supporting"): a cue or the verb of the meeting before it, or no clause opened.
    link = prev !== undefined || participleGovernor(ctx, i) >= 0 || !hasComplementizer(ctx, 0, i);
  } else {
    link = W.coordinators.has(before) && prev !== undefined && prev.nonFinite === PARTICIPLE && !hasSemicolon(ctx, prev.endTok, i);
  }
  // A participle after a link ("while stressing") heads its clause; after punctuation or "and" it may be one item
  // of a series of gerunds.
  return link && (W.participleLinks.has(before) || !inGerundSeries(ctx, i));
}

/** The longest party name read as a participle's agent ("President Biden", "Prime Minister Kishida"). */
const AGENT_NAME = 4;

/**
 * Policy C3.a: "he delivered a message from President Biden reaffirming his personal support": an "-ing" form right
 * after a noun's agent, a party's name after "from" or "by" (`agent-prepositions`) on a noun, heads a participle on
 * that noun, which speaks for the party. The name as the participle's subject, or undefined.
 */
export function partyAgentBefore(ctx: SentenceContext, i: number): Subject | undefined {
  const W = ctx.words;
  const { tokens } = ctx;
  let k = i - 1;
  while (k >= 0 && i - k <= AGENT_NAME && tokens[k].capitalized && !tokens[k + 1].punctBefore) k--;
  if (k === i - 1 || k < 1 || tokens[k + 1].punctBefore || !W.agentPrepositions.has(tokens[k].lower)) return undefined;
  // The agent is a noun's: "a message from", not a verb's ("returned from", "was welcomed by").
  const noun = tokens[k - 1];
  if (tokens[k].punctBefore || noun.capitalized || W.pronouns.has(noun.lower) || W.auxiliaries.has(noun.lower) || verbForm(W, noun.lower) === 1 || noun.lower.endsWith('ing')) return undefined;
  for (let q = k + 1; q < i; q++) if (W.thirdParties.has(tokens[q].lower)) return undefined;
  const subject: Subject = { kind: 'np', start: k + 1, end: i };
  return isPartySubject(W, tokens, subject, false) ? subject : undefined;
}

/** The comma, as a code unit: an opening participial clause ends at one. */
const COMMA = 44;

/**
 * Policy C3.a: the "-ing" form at `i` opens the sentence and heads a participial clause ("Stressing the need for
 * unity, the two leaders agreed …", "Discussing the Indo-Pacific, the Ministers underlined …"). Its party is the
 * main clause's subject, after the comma that closes the clause: returned when it is a party, else undefined (a
 * gerund subject, "Supporting Ukraine remains a priority", has no comma before its verb; "Recalling …" recounts).
 */
export function openerSubject(ctx: SentenceContext, i: number): Subject | undefined {
  const W = ctx.words;
  const { tokens, text } = ctx;
  if (i !== 0 || W.framingParticiples.has(tokens[i].lower)) return undefined;
  const n = Math.min(tokens.length, i + PURPOSE_REACH);
  // "Noting that it is also Ukraine's Independence Day, participants reiterated …": the verbs of the clause the
  // participle takes are that clause's own.
  const takesClause = i + 1 < tokens.length && !tokens[i + 1].punctBefore && W.complementizers.has(tokens[i + 1].lower);
  for (let k = i + 2; k < n; k++) {
    const w = tokens[k - 1].lower;
    // A finite verb before the comma makes the "-ing" form a gerund subject ("Supporting Ukraine is a priority").
    if (tokens[k].semicolonBefore || (!takesClause && (W.auxiliaries.has(w) || W.modals.has(w)))) return undefined;
    if (!tokens[k].punctBefore || !hasCodeUnit(text, tokens[k - 1].end, tokens[k].start, COMMA)) continue;
    // The main clause: its subject runs from the comma to the first verb a rule knows (a cue's first word, a verb
    // of the meeting or a reporting verb, or a past form), with no punctuation between.
    for (let v = k + 1; v < n && v <= k + 12 && !tokens[v].punctBefore; v++) {
      const verb = tokens[v].lower;
      const known = ctx.matcher.byFirstWord.has(verb) || W.narrativeVerbs.has(verb) || W.reportingVerbs.has(verb);
      if (tokens[v].capitalized || !(known || (verb.length > 4 && verbForm(W, verb) === 1))) continue;
      // "Supporting Ukraine remains a priority, the President said": a reporting tag closes the sentence. Before a
      // verb of the meeting the participle describes the visit ("Paying tribute to …, he visited the cemetery", C3).
      if (W.reportingVerbs.has(verb) && (v + 1 >= tokens.length || tokens[v + 1].punctBefore)) return undefined;
      if (W.narrativeVerbs.has(verb)) return undefined;
      const subject = findSubject(W, tokens, v);
      return subject.kind === 'np' && subject.start >= k && isPartySubject(W, tokens, subject, false) ? subject : undefined;
    }
  }
  return undefined;
}

/** The longest list item read as a plain noun phrase ("economic growth"). */
const NOUN_ITEM = 4;

/** Tokens [from, to) are lower-case words with no verb: no past form, auxiliary, modal or "-ing" form. */
function nounOnly(ctx: SentenceContext, from: number, to: number): boolean {
  const W = ctx.words;
  for (let k = from; k < to; k++) {
    const t = ctx.tokens[k];
    const w = t.lower;
    if (t.capitalized || (w.length > 3 && verbForm(W, w) === 1) || w.endsWith('ing') || W.auxiliaries.has(w) || W.modals.has(w) || W.pronouns.has(w)) return false;
  }
  return true;
}

/** Is the word at `k` an "-ing" form that starts no cue (a gerund such as "enhancing", not "including")? */
function isPlainGerund(ctx: SentenceContext, k: number): boolean {
  const t = ctx.tokens[k];
  const w = t.lower;
  if (t.capitalized || w.length < 6 || !w.endsWith('ing') || ctx.words.notGerunds.has(w)) return false;
  for (const a of ctx.accepted) if (a.startTok === k) return false;
  return true;
}

/**
 * The "-ing" form at `i` is one item of a series of gerunds ("the importance of supporting victims, enhancing
 * civilian security, and adhering to …", "challenges …, addressing climate change, and enhancing our partnership"):
 * the item before or after it in the series starts with an "-ing" form that is no cue of its own.
 */
function inGerundSeries(ctx: SentenceContext, i: number): boolean {
  const W = ctx.words;
  const { tokens } = ctx;
  const n = tokens.length;
  let s = i;
  if (s > 0 && !tokens[s].punctBefore && W.coordinators.has(tokens[s - 1].lower)) s--;
  // The item before: from the punctuation before it to `s`. It may hold the series' first gerund after a preposition
  // ("including by supporting public education, supporting the funding …", "priorities such as investing in …,
  // advocating for …").
  let afterPreposition = false;
  // "commitment to counterterrorism, economic growth, addressing climate change, and sustainable development": the
  // item before is a short noun phrase of a list that ends in ", and".
  let nounItem = false;
  for (let k = s - 1; k >= 0 && k >= s - PURPOSE_REACH; k--) {
    if (k + 1 < s && isPlainGerund(ctx, k + 1) && (W.prepositions.has(tokens[k].lower) || W.subordinators.has(tokens[k].lower)) && !tokens[k + 1].punctBefore) {
      // A cue word there counts only as the same word ("by supporting …, supporting …"): "the importance of supporting
      // Ukraine, underscoring the need …" may be the party's own participle.
      const g = tokens[k + 1].lower;
      if (!ctx.matcher.byFirstWord.has(g) || g === tokens[i].lower) afterPreposition = true;
    }
    if (tokens[k].punctBefore || k === 0) {
      const first = W.coordinators.has(tokens[k].lower) && k + 1 < s ? k + 1 : k;
      if (tokens[k].semicolonBefore) break;
      if (isPlainGerund(ctx, first) && !ctx.matcher.byFirstWord.has(tokens[first].lower)) return true;
      // Not the list's last item ("support for security, prosperity, and integration, emphasizing that …").
      nounItem = k > 0 && first === k && s - k <= NOUN_ITEM && nounOnly(ctx, k, s);
      break;
    }
  }
  // The item after; or the series' last item, ", and" + a gerund ("…, supporting the funding of services, sharing
  // accurate information, and taking additional actions"; "…, supporting capacity building in the areas of education,
  // healthcare, and fishing, and furthering collaboration").
  let item = 0;
  for (let k = i + 1; k < n && k <= i + SERIES_REACH; k++) {
    if (!tokens[k].punctBefore) continue;
    if (tokens[k].semicolonBefore) break;
    const and = W.coordinators.has(tokens[k].lower) && k + 1 < n;
    const first = and ? k + 1 : k;
    if ((item === 0 || and) && isPlainGerund(ctx, first) && (!ctx.matcher.byFirstWord.has(tokens[first].lower) || (and && afterPreposition))) return true;
    if (and && nounItem && tokens[k].punctBefore) return true;
    item++;
  }
  return false;
}

/** Does token `k` open a relative or complement clause, whose verbs are its own ("where", "who", "that"; not "(WHO)")? */
function opensClause(ctx: SentenceContext, k: number): boolean {
  const W = ctx.words;
  const w = ctx.tokens[k].lower;
  return W.relativeAdverbs.has(w) || ((W.relatives.has(w) || W.complementizers.has(w)) && !ctx.tokens[k].capitalized);
}

/**
 * Policy C1.d: the base form after "to" at `to` is a purpose infinitive of the meeting ("spoke today with … to
 * discuss", "convened leaders to reaffirm"): the verb of the meeting before it, in the same clause, with no cue
 * between. Returns that verb's token, or -1. A second purpose infinitive ("to affirm … and to express") continues
 * the first one's; after any other cue the infinitive belongs to it ("agreed to work together to address", C1).
 */
export function purposeGovernor(ctx: SentenceContext, to: number, prev: Accepted | undefined): number {
  const W = ctx.words;
  const { tokens } = ctx;
  const floor = Math.max(prev !== undefined ? prev.endTok : 0, to - PURPOSE_REACH);
  for (let k = to - 1; k >= floor; k--) {
    if (semicolonAt(ctx, k + 1)) return -1;
    // A relative or complement clause between them has a verb of its own ("met leaders who work to address",
    // "visited bases where forces work … to disrupt threats").
    if (opensClause(ctx, k)) return -1;
    // After a cue, a verb of the meeting in its base form is that cue's ("agreed to meet … to discuss", C1). Its
    // "-ing" form after a preposition or in a series of gerunds ("by helping …, mounting …, speaking and acting
    // together to address") is a gerund, no meeting (C3.a).
    if (isMeetingVerb(ctx, k)) {
      if (tokens[k].lower.endsWith('ing') && (gerundAfterPreposition(ctx, k) || inGerundSeries(ctx, k))) return -1;
      return prev !== undefined && verbForm(W, tokens[k].lower) === 0 ? -1 : k;
    }
  }
  if (prev === undefined || prev.nonFinite !== PURPOSE || hasSemicolon(ctx, prev.endTok, to)) return -1;
  return to > 0 && W.coordinators.has(tokens[to - 1].lower) ? prev.governor : -1;
}

/**
 * Policy C1.d: "met with President Arévalo to congratulate him … and reiterate our commitment": a base form after
 * "and" is the second verb of a purpose infinitive before it that is no cue. The "to" of that infinitive, when it
 * lies after the last cue and a verb of the meeting governs it, else -1. A relative clause ("where", "who", "that")
 * between them has verbs of its own.
 */
export function coordinatedPurpose(ctx: SentenceContext, and: number, prev: Accepted | undefined): number {
  const W = ctx.words;
  const { tokens } = ctx;
  const floor = Math.max(prev !== undefined ? prev.endTok : 0, and - PURPOSE_REACH);
  for (let k = and - 1; k >= floor; k--) {
    if (semicolonAt(ctx, k + 1)) return -1;
    const w = tokens[k].lower;
    if (opensClause(ctx, k)) return -1;
    if (w !== 'to' || k + 1 >= and) continue;
    const verb = tokens[k + 1];
    if (verb.capitalized || verb.punctBefore || verbForm(W, verb.lower) !== 0 || isDeterminer(W, verb.lower)) return -1;
    return purposeGovernor(ctx, k, prev) >= 0 ? k : -1;
  }
  return -1;
}

/** The "-ing" form at `k` follows a preposition ("by speaking", "in visiting"): a gerund. */
function gerundAfterPreposition(ctx: SentenceContext, k: number): boolean {
  return k > 0 && !ctx.tokens[k].punctBefore && ctx.words.prepositions.has(ctx.tokens[k - 1].lower);
}

/** The subject of the clause a non-finite cue depends on: the verb of the meeting's, or the cue before it. */
export function impliedSubject(ctx: SentenceContext, governor: number): Subject {
  const W = ctx.words;
  if (governor < 0) return { kind: 'none', start: governor, end: governor };
  const subject = findSubject(W, ctx.tokens, governor);
  return subject.kind === 'np' ? subject : { kind: 'none', start: governor, end: governor };
}

/**
 * The verb of the meeting a participle after punctuation depends on ("met today with President Lourenço,
 * highlighting …"): the nearest one before it in the sentence, or -1.
 */
export function participleGovernor(ctx: SentenceContext, i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - PURPOSE_REACH; k--) {
    if (semicolonAt(ctx, k + 1)) return -1;
    if (isMeetingVerb(ctx, k)) return k;
  }
  return -1;
}

/**
 * Policy C3.a: "joined President Zelenskyy in urging", "joined other partners in welcoming": the "in" at `inTok`
 * follows a joining verb and its object (names and a short noun phrase, no punctuation), so the "-ing" form after it
 * is the joining party's own act. Returns the joining verb's token, or -1; a passive ("was joined by") has no such
 * "in".
 */
export function joinedGovernor(ctx: SentenceContext, inTok: number): number {
  const W = ctx.words;
  const { tokens } = ctx;
  for (let k = inTok - 1; k >= 0 && k >= inTok - JOINED_REACH; k--) {
    if (tokens[k + 1].punctBefore) return -1;
    const t = tokens[k];
    if (!t.capitalized && W.joiningVerbs.has(t.lower)) return k < inTok - 1 ? k : -1;
    if (W.prepositions.has(t.lower) || W.complementizers.has(t.lower) || W.relatives.has(t.lower)) return -1;
  }
  return -1;
}

/** How far back "in" looks for "joined" over the object between them ("joined Mortenson and other companies in"). */
const JOINED_REACH = 8;

/** A semicolon (not a colon, as in a link's "https:") before token `k` ends the clause. */
function semicolonAt(ctx: SentenceContext, k: number): boolean {
  const { tokens } = ctx;
  return tokens[k].semicolonBefore && hasCodeUnit(ctx.text, tokens[k - 1].end, tokens[k].start, 59);
}

/** The token at `k` is a verb of the meeting, not a passive ("the Fund hosted by the World Bank") or a name. */
function isMeetingVerb(ctx: SentenceContext, k: number): boolean {
  const { tokens } = ctx;
  const t = tokens[k];
  if (t.capitalized || !ctx.words.narrativeVerbs.has(t.lower)) return false;
  // A passive has its agent after "by" ("hosted by the World Bank"); "spoke by phone" is the meeting's means.
  if (k + 2 < tokens.length && !tokens[k + 1].punctBefore && tokens[k + 1].lower === 'by') {
    const agent = tokens[k + 2];
    return !(agent.capitalized || isDeterminer(ctx.words, agent.lower));
  }
  return true;
}
