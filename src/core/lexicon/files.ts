// Builds one Lexicon from several YAML files (the built-ins, then the user's), keeping every file's
// positioned errors. The caller reads the files: the core does no I/O.
import { emptyLexicon, mergeLexicons, parseLexiconYaml } from './lexicon';
import type { Lexicon, LexiconError } from '../types';

export const BUILTIN_LEXICON_FILES = ['commitments.yaml', 'entities.yaml', 'places.yaml', 'cities.yaml', 'terms.yaml', 'officials.yaml', 'names.yaml', 'topics.yaml', 'topic-model.yaml', 'word-classes.yaml'] as const;

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
  const lexicon = mergeLexicons(base, ...layers);
  // A word class names entities that may live in another file: checked once all are merged.
  const entityIds = new Set(lexicon.entities.map((e) => e.id));
  for (const layer of layers) {
    for (const c of layer.wordClasses) {
      for (const id of c.entities) {
        if (entityIds.has(id) || c.origin === undefined) continue;
        const { file, line, column } = c.origin;
        errors.push({ file, line, column, code: 'bad-value', message: `Word class "${c.id}" names entity "${id}", which no lexicon defines.` });
      }
    }
  }
  return { lexicon, errors };
}
