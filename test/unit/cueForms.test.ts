// Cues in every form of their verb (policy C1.d, C3.a): participles heading a participial clause, purpose
// infinitives of the meeting, and what these forms govern; the hover's governing verb and rule stay filled.
import * as assert from 'assert';
import { participleOf } from '../../src/core/cues/pattern';
import { brief, cuesOf } from './cueLexicon';

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

  it('gerunds and progressives are no cues; a standing "are committed to" is hedged (policy C3.a, S-firm.c)', () => {
    assert.deepStrictEqual(brief('They are committed to supporting Ukraine.'), ['are committed to:hedged']);
    assert.deepStrictEqual(brief('The EU committed to providing more support.'), ['committed to:firm']);
    assert.deepStrictEqual(brief('We are supporting the effort.'), []);
    assert.deepStrictEqual(brief('Supporting Ukraine remains a priority, the President said.'), []);
    assert.deepStrictEqual(brief('Paying tribute to the soldiers, he visited the cemetery.'), []);
    assert.deepStrictEqual(brief('Recalling our commitments at the summit, we reiterate our support.'), ['reiterate:hedged']);
    assert.deepStrictEqual(
      brief('They stressed the importance of supporting victims, enhancing security, and adhering to the rule of law.'),
      ['stressed:hedged'],
    );
  });

  it('openers and participles of noticing speak for the main clause\'s party (policy C3.a)', () => {
    const cues = cuesOf('Discussing AUKUS, the leaders agreed on next steps.');
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}`), ['Discussing:hedged', 'agreed on:firm']);
    assert.strictEqual(cues[0].actor, 'the leaders');
    assert.strictEqual(cues[0].governingVerb, 'discussing');
    assert.strictEqual(cues[0].rule, 'participial clause opening the sentence');
    assert.deepStrictEqual(brief('Stressing the need for unity, the two leaders agreed to meet again.'), ['Stressing:hedged', 'agreed to:firm']);
    assert.deepStrictEqual(brief('He welcomed the growth of trade, noting that exports reached a record.'), ['welcomed:hedged', 'noting:hedged']);
    assert.deepStrictEqual(brief('The leaders met, reflecting on their partnership.'), ['reflecting on:hedged']);
  });

  it('a joint statement\'s own voice: a party between commas, a copular cue\'s predicate as its verb (policy C5)', () => {
    const cues = cuesOf('We, the Leaders of the G7, commit to act and are committed to peace.');
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}`), ['commit to:firm', 'are committed to:hedged']);
    assert.strictEqual(cues[0].actor, 'the Leaders of the G7');
    assert.strictEqual(cues[1].governingVerb, 'committed');
    // No pronoun opens the sentence: a name in a list is no party's voice.
    assert.deepStrictEqual(brief('Members included Jane Doe, Demand Progress and others.'), []);
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

  it('governed clauses: every cue verb inside a clause a listed verb opened (policy C1.f)', () => {
    assert.deepStrictEqual(brief('Mr. Sullivan stressed that although they compete, both countries need to prevent conflict.'), ['stressed:hedged']);
    assert.deepStrictEqual(brief('The Vice President emphasized that she and President Biden believe the WHO is vital.'), ['emphasized:hedged']);
    assert.deepStrictEqual(brief('President Biden emphasized the commitment and that he looks forward to working together.'), ['emphasized:hedged']);
    assert.deepStrictEqual(brief('Recognizing that they share a stake, the two Presidents committed to continuing to partner.'), ['Recognizing:hedged', 'committed to:firm']);
    assert.deepStrictEqual(brief('They also agreed that it is critical to ensure that civilians are protected.'), ['agreed that:hedged']);
    // A plain report in between keeps its clause's own cue (C1.a), and a pronoun after "said" is a subject.
    assert.deepStrictEqual(
      brief('Sullivan explained that the administration believes diplomacy is best, while noting that the President has made clear that if it fails, the United States is prepared to act.'),
      ['believes:hedged', 'noting:hedged', 'is prepared to:hedged'],
    );
    assert.deepStrictEqual(brief('The leaders thanked the Vice President, and they said they look forward to working together.'), ['thanked:hedged', 'look forward to:hedged']);
    assert.deepStrictEqual(brief('He praised the Initiative, which they both agreed has been critical to food security.'), ['praised:hedged', 'agreed:hedged']);
  });

  it('nouns, past participles and past acts are no cues (policy C3.d, C3.f)', () => {
    assert.deepStrictEqual(brief('Mr. Finer conveyed U.S. support for civil society.'), ['conveyed U.S. support:hedged']);
    assert.deepStrictEqual(brief('Mr. Sullivan reiterated condolences and sustained U.S. support for the people.'), ['reiterated:hedged']);
    assert.deepStrictEqual(brief('These laws, which President Biden signed in December 2022, advance the agenda.'), []);
    assert.deepStrictEqual(brief('Launched in January 2024, the Working Group is a key mechanism.'), []);
    assert.deepStrictEqual(brief('They discussed recent initiatives announced by the UAE.'), ['discussed:hedged']);
    assert.deepStrictEqual(brief('They held a meeting in which the two leaders concurred on continuing to work together.'), ['concurred on continuing to:hedged']);
    assert.deepStrictEqual(brief('The two sides reached consensus at their last meeting on trade.'), []);
    assert.deepStrictEqual(brief('They welcomed Foreign Minister Leyva, Ambassador Murillo, and their delegation to the White House.'), []);
  });

  it('will / would: passives and gerund subjects are no action; coordinated and appositive subjects count (policy C4.d, C4.e)', () => {
    assert.deepStrictEqual(brief('The President will continue to be briefed regularly.'), []);
    assert.deepStrictEqual(brief('Empowering a new government to stabilize the economy will also create space for dialogue.'), []);
    const met = cuesOf('General Laura Richardson met today with President Noboa and will meet with officials tomorrow.');
    assert.deepStrictEqual(met.map((c) => `${c.text}:${c.strength}:${c.actor ?? ''}`), ['will:firm:General Laura Richardson']);
    assert.deepStrictEqual(brief('She stated that the United States has no higher priority than safety, and will act in self-defense.'), ['will:firm']);
    const told = cuesOf('The Vice President told President Herzog that, to follow up, her Advisor, Dr. Phil Gordon, would travel to Israel.');
    assert.deepStrictEqual(told.map((c) => `${c.text}:${c.strength}:${c.rule}`), ['would:firm:reported will/would + action by a party']);
    assert.deepStrictEqual(brief('We announce the launch of a new partnership.'), ['announce:firm']);
  });

  it('entries by CAMEO category: praise, consult, discuss (S-hedged.e)', () => {
    assert.deepStrictEqual(brief('The leaders applauded the agreement and lauded its authors.'), ['applauded:hedged', 'lauded:hedged']);
    assert.deepStrictEqual(brief('They consulted on the situation in Niger.'), ['consulted on:hedged']);
    assert.deepStrictEqual(brief('The leaders had an in-depth discussion on foreign policy.'), ['had an in-depth discussion:hedged']);
    assert.deepStrictEqual(brief('The President offered his full support for the effort.'), ['offered his full support:hedged']);
    assert.deepStrictEqual(brief('The Vice President re-affirmed the support of the Administration.'), ['re-affirmed:hedged']);
    assert.deepStrictEqual(brief('The Vice President made clear it is critical to ensure access.'), ['is critical:hedged']);
  });

  it('entries by CAMEO category: statement, accord, intent, disapproval, protest, agreement (S-hedged.f)', () => {
    assert.deepStrictEqual(brief('Japan restated its support for Ukraine, and Korea echoed that view.'), ['restated:hedged', 'echoed:hedged']);
    assert.deepStrictEqual(brief('The President signalled readiness to work with Congress.'), ['signalled readiness:hedged']);
    // A participle between a determiner and its noun is an adjective (C3.d).
    assert.deepStrictEqual(brief('They discussed the recently announced partnership and a widely supported plan.'), ['discussed:hedged']);
    assert.deepStrictEqual(brief('The ministers met to take stock of the partnership.'), ['take stock of:hedged']);
    assert.deepStrictEqual(brief('The ministers denounced the attack and warned against escalation.'), ['denounced:hedged', 'warned against:hedged']);
    assert.deepStrictEqual(brief('Japan registered a protest over the incident.'), ['registered a protest:hedged']);
    assert.deepStrictEqual(brief('The two countries concluded an agreement on trade.'), ['concluded an agreement:firm']);
    assert.deepStrictEqual(brief('Both leaders recommitted to working together.'), ['recommitted to:hedged']);
    assert.deepStrictEqual(brief('Both Presidents agreed for their teams to meet in the coming weeks.'), ['agreed for:firm']);
    assert.deepStrictEqual(brief('He conveyed his intent to deepen ties and cited the need to act.'), ['conveyed his intent:hedged', 'cited:hedged']);
    // Not the noun: "registered apprenticeships" is no protest.
    assert.deepStrictEqual(brief('Companies have registered apprenticeships with the Department.'), []);
  });

  it('a discussion qualified by a series of adjectives is one hedged cue (S-hedged.e, <adjs>)', () => {
    assert.deepStrictEqual(brief('The two sides held candid, substantive and constructive discussions on trade.'), ['held candid, substantive and constructive discussions:hedged']);
    assert.deepStrictEqual(brief('The leaders had a broad, strategic discussion about the region.'), ['had a broad, strategic discussion:hedged']);
    // A series ends at a word that is no quality of a discussion, and never crosses a semicolon.
    assert.deepStrictEqual(brief('They held talks; candid discussions followed.'), []);
  });

  it('"joined X in" + a listed verb is the joining party\'s own act (policy C3.a)', () => {
    const cues = cuesOf('President Biden joined President Zelenskyy in urging Russia to cease its military activities.');
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}`), ['urging:hedged']);
    assert.strictEqual(cues[0].actor, 'President Biden');
    assert.strictEqual(cues[0].governingVerb, 'urging');
    assert.match(cues[0].rule, /participial clause after "joined"/);
    // Any other preposition keeps the gerund: no cue.
    assert.deepStrictEqual(brief('They spoke about the importance of urging restraint.'), ['spoke about:hedged']);
  });

  it('a capitalised cue word beside another capital is part of a name (policy C3.d)', () => {
    assert.deepStrictEqual(brief('President Biden also announced, with the EU, a Global Methane Pledge that aims to cut methane.'), ['announced:firm']);
    assert.deepStrictEqual(brief('The White House Task Force met with the Will County Health Department.'), []);
  });

  it('an "-s" cue word after a past or "-ing" verb is its object, a noun (policy C3.d)', () => {
    assert.deepStrictEqual(brief('Mr. Sullivan welcomed plans to increase engagement, including plans to hold a dialogue.'), ['welcomed:hedged']);
    assert.deepStrictEqual(brief('The United States plans to provide $165 million.'), ['plans to:hedged']);
    assert.deepStrictEqual(brief('This meeting underscores the partnership.'), ['underscores:hedged']);
  });

  it('intent, approval and a present refusal by CAMEO category (S-hedged.g, C2.c)', () => {
    assert.deepStrictEqual(brief('Both sides also plan to pursue initiatives to reduce flaring.'), ['plan to:hedged']);
    assert.deepStrictEqual(brief('They celebrated the forthcoming conclusion of an agreement.'), ['celebrated:hedged']);
    // Celebrating an occasion is a courtesy, no cue.
    assert.deepStrictEqual(brief('They celebrated the 70th anniversary of the alliance.'), []);
    assert.deepStrictEqual(brief('Japan does not accept the claim.'), ['does not accept:hedged!']);
  });

  it('past acts and nouns: participles on a noun, a passive with its agent, attributive "U.S." (policy C3.d)', () => {
    assert.deepStrictEqual(brief('He updated the Minister on the response, including the order issued last night and new sanctions announced today.'), []);
    assert.deepStrictEqual(brief('The attack used missiles and drones launched from Yemen.'), []);
    assert.deepStrictEqual(brief('He stressed that the United States remains ready to help, if called upon by the parties.'), ['stressed:hedged']);
    assert.deepStrictEqual(brief('The Leaders pledged to continue their collaboration, including through U.S. support for the candidacy.'), ['pledged:firm']);
    assert.deepStrictEqual(brief('The U.S. supports the candidacy.'), ['supports:hedged']);
    // A plural possessive, straight or curly, makes the word after it a noun, as "Japan's" does.
    assert.deepStrictEqual(brief('They discussed their countries’ shared commitment to continue support.'), ['discussed:hedged']);
    // A noun phrase opening the sentence is the verb's subject.
    assert.deepStrictEqual(brief('The representatives discussed with Mr. Finer the need for peace.'), ['discussed:hedged']);
  });

  it('"asked" the party\'s own officials to act is firm, like "tasked" (S-firm.d)', () => {
    const cues = cuesOf('The President asked Vice President Harris to attend the summit on his behalf.');
    assert.deepStrictEqual(cues.map((c) => `${c.text}:${c.strength}`), ['asked:firm']);
    assert.strictEqual(cues[0].governingVerb, 'asked');
    assert.deepStrictEqual(brief('The President asked for their feedback.'), ['asked for:hedged']);
  });

  it('importance with a subject of its own, and relative clauses on a complement (S-hedged.g, C1.g)', () => {
    assert.deepStrictEqual(brief('The partnership between the United States and Brazil is vital to international efforts.'), ['is vital:hedged']);
    assert.deepStrictEqual(brief('She underscored the partnership with the UAE, which is critical to advancing peace.'), ['underscored:hedged']);
    assert.deepStrictEqual(brief('Partners advance the initiative, which is crucial to addressing migration.'), []);
    assert.deepStrictEqual(brief('Mr. Sullivan welcomed plans to hold the Dialogue in February, through which U.S. and Thai officials will build on our ties.'), ['welcomed:hedged']);
    assert.deepStrictEqual(brief('The leaders discussed the summit and pointed to the strength of the relationship.'), ['discussed:hedged', 'pointed to:hedged']);
  });
  it('dispositions, stranded particles, things as subjects, series subjects and offers of support (S-firm.c, C3.d, C4.f, C1.f, S-hedged.e)', () => {
    assert.deepStrictEqual(brief('The two leaders remain committed to achieving a durable peace.'), ['remain committed to:hedged']);
    assert.deepStrictEqual(brief('Our family businesses remain committed to helping customers.'), []);
    assert.deepStrictEqual(brief('The Department has been committed to supporting veterans.'), []);
    assert.deepStrictEqual(brief('The leaders committed to supporting veterans.'), ['committed to:firm']);
    assert.deepStrictEqual(brief('They discussed how the Alliance implements deliverables agreed to at the Madrid Summit.'), ['discussed:hedged']);
    assert.deepStrictEqual(brief('The leaders agreed to meet at the summit.'), ['agreed to:firm']);
    assert.deepStrictEqual(brief('The Bipartisan Infrastructure Law will rebuild roads.'), []);
    assert.deepStrictEqual(brief('Collaboration will continue in the coming weeks, and the Steering Committee will hold its next meeting in May.'), ['will:firm']);
    assert.deepStrictEqual(brief('The two Presidents tasked their teams with pursuing negotiations on an agreement.'), ['tasked:firm']);
    assert.deepStrictEqual(brief('The Board, a panel tasked with this responsibility, met today.'), []);
    assert.deepStrictEqual(brief('Officials and participants agreed that more work involving government, the private sector, and civil society is urgently needed.'), ['agreed that:hedged']);
    assert.deepStrictEqual(brief('The leaders welcomed that the ministers of Australia, Japan, and Korea intend to meet later this year.'), ['welcomed:hedged']);
    assert.deepStrictEqual(brief('The Vice President made clear it is critical to ensure that civilians are protected and underscored the right to self-determination, and that both peoples must have security.'), ['is critical:hedged', 'underscored:hedged']);
    assert.deepStrictEqual(brief('He said that the leaders had agreed to meet and that Japan would host the summit.'), ['agreed to:firm', 'would:firm']);
    assert.deepStrictEqual(brief('He offered all appropriate means of support to the Government of Israel.'), ['offered all appropriate means of support:hedged']);
  });
});
