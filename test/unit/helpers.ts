// Paths shared by unit tests: the repository root (tests run from out/test/unit) and the shared samples.
import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import { compileLexicon, type CompiledLexicon } from '../../src/core/pipeline/compile';
import { parseReadout as parseWith } from '../../src/core/readout/readout';
import type { ParsedReadout } from '../../src/core/types';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const sharedRoot = path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedRoot, 'samples', 'corpus');

export function readRepoFile(rel: string): string {
  return fs.readFileSync(path.join(repoRoot, rel), 'utf8');
}

/** The corpus readouts are not ours and are never copied here; tests read them at run time when present. */
export function corpusAvailable(): boolean {
  return fs.existsSync(corpusDir);
}

let builtins: CompiledLexicon | undefined;
/** The built-in lexicons of lexicons/, loaded and compiled once per test run. */
export function compiledBuiltins(): CompiledLexicon {
  builtins ??= compileLexicon(loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }))).lexicon);
  return builtins;
}

/** parseReadout with the built-in lexicon's sentence words, as analyze() calls it. */
export function parseReadout(text: string): ParsedReadout {
  return parseWith(text, compiledBuiltins().sentenceWords);
}
