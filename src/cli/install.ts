// Where the CLI's own package files are: the built-in lexicons, their snapshot and package.json, found from
// the running file (dist/cli.js in the package, out/src/cli/*.js in a test build).
import * as fs from 'fs';
import * as path from 'path';
import { CliError } from './errors';

let root: string | undefined;

/** The package folder: the nearest folder above this file's folder that holds lexicons/. */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = path.dirname(__dirname), i = 0; i < 4; i++, dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'lexicons'))) return (root = dir);
  }
  throw new CliError('unreadable', 'built-in lexicons not found next to the CLI');
}
