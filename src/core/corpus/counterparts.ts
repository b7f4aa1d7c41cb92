// Who a readout is with: the counterparts its front matter and its opening name, as country (or organisation)
// names from the entity lexicon, the issuing side left out. The corpus groups readouts by these names.
//
// The parties, in this order, each name once: (1) front matter `participants` (a person stands for their
// country, the lexicon's "Country" fact; a place for itself; anything else as written); (2) the title's
// countries, persons and organisations after its first "with" ("... Call with Prime Minister Trudeau of
// Canada"), or in the whole title when it has no "with"; (3) the opening sentence's; (4) the countries and
// persons named by cue actors ("Prime Minister Kishida"). A country is a place with a capital in the lexicon or
// some person's country: regions and seas ("Indo-Pacific") are topics, not parties.
// The issuing side ("home") is front matter `government` when the lexicon knows it, else the country of the
// first person or place named before the title's "with" ("Readout of President Biden's Call with ..."), else
// of the first person the opening sentence names (readouts speak from their side first) unless the title puts
// that country after its "with"; a corpus can then
// give its readouts without one the home most of the others have (settleHomes). The counterparts are the
// parties' countries less the home, at most MAX_COUNTERPARTS; organisations only when no country is left (a
// call with the WHO Director-General is a readout with the WHO).
import type { EntityEntry, EntityType } from '../types';

export const MAX_COUNTERPARTS = 8;

/** What counterparts are read with: entity names, built once per lexicon. */
export interface CounterpartIndex {
  /** Entity id → canonical name and type. */
  entities: Map<string, { name: string; type: EntityType }>;
  /** Person id → their country's canonical name. */
  countryOfPerson: Map<string, string>;
  /** Name or alias as written → entity id, for places, persons, organisations and forums. */
  byName: Map<string, string>;
  /** Canonical names of the places that are countries (see the opening comment). */
  countries: Set<string>;
  /** Longest name in words, to bound the look-up of names in titles and actors. */
  maxWords: number;
}

const NAMED_TYPES = new Set<EntityType>(['place', 'person', 'org', 'forum']);

export function counterpartIndex(entries: readonly EntityEntry[]): CounterpartIndex {
  const entities = new Map<string, { name: string; type: EntityType }>();
  const byName = new Map<string, string>();
  let maxWords = 1;
  for (const e of entries) {
    entities.set(e.id, { name: e.name, type: e.type });
    if (!NAMED_TYPES.has(e.type)) continue;
    for (const n of [e.name, ...e.aliases]) {
      // Two-letter and shorter aliases ("UN", "EU" are fine, "Al" is not) only in capitals.
      if (n.length < 2 || (n.length < 3 && n !== n.toUpperCase())) continue;
      if (!byName.has(n)) byName.set(n, e.id);
      maxWords = Math.max(maxWords, words(n).length);
    }
  }
  const placeByName = new Map<string, string>();
  for (const e of entries) if (e.type === 'place') for (const n of [e.name, ...e.aliases]) placeByName.set(n.toLowerCase(), e.name);
  const countryOfPerson = new Map<string, string>();
  for (const e of entries) {
    if (e.type !== 'person') continue;
    const fact = e.facts.find((f) => f.label === 'Country');
    if (fact) countryOfPerson.set(e.id, placeByName.get(fact.value.toLowerCase()) ?? fact.value);
  }
  const countries = new Set<string>(countryOfPerson.values());
  for (const e of entries) if (e.type === 'place' && e.facts.some((f) => f.label === 'Capital')) countries.add(e.name);
  return { entities, countryOfPerson, byName, countries, maxWords: Math.min(maxWords, 6) };
}

function words(s: string): string[] {
  return s.split(/[\s\u00a0]+/).filter((w) => w.length > 0);
}

/** Trailing punctuation a name in running text carries ("Canada," "Kishida's"). */
function bare(word: string): string {
  return word.replace(/^[("“‘']+/, '').replace(/(?:['’]s)?[)"”’',.;:!?]*$/, '');
}

/** Entity ids whose names the text spells as whole words, longest first, in text order. */
export function namedEntities(index: CounterpartIndex, text: string): string[] {
  const w = words(text).map(bare);
  const out: string[] = [];
  for (let i = 0; i < w.length; ) {
    let found = 0;
    for (let n = Math.min(index.maxWords, w.length - i); n >= 1 && !found; n--) {
      const id = index.byName.get(w.slice(i, i + n).join(' '));
      if (id) {
        out.push(id);
        found = n;
      }
    }
    i += found || 1;
  }
  return out;
}

/** The country an entity stands for: a place itself, a person their country; undefined for anything else. */
export function countryOf(index: CounterpartIndex, id: string): string | undefined {
  const e = index.entities.get(id);
  if (!e) return undefined;
  if (e.type === 'place') return index.countries.has(e.name) ? e.name : undefined;
  if (e.type === 'person') return index.countryOfPerson.get(id);
  return undefined;
}

export interface CounterpartSources {
  government?: string;
  participants?: readonly string[];
  title?: string;
  /** Entity ids the opening sentence mentions, in order. */
  opening: readonly string[];
  /** Cue actors, in order. */
  actors: readonly string[];
}

/** A party of a readout before the home side is known: a country or an organisation (or a name as written). */
export interface Party {
  name: string;
  kind: 'country' | 'org';
}

/** At most this many parties are kept per readout. */
export const MAX_PARTIES = 12;

const WITH = /\swith\s/i;

/** The parties, the home side and what the title puts on the home side, as the opening comment says. */
export function partiesOf(index: CounterpartIndex, src: CounterpartSources): { home?: string; parties: Party[]; homeSide: string[] } {
  const homeSide = new Set<string>();
  let home: string | undefined;
  if (src.government) {
    const id = index.byName.get(src.government.trim());
    home = id ? countryOf(index, id) : undefined;
  }
  let titleIds: string[] = [];
  if (src.title) {
    const w = WITH.exec(src.title);
    if (w) {
      for (const id of namedEntities(index, src.title.slice(0, w.index))) {
        const c = countryOf(index, id);
        home ??= c;
        homeSide.add(c ?? index.entities.get(id)?.name ?? id);
      }
      titleIds = namedEntities(index, src.title.slice(w.index + w[0].length));
    } else titleIds = namedEntities(index, src.title);
  }
  if (!home) {
    // Whoever the title names after its "with" is the other side, however early the opening names them.
    const otherSide = new Set(titleIds.map((id) => countryOf(index, id)));
    for (const id of src.opening) {
      const c = index.entities.get(id)?.type === 'person' ? index.countryOfPerson.get(id) : undefined;
      if (c && !otherSide.has(c)) {
        home = c;
        break;
      }
    }
  }
  const parties: Party[] = [];
  const add = (name: string | undefined, kind: Party['kind']): void => {
    if (name && !homeSide.has(name) && !parties.some((p) => p.name === name) && parties.length < MAX_PARTIES) parties.push({ name, kind });
  };
  for (const p of src.participants ?? []) {
    const ids = namedEntities(index, p);
    const country = ids.map((id) => countryOf(index, id)).find((c) => c !== undefined);
    if (country) add(country, 'country');
    else add(ids.length ? index.entities.get(ids[0])?.name : p.trim(), 'org');
  }
  for (const id of [...titleIds, ...src.opening]) {
    const c = countryOf(index, id);
    if (c) add(c, 'country');
    else if (index.entities.get(id)?.type === 'org' || index.entities.get(id)?.type === 'forum') add(index.entities.get(id)?.name, 'org');
  }
  for (const actor of src.actors) for (const id of namedEntities(index, actor)) add(countryOf(index, id), 'country');
  const side = [...homeSide].slice(0, MAX_PARTIES);
  return home ? { home, parties, homeSide: side } : { parties, homeSide: side };
}

/** The counterparts among the parties when `home` is the issuing side. */
export function counterpartsFrom(parties: readonly Party[], home: string | undefined, homeOrgs?: ReadonlySet<string>): string[] {
  const countries = parties.filter((p) => p.kind === 'country' && p.name !== home).map((p) => p.name);
  const orgs = (): string[] => parties.filter((p) => p.kind === 'org' && !homeOrgs?.has(p.name)).map((p) => p.name);
  return (countries.length ? countries : orgs()).slice(0, MAX_COUNTERPARTS);
}
