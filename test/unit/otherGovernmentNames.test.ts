// Other governments' offices and names (policy E3.h, E3.i) and the true determiners before an attributive name
// (policy C3.g): each case as a reader would mark it.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { compiledBuiltins } from './helpers';
import { brief } from './cueLexicon';

function mentions(text: string): Array<{ text: string; type: string; known?: false }> {
  return analyze(`date 2024-01-02 ${text}`, compiledBuiltins()).entities.map((m) => ({ text: m.text, type: m.type, known: m.known }));
}

describe('policy C3.g: only a true determiner before an attributive name makes it a subject', () => {
  it('a stance adjective before "U.S." keeps the cue word after it a noun', () => {
    assert.deepStrictEqual(brief('They discussed the importance of continued, strong U.S. support for Ukraine in its defense against Russian aggression.'), ['discussed:hedged']);
  });

  it('after an article or a demonstrative "U.S." is the subject', () => {
    assert.deepStrictEqual(brief('The U.S. supports the candidacy.'), ['supports:hedged']);
    assert.deepStrictEqual(brief('He noted that the U.S. supports the plan.'), ['noted:hedged']);
  });
});

describe('policy E3.h: other governments\' advisers are offices, in both spellings', () => {
  it('an adviser\'s office after a comma makes the name before it a person', () => {
    const seen = mentions('National Security Advisor Jake Sullivan met today with Asta Skaisgiryte, Chief Foreign Policy Advisor, and Kestutis Budrys, Chief National Security Advisor, to President Gitanas Nauseda of Lithuania.');
    for (const name of ['Asta Skaisgiryte', 'Kestutis Budrys']) assert.ok(seen.some((m) => m.text === name && m.type === 'person'), `${name}: ${JSON.stringify(seen)}`);
    assert.ok(!seen.some((m) => m.text.includes('Advisor') && m.type !== 'person'), JSON.stringify(seen));
  });

  it('a British adviser\'s office before a name makes it a person', () => {
    const seen = mentions('The Prime Minister met Chief Economic Adviser Anantha Nageswaran and Jonathan Powell, National Security Adviser, in London.');
    for (const name of ['Anantha Nageswaran', 'Jonathan Powell']) assert.ok(seen.some((m) => m.text === name && m.type === 'person'), `${name}: ${JSON.stringify(seen)}`);
  });
});

describe('policy E3.i: an office owned by a counterpart\'s office-holder', () => {
  it('"the Prime Minister\'s National Security Advisor" is a person by office alone, of the Prime Minister\'s country', () => {
    const seen = analyze('date 2022-04-24 President Biden spoke today with Prime Minister Naftali Bennett of Israel. The President welcomed the visit to Washington this week by the Prime Minister’s National Security Advisor.', compiledBuiltins()).entities;
    const nsa = seen.find((m) => m.text === 'National Security Advisor');
    assert.ok(nsa !== undefined && nsa.type === 'person' && nsa.name === 'National Security Advisor of Israel', JSON.stringify(seen));
  });

  it('the issuer\'s own office-holder\'s office, a named holder, or an owner with no country is none', () => {
    const own = mentions('President Biden spoke today with Prime Minister Naftali Bennett of Israel. The President’s National Security Advisor will travel to Israel.');
    assert.ok(!own.some((m) => m.text === 'National Security Advisor'), JSON.stringify(own));
    const named = mentions('President Biden spoke today with Prime Minister Naftali Bennett of Israel. The Prime Minister’s National Security Advisor Eyal Hulata will visit.');
    assert.ok(!named.some((m) => m.text === 'National Security Advisor'), JSON.stringify(named));
    const unknown = mentions('The leaders spoke today. The Prime Minister’s National Security Advisor will visit.');
    assert.ok(!unknown.some((m) => m.text === 'National Security Advisor'), JSON.stringify(unknown));
  });
});

describe('policy E3.j: surname-first names and other governments\' styles', () => {
  it('"Minister Cho" after "Cho Tae-yul" is that person; alone it stays unknown (two lexicon persons share it)', () => {
    const seen = analyze('date 2024-07-26 Minister of Foreign Affairs Cho Tae-yul met Minister for Foreign Affairs Penny Wong. Minister Cho welcomed the growth of trade.', compiledBuiltins()).entities;
    assert.ok(seen.some((m) => m.text === 'Cho' && m.id === 'cho-tae-yul'), JSON.stringify(seen));
    assert.ok(mentions('Minister Cho met Minister Wong.').some((m) => m.text === 'Cho' && m.known === false));
  });

  it('courtesy styles are no names; Party bodies and other governments\' persons have cards', () => {
    const seen = mentions('The Foreign Secretary, the Rt Hon David Lammy MP, met H.E. Dato Seri Anwar Ibrahim and ASEAN Secretary-General Dr. Kao Kim Hourn.');
    assert.ok(!seen.some((m) => m.text.includes('Rt Hon')), JSON.stringify(seen));
    for (const name of ['David Lammy', 'Anwar Ibrahim', 'Kao Kim Hourn']) assert.ok(seen.some((m) => m.text === name && m.type === 'person' && m.known === undefined), `${name}: ${JSON.stringify(seen)}`);
    const party = mentions('Member of the Political Bureau of the CPC Central Committee and Director of the Office of the Central Foreign Affairs Commission Wang Yi met Foreign Minister Penny Wong.');
    assert.ok(!party.some((m) => m.text.startsWith('Member of')), JSON.stringify(party));
    assert.ok(party.some((m) => m.text === 'Political Bureau of the CPC Central Committee' && m.type === 'org' && m.known === undefined), JSON.stringify(party));
    assert.ok(party.some((m) => m.text === 'Wang Yi' && m.type === 'person'), JSON.stringify(party));
  });

  it('"HAYASHI Yoshimasa, Chief Cabinet Secretary" is a person and the office no body', () => {
    const seen = mentions('Mr. HAYASHI Yoshimasa, Chief Cabinet Secretary, met the delegation.');
    assert.ok(!seen.some((m) => m.type === 'org'), JSON.stringify(seen));
  });
});

describe('policy S-hedged.i: other governments\' words for a view and for praise', () => {
  it('reads "are of the view", "spoke highly of" and "exchanged in-depth views" as hedged cues', () => {
    assert.deepStrictEqual(brief('The two sides are of the view that dialogue is important.'), ['are of the view:hedged']);
    assert.deepStrictEqual(brief('Both sides spoke highly of the progress in relations.'), ['spoke highly of:hedged']);
    assert.deepStrictEqual(brief('The two sides exchanged in-depth views on regional issues.'), ['exchanged in-depth views:hedged']);
    assert.deepStrictEqual(brief('The two sides held in-depth exchanges of views on international issues.'), ['held in-depth exchanges of views:hedged']);
    assert.deepStrictEqual(brief('He is of the United States.'), []);
  });
});
