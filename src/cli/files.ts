// The files a run reads: folders walked for readouts in a stable order (src/runtime/readText.ts reads each).
import * as fs from 'fs';
import * as path from 'path';
import { reason, type Problem } from './errors';

/** Files to analyse, in a stable order: given files as they are, folders walked for the extensions. */
export function collectFiles(inputs: string[], exts: string[], problems: Problem[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ kind: 'unreadable', message: `${dir}: cannot read folder (${reason(err)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
      } else if (e.isFile() && exts.some((x) => e.name.toLowerCase().endsWith(x.toLowerCase()))) {
        out.push(p);
      }
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      problems.push({ kind: 'unreadable', message: `${input}: cannot read (${reason(err)})` });
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}
