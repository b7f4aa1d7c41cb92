// Topics for a readout put together from paragraphs analysed apart (incremental.ts), without resolving the whole
// readout after every edit. resolveTopics reads beyond a sentence only in three ways: the opening (the first
// paragraph) names the parties, a paragraph's evidence backs its sentences, and a list's items take their
// introducer's topic across a paragraph break. So when the first paragraph is unchanged, only the changed
// paragraphs are resolved again, together with the first (its parties) and the list paragraphs chained to them;
// every other paragraph keeps the topics of the last run, renumbered when sentences were added before it.
import { TOPIC_COUNT } from '../topics/model';
import { openingIndexOf } from '../topics/layout';
import { ROLE } from '../topics/roles';
import { TopicHits, readoutContextKey, resolveTopics, type TopicScores } from '../topics/topics';
import type { EntityMention, Sentence, SentenceTopics } from '../types';
import type { CompiledLexicon } from './compile';

/** What resolveTopics needs of one paragraph analysed apart. */
export interface ScoredParagraph {
  sentences: readonly unknown[];
  topicScores: TopicScores;
}

/** A sentence whose topic may come from the sentence introducing a list before it (rankTopics, T5). */
const LIST_PART = ROLE.listItem | ROLE.heading;

/** The first sentence of the paragraph may continue a list from the paragraph before it. */
function continuesList(p: ScoredParagraph): boolean {
  return p.sentences.length === 0 || (p.topicScores.roles[0] & LIST_PART) !== 0;
}

/** The paragraph's last sentence introduces a list: its topic reads the sentences after it (rankTopics, T5.a). */
function endsWithIntroducer(p: ScoredParagraph): boolean {
  const n = p.sentences.length;
  return n > 0 && (p.topicScores.roles[n - 1] & ROLE.introducer) !== 0;
}

/** The topics of the last run, per paragraph result, for the next run to keep what an edit did not touch. */
export class ParagraphTopics {
  private compiled: CompiledLexicon | undefined;
  private paragraphs: readonly ScoredParagraph[] = [];
  private topics: SentenceTopics[] = [];
  /** Where the last run's sentences started: a kept topic's evidence spans move with its sentence. */
  private starts = new Int32Array(0);
  /** What the whole readout decided in the last run (readoutContextKey): when it changes, every sentence is resolved again. */
  private context = '';

  clear(): void {
    this.compiled = undefined;
    this.context = '';
    this.paragraphs = [];
    this.topics = [];
    this.starts = new Int32Array(0);
  }

  /**
   * resolveTopics over the whole readout: `paragraphs` in order (their sentences are `sentences`, in order),
   * `mentions` the lexicon's mentions, `openingEnd` as openingEndOf gives it, `issuer` the header's parties (T2.i).
   */
  resolve(
    text: string,
    compiled: CompiledLexicon,
    paragraphs: readonly ScoredParagraph[],
    sentences: readonly Sentence[],
    mentions: readonly EntityMention[],
    openingEnd: number,
    issuer: ReadonlySet<string> = new Set(),
  ): SentenceTopics[] {
    const before = this.paragraphs;
    const n = paragraphs.length;
    // What the whole readout decides (who met, the parties with the header's, the sides named: T2, T2.i): when it
    // changed, every sentence is resolved again.
    const context = readoutContextKey(text, compiled.topics, sentences, mentions, openingEnd, issuer);
    let same = 0;
    if (this.compiled === compiled && this.context === context) while (same < n && same < before.length && paragraphs[same] === before[same]) same++;
    // T2 with T6.d: the opening may follow a title or dateline paragraph; the paragraphs up to its own name the parties.
    const at = openingIndexOf(sentences, compiled.topics.roleWords);
    let openingParagraphs = 0;
    for (let count = 0; openingParagraphs < n && count <= at; openingParagraphs++) count += paragraphs[openingParagraphs].sentences.length;
    openingParagraphs = Math.max(1, openingParagraphs);
    let topics: SentenceTopics[];
    if (same < openingParagraphs) topics = resolveAll(text, compiled, paragraphs, sentences, mentions, openingEnd, issuer);
    else if (same === n && n === before.length) topics = this.kept(0, n === 0 ? 0 : sentences.length, 0, sentences);
    else {
      let sameEnd = 0;
      while (sameEnd < n - same && sameEnd < before.length - same && paragraphs[n - 1 - sameEnd] === before[before.length - 1 - sameEnd]) sameEnd++;
      topics = this.resolveChanged(text, compiled, paragraphs, sentences, mentions, openingEnd, same, n - sameEnd, issuer, openingParagraphs);
    }
    this.compiled = compiled;
    this.context = context;
    this.paragraphs = paragraphs;
    this.topics = topics;
    const starts = new Int32Array(sentences.length);
    for (let i = 0; i < sentences.length; i++) starts[i] = sentences[i].start;
    this.starts = starts;
    return topics;
  }

  /** Paragraphs [from, to) changed since the last run, whose [0, from) and the last n - to paragraphs it had too. */
  private resolveChanged(
    text: string,
    compiled: CompiledLexicon,
    paragraphs: readonly ScoredParagraph[],
    sentences: readonly Sentence[],
    mentions: readonly EntityMention[],
    openingEnd: number,
    from: number,
    to: number,
    issuer: ReadonlySet<string>,
    openingParagraphs: number,
  ): SentenceTopics[] {
    const n = paragraphs.length;
    // Widen to whole lists: from a paragraph whose first sentence sets the list state afresh, up to the next one.
    // And back over a paragraph that ends with an introducer: what follows it decides its topic (T5.a), whether or
    // not that is still a list.
    let lo = from;
    for (;;) {
      while (lo > openingParagraphs && lo < n && continuesList(paragraphs[lo])) lo--;
      if (lo > openingParagraphs && endsWithIntroducer(paragraphs[lo - 1])) lo--;
      else break;
    }
    let hi = to;
    while (hi < n && continuesList(paragraphs[hi])) hi++;
    const firstOf = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) firstOf[i + 1] = firstOf[i] + paragraphs[i].sentences.length;
    // The opening's paragraphs and paragraphs [lo, hi), numbered from 0 as resolveTopics reads sentence indices.
    const openingCount = firstOf[openingParagraphs];
    const regionFirst = Math.max(firstOf[lo], openingCount);
    const regionEnd = firstOf[hi];
    const picked: Sentence[] = [];
    const take = (from: number, to: number): void => {
      for (let i = from; i < to; i++) picked.push({ ...sentences[i], index: picked.length });
    };
    take(0, openingCount);
    take(regionFirst, regionEnd);
    const shift = regionFirst - openingCount;
    const local = (sentence: number): number => (sentence < openingCount ? sentence : sentence - shift);
    const within: EntityMention[] = [];
    for (let k = 0; k < mentions.length && mentions[k].sentence < openingCount; k++) within.push(mentions[k]);
    for (let k = firstMentionOf(mentions, regionFirst); k < mentions.length && mentions[k].sentence < regionEnd; k++) within.push({ ...mentions[k], sentence: local(mentions[k].sentence) });
    const { rows, roles, hits, picks, leads, modelRows } = joinScores(compiled, paragraphs, picked.length, (p) => p < openingParagraphs || (p >= lo && p < hi));
    const resolved = resolveTopics(text, compiled.topics, picked, within, rows, roles, openingEnd, hits, picks, leads, modelRows, issuer, mentions);
    // Before the region: the last run's topics, at the same indices. After it: the last run's, renumbered, their
    // evidence moved with their sentences. The region's own: from its local numbering to the readout's.
    const old = this.topics;
    const out: SentenceTopics[] = this.kept(0, regionFirst, 0, sentences);
    // The opening's own results are kept unless the region follows it straight on: then what comes after an
    // introducer there (T5.a: "Source:", "The leaders agreed on the following:") may have changed, and what was
    // resolved now stands where it differs.
    if (regionFirst === openingCount) {
      for (let i = 0; i < openingCount; i++) if (JSON.stringify(resolved[i]) !== JSON.stringify(out[i])) out[i] = resolved[i];
    }
    for (let i = openingCount; i < resolved.length; i++) out.push(moved(resolved[i], shift, 0, openingCount));
    const oldAfter = old.length - (sentences.length - regionEnd);
    const delta = regionEnd - oldAfter;
    for (const t of this.kept(oldAfter, old.length, delta, sentences)) out.push(t);
    return out;
  }

  /**
   * The last run's topics [from, to), for sentences `delta` later: unchanged where their sentence did not move,
   * else with the sentence number and the evidence moved (text before a kept paragraph may have changed length,
   * e.g. the front matter, without the paragraph itself changing).
   */
  private kept(from: number, to: number, delta: number, sentences: readonly Sentence[]): SentenceTopics[] {
    const out: SentenceTopics[] = [];
    for (let i = from; i < to; i++) {
      const chars = sentences[i + delta].start - this.starts[i];
      out.push(delta === 0 && chars === 0 ? this.topics[i] : moved(this.topics[i], delta, chars, from));
    }
    return out;
  }
}

const NO_HITS = new TopicHits(0);

/**
 * `t` for a sentence `sentences` later and `chars` further on: its evidence's spans move with it, and the sentence
 * it took its topic from too when that is at or after `movesFrom` (before it, e.g. the opening, keeps its number).
 */
function moved(t: SentenceTopics, sentences: number, chars: number, movesFrom: number): SentenceTopics {
  const ev = t.evidence;
  if (ev === undefined) return { ...t, sentence: t.sentence + sentences };
  const evidence = { ...ev };
  if (ev.spans !== undefined && chars !== 0) evidence.spans = ev.spans.map((x) => x + chars);
  if (ev.from !== undefined && ev.from >= movesFrom) evidence.from = ev.from + sentences;
  return { ...t, sentence: t.sentence + sentences, evidence };
}

/** The first of `mentions` (in sentence order) in sentence `sentence` or after it. */
function firstMentionOf(mentions: readonly EntityMention[], sentence: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].sentence < sentence) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The topics of the whole readout from its paragraphs' scores, in order (as analyze() resolves them). */
function resolveAll(
  text: string,
  compiled: CompiledLexicon,
  paragraphs: readonly ScoredParagraph[],
  sentences: readonly Sentence[],
  mentions: readonly EntityMention[],
  openingEnd: number,
  issuer: ReadonlySet<string>,
): SentenceTopics[] {
  const { rows, roles, hits, picks, leads, modelRows } = joinScores(compiled, paragraphs, sentences.length, () => true);
  return resolveTopics(text, compiled.topics, sentences, mentions, rows, roles, openingEnd, hits, picks, leads, modelRows, issuer);
}

/**
 * The scores of the paragraphs `include` keeps, in order, one after another as one readout of `count` sentences:
 * what resolveTopics reads of the readout, put together from its paragraphs analysed apart.
 */
function joinScores(compiled: CompiledLexicon, paragraphs: readonly ScoredParagraph[], count: number, include: (p: number) => boolean): TopicScores & { hits: TopicHits; picks: Int8Array; leads: Float32Array } {
  const rows = new Float64Array(count * TOPIC_COUNT);
  const roles = new Uint8Array(count);
  const picks = new Int8Array(count).fill(-1);
  const leads = new Float32Array(count);
  const modelRows = compiled.topics.trained !== undefined && compiled.topics.trained.context > 0 ? new Float64Array(count * TOPIC_COUNT) : undefined;
  const parts: { hits: TopicHits; sentences: number }[] = [];
  let at = 0;
  paragraphs.forEach((r, p) => {
    if (!include(p)) return;
    const n = r.sentences.length;
    rows.set(r.topicScores.rows.subarray(0, n * TOPIC_COUNT), at * TOPIC_COUNT);
    roles.set(r.topicScores.roles.subarray(0, n), at);
    if (r.topicScores.picks !== undefined) picks.set(r.topicScores.picks.subarray(0, n), at);
    if (r.topicScores.leads !== undefined) leads.set(r.topicScores.leads.subarray(0, n), at);
    if (modelRows !== undefined && r.topicScores.modelRows !== undefined) modelRows.set(r.topicScores.modelRows.subarray(0, n * TOPIC_COUNT), at * TOPIC_COUNT);
    parts.push({ hits: r.topicScores.hits ?? NO_HITS, sentences: n });
    at += n;
  });
  return { rows, roles, hits: TopicHits.concat(parts), picks, leads, modelRows };
}
