// Folding by paragraph: each paragraph of more than one line folds, and so does the front matter.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';

export class ParagraphFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    const analysis = await this.analyses.getAsync(document);
    if (!analysis) return [];
    const ranges: vscode.FoldingRange[] = [];
    const header = analysis.readout.header;
    if (header.kind === 'front-matter' && header.span) {
      const a = document.positionAt(header.span.start).line;
      const b = document.positionAt(header.span.end).line;
      if (b > a) ranges.push(new vscode.FoldingRange(a, b, vscode.FoldingRangeKind.Imports));
    }
    for (const p of analysis.readout.paragraphs) {
      const a = document.positionAt(p.start).line;
      const b = document.positionAt(p.end).line;
      if (b > a) ranges.push(new vscode.FoldingRange(a, b, vscode.FoldingRangeKind.Region));
    }
    for (const c of analysis.readout.comments) {
      const a = document.positionAt(c.start).line;
      const b = document.positionAt(c.end).line;
      if (b > a) ranges.push(new vscode.FoldingRange(a, b, vscode.FoldingRangeKind.Comment));
    }
    return ranges;
  }
}
