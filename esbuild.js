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
const LAZY = { 'src/import/index.ts': './importer.js', 'src/extension/importCommands.ts': './importCommands.js' };
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

const yamlBuild = path.join(__dirname, 'node_modules', 'yaml', 'browser', 'dist', 'index.js');
/** The extension's bundles load the YAML library on first use (src/runtime/lazyYaml.ts), from dist/yaml.js. */
const lazyYaml = { yaml: path.join(__dirname, 'src', 'runtime', 'lazyYaml.ts') };
const bundles = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], alias: lazyYaml, plugins: [lazyBundles] },
  { ...common, entryPoints: [yamlBuild], outfile: 'dist/yaml.js' },
  // No import() is left in it (a lazy bundle is required instead): code V8 reads from a code cache has no
  // callback for a dynamic import.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cliMain.js', supported: { 'dynamic-import': false }, define: { READOUT_LENS_VERSION: JSON.stringify(require('./package.json').version) }, plugins: [lazyBundles] },
  // The command itself: starts dist/cliMain.js from the code cache written below (src/cli/launch.ts).
  { ...common, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // linkedom falls back to its own shim when the optional native `canvas` package is missing (always, here).
  { ...common, entryPoints: ['src/import/index.ts'], outfile: 'dist/importer.js', external: ['canvas'] },
  { ...common, entryPoints: ['src/extension/importCommands.ts'], outfile: 'dist/importCommands.js', external: ['vscode'], alias: lazyYaml, plugins: [lazyBundles] },
  // analyze() off the main thread: the extension's worker for large documents, the CLI's for many files.
  { ...common, entryPoints: ['src/runtime/worker.ts'], outfile: 'dist/analysisWorker.js' },
  // The readouts of a whole workspace, read and analysed off the extension host's thread.
  { ...common, entryPoints: ['src/runtime/workspaceWorker.ts'], outfile: 'dist/workspaceWorker.js' },
];

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

/** Parses lexicons/*.yaml with the product's own loader and writes dist/lexicons.json. */
function writeLexiconSnapshot() {
  const { outputFiles } = esbuild.buildSync({ ...common, entryPoints: ['src/core/lexicon/snapshot.ts'], write: false, sourcemap: false, logLevel: 'warning' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(mod, mod.exports, require);
  const files = mod.exports.BUILTIN_LEXICON_FILES.map((file) => ({ file, text: fs.readFileSync(path.join('lexicons', file), 'utf8') }));
  const snapshot = mod.exports.snapshotLexicons(files);
  if (snapshot.errors.length) throw new Error(`built-in lexicon errors: ${snapshot.errors.map((e) => `${e.file}:${e.line + 1}: ${e.message}`).join('; ')}`);
  fs.mkdirSync('dist', { recursive: true });
  fs.writeFileSync(path.join('dist', 'lexicons.json'), JSON.stringify(snapshot));
}

async function main() {
  const configs = testsOnly ? [tests] : production ? bundles : [...bundles, tests];
  // The grammar's cue patterns, from lexicons/commitments.yaml (test/unit/grammarDrift.test.ts fails when stale).
  if (!testsOnly) (await import('./scripts/generate-grammar.mjs')).writeGrammar();
  if (watch) {
    // Written once: a lexicon edited while watching no longer matches it, and the extension then reads the YAML.
    if (!testsOnly) writeLexiconSnapshot();
    for (const c of configs) await (await esbuild.context(c)).watch();
    console.log('[esbuild] watching for changes');
    return;
  }
  await Promise.all(configs.map((c) => esbuild.build(c)));
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
  const run = "require('./dist/cli.js').writeCodeCache(['analyze', 'samples/kishida-biden-2023-05-19.readout'])";
  const r = spawnSync(process.execPath, ['-e', run], { cwd: __dirname, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`writing the CLI's code cache failed (exit ${r.status})`);
}

/** The options of the shipped extension bundle (production), for the size check and the benchmark. */
function productionBundle(outfile) {
  // Plugins need the asynchronous API and the callers build synchronously: the importer is left out by name
  // instead, which yields the same bundle but for the text of that one import path.
  const extension = { ...bundles[0] };
  delete extension.plugins;
  return { ...extension, external: [...extension.external, './importCommands', '../import/index'], sourcemap: false, minify: true, outfile, logLevel: 'error' };
}
module.exports = { productionBundle, common };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
