// Cue errors found by class on readouts nobody tuned on (issue #15, fourth round): each case cites the policy rule
// it follows, and each fails without the change that made it pass.
import * as assert from 'assert';
import { brief } from './cueLexicon';

describe('cue classes, fourth round (issue #15)', () => {
  it('make statement and consult: "reconfirmed" reads as "reaffirmed", "examined ways" as "explored" (S-hedged.f)', () => {
    assert.deepStrictEqual(brief('The leaders reconfirmed the strong partnership between their countries.'), ['reconfirmed:hedged']);
    assert.deepStrictEqual(brief('The advisors stressed that the assets will stay frozen, and examined further ways to hold Russia accountable.'), [
      'stressed:hedged',
      'examined:hedged',
    ]);
    // Examining banks is supervision, not a consultation on options.
    assert.deepStrictEqual(brief('Banks the Bureau has examined thus far will refund fees.'), []);
  });

  it('a sentiment expressed about an event is hedged like concern or dismay (S-hedged.a)', () => {
    assert.deepStrictEqual(brief('President Biden expressed his devastation and outrage at the murder.'), ['expressed his devastation:hedged']);
    assert.deepStrictEqual(brief('The Minister expressed her dismay at the decision.'), ['expressed her dismay:hedged']);
  });

  it('an opening participle that takes a clause keeps that clause\'s verbs as its own (C3.a)', () => {
    assert.deepStrictEqual(brief('Noting that it is also Ukraine\'s Independence Day, participants reiterated their enduring commitment.'), [
      'Noting:hedged',
      'reiterated:hedged',
    ]);
    // Without "that", a finite verb before the comma still makes the "-ing" form a gerund subject.
    assert.deepStrictEqual(brief('Supporting Ukraine is a priority, and the leaders reiterated their commitment.'), ['reiterated:hedged']);
  });

  it('will + be: a passive, an arranged event alone and "be" + a noun phrase are no party\'s action (C4.d, C4.b)', () => {
    assert.deepStrictEqual(brief('The NCG will be held quarterly at appropriate levels.'), []);
    assert.deepStrictEqual(brief('The NCG will be an enduring mechanism for strengthening the Alliance.'), []);
    assert.deepStrictEqual(brief('The Council will be further strengthened by new members.'), []);
    // After "agreed that" the arranged event stays a decision, and a party's schedule stays firm.
    assert.deepStrictEqual(brief('It was agreed that the next Strategic Dialogue would be held in Tokyo in March.'), ['agreed that:firm']);
    assert.deepStrictEqual(brief('The Foreign Secretary will be in New Delhi next week.'), ['will:firm']);
  });

  it('a past form of a cue verb after a non-finite "be" is a passive, no cue (C4.d)', () => {
    assert.deepStrictEqual(brief('This effort will be further supported with the establishment of the EU Energy Platform.'), []);
    assert.deepStrictEqual(brief('The plan has been welcomed by partners across the region.'), []);
    // The expletive keeps "it has been agreed that" (S-firm.b).
    assert.deepStrictEqual(brief('It has been agreed that the ministers will meet in June.'), ['agreed that:firm']);
  });

  it('the subject of a modal reaches back over the "and" of "between X and Y" (C4, C4.f)', () => {
    assert.deepStrictEqual(brief('From that foundation, increased cooperation between the United States and the Nordic countries will help reduce dependencies.'), []);
    assert.deepStrictEqual(brief('Secretary Blinken and Minister Wang will meet again in May.'), ['will:firm']);
  });

  it('names after "<preposition> X and" open a subject of their own (C1.f)', () => {
    assert.deepStrictEqual(
      brief('The two leaders also discussed Egypt\'s role in the release of hostages from Gaza and President el-Sisi expressed his confidence that peace is near.'),
      ['discussed:hedged', 'expressed his confidence:hedged'],
    );
  });

  it('"Both" opening the clause is the subject, not a modifier (C4.g, S-hedged.b)', () => {
    assert.deepStrictEqual(brief('Both remain committed to achieving a ceasefire.'), ['remain committed to:hedged']);
    assert.deepStrictEqual(brief('Both will continue to consult closely.'), ['will:firm']);
  });

  it('a present cue of three words after "and" is the party\'s second verb even after a past cue (C1.b)', () => {
    assert.deepStrictEqual(brief('The leaders welcomed the statement by Sweden and look forward to Sweden joining NATO.'), ['welcomed:hedged', 'look forward to:hedged']);
    // After an infinitive it is that infinitive's second verb, and a short cue word there may be a noun.
    assert.deepStrictEqual(brief('The leaders welcomed efforts to expand trade and look forward to progress.'), ['welcomed:hedged']);
    assert.deepStrictEqual(brief('They discussed trade and support for Ukraine.'), ['discussed:hedged']);
  });

  it('a past form on the object of an opening participle or preposition is a participle (C3.d)', () => {
    assert.deepStrictEqual(brief('Recalling the security environment discussed in the recent summit meetings, the three NSAs reaffirmed the importance of cooperation.'), [
      'reaffirmed:hedged',
    ]);
    assert.deepStrictEqual(brief('Following the sanctions announced on Monday, the leaders met.'), []);
  });

  it('a gerund of a verb of the meeting takes no purpose infinitive (C1.d, C3.a)', () => {
    assert.deepStrictEqual(
      brief('He observed that the G7 has been transformed by helping to end the crisis, mounting a response, speaking and acting together to address unfair practices, and delivering results.'),
      [],
    );
    assert.deepStrictEqual(brief('The President spoke with the Prime Minister, traveling to Kyiv to discuss support.'), ['discuss:hedged']);
  });

  it('an "-ing" form whose series ends in ", and" + a gerund is one item of it (C3.a)', () => {
    assert.deepStrictEqual(
      brief('Discussions centered on the importance of meeting the needs of the Islanders, supporting capacity building in the areas of education, health, and fishing, and furthering collaboration.'),
      [],
    );
    assert.deepStrictEqual(brief('The leaders met in Tokyo, underscoring the importance of trade, investment, and technology.'), ['underscoring:hedged']);
  });

  it('"are expected to" is hedged for a named party\'s own act, no cue for anything else (S-hedged.d)', () => {
    assert.deepStrictEqual(brief('The two ministers are also expected to sign a memorandum.'), ['expected to:hedged']);
    assert.deepStrictEqual(brief('Hurricane Ian is expected to make landfall on the Gulf Coast.'), []);
    assert.deepStrictEqual(brief('The program is expected to increase the number of jobs.'), []);
  });

  it('a subordinate clause opening the sentence closes at the comma before the main clause (C1.f)', () => {
    assert.deepStrictEqual(
      brief('Because President Biden recognizes that our countries must cooperate to have secure supply chains, the United States proposed launching a Critical Minerals Dialogue.'),
      ['recognizes:hedged', 'proposed:hedged'],
    );
    // Inside the subordinate clause a verb stays governed.
    assert.deepStrictEqual(brief('Because the President recognizes that our countries need to cooperate, the leaders agreed to meet.'), ['recognizes:hedged', 'agreed to:firm']);
  });

  it('appeal: "advocated for" reads as "called for"; the plural noun "advocates for" is none (S-hedged.a, CAMEO 020)', () => {
    assert.deepStrictEqual(brief('Finally, President Biden advocated for continued support of civil society.'), ['advocated for:hedged']);
    assert.deepStrictEqual(brief('Advocates for survivors joined the meeting.'), []);
  });

  it('a past form between "other" and an adverb and its noun is an adjective (C3.d)', () => {
    assert.deepStrictEqual(brief('They also recommitted to deepening cooperation on information-sharing and other previously agreed working groups.'), ['recommitted to:hedged']);
  });

  it('consult: "conferred on" reads as "consulted on" (S-hedged.e, CAMEO 040)', () => {
    assert.deepStrictEqual(brief('In addition, the group conferred on efforts to generate support for a just peace.'), ['conferred on:hedged']);
  });

  it('a single name after "<preposition> X and" still ends that preposition\'s object, inside the governed clause (C1.f)', () => {
    assert.deepStrictEqual(brief('The two leaders noted that Israel\'s historic partnerships with Egypt and Jordan remain crucial to regional stability.'), ['noted:hedged']);
    assert.deepStrictEqual(brief('They exchanged views on the situation in Gaza and Mr. Sullivan highlighted the importance of aid.'), ['exchanged views:hedged', 'highlighted:hedged']);
  });

  it('a series of gerunds opened after a preposition ends in ", and" + a gerund, even a cue word (C3.a)', () => {
    assert.deepStrictEqual(
      brief('They discussed cooperation on shared priorities such as investing in technology and clean energy, advocating for human rights, and standing up for democracies.'),
      ['discussed:hedged'],
    );
    assert.deepStrictEqual(
      brief('Mayors can play a role, including by supporting public education, supporting the funding of services, sharing accurate information, and taking additional actions.'),
      [],
    );
    // A different cue word after the preposition leaves the party's own participles.
    assert.deepStrictEqual(brief('The leaders discussed the importance of supporting Ukraine, underscoring the need for unity, and reaffirming their commitment.'), [
      'discussed:hedged',
      'underscoring:hedged',
      'reaffirming:hedged',
    ]);
  });

  it('a "that" after a noun opens a relative clause on it: a past act recounted, no cue (C3.d)', () => {
    assert.deepStrictEqual(brief('They reviewed the work of three joint committees that President Biden and the Vice President launched at the Summit of the Americas.'), [
      'reviewed:hedged',
    ]);
    assert.deepStrictEqual(brief('A program that President Biden launched in November 2023 links entrepreneurs.'), []);
    // Not the complement of a reporting verb's object, nor a relative that is itself the subject.
    assert.deepStrictEqual(brief('The Vice President told the state legislators, local leaders, and the advocates that she looks forward to working together.'), [
      'looks forward to:hedged',
    ]);
    assert.deepStrictEqual(brief('Leaders of organizations that support nonpartisan youth civic engagement highlighted their work.'), ['highlighted:hedged']);
  });

  it('"agreed on the urgent need" agrees a view: an adjective of need is a determiner of the slot (S-hedged, agreed-on-importance)', () => {
    assert.deepStrictEqual(brief('The Vice President and President Arévalo agreed on the urgent need to address the drivers of migration.'), ['agreed on the urgent need:hedged']);
  });

  it('a plural possessive name is one determiner of the span ("the United States’ strong support", Span.a)', () => {
    assert.deepStrictEqual(brief('Mr. Sullivan conveyed the United States’ unwavering support for Ukraine.'), ['conveyed the United States’ unwavering support:hedged']);
    assert.deepStrictEqual(brief('The President expressed the United States’ solidarity with the people of Morocco.'), ['expressed the United States’ solidarity:hedged']);
    assert.deepStrictEqual(brief('She expressed the Administration’s support for the plan.'), ['expressed the Administration’s support:hedged']);
    assert.deepStrictEqual(brief('Mr. Sullivan re-iterated the United States’ support for a stable Bangladesh.'), ['re-iterated:hedged']);
  });

  it('co-chairs, counterparts and advisors are party nouns for a base-form cue (C4, C5)', () => {
    assert.deepStrictEqual(brief('The co-chairs intend to convene the sixth ministerial meeting in Belgium.'), ['intend to:hedged']);
    assert.deepStrictEqual(brief('The national security advisors look forward to the trilateral summit.'), ['look forward to:hedged']);
  });

  it('a past form between a noun\'s comma and a preposition describes that noun (C3.d)', () => {
    assert.deepStrictEqual(brief('It is an outcome of the leaders\' decision, announced at the Summit in Woodside, to resume cooperation.'), []);
    assert.deepStrictEqual(brief('They discussed the warning statement, endorsed by 14 countries, on the Red Sea.'), ['discussed:hedged']);
    // A verb of the party after its own comma stays ("met in Tokyo, agreed on a plan").
    assert.deepStrictEqual(brief('The leaders met in Tokyo, agreed on a plan and signed it.'), ['agreed on:firm', 'signed:firm']);
  });

  it('an "-ing" form inside a list of noun phrases that ends in ", and" is a list item, no cue (C3.a)', () => {
    assert.deepStrictEqual(
      brief('The President applauded Kenya\'s commitment to counterterrorism, economic growth, addressing climate change, and sustainable development.'),
      ['applauded:hedged'],
    );
    // After the list's last item the participle is the party's own.
    assert.deepStrictEqual(brief('She underscored U.S. support for regional security, prosperity, and integration, emphasizing that steps to create opportunities would be essential.'), [
      'underscored:hedged',
      'emphasizing:hedged',
    ]);
  });
});
