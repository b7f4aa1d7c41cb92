// The integration suite's entry in the browser's web worker extension host (bundled for the browser by esbuild.js
// into out/test/web/index.js): mocha's browser build runs the editor tests that need no Node, and this folder's
// own, in the staged copy of the extension that has only its "browser" entry (scripts/run-integration-tests.mjs).
import * as vscode from 'vscode';
// mocha's browser build: it puts `mocha` (and describe, it, ...) on the worker's global object.
import 'mocha/mocha.js';

interface BrowserMocha {
  setup(options: { ui: 'bdd'; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): { stats?: { passes: number; tests: number } };
}
declare const mocha: BrowserMocha;

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });
  // After setup, so that describe and it exist when the files run. The suite's tests that need Node (file system
  // writes outside vscode.workspace.fs, worker threads, the importer, workspace analysis) stay out.
  await import('./browser.test');
  await import('../integration/activation.test');
  await import('../integration/language.test');
  await import('../integration/features.test');
  await import('../integration/views.test');
  await import('../integration/compare.test');
  await import('../integration/lexicons.test');
  await import('../integration/cancellation.test');
  await import('../integration/robustness.test');
  console.log(`Running integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}), browser extension host`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const total = runner.stats?.tests ?? 0;
      console.log(`integration (browser): ${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed in the browser extension host`));
      else if (total === 0) reject(new Error('the browser integration suite ran no test'));
      else resolve();
    });
  });
}
