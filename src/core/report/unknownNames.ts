// What a readout itself tells about a name no lexicon knows (policy E5): how it was introduced, its other
// spellings, how often and where first — the card, the diagnostic and the lexicon skeleton all read this.
import type { Analysis, EntityMention, EntityType } from '../types';
import { entityTypeLabel } from './cards';
import { codeSpan, escapeText, linkDestination } from './markdownText';

export interface UnknownName {
  /** The synthetic id every mention of the name shares ("name:" and the name). */
  id: string;
  name: string;
  type: EntityType;
  /** Index into analysis.entities of the mention that introduced it. */
  first: number;
  count: number;
  /** The other ways the readout writes it (a surname, the acronym it defines), in order of appearance. */
  aliases: string[];
  /** The introducing mention's evidence (src/core/entities/names.ts), e.g. "title: President". */
  evidence?: string;
}

/** The unknown name `id` as the readout shows it; undefined when no mention of the analysis has that id. */
export function unknownName(analysis: Analysis, id: string): UnknownName | undefined {
  let found: UnknownName | undefined;
  const seen = new Set<string>();
  const entities = analysis.entities;
  for (let i = 0; i < entities.length; i++) {
    const m = entities[i];
    if (m.id !== id || m.known !== false) continue;
    if (!found) {
      found = { id, name: m.name, type: m.type, first: i, count: 0, aliases: [], evidence: m.evidence };
      seen.add(m.name);
    }
    // A name found across a line break is one-spaced: its alias must be too.
    const spelling = m.text.replace(/\s+/g, ' ');
    if (!seen.has(spelling)) {
      seen.add(spelling);
      found.aliases.push(spelling);
    }
    found.count++;
  }
  return found;
}

/** The first mention of each unknown name, in text order: where its diagnostic goes. */
export function unknownNameIntroductions(entities: readonly EntityMention[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = 0; i < entities.length; i++) {
    const m = entities[i];
    if (m.known !== false || seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(i);
  }
  return out;
}

/** The evidence as a reader would say it ("Introduced by the title President"). */
export function introduction(evidence: string | undefined): string {
  if (!evidence) return 'Recognised by its shape in the readout';
  const colon = evidence.indexOf(': ');
  const kind = colon < 0 ? evidence : evidence.slice(0, colon);
  const what = colon < 0 ? '' : codeSpan(evidence.slice(colon + 2));
  switch (kind) {
    case 'title':
      return `Introduced by the title ${what} before the name`;
    case 'title alone':
      return `The office ${what}, named without its holder`;
    case 'office of':
      return `An office of ${what}, the only name the readout gives its holder`;
    case 'title after':
      return `Introduced with the office ${what} after the name`;
    case 'honorific':
      return 'Introduced by an honorific before the name';
    case 'acronym':
      return `Defined in the text with the acronym ${what}`;
    case 'acronym of':
      return `An acronym the text defines: ${what}`;
    case 'head':
      return `Named by its head word ${what}`;
    case 'after':
      return `A place: named after ${what}`;
    case 'listed':
      return 'Listed by name at the start of a list item';
    case 'listed with a person':
      return 'Listed as the body a person comes from';
    case 'listed with an office':
      return 'The body a listed office holds';
    case 'again':
    case 'surname of':
      return `A later mention of ${what}`;
    default:
      return `Recognised by ${codeSpan(evidence)}`;
  }
}

/**
 * Arguments of the readoutLens.addToLexicon command for this name: name, document, type and aliases. A person's
 * surname is no alias: recognition links a lexicon person's surname by itself, and a bare surname in the lexicon
 * would name every other person who bears it.
 */
export function addToLexiconArguments(name: UnknownName, documentUri: string): [string, string, { type: EntityType; aliases: string[] }] {
  const words = new Set(name.name.split(' '));
  const aliases = name.type === 'person' ? name.aliases.filter((a) => !words.has(a)) : name.aliases;
  return [name.name, documentUri, { type: name.type, aliases }];
}

/**
 * The hover card of a name no lexicon knows: "Not in your lexicons", what the readout tells about it, and a
 * link to add it. `line` is the zero-based line of its first mention; `addCommand` the command link's target.
 */
export function unknownNameCard(name: UnknownName, line: number, addCommand?: string): string {
  const lines: string[] = [];
  lines.push(`**${escapeText(name.name)}** · _${entityTypeLabel(name.type)}_`, '');
  lines.push('_Not in your lexicons._', '');
  lines.push(`${introduction(name.evidence)}.`, '');
  const times = name.count === 1 ? 'once' : `${name.count} times`;
  lines.push(`In this readout ${times}, first on line ${line + 1}.`, '');
  const aliases = name.aliases.map((a) => codeSpan(a)).filter(Boolean);
  if (aliases.length) lines.push(`Also written: ${aliases.join(', ')}`, '');
  if (addCommand) lines.push(`[Add to workspace lexicon…](${linkDestination(addCommand)})`);
  return lines.join('\n').trim();
}

/** The diagnostic message on an unknown name's first mention. */
export function unknownNameMessage(name: string, type: EntityType): string {
  return `"${name}" (${entityTypeLabel(type).toLowerCase()}) is in no lexicon: add it to a workspace lexicon to give it a card.`;
}
