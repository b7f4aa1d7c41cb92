// Fetches one web page for import, within limits: http(s) only, a deadline for the whole exchange, a size
// cap on the (decompressed) body, redirects followed a few times and a loop caught. Every failure is an
// ImportError whose message says what happened in the user's terms.
import * as http from 'http';
import * as https from 'https';
import * as zlib from 'zlib';
import { ImportError } from '../core/import/errors';

export interface FetchLimits {
  /** Milliseconds for the whole exchange, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

export interface FetchedPage {
  /** The URL the page was finally served from, after redirects. */
  url: string;
  contentType: string | undefined;
  bytes: Uint8Array;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** Checks the address before anything goes on the network. */
export function parsePageUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ImportError('bad-input', `"${raw}" is not a web address (it should start with https://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ImportError('bad-input', `only http and https addresses can be imported (not ${url.protocol})`);
  return url;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:head|body|article|p)\b/.test(head);
}

interface Hop {
  status: number;
  statusText: string;
  location?: string;
  contentType?: string;
  bytes?: Uint8Array;
}

/** One request: resolves with the status and, for a 2xx answer, the body; rejects with an ImportError. */
function requestOnce(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      signal,
      headers: {
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': 'readout-lens (readout import)',
      },
    });
    // The first failure is the one to report: destroying the request makes its streams report more.
    const fail = (err: unknown): void => {
      reject(err);
      req.destroy();
    };
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (signal.aborted) return reject(signal.reason);
      reject(new ImportError('unreachable', `cannot reach ${url.host} (${err.code ?? err.message})`));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const hop: Hop = { status, statusText: res.statusMessage ?? '', location: res.headers.location, contentType: res.headers['content-type'] };
      if (status < 200 || status >= 300) {
        res.resume();
        return resolve(hop);
      }
      const declared = Number(res.headers['content-length']);
      const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
      if (declared > limits.maxBytes && !encoding) return fail(new ImportError('too-large', `the page is ${megabytes(declared)}, over the ${megabytes(limits.maxBytes)} limit`));
      if (hop.contentType && !HTML_TYPES.test(hop.contentType)) {
        return fail(new ImportError('not-html', `the address is not a web page but ${hop.contentType.split(';')[0].trim()}`));
      }
      const body =
        encoding === 'gzip' || encoding === 'x-gzip' ? res.pipe(zlib.createGunzip()) : encoding === 'deflate' ? res.pipe(zlib.createInflate()) : encoding === 'br' ? res.pipe(zlib.createBrotliDecompress()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          fail(new ImportError('too-large', `the page is over the ${megabytes(limits.maxBytes)} limit`));
          body.destroy();
        } else chunks.push(chunk);
      });
      body.on('error', (err: Error) => fail(signal.aborted ? signal.reason : new ImportError('unreachable', `the page could not be read to its end (${err.message})`)));
      res.on('aborted', () => fail(new ImportError('unreachable', `${url.host} closed the connection before the page was complete`)));
      body.on('end', () => {
        if (size > limits.maxBytes) return;
        const bytes = new Uint8Array(Buffer.concat(chunks));
        if (!hop.contentType && !looksLikeHtml(bytes)) return reject(new ImportError('not-html', 'the address is not a web page (no content type, and the content is not HTML)'));
        resolve({ ...hop, bytes });
      });
    });
    req.end();
  });
}

/** The page at `address`, following redirects; `cancel` (a user's Cancel) rejects with its reason. */
export async function fetchPage(address: string, limits: FetchLimits = DEFAULT_LIMITS, cancel?: AbortSignal): Promise<FetchedPage> {
  let url = parsePageUrl(address);
  const timeout = new AbortController();
  const timeoutError = new ImportError('timeout', `${url.host} did not answer within ${Math.round(limits.timeoutMs / 100) / 10} s`);
  const timer = setTimeout(() => timeout.abort(timeoutError), limits.timeoutMs);
  const signal = cancel ? AbortSignal.any([timeout.signal, cancel]) : timeout.signal;
  const seen = new Set<string>([url.href]);
  try {
    for (let redirects = 0; ; redirects++) {
      const hop = await requestOnce(url, limits, signal);
      if (hop.bytes) return { url: url.href, contentType: hop.contentType, bytes: hop.bytes };
      if (hop.status >= 300 && hop.status < 400 && hop.location) {
        const next = new URL(hop.location, url);
        if (seen.has(next.href)) throw new ImportError('redirect-loop', `the page redirects in a loop (${url.href} → ${next.href})`);
        if (redirects >= limits.maxRedirects) throw new ImportError('too-many-redirects', `the page redirected more than ${limits.maxRedirects} times`);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new ImportError('bad-input', `the page redirects to a ${next.protocol} address`);
        seen.add(next.href);
        url = next;
        continue;
      }
      throw new ImportError('http-status', `the server answered ${hop.status}${hop.statusText ? ` ${hop.statusText}` : ''} for ${url.href}`);
    }
  } catch (err) {
    if (signal.aborted && err === signal.reason) throw signal.reason;
    if (timeout.signal.aborted) throw timeoutError;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
