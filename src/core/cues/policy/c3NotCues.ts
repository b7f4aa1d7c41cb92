// Policy C3, not cues: verbs of a third party that is not at the meeting (in a plain report or a relative clause
// on it), courtesies to a visitor, and needs no party states (a relative or purpose clause).
import { reporterBefore } from '../reporting';
import type { Accepted, SentenceContext } from '../sentence';
import { findSubject, headOf, type Subject } from '../subject';
import type { Token } from '../tokens';
import { isAdverb, isDeterminer, verbForm, type CueWords } from '../words';
import { isPartySubject } from './c5JointVoice';

/** The noun phrase names a body of the third-parties word class ("the IAEA", "the UN Secretary-General", "the United Nations"). */
export function namesThirdParty(W: CueWords, tokens: Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const w = tokens[k].lower;
    if (W.thirdParties.has(w)) return true;
    const firsts = W.thirdPartyPhrases.get(w);
    if (firsts !== undefined && k > start && firsts.has(tokens[k - 1].lower)) return true;
  }
  return false;
}

/** "the IAEA", "experts", "the report": not a party (asked only where another party is speaking). */
export function isThirdParty(W: CueWords, tokens: Token[], start: number, end: number): boolean {
  if (namesThirdParty(W, tokens, start, end)) return true;
  const head = headOf(W, tokens, { kind: 'np', start, end });
  const h = head.lower;
  // "it" and "the two" often stand for a party ("China said it supports", "the two had agreed").
  if (W.pronouns.has(h) || W.partyNouns.has(h) || W.partyStandIns.has(h)) return false;
  return !head.capitalized || W.nonPartyNames.has(h);
}

/**
 * The speaker of the reporting verb at `r` is itself a third-party body ("The Secretary-General ... said that the
 * United Nations would"): in its own readout that body is the party, so its report is not filtered.
 */
export function reporterIsThirdParty(W: CueWords, tokens: Token[], r: number, prev: Accepted | undefined): boolean {
  let speaker = findSubject(W, tokens, r);
  if (speaker.kind === 'coordinated' && prev !== undefined) speaker = findSubject(W, tokens, prev.startTok);
  return speaker.kind === 'np' && namesThirdParty(W, tokens, speaker.start, speaker.end);
}

/** The antecedent of the relative pronoun at `w` ("the report by the UN envoy, who") is a third party. */
export function antecedentIsThirdParty(W: CueWords, tokens: Token[], w: number): boolean {
  const last = w - 1;
  let start = w;
  for (let k = last, n = 0; k >= 0 && n < 8; k--, n++) {
    const t = tokens[k];
    // The noun phrase right before the pronoun: its last word, names, determiners and prepositions ("by the UN envoy").
    if (k < last && (W.subjectStops.has(t.lower) || !(t.capitalized || isDeterminer(W, t.lower) || W.prepositions.has(t.lower)))) break;
    start = k;
    if (t.punctBefore) break;
  }
  return start <= last && isThirdParty(W, tokens, start, w);
}

/** "welcomed Prime Minister Starmer to the White House": a courtesy (policy C3), not a cue. */
export function isWelcomeVisitor(W: CueWords, tokens: Token[], end: number): boolean {
  let k = end;
  if (k < tokens.length && tokens[k].lower === 'the') k++;
  if (k >= tokens.length || !(tokens[k].capitalized || W.objectPronouns.has(tokens[k].lower))) return false;
  // Several visitors may be listed ("welcomed Foreign Minister Leyva, Ambassador Murillo, and their delegation to").
  for (let n = 0; k < tokens.length && n < 16; k++, n++) {
    const t = tokens[k];
    if (t.punctBefore && k > end && !(t.capitalized || W.coordinators.has(t.lower))) return false;
    if (t.lower === 'to' && k + 1 < tokens.length) {
      const next = tokens[k + 1];
      return next.capitalized || (next.lower === 'the' && k + 2 < tokens.length && tokens[k + 2].capitalized);
    }
    if (!t.capitalized && !(t.lower === 'the' || t.lower === 'of' || t.lower === 'and' || W.objectPronouns.has(t.lower) || W.partyNouns.has(t.lower) || W.determiners.has(t.lower))) return false;
  }
  return false;
}


/**
 * "the assistance it needs to defend itself", "the systems that they need to protect", "what we need to": the
 * pronoun's clause is a relative clause on the noun before it, whose gap is the object of "need"; "to ..." is a
 * purpose clause and no party states a need. `s` is the pronoun subject of "need(s)".
 */
export function isGappedNeed(W: CueWords, tokens: Token[], s: number): boolean {
  if (s === 0 || tokens[s].punctBefore) return false;
  let h = s - 1;
  if (tokens[h].lower === 'that' || tokens[h].lower === 'which') {
    if (h === 0 || tokens[h].punctBefore) return false;
    h--;
  }
  const head = tokens[h];
  if (head.capitalized) return false;
  const w = head.lower;
  if (W.gapHeads.has(w)) return true;
  if (h === 0 || tokens[h].punctBefore || W.subjectStops.has(w) || W.complementizers.has(w) || W.pureReporting.has(w) || W.reportingVerbs.has(w)) return false;
  if (isAdverb(W, w) || W.auxiliaries.has(w) || W.doAuxiliaries.has(w) || W.modals.has(w) || W.coordinators.has(w) || w.endsWith('ed')) return false;
  // The word is the end of a noun phrase, not a verb ("we know we need to", "both sides recognise they need to"): a
  // determiner or an adjective before it ("the support", "humanitarian assistance"), or before one or two singular
  // modifiers of a head that cannot be a third-person verb ("the budget support", not "the minister knows").
  for (let k = h - 1, n = 0; k >= 0 && n < 3; k--, n++) {
    const t = tokens[k];
    if (tokens[k + 1].punctBefore || t.capitalized) return false;
    const d = t.lower;
    if (W.nounContext.has(d) || isDeterminer(W, d)) return n === 0 || (verbForm(W, w) === 0 && !w.endsWith('s'));
    if (W.pronouns.has(d) || W.partyNouns.has(d) || W.subjectStops.has(d) || verbForm(W, d) !== 0) return false;
  }
  return false;
}

/**
 * Third parties: inside a plain report ("explained that the IAEA had confirmed", "said that experts had endorsed")
 * only a party's verb is a cue; "said that the United States would" stays. A hedged modal or a statement of need
 * ("said the goal should not be given up", "said more aid is needed", "said the region needs to ...") is the
 * reporter's own view, whatever its subject; a future modal needs a party anyway (policy C4), so only a named third
 * party is dropped there. A relative pronoun as subject ("the UN envoy, who called for"): the antecedent decides.
 */
export function isThirdPartyVerb(ctx: SentenceContext, modal: boolean, verb: string, subject: Subject, subjectAt: number, prev: Accepted | undefined): boolean {
  const W = ctx.words;
  const { tokens } = ctx;
  const reportersView = modal ? !W.futureModals.has(verb) : W.auxiliaries.has(verb) || W.needVerbs.has(verb);
  if (subject.kind === 'np' && !reportersView) {
    const r = reporterBefore(W, tokens, subject.start, prev !== undefined ? prev.endTok : 0);
    return (
      r >= 0 &&
      (modal ? namesThirdParty(W, tokens, subject.start, subject.end) : isThirdParty(W, tokens, subject.start, subject.end)) &&
      !reporterIsThirdParty(W, tokens, r, prev)
    );
  }
  if (subject.kind === 'none' && !modal) {
    let w = subjectAt - 1;
    while (w >= 0 && !tokens[w + 1].punctBefore && (isAdverb(W, tokens[w].lower) || W.auxiliaries.has(tokens[w].lower) || W.doAuxiliaries.has(tokens[w].lower))) w--;
    return w > 0 && !tokens[w + 1].punctBefore && W.relatives.has(tokens[w].lower) && (prev === undefined || w >= prev.endTok) && antecedentIsThirdParty(W, tokens, w);
  }
  return false;
}

/** The cue at `c` (ending before `end`) is a past form, "to", then a preposition or a time word ("agreed to at"). */
function strandedParticle(W: CueWords, tokens: Token[], c: number, end: number): boolean {
  const k = c + 2;
  if (end > k || k >= tokens.length || tokens[c + 1].lower !== 'to' || tokens[c + 1].punctBefore || tokens[k].punctBefore || verbForm(W, tokens[c].lower) !== 1) return false;
  const next = tokens[k].lower;
  return W.prepositions.has(next) || W.timeAdjuncts.has(next);
}

/**
 * "the three committees that President Biden and the Vice President launched at the Summit": a "that" after a noun,
 * not after a verb ("noted that", "says that", "hope that" after a cue is governed anyway), opens a relative clause
 * on that noun (C3.d), like "which".
 */
function relativeThat(W: CueWords, tokens: Token[], that: number, s: number): boolean {
  if (that === 0 || tokens[that].punctBefore) return false;
  // Its subject is a name, a pronoun or a determiner's noun ("organizations that support youth engagement highlighted"
  // has "that" as the subject of "support").
  const first = tokens[s];
  if (!(first.capitalized || W.pronouns.has(first.lower) || W.determiners.has(first.lower))) return false;
  const t = tokens[that - 1];
  const w = t.lower;
  if (t.capitalized || W.pureReporting.has(w) || W.reportingVerbs.has(w) || W.auxiliaries.has(w) || W.doAuxiliaries.has(w) || isAdverb(W, w) || W.reportingParticles.has(w)) return false;
  if (verbForm(W, w) === 1 || !(w.endsWith('s') || (that > 1 && isDeterminer(W, tokens[that - 2].lower)))) return false;
  // "told the state legislators, local leaders, and the advocates that she looks forward to": the noun is the object
  // of a reporting verb, and "that" opens its complement.
  for (let k = that - 1; k >= 0 && k >= that - RELATIVE_REACH; k--) {
    if (tokens[k + 1].semicolonBefore) break;
    if (W.pureReporting.has(tokens[k].lower) || W.reportingVerbs.has(tokens[k].lower)) return false;
  }
  return true;
}

/** How far back a "that" after a noun looks for a reporting verb whose object the noun is. */
const RELATIVE_REACH = 12;

/**
 * Policy C3.d, participles and objects that are no cues of their own:
 * - a base form whose "subject" is the object of the verb before it ("conveyed U.S. support for", "sustained U.S.
 *   support"): the cue word is a noun;
 * - a verb in a relative clause on its object ("These laws, which President Biden signed in 2022"): a past act
 *   recounted, not a position taken;
 * - a one-word past participle with its agent or adjunct and no subject ("the initiative launched by President
 *   Biden", "initiatives announced by the UAE", "Launched in January 2024, the Group …"): an adjective.
 * `c` is the cue's first token, `end` the token after its pattern, `subject` its subject.
 */
export function isObjectOrParticiple(W: CueWords, tokens: Token[], text: string, c: number, end: number, subject: Subject, isBase: boolean): boolean {
  const participle = end === c + 1 && end < tokens.length && !tokens[end].punctBefore && verbForm(W, tokens[c].lower) === 1;
  // A passive with its agent ("the reforms announced by", "if called upon by the parties").
  const byAgent = end < tokens.length && !tokens[end].punctBefore && tokens[end].lower === 'by' && verbForm(W, tokens[c].lower) === 1;
  if (byAgent && c > 0 && !tokens[c].punctBefore) {
    const w = tokens[c - 1].lower;
    if (!tokens[c - 1].capitalized && !W.auxiliaries.has(w) && !W.pronouns.has(w) && !W.doAuxiliaries.has(w) && !isAdverb(W, w)) return true;
  }
  if (subject.kind === 'np') {
    const s = subject.start;
    // "new sanctions announced today", "drones launched from Yemen": a past form right after a noun that is no party,
    // with a preposition or a time word after it and no object, is a participle on that noun (a past act, C3.d).
    // The noun stands inside the sentence ("and new sanctions announced today"); one opening it is the verb's subject
    // ("The representatives discussed with Mr. Finer").
    // So does a noun after an opening preposition or participle, its object ("Recalling the security environment
    // discussed in the recent summits, the NSAs …").
    const inside = s > 0 || (subject.end - s > 1 && (W.prepositions.has(tokens[s].lower) || tokens[s].lower.endsWith('ing')));
    if (participle && inside && subject.end === c && tokens[end].lower !== 'to' && (W.prepositions.has(tokens[end].lower) || W.timeAdjuncts.has(tokens[end].lower)) && !isPartySubject(W, tokens, subject, false)) return true;
    // "the deliverables agreed to at the Madrid Summit": a "… to" cue whose "to" takes no verb but a preposition or a
    // time word is a stranded particle of a participle on that noun (C3.d), not the party's "agreed to".
    if (inside && subject.end === c && strandedParticle(W, tokens, c, end) && !isPartySubject(W, tokens, subject, false)) return true;
    // Not after a verb that takes a clause ("they said they look forward to"): a pronoun is never an object here.
    if (isBase && s > 0 && !tokens[s].punctBefore && !W.pronouns.has(tokens[s].lower)) {
      const w = tokens[s - 1].lower;
      const takesClause = W.pureReporting.has(w) || W.reportingVerbs.has(w) || W.subjectStops.has(w);
      if (!tokens[s - 1].capitalized && !takesClause && verbForm(W, w) === 1 && !W.auxiliaries.has(w) && !W.doAuxiliaries.has(w)) return true;
    }
    // A zero relative: "the “Compact” they signed in Hiroshima".
    if (subject.end === c && isZeroRelative(W, tokens, text, s)) return true;
    // "which President Biden signed", not "in which the two leaders concurred" (the relative is a preposition's) nor
    // "which they both agreed has been critical" (the relative is the subject of the clause the cue takes).
    // The subject may be the second of two names ("that President Biden and the Vice President launched").
    let r = s;
    if (r > 1 && !tokens[r].punctBefore && W.coordinators.has(tokens[r - 1].lower)) {
      r--;
      while (r > 1 && tokens[r - 1].capitalized && !tokens[r - 1].punctBefore) r--;
      if (r === s - 1) r = s;
    }
    if (r > 0 && !tokens[r].punctBefore && W.relatives.has(tokens[r - 1].lower) && (!W.complementizers.has(tokens[r - 1].lower) || relativeThat(W, tokens, r - 1, r))) {
      if (end < tokens.length && !tokens[end].punctBefore && (W.auxiliaries.has(tokens[end].lower) || W.modals.has(tokens[end].lower))) return false;
      return !(r > 1 && !tokens[r - 1].punctBefore && W.prepositions.has(tokens[r - 2].lower));
    }
    return false;
  }
  if (!participle) return false;
  const next = tokens[end].lower;
  if (!W.prepositions.has(next) || next === 'to') return false;
  // "Launched in January 2024, the Group …"; "President Xi's decision, announced at the Leaders' Summit in Woodside,
  // to resume …": a past form between a noun and its comma and a preposition describes that noun (C3.d).
  return c === 0 || (tokens[c].punctBefore && c > 0 && afterNoun(W, tokens, c - 1));
}

/**
 * The start of a subject coordinated with a name before it: "the United States and other international partners"
 * for "other international partners" (the name's determiner included).
 */
function coordinatedStart(W: CueWords, tokens: Token[], s: number): number {
  if (s < 2 || tokens[s].punctBefore || !W.coordinators.has(tokens[s - 1].lower)) return s;
  let r = s - 1;
  while (r > 0 && tokens[r - 1].capitalized && !tokens[r].punctBefore) r--;
  if (r === s - 1) return s;
  if (r > 0 && !tokens[r].punctBefore && W.determiners.has(tokens[r - 1].lower)) r--;
  return r;
}

/** Quotation marks, the only punctuation a zero relative may have after its noun ("the “Compact” they signed"). */
function onlyQuotesBetween(text: string, from: number, to: number): boolean {
  for (let q = from; q < to; q++) {
    const u = text.charCodeAt(q);
    if (u !== 32 && u !== 34 && u !== 0x201c && u !== 0x201d && u !== 10 && u !== 13) return false;
  }
  return true;
}

/**
 * Policy C3.d, C1.g: a zero relative, "the role the United States can play", "the “Compact” they signed": a subject
 * (a name, a pronoun or a determiner's noun) right after a noun that follows a determiner or a modifier opens a
 * relative clause on that noun, as "that" or "which" would. Not after a time noun ("This week the United States
 * will host": `time-nouns`), nor a verb taking a bare clause ("the leaders agreed the FTA": no determiner before it).
 */
export function isZeroRelative(W: CueWords, tokens: Token[], text: string, subjectStart: number): boolean {
  const s = coordinatedStart(W, tokens, subjectStart);
  if (s < 2) return false;
  if (tokens[s - 1].punctBefore && !onlyQuotesBetween(text, tokens[s - 2].end, tokens[s - 1].start)) return false;
  if (tokens[s].punctBefore && !onlyQuotesBetween(text, tokens[s - 1].end, tokens[s].start)) return false;
  const first = tokens[s];
  if (!(first.capitalized || W.pronouns.has(first.lower) || W.determiners.has(first.lower))) return false;
  const noun = tokens[s - 1];
  const w = noun.lower;
  if (W.timeNouns.has(w) || W.pureReporting.has(w) || W.reportingVerbs.has(w) || W.subjectStops.has(w)) return false;
  const modifier = tokens[s - 2].lower;
  if (!(W.determiners.has(modifier) || W.nounContext.has(modifier)) || W.prepositions.has(modifier) || W.pastMarkers.has(modifier)) return false;
  // A capitalised noun is a name's head only after a determiner ("the “Compact”"), not a name's last word.
  if (noun.capitalized) return W.determiners.has(modifier) && !tokens[s - 2].capitalized;
  return afterNoun(W, tokens, s - 1);
}

/** The token at `k` ends a noun phrase: a lower-case word that is no verb form, modifier or function word. */
function afterNoun(W: CueWords, tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const w = t.lower;
  if (t.capitalized || verbForm(W, w) === 1 || w.endsWith('ing') || isAdverb(W, w) || isDeterminer(W, w)) return false;
  return !(W.prepositions.has(w) || W.coordinators.has(w) || W.pronouns.has(w) || W.auxiliaries.has(w) || W.modals.has(w) || W.complementizers.has(w) || W.relatives.has(w));
}

/**
 * Policy C3.f, a past meeting recounted: a cue dated to an earlier meeting ("reached consensus at their last
 * meeting", "At the previous summit, the leaders agreed to") tells what was decided then, not a position taken
 * now. Looks for "at / during" + a determiner + a past marker + an event noun within a few words of the cue.
 */
export function isPastMeeting(W: CueWords, tokens: Token[], start: number, end: number): boolean {
  const from = Math.max(0, start - 12);
  const to = Math.min(tokens.length - 2, end + 10);
  for (let k = from; k < to; k++) {
    const w = tokens[k].lower;
    if (w !== 'at' && w !== 'during') continue;
    let m = k + 1;
    if (m < tokens.length && isDeterminer(W, tokens[m].lower) && !W.pastMarkers.has(tokens[m].lower)) m++;
    if (m + 1 < tokens.length && W.pastMarkers.has(tokens[m].lower) && W.arrangedEvents.has(tokens[m + 1].lower)) {
      // The phrase belongs to the cue's clause: no semicolon between them.
      const lo = Math.min(k, start);
      const hi = Math.max(m + 1, end - 1);
      let clean = true;
      for (let q = lo + 1; q <= hi; q++) if (tokens[q].semicolonBefore) clean = false;
      if (clean) return true;
    }
  }
  return false;
}
