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
