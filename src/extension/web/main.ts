// The browser entry (package.json "browser", dist/web/extension.js) for vscode.dev and github.dev: the shared
// activate() in VS Code's web worker extension host, with no Node: every file through vscode.workspace.fs.
import * as vscode from 'vscode';
import { activate as activateWith, type ReadoutLensApi } from '../../extension';
import type { ReadoutLensHost } from '../host';
import { registerNotInBrowser } from './notInBrowser';

const webHost: ReadoutLensHost = {
  // In time slices on the host's thread (src/runtime/analysisRunner.ts), not in a nested Web Worker: VS Code 1.100's
  // web worker host refuses one to an extension served from a remote folder ("Creating workers from remote
  // extensions is currently not supported"), as code-server serves it; slices are the one way that runs everywhere.
  analysisWorker: () => undefined,
  workspaceAnalysis: () => undefined,
  corpusFeatures: () => undefined,
  registerHostCommands: registerNotInBrowser,
};

/**
 * The `when` clauses of what needs Node read this key, not `isWeb`: isWeb is also true in code-server and
 * Codespaces, whose workbench is a web page but whose extension host is Node and runs this extension's desktop entry.
 */
export const BROWSER_HOST_CONTEXT = 'readoutLens.browserHost';

export function activate(context: vscode.ExtensionContext): ReadoutLensApi {
  void vscode.commands.executeCommand('setContext', BROWSER_HOST_CONTEXT, true);
  return activateWith(context, webHost);
}

export { deactivate } from '../../extension';
