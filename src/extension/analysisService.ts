// Keeps one Analysis per open readout, computed once per document version: debounced while the user
// types, never published for a version that is already stale, dropped when the document closes.
// Large documents are analysed in a worker thread so the extension host never blocks on them.
// Every editor feature reads its Analysis from here.
import * as path from 'path';
import * as vscode from 'vscode';
import { analyze } from '../core/analyze';
import type { Analysis } from '../core/types';
import { AnalysisWorkerClient } from './analysisWorkerClient';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

/**
 * Documents longer than this (UTF-16 units) are analysed in the worker: below it the core takes a few
 * milliseconds on the main thread, less than a round trip costs.
 */
export const WORKER_THRESHOLD = 200_000;

export const READOUT_LANGUAGE = 'readout';

export interface AnalysisEvent {
  document: vscode.TextDocument;
  analysis: Analysis;
}

interface Entry {
  version: number;
  analysis: Analysis;
  /** Milliseconds the core took, for the log and the benchmark. */
  elapsed: number;
}

export function isReadout(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === READOUT_LANGUAGE;
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly warnedTruncated = new Set<string>();
  private readonly analyzed = new vscode.EventEmitter<AnalysisEvent>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Worker jobs under way, by document, so getAsync can wait for the current version's. */
  private readonly inflight = new Map<string, { version: number; done: Promise<Analysis | undefined> }>();
  private readonly worker: AnalysisWorkerClient;
  readonly onDidAnalyze = this.analyzed.event;
  readonly onDidClose = this.closed.event;

  constructor(
    private readonly lexicons: LexiconService,
    private readonly output: vscode.LogOutputChannel,
    workerScript = path.join(__dirname, 'analysisWorker.js'),
  ) {
    this.worker = new AnalysisWorkerClient(workerScript, (msg) => this.output.warn(msg));
    this.disposables.push(
      this.analyzed,
      this.closed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      lexicons.onDidChange(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readoutLens.maxFileSizeMB')) this.refreshAll();
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** The Analysis of the document's current version, computed now if needed; undefined until lexicons load. */
  get(doc: vscode.TextDocument): Analysis | undefined {
    if (!isReadout(doc)) return undefined;
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.analysis;
    const compiled = this.lexicons.current();
    if (!compiled) return undefined;
    // A large document is never analysed on the main thread: its analysis arrives from the worker.
    if (this.useWorker(doc)) {
      this.analyzeInWorker(doc);
      return undefined;
    }
    return this.compute(doc).analysis;
  }

  /** Like `get`, but waits for the lexicons on first use, and for the worker on a large document. */
  async getAsync(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    if (!isReadout(doc)) return undefined;
    await this.lexicons.get();
    for (let attempt = 0; attempt < 5; attempt++) {
      const key = doc.uri.toString();
      const hit = this.cache.get(key);
      if (hit && hit.version === doc.version) return hit.analysis;
      if (!this.useWorker(doc)) return this.get(doc);
      const analysis = await this.analyzeInWorker(doc);
      if (analysis) return analysis;
      if (doc.isClosed) return undefined;
    }
    return undefined;
  }

  private useWorker(doc: vscode.TextDocument): boolean {
    return this.worker.available && doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) > WORKER_THRESHOLD;
  }

  /** Starts (or joins) the worker job for the document's current version. */
  private analyzeInWorker(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = doc.uri.toString();
    const version = doc.version;
    const running = this.inflight.get(key);
    if (running && running.version === version) return running.done;
    const compiled = this.lexicons.current();
    if (!compiled) return Promise.resolve(undefined);
    const maxLength = Math.floor(getSettings(doc.uri).maxFileSizeMB * 1024 * 1024);
    const isStale = (): boolean => doc.isClosed || doc.version !== version || this.lexicons.current() !== compiled;
    const done = this.worker.analyze(key, doc.getText(), maxLength, compiled, isStale).then(
      (result) => {
        if (!result || isStale()) return undefined;
        this.publish(doc, { version, analysis: result.analysis, elapsed: result.elapsed });
        return result.analysis;
      },
      (err: unknown) => {
        this.output.warn(`worker analysis of ${doc.uri.toString(true)} failed: ${err instanceof Error ? err.message : String(err)}`);
        return isStale() ? undefined : this.compute(doc).analysis;
      },
    );
    const job = { version, done };
    this.inflight.set(key, job);
    void done.finally(() => {
      if (this.inflight.get(key) === job) this.inflight.delete(key);
    });
    return done;
  }

  /** Re-analyses a document after the debounce delay (the setting, unless given). */
  schedule(doc: vscode.TextDocument, delay = getSettings(doc.uri).debounceMs): void {
    if (!isReadout(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lexicons.get().then(() => {
          // The document may have changed or closed while the lexicons loaded: only publish the version
          // that is current now.
          if (doc.isClosed) return;
          const entry = this.cache.get(key);
          if (entry && entry.version === doc.version) this.analyzed.fire({ document: doc, analysis: entry.analysis });
          else if (this.useWorker(doc)) void this.analyzeInWorker(doc);
          else this.compute(doc);
        });
      }, delay),
    );
  }

  private compute(doc: vscode.TextDocument): Entry {
    const compiled = this.lexicons.current();
    if (!compiled) throw new Error('lexicons not loaded');
    const maxLength = Math.floor(getSettings(doc.uri).maxFileSizeMB * 1024 * 1024);
    const started = performance.now();
    const analysis = analyze(doc.getText(), compiled, { maxLength });
    const entry: Entry = { version: doc.version, analysis, elapsed: performance.now() - started };
    this.publish(doc, entry);
    return entry;
  }

  private publish(doc: vscode.TextDocument, entry: Entry): void {
    this.cache.set(doc.uri.toString(), entry);
    if (entry.analysis.truncated) this.warnTruncated(doc, entry.analysis);
    this.analyzed.fire({ document: doc, analysis: entry.analysis });
  }

  private warnTruncated(doc: vscode.TextDocument, analysis: Analysis): void {
    const key = doc.uri.toString();
    if (this.warnedTruncated.has(key)) return;
    this.warnedTruncated.add(key);
    const mb = getSettings(doc.uri).maxFileSizeMB;
    void vscode.window
      .showWarningMessage(
        `Readout Lens analysed only the first ${mb} MB of ${vscode.workspace.asRelativePath(doc.uri)} ` +
          `(${analysis.analyzedLength.toLocaleString('en-US')} of ${analysis.textLength.toLocaleString('en-US')} characters).`,
        'Change Limit',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'readoutLens.maxFileSizeMB');
      });
  }

  /** Milliseconds the last analysis of this document took. */
  lastElapsed(doc: vscode.TextDocument): number | undefined {
    return this.cache.get(doc.uri.toString())?.elapsed;
  }

  private refreshAll(): void {
    this.cache.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.warnedTruncated.delete(key);
    this.closed.fire(doc.uri);
  }

  dispose(): void {
    this.worker.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
