// Structural fuzzing of what users write (issue 16): cue patterns nested, repeated and widened far past the
// pattern limits, and front matter deep, wide, long, self-referencing or with odd line ends. No case may throw;
// errors must be positioned; each case's time is printed, not asserted. `npm run fuzz` runs many more.
import * as assert from 'assert';
import { repoRoot } from './helpers';
import { frontMatterProperties, loadFixtures, patternProperties, runProperty, type Fixtures, type PropertyCase } from './robustnessProperties';

const RUNS = Math.max(20, Number(process.env.READOUT_LENS_PROPERTY_RUNS ?? 800) >> 3);

describe('robustness (structural mutations of patterns and front matter)', function () {
  this.timeout(120_000);
  let fx: Fixtures;
  before(() => {
    fx = loadFixtures(repoRoot);
  });

  const run = (p: PropertyCase): void => {
    const r = runProperty(p, RUNS);
    const t = p.timing;
    console.log(`      ${t.cases} cases, ${(t.totalMs / Math.max(1, t.cases)).toFixed(1)} ms each, slowest ${t.slowestMs.toFixed(0)} ms (${t.slowest})`);
    assert.ok(!r.failed, `${p.name}\ncounterexample: ${JSON.stringify(r.counterexample)?.slice(0, 500)}\n${String(r.errorInstance)}`);
  };

  it(`cue patterns: positioned errors or compile and match, never a throw (${RUNS} cases)`, () => run(patternProperties(fx)[0]));
  it(`front matter: never a throw, problems inside the text (${RUNS} cases)`, () => run(frontMatterProperties(fx)[0]));
});
