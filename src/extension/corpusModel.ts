// The editor's corpus: the ReadoutSummary of every readout of the workspace, from workspace analysis for files
// and from the editor's own Analysis for open readouts, homes settled across the corpus; the Corpus view, the
// timeline, Track Across Readouts and Since Last Time all read this one model. A summary's `path` is its URI string.
import * as vscode from 'vscode';
import { counterpartIndex, type CounterpartIndex } from '../core/corpus/counterparts';
import { settleHomes, summarizeAnalysis, type ReadoutSummary } from '../core/corpus/summary';
import { byDate, groupByCounterpart, groupByDate, matchesFilter, type CorpusFilter, type CounterpartGroup, type DateGroup } from '../core/corpus/timeline';
import type { CompiledLexicon } from '../core/pipeline/compile';
import type { Analysis } from '../core/types';
import type { AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';
import type { WorkspaceAnalysis } from './workspaceAnalysis';

export type { CorpusFilter, CounterpartGroup, DateGroup } from '../core/corpus/timeline';
export type { ReadoutSummary } from '../core/corpus/summary';

/**
 * Changes are announced at most this often, and during a pass at most every PASS_CHANGE_MS: the workspace
 * reports a batch of files every few milliseconds then, and every listener regroups the whole corpus on the
 * extension host's thread, which the pass keeps busy enough.
 */
const CHANGE_MS = 250;
const PASS_CHANGE_MS = 1500;

interface OpenReadout {
  document: vscode.TextDocument;
  analysis: Analysis;
  version: number;
  summary?: ReadoutSummary;
}

export class CorpusModel implements vscode.Disposable {
  private readonly open = new Map<string, OpenReadout>();
  private readonly indexes = new WeakMap<CompiledLexicon, CounterpartIndex>();
  /** Every summary, homes settled, in date order; rebuilt on the first read after a change. */
  private list: ReadoutSummary[] | undefined;
  private byUri: Map<string, ReadoutSummary> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires (at most every CHANGE_MS) when readouts were added, changed or removed, or analysis was switched on or off. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly workspace: WorkspaceAnalysis, analyses: AnalysisService, private readonly lexicons: LexiconService) {
    this.disposables.push(
      this.changed,
      workspace.onDidUpdate(() => this.invalidate()),
      analyses.onDidAnalyze(({ document, analysis }) => {
        if (!vscode.workspace.getWorkspaceFolder(document.uri)) return;
        this.open.set(document.uri.toString(), { document, analysis, version: document.version });
        if (this.workspace.analysing) this.invalidate();
      }),
      // The open readouts' summaries were read with the old lexicon's names (workspace files get a new pass).
      lexicons.onDidChange(() => {
        for (const o of this.open.values()) o.summary = undefined;
        if (this.workspace.analysing) this.invalidate();
      }),
      analyses.onDidClose((uri) => {
        if (this.open.delete(uri.toString()) && this.workspace.analysing) this.invalidate();
      }),
    );
  }

  /** Whether the corpus is the whole workspace (workspace analysis is on); when not, it is empty. */
  get available(): boolean {
    return this.workspace.analysing;
  }

  /** Every readout of the workspace in date order (undated last). Do not modify the summaries. */
  summaries(): readonly ReadoutSummary[] {
    return this.build().list;
  }

  summary(uri: vscode.Uri): ReadoutSummary | undefined {
    return this.build().byUri.get(uri.toString());
  }

  /** The readout a summary is of. */
  uriOf(summary: ReadoutSummary): vscode.Uri {
    return vscode.Uri.parse(summary.path);
  }

  /** The readouts that pass the filter, in date order. */
  filtered(filter: CorpusFilter = {}): ReadoutSummary[] {
    return this.summaries().filter((s) => matchesFilter(s, filter));
  }

  /** Readouts by counterpart (src/core/corpus/timeline.ts, groupByCounterpart), filtered. */
  byCounterpart(filter: CorpusFilter = {}): CounterpartGroup[] {
    return groupByCounterpart(this.filtered(filter));
  }

  /** Readouts by year, then month (src/core/corpus/timeline.ts, groupByDate), filtered. */
  byDate(filter: CorpusFilter = {}): DateGroup[] {
    return groupByDate(this.filtered(filter));
  }

  private build(): { list: ReadoutSummary[]; byUri: Map<string, ReadoutSummary> } {
    if (this.list && this.byUri) return { list: this.list, byUri: this.byUri };
    const byUri = new Map<string, ReadoutSummary>();
    if (this.workspace.analysing) {
      for (const [key, s] of this.workspace.entries()) byUri.set(key, s);
      // An open readout's summary comes from its document, which may be newer than its file.
      for (const [key, o] of this.open) {
        const s = this.openSummary(key, o);
        if (s) byUri.set(key, s);
      }
    }
    const list = [...byUri.values()];
    settleHomes(list);
    list.sort(byDate);
    this.list = list;
    this.byUri = byUri;
    return { list, byUri };
  }

  private openSummary(key: string, o: OpenReadout): ReadoutSummary | undefined {
    if (o.summary) return o.summary;
    const compiled = this.lexicons.current();
    if (!compiled) return undefined;
    let index = this.indexes.get(compiled);
    if (!index) this.indexes.set(compiled, (index = counterpartIndex(compiled.lexicon.entities)));
    // The sentences' texts only when the document still has the analysed text.
    const text = !o.document.isClosed && o.document.version === o.version ? o.document.getText() : undefined;
    o.summary = summarizeAnalysis(key, o.analysis, index, text);
    return o.summary;
  }

  private invalidate(): void {
    this.list = undefined;
    this.byUri = undefined;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.changed.fire();
    }, this.workspace.passing ? PASS_CHANGE_MS : CHANGE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
