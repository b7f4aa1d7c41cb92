// The text of an HTML page from its bytes, in the encoding the page declares: the byte order mark, then the
// Content-Type header, then a <meta> charset in the first bytes (as browsers do), else UTF-8; windows-1252
// when the bytes are not UTF-8 and nothing was declared (the web's legacy default).
import { ImportError } from './errors';

/** Browsers look for a <meta> charset in the first 1,024 bytes; pages in the wild put it a little later too. */
const META_SCAN_BYTES = 4096;

export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m ? m[1] : undefined;
}

/** The charset a <meta charset> or <meta http-equiv="Content-Type"> declares in the page's first bytes. */
export function charsetOfMeta(bytes: Uint8Array): string | undefined {
  // Latin-1 maps each byte to one character: tag names and ASCII labels read the same in any ASCII-based encoding.
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, META_SCAN_BYTES); i++) head += String.fromCharCode(bytes[i]);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

type Decoder = InstanceType<typeof TextDecoder>;

function decoder(label: string, fatal = false): Decoder | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase(), { fatal });
  } catch {
    return undefined;
  }
}

export interface DecodedPage {
  text: string;
  /** The encoding's WHATWG name (windows-1252 for a page that says iso-8859-1, as browsers read it). */
  encoding: string;
}

/** Throws an ImportError('encoding') for an encoding nobody can read (a misspelt or unsupported label). */
export function decodePage(bytes: Uint8Array, contentType?: string): DecodedPage {
  const declared = bomEncoding(bytes) ?? charsetOfContentType(contentType) ?? charsetOfMeta(bytes);
  if (declared !== undefined) {
    const d = decoder(declared);
    if (!d) throw new ImportError('encoding', `the page is in an encoding that cannot be read ("${declared}")`);
    return { text: d.decode(bytes), encoding: d.encoding };
  }
  try {
    return { text: (decoder('utf-8', true) as Decoder).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: (decoder('windows-1252') as Decoder).decode(bytes), encoding: 'windows-1252' };
  }
}
