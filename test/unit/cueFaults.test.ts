// Faults a user lexicon can cause in cue matching (issue 16, classes 1 and 4): a deeply nested pattern is a
// positioned lexicon error and never exhausts the stack; many patterns sharing a first word hit the per-sentence
// work budget, which is reported as a readout problem instead of taking tens of seconds.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon } from '../../src/core/pipeline/compile';
import { AnalysisCache, analyzeIncremental } from '../../src/core/pipeline/incremental';
import { checkCuePattern, compileCuePatterns } from '../../src/core/cues';
import { PATTERN_LIMITS } from '../../src/core/cues/pattern';
import { CUE_WORK_PER_SENTENCE, CUE_WORK_PER_TOKEN } from '../../src/core/cues/matcher';
import { loadLexiconFiles } from '../../src/core/lexicon/files';
import type { CuePattern } from '../../src/core/types';
import { builtInWords } from './cueLexicon';
import { compiledBuiltins } from './helpers';

function nested(depth: number): string {
  return 'agreed ' + '('.repeat(depth) + 'to' + ')'.repeat(depth);
}

function userLexicon(patterns: string[]): string {
  return 'cues:\n' + patterns.map((p, i) => `  - id: user-${i}\n    pattern: "${p}"\n    strength: firm\n    explanation: a user cue\n`).join('');
}

describe('cue faults from user lexicons', function () {
  this.timeout(60_000);

  describe('pattern limits (stack overflow, class 1)', () => {
    it('a pattern nested 10,000 deep is a positioned lexicon error; the other entries load and analysis works', () => {
      const yaml = userLexicon(['pledged{,s} to', nested(10_000)]);
      const builtins = compiledBuiltins().lexicon;
      const { lexicon, errors } = loadLexiconFiles([{ file: 'user.yaml', text: yaml }], builtins);
      assert.strictEqual(errors.length, 1, errors.map((e) => e.message).join('; '));
      const [e] = errors;
      assert.strictEqual(e.file, 'user.yaml');
      assert.strictEqual(e.code, 'bad-value');
      // The `pattern:` value of the second entry (0-based line 6, after `    pattern: `).
      assert.deepStrictEqual([e.line, e.column], [6, 13]);
      assert.match(e.message, /^Bad cue pattern: .*limit/);
      assert.ok(lexicon.cues.some((c) => c.id === 'user-0'));
      assert.ok(!lexicon.cues.some((c) => c.id === 'user-1'));
      const a = analyze('date 2024-01-01\n\nThe two leaders pledged to deepen cooperation.', compileLexicon(lexicon));
      assert.deepStrictEqual(
        a.cues.map((c) => c.patternId),
        ['user-0'],
      );
    });

    it('names the nesting limit; a pattern at the limit compiles and matches', () => {
      const over = checkCuePattern(nested(PATTERN_LIMITS.depth + 1));
      assert.match(over ?? '', new RegExp(`nested more than ${PATTERN_LIMITS.depth} levels deep, the limit, at column ${8 + PATTERN_LIMITS.depth}`));
      assert.match(checkCuePattern('agreed ' + '[to '.repeat(PATTERN_LIMITS.depth + 1) + ']'.repeat(PATTERN_LIMITS.depth + 1)) ?? '', /nested more than 16/);
      assert.match(checkCuePattern('agreed ' + 'to '.repeat(PATTERN_LIMITS.elements)) ?? '', /more than 1000 elements/);
      assert.match(checkCuePattern('agreed ' + 'x'.repeat(PATTERN_LIMITS.length)) ?? '', /over the limit of 5000 characters/);
      const atLimit = nested(PATTERN_LIMITS.depth);
      assert.strictEqual(checkCuePattern(atLimit), undefined);
      const lexicon = { ...compiledBuiltins().lexicon };
      lexicon.cues = [{ id: 'deep', pattern: atLimit, strength: 'firm', explanation: 'x' }];
      const a = analyze('They agreed to meet.', compileLexicon(lexicon));
      assert.deepStrictEqual(
        a.cues.map((c) => c.text),
        ['agreed to'],
      );
    });

    it('compileCuePatterns never throws: a pattern over a limit handed to it directly is skipped and listed', () => {
      const origin = { file: 'user.yaml', line: 3, column: 13 };
      const patterns: CuePattern[] = [
        { id: 'deep', pattern: nested(3_000), strength: 'firm', explanation: 'x', origin },
        { id: 'wide', pattern: nested(500).replace(/\(/g, '(a|'), strength: 'firm', explanation: 'x' },
        { id: 'fine', pattern: 'agree{,d} to', strength: 'firm', explanation: 'x' },
      ];
      const m = compileCuePatterns(patterns, builtInWords());
      assert.deepStrictEqual(
        m.rejected.map((r) => [r.id, r.origin]),
        [
          ['deep', origin],
          ['wide', undefined],
        ],
      );
      assert.match(m.rejected[0].message, /limit/);
      assert.deepStrictEqual(
        m.byFirstWord.get('agreed')?.map((p) => p.source.id),
        ['fine'],
      );
    });
  });

  describe('matching budget (patterns × occurrences, class 4)', () => {
    const words = ['The', 'two', 'leaders', 'agreed', 'to', 'expand', 'the', 'partnership', 'and', 'agreed', 'the', 'plan.'];
    const sentence = words.join(' ') + ' ';
    const text = 'date 2024-01-01\n\n' + sentence.repeat(Math.ceil(5_000 / sentence.length)) + '\n\nThey pledged to meet again.\n';

    it('2,000 user patterns sharing a first word over a 5 KB text: finishes, reports the sentences it cut short', () => {
      const lexicon = { ...compiledBuiltins().lexicon };
      const user = Array.from({ length: 2_000 }, (_, i) => ({ id: `u${i}`, pattern: `agreed <np> [<adv>] [w${i}] >`, strength: 'firm' as const, explanation: 'x' }));
      lexicon.cues = [...lexicon.cues, ...user];
      const compiled = compileLexicon(lexicon);
      const started = performance.now();
      const a = analyze(text, compiled);
      const ms = performance.now() - started;
      const budget = a.readout.problems.filter((p) => p.code === 'cue-budget');
      const sentences = a.readout.sentences.length;
      console.log(
        `      ${text.length.toLocaleString('en-US')} units, ${lexicon.cues.length.toLocaleString('en-US')} patterns: ${ms.toFixed(0)} ms, ` +
          `${a.cues.length} cues, ${budget.length} of ${sentences} sentences over the budget ` +
          `(${CUE_WORK_PER_SENTENCE.toLocaleString('en-US')} + ${CUE_WORK_PER_TOKEN} per token); "${budget[0]?.message}"`,
      );
      assert.ok(budget.length > 0 && budget.length < sentences);
      for (const p of budget) {
        assert.strictEqual(p.severity, 'warning');
        const s = a.readout.sentences.find((x) => x.start === p.start && x.end === p.end);
        assert.ok(s, `problem [${p.start}, ${p.end}) is not a sentence`);
        assert.match(p.message, /[\d,]+ tries of cue patterns were not made/);
      }
      // The candidates found before the budget ran out are still tried: every cut sentence keeps its first cue.
      assert.strictEqual(a.cues.filter((c) => c.governingVerb === 'agreed').length, sentences - 1);
      // The last sentence starts none of the user patterns: not cut.
      assert.ok(!budget.some((p) => text.slice(p.start, p.end).startsWith('They pledged')));
      // The incremental analysis reports the same problems at the same places.
      assert.deepStrictEqual(analyzeIncremental(text, compiled, new AnalysisCache()), a);
    });

    it('the built-in lexicons never reach it on long sentences of cue words', () => {
      const compiled = compiledBuiltins();
      for (const unit of ['agreed that ', 'They reaffirmed that they ', 'we will; ']) {
        const a = analyze(unit.repeat(2_000), compiled);
        assert.deepStrictEqual(
          a.readout.problems.filter((p) => p.code === 'cue-budget'),
          [],
          unit,
        );
      }
    });
  });
});
