// The committed place gazetteer (lexicons/places.yaml) must be what scripts/generate-places.mjs makes now from
// countries-list and lexicons/entities.yaml, so an entity added by hand never also ships a generated twin.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
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
