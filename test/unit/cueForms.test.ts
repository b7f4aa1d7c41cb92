// Cues in every form of their verb (policy C1.d, C3.a): participles heading a participial clause, purpose
// infinitives of the meeting, and what these forms govern; the hover's governing verb and rule stay filled.
import * as assert from 'assert';
import { findCues } from '../../src/core/cues';
import { participleOf } from '../../src/core/cues/pattern';
import type { Cue } from '../../src/core/types';
import { builtInMatcher } from './cueLexicon';
import { parseReadout } from './helpers';

function cuesOf(text: string): Cue[] {
  return findCues(text, parseReadout(text), builtInMatcher());
}

function brief(text: string): string[] {
  return cuesOf(text).map((c) => `${c.text}:${c.strength}${c.negated ? '!' : ''}`);
}

describe('cue forms (participles, purpose infinitives)', () => {
  it('derives the -ing form of an inflection', () => {
    assert.strictEqual(participleOf('note', ['note', 'notes', 'noted']), 'noting');
    assert.strictEqual(participleOf('agree', ['agree', 'agrees', 'agreed']), 'agreeing');
    assert.strictEqual(participleOf('commit', ['commit', 'commits', 'committed']), 'committing');
    assert.strictEqual(participleOf('stress', ['stress', 'stresses', 'stressed']), 'stressing');
    assert.strictEqual(participleOf('pay', ['pay', 'pays', 'paid']), 'paying');
  });

  it('a participle heading a participial clause is a cue of the main clause party (policy C3.a)', () => {
    const cues = cuesOf('President Biden met today with President Lourenço, highlighting the partnership and reaffirming their commitment.');
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}`), ['highlighting:hedged', 'reaffirming:hedged']);
    assert.strictEqual(cues[0].actor, 'President Biden');
    assert.strictEqual(cues[0].governingVerb, 'highlighting');
    assert.match(cues[0].rule, /participial clause after "met"/);
    assert.deepStrictEqual(brief('The leaders discussed the crisis, underscoring the need for calm.'), ['discussed:hedged', 'underscoring:hedged']);
    assert.deepStrictEqual(brief('They discussed our efforts while also stressing the importance of the rule of law.'), ['discussed:hedged', 'stressing:hedged']);
  });

  it('a participle governs its clause like the finite verb (policy C1)', () => {
    assert.deepStrictEqual(brief('He commented on relations, underscoring that the United States will compete vigorously.'), ['commented on:hedged', 'underscoring:hedged']);
  });

  it('gerunds, progressives, openers and participles of noticing are no cues', () => {
    assert.deepStrictEqual(brief('They are committed to supporting Ukraine.'), ['committed to:firm']);
    assert.deepStrictEqual(brief('We are supporting the effort.'), []);
    assert.deepStrictEqual(brief('Discussing AUKUS, the leaders agreed on next steps.'), ['agreed on:firm']);
    assert.deepStrictEqual(brief('He welcomed the growth of trade, noting that exports reached a record.'), ['welcomed:hedged']);
    assert.deepStrictEqual(
      brief('They stressed the importance of supporting victims, enhancing security, and adhering to the rule of law.'),
      ['stressed:hedged'],
    );
  });

  it('a purpose infinitive after a verb of the meeting is a cue (policy C1.d)', () => {
    const cues = cuesOf('President Biden spoke today with Prime Minister Kishida to discuss trade and to express appreciation for his support.');
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}`), ['discuss:hedged', 'express appreciation:hedged']);
    assert.strictEqual(cues[0].actor, 'President Biden');
    assert.match(cues[0].rule, /purpose infinitive after "spoke"/);
    assert.deepStrictEqual(brief('They met in order to discuss trade.'), ['discuss:hedged']);
    assert.deepStrictEqual(brief('The leaders agreed to work together to address the crisis.'), ['agreed to:firm']);
    assert.deepStrictEqual(brief('The fund hosted by the World Bank helps countries to address gaps.'), []);
  });
});
