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
    assert.strictEqual(trade.primary, 'economy-trade', JSON.stringify(trade));
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
