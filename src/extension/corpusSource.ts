// The workspace's readouts as the timeline and Tracked Wording read them: the summaries of the editor's corpus
// model (workspace analysis started when it is off, as the Corpus view's welcome offers), and phrase searches
// run file by file on workspace analysis' worker pool, the last one kept until a readout changes on disk.
import * as vscode from 'vscode';
import type { ReadoutSummary } from '../core/corpus/summary';
import { PhraseTracker, type TrackResult } from '../core/corpus/track';
import type { CorpusModel } from './corpusModel';
import { READOUT_GLOB } from './documents';
import type { WorkspaceAnalysis } from './workspaceAnalysis';

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

/** What the timeline needs of the corpus. */
export interface CorpusSummaries {
  /**
   * Every readout of the workspace, its summary's path its URI string; undefined when cancelled, or when the
   * corpus is not read and `start` (a user's request, not a redraw) is false.
   */
  summaries(token: vscode.CancellationToken, start: boolean): Promise<readonly ReadoutSummary[] | undefined>;
  /** Fires when a readout was added, changed or removed. */
  readonly onDidChange: vscode.Event<void>;
}

/** The corpus model's summaries; with workspace analysis off, a pass is run first (it shows its own progress). */
export function modelSummaries(model: CorpusModel, workspace: WorkspaceAnalysis): CorpusSummaries {
  return {
    onDidChange: model.onDidChange,
    async summaries(token, start) {
      if (!model.available) {
        if (!start) return undefined;
        const pass = await workspace.analyzeWorkspace();
        if (!pass || pass.cancelled) return undefined;
      }
      return token.isCancellationRequested ? undefined : model.summaries();
    },
  };
}

/** The progress notification is updated at most this often. */
const PROGRESS_MS = 100;

export class WorkspaceSearch implements vscode.Disposable {
  /** Bumped when a readout is created, changed or deleted on disk: a kept search older than this is redone. */
  private version = 0;
  private last: { phrase: string; version: number; result: TrackResult } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly workspace: WorkspaceAnalysis) {
    const watcher = vscode.workspace.createFileSystemWatcher(READOUT_GLOB);
    const bump = (): void => void this.version++;
    this.disposables.push(
      watcher,
      watcher.onDidCreate(bump),
      watcher.onDidChange(bump),
      watcher.onDidDelete(bump),
      vscode.workspace.onDidChangeWorkspaceFolders(bump),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('readoutLens.maxFileSizeMB')) bump();
      }),
    );
  }

  /** Every use of the phrase in the workspace's readouts (files as saved); undefined when cancelled. */
  async track(phrase: string, token: vscode.CancellationToken, progress?: Progress): Promise<TrackResult | undefined> {
    const version = this.version;
    if (this.last && this.last.phrase === phrase && this.last.version === version) return this.last.result;
    const tracker = new PhraseTracker(phrase);
    // Without an exclude of our own: files.exclude applies, as in workspace analysis.
    const uris = await vscode.workspace.findFiles(READOUT_GLOB, undefined, undefined, token);
    if (token.isCancellationRequested) return undefined;
    const isStale = (): boolean => token.isCancellationRequested;
    let done = 0;
    let reported = 0;
    let lastReport = performance.now();
    const searchAll = async (list: readonly vscode.Uri[]): Promise<vscode.Uri[]> => {
      const dropped: vscode.Uri[] = [];
      await Promise.all(
        list.map(async (uri) => {
          const outcome = await this.workspace.trackInFile(uri, phrase, isStale);
          if (outcome && 'uses' in outcome) tracker.addFound(outcome.uses);
          else if (!outcome) dropped.push(uri);
          done++;
          const now = performance.now();
          if (progress && now - lastReport >= PROGRESS_MS && !token.isCancellationRequested) {
            progress.report({ increment: (100 * (done - reported)) / uris.length, message: `${Math.min(done, uris.length)} of ${uris.length}` });
            reported = done;
            lastReport = now;
          }
        }),
      );
      return dropped;
    };
    // A file the pool dropped (workspace analysis switched off mid-search, a worker that crashed) is asked for
    // once more; a result still missing some is not kept, so the next search tries them again.
    let dropped = await searchAll(uris);
    if (dropped.length && !token.isCancellationRequested) dropped = await searchAll(dropped);
    if (token.isCancellationRequested) return undefined;
    const result = tracker.result();
    this.last = dropped.length ? undefined : { phrase, version, result };
    return result;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
