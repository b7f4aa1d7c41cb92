// One diagnostic per commitment cue (codes firm-commitment / hedged-commitment), severities from the
// settings, cues listed in readoutLens.ignore skipped, and the quick fix that adds a cue to that list.
import * as vscode from 'vscode';
import { cueMessage } from '../core/cards';
import type { Analysis } from '../core/types';
import { LineIndex, SLICE_MS, nextTurn, type AnalysisService } from './analysisService';
import { UNKNOWN_ACRONYM_CODE } from './lexiconNavigation';
import type { LexiconService } from './lexiconService';
import { getSettings, toSeverity } from './settings';

export const DIAGNOSTIC_SOURCE = 'Readout Lens';
export const FIRM_CODE = 'firm-commitment';
export const HEDGED_CODE = 'hedged-commitment';

/** Normalises a cue text for the ignore list: case, white space and curly quotes do not matter. */
export function ignoreKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
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
        this.generation.delete(uri.toString());
        this.collection.delete(uri);
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

  /** The latest publish per document: an older one still building stops when a newer one starts. */
  private readonly generation = new Map<string, number>();

  /**
   * Builds the document's diagnostics and sets them once. On a large readout (tens of thousands of cues) the
   * building is spread over event-loop turns of SLICE_MS each, so the extension host never blocks on it.
   */
  private async publish(document: vscode.TextDocument, analysis: Analysis): Promise<void> {
    // A result for an older version than the document now has is stale: a newer one is on its way.
    if (document.isClosed) return;
    const key = document.uri.toString();
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    const version = document.version;
    const settings = getSettings(document.uri);
    const ignored = new Set(settings.ignore.map(ignoreKey));
    const patterns = this.lexicons.current()?.cueById;
    const lines = LineIndex.of(document);
    const diagnostics: vscode.Diagnostic[] = [];
    let sliceStart = performance.now();
    /** True when the build must stop: a newer publish began or the document changed or closed. */
    const yieldTurn = async (): Promise<boolean> => {
      if (performance.now() - sliceStart < SLICE_MS) return false;
      await nextTurn();
      sliceStart = performance.now();
      return this.generation.get(key) !== generation || document.isClosed || document.version !== version;
    };
    const firm = toSeverity(settings.firmSeverity);
    const hedged = toSeverity(settings.hedgedSeverity);
    const cues = analysis.cues;
    for (let i = 0; i < cues.length; i++) {
      if ((i & 255) === 255 && (await yieldTurn())) return;
      const cue = cues[i];
      const severity = cue.strength === 'firm' ? firm : hedged;
      if (severity === undefined) continue;
      if (ignored.size > 0 && ignored.has(ignoreKey(cue.text))) continue;
      const d = new vscode.Diagnostic(lines.range(cue.start, cue.end), cueMessage(cue, patterns?.get(cue.patternId)), severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = cue.strength === 'firm' ? FIRM_CODE : HEDGED_CODE;
      diagnostics.push(d);
    }
    const acronymSeverity = toSeverity(settings.unknownAcronymSeverity);
    if (acronymSeverity !== undefined) {
      const acronyms = analysis.unknownAcronyms;
      for (let i = 0; i < acronyms.length; i++) {
        if ((i & 255) === 255 && (await yieldTurn())) return;
        const a = acronyms[i];
        const range = lines.range(a.start, a.end);
        const word = document.getText(range);
        const d = new vscode.Diagnostic(range, `"${word}" is in no lexicon: add it to a workspace lexicon to get a hover card.`, acronymSeverity);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = UNKNOWN_ACRONYM_CODE;
        diagnostics.push(d);
      }
    }
    for (const p of analysis.readout.problems) {
      const d = new vscode.Diagnostic(
        lines.range(p.start, Math.max(p.end, p.start)),
        p.message,
        p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      d.source = DIAGNOSTIC_SOURCE;
      d.code = p.code;
      diagnostics.push(d);
    }
    if (this.generation.get(key) !== generation || document.isClosed) return;
    this.collection.set(document.uri, diagnostics);
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
    for (const d of this.disposables) d.dispose();
  }
}
