// `npm run fuzz`: the robustness properties of test/unit/robustness.test.ts with many more cases, run from the
// compiled tests in out/ (built first). Prints cases, time and any failure with its shrunk counterexample.
// Usage: node scripts/fuzz.mjs [--runs 100000] [--seed N]
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg('--runs', 100_000);
const seed = arg('--seed', Date.now() % 2 ** 31);

execFileSync(process.execPath, ['esbuild.js', '--tests'], { cwd: root, stdio: 'inherit' });
const props = require(path.join(root, 'out', 'test', 'unit', 'robustnessProperties.js'));
const fx = props.loadFixtures(root);
const cases = [...props.analysisProperties(fx), ...props.lexiconProperties(fx)];
// Lexicon cases parse whole YAML files and cost more; they get a tenth of the runs.
const analysisRuns = Math.ceil((total * 0.9) / (cases.length - 1));
const lexiconRuns = Math.ceil(total * 0.1);

console.log(`fuzz: ${total.toLocaleString('en-US')} cases, seed ${seed}, Node ${process.version}`);
let failures = 0;
let ran = 0;
const started = performance.now();
for (const c of cases) {
  const runs = c.name.startsWith('mutated lexicon') ? lexiconRuns : analysisRuns;
  const t = performance.now();
  const r = props.runProperty(c, runs, seed);
  ran += r.numRuns;
  const secs = ((performance.now() - t) / 1000).toFixed(1);
  if (r.failed) {
    failures++;
    console.log(`✖ ${c.name}: failed after ${r.numRuns} cases (${secs} s), shrunk ${r.numShrinks} times`);
    console.log(`  counterexample: ${JSON.stringify(r.counterexample)}`);
    console.log(`  ${String(r.errorInstance).split('\n').slice(0, 3).join('\n  ')}`);
  } else {
    console.log(`✔ ${c.name}: ${r.numRuns.toLocaleString('en-US')} cases in ${secs} s`);
  }
}
const secs = (performance.now() - started) / 1000;
console.log(`\n${ran.toLocaleString('en-US')} cases in ${secs.toFixed(1)} s (${Math.round(ran / secs).toLocaleString('en-US')}/s), ${failures} failing propert${failures === 1 ? 'y' : 'ies'}`);
process.exitCode = failures ? 1 : 0;
