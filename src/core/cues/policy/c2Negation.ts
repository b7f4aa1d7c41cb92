// Policy C2: negation and refusal keep the cue and mark it negated ("will not accept", "does not support", "did
// not agree"); the span grows over the do-support or auxiliary and the "not" that belong to the cue.
import type { Candidate } from '../matcher';
import type { Token } from '../tokens';
import { isAdverb, type CueWords } from '../words';

/** The cue's token span, the token its subject is looked for before, and whether it is negated. */
export interface NegationScope {
  start: number;
  end: number;
  subjectAt: number;
  negated: boolean;
}

/**
 * The scope of candidate `c`: `b` is the token before the cue past its modifiers and `before` its word ('' when
 * none); `isBase` tells a base-form cue.
 */
export function negationScope(W: CueWords, tokens: Token[], c: Candidate, isBase: boolean, b: number, before: string): NegationScope {
  const modal = c.pattern.modal;
  let start = c.start;
  let end = c.end;
  let subjectAt = c.start;
  let negated = false;
  if (isBase && W.doAuxiliaries.has(before)) {
    // "does not support", "did agree": the auxiliary is part of the cue and its subject comes before it.
    start = b;
    subjectAt = b;
    negated = before.endsWith("n't") || tokens.slice(b + 1, c.start).some((t) => W.negationAdverbs.has(t.lower));
  }
  if (!modal && W.negationAdverbs.has(before)) {
    // "has not decided to", "did not agree": the negation belongs to the cue.
    let a = b - 1;
    while (a >= 0 && isAdverb(W, tokens[a].lower) && !tokens[a + 1].punctBefore) a--;
    if (a >= 0 && (W.auxiliaries.has(tokens[a].lower) || W.doAuxiliaries.has(tokens[a].lower))) {
      start = a;
      subjectAt = a;
      negated = true;
    }
  }
  if (modal && end < tokens.length && W.negationAdverbs.has(tokens[end].lower) && !tokens[end].punctBefore) {
    end++;
  }
  for (let k = start; k < end; k++) if (W.negations.has(tokens[k].lower)) negated = true;
  return { start, end, subjectAt, negated };
}
