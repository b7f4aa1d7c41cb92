// Keeps one Analysis per open readout, computed once per document version: debounced while the user
// types, never published for a version that is already stale, dropped when the document closes.
// Every editor feature reads its Analysis from here.
import * as vscode from 'vscode';
import { analyze } from '../core/analyze';
import type { Analysis } from '../core/types';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

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
  readonly onDidAnalyze = this.analyzed.event;
  readonly onDidClose = this.closed.event;

  constructor(private readonly lexicons: LexiconService, private readonly output: vscode.LogOutputChannel) {
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
    return this.compute(doc).analysis;
  }

  /** Like `get`, but waits for the lexicons on first use. */
  async getAsync(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    if (!isReadout(doc)) return undefined;
    await this.lexicons.get();
    return this.get(doc);
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
    this.cache.set(doc.uri.toString(), entry);
    if (analysis.truncated) this.warnTruncated(doc, analysis);
    this.analyzed.fire({ document: doc, analysis });
    return entry;
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
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
