// Where a name ends before a date (policy E1.e), places in slash lists (E1.d) and the capital's card (E1.d): each
// case as a reader would mark it.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import type { EntityType } from '../../src/core/types';
import { compiledBuiltins } from './helpers';

interface Seen {
  text: string;
  type: EntityType;
  id?: string;
  known?: boolean;
}

function mentions(body: string): Seen[] {
  const text = `date 2024-01-02 ${body}`;
  return analyze(text, compiledBuiltins()).entities.map((m) => ({ text: m.text, type: m.type, id: m.id, known: m.known }));
}

describe('policy E1.e: a month or a day after a connector ends a name', () => {
  it('ends a place, a body and a holder\'s name before the date', () => {
    assert.ok(mentions('The leaders will meet in Geneva on June 16.').some((m) => m.text === 'Geneva' && m.type === 'place'));
    assert.ok(mentions('They met at the Strategic Consultative Group on April 4.').some((m) => m.text === 'Strategic Consultative Group'));
    assert.ok(mentions('He spoke with Minister of Defense Oleksii Reznikov on Friday about aid.').some((m) => m.text === 'Oleksii Reznikov' && m.type === 'person'));
  });

  it('keeps a name whose word after the connector is its own', () => {
    assert.ok(mentions('- Santiago Mayer, Executive Director, Voters of Tomorrow').some((m) => m.text === 'Voters of Tomorrow'));
    assert.ok(mentions('- Tatiana Washington, March for Our Lives').some((m) => m.text === 'March for Our Lives'));
  });
});

describe('policy E1.d: the capital, Washington, D.C.', () => {
  it('has one card however the readout writes it, and "D.C." breaks neither the name nor the sentence', () => {
    const text = 'date 2024-01-02 She hosted them in Washington, D.C. The Vice President thanked them. They met in Washington D.C. and in Washington, DC on Monday.';
    const analysis = analyze(text, compiledBuiltins());
    const dc = analysis.entities.filter((m) => m.id === 'washington-dc');
    assert.deepStrictEqual(dc.map((m) => m.text), ['Washington, D.C.', 'Washington D.C.', 'Washington, DC']);
    assert.ok(dc.every((m) => m.known !== false));
    assert.ok(analysis.readout.sentences.some((s) => text.slice(s.start, s.end) === 'She hosted them in Washington, D.C.'));
  });

  it('is "Washington" alone where the text places something there, not a surname or the state', () => {
    const seen = mentions('The leaders met in Washington on Monday. They will visit Washington again. Governor Jay Inslee of Washington State spoke, and Tatiana Washington joined.');
    assert.deepStrictEqual(seen.filter((m) => m.id === 'washington-dc').map((m) => m.text), ['Washington', 'Washington']);
  });
});

describe('policy E1.d: each of a slash list with a place is a place', () => {
  it('reads "Washington/Tokyo" and "Seoul/Washington" as two places each', () => {
    const seen = mentions('They discussed the Washington/Tokyo relationship and the Seoul/Washington channel.');
    assert.deepStrictEqual(seen.map((m) => [m.text, m.type, m.id]), [
      ['Washington', 'place', 'washington-dc'],
      ['Tokyo', 'place', 'place-tokyo-jp'],
      ['Seoul', 'place', 'place-seoul-kr'],
      ['Washington', 'place', 'washington-dc'],
    ]);
  });

  it('takes a word no lexicon knows beside a place, and nothing beside a word that is no place', () => {
    assert.ok(mentions('The Coutts/Ottawa convoys ended.').some((m) => m.text === 'Coutts' && m.type === 'place' && m.known === false));
    const none = mentions('He thanked Facebook/Meta and the Producer/Creator teams.');
    assert.ok(!none.some((m) => m.type === 'place'), JSON.stringify(none));
  });

  it('leaves a word that opens a longer name beside the slash ("Belfast/Good Friday Agreement")', () => {
    const seen = mentions('They marked the 25th anniversary of the Belfast/Good Friday Agreement.');
    assert.ok(!seen.some((m) => m.text === 'Good' && m.type === 'place'), JSON.stringify(seen));
  });
});

describe('policy E1.i: "to" after a word of going or receiving somewhere places a name', () => {
  it('reads a visit, a trip and a welcome to a place', () => {
    const seen = mentions('The President welcomed the visit to Washington this week. He looks forward to welcoming President Widodo to San Francisco for APEC. Building on her trip to Palawan, they met.');
    assert.ok(seen.some((m) => m.text === 'Washington' && m.id === 'washington-dc'), JSON.stringify(seen));
    assert.ok(seen.some((m) => m.text === 'San Francisco' && m.type === 'place'), JSON.stringify(seen));
    assert.ok(seen.some((m) => m.text === 'Palawan' && m.type === 'place'), JSON.stringify(seen));
  });

  it('reads no place after any other "to", nor a back-reference to a longer name', () => {
    const seen = mentions('They committed to Building Better Futures. She spoke at the Goddard Space Flight Center. Their visit to Goddard marks the anniversary.');
    assert.ok(!seen.some((m) => m.type === 'place' && (m.text === 'Goddard' || m.text.startsWith('Building'))), JSON.stringify(seen));
  });
});

describe('policy E3.g: a leader\'s spouse named by office alone', () => {
  it('is a person by the office "the Second Gentleman", "the First Lady"', () => {
    const seen = mentions('Vice President Kamala Harris met with President Marcos, the Second Gentleman, and officials. He said that he and the First Lady are keeping the Queen in their thoughts.');
    assert.ok(seen.some((m) => m.text === 'Second Gentleman' && m.type === 'person'), JSON.stringify(seen));
    assert.ok(seen.some((m) => m.text === 'First Lady' && m.type === 'person'), JSON.stringify(seen));
    assert.ok(!mentions('She met First Lady Jill Biden.').some((m) => m.text === 'First Lady'));
  });
});

describe('policy E3.c: a portfolio\'s "for" opens the portfolio, no other lower-case word keeps the holder expected', () => {
  it('reads no holder of the office after the rest of the sentence', () => {
    const seen = mentions('Vice President Kamala Harris hosted Prime Minister Kishida Fumio for a breakfast meeting at the Vice President’s Residence in Washington, D.C., following up on the Vice President’s recent engagements.');
    assert.ok(!seen.some((m) => m.text === 'Vice President' && m.type === 'person'), JSON.stringify(seen));
    assert.ok(seen.some((m) => m.id === 'vice-presidents-residence'), JSON.stringify(seen));
    assert.ok(!mentions('President Biden thanked Prime Minister Draghi for his leadership and the Presidency of the G20.').some((m) => m.text === 'Presidency'));
  });

  it('still reads the holder after a portfolio ("... for Western Hemisphere Affairs Brian Nichols")', () => {
    assert.ok(mentions('He met Assistant Secretary of State for Western Hemisphere Affairs Brian Nichols today.').some((m) => m.text === 'Brian Nichols' && m.type === 'person'));
  });
});
