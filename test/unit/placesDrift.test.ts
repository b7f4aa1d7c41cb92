// The committed place gazetteer (lexicons/places.yaml) must be what scripts/generate-places.mjs makes now from
// countries-list and lexicons/entities.yaml, so an entity added by hand never also ships a generated twin.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import { parseLexiconYaml } from '../../src/core/lexicon/lexicon';
import { readRepoFile, repoRoot } from './helpers';

interface PlacesGenerator {
  currentPlaces(): string;
}

describe('place gazetteer (lexicons/places.yaml)', () => {
  it('is what scripts/generate-places.mjs generates now (run it after editing entities.yaml)', async () => {
    const gen = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'generate-places.mjs')).href)) as PlacesGenerator;
    assert.strictEqual(readRepoFile('lexicons/places.yaml'), gen.currentPlaces());
  });

  it('parses without errors, each entry a place with a definition and a source, naming its licence', () => {
    const text = readRepoFile('lexicons/places.yaml');
    assert.match(text.split('\n').slice(0, 3).join('\n'), /MIT licence/);
    const { lexicon, errors } = parseLexiconYaml(text, 'places.yaml');
    assert.deepStrictEqual(errors, []);
    assert.ok(lexicon.entities.length > 100);
    for (const e of lexicon.entities) assert.ok(e.type === 'place' && e.definition && e.source, e.id);
  });
});

interface CitiesGenerator {
  currentCities(): string;
}

describe('city gazetteer (lexicons/cities.yaml)', () => {
  it('is what scripts/generate-cities.mjs generates now (run it after editing entities.yaml or places.yaml)', async () => {
    const gen = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'generate-cities.mjs')).href)) as CitiesGenerator;
    assert.strictEqual(readRepoFile('lexicons/cities.yaml'), gen.currentCities());
  });

  it('credits GeoNames (CC BY 4.0) and gives each city its country, its population as of a date and its GeoNames page', () => {
    const text = readRepoFile('lexicons/cities.yaml');
    assert.match(text.split('\n').slice(0, 3).join('\n'), /GeoNames.*CC BY 4\.0/);
    const { lexicon, errors } = parseLexiconYaml(text, 'cities.yaml');
    assert.deepStrictEqual(errors, []);
    assert.ok(lexicon.entities.length > 200);
    for (const e of lexicon.entities) {
      assert.ok(e.type === 'place' && e.definition, e.id);
      assert.match(e.source ?? '', /^https:\/\/www\.geonames\.org\/\d+$/, e.id);
      assert.ok(e.facts.some((f) => f.label === 'Country'), e.id);
      for (const f of e.facts.filter((x) => x.label === 'Population')) assert.match(String(f.asOf), /^\d{4}-\d{2}$/, e.id);
    }
  });
});

describe('built-in cards', () => {
  it('every built-in entity has a type, a definition and a source URL', () => {
    const { lexicon } = loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) })));
    assert.ok(lexicon.entities.length > 1000, String(lexicon.entities.length));
    const missing = lexicon.entities.filter((e) => !e.type || !e.definition?.trim() || !/^https?:\/\/\S+$/.test(e.source ?? '')).map((e) => e.id);
    assert.deepStrictEqual(missing, []);
  });

  it('every UN member state (world-countries\' unMember) has a place card with a capital', () => {
    // Read at test time from the data package, so a state the lexicons lack or a capital left out shows here.
    const countries = JSON.parse(readRepoFile('node_modules/world-countries/countries.json')) as { name: { common: string; official: string }; unMember: boolean; capital: string[] }[];
    const { lexicon } = loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) })));
    const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    const byName = new Map<string, (typeof lexicon.entities)[number]>();
    for (const e of lexicon.entities) for (const n of [e.name, ...e.aliases]) if (!byName.has(fold(n))) byName.set(fold(n), e);
    // Where a state's capital is disputed or it has none by law, the card names none rather than take a side.
    const noCapital = new Set(['Israel', 'Nauru']);
    const members = countries.filter((c) => c.unMember);
    assert.ok(members.length >= 193, String(members.length));
    const without = members
      .filter((c) => {
        const e = byName.get(fold(c.name.common)) ?? byName.get(fold(c.name.official));
        return !e || e.type !== 'place' || (!noCapital.has(c.name.common) && !e.facts.some((f) => f.label === 'Capital'));
      })
      .map((c) => c.name.common);
    assert.deepStrictEqual(without, []);
  });
});
