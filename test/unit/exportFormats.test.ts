// The export formats as other tools read them: SARIF against the official SARIF 2.1.0 JSON schema (shipped
// in @microsoft/jest-sarif, validated with Ajv's draft-04 build), CSV parsed back.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon } from '../../src/core/pipeline/compile';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import { artifactUri, CSV_HEADER, csvRows, sarifReport } from '../../src/core/report/report';
import { corpusAvailable, corpusDir, readRepoFile, repoRoot } from './helpers';
import { parseCsv } from './csv';

interface SarifLog {
  runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; tool: { driver: { name?: string } } }[];
}

const uris = (log: SarifLog): string[] => [...new Set(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))];

function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The official schema's language-tag pattern is not valid as a Unicode regular expression; Ajv must
  // compile patterns without the u flag to load it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile<SarifLog>(schema);
}

describe('export formats', () => {
  const compiled = () => compileLexicon(loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }))).lexicon);

  it('the CLI\'s SARIF for the samples validates against the SARIF 2.1.0 schema', function () {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    if (!fs.existsSync(cli)) this.skip();
    const r = spawnSync(process.execPath, [cli, 'analyze', '--format', 'sarif', path.join(repoRoot, 'samples')], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const validate = sarifValidator();
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.ok(log.runs[0].results.length > 10);
  });

  it('SARIF for the corpus and for odd text validates too, and the schema rejects a broken log', function () {
    const c = compiled();
    const inputs = [{ uri: 'odd.readout', text: 'date 2024-01-01 "Quotes" and\ttabs; they will "agree" to \u2028 things.', analysis: analyze('date 2024-01-01 "Quotes" and\ttabs; they will "agree" to \u2028 things.', c) }];
    if (corpusAvailable()) {
      for (const f of fs.readdirSync(corpusDir).filter((n) => n.endsWith('.txt'))) {
        const text = fs.readFileSync(path.join(corpusDir, f), 'utf8');
        inputs.push({ uri: `corpus/${f}`, text, analysis: analyze(text, c) });
      }
    } else console.log('      (corpus not present: validating the odd sample only)');
    const validate = sarifValidator();
    const log = JSON.parse(sarifReport(inputs, c, '0.1.0')) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    delete log.runs[0].tool.driver.name;
    assert.ok(!validate(log), 'a log without a driver name is invalid');
  });

  it('SARIF artifact URIs are valid URI references: each path segment percent-encoded, / kept', () => {
    const c = compiled();
    const text = 'date 2024-01-01 The two leaders agreed to open a consulate.';
    const analysis = analyze(text, c);
    const names: [string, string][] = [
      ['plain/pair-b.readout', 'plain/pair-b.readout'],
      ['dir with space/a b.readout', 'dir%20with%20space/a%20b.readout'],
      ['no#1 100%.readout', 'no%231%20100%25.readout'],
      ['what?.readout', 'what%3F.readout'],
      ['日本/café.readout', '%E6%97%A5%E6%9C%AC/caf%C3%A9.readout'],
      ['../up/x.readout', '../up/x.readout'],
      ['a:b.readout', 'a%3Ab.readout'],
      ['back\\slash.readout', 'back%5Cslash.readout'],
      ['C:\\Users\\me\\My Readouts\\a#1.readout', 'file:///C:/Users/me/My%20Readouts/a%231.readout'],
      ['\\\\server\\share\\a b.readout', 'file://server/share/a%20b.readout'],
      ['/home/me/a b.readout', 'file:///home/me/a%20b.readout'],
    ];
    for (const [name, uri] of names) assert.strictEqual(artifactUri(name), uri, name);
    const log = JSON.parse(sarifReport(names.map(([name]) => ({ uri: name, text, analysis })), c, '0.1.0')) as SarifLog;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.deepStrictEqual(uris(log), names.map(([, uri]) => uri));
    // A relative reference reads back as the path it was made from.
    for (const [name, uri] of names.slice(0, 8)) assert.strictEqual(uri.split('/').map(decodeURIComponent).join('/'), name);
  });

  it('the CLI\'s SARIF encodes file names with spaces, #, % and non-ASCII letters', function () {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    if (!fs.existsSync(cli)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-sarif-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub dir'));
      for (const f of ['sub dir/a b#1 100%.readout', 'café.readout']) fs.writeFileSync(path.join(dir, f), 'date 2024-01-01 The two leaders agreed to open a consulate.\n');
      const r = spawnSync(process.execPath, [cli, 'analyze', '--format', 'sarif', '.'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      const log = JSON.parse(r.stdout) as SarifLog;
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.deepStrictEqual(uris(log).sort(), ['caf%C3%A9.readout', 'sub%20dir/a%20b%231%20100%25.readout']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CSV rows parse back with the header\'s columns and the cue text at its offsets', () => {
    const text = readRepoFile('samples/kishida-biden-2023-05-19.readout');
    const analysis = analyze(text, compiled());
    const csv = [CSV_HEADER.join(','), ...csvRows('seed.readout', text, analysis)].join('\n') + '\n';
    const rows = parseCsv(csv);
    assert.deepStrictEqual(rows[0], CSV_HEADER);
    assert.strictEqual(rows.length - 1, analysis.cues.length);
    const col = (name: string) => CSV_HEADER.indexOf(name);
    for (const row of rows.slice(1)) {
      assert.strictEqual(row.length, CSV_HEADER.length);
      assert.strictEqual(text.slice(Number(row[col('start')]), Number(row[col('end')])), row[col('cue')]);
    }
  });
});
