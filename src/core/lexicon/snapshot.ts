// The built-in lexicons parsed at build time: `node esbuild.js` writes dist/lexicons.json, and the extension
// reads that instead of parsing the YAML (the yaml library took 80-340 ms of the extension host on first use,
// most of it before V8 had optimised it; the JSON takes about 2 ms). Each file's text is fingerprinted, so a
// snapshot older than the YAML beside it (a lexicon edited without a build) is never used.
import { loadLexiconFiles, type LexiconFile } from './files';
import { compileEntities } from '../entities/matcher';
import { matcherToData, type EntityMatcherData } from '../entities/matcherData';
import type { PrebuiltMatchers } from '../pipeline/compile';
import type { Lexicon, LexiconError } from '../types';

export { BUILTIN_LEXICON_FILES } from './files';

export interface LexiconSnapshot {
  version: 1;
  /** Per file name, in load order: its length and hash, as fingerprint() gives them. */
  sources: SnapshotSource[];
  lexicon: Lexicon;
  errors: LexiconError[];
  /** Matchers compiled at build time from `lexicon` (see PrebuiltMatchers); absent in older snapshots. */
  compiled?: { entities: EntityMatcherData };
}

export interface SnapshotSource {
  file: string;
  /** The text's length and hashes (fingerprint()). */
  fingerprint: string;
  /**
   * The file's bytes fingerprinted natively where the build could (src/runtime/lexiconBytes.ts): a Node reader
   * checks these without decoding or hashing the text in JavaScript.
   */
  bytes?: string;
}

/** Length and two 32-bit FNV-1a hashes (different offsets) of a text: a changed file changes it. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${text.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

/** Parses the files (named as they should appear in the snapshot, e.g. "entities.yaml") into a snapshot. */
export function snapshotLexicons(files: LexiconFile[]): LexiconSnapshot {
  const { lexicon, errors } = loadLexiconFiles(files);
  const compiled = { entities: matcherToData(compileEntities(lexicon.entities)) };
  return { version: 1, sources: files.map((f) => ({ file: f.file, fingerprint: fingerprint(f.text) })), lexicon, errors, compiled };
}

/**
 * What loadLexiconFiles(files) gives, from `snapshot` when it was made from exactly these texts (undefined
 * otherwise). `files[i].file` names the file in origins and errors, as loadLexiconFiles would; the snapshot's
 * own names are replaced by them.
 */
export function fromSnapshot(snapshot: unknown, files: LexiconFile[]): { lexicon: Lexicon; errors: LexiconError[]; prebuilt: PrebuiltMatchers } | undefined {
  return fromCheckedSnapshot(
    snapshot,
    files.map((f) => f.file),
    (source, i) => source.fingerprint === fingerprint(files[i].text),
  );
}

/**
 * fromSnapshot for a reader that checks each source its own way: `matches(source, i)` says whether the file
 * named `files[i]` is the one `source` was made from (every one must be).
 */
export function fromCheckedSnapshot(
  snapshot: unknown,
  files: readonly string[],
  matches: (source: SnapshotSource, i: number) => boolean,
): { lexicon: Lexicon; errors: LexiconError[]; prebuilt: PrebuiltMatchers } | undefined {
  const s = snapshot as Partial<LexiconSnapshot> | undefined;
  if (!s || s.version !== 1 || !Array.isArray(s.sources) || !s.lexicon || !Array.isArray(s.lexicon.wordClasses) || !Array.isArray(s.errors)) return undefined;
  if (s.sources.length !== files.length || !s.sources.every((src, i) => src !== null && typeof src === 'object' && matches(src, i))) return undefined;
  const rename = new Map(s.sources.map((src, i) => [src.file, files[i]]));
  const { lexicon } = s;
  for (const entry of [...lexicon.cues, ...lexicon.entities, ...lexicon.topics, ...lexicon.wordClasses, ...(lexicon.nameClasses ?? [])]) {
    if (entry.origin) entry.origin.file = rename.get(entry.origin.file) ?? entry.origin.file;
  }
  const prebuilt: PrebuiltMatchers = s.compiled?.entities ? { entities: { entries: lexicon.entities, data: s.compiled.entities } } : {};
  return { lexicon, errors: s.errors.map((e) => ({ ...e, file: rename.get(e.file) ?? e.file })), prebuilt };
}

/** The built-in lexicon from `snapshot` when it was made from exactly `files`, else parsed from their YAML. */
export function builtinLexicon(snapshot: unknown, files: LexiconFile[]): { lexicon: Lexicon; errors: LexiconError[]; prebuilt: PrebuiltMatchers } {
  return fromSnapshot(snapshot, files) ?? { ...loadLexiconFiles(files), prebuilt: {} };
}
