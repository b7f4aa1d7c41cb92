// Registers "Readout: Compare with…" and opens the comparisons Since Last Time frames. The compare webview's code
// (compare.ts and the core's alignment) is a bundle of its own, loaded on the first comparison: the extension
// bundle holds only these lines of it.
import * as vscode from 'vscode';
import type { CompareFrame, ComparePanels, CompareResult } from './compare';
import type { LexiconService } from './lexiconService';

export class CompareCommand implements vscode.Disposable {
  private panels: Promise<ComparePanels> | undefined;
  private readonly registration: vscode.Disposable;

  constructor(private readonly extensionUri: vscode.Uri, private readonly lexicons: LexiconService) {
    this.registration = vscode.commands.registerCommand('readoutLens.compareWith', async (uri?: unknown, uris?: unknown, other?: unknown) => (await this.load()).run(uri, uris, other));
  }

  /** Compares two readouts (A, B) in the compare webview; `frame` puts another title and a lead on it. */
  async open(a: vscode.Uri, b: vscode.Uri, frame?: CompareFrame): Promise<CompareResult | undefined> {
    return (await this.load()).open(a, b, frame);
  }

  private load(): Promise<ComparePanels> {
    return (this.panels ??= import('./compare').then(({ ComparePanels }) => new ComparePanels(this.extensionUri, this.lexicons)));
  }

  dispose(): void {
    this.registration.dispose();
    void this.panels?.then((panels) => panels.dispose());
  }
}
