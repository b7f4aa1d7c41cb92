// The corpus over time and by party: readouts grouped by counterpart and date, filtered, and the firm and
// hedged statements per month, quarter or year for a topic, an entity or a tracked phrase.
import type { Strength, TopicId } from '../types';
import type { ReadoutSummary, SummaryCue } from './summary';

export type Period = 'month' | 'quarter' | 'year';
export const PERIODS: readonly Period[] = ['month', 'quarter', 'year'];

/** Readouts without a (readable) date fall in this period, listed after every dated one. */
export const UNDATED = 'undated';

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** "2023", "2023-Q2" or "2023-05" for a date "2023-05-19"; UNDATED when it is not one. */
export function periodOf(date: string | undefined, by: Period): string {
  const m = date ? DATE.exec(date) : null;
  if (!m) return UNDATED;
  if (by === 'year') return m[1];
  if (by === 'quarter') return `${m[1]}-Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`;
  return `${m[1]}-${m[2]}`;
}

/** Date order, undated last, then path: the corpus's one order everywhere. */
export function byDate(a: ReadoutSummary, b: ReadoutSummary): number {
  const da = a.date ?? '\uffff';
  const db = b.date ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export interface CorpusFilter {
  topic?: TopicId;
  /** An entity id. */
  entity?: string;
  /** A government (front matter) or home (inferred), matched case-insensitively. */
  government?: string;
  /** A counterpart name, matched case-insensitively. */
  counterpart?: string;
  /** Inclusive ISO dates (prefixes work: "2022" or "2022-06"). */
  from?: string;
  to?: string;
}

/** Whether a readout passes the filter; undated readouts pass only when no date range is given. */
export function matchesFilter(s: ReadoutSummary, f: CorpusFilter): boolean {
  if (f.topic && !s.topics[f.topic]) return false;
  if (f.entity && !s.entities.includes(f.entity)) return false;
  if (f.government) {
    const g = f.government.toLowerCase();
    if (s.government?.toLowerCase() !== g && s.home?.toLowerCase() !== g) return false;
  }
  if (f.counterpart) {
    const c = f.counterpart.toLowerCase();
    if (!s.counterparts.some((x) => x.toLowerCase() === c)) return false;
  }
  if (f.from || f.to) {
    if (!s.date) return false;
    if (f.from && s.date.slice(0, f.from.length) < f.from) return false;
    if (f.to && s.date.slice(0, f.to.length) > f.to) return false;
  }
  return true;
}

export interface CounterpartGroup {
  /** A counterpart name, or "" for readouts with none found. */
  counterpart: string;
  /** The group's readouts in date order. */
  readouts: ReadoutSummary[];
  firm: number;
  hedged: number;
}

/**
 * Readouts by counterpart (a readout with two counterparts is in both groups), groups with most readouts
 * first, then by name; readouts with no counterpart last, under "".
 */
export function groupByCounterpart(summaries: readonly ReadoutSummary[]): CounterpartGroup[] {
  const groups = new Map<string, CounterpartGroup>();
  for (const s of [...summaries].sort(byDate)) {
    for (const c of s.counterparts.length ? s.counterparts : ['']) {
      let g = groups.get(c);
      if (!g) groups.set(c, (g = { counterpart: c, readouts: [], firm: 0, hedged: 0 }));
      g.readouts.push(s);
      g.firm += s.firm;
      g.hedged += s.hedged;
    }
  }
  return [...groups.values()].sort(
    (a, b) => (a.counterpart === '' ? 1 : 0) - (b.counterpart === '' ? 1 : 0) || b.readouts.length - a.readouts.length || (a.counterpart < b.counterpart ? -1 : 1),
  );
}

/** A statement behind a timeline point: where to open it. */
export interface StatementRef {
  path: string;
  date?: string;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  text: string;
  strength: Strength;
  negated: boolean;
  actor?: string;
  sentenceText?: string;
}

export interface TimelinePoint {
  period: string;
  /** Readouts of the period that the subject appears in (every readout of it when there is no subject). */
  readouts: number;
  firm: number;
  hedged: number;
  statements: StatementRef[];
}

/** What a timeline follows: every statement, a topic's, an entity's, or those in sentences holding a phrase. */
export type TimelineSubject =
  | { kind: 'all' }
  | { kind: 'topic'; topic: TopicId }
  | { kind: 'entity'; entity: string }
  /** `at`: path → offsets where the phrase occurs (src/core/corpus/track.ts, occurrenceOffsets). */
  | { kind: 'phrase'; at: ReadonlyMap<string, readonly number[]> };

function inSubject(s: ReadoutSummary, subject: TimelineSubject): { appears: boolean; cue: (c: SummaryCue) => boolean } {
  switch (subject.kind) {
    case 'all':
      return { appears: true, cue: () => true };
    case 'topic':
      return { appears: !!s.topics[subject.topic], cue: (c) => c.topics.includes(subject.topic) };
    case 'entity':
      return { appears: s.entities.includes(subject.entity), cue: (c) => c.entities.includes(subject.entity) };
    case 'phrase': {
      const at = subject.at.get(s.path) ?? [];
      return { appears: at.length > 0, cue: (c) => at.some((o) => o >= c.sentenceStart && o < c.sentenceEnd) };
    }
  }
}

/**
 * Firm and hedged statements per period about the subject, periods in order (undated last); every period from
 * the first to the last dated readout is listed, empty ones with zeros, so that a chart's axis has no holes.
 */
export function timeline(summaries: readonly ReadoutSummary[], by: Period, subject: TimelineSubject = { kind: 'all' }): TimelinePoint[] {
  const points = new Map<string, TimelinePoint>();
  for (const s of [...summaries].sort(byDate)) {
    const period = periodOf(s.date, by);
    let p = points.get(period);
    if (!p) points.set(period, (p = { period, readouts: 0, firm: 0, hedged: 0, statements: [] }));
    const { appears, cue } = inSubject(s, subject);
    if (!appears) continue;
    p.readouts++;
    for (const c of s.cues) {
      if (!cue(c)) continue;
      if (c.strength === 'firm') p.firm++;
      else p.hedged++;
      const ref: StatementRef = { path: s.path, start: c.start, end: c.end, sentenceStart: c.sentenceStart, sentenceEnd: c.sentenceEnd, text: c.text, strength: c.strength, negated: c.negated };
      if (s.date) ref.date = s.date;
      if (c.actor) ref.actor = c.actor;
      if (c.sentenceText) ref.sentenceText = c.sentenceText;
      p.statements.push(ref);
    }
  }
  const dated = [...points.keys()].filter((k) => k !== UNDATED).sort();
  const out: TimelinePoint[] = [];
  if (dated.length && spanOf(dated[0], dated[dated.length - 1], by) <= MAX_FILLED_PERIODS) {
    for (let k = dated[0]; k <= dated[dated.length - 1]; k = nextPeriod(k, by)) out.push(points.get(k) ?? { period: k, readouts: 0, firm: 0, hedged: 0, statements: [] });
  } else for (const k of dated) out.push(points.get(k) as TimelinePoint);
  const undated = points.get(UNDATED);
  if (undated) out.push(undated);
  return out;
}

/** A timeline over more periods than this (a mistyped year 1023) lists only the periods with readouts. */
export const MAX_FILLED_PERIODS = 1200;

function spanOf(first: string, last: string, by: Period): number {
  const index = (p: string): number => Number(p.slice(0, 4)) * 12 + (by === 'month' ? Number(p.slice(5, 7)) - 1 : by === 'quarter' ? (Number(p.slice(6)) - 1) * 3 : 0);
  return (index(last) - index(first)) / (by === 'month' ? 1 : by === 'quarter' ? 3 : 12) + 1;
}

/** The period after `p` ("2023-12" → "2024-01", "2023-Q4" → "2024-Q1", "2023" → "2024"). */
export function nextPeriod(p: string, by: Period): string {
  const year = Number(p.slice(0, 4));
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (by === 'year') return String(year + 1);
  if (by === 'quarter') {
    const q = Number(p.slice(6));
    return q >= 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  }
  const m = Number(p.slice(5, 7));
  return m >= 12 ? `${year + 1}-01` : `${year}-${pad(m + 1)}`;
}

export interface DateGroup {
  /** "2023" for a year, "2023-05" for a month, UNDATED for readouts without a date. */
  period: string;
  /** The group's readouts in date order. */
  readouts: ReadoutSummary[];
  firm: number;
  hedged: number;
  /** A year's months, in order (none for a month or for UNDATED). */
  months: DateGroup[];
}

/** Readouts by year, then month, both in date order; readouts without a date last, under UNDATED. */
export function groupByDate(summaries: readonly ReadoutSummary[]): DateGroup[] {
  const years = new Map<string, DateGroup>();
  const months = new Map<string, DateGroup>();
  const add = (map: Map<string, DateGroup>, period: string, s: ReadoutSummary): DateGroup => {
    let g = map.get(period);
    if (!g) map.set(period, (g = { period, readouts: [], firm: 0, hedged: 0, months: [] }));
    g.readouts.push(s);
    g.firm += s.firm;
    g.hedged += s.hedged;
    return g;
  };
  for (const s of [...summaries].sort(byDate)) {
    const year = add(years, periodOf(s.date, 'year'), s);
    if (year.period === UNDATED) continue;
    const month = periodOf(s.date, 'month');
    const had = months.has(month);
    const g = add(months, month, s);
    if (!had) year.months.push(g);
  }
  // byDate sorts undated readouts last, so UNDATED is the last group made.
  return [...years.values()];
}

/** "2022", "2022-03..2023", "..2021-06", "2023-01-15..": a date or a range of ISO date prefixes. */
const DATE_RANGE = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)?\s*(?:(\.\.)\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)?)?\s*$/;

/**
 * The CorpusFilter dates of a range as typed ("2022" is the whole year, "2022-03..2023" from March 2022 to the
 * end of 2023); `{}` for an empty text (any date), undefined for a text that is no range.
 */
export function parseDateRange(text: string): Pick<CorpusFilter, 'from' | 'to'> | undefined {
  const m = DATE_RANGE.exec(text);
  if (!m) return undefined;
  const [, from, dots, to] = m;
  if (!dots) return from ? { from, to: from } : {};
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
