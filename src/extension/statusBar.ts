// Status bar item for the active readout: "Firm n · Hedged m", a tooltip by topic, a warning when only part
// of the file was analysed; clicking it focuses the Commitments view.
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import { isReadout, type AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';

export function statusText(analysis: Analysis): string {
  const firm = analysis.cues.filter((c) => c.strength === 'firm').length;
  const text = `Firm ${firm} · Hedged ${analysis.cues.length - firm}`;
  return analysis.truncated ? `$(warning) ${text} (partial)` : text;
}

/** Per-topic counts of firm and hedged cues, by the primary topic of their sentence. */
export function countsByTopic(analysis: Analysis): Map<string, { firm: number; hedged: number }> {
  const topicOf = new Map(analysis.topics.map((t) => [t.sentence, t.primary]));
  const out = new Map<string, { firm: number; hedged: number }>();
  for (const c of analysis.cues) {
    const topic = topicOf.get(c.sentence) ?? 'other';
    const n = out.get(topic) ?? { firm: 0, hedged: 0 };
    n[c.strength]++;
    out.set(topic, n);
  }
  return out;
}

export class CommitmentStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('readoutLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyses: AnalysisService, private readonly lexicons: LexiconService) {
    this.item.name = 'Readout Lens commitments';
    this.item.command = 'readoutLens.commitments.focus';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      analyses.onDidAnalyze(({ document }) => {
        if (document === vscode.window.activeTextEditor?.document) this.show(document, this.analyses.get(document));
      }),
    );
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isReadout(doc)) return this.item.hide();
    void this.analyses.getAsync(doc).then((a) => {
      if (doc === vscode.window.activeTextEditor?.document) this.show(doc, a);
    });
  }

  private show(doc: vscode.TextDocument, analysis: Analysis | undefined): void {
    if (!analysis) return this.item.hide();
    this.item.text = statusText(analysis);
    const md = new vscode.MarkdownString('**Commitments by topic**\n\n| Topic | Firm | Hedged |\n|---|---:|---:|\n');
    const labels = this.lexicons.current()?.topicById;
    for (const [topic, n] of countsByTopic(analysis)) md.appendMarkdown(`| ${labels?.get(topic)?.label ?? topic} | ${n.firm} | ${n.hedged} |\n`);
    if (analysis.truncated) md.appendMarkdown(`\n\n$(warning) Only the first ${analysis.analyzedLength.toLocaleString('en-US')} of ${analysis.textLength.toLocaleString('en-US')} characters were analysed (readoutLens.maxFileSizeMB).`);
    md.supportThemeIcons = true;
    md.appendMarkdown('\n\nClick to open the Commitments view.');
    this.item.tooltip = md;
    this.item.backgroundColor = analysis.truncated ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: `${vscode.workspace.asRelativePath(doc.uri)}: ${statusText(analysis)}` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
