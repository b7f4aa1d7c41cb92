// Builds one Lexicon from several YAML files (the built-ins, then the user's), keeping every file's
// positioned errors. The caller reads the files: the core does no I/O.
import { emptyLexicon, mergeLexicons, parseLexiconYaml } from './lexicon';
import type { Lexicon, LexiconError } from '../types';

export const BUILTIN_LEXICON_FILES = ['commitments.yaml', 'entities.yaml', 'topics.yaml'] as const;

export interface LexiconFile {
  /** Path or URI string used in errors and entry origins. */
  file: string;
  text: string;
}

export function loadLexiconFiles(files: LexiconFile[], base: Lexicon = emptyLexicon()): { lexicon: Lexicon; errors: LexiconError[] } {
  const errors: LexiconError[] = [];
  const layers: Lexicon[] = [];
  for (const f of files) {
    const parsed = parseLexiconYaml(f.text, f.file);
    layers.push(parsed.lexicon);
    errors.push(...parsed.errors);
  }
  return { lexicon: mergeLexicons(base, ...layers), errors };
}
