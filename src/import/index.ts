// The importer: a web page, a saved HTML file or the clipboard's text made into a `.readout`. The entry of
// dist/importer.js, which the extension and the CLI load only when an import runs (its DOM and extractor are
// larger than the rest of the extension).
import * as fs from 'fs';
import * as path from 'path';
import { decodePage } from '../core/import/charset';
import { ImportError } from '../core/import/errors';
import { readoutFromPlainText, readoutText, type ImportedReadout } from '../core/import/readoutText';
import { NO_SITE_HINTS, parseSiteHints, type SiteHints } from '../core/import/siteHints';
import { extractReadout, fragmentParagraphs } from './extract';
import { DEFAULT_LIMITS, fetchPage, type FetchLimits } from './fetchPage';

export { ImportError, isImportError, type ImportFailure } from '../core/import/errors';
export { DEFAULT_LIMITS, type FetchLimits } from './fetchPage';

export const SITE_HINTS_FILE = path.join('lexicons', 'import-sites.yaml');

/** The site hints shipped with the package: lexicons/import-sites.yaml in the nearest folder above this file. */
export function loadSiteHints(file?: string): SiteHints {
  if (file) return parseSiteHints(fs.readFileSync(file, 'utf8'));
  for (let dir = path.dirname(__dirname), i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, SITE_HINTS_FILE);
    if (fs.existsSync(candidate)) return parseSiteHints(fs.readFileSync(candidate, 'utf8'));
  }
  return NO_SITE_HINTS;
}

export interface ImportResult {
  readout: ImportedReadout;
  /** The `.readout` text: front matter and paragraphs. */
  text: string;
  /** The encoding the page was read in. */
  encoding?: string;
}

function result(readout: ImportedReadout, encoding?: string): ImportResult {
  return { readout, text: readoutText(readout), encoding };
}

export interface UrlImportOptions {
  limits?: Partial<FetchLimits>;
  hints?: SiteHints;
  cancel?: AbortSignal;
}

/** A readout from the page at `url`; rejects with an ImportError saying why when there is none. */
export async function importFromUrl(url: string, options: UrlImportOptions = {}): Promise<ImportResult> {
  const page = await fetchPage(url, { ...DEFAULT_LIMITS, ...options.limits }, options.cancel);
  const { text, encoding } = decodePage(page.bytes, page.contentType);
  return result(extractReadout(text, { url: page.url, hints: options.hints ?? loadSiteHints() }), encoding);
}

/** A readout from an HTML file's bytes (a page saved from a browser); the encoding is read from the page. */
export function importFromHtmlBytes(bytes: Uint8Array, hints: SiteHints = loadSiteHints(), maxBytes = DEFAULT_LIMITS.maxBytes): ImportResult {
  if (bytes.length > maxBytes) throw new ImportError('too-large', `the file is over the ${Math.round(maxBytes / (1024 * 1024))} MB limit`);
  const { text, encoding } = decodePage(bytes);
  // A page saved by a browser keeps its address in a comment ("saved from url=") or its canonical link.
  const saved = /<!-- saved from url=\(\d+\)(https?:\/\/[^\s>]+) -->/i.exec(text.slice(0, 2048));
  return result(extractReadout(text, { url: saved?.[1], hints }), encoding);
}

/** A readout from the clipboard: HTML (copied from a browser) or plain text. */
export function importFromClipboard(clipboard: string, hints: SiteHints = loadSiteHints()): ImportResult {
  const text = clipboard.trim();
  if (text.length === 0) throw new ImportError('bad-input', 'the clipboard is empty');
  if (/^<(?:!doctype|html|head|body|meta|div|p|article|main|section|h[1-6]|span)\b/i.test(text)) {
    try {
      return result(extractReadout(text, { hints }));
    } catch (err) {
      // A short fragment holds too little for the extractor: its text is still the user's selection.
      if (!(err instanceof ImportError) || err.failure !== 'no-article') throw err;
    }
  }
  const readout = readoutFromPlainText(/^</.test(text) ? fragmentParagraphs(text).join('\n\n') : text);
  if (readout.paragraphs.length === 0) throw new ImportError('no-article', 'the clipboard holds no text to import');
  return result(readout);
}
