// Lexicon loading: every error kind at its line/column, bad entries skipped while the rest loads, merging,
// and the built-in entity lexicon checked in full.
import * as assert from 'assert';
import fc from 'fast-check';
import { mergeLexicons, parseLexiconYaml } from '../../src/core/lexicon/lexicon';
import { ENTITY_TYPES, TOPIC_IDS, type Lexicon, type LexiconError } from '../../src/core/types';
import { readRepoFile } from './helpers';

function parse(text: string): { lexicon: Lexicon; errors: LexiconError[] } {
  return parseLexiconYaml(text, 'test.yaml');
}

function only(errors: LexiconError[], code: LexiconError['code']): LexiconError {
  const hits = errors.filter((e) => e.code === code);
  assert.strictEqual(hits.length, 1, `one ${code} in ${JSON.stringify(errors)}`);
  assert.strictEqual(hits[0].file, 'test.yaml');
  return hits[0];
}

const GOOD_ENTITY = ['  - id: g7', '    name: Group of Seven', '    type: forum', '    definition: Seven economies.'];

describe('lexicon: errors carry their line and column', () => {
  it('yaml-syntax', () => {
    const { errors } = parse(['entities:', '  - id: a', '    name: [unclosed', '    type: org'].join('\n'));
    const e = errors.find((x) => x.code === 'yaml-syntax');
    assert.ok(e, JSON.stringify(errors));
    assert.ok(e.line >= 2, `line ${e.line}`);
  });

  it('unknown-type, at the value', () => {
    const { lexicon, errors } = parse(['entities:', '  - id: mars', '    name: Mars', '    type: planet', '    definition: A planet.'].join('\n'));
    const e = only(errors, 'unknown-type');
    assert.deepStrictEqual([e.line, e.column, e.endLine, e.endColumn], [3, 10, 3, 16]);
    assert.strictEqual(lexicon.entities.length, 0);
  });

  it('missing-field, at the entry', () => {
    const { errors } = parse(['entities:', '  - id: mars', '    name: Mars', '    type: place'].join('\n'));
    const e = only(errors, 'missing-field');
    assert.deepStrictEqual([e.line, e.column], [1, 4]);
    assert.match(e.message, /definition/);
  });

  it('duplicate-id, at the second id; the first entry is kept', () => {
    const { lexicon, errors } = parse(['entities:', ...GOOD_ENTITY, '  - id: g7', '    name: Other', '    type: org', '    definition: Other.'].join('\n'));
    const e = only(errors, 'duplicate-id');
    assert.deepStrictEqual([e.line, e.column], [5, 8]);
    assert.deepStrictEqual(lexicon.entities.map((x) => x.name), ['Group of Seven']);
  });

  it('bad-value: cue strength, cue pattern, topic id, asOf, source, non-kebab id', () => {
    const text = [
      'cues:',
      '  - {id: c1, pattern: agreed to, strength: maybe, explanation: x}',
      '  - {id: c2, pattern: "agreed (to", strength: firm, explanation: x}',
      '  - {id: c3, pattern: agreed to, strength: firm, explanation: Undertakes.}',
      'entities:',
      '  - id: Not_Kebab',
      '    name: X',
      '    type: org',
      '    definition: X.',
      '  - id: wto',
      '    name: World Trade Organization',
      '    type: org',
      '    definition: Trade rules.',
      '    topics: [economy-trade, trade-war]',
      '    facts:',
      '      - {label: Founded, value: 1995, asOf: 1995}',
      '      - {label: Members, value: 166, asOf: last year}',
      '    source: not a url',
      'topics:',
      '  - {id: sports, label: Sports, icon: ball}',
    ].join('\n');
    const { lexicon, errors } = parse(text);
    const bad = errors.filter((e) => e.code === 'bad-value').map((e) => [e.line, e.column]);
    assert.deepStrictEqual(bad, [
      [1, 43], // strength: maybe
      [2, 22], // the unclosed pattern
      [5, 8], // Not_Kebab
      [13, 28], // trade-war
      [16, 43], // asOf: last year
      [17, 12], // source
      [19, 9], // topic id sports
    ]);
    assert.deepStrictEqual(lexicon.cues.map((c) => c.id), ['c3']);
    const wto = lexicon.entities.find((e) => e.id === 'wto');
    assert.ok(wto);
    assert.deepStrictEqual(wto.topics, ['economy-trade']);
    // Numbers keep their written form; a bad fact is dropped, a bad source is dropped, the entry stays.
    assert.deepStrictEqual(wto.facts, [{ label: 'Founded', value: '1995', asOf: '1995' }]);
    assert.strictEqual(wto.source, undefined);
    assert.strictEqual(lexicon.topics.length, 0);
  });

  it('unknown-key, at the key, with a suggestion; the entry still loads', () => {
    const { lexicon, errors } = parse(['entities:', ...GOOD_ENTITY, '    alias: [G-7]', 'colours: []'].join('\n'));
    const keys = errors.filter((e) => e.code === 'unknown-key');
    assert.deepStrictEqual(keys.map((e) => [e.line, e.column]), [
      [5, 4],
      [6, 0],
    ]);
    assert.match(keys[0].message, /did you mean "aliases"/);
    assert.strictEqual(lexicon.entities.length, 1);
  });

  it('skips a broken entry while the others load, each with its origin', () => {
    const text = ['# comment', 'entities:', ...GOOD_ENTITY, '  - id: broken', '    type: org', '  - id: quad', '    name: Quad', '    type: forum', '    definition: Four.'].join('\n');
    const { lexicon, errors } = parse(text);
    assert.deepStrictEqual(errors.map((e) => e.code), ['missing-field', 'missing-field']);
    assert.deepStrictEqual(lexicon.entities.map((e) => e.id), ['g7', 'quad']);
    assert.deepStrictEqual(lexicon.entities[1].origin, { file: 'test.yaml', line: 8, column: 4 });
  });

  it('reads topics and cues with their optional fields', () => {
    const text = [
      'topics:',
      '  - id: taiwan',
      '    label: Taiwan',
      '    icon: globe',
      '    keywords: [taiwan]',
      'cues:',
      '  - {id: agreed-to, pattern: agreed to, strength: firm, explanation: Undertakes., code: "057"}',
    ].join('\n');
    const { lexicon, errors } = parse(text);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(lexicon.topics[0].keywords, ['taiwan']);
    assert.deepStrictEqual(lexicon.topics[0].phrases, []);
    assert.strictEqual(lexicon.cues[0].code, '057');
    assert.strictEqual(lexicon.cues[0].strength, 'firm');
  });

  it('treats empty input, a bare scalar and a list at top level as data problems, not crashes', () => {
    assert.deepStrictEqual(parse('').errors, []);
    assert.deepStrictEqual(parse('# only a comment\n').errors, []);
    assert.strictEqual(parse('just text').errors[0].code, 'bad-value');
    assert.strictEqual(parse('- a\n- b').errors[0].code, 'bad-value');
    assert.strictEqual(parse('entities: 3').errors[0].code, 'bad-value');
    // Anchors and aliases are not data we accept: the aliased value is refused, not expanded.
    const { errors } = parse(['entities:', '  - id: a', '    name: &n Alpha', '    type: org', '    definition: *n'].join('\n'));
    assert.ok(errors.some((e) => e.code === 'bad-value' && e.line === 4));
  });

  it('never throws on random bytes or mutated YAML', () => {
    const builtin = readRepoFile('lexicons/entities.yaml').slice(0, 4000);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parse(s);
        assert.ok(Array.isArray(r.errors) && Array.isArray(r.lexicon.entities));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(builtin.length), fc.nat(40), fc.string({ maxLength: 6 }), (at, cut, insert) => {
        const r = parse(builtin.slice(0, at) + insert + builtin.slice(at + cut));
        for (const e of r.errors) assert.ok(e.line >= 0 && e.column >= 0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('lexicon: mergeLexicons', () => {
  const base = parse(['entities:', ...GOOD_ENTITY, 'topics:', '  - {id: security, label: Security, icon: shield, keywords: [defense], entities: [nato]}'].join('\n')).lexicon;

  it('overrides an entity by id and appends new ones, keeping base order', () => {
    const user = parse(['entities:', '  - {id: g7, name: G7 (ours), type: forum, definition: Ours.}', '  - {id: new-one, name: New, type: other, definition: New.}'].join('\n')).lexicon;
    const merged = mergeLexicons(base, user);
    assert.deepStrictEqual(merged.entities.map((e) => [e.id, e.name]), [
      ['g7', 'G7 (ours)'],
      ['new-one', 'New'],
    ]);
    assert.strictEqual(base.entities[0].name, 'Group of Seven', 'the base is not mutated');
  });

  it('extends a topic with an existing id instead of replacing its keywords', () => {
    const user = parse('topics:\n  - {id: security, label: Defense, icon: shield, keywords: [defense, deterrence], phrases: [arms control]}').lexicon;
    const [topic] = mergeLexicons(base, user).topics;
    assert.deepStrictEqual(topic.keywords, ['defense', 'deterrence']);
    assert.deepStrictEqual(topic.phrases, ['arms control']);
    assert.deepStrictEqual(topic.entities, ['nato']);
    assert.strictEqual(topic.label, 'Defense');
  });
});

// Every UN member state, by the name or alias a reader would look for.
const UN_MEMBERS = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia',
  'Australia', 'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium',
  'Belize', 'Benin', 'Bhutan', 'Bolivia', 'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei Darussalam',
  'Bulgaria', 'Burkina Faso', 'Burundi', 'Cabo Verde', 'Cambodia', 'Cameroon', 'Canada',
  'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Republic of the Congo',
  'Costa Rica', "Côte d'Ivoire", 'Croatia', 'Cuba', 'Cyprus', 'Czechia', "Democratic People's Republic of Korea",
  'Democratic Republic of the Congo', 'Denmark', 'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador',
  'Egypt', 'El Salvador', 'Equatorial Guinea', 'Eritrea', 'Estonia', 'Eswatini', 'Ethiopia', 'Fiji', 'Finland',
  'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada', 'Guatemala', 'Guinea',
  'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq',
  'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Kuwait',
  'Kyrgyzstan', "Lao People's Democratic Republic", 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya',
  'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta',
  'Marshall Islands', 'Mauritania', 'Mauritius', 'Mexico', 'Federated States of Micronesia', 'Moldova', 'Monaco',
  'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nauru', 'Nepal', 'Netherlands',
  'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palau',
  'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar',
  'Republic of Korea', 'Romania', 'Russia', 'Rwanda', 'Saint Kitts and Nevis', 'Saint Lucia',
  'Saint Vincent and the Grenadines', 'Samoa', 'San Marino', 'São Tomé and Príncipe', 'Saudi Arabia', 'Senegal',
  'Serbia', 'Seychelles', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands', 'Somalia',
  'South Africa', 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Sweden', 'Switzerland', 'Syria',
  'Tajikistan', 'Thailand', 'Timor-Leste', 'Togo', 'Tonga', 'Trinidad and Tobago', 'Tunisia', 'Türkiye',
  'Turkmenistan', 'Tuvalu', 'Uganda', 'Ukraine', 'United Arab Emirates', 'United Kingdom', 'Tanzania',
  'United States', 'Uruguay', 'Uzbekistan', 'Vanuatu', 'Venezuela', 'Viet Nam', 'Yemen', 'Zambia', 'Zimbabwe'
];

describe('lexicon: the built-in entities.yaml', () => {
  const { lexicon, errors } = parseLexiconYaml(readRepoFile('lexicons/entities.yaml'), 'lexicons/entities.yaml');
  const entities = lexicon.entities;

  it('loads with zero errors and at least 300 entries', () => {
    assert.deepStrictEqual(errors, []);
    assert.ok(entities.length >= 300, `${entities.length} entries`);
  });

  it('uses only known types and topic ids, one-sentence definitions, http(s) sources and dated facts', () => {
    for (const e of entities) {
      assert.ok((ENTITY_TYPES as readonly string[]).includes(e.type), e.id);
      for (const t of e.topics) assert.ok((TOPIC_IDS as readonly string[]).includes(t), `${e.id}: ${t}`);
      assert.ok(e.definition.endsWith('.') && !/[.!?]\s+[A-Z]/.test(e.definition), `${e.id}: one sentence`);
      assert.match(e.source ?? '', /^https:\/\//, e.id);
      if (e.type === 'person') assert.ok(e.office, `${e.id} has an office`);
    }
  });

  it('has no alias shared by two entities', () => {
    const owner = new Map<string, string>();
    for (const e of entities) {
      for (const a of [e.name, ...e.aliases]) {
        const key = a.toLowerCase();
        assert.ok(!owner.has(key) || owner.get(key) === e.id, `"${a}" is both ${owner.get(key)} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
  });

  it('contains every UN member state, the observer states and Taiwan', () => {
    const names = new Set(entities.filter((e) => e.type === 'place').flatMap((e) => [e.name, ...e.aliases]));
    assert.strictEqual(UN_MEMBERS.length, 193);
    for (const n of [...UN_MEMBERS, 'Holy See', 'State of Palestine', 'Taiwan']) assert.ok(names.has(n), n);
  });

  it('has every entity id that topics.yaml refers to', () => {
    const ids = new Set(entities.map((e) => e.id));
    const topics = parseLexiconYaml(readRepoFile('lexicons/topics.yaml'), 'lexicons/topics.yaml').lexicon.topics;
    for (const t of topics) for (const id of t.entities) assert.ok(ids.has(id), `${t.id} → ${id}`);
  });
});
