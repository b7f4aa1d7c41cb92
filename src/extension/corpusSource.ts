// The workspace's readouts as the corpus features (the timeline, tracked wording) read them: a corpus summary
// per file, made on workspace analysis' worker pool and kept until the file changes, and phrase searches run
// there too. The timeline reads it through the small CorpusSummaries interface, so another source of
// summaries (the Corpus view's model) can stand in for it.
import * as vscode from 'vscode';
import { settleHomes, type ReadoutSummary } from '../core/corpus/summary';
import { PhraseTracker, type TrackResult } from '../core/corpus/track';
import { READOUT_GLOB, type WorkspaceAnalysis } from './workspaceAnalysis';

/** What the timeline needs of the corpus. */
export interface CorpusSummaries {
  /** Every readout of the workspace, its summary's path its URI string; undefined when cancelled. */
  summaries(token: vscode.CancellationToken, progress?: vscode.Progress<{ message?: string; increment?: number }>): Promise<ReadoutSummary[] | undefined>;
  /** Fires when a readout was added, changed or removed. */
  readonly onDidChange: vscode.Event<void>;
}

/** Changes within this pause are announced once: a checkout or a copy changes many files at once. */
const CHANGE_DEBOUNCE_MS = 300;
/** The progress notification is updated at most this often. */
const PROGRESS_MS = 100;

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

/** Runs `each` over the files, reporting "n of m" on the progress. */
async function overFiles<T>(uris: readonly vscode.Uri[], token: vscode.CancellationToken, progress: Progress | undefined, each: (uri: vscode.Uri) => Promise<T>): Promise<T[]> {
  let done = 0;
  let reported = 0;
  let last = performance.now();
  return Promise.all(
    uris.map((uri) =>
      each(uri).then((r) => {
        done++;
        const now = performance.now();
        if (progress && now - last >= PROGRESS_MS && !token.isCancellationRequested) {
          progress.report({ increment: (100 * (done - reported)) / uris.length, message: `${done} of ${uris.length}` });
          reported = done;
          last = now;
        }
        return r;
      }),
    ),
  );
}

export class WorkspaceCorpus implements CorpusSummaries, vscode.Disposable {
  private readonly cache = new Map<string, ReadoutSummary>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watcher: vscode.FileSystemWatcher | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly workspace: WorkspaceAnalysis, lexiconsChanged: vscode.Event<unknown>) {
    this.disposables.push(
      lexiconsChanged(() => this.invalidate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('readoutLens.maxFileSizeMB')) this.invalidate();
      }),
    );
  }

  async summaries(token: vscode.CancellationToken, progress?: Progress): Promise<ReadoutSummary[] | undefined> {
    this.watch();
    const uris = await vscode.workspace.findFiles(READOUT_GLOB, undefined, undefined, token);
    if (token.isCancellationRequested) return undefined;
    const found = new Set(uris.map((u) => u.toString()));
    for (const key of [...this.cache.keys()]) if (!found.has(key)) this.cache.delete(key);
    const todo = uris.filter((u) => !this.cache.has(u.toString()));
    const isStale = (): boolean => token.isCancellationRequested;
    await overFiles(todo, token, progress, async (uri) => {
      const outcome = await this.workspace.readForCorpus(uri, { summary: true, isStale });
      if (outcome && 'summary' in outcome && outcome.summary) this.cache.set(uri.toString(), outcome.summary);
    });
    if (token.isCancellationRequested) return undefined;
    const list = uris.map((u) => this.cache.get(u.toString())).filter((s): s is ReadoutSummary => !!s);
    // Copies: settling the homes changes counterparts, which depend on the whole corpus, not on one file.
    const copies = list.map((s) => ({ ...s }));
    settleHomes(copies);
    return copies;
  }

  /** Every use of the phrase in the workspace's readouts, each file searched on a worker; undefined when cancelled. */
  async track(phrase: string, token: vscode.CancellationToken, progress?: Progress): Promise<TrackResult | undefined> {
    const tracker = new PhraseTracker(phrase);
    const uris = await vscode.workspace.findFiles(READOUT_GLOB, undefined, undefined, token);
    if (token.isCancellationRequested) return undefined;
    const isStale = (): boolean => token.isCancellationRequested;
    await overFiles(uris, token, progress, async (uri) => {
      const outcome = await this.workspace.readForCorpus(uri, { summary: false, phrase, isStale });
      if (outcome && 'uses' in outcome && outcome.uses) tracker.addFound(outcome.uses);
    });
    return token.isCancellationRequested ? undefined : tracker.result();
  }

  private watch(): void {
    if (this.watcher) return;
    this.watcher = vscode.workspace.createFileSystemWatcher(READOUT_GLOB);
    const drop = (uri: vscode.Uri): void => {
      this.cache.delete(uri.toString());
      this.announce();
    };
    this.disposables.push(this.watcher, this.watcher.onDidCreate(drop), this.watcher.onDidChange(drop), this.watcher.onDidDelete(drop));
  }

  private invalidate(): void {
    this.cache.clear();
    this.announce();
  }

  private announce(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), CHANGE_DEBOUNCE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
