// Reading a document's text for commands that take URIs: the open editor's text when there is one (it may
// hold unsaved edits), otherwise the file, decoded as UTF-8 without a BOM.
import * as vscode from 'vscode';

/** The workspace's readout files, as workspace analysis, its watcher and the corpus searches find them. */
export const READOUT_GLOB = '**/*.readout';

const decoder = new TextDecoder('utf-8');

export async function readUri(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  let text = decoder.decode(await vscode.workspace.fs.readFile(uri));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
