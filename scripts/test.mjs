// `npm test`: set-up when needed, then typecheck, lint, build, unit tests, grammar tests, bundle-size check
// and the integration suite inside a real VS Code. Stops at the first failing step; says what it is doing.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const steps = [
  ['set-up (installs only what is missing)', 'bash', ['scripts/provision.sh']],
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', 'src', 'test', 'scripts']],
  ['build', 'node', ['esbuild.js']],
  ['unit tests', 'npx', ['mocha']],
  ['grammar tests', 'npm', ['run', '--silent', 'test:grammar']],
  ['bundle size', 'node', ['scripts/check-bundle-size.mjs']],
  ['integration tests in a real VS Code', 'node', ['scripts/run-integration-tests.mjs']],
];
const only = process.argv.slice(2);
const started = Date.now();
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal}) after ${((Date.now() - t) / 1000).toFixed(1)}s`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
