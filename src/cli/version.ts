// The CLI's version, package.json's: the bundle has it inlined at build time (esbuild define in esbuild.js);
// an unbundled build reads package.json when asked.
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from './install';

declare const READOUT_LENS_VERSION: string | undefined;

export function cliVersion(): string {
  if (typeof READOUT_LENS_VERSION === 'string') return READOUT_LENS_VERSION;
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
