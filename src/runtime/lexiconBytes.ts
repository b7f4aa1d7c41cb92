// The built-in lexicon snapshot checked against the YAML files' bytes, for Node readers (the CLI, the build).
// Checking the texts' fingerprint() meant decoding about 750 KB of YAML and hashing it in JavaScript before V8 had
// optimised the loop: about 9 ms of a 140 ms CLI run on one small readout. zlib's CRC-32 over the bytes costs
// well under a millisecond. The texts are decoded only when the snapshot does not match (the YAML is then parsed).
import * as zlib from 'zlib';
import { fromCheckedSnapshot, snapshotLexicons, type LexiconSnapshot } from '../core/lexicon/snapshot';
import type { LexiconFile } from '../core/lexicon/files';

export { BUILTIN_LEXICON_FILES } from '../core/lexicon/files';

/** A lexicon file as read from disk. */
export interface LexiconBytes {
  file: string;
  bytes: Buffer;
}

/** zlib's CRC-32, where this Node has it (20.15 and later); without it the texts' fingerprints are checked. */
const crc32: ((data: Uint8Array) => number) | undefined = typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;

/** The bytes' length and CRC-32, or undefined where this Node has no CRC-32. */
export function bytesDigest(bytes: Uint8Array): string | undefined {
  return crc32 === undefined ? undefined : `${bytes.length}:${crc32(bytes).toString(16)}`;
}

/** The files as text, the way readFileSync(file, 'utf8') reads them. */
export function lexiconTexts(files: readonly LexiconBytes[]): LexiconFile[] {
  return files.map((f) => ({ file: f.file, text: f.bytes.toString('utf8') }));
}

/** snapshotLexicons of the files, each source also carrying its bytes' digest (for fromSnapshotBytes). */
export function snapshotLexiconBytes(files: readonly LexiconBytes[]): LexiconSnapshot {
  const snapshot = snapshotLexicons(lexiconTexts(files));
  snapshot.sources.forEach((source, i) => {
    const digest = bytesDigest(files[i].bytes);
    if (digest !== undefined) source.bytes = digest;
  });
  return snapshot;
}

/**
 * fromSnapshot by the files' bytes: undefined when the snapshot was not made from exactly these bytes, or cannot
 * say (a snapshot without digests, a Node without CRC-32), and the caller then checks the texts.
 */
export function fromSnapshotBytes(snapshot: unknown, files: readonly LexiconBytes[]): ReturnType<typeof fromCheckedSnapshot> {
  return fromCheckedSnapshot(
    snapshot,
    files.map((f) => f.file),
    (source, i) => typeof source.bytes === 'string' && source.bytes === bytesDigest(files[i].bytes),
  );
}
