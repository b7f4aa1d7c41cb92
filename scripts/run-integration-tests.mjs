// Runs test/integration inside a real VS Code. With a desktop VS Code (given by VSCODE_EXECUTABLE, or
// downloaded by @vscode/test-electron when the network allows) it uses test-electron; otherwise it runs the
// very same suite in the provisioned code-server (VS Code 1.100.3) driven by headless Debian Chromium.
// Fails on a failing test, on a suite that ran no test and on a timeout; always cleans up its processes.
// Then the suite's browser part (out/web-test/index.js, from test/web/) runs in the same code-server's web worker
// extension host, in a staged copy of the extension that has only its "browser" entry (vscode.dev's build).
//
// Environment:
//   READOUT_LENS_VSCODE   auto (default) | electron | code-server
//   VSCODE_EXECUTABLE     path of a desktop VS Code to run the tests in (implies electron)
//   READOUT_LENS_TEST_TIMEOUT  seconds before the run is declared hung (default 600)
//   READOUT_LENS_TEST_GREP     only run tests whose title matches (in the Node extension host only)
//   READOUT_LENS_TEST_HOST     both (default) | node | browser: which extension hosts to run the suite in
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromiumArgs, chromiumPath, ensureCodeServer, startCodeServer } from './lib/code-server.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`[integration] ${msg}`);
const mode = process.env.VSCODE_EXECUTABLE ? 'electron' : process.env.READOUT_LENS_VSCODE || 'auto';
const timeoutSeconds = Number(process.env.READOUT_LENS_TEST_TIMEOUT || 600);
const extensionTestsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
const hosts = process.env.READOUT_LENS_TEST_HOST || 'both';
/** What the browser copy of the extension holds: its manifest (rewritten), the browser bundle and its data. */
const BROWSER_COPY = ['dist/web', 'dist/lexicons.json', 'lexicons', 'media', 'syntaxes', 'snippets', 'language-configuration.json', 'LICENSE'];

/** A throw-away workspace: the samples plus the integration fixtures, so tests may write files freely. */
function makeWorkspace() {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-ws-'));
  fs.cpSync(path.join(root, 'samples'), ws, { recursive: true });
  const fixtures = path.join(root, 'test', 'fixtures', 'workspace');
  if (fs.existsSync(fixtures)) fs.cpSync(fixtures, ws, { recursive: true });
  return ws;
}

async function runWithElectron(workspace) {
  const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    say('downloading VS Code with @vscode/test-electron');
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: 'stable', timeout: 15000 });
  }
  say(`running in ${vscodeExecutablePath}`);
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { READOUT_LENS_TEST_GREP: process.env.READOUT_LENS_TEST_GREP ?? '' },
  });
}

/**
 * A copy of the extension as vscode.dev would load it: package.json without "main", so VS Code can only run its
 * "browser" entry, in the web worker extension host; the browser test module beside it. Returns both paths.
 */
function stageBrowserExtension() {
  const bundle = path.join(root, 'out', 'web-test', 'index.js');
  for (const need of ['dist/web/extension.js', 'dist/lexicons.json', 'out/web-test/index.js']) {
    if (!fs.existsSync(path.join(root, need))) throw new Error(`${need} is missing: run node esbuild.js first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-web-'));
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.main;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const item of BROWSER_COPY) fs.cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
  fs.mkdirSync(path.join(dir, 'test'));
  fs.copyFileSync(bundle, path.join(dir, 'test', 'index.js'));
  return { extensionRoot: dir, testsPath: path.join(dir, 'test', 'index.js') };
}

/**
 * Runs the suite in code-server. `untrusted`: with workspace trust on and never prompted for, so the workspace
 * stays in Restricted Mode, running only the suite's "untrusted workspace" tests (READOUT_LENS_TRUST tells them).
 */
async function runWithCodeServer(workspace, { untrusted = false, env, extensionRoot = root, testsPath = extensionTestsPath } = {}) {
  ensureCodeServer();
  const { chromium } = require('playwright-core');
  const serverLog = [];
  const cs = await startCodeServer({
    log: (s) => serverLog.push(s),
    ...(untrusted
      ? {
          trust: true,
          userSettings: { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' },
          env: { READOUT_LENS_TRUST: 'untrusted', READOUT_LENS_TEST_GREP: 'untrusted workspace' },
        }
      : {
          ...(env ? { env } : {}),
          // The bench's runs: code-server's remote extension host looks for ports to forward by spawning `ls` and
          // `ps` every few seconds, a synchronous fork that blocks its thread for 100–200 ms on busy cores. Desktop
          // VS Code's local extension host does not; with it off, the figures are the desktop's.
          ...(/performance/.test(process.env.READOUT_LENS_TEST_GREP ?? '') || /performance/.test(env?.READOUT_LENS_TEST_GREP ?? '')
            ? { userSettings: { 'remote.autoForwardPorts': false } }
            : {}),
        }),
  });
  let browser;
  let timer;
  const cleanup = async () => {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => {});
    cs.stop();
  };
  const onSignal = () => cleanup().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    say(`code-server on 127.0.0.1:${cs.port}; opening it in headless Chromium`);
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
    const page = await browser.newPage();
    const exitCode = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`integration tests timed out after ${timeoutSeconds}s`)), timeoutSeconds * 1000);
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    // The workbench logs its own start-up chatter on the same channel; keep it for failures only and
    // print from the suite's first line on.
    const preamble = [];
    let suiteStarted = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (!suiteStarted && line.startsWith('Running integration tests in VS Code')) suiteStarted = true;
      if (!suiteStarted) return void preamble.push(line);
      (type === 'error' ? console.error : console.log)(line);
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionRoot)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    const url = `http://127.0.0.1:${cs.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const code = await exitCode;
    if (code !== 0) {
      if (!suiteStarted) console.error(preamble.join('\n'));
      if (process.env.READOUT_LENS_DEBUG) console.error(serverLog.join(''));
      throw new Error(`integration tests failed (exit code ${code})`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}

async function main() {
  const workspace = makeWorkspace();
  try {
    if (mode === 'electron') return await runWithElectron(workspace);
    if (mode === 'auto') {
      try {
        return await runWithElectron(workspace);
      } catch (err) {
        if (err && /TestRunFailedError|Test run failed/.test(String(err.name) + String(err.message))) throw err;
        say(`no desktop VS Code available (${String(err.message ?? err).split('\n')[0]}); using code-server`);
      }
    }
    const grep = process.env.READOUT_LENS_TEST_GREP;
    if (hosts === 'browser') return await runInBrowserHost();
    // Only the corpus run's test asked for: nothing for the first run to do.
    if (grep !== 'workspace performance') await runWithCodeServer(workspace);
    // Workspace trust, in a second VS Code: the suite above runs with trust off (a test harness cannot answer the
    // trust prompt), so the untrusted workspace gets a run of its own. Skipped when only some tests were asked for.
    if (!grep || /untrusted/.test(grep)) {
      say('again in an untrusted workspace (workspace trust on, Restricted Mode): the "untrusted workspace" tests');
      const untrusted = makeWorkspace();
      try {
        await runWithCodeServer(untrusted, { untrusted: true });
      } finally {
        fs.rmSync(untrusted, { recursive: true, force: true });
      }
    }
    // The workspace analysis figures, with the real readouts as the workspace (a copy: VS Code may write to it).
    const corpus = path.join(root, '..', 'shared', 'samples', 'wh-readouts');
    if (grep && /performance/.test(grep)) {
      if (!fs.existsSync(corpus)) say('no ../shared/samples/wh-readouts here: no workspace analysis figures');
      else {
        say('again with a copy of ../shared/samples/wh-readouts as the workspace: the "workspace performance" test');
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-corpus-'));
        fs.cpSync(corpus, copy, { recursive: true });
        try {
          await runWithCodeServer(copy, { env: { READOUT_LENS_WORKSPACE: 'corpus', READOUT_LENS_TEST_GREP: 'workspace performance' } });
        } finally {
          fs.rmSync(copy, { recursive: true, force: true });
        }
      }
    }
    if (hosts === 'both' && !grep) await runInBrowserHost();
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** The suite's browser part in the web worker extension host of code-server, with a workspace of its own. */
async function runInBrowserHost() {
  say('again in the browser\'s web worker extension host (a copy with only the "browser" entry, as on vscode.dev)');
  const staged = stageBrowserExtension();
  const workspace = makeWorkspace();
  try {
    await runWithCodeServer(workspace, staged);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(staged.extensionRoot, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => say('passed'),
    (err) => {
      console.error(`[integration] FAILED: ${err.message ?? err}`);
      process.exit(1);
    },
  );
}
