// `npm run fuzz`: the robustness properties of test/unit/robustness.test.ts and robustnessStructural.test.ts with
// many more cases, run from the compiled tests in out/ (built first). Prints per property the cases, cases/s and
// the slowest case (measured, never asserted), and any failure with its shrunk counterexample.
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
// Lexicon cases parse whole YAML files, structural ones build patterns and front matter of up to hundreds of
// KB: they cost more per case and get smaller shares of the runs.
const groups = [
  { cases: props.analysisProperties(fx), share: 0.86 },
  { cases: props.lexiconProperties(fx), share: 0.1 },
  { cases: props.patternProperties(fx), share: 0.03 },
  { cases: props.frontMatterProperties(fx), share: 0.01 },
];
const cases = groups.flatMap((g) => g.cases.map((c) => ({ c, runs: Math.max(1, Math.ceil((total * g.share) / g.cases.length)) })));

console.log(`fuzz: ${total.toLocaleString('en-US')} cases, seed ${seed}, Node ${process.version}`);
let failures = 0;
let ran = 0;
const started = performance.now();
let slowest = { ms: 0, name: '', input: '' };
for (const { c, runs } of cases) {
  const t = performance.now();
  const r = props.runProperty(c, runs, seed);
  ran += r.numRuns;
  const elapsed = (performance.now() - t) / 1000;
  const secs = elapsed.toFixed(1);
  const { timing } = c;
  const perSec = Math.round(timing.cases / elapsed).toLocaleString('en-US');
  const slow = `slowest ${timing.slowestMs.toFixed(0)} ms (${timing.slowest})`;
  if (timing.slowestMs > slowest.ms) slowest = { ms: timing.slowestMs, name: c.name, input: timing.slowest };
  if (r.failed) {
    failures++;
    console.log(`✖ ${c.name}: failed after ${r.numRuns} cases (${secs} s), shrunk ${r.numShrinks} times`);
    console.log(`  counterexample: ${JSON.stringify(r.counterexample)}`);
    console.log(`  ${String(r.errorInstance).split('\n').slice(0, 3).join('\n  ')}`);
  } else {
    console.log(`✔ ${c.name}: ${r.numRuns.toLocaleString('en-US')} cases in ${secs} s`);
  }
  console.log(`  ${perSec} cases/s, ${(timing.totalMs / Math.max(1, timing.cases)).toFixed(2)} ms each, ${slow}`);
}
const secs = (performance.now() - started) / 1000;
console.log(`\n${ran.toLocaleString('en-US')} cases in ${secs.toFixed(1)} s (${Math.round(ran / secs).toLocaleString('en-US')}/s), ${failures} failing propert${failures === 1 ? 'y' : 'ies'}`);
console.log(`slowest case: ${slowest.ms.toFixed(0)} ms, ${slowest.name}: ${slowest.input}`);
process.exitCode = failures ? 1 : 0;
