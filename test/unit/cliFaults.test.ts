// The CLI given hostile or broken input (issue 16): control characters in names, closed pipes, endless and
// over-size inputs, other encodings, symlinks, lexicon errors. Each runs the built dist/cli.js as a user would.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const seed = path.join(repoRoot, 'samples', 'kishida-biden-2023-05-19.readout');

function run(args: string[], cwd = repoRoot): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
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
