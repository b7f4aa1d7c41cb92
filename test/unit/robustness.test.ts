// Property-based robustness of the core (fast-check): any text yields a consistent Analysis, mutated lexicon
// YAML yields positioned errors, YAML is read as data only and cue patterns cannot make matching blow up.
// `npm run fuzz` runs the same properties with 100,000+ cases (scripts/fuzz.mjs).
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon } from '../../src/core/pipeline/compile';
import { compileCuePatterns, findCues } from '../../src/core/cues';
import { parseLexiconYaml } from '../../src/core/lexicon/lexicon';
import { builtInWords } from './cueLexicon';
import { parseReadout, repoRoot } from './helpers';
import { analysisProperties, lexiconProperties, loadFixtures, runProperty, type Fixtures } from './robustnessProperties';

const RUNS = Number(process.env.READOUT_LENS_PROPERTY_RUNS ?? 800);

describe('robustness (property-based)', function () {
  this.timeout(60_000);
  let fx: Fixtures;
  before(() => {
    fx = loadFixtures(repoRoot);
  });

  for (const name of ['never throws', 'deterministic', 'size limit', 'CRLF']) {
    it(`analyze: ${name} (${RUNS} cases)`, () => {
      const p = analysisProperties(fx).find((c) => c.name.includes(name));
      assert.ok(p);
      const r = runProperty(p, RUNS);
      assert.ok(!r.failed, `${p.name}\ncounterexample: ${JSON.stringify(r.counterexample)}\n${String(r.errorInstance)}`);
    });
  }

  it(`lexicon: mutated YAML never crashes and errors have valid positions (${Math.floor(RUNS / 2)} cases)`, () => {
    const [p] = lexiconProperties(fx);
    const r = runProperty(p, Math.floor(RUNS / 2));
    assert.ok(!r.failed, `counterexample: ${JSON.stringify(r.counterexample)}\n${String(r.errorInstance)}`);
  });
});

describe('security', () => {
  it('reads lexicon YAML as data: !!js/function and custom tags are reported, never run', () => {
    const texts = [
      'entities:\n  - id: evil\n    name: !!js/function "function () { globalThis.pwned = true; }"\n    type: org\n    definition: x\n',
      'cues:\n  - !custom { id: x, pattern: "agree{,d}", strength: firm, explanation: y }\n',
      'topics: !!python/object:os.system ["echo pwned"]\n',
    ];
    for (const text of texts) {
      const { errors } = parseLexiconYaml(text, 'evil.yaml');
      assert.ok(errors.length > 0, `no error for ${JSON.stringify(text)}`);
      assert.ok(errors.some((e) => /tag/i.test(e.message)), errors.map((e) => e.message).join('; '));
    }
    assert.strictEqual((globalThis as Record<string, unknown>).pwned, undefined);
  });

  it('bounds the work of a pathological cue pattern on a long input (measured, not timed)', () => {
    // Nested optionals and alternatives over the same word: a backtracking regex would explode here.
    const optionals = Array.from({ length: 12 }, () => '[a (a|a a|a a a)]').join(' ');
    const pattern = `a (a|a a|a a a|a a a a) ${optionals} a >`;
    const matcher = compileCuePatterns([{ id: 'evil', pattern, strength: 'firm', explanation: 'x' }], builtInWords());
    assert.deepStrictEqual(matcher.rejected, []);
    // Work per start word is capped (64 match states per pattern element), so time grows linearly with the input.
    for (const words of [2_000, 8_000]) {
      const text = 'a '.repeat(words) + 'b.';
      const started = performance.now();
      const cues = findCues(text, parseReadout(text), matcher);
      const ms = performance.now() - started;
      console.log(`      pathological pattern over ${text.length.toLocaleString('en-US')} units: ${ms.toFixed(0)} ms, ${cues.length} cues`);
      assert.ok(cues.length > 0);
    }
  });

  it('keeps long sentences of cue words linear (measured, not timed)', () => {
    const compiled = compileLexicon(loadFixtures(repoRoot).compiled.lexicon);
    for (const unit of ['agreed that ', 'They reaffirmed that they ', 'He agreed to and they agreed to ', 'we will; ', 'They agreed: they will meet. ']) {
      const text = unit.repeat(10_000);
      const started = performance.now();
      const a = analyze(text, compiled);
      console.log(`      "${unit.trim()}" × 10,000 (${text.length.toLocaleString('en-US')} units): ${(performance.now() - started).toFixed(0)} ms, ${a.cues.length} cues`);
    }
  });
});
