// The files a run reads: folders walked for readouts in a stable order (src/runtime/readText.ts reads each).
import * as fs from 'fs';
import * as path from 'path';
import { reason, type Problem } from './errors';

/** A folder's identity, the same by every path that leads to it. */
const folderId = (st: fs.Stats): string => `${st.dev}:${st.ino}`;

/**
 * Files to analyse, in a stable order: given files as they are, folders walked for the extensions. Symbolic
 * links are followed (to files and folders) and each folder is walked once: a link back into the folders being
 * walked (a loop), a link to a folder walked already and a dangling link are skipped with a warning.
 */
export function collectFiles(inputs: string[], exts: string[], problems: Problem[]): string[] {
  const out: string[] = [];
  /** Every folder walked, by identity, with the path it was walked by. */
  const walked = new Map<string, string>();
  const skip = (p: string, why: string): void => {
    problems.push({ kind: 'warning', message: `${p}: skipped, ${why}` });
  };
  const walk = (dir: string, id: string, onPath: Set<string>): void => {
    walked.set(id, dir);
    onPath.add(id);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ kind: 'unreadable', message: `${dir}: cannot read folder (${reason(err)})` });
      entries = [];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let target: fs.Stats | undefined;
      if (e.isSymbolicLink()) {
        try {
          target = fs.statSync(p);
        } catch (err) {
          skip(p, reason(err) === 'ELOOP' ? 'a symbolic link loop' : `a dangling symbolic link (${reason(err)})`);
          continue;
        }
      }
      if (target ? target.isDirectory() : e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        let sub: string;
        try {
          sub = folderId(target ?? fs.statSync(p));
        } catch (err) {
          problems.push({ kind: 'unreadable', message: `${p}: cannot read folder (${reason(err)})` });
          continue;
        }
        if (onPath.has(sub)) skip(p, `a link back to ${walked.get(sub)} (a loop)`);
        else if (walked.has(sub)) skip(p, `a link to ${walked.get(sub)}, walked already`);
        else walk(p, sub, onPath);
      } else if ((target ? target.isFile() : e.isFile()) && exts.some((x) => e.name.toLowerCase().endsWith(x.toLowerCase()))) {
        out.push(p);
      }
    }
    onPath.delete(id);
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      problems.push({ kind: 'unreadable', message: `${input}: cannot read (${reason(err)})` });
      continue;
    }
    // A folder given is walked even when given twice or reached before: as it always was.
    if (stat.isDirectory()) walk(input, folderId(stat), new Set());
    else out.push(input);
  }
  return out;
}
