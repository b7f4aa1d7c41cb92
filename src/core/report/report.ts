// Serialises Analyses into the formats the CLI and the export command write: the versioned JSON interface,
// NDJSON, CSV and SARIF 2.1.0. Pure: callers supply the text and the Analysis.
import type { CompiledLexicon } from '../pipeline/compile';
import { cueMessage } from './cards';
import type { Analysis, SentenceTopics } from '../types';
import { LineIndex } from '../text/lines';
import { topicEvidenceReport, type TopicEvidenceReport } from './topicEvidence';
import { JsonRows } from './jsonText';

export const JSON_FORMAT_VERSION = 1;

export interface FileReport {
  path: string;
  header: { date?: string; title?: string; source?: string; government?: string; participants?: string[] };
  /** `topicEvidence`: what decided the primary topic (the rule, its policy id, the words that scored). */
  sentences: { start: number; end: number; paragraph: number; topics: string[]; topicEvidence?: TopicEvidenceReport }[];
  commitments: {
    start: number;
    end: number;
    text: string;
    strength: 'firm' | 'hedged';
    negated: boolean;
    actor: string | null;
    sentence: number;
    pattern: string;
    rule: string;
  }[];
  /**
   * `known` is false for a name no lexicon knows (E5): it has no `id` (no lexicon entry), and `evidence` says what
   * in the readout made it a name ("title: President", "acronym: GCAP", "head: Summit").
   */
  entities: { start: number; end: number; text: string; id?: string; name: string; type: string; sentence: number; known: boolean; evidence?: string }[];
  problems: { start: number; end: number; code: string; message: string }[];
  truncated: boolean;
}

type SentenceRow = FileReport['sentences'][number];
type CommitmentRow = FileReport['commitments'][number];
type EntityRow = FileReport['entities'][number];
type ProblemRow = FileReport['problems'][number];

/**
 * A FileReport whose long arrays are JsonRows: each row is made when it is written (writeJson) and dies young,
 * instead of millions of them living, and being copied by the collector, until the whole file is serialised.
 */
export interface LazyFileReport extends Omit<FileReport, 'sentences' | 'commitments' | 'entities' | 'problems'> {
  sentences: JsonRows<SentenceRow>;
  commitments: JsonRows<CommitmentRow>;
  entities: JsonRows<EntityRow>;
  problems: JsonRows<ProblemRow>;
}

/**
 * A sentence's topics by its index, the last given for it as a Map would keep: an array for the indexes of the
 * readout's sentences (a Map of hundreds of thousands of entries cost more than the rows that read it).
 */
function topicsBySentence(topics: readonly SentenceTopics[], count: number): (index: number) => SentenceTopics | undefined {
  const inRange = (k: number): boolean => Number.isInteger(k) && k >= 0 && k < count;
  const byIndex = new Array<SentenceTopics | undefined>(count).fill(undefined);
  let others: Map<number, SentenceTopics> | undefined;
  for (const t of topics) {
    if (inRange(t.sentence)) byIndex[t.sentence] = t;
    else (others ??= new Map()).set(t.sentence, t);
  }
  return (k) => (inRange(k) ? byIndex[k] : others?.get(k));
}

/** The report of one file, its rows made as they are read: what fileReport holds, key for key. */
export function lazyFileReport(path: string, analysis: Analysis): LazyFileReport {
  const h = analysis.readout.header;
  const header: FileReport['header'] = {};
  if (h.date) header.date = h.date;
  if (h.title) header.title = h.title;
  if (h.source) header.source = h.source;
  if (h.government) header.government = h.government;
  if (h.participants?.length) header.participants = h.participants;
  const { sentences, problems } = analysis.readout;
  const topicsOf = topicsBySentence(analysis.topics, sentences.length);
  const { cues, entities } = analysis;
  return {
    path,
    header,
    sentences: new JsonRows(sentences.length, (i): SentenceRow => {
      const s = sentences[i];
      const t = topicsOf(s.index);
      const topicEvidence = topicEvidenceReport(t, s);
      const topics = t === undefined ? [] : t.secondary ? [t.primary, t.secondary] : [t.primary];
      // One literal per shape, not a spread: hundreds of thousands of rows.
      return topicEvidence === undefined
        ? { start: s.start, end: s.end, paragraph: s.paragraph, topics }
        : { start: s.start, end: s.end, paragraph: s.paragraph, topics, topicEvidence };
    }),
    commitments: new JsonRows(cues.length, (i): CommitmentRow => {
      const c = cues[i];
      return {
        start: c.start,
        end: c.end,
        text: c.text,
        strength: c.strength,
        negated: c.negated,
        actor: c.actor ?? null,
        sentence: c.sentence,
        pattern: c.patternId,
        rule: c.rule,
      };
    }),
    entities: new JsonRows(entities.length, (i): EntityRow => {
      const e = entities[i];
      return e.known === false
        ? { start: e.start, end: e.end, text: e.text, name: e.name, type: e.type, sentence: e.sentence, known: false, ...(e.evidence ? { evidence: e.evidence } : {}) }
        : { start: e.start, end: e.end, text: e.text, id: e.id, name: e.name, type: e.type, sentence: e.sentence, known: true };
    }),
    problems: new JsonRows(problems.length, (i): ProblemRow => {
      const p = problems[i];
      return { start: p.start, end: p.end, code: p.code, message: p.message };
    }),
    truncated: analysis.truncated,
  };
}

export function fileReport(path: string, analysis: Analysis): FileReport {
  const lazy = lazyFileReport(path, analysis);
  // Assigned over the lazy report's own keys, so the keys keep its order.
  return { ...lazy, sentences: lazy.sentences.all(), commitments: lazy.commitments.all(), entities: lazy.entities.all(), problems: lazy.problems.all() };
}

export function jsonReport(files: FileReport[]): string {
  return JSON.stringify({ version: JSON_FORMAT_VERSION, files }, null, 2) + '\n';
}

export function ndjsonLine(file: FileReport | LazyFileReport): string {
  return JSON.stringify({ version: JSON_FORMAT_VERSION, ...file }) + '\n';
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula-leading cells defused. */
export function csvField(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheet programs; a leading quote prevents that.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = ['path', 'line', 'column', 'start', 'end', 'sentence', 'strength', 'negated', 'actor', 'cue', 'topics', 'sentence_text'];

export { LineIndex };

export function csvRows(path: string, text: string, analysis: Analysis): string[] {
  const lines = new LineIndex(text);
  const topics = new Map(analysis.topics.map((t) => [t.sentence, [t.primary, ...(t.secondary ? [t.secondary] : [])].join(' ')]));
  return analysis.cues.map((c) => {
    const pos = lines.position(c.start);
    const sentence = analysis.readout.sentences[c.sentence];
    return [path, pos.line + 1, pos.column + 1, c.start, c.end, c.sentence, c.strength, c.negated, c.actor ?? '', c.text, topics.get(c.sentence) ?? '', sentence ? sentence.text.replace(/\s+/g, ' ') : '']
      .map(csvField)
      .join(',');
  });
}

export interface SarifInput {
  /**
   * The file's path, relative (as the CLI and the export write it, with / separators) or absolute; written
   * into artifactLocation.uri as a URI reference by artifactUri.
   */
  uri: string;
  text: string;
  analysis: Analysis;
}

/** Lone surrogates would make encodeURIComponent throw; a file name can hold one on Windows. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function encodeSegments(path: string): string {
  return path
    .replace(LONE_SURROGATE, '\uFFFD')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * A path as a valid URI reference (RFC 3986) for SARIF: each segment percent-encoded (spaces, #, %, ?, :,
 * non-ASCII), the / separators kept. A relative path stays relative. An absolute path becomes a file URI:
 * POSIX "/a/b", Windows "C:\a\b" and UNC "\\server\share\a", whose backslashes are separators; elsewhere
 * a backslash is part of a POSIX file name and is encoded.
 */
export function artifactUri(path: string): string {
  const drive = /^([A-Za-z]):[\\/]/.exec(path);
  if (drive) return `file:///${drive[1]}:/${encodeSegments(path.slice(3).replace(/\\/g, '/'))}`;
  const unc = /^\\\\([^\\/]+)[\\/]([\s\S]*)$/.exec(path);
  if (unc) return `file://${encodeURIComponent(unc[1].replace(LONE_SURROGATE, '\uFFFD'))}/${encodeSegments(unc[2].replace(/\\/g, '/'))}`;
  if (path.startsWith('/')) return `file://${encodeSegments(path)}`;
  return encodeSegments(path);
}

export function sarifReport(inputs: SarifInput[], compiled: CompiledLexicon | undefined, toolVersion: string): string {
  const results = inputs.flatMap(({ uri, text, analysis }) => {
    const lines = new LineIndex(text);
    return analysis.cues.map((cue) => {
      const a = lines.position(cue.start);
      const b = lines.position(cue.end);
      return {
        ruleId: cue.strength === 'firm' ? 'firm-commitment' : 'hedged-commitment',
        level: cue.strength === 'firm' ? 'note' : 'warning',
        message: { text: cueMessage(cue, compiled?.cueById.get(cue.patternId)) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(uri) },
              region: {
                startLine: a.line + 1,
                startColumn: a.column + 1,
                endLine: b.line + 1,
                endColumn: b.column + 1,
                charOffset: cue.start,
                charLength: cue.end - cue.start,
              },
            },
          },
        ],
        properties: { negated: cue.negated, actor: cue.actor ?? null, pattern: cue.patternId, rule: cue.rule },
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Readout Lens',
            version: toolVersion,
            rules: [
              { id: 'firm-commitment', shortDescription: { text: 'Firm commitment: the party undertakes, decides or binds itself to an action.' } },
              { id: 'hedged-commitment', shortDescription: { text: 'Hedged commitment: a view, importance, hope or continuity without a concrete undertaking.' } },
            ],
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
