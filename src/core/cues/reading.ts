// Whether a cue word reads as a verb at all: after a determiner it is a noun ("the pledge"), and an "-s" form
// may be a plural noun ("pledges of support").
import type { Candidate } from './matcher';
import { FORM_LISTED } from './pattern';
import type { Token } from './tokens';
import { isAdverb, verbForm, type CueWords } from './words';

/**
 * A one-word "-s" cue read as a plural noun: "pledges of support", "could turn pledges into delivery", "climate
 * pledges", "The leaders pledges" (a verb "pledges" needs a singular subject: "Japan pledges to").
 */
function isPluralNounReading(W: CueWords, tokens: Token[], c: Candidate): boolean {
  const n = tokens.length;
  if (c.end < n && !tokens[c.end].punctBefore) {
    const next = tokens[c.end].lower;
    if (W.pluralNounFollowers.has(next)) return true;
  }
  const i = c.start;
  if (i === 0 || tokens[i].punctBefore) return false;
  const prev = tokens[i - 1];
  if (prev.capitalized) return false;
  const w = prev.lower;
  // A plural before it: a noun compound or an ungrammatical verb ("donors pledges", "the leaders pledges").
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s") && !W.notPluralS.has(w) && !isAdverb(W, w)) return true;
  // A bare verb after a modal or "to" takes it as object: "could turn pledges", "to make promises".
  if (i >= 2 && !tokens[i - 1].punctBefore && W.infinitiveMarkers.has(tokens[i - 2].lower) && !isAdverb(W, w) && !W.pronouns.has(w) && !W.expletives.has(w) && verbForm(W, w) === 0) return true;
  return false;
}

/** The cue word of candidate `c` reads as a noun: after a noun context or a possessive, or as a plural noun. */
export function isNounReading(W: CueWords, tokens: Token[], c: Candidate): boolean {
  let b = c.start - 1;
  // Policy C3.d: an adverb between a determiner and the cue word makes it a participle used as an adjective ("a
  // widely supported plan", "the jointly agreed timetable"); after a subject the adverb modifies the verb.
  if (b > 0 && !tokens[b + 1].punctBefore && !tokens[b].punctBefore && isAdverb(W, tokens[b].lower) && W.determiners.has(tokens[b - 1].lower) && W.nounContext.has(tokens[b - 1].lower)) b--;
  const prevTok = b >= 0 && !tokens[b + 1].punctBefore ? tokens[b] : undefined;
  if (prevTok && (W.nounContext.has(prevTok.lower) || prevTok.lower.endsWith("'s") || prevTok.lower.endsWith("s'"))) return true;
  const p = c.pattern;
  const firstWord = tokens[c.start].lower;
  return !p.modal && c.end === c.start + 1 && p.first.get(firstWord) === FORM_LISTED && verbForm(W, firstWord) === 2 && isPluralNounReading(W, tokens, c);
}
