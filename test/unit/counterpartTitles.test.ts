// Policy E3.f: a counterpart the readout names by office alone is a person mention of that office, at its first
// use, where the country is not the issuing government's; each case as a reader would mark it.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { compiledBuiltins } from './helpers';

function persons(text: string): Array<{ text: string; name: string; known?: false; evidence?: string }> {
  return analyze(text, compiledBuiltins())
    .entities.filter((m) => m.type === 'person')
    .map((m) => ({ text: m.text, name: m.name, known: m.known, evidence: m.evidence }));
}

const frontMatter = (government: string, body: string): string => `---\ntitle: A readout\ndate: 2024-11-20\ngovernment: ${government}\n---\n${body}\n`;

describe('policy E3.f: a counterpart named by office alone', () => {
  it('an office "of <country>" or after "<country>\'s" with no holder is a person mention, unknown, named with its country', () => {
    const poland = persons('date 2025-03-04 The Federal Chancellor today welcomed the Prime Minister of the Republic of Poland to Berlin. The Prime Minister thanked Germany.');
    assert.deepStrictEqual(poland, [{ text: 'Prime Minister', name: 'Prime Minister of Poland', known: false, evidence: 'office of: Poland' }]);
    const brazil = persons(frontMatter('China', "The Vice Premier met with Brazil's Minister of Finance at the Great Hall of the People."));
    assert.ok(brazil.some((p) => p.text === 'Minister of Finance' && p.name === 'Minister of Finance of Brazil'), JSON.stringify(brazil));
    const india = persons(frontMatter('United Kingdom', 'The Foreign Secretary met India’s External Affairs Minister in London today.'));
    assert.deepStrictEqual(india.map((p) => p.text), ['External Affairs Minister']);
    const angola = persons(frontMatter('Brazil', 'The Minister of Foreign Affairs will receive the Minister of External Relations of the Republic of Angola in Brasilia.'));
    assert.deepStrictEqual(angola.map((p) => p.text), ['Minister of External Relations']);
  });

  it('a later shorter or repeated office of the same country is the same holder, no new mention', () => {
    const ukraine = persons(frontMatter('NATO', 'We met with the participation of the Foreign Minister of Ukraine. The Minister of Ukraine briefed the Council. The Foreign Minister of Ukraine thanked Allies.'));
    assert.deepStrictEqual(ukraine.map((p) => p.text), ['Foreign Minister']);
  });

  it("the issuer's own offices are no mention: front matter government, or the opening's office of a country", () => {
    assert.deepStrictEqual(persons(frontMatter('France', 'The President of France spoke with the President of the Republic of Senegal.')).map((p) => p.name), ['President of Senegal']);
    assert.deepStrictEqual(persons(frontMatter('United States and India - joint statement', "The Secretary of State hosted India's Minister of External Affairs in Washington.")), []);
    // No front matter: the office the opening names first is the issuer's ("... of Japan held a meeting with ...").
    const japan = persons('date 2025-01-15 On January 15, the Minister for Foreign Affairs of Japan held a meeting with the Secretary of Foreign Affairs of the Republic of the Philippines.');
    assert.deepStrictEqual(japan.map((p) => p.text), ['Secretary of Foreign Affairs']);
    assert.deepStrictEqual(persons('date 2024-08-28 Joint Statement by the Prime Ministers of Australia and Tuvalu. The Prime Minister of Australia and the Prime Minister of Tuvalu met.'), []);
    // Neither: the White House's, the United States.
    assert.deepStrictEqual(persons('date 2024-01-02 The Secretary of State of the United States met the Foreign Minister of Ukraine.').map((p) => p.text), ['Foreign Minister']);
  });

  it('an office whose holder the readout names is no mention of its own', () => {
    for (const body of [
      'The President opened remarks from the Prime Minister of Ukraine, Denys Shmyhal, and others.',
      'He worked with his co-chairs, Finance Minister of Ukraine, Sergii Marchenko, and others.',
      'President Biden met Anthony Albanese, Prime Minister of Australia, in Washington.',
      'He met with Prime Minister of Italy Giorgia Meloni in Rome.',
      'He spoke with Interim President Juan Guaidó, recognised as the Interim President of Venezuela.',
      'He met the Diplomatic Advisor to the Prime Minister of Italy in Rome.',
    ]) {
      const found = persons(`date 2024-01-02 ${body}`);
      assert.ok(!found.some((p) => p.evidence?.startsWith('office of: ')), `${body}: ${JSON.stringify(found)}`);
    }
  });
});

function entity(body: string, text: string): { type: string; id: string; known?: false } | undefined {
  const m = analyze(`date 2024-01-02 ${body}`, compiledBuiltins()).entities.find((e) => e.text === text);
  return m && { type: m.type, id: m.id, known: m.known };
}

describe('policy E1.h: seats of government, venues and regions of other governments\' readouts', () => {
  it('a seat of government whose name opens with "The", venues and islands have their cards', () => {
    assert.deepStrictEqual(entity('The summit will be held in The Hague in June.', 'The Hague'), { type: 'place', id: 'the-hague', known: undefined });
    assert.strictEqual(entity('President Xi met him at the Great Hall of the People in Beijing.', 'Great Hall of the People')?.id, 'great-hall-of-the-people');
    assert.strictEqual(entity('The Prime Minister hosted the Chancellor at Chequers.', 'Chequers')?.id, 'chequers');
    assert.strictEqual(entity('The President noted that a new corridor in Luzon would attract investment.', 'Luzon')?.id, 'luzon');
  });

  it('a venue, an office of government or a joint vision by its head word, with no card', () => {
    assert.deepStrictEqual(entity('They met at the Xijiao State Guesthouse in Shanghai.', 'Xijiao State Guesthouse'), { type: 'place', id: 'name:Xijiao State Guesthouse', known: false });
    assert.strictEqual(entity('The Chancellor welcomed him to the Federal Chancellery in Berlin.', 'Federal Chancellery')?.type, 'org');
    assert.strictEqual(entity('Ministers recalled the Joint Vision for 2030 adopted at the summit.', 'Joint Vision')?.type, 'agreement');
  });

  it('terms of art and agreements of other governments\' readouts have cards; a longer name that holds one stays whole', () => {
    assert.strictEqual(entity('They agreed to cooperate on digital public infrastructure and small modular reactors.', 'digital public infrastructure')?.id, 'term-digital-public-infrastructure');
    assert.strictEqual(entity('They agreed to cooperate on digital public infrastructure and small modular reactors.', 'small modular reactors')?.id, 'term-small-modular-reactor');
    assert.strictEqual(entity('Ministers encouraged the operationalisation of the African Continental Free Trade Area.', 'African Continental Free Trade Area')?.id, 'african-continental-free-trade-area');
    assert.strictEqual(entity('They welcomed the Indo-Pacific Partnership for Maritime Domain Awareness (IPMDA).', 'Indo-Pacific Partnership for Maritime Domain Awareness')?.id, 'indo-pacific-partnership-for-maritime-domain-awareness');
  });

  it('policy E5.c: a currency code is no unknown acronym', () => {
    const a = analyze('date 2024-01-02 Australia will provide AUD 50 million and USD 10 million.', compiledBuiltins());
    assert.ok(!a.entities.some((m) => m.text === 'AUD' || m.text === 'USD'), JSON.stringify(a.entities));
  });
});
