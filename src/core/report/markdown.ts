// The Markdown report an analyst pastes into a brief: for each readout a header, a topic summary and a
// commitments table (actor / cue / strength / sentence). Pure: callers supply paths, texts and Analyses.
// CSV, JSON and SARIF live in report.ts; this is the fourth export format.
import type { CompiledLexicon } from '../pipeline/compile';
import type { Analysis, TopicId } from '../types';
import { formatCount } from '../text/format';
import { escapeText, tableCell } from './markdownText';

export interface MarkdownReportInput {
  /** Workspace-relative path or file name, shown as the section heading. */
  path: string;
  analysis: Analysis;
}

export interface MarkdownReportOptions {
  /** Heading of the whole report; defaults to "Readout analysis". */
  title?: string;
  /** ISO timestamp written under the title; omitted when not given (keeps tests and diffs stable). */
  generated?: string;
  toolVersion?: string;
}

function topicLabel(id: TopicId, compiled: CompiledLexicon | undefined): string {
  return compiled?.topicById.get(id)?.label ?? id;
}

interface TopicCount {
  topic: TopicId;
  statements: number;
  firm: number;
  hedged: number;
  first: number;
}

/** Statements and cues per primary topic, in order of first appearance. */
export function topicSummary(analysis: Analysis): TopicCount[] {
  const byTopic = new Map<TopicId, TopicCount>();
  const cuesBySentence = new Map<number, { firm: number; hedged: number }>();
  for (const c of analysis.cues) {
    const n = cuesBySentence.get(c.sentence) ?? { firm: 0, hedged: 0 };
    n[c.strength]++;
    cuesBySentence.set(c.sentence, n);
  }
  for (const t of analysis.topics) {
    const row = byTopic.get(t.primary) ?? { topic: t.primary, statements: 0, firm: 0, hedged: 0, first: t.sentence };
    row.statements++;
    const n = cuesBySentence.get(t.sentence);
    if (n) {
      row.firm += n.firm;
      row.hedged += n.hedged;
    }
    byTopic.set(t.primary, row);
  }
  return [...byTopic.values()].sort((a, b) => a.first - b.first);
}

function fileSection(input: MarkdownReportInput, compiled: CompiledLexicon | undefined, level: number): string[] {
  const { analysis } = input;
  const h = analysis.readout.header;
  const hashes = '#'.repeat(level);
  const lines: string[] = [`${hashes} ${tableCell(h.title ?? input.path)}`, ''];
  const facts: [string, string | undefined][] = [
    ['File', input.path],
    ['Date', h.date],
    ['Issued by', h.government],
    ['Participants', h.participants?.join(', ')],
    ['Source', h.source],
  ];
  for (const [label, value] of facts) if (value) lines.push(`- **${label}:** ${label === 'Source' && /^https?:\/\/[^\s<>]+$/.test(value) ? `<${value}>` : tableCell(value)}`);
  const firm = analysis.cues.filter((c) => c.strength === 'firm').length;
  const negated = analysis.cues.filter((c) => c.negated).length;
  lines.push(
    `- **Commitments:** ${firm} firm, ${analysis.cues.length - firm} hedged${negated ? ` (${negated} negated)` : ''} in ${analysis.readout.sentences.length} sentence${analysis.readout.sentences.length === 1 ? '' : 's'}`,
  );
  if (analysis.truncated) lines.push(`- **Note:** only the first ${formatCount(analysis.analyzedLength)} characters were analysed (size limit).`);
  lines.push('');

  lines.push(`${hashes}# Topics`, '');
  const topics = topicSummary(analysis);
  if (!topics.length) lines.push('_No statements._', '');
  else {
    lines.push('| Topic | Statements | Firm | Hedged |', '|---|---:|---:|---:|');
    for (const t of topics) lines.push(`| ${tableCell(topicLabel(t.topic, compiled))} | ${t.statements} | ${t.firm} | ${t.hedged} |`);
    lines.push('');
  }

  lines.push(`${hashes}# Commitments`, '');
  if (!analysis.cues.length) lines.push('_No commitment cues._', '');
  else {
    lines.push('| # | Actor | Cue | Strength | Sentence |', '|---:|---|---|---|---|');
    analysis.cues.forEach((c, i) => {
      const sentence = analysis.readout.sentences[c.sentence];
      const strength = `${c.strength === 'firm' ? 'Firm' : 'Hedged'}${c.negated ? ' (negated)' : ''}`;
      lines.push(`| ${i + 1} | ${tableCell(c.actor ?? '—')} | ${tableCell(c.text)} | ${strength} | ${tableCell(sentence?.text ?? '')} |`);
    });
    lines.push('');
  }

  const names = new Map<string, { name: string; count: number }>();
  for (const m of analysis.entities) {
    const n = names.get(m.id) ?? { name: m.name, count: 0 };
    n.count++;
    names.set(m.id, n);
  }
  if (names.size) {
    lines.push(`${hashes}# Named`, '');
    lines.push([...names.values()].map((n) => `${escapeText(n.name)}${n.count > 1 ? ` (${n.count})` : ''}`).join(' · '), '');
  }
  return lines;
}

/** One report for one or more readouts; a folder export gives one section per file after a summary table. */
export function markdownReport(inputs: MarkdownReportInput[], compiled?: CompiledLexicon, options: MarkdownReportOptions = {}): string {
  const lines: string[] = [`# ${tableCell(options.title ?? 'Readout analysis')}`, ''];
  const meta = [options.generated ? `Generated ${options.generated}` : '', `Readout Lens${options.toolVersion ? ` ${options.toolVersion}` : ''}`].filter(Boolean);
  lines.push(`_${meta.join(' · ')}. Firm: the party undertakes or decides an action. Hedged: a view, hope or continuity without a concrete undertaking._`, '');
  if (!inputs.length) {
    lines.push('_No readouts._', '');
    return lines.join('\n');
  }
  if (inputs.length > 1) {
    lines.push('| Readout | Date | Sentences | Firm | Hedged |', '|---|---|---:|---:|---:|');
    for (const i of inputs) {
      const firm = i.analysis.cues.filter((c) => c.strength === 'firm').length;
      lines.push(`| ${tableCell(i.path)} | ${tableCell(i.analysis.readout.header.date ?? '')} | ${i.analysis.readout.sentences.length} | ${firm} | ${i.analysis.cues.length - firm} |`);
    }
    lines.push('');
  }
  for (const input of inputs) lines.push(...fileSection(input, compiled, 2));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
