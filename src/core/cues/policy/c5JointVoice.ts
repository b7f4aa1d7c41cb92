// Policy C5: a joint statement's own voice counts as the parties' ("The Compact recognizes"): the party test of a
// subject, which the party nouns (statement, declaration, compact) and capitalised names pass.
import { headOf, type Subject } from '../subject';
import type { Token } from '../tokens';
import type { CueWords } from '../words';

export function isPartySubject(W: CueWords, tokens: Token[], subject: Subject, strict: boolean): boolean {
  if (subject.kind !== 'np') return false;
  const head = headOf(W, tokens, subject);
  if (W.pronouns.has(head.lower) || W.partyNouns.has(head.lower)) return true;
  if (strict) return false;
  return head.capitalized && !W.nonPartyNames.has(head.lower);
}
