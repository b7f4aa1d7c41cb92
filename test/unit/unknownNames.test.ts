// A name no lexicon knows (E5): what its card, its diagnostic, the lexicon skeleton and the CLI say about it.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { fileReport } from '../../src/core/report/report';
import { addToLexiconArguments, introduction, unknownName, unknownNameCard, unknownNameIntroductions } from '../../src/core/report/unknownNames';
import { collectFindings, UNKNOWN_NAME_CODE, FINDING_CODES } from '../../src/runtime/findings';
import { compiledBuiltins } from './helpers';

const text = [
  'date 2024-05-02',
  '',
  'Deputy National Security Advisor Daleep Singh met today with the leaders of the Global Combat Air Programme (GCAP).',
  'Singh welcomed progress on GCAP and thanked the partners.',
].join('\n');

describe('names no lexicon knows: card, diagnostic, lexicon skeleton and report', () => {
  const analysis = analyze(text, compiledBuiltins());
  const person = analysis.entities.find((m) => m.text === 'Daleep Singh');
  const programme = analysis.entities.find((m) => m.text === 'Global Combat Air Programme');

  it('finds the readout\'s unknown names with the evidence that introduced them', () => {
    assert.ok(person && person.known === false, JSON.stringify(analysis.entities));
    assert.ok(programme && programme.known === false, JSON.stringify(analysis.entities));
  });

  it('sums up a person: introduced by a title, how often, first where, later spellings', () => {
    const name = unknownName(analysis, person!.id);
    assert.ok(name);
    assert.strictEqual(name.name, 'Daleep Singh');
    assert.strictEqual(name.type, 'person');
    assert.strictEqual(name.count, 2);
    assert.deepStrictEqual(name.aliases, ['Singh']);
    assert.strictEqual(analysis.entities[name.first].start, text.indexOf('Daleep Singh'));
    const card = unknownNameCard(name, 2, 'command:readoutLens.addToLexicon?x');
    assert.match(card, /^\*\*Daleep Singh\*\* · _Person_/);
    assert.match(card, /_Not in your lexicons\._/);
    assert.match(card, /Introduced by the title `Deputy National Security Advisor` before the name\./);
    assert.match(card, /In this readout 2 times, first on line 3\./);
    assert.match(card, /Also written: `Singh`/);
    assert.match(card, /\[Add to workspace lexicon…\]\(command:readoutLens\.addToLexicon\?x\)/);
    // A surname is no alias worth a lexicon line: recognition links it by itself.
    assert.deepStrictEqual(addToLexiconArguments(name, 'file:///r.readout'), ['Daleep Singh', 'file:///r.readout', { type: 'person', aliases: [] }]);
  });

  it('sums up a body the text defines an acronym for: the acronym is an alias and its card says so', () => {
    const name = unknownName(analysis, programme!.id);
    assert.ok(name);
    assert.strictEqual(name.count, 3, JSON.stringify(analysis.entities.filter((m) => m.id === programme!.id)));
    assert.deepStrictEqual(name.aliases, ['GCAP']);
    assert.match(unknownNameCard(name, 2), /Defined in the text with the acronym `GCAP`\./);
    assert.ok(!unknownNameCard(name, 2).includes('Add to workspace lexicon'));
    assert.deepStrictEqual(addToLexiconArguments(name, 'u')[2].aliases, ['GCAP']);
  });

  it('a readout\'s text cannot make a link or markup of the card', () => {
    const name = { id: 'name:x', name: 'Evil [link](command:x) *Summit*', type: 'forum' as const, first: 0, count: 1, aliases: ['[a](b)'], evidence: 'head: Summit' };
    const card = unknownNameCard(name, 0);
    assert.ok(!/\]\(command:x\)/.test(card.replace(/\\\]/g, '')) || card.includes('\\['), card);
    assert.match(card, /\\\[link\\\]/);
  });

  it('says every kind of evidence in words', () => {
    for (const evidence of ['title: President', 'title alone: King', 'title after: CEO', 'honorific', 'acronym: GCAP', 'acronym of: Global Combat Air Programme', 'head: Summit', 'after: in', 'listed', 'listed with a person', 'listed with an office', 'again: X', undefined]) {
      const said = introduction(evidence);
      assert.ok(said.length > 10 && !said.startsWith('Recognised by `'), `${evidence}: ${said}`);
    }
  });

  it('one diagnostic per unknown name, on its first mention, as configured', () => {
    const firsts = unknownNameIntroductions(analysis.entities).map((i) => analysis.entities[i].text);
    assert.deepStrictEqual(firsts, ['Daleep Singh', 'Global Combat Air Programme']);
    const options = { firm: -1, hedged: -1, acronym: -1, name: 3, ignored: [], maxDiagnostics: 1000 };
    const shown = collectFindings(analysis, text, options, undefined);
    const codes = Array.from({ length: shown.messages.length }, (_, i) => FINDING_CODES[shown.positions[i * 6 + 5]]);
    assert.deepStrictEqual(codes, [UNKNOWN_NAME_CODE, UNKNOWN_NAME_CODE]);
    assert.strictEqual(shown.positions[4], 3);
    assert.match(shown.messages[0], /"Daleep Singh" \(person\) is in no lexicon/);
    assert.strictEqual(collectFindings(analysis, text, { ...options, name: -1 }, undefined).messages.length, 0);
  });

  it('the JSON report gives an unknown name no id, and its evidence', () => {
    const report = fileReport('r.readout', analysis);
    const sullivan = report.entities.find((e) => e.text === 'Daleep Singh');
    assert.ok(sullivan);
    assert.strictEqual(sullivan.known, false);
    assert.ok(!('id' in sullivan));
    assert.strictEqual(sullivan.evidence, 'title: Deputy National Security Advisor');
    for (const e of report.entities) assert.strictEqual(e.known, 'id' in e, JSON.stringify(e));
  });
});
