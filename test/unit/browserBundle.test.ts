// The browser bundle's guard (esbuild.js): a build for vscode.dev fails when the code reaches a Node module or a
// Node global, and passes code that only tests for one; and the browser tests' `assert` agrees with Node's.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as webAssert from '../web/assert';
import { repoRoot } from './helpers';

interface BuildApi {
  build(options: object): Promise<{ metafile: unknown }>;
}
interface Guard {
  browserCommon: object;
  checkBrowserBundle(result: { metafile: unknown }, outfile: string): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const esbuild = require(path.join(repoRoot, 'node_modules', 'esbuild')) as BuildApi;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const guard = require(path.join(repoRoot, 'esbuild.js')) as Guard;

describe('the browser bundle guard', function () {
  this.timeout(20_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-guard-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Builds `source` as the browser bundle is built and runs the guard on it; the error message, or undefined. */
  async function guarded(source: string): Promise<string | undefined> {
    const entry = path.join(dir, `entry${Math.random().toString(36).slice(2)}.ts`);
    const outfile = `${entry}.out.js`;
    fs.writeFileSync(entry, source);
    try {
      const result = await esbuild.build({ ...guard.browserCommon, entryPoints: [entry], outfile, sourcemap: false, logLevel: 'silent' });
      guard.checkBrowserBundle(result, outfile);
      return undefined;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  it('passes code that needs no Node, including a typeof test of a Node global', async () => {
    assert.strictEqual(await guarded("import * as vscode from 'vscode';\nexport const web = typeof process === 'undefined' && !!vscode;\n"), undefined);
  });

  it('fails on a Node module', async () => {
    assert.match((await guarded("import * as fs from 'fs';\nexport const x = fs.existsSync('x');\n")) ?? '', /fs/);
    assert.match((await guarded("import { Worker } from 'worker_threads';\nexport const w = Worker;\n")) ?? '', /worker_threads/);
  });

  it('fails on process, Buffer, __dirname or setImmediate', async () => {
    assert.match((await guarded('export const env = process.env.HOME;\n')) ?? '', /uses Node's process/);
    assert.match((await guarded("export const b = Buffer.from('x');\n")) ?? '', /uses Node's Buffer/);
    assert.match((await guarded('export const d = __dirname;\n')) ?? '', /uses Node's __dirname/);
    assert.match((await guarded('export const later = (f: () => void) => setImmediate(f);\n')) ?? '', /uses Node's setImmediate/);
  });

  it('the shipped browser entry passes it', async () => {
    assert.strictEqual(await guarded("export * from '" + path.join(repoRoot, 'src', 'extension', 'web', 'main').split(path.sep).join('/') + "';\n"), undefined);
  });
});

describe("the browser tests' assert", () => {
  const cases: [string, () => void][] = [
    ['deepStrictEqual of equal arrays of objects', () => webAssert.deepStrictEqual([{ a: 1, b: [2] }], [{ a: 1, b: [2] }])],
    ['deepStrictEqual of different values', () => webAssert.deepStrictEqual([{ a: 1 }], [{ a: '1' }])],
    ['deepStrictEqual of a missing key', () => webAssert.deepStrictEqual({ a: 1 }, { a: 1, b: undefined })],
    ['strictEqual of 1 and "1"', () => webAssert.strictEqual(1, '1')],
    ['strictEqual of NaN and NaN', () => webAssert.strictEqual(NaN, NaN)],
    ['ok of 0', () => webAssert.ok(0)],
    ['match', () => webAssert.match('agreed to', /agreed/)],
    ['match that fails', () => webAssert.match('agreed to', /hedged/)],
    ['doesNotMatch that fails', () => webAssert.doesNotMatch('agreed to', /agreed/)],
  ];
  const node: Record<string, () => void> = {
    'deepStrictEqual of equal arrays of objects': () => assert.deepStrictEqual([{ a: 1, b: [2] }], [{ a: 1, b: [2] }]),
    'deepStrictEqual of different values': () => assert.deepStrictEqual([{ a: 1 }], [{ a: '1' }]),
    'deepStrictEqual of a missing key': () => assert.deepStrictEqual({ a: 1 }, { a: 1, b: undefined }),
    'strictEqual of 1 and "1"': () => assert.strictEqual(1, '1'),
    'strictEqual of NaN and NaN': () => assert.strictEqual(NaN, NaN),
    'ok of 0': () => assert.ok(0),
    match: () => assert.match('agreed to', /agreed/),
    'match that fails': () => assert.match('agreed to', /hedged/),
    'doesNotMatch that fails': () => assert.doesNotMatch('agreed to', /agreed/),
  };
  const throws = (f: () => void): boolean => {
    try {
      f();
      return false;
    } catch {
      return true;
    }
  };
  for (const [name, shim] of cases) {
    it(`${name}: throws exactly when Node's does`, () => assert.strictEqual(throws(shim), throws(node[name])));
  }
});
