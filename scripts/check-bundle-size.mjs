// Fails when the production extension bundle exceeds its budget (a size check, not a timing test).
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const LIMIT = 250 * 1024;
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-size-')), 'extension.js');
// Exactly what `node esbuild.js --production` ships.
const { productionBundle } = createRequire(import.meta.url)('../esbuild.js');
buildSync(productionBundle(out));
const size = fs.statSync(out).size;
fs.rmSync(path.dirname(out), { recursive: true, force: true });
console.log(`dist/extension.js (production): ${(size / 1024).toFixed(1)} KB of ${LIMIT / 1024} KB allowed`);
if (size > LIMIT) process.exit(1);
