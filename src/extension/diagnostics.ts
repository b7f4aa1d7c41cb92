// One diagnostic per commitment cue (codes firm-commitment / hedged-commitment), one per unknown acronym and
// per unknown name's first mention, severities from the settings, cues listed in readoutLens.ignore skipped, at most readoutLens.diagnostics.maxPerFile per readout,
// and the quick fix that adds a cue to that list.
import * as vscode from 'vscode';
import { cueMessage } from '../core/report/cards';
import type { Analysis } from '../core/types';
import type { AnalysisService } from './analysisService';
import { unknownNameMessage } from '../core/report/unknownNames';
import { FIRM_CODE, HEDGED_CODE, UNKNOWN_ACRONYM_CODE, UNKNOWN_NAME_CODE, acronymMessage, cueCode, ignoreKey, planFindings, problemSeverity, type FindingOptions } from '../runtime/findings';
import type { LexiconService } from './lexiconService';
import { getSettings, toSeverity, type Settings } from './settings';
import { WORKER_THRESHOLD } from '../runtime/analysisRunner';

export const DIAGNOSTIC_SOURCE = 'Readout Lens';
export { FIRM_CODE, HEDGED_CODE, ignoreKey };

/**
 * Longest stretch of building diagnostics before yielding to the event loop. Longer than the analysis slices:
 * a few thousand diagnostics (a readout of a few MB) take about 10 ms and are best set in one turn.
 */
export const BUILD_SLICE_MS = 20;

/**
 * The diagnostics of a readout analysed past this length (in the worker) are built in a round of the event loop
 * after the one its analysis arrived in: on a 10 MB readout, assembling the worker's last chunk and then building and setting 1,000
 * diagnostics in the same turn was our longest block (54 ms, load 13). A smaller readout's diagnostics follow its
 * analysis in the same turn, one turn sooner.
 */
export const OWN_TURN_LENGTH = WORKER_THRESHOLD;

/** The settings' choices about diagnostics as the shared plan (src/runtime/findings.ts) reads them. */
export function findingOptions(settings: Readonly<Settings>): FindingOptions {
  const rank = (name: Settings['firmSeverity']): number => toSeverity(name) ?? -1;
  return {
    firm: rank(settings.firmSeverity),
    hedged: rank(settings.hedgedSeverity),
    acronym: rank(settings.unknownAcronymSeverity),
    name: rank(settings.unknownNameSeverity),
    ignored: settings.ignore.map(ignoreKey),
    maxDiagnostics: settings.maxDiagnostics,
  };
}

/** Readouts with more findings than readoutLens.diagnostics.maxPerFile: how many were published, of how many. */
export interface DiagnosticsLimit {
  shown: number;
  total: number;
}
const limits = new Map<string, DiagnosticsLimit>();
const limitChanged = new vscode.EventEmitter<vscode.Uri>();
/** Fires when a readout's diagnostics start or stop being limited, or their counts change. */
export const onDidChangeDiagnosticsLimit = limitChanged.event;

/** How many of the readout's findings are diagnostics, when the limit left some out; undefined otherwise. */
export function diagnosticsLimit(uri: vscode.Uri): DiagnosticsLimit | undefined {
  return limits.get(uri.toString());
}

function setLimit(uri: vscode.Uri, limit: DiagnosticsLimit | undefined): void {
  const key = uri.toString();
  const old = limits.get(key);
  if (old?.shown === limit?.shown && old?.total === limit?.total) return;
  if (limit) limits.set(key, limit);
  else limits.delete(key);
  limitChanged.fire(uri);
}

export class CueDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('readout-lens');
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyses: AnalysisService, private readonly lexicons: LexiconService) {
    this.disposables.push(
      this.collection,
      analyses.onDidAnalyze(({ document, analysis }) => void this.publish(document, analysis)),
      analyses.onDidClose((uri) => {
        this.cancelRun(uri.toString());
        this.collection.delete(uri);
        setLimit(uri, undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readoutLens.diagnostics') || e.affectsConfiguration('readoutLens.ignore')) this.republishAll();
      }),
      vscode.languages.registerCodeActionsProvider({ language: 'readout' }, this, {
        providedCodeActionKinds: CueDiagnostics.providedCodeActionKinds,
      }),
      vscode.commands.registerCommand('readoutLens.ignoreCue', (text: string) => this.ignoreCue(text)),
    );
  }

  /** The build under way per document: a newer analysis cancels it, so a stale build stops at its next turn. */
  private readonly runs = new Map<string, vscode.CancellationTokenSource>();

  private cancelRun(key: string): void {
    const run = this.runs.get(key);
    if (!run) return;
    this.runs.delete(key);
    run.cancel();
    run.dispose();
  }

  /**
   * Builds the document's diagnostics and sets them once: at most readoutLens.diagnostics.maxPerFile of them,
   * chosen as VS Code chooses the (at most 1,000) it shows: errors first, then warnings, information and hints,
   * each in document order, so what the editor shows does not change, except that the problems of the file itself
   * (cut at the size limit, binary content, a long line: a handful at most) always come first, whatever the
   * number of cues: among a 20 MB paste's cues the warning that the file was cut was the 1,001st. A large build is spread over event-loop
   * turns of BUILD_SLICE_MS; a build that fits in one (a readout of a few MB) sets its diagnostics in the turn
   * its analysis arrived (past OWN_TURN_LENGTH, in a later round of the event loop), before the other providers' work.
   */
  private async publish(document: vscode.TextDocument, analysis: Analysis): Promise<void> {
    // A result for an older version than the document now has is stale: a newer one is on its way.
    if (document.isClosed) return;
    const key = document.uri.toString();
    this.cancelRun(key);
    const run = new vscode.CancellationTokenSource();
    this.runs.set(key, run);
    const token = run.token;
    const version = document.version;
    const settings = getSettings(document.uri);
    const options = findingOptions(settings);
    const patterns = this.lexicons.current()?.cueById;
    let sliceStart = performance.now();
    /** True when the build must stop: a newer publish began or the document changed or closed. */
    const yieldTurn = async (): Promise<boolean> => {
      if (performance.now() - sliceStart < BUILD_SLICE_MS) return false;
      await this.analyses.scheduler.nextTurn(true);
      sliceStart = performance.now();
      return token.isCancellationRequested || document.isClosed || document.version !== version;
    };
    if (analysis.analyzedLength > OWN_TURN_LENGTH) {
      await this.analyses.scheduler.nextRound(true);
      if (token.isCancellationRequested || document.isClosed || document.version !== version) return;
      sliceStart = performance.now();
    }
    const cues = analysis.cues;
    const acronyms = options.acronym < 0 ? [] : analysis.unknownAcronyms;
    const problems = analysis.readout.problems;
    // First pass, allocation-free: the severity of every finding (-1: not published) and how many of each fit.
    const { severities, names, quota, problemsShown, eligible } = planFindings(analysis, options, new Set(options.ignored));
    const lines = this.analyses.lines(document);
    const diagnostics: vscode.Diagnostic[] = [];
    for (let i = 0; i < problemsShown; i++) {
      const p = problems[i];
      const d = new vscode.Diagnostic(lines.range(p.start, Math.max(p.end, p.start)), p.message, problemSeverity(p.severity) as vscode.DiagnosticSeverity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = p.code;
      diagnostics.push(d);
    }
    for (let i = 0; i < cues.length; i++) {
      if ((i & 255) === 255 && (await yieldTurn())) return;
      const severity = severities[i];
      if (severity < 0 || quota[severity]-- <= 0) continue;
      const cue = cues[i];
      const d = new vscode.Diagnostic(lines.range(cue.start, cue.end), cueMessage(cue, patterns?.get(cue.patternId)), severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = cueCode(cue.strength);
      diagnostics.push(d);
    }
    for (let i = 0; i < acronyms.length; i++) {
      if ((i & 255) === 255 && (await yieldTurn())) return;
      const severity = severities[cues.length + i];
      if (quota[severity]-- <= 0) continue;
      const a = acronyms[i];
      const range = lines.range(a.start, a.end);
      const word = document.getText(range);
      const d = new vscode.Diagnostic(range, acronymMessage(word), severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = UNKNOWN_ACRONYM_CODE;
      diagnostics.push(d);
    }
    for (let i = 0; i < names.length; i++) {
      if ((i & 255) === 255 && (await yieldTurn())) return;
      const severity = severities[cues.length + acronyms.length + i];
      if (quota[severity]-- <= 0) continue;
      const m = analysis.entities[names[i]];
      const d = new vscode.Diagnostic(lines.range(m.start, m.end), unknownNameMessage(m.name, m.type), severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = UNKNOWN_NAME_CODE;
      diagnostics.push(d);
    }
    if (token.isCancellationRequested || document.isClosed) return;
    this.runs.delete(key);
    run.dispose();
    this.collection.set(document.uri, diagnostics);
    setLimit(document.uri, diagnostics.length < eligible ? { shown: diagnostics.length, total: eligible } : undefined);
  }

  private republishAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const analysis = this.analyses.get(doc);
      if (analysis) void this.publish(doc, analysis);
    }
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || (d.code !== FIRM_CODE && d.code !== HEDGED_CODE)) continue;
      const text = document.getText(d.range);
      const action = new vscode.CodeAction(`Ignore this cue in this workspace: "${text}"`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.command = { title: action.title, command: 'readoutLens.ignoreCue', arguments: [text] };
      actions.push(action);
    }
    return actions;
  }

  private async ignoreCue(text: string): Promise<void> {
    const config = vscode.workspace.getConfiguration('readoutLens');
    const current = config.get<string[]>('ignore', []);
    if (current.some((t) => ignoreKey(t) === ignoreKey(text))) return;
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('ignore', [...current, text], target);
  }

  dispose(): void {
    for (const key of [...this.runs.keys()]) this.cancelRun(key);
    for (const d of this.disposables) d.dispose();
  }
}
