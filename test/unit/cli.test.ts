// The CLI as a user runs it (the built dist/cli.js): formats, exit codes and the JSON interface.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import Module from 'module';
import { corpusAvailable, corpusDir, repoRoot } from './helpers';
import { parseCsv } from './csv';
import type { Comparison } from '../../src/core/compare/compare';
import { cacheFileOf } from '../../src/cli/launch';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const seed = path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout');
const pairA = path.join(repoRoot, 'test', 'fixtures', 'workspace', 'pair-a.readout');
const pairB = path.join(repoRoot, 'test', 'fixtures', 'workspace', 'pair-b.readout');
const packageVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('readout-lens CLI', () => {
  before(function () {
    if (!fs.existsSync(cli)) this.skip();
  });

  it('writes the versioned JSON interface for the seed', () => {
    const r = run('analyze', seed);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.strictEqual(out.version, 1);
    const [file] = out.files;
    assert.strictEqual(file.header.date, '2023-05-19');
    assert.ok(file.sentences.length > 10);
    for (const s of file.sentences) assert.ok(typeof s.start === 'number' && s.end > s.start && Array.isArray(s.topics));
    const text = fs.readFileSync(seed, 'utf8');
    for (const c of file.commitments) {
      assert.deepStrictEqual(Object.keys(c).slice(0, 7), ['start', 'end', 'text', 'strength', 'negated', 'actor', 'sentence']);
      assert.strictEqual(text.slice(c.start, c.end), c.text);
      assert.ok(c.strength === 'firm' || c.strength === 'hedged');
    }
    const ipef = file.entities.find((e: { id: string; text: string }) => e.id === 'ipef' && e.text === 'IPEF');
    assert.ok(ipef, 'IPEF is an entity');
    assert.strictEqual(text.slice(ipef.start, ipef.end), 'IPEF');
    assert.strictEqual(ipef.type, 'agreement');
  });

  it('walks folders for .readout files and streams NDJSON', () => {
    const r = run('analyze', '--format', 'ndjson', path.join(repoRoot, 'samples'));
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines.length, 1);
    assert.match(JSON.parse(lines[0]).path, /kishida-biden-2023-05-19\.readout$/);
  });

  it('writes CSV that parses back, one row per cue', () => {
    const json = JSON.parse(run('analyze', seed).stdout);
    const r = run('analyze', '--format', 'csv', seed);
    assert.strictEqual(r.code, 0, r.stderr);
    const rows = parseCsv(r.stdout);
    assert.deepStrictEqual(rows[0].slice(0, 4), ['path', 'line', 'column', 'start']);
    assert.strictEqual(rows.length - 1, json.files[0].commitments.length);
    for (const row of rows) assert.strictEqual(row.length, rows[0].length);
  });

  it('writes SARIF 2.1.0 with a result per cue', () => {
    const r = run('analyze', '--format', 'sarif', seed);
    assert.strictEqual(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.strictEqual(log.version, '2.1.0');
    const results = log.runs[0].results;
    assert.ok(results.length > 10);
    for (const res of results) {
      assert.ok(['firm-commitment', 'hedged-commitment'].includes(res.ruleId));
      const region = res.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
    }
  });

  it('reads corpus .txt files with --ext', function () {
    if (!corpusAvailable()) return this.skip();
    const r = run('analyze', '--ext', '.txt', '--format', 'ndjson', corpusDir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout.trim().split('\n').length, fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).length);
  });

  it('exits 2 with a one-line reason on bad arguments and unreadable input', () => {
    const bad = run('analyze', '--format', 'xml', seed);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /unknown format "xml"/);
    const missing = run('analyze', path.join(repoRoot, 'no-such-file.readout'));
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /no-such-file\.readout: cannot read \(ENOENT\)/);
    const none = run('analyze');
    assert.strictEqual(none.code, 2);
  });

  it('reports binary input instead of analysing it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-'));
    const junk = path.join(dir, 'junk.readout');
    fs.writeFileSync(junk, Buffer.from([0x41, 0x00, 0x42, 0xff, 0x00]));
    const r = run('analyze', junk);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /junk\.readout: cannot analyse \(binary content/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints package.json\'s version, and names it in SARIF', () => {
    for (const args of [['--version'], ['-v'], ['analyze', '-v'], ['compare', '--version']]) {
      const r = run(...args);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.strictEqual(r.stdout, `${packageVersion}\n`, args.join(' '));
    }
    assert.strictEqual(JSON.parse(run('analyze', '--format', 'sarif', seed).stdout).runs[0].tool.driver.version, packageVersion);
  });

  it('prints each command\'s help on stdout with exit 0', () => {
    const main = run('--help');
    assert.strictEqual(main.code, 0);
    assert.match(main.stdout, /^Usage: readout-lens analyze/);
    assert.match(main.stdout, /readout-lens compare/);
    const compare = run('compare', '-h');
    assert.strictEqual(compare.code, 0);
    assert.match(compare.stdout, /^Usage: readout-lens compare/);
  });

  it('reports usage errors the same way for every command: reason, usage, exit 2', () => {
    const cases: Array<[string[], RegExp, RegExp]> = [
      [['analyze', '--bogus', seed], /^readout-lens: unknown option --bogus\n\nUsage: readout-lens analyze/, /unknown option/],
      [['analyze', seed, '--format'], /^readout-lens: --format needs a value\n\nUsage: readout-lens analyze/, /needs a value/],
      [['analyze', '--format=', seed], /^readout-lens: --format needs a value\n/, /needs a value/],
      [['analyze', '--stats=yes', seed], /^readout-lens: --stats takes no value\n/, /takes no value/],
      [['analyze', '--jobs', '0', seed], /^readout-lens: --jobs needs a whole number of at least 1\n/, /whole number/],
      [['analyze', '--max-size-mb', 'x', seed], /^readout-lens: --max-size-mb needs a positive number\n/, /positive number/],
      [['analyze', '--format', 'markdown', seed], /^readout-lens: unknown format "markdown" \(use json, ndjson, csv, sarif\)\n/, /unknown format/],
      [['analyze'], /^readout-lens: no files or folders given\n\nUsage: readout-lens analyze/, /no files/],
      [['bogus', seed], /^readout-lens: unknown command "bogus"\n\nUsage: readout-lens analyze/, /unknown command/],
      [[], /^readout-lens: no command given\n\nUsage:/, /no command/],
      // compare has options of its own, parsed by the same parser against its own table.
      [['compare', '--jobs', '2', pairA, pairB], /^readout-lens: unknown option --jobs\n\nUsage: readout-lens compare/, /unknown option/],
      [['compare', '--format', 'csv', pairA, pairB], /^readout-lens: unknown format "csv" \(use markdown, json\)\n\nUsage: readout-lens compare/, /unknown format/],
      [['compare', pairA, '--lexicon'], /^readout-lens: --lexicon needs a value\n\nUsage: readout-lens compare/, /needs a value/],
      [['compare', pairA], /^readout-lens: compare needs exactly two readouts \(got 1\)\n\nUsage: readout-lens compare/, /exactly two/],
    ];
    for (const [args, stderr, what] of cases) {
      const r = run(...args);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.strictEqual(r.stdout, '', args.join(' '));
      assert.match(r.stderr, stderr, `${what}: ${args.join(' ')}`);
      assert.match(r.stderr, /Exit codes: 0 every input analysed[\s\S]*nothing is written\)\.\n[\s\S]*closed pipe[^\n]*\n$/);
    }
  });

  it('takes options before the command and "--" as the end of the options', () => {
    const json = run('analyze', seed).stdout;
    assert.strictEqual(run('--format', 'json', 'analyze', seed).stdout, json);
    assert.strictEqual(run('analyze', '--', seed).stdout, json);
  });

  it('exits 0 on a truncated file and 2 on an unreadable lexicon, without writing the output', () => {
    const truncated = run('analyze', '--max-size-mb', '0.001', seed);
    assert.strictEqual(truncated.code, 0, truncated.stderr);
    assert.match(truncated.stderr, /analysed only the first 0\.001 MB/);
    const lexicon = run('analyze', '--lexicon', path.join(repoRoot, 'no-such-lexicon.yaml'), seed);
    assert.strictEqual(lexicon.code, 2);
    assert.match(lexicon.stderr, /no-such-lexicon\.yaml: cannot read lexicon \(ENOENT\)/);
    assert.strictEqual(lexicon.stdout, '');
  });

  it('writes the empty report for a folder without readouts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-'));
    const r = run('analyze', dir);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, '{\n  "version": 1,\n  "files": []\n}\n');
  });
});

describe('readout-lens CLI lexicon snapshot', () => {
  let pkg: string;
  before(function () {
    if (!fs.existsSync(cli) || !fs.existsSync(path.join(repoRoot, 'dist', 'lexicons.json'))) return this.skip();
    // A package of its own: the bundle and the YAML, with or without dist/lexicons.json beside them.
    pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-pkg-'));
    fs.mkdirSync(path.join(pkg, 'dist'));
    fs.copyFileSync(cli, path.join(pkg, 'dist', 'cli.js'));
    fs.copyFileSync(path.join(repoRoot, 'dist', 'cliMain.js'), path.join(pkg, 'dist', 'cliMain.js'));
    fs.cpSync(path.join(repoRoot, 'lexicons'), path.join(pkg, 'lexicons'), { recursive: true });
  });
  after(() => {
    if (pkg) fs.rmSync(pkg, { recursive: true, force: true });
  });
  const ipefFound = (): boolean => {
    const r = spawnSync(process.execPath, [path.join(pkg, 'dist', 'cli.js'), 'analyze', seed], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout).files[0].entities as { id: string }[]).some((e) => e.id === 'ipef');
  };

  it('reads the built-in lexicons from the snapshot when it matches the YAML, from the YAML otherwise', () => {
    assert.ok(ipefFound(), 'no snapshot: the YAML');
    // A snapshot that matches the YAML's fingerprints but lacks IPEF shows which one the CLI read.
    const snapshot = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'lexicons.json'), 'utf8')) as { lexicon: { entities: { id: string }[] } };
    snapshot.lexicon.entities = snapshot.lexicon.entities.filter((e) => e.id !== 'ipef');
    fs.writeFileSync(path.join(pkg, 'dist', 'lexicons.json'), JSON.stringify(snapshot));
    assert.ok(!ipefFound(), 'a matching snapshot is read');
    fs.appendFileSync(path.join(pkg, 'lexicons', 'entities.yaml'), '\n# edited after the build\n');
    assert.ok(ipefFound(), 'a snapshot older than the YAML is not read');
  });
});

describe('readout-lens CLI code cache', () => {
  const bundle = path.join(repoRoot, 'dist', 'cliMain.js');
  before(function () {
    if (!fs.existsSync(cli) || !fs.existsSync(bundle)) this.skip();
  });

  it('names the cache by the stamp on the bundle\'s first line, and no cache for a bundle without one', () => {
    const dir = path.join('some', 'dist');
    assert.strictEqual(cacheFileOf('// readout-lens build 0123456789abcdef\n"use strict";', dir), path.join(dir, 'cliMain.0123456789abcdef.cache'));
    assert.strictEqual(cacheFileOf('// readout-lens build 0123456789abcdef\r\n"use strict";', dir), path.join(dir, 'cliMain.0123456789abcdef.cache'));
    // A --watch build leaves the stamp unwritten; a bundle from elsewhere has none: both compile without a cache.
    assert.strictEqual(cacheFileOf('// readout-lens build 0000000000000000\n"use strict";', dir), undefined);
    assert.strictEqual(cacheFileOf('"use strict";\n// readout-lens build 0123456789abcdef\n', dir), undefined);
    assert.strictEqual(cacheFileOf('// readout-lens build 0123\n', dir), undefined);
  });

  it('is written by the build for the bundle as built: the stamp is its hash and V8 accepts the cache', () => {
    const source = fs.readFileSync(bundle, 'utf8');
    const stamp = /^\/\/ readout-lens build ([0-9a-f]{16})\n/.exec(source)?.[1];
    assert.ok(stamp, 'the bundle carries a stamp');
    const unstamped = source.replace(stamp, '0'.repeat(16));
    assert.strictEqual(createHash('sha1').update(unstamped).digest('hex').slice(0, 16), stamp);
    const cacheFile = cacheFileOf(source, path.dirname(bundle));
    assert.ok(cacheFile !== undefined && fs.existsSync(cacheFile), `${cacheFile} exists`);
    const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: fs.readFileSync(cacheFile) });
    assert.strictEqual(script.cachedDataRejected, false);
  });
});

describe('readout-lens compare', () => {
  before(function () {
    if (!fs.existsSync(cli)) this.skip();
  });

  it('writes Markdown with the mismatch and the omissions', () => {
    const r = run('compare', pairA, pairB);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Comparison: pair-a\.readout ↔ pair-b\.readout/);
    assert.match(r.stdout, /## Stated firmly by one side, hedged by the other\n\n- \*\*A:\*\* the two leaders \*\*agreed to\*\* launch a joint working group/);
    assert.match(r.stdout, /### Only in pair-a\.readout[\s\S]*undersea cables/);
    assert.match(r.stdout, /### Only in pair-b\.readout[\s\S]*semiconductors/);
    assert.strictEqual(run('compare', '--format', 'md', pairA, pairB).stdout, r.stdout);
  });

  it('writes the Comparison as JSON', () => {
    const r = run('compare', '--format', 'json', pairA, pairB);
    assert.strictEqual(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout) as Comparison;
    assert.strictEqual(c.version, 1);
    assert.strictEqual(c.matches.filter((m) => m.mismatch === 'strength').length, 1);
  });

  it('exits 2 with a one-line reason on an unreadable file', () => {
    const missing = run('compare', pairA, path.join(repoRoot, 'no-such-file.readout'));
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.stdout, '');
    assert.match(missing.stderr, /^readout-lens: \S*no-such-file\.readout: cannot read \(ENOENT\)\n$/);
  });
});
