// Registers the import commands. Their code (importCommands.ts, then the importer) is loaded when one of them
// first runs: the extension bundle holds only these few lines of it.
import * as vscode from 'vscode';

type ImportCommands = typeof import('./importCommands');

let commands: Promise<ImportCommands> | undefined;
const load = (): Promise<ImportCommands> => (commands ??= import('./importCommands'));

export function registerImportCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('readoutLens.newFromWebPage', async (url?: string) => (await load()).newFromWebPage(url)),
    vscode.commands.registerCommand('readoutLens.newFromClipboard', async () => (await load()).newFromClipboard()),
    vscode.commands.registerCommand('readoutLens.importHtmlFile', async (file?: vscode.Uri) => (await load()).importHtmlFile(file)),
  );
}
