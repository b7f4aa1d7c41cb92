// Puts two readouts of the same meeting side by side: what each side said per topic, which topics, entities
// and commitments only one side mentions, and which commitment one side states firmly and the other hedges.
// Pure and serialisable: the webview, the CLI and the tests all read the same Comparison.
//
// Matching commitments across the two sides (the "what" of a cue):
//   1. The cue's *what* is the clause after the cue: from the cue's end to the next cue of the same sentence
//      (less that cue's actor) or the sentence end.
//   2. Features of a what: its content words, lower-cased and reduced by a light suffix stripper ("defending",
//      "defended" → "defend"; not a full lemmatiser), without function words, readout boilerplate ("leaders",
//      "Prime Minister") and stance words ("importance", "commitment", "steadfast") — those say how strongly,
//      not what — plus the ids of the entities named in the clause (so "U.S." and "United States" agree, and
//      the words of a name are not counted twice).
//   3. Each feature weighs its inverse document frequency over the sentences of both readouts,
//      w = ln(1 + N / df): a word in every sentence ("Japan" in a Japan–US pair) says little; a rare one much.
//   4. Similarity is the weighted Ochiai (cosine) coefficient of the two feature sets:
//      sim = w(A ∩ B) / sqrt(w(A) · w(B)). It tolerates the usual length difference between two sides'
//      readouts better than Dice or Jaccard.
//   5. Two cues match when sim ≥ MATCH_THRESHOLD (0.3) and they share at least two features or one named
//      entity (one common word is not enough); without a shared entity their sentences must also share a
//      topic (primary or secondary).
//      The same statement word for word (same sentence, same cue, same what) matches however short its what.
//      Pairs are taken greedily, best first, each cue at most once. Below the threshold a cue is "only" on
//      its side: the other readout records nothing comparable.
//   6. Only pairs sharing a feature or the statement are scored, found by an inverted index, and at most
//      MAX_CANDIDATES_PER_CUE per cue: comparing long readouts is near-linear, ordinary ones are unchanged.
//   A matched pair whose strengths differ is a strength mismatch; one whose negation differs, a polarity mismatch.
import type { CompiledLexicon } from '../pipeline/compile';
import type { Analysis, Cue, EntityType, Strength, TopicId } from '../types';
import { escapeText } from '../report/markdownText';
import { EntitySpans, featuresOf, keys, type Features } from './features';

export { stem } from './features';

export const COMPARISON_VERSION = 1;
export const MATCH_THRESHOLD = 0.3;

export type SideKey = 'a' | 'b';

export interface CompareInput {
  /** Shown as the column heading: "US readout", a file name, the issuing government. */
  label: string;
  text: string;
  analysis: Analysis;
}

/** One commitment cue, with the clause it governs. `id` is `${side}:${index into analysis.cues}`. */
export interface ComparedCue {
  id: string;
  side: SideKey;
  start: number;
  end: number;
  text: string;
  strength: Strength;
  negated: boolean;
  actor: string | null;
  sentence: number;
  /** The clause after the cue that the match compares ("deepening U.S.-UK cooperation in ..."). */
  what: string;
  /** id of the other side's cue this one was matched with, if any. */
  matchedWith?: string;
}

export interface ComparedStatement {
  side: SideKey;
  sentence: number;
  start: number;
  end: number;
  /** The sentence, whitespace collapsed. */
  text: string;
  /** Whether the topic is the sentence's primary topic or its secondary one. */
  role: 'primary' | 'secondary';
  cues: ComparedCue[];
}

export interface TopicRow {
  topic: TopicId;
  label: string;
  a: ComparedStatement[];
  b: ComparedStatement[];
  /** Set when only one side mentions the topic at all (as primary or secondary topic of a sentence). */
  onlyIn?: SideKey;
  /**
   * With `onlyIn`: the side mentions it only as a sentence's secondary topic (in passing). Two sides often tag
   * the same sentence differently at that level, so such a row is shown but not counted as an omission
   * (nor is the catch-all topic "other").
   */
  inPassing?: boolean;
}

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  a: { mentions: number; first?: { start: number; end: number } };
  b: { mentions: number; first?: { start: number; end: number } };
  onlyIn?: SideKey;
  /**
   * For a person only one side names: the title by which the other side refers to them ("Prime Minister"),
   * when its text uses it. Such a row is not an omission.
   */
  titleOnly?: string;
}

export interface CommitmentMatch {
  a: string;
  b: string;
  similarity: number;
  /** The features both whats share (words and `@entity` ids), strongest first. */
  shared: string[];
  mismatch?: 'strength' | 'negation';
}

export interface ComparedSideSummary {
  label: string;
  date?: string;
  government?: string;
  title?: string;
  sentences: number;
  firm: number;
  hedged: number;
  topics: TopicId[];
}

export interface Comparison {
  version: typeof COMPARISON_VERSION;
  a: ComparedSideSummary;
  b: ComparedSideSummary;
  topics: TopicRow[];
  entities: EntityRow[];
  /** Every cue of both sides by id. */
  cues: Record<string, ComparedCue>;
  matches: CommitmentMatch[];
  /** Cue ids with no counterpart on the other side. */
  onlyA: string[];
  onlyB: string[];
  omissions: Omission[];
  method: { similarity: string; threshold: number };
}

/** Something one side mentions and the other does not, for the summary at the top. */
export interface Omission {
  kind: 'topic' | 'entity' | 'commitment';
  onlyIn: SideKey;
  /** Topic id, entity id or cue id. */
  ref: string;
  label: string;
}

// ---------------------------------------------------------------------------------------------------------
// The comparison

interface SideWork {
  key: SideKey;
  input: CompareInput;
  topicsBySentence: Map<number, TopicId[]>;
  cues: ComparedCue[];
  features: Map<string, Features>;
  /** Per cue: its sentence, its place among the sentence's cues, the cue and its what; equal means the same statement. */
  statements: string[];
  spans: EntitySpans;
}

function topicsOf(analysis: Analysis): Map<number, TopicId[]> {
  return new Map(analysis.topics.map((t) => [t.sentence, t.secondary ? [t.primary, t.secondary] : [t.primary]]));
}

/** The clause a cue governs: to the next cue of its sentence (without that cue's actor) or the sentence end. */
function clauseEnd(cue: Cue, next: Cue | undefined, text: string, sentenceEnd: number): number {
  if (!next || next.sentence !== cue.sentence) return sentenceEnd;
  let end = next.start;
  if (next.actor) {
    const at = text.slice(cue.end, end).lastIndexOf(next.actor);
    if (at >= 0) end = cue.end + at;
  }
  return end;
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function prepare(key: SideKey, input: CompareInput): SideWork {
  const { analysis, text } = input;
  const cues: ComparedCue[] = [];
  const features = new Map<string, Features>();
  const statements: string[] = [];
  // Clauses pair by lexicon entities: an unknown name's id is its spelling in one readout, which the other may not share.
  const spans = new EntitySpans(analysis.entities.filter((m) => m.known !== false));
  let ordinal = 0;
  analysis.cues.forEach((cue, i) => {
    const sentence = analysis.readout.sentences[cue.sentence];
    const end = clauseEnd(cue, analysis.cues[i + 1], text, sentence ? sentence.end : cue.end);
    const id = `${key}:${i}`;
    const what = flat(text.slice(cue.end, end)).replace(/([\s,;:.]+(and|or|but)?)+$/i, '');
    cues.push({
      id,
      side: key,
      start: cue.start,
      end: cue.end,
      text: cue.text,
      strength: cue.strength,
      negated: cue.negated,
      actor: cue.actor ?? null,
      sentence: cue.sentence,
      what,
    });
    features.set(id, featuresOf(text, cue.end, end, spans));
    ordinal = i && analysis.cues[i - 1].sentence === cue.sentence ? ordinal + 1 : 0;
    statements.push([flat(sentence?.text ?? ''), ordinal, cue.text, what].join('\u0000'));
  });
  return { key, input, topicsBySentence: topicsOf(analysis), cues, features, statements, spans };
}

/** Inverse document frequency of every feature over the sentences of both readouts. */
function idfWeights(sides: SideWork[]): (feature: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const side of sides) {
    for (const s of side.input.analysis.readout.sentences) {
      n++;
      for (const k of keys(featuresOf(side.input.text, s.start, s.end, side.spans))) df.set(k, (df.get(k) ?? 0) + 1);
    }
  }
  const weights = new Map<string, number>();
  return (k) => {
    let w = weights.get(k);
    if (w === undefined) weights.set(k, (w = Math.log(1 + Math.max(n, 1) / Math.max(df.get(k) ?? 1, 1))));
    return w;
  };
}

interface Candidate {
  a: ComparedCue;
  b: ComparedCue;
  similarity: number;
  shared: string[];
}

/** Weighted Ochiai similarity of two whats, with the shared features strongest first. */
export function similarity(fa: Features, fb: Features, weight: (k: string) => number): { value: number; shared: string[] } {
  return similarityOf(scored(fa, weight), scored(fb, weight), weight);
}

function shareTopic(a: TopicId[] | undefined, b: TopicId[] | undefined): boolean {
  return !!a && !!b && a.some((t) => b.includes(t));
}

/**
 * At most this many of the other side's cues are scored against one cue, so comparing long readouts stays
 * near-linear. Readouts with fewer cues than this on the other side (every ordinary readout: the longest of
 * the samples has 38) are compared with every cue, as before the bound.
 */
export const MAX_CANDIDATES_PER_CUE = 128;

/** Work a comparison did, for tests and benchmarks that watch its growth. */
export interface CompareStats {
  /** Pairs of cues whose similarity was computed. */
  pairsScored: number;
}

/**
 * The other side's cues worth scoring against each cue: those sharing its statement or a feature, taken from an
 * inverted index, rarest feature first (a rare shared word weighs most), each list read outward from the
 * cue's relative position (two readouts of one meeting tend to run in the same order), until the bound.
 * A cue sharing no feature cannot reach the threshold, so without the bound this is exactly every pair that could match.
 */
function candidatesFor(A: SideWork, B: SideWork): (i: number) => number[] {
  const postings = new Map<string, number[]>();
  const post = (k: string, j: number): void => {
    const list = postings.get(k);
    if (list) {
      if (list[list.length - 1] !== j) list.push(j);
    } else postings.set(k, [j]);
  };
  B.cues.forEach((c, j) => {
    post(`=${B.statements[j]}`, j);
    for (const k of keys(B.features.get(c.id)!)) post(k, j);
  });
  const chosen = new Int32Array(B.cues.length).fill(-1);
  return (i) => {
    const lists = keys(A.features.get(A.cues[i].id)!)
      .map((k) => postings.get(k))
      .filter((l): l is number[] => !!l)
      .sort((x, y) => x.length - y.length);
    const same = postings.get(`=${A.statements[i]}`);
    if (same) lists.unshift(same);
    const center = A.cues.length > 1 ? Math.round((i * (B.cues.length - 1)) / (A.cues.length - 1)) : 0;
    const out: number[] = [];
    for (const list of lists) {
      let hi = 0;
      for (let step = list.length; step > 0; step >>= 1) while (hi + step <= list.length && list[hi + step - 1] < center) hi += step;
      let lo = hi - 1;
      while (out.length < MAX_CANDIDATES_PER_CUE && (lo >= 0 || hi < list.length)) {
        const j = hi < list.length && (lo < 0 || list[hi] - center <= center - list[lo]) ? list[hi++] : list[lo--];
        if (chosen[j] !== i) {
          chosen[j] = i;
          out.push(j);
        }
      }
      if (out.length >= MAX_CANDIDATES_PER_CUE) break;
    }
    return out;
  };
}

/** A what's features as `similarity` reads them, computed once per cue rather than once per pair. */
interface Scored {
  keys: string[];
  set: Set<string>;
  weight: number;
}

function scored(f: Features, weight: (k: string) => number): Scored {
  const k = keys(f);
  return { keys: k, set: new Set(k), weight: k.reduce((s, x) => s + weight(x), 0) };
}

/** Weighted Ochiai on prepared features; the sums run in the order they always did, so the figures agree to the last bit. */
function similarityOf(fa: Scored, fb: Scored, weight: (k: string) => number): { value: number; shared: string[] } {
  const shared = fa.keys.filter((k) => fb.set.has(k));
  if (shared.length > 1) shared.sort((x, y) => weight(y) - weight(x) || (x < y ? -1 : 1));
  const ws = shared.reduce((s, k) => s + weight(k), 0);
  return { value: fa.weight && fb.weight ? ws / Math.sqrt(fa.weight * fb.weight) : 0, shared };
}

function matchCues(A: SideWork, B: SideWork, weight: (k: string) => number, stats: CompareStats): CommitmentMatch[] {
  const candidates: Candidate[] = [];
  const candidatesOf = candidatesFor(A, B);
  const scoredA = A.cues.map((c) => scored(A.features.get(c.id)!, weight));
  const scoredB = B.cues.map((c) => scored(B.features.get(c.id)!, weight));
  A.cues.forEach((a, i) => {
    for (const j of candidatesOf(i)) {
      const b = B.cues[j];
      stats.pairsScored++;
      const { value, shared } = similarityOf(scoredA[i], scoredB[j], weight);
      const sharesEntity = shared.some((k) => k.startsWith('@'));
      // The two sides' topic tagging of one point can differ (Belfast: economy vs bilateral); a named entity in
      // common is evidence enough then.
      const evident =
        value >= MATCH_THRESHOLD &&
        (shared.length >= 2 || sharesEntity) &&
        (sharesEntity || shareTopic(A.topicsBySentence.get(a.sentence), B.topicsBySentence.get(b.sentence)));
      // The same statement word for word is a match however short its what: one word, or none, is too little
      // evidence between two different sentences, not between two copies of one.
      if (evident) candidates.push({ a, b, similarity: value, shared });
      else if (A.statements[i] === B.statements[j]) candidates.push({ a, b, similarity: 1, shared });
    }
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.a.start - y.a.start || x.b.start - y.b.start);
  const used = new Set<string>();
  const matches: CommitmentMatch[] = [];
  for (const c of candidates) {
    if (used.has(c.a.id) || used.has(c.b.id)) continue;
    used.add(c.a.id);
    used.add(c.b.id);
    c.a.matchedWith = c.b.id;
    c.b.matchedWith = c.a.id;
    const match: CommitmentMatch = { a: c.a.id, b: c.b.id, similarity: Math.round(c.similarity * 1000) / 1000, shared: c.shared };
    if (c.a.strength !== c.b.strength) match.mismatch = 'strength';
    else if (c.a.negated !== c.b.negated) match.mismatch = 'negation';
    matches.push(match);
  }
  return matches.sort((x, y) => Number(x.a.split(':')[1]) - Number(y.a.split(':')[1]));
}

function statementsByTopic(side: SideWork): Map<TopicId, ComparedStatement[]> {
  const { analysis } = side.input;
  const cuesBySentence = new Map<number, ComparedCue[]>();
  for (const c of side.cues) {
    const list = cuesBySentence.get(c.sentence);
    if (list) list.push(c);
    else cuesBySentence.set(c.sentence, [c]);
  }
  const out = new Map<TopicId, ComparedStatement[]>();
  for (const t of analysis.topics) {
    const s = analysis.readout.sentences[t.sentence];
    if (!s) continue;
    const roles: [TopicId, 'primary' | 'secondary'][] = [[t.primary, 'primary']];
    if (t.secondary) roles.push([t.secondary, 'secondary']);
    for (const [topic, role] of roles) {
      const list = out.get(topic) ?? [];
      list.push({ side: side.key, sentence: s.index, start: s.start, end: s.end, text: flat(s.text), role, cues: cuesBySentence.get(s.index) ?? [] });
      out.set(topic, list);
    }
  }
  return out;
}

function summary(side: SideWork): ComparedSideSummary {
  const { analysis, label } = side.input;
  const h = analysis.readout.header;
  const firm = analysis.cues.filter((c) => c.strength === 'firm').length;
  const topics: TopicId[] = [];
  for (const t of analysis.topics) for (const id of [t.primary, t.secondary]) if (id && !topics.includes(id)) topics.push(id);
  const out: ComparedSideSummary = { label, sentences: analysis.readout.sentences.length, firm, hedged: analysis.cues.length - firm, topics };
  if (h.date) out.date = h.date;
  if (h.government) out.government = h.government;
  if (h.title) out.title = h.title;
  return out;
}

/** "Prime Minister" from "Prime Minister of the United Kingdom (since 2024); ...". */
function titleOf(office: string | undefined): string | undefined {
  const first = office?.split(';')[0].replace(/\(.*?\)/g, '').trim();
  const title = first?.split(/\s+of\s+/)[0].trim();
  return title && title.length >= 3 ? title : undefined;
}

function compareEntities(A: SideWork, B: SideWork, compiled: CompiledLexicon | undefined): EntityRow[] {
  const rows = new Map<string, EntityRow>();
  const order = new Map<string, number>();
  for (const side of [A, B]) {
    const len = Math.max(side.input.analysis.readout.body.end - side.input.analysis.readout.body.start, 1);
    for (const m of side.input.analysis.entities) {
      const row = rows.get(m.id) ?? { id: m.id, name: m.name, type: m.type, a: { mentions: 0 }, b: { mentions: 0 } };
      const cell = row[side.key];
      if (!cell.first) cell.first = { start: m.start, end: m.end };
      cell.mentions++;
      rows.set(m.id, row);
      const rel = (m.start - side.input.analysis.readout.body.start) / len;
      order.set(m.id, Math.min(order.get(m.id) ?? Infinity, rel));
    }
  }
  for (const row of rows.values()) {
    if (row.a.mentions && row.b.mentions) continue;
    row.onlyIn = row.a.mentions ? 'a' : 'b';
    if (row.type === 'person') {
      const other = row.onlyIn === 'a' ? B : A;
      const title = titleOf(compiled?.entityById.get(row.id)?.office);
      if (title && new RegExp(`\\b${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(other.input.text)) row.titleOnly = title;
    }
  }
  return [...rows.values()].sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
}

/** Compares two readouts of the same meeting. Never throws on odd input: empty readouts compare as empty. */
export function compareAnalyses(a: CompareInput, b: CompareInput, compiled?: CompiledLexicon, stats: CompareStats = { pairsScored: 0 }): Comparison {
  const A = prepare('a', a);
  const B = prepare('b', b);
  const weight = idfWeights([A, B]);
  const matches = matchCues(A, B, weight, stats);

  // Topics: weight = statements with the topic as primary (1) or secondary (0.5) on both sides; ties by
  // first appearance (relative position in either readout).
  const byTopicA = statementsByTopic(A);
  const byTopicB = statementsByTopic(B);
  const ids = new Set<TopicId>([...byTopicA.keys(), ...byTopicB.keys()]);
  const rank = (t: TopicId): { weight: number; first: number } => {
    let w = 0;
    let first = Infinity;
    for (const [side, map] of [
      [A, byTopicA],
      [B, byTopicB],
    ] as const) {
      const body = side.input.analysis.readout.body;
      const len = Math.max(body.end - body.start, 1);
      for (const s of map.get(t) ?? []) {
        w += s.role === 'primary' ? 1 : 0.5;
        first = Math.min(first, (s.start - body.start) / len);
      }
    }
    return { weight: w, first };
  };
  const ranks = new Map([...ids].map((t) => [t, rank(t)]));
  const topics: TopicRow[] = [...ids]
    .sort((x, y) => ranks.get(y)!.weight - ranks.get(x)!.weight || ranks.get(x)!.first - ranks.get(y)!.first)
    .map((topic) => {
      const row: TopicRow = { topic, label: compiled?.topicById.get(topic)?.label ?? topic, a: byTopicA.get(topic) ?? [], b: byTopicB.get(topic) ?? [] };
      if (!row.a.length || !row.b.length) {
        row.onlyIn = row.a.length ? 'a' : 'b';
        if (row[row.onlyIn].every((s) => s.role === 'secondary')) row.inPassing = true;
      }
      return row;
    });

  const entities = compareEntities(A, B, compiled);
  const cues: Record<string, ComparedCue> = {};
  for (const c of [...A.cues, ...B.cues]) cues[c.id] = c;
  const onlyA = A.cues.filter((c) => !c.matchedWith).map((c) => c.id);
  const onlyB = B.cues.filter((c) => !c.matchedWith).map((c) => c.id);

  const omissions: Omission[] = [
    ...topics.filter((t) => t.onlyIn && !t.inPassing && t.topic !== 'other').map((t): Omission => ({ kind: 'topic', onlyIn: t.onlyIn!, ref: t.topic, label: t.label })),
    ...entities.filter((e) => e.onlyIn && !e.titleOnly).map((e): Omission => ({ kind: 'entity', onlyIn: e.onlyIn!, ref: e.id, label: e.name })),
    ...[...onlyA, ...onlyB].map((id): Omission => {
      const c = cues[id];
      return { kind: 'commitment', onlyIn: c.side, ref: id, label: `${c.actor ? `${c.actor} ` : ''}${c.text} ${c.what}`.trim() };
    }),
  ];

  return {
    version: COMPARISON_VERSION,
    a: summary(A),
    b: summary(B),
    topics,
    entities,
    cues,
    matches,
    onlyA,
    onlyB,
    omissions,
    method: {
      similarity:
        'IDF-weighted Ochiai coefficient of the clause after each cue (content-word stems and entity ids); at least 2 shared features or 1 shared entity; a shared topic when no entity is shared',
      threshold: MATCH_THRESHOLD,
    },
  };
}

/** The matches where one side is firm and the other hedged (or one negated), in side A's order. */
export function strengthMismatches(c: Comparison): CommitmentMatch[] {
  return c.matches.filter((m) => m.mismatch);
}

// ---------------------------------------------------------------------------------------------------------
// Markdown, for the CLI and for pasting into a brief

const cell = escapeText;

function cueLine(c: ComparedCue): string {
  const strength = `${c.strength}${c.negated ? ', negated' : ''}`;
  return `${c.actor ? `${cell(c.actor)} ` : ''}**${cell(c.text)}** ${cell(c.what)} _(${strength})_`;
}

export function comparisonMarkdown(c: Comparison): string {
  const side = (k: SideKey): ComparedSideSummary => c[k];
  const name = (k: SideKey): string => cell(side(k).label);
  const lines: string[] = [];
  lines.push(`# Comparison: ${name('a')} ↔ ${name('b')}`, '');
  lines.push('| | A | B |', '|---|---|---|');
  lines.push(`| Readout | ${name('a')} | ${name('b')} |`);
  lines.push(`| Date | ${cell(side('a').date ?? '')} | ${cell(side('b').date ?? '')} |`);
  lines.push(`| Issued by | ${cell(side('a').government ?? '')} | ${cell(side('b').government ?? '')} |`);
  lines.push(`| Sentences | ${side('a').sentences} | ${side('b').sentences} |`);
  lines.push(`| Firm / hedged commitments | ${side('a').firm} / ${side('a').hedged} | ${side('b').firm} / ${side('b').hedged} |`, '');

  const mism = strengthMismatches(c);
  lines.push('## Stated firmly by one side, hedged by the other', '');
  if (!mism.length) lines.push('_None found._', '');
  for (const m of mism) {
    lines.push(`- **A:** ${cueLine(c.cues[m.a])}`, `  **B:** ${cueLine(c.cues[m.b])}`, `  _(similarity ${m.similarity}; shared: ${m.shared.map(cell).join(', ')})_`);
  }
  if (mism.length) lines.push('');

  lines.push('## Only one side mentions', '');
  for (const k of ['a', 'b'] as const) {
    const mine = c.omissions.filter((o) => o.onlyIn === k);
    lines.push(`### Only in ${name(k)}`, '');
    if (!mine.length) lines.push('_Nothing._', '');
    const topics = mine.filter((o) => o.kind === 'topic').map((o) => cell(o.label));
    const entities = mine.filter((o) => o.kind === 'entity').map((o) => cell(o.label));
    if (topics.length) lines.push(`- Topics: ${topics.join(', ')}`);
    if (entities.length) lines.push(`- Names: ${entities.join(', ')}`);
    for (const o of mine.filter((o) => o.kind === 'commitment')) lines.push(`- Commitment: ${cueLine(c.cues[o.ref])}`);
    if (mine.length) lines.push('');
  }

  lines.push('## By topic', '');
  for (const t of c.topics) {
    lines.push(`### ${cell(t.label)}${t.onlyIn ? ` — only in ${name(t.onlyIn)}${t.inPassing ? ' (in passing)' : ''}` : ''}`, '');
    for (const k of ['a', 'b'] as const) {
      const list = t[k];
      lines.push(`**${name(k)}:** ${list.length ? '' : '_not mentioned_'}`);
      for (const s of list) {
        const cues = s.cues.map((q) => `${q.strength}${q.negated ? ' (negated)' : ''} "${cell(q.text)}"${q.matchedWith ? '' : ' — no counterpart'}`);
        lines.push(`- ${cell(s.text)}${s.role === 'secondary' ? ' _(also)_' : ''}${cues.length ? ` — ${cues.join('; ')}` : ''}`);
      }
      lines.push('');
    }
  }
  lines.push(`_Commitments matched by ${c.method.similarity}, threshold ${c.method.threshold}._`, '');
  return lines.join('\n');
}
