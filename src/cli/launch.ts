// The `readout-lens` command (dist/cli.js): runs the CLI's bundle, dist/cliMain.js, compiled from the V8 code
// cache the build wrote beside it, so a run does not parse and compile the bundle's functions again (about a
// tenth of a small readout's run). The cache is named by the bundle's hash, so a rebuilt bundle never meets an
// older cache; a cache V8 rejects (another Node version) only costs that saving.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import Module from 'module';

const bundle = path.join(__dirname, 'cliMain.js');
const CACHE_FILE = /^cliMain\.[0-9a-f]+\.cache$/;

interface Loaded {
  script: vm.Script;
  cacheFile: string;
  exports: { main(): void };
}

/** The bundle compiled (from its code cache when `useCache` and one was written for it) and run as a module. */
function load(useCache: boolean): Loaded {
  const source = fs.readFileSync(bundle, 'utf8');
  const cacheFile = path.join(__dirname, `cliMain.${createHash('sha1').update(source).digest('hex').slice(0, 16)}.cache`);
  let cachedData: Buffer | undefined;
  if (useCache) {
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
  for (const f of fs.readdirSync(__dirname)) if (CACHE_FILE.test(f)) fs.rmSync(path.join(__dirname, f));
  process.argv = [process.argv[0], path.join(__dirname, 'cli.js'), ...argv];
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  exports.main();
}

if (require.main === module) load(true).exports.main();
