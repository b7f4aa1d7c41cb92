// Markdown for hover cards (entities and cues). Pure, so the editor hover, exports and tests share it.
import type { Cue, CuePattern, EntityEntry, EntityType } from '../types';

const TYPE_LABELS: Record<EntityType, string> = {
  org: 'Organisation',
  agreement: 'Agreement',
  forum: 'Forum',
  place: 'Place',
  initiative: 'Initiative',
  person: 'Person',
  other: 'Other',
};

/** Escapes characters that Markdown would otherwise interpret in user-supplied lexicon text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

function tableCell(text: string): string {
  return escapeMarkdown(text).replace(/\r?\n/g, ' ');
}

export function entityTypeLabel(type: EntityType): string {
  return TYPE_LABELS[type] ?? type;
}

/** The entity's hover card: name, type, definition, office (leaders), facts table, aliases, source. */
export function entityCard(entry: EntityEntry): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entry.name)}** · _${entityTypeLabel(entry.type)}_`, '');
  if (entry.office) lines.push(`**${escapeMarkdown(entry.office)}**`, '');
  lines.push(escapeMarkdown(entry.definition), '');
  if (entry.facts.length) {
    lines.push('| | |', '|---|---|');
    for (const f of entry.facts) {
      const asOf = f.asOf ? ` _(as of ${tableCell(f.asOf)})_` : '';
      lines.push(`| ${tableCell(f.label)} | ${tableCell(f.value)}${asOf} |`);
    }
    lines.push('');
  }
  if (entry.aliases.length) lines.push(`Also: ${entry.aliases.map((a) => `\`${a.replace(/`/g, "'")}\``).join(', ')}`, '');
  // Parentheses and spaces would end the Markdown link early; encodeURIComponent leaves parentheses alone.
  const percent = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  if (entry.source && /^https?:\/\//.test(entry.source)) lines.push(`[Source](${entry.source.replace(/[()\s]/g, percent)})`);
  return lines.join('\n').trim();
}

/** The cue's hover: why it is firm or hedged, under which rule, by whom. */
export function cueCard(cue: Cue, pattern: CuePattern | undefined): string {
  const strength = cue.strength === 'firm' ? '**Firm commitment**' : '**Hedged commitment**';
  const lines = [`${strength}${cue.negated ? ' (negated)' : ''}: "${escapeMarkdown(cue.text)}"`, ''];
  if (pattern?.explanation) lines.push(escapeMarkdown(pattern.explanation), '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Governing verb | ${tableCell(cue.governingVerb)} |`);
  lines.push(`| Actor | ${cue.actor ? tableCell(cue.actor) : '_not found_'} |`);
  lines.push(`| Rule | ${tableCell(cue.rule)} |`);
  if (pattern?.code) lines.push(`| Event code | ${tableCell(pattern.code)} |`);
  lines.push(`| Lexicon entry | \`${cue.patternId}\` |`);
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
