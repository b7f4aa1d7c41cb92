// Incremental re-analysis for the editor: the same Analysis as analyze(), reusing the paragraphs a cache holds.
import { ACTOR_HISTORY, findCues, isOpenPronoun } from '../cues';
import { mayHoldBinary } from '../text/binary';
import { binaryProblem, isBinaryParagraph, readoutLayout, splitParagraph, type ParagraphSpan, type ReadoutLayout } from '../readout/layout';
import type {
  Analysis,
  Cue,
  EntityMention,
  Paragraph,
  ParsedReadout,
  ReadoutProblem,
  Sentence,
  Span,
} from '../types';
import { analyseSentences, cut, truncationProblem, type AnalyzeOptions } from './analyze';
import { hasOddSpace } from '../entities/nameText';
import { markCountryRepeats } from '../entities/entities';
import { counterpartTitles } from '../entities/counterpartTitles';
import type { CompiledLexicon } from './compile';
import { TopicHits, headerParties, openingEndOf, type TopicScores } from '../topics/topics';
import { JoinedNameTokens, paragraphNameTokens, type ParagraphNameTokens } from './paragraphNames';
import { ParagraphTopics } from './paragraphTopics';

// alone, and so do its cues except one thing: a pronoun actor ("he", "they") is resolved from the actors of
// the cues before it, across paragraphs. So each paragraph is analysed on its own (offsets relative to the
// paragraph, pronouns resolved within it only), cached by its text, and the Analysis is put together by
// shifting offsets and indices; a paragraph that left a pronoun open has its cues found again (findCues, cached per
// history) with the actors of the cues before it, which is all findCues carries from one sentence to the next.
// The result is exactly what analyze() returns (test/unit/incremental.test.ts checks it on random edits).

/** One paragraph analysed on its own: offsets relative to its start, sentence indices relative to its first. */
interface ParagraphResult {
  /** The paragraph's text (its own copy): the cache key. */
  key: string;
  binary: boolean;
  sentences: Array<{ start: number; end: number; text: string }>;
  cues: Cue[];
  /** True when a cue's actor is a pronoun left unresolved inside the paragraph. */
  openPronouns: boolean;
  /** When openPronouns: the paragraph's cues found again with the actors before it, keyed by those actors. */
  resolved?: Map<string, Cue[]>;
  entities: EntityMention[];
  /** Its sentences' topic scores: topics are resolved over the whole readout (context.ts). */
  topicScores: TopicScores;
  acronyms: Span[];
  /** Its name tokens (paragraphNames.ts), when the lexicon has name rules. */
  names?: ParagraphNameTokens;
  /** Sentences whose cue matching passed the work budget (CueFinder.problems). */
  problems: ReadoutProblem[];
}

/**
 * A paragraph's results as an Analysis placed them (offsets shifted by `offset`, sentence indices by `base`),
 * kept by the cache per paragraph offset: an edit moves only the paragraphs after it, so every paragraph before it goes
 * into the next Analysis as it is, with no new object. Analysis results are never modified, so two versions
 * may share them.
 */
interface Placed {
  result: ParagraphResult;
  base: number;
  /** The cues placed (cuesAfter's array: it differs when the actors before the paragraph changed them). */
  from: Cue[];
  sentences: Sentence[];
  cues: Cue[];
  entities: EntityMention[];
  acronyms: Span[];
}

/** The paragraph's results shifted by `offset` units and `base` sentences: `old` when it placed them so. */
function place(old: Placed | undefined, r: ParagraphResult, offset: number, base: number, index: number, cues: Cue[]): Placed {
  if (old !== undefined && old.result === r && old.base === base && old.from === cues) {
    // Sentences also name their paragraph's index, which only changes when a paragraph before it was added or
    // removed: then offset and base usually change too, but not always ("\n\n" typed between two paragraphs).
    if (old.sentences.length === 0 || old.sentences[0].paragraph === index) return old;
  }
  return {
    result: r,
    base,
    from: cues,
    sentences: r.sentences.map((s, i) => ({ start: s.start + offset, end: s.end + offset, index: base + i, paragraph: index, text: s.text })),
    cues: cues.map((c) => ({ ...c, start: c.start + offset, end: c.end + offset, sentence: c.sentence + base })),
    entities: r.entities.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset, sentence: m.sentence + base })),
    acronyms: r.acronyms.map((a) => ({ ...a, start: a.start + offset, end: a.end + offset })),
  };
}


/** Per-document memory of analysed paragraphs, keyed by paragraph text; keeps only the last run's paragraphs. */
export class AnalysisCache {
  private compiled: CompiledLexicon | undefined;
  private entries = new Map<string, ParagraphResult>();
  /** Where the last run placed each paragraph, by offset (see Placed). */
  placements = new Map<number, Placed>();
  /** Paragraphs analysed (not found in the cache) by the last run: for tests and the log. */
  lastMisses = 0;
  /** The buffers names are read from, joined anew on each run. */
  readonly names = new JoinedNameTokens();
  /** The last run's topics, for the paragraphs an edit did not touch. */
  readonly topics = new ParagraphTopics();

  /** The cache's entries for this lexicon (cleared when the lexicon changed). */
  entriesFor(compiled: CompiledLexicon): Map<string, ParagraphResult> {
    if (this.compiled !== compiled) {
      this.compiled = compiled;
      this.entries = new Map();
      this.placements = new Map();
    }
    return this.entries;
  }

  replace(compiled: CompiledLexicon, entries: Map<string, ParagraphResult>): void {
    this.compiled = compiled;
    this.entries = entries;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.topics.clear();
    this.entries = new Map();
    this.placements = new Map();
    this.compiled = undefined;
  }

  /**
   * Analyses paragraphs the cache does not hold yet, a slice at a time: each `step(deadline)` works until the
   * performance.now() time `deadline` and returns true once none is left. Lets a caller spread a first
   * analysis over several event-loop turns, then call analyzeIncremental, which finds every paragraph here.
   */
  warmer(text: string, compiled: CompiledLexicon, options: AnalyzeOptions = {}): { step(deadline: number): boolean } {
    const { analysed } = cut(text, options);
    const layout = readoutLayout(analysed);
    const entries = this.entriesFor(compiled);
    const maybeBinary = mayHoldBinary(analysed);
    const odd = hasOddSpace(analysed);
    let i = 0;
    return {
      step: (deadline: number): boolean => {
        for (; i < layout.paragraphs.length; i++) {
          const p = layout.paragraphs[i];
          const key = analysed.slice(p.start, p.end);
          if (entries.has(key)) continue;
          const r = analyseParagraph(key, p, maybeBinary, compiled, odd);
          entries.set(r.key, r);
          if ((i & 7) === 7 && performance.now() > deadline) {
            i++;
            return false;
          }
        }
        return true;
      },
    };
  }
}


/**
 * A copy of `s` that shares no memory with the text it was sliced from: engines keep a slice as a view of its
 * parent, and a cache entry must not keep every earlier version of a large document alive.
 */
function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

function analyseParagraph(slice: string, p: ParagraphSpan, maybeBinary: boolean, compiled: CompiledLexicon, odd: boolean): ParagraphResult {
  const key = ownCopy(slice);
  const span: ParagraphSpan = { start: 0, end: key.length, lineStarts: p.lineStarts.map((s) => s - p.start) };
  if (maybeBinary && isBinaryParagraph(key, span)) return { key, binary: true, sentences: [], cues: [], openPronouns: false, entities: [], topicScores: NO_SCORES, acronyms: [], problems: [] };
  const sentences: Sentence[] = splitParagraph(key, span, compiled.sentenceWords).map((s, index) => ({ start: s.start, end: s.end, index, paragraph: 0, text: key.slice(s.start, s.end) }));
  const paragraph: Paragraph = { start: 0, end: key.length, index: 0, sentences: sentences.map((s) => s.index) };
  const readout: ParsedReadout = { header: { kind: 'none' }, body: { start: 0, end: key.length }, paragraphs: [paragraph], sentences, comments: [], problems: [] };
  const { cues, entities, topicScores, unknownAcronyms: acronyms, cueProblems } = analyseSentences(key, readout, compiled);
  const names = compiled.names && paragraphNameTokens(key, sentences, compiled.names, entities, acronyms, odd);
  return {
    key,
    binary: false,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    cues,
    openPronouns: cues.some((c) => c.actor !== undefined && isOpenPronoun(compiled.cues.words, c.actor)),
    entities,
    topicScores,
    acronyms,
    names,
    problems: cueProblems,
  };
}

/** The paragraph's sentences as a readout of its own (offsets relative to the paragraph), as analyseParagraph read it. */
function paragraphReadout(r: ParagraphResult): ParsedReadout {
  const sentences: Sentence[] = r.sentences.map((s, index) => ({ start: s.start, end: s.end, index, paragraph: 0, text: s.text }));
  const paragraph: Paragraph = { start: 0, end: r.key.length, index: 0, sentences: sentences.map((s) => s.index) };
  return { header: { kind: 'none' }, body: { start: 0, end: r.key.length }, paragraphs: [paragraph], sentences, comments: [], problems: [] };
}

/**
 * The paragraph's cues as a full analysis finds them after the actors `recent` (the last ACTOR_HISTORY actors
 * of the cues before it): a pronoun left open inside the paragraph may resolve to one of them. findCues itself
 * decides, from the same history it would carry there; the result is kept per history in the cache entry.
 */
function cuesAfter(r: ParagraphResult, recent: string[], compiled: CompiledLexicon): Cue[] {
  if (!r.openPronouns || recent.length === 0) return r.cues;
  // Actors come from analysed (non-binary) paragraphs, which hold no NUL: a safe separator.
  const key = recent.join('\u0000');
  r.resolved ??= new Map();
  let cues = r.resolved.get(key);
  if (cues === undefined) {
    cues = findCues(r.key, paragraphReadout(r), compiled.cues, recent);
    if (r.resolved.size >= 8) r.resolved.clear();
    r.resolved.set(key, cues);
  }
  return cues;
}

const NO_HITS = new TopicHits(0);
const NO_SCORES: TopicScores = { rows: new Float64Array(0), roles: new Uint8Array(0), hits: NO_HITS };

/**
 * The same Analysis as `analyze(text, compiled, options)`, reusing the paragraphs `cache` holds from earlier
 * runs: re-analysing a large readout after an edit costs its layout plus the changed paragraphs.
 */
export function analyzeIncremental(text: string, compiled: CompiledLexicon, cache: AnalysisCache, options: AnalyzeOptions = {}): Analysis {
  const { analysed, analyzedLength, truncated } = cut(text, options);
  const layout: ReadoutLayout = readoutLayout(analysed);
  const previous = cache.entriesFor(compiled);
  const next = new Map<string, ParagraphResult>();
  const placedBefore = cache.placements;
  const placements = new Map<number, Placed>();
  const maybeBinary = mayHoldBinary(analysed);
  const odd = hasOddSpace(analysed);
  const rules = compiled.names;
  const names = cache.names;
  names.begin();
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const cues: Cue[] = [];
  const entities: EntityMention[] = [];
  const scored: ParagraphResult[] = [];
  const unknownAcronyms: Span[] = [];
  const cueProblems: ReadoutProblem[] = [];
  /** Actors of the last ACTOR_HISTORY actor-bearing cues so far, most recent last (what findCues carries). */
  const recent: string[] = [];
  let binaryFirst = -1;
  let binaryParagraphs = 0;
  let misses = 0;
  for (const p of layout.paragraphs) {
    const key = analysed.slice(p.start, p.end);
    let r = next.get(key);
    if (r === undefined) {
      r = previous.get(key);
      if (r === undefined) {
        r = analyseParagraph(key, p, maybeBinary, compiled, odd);
        misses++;
      }
      next.set(r.key, r);
    }
    if (r.binary) {
      if (binaryFirst < 0) binaryFirst = p.start;
      binaryParagraphs++;
      continue;
    }
    const base = sentences.length;
    const index = paragraphs.length;
    const placed = place(placedBefore.get(p.start), r, p.start, base, index, cuesAfter(r, recent, compiled));
    placements.set(p.start, placed);
    const para: Paragraph = { start: p.start, end: p.end, index, sentences: [] };
    for (const s of placed.sentences) {
      para.sentences.push(sentences.length);
      sentences.push(s);
    }
    paragraphs.push(para);
    for (const c of placed.cues) {
      cues.push(c);
      if (c.actor !== undefined) {
        recent.push(c.actor);
        if (recent.length > ACTOR_HISTORY) recent.shift();
      }
    }
    for (const m of placed.entities) entities.push(m);
    scored.push(r);
    for (const a of placed.acronyms) unknownAcronyms.push(a);
    if (rules !== undefined) {
      if (r.names === undefined || r.names.odd !== odd) r.names = paragraphNameTokens(r.key, paragraphReadout(r).sentences, rules, r.entities, r.acronyms, odd);
      names.add(r.names, r.sentences.length, p.start);
    }
    for (const q of r.problems) cueProblems.push({ ...q, start: q.start + p.start, end: q.end + p.start });
  }
  cache.replace(compiled, next);
  cache.placements = placements;
  cache.lastMisses = misses;
  const problems = layout.problems;
  if (binaryFirst >= 0) problems.push(binaryProblem(analysed, binaryFirst, binaryParagraphs));
  if (truncated) problems.push(truncationProblem(text.length, analyzedLength));
  for (const q of cueProblems) problems.push(q);
  const topics = cache.topics.resolve(analysed, compiled, scored, sentences, entities, openingEndOf(cues, sentences, compiled.topics.roleWords), headerParties(layout.header, compiled.entities, compiled.topics));
  const n = analysed.length;
  const readout: ParsedReadout = { header: layout.header, body: { start: Math.min(layout.bodyStart, n), end: n }, paragraphs, sentences, comments: layout.comments, problems };
  // As analyze(): names no lexicon knows are read over the whole readout, not per paragraph (from tokens kept per paragraph).
  const named = rules === undefined ? entities : names.recognise(analysed, readout, rules, entities, unknownAcronyms);
  const all = markCountryRepeats(counterpartTitles(analysed, readout, named, compiled.entities, compiled.counterparts), compiled.entities);
  return { version: 1, textLength: text.length, readout, cues, entities: all, topics, unknownAcronyms, truncated, analyzedLength };
}
