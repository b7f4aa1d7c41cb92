// The Readout Lens sidebar: the three tree views (see viewTrees.ts) follow the active readout, refresh after
// (debounced) analyses, keep their expansion state through stable ids, filter by strength and reveal the
// statement under the cursor.
import * as vscode from 'vscode';
import { spanAt } from '../core/text/spans';
import { isReadout, type AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';
import { CommitmentsProvider, EntitiesProvider, TopicsProvider, ViewModel, type CommitmentGrouping, type SortOrder, type StrengthFilter, type ViewNode } from './viewTrees';

export type { CommitmentGrouping, SortOrder, StrengthFilter, ViewNode } from './viewTrees';

/** Creates the three views and the commands of their title bars. */
export class ReadoutViews implements vscode.Disposable {
  readonly model = new ViewModel();
  readonly topics: TopicsProvider;
  readonly commitments: CommitmentsProvider;
  readonly entities: EntitiesProvider;
  readonly topicsView: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The wait for the followed readout's analysis: a newer one, or disposing the views, cancels it. */
  private following: vscode.CancellationTokenSource | undefined;

  constructor(private readonly analyses: AnalysisService, lexicons: LexiconService) {
    this.topics = new TopicsProvider(this.model, lexicons);
    this.commitments = new CommitmentsProvider(this.model, lexicons);
    this.entities = new EntitiesProvider(this.model, lexicons);
    this.topicsView = vscode.window.createTreeView('readoutLens.topics', { treeDataProvider: this.topics, showCollapseAll: true });
    const commitmentsView = vscode.window.createTreeView('readoutLens.commitments', { treeDataProvider: this.commitments, showCollapseAll: true });
    const entitiesView = vscode.window.createTreeView('readoutLens.entities', { treeDataProvider: this.entities, showCollapseAll: true });
    this.disposables.push(
      this.topicsView,
      commitmentsView,
      entitiesView,
      this.topics,
      this.commitments,
      this.entities,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      analyses.onDidAnalyze(({ document }) => {
        if (document === vscode.window.activeTextEditor?.document) this.scheduleRefresh();
      }),
      analyses.onDidClose((uri) => {
        if (this.model.uri?.toString() === uri.toString() && !vscode.window.activeTextEditor) this.follow();
      }),
      lexicons.onDidChange(() => this.scheduleRefresh()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.revealAtCursor(e.textEditor)),
      vscode.commands.registerCommand('readoutLens.reveal', (uri: vscode.Uri, start: number, end: number) => reveal(uri, start, end)),
      vscode.commands.registerCommand('readoutLens.filterAll', () => this.setFilter('all')),
      vscode.commands.registerCommand('readoutLens.filterFirm', () => this.setFilter('firm')),
      vscode.commands.registerCommand('readoutLens.filterHedged', () => this.setFilter('hedged')),
      vscode.commands.registerCommand('readoutLens.sortByDocument', () => this.setSort('document')),
      vscode.commands.registerCommand('readoutLens.sortBySize', () => this.setSort('size')),
      vscode.commands.registerCommand('readoutLens.groupByStrength', () => this.setGrouping('strength')),
      vscode.commands.registerCommand('readoutLens.groupByActor', () => this.setGrouping('actor')),
    );
    void this.setContext();
    this.follow();
  }

  /** Follows the active editor when it is a readout; keeps showing the last readout otherwise. */
  private follow(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (isReadout(doc)) {
      this.model.uri = doc.uri;
      const token = this.follows().token;
      void this.analyses.getAsync(doc, token).then((a) => {
        if (token.isCancellationRequested || this.model.uri?.toString() !== doc.uri.toString()) return;
        this.model.analysis = a;
        this.refreshNow();
      });
    } else if (this.model.uri && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === this.model.uri?.toString())) {
      this.stopFollowing();
      this.model.uri = undefined;
      this.model.analysis = undefined;
      this.refreshNow();
    }
  }

  /** A new wait for the followed readout's analysis, the previous one cancelled. */
  private follows(): vscode.CancellationTokenSource {
    this.stopFollowing();
    this.following = new vscode.CancellationTokenSource();
    return this.following;
  }

  private stopFollowing(): void {
    this.following?.cancel();
    this.following?.dispose();
    this.following = undefined;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.follow(), 100);
  }

  /**
   * Refreshes all three trees now (tests and title-bar actions call this): each rebuilds its nodes when the
   * editor, or a caller, next asks for them.
   */
  refreshNow(): void {
    this.topics.refresh();
    this.commitments.refresh();
    this.entities.refresh();
    const hasReadout = !!this.model.analysis;
    if (hasReadout !== this.hasReadout) {
      this.hasReadout = hasReadout;
      void vscode.commands.executeCommand('setContext', 'readoutLens.hasReadout', hasReadout);
    }
  }
  /** The readoutLens.hasReadout context last set (undefined: not set yet). */
  private hasReadout: boolean | undefined;

  private revealAtCursor(editor: vscode.TextEditor): void {
    if (!getSettings(editor.document.uri).followCursor || !this.topicsView.visible) return;
    if (editor.document.uri.toString() !== this.model.uri?.toString()) return;
    const analysis = this.model.analysis;
    if (!analysis) return;
    const offset = editor.document.offsetAt(editor.selection.active);
    if (!spanAt(analysis.readout.sentences, offset)) return;
    const node = this.topics.statementAt(offset);
    if (node) void this.topicsView.reveal(node, { select: true, focus: false, expand: true });
  }

  setFilter(filter: StrengthFilter): void {
    this.model.filter = filter;
    void this.setContext();
    this.refreshNow();
  }

  setSort(sort: SortOrder): void {
    this.model.sort = sort;
    void this.setContext();
    this.refreshNow();
  }

  setGrouping(grouping: CommitmentGrouping): void {
    this.model.grouping = grouping;
    void this.setContext();
    this.refreshNow();
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'readoutLens.filter', this.model.filter);
    await vscode.commands.executeCommand('setContext', 'readoutLens.sort', this.model.sort);
    await vscode.commands.executeCommand('setContext', 'readoutLens.grouping', this.model.grouping);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.stopFollowing();
    for (const d of this.disposables) d.dispose();
  }
}

/** Opens the document and selects [start, end), centring it in the editor. */
export async function reveal(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false, preview: true });
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
