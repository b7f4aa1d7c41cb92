// Plain reporting verbs and their complements (policy C3: reporting is no cue; policy C1: a reporting verb may
// open a clause of its own).
import type { Token } from './tokens';
import type { CueWords } from './words';

/** If tokens[k] ends a plain reporting verb ("said", "made clear", "pointed out"), the verb's index; else -1. */
export function reportingVerbAt(W: CueWords, tokens: Token[], k: number): number {
  const w = tokens[k].lower;
  if (W.pureReporting.has(w)) return k;
  const verbs = W.reportingParticles.get(w);
  return verbs !== undefined && k > 0 && !tokens[k].punctBefore && verbs.has(tokens[k - 1].lower) ? k - 1 : -1;
}

/**
 * The plain reporting verb whose complement has its subject at token `s` ("said [that] s", "told reporters that s",
 * "made clear that s"), or -1. Looks back a few tokens only (constant work) and never before `min`.
 */
export function reporterBefore(W: CueWords, tokens: Token[], s: number, min: number): number {
  let k = s - 1;
  if (k < min || k < 0) return -1;
  if (!W.complementizers.has(tokens[k].lower)) {
    const r = reportingVerbAt(W, tokens, k);
    return r >= min ? r : -1;
  }
  for (let n = 0; n < 4; n++) {
    if (tokens[k].punctBefore) return -1;
    k--;
    if (k < min || k < 0) return -1;
    const r = reportingVerbAt(W, tokens, k);
    if (r >= min) return r;
  }
  return -1;
}
