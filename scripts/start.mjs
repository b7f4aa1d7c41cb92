// `npm start`: build and package the extension, then open samples/ in a real VS Code with it — desktop
// `code` when it is on PATH, otherwise the provisioned code-server with the .vsix installed, served on
// http://127.0.0.1:<port> (READOUT_LENS_PORT, default 3000, or the next free one). Ctrl-C stops it.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { root, ensureCodeServer, startCodeServer } from './lib/code-server.mjs';

const say = (msg) => console.log(`[start] ${msg}`);
const samples = path.join(root, 'samples');
const vsix = path.join(root, 'dist-vsix', 'readout-lens.vsix');

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function main() {
  execFileSync('bash', [path.join(root, 'scripts', 'provision.sh'), '--no-vscode'], { stdio: 'inherit' });
  say('building and packaging the extension');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  const size = fs.statSync(vsix).size;
  say(`packaged ${path.relative(root, vsix)} (${(size / 1024).toFixed(0)} KB)`);

  if (onPath('code') && !process.env.READOUT_LENS_USE_CODE_SERVER) {
    say('opening samples/ in desktop VS Code with the extension under development');
    spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${root}`, samples, path.join(samples, 'kishida-biden-2023-05-19.readout')], { stdio: 'inherit' });
    return;
  }

  ensureCodeServer();
  let port = Number(process.env.READOUT_LENS_PORT || 3000);
  while (!(await portFree(port))) port++;
  say('starting code-server (VS Code 1.100.3 in the browser) with the packaged extension installed');
  const cs = await startCodeServer({ extraArgs: [vsix], port });
  // The web workbench opens the payload's `openFile` on load, so the seed is open in Readout mode.
  const seed = `vscode-remote://127.0.0.1:${cs.port}${path.join(samples, 'kishida-biden-2023-05-19.readout')}`;
  const url = `http://127.0.0.1:${cs.port}/?folder=${encodeURIComponent(samples)}&payload=${encodeURIComponent(JSON.stringify([['openFile', seed]]))}`;
  console.log(`\n  Readout Lens is running in VS Code for the browser:\n\n    ${url}\n\n  The sample readout opens with it. Press Ctrl-C to stop.\n`);
  const stop = () => {
    say('stopping code-server');
    cs.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  cs.server.on('exit', (code) => {
    say(`code-server exited (${code})`);
    cs.stop();
    process.exit(code ?? 1);
  });
}

main().catch((err) => {
  console.error(`[start] ${err.message ?? err}`);
  process.exit(1);
});
