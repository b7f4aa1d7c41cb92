// The one pipeline: text → parsed readout → cues, entities, topics → Analysis. Every feature (diagnostics,
// hovers, tree, outline, CLI, export, comparison) reads the Analysis this returns; none re-scans the text.
import { findUnknownAcronyms } from './acronyms';
import { compileCuePatterns, findCues, type CueMatcher } from './commitments';
import { compileEntities, findEntities, type EntityMatcher } from './entities';
import { binaryProblem, isBinaryParagraph, parseReadout, readoutLayout, splitParagraph, type ParagraphSpan, type ReadoutLayout } from './readout';
import { assignTopics, compileTopics, type TopicModel } from './topics';
import type {
  Analysis,
  Cue,
  CuePattern,
  EntityEntry,
  EntityMention,
  Lexicon,
  Paragraph,
  ParsedReadout,
  ReadoutProblem,
  Sentence,
  SentenceTopics,
  Span,
  TopicEntry,
} from './types';

/** A lexicon compiled once into matchers; reused for every document until a lexicon file changes. */
export interface CompiledLexicon {
  lexicon: Lexicon;
  cues: CueMatcher;
  entities: EntityMatcher;
  topics: TopicModel;
  cueById: Map<string, CuePattern>;
  entityById: Map<string, EntityEntry>;
  topicById: Map<string, TopicEntry>;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  return {
    lexicon,
    cues: compileCuePatterns(lexicon.cues),
    entities: compileEntities(lexicon.entities),
    topics: compileTopics(lexicon.topics, lexicon.entities),
    cueById: new Map(lexicon.cues.map((c) => [c.id, c])),
    entityById: new Map(lexicon.entities.map((e) => [e.id, e])),
    topicById: new Map(lexicon.topics.map((t) => [t.id, t])),
  };
}

export interface AnalyzeOptions {
  /** Analyse at most this many UTF-16 code units; the rest is reported as skipped. */
  maxLength?: number;
}

interface Cut {
  analysed: string;
  analyzedLength: number;
  truncated: boolean;
}

function cut(text: string, options: AnalyzeOptions): Cut {
  const limit = options.maxLength ?? Infinity;
  const truncated = text.length > limit;
  // Cut at a paragraph break before the limit when there is one, so no sentence is analysed half-read.
  let analyzedLength = text.length;
  if (truncated) {
    const at = text.lastIndexOf('\n\n', limit);
    analyzedLength = at > limit / 2 ? at : limit;
  }
  return { analysed: truncated ? text.slice(0, analyzedLength) : text, analyzedLength, truncated };
}

function truncationProblem(text: string, analyzedLength: number): ReadoutProblem {
  return {
    start: analyzedLength,
    end: analyzedLength,
    code: 'truncated',
    severity: 'warning',
    message: `Only the first ${analyzedLength.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters were analysed (size limit).`,
  };
}

export function analyze(text: string, compiled: CompiledLexicon, options: AnalyzeOptions = {}): Analysis {
  const { analysed, analyzedLength, truncated } = cut(text, options);
  const readout = parseReadout(analysed);
  if (truncated) readout.problems.push(truncationProblem(text, analyzedLength));
  const cues = findCues(analysed, readout, compiled.cues);
  const entities = findEntities(analysed, readout, compiled.entities);
  const topics = assignTopics(analysed, readout, entities, compiled.topics);
  const unknownAcronyms = findUnknownAcronyms(analysed, readout, entities);
  return { version: 1, textLength: text.length, readout, cues, entities, topics, unknownAcronyms, truncated, analyzedLength };
}

// ---------------------------------------------------------------------------------------------------------
// Incremental analysis. A readout's sentences, entities, topics and acronyms depend on their paragraph's text
// alone, and so do its cues except one thing: a pronoun actor ("he", "they") is resolved from the actors of
// the cues before it, across paragraphs. So each paragraph is analysed on its own (offsets relative to the
// paragraph, pronouns resolved within it only), cached by its text, and the Analysis is put together by
// shifting offsets and indices, then resolving the pronouns a paragraph left open from the cues before it.
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
  entities: EntityMention[];
  topics: SentenceTopics[];
  acronyms: Span[];
}


/** Per-document memory of analysed paragraphs, keyed by paragraph text; keeps only the last run's paragraphs. */
export class AnalysisCache {
  private compiled: CompiledLexicon | undefined;
  private entries = new Map<string, ParagraphResult>();
  /** Paragraphs analysed (not found in the cache) by the last run: for tests and the log. */
  lastMisses = 0;

  /** The cache's entries for this lexicon (cleared when the lexicon changed). */
  entriesFor(compiled: CompiledLexicon): Map<string, ParagraphResult> {
    if (this.compiled !== compiled) {
      this.compiled = compiled;
      this.entries = new Map();
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
    this.entries = new Map();
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
    const maybeBinary = BINARY_CHARS.test(analysed);
    let i = 0;
    return {
      step: (deadline: number): boolean => {
        for (; i < layout.paragraphs.length; i++) {
          const p = layout.paragraphs[i];
          const key = analysed.slice(p.start, p.end);
          if (entries.has(key)) continue;
          const r = analyseParagraph(key, p, maybeBinary, compiled);
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

// eslint-disable-next-line no-control-regex -- the same test parseReadout makes before looking for binary paragraphs
const BINARY_CHARS = /[\u0000-\u0008\u000e-\u001f\ufffd]/;

/**
 * A copy of `s` that shares no memory with the text it was sliced from: engines keep a slice as a view of its
 * parent, and a cache entry must not keep every earlier version of a large document alive.
 */
function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

function analyseParagraph(slice: string, p: ParagraphSpan, maybeBinary: boolean, compiled: CompiledLexicon): ParagraphResult {
  const key = ownCopy(slice);
  const span: ParagraphSpan = { start: 0, end: key.length, lineStarts: p.lineStarts.map((s) => s - p.start) };
  if (maybeBinary && isBinaryParagraph(key, span)) return { key, binary: true, sentences: [], cues: [], openPronouns: false, entities: [], topics: [], acronyms: [] };
  const sentences: Sentence[] = splitParagraph(key, span).map((s, index) => ({ start: s.start, end: s.end, index, paragraph: 0, text: key.slice(s.start, s.end) }));
  const paragraph: Paragraph = { start: 0, end: key.length, index: 0, sentences: sentences.map((s) => s.index) };
  const readout: ParsedReadout = { header: { kind: 'none' }, body: { start: 0, end: key.length }, paragraphs: [paragraph], sentences, comments: [], problems: [] };
  const cues = findCues(key, readout, compiled.cues);
  const entities = findEntities(key, readout, compiled.entities);
  const topics = assignTopics(key, readout, entities, compiled.topics);
  const acronyms = findUnknownAcronyms(key, readout, entities);
  return {
    key,
    binary: false,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    cues,
    openPronouns: cues.some((c) => c.actor !== undefined && isOpenPronoun(c.actor)),
    entities,
    topics,
    acronyms,
  };
}

// Pronoun resolution across paragraphs, as findCues does it (commitments.ts): an actor "he"/"she" takes the
// latest singular named actor, "they" the latest plural one, among the actors of the cues earlier in its
// sentence and of the last six actor-bearing cues before the sentence. Kept in step with findCues by the
// incremental == full test.
const PRONOUNS = new Set(['we', 'they', 'he', 'she', 'i', 'you']);

function isOpenPronoun(actor: string): boolean {
  const lower = actor.toLowerCase();
  return lower === 'he' || lower === 'she' || lower === 'they';
}

function isPluralActor(actor: string): boolean {
  const a = actor.toLowerCase();
  return / and /.test(a) || /^(we|they|both.*|the pair)$/.test(a) || /(leaders|sides|parties|countries|governments|nations)$/.test(a);
}

/** The actor findCues gives cue `k` (an open pronoun in its paragraph), from the resolved cues before it. */
function resolvePronoun(cues: Cue[], k: number): string {
  const actor = cues[k].actor as string;
  const plural = actor.toLowerCase() === 'they';
  const sentence = cues[k].sentence;
  let earlier = 0;
  for (let j = k - 1; j >= 0; j--) {
    const c = cues[j];
    if (c.actor === undefined) continue;
    if (c.sentence !== sentence && ++earlier > 6) break;
    if (PRONOUNS.has(c.actor.toLowerCase())) continue;
    if (isPluralActor(c.actor) === plural) return c.actor;
  }
  return actor;
}

/**
 * The same Analysis as `analyze(text, compiled, options)`, reusing the paragraphs `cache` holds from earlier
 * runs: re-analysing a large readout after an edit costs its layout plus the changed paragraphs.
 */
export function analyzeIncremental(text: string, compiled: CompiledLexicon, cache: AnalysisCache, options: AnalyzeOptions = {}): Analysis {
  const { analysed, analyzedLength, truncated } = cut(text, options);
  const layout: ReadoutLayout = readoutLayout(analysed);
  const previous = cache.entriesFor(compiled);
  const next = new Map<string, ParagraphResult>();
  const maybeBinary = BINARY_CHARS.test(analysed);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const cues: Cue[] = [];
  const entities: EntityMention[] = [];
  const topics: SentenceTopics[] = [];
  const unknownAcronyms: Span[] = [];
  const open: number[] = [];
  let binaryFirst = -1;
  let binaryParagraphs = 0;
  let misses = 0;
  for (const p of layout.paragraphs) {
    const key = analysed.slice(p.start, p.end);
    let r = next.get(key);
    if (r === undefined) {
      r = previous.get(key);
      if (r === undefined) {
        r = analyseParagraph(key, p, maybeBinary, compiled);
        misses++;
      }
      next.set(r.key, r);
    }
    if (r.binary) {
      if (binaryFirst < 0) binaryFirst = p.start;
      binaryParagraphs++;
      continue;
    }
    const off = p.start;
    const base = sentences.length;
    const index = paragraphs.length;
    const para: Paragraph = { start: p.start, end: p.end, index, sentences: [] };
    for (const s of r.sentences) {
      para.sentences.push(sentences.length);
      sentences.push({ start: s.start + off, end: s.end + off, index: sentences.length, paragraph: index, text: s.text });
    }
    paragraphs.push(para);
    for (const c of r.cues) {
      if (r.openPronouns && c.actor !== undefined && isOpenPronoun(c.actor)) open.push(cues.length);
      cues.push({ ...c, start: c.start + off, end: c.end + off, sentence: c.sentence + base });
    }
    for (const m of r.entities) entities.push({ ...m, start: m.start + off, end: m.end + off, sentence: m.sentence + base });
    for (const t of r.topics) topics.push({ ...t, sentence: t.sentence + base });
    for (const a of r.acronyms) unknownAcronyms.push({ ...a, start: a.start + off, end: a.end + off });
  }
  for (const k of open) cues[k].actor = resolvePronoun(cues, k);
  cache.replace(compiled, next);
  cache.lastMisses = misses;
  const problems = layout.problems;
  if (binaryFirst >= 0) problems.push(binaryProblem(analysed, binaryFirst, binaryParagraphs));
  if (truncated) problems.push(truncationProblem(text, analyzedLength));
  const n = analysed.length;
  const readout: ParsedReadout = { header: layout.header, body: { start: Math.min(layout.bodyStart, n), end: n }, paragraphs, sentences, comments: layout.comments, problems };
  return { version: 1, textLength: text.length, readout, cues, entities, topics, unknownAcronyms, truncated, analyzedLength };
}
