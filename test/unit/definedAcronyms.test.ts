// E2.a: an acronym the readout defines right after a lexicon name is that entry, with its card, wherever the
// readout writes it, though the lexicon does not list the acronym.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { AnalysisCache, analyzeIncremental } from '../../src/core/pipeline/incremental';
import { compiledBuiltins } from './helpers';

const text = [
  'date 2024-05-02',
  '',
  'The leaders welcomed progress on the Partnership for Global Infrastructure and Investment (PGI). They agreed that PGI will expand.',
  '',
  'They met the leaders of Advanced Functional Fabrics of America (AFFOA).',
].join('\n');

describe('acronyms defined after a lexicon name (E2.a)', () => {
  const compiled = compiledBuiltins();
  const analysis = analyze(text, compiled);
  const pgi = analysis.entities.filter((m) => m.text === 'PGI');

  it('gives the acronym, at its definition and after it, the lexicon name\'s id and card', () => {
    assert.strictEqual(pgi.length, 2, JSON.stringify(analysis.entities));
    for (const m of pgi) {
      assert.strictEqual(m.id, 'pgii');
      assert.notStrictEqual(m.known, false);
      assert.strictEqual(m.evidence, 'acronym of: Partnership for Global Infrastructure and Investment');
    }
  });

  it('takes no acronym for a lexicon name that is only the end of a longer one', () => {
    const affoa = analysis.entities.filter((m) => m.text === 'AFFOA');
    assert.ok(affoa.every((m) => m.id !== 'united-states'), JSON.stringify(affoa));
  });

  it('gives the same mentions when the readout is analysed incrementally', () => {
    const again = analyzeIncremental(text, compiled, new AnalysisCache());
    assert.deepStrictEqual(again.entities.filter((m) => m.text === 'PGI').map((m) => m.id), ['pgii', 'pgii']);
  });
});
