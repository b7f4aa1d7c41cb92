// Status bar item for the active readout: "Firm n · Hedged m", a tooltip by topic, a warning when only part
// of the file was analysed; clicking it focuses the Commitments view.
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import { isReadout, type AnalysisService } from './analysisService';
import { diagnosticsLimit, onDidChangeDiagnosticsLimit, type DiagnosticsLimit } from './diagnostics';
import type { LexiconService } from './lexiconService';
import { formatCount } from '../core/text/format';
import { tableCell } from '../core/report/markdownText';

export function statusText(analysis: Analysis): string {
  let firm = 0;
  for (const c of analysis.cues) if (c.strength === 'firm') firm++;
  const text = `Firm ${firm} · Hedged ${analysis.cues.length - firm}`;
  return analysis.truncated ? `$(warning) ${text} (partial)` : text;
}

/** Per-topic counts of firm and hedged cues, by the primary topic of their sentence, in order of first cue. */
export function countsByTopic(analysis: Analysis): Map<string, { firm: number; hedged: number }> {
  // Topics as small numbers in typed arrays: a huge readout has tens of thousands of sentences and cues, and a
  // Map lookup per item cost more than the rest of the status bar. Index 0 is 'other' (no topic).
  const ids: string[] = ['other'];
  const idIndex = new Map<string, number>([['other', 0]]);
  const sentences = analysis.readout.sentences.length;
  const topicOf = new Int32Array(sentences);
  let lastId = 'other';
  let lastIndex = 0;
  for (const t of analysis.topics) {
    if (t.sentence < 0 || t.sentence >= sentences) continue;
    if (t.primary !== lastId) {
      lastId = t.primary;
      let k = idIndex.get(lastId);
      if (k === undefined) {
        k = ids.push(lastId) - 1;
        idIndex.set(lastId, k);
      }
      lastIndex = k;
    }
    topicOf[t.sentence] = lastIndex;
  }
  const firm = new Int32Array(ids.length);
  const hedged = new Int32Array(ids.length);
  const order: number[] = [];
  for (const c of analysis.cues) {
    const k = c.sentence >= 0 && c.sentence < sentences ? topicOf[c.sentence] : 0;
    if (firm[k] === 0 && hedged[k] === 0) order.push(k);
    if (c.strength === 'firm') firm[k]++;
    else hedged[k]++;
  }
  return new Map(order.map((k) => [ids[k], { firm: firm[k], hedged: hedged[k] }]));
}

/**
 * After an analysis the status bar waits this long, so the diagnostics are set first and a burst of analyses
 * while typing updates it once.
 */
export const STATUS_DELAY_MS = 50;

export class CommitmentStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('readoutLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the item shows now, so an unchanged analysis or limit does not rebuild the tooltip. */
  private shown: { analysis: Analysis; limit: DiagnosticsLimit | undefined; labels: unknown } | undefined;

  constructor(private readonly analyses: AnalysisService, private readonly lexicons: LexiconService) {
    this.item.name = 'Readout Lens commitments';
    this.item.command = 'readoutLens.commitments.focus';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      analyses.onDidAnalyze(({ document, analysis }) => {
        if (document === vscode.window.activeTextEditor?.document) this.scheduleUpdate(document, analysis);
      }),
      onDidChangeDiagnosticsLimit((uri) => {
        const doc = vscode.window.activeTextEditor?.document;
        if (!doc || uri.toString() !== doc.uri.toString()) return;
        // The analysis waiting to be shown, if any, else the one shown: the diagnostics of a new analysis are
        // set between its announcement and the update, and the one shown is then out of date.
        const analysis = this.pending?.doc === doc ? this.pending.analysis : this.shown?.analysis;
        if (analysis) this.scheduleUpdate(doc, analysis);
      }),
    );
    this.update();
  }

  /** The latest analysis announced for the active readout, shown when the timer fires. */
  private pending: { doc: vscode.TextDocument; analysis: Analysis } | undefined;

  private scheduleUpdate(doc: vscode.TextDocument, analysis: Analysis): void {
    this.pending = { doc, analysis };
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const next = this.pending;
      this.pending = undefined;
      if (next && next.doc === vscode.window.activeTextEditor?.document) this.show(next.doc, next.analysis);
    }, STATUS_DELAY_MS);
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isReadout(doc)) {
      this.shown = undefined;
      return this.item.hide();
    }
    void this.analyses.getAsync(doc).then((a) => {
      if (doc === vscode.window.activeTextEditor?.document) this.show(doc, a);
    });
  }

  private show(doc: vscode.TextDocument, analysis: Analysis | undefined): void {
    if (!analysis) {
      this.shown = undefined;
      return this.item.hide();
    }
    const limit = diagnosticsLimit(doc.uri);
    const labels = this.lexicons.current();
    if (this.shown?.analysis === analysis && this.shown.limit === limit && this.shown.labels === labels) return;
    this.shown = { analysis, limit, labels };
    const text = statusText(analysis);
    this.item.text = text;
    const md = new vscode.MarkdownString('**Commitments by topic**\n\n| Topic | Firm | Hedged |\n|---|---:|---:|\n');
    for (const [topic, n] of countsByTopic(analysis)) md.appendMarkdown(`| ${tableCell(labels?.topicById.get(topic)?.label ?? topic)} | ${n.firm} | ${n.hedged} |\n`);
    if (limit) {
      md.appendMarkdown(
        `\n\n$(info) Problems lists ${formatCount(limit.shown)} of the ${formatCount(limit.total)} findings ` +
          '(readoutLens.diagnostics.maxPerFile); the counts above and the Commitments view include the others, and ' +
          '*Readout: Export Analysis…* writes them all.',
      );
    }
    if (analysis.truncated) md.appendMarkdown(`\n\n$(warning) Only the first ${formatCount(analysis.analyzedLength)} of ${formatCount(analysis.textLength)} characters were analysed (readoutLens.maxFileSizeMB).`);
    md.supportThemeIcons = true;
    md.appendMarkdown('\n\nClick to open the Commitments view.');
    this.item.tooltip = md;
    this.item.backgroundColor = analysis.truncated ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: `${vscode.workspace.asRelativePath(doc.uri)}: ${text}` };
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
