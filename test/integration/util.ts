// Helpers for integration tests: the extension under test, the temporary workspace, waiting on events.
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

/** A file of the workspace by its relative path (forward slashes), in the folder's own scheme: in the browser's web host that is not file:. */
export function workspaceFile(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

export const SEED = 'kishida-biden-2023-05-19.readout';

export async function openSeed(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(SEED));
  await vscode.window.showTextDocument(doc);
  return doc;
}

let untitledCount = 0;

/**
 * A new untitled document with `content` in `language`, under a name no other test uses. Opening
 * `{ language, content }` lets VS Code reuse "Untitled-N" as soon as an earlier one is closed, and the extension
 * host could hand back the closed document still registered under that name (seen once in CI: a test read the
 * previous test's text). A name of its own, filled by an edit, cannot collide.
 */
export async function openUntitled(content: string, language = 'readout'): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `readout-lens-test-${++untitledCount}` });
  const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not fill ${uri.toString()}`);
  // The editor keeps one kind of line break: a lone CR in `content` comes back as the document's EOL.
  const lines = (text: string): string => text.replace(/\r\n?/g, '\n');
  if (lines(doc.getText()) !== lines(content) || doc.languageId !== language) throw new Error(`${uri.toString()} is not the document just made`);
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
