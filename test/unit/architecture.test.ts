// Guards the design's one hard rule: the analysis core is pure TypeScript with no editor API and no I/O.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './helpers';

describe('architecture', () => {
  const coreDir = path.join(repoRoot, 'src', 'core');
  const files = fs.readdirSync(coreDir).filter((f) => f.endsWith('.ts'));

  it('src/core has modules to check', () => {
    assert.ok(files.length >= 6, files.join(', '));
  });

  for (const f of files) {
    it(`src/core/${f} imports neither vscode nor Node's I/O modules`, () => {
      const text = fs.readFileSync(path.join(coreDir, f), 'utf8');
      const imports = [...text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const forbidden of ['vscode', 'fs', 'path', 'child_process', 'node:fs', 'node:path', 'worker_threads']) {
        assert.ok(!imports.includes(forbidden), `${f} imports ${forbidden}`);
      }
    });
  }
});
