// Reads a file as text within a bound: never more than the size limit (and a little) is held, whatever the
// input is (a huge file, a FIFO that never ends, a device), and the encoding is found from its BOM.
import * as fs from 'fs';
import { TextDecoder } from 'util';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface TextRead {
  /** The whole text when `complete`; otherwise its first `maxLength` UTF-16 code units and a little more. */
  text: string;
  complete: boolean;
  /**
   * The UTF-16 length of the whole input. A regular file cut at the bound is decoded to its end in chunks to
   * count it (none of them kept); an input without a size (FIFO, device) is not: then the length read.
   */
  length: number;
  /** False for an input without a size cut at the bound: its end was never read. */
  lengthKnown: boolean;
  encoding: TextEncoding;
  /** Byte offset (from the file's start) of the first ill-formed sequence read; it was decoded as U+FFFD. */
  invalidAt?: number;
}

const CHUNK = 1 << 16;
/** Code units read past the limit, so that a cut at the limit still sees a paragraph break straddling it. */
const MARGIN = 64;
/** The first bytes looked at for NUL: a text file has none. */
const PROBE = 8192;

function encodingOf(head: Buffer): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** `bytes` decoded strictly; undefined when they hold an ill-formed sequence (`stream`: a cut last one is not). */
function decodeStrict(bytes: Uint8Array, encoding: TextEncoding, stream: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream });
  } catch {
    return undefined;
  }
}

/** Where the first ill-formed sequence of `bytes` starts (they hold one, or end in a cut sequence). */
function firstInvalid(bytes: Uint8Array, encoding: TextEncoding): number {
  const fails = (n: number): boolean => decodeStrict(bytes.subarray(0, n), encoding, true) === undefined;
  // The shortest prefix that fails ends in the bad byte (a cut sequence at a prefix's end does not fail).
  let lo = 1;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  // No prefix fails when the only fault is a sequence cut by the end of the input.
  let at = fails(lo) ? lo - 1 : lo;
  // Back to the last character boundary before the bad byte: the ill-formed sequence starts there.
  while (at > 0 && decodeStrict(bytes.subarray(0, at), encoding, false) === undefined) at--;
  return at;
}

/**
 * Reads `file` up to `maxLength` UTF-16 code units (and MARGIN more), decoded from UTF-8, or UTF-16 when it
 * opens with that BOM (a UTF-8 BOM is dropped, as before). Throws on NUL bytes in its first 8 KB (binary
 * content) and on I/O errors.
 */
export function readTextFile(file: string, maxLength = Infinity): TextRead {
  const fd = fs.openSync(file, 'r');
  try {
    const regular = fs.fstatSync(fd).isFile();
    const chunks: Buffer[] = [];
    let bytes = 0;
    let eof = false;
    const readChunk = (): Buffer | undefined => {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) eof = true;
      return n === 0 ? undefined : buf.subarray(0, n);
    };
    while (!eof && bytes < PROBE) {
      const chunk = readChunk();
      if (!chunk) break;
      chunks.push(chunk);
      bytes += chunk.length;
    }
    const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const encoding = encodingOf(head);
    if (encoding === 'utf-8' && head.subarray(0, PROBE).includes(0)) throw new Error('binary content (NUL bytes)');
    // A code unit takes at least one byte: below `maxLength` bytes nothing needs counting. Past it, a streaming
    // decoder counts what the chunks decode to, until the limit and the margin are in.
    let counter: TextDecoder | undefined;
    let counted = 0;
    while (!eof) {
      if (bytes > maxLength) {
        if (!counter) {
          counter = new TextDecoder(encoding);
          for (const c of chunks) counted += counter.decode(c, { stream: true }).length;
        }
        if (counted > maxLength + MARGIN) break;
      }
      const chunk = readChunk();
      if (!chunk) break;
      chunks.push(chunk);
      bytes += chunk.length;
      if (counter) counted += counter.decode(chunk, { stream: true }).length;
    }
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const complete = eof;
    let text = decodeStrict(all, encoding, !complete);
    let invalidAt: number | undefined;
    if (text === undefined) {
      text = new TextDecoder(encoding).decode(all, { stream: !complete });
      invalidAt = firstInvalid(all, encoding);
    }
    if (encoding !== 'utf-8' && text.slice(0, PROBE / 2).includes('\u0000')) throw new Error('binary content (NUL characters)');
    let length = text.length;
    if (!complete && regular && counter) {
      for (let chunk = readChunk(); chunk; chunk = readChunk()) counted += counter.decode(chunk, { stream: true }).length;
      length = counted + counter.decode().length;
    }
    return { text, complete, length, lengthKnown: complete || regular, encoding, ...(invalidAt !== undefined && { invalidAt }) };
  } finally {
    fs.closeSync(fd);
  }
}
