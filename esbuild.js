// Builds the extension, CLI and analysis-worker bundles (dist/) and compiles the tests (out/) for mocha.
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
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

const bundles = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // analyze() off the main thread: the extension's worker for large documents, the CLI's for many files.
  { ...common, entryPoints: ['src/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
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

async function main() {
  const configs = testsOnly ? [tests] : production ? bundles : [...bundles, tests];
  if (watch) {
    for (const c of configs) await (await esbuild.context(c)).watch();
    console.log('[esbuild] watching for changes');
    return;
  }
  await Promise.all(configs.map((c) => esbuild.build(c)));
  if (!testsOnly && fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
