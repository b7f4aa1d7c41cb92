// Policy C4: will/shall/would is a cue only with a party (its government, policy, agency) as subject of a future
// action; an event the parties arrange ("the next Summit will take place") counts after "agreed that".
import { findSubject, headOf, type Subject } from '../subject';
import type { Token } from '../tokens';
import { isAdverb, isDeterminer, verbForm, type CueWords } from '../words';
import { isPartySubject } from './c5JointVoice';

/**
 * Agreed that + an event the parties arrange: "the next Summit will take place", "the Dialogue would be held",
 * "the next round of talks will convene". `k` is the modal, `subject` its subject.
 */
export function isArrangedEvent(W: CueWords, tokens: Token[], subject: Subject, k: number): boolean {
  if (subject.kind !== 'np' || !W.arrangedEvents.has(headOf(W, tokens, subject).lower)) return false;
  const n = tokens.length;
  let m = k + 1;
  while (m < n && !tokens[m].punctBefore && isAdverb(W, tokens[m].lower)) m++;
  if (m >= n || tokens[m].punctBefore) return false;
  const w = tokens[m].lower;
  if (W.arrangedVerbs.has(w)) return true;
  const seconds = W.arrangedVerbPhrases.get(w);
  if (seconds !== undefined) return m + 1 < n && seconds.has(tokens[m + 1].lower) && !tokens[m + 1].punctBefore;
  if (w !== 'be') return false;
  m++;
  while (m < n && !tokens[m].punctBefore && isAdverb(W, tokens[m].lower)) m++;
  return m < n && !tokens[m].punctBefore && W.arrangedParticiples.has(tokens[m].lower);
}

/**
 * Does the subject let the modal cue `modal` stand? A future modal needs a party as subject, "can" an explicit one
 * ("together we can"); a coordinated modal ("and will") needs the cue before it (`inherited`).
 */
export function modalHasParty(W: CueWords, tokens: Token[], modal: string, subject: Subject, inherited: boolean): boolean {
  const strict = W.strictModals.has(modal);
  if (!W.futureModals.has(modal) && !strict) return true;
  return subject.kind === 'coordinated' ? inherited : isPartySubject(W, tokens, subject, strict);
}

/**
 * The future modal at `k` states an action of its subject: not a passive ("The President will continue to be
 * briefed", "will be guided by", "will be further supported"), whose subject undergoes what another does, nor "be"
 * with a noun phrase ("The NCG will be an enduring mechanism"), which says what the subject is (policy C4.d). An
 * arranged event ("will be held") is a passive too: after "agreed that" isArrangedEvent reads it (C4.b), alone it
 * is no party's action ("The NCG will be held quarterly").
 */
export function futureIsAction(W: CueWords, tokens: Token[], k: number): boolean {
  const n = tokens.length;
  let m = k + 1;
  while (m < n && !tokens[m].punctBefore && (isAdverb(W, tokens[m].lower) || W.negationAdverbs.has(tokens[m].lower))) m++;
  // "will continue to be briefed": one verb and "to" before the passive.
  if (m + 2 < n && tokens[m + 1].lower === 'to' && tokens[m + 2].lower === 'be' && !tokens[m + 1].punctBefore && !tokens[m + 2].punctBefore) m += 2;
  if (m + 1 >= n || tokens[m].lower !== 'be' || tokens[m + 1].punctBefore) return true;
  m++;
  while (m + 1 < n && !tokens[m + 1].punctBefore && isAdverb(W, tokens[m].lower) && !W.determiners.has(tokens[m].lower)) m++;
  const w = tokens[m].lower;
  if (W.determiners.has(w) && !tokens[m].capitalized) return false;
  return !(verbForm(W, w) === 1 && !W.auxiliaries.has(w));
}

/** A gerund subject ("Empowering a new government … will create space") names an act, not a party. */
export function isGerundSubject(W: CueWords, tokens: Token[], subject: Subject): boolean {
  if (subject.kind !== 'np' || subject.end - subject.start < 2) return false;
  const w = tokens[subject.start].lower;
  return w.length > 5 && w.endsWith('ing') && isDeterminer(W, tokens[subject.start + 1].lower);
}

/**
 * The subject of a modal coordinated with a verb that is no cue ("met today with President Noboa and will meet
 * …", "has no higher priority …, and will act"): the subject of the nearest verb before the "and" at `and`.
 */
export function coordinatedSubject(W: CueWords, tokens: Token[], and: number): Subject {
  for (let k = and - 1; k >= 0 && k >= and - 40; k--) {
    if (tokens[k + 1].semicolonBefore) break;
    const t = tokens[k];
    const w = t.lower;
    // Inside a relative or complement clause the subject is its relative ("athletes who have trained … and will").
    if (!t.capitalized && (W.relatives.has(w) || W.complementizers.has(w))) break;
    if (t.capitalized || !(W.auxiliaries.has(w) || W.narrativeVerbs.has(w) || (w.length > 3 && verbForm(W, w) === 1))) continue;
    const subject = findSubject(W, tokens, k);
    if (subject.kind !== 'np') continue;
    // The subject opens its clause (sentence start, punctuation, "that"); a noun phrase cut from a longer one ("any
    // attack by North Korea against … its allies is") is not it.
    const s = subject.start;
    const opens = s === 0 || tokens[s].punctBefore || W.complementizers.has(tokens[s - 1].lower);
    return opens ? subject : { kind: 'none', start: and, end: and };
  }
  return { kind: 'none', start: and, end: and };
}

/**
 * "her National Security Advisor, Dr. Phil Gordon, would travel": the name between commas before the verb at `k`;
 * or a party noun phrase there ("We, the leaders, commit to …", a joint statement's own voice, policy C5).
 */
export function appositiveSubject(W: CueWords, tokens: Token[], k: number): Subject {
  let s = k;
  while (s > 0 && s > k - 5 && tokens[s - 1].capitalized) {
    s--;
    if (tokens[s].punctBefore) return { kind: 'np', start: s, end: k };
  }
  for (s = k - 1; s > 0 && s > k - 8; s--) {
    if (!tokens[s].punctBefore) continue;
    const between: Subject = { kind: 'np', start: s, end: k };
    return isPartySubject(W, tokens, between, true) ? between : { kind: 'none', start: k, end: k };
  }
  return { kind: 'none', start: k, end: k };
}
