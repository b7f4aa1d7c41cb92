// Importing readouts from web pages, against a server on 127.0.0.1 that these tests start: pages of our own
// making in several government sites' shapes (test/fixtures/import/), and every way a fetch can fail.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { dateLine, isoDate } from '../../src/core/import/dates';
import { decodePage } from '../../src/core/import/charset';
import { readoutFromPlainText, readoutText } from '../../src/core/import/readoutText';
import { importFromClipboard, importFromHtmlBytes, importFromUrl, isImportError, loadSiteHints, type ImportFailure } from '../../src/import/index';
import { parseReadout, repoRoot } from './helpers';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'import');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(fixtures, name));
const cli = path.join(repoRoot, 'dist', 'cli.js');

/** The test server's pages: path → handler. Only this process's own server on 127.0.0.1 is ever asked. */
function routes(big: Buffer): Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> {
  const page = (name: string, type = 'text/html; charset=utf-8', gzip = false) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = fixture(name);
    res.writeHead(200, { 'content-type': type, ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(gzip ? zlib.gzipSync(body) : body);
  };
  return {
    '/wh/readout': page('whitehouse-readout.html'),
    '/uk/news': page('govuk-news.html', 'text/html; charset=utf-8', true),
    '/jp/press': page('mofa-shift_jis.html', 'text/html'),
    '/fr/entretien': page('elysee-windows-1252.html', 'text/html; charset=windows-1252'),
    '/landing': page('landing-page.html'),
    '/moved': (_req, res) => res.writeHead(301, { location: '/wh/readout' }).end(),
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Page not found</h1>'),
    '/broken': (_req, res) => res.writeHead(503, 'Service Unavailable').end(),
    '/report.pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n'),
    '/data.json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"x"}'),
    '/big': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': big.length }).end(big),
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write(big.subarray(0, big.length / 2));
      res.end(big.subarray(big.length / 2));
    },
    '/bad-charset': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=x-klingon' }).end('<p>nuqneH</p>'),
    '/hang': () => {
      // Never answers: the request stays open until the client gives up.
    },
  };
}

describe('import a readout from a web page', function () {
  this.timeout(10000);
  let server: http.Server;
  let base: string;
  let closedPort: number;
  const hints = loadSiteHints(path.join(repoRoot, 'lexicons', 'import-sites.yaml'));
  const big = Buffer.from(`<html><body><article>${'<p>Padding paragraph of a page far too large to import.</p>'.repeat(4000)}</article></body></html>`);

  before(async () => {
    const table = routes(big);
    server = http.createServer((req, res) => (table[req.url ?? ''] ?? ((_q, r: http.ServerResponse) => r.writeHead(404).end()))(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A port that was just free and is closed again: connecting to it is refused.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fast = { timeoutMs: 400, maxBytes: 64 * 1024, maxRedirects: 5 };

  async function failure(url: string, limits = fast): Promise<{ failure: ImportFailure; message: string }> {
    try {
      await importFromUrl(url, { limits, hints });
    } catch (err) {
      assert.ok(isImportError(err), `an ImportError, not ${String(err)}`);
      return { failure: err.failure, message: err.message };
    }
    throw new Error(`${url} was imported`);
  }

  it('imports a White House readout: front matter from the metadata, the article without nav, share links or footer', async () => {
    const { text, readout } = await importFromUrl(`${base}/wh/readout`, { hints });
    assert.strictEqual(readout.title, 'Readout of President’s Call with Prime Minister of Norland');
    assert.strictEqual(readout.date, '2024-03-14');
    assert.strictEqual(readout.source, `${base}/wh/readout`);
    assert.strictEqual(readout.government, 'United States - The White House');
    assert.strictEqual(readout.paragraphs.length, 4);
    assert.ok(readout.paragraphs[0].startsWith('Today, the President spoke with Prime Minister Anna Vestergaard of Norland to congratulate her'), 'line wraps joined');
    assert.doesNotMatch(text, /Share on|Copy link|Previous:|Privacy Policy|Sign up|Skip to content|Briefing Room/);
    const parsed = parseReadout(text);
    assert.strictEqual(parsed.header.kind, 'front-matter');
    assert.strictEqual(parsed.header.date, '2024-03-14');
    assert.strictEqual(parsed.header.source, `${base}/wh/readout`);
    assert.strictEqual(parsed.header.government, 'United States - The White House');
    assert.strictEqual(parsed.paragraphs.length, 4);
  });

  it('imports a GOV.UK news page (gzip): no cookie banner, related content, feedback form or footer', async () => {
    const { text, readout } = await importFromUrl(`${base}/uk/news`, { hints });
    assert.strictEqual(readout.title, 'PM call with President of Astoria: 5 July 2024');
    assert.strictEqual(readout.date, '2024-07-05');
    assert.strictEqual(readout.government, "United Kingdom - Prime Minister's Office, 10 Downing Street");
    assert.deepStrictEqual(readout.paragraphs.slice(0, 1), ['The Prime Minister spoke to President Tomas Reyes of Astoria this afternoon.']);
    assert.strictEqual(readout.paragraphs.at(-1), 'The leaders agreed to speak again soon.');
    assert.strictEqual(readout.paragraphs.length, 5);
    assert.doesNotMatch(text, /cookies|Related content|Is this page useful|Help us improve|Crown copyright|Press release|Print this page/i);
    assert.strictEqual(parseReadout(text).header.title, readout.title, 'a title with ": " is quoted in the YAML');
  });

  it('reads a page in Shift_JIS declared only in a <meta> (a MOFA-shaped page), joining Japanese line wraps without a space', async () => {
    const { readout, encoding } = await importFromUrl(`${base}/jp/press`, { hints });
    assert.strictEqual(encoding, 'shift_jis');
    assert.strictEqual(readout.title, '日・ノーランド首脳電話会談');
    assert.strictEqual(readout.date, '2022-07-08');
    assert.strictEqual(readout.government, 'Japan - Ministry of Foreign Affairs (MOFA)');
    assert.ok(readout.paragraphs.includes('両首脳は、法の支配に基づく自由で開かれた国際秩序を維持・強化するため、引き続き緊密に連携していくことで一致しました。'), readout.paragraphs.join('\n'));
    assert.ok(!readout.paragraphs.some((p) => /トップへ|関連リンク|Copyright/.test(p)));
  });

  it('reads a page in windows-1252 declared in the Content-Type header (an Élysée-shaped page)', async () => {
    const { readout, encoding } = await importFromUrl(`${base}/fr/entretien`, { hints });
    assert.strictEqual(encoding, 'windows-1252');
    assert.strictEqual(readout.title, 'Entretien du Président de la République avec le Premier ministre de Norland');
    assert.strictEqual(readout.date, '2024-02-20');
    assert.strictEqual(readout.government, 'France - Présidence de la République');
    assert.strictEqual(readout.paragraphs.length, 3);
    assert.match(readout.paragraphs[2], /soutien indéfectible de la France à l'Ukraine/);
    assert.ok(!readout.paragraphs.some((p) => /cookies|Partager|À lire aussi|Mentions légales/.test(p)));
  });

  it('follows a redirect and names the page it landed on as the source', async () => {
    const { readout } = await importFromUrl(`${base}/moved`, { hints });
    assert.strictEqual(readout.source, `${base}/wh/readout`);
  });

  it('fails with a clear message for each bad answer', async () => {
    assert.deepStrictEqual(await failure(`${base}/missing`), { failure: 'http-status', message: `the server answered 404 Not Found for ${base}/missing` });
    assert.strictEqual((await failure(`${base}/broken`)).failure, 'http-status');
    const loop = await failure(`${base}/loop-a`);
    assert.strictEqual(loop.failure, 'redirect-loop');
    assert.match(loop.message, /redirects in a loop/);
    assert.deepStrictEqual(await failure(`${base}/report.pdf`), { failure: 'not-html', message: 'the address is not a web page but application/pdf' });
    assert.strictEqual((await failure(`${base}/data.json`)).failure, 'not-html');
    assert.strictEqual((await failure(`${base}/landing`)).failure, 'no-article');
    const tooLarge = await failure(`${base}/big`);
    assert.strictEqual(tooLarge.failure, 'too-large');
    assert.match(tooLarge.message, /^the page is 0\.2\d MB, over the 0\.06 MB limit$/);
    assert.strictEqual((await failure(`${base}/big-chunked`)).failure, 'too-large');
    assert.match((await failure(`${base}/bad-charset`)).message, /encoding that cannot be read \("x-klingon"\)/);
    assert.strictEqual((await failure('ftp://127.0.0.1/readout')).failure, 'bad-input');
    assert.strictEqual((await failure('not a url')).failure, 'bad-input');
  });

  it('gives up on a server that never answers, within the time limit', async () => {
    const started = Date.now();
    const r = await failure(`${base}/hang`, { ...fast, timeoutMs: 300 });
    assert.deepStrictEqual(r, { failure: 'timeout', message: '127.0.0.1:' + base.split(':').pop() + ' did not answer within 0.3 s' });
    assert.ok(Date.now() - started < 2000);
  });

  it('says a host cannot be reached when nothing listens on its port', async () => {
    const r = await failure(`http://127.0.0.1:${closedPort}/readout`);
    assert.strictEqual(r.failure, 'unreachable');
    assert.strictEqual(r.message, `cannot reach 127.0.0.1:${closedPort} (ECONNREFUSED)`);
  });

  it('stops when the user cancels', async () => {
    const cancel = new AbortController();
    const reason = new Error('cancelled by the user');
    setTimeout(() => cancel.abort(reason), 50);
    await assert.rejects(importFromUrl(`${base}/hang`, { hints, cancel: cancel.signal, limits: { timeoutMs: 5000 } }), (err) => err === reason);
  });

  describe('the CLI (dist/cli.js)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-import-'));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));
    before(function () {
      if (!fs.existsSync(cli)) this.skip();
    });
    // Asynchronous: the server answering these requests runs in this very process.
    const run = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => execFile(process.execPath, [cli, ...args], { cwd: tmp }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr })));

    it('writes the readout to stdout, or whole to the -o file', async () => {
      const out = await run('import', `${base}/uk/news`);
      assert.strictEqual(out.code, 0, out.stderr);
      assert.match(out.stdout, /^---\ntitle: "PM call with President of Astoria: 5 July 2024"\ndate: 2024-07-05\nsource: http:\/\/127\.0\.0\.1:\d+\/uk\/news\ngovernment: United Kingdom - Prime Minister's Office, 10 Downing Street\n---\n\nThe Prime Minister spoke/);
      const file = path.join(tmp, 'wh.readout');
      const written = await run('import', `${base}/wh/readout`, '-o', file);
      assert.strictEqual(written.code, 0, written.stderr);
      assert.strictEqual(written.stdout, '');
      assert.match(fs.readFileSync(file, 'utf8'), /^---\ntitle: Readout of President’s Call/);
      const saved = await run('import', path.join(fixtures, 'mofa-shift_jis.html'), '--output', path.join(tmp, 'jp.readout'));
      assert.strictEqual(saved.code, 0, saved.stderr);
      assert.match(fs.readFileSync(path.join(tmp, 'jp.readout'), 'utf8'), /government: Japan - Ministry of Foreign Affairs \(MOFA\)/);
    });

    it('exits 2 with the reason and writes nothing when the import fails', async () => {
      for (const [url, reason] of [
        [`${base}/missing`, /the server answered 404 Not Found/],
        [`${base}/landing`, /no article found/],
        [`http://127.0.0.1:${closedPort}/x`, /cannot reach/],
      ] as const) {
        const file = path.join(tmp, 'failed.readout');
        const r = await run('import', url, '-o', file);
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, reason);
        assert.ok(!fs.existsSync(file), 'no file written');
        assert.deepStrictEqual(fs.readdirSync(tmp).filter((f) => f.includes('failed')), [], 'no temporary file left');
      }
      const timeout = await run('import', `${base}/hang`, '--timeout-s', '0.3');
      assert.strictEqual(timeout.code, 2);
      assert.match(timeout.stderr, /did not answer within 0\.3 s/);
      const usage = await run('import');
      assert.strictEqual(usage.code, 2);
      assert.match(usage.stderr, /import needs exactly one web address or HTML file/);
    });
  });
});

describe('import from a saved HTML file or the clipboard', () => {
  const hints = loadSiteHints(path.join(repoRoot, 'lexicons', 'import-sites.yaml'));

  it('knows the site of a saved page from its canonical link and reads its declared encoding', () => {
    const { readout } = importFromHtmlBytes(fixture('mofa-shift_jis.html'), hints);
    assert.strictEqual(readout.government, 'Japan - Ministry of Foreign Affairs (MOFA)');
    assert.strictEqual(readout.source, undefined);
    assert.throws(() => importFromHtmlBytes(fixture('landing-page.html'), hints), (err) => isImportError(err) && err.failure === 'no-article');
    assert.throws(() => importFromHtmlBytes(fixture('govuk-news.html'), hints, 1000), (err) => isImportError(err) && err.failure === 'too-large');
  });

  it('imports HTML copied from a browser, a short fragment and plain text', () => {
    assert.strictEqual(importFromClipboard(fixture('whitehouse-readout.html').toString('utf8'), hints).readout.paragraphs.length, 4);
    const fragment = importFromClipboard('<p>The leaders met in Geneva.</p><p>They agreed to\nmeet again.</p>', hints);
    assert.deepStrictEqual(fragment.readout.paragraphs, ['The leaders met in Geneva.', 'They agreed to meet again.']);
    const plain = importFromClipboard('Readout of the Call\n\nJuly 5, 2024\n\nThe two leaders agreed\nto work together.\n\nThey will meet soon.', hints);
    assert.strictEqual(plain.text, '---\ntitle: Readout of the Call\ndate: 2024-07-05\n---\n\nThe two leaders agreed to work together.\n\nThey will meet soon.\n');
    assert.throws(() => importFromClipboard('   ', hints), (err) => isImportError(err) && err.failure === 'bad-input');
  });
});

describe('import building blocks', () => {
  it('reads dates as pages print them', () => {
    assert.strictEqual(isoDate('2024-07-05T23:30:00-04:00'), '2024-07-05');
    assert.strictEqual(isoDate('July 5, 2024'), '2024-07-05');
    assert.strictEqual(isoDate('Sept. 30, 2023'), '2023-09-30');
    assert.strictEqual(isoDate('5th July 2024'), '2024-07-05');
    assert.strictEqual(isoDate('2022年7月8日'), '2022-07-08');
    assert.strictEqual(isoDate('February 30, 2024'), undefined);
    assert.strictEqual(dateLine('Published 5 July 2024'), '2024-07-05');
    assert.strictEqual(dateLine('Friday, July 5, 2024 | 6:42 PM EDT'), '2024-07-05');
    assert.strictEqual(dateLine('On July 5, 2024, the leaders agreed to meet.'), undefined);
  });

  it('writes front matter the readout reader reads back', () => {
    const text = readoutText({ title: 'Call: a readout', date: '2024-07-05', source: 'https://example.invalid/a#b', government: 'Yes', paragraphs: ['One\n two.', '', 'Three.'] });
    assert.strictEqual(text, '---\ntitle: "Call: a readout"\ndate: 2024-07-05\nsource: https://example.invalid/a#b\ngovernment: "Yes"\n---\n\nOne two.\n\nThree.\n');
    const header = parseReadout(text).header;
    assert.deepStrictEqual([header.title, header.date, header.source, header.government], ['Call: a readout', '2024-07-05', 'https://example.invalid/a#b', 'Yes']);
    assert.deepStrictEqual(readoutFromPlainText('No title here.\n\nBody.').paragraphs, ['No title here.', 'Body.']);
  });

  it('decodes by BOM, header, meta, else UTF-8 with a windows-1252 fallback', () => {
    assert.strictEqual(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text, 'A');
    assert.strictEqual(decodePage(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).text, 'café');
    assert.strictEqual(decodePage(new Uint8Array(Buffer.from('<meta charset="iso-8859-1"><p>\u00e9</p>', 'latin1'))).encoding, 'windows-1252');
    assert.strictEqual(decodePage(new Uint8Array(Buffer.from('caf\u00e9', 'utf8')), 'text/html').text, 'café');
  });
});
