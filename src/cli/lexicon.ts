// The lexicon a CLI run analyses with: the built-ins from the snapshot parsed at build time (dist/lexicons.json,
// see src/core/lexicon/snapshot.ts), or from their YAML when the snapshot is missing or older than the YAML,
// then the user's --lexicon files over them, compiled once.
import * as fs from 'fs';
import * as path from 'path';
import { compileLexicon, type CompiledLexicon } from '../core/pipeline/compile';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles, type LexiconFile } from '../core/lexicon/files';
import { fromSnapshotBytes, lexiconTexts } from '../runtime/lexiconBytes';
import { builtinLexicon } from '../core/lexicon/snapshot';
import type { Lexicon } from '../core/types';
import { CliError, noteInvalidText, reason, type Problem } from './errors';
import { packageRoot } from './install';
import { say } from './output';
import { readTextFile, type TextRead } from '../runtime/readText';

/** A user lexicon is a few hundred KB at most: past this it is refused, not read on (an endless FIFO). */
const LEXICON_MAX_LENGTH = 16 * 2 ** 20;

/** dist/lexicons.json, parsed; undefined when it is missing or unreadable. */
function readSnapshot(root: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'dist', 'lexicons.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

export interface CliLexicon {
  /** Plain data, as worker threads receive it to compile their own. */
  lexicon: Lexicon;
  compiled: CompiledLexicon;
}

/**
 * The built-ins and `userFiles` merged and compiled. Each lexicon error goes to stderr at once, with its
 * position, and one 'lexicon' problem sums them up for the end of the run (exit 1). Throws an 'unreadable'
 * CliError for a user file that cannot be read, before anything is written.
 */
export function loadCliLexicon(userFiles: string[], problems: Problem[]): CliLexicon {
  const root = packageRoot();
  const dir = path.join(root, 'lexicons');
  // The YAML files are read anyway: the snapshot is used only when it was made from exactly these, checked by their
  // bytes where it can be, else by their texts.
  const builtins = BUILTIN_LEXICON_FILES.map((f) => ({ file: path.join(dir, f), bytes: fs.readFileSync(path.join(dir, f)) }));
  const snapshot = readSnapshot(root);
  const base = fromSnapshotBytes(snapshot, builtins) ?? builtinLexicon(snapshot, lexiconTexts(builtins));
  const user: LexiconFile[] = [];
  for (const f of userFiles) {
    let read: TextRead;
    try {
      read = readTextFile(f, LEXICON_MAX_LENGTH);
    } catch (err) {
      throw new CliError('unreadable', `${f}: cannot read lexicon (${reason(err)})`);
    }
    if (!read.complete) throw new CliError('unreadable', `${f}: cannot read lexicon (larger than ${LEXICON_MAX_LENGTH / 2 ** 20} MB)`);
    noteInvalidText(f, read, problems);
    user.push({ file: f, text: read.text });
  }
  const merged = loadLexiconFiles(user, base.lexicon);
  const errors = [...base.errors, ...merged.errors];
  for (const e of errors) say(`${e.file}:${e.line + 1}:${e.column + 1}: ${e.code}: ${e.message}`);
  if (errors.length) {
    const n = errors.length;
    problems.push({ kind: 'lexicon', message: n === 1 ? '1 lexicon error: its entry was skipped' : `${n} lexicon errors: their entries were skipped` });
  }
  return { lexicon: merged.lexicon, compiled: compileLexicon(merged.lexicon, base.prebuilt) };
}
