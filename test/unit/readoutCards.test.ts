// Cards for the bodies, plans, agreements and fora the White House readouts name again and again (policy E6):
// each spelling a readout uses names the entry, before a demonym or country name inside it can take the words.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { compiledBuiltins } from './helpers';

function ids(body: string): string[] {
  return analyze(`date 2024-01-02 ${body}`, compiledBuiltins()).entities.map((m) => `${m.text}=${m.id}`);
}

describe('cards for names the readouts return to (E6)', () => {
  it('names a plan whose first word is a demonym as the plan, not the country', () => {
    assert.deepStrictEqual(ids('They discussed the American Jobs Plan and the American Families Plan.'), ['American Jobs Plan=american-jobs-plan', 'American Families Plan=american-families-plan']);
  });

  it('gives bodies, agreements and fora their cards under the spellings readouts use', () => {
    const seen = ids('The Office of Gun Violence Prevention (OGVP) met the Council of Governors. They welcomed C-SIPA, the iCET, the Woodside Summit and the Department of Treasury.');
    for (const id of ['white-house-office-of-gun-violence-prevention', 'council-of-governors', 'c-sipa', 'icet', 'woodside-summit', 'us-treasury']) assert.ok(seen.some((m) => m.endsWith(`=${id}`)), `${id}: ${JSON.stringify(seen)}`);
    assert.deepStrictEqual(seen.filter((m) => m.startsWith('OGVP=')), ['OGVP=white-house-office-of-gun-violence-prevention']);
  });
});

describe('policy E3.b: the body a listed office holds', () => {
  it('reads the body after offices joined by "and" ("President and CEO, UnidosUS")', () => {
    const text = 'date 2024-01-02\n\nParticipants included:\n\n3. Janet Murguia, President and CEO, UnidosUS\n9. Sneha Revanur, Founder and President, Encode Justice\n';
    const names = analyze(text, compiledBuiltins()).entities.map((m) => `${m.text}:${m.type}`);
    assert.ok(names.includes('UnidosUS:org') && names.includes('Encode Justice:org'), JSON.stringify(names));
  });
});

describe('policy E3.e: a list item that is a name alone', () => {
  it('is a name: a person for two or three plain words, a body otherwise or in a list of bodies', () => {
    const text = 'date 2024-01-02\n\nParticipants included:\n\n- Niki Khanna\n- Jamira Burley\n\nCompanies included:\n\n- Prologis\n- Kaiser Permanente\n- Everytown for Gun Safety\n';
    const names = analyze(text, compiledBuiltins()).entities.map((m) => `${m.text}:${m.type}`);
    assert.deepStrictEqual(names, ['Niki Khanna:person', 'Jamira Burley:person', 'Prologis:org', 'Kaiser Permanente:org', 'Everytown for Gun Safety:org']);
  });
});

describe('cards for civil rights bodies and storms the readouts name (E6)', () => {
  it('reads a name with a possessive or a demonym inside it whole', () => {
    const seen = ids('They met the Lawyers’ Committee for Civil Rights Under Law, the American Association of People with Disabilities and survivors of Hurricane Ian.');
    assert.deepStrictEqual(seen.filter((m) => !m.endsWith('=united-states')), [
      'Lawyers’ Committee for Civil Rights Under Law=lawyers-committee-for-civil-rights',
      'American Association of People with Disabilities=aapd',
      'Hurricane Ian=hurricane-ian',
    ]);
  });
});
