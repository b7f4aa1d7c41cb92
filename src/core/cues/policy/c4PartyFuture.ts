// Policy C4: will/shall/would is a cue only with a party (its government, policy, agency) as subject of a future
// action; an event the parties arrange ("the next Summit will take place") counts after "agreed that".
import { headOf, type Subject } from '../subject';
import type { Token } from '../tokens';
import { isAdverb, type CueWords } from '../words';
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
