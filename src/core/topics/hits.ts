// The evidence each sentence's score was made of, kept as spans into the sentence so the reader can see why a
// topic was chosen (sentences[].topicEvidence, the hover, the topic tree): flat typed arrays, no object per hit.
import type { SentenceTopics, TopicEvidence } from '../types';
import { BACKDROP_TOPIC, slotOf, type Evidence } from './model';

/**
 * Every hit of a readout's sentences: a word, phrase or entity mention that added evidence. Offsets are relative
 * to the sentence's start, so a paragraph scored on its own (incremental.ts) places without a shift.
 */
export class TopicHits {
  /** Per sentence: its hits are [from[i], to[i]). */
  readonly from: Int32Array;
  readonly to: Int32Array;
  count = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** 1 for an entity mention's hit (a party's name can be one side of the relationship, T2). */
  entity = new Uint8Array(64);
  evidence: (readonly Evidence[])[] = [];

  constructor(sentenceCount: number) {
    this.from = new Int32Array(sentenceCount);
    this.to = new Int32Array(sentenceCount);
  }

  open(i: number): void {
    if (i < this.from.length) this.from[i] = this.to[i] = this.count;
  }

  add(i: number, start: number, end: number, evidence: readonly Evidence[], entity: boolean): void {
    if (!(i < this.from.length)) return;
    const k = this.count;
    if (k === this.start.length) this.grow();
    this.start[k] = start;
    this.end[k] = end;
    this.entity[k] = entity ? 1 : 0;
    this.evidence[k] = evidence;
    this.count = k + 1;
    this.to[i] = this.count;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const start = new Int32Array(n);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(n);
    end.set(this.end);
    this.end = end;
    const entity = new Uint8Array(n);
    entity.set(this.entity);
    this.entity = entity;
  }

  /** The hits of several readouts' parts one after another, as one readout's (for analyzeIncremental). */
  static concat(parts: readonly { hits: TopicHits; sentences: number }[]): TopicHits {
    const total = parts.reduce((n, p) => n + p.sentences, 0);
    const all = new TopicHits(total);
    let at = 0;
    for (const { hits, sentences } of parts) {
      for (let i = 0; i < sentences; i++) {
        all.open(at + i);
        if (i >= hits.from.length) continue;
        for (let k = hits.from[i]; k < hits.to[i]; k++) all.add(at + i, hits.start[k], hits.end[k], hits.evidence[k], hits.entity[k] === 1);
      }
      at += sentences;
    }
    return all;
  }
}

/**
 * The score slot of the topic sentence `i` names first: its hit that starts first, not one of courtesy (T6); a party's
 * name (a mention starting at an offset in `partyStarts`, the sentence starting at `base`) names the relationship (T2).
 * -1: no hit. Policy T2.f, T4.a.
 */
export function firstNamedSlot(hits: TopicHits, i: number, base: number, partyStarts: ReadonlySet<number>): number {
  if (!(i < hits.from.length)) return -1;
  let at = Infinity;
  let slot = -1;
  for (let k = hits.from[i]; k < hits.to[i]; k++) {
    const ev = hits.evidence[k];
    if (hits.start[k] >= at || ev.length === 0) continue;
    const t = hits.entity[k] === 1 && partyStarts.has(base + hits.start[k]) ? BACKDROP_SLOT : (ev[0].slot ?? slotOf(ev[0].topic));
    if (t === OTHER_SLOT) continue;
    at = hits.start[k];
    slot = t;
  }
  return slot;
}

/** Does `evidence` count for the topic in score slot `slot`? */
function countsFor(evidence: readonly Evidence[], slot: number): boolean {
  for (let k = 0; k < evidence.length; k++) if ((evidence[k].slot ?? slotOf(evidence[k].topic)) === slot) return true;
  return false;
}

const BACKDROP_SLOT = slotOf(BACKDROP_TOPIC);
const OTHER_SLOT = slotOf('other');

/**
 * Fills in the spans of each result whose rule reads the sentence's own words (words, user, courtesy, opening):
 * the hits that count for its primary topic, in text order. A party's name counts for the relationship (T2)
 * wherever its evidence was moved there: `partyAt(i, start)` says whether a party's mention starts there.
 */
export function explain(
  results: SentenceTopics[],
  hits: TopicHits | undefined,
  sentenceStarts: ArrayLike<number>,
  partyAt: (sentence: number, start: number) => boolean,
): void {
  if (hits === undefined) return;
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    const ev: TopicEvidence | undefined = r.evidence;
    if (ev === undefined || i >= hits.from.length) continue;
    if (ev.rule !== 'words' && ev.rule !== 'courtesy' && ev.rule !== 'opening') continue;
    if (ev.from !== undefined) continue;
    const slot = slotOf(r.primary);
    const base = sentenceStarts[i];
    let spans: number[] | undefined;
    let user = false;
    for (let k = hits.from[i]; k < hits.to[i]; k++) {
      const start = base + hits.start[k];
      const counts = countsFor(hits.evidence[k], slot) || (slot === BACKDROP_SLOT && hits.entity[k] === 1 && partyAt(i, start));
      if (!counts) continue;
      (spans ??= []).push(start, base + hits.end[k]);
      if (hits.evidence[k].some((e) => e.user === true && (e.slot ?? slotOf(e.topic)) === slot)) user = true;
    }
    if (spans !== undefined) ev.spans = inTextOrder(spans);
    if (user && ev.rule === 'words') ev.rule = 'user';
  }
}

/** [start, end) pairs sorted by start (entity hits are recorded before the words around them); few per sentence. */
function inTextOrder(spans: number[]): number[] {
  for (let j = 2; j < spans.length; j += 2) {
    const s = spans[j];
    const e = spans[j + 1];
    let k = j - 2;
    while (k >= 0 && (spans[k] > s || (spans[k] === s && spans[k + 1] > e))) {
      spans[k + 2] = spans[k];
      spans[k + 3] = spans[k + 1];
      k -= 2;
    }
    spans[k + 2] = s;
    spans[k + 3] = e;
  }
  return spans;
}
