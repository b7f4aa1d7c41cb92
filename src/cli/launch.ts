// The `readout-lens` command (dist/cli.js): runs the CLI's bundle, dist/cliMain.js, compiled from the V8 code
// cache the build wrote beside it, so a run does not parse and compile the bundle's functions again (about a
// tenth of a small readout's run). The cache is named by the bundle's hash, so a rebuilt bundle never meets an
// older cache; a cache V8 rejects (another Node version) only costs that saving. The hash is the one the build
// stamped on the bundle's first line (esbuild.js, stampCliBundle): reading it is free, where hashing the bundle
// here took about 5 ms of a 140 ms run (loading node:crypto, then 650 KB of SHA-1). V8 checks only a cached
// script's length, so a bundle without a stamp (a --watch build) is compiled with no cache at all.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import Module from 'module';

const bundle = path.join(__dirname, 'cliMain.js');
const CACHE_FILE = /^cliMain\.[0-9a-f]+\.cache$/;
/** The build's stamp on the bundle's first line; all zeros until the build has written the hash. */
const STAMP = /^\/\/ readout-lens build ([0-9a-f]{16})\r?\n/;
const UNSTAMPED = '0'.repeat(16);

/** The code cache's file for the bundle `source`, or undefined when the bundle carries no build stamp. */
export function cacheFileOf(source: string, dir: string): string | undefined {
  const hash = STAMP.exec(source.slice(0, 64))?.[1];
  return hash === undefined || hash === UNSTAMPED ? undefined : path.join(dir, `cliMain.${hash}.cache`);
}

interface Loaded {
  script: vm.Script;
  cacheFile: string | undefined;
  exports: { main(): void };
}

/** The bundle compiled (from its code cache when `useCache` and one was written for it) and run as a module. */
function load(useCache: boolean): Loaded {
  const source = fs.readFileSync(bundle, 'utf8');
  const cacheFile = cacheFileOf(source, __dirname);
  let cachedData: Buffer | undefined;
  if (useCache && cacheFile !== undefined) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  // The bundle holds no import() (esbuild.js): code read from a code cache would have no callback to run one.
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, __dirname);
  mod.loaded = true;
  return { script, cacheFile, exports: mod.exports as Loaded['exports'] };
}

/**
 * For the build (esbuild.js): runs the CLI on `argv`, then writes the code cache of every function the run
 * compiled, in place of any older cache.
 */
export function writeCodeCache(argv: string[]): void {
  const { script, cacheFile, exports } = load(false);
  if (cacheFile === undefined) throw new Error(`${bundle} carries no build stamp: no code cache can be named for it`);
  for (const f of fs.readdirSync(__dirname)) if (CACHE_FILE.test(f)) fs.rmSync(path.join(__dirname, f));
  process.argv = [process.argv[0], path.join(__dirname, 'cli.js'), ...argv];
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  exports.main();
}

if (require.main === module) load(true).exports.main();
