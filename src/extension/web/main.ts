// The browser entry (package.json "browser", dist/web/extension.js) for vscode.dev and github.dev: the shared
// activate() in VS Code's web worker extension host, with no Node: every file through vscode.workspace.fs.
import type * as vscode from 'vscode';
import { activate as activateWith, type ReadoutLensApi } from '../../extension';
import type { ReadoutLensHost } from '../host';
import { registerNotInBrowser } from './notInBrowser';

const webHost: ReadoutLensHost = {
  // In time slices on the host's thread (src/runtime/analysisRunner.ts), not in a nested Web Worker: VS Code 1.100's
  // web worker host refuses one to an extension served from a remote folder ("Creating workers from remote
  // extensions is currently not supported"), as code-server serves it; slices are the one way that runs everywhere.
  analysisWorker: () => undefined,
  workspaceAnalysis: () => undefined,
  registerHostCommands: registerNotInBrowser,
};

export function activate(context: vscode.ExtensionContext): ReadoutLensApi {
  return activateWith(context, webHost);
}

export { deactivate } from '../../extension';
