// Lookups over sorted, non-overlapping spans (cues, mentions, sentences) by offset, in O(log n).
import type { Span } from './types';

/** The span containing `offset` (start inclusive, end inclusive so a cursor just after a word still hits). */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Spans that intersect [start, end). */
export function spansIn<T extends Span>(spans: readonly T[], start: number, end: number): T[] {
  return spans.filter((s) => s.end > start && s.start < end);
}
