// Helpers for integration tests: the extension under test, the temporary workspace, waiting on events.
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'readout-lens.readout-lens';

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  await ext.activate();
  return ext;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('integration tests need a workspace folder');
  return folder.uri.fsPath;
}

export function workspaceFile(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

export const SEED = 'kishida-biden-2023-05-19.readout';

export async function openSeed(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(SEED));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Polls until `probe` returns a value that is not undefined, or fails after `ms`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 15000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
