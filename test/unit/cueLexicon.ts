// Test helper: reads the built-in cue lexicon as plain data (the validating loader lives in src/core/lexicon.ts).
import * as path from 'path';
import * as fs from 'fs';
import { parse } from 'yaml';
import type { Cue, CuePattern, Strength } from '../../src/core/types';
import { compileCuePatterns, compileCueWords, findCues, wordListsOf, type CueMatcher, type CueWords } from '../../src/core/cues';
import { loadLexiconFiles } from '../../src/core/lexicon/files';
import { parseReadout, repoRoot } from './helpers';

interface RawCue {
  id?: unknown;
  pattern?: unknown;
  strength?: unknown;
  explanation?: unknown;
  code?: unknown;
}

export function loadCuePatterns(): CuePattern[] {
  const raw = parse(fs.readFileSync(path.join(repoRoot, 'lexicons', 'commitments.yaml'), 'utf8')) as { cues?: RawCue[] };
  return (raw.cues ?? []).map((c) => {
    const cue: CuePattern = {
      id: String(c.id),
      pattern: String(c.pattern),
      strength: String(c.strength) as Strength,
      explanation: String(c.explanation),
    };
    if (c.code !== undefined) cue.code = String(c.code);
    return cue;
  });
}

let cachedWords: CueWords | undefined;
/** The built-in word classes (lexicons/word-classes.yaml, third parties resolved through entities.yaml). */
export function builtInWords(): CueWords {
  if (cachedWords === undefined) {
    const files = ['entities.yaml', 'word-classes.yaml'].map((file) => ({ file, text: fs.readFileSync(path.join(repoRoot, 'lexicons', file), 'utf8') }));
    const { lexicon } = loadLexiconFiles(files);
    cachedWords = compileCueWords(wordListsOf(lexicon.wordClasses, lexicon.entities));
  }
  return cachedWords;
}

let cached: CueMatcher | undefined;
export function builtInMatcher(): CueMatcher {
  cached ??= compileCuePatterns(loadCuePatterns(), builtInWords());
  return cached;
}

/** The cues the built-in lexicon finds in `text`, read as a readout. */
export function cuesOf(text: string): Cue[] {
  return findCues(text, parseReadout(text), builtInMatcher());
}

/** Compact view: "text:strength" with "!" for negated cues. */
export function brief(text: string): string[] {
  return cuesOf(text).map((c) => `${c.text}:${c.strength}${c.negated ? '!' : ''}`);
}
