// Entity matcher: acronym case, longest match, possessives, hyphenated compounds, word boundaries, and the
// seed readout's mentions at the offsets a reader would point at.
import * as assert from 'assert';
import fc from 'fast-check';
import { compileEntities, findEntities, findEntitiesInSpan, type EntityMatcher } from '../../src/core/entities/entities';
import { spanAt } from '../../src/core/text/spans';
import { parseLexiconYaml } from '../../src/core/lexicon/lexicon';
import type { EntityEntry, EntityMention, EntityType, ParsedReadout } from '../../src/core/types';
import { analyze } from '../../src/core/pipeline/analyze';
import { compiledBuiltins, parseReadout, readRepoFile } from './helpers';

function entry(id: string, name: string, aliases: string[] = [], type: EntityType = 'place'): EntityEntry {
  return { id, name, aliases, type, definition: `${name}.`, facts: [], topics: [] };
}

const small = compileEntities([
  entry('japan', 'Japan', ['Japanese']),
  entry('united-states', 'United States', ['US', 'U.S.', 'USA', 'America']),
  entry('south-korea', 'Republic of Korea', ['ROK', 'South Korea']),
  entry('iran', 'Iran'),
  entry('turkiye', 'Türkiye', ['Turkey']),
  entry('g7', 'Group of Seven', ['G7'], 'forum'),
  entry('two-plus-two', '2+2 dialogue', ['2+2'], 'forum'),
  entry('taiwan', 'Taiwan'),
  entry('taiwan-strait', 'Taiwan Strait'),
  entry('bbb', 'Build Back Better', [], 'initiative'),
  entry('indo-pacific', 'Indo-Pacific'),
  entry('scc', 'Japan-US Security Consultative Committee', ['Japan-U.S. Security Consultative Committee'], 'forum'),
  entry('denuclearization', 'denuclearization', [], 'initiative'),
  entry('people-republic', "People's Republic of China", ['China']),
]);

function find(text: string, matcher: EntityMatcher = small): Array<[string, string, number]> {
  return findEntitiesInSpan(text, { start: 0, end: text.length }, matcher).map((m) => [m.text, m.id, m.start]);
}

describe('entities: matcher', () => {
  it('matches acronyms only in their own case, never inside a word', () => {
    assert.deepStrictEqual(find('US and U.S. and USA'), [
      ['US', 'united-states', 0],
      ['U.S.', 'united-states', 7],
      ['USA', 'united-states', 16],
    ]);
    assert.deepStrictEqual(find('Let us plug a USB stick in, thus bus'), []);
    assert.deepStrictEqual(find('g7 G7 G7s G-7'), [['G7', 'g7', 3]]);
    assert.deepStrictEqual(find('the 2+2 and 22+2'), [['2+2', 'two-plus-two', 4]]);
  });

  it('matches multi-word names in any case and single words as written or in capitals', () => {
    // E1.f: a name written in lower case holds a name of its own ("taiwan"); words that are all common are the phrase.
    assert.deepStrictEqual(find('across the taiwan strait'), [['taiwan strait', 'taiwan-strait', 11]]);
    assert.deepStrictEqual(find('to build back better, Build back better'), [['Build back better', 'bbb', 22]]);
    assert.deepStrictEqual(find('Turkey, turkey, TURKEY'), [
      ['Turkey', 'turkiye', 0],
      ['TURKEY', 'turkiye', 16],
    ]);
    assert.deepStrictEqual(find('Mr. KISHIDA of JAPAN'), [['JAPAN', 'japan', 15]]);
    // A lower-case alias also matches with a capital first letter, at the start of a sentence.
    assert.deepStrictEqual(find('Denuclearization and denuclearization'), [
      ['Denuclearization', 'denuclearization', 0],
      ['denuclearization', 'denuclearization', 21],
    ]);
  });

  it('ignores diacritics: "Turkiye" is "Türkiye"', () => {
    assert.deepStrictEqual(find('Turkiye and Türkiye'), [
      ['Turkiye', 'turkiye', 0],
      ['Türkiye', 'turkiye', 12],
    ]);
  });

  it('prefers the longest match, then the leftmost', () => {
    assert.deepStrictEqual(find('the Japan-US Security Consultative Committee met'), [
      ['Japan-US Security Consultative Committee', 'scc', 4],
    ]);
    assert.deepStrictEqual(find("the People's Republic of China and China"), [
      ["People's Republic of China", 'people-republic', 4],
      ['China', 'people-republic', 35],
    ]);
    assert.deepStrictEqual(find('the Japan-U.S. Security Consultative Committee'), [
      ['Japan-U.S. Security Consultative Committee', 'scc', 4],
    ]);
  });

  it('splits hyphen and dash compounds into one mention per part', () => {
    assert.deepStrictEqual(find('the Japan-US alliance'), [
      ['Japan', 'japan', 4],
      ['US', 'united-states', 10],
    ]);
    assert.deepStrictEqual(find('US-Japan-ROK and Japan–US and U.S.-ROK'), [
      ['US', 'united-states', 0],
      ['Japan', 'japan', 3],
      ['ROK', 'south-korea', 9],
      ['Japan', 'japan', 17],
      ['US', 'united-states', 23],
      ['U.S.', 'united-states', 30],
      ['ROK', 'south-korea', 35],
    ]);
    // A hyphen between words is a spelling choice; "Indo Pacific" is the same region.
    assert.deepStrictEqual(find('Indo-Pacific, Indo–Pacific, Indo Pacific'), [
      ['Indo-Pacific', 'indo-pacific', 0],
      ['Indo–Pacific', 'indo-pacific', 14],
      ['Indo Pacific', 'indo-pacific', 28],
    ]);
  });

  it("covers the name, not the possessive 's (straight or curly)", () => {
    assert.deepStrictEqual(find("Japan's view, the US' role, America’s allies"), [
      ['Japan', 'japan', 0],
      ['US', 'united-states', 18],
      ['America', 'united-states', 28],
    ]);
  });

  it('does not match inside a longer word', () => {
    assert.deepStrictEqual(find('Iranian officials; Irani; Iran.'), [['Iran', 'iran', 26]]);
    assert.deepStrictEqual(find('Japanese officials'), [['Japanese', 'japan', 0]]);
  });

  it('matches across CRLF line breaks inside a sentence, with offsets into the raw text', () => {
    const text = 'peace across the Taiwan\r\nStrait and\r\nJapan';
    assert.deepStrictEqual(find(text), [
      ['Taiwan\r\nStrait', 'taiwan-strait', 17],
      ['Japan', 'japan', 37],
    ]);
  });

  it('lets a later entry win an alias both share (user overlays come last)', () => {
    const m = compileEntities([entry('a', 'Alpha', ['Shared Name']), entry('b', 'Beta', ['Shared Name'])]);
    assert.deepStrictEqual(find('the Shared Name', m), [['Shared Name', 'b', 4]]);
  });

  it('searches only inside the readout sentences and reports the sentence index', () => {
    const text = 'Japan header\n\nThe US and Japan met.';
    const readout: ParsedReadout = {
      header: { kind: 'none' },
      body: { start: 14, end: text.length },
      paragraphs: [{ index: 0, start: 14, end: text.length, sentences: [0] }],
      sentences: [{ index: 0, paragraph: 0, start: 14, end: text.length, text: text.slice(14) }],
      comments: [],
      problems: [],
    };
    const mentions = findEntities(text, readout, small);
    assert.deepStrictEqual(
      mentions.map((m) => [m.text, m.start, m.end, m.sentence, m.type]),
      [
        ['US', 18, 20, 0, 'place'],
        ['Japan', 25, 30, 0, 'place'],
      ],
    );
    // Spans past the end of the text are clamped rather than thrown on.
    const broken = { ...readout, sentences: [{ ...readout.sentences[0], end: 10_000 }] };
    assert.strictEqual(findEntities(text, broken, small).length, 2);
  });

  it('spanAt finds the mention under a cursor, including just after its last character', () => {
    const text = 'US and Japan';
    const mentions = findEntitiesInSpan(text, { start: 0, end: text.length }, small);
    assert.strictEqual(spanAt(mentions, 0)?.id, 'united-states');
    assert.strictEqual(spanAt(mentions, 2)?.id, 'united-states');
    assert.strictEqual(spanAt(mentions, 4), undefined);
    assert.strictEqual(spanAt(mentions, 12)?.id, 'japan');
    assert.strictEqual(spanAt([], 3), undefined);
  });

  it('returns sorted, non-overlapping, in-bounds mentions for any text, deterministically', () => {
    const alphabet = fc.constantFrom('US', 'U.S.', 'Japan', "'s", '-', '–', ' ', '\r\n', 'G7', 'Iran', 'ian', 'Strait', 'Taiwan', 'x', '’', '2+2', 'Türkiye', '\u{1F600}', '\u0301');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const a = findEntitiesInSpan(text, { start: 0, end: text.length }, small);
        const b = findEntitiesInSpan(text, { start: 0, end: text.length }, small);
        assert.deepStrictEqual(a, b);
        let last = 0;
        for (const m of a) {
          assert.ok(m.start >= last && m.end > m.start && m.end <= text.length);
          assert.strictEqual(m.text, text.slice(m.start, m.end));
          last = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('entities: built-in lexicon on the seed readout', () => {
  const { lexicon } = parseLexiconYaml(readRepoFile('lexicons/entities.yaml'), 'lexicons/entities.yaml');
  const matcher = compileEntities(lexicon.entities);
  const text = readRepoFile('samples/kishida-biden-2023-05-19.readout');
  const mentions = findEntities(text, parseReadout(text), matcher);

  function expectAt(surface: string, id: string, occurrence = 0): EntityMention {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = text.indexOf(surface, at + 1);
    assert.ok(at >= 0, `"${surface}" is in the seed`);
    const m = mentions.find((x) => x.start === at);
    assert.ok(m, `a mention starts at "${surface}" (${at})`);
    assert.strictEqual(m.text, surface);
    assert.strictEqual(m.end, at + surface.length);
    assert.strictEqual(m.id, id);
    return m;
  }

  it('finds the named frameworks, organs and places where they are written', () => {
    expectAt('IPEF', 'ipef');
    expectAt('Indo-Pacific Economic Framework', 'ipef');
    expectAt('Comprehensive and Progressive Agreement for Trans-Pacific Partnership', 'cptpp');
    expectAt('CPTPP', 'cptpp');
    expectAt('UNSC', 'unsc');
    expectAt('UN Security Council resolutions', 'unsc-resolutions');
    expectAt('G7', 'g7');
    expectAt('G7', 'g7', 2); // "the G7's unwavering solidarity": the mention stops before the 's
    expectAt('Taiwan Strait', 'taiwan-strait');
    expectAt('Indo-Pacific', 'indo-pacific');
    expectAt('Global South', 'global-south');
    expectAt('Japan-US Security Consultative Committee', 'japan-us-security-consultative-committee');
    expectAt('Japan-US Economic Policy Consultative Committee', 'japan-us-economic-2plus2');
    expectAt('Hiroshima', 'hiroshima');
    expectAt('North Korea', 'north-korea');
  });

  it('finds the leaders by full name and by surname', () => {
    expectAt('Fumio Kishida', 'fumio-kishida');
    expectAt('Joe Biden', 'joe-biden');
    expectAt('Kishida', 'fumio-kishida', 2);
    expectAt('Biden', 'joe-biden', 1);
  });

  it('splits "Japan-US alliance" into Japan and US, and reads the demonym in "Japanese Prime Minister"', () => {
    const at = text.indexOf('Japan-US alliance');
    assert.deepStrictEqual(
      mentions.filter((m) => m.start >= at && m.end <= at + 8).map((m) => m.id),
      ['japan', 'united-states'],
    );
    expectAt('Japanese', 'japan');
    // "the US' leading universities": the possessive apostrophe is not part of the name.
    const us = text.indexOf("US' leading");
    assert.ok(mentions.some((m) => m.start === us && m.end === us + 2 && m.id === 'united-states'));
  });
});

describe('names no lexicon knows: the mention is its range', () => {
  it('a name across a hard-wrapped line break keeps the break in its text and a one-spaced name (found by npm run fuzz)', () => {
    const text = 'date 2024-01-02 The leaders discussed the Comprehensive and Progressive Agreement\nfor Trans-Pacific Partnership.';
    for (const m of analyze(text, compiledBuiltins()).entities) {
      assert.strictEqual(text.slice(m.start, m.end), m.text, JSON.stringify(m));
      assert.ok(!/\s{2,}|\n/.test(m.name), JSON.stringify(m));
    }
  });
});
