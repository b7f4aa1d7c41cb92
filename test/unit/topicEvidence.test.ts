// Why a sentence has its topic: the evidence the Analysis records (T1–T6), the CLI JSON's topicEvidence, and a
// workspace lexicon's keywords winning where a user wrote them.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { analyzeIncremental, AnalysisCache } from '../../src/core/pipeline/incremental';
import { compileLexicon } from '../../src/core/pipeline/compile';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import { fileReport } from '../../src/core/report/report';
import { evidenceTerms, explainTopic } from '../../src/core/report/topicEvidence';
import type { Analysis } from '../../src/core/types';
import { compiledBuiltins, readRepoFile } from './helpers';

const READOUT = [
  'President Biden spoke today with Prime Minister Kishida of Japan.',
  '',
  'The leaders discussed Russia’s war against Ukraine and agreed to continue imposing sanctions on Russia.',
  'They also welcomed progress on semiconductors and artificial intelligence.',
  '',
  'The leaders set three priorities:',
  '- deepen cooperation on critical minerals;',
  '- expand people-to-people exchanges;',
  '- cooperate closely.',
  '',
  'The President thanked the Prime Minister for his hospitality.',
].join('\n');

function terms(a: Analysis, i: number): string[] {
  return evidenceTerms(a.topics[i], a.readout.sentences[i]);
}

describe('topic evidence', () => {
  const compiled = compiledBuiltins();
  const a = analyze(READOUT, compiled);
  const sentenceOf = (needle: string): number => a.readout.sentences.findIndex((s) => s.text.includes(needle));

  it('names the words that decided a sentence (T1, T4)', () => {
    const i = sentenceOf('war against Ukraine');
    assert.strictEqual(a.topics[i].primary, 'russia-ukraine');
    assert.strictEqual(a.topics[i].evidence?.rule, 'words');
    assert.ok(terms(a, i).some((w) => /Ukraine|Russia/.test(w)), terms(a, i).join(', '));
    const tech = sentenceOf('semiconductors');
    assert.strictEqual(a.topics[tech].primary, 'technology');
    assert.ok(terms(a, tech).some((w) => /semiconductors|artificial intelligence/.test(w)), terms(a, tech).join(', '));
  });

  it('spans lie in their sentence, in text order, and count only for the primary topic', () => {
    a.topics.forEach((t, i) => {
      const s = a.readout.sentences[i];
      const spans = t.evidence?.spans ?? [];
      for (let k = 0; k < spans.length; k += 2) {
        assert.ok(spans[k] >= s.start && spans[k + 1] <= s.end && spans[k] < spans[k + 1], `sentence ${i}`);
        if (k > 0) assert.ok(spans[k] >= spans[k - 2], `sentence ${i} in order`);
      }
    });
  });

  it('says which rule decided a sentence without words of its own (T5) and courtesy (T6)', () => {
    const item = sentenceOf('cooperate closely');
    assert.strictEqual(a.topics[item].evidence?.rule, 'list');
    assert.strictEqual(a.topics[item].evidence?.from, sentenceOf('three priorities'));
    const thanks = sentenceOf('hospitality');
    assert.strictEqual(a.topics[thanks].primary, 'other');
    assert.strictEqual(a.topics[thanks].evidence?.rule, 'courtesy');
    const why = explainTopic(a, item, (id) => id) ?? '';
    assert.match(why, /introduces its list \(T5\)/);
  });

  it('is the same from the editor\'s incremental analysis', () => {
    const cache = new AnalysisCache();
    analyzeIncremental(READOUT.replace('three', 'four'), compiled, cache);
    assert.deepStrictEqual(analyzeIncremental(READOUT, compiled, cache).topics, a.topics);
  });

  it('gives sentences[].topicEvidence in the JSON: rule, policy id, terms, deterministic', () => {
    const report = fileReport('x.readout', a);
    const i = sentenceOf('war against Ukraine');
    const ev = report.sentences[i].topicEvidence;
    assert.ok(ev !== undefined && ev.rule === 'words' && ev.policy === 'T1' && (ev.terms ?? []).length > 0);
    // The list item takes its introducer's topic (T5); the trained model may name its secondary (T1.a).
    const { secondaryRule, ...listed } = report.sentences[sentenceOf('cooperate closely')].topicEvidence ?? {};
    assert.deepStrictEqual(listed, { rule: 'list', policy: 'T5', from: sentenceOf('three priorities') });
    assert.ok(secondaryRule === undefined || secondaryRule === 'model', String(secondaryRule));
    assert.strictEqual(JSON.stringify(fileReport('x.readout', analyze(READOUT, compiled))), JSON.stringify(report));
  });

  it('still gives an Analysis with evidence for bad input: no sentences, only a title, 10,000 list items', () => {
    for (const text of ['', 'Readout of a Call', `Priorities:\n${'- item\n'.repeat(10000)}`]) {
      const r = analyze(text, compiled);
      assert.strictEqual(r.topics.length, r.readout.sentences.length);
      for (const t of r.topics) assert.ok(t.evidence !== undefined);
    }
  });
});

describe('topic keywords from a workspace lexicon', () => {
  const builtins = loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) })));
  const user = 'topics:\n  - id: human-rights\n    label: Human rights\n    icon: law\n    keywords: [sanctions, tariffs]\n';
  const merged = compileLexicon(loadLexiconFiles([{ file: 'workspace.yaml', text: user }], builtins.lexicon).lexicon);
  const text = 'The leaders agreed to impose new sanctions and tariffs on steel imports from third countries.';

  it('win over the built-in topic words where a user wrote them, and say so', () => {
    const before = analyze(text, compiledBuiltins()).topics[0];
    assert.notStrictEqual(before.primary, 'human-rights');
    const after = analyze(text, merged).topics[0];
    assert.strictEqual(after.primary, 'human-rights');
    assert.strictEqual(after.evidence?.rule, 'user');
    const r = analyze(text, merged);
    assert.deepStrictEqual(evidenceTerms(r.topics[0], r.readout.sentences[0]), ['sanctions', 'tariffs']);
  });

  it('leave sentences without the user\'s words as the built-ins decide them', () => {
    const other = 'The leaders discussed semiconductors and artificial intelligence.';
    assert.deepStrictEqual(analyze(other, merged).topics, analyze(other, compiledBuiltins()).topics);
  });
});
