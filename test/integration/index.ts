// Entry point loaded by VS Code's extension host (test-electron or code-server): runs every
// out/test/integration/*.test.js with mocha and rejects on a failure or on a run that executed no test.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import MochaDefault from 'mocha';
import * as mochaModule from 'mocha';

// mocha 12 exports the constructor as a named member; its typings still describe the default export.
const Mocha = (mochaModule as unknown as { Mocha: typeof MochaDefault }).Mocha;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  const grep = process.env.READOUT_LENS_TEST_GREP;
  if (grep) mocha.grep(grep);
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, f));
  }
  console.log(`Running integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost})`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const total = runner.stats?.tests ?? 0;
        console.log(`integration: ${passed} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (total === 0) reject(new Error('the integration suite ran no test'));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
