// The commands whose work needs Node, registered in the browser (vscode.dev, github.dev) to say so instead of
// failing: the importer (a DOM and an article extractor bundled for Node, and page fetching that a browser's
// cross-origin rules forbid) and workspace analysis (files read and analysed in Node worker threads).
// package.json hides them from the Command Palette there (`!readoutLens.browserHost`, which the browser entry sets); a keybinding or another extension may still run one.
import * as vscode from 'vscode';
import { getSettings } from '../settings';

/** Each command that cannot run in the browser, with what the user asked for in their words. */
export const NOT_IN_BROWSER: readonly { command: string; what: string }[] = [
  { command: 'readoutLens.analyzeWorkspace', what: 'Analyze Workspace' },
  { command: 'readoutLens.newFromWebPage', what: 'New Readout from Web Page' },
  { command: 'readoutLens.newFromClipboard', what: 'New Readout from Clipboard' },
  { command: 'readoutLens.importHtmlFile', what: 'Import HTML File as Readout' },
  { command: 'readoutLens.showTimeline', what: 'Show Timeline' },
  { command: 'readoutLens.trackAcrossReadouts', what: 'Track Across Readouts' },
];

export function notInBrowserMessage(what: string): string {
  return `Readout Lens: ${what} needs desktop VS Code and is not available in the browser (vscode.dev, github.dev). Open the folder in desktop VS Code to use it.`;
}

/** Registers the commands of NOT_IN_BROWSER; each shows its message and returns it (for the tests). */
export function registerNotInBrowser(): vscode.Disposable {
  let toldWorkspace = false;
  /** readoutLens.workspace.analyze = workspace is a user or workspace setting the browser cannot honour: said once. */
  const tellWorkspaceSetting = (): void => {
    if (toldWorkspace || getSettings().workspaceAnalyze !== 'workspace') return;
    toldWorkspace = true;
    void vscode.window.showInformationMessage(
      `${notInBrowserMessage('Workspace analysis (readoutLens.workspace.analyze)')} The open readouts have their diagnostics as usual.`,
    );
  };
  tellWorkspaceSetting();
  return vscode.Disposable.from(
    ...NOT_IN_BROWSER.map(({ command, what }) =>
      vscode.commands.registerCommand(command, () => {
        const message = notInBrowserMessage(what);
        void vscode.window.showInformationMessage(message);
        return message;
      }),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('readoutLens.workspace.analyze')) tellWorkspaceSetting();
    }),
  );
}
