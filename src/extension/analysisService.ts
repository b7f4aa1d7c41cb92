// Keeps one Analysis per open readout, computed once per document version: debounced while the user
// types, never published for a version that is already stale, dropped when the document closes.
// Large documents are analysed in a worker thread so the extension host never blocks on them.
// Every editor feature reads its Analysis from here.
import * as path from 'path';
import * as vscode from 'vscode';
import { AnalysisCache, analyzeIncremental, type CompiledLexicon } from '../core/pipeline/analyze';
import { formatCount } from '../core/text/format';
import { LineIndex as TextLines } from '../core/text/lines';
import type { Analysis } from '../core/types';
import { AnalysisWorkerClient } from '../runtime/workerClient';
import { VersionedJobs, adaptiveDelay } from '../runtime/jobs';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

/**
 * Documents up to this length (UTF-16 units) are analysed synchronously on the main thread: a first analysis
 * takes a few milliseconds, less than a round trip to a worker costs.
 */
export const SYNC_THRESHOLD = 200_000;
/**
 * Documents longer than this are analysed in the worker. Between the two thresholds the main thread analyses
 * them incrementally (see analyzeIncremental): a first analysis in slices of SLICE_MS, one per event-loop
 * turn, then each re-analysis reuses the unchanged paragraphs and takes about 10 ms per MB, less than moving
 * the result across threads would.
 */
export const WORKER_THRESHOLD = 2 * 1024 * 1024;
/** Longest stretch of analysis on the main thread before it yields to the event loop. */
export const SLICE_MS = 8;

/**
 * Line starts of one document version (src/core/lines.ts), for offset → position without a document.positionAt
 * call per offset (diagnostics, semantic tokens and the outline convert tens of thousands of offsets on a large
 * readout), as VS Code positions.
 */
export class LineIndex {
  private static readonly byDocument = new WeakMap<vscode.TextDocument, { version: number; index: LineIndex }>();
  private readonly lines: TextLines;
  readonly starts: Int32Array;

  constructor(text: string) {
    this.lines = new TextLines(text);
    this.starts = this.lines.starts;
  }

  /** The index of the document's current version (computed once per version). */
  static of(doc: vscode.TextDocument): LineIndex {
    const hit = LineIndex.byDocument.get(doc);
    if (hit && hit.version === doc.version) return hit.index;
    const index = new LineIndex(textOf(doc));
    LineIndex.byDocument.set(doc, { version: doc.version, index });
    return index;
  }

  /** The line holding `offset`. */
  line(offset: number): number {
    return this.lines.line(offset);
  }

  position(offset: number): vscode.Position {
    const line = this.line(offset);
    return new vscode.Position(line, offset - this.starts[line]);
  }

  range(start: number, end: number): vscode.Range {
    return new vscode.Range(this.position(start), this.position(end));
  }
}

/** The text of a document version read last, so the analysis and the line index share one getText(). */
const lastText = new WeakMap<vscode.TextDocument, { version: number; text: string }>();

/**
 * The document's text. getText() joins every line of the document, which takes 10–100 ms on a 10 MB readout,
 * so the text is read once and then kept up to date from the edits (see followEdits).
 */
export function textOf(doc: vscode.TextDocument): string {
  const hit = lastText.get(doc);
  if (hit && hit.version === doc.version) return hit.text;
  const text = doc.getText();
  lastText.set(doc, { version: doc.version, text });
  return text;
}

/** Lines read per event-loop turn by textInTurns: about 64 KB of a readout whose paragraphs are single lines. */
const LINES_PER_TURN = 64;

/**
 * The document's text like textOf, but read a part at a time over turns of the event loop when it is not kept
 * yet: getText() on a 10 MB readout blocked the extension host for 40-90 ms in one go. Resolves undefined when
 * the document changed or closed meanwhile (the caller's job is stale then).
 */
export async function textInTurns(doc: vscode.TextDocument): Promise<string | undefined> {
  const hit = lastText.get(doc);
  const version = doc.version;
  if (hit && hit.version === version) return hit.text;
  const parts: string[] = [];
  // Start on a turn of its own: callers arrive at the end of other work (the lexicons loading, an analysis
  // arriving), and a first slice there would lengthen that turn.
  await nextTurn(true);
  if (doc.isClosed || doc.version !== version) return undefined;
  let sliceStart = performance.now();
  for (let line = 0; line < doc.lineCount; line += LINES_PER_TURN) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn(true);
      if (doc.isClosed || doc.version !== version) return undefined;
      sliceStart = performance.now();
    }
    const last = Math.min(doc.lineCount, line + LINES_PER_TURN) - 1;
    const end = last === doc.lineCount - 1 ? doc.lineAt(last).range.end : new vscode.Position(last + 1, 0);
    parts.push(doc.getText(new vscode.Range(line, 0, end.line, end.character)));
  }
  const text = parts.join('');
  lastText.set(doc, { version, text });
  return text;
}

/**
 * `text` once V8 holds it as one flat string, made so in a turn of its own. The text kept from the edits is a
 * string built by concatenation, and V8 copies it into one piece (20 MB for a 10 MB readout of two-byte text)
 * on the first read of more than a character or two: on the turn that then compared it with the worker's copy,
 * that copy and the collection work it brings made the longest block of our own code. A slice of three units
 * is such a read.
 */
async function flatInTurn(text: string): Promise<string> {
  await nextTurn(true);
  void text.slice(0, 3);
  await nextTurn(true);
  return text;
}

/**
 * Applies an edit to the text textOf keeps for its document, in order, as the extension host applies them to
 * its copy: string concatenation, so an edit costs no copy of the text (V8 joins the pieces when the text is
 * next scanned). Forgets the text when an edit cannot be applied exactly.
 */
export function followEdits(e: vscode.TextDocumentChangeEvent): void {
  const hit = lastText.get(e.document);
  if (!hit || hit.version >= e.document.version) return;
  let text = hit.text;
  const eol = e.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  for (const c of e.contentChanges) {
    // The extension host splits inserted text at any line break and joins lines with the document's EOL.
    const foreignBreak = eol === '\n' ? /\r/.test(c.text) : /\r(?!\n)|(?<!\r)\n/.test(c.text);
    if (foreignBreak || c.rangeOffset + c.rangeLength > text.length) {
      lastText.delete(e.document);
      return;
    }
    text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
  }
  lastText.set(e.document, { version: e.document.version, text });
}

/**
 * Jobs waiting in nextTurn(), resumed one per turn of the event loop: the urgent ones (the analysis and the
 * diagnostics a reader waits for after a keystroke) before the rest (semantic tokens, the outline), which the
 * editor asks for after every edit and which would otherwise take turns with them and double their wait.
 */
const waiting: { urgent: (() => void)[]; rest: (() => void)[] } = { urgent: [], rest: [] };
let pumping = false;

function resumeOne(): void {
  const next = waiting.urgent.shift() ?? waiting.rest.shift();
  if (waiting.urgent.length || waiting.rest.length) setImmediate(resumeOne);
  else pumping = false;
  next?.();
}

/**
 * Resolves on a later turn of the event loop. The jobs that work in slices (analysis, diagnostics, semantic
 * tokens, the outline) wait here in one queue and go on one per turn: with a setImmediate each, Node would run
 * the slices of all of them in the same turn, one long block. `urgent` jobs go before the others.
 */
export function nextTurn(urgent = false): Promise<void> {
  return new Promise((resolve) => {
    (urgent ? waiting.urgent : waiting.rest).push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(resumeOne);
    }
  });
}

export const READOUT_LANGUAGE = 'readout';

export interface AnalysisEvent {
  document: vscode.TextDocument;
  analysis: Analysis;
}

interface Entry {
  version: number;
  analysis: Analysis;
  /**
   * Milliseconds the next re-analysis after an edit is expected to take, for the adaptive debounce: what the
   * core took, or for an analysis in slices its last slice (the paragraphs an edit changes and the assembly),
   * not the first analysis of every paragraph, which an edit does not repeat.
   */
  elapsed: number;
}

/** A notification shown to the user about a document. */
export interface Notice {
  uri: vscode.Uri;
  kind: 'truncated';
  message: string;
}

interface JobContext {
  key: string;
  version: number;
  compiled: CompiledLexicon;
  maxLength: number;
  isStale: () => boolean;
}

export function isReadout(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === READOUT_LANGUAGE;
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  /** Per document: the paragraphs of its last analysis, for incremental re-analysis on the main thread. */
  private readonly paragraphCaches = new Map<string, AnalysisCache>();
  /** Per document: the version whose analysis was last announced, so a debounced refresh does not repeat it. */
  private readonly announced = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly warnedTruncated = new Set<string>();
  private readonly analyzed = new vscode.EventEmitter<AnalysisEvent>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly notified = new vscode.EventEmitter<Notice>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Worker and sliced jobs under way, by document, so getAsync can wait for the current version's. */
  private readonly jobs = new VersionedJobs<Analysis | undefined>();
  private readonly worker: AnalysisWorkerClient;
  readonly onDidAnalyze = this.analyzed.event;
  readonly onDidClose = this.closed.event;
  /** Fires when the user is shown a notification about a document (the size-limit notice, once per opened document). */
  readonly onDidNotify = this.notified.event;

  constructor(
    private readonly lexicons: LexiconService,
    private readonly output: vscode.LogOutputChannel,
    workerScript = path.join(__dirname, 'analysisWorker.js'),
  ) {
    this.worker = new AnalysisWorkerClient(workerScript, (msg) => this.output.warn(msg));
    this.disposables.push(
      this.analyzed,
      this.closed,
      this.notified,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        followEdits(e);
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
    // A large document is never analysed in one go on the main thread: its analysis arrives from the worker
    // or from slices of incremental analysis.
    if (!this.isSmall(doc)) {
      void this.analyzeLarge(doc);
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
      if (this.isSmall(doc)) return this.get(doc);
      const analysis = await this.analyzeLarge(doc);
      if (analysis) {
        // Every caller waiting for this analysis (folding, outline, tokens, hover, the views) would go on in the
        // same turn of the event loop, one after the other, as one long block: each goes on in a turn of its own.
        await nextTurn();
        return analysis;
      }
      if (doc.isClosed) return undefined;
    }
    return undefined;
  }

  private length(doc: vscode.TextDocument): number {
    // The text kept for this version, when there is one: offsetAt makes the extension host sum every line's
    // length after an edit (15 ms on a 10 MB readout in a CPU profile).
    const kept = lastText.get(doc);
    if (kept && kept.version === doc.version) return kept.text.length;
    return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
  }

  private isSmall(doc: vscode.TextDocument): boolean {
    return this.length(doc) <= SYNC_THRESHOLD;
  }

  private analyzeLarge(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    return this.worker.available && this.length(doc) > WORKER_THRESHOLD ? this.analyzeInWorker(doc) : this.analyzeInSlices(doc);
  }

  private paragraphCache(key: string): AnalysisCache {
    let cache = this.paragraphCaches.get(key);
    if (!cache) {
      cache = new AnalysisCache();
      this.paragraphCaches.set(key, cache);
    }
    return cache;
  }

  /**
   * Analyses the document's current version on the main thread without blocking it: paragraphs not analysed
   * before are analysed SLICE_MS at a time, one slice per event-loop turn; the Analysis is then assembled
   * from them (about 10 ms per MB). A job whose version went stale stops; what it analysed stays cached.
   */
  private analyzeInSlices(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    const ctx = this.jobContext(doc);
    return ctx ? this.jobs.run(ctx.key, ctx.version, () => this.runSlices(doc, ctx)) : Promise.resolve(undefined);
  }

  /** What a job for the document's current version needs; undefined until the lexicons are loaded. */
  private jobContext(doc: vscode.TextDocument): JobContext | undefined {
    const compiled = this.lexicons.current();
    if (!compiled) return undefined;
    const version = doc.version;
    return {
      key: doc.uri.toString(),
      version,
      compiled,
      maxLength: Math.floor(getSettings(doc.uri).maxFileSizeMB * 1024 * 1024),
      isStale: () => doc.isClosed || doc.version !== version || this.lexicons.current() !== compiled,
    };
  }

  private async runSlices(doc: vscode.TextDocument, { key, version, compiled, maxLength, isStale }: JobContext): Promise<Analysis | undefined> {
    const text = await textInTurns(doc);
    if (text === undefined || isStale()) return undefined;
    const cache = this.paragraphCache(key);
    return new Promise<Analysis | undefined>((resolve) => {
      let warmer: { step(deadline: number): boolean } | undefined;
      const slice = (): void => {
        if (isStale()) return resolve(undefined);
        const started = performance.now();
        try {
          warmer ??= cache.warmer(text, compiled, { maxLength });
          if (!warmer.step(started + SLICE_MS)) return void nextTurn(true).then(slice);
          const analysis = analyzeIncremental(text, compiled, cache, { maxLength });
          this.publish(doc, { version, analysis, elapsed: performance.now() - started });
          resolve(analysis);
        } catch (err) {
          this.output.warn(`analysis of ${doc.uri.toString(true)} failed: ${err instanceof Error ? err.message : String(err)}`);
          resolve(undefined);
        }
      };
      slice();
    });
  }

  /** Starts (or joins) the worker job for the document's current version. */
  private analyzeInWorker(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    const ctx = this.jobContext(doc);
    if (!ctx) return Promise.resolve(undefined);
    const { key, version, compiled, maxLength, isStale } = ctx;
    return this.jobs.run(key, version, () =>
      textInTurns(doc)
        .then((text) => (text === undefined ? undefined : flatInTurn(text)))
        .then((text) => (text === undefined || isStale() ? undefined : this.worker.analyze(key, text, maxLength, compiled, isStale)))
        .then(
        (result) => {
          if (!result || isStale()) return undefined;
          this.publish(doc, { version, analysis: result.analysis, elapsed: result.elapsed });
          return result.analysis;
        },
        (err: unknown) => {
          this.output.warn(`worker analysis of ${doc.uri.toString(true)} failed: ${err instanceof Error ? err.message : String(err)}`);
          // Fall back on the main thread within this same job: asking for the version again would join the
          // failing job itself and never settle.
          return isStale() ? undefined : this.runSlices(doc, ctx);
        },
      ),
    );
  }

  /** Re-analyses a document after the debounce delay (adaptiveDelay of the setting, unless given). */
  schedule(doc: vscode.TextDocument, delay?: number): void {
    if (!isReadout(doc)) return;
    const key = doc.uri.toString();
    delay ??= adaptiveDelay(getSettings(doc.uri).debounceMs, this.cache.get(key)?.elapsed);
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
    const maxLength = Math.floor(getSettings(doc.uri).maxFileSizeMB * 1024 * 1024);
    const started = performance.now();
    const analysis = analyzeIncremental(textOf(doc), compiled, this.paragraphCache(doc.uri.toString()), { maxLength });
    const entry: Entry = { version: doc.version, analysis, elapsed: performance.now() - started };
    this.publish(doc, entry);
    return entry;
  }

  private publish(doc: vscode.TextDocument, entry: Entry): void {
    this.cache.set(doc.uri.toString(), entry);
    // On a turn of its own, after the diagnostics and the views: telling the user is not urgent.
    if (entry.analysis.truncated) void nextTurn().then(() => this.warnTruncated(doc, entry.analysis));
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
    this.cache.delete(key);
    this.paragraphCaches.delete(key);
    this.announced.delete(key);
    this.worker.forget(key);
    this.warnedTruncated.delete(key);
    this.closed.fire(doc.uri);
  }

  dispose(): void {
    this.worker.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
