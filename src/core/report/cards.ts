// Markdown for hover cards (entities and cues). Pure, so the editor hover, exports and tests share it.
import type { Cue, CuePattern, EntityEntry, EntityType } from '../types';
import { codeSpan, escapeText, linkDestination, tableCell } from './markdownText';

const TYPE_LABELS: Record<EntityType, string> = {
  org: 'Organisation',
  agreement: 'Agreement',
  forum: 'Forum',
  place: 'Place',
  initiative: 'Initiative',
  person: 'Person',
  other: 'Other',
};

export function entityTypeLabel(type: EntityType): string {
  return TYPE_LABELS[type] ?? type;
}

/** The entity's hover card: name, type, definition, office (leaders), facts table, aliases, source. */
export function entityCard(entry: EntityEntry): string {
  const lines: string[] = [];
  lines.push(`**${escapeText(entry.name)}** · _${entityTypeLabel(entry.type)}_`, '');
  if (entry.office) lines.push(`**${escapeText(entry.office)}**`, '');
  lines.push(escapeText(entry.definition), '');
  if (entry.facts.length) {
    lines.push('| | |', '|---|---|');
    for (const f of entry.facts) {
      const asOf = f.asOf ? ` _(as of ${tableCell(f.asOf)})_` : '';
      lines.push(`| ${tableCell(f.label)} | ${tableCell(f.value)}${asOf} |`);
    }
    lines.push('');
  }
  const aliases = [...entry.aliases, ...(entry.demonyms ?? [])].map((a) => codeSpan(a)).filter(Boolean);
  if (aliases.length) lines.push(`Also: ${aliases.join(', ')}`, '');
  if (entry.source && /^https?:\/\//.test(entry.source)) lines.push(`[Source](${linkDestination(entry.source)})`);
  return lines.join('\n').trim();
}

/** The cue's hover: why it is firm or hedged, under which rule, by whom. */
export function cueCard(cue: Cue, pattern: CuePattern | undefined): string {
  const strength = cue.strength === 'firm' ? '**Firm commitment**' : '**Hedged commitment**';
  const lines = [`${strength}${cue.negated ? ' (negated)' : ''}: "${escapeText(cue.text)}"`, ''];
  if (pattern?.explanation) lines.push(escapeText(pattern.explanation), '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Governing verb | ${tableCell(cue.governingVerb)} |`);
  lines.push(`| Actor | ${cue.actor ? tableCell(cue.actor) : '_not found_'} |`);
  lines.push(`| Rule | ${tableCell(cue.rule)} |`);
  if (pattern?.code) lines.push(`| Event code | ${tableCell(pattern.code)} |`);
  lines.push(`| Lexicon entry | ${codeSpan(cue.patternId, true)} |`);
  return lines.join('\n');
}

/** The diagnostic message the policy asks for: strength, cue, actor when known, and why it is firm or soft. */
export function cueMessage(cue: Cue, pattern: CuePattern | undefined): string {
  const label = cue.strength === 'firm' ? 'Firm commitment' : 'Hedged commitment';
  const negated = cue.negated ? ' (negated)' : '';
  const actor = cue.actor ? ` by ${cue.actor}` : '';
  const why = pattern?.explanation?.trim().replace(/\.$/, '');
  return `${label}${negated}${actor}: "${cue.text}"${why ? ` — ${why}` : ''}.`;
}
