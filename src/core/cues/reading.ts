// Whether a cue word reads as a verb at all: after a determiner it is a noun ("the pledge"), and an "-s" form
// may be a plural noun ("pledges of support").
import type { Candidate } from './matcher';
import { FORM_LISTED } from './pattern';
import type { Token } from './tokens';
import { isAdverb, isDeterminer, verbForm, type CueWords } from './words';

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

/**
 * Policy C3.d: a capitalised cue word inside the sentence beside another capitalised word is part of a name or a
 * title ("the Global Methane Pledge", "the White House Task Force", "Will County", "Moms Demand Action"), not a verb.
 * A pronoun opening the sentence is no name ("We Commit" in a heading reads as the verb).
 */
function isNameWord(W: CueWords, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (i === 0 || !t.capitalized) return false;
  const prev = tokens[i - 1];
  if (!t.punctBefore && prev.capitalized && !(i - 1 === 0 && (W.pronouns.has(prev.lower) || W.expletives.has(prev.lower)))) return true;
  return i + 1 < tokens.length && !tokens[i + 1].punctBefore && tokens[i + 1].capitalized;
}

/** The cue word of candidate `c` reads as a noun: after a noun context or a possessive, as a plural noun or a name. */
export function isNounReading(W: CueWords, tokens: Token[], c: Candidate): boolean {
  if (isNameWord(W, tokens, c.start)) return true;
  let b = c.start - 1;
  // Policy C3.d: an adverb between a determiner and the cue word makes it a participle used as an adjective ("a
  // widely supported plan", "the jointly agreed timetable"); after a subject the adverb modifies the verb.
  if (b > 0 && !tokens[b + 1].punctBefore && !tokens[b].punctBefore && isAdverb(W, tokens[b].lower) && W.determiners.has(tokens[b - 1].lower) && W.nounContext.has(tokens[b - 1].lower)) b--;
  const prevTok = b >= 0 && !tokens[b + 1].punctBefore ? tokens[b] : undefined;
  if (prevTok && (W.nounContext.has(prevTok.lower) || prevTok.lower.endsWith("'s") || prevTok.lower.endsWith("s'"))) return true;
  const p = c.pattern;
  const firstWord = tokens[c.start].lower;
  if (!p.modal && prevTok !== undefined && isAttributive(W, tokens, b)) return true;
  if (p.modal || p.first.get(firstWord) !== FORM_LISTED || verbForm(W, firstWord) !== 2) return false;
  // An "-s" word right after a past form or an "-ing" form is that verb's object: "welcomed plans to", "including
  // plans to", "confirmed calls for" (policy C3.d, a cue word in object position is a noun).
  if (prevTok !== undefined && !prevTok.capitalized && isVerbBefore(W, tokens, b)) return true;
  return c.end === c.start + 1 && isPluralNounReading(W, tokens, c);
}

/**
 * The name at `k` ("U.S.") modifies the cue word after it: a lower-case word of the clause before it that is no
 * article, demonstrative or possessive ("The U.S. supports"). A stance adjective before it ("continued, strong U.S.
 * support") is a modifier of the same noun, policy C3.g.
 */
function isAttributive(W: CueWords, tokens: Token[], k: number): boolean {
  if (!W.attributiveNames.has(tokens[k].lower) || k === 0 || tokens[k].punctBefore) return false;
  const w = tokens[k - 1];
  return !w.capitalized && !W.articleDeterminers.has(w.lower);
}

/**
 * The word at `k` is a past form ("welcomed") or an "-ing" form ("including") that is no auxiliary: a verb taking
 * an object. An "-ing" noun after a determiner is the subject ("This meeting underscores", "Today's meeting").
 */
function isVerbBefore(W: CueWords, tokens: Token[], k: number): boolean {
  const w = tokens[k].lower;
  if (W.auxiliaries.has(w) || W.doAuxiliaries.has(w) || W.pronouns.has(w) || isAdverb(W, w)) return false;
  if (w.length > 3 && w.endsWith('ed')) return true;
  if (w.length <= 5 || !w.endsWith('ing')) return false;
  return k === 0 || tokens[k].punctBefore || !isDeterminer(W, tokens[k - 1].lower);
}
