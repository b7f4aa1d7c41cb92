// `npm test`: set-up when needed, then typecheck, lint, build, unit tests, grammar tests, bundle-size check
// and the integration suite inside a real VS Code, then its browser part in VS Code's web worker extension host
// (the vscode.dev build). Stops at the first failing step; says what it is doing.
import { spawn } from 'node:child_process';
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
  ['integration tests in a real VS Code', 'node', ['scripts/run-integration-tests.mjs'], { READOUT_LENS_TEST_HOST: 'node' }],
  [
    'integration tests in the browser extension host (vscode.dev build, code-server + headless Chromium)',
    'node',
    ['scripts/run-integration-tests.mjs'],
    { READOUT_LENS_TEST_HOST: 'browser', READOUT_LENS_VSCODE: 'code-server' },
  ],
];
const only = process.argv.slice(2);
const started = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs one step, echoing its output as it comes and adding up mocha's "N passing/failing/pending". */
function runStep(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...env } });
    let pending = '';
    const scan = (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(line);
        if (m) totals[{ passing: 'passed', failing: 'failed', pending: 'skipped' }[m[2]]] += Number(m[1]);
      }
    };
    child.stdout.on('data', (d) => (process.stdout.write(d), scan(String(d))));
    child.stderr.on('data', (d) => (process.stderr.write(d), scan(String(d))));
    child.on('close', (code, signal) => {
      scan('\n');
      resolve(code ?? signal);
    });
  });
}

for (const [name, cmd, args, env] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  const status = await runStep(cmd, args, env);
  if (status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${status}) after ${((Date.now() - t) / 1000).toFixed(1)}s`);
    console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
