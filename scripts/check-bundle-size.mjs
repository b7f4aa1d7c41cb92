// Fails when a production extension bundle exceeds its budget (a size check, not a timing test): the desktop one
// (dist/extension.js) and the browser one for vscode.dev (dist/web/extension.js, which carries the YAML library).
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Exactly what `node esbuild.js --production` ships.
const { productionBundle, productionBrowserBundle } = createRequire(import.meta.url)('../esbuild.js');
// Raised from 250 and 350 KB in the round of 2026-12-02: the engine the extension host runs in-process grew by the
// rules of that round (counterpart titles, third parties' relations, layout lines, the header's parties, the trained
// model's word pairs and context) to 264.7 / 359.6 KB; Since Last Time's comparison then became a lazy bundle
// (dist/since.js), 254.3 KB. The next room is the Tracked Wording view's code. The browser bundle carries every
// lazy bundle's code (its host loads one file).
const budgets = [
  { name: 'dist/extension.js', options: productionBundle, limit: 260 * 1024 },
  { name: 'dist/web/extension.js', options: productionBrowserBundle, limit: 365 * 1024 },
];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-size-'));
let over = false;
try {
  for (const { name, options, limit } of budgets) {
    const out = path.join(dir, path.basename(name));
    buildSync(options(out));
    const size = fs.statSync(out).size;
    fs.rmSync(out);
    console.log(`${name} (production): ${(size / 1024).toFixed(1)} KB of ${limit / 1024} KB allowed`);
    over ||= size > limit;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
if (over) process.exit(1);
