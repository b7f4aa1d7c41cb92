// Topic rules of issue #13 (docs/commitment-policy.md, Refining T2, T4 and T6): each case reads the built-in lexicons
// through analyze(), as the extension does, and would read otherwise without its rule.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon } from '../../src/core/pipeline/compile';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import type { SentenceTopics } from '../../src/core/types';
import { compiledBuiltins, readRepoFile } from './helpers';

const topicsOf = (paragraphs: string[], lexicon = compiledBuiltins()): SentenceTopics[] => analyze(paragraphs.join('\n\n'), lexicon).topics;

describe('topics: the relationship as a whole (policy T2, T2.f)', () => {
  const opening = 'President Biden spoke today with President Lula of Brazil.';

  it('a sentence of the relationship whose evidence spreads over several topics is bilateral-relations, the best of them its secondary', () => {
    const t = topicsOf([opening, 'The leaders discussed deepening their partnership on climate change, global health and trade.'])[1];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
    assert.ok(t.secondary !== undefined && t.secondary !== 'bilateral-relations', JSON.stringify(t));
  });

  it('keeps the primary where one topic leads, where no word of the relationship is written, or where another topic is named first', () => {
    const [, leads, noWord, last] = topicsOf([
      opening,
      'The leaders discussed deepening their partnership on climate change, clean energy, emissions and trade.',
      'The leaders discussed climate change, global health and trade.',
      'The leaders discussed climate change, global health, trade and their partnership.',
    ]);
    assert.strictEqual(leads.primary, 'energy-climate', JSON.stringify(leads));
    assert.notStrictEqual(noWord.primary, 'bilateral-relations', JSON.stringify(noWord));
    assert.notStrictEqual(last.primary, 'bilateral-relations', JSON.stringify(last));
  });

  it('is multilateral where three or more met (T2)', () => {
    const t = topicsOf(['President Biden met today with Prime Minister Modi of India and President Widodo of Indonesia.', 'The leaders discussed deepening their partnership on climate change, global health and trade.'])[1];
    assert.strictEqual(t.primary, 'multilateral', JSON.stringify(t));
  });

  it('leaves a workspace keyword its primary (T-user)', () => {
    const builtins = loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }))).lexicon;
    const workspace = 'topics:\n  - id: health\n    label: Health\n    icon: heart\n    keywords: [oceans]\n';
    const withUser = compileLexicon(loadLexiconFiles([{ file: 'workspace.yaml', text: workspace }], builtins).lexicon);
    const t = topicsOf([opening, 'The leaders discussed deepening their partnership on oceans, climate change and trade.'], withUser)[1];
    assert.strictEqual(t.primary, 'health', JSON.stringify(t));
    assert.strictEqual(t.evidence?.rule, 'user');
  });
});

describe('topics: the subject named first (policy T4, T4.a)', () => {
  it('is the secondary of a sentence whose scores made another topic the primary', () => {
    const t = topicsOf(['They discussed trade, and agreed to strengthen security cooperation, deterrence and the alliance.'])[0];
    assert.strictEqual(t.primary, 'security', JSON.stringify(t));
    assert.strictEqual(t.secondary, 'economy-trade', JSON.stringify(t));
  });

  it('leaves a sentence of one topic alone', () => {
    const t = topicsOf(['They agreed to strengthen deterrence and the alliance.'])[0];
    assert.strictEqual(t.primary, 'security', JSON.stringify(t));
    assert.notStrictEqual(t.secondary, 'economy-trade', JSON.stringify(t));
  });
});

describe('topics: the subject named first leads (policy T4, T4.b)', () => {
  const opening = 'President Biden spoke today with Prime Minister Kishida of Japan.';

  it('is the primary where its evidence is about as strong as the best topic\'s, which becomes the secondary', () => {
    const t = topicsOf([opening, 'President Biden raised opportunities to advance cooperation on a range of economic, technology, security, and diplomatic issues.'])[1];
    assert.strictEqual(t.primary, 'economy-trade', JSON.stringify(t));
    assert.strictEqual(t.secondary, 'security', JSON.stringify(t));
  });

  it('stays the secondary where one topic clearly leads (T4.a)', () => {
    const t = topicsOf([opening, 'They discussed trade, and agreed to strengthen security cooperation, deterrence and the alliance.'])[1];
    assert.strictEqual(t.primary, 'security', JSON.stringify(t));
    assert.strictEqual(t.secondary, 'economy-trade', JSON.stringify(t));
  });
});

describe('topics: words of a crisis, not of a topic (policy T4, T5)', () => {
  it('"humanitarian" names no topic of its own: the aid takes the crisis its paragraph is about', () => {
    const [, aid] = topicsOf(['They discussed the war in Gaza. They also discussed urgent humanitarian needs.'.replace('. ', '.\n')]);
    assert.strictEqual(aid.primary, 'middle-east', JSON.stringify(aid));
  });

  it('"AIDS" is health only as written in capitals: "aid" is no disease', () => {
    const [aid, aids] = topicsOf(['They discussed aid to farmers.', 'They discussed the fight against HIV and AIDS.']);
    assert.notStrictEqual(aid.primary, 'health', JSON.stringify(aid));
    assert.strictEqual(aids.primary, 'health', JSON.stringify(aids));
  });
});

describe('topics: a title is no courtesy (policy T2, T2.a)', () => {
  it('a sentence whose only topic words are a title continues its paragraph instead of turning other', () => {
    const [, title] = topicsOf(['They discussed new sanctions on Russia.\nNational Security Advisor Jake Sullivan will follow up.']);
    assert.strictEqual(title.primary, 'russia-ukraine', JSON.stringify(title));
  });

  it('courtesy stays other', () => {
    const [, thanks] = topicsOf(['They discussed new sanctions on Russia.\nThe President thanked the Chancellor for the call.']);
    assert.strictEqual(thanks.primary, 'other', JSON.stringify(thanks));
  });
});

describe("topics: a title's portfolio is no subject (policy T2, T2.p)", () => {
  const before = 'They discussed new sanctions on Russia.\n';
  it('the portfolio after the office ("Minister of Health", "Under Secretary for Nuclear Security") counts for no topic', () => {
    for (const line of [
      'Under Secretary for Nuclear Security Jill Hruby will follow up.',
      'Minister of Health Jane Doe will follow up.',
      'Assistant to the President for National Security Affairs Jake Sullivan attended.',
      'The Minister for Foreign Affairs and Trade attended.',
      'Minister of State for Climate Graham Stuart attended.',
      'Energy Secretary Jennifer Granholm attended.',
    ]) {
      const [, t] = topicsOf([before + line]);
      assert.strictEqual(t.primary, 'russia-ukraine', line + ' ' + JSON.stringify(t));
    }
  });

  it('the same words outside a title, or after a comma that ends it, still count', () => {
    const [, own] = topicsOf([before + 'The Minister of Health discussed clean energy and emissions.']);
    assert.strictEqual(own.primary, 'energy-climate', JSON.stringify(own));
    const [, comma] = topicsOf([before + 'They met the Minister of State, Energy and Emissions being the agenda.']);
    assert.strictEqual(comma.primary, 'energy-climate', JSON.stringify(comma));
  });
});

describe('topics: the parties the header names (policy T2, T2.i)', () => {
  const body = [
    "On the afternoon of September 10, the Vice Premier of the State Council met with Brazil's Minister of Finance in Beijing.",
    'The Brazilian Minister said that Brazil attaches great importance to its relations with China.',
    'China hopes that Brazil will continue to provide a fair business environment for Chinese enterprises and investment.',
  ];
  const withHeader = (header: string): SentenceTopics[] => topicsOf([`---\ntitle: Vice Premier Meets with Brazilian Minister\ndate: 2024-09-10\n${header}---\n${body[0]}`, ...body.slice(1)]);

  it("the issuing government is a party: its name in a sentence of the relationship is that relationship, not the country's topic", () => {
    const [, relations, trade] = withHeader('government: China\n');
    assert.strictEqual(relations.primary, 'bilateral-relations', JSON.stringify(relations));
    // What the sentence is about stays among its topics (the trained model may break the near-tie with China's own, T1.c).
    assert.ok([trade.primary, trade.secondary].includes('economy-trade'), JSON.stringify(trade));
  });

  it('so are the countries of the participants; without a header the country named stays the subject', () => {
    const [, relations] = withHeader('participants: [Vice Premier of China, Minister of Finance of Brazil]\n');
    assert.strictEqual(relations.primary, 'bilateral-relations', JSON.stringify(relations));
    const [, bare] = topicsOf(body);
    assert.strictEqual(bare.primary, 'china', JSON.stringify(bare));
  });
});

describe('topics: title, dateline and signature lines (policy T6, T6.d)', () => {
  const header = '---\ntitle: Prime Minister Meets President of Indonesia\ndate: 2024-05-12\ngovernment: Japan\n---\n';
  const opening = 'On May 12, Prime Minister Kishida held a summit meeting with President Joko Widodo of Indonesia.';

  it('a title line and a dateline above the opening are other, and the opening after them names the parties', () => {
    const [title, dateline, meeting, relations] = analyze(`${header}Japan-Indonesia Summit Meeting\n\nTokyo, 12 May 2024\n\n${opening}\n\nPrime Minister Kishida said that Japan attaches importance to its relations with Indonesia.`, compiledBuiltins()).topics;
    assert.deepStrictEqual([title.primary, title.evidence?.rule, dateline.primary, dateline.evidence?.rule], ['other', 'layout', 'other', 'layout']);
    assert.strictEqual(title.secondary, undefined, 'no secondary topic from the model either');
    assert.strictEqual(meeting.evidence?.rule, 'opening', JSON.stringify(meeting));
    assert.strictEqual(relations.primary, 'bilateral-relations', JSON.stringify(relations));
  });

  it('a first sentence written as a document title is other; a signature block at the end too', () => {
    const t = topicsOf(["Chairman's Statement of the 45th ASEAN Summit, Vientiane.", 'We, the Heads of State or Government of ASEAN, met in Vientiane.', "Spokesperson's Office, Ministry of Foreign Affairs"]);
    assert.strictEqual(t[0].primary, 'other', JSON.stringify(t[0]));
    assert.strictEqual(t[2].primary, 'other', JSON.stringify(t[2]));
  });

  it('keeps a first sentence cut short by a comma, a line that says who met, an italic deck and a section heading', () => {
    const cut = topicsOf(['National Security Advisor of India Shri Ajit Doval met with National Security Advisor Jake Sullivan in New Delhi on 6 January,', '2025.'])[0];
    assert.strictEqual(cut.evidence?.rule, 'opening', JSON.stringify(cut));
    const deck = topicsOf(['*Task Force discussed ways to lower prices at the pump and secure energy independence*', 'The task force met today.'])[0];
    assert.notStrictEqual(deck.evidence?.rule, 'layout', JSON.stringify(deck));
    const [, heading] = topicsOf([opening, 'Economic Security', '- The leaders agreed to strengthen supply chains.']);
    assert.notStrictEqual(heading.evidence?.rule, 'layout', JSON.stringify(heading));
  });
});

describe('topics: three countries at the table (policy T2, T2.g)', () => {
  it('counts the countries persons bring with the places named: the issuer, the Philippines and Japan are multilateral', () => {
    const t = topicsOf(['Vice President Kamala Harris met with President Ferdinand Marcos Jr. of the Philippines and Prime Minister Fumio Kishida of Japan in Jakarta, Indonesia.'])[0];
    assert.strictEqual(t.primary, 'multilateral', JSON.stringify(t));
  });

  it('keeps two countries bilateral', () => {
    const t = topicsOf(['Vice President Kamala Harris met with Prime Minister Fumio Kishida of Japan in Jakarta, Indonesia.'])[0];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });
});

describe('topics: a region is a frame, not a subject (policy T4)', () => {
  const opening = 'President Biden spoke today with Prime Minister Kishida of Japan.';

  it('"a free and open Indo-Pacific" is no more than its entity\'s hint: it does not outweigh the relationship; defence words still make security', () => {
    const [, vision, defence] = topicsOf([opening, 'The leaders reaffirmed the strength of their relationship and their work on trade for a free and open Indo-Pacific.', 'They agreed to strengthen deterrence and defense cooperation in the Indo-Pacific.']);
    assert.strictEqual(vision.primary, 'bilateral-relations', JSON.stringify(vision));
    assert.strictEqual(defence.primary, 'security', JSON.stringify(defence));
  });
});

describe('topics: an opening written over a line break or with no-break spaces (policy T2, T2.j)', () => {
  const nbsp = '\u00a0';

  it('reads who met whom over a no-break space', () => {
    const t = topicsOf([`President Biden spoke${nbsp}today${nbsp}with President Lula of Brazil.`])[0];
    assert.strictEqual(t.evidence?.rule, 'opening', JSON.stringify(t));
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });

  it('reads who met whom over a line break, a two-word verb of meeting too', () => {
    const spoke = topicsOf(['President Biden spoke by phone\ntoday with President Lula of Brazil.'])[0];
    const held = topicsOf([`President Biden held a\n${nbsp}call with President Lula of Brazil.`])[0];
    assert.strictEqual(spoke.evidence?.rule, 'opening', JSON.stringify(spoke));
    assert.strictEqual(held.evidence?.rule, 'opening', JSON.stringify(held));
  });

  it('reads a venue word before a no-break space: the forum they met at is no party (T2.c)', () => {
    const t = topicsOf([`President Biden met with President Lula of Brazil on the margins of${nbsp}the G20 Summit.`])[0];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });
});

describe("topics: a third party's relations are not the parties' own (policy T2, T2.h)", () => {
  const opening = 'President Biden met with President Isaac Herzog of Israel.';

  it("a party's relations with a country not at the meeting are about that party, not the relationship", () => {
    const t = topicsOf([opening, "They welcomed Israel's improved diplomatic relations with Türkiye."])[1];
    assert.strictEqual(t.primary, 'middle-east', JSON.stringify(t));
  });

  it('so are relations between one side and an unnamed other ("between Israel and its neighbours")', () => {
    const t = topicsOf([opening, 'They supported the normalization of relations between Israel and its neighbours.'])[1];
    assert.strictEqual(t.primary, 'middle-east', JSON.stringify(t));
  });

  it('the relationship between the parties themselves stays bilateral-relations', () => {
    const [, own, ours] = topicsOf([opening, 'They reaffirmed the enduring relationship between the United States and Israel.', 'They reaffirmed the relationship between our two countries.']);
    assert.strictEqual(own.primary, 'bilateral-relations', JSON.stringify(own));
    assert.strictEqual(ours.primary, 'bilateral-relations', JSON.stringify(ours));
  });

  it("reads China's relations with Russia in a US–Japan readout as China's", () => {
    const t = topicsOf(['President Biden met with Prime Minister Kishida of Japan.', "They discussed China's deepening relations with Russia."])[1];
    assert.strictEqual(t.primary, 'china', JSON.stringify(t));
  });
});

describe("topics: a party written as the owner of the subject (policy T3, T3.a)", () => {
  it("keeps the party's own topic whole: Israel's security, Zelenskyy's commitment to a just peace", () => {
    const [, security] = topicsOf(['President Biden met with Prime Minister Benjamin Netanyahu of Israel.', 'The President emphasized the unwavering commitment of the United States to Israel’s security.']);
    assert.strictEqual(security.primary, 'middle-east', JSON.stringify(security));
    const [, peace] = topicsOf(['President Biden met with President Volodymyr Zelenskyy of Ukraine.', 'President Biden welcomed President Zelenskyy’s commitment to a just peace based on fundamental principles enshrined in the United Nations Charter.']);
    assert.strictEqual(peace.primary, 'russia-ukraine', JSON.stringify(peace));
  });

  it("not the ROK's: its hint is the peninsula around it, not the ROK itself", () => {
    const [, concerns] = topicsOf(['President Biden met with President Yoon Suk Yeol of the Republic of Korea.', 'They discussed the ROK’s concerns regarding the tax incentives for electric vehicles.']);
    assert.notStrictEqual(concerns.primary, 'korean-peninsula', JSON.stringify(concerns));
  });
});

describe("topics: a party owning the subject beside the relationship's words (policy T3, T3.b)", () => {
  const opening = 'President Biden spoke with Prime Minister Netanyahu of Israel.';

  it("Israel's security stays Israel's though the sentence also keeps in touch", () => {
    const t = topicsOf([opening, 'The President stressed the iron-clad U.S. commitment to Israel’s security, and agreed that his team would remain in constant touch with their Israeli counterparts.'])[1];
    assert.strictEqual(t.primary, 'middle-east', JSON.stringify(t));
  });

  it("a party owning the relationship itself (China's relations) is one side of it", () => {
    const t = topicsOf(['President Biden spoke with President Xi Jinping of China.', 'The two leaders discussed China’s relations with the United States and agreed to stay in touch.'])[1];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });
});

describe('topics: a courtesy opening on a subject (policy T6, T6.g)', () => {
  it('congratulations on what a subject names take that subject', () => {
    const t = topicsOf(['President Biden spoke with Prime Minister Netanyahu of Israel to congratulate him on the mission conducted in Gaza that killed Hamas leader Yahya Sinwar.'])[0];
    assert.strictEqual(t.primary, 'middle-east', JSON.stringify(t));
  });

  it('congratulations on an election, or on an appointment to a title, stay other (T6.a, T6.e)', () => {
    const [election] = topicsOf(['President Biden called President Erdogan today to congratulate him on his re-election as President of Türkiye.']);
    assert.strictEqual(election.primary, 'other', JSON.stringify(election));
    const [title] = topicsOf(['Jake Sullivan called Dr. Monica Juma today to congratulate her on her appointment as Kenya’s first-ever National Security Advisor.']);
    assert.strictEqual(title.primary, 'other', JSON.stringify(title));
  });
});

describe('topics: where they met, however it is written (policy T2, T2.c)', () => {
  it("a forum's acronym in parentheses after it is the same venue, not a forum they met as", () => {
    const t = topicsOf(['Vice President Kamala Harris met with Prime Minister Justin Trudeau of Canada on the margins of the Asia-Pacific Economic Cooperation (APEC) Leaders Meeting.'])[0];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });

  it('a state or country after a city no lexicon knows is the venue ("in Wilmington, Delaware")', () => {
    const t = topicsOf(['President Biden met with Prime Minister Anthony Albanese of Australia today in Wilmington, Delaware.'])[0];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });

  it('a forum right after the verb of meeting is the meeting itself ("participated in the APEC …")', () => {
    const t = topicsOf(['Today President Biden participated in the Asia-Pacific Economic Cooperation (APEC) Virtual Leaders’ Meeting hosted by Prime Minister Jacinda Ardern of New Zealand.'])[0];
    assert.strictEqual(t.primary, 'multilateral', JSON.stringify(t));
  });
});

describe('the trained model and the parties\' names (policy T1.e)', () => {
  const builtins = loadLexiconFiles(BUILTIN_LEXICON_FILES.filter((f) => f !== 'topic-model.yaml').map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }))).lexicon;
  // A model of its own that would make every near-tie the relationship's, so the test says what the rule does.
  const model = [
    'topic-model:',
    '  margin: 100',
    '  tieMargin: 1',
    '  prior: {bilateral-relations: -1, security: -1, other: -1}',
    '  unseen: {bilateral-relations: -6, security: -6, other: -6}',
    '  words:',
    '    "defense": {security: -4}',
    '    "zebra": {bilateral-relations: -1}',
  ].join('\n');
  const withModel = compileLexicon(loadLexiconFiles([{ file: 'model.yaml', text: model }], builtins).lexicon);
  const rulesOnly = compileLexicon(builtins);
  const opening = 'President Biden spoke today with President Lula of Brazil.';

  it('does not make the relationship the primary where only the parties\' names give it the near-tie', () => {
    const text = [opening, 'The United States and Brazil discussed defense and zebras.'];
    const rules = topicsOf(text, rulesOnly)[1];
    assert.deepStrictEqual([rules.primary, rules.secondary], ['security', 'bilateral-relations'], JSON.stringify(rules));
    const t = topicsOf(text, withModel)[1];
    assert.strictEqual(t.primary, 'security', JSON.stringify(t));
  });

  it('still may where a word of the relationship is written (T1.c)', () => {
    const t = topicsOf([opening, 'The United States and Brazil discussed defense and zebras in their relationship.'], withModel)[1];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });
});

describe('topics: defence relationships, groupings and bodies as such (policy T2, T2.b, topic rule 4)', () => {
  const rulesOnly = compileLexicon(loadLexiconFiles(BUILTIN_LEXICON_FILES.filter((f) => f !== 'topic-model.yaml').map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }))).lexicon);
  const opening = 'President Biden spoke today with Prime Minister Kristersson of Sweden.';

  it('a relationship of defence (a defense partnership, a security partnership, collective security) is security, not the relationship', () => {
    for (const s of [
      'The leaders welcomed the decades-long U.S.-Sweden defense partnership and their ties.',
      'The leaders reaffirmed the strength of the U.S.-Swedish relationship and efforts to bolster their collective security.',
      'The leaders welcomed the transition to an enduring bilateral security partnership between the United States and Sweden.',
    ]) {
      const t = topicsOf([opening, s], rulesOnly)[1];
      assert.strictEqual(t.primary, 'security', `${s} ${JSON.stringify(t)}`);
    }
  });

  it('the Quad, the OSCE, the ASEAN Regional Forum, the East Asia Summit and the SCO as such are multilateral', () => {
    for (const s of [
      'The leaders discussed their work together through the Quad.',
      'The leaders discussed the Organization for Security and Cooperation in Europe (OSCE) as a venue for dialogue.',
      'The leaders looked forward to the East Asia Summit.',
    ]) {
      const t = topicsOf([opening, s], rulesOnly)[1];
      assert.strictEqual(t.primary, 'multilateral', `${s} ${JSON.stringify(t)}`);
    }
  });
});

describe("topics: the parties' shared concerns are their relationship (policy T2 vocabulary)", () => {
  it('"issues of common concern" and "areas of mutual concern" speak of the relationship', () => {
    const [, common, mutual] = topicsOf([
      'President Biden spoke today with President Lula of Brazil.',
      'The leaders also exchanged views on international matters of common concern.',
      'They agreed to address mutual concerns through their dialogue.',
    ]);
    assert.ok(common.primary === 'bilateral-relations' || common.secondary === 'bilateral-relations', JSON.stringify(common));
    assert.strictEqual(mutual.primary, 'bilateral-relations', JSON.stringify(mutual));
  });
});

describe('topics: the parties together before a speaking verb are an opening (policy T2, T2.o)', () => {
  it('"X and Y talked today about …" is who met whom, what about its secondary; elsewhere "spoke about" is no meeting', () => {
    const [open, later] = topicsOf([
      'President Joe Biden and Prime Minister Mario Draghi of Italy talked today about the latest developments in Afghanistan and the G20.',
      'The President spoke about the summit of the G20.',
    ]);
    assert.strictEqual(open.primary, 'bilateral-relations', JSON.stringify(open));
    assert.strictEqual(open.evidence?.rule, 'opening', JSON.stringify(open));
    assert.notStrictEqual(later.primary, 'bilateral-relations', JSON.stringify(later));
  });
});

describe('topics: a courtesy opening that names the relationship takes it (policy T6, T6.i)', () => {
  it('"thanked him for his partnership" is bilateral-relations; congratulations on an election stay other', () => {
    const [thanks] = topicsOf(['Vice President Kamala Harris spoke today with President William Ruto of Kenya and thanked him for his partnership.']);
    assert.strictEqual(thanks.primary, 'bilateral-relations', JSON.stringify(thanks));
    const [election] = topicsOf(['President Biden spoke today with Prime Minister Kishida of Japan to congratulate him on his election.']);
    assert.strictEqual(election.primary, 'other', JSON.stringify(election));
  });
});

describe('topics: staying in consultation is keeping in touch (policy T2 vocabulary)', () => {
  it('"remain in close consultation" after a paragraph on Gaza is the relationship, not the paragraph\'s topic', () => {
    const t = topicsOf([
      'President Biden spoke today with Prime Minister Netanyahu of Israel. They discussed the situation in Gaza and the hostages held by Hamas. They agreed that their teams would remain in close consultation.',
    ])[2];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });

  it('a summit they met ahead of is where they met, no party (T2.c)', () => {
    const [t] = topicsOf(["President Joseph R. Biden, Jr. met today with Chancellor Olaf Scholz of Germany ahead of the G7 Leaders' Summit."]);
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
    assert.strictEqual(t.secondary, 'multilateral', JSON.stringify(t));
  });
});

describe('topics: a conflict in a place without a topic of its own is security (policy T4 vocabulary)', () => {
  it('peacekeepers, peace support operations and an escalation of violence are security, not human-rights', () => {
    const t = topicsOf(['President Biden spoke today with President Ruto of Kenya.', 'They discussed trade and investment.', 'The leaders condemned the escalation of violence in the region and welcomed the support for peacekeepers.'])[2];
    assert.strictEqual(t.primary, 'security', JSON.stringify(t));
  });
});

describe('topics: greetings on a holiday are courtesy (policy T6 vocabulary)', () => {
  it('wishes and greetings on a national day or a new year are other, the parties named in them no subject (T6.c)', () => {
    const [, greetings, wished] = topicsOf([
      'President Biden spoke today with Prime Minister Trudeau of Canada.',
      'The President sent his greetings to the Canadian people on their national day.',
      'The Prime Minister wished the President and the American people a happy new year.',
    ]);
    assert.strictEqual(greetings.primary, 'other', JSON.stringify(greetings));
    assert.strictEqual(wished.primary, 'other', JSON.stringify(wished));
  });
});

describe('topics: the climate conference by its full name (policy T4 vocabulary)', () => {
  it('"the Conference of the Parties" is energy-climate, as COP28 is', () => {
    const t = topicsOf(['President Biden spoke today with President Lula of Brazil.', 'They discussed trade and investment.', 'The President looked forward to the thirtieth Conference of the Parties in Belem.'])[2];
    assert.strictEqual(t.primary, 'energy-climate', JSON.stringify(t));
  });
});

describe('topics: a business environment is economy-trade (policy T4 vocabulary)', () => {
  it('names economy-trade where a party is named as the owner of the firms', () => {
    const t = topicsOf(['Vice Premier He Lifeng met with Brazil’s Minister of Finance.', 'China hopes Brazil will keep an open business environment for Chinese firms.'])[1];
    assert.ok(t.primary === 'economy-trade' || t.secondary === 'economy-trade', JSON.stringify(t));
  });
});

describe('topics: the World Cup and the world wars are names, not the world (policy T6 vocabulary)', () => {
  it('"World" in the name of a war or a tournament is no evidence of multilateral', () => {
    const [, cup, war] = topicsOf([
      'President Biden spoke today with the Amir of Qatar.',
      'The President congratulated the Amir on hosting the World Cup.',
      'He laid a wreath for the soldiers who fell in the Second World War.',
    ]);
    assert.notStrictEqual(cup.primary, 'multilateral', JSON.stringify(cup));
    assert.notStrictEqual(war.primary, 'multilateral', JSON.stringify(war));
  });
});

describe('topics: a route for people to live, work or study abroad is people-exchange (policy T4 vocabulary)', () => {
  it('labour mobility and a mobility pathway are people-exchange, as visas are, not the relationship', () => {
    const t = topicsOf(['Prime Minister Albanese met with Prime Minister Feleti Teo of Tuvalu.', 'Australia will open a mobility pathway for workers from Tuvalu to come to Australia.'])[1];
    assert.strictEqual(t.primary, 'people-exchange', JSON.stringify(t));
  });
});

describe('topics: "the world" names no body (policy T2.b)', () => {
  it('a partnership that serves the world is the relationship, and "around the world" is not multilateral', () => {
    const [, serve, around] = topicsOf([
      'President Biden met with Prime Minister Modi of India.',
      'The leaders said their partnership must continue to serve a peaceful and prosperous world.',
      'The President reiterated his support for human rights around the world.',
    ]);
    assert.strictEqual(serve.primary, 'bilateral-relations', JSON.stringify(serve));
    assert.ok(around.primary === 'human-rights' && around.secondary !== 'multilateral', JSON.stringify(around));
  });
});

describe('topics: "international" alone names no body (policy T2.b)', () => {
  it('international law is not multilateral; the international order and international institutions are', () => {
    const [, law, order] = topicsOf([
      'President Biden spoke today with President Marcos of the Philippines.',
      'They called on all parties to respect international law at sea.',
      'They affirmed their support for the rules-based international order and for international institutions.',
    ]);
    assert.notStrictEqual(law.primary, 'multilateral', JSON.stringify(law));
    assert.strictEqual(order.primary, 'multilateral', JSON.stringify(order));
  });
});

describe('topics: decisions about one’s own body are reproductive health (policy T4 vocabulary)', () => {
  it('is health, as reproductive rights are, before the rights words around it', () => {
    const t = topicsOf(['The Vice President met with state legislators.', 'They discussed how to defend the right of women to make decisions about their own bodies.'])[1];
    assert.strictEqual(t.primary, 'health', JSON.stringify(t));
  });
});

describe('topics: ransomware is cyber security (policy T4 vocabulary)', () => {
  it('is security, as cyber is', () => {
    const t = topicsOf(['President Biden spoke with President Putin of Russia.', 'President Biden emphasized that he is committed to continued engagement on the broader threat posed by ransomware.'])[1];
    assert.strictEqual(t.primary, 'security', JSON.stringify(t));
  });
});

describe('topics: Rafah and the Gulf region are the Middle East (policy T3, T4 vocabulary)', () => {
  it('a military operation in Rafah and stability in the Gulf region are middle-east, not security as such', () => {
    const [, rafah, gulf] = topicsOf([
      'The Vice President met with King Abdullah II of Jordan.',
      'She said that a military operation in Rafah should not proceed without a credible plan.',
      'She underscored the commitment to promoting security and stability in the Gulf region.',
    ]);
    assert.strictEqual(rafah.primary, 'middle-east', JSON.stringify(rafah));
    assert.strictEqual(gulf.primary, 'middle-east', JSON.stringify(gulf));
  });
});

describe('topics: a hack and a cyberattack are cyber security (policy T4 vocabulary)', () => {
  it('names security for a hack, as for cyber', () => {
    const t = topicsOf(['President Biden spoke with President Putin of Russia.', 'He also raised the recent hack of government networks.'])[1];
    assert.ok(t.primary === 'security' || t.secondary === 'security', JSON.stringify(t));
  });
});

describe('topics: missile defence is defence as such (policy T4 vocabulary)', () => {
  it('the Iron Dome names security', () => {
    const t = topicsOf(['President Biden spoke with Prime Minister Bennett of Israel.', 'He emphasized his full support for replenishing the Iron Dome system.'])[1];
    assert.ok(t.primary === 'security' || t.secondary === 'security', JSON.stringify(t));
  });
});

describe('topics: a body named again by its short name counts once (policy T2.k, T2.b)', () => {
  const opening = 'President Biden spoke today with President Niinisto of Finland.';

  it('"NATO … the Alliance" is NATO named twice: multilateral, as NATO alone is', () => {
    const t = topicsOf([opening, 'They discussed continued NATO unity as the Alliance implements its deliverables.'])[1];
    assert.strictEqual(t.primary, 'multilateral', JSON.stringify(t));
  });

  it('an alliance with no body named is still an alliance (security), and so is one in lower case beside NATO', () => {
    const [, alone, lower] = topicsOf([opening, 'They affirmed that the Alliance remains strong.', 'They discussed NATO and the alliance between their countries.']);
    assert.strictEqual(alone.primary, 'security', JSON.stringify(alone));
    assert.ok(lower.primary === 'security' || lower.secondary === 'security', JSON.stringify(lower));
  });
});

describe('topics: allies are countries, not defence as such; critical infrastructure and self-defence are (policy T4, vocabulary)', () => {
  const opening = 'President Biden spoke today with President Macron of France.';

  it('working with allies and partners names no security subject', () => {
    const t = topicsOf([opening, 'The leaders agreed to continue close coordination with allies and partners on economic recovery.'])[1];
    assert.notStrictEqual(t.primary, 'security', JSON.stringify(t));
  });

  it('critical infrastructure and self-defense are security', () => {
    const [, infra, self] = topicsOf([opening, 'They discussed the protection of critical infrastructure.', 'He stated that the United States will act, as needed, in self-defense.']);
    assert.strictEqual(infra.primary, 'security', JSON.stringify(infra));
    assert.strictEqual(self.primary, 'security', JSON.stringify(self));
  });
});

describe('topics: a list under a framing line or an introducer without words (policy T5, T5.a)', () => {
  const opening = 'Prime Minister Ishiba held a summit meeting with President Lee of the Republic of Korea.';

  it('items under "… as follows:" keep their own topics; one without words continues the item before it', () => {
    const [, intro, chips, dprk, hope] = topicsOf([
      opening,
      'The overview of the meeting is as follows:',
      '1. The two leaders agreed to strengthen cooperation on semiconductors and supply chains.\n2. They exchanged views on North Korea\'s nuclear and missile programmes.\n3. Both leaders hope that talks can resume soon.',
    ]);
    assert.strictEqual(intro.primary, 'other', JSON.stringify(intro));
    assert.notStrictEqual(chips.primary, 'other', JSON.stringify(chips));
    assert.strictEqual(dprk.primary, 'korean-peninsula', JSON.stringify(dprk));
    assert.strictEqual(hope.primary, 'korean-peninsula', JSON.stringify(hope));
    assert.strictEqual(hope.evidence?.rule, 'previous');
  });

  it('an introducer without words of its own takes its list\'s topic, and so do its items without words', () => {
    const [, intro, , , last] = topicsOf([opening, 'The leaders set three priorities:', '- deepening defence cooperation;\n- joint military exercises;\n- working together more closely.']);
    assert.strictEqual(intro.primary, 'security', JSON.stringify(intro));
    assert.strictEqual(last.primary, 'security', JSON.stringify(last));
    assert.strictEqual(last.evidence?.rule, 'list');
  });

  it('an introducer announcing what follows stays other though its items have topics (T6.f)', () => {
    const [, intro, item] = topicsOf([opening, 'The main points of the talks were:', '- deepening defence cooperation;\n- joint military exercises.']);
    assert.strictEqual(intro.primary, 'other', JSON.stringify(intro));
    assert.strictEqual(item.primary, 'security', JSON.stringify(item));
  });

  it('a list of attendance stays names: "Speakers:" and its items are other (T6.b)', () => {
    const [, intro, item] = topicsOf([opening, 'Speakers:', '- Rep. Mary Jo Daley, Women’s Health Caucus Co-Chair\n- Sen. Maria Collett, Senate Caucus Secretary']);
    assert.strictEqual(intro.primary, 'other', JSON.stringify(intro));
    assert.strictEqual(item.primary, 'other', JSON.stringify(item));
  });
});

describe('topics: congratulations that name the elections (policy T6, T6.e)', () => {
  const opening = 'The President of the Republic spoke by telephone with the President of Senegal.';

  it('in a sentence of courtesy the election\'s words are no subject', () => {
    const [, named, victory] = topicsOf([
      opening,
      'The Head of State congratulated his counterpart on the smooth conduct of the legislative elections and on the confidence shown by the Senegalese people.',
      'He congratulated President Faye on his victory in the presidential election.',
    ]);
    assert.strictEqual(named.primary, 'other', JSON.stringify(named));
    assert.strictEqual(victory.primary, 'other', JSON.stringify(victory));
  });

  it('elections outside courtesy keep their topic, and a courtesy that names another subject takes it', () => {
    const [, rights, trade] = topicsOf([opening, 'The leaders stressed the importance of free and fair elections.', 'He thanked him for the free and fair elections and discussed trade and investment.']);
    assert.strictEqual(rights.primary, 'human-rights', JSON.stringify(rights));
    assert.strictEqual(trade.primary, 'economy-trade', JSON.stringify(trade));
  });
});

describe('topics: a format of two parties is their relationship\'s meeting (policy T2, T2.n)', () => {
  it('an opening "for the India-U.S. 2+2 Ministerial Dialogue" is bilateral-relations, not multilateral', () => {
    const t = topicsOf(["The U.S. Secretary of State and Secretary of Defense hosted India's Minister of External Affairs and Minister of Defence in Washington for the sixth India-U.S. 2+2 Ministerial Dialogue."])[0];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });

  it('a forum of many still makes the meeting multilateral', () => {
    const t = topicsOf(['Prime Minister Kishida participated in TICAD with African leaders.'])[0];
    assert.strictEqual(t.primary, 'multilateral', JSON.stringify(t));
  });
});

describe('topics: the next visit written as travel (policy T2)', () => {
  it('"will travel to" a party\'s capital is the relationship', () => {
    const t = topicsOf(['The Foreign Secretary met External Affairs Minister Jaishankar in London.', 'The Foreign Secretary will travel to New Delhi later this year.'])[1];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });
});

describe('topics: an announcement of what follows (policy T6, T6.f)', () => {
  const opening = 'Prime Minister Ishiba held a telephone meeting with Prime Minister Carney of Canada.';

  it('is other though it names the meeting; a subject it names keeps its topic', () => {
    const [, meeting, below, subject] = topicsOf([
      opening,
      'The summary of the Japan-Canada Summit telephone meeting is as follows.',
      'An outline of the bilateral meeting is given below.',
      'The outline of the discussion on North Korea is as follows.',
    ]);
    assert.strictEqual(meeting.primary, 'other', JSON.stringify(meeting));
    assert.strictEqual(below.primary, 'other', JSON.stringify(below));
    assert.strictEqual(subject.primary, 'korean-peninsula', JSON.stringify(subject));
  });

  it('thanks for hospitality is courtesy: the parties named are no subject (T6, T6.c)', () => {
    const t = topicsOf([opening, 'Foreign Minister Cho expressed appreciation for the hospitality extended by the Australian Government.'])[1];
    assert.strictEqual(t.primary, 'other', JSON.stringify(t));
  });

  it('an exchange of views is no exchange of people', () => {
    const [, views, youth] = topicsOf([opening, 'Both sides had a candid and in-depth exchange of views.', 'They agreed to expand academic exchanges.']);
    assert.notStrictEqual(views.primary, 'people-exchange', JSON.stringify(views));
    assert.strictEqual(youth.primary, 'people-exchange', JSON.stringify(youth));
  });
});

describe('topics: who met whom in other governments\' words (policy T2)', () => {
  for (const opening of [
    'Chancellor Merz received Prime Minister Tusk at the Chancellery.',
    'On the afternoon of 9 July, Premier Li Qiang had a phone call with Prime Minister Anthony Albanese.',
    'Prime Minister Modi held talks with President Ramaphosa in New Delhi.',
  ]) {
    it(`"${opening}" is the opening: bilateral-relations`, () => {
      const t = topicsOf([opening])[0];
      assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
      assert.strictEqual(t.evidence?.rule, 'opening');
    });
  }
});

describe('topics: dialogue as a means of settling a conflict (policy T2, T2.l)', () => {
  const opening = 'President Mohamed bin Zayed received a phone call from President Macron of France.';

  it('"dialogue and diplomacy" is no channel of the parties: a party owning the position keeps its topic (T3.a)', () => {
    const t = topicsOf([opening, "He affirmed the UAE's position that dialogue and diplomacy are the only way to resolve the region's crises."])[1];
    assert.strictEqual(t.primary, 'middle-east', JSON.stringify(t));
  });

  it('the parties\' own dialogue stays the relationship', () => {
    const t = topicsOf([opening, 'Both sides looked forward to the next round of the UAE–France strategic dialogue.'])[1];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });
});

describe('topics: the relationship of three or more is multilateral (policy T2, T2.m)', () => {
  it('a sentence of the relationship after an opening where three countries met is multilateral', () => {
    // (Not "the close partnership among our countries": there the trained model's near-tie, T1.e, may still name the
    // relationship first, as it may wherever a word of the relationship is written.)
    const t = topicsOf(['President Biden met with President Marcos of the Philippines and Prime Minister Kishida of Japan.', 'The leaders discussed their close partnership.'])[1];
    assert.strictEqual(t.primary, 'multilateral', JSON.stringify(t));
  });

  it('after an opening of two it stays bilateral-relations', () => {
    const t = topicsOf(['President Biden met with President Marcos of the Philippines.', 'The leaders discussed the close partnership between our countries.'])[1];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });
});

describe('topics: a courtesy that names a subject takes it (policy T6)', () => {
  it('thanks for leadership on gender equality is human-rights', () => {
    const t = topicsOf(['Vice President Harris spoke with President Macron of France.', 'The Vice President thanked President Macron for his leadership on the issue of gender equality.'])[1];
    assert.strictEqual(t.primary, 'human-rights', JSON.stringify(t));
  });
});

describe('topics: managing differences in other governments\' words (policy T2)', () => {
  it('"Differences should be properly handled through dialogue" is the relationship, not its paragraph\'s subject', () => {
    const t = topicsOf(["Vice Premier Ding Xuexiang met with Brazil's Minister of Finance.", 'The two sides should deepen financial cooperation. Differences should be properly handled through dialogue.'])[2];
    assert.strictEqual(t.primary, 'bilateral-relations', JSON.stringify(t));
  });
});

describe('topics: what condolences are for is no subject (policy T6, T6.h)', () => {
  const opening = 'President Biden spoke today with President Giammattei of Guatemala.';

  it('a condolence is other, though it names the loss, an attack or a place', () => {
    const [, migrants, attack, war] = topicsOf([
      opening,
      'The President expressed his condolences for the thirteen Guatemalan migrants who were killed in Northern Mexico.',
      'Mr. Sullivan conveyed condolences for the loss of the police officer slain during the violent attacks that took place on September 24.',
      'We all express our condolences to the families of the victims in Poland and Ukraine.',
    ]);
    assert.strictEqual(migrants.primary, 'other', JSON.stringify(migrants));
    assert.strictEqual(attack.primary, 'other', JSON.stringify(attack));
    assert.strictEqual(war.primary, 'other', JSON.stringify(war));
  });

  it('a subject named before the condolences keeps its topic', () => {
    const t = topicsOf([opening, 'He expressed his condemnation of Russia’s missile strikes across Ukraine, and conveyed his condolences to the loved ones of those killed.'])[1];
    assert.strictEqual(t.primary, 'russia-ukraine', JSON.stringify(t));
  });
});

describe('topics: vocabulary of the smaller topics (policy T4)', () => {
  const opening = 'President Biden spoke today with President Lula of Brazil.';
  const primaries = (sentences: string[]): string[] => topicsOf([opening, ...sentences]).slice(1).map((t) => t.primary);

  it('names the well-known terms of health, energy and climate, technology, rights and trade', () => {
    assert.deepStrictEqual(
      primaries([
        'They discussed antimicrobial resistance and the fight against cholera.',
        'They discussed rare earths, graphite and small modular reactors.',
        'They discussed machine learning, data centers and undersea cables.',
        'They discussed the fight against corruption and human trafficking.',
        'They discussed debt restructuring and the role of creditors.',
      ]),
      ['health', 'energy-climate', 'technology', 'human-rights', 'economy-trade'],
    );
  });

  it('a relationship of trade is economy-trade, not the relationship its noun would make it', () => {
    assert.deepStrictEqual(primaries(['The leaders discussed ways to expand their economic relationship.']), ['economy-trade']);
  });
});
