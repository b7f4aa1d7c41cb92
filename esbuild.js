// Builds the extension, CLI, analysis-worker, workspace-worker and importer bundles (dist/), the built-in lexicons parsed into
// dist/lexicons.json (see src/core/lexicon/snapshot.ts), the grammar's cue patterns (scripts/generate-grammar.mjs),
// and compiles the tests (out/) for mocha.
// Usage: node esbuild.js [--production] [--watch] [--tests]
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const testsOnly = process.argv.includes('--tests');

/** Every .ts file below a folder, for the unbundled test build. */
function tsFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const common = {
  bundle: true,
  // yaml's ES module build, so the bundle leaves out what the extension never calls (stringifying, ...):
  // its CommonJS build cannot be tree-shaken. The same code, 17 KB smaller.
  alias: { yaml: path.join(__dirname, 'node_modules', 'yaml', 'browser', 'dist', 'index.js') },
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

// Code that only an import runs is loaded when one runs, from bundles of its own: the importer (src/import/: a
// DOM and an article extractor, several times the size of the extension) for the CLI and the extension, and
// the extension's import commands. An import of one of these files from another bundle stays an import of
// the bundle's file in dist/, so neither the extension nor the CLI pays for them at start.
const LAZY = { 'src/import/index.ts': './importer.js', 'src/extension/importCommands.ts': './importCommands.js', 'src/extension/timeline.ts': './timeline.js', 'src/extension/compare.ts': './compare.js', 'src/extension/export.ts': './export.js', 'src/core/corpus/since.ts': './since.js' };
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const file = path.relative(__dirname, path.resolve(args.resolveDir, args.path)).split(path.sep).join('/');
      const target = LAZY[file] ?? LAZY[`${file}.ts`];
      return target ? { path: target, external: true } : undefined;
    });
  },
};

/**
 * The CLI bundle's first line, which the build stamps with the bundle's hash (stampCliBundle) before it writes the
 * code cache named by that hash; the launcher reads the stamp instead of hashing 650 KB on every run. A bundle
 * left unstamped (--watch) is compiled without a cache.
 */
const UNSTAMPED = '// readout-lens build 0000000000000000';
const yamlBuild = path.join(__dirname, 'node_modules', 'yaml', 'browser', 'dist', 'index.js');
/** The extension's bundles load the YAML library on first use (src/runtime/lazyYaml.ts), from dist/yaml.js. */
const lazyYaml = { yaml: path.join(__dirname, 'src', 'runtime', 'lazyYaml.ts') };
const bundles = [
  { ...common, entryPoints: ['src/extension/node/main.ts'], outfile: 'dist/extension.js', external: ['vscode'], alias: lazyYaml, plugins: [lazyBundles] },
  { ...common, entryPoints: [yamlBuild], outfile: 'dist/yaml.js' },
  // No import() is left in it (a lazy bundle is required instead): code V8 reads from a code cache has no
  // callback for a dynamic import.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cliMain.js', banner: { js: UNSTAMPED }, supported: { 'dynamic-import': false }, define: { READOUT_LENS_VERSION: JSON.stringify(require('./package.json').version) }, plugins: [lazyBundles] },
  // The command itself: starts dist/cliMain.js from the code cache written below (src/cli/launch.ts).
  { ...common, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // linkedom falls back to its own shim when the optional native `canvas` package is missing (always, here).
  { ...common, entryPoints: ['src/import/index.ts'], outfile: 'dist/importer.js', external: ['canvas'] },
  { ...common, entryPoints: ['src/extension/importCommands.ts'], outfile: 'dist/importCommands.js', external: ['vscode'], alias: lazyYaml, plugins: [lazyBundles] },
  // The timeline webview's code, loaded when Readout: Show Timeline first runs (src/extension/corpusFeatures.ts).
  { ...common, entryPoints: ['src/extension/timeline.ts'], outfile: 'dist/timeline.js', external: ['vscode'], alias: lazyYaml, plugins: [lazyBundles] },
  // The compare webview's code, loaded on the first comparison (src/extension/compareCommand.ts).
  { ...common, entryPoints: ['src/extension/compare.ts'], outfile: 'dist/compare.js', external: ['vscode'], alias: lazyYaml, plugins: [lazyBundles] },
  // The exporter, loaded on the first Readout: Export Analysis… (src/extension/exportCommand.ts).
  { ...common, entryPoints: ['src/extension/export.ts'], outfile: 'dist/export.js', external: ['vscode'], alias: lazyYaml, plugins: [lazyBundles] },
  // Since Last Time's comparison (core/corpus/since.ts and core/compare), loaded on its first run (src/extension/sinceLastTime.ts).
  { ...common, entryPoints: ['src/core/corpus/since.ts'], outfile: 'dist/since.js', plugins: [lazyBundles] },
  // analyze() off the main thread: the extension's worker for large documents, the CLI's for many files.
  { ...common, entryPoints: ['src/runtime/worker.ts'], outfile: 'dist/analysisWorker.js' },
  // The readouts of a whole workspace, read and analysed off the extension host's thread.
  { ...common, entryPoints: ['src/runtime/workspaceWorker.ts'], outfile: 'dist/workspaceWorker.js' },
];

/**
 * Globals of Node that the browser's web worker extension host lacks, each defined as a name of its own so that
 * checkBrowserBundle finds any use of one that is not a `typeof` test.
 */
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'global', 'setImmediate', 'require'];
const browserCommon = {
  ...common,
  // The library itself, not lazyYaml.ts: the web host's `require` gives an extension 'vscode' and nothing else, so
  // dist/yaml.js cannot be loaded beside the bundle; yaml's ES module build is tree-shaken into it instead.
  alias: { yaml: yamlBuild },
  platform: 'browser',
  target: 'es2022',
  // CommonJS, as VS Code's web worker extension host loads a "browser" entry.
  format: 'cjs',
  external: ['vscode'],
  metafile: true,
  define: Object.fromEntries(NODE_GLOBALS.filter((g) => g !== 'require').map((g) => [g, `__node_${g}`])),
};
/** The browser entry (package.json "browser") for vscode.dev and github.dev. */
const browserBundle = { ...browserCommon, entryPoints: ['src/extension/web/main.ts'], outfile: 'dist/web/extension.js' };
/**
 * mocha's browser build is a UMD script in a package of ES modules: bundled as one, its `module.exports = ...` would
 * replace the test module's exports. Run with no module system, it sets the global `mocha`, as in a page.
 */
const mochaAsGlobal = {
  name: 'mocha-as-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function (module, exports, define) {\n${fs.readFileSync(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};
/** The integration tests' browser module, run in the same web worker host (scripts/run-integration-tests.mjs). */
const browserTests = {
  ...browserCommon,
  entryPoints: ['test/web/index.ts'],
  outfile: 'out/web-test/index.js',
  alias: { ...browserCommon.alias, assert: path.join(__dirname, 'test', 'web', 'assert.ts') },
  // Node's globals left as they are: the suite asserts `typeof process === 'undefined'` where it runs.
  define: {},
  plugins: [mochaAsGlobal],
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
};

/**
 * Fails the build when a browser bundle reaches Node: esbuild's browser platform already refuses to resolve a Node
 * module (fs, path, worker_threads, ...); this adds any external but 'vscode' in the metafile and any use of a Node
 * global (NODE_GLOBALS) other than a `typeof` test in the output.
 */
function checkBrowserBundle(result, outfile) {
  const problems = [];
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imp of input.imports) if (imp.external && imp.path !== 'vscode' && !imp.path.startsWith('.')) problems.push(`${file} imports ${imp.path}`);
  }
  const text = fs.readFileSync(outfile, 'utf8');
  for (const g of NODE_GLOBALS) {
    const name = g === 'require' ? 'require' : `__node_${g}`;
    for (const m of text.matchAll(new RegExp(`(typeof\\s+)?\\b${name}\\b(\\s*\\(\\s*"([^"]*)"\\))?`, 'g'))) {
      if (m[1] || (g === 'require' && m[3] === 'vscode')) continue;
      const line = text.slice(0, m.index).split('\n').length;
      problems.push(`${outfile}:${line} uses Node's ${g}: ${text.slice(Math.max(0, m.index - 60), m.index + 40).replace(/\s+/g, ' ')}`);
    }
  }
  if (problems.length) throw new Error(`the browser bundle reaches Node:\n  ${problems.join('\n  ')}`);
}

// Tests run from out/ with the same folder layout as the sources, so relative imports keep working.
const tests = {
  entryPoints: [...tsFiles('src'), ...tsFiles('test')],
  outdir: 'out',
  outbase: '.',
  bundle: false,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

/** Parses lexicons/*.yaml with the product's own loader and writes dist/lexicons.json (with each file's bytes' digest). */
function writeLexiconSnapshot() {
  const { outputFiles } = esbuild.buildSync({ ...common, entryPoints: ['src/runtime/lexiconBytes.ts'], write: false, sourcemap: false, logLevel: 'warning' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(mod, mod.exports, require);
  const files = mod.exports.BUILTIN_LEXICON_FILES.map((file) => ({ file, bytes: fs.readFileSync(path.join('lexicons', file)) }));
  const snapshot = mod.exports.snapshotLexiconBytes(files);
  if (snapshot.errors.length) throw new Error(`built-in lexicon errors: ${snapshot.errors.map((e) => `${e.file}:${e.line + 1}: ${e.message}`).join('; ')}`);
  fs.mkdirSync('dist', { recursive: true });
  fs.writeFileSync(path.join('dist', 'lexicons.json'), JSON.stringify(snapshot));
}

async function main() {
  const configs = testsOnly ? [tests, browserTests] : production ? [...bundles, browserBundle] : [...bundles, browserBundle, tests, browserTests];
  // The grammar's cue patterns, from lexicons/commitments.yaml (test/unit/grammarDrift.test.ts fails when stale).
  if (!testsOnly) (await import('./scripts/generate-grammar.mjs')).writeGrammar();
  if (watch) {
    // Written once: a lexicon edited while watching no longer matches it, and the extension then reads the YAML.
    if (!testsOnly) writeLexiconSnapshot();
    for (const c of configs) await (await esbuild.context(c)).watch();
    console.log('[esbuild] watching for changes');
    return;
  }
  await Promise.all(
    configs.map(async (c) => {
      const result = await esbuild.build(c);
      // The test module's mocha carries guarded shims of Node's globals; the extension must have none.
      if (c === browserBundle) checkBrowserBundle(result, c.outfile);
    }),
  );
  if (!testsOnly) writeLexiconSnapshot();
  if (!testsOnly && fs.existsSync('dist/cli.js')) {
    fs.chmodSync('dist/cli.js', 0o755);
    writeCliCodeCache();
  }
}

/**
 * V8's code cache of the CLI's bundle after one run on the seed readout, so that it holds the functions a run
 * compiles: every later run of dist/cli.js reads them instead of compiling them again (src/cli/launch.ts).
 */
function writeCliCodeCache() {
  const { spawnSync } = require('child_process');
  stampCliBundle();
  const run = "require('./dist/cli.js').writeCodeCache(['analyze', 'samples/kishida-biden-2023-05-19.readout'])";
  const r = spawnSync(process.execPath, ['-e', run], { cwd: __dirname, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`writing the CLI's code cache failed (exit ${r.status})`);
}

/** Writes the hash of dist/cliMain.js (as built, unstamped) into its first line; the same length, so its source map holds. */
function stampCliBundle() {
  const file = path.join('dist', 'cliMain.js');
  const source = fs.readFileSync(file, 'utf8');
  if (!source.startsWith(UNSTAMPED)) throw new Error(`${file} does not begin with its build stamp`);
  const hash = require('crypto').createHash('sha1').update(source).digest('hex').slice(0, 16);
  fs.writeFileSync(file, UNSTAMPED.slice(0, -hash.length) + hash + source.slice(UNSTAMPED.length));
}

/** The options of the shipped extension bundle (production), for the size check and the benchmark. */
function productionBundle(outfile) {
  // Plugins need the asynchronous API and the callers build synchronously: the importer is left out by name
  // instead, which yields the same bundle but for the text of that one import path.
  const extension = { ...bundles[0] };
  delete extension.plugins;
  return { ...extension, external: [...extension.external, './importCommands', '../import/index', './timeline', './compare', './export', '../core/corpus/since'], sourcemap: false, minify: true, outfile, logLevel: 'error' };
}
/** The options of the shipped browser bundle (production), for the size check. */
function productionBrowserBundle(outfile) {
  return { ...browserBundle, metafile: false, sourcemap: false, minify: true, outfile, logLevel: 'error' };
}
module.exports = { productionBundle, productionBrowserBundle, browserCommon, checkBrowserBundle, common };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
