// Folding by paragraph: each paragraph of more than one line folds, and so does the front matter.
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { AnalysisService } from './analysisService';

export class ParagraphFoldingProvider implements vscode.FoldingRangeProvider {
  /** The ranges last computed per Analysis: the editor asks again without an edit (e.g. on a focus change). */
  private readonly built = new WeakMap<Analysis, { version: number; ranges: vscode.FoldingRange[] }>();

  constructor(private readonly analyses: AnalysisService) {}

  async provideFoldingRanges(document: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    const analysis = await this.analyses.getAsync(document, token);
    if (!analysis || token.isCancellationRequested) return [];
    const hit = this.built.get(analysis);
    if (hit && hit.version === document.version) return hit.ranges;
    // Lines from the version's line index, not one document.positionAt per paragraph.
    const lines = this.analyses.lines(document);
    const ranges: vscode.FoldingRange[] = [];
    const header = analysis.readout.header;
    if (header.kind === 'front-matter' && header.span) {
      const a = lines.line(header.span.start);
      const b = lines.line(header.span.end);
      if (b > a) ranges.push(new vscode.FoldingRange(a, b, vscode.FoldingRangeKind.Imports));
    }
    // Paragraphs and comments each come in document order: each search starts from the line found before.
    let at = 0;
    for (const p of analysis.readout.paragraphs) {
      const a = (at = lines.line(p.start, at));
      const b = (at = lines.line(p.end, at));
      if (b > a) ranges.push(new vscode.FoldingRange(a, b, vscode.FoldingRangeKind.Region));
    }
    at = 0;
    for (const c of analysis.readout.comments) {
      const a = (at = lines.line(c.start, at));
      const b = (at = lines.line(c.end, at));
      if (b > a) ranges.push(new vscode.FoldingRange(a, b, vscode.FoldingRangeKind.Comment));
    }
    this.built.set(analysis, { version: document.version, ranges });
    return ranges;
  }
}
