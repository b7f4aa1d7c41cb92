// Names ended by the word that says what they are, and numbered articles and resolutions (policy E1.b), with the
// cards for bodies, agreements and initiatives readouts return to (policy E6); each case as a reader would mark it.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import type { EntityType } from '../../src/core/types';
import { compiledBuiltins } from './helpers';

function mentions(body: string): Array<{ text: string; type: EntityType; id?: string; known?: boolean }> {
  const text = `date 2024-01-02 ${body}`;
  return analyze(text, compiledBuiltins()).entities.map((m) => ({ text: m.text, type: m.type, id: m.id, known: m.known }));
}

function find(body: string, name: string): { text: string; type: EntityType; id?: string; known?: boolean } | undefined {
  return mentions(body).find((m) => m.text === name);
}

describe('policy E1.b: a head word ends a name', () => {
  it('a capitalised head: a line, a flank, a pledge, an award, a day', () => {
    assert.strictEqual(find('The leaders discussed the situation along the Green Line in Cyprus.', 'Green Line')?.type, 'place');
    assert.strictEqual(find('He reaffirmed support for security on NATO’s Eastern Flank.', 'Eastern Flank')?.type, 'place');
    assert.strictEqual(find('They welcomed progress under the Global Cooling Pledge.', 'Global Cooling Pledge')?.type, 'initiative');
    assert.strictEqual(find('She congratulated him on receiving the Madeleine K. Albright Democracy Award.', 'Madeleine K. Albright Democracy Award')?.type, 'other');
    assert.strictEqual(find('They marked International Holocaust Remembrance Day together.', 'International Holocaust Remembrance Day')?.type, 'other');
  });

  it('a storm is named by the word that opens its name, not by one inside a run', () => {
    assert.strictEqual(find('They discussed recovery from Typhoon Hagibis and its damage.', 'Typhoon Hagibis')?.type, 'other');
    assert.strictEqual(find('They reviewed relief after Hurricanes Eta and Iota last year.', 'Hurricanes Eta and Iota')?.type, 'other');
    assert.strictEqual(find('They reviewed efforts to address the impact of hurricanes Eta and Iota.', 'hurricanes Eta and Iota')?.type, 'other');
    const inside = mentions('He said it could become a Major Hurricane on Sunday.');
    assert.ok(!inside.some((m) => /Hurricane/.test(m.text)), JSON.stringify(inside));
  });

  it('a head in lower case right after a capitalised name ends it: a region, a policy, a process', () => {
    assert.strictEqual(find('He underscored support for the security of the entire Baltic region.', 'Baltic region')?.type, 'place');
    assert.strictEqual(find('They discussed stability in the Sahel region and beyond.', 'Sahel region')?.type, 'place');
    assert.strictEqual(find('He commended ties with Israel through the Negev process.', 'Negev process')?.type, 'initiative');
    assert.strictEqual(find('They reviewed the Trilateral Coordination Group process.', 'Trilateral Coordination Group process')?.type, 'initiative');
    assert.strictEqual(find('He agreed to ensure the Karem Abu Salem crossing is open for aid.', 'Karem Abu Salem crossing')?.type, 'place');
    assert.strictEqual(find('They thanked Japan for hosting the U.S. Seventh Fleet.', 'Seventh Fleet')?.type, 'org');
  });

  it('no head in lower case after a possessive or for a sentence’s first words', () => {
    const possessive = mentions('They criticised Maduro’s policy of repression.');
    assert.ok(!possessive.some((m) => /policy/.test(m.text)), JSON.stringify(possessive));
    const first = mentions('Public policy was discussed at length.');
    assert.ok(!first.some((m) => /policy/.test(m.text)), JSON.stringify(first));
  });

  it('a treaty’s article and a numbered resolution are agreements with their number, and the name ends with it', () => {
    const article = find('The Vice President reaffirmed our commitment to NATO’s Article 5, welcomed our growing defense cooperation with Poland.', 'Article 5');
    assert.deepStrictEqual(article && { type: article.type, known: article.known }, { type: 'agreement', known: false });
    assert.strictEqual(find('They called for full implementation of Resolution 1701 by all parties.', 'Resolution 1701')?.type, 'agreement');
    assert.strictEqual(find('They discussed the IMF’s Article IV consultation.', 'Article IV')?.type, 'agreement');
    // "Article" alone names nothing.
    assert.ok(!mentions('The article was published today.').some((m) => /article/i.test(m.text)));
  });
});

describe('policy E6: cards for bodies, agreements and initiatives readouts return to', () => {
  it('the Multinational Security Support mission, NATO’s Open Door policy, the Blue Line, Lunar New Year', () => {
    assert.strictEqual(find('They discussed the Kenya-led Multinational Security Support mission in Haiti.', 'Multinational Security Support mission')?.id, 'multinational-security-support-mission');
    assert.strictEqual(find('He underscored his support for NATO’s Open Door policy.', 'Open Door policy')?.id, 'nato-open-door-policy');
    assert.strictEqual(find('Civilians must return to both sides of the Blue Line.', 'Blue Line')?.id, 'blue-line');
    assert.strictEqual(find('He shared his greetings on the occasion of Lunar New Year.', 'Lunar New Year')?.id, 'term-lunar-new-year');
    assert.strictEqual(find('They welcomed the Call to Action for Northern Central America.', 'Call to Action for Northern Central America')?.id, 'call-to-action-central-america');
    assert.strictEqual(find('They reaffirmed support for the Christchurch Call to Action.', 'Christchurch Call to Action')?.id, 'christchurch-call');
    assert.strictEqual(find('He congratulated him on his election by the Diet to become Prime Minister.', 'Diet')?.id, 'national-diet-japan');
    assert.strictEqual(find('The President reaffirmed his message on Yom HaShoah, Holocaust Remembrance Day.', 'Yom HaShoah')?.id, 'term-yom-hashoah');
    assert.strictEqual(find('They discussed the shared commitment to remembering the Holocaust.', 'Holocaust')?.id, 'term-holocaust');
    assert.strictEqual(find('He praised Albania as co-pen holder with the United States on resolutions.', 'co-pen holder')?.id, 'term-penholder');
    assert.strictEqual(find('Allies are on track to meet the two percent defense spending pledge in 2024.', 'defense spending pledge')?.id, 'term-defence-investment-pledge');
    assert.strictEqual(find('They advanced common interests in the Arctic and High North.', 'High North')?.id, 'high-north');
    assert.strictEqual(find('They welcomed $500 million in U.S. Foreign Military Financing.', 'Foreign Military Financing')?.id, 'foreign-military-financing');
  });
});

describe('policy E1.c: an abstract noun after a place preposition is no place', () => {
  it('"the rise in Antisemitism" names no place; "met in Philadelphia" still does', () => {
    assert.ok(!mentions('They stressed the importance of combatting the rise in Antisemitism globally.').some((m) => m.text === 'Antisemitism'));
    assert.ok(!mentions('They condemned the surge in Islamophobia.').some((m) => m.text === 'Islamophobia'));
    assert.strictEqual(find('The leaders met in Philadelphia on Monday.', 'Philadelphia')?.type, 'place');
  });
});
