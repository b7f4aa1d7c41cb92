// "Since last time": the previous readout with the same counterpart, and what is new, dropped or changed in
// strength since, read off the comparison of the two (src/core/compare) with the older one as side A.
import { compareAnalyses, type CompareInput, type ComparedCue, type Comparison } from '../compare/compare';
import type { CompiledLexicon } from '../pipeline/compile';
import type { TopicId } from '../types';
import { byDate } from './timeline';
import type { ReadoutSummary } from './summary';

/**
 * The readout before `path` (in date order, then path order) that shares its first counterpart; when none
 * does, the latest before it sharing any counterpart. Undefined when the readout is unknown, undated, has no
 * counterpart, or is the first of its counterpart.
 */
export function previousReadout(summaries: readonly ReadoutSummary[], path: string): ReadoutSummary | undefined {
  const current = summaries.find((s) => s.path === path);
  if (!current?.date || !current.counterparts.length) return undefined;
  const earlier = summaries.filter((s) => s !== current && s.date && byDate(s, current) < 0).sort(byDate);
  const primary = current.counterparts[0];
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].counterparts.includes(primary)) return earlier[i];
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].counterparts.some((c) => current.counterparts.includes(c))) return earlier[i];
  return undefined;
}

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
