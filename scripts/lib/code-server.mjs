// Starting the provisioned code-server (VS Code 1.100.3 for the browser) and headless Chromium: shared by
// the integration test runner, `npm start` and the screenshot script.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, deadline) {
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => (sock.destroy(), resolve(true)));
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not open port ${port} in time`);
}

export const codeServerEntry = path.join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * Starts code-server on a free loopback port with fresh user and extension folders. `userSettings`, when
 * given, is written to the fresh user folder's `User/settings.json` before the server starts. `trust` turns workspace
 * trust on (a new folder is then untrusted); `env` adds variables for the server and its extension hosts.
 */
export async function startCodeServer({ extraArgs = [], log = () => {}, port: wanted, userSettings, trust = false, env = {} } = {}) {
  const port = wanted ?? (await freePort());
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-cs-'));
  if (userSettings) writeUserSettings(state, userSettings);
  const extensionsDir = path.join(state, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Without this file code-server silently skips the development extension and fails --install-extension.
  fs.writeFileSync(path.join(extensionsDir, 'extensions.json'), '[]');
  const baseArgs = [
    codeServerEntry, '--auth', 'none', '--user-data-dir', path.join(state, 'user'),
    '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check',
    // Workspace trust off unless asked for: with it on, every new folder opens in Restricted Mode.
    ...(trust ? [] : ['--disable-workspace-trust']),
  ];
  for (const vsix of extraArgs.filter((a) => a.endsWith('.vsix'))) {
    execFileSync(process.execPath, [...baseArgs, '--install-extension', vsix], { stdio: 'pipe' });
  }
  const server = spawn(process.execPath, [...baseArgs, '--bind-addr', `127.0.0.1:${port}`, ...extraArgs.filter((a) => !a.endsWith('.vsix'))], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  server.stdout.on('data', (d) => log(String(d)));
  server.stderr.on('data', (d) => log(String(d)));
  await waitForPort(port, Date.now() + 60000);
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    fs.rmSync(state, { recursive: true, force: true });
  };
  return { port, server, stop, state };
}

/** Writes (or rewrites: a running workbench picks the change up) the user settings of a started server's state folder. */
export function writeUserSettings(state, settings) {
  const dir = path.join(state, 'user', 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: run scripts/provision.sh (installs Debian chromium) or set CHROMIUM_PATH');
  return found;
}

/** Provisions code-server (and its Debian packages) when it is not there yet. */
export function ensureCodeServer() {
  if (fs.existsSync(path.join(root, '.vscode-test', 'code-server', '.provisioned-4.100.3'))) return;
  console.log('[setup] code-server is not provisioned yet: running scripts/provision.sh');
  execFileSync('bash', [path.join(root, 'scripts', 'provision.sh')], { stdio: 'inherit' });
}
