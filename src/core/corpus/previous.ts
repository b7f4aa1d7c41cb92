// "Since last time": which readout came before, found without the comparison itself (since.ts), so that the
// extension finds it before it loads the comparison's code.
import type { ReadoutSummary } from './summary';
import { byDate } from './timeline';

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
