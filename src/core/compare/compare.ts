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
//      Pairs are taken greedily, best first, each cue at most once. Below the threshold a cue is "only" on
//      its side: the other readout records nothing comparable.
//   A matched pair whose strengths differ is a strength mismatch; one whose negation differs, a polarity mismatch.
import type { CompiledLexicon } from '../pipeline/compile';
import type { Analysis, Cue, EntityType, Strength, TopicId } from '../types';

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
// Features of a clause

const FUNCTION_WORDS = `a an the and or but nor so yet if as at by for from in into of off on onto out over to up upon with within
without about above across after against along among around before behind below beneath beside besides between beyond
during except inside near since than through throughout toward towards under until via this that these those there
here it its it's they them their theirs we us our ours he him his she her hers you your i me my who whom whose which
what when where while how why be is are was were been being am have has had having do does did doing will would shall
should can could may might must not no also further furthermore well including each every any all both either neither
other another such same own more most very just only even then thus therefore however very too again once how
one two three four five first second last next new`;

const BOILERPLATE = `leader leaders president presidents prime minister ministers secretary mr ms mrs sir honorable honourable
side sides country countries nation nations government governments people peoples today tonight yesterday tomorrow
morning afternoon evening week weeks month months year years time call meeting telephone phone talk talks counterpart
counterparts overview outset response behalf`;

// Stance words say how strongly or warmly something is held, not what is held: they belong to the cue.
const STANCE_WORDS = `importance important commitment commitments committed support supported supporting continue continued
continues continuing continuation steadfast unwavering strong strongly firm firmly shared share common close closely full
fully greater great significant significance vital key critical crucial essential enduring deep deeply view views
recognition hope hopes need needs necessity determination intention desire readiness willingness resolve work working
works worked together effort efforts ongoing aligned ambition ambitions kind range breadth many`;

const STOP = new Set(`${FUNCTION_WORDS} ${BOILERPLATE} ${STANCE_WORDS}`.split(/\s+/).filter(Boolean));

/**
 * A light suffix stripper: plural and verb endings off, a final "e" off, a doubled final consonant halved
 * ("committed" → "commit"). Good enough to make "defending"/"defend" and "issues"/"issue" meet.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly') && !/(ply|bly|ily|lly)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && /([bdfgkmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const WORD = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*/g;

interface Features {
  words: Set<string>;
  entities: Set<string>;
}

/** Content-word stems and entity ids in [start, end) of the text; words inside an entity name are not counted. */
function featuresOf(text: string, start: number, end: number, analysis: Analysis): Features {
  const mentions = analysis.entities.filter((m) => m.start < end && m.end > start);
  const words = new Set<string>();
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const at = start + m.index;
    if (mentions.some((e) => at >= e.start && at < e.end)) continue;
    for (const part of m[0].split('-')) {
      const lower = part.toLowerCase().replace(/['’]s$/, '');
      if (lower.length < 3 || STOP.has(lower)) continue;
      const s = stem(lower);
      if (s.length >= 3 && !STOP.has(s)) words.add(s);
    }
  }
  return { words, entities: new Set(mentions.map((e) => e.id)) };
}

function keys(f: Features): string[] {
  return [...f.words, ...[...f.entities].map((e) => `@${e}`)];
}

// ---------------------------------------------------------------------------------------------------------
// The comparison

interface SideWork {
  key: SideKey;
  input: CompareInput;
  topicsBySentence: Map<number, TopicId[]>;
  cues: ComparedCue[];
  features: Map<string, Features>;
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
  analysis.cues.forEach((cue, i) => {
    const sentence = analysis.readout.sentences[cue.sentence];
    const end = clauseEnd(cue, analysis.cues[i + 1], text, sentence ? sentence.end : cue.end);
    const id = `${key}:${i}`;
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
      what: flat(text.slice(cue.end, end)).replace(/([\s,;:.]+(and|or|but)?)+$/i, ''),
    });
    features.set(id, featuresOf(text, cue.end, end, analysis));
  });
  return { key, input, topicsBySentence: topicsOf(analysis), cues, features };
}

/** Inverse document frequency of every feature over the sentences of both readouts. */
function idfWeights(sides: SideWork[]): (feature: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const side of sides) {
    for (const s of side.input.analysis.readout.sentences) {
      n++;
      for (const k of keys(featuresOf(side.input.text, s.start, s.end, side.input.analysis))) df.set(k, (df.get(k) ?? 0) + 1);
    }
  }
  return (k) => Math.log(1 + Math.max(n, 1) / Math.max(df.get(k) ?? 1, 1));
}

interface Candidate {
  a: ComparedCue;
  b: ComparedCue;
  similarity: number;
  shared: string[];
}

/** Weighted Ochiai similarity of two whats, with the shared features strongest first. */
export function similarity(fa: Features, fb: Features, weight: (k: string) => number): { value: number; shared: string[] } {
  const ka = keys(fa);
  const kb = new Set(keys(fb));
  const wa = ka.reduce((s, k) => s + weight(k), 0);
  const wb = [...kb].reduce((s, k) => s + weight(k), 0);
  const shared = ka.filter((k) => kb.has(k)).sort((x, y) => weight(y) - weight(x) || (x < y ? -1 : 1));
  const ws = shared.reduce((s, k) => s + weight(k), 0);
  return { value: wa && wb ? ws / Math.sqrt(wa * wb) : 0, shared };
}

function shareTopic(a: TopicId[] | undefined, b: TopicId[] | undefined): boolean {
  return !!a && !!b && a.some((t) => b.includes(t));
}

function matchCues(A: SideWork, B: SideWork, weight: (k: string) => number): CommitmentMatch[] {
  const candidates: Candidate[] = [];
  for (const a of A.cues) {
    for (const b of B.cues) {
      const { value, shared } = similarity(A.features.get(a.id)!, B.features.get(b.id)!, weight);
      if (value < MATCH_THRESHOLD) continue;
      const sharesEntity = shared.some((k) => k.startsWith('@'));
      if (shared.length < 2 && !sharesEntity) continue;
      // The two sides' topic tagging of one point can differ (Belfast: economy vs bilateral); a named entity in
      // common is evidence enough then.
      if (!sharesEntity && !shareTopic(A.topicsBySentence.get(a.sentence), B.topicsBySentence.get(b.sentence))) continue;
      candidates.push({ a, b, similarity: value, shared });
    }
  }
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
  for (const c of side.cues) cuesBySentence.set(c.sentence, [...(cuesBySentence.get(c.sentence) ?? []), c]);
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
export function compareAnalyses(a: CompareInput, b: CompareInput, compiled?: CompiledLexicon): Comparison {
  const A = prepare('a', a);
  const B = prepare('b', b);
  const weight = idfWeights([A, B]);
  const matches = matchCues(A, B, weight);

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

function cell(text: string): string {
  return flat(text).replace(/([\\|*_`[\]<>])/g, '\\$1');
}

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
