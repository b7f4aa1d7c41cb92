// Commitment policy, one rule at a time: strengths, negation, governing verbs, party subjects and exclusions.
import * as assert from 'assert';
import { checkCuePattern, compileCuePatterns, findCues } from '../../src/core/cues';
import { brief, builtInMatcher, builtInWords, cuesOf, loadCuePatterns } from './cueLexicon';
import { parseReadout } from './helpers';

describe('commitment cues', () => {
  it('the built-in lexicon compiles without rejects', () => {
    const m = compileCuePatterns(loadCuePatterns(), builtInWords());
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
    assert.deepStrictEqual(brief('The leaders agreed to work together to address the crisis.'), ['agreed to:firm']);
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

  it('reads a colon after "agreed" as introducing what was agreed, a semicolon as ending the clause', () => {
    assert.deepStrictEqual(brief('The leaders agreed: they will meet again in May.'), ['agreed:firm']);
    // As with a full stop: "agreed" on its own, then the parties' "will".
    assert.deepStrictEqual(brief('The leaders agreed; they will meet again in May.'), brief('The leaders agreed. They will meet again in May.'));
    assert.deepStrictEqual(brief('The leaders agreed; they will meet again in May.'), ['agreed:hedged', 'will:firm']);
  });

  it('names an actor written across a line break or with extra spaces on one line, single-spaced', () => {
    // The line break once stayed in the actor ("Biden and\nKishida"), which also made it read as one person, so
    // "They" in the next sentence went to an earlier, plural actor.
    const cues = cuesOf('The leaders welcomed the talks.\n\nPresident Biden and\r\nPrime Minister  Kishida reaffirmed the alliance. They agreed to meet.');
    assert.deepStrictEqual(
      cues.map((c) => c.actor),
      ['the leaders', 'President Biden and Prime Minister Kishida', 'President Biden and Prime Minister Kishida'],
    );
    assert.strictEqual(cuesOf('The\ttwo  leaders agreed to meet.')[0].actor, 'the two leaders');
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

  // ---- Rule 1 scope, coordination and third parties (cases found on held-out prose; sentences are our own) ----

  it('rule 1: the governed scope ends where a plain reporting verb opens its own clause', () => {
    assert.deepStrictEqual(
      brief('In reply, the Chancellor voiced his thanks for the kind welcome and said that Germany would expand its support to Kyiv.'),
      ['voiced his thanks:hedged', 'would:firm'],
    );
    assert.deepStrictEqual(
      brief('The ministers reviewed the roadmap, and the Foreign Secretary stated that the United Kingdom will open a new embassy in Manila.'),
      ['reviewed:hedged', 'will:firm'],
    );
    assert.deepStrictEqual(
      brief('The Premier expressed appreciation for the visit and told reporters that China would buy more aircraft.'),
      ['expressed appreciation:hedged', 'would:firm'],
    );
    assert.deepStrictEqual(
      brief('The President welcomed the progress and made clear that the United States will not accept any delay.'),
      ['welcomed:hedged', 'will not:firm!'],
    );
    // Same tense after "and": the reporting verb joins the governing verb, not the governed clause.
    assert.deepStrictEqual(
      brief('The leaders reaffirmed that the alliance was strong and said that they would hold joint drills next year.'),
      ['reaffirmed:hedged', 'would:firm'],
    );
    // Still governed: a second "that" clause of the same verb, and a report nested inside the governed clause.
    assert.deepStrictEqual(brief('The leaders reaffirmed that they would deepen cooperation and that they would meet annually.'), ['reaffirmed:hedged']);
    assert.deepStrictEqual(brief('The leaders noted that the President had said that the two countries would cooperate further.'), ['noted:hedged']);
    // A second "that" clause after "and" is parallel to the reporting verb's, not inside the cue's.
    assert.deepStrictEqual(
      brief('The Prime Minister said that the leaders had agreed to meet again and that Japan would host the next summit.'),
      ['agreed to:firm', 'would:firm'],
    );
  });

  it('rule 1: a coordinated verb inside a governed clause is governed too', () => {
    assert.deepStrictEqual(brief('The Premier emphasized that Beijing will keep reducing tariffs and welcomes more foreign investors to the region.'), ['emphasized:hedged']);
    assert.deepStrictEqual(brief('Both ministers stressed that their countries support free trade and oppose protectionism.'), ['stressed:hedged']);
    // The governing verb's own tense after "and": a new cue of the outer clause.
    assert.deepStrictEqual(brief('The leaders noted that trade had grown and welcomed the new investment fund.'), ['noted:hedged', 'welcomed:hedged']);
    assert.deepStrictEqual(brief('We recognize that the crisis demands action and commit to doubling our support.'), ['recognize:hedged', 'commit to:firm']);
  });

  it('rule 1: the subject of a modal never reaches back past an accepted cue', () => {
    assert.deepStrictEqual(brief('Canada values the partnership, and Canada hopes Mexico will take a leading role in the talks.'), ['hopes:hedged']);
    assert.deepStrictEqual(brief('Japan values the meeting, and Tokyo wishes Seoul would join the initiative.'), ['wishes:hedged']);
    assert.deepStrictEqual(brief('Japan hopes for calm and the Prime Minister will travel to Seoul next week.'), ['hopes:hedged', 'will:firm']);
  });

  it('after a modal or an infinitive cue, "and" + a base-form verb belongs to that verb', () => {
    assert.deepStrictEqual(brief('The two countries must defend free trade and oppose protectionism.'), ['must:hedged']);
    assert.deepStrictEqual(brief('The United States will send aid and support the relief effort.'), ['will:firm']);
    assert.deepStrictEqual(brief('The leaders agreed to expand trade and welcome new investors.'), ['agreed to:firm']);
    assert.deepStrictEqual(brief('China is willing to work with Spain and welcome more Spanish products.'), ['is willing to:hedged']);
    assert.deepStrictEqual(brief('The President encouraged both sides to resume talks and support the mediators.'), ['encouraged:hedged']);
    // A new subject, or a present-tense cue coordinated with a present-tense cue, is a cue of its own.
    assert.deepStrictEqual(brief('Both sides should avoid escalation, and they support the mediation effort.'), ['should:hedged', 'support:hedged']);
    assert.deepStrictEqual(brief('The leaders reaffirm the alliance and welcome the new fund.'), ['reaffirm:hedged', 'welcome:hedged']);
    assert.deepStrictEqual(brief("We look forward to the summit in Rome and welcome Italy's leadership."), ['look forward to:hedged', 'welcome:hedged']);
  });

  it('rule 3: a third party speaking inside a plain report is not a cue; a party is', () => {
    assert.deepStrictEqual(brief('The Minister explained that the UN had confirmed the end of the outbreak.'), []);
    assert.deepStrictEqual(brief('The Chancellor said that experts had endorsed the pipeline study.'), []);
    assert.deepStrictEqual(brief('The President stated that the World Bank had pledged new funds.'), []);
    assert.deepStrictEqual(brief('The Prime Minister added that the report welcomed the reforms.'), []);
    assert.deepStrictEqual(brief('The Minister explained that the World Health Organization had welcomed the reforms.'), []);
    assert.deepStrictEqual(brief('The Prime Minister said that Japan had agreed to lift the import ban.'), ['agreed to:firm']);
    assert.deepStrictEqual(brief('The President said that the United States would send more aid.'), ['would:firm']);
    assert.deepStrictEqual(brief("Minister Wong explained that Australia supported Korea's bid."), ['supported:hedged']);
    assert.deepStrictEqual(brief('The Foreign Minister said it supports a ceasefire.'), ['supports:hedged']);
    assert.deepStrictEqual(brief('The Foreign Minister stated that the United Nations would send observers.'), []);
    // In a body's own readout the body is the party.
    assert.deepStrictEqual(
      brief('The Secretary-General welcomed the agreement and said that the United Nations would support its implementation.'),
      ['welcomed:hedged', 'would:firm'],
    );
    // A statement of need or a hedged modal is the reporter's own view, whatever its subject.
    assert.deepStrictEqual(brief('The Prime Minister said that more aid is needed in Gaza.'), ['is needed:hedged']);
    assert.deepStrictEqual(brief('The President said the international community needs to act.'), ['needs to:hedged']);
  });

  it('rule 3: a relative clause whose antecedent is a third party holds no cue', () => {
    assert.deepStrictEqual(brief('The leaders praised the report by the UN envoy, who called for a new round of talks.'), ['praised:hedged']);
    assert.deepStrictEqual(brief('They welcomed the findings of the independent panel, which urged both sides to show restraint.'), ['welcomed:hedged']);
    assert.deepStrictEqual(brief('The ministers thanked the Secretary-General, who encouraged further dialogue.'), ['thanked:hedged']);
    assert.deepStrictEqual(brief('The President met Prime Minister Albanese, who welcomed the new submarine deal.'), ['welcomed:hedged']);
  });

  it('agreed that + an event the parties arrange (take place, be held, convene) is firm', () => {
    assert.deepStrictEqual(brief('The two sides agreed that the next summit will take place in Seoul in 2026.'), ['agreed that:firm']);
    assert.deepStrictEqual(brief('It was agreed that the next Strategic Dialogue would be held in Tokyo in March.'), ['agreed that:firm']);
    assert.deepStrictEqual(brief('The ministers agreed that the next round of talks will convene in Geneva.'), ['agreed that:firm']);
    assert.deepStrictEqual(brief("The leaders agreed that the President's visit to Canberra would take place in the spring."), ['agreed that:firm']);
    // A view about an event, or an event outside "agreed that", stays as before.
    assert.deepStrictEqual(brief('The leaders agreed that the summit will build on earlier work.'), ['agreed that:hedged']);
    assert.deepStrictEqual(brief('The two sides agreed that the talks had taken place in a constructive atmosphere.'), ['agreed that:hedged']);
    assert.deepStrictEqual(brief('The next summit will take place in Rome.'), []);
  });

  it('passive "it was agreed that" reads like "agreed that" and names no actor', () => {
    const firm = cuesOf('It was agreed that the ministers would meet again in May.');
    assert.deepStrictEqual(firm.map((c) => `${c.text}:${c.strength}`), ['agreed that:firm']);
    assert.strictEqual(firm[0].actor, undefined);
    assert.deepStrictEqual(brief('It was also agreed that the situation in the region remained fragile.'), ['agreed that:hedged']);
  });

  it('reached a consensus is a shared view (hedged); proposed is hedged', () => {
    assert.deepStrictEqual(brief('The two sides reached a consensus on expanding trade.'), ['reached a consensus on:hedged']);
    assert.deepStrictEqual(brief('The leaders reached broad consensus on climate finance.'), ['reached broad consensus on:hedged']);
    assert.deepStrictEqual(brief('The two sides reached an agreement on fisheries.'), ['reached an agreement:firm']);
    assert.deepStrictEqual(brief('The President proposed a new trade dialogue.'), ['proposed:hedged']);
    assert.deepStrictEqual(brief('The President proposed that the two sides would hold annual talks.'), ['proposed:hedged']);
    assert.deepStrictEqual(brief('The ministers discussed the proposed framework.'), ['discussed:hedged']);
  });

  it('"notes" after exchange or diplomatic is a noun, not "noted"', () => {
    assert.deepStrictEqual(brief('The two foreign ministers exchanged notes on the visa waiver.'), []);
    assert.deepStrictEqual(brief('The embassies will hand over diplomatic notes next week.'), []);
    assert.deepStrictEqual(brief('The President noted progress on trade.'), ['noted:hedged']);
    assert.deepStrictEqual(brief('The Prime Minister notes the progress.'), ['notes:hedged']);
  });

  it('rule 1 backwards: a postposed listed verb ("..., she announced") governs the clause before it', () => {
    // Policy: "announced (+ a new measure; a 'will' in its clause is not a second cue)", also when the verb follows.
    assert.deepStrictEqual(brief('Canada will open a trade office in Lagos, she announced, and both sides welcomed the step.'), [
      'announced:firm',
      'welcomed:hedged',
    ]);
    assert.deepStrictEqual(brief('The ministry will fund two new research chairs, the Minister announced.'), ['announced:firm']);
    assert.deepStrictEqual(brief('We will keep our embassy open, they reaffirmed.'), ['reaffirmed:hedged']);
    assert.deepStrictEqual(brief('Chile will join the initiative, its President announced on Monday.'), ['announced:firm']);
    // "..., we agreed" keeps the firm will: a bare tag cannot carry "agreed that + will" (see the lexicon header).
    assert.deepStrictEqual(brief('We will stand with Georgia, we agreed.'), ['will:firm', 'agreed:hedged']);
    // Neighbours: a plain reporting tag is no cue, so the will stays the one firm cue (rule 1, "he said" after the clause).
    assert.deepStrictEqual(brief('The two sides will meet again in Oslo in June, the statement said.'), ['will:firm']);
    assert.deepStrictEqual(brief('Kenya will host the next round, he said, and the ministers welcomed the offer.'), ['will:firm', 'welcomed:hedged']);
    // A cue after the tag's clause is not governed by it; a will after the tag is a clause of its own.
    assert.deepStrictEqual(brief('He announced a new fund, and Canada will open an office in Lagos.'), ['announced:firm', 'will:firm']);
  });

  it('a plural noun is not the -s verb: "turn pledges into", "pledges of support", "climate pledges"', () => {
    assert.deepStrictEqual(brief('The ministers asked whether donors could turn pledges into projects.'), []);
    assert.deepStrictEqual(brief('Partners will help to turn promises into results.'), ['will:firm']);
    assert.deepStrictEqual(brief('The forum recorded pledges of support from twenty donors.'), []);
    assert.deepStrictEqual(brief('Past pledges remain unfulfilled, the envoy said.'), []);
    assert.deepStrictEqual(brief('The envoy said that ambitious promises had not been kept.'), []);
    assert.deepStrictEqual(brief('The donors pledges were counted twice.'), []);
    assert.deepStrictEqual(brief('The ministers want to see more pledges.'), []);
    // Neighbours: a verb "pledges" / "promises" with a singular subject stays firm.
    assert.deepStrictEqual(brief('Japan pledges to double its climate finance.'), ['pledges:firm']);
    assert.deepStrictEqual(brief('The government promises a review of the visa rules.'), ['promises:firm']);
    assert.deepStrictEqual(brief('Norway also pledges support for the fund.'), ['pledges:firm']);
  });

  it('"needs to" after a noun and a pronoun subject is a relative clause, not a stated need', () => {
    assert.deepStrictEqual(brief('Moldova has now received the budget support it needs to pay pensions.'), []);
    assert.deepStrictEqual(brief('The package covers the systems that they need to protect their cities.'), []);
    assert.deepStrictEqual(brief('Japan is providing everything we need to rebuild the grid.'), []);
    assert.deepStrictEqual(brief('We will keep sending Moldova fuel and the financial aid it needs to get through the winter.'), ['will:firm']);
    // Neighbours: a party states a need (policy "need(s) to", hedged).
    assert.deepStrictEqual(brief('Moldova needs to reform its energy market before the winter.'), ['needs to:hedged']);
    assert.deepStrictEqual(brief('The leaders agreed that they need to act quickly.'), ['agreed that:hedged']);
    assert.deepStrictEqual(brief('We need to strengthen our grid, and Georgia needs to reform its courts.'), ['need to:hedged', 'needs to:hedged']);
    assert.deepStrictEqual(brief('The Prime Minister said it needs to diversify its energy supply.'), ['needs to:hedged']);
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
