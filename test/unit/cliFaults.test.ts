// The CLI given hostile or broken input (issue 16): control characters in names, closed pipes, endless and
// over-size inputs, other encodings, symlinks, lexicon errors. Each runs the built dist/cli.js as a user would.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { fileReport, jsonReport } from '../../src/core/report/report';
import { compiledBuiltins, repoRoot, sharedRoot } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const seed = path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout');

function run(args: string[], cwd = repoRoot): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Control characters a terminal acts on: C0 (but tab), DEL and C1. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

describe('readout-lens CLI faults', () => {
  let dir: string;
  before(function () {
    if (!fs.existsSync(cli)) this.skip();
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-faults-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('escapes control characters of file names and lexicon values in every stderr message', () => {
    const missing = run(['analyze', path.join(dir, 'x\u001b[2J\u009b31m\rgone.readout')]);
    assert.strictEqual(missing.code, 2);
    assert.ok(!CONTROLS.test(missing.stderr.replace(/\n$/, '')), JSON.stringify(missing.stderr));
    assert.match(missing.stderr, /x\\x1b\[2J\\x9b31m\\rgone\.readout: cannot read/);
    const lexicon = path.join(dir, 'lex\u001b]0;title\u0007.yaml');
    fs.writeFileSync(lexicon, 'bogus\u001b[2J: 1\n');
    const r = run(['analyze', '--lexicon', lexicon, seed]);
    for (const line of r.stderr.split('\n')) assert.ok(!CONTROLS.test(line), JSON.stringify(line));
    assert.match(r.stderr, /lex\\x1b\]0;title\\x07\.yaml:1:1: unknown-key: Unknown section "bogus\\x1b\[2J"/);
  });
});

describe('readout-lens CLI exit codes', () => {
  let dir: string;
  before(function () {
    if (!fs.existsSync(cli)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-exit-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('0: analysed, warnings do not fail; 1: analysed but a lexicon had errors; 2: bad arguments or unreadable input', () => {
    const truncated = run(['analyze', '--max-size-mb', '0.001', seed]);
    assert.strictEqual(truncated.code, 0, truncated.stderr);
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'bogus: 1\n');
    for (const args of [['analyze', '--lexicon', bad, seed], ['compare', '--lexicon', bad, seed, seed]]) {
      const r = run(args);
      assert.strictEqual(r.code, 1, `${args[0]}: ${r.stderr}`);
      assert.ok(r.stdout.length > 100, 'the output is written');
      assert.match(r.stderr, /bad\.yaml:1:1: unknown-key/);
      assert.match(r.stderr, /readout-lens: 1 lexicon error: its entry was skipped\n$/);
    }
    const missingLexicon = path.join(dir, 'no-such-lexicon.yaml');
    for (const args of [['analyze', '--lexicon', missingLexicon, seed], ['compare', '--lexicon', missingLexicon, seed, seed]]) {
      const r = run(args);
      assert.strictEqual(r.code, 2, r.stderr);
      assert.strictEqual(r.stdout, '', 'nothing is written when a lexicon cannot be read');
      assert.match(r.stderr, /^readout-lens: \S*no-such-lexicon\.yaml: cannot read lexicon \(ENOENT\)\n$/);
    }
    const help = run(['analyze', '--help']).stdout;
    assert.match(help, /Exit codes:\s+0 every input analysed[\s\S]*1 [\s\S]*lexicon had errors[\s\S]*2 bad arguments/);
  });
});

describe('readout-lens CLI bounded reads', () => {
  let dir: string;
  before(function () {
    if (!fs.existsSync(cli)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-read-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('reads an endless input (a FIFO that never closes) only up to the size limit', function () {
    if (process.platform === 'win32') return this.skip();
    const fifo = path.join(dir, 'endless.readout');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return this.skip();
    // A writer that sends 2 MB and then holds the FIFO open: a reader waiting for its end waits forever.
    const script = `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(fifo)},'w');` +
      `const s='The two leaders agreed to deepen cooperation on clean energy.\\n\\n'.repeat(2e6/64);` +
      `try{fs.writeSync(fd,s)}catch{}setTimeout(()=>{},60000)`;
    const writer = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    try {
      const r = spawnSync(process.execPath, [cli, 'analyze', '--max-size-mb', '0.05', fifo], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
      assert.strictEqual(r.status, 0, `${r.signal ?? ''} ${r.stderr}`);
      assert.match(r.stderr, /endless\.readout: analysed only the first 0\.05 MB \(not a regular file: the rest was not read\)/);
      const [file] = JSON.parse(r.stdout).files;
      assert.ok(file.truncated);
      assert.ok(file.sentences.length > 100);
    } finally {
      writer.kill();
    }
  });

  it('refuses a device of endless NUL bytes as binary at once', function () {
    if (!fs.existsSync('/dev/zero')) return this.skip();
    const r = run(['analyze', '/dev/zero']);
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /\/dev\/zero: cannot analyse \(binary content/);
  });

  it('analyses a file over the limit exactly as analyze() with maxLength does on its whole text', () => {
    // Multi-byte characters, so the limit in characters is not the limit in bytes.
    const para = 'Prime Minister Kishida and President Biden agreed to launch a dialogue on “economic security” – 経済安全保障 🤝.\n\n';
    const text = fs.readFileSync(seed, 'utf8') + '\n\n' + para.repeat(4000);
    fs.writeFileSync(path.join(dir, 'big.readout'), text);
    for (const mb of ['0.01', '0.2', '0.4']) {
      const r = run(['analyze', '--max-size-mb', mb, 'big.readout'], dir);
      assert.strictEqual(r.code, 0, r.stderr);
      const maxLength = Math.floor(Number(mb) * 1024 * 1024);
      assert.strictEqual(r.stdout, jsonReport([fileReport('big.readout', analyze(text, compiledBuiltins(), { maxLength }))]), mb);
      assert.match(r.stderr, new RegExp(`big\\.readout: analysed only the first ${mb.replace('.', '\\.')} MB\\n`));
    }
  });
});

describe('readout-lens CLI encodings', () => {
  let dir: string;
  before(function () {
    if (!fs.existsSync(cli)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-enc-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));
  const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

  it('decodes UTF-16 files with a BOM as the same text in UTF-8', () => {
    const text = fs.readFileSync(seed, 'utf8');
    fs.writeFileSync(path.join(dir, 'a.readout'), text);
    fs.writeFileSync(path.join(dir, 'le.readout'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'be.readout'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]));
    const want = JSON.parse(run(['analyze', '--format', 'ndjson', 'a.readout'], dir).stdout);
    for (const f of ['le.readout', 'be.readout']) {
      const r = run(['analyze', '--format', 'ndjson', f], dir);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.deepStrictEqual({ ...JSON.parse(r.stdout), path: 'a.readout' }, want, f);
    }
  });

  it('reports invalid UTF-8 at its first bad byte and analyses the rest with U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('date 2023-05-19\n\nThe leaders agreed '), Buffer.from([0xc3, 0x28]), Buffer.from(' to meet again.\n')]);
    fs.writeFileSync(path.join(dir, 'bad.readout'), bytes);
    const r = run(['analyze', 'bad.readout'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /^readout-lens: bad\.readout: not valid UTF-8 at byte 36 \(read as U\+FFFD\)\n$/);
    assert.strictEqual(r.stdout, jsonReport([fileReport('bad.readout', analyze(bytes.toString('utf8'), compiledBuiltins()))]));
  });

  it('reads a UTF-16 lexicon like its UTF-8 text', () => {
    const yaml = 'entities:\n  - id: zz-forum\n    name: Zeta Forum\n    type: forum\n    definition: A forum of tests.\n';
    const file = path.join(dir, 'zz.readout');
    fs.writeFileSync(file, 'date 2023-05-19\n\nThe leaders met at the Zeta Forum.\n');
    fs.writeFileSync(path.join(dir, 'lex16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')]));
    const r = run(['analyze', '--lexicon', 'lex16.yaml', 'zz.readout'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).files[0].entities.some((e: { id: string }) => e.id === 'zz-forum'));
  });
});

describe('readout-lens CLI symbolic links', () => {
  let dir: string;
  before(function () {
    if (!fs.existsSync(cli) || process.platform === 'win32') this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-links-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('follows links to files and folders once, and reports loops and dangling links as warnings', () => {
    const text = fs.readFileSync(seed, 'utf8');
    const root = path.join(dir, 'root');
    const other = path.join(dir, 'other');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(root, 'a.readout'), text);
    fs.writeFileSync(path.join(other, 'c.readout'), text);
    fs.symlinkSync(path.join(root, 'a.readout'), path.join(root, 'b.readout'));
    fs.symlinkSync(other, path.join(root, 'linked'));
    fs.symlinkSync(root, path.join(root, 'sub', 'up'));
    fs.symlinkSync(path.join(dir, 'gone.readout'), path.join(root, 'dangling.readout'));
    const r = run(['analyze', '--format', 'ndjson', 'root'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const paths = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { path: string }).path);
    assert.deepStrictEqual(paths, ['root/a.readout', 'root/b.readout', 'root/linked/c.readout']);
    assert.match(r.stderr, /readout-lens: root\/dangling\.readout: skipped, a dangling symbolic link \(ENOENT\)\n/);
    assert.match(r.stderr, /readout-lens: root\/sub\/up: skipped, a link back to root \(a loop\)\n/);
  });
});

describe('readout-lens CLI into a closed pipe', () => {
  let dir: string;
  before(function () {
    if (!fs.existsSync(cli)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-pipe-'));
    const text = fs.readFileSync(seed, 'utf8');
    // Enough output that the CLI is still writing when the reader has gone: one thread and with workers.
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `r${String(i).padStart(3, '0')}.readout`), text);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI with its stdout read up to the first line and then closed, as `| head -1` does. */
  function firstLineOnly(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string; line: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) child.stdout.destroy();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stderr, line: out.split('\n')[0] });
      });
    });
  }

  for (const args of [['--format', 'json'], ['--format', 'ndjson'], ['--format', 'csv'], ['--format', 'sarif'], ['--format', 'ndjson', '--jobs', '2'], ['--format', 'json', '--jobs', '2']]) {
    it(`stops quietly with exit 0: analyze ${args.join(' ')} | head -1`, async () => {
      const r = await firstLineOnly(['analyze', ...args, '.']);
      assert.ok(r.line.length > 0);
      assert.strictEqual(r.signal, null);
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.code, 0);
    });
  }
});

describe('readout-lens CLI worker threads', () => {
  before(function () {
    if (!fs.existsSync(cli) || !fs.existsSync(path.join(sharedRoot, 'samples', 'wh-readouts'))) this.skip();
  });

  it('starts no more workers than cores and batches of files, whatever --jobs asks, all with the user lexicon', () => {
    const wh = path.join(sharedRoot, 'samples', 'wh-readouts');
    const files = fs.readdirSync(wh).sort().slice(0, 64).map((f) => path.join(wh, f));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-jobs-'));
    try {
      const lexicon = path.join(dir, 'lex.yaml');
      fs.writeFileSync(lexicon, 'entities:\n  - id: zz-covid\n    name: COVID-19\n    type: other\n    definition: A test entry.\n');
      const r = run(['analyze', '--format', 'ndjson', '--jobs', '50', '--lexicon', lexicon, ...files]);
      assert.strictEqual(r.code, 0, r.stderr);
      const cores = os.availableParallelism?.() ?? os.cpus().length;
      const workers = Math.min(50, cores, Math.ceil(64 / 16), 16);
      assert.match(r.stderr, new RegExp(`64 files in .* \\(\\d+ files/s, ${workers > 1 ? `${workers} worker threads` : 'one thread'}\\)`));
      assert.strictEqual(r.stdout, run(['analyze', '--format', 'ndjson', '--jobs', '1', '--lexicon', lexicon, ...files]).stdout, 'as in one thread');
      const reports = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { entities: { id: string }[] });
      assert.strictEqual(reports.length, 64);
      assert.ok(reports.filter((f) => f.entities.some((e) => e.id === 'zz-covid')).length > 10, 'the workers analyse with the user lexicon');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
