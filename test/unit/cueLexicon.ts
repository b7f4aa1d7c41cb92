// Test helper: reads the built-in cue lexicon as plain data (the validating loader lives in src/core/lexicon.ts).
import * as path from 'path';
import * as fs from 'fs';
import { parse } from 'yaml';
import type { CuePattern, Strength } from '../../src/core/types';
import { compileCuePatterns, type CueMatcher } from '../../src/core/cues';
import { repoRoot } from './helpers';

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

let cached: CueMatcher | undefined;
export function builtInMatcher(): CueMatcher {
  cached ??= compileCuePatterns(loadCuePatterns());
  return cached;
}
