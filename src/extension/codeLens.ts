// Optional CodeLens above each paragraph with its commitment counts (readoutLens.codeLens.enabled, off by
// default, as Markdown's reference lenses are opt-in): "Firm 1 · Hedged 3".
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { AnalysisService } from './analysisService';
import { getSettings } from './settings';

/** Firm and hedged counts per paragraph index, from the cues' sentences. */
export function paragraphCounts(analysis: Analysis): Map<number, { firm: number; hedged: number }> {
  const counts = new Map<number, { firm: number; hedged: number }>();
  for (const cue of analysis.cues) {
    const paragraph = analysis.readout.sentences[cue.sentence]?.paragraph;
    if (paragraph === undefined) continue;
    const n = counts.get(paragraph) ?? { firm: 0, hedged: 0 };
    n[cue.strength]++;
    counts.set(paragraph, n);
  }
  return counts;
}

export class ParagraphCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly analyses: AnalysisService) {
    this.disposables = [
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readoutLens.codeLens')) this.changed.fire();
      }),
      // Nothing to redraw while the lenses are off (the default): the editor then never asks again per edit.
      analyses.onDidAnalyze(({ document }) => {
        if (getSettings(document.uri).codeLens) this.changed.fire();
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!getSettings(document.uri).codeLens || token.isCancellationRequested) return [];
    const analysis = await this.analyses.getAsync(document, token);
    if (!analysis || token.isCancellationRequested) return [];
    const counts = paragraphCounts(analysis);
    const lines = this.analyses.lines(document);
    const lenses: vscode.CodeLens[] = [];
    for (const p of analysis.readout.paragraphs) {
      const n = counts.get(p.index);
      if (!n) continue;
      const at = lines.position(p.start);
      lenses.push(
        new vscode.CodeLens(new vscode.Range(at, at), {
          title: `Firm ${n.firm} · Hedged ${n.hedged}`,
          tooltip: 'Commitment cues in this paragraph: open the Commitments view',
          command: 'readoutLens.commitments.focus',
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
