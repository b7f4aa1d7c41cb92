// "Since last time": the previous readout with the same counterpart, and what is new, dropped or changed in
// strength since, read off the comparison of the two (src/core/compare) with the older one as side A.
import { compareAnalyses, type CompareInput, type ComparedCue, type Comparison } from '../compare/compare';
import type { CompiledLexicon } from '../pipeline/compile';
import type { TopicId } from '../types';
import type { ReadoutSummary } from './summary';

export { previousReadout } from './previous';

export interface StrengthChange {
  before: ComparedCue;
  now: ComparedCue;
  mismatch: 'strength' | 'negation';
}

export interface SinceLastTime {
  previous: { path: string; date?: string; title?: string };
  current: { path: string; date?: string; title?: string };
  /** Commitments the current readout makes that the previous one had nothing comparable to. */
  newCommitments: ComparedCue[];
  /** Commitments of the previous readout the current one has nothing comparable to. */
  droppedCommitments: ComparedCue[];
  /** Matched commitments whose strength (or negation) differs. */
  changed: StrengthChange[];
  newTopics: TopicId[];
  droppedTopics: TopicId[];
  newEntities: { id: string; name: string }[];
  droppedEntities: { id: string; name: string }[];
  /** The whole comparison, for a view that shows it side by side. */
  comparison: Comparison;
}

const ref = (s: ReadoutSummary): SinceLastTime['previous'] => ({ path: s.path, ...(s.date ? { date: s.date } : {}), ...(s.title ? { title: s.title } : {}) });

/**
 * What changed from `previous` to `current` (both read in full: the caller loads the two files). Topics and
 * entities only mentioned in passing (a secondary topic) are not counted as new or dropped, as compare does not.
 */
export function sinceLastTime(previous: ReadoutSummary, prevInput: CompareInput, current: ReadoutSummary, curInput: CompareInput, compiled?: CompiledLexicon): SinceLastTime {
  const c = compareAnalyses(prevInput, curInput, compiled);
  const changed: StrengthChange[] = [];
  for (const m of c.matches) if (m.mismatch) changed.push({ before: c.cues[m.a], now: c.cues[m.b], mismatch: m.mismatch });
  const topics = (side: 'a' | 'b'): TopicId[] => c.topics.filter((t) => t.onlyIn === side && !t.inPassing && t.topic !== 'other').map((t) => t.topic);
  const entities = (side: 'a' | 'b'): { id: string; name: string }[] => c.entities.filter((e) => e.onlyIn === side && !e.titleOnly).map((e) => ({ id: e.id, name: e.name }));
  return {
    previous: ref(previous),
    current: ref(current),
    newCommitments: c.onlyB.map((id) => c.cues[id]),
    droppedCommitments: c.onlyA.map((id) => c.cues[id]),
    changed,
    newTopics: topics('b'),
    droppedTopics: topics('a'),
    newEntities: entities('b'),
    droppedEntities: entities('a'),
    comparison: c,
  };
}
