// Keeps one Analysis per open readout, computed once per document version: debounced while the user
// types, never published for a version that is already stale, dropped when the document closes.
// Every editor feature reads its Analysis from here; where and how it is computed is src/runtime's.
import * as vscode from 'vscode';
import { formatCount } from '../core/text/format';
import type { Analysis } from '../core/types';
import { AnalysisRunner, type Analysed, type AnalysisWorker, type LargeJob } from '../runtime/analysisRunner';
import { unlessCancelled } from '../runtime/cancellation';
import { DocumentTexts, type DocumentReader } from '../runtime/documentText';
import { adaptiveDelay } from '../runtime/jobs';
import type { TurnScheduler } from '../runtime/scheduler';
import { LineIndex } from './lineIndex';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

export const READOUT_LANGUAGE = 'readout';

export interface AnalysisEvent {
  document: vscode.TextDocument;
  analysis: Analysis;
}

interface Entry extends Analysed {
  version: number;
}

/** A notification shown to the user about a document. */
export interface Notice {
  uri: vscode.Uri;
  kind: 'truncated';
  message: string;
}

export function isReadout(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === READOUT_LANGUAGE;
}

/** A document's text through the editor API, for DocumentTexts. */
const reader: DocumentReader<vscode.TextDocument> = {
  whole: (doc) => doc.getText(),
  lines: (doc, first, last) => {
    const end = last === doc.lineCount - 1 ? doc.lineAt(last).range.end : new vscode.Position(last + 1, 0);
    return doc.getText(new vscode.Range(first, 0, end.line, end.character));
  },
  length: (doc) => doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end),
};

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  /** Per document: the version whose analysis was last announced, so a debounced refresh does not repeat it. */
  private readonly announced = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document: when it was last edited (performance.now()), for the debounce after a pause. */
  private readonly lastEdit = new Map<string, number>();
  /** Per document: code units inserted and removed since its last analysis (see LargeJob.edited). */
  private readonly edited = new Map<string, number>();
  private readonly warnedTruncated = new Set<string>();
  private readonly lineIndexes = new WeakMap<vscode.TextDocument, { version: number; index: LineIndex }>();
  private readonly analyzed = new vscode.EventEmitter<AnalysisEvent>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly notified = new vscode.EventEmitter<Notice>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly runner: AnalysisRunner;
  private readonly texts: DocumentTexts<vscode.TextDocument>;
  /** The turns of the event loop every sliced job of the extension takes one at a time. */
  readonly scheduler: TurnScheduler;
  readonly onDidAnalyze = this.analyzed.event;
  readonly onDidClose = this.closed.event;
  /** Fires when the user is shown a notification about a document (the size-limit notice, once per opened document). */
  readonly onDidNotify = this.notified.event;

  constructor(
    private readonly lexicons: LexiconService,
    private readonly output: vscode.LogOutputChannel,
    /** The host's worker for the largest documents; without one (the browser) they are analysed in slices. */
    worker?: AnalysisWorker,
  ) {
    this.runner = new AnalysisRunner(worker, (msg) => this.output.warn(msg));
    this.scheduler = this.runner.scheduler;
    this.texts = new DocumentTexts(reader, this.scheduler);
    this.disposables.push(
      this.analyzed,
      this.closed,
      this.notified,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.texts.followEdits(e.document, e.contentChanges, e.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
        if (!isReadout(e.document)) return;
        const key = e.document.uri.toString();
        let edited = this.edited.get(key) ?? 0;
        for (const c of e.contentChanges) edited += c.rangeLength + c.text.length;
        this.edited.set(key, edited);
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

  /** The line index of the document's current version (its line starts kept with its text, through the edits). */
  lines(doc: vscode.TextDocument): LineIndex {
    const hit = this.lineIndexes.get(doc);
    if (hit && hit.version === doc.version) return hit.index;
    const index = new LineIndex(this.texts.lineStarts(doc));
    this.lineIndexes.set(doc, { version: doc.version, index });
    return index;
  }

  /** The Analysis of the document's current version, computed now if needed; undefined until lexicons load. */
  get(doc: vscode.TextDocument): Analysis | undefined {
    if (!isReadout(doc)) return undefined;
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.analysis;
    const compiled = this.lexicons.current();
    if (!compiled) return undefined;
    // A large document is never analysed in one go on the main thread: its analysis arrives from the worker
    // or from slices of incremental analysis.
    if (!this.isSmall(doc)) {
      void this.analyzeLarge(doc);
      return undefined;
    }
    return this.compute(doc).analysis;
  }

  /**
   * Like `get`, but waits for the lexicons on first use, and for the worker on a large document. A cancelled
   * `token` ends the wait with undefined; the analysis goes on for the other callers and is published as usual.
   */
  async getAsync(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Analysis | undefined> {
    if (!isReadout(doc) || token?.isCancellationRequested) return undefined;
    await unlessCancelled(this.lexicons.get(), token);
    for (let attempt = 0; attempt < 5; attempt++) {
      if (token?.isCancellationRequested) return undefined;
      const key = doc.uri.toString();
      const hit = this.cache.get(key);
      if (hit && hit.version === doc.version) return hit.analysis;
      if (this.isSmall(doc)) return this.get(doc);
      const analysis = await unlessCancelled(this.analyzeLarge(doc), token);
      if (token?.isCancellationRequested) return undefined;
      if (analysis) {
        // Every caller waiting for this analysis (folding, outline, tokens, hover, the views) would go on in the
        // same turn of the event loop, one after the other, as one long block: each goes on in a turn of its own.
        await unlessCancelled(this.scheduler.nextTurn(), token);
        return token?.isCancellationRequested ? undefined : analysis;
      }
      if (doc.isClosed) return undefined;
    }
    return undefined;
  }

  private isSmall(doc: vscode.TextDocument): boolean {
    return this.runner.isSmall(this.texts.length(doc));
  }

  /** Starts (or joins) the worker or sliced job for the document's current version; undefined until the lexicons load. */
  private analyzeLarge(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    const length = this.texts.length(doc);
    const compiled = this.lexicons.current();
    if (!compiled) return Promise.resolve(undefined);
    const version = doc.version;
    const key = doc.uri.toString();
    const job: LargeJob = {
      key,
      version,
      compiled,
      maxLength: this.maxLength(doc),
      name: doc.uri.toString(true),
      isStale: () => doc.isClosed || doc.version !== version || this.lexicons.current() !== compiled,
      text: () => this.texts.textInTurns(doc),
      publish: (result) => this.publish(doc, { version, ...result }),
      // Unknown (a first analysis, or the lexicons changed) unless this version follows an analysed one.
      edited: this.cache.has(key) ? this.edited.get(key) : undefined,
    };
    return this.runner.analyzeLarge(job, length);
  }

  private maxLength(doc: vscode.TextDocument): number {
    return Math.floor(getSettings(doc.uri).maxFileSizeMB * 1024 * 1024);
  }

  /** Re-analyses a document after the debounce delay (adaptiveDelay of the setting, unless given: an edit). */
  schedule(doc: vscode.TextDocument, delay?: number): void {
    if (!isReadout(doc)) return;
    const key = doc.uri.toString();
    if (delay === undefined) {
      const now = performance.now();
      const since = now - (this.lastEdit.get(key) ?? -Infinity);
      this.lastEdit.set(key, now);
      delay = adaptiveDelay(getSettings(doc.uri).debounceMs, this.cache.get(key)?.elapsed, since);
    }
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
          if (entry && entry.version === doc.version) {
            // Already analysed (a provider asked first) and announced: nothing new to tell.
            if (this.announced.get(key) !== doc.version) this.fire(doc, entry.analysis);
          } else if (!this.isSmall(doc)) void this.analyzeLarge(doc);
          else this.compute(doc);
        });
      }, delay),
    );
  }

  private compute(doc: vscode.TextDocument): Entry {
    const compiled = this.lexicons.current();
    if (!compiled) throw new Error('lexicons not loaded');
    const entry: Entry = { version: doc.version, ...this.runner.analyzeNow(doc.uri.toString(), this.texts.textOf(doc), compiled, this.maxLength(doc)) };
    this.publish(doc, entry);
    return entry;
  }

  private publish(doc: vscode.TextDocument, entry: Entry): void {
    this.cache.set(doc.uri.toString(), entry);
    this.edited.set(doc.uri.toString(), 0);
    // On a turn of its own, after the diagnostics and the views: telling the user is not urgent.
    if (entry.analysis.truncated) void this.scheduler.nextTurn().then(() => this.warnTruncated(doc, entry.analysis));
    this.fire(doc, entry.analysis);
  }

  private fire(doc: vscode.TextDocument, analysis: Analysis): void {
    this.announced.set(doc.uri.toString(), doc.version);
    this.analyzed.fire({ document: doc, analysis });
  }

  private warnTruncated(doc: vscode.TextDocument, analysis: Analysis): void {
    const key = doc.uri.toString();
    if (doc.isClosed || this.warnedTruncated.has(key)) return;
    this.warnedTruncated.add(key);
    const mb = getSettings(doc.uri).maxFileSizeMB;
    const message =
      `Readout Lens analysed only the first ${mb} MB of ${vscode.workspace.asRelativePath(doc.uri)} ` +
      `(${formatCount(analysis.analyzedLength)} of ${formatCount(analysis.textLength)} characters).`;
    this.output.warn(message);
    void vscode.window.showWarningMessage(message, 'Change Limit').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'readoutLens.maxFileSizeMB');
    });
    this.notified.fire({ uri: doc.uri, kind: 'truncated', message });
  }

  private refreshAll(): void {
    this.cache.clear();
    this.announced.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.lastEdit.delete(key);
    this.edited.delete(key);
    this.cache.delete(key);
    this.announced.delete(key);
    this.runner.forget(key);
    this.warnedTruncated.delete(key);
    this.closed.fire(doc.uri);
  }

  dispose(): void {
    this.runner.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
