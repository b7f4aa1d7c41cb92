// Commitment policy, one rule at a time: strengths, negation, governing verbs, party subjects and exclusions.
import * as assert from 'assert';
import { parseReadout } from '../../src/core/readout';
import { checkCuePattern, compileCuePatterns, findCues } from '../../src/core/commitments';
import type { Cue } from '../../src/core/types';
import { builtInMatcher, loadCuePatterns } from './cueLexicon';

function cuesOf(text: string): Cue[] {
  return findCues(text, parseReadout(text), builtInMatcher());
}

/** Compact view: "text:strength" with "!" for negated cues. */
function brief(text: string): string[] {
  return cuesOf(text).map((c) => `${c.text}:${c.strength}${c.negated ? '!' : ''}`);
}

describe('commitment cues', () => {
  it('the built-in lexicon compiles without rejects', () => {
    const m = compileCuePatterns(loadCuePatterns());
    assert.deepStrictEqual(m.rejected, []);
    for (const p of loadCuePatterns()) assert.strictEqual(checkCuePattern(p.pattern), undefined, p.id);
  });

  it('checkCuePattern reports bad patterns', () => {
    assert.match(checkCuePattern('') ?? '', /empty/);
    assert.match(checkCuePattern('agree{d') ?? '', /missing "}"/);
    assert.match(checkCuePattern('(on|to') ?? '', /missing/);
    assert.match(checkCuePattern('agreed <verb>') ?? '', /unknown slot/);
    assert.match(checkCuePattern('[the] agreed') ?? '', /must start/);
    assert.match(checkCuePattern('agreed ~maybe') ?? '', /unknown condition/);
    assert.strictEqual(checkCuePattern('agree{,d,s} <adv> (on|upon) <det> importance [of]'), undefined);
  });

  it('firm: agreed to, decided to, committed to, pledged, signed, launched, tasked', () => {
    assert.deepStrictEqual(brief('The two leaders agreed to hold a summit.'), ['agreed to:firm']);
    assert.deepStrictEqual(brief('The ministers decided to open a consulate.'), ['decided to:firm']);
    assert.deepStrictEqual(brief('Both governments committed to expanding flights.'), ['committed to:firm']);
    assert.deepStrictEqual(brief('The President pledged new funds.'), ['pledged:firm']);
    assert.deepStrictEqual(brief('The two sides signed a memorandum on fisheries.'), ['signed:firm']);
    assert.deepStrictEqual(brief('The leaders launched a dialogue on space.'), ['launched:firm']);
    assert.deepStrictEqual(brief('The leaders tasked their ministers to draft a plan.'), ['tasked:firm']);
  });

  it('hedged: concurred on continuing to, confirmed the importance of, exchanged views, reaffirmed, welcomed', () => {
    assert.deepStrictEqual(brief('The two leaders concurred on continuing to work closely together.'), ['concurred on continuing to:hedged']);
    assert.deepStrictEqual(brief('The ministers confirmed the importance of trade.'), ['confirmed the importance of:hedged']);
    assert.deepStrictEqual(brief('The leaders exchanged views on the region.'), ['exchanged views:hedged']);
    assert.deepStrictEqual(brief('The Prime Minister reaffirmed the alliance.'), ['reaffirmed:hedged']);
    assert.deepStrictEqual(brief('The President welcomed progress on energy.'), ['welcomed:hedged']);
    assert.deepStrictEqual(brief('The leaders expressed their strong support for the talks.'), ['expressed their strong support:hedged']);
    assert.deepStrictEqual(brief('They shared the recognition that trade matters.'), ['shared the recognition:hedged']);
  });

  it('rule 1: a would inside a clause governed by a listed verb is not a second cue', () => {
    assert.deepStrictEqual(brief('The leaders reaffirmed that they would continue to support the region.'), ['reaffirmed:hedged']);
    assert.deepStrictEqual(brief('The ministers hoped they would meet again soon.'), ['hoped:hedged']);
  });

  it('rule 1: after a plain reporting verb, will/would + action by the party is firm', () => {
    const cues = cuesOf('The Prime Minister stated that he would visit the region in June.');
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}`), ['would:firm']);
    assert.strictEqual(cues[0].actor, 'the Prime Minister');
    assert.deepStrictEqual(brief('The Chancellor said that Germany will host the next round.'), ['will:firm']);
  });

  it('agreed that + will action is firm; agreed that + a view is hedged', () => {
    assert.deepStrictEqual(brief('The leaders agreed that their ministers will meet in May.'), ['agreed that:firm']);
    assert.deepStrictEqual(brief('The leaders agreed that the situation would have benefited from consultation.'), ['agreed that:hedged']);
    assert.deepStrictEqual(brief('Both leaders agreed the partnership was important.'), ['agreed:hedged']);
  });

  it('agreed on a deliverable is firm; agreed on the importance or need is hedged', () => {
    assert.deepStrictEqual(brief('The two sides agreed on a joint roadmap for hydrogen.'), ['agreed on:firm']);
    assert.deepStrictEqual(brief('The two sides agreed on the importance of dialogue.'), ['agreed on the importance of:hedged']);
    assert.deepStrictEqual(brief('The leaders strongly agreed on the need for restraint.'), ['agreed on the need for:hedged']);
  });

  it('rule 2: negation keeps the cue and marks it', () => {
    assert.deepStrictEqual(brief('The government will not accept the proposal.'), ['will not:firm!']);
    assert.deepStrictEqual(brief('The United Kingdom does not support the plan.'), ['does not support:hedged!']);
    assert.deepStrictEqual(brief('The leaders said the goal should not be given up.'), ['should not:hedged!']);
    assert.deepStrictEqual(brief('The two sides agreed not to escalate.'), ['agreed not to:firm!']);
  });

  it('rule 3: reporting, narrative facts and courtesies are not cues', () => {
    assert.deepStrictEqual(brief('The President said the talks were useful, according to the statement.'), []);
    assert.deepStrictEqual(brief('The Prime Minister held a meeting with the President and spoke with the Chancellor.'), []);
    assert.deepStrictEqual(brief('The President congratulated the Prime Minister on his election.'), []);
    assert.deepStrictEqual(brief('The Prime Minister welcomed President Lula to Downing Street.'), []);
    assert.deepStrictEqual(brief('The two countries are deepening coordination on supply chains.'), []);
    assert.deepStrictEqual(brief('The President expressed his condolences to the families.'), []);
  });

  it('rule 4: will needs a party subject', () => {
    assert.deepStrictEqual(brief('The summit will be held in Rome.'), []);
    assert.deepStrictEqual(brief('The Summit will build on earlier work.'), []);
    assert.deepStrictEqual(brief('The United States will provide additional funding.'), ['will:firm']);
    assert.deepStrictEqual(brief('The agency will publish guidance.'), ['will:firm']);
    assert.deepStrictEqual(brief('Energy prices will fall next year.'), []);
  });

  it('rule 5: a joint statement speaks for the parties', () => {
    assert.deepStrictEqual(brief('The Compact recognizes the role of civil society.'), ['recognizes:hedged']);
  });

  it('announced is firm and a will in its clause is not a second cue', () => {
    assert.deepStrictEqual(brief('The President announced that the United States will send a delegation.'), ['announced:firm']);
  });

  it('finds several cues per sentence and coordinated verbs', () => {
    const cues = cuesOf('The leaders reaffirmed their alliance and agreed to expand exercises, and we will meet again.');
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}`), ['reaffirmed:hedged', 'agreed to:firm', 'will:firm']);
    assert.strictEqual(cues[1].actor, 'the leaders');
    assert.strictEqual(cues[1].rule, 'coordinated verb');
  });

  it('skips verbs used as nouns and infinitives of other verbs', () => {
    assert.deepStrictEqual(brief('The leaders agreed to continue their strong support for Ukraine.'), ['agreed to:firm']);
    assert.deepStrictEqual(brief('They met in order to discuss trade.'), []);
    assert.deepStrictEqual(brief('We will also exchange views on storage.'), ['will:firm']);
  });

  it('hedged modals and stances: should, must, intends to, stand ready, can', () => {
    assert.deepStrictEqual(brief('We intend to work together.'), ['intend to:hedged']);
    assert.deepStrictEqual(brief('Both countries stand ready to assist.'), ['stand ready to:hedged']);
    assert.deepStrictEqual(brief('Together we can build a safer region.'), ['can:hedged']);
    assert.deepStrictEqual(brief('The leaders would like to visit Kyoto.'), ['would like to:hedged']);
  });

  it('finds actors and resolves simple pronouns', () => {
    const cues = cuesOf('Joe Biden and Fumio Kishida reaffirmed the alliance. They also agreed to meet. He welcomed the result.');
    assert.strictEqual(cues[0].actor, 'Joe Biden and Fumio Kishida');
    assert.strictEqual(cues[1].actor, 'Joe Biden and Fumio Kishida');
    const one = cuesOf('Both sides welcomed the deal.');
    assert.strictEqual(one[0].actor, 'Both sides');
  });

  it('returns exact, non-overlapping, sorted spans with absolute offsets', () => {
    const text = ' date 2023-05-19 The two leaders agreed to meet.\r\n\r\nThe leaders noted progress and welcomed the plan.';
    const cues = findCues(text, parseReadout(text), builtInMatcher());
    assert.ok(cues.length >= 3);
    for (let i = 0; i < cues.length; i++) {
      assert.strictEqual(text.slice(cues[i].start, cues[i].end), cues[i].text);
      if (i > 0) assert.ok(cues[i].start >= cues[i - 1].end);
    }
  });

  it('never throws on odd input and stays fast', () => {
    const odd = ['', 'will will will will', 'agreed '.repeat(5000), '\u0000agreed to\u0000', "won't can't shall", '.'.repeat(5000)];
    for (const t of odd) cuesOf(t);
    const seed = 'The two leaders agreed to coordinate closely and reaffirmed that they would continue to cooperate. ';
    const text = seed.repeat(20000);
    const t0 = Date.now();
    const r = parseReadout(text);
    findCues(text, r, builtInMatcher());
    const ms = Math.max(1, Date.now() - t0);
    console.log(`      parse + cues: ${(text.length / 1e6).toFixed(1)} M units in ${ms} ms (${(text.length / 1e3 / ms).toFixed(1)} M/s)`);
  });
});
