// Policy T2.i: the parties the readout's own header names. A readout issued by a government is that government's
// account ("government: China"), and its front matter may list who took part ("participants: Prime Cabinet
// Secretary of Kenya"): those countries are the meeting's parties even where the opening names only offices ("the
// Vice Premier of the State Council met with Brazil's Minister of Finance"), so their names in a sentence are a side
// of the relationship, not its subject (T2, T3), as the opening's parties are.
import { findEntitiesInSpan, type EntityMatcher } from '../entities/entities';
import type { ReadoutHeader } from '../types';
import type { TopicModel } from './model';

const NONE: ReadonlySet<string> = new Set();

/**
 * The entity ids of the countries the header's `government` and `participants` name: places that are no city
 * (T2.c), and the country a named person speaks for. Empty when the header names none. Linear in the header.
 */
export function headerParties(header: ReadoutHeader | undefined, matcher: EntityMatcher, model: TopicModel): ReadonlySet<string> {
  if (header === undefined) return NONE;
  const fields = [header.government, ...(header.participants ?? [])].filter((s): s is string => typeof s === 'string' && s.length > 0);
  if (fields.length === 0) return NONE;
  // One line per field, so that no name runs from one field into the next.
  const text = fields.join('\n').slice(0, 2000);
  const parties = new Set<string>();
  for (const m of findEntitiesInSpan(text, { start: 0, end: text.length }, matcher)) {
    if (m.type === 'place' && !model.cities.has(m.id)) parties.add(m.id);
    else if (m.type === 'person') {
      const country = model.countryOf.get(m.id);
      if (country !== undefined) parties.add(country);
    }
  }
  return parties.size === 0 ? NONE : parties;
}
