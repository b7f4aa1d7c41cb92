// Diagnostics for every readout of the workspace, not only the open ones (readoutLens.workspace.analyze, the
// command Readout: Analyze Workspace): files found with files.exclude honoured, analysed in worker threads, kept
// current by a file system watcher. An open readout's own diagnostics (CueDiagnostics) win over its file's.
import * as path from 'path';
import * as vscode from 'vscode';
import { formatCount } from '../core/text/format';
import type { ReadoutSummary } from '../core/corpus/summary';
import { FINDING_CODES, type FileFindings, type FindingOptions } from '../runtime/findings';
import { WorkspacePool, type FileJob, type TrackJob, type TrackOutcome } from '../runtime/workspacePool';
import { isReadout, type AnalysisService } from './analysisService';
import { DIAGNOSTIC_SOURCE, findingOptions } from './diagnostics';
import type { LexiconService } from './lexiconService';
import { getSettings, type Settings } from './settings';

import { READOUT_GLOB } from './documents';

/**
 * Longest stretch of turning worker results into diagnostics (or of queueing files) before yielding to the
 * event loop, and at most this many diagnostics per DiagnosticCollection.set: the extension host converts and
 * sends them all in the same turn, and in a remote window compresses them there too (2,000 took 38 ms). Half
 * of what a slice may take in all (the 50 ms the host may block, on a machine whose cores are busy).
 */
const FLUSH_SLICE_MS = 4;
const FLUSH_MAX_DIAGNOSTICS = 200;
/** The progress notification is updated at most this often (each update is a message to the window). */
const PROGRESS_MS = 100;
/** Watcher events are taken together after this pause: a checkout or a copy changes many files at once. */
const WATCH_DEBOUNCE_MS = 150;
/** More new files than this in one batch of watcher events: one pass of the whole workspace is cheaper. */
const NEW_FILES_FOR_A_PASS = 50;

/** What a pass over the workspace did, for the log, the status bar and the tests. */
export interface PassReport {
  files: number;
  /** Files analysed by the pass (the open readouts have their own diagnostics). */
  analysed: number;
  ms: number;
  cancelled: boolean;
}

interface Ready {
  uri: vscode.Uri;
  findings: FileFindings;
  summary: ReadoutSummary;
}

function toDiagnostics(f: FileFindings): vscode.Diagnostic[] {
  const p = f.positions;
  const out = new Array<vscode.Diagnostic>(f.messages.length);
  for (let i = 0, k = 0; i < out.length; i++, k += 6) {
    const d = new vscode.Diagnostic(new vscode.Range(p[k], p[k + 1], p[k + 2], p[k + 3]), f.messages[i], p[k + 4] as vscode.DiagnosticSeverity);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = p[k + 5] < 0 ? f.problemCodes[i] : FINDING_CODES[p[k + 5]];
    out[i] = d;
  }
  return out;
}

export class WorkspaceAnalysis implements vscode.Disposable {
  /** Made on first use: with readoutLens.workspace.analyze at openFiles and no command run, nothing exists. */
  private collection: vscode.DiagnosticCollection | undefined;
  private pool: WorkspacePool | undefined;
  private watcher: vscode.Disposable[] = [];
  /** The workspace's readouts as the last pass and the watcher found them, by URI string. */
  private readonly known = new Map<string, vscode.Uri>();
  private readonly summaries = new Map<string, ReadoutSummary>();
  /** Per file, the number of its newest request: an older request's result is dropped. */
  private readonly latest = new Map<string, number>();
  private seq = 0;
  private active = false;
  private pass: vscode.CancellationTokenSource | undefined;
  private passTimer: ReturnType<typeof setTimeout> | undefined;
  private ready: Ready[] = [];
  private flushing: Promise<void> | undefined;
  private changes = new Map<string, { uri: vscode.Uri; deleted: boolean }>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly options = new WeakMap<Readonly<Settings>, FindingOptions>();
  private readonly updated = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when diagnostics and summaries of workspace files were set or removed. */
  readonly onDidUpdate = this.updated.event;
  /** The last pass that finished, for the tests and the benchmark. */
  lastPass: PassReport | undefined;

  constructor(
    private readonly analyses: AnalysisService,
    private readonly lexicons: LexiconService,
    private readonly output: vscode.LogOutputChannel,
    private readonly workerScript = path.join(__dirname, 'workspaceWorker.js'),
  ) {
    this.disposables.push(
      this.updated,
      vscode.commands.registerCommand('readoutLens.analyzeWorkspace', () => this.analyzeWorkspace()),
      // An open readout's diagnostics come from its document, which may be newer than its file.
      analyses.onDidAnalyze(({ document }) => {
        if (this.collection?.has(document.uri)) this.collection.delete(document.uri);
      }),
      analyses.onDidClose((uri) => {
        if (this.active && this.known.has(uri.toString())) void this.request(uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readoutLens.workspace.analyze')) {
          if (getSettings().workspaceAnalyze === 'workspace') void this.analyzeWorkspace();
          else this.stop();
        } else if (
          e.affectsConfiguration('files.exclude') ||
          e.affectsConfiguration('readoutLens.diagnostics') ||
          e.affectsConfiguration('readoutLens.ignore') ||
          e.affectsConfiguration('readoutLens.maxFileSizeMB')
        )
          this.schedulePass();
      }),
      lexicons.onDidChange(() => this.schedulePass()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedulePass()),
    );
    if (getSettings().workspaceAnalyze === 'workspace') void this.analyzeWorkspace();
  }

  /** The summary of a workspace readout analysed from its file (not of open readouts), if any. */
  summary(uri: vscode.Uri): ReadoutSummary | undefined {
    return this.summaries.get(uri.toString());
  }

  /** Every summary of a workspace readout analysed from its file, by URI string (its `path` is that string too). */
  entries(): IterableIterator<[string, ReadoutSummary]> {
    return this.summaries.entries();
  }

  /** Whether a pass over the workspace is running. */
  get passing(): boolean {
    return this.pass !== undefined;
  }

  /** Whether the workspace's readouts are analysed: a pass was asked for (or the setting says so) and not stopped. */
  get analysing(): boolean {
    return this.active;
  }

  /** How many workspace readouts have a summary. */
  get size(): number {
    return this.summaries.size;
  }

  /**
   * The uses of a phrase in one file (Track Across Readouts), searched on this pool's workers, never on the
   * host; undefined when the pool is unavailable or the request went stale.
   */
  async trackInFile(uri: vscode.Uri, phrase: string, isStale?: () => boolean): Promise<TrackOutcome> {
    const compiled = await this.lexicons.get();
    const pool = this.ensurePool();
    if (!pool.available) return undefined;
    pool.setLexicon(compiled);
    const job: TrackJob = { phrase, isStale, name: uri.toString(), maxLength: Math.floor(getSettings(uri).maxFileSizeMB * 1024 * 1024) };
    if (uri.scheme === 'file') job.path = uri.fsPath;
    else {
      try {
        job.bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        return { missing: true };
      }
    }
    return pool.track(job);
  }

  /**
   * Analyses every readout of the workspace with a cancellable progress notification, then keeps them current
   * until readoutLens.workspace.analyze is set to openFiles. Resolves when their diagnostics are all set.
   */
  async analyzeWorkspace(location = vscode.ProgressLocation.Notification): Promise<PassReport | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Readout Lens: open a folder to analyse the readouts in it.');
      return undefined;
    }
    this.active = true;
    this.watch();
    this.pass?.cancel();
    const pass = new vscode.CancellationTokenSource();
    this.pass = pass;
    return vscode.window.withProgress({ location, title: 'Readout Lens: analysing the workspace', cancellable: true }, async (progress, cancel) => {
      const sub = cancel.onCancellationRequested(() => pass.cancel());
      try {
        const report = await this.runPass(pass.token, progress);
        this.lastPass = report;
        // Also when the pass found nothing to set: the corpus's readers learn that the workspace is analysed.
        this.updated.fire();
        const what = `${formatCount(report.files)} readouts in ${(report.ms / 1000).toFixed(1)} s`;
        this.output.info(`workspace analysis${report.cancelled ? ' cancelled' : ''}: ${what}`);
        if (!report.cancelled) vscode.window.setStatusBarMessage(`Readout Lens: analysed ${what}`, 5000);
        return report;
      } finally {
        sub.dispose();
        if (this.pass === pass) this.pass = undefined;
        pass.dispose();
      }
    });
  }

  private async runPass(token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<PassReport> {
    const started = performance.now();
    const result = (files: number, analysed: number): PassReport => ({ files, analysed, ms: performance.now() - started, cancelled: token.isCancellationRequested });
    const compiled = await this.lexicons.get();
    const pool = this.ensurePool();
    if (token.isCancellationRequested || !pool.available) return result(0, 0);
    pool.setLexicon(compiled);
    // Without an exclude of our own: files.exclude applies.
    const uris = await vscode.workspace.findFiles(READOUT_GLOB, undefined, undefined, token);
    if (token.isCancellationRequested) return result(uris.length, 0);
    // A slice at a time too: a URI's first toString() formats it, 13 ms for the 1,232 wh-readouts (load 11), which
    // with the first requests made the pass's longest block of our code.
    const found = new Set<string>();
    let sliceStart = performance.now();
    for (const u of uris) {
      if (performance.now() - sliceStart > FLUSH_SLICE_MS) {
        await this.analyses.scheduler.nextTurn();
        if (token.isCancellationRequested) return result(uris.length, 0);
        sliceStart = performance.now();
      }
      found.add(u.toString());
    }
    for (const key of [...this.known.keys()]) if (!found.has(key)) this.remove(key);
    for (const u of uris) this.known.set(u.toString(), u);
    await this.analyses.scheduler.nextTurn();
    if (token.isCancellationRequested) return result(uris.length, 0);
    const open = this.openReadouts();
    const todo = uris.filter((u) => !open.has(u.toString()));
    let done = 0;
    let reported = 0;
    let lastReport = performance.now();
    const onDone = (): void => {
      done++;
      const now = performance.now();
      if (now - lastReport < PROGRESS_MS) return;
      progress.report({ increment: (100 * (done - reported)) / todo.length, message: `${done} of ${todo.length}` });
      reported = done;
      lastReport = now;
    };
    const cancelled = token.onCancellationRequested(() => pool.prune());
    try {
      // Queued a slice at a time: the lookups of a request (its folder, its settings) add up over thousands.
      const waits: Promise<void>[] = [];
      sliceStart = performance.now();
      for (const u of todo) {
        if (token.isCancellationRequested) break;
        if (performance.now() - sliceStart > FLUSH_SLICE_MS) {
          await this.analyses.scheduler.nextTurn();
          sliceStart = performance.now();
        }
        waits.push(this.request(u, token).then(onDone));
      }
      await Promise.all(waits);
      await this.flushing;
    } finally {
      cancelled.dispose();
    }
    return result(uris.length, done);
  }

  /** Analyses one file and queues its diagnostics, unless it is open or a newer request supersedes this one. */
  private async request(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<void> {
    const key = uri.toString();
    const seq = ++this.seq;
    this.latest.set(key, seq);
    // The folder's settings, kept per folder (a lookup per file costs about a millisecond on a busy host, and
    // getWorkspaceFolder as much again: with one folder, every file the pass or the watcher finds is in it).
    const folders = vscode.workspace.workspaceFolders;
    const settings = getSettings(folders?.length === 1 ? folders[0].uri : vscode.workspace.getWorkspaceFolder(uri)?.uri);
    let options = this.options.get(settings);
    if (!options) this.options.set(settings, (options = findingOptions(settings)));
    const isStale = (): boolean => this.latest.get(key) !== seq || !!token?.isCancellationRequested;
    const job: FileJob = { maxLength: Math.floor(settings.maxFileSizeMB * 1024 * 1024), options, isStale };
    if (uri.scheme === 'file') job.path = uri.fsPath;
    else {
      try {
        job.bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        if (!isStale()) this.remove(key);
        return;
      }
    }
    const outcome = await this.ensurePool().analyze(job);
    if (this.latest.get(key) !== seq) return;
    this.latest.delete(key);
    if (!outcome || !this.active) return;
    if ('missing' in outcome) return this.remove(key);
    this.ready.push({ uri, findings: outcome.findings, summary: outcome.summary });
    this.flushing ??= this.flush();
  }

  /** Sets the diagnostics of the files analysed, FLUSH_SLICE_MS at a time, on turns the open readouts' work goes first on. */
  private async flush(): Promise<void> {
    while (this.ready.length) {
      await this.analyses.scheduler.nextTurn();
      const started = performance.now();
      const open = this.openReadouts();
      const batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
      let count = 0;
      let taken = 0;
      while (taken < this.ready.length && count < FLUSH_MAX_DIAGNOSTICS && performance.now() - started < FLUSH_SLICE_MS) {
        const { uri, findings, summary } = this.ready[taken++];
        const key = uri.toString();
        if (open.has(key) || !this.known.has(key) || !this.active) continue;
        batch.push([uri, toDiagnostics(findings)]);
        count += findings.messages.length;
        // The worker knows a file by its path at most; the editor's corpus knows it by URI.
        summary.path = key;
        this.summaries.set(key, summary);
      }
      this.ready = this.ready.slice(taken);
      if (batch.length) this.ensureCollection().set(batch);
    }
    this.flushing = undefined;
    this.updated.fire();
  }

  private openReadouts(): Set<string> {
    return new Set(vscode.workspace.textDocuments.filter(isReadout).map((d) => d.uri.toString()));
  }

  private watch(): void {
    if (this.watcher.length) return;
    const w = vscode.workspace.createFileSystemWatcher(READOUT_GLOB);
    this.watcher.push(
      w,
      w.onDidCreate((uri) => this.changed(uri, false)),
      w.onDidChange((uri) => this.changed(uri, false)),
      w.onDidDelete((uri) => this.changed(uri, true)),
    );
  }

  private changed(uri: vscode.Uri, deleted: boolean): void {
    this.changes.set(uri.toString(), { uri, deleted });
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => void this.applyChanges(), WATCH_DEBOUNCE_MS);
  }

  private async applyChanges(): Promise<void> {
    const changes = [...this.changes.values()];
    this.changes.clear();
    if (!this.active) return;
    const unknown: vscode.Uri[] = [];
    for (const { uri, deleted } of changes) {
      if (deleted) this.removeUnder(uri);
      else if (this.known.has(uri.toString())) void this.request(uri);
      else unknown.push(uri);
    }
    if (unknown.length > NEW_FILES_FOR_A_PASS) return this.schedulePass();
    for (const uri of unknown) {
      if (await this.isIncluded(uri)) {
        this.known.set(uri.toString(), uri);
        void this.request(uri);
      }
    }
    if (changes.some((c) => c.deleted)) this.updated.fire();
  }

  /** Whether a new file is one findFiles would find: in a workspace folder and not in files.exclude. */
  private async isIncluded(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    // Characters a glob reads as syntax match any one character here; the URI comparison below decides.
    const relative = path.posix.relative(folder.uri.path, uri.path).replace(/[[\]{}*?!]/g, '?');
    const hits = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, relative));
    return hits.some((h) => h.toString() === uri.toString());
  }

  /** A deleted file, or every known readout below a deleted folder. */
  private removeUnder(uri: vscode.Uri): void {
    const key = uri.toString();
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const k of [...this.known.keys()]) if (k === key || k.startsWith(prefix)) this.remove(k);
  }

  private remove(key: string): void {
    const uri = this.known.get(key) ?? vscode.Uri.parse(key);
    this.known.delete(key);
    this.summaries.delete(key);
    this.latest.delete(key);
    this.collection?.delete(uri);
  }

  /** A new pass on a later turn (settings, lexicons or folders changed), shown in the status bar. */
  private schedulePass(): void {
    if (!this.active) return;
    clearTimeout(this.passTimer);
    this.passTimer = setTimeout(() => void this.analyzeWorkspace(vscode.ProgressLocation.Window), 300);
  }

  /** Back to diagnostics of open readouts only. */
  private stop(): void {
    this.active = false;
    this.pass?.cancel();
    clearTimeout(this.passTimer);
    clearTimeout(this.changeTimer);
    this.changes.clear();
    for (const d of this.watcher) d.dispose();
    this.watcher = [];
    this.pool?.drop();
    this.known.clear();
    this.summaries.clear();
    this.latest.clear();
    this.ready = [];
    this.collection?.clear();
    this.updated.fire();
  }

  private ensurePool(): WorkspacePool {
    return (this.pool ??= new WorkspacePool(this.workerScript, (msg) => this.output.warn(msg)));
  }

  private ensureCollection(): vscode.DiagnosticCollection {
    return (this.collection ??= vscode.languages.createDiagnosticCollection('readout-lens-workspace'));
  }

  dispose(): void {
    this.stop();
    this.pool?.dispose();
    this.collection?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
