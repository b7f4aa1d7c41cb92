// The CLI as a user runs it (the built dist/cli.js): formats, exit codes and the JSON interface.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { corpusAvailable, corpusDir, repoRoot } from './helpers';
import { parseCsv } from './csv';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const seed = path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout');

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
});
