// Hover cards, diagnostic messages, unknown acronyms and the report helpers.
import * as assert from 'assert';
import { findUnknownAcronyms } from '../../src/core/entities/acronyms';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon } from '../../src/core/pipeline/compile';
import { cueCard, cueMessage, entityCard } from '../../src/core/report/cards';
import { escapeText } from '../../src/core/report/markdownText';
import { LineIndex, csvField } from '../../src/core/report/report';
import type { Cue, CuePattern, EntityEntry, EntityMention } from '../../src/core/types';
import { compiledBuiltins, parseReadout } from './helpers';

const cue: Cue = {
  start: 10,
  end: 36,
  text: 'confirmed the importance of',
  strength: 'hedged',
  negated: false,
  actor: 'the two leaders',
  sentence: 0,
  patternId: 'confirmed-importance',
  governingVerb: 'confirmed',
  rule: 'governing verb',
};
const pattern: CuePattern = { id: 'confirmed-importance', pattern: 'confirm{,s,ed} <det> importance of', strength: 'hedged', explanation: 'affirms a shared view; it does not undertake an action' };

describe('cards and messages', () => {
  it('writes the diagnostic message the policy describes', () => {
    assert.strictEqual(
      cueMessage(cue, pattern),
      'Hedged commitment by the two leaders: "confirmed the importance of" — affirms a shared view; it does not undertake an action.',
    );
    assert.strictEqual(cueMessage({ ...cue, strength: 'firm', negated: true, actor: undefined, text: 'will not' }, undefined), 'Firm commitment (negated): "will not".');
  });

  it('explains a cue: governing verb, actor, rule, lexicon entry', () => {
    const md = cueCard(cue, pattern);
    assert.match(md, /\*\*Hedged commitment\*\*/);
    assert.match(md, /\| Governing verb \| confirmed \|/);
    assert.match(md, /\| Actor \| the two leaders \|/);
    assert.match(md, /\| Rule \| governing verb \|/);
    assert.match(md, /`confirmed-importance`/);
  });

  it('a participial opener\'s card names the participle, the main clause\'s party and the rule (policy C3.a)', () => {
    const compiled = compiledBuiltins();
    const [opener] = analyze('Stressing the need for unity, the two leaders agreed to meet again.\n', compiled).cues;
    const md = cueCard(opener, compiled.lexicon.cues.find((p) => p.id === opener.patternId));
    assert.match(md, /\| Governing verb \| stressing \|/);
    assert.match(md, /\| Actor \| the two leaders \|/);
    assert.match(md, /\| Rule \| participial clause opening the sentence \|/);
    assert.match(md, /`stressed`/);
  });

  it('renders an entity card with office, facts, aliases and a source link, escaping user text', () => {
    const entry: EntityEntry = {
      id: 'x',
      name: 'Test *Org*',
      aliases: ['TO'],
      type: 'person',
      office: 'Prime Minister of Testland (2021–2024)',
      definition: 'A person | with a pipe.',
      facts: [{ label: 'Born', value: '1957', asOf: '2024' }],
      topics: [],
      source: 'https://example.org/a (b)',
    };
    const md = entityCard(entry);
    assert.match(md, /^\*\*Test \\\*Org\\\*\*\* · _Person_/);
    // Parentheses and full stops mean nothing mid-line in Markdown: they stay as they are.
    assert.match(md, /\*\*Prime Minister of Testland \(2021–2024\)\*\*/);
    assert.match(md, /\| Born \| 1957 _\(as of 2024\)_ \|/);
    assert.match(md, /A person \\\| with a pipe\./);
    assert.match(md, /Also: `TO`/);
    assert.match(md, /\[Source\]\(https:\/\/example\.org\/a%20%28b%29\)/);
    assert.strictEqual(escapeText('[x](y)'), '\\[x\\](y)');
  });
});

describe('unknown acronyms', () => {
  const find = (text: string, mentions: EntityMention[] = []): string[] =>
    findUnknownAcronyms(text, parseReadout(text), mentions).map((a) => text.slice(a.start, a.end));

  it('finds standalone capitals, with dots and digits, not inside words', () => {
    assert.deepStrictEqual(find('date 2024-01-01 The QRT and the U.N.X. met the ABC2 group in QRTs.'), ['QRT', 'U.N.X.', 'ABC2']);
  });

  it('ends an acronym at curly quotes, dashes and no-break spaces as at their ASCII twins, not at letters', () => {
    const text = 'date 2024-01-01 The QRT\u2019s plan, the XYZ\u2014a group\u2014and the ABC\u00a0team met. The \u00c9QUIPE and QRT\u00e9 are words.';
    assert.deepStrictEqual(find(text), ['QRT', 'XYZ', 'ABC']);
    // analyze() reads them from the shared scan: the same answer.
    const analysis = analyze(text, compileLexicon({ cues: [], entities: [], topics: [], wordClasses: [] }));
    assert.deepStrictEqual(analysis.unknownAcronyms.map((a) => text.slice(a.start, a.end)), ['QRT', 'XYZ', 'ABC']);
  });

  it('keeps the final dot of a dotted acronym only inside the sentence', () => {
    const text = 'They met the X.Y.';
    const acronyms = findUnknownAcronyms(text, { ...parseReadout(text), sentences: [{ start: 0, end: 16, index: 0, paragraph: 0, text: text.slice(0, 16) }] }, []);
    assert.deepStrictEqual(acronyms.map((a) => [a.start, a.end]), [[13, 16]]);
  });

  it('skips Roman numerals, single capitals, capitalised surnames and known mentions', () => {
    const text = 'date 2024-01-01 Phase II began. I met KISHIDA Fumio. The G7 met.';
    const g7 = text.indexOf('G7');
    const mention: EntityMention = { start: g7, end: g7 + 2, text: 'G7', id: 'g7', name: 'G7', type: 'forum', sentence: 2 };
    assert.deepStrictEqual(find(text, [mention]), []);
  });
});

describe('report helpers', () => {
  it('maps offsets to lines and columns across LF, CRLF and CR', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepStrictEqual(idx.position(0), { line: 0, column: 0 });
    assert.deepStrictEqual(idx.position(4), { line: 1, column: 1 });
    assert.deepStrictEqual(idx.position(7), { line: 2, column: 0 });
    assert.deepStrictEqual(idx.position(10), { line: 3, column: 0 });
  });

  it('quotes CSV fields that need it and defuses spreadsheet formulas', () => {
    assert.strictEqual(csvField('plain'), 'plain');
    assert.strictEqual(csvField('a,b'), '"a,b"');
    assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvField('=SUM(A1)'), "'=SUM(A1)");
    assert.strictEqual(csvField(null), '');
  });
});
