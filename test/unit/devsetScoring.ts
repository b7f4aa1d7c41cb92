// Scores one readout's Analysis against its development-set labels (test/fixtures/devset/GUIDE.md): topics per
// labelled sentence, entity mentions (coverage, precision, card coverage) and commitment cues (labelled F1 by
// strength, and span-exact). Labelled sentences are located in the text by their first words; engine results
// belong to the labelled sentence their start lies in, so a sentence the engine splits differently is still scored.
import type { Analysis, Strength, TopicId } from '../../src/core/types';

export interface LabelledCue {
  text: string;
  strength: Strength;
  negated: boolean;
}

export interface LabelledEntity {
  text: string;
  type: string;
}

export interface LabelledSentence {
  start: string;
  topic: TopicId;
  secondary?: TopicId;
  cues: LabelledCue[];
  entities: LabelledEntity[];
}

export interface ReadoutLabels {
  file: string;
  sentences: LabelledSentence[];
  notes?: string[];
}

export interface DevCounts {
  /** Labelled sentences; of them, those whose labelled topic is the engine's primary or secondary, or its primary. */
  sentences: number;
  topicAmong: number;
  topicPrimary: number;
  /** labelled primary → engine primary → count */
  confusion: Map<string, Map<string, number>>;
  entitiesLabelled: number;
  entitiesFound: number;
  /** Found by a mention of a lexicon entry (a real card), not only as an unknown name. */
  entitiesWithCard: number;
  engineMentions: number;
  engineMentionsRight: number;
  /** Per strength: labelled, found by the engine, matched (same sentence, overlapping span, same strength). */
  cues: Record<Strength, { labelled: number; found: number; matched: number }>;
  /** Span-exact: same sentence, same text (whitespace folded), strength and negation. */
  cuesExact: number;
  problems: string[];
  misses: string[];
}

export function emptyCounts(): DevCounts {
  return {
    sentences: 0,
    topicAmong: 0,
    topicPrimary: 0,
    confusion: new Map(),
    entitiesLabelled: 0,
    entitiesFound: 0,
    entitiesWithCard: 0,
    engineMentions: 0,
    engineMentionsRight: 0,
    cues: { firm: { labelled: 0, found: 0, matched: 0 }, hedged: { labelled: 0, found: 0, matched: 0 } },
    cuesExact: 0,
    problems: [],
    misses: [],
  };
}

export function addDevCounts(a: DevCounts, b: DevCounts): DevCounts {
  const confusion = new Map(a.confusion);
  for (const [k, row] of b.confusion) {
    const mine = new Map(confusion.get(k) ?? []);
    for (const [k2, n] of row) mine.set(k2, (mine.get(k2) ?? 0) + n);
    confusion.set(k, mine);
  }
  const cues = (s: Strength) => ({
    labelled: a.cues[s].labelled + b.cues[s].labelled,
    found: a.cues[s].found + b.cues[s].found,
    matched: a.cues[s].matched + b.cues[s].matched,
  });
  return {
    sentences: a.sentences + b.sentences,
    topicAmong: a.topicAmong + b.topicAmong,
    topicPrimary: a.topicPrimary + b.topicPrimary,
    confusion,
    entitiesLabelled: a.entitiesLabelled + b.entitiesLabelled,
    entitiesFound: a.entitiesFound + b.entitiesFound,
    entitiesWithCard: a.entitiesWithCard + b.entitiesWithCard,
    engineMentions: a.engineMentions + b.engineMentions,
    engineMentionsRight: a.engineMentionsRight + b.engineMentionsRight,
    cues: { firm: cues('firm'), hedged: cues('hedged') },
    cuesExact: a.cuesExact + b.cuesExact,
    problems: [...a.problems, ...b.problems],
    misses: [...a.misses, ...b.misses],
  };
}

/** The text with every whitespace run as one space, and for each unit of it the offset it came from. */
function folded(text: string): { flat: string; at: number[] } {
  let flat = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      if (!space) {
        flat += ' ';
        at.push(i);
      }
      space = true;
    } else {
      flat += text[i];
      at.push(i);
      space = false;
    }
  }
  at.push(text.length);
  return { flat, at };
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** DEVSET_CARDS=1: the misses also list labelled mentions found without a lexicon card (for card work). */
const cardMisses = process.env.DEVSET_CARDS === '1';

/** Scores `analysis` of `text` against `labels`. */
export function scoreReadout(text: string, analysis: Analysis, labels: ReadoutLabels): DevCounts {
  const c = emptyCounts();
  const { flat, at } = folded(text);
  const lower = flat.toLowerCase();
  const bodyStart = analysis.readout.body.start;
  // Where each labelled sentence starts in the text, found in order.
  const starts: number[] = [];
  let from = Math.max(0, at.findIndex((o) => o >= bodyStart));
  for (const s of labels.sentences) {
    const k = flat.indexOf(fold(s.start), from);
    if (k < 0) {
      c.problems.push(`${labels.file}: no sentence starts with "${s.start}" after the previous one`);
      starts.push(-1);
      continue;
    }
    starts.push(at[k]);
    from = k + 1;
  }
  const ends = starts.map((_, i) => {
    for (let j = i + 1; j < starts.length; j++) if (starts[j] >= 0) return starts[j];
    return text.length;
  });
  const regionOf = (offset: number): number => {
    let r = -1;
    for (let i = 0; i < starts.length; i++) if (starts[i] >= 0 && starts[i] <= offset) r = i;
    return r;
  };
  /** Ranges of every case-insensitive occurrence of `needle` (whitespace folded) in labelled sentence `i`. */
  const occurrences = (i: number, needle: string): [number, number][] => {
    const out: [number, number][] = [];
    const n = fold(needle).toLowerCase();
    if (!n || starts[i] < 0) return out;
    const lo = at.findIndex((o) => o >= starts[i]);
    let hi = at.findIndex((o) => o >= ends[i]);
    if (hi < 0) hi = flat.length;
    for (let k = lower.indexOf(n, lo); k >= 0 && k + n.length <= hi; k = lower.indexOf(n, k + 1)) out.push([at[k], at[k + n.length - 1] + 1]);
    return out;
  };
  const overlaps = (rs: [number, number][], s: number, e: number): boolean => rs.some(([a, b]) => a < e && s < b);

  // Topics: the engine sentence holding the labelled sentence's start.
  const topicOf = new Map(analysis.topics.map((t) => [t.sentence, t]));
  labels.sentences.forEach((s, i) => {
    if (starts[i] < 0) return;
    const sentence = analysis.readout.sentences.find((x) => x.start <= starts[i] && starts[i] < x.end) ?? analysis.readout.sentences.find((x) => x.start >= starts[i]);
    const t = sentence ? topicOf.get(sentence.index) : undefined;
    const primary = t?.primary ?? 'other';
    c.sentences++;
    if (primary === s.topic) c.topicPrimary++;
    if (primary === s.topic || t?.secondary === s.topic) c.topicAmong++;
    else c.misses.push(`topic ${s.topic} → ${primary}${t?.secondary ? '/' + t.secondary : ''} | ${s.start}`);
    const row = c.confusion.get(s.topic) ?? new Map<string, number>();
    row.set(primary, (row.get(primary) ?? 0) + 1);
    c.confusion.set(s.topic, row);
  });

  // Entities: a labelled mention is found when an engine mention (known or an unknown acronym) overlaps it.
  const mentions = [
    // A name no lexicon knows (E5) is found, but its card is only what the readout tells.
    // A demonym and a country's later mention (E4) are marked by the product as no name of their own.
    ...analysis.entities.map((m) => ({ start: m.start, end: m.end, card: m.known !== false, noName: m.demonym === true || m.repeat === true })),
    ...analysis.unknownAcronyms.map((m) => ({ start: m.start, end: m.end, card: false, noName: false })),
  ];
  const labelledNames = new Set(labels.sentences.flatMap((s) => s.entities.map((e) => fold(e.text).toLowerCase())));
  const labelledRanges: [number, number][][] = labels.sentences.map((s, i) => s.entities.flatMap((e) => occurrences(i, e.text)));
  labels.sentences.forEach((s, i) => {
    for (const e of s.entities) {
      const rs = occurrences(i, e.text);
      if (starts[i] >= 0 && rs.length === 0) c.problems.push(`${labels.file}: entity "${e.text}" not in "${s.start}…"`);
      c.entitiesLabelled++;
      const hits = mentions.filter((m) => overlaps(rs, m.start, m.end));
      if (hits.length > 0) c.entitiesFound++;
      else c.misses.push(`entity missed: ${e.text} (${e.type}) | ${s.start}`);
      if (hits.some((m) => m.card)) c.entitiesWithCard++;
      else if (hits.length > 0 && cardMisses) c.misses.push(`entity without card: ${e.text} (${e.type}) | ${s.start}`);
    }
  });
  for (const m of mentions) {
    const i = regionOf(m.start);
    if (i < 0) continue;
    if (overlaps(labelledRanges[i], m.start, m.end)) {
      c.engineMentions++;
      c.engineMentionsRight++;
    } else if (!m.noName && !labelledNames.has(fold(text.slice(m.start, m.end)).toLowerCase())) {
      // A repeat of a name labelled at its first mention (E4) is neither right nor wrong.
      c.engineMentions++;
      c.misses.push(`entity extra: ${fold(text.slice(m.start, m.end))} | ${labels.sentences[i].start}`);
    }
  }

  // Cues: one-to-one in order; labelled F1 needs the same sentence, an overlapping span and the same strength.
  const expected = labels.sentences.flatMap((s, i) => s.cues.map((q) => ({ q, i, ranges: occurrences(i, q.text), used: false, exact: false })));
  for (const e of expected) {
    c.cues[e.q.strength].labelled++;
    if (starts[e.i] >= 0 && e.ranges.length === 0) c.problems.push(`${labels.file}: cue "${e.q.text}" not in "${labels.sentences[e.i].start}…"`);
  }
  for (const cue of analysis.cues) {
    const i = regionOf(cue.start);
    if (i < 0) continue;
    c.cues[cue.strength].found++;
    const m = expected.find((e) => !e.used && e.i === i && e.q.strength === cue.strength && overlaps(e.ranges, cue.start, cue.end));
    if (m) {
      m.used = true;
      c.cues[cue.strength].matched++;
      if (fold(m.q.text).toLowerCase() === fold(cue.text).toLowerCase() && m.q.negated === cue.negated) c.cuesExact++;
    } else c.misses.push(`cue extra: "${fold(cue.text)}" ${cue.strength} | ${labels.sentences[i].start}`);
  }
  for (const e of expected) if (!e.used) c.misses.push(`cue missed: "${e.q.text}" ${e.q.strength} | ${labels.sentences[e.i].start}`);
  return c;
}

export function f1(matched: number, found: number, labelled: number): { p: number; r: number; f: number } {
  const p = found === 0 ? 1 : matched / found;
  const r = labelled === 0 ? 1 : matched / labelled;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The figures of a split, as the README and the issue notes give them. */
export function summary(c: DevCounts): Record<string, number> {
  const all = { matched: c.cues.firm.matched + c.cues.hedged.matched, found: c.cues.firm.found + c.cues.hedged.found, labelled: c.cues.firm.labelled + c.cues.hedged.labelled };
  return {
    topicAccuracy: c.sentences ? c.topicAmong / c.sentences : 1,
    topicPrimaryAccuracy: c.sentences ? c.topicPrimary / c.sentences : 1,
    entityCoverage: c.entitiesLabelled ? c.entitiesFound / c.entitiesLabelled : 1,
    entityPrecision: c.engineMentions ? c.engineMentionsRight / c.engineMentions : 1,
    entityCardCoverage: c.entitiesLabelled ? c.entitiesWithCard / c.entitiesLabelled : 1,
    cueF1: f1(all.matched, all.found, all.labelled).f,
    cueFirmF1: f1(c.cues.firm.matched, c.cues.firm.found, c.cues.firm.labelled).f,
    cueHedgedF1: f1(c.cues.hedged.matched, c.cues.hedged.found, c.cues.hedged.labelled).f,
    cueExactF1: f1(c.cuesExact, all.found, all.labelled).f,
  };
}
