// Policy E1.f: a name the lexicon writes with capitals is a proper name; the same words all in lower case are the
// common phrase, while a term the lexicon writes in lower case matches in any case.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { compiledBuiltins } from './helpers';

function ids(body: string): string[] {
  return analyze(`date 2024-01-02 ${body}`, compiledBuiltins()).entities.map((m) => `${m.text}=${m.id}`);
}

describe('policy E1.f: lower-case prose is no proper name', () => {
  it('takes no common phrase for the card of a name written with capitals', () => {
    assert.deepStrictEqual(ids('They agreed to build back better after the pandemic.'), []);
    assert.ok(!ids('The White House convened a bipartisan group of 20 governors.').some((m) => m.endsWith('=g20')));
  });

  it('still reads the name written with a capital anywhere, or in capitals', () => {
    const bbb = (body: string): string[] => ids(body).filter((m) => m.endsWith('=us-build-back-better'));
    assert.deepStrictEqual(bbb('They backed Build Back Better today.'), ['Build Back Better=us-build-back-better']);
    assert.deepStrictEqual(bbb('They backed build back Better today.'), ['build back Better=us-build-back-better']);
    assert.deepStrictEqual(bbb('THEY BACKED BUILD BACK BETTER TODAY.'), ['BUILD BACK BETTER=us-build-back-better']);
  });

  it('matches a term the lexicon writes in lower case in any case, and a lower-case spelling it lists', () => {
    assert.ok(ids('They discussed economic security and Economic Security alike.').filter((m) => m.endsWith('=economic-security')).length === 2);
    assert.ok(ids('They discussed the response to covid-19 in the region.').includes('covid-19=term-covid-19'));
  });
});

describe('policy E1.g: a court case is one name in one sentence', () => {
  it('reads "Roe v. Wade" as one sentence and one name, with its card', () => {
    const text = 'date 2024-01-02 They discussed the decision overturning *Roe v. Wade* in June 2022. They met again.';
    const analysis = analyze(text, compiledBuiltins());
    assert.strictEqual(analysis.readout.sentences.length, 2);
    assert.ok(analysis.entities.some((m) => m.text === 'Roe v. Wade' && m.id === 'roe-v-wade'), JSON.stringify(analysis.entities));
  });
});
