// Cue classes of the fifth development batch and the unlabelled readouts (issue #15, fifth round): each case cites
// the policy rule it follows, and each fails without the change that made it pass.
import * as assert from 'assert';
import { brief, cuesOf } from './cueLexicon';

describe('cue classes, fifth round (issue #15)', () => {
  it('a possessive name of several words is one determiner, even as the first word after the verb (Span.a)', () => {
    assert.deepStrictEqual(brief('In an hour-long discussion, he conveyed President Biden’s strong support for the people of Tunisia.'), [
      'conveyed President Biden’s strong support:hedged',
    ]);
    assert.deepStrictEqual(brief('He conveyed Prime Minister Kishida’s support for the initiative.'), ['conveyed Prime Minister Kishida’s support:hedged']);
  });

  it('a comma is no apostrophe: a name in "-s" before a comma makes no possessive (Span.a)', () => {
    assert.deepStrictEqual(brief('The Secretary conveyed Prime Minister Davis, hope and resolve to the delegation.'), []);
    assert.deepStrictEqual(brief('The Secretary conveyed Prime Minister Davis’ hope for the talks.'), ['conveyed Prime Minister Davis’ hope:hedged']);
  });

  it('"assured someone that X will" is one firm cue, which governs its clause (S-firm.e)', () => {
    assert.deepStrictEqual(
      brief('The Vice President also assured Prime Minister Simonyte that the United States would continue to stand up for the international order.'),
      ['assured:firm'],
    );
    assert.deepStrictEqual(brief('The President reassured the Commissioner that the Administration would provide all the resources at its disposal.'), ['reassured:firm']);
    assert.deepStrictEqual(brief('She assured him of continued support.'), []);
  });

  it('"assured someone that" + a view, no action of the party, is one hedged cue (S-hedged.h)', () => {
    assert.deepStrictEqual(
      brief('She assured President Hichilema that the United States considers the finalization of the debt treatment a top priority.'),
      ['assured:hedged'],
    );
  });

  it('after a greeting\'s adjective "wishes" is a noun, no cue (C3.d)', () => {
    assert.deepStrictEqual(brief('The President shared his greetings and well wishes with the Chinese people on the occasion of Lunar New Year.'), []);
    assert.deepStrictEqual(brief('President Biden underscored the U.S. commitment to Poland, sending his best wishes for a successful Summit.'), ['underscored:hedged']);
    // The verb stays a cue.
    assert.deepStrictEqual(brief('The President wished the Prime Minister every success.'), ['wished:hedged']);
  });

  it('sadness and sorrow are sentiments expressed like dismay (S-hedged.a); condolences stay a courtesy (C3.b)', () => {
    assert.deepStrictEqual(brief('The President also expressed deep sadness for the loss of innocent life in Gaza.'), ['expressed deep sadness:hedged']);
    assert.deepStrictEqual(brief('The Secretary expressed her sorrow at the loss of life.'), ['expressed her sorrow:hedged']);
    assert.deepStrictEqual(brief('The President expressed his condolences for the loss of life.'), []);
  });

  it('a base form coordinated with a purpose infinitive that is no cue is a purpose infinitive too (C1.d)', () => {
    assert.deepStrictEqual(
      brief('President Biden met with President Arévalo to congratulate him on his inauguration in January and reiterate our commitment to a strong partnership.'),
      ['reiterate:hedged'],
    );
    assert.deepStrictEqual(cuesOf('The Advisor hosted a meeting with executives to share intelligence and discuss the campaign.')[0]?.actor, 'the Advisor');
    // A relative adverb opens a clause with verbs of its own.
    assert.deepStrictEqual(brief('They visited the air bases where American forces work with partners to disrupt threats and support recovery efforts.'), []);
  });

  it('"friends" is a party noun (C3.a, party-nouns)', () => {
    assert.deepStrictEqual(
      brief('As Tunisia’s leaders answer the demands of Tunisians, the United States and other friends of the Tunisian people stand ready to redouble our efforts.'),
      ['stand ready to:hedged'],
    );
  });

  it('a participle on a noun whose agent is a party speaks for that party (C3.a)', () => {
    const cues = cuesOf(
      'During the visit, he delivered a message from President Biden reaffirming his personal support, and that of the Administration, for the Tunisian people and urging a swift return to democracy.',
    );
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}:${c.actor ?? ''}`), ['reaffirming:hedged:President Biden', 'urging:hedged:President Biden']);
    // A third party's message, or a verb's "from", is no party's participle.
    assert.deepStrictEqual(brief('He read a statement from UN Secretary-General Guterres urging calm.'), []);
    assert.deepStrictEqual(brief('The President returned from Japan supporting the effort.'), []);
  });

  it('a zero relative on a noun holds a past act recounted (C3.d) and, on a cue\'s complement, a governed modal (C1.g)', () => {
    assert.deepStrictEqual(brief('They discussed the role the United States and other international partners can play to support a negotiated solution.'), ['discussed:hedged']);
    assert.deepStrictEqual(brief('The leaders discussed the transition to clean energy in accordance with the “Compact” they signed in Hiroshima in May 2023.'), ['discussed:hedged']);
    assert.deepStrictEqual(brief('They discussed the Declaration, an initiative the United States and 21 regional partners launched in 2022.'), ['discussed:hedged']);
    // A time noun opens no relative, nor does a verb taking a bare clause.
    assert.deepStrictEqual(brief('They discussed trade. This week the United States will host the summit.'), ['discussed:hedged', 'will:firm']);
    assert.deepStrictEqual(brief('The leaders agreed the FTA was important.'), ['agreed:hedged']);
  });
});
