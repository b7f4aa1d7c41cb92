// One diagnostic per commitment cue (codes firm-commitment / hedged-commitment), severities from the
// settings, cues listed in readoutLens.ignore skipped, and the quick fix that adds a cue to that list.
import * as vscode from 'vscode';
import { cueMessage } from '../core/cards';
import type { Analysis } from '../core/types';
import type { AnalysisService } from './analysisService';
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
      analyses.onDidAnalyze(({ document, analysis }) => this.publish(document, analysis)),
      analyses.onDidClose((uri) => this.collection.delete(uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readoutLens.diagnostics') || e.affectsConfiguration('readoutLens.ignore')) this.republishAll();
      }),
      vscode.languages.registerCodeActionsProvider({ language: 'readout' }, this, {
        providedCodeActionKinds: CueDiagnostics.providedCodeActionKinds,
      }),
      vscode.commands.registerCommand('readoutLens.ignoreCue', (text: string) => this.ignoreCue(text)),
    );
  }

  private publish(document: vscode.TextDocument, analysis: Analysis): void {
    // A result for an older version than the document now has is stale: a newer one is on its way.
    if (document.isClosed) return;
    const settings = getSettings(document.uri);
    const ignored = new Set(settings.ignore.map(ignoreKey));
    const patterns = this.lexicons.current()?.cueById;
    const diagnostics: vscode.Diagnostic[] = [];
    for (const cue of analysis.cues) {
      if (ignored.has(ignoreKey(cue.text))) continue;
      const severity = toSeverity(cue.strength === 'firm' ? settings.firmSeverity : settings.hedgedSeverity);
      if (severity === undefined) continue;
      const range = new vscode.Range(document.positionAt(cue.start), document.positionAt(cue.end));
      const d = new vscode.Diagnostic(range, cueMessage(cue, patterns?.get(cue.patternId)), severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = cue.strength === 'firm' ? FIRM_CODE : HEDGED_CODE;
      diagnostics.push(d);
    }
    const acronymSeverity = toSeverity(settings.unknownAcronymSeverity);
    if (acronymSeverity !== undefined) {
      for (const a of analysis.unknownAcronyms) {
        const word = document.getText(new vscode.Range(document.positionAt(a.start), document.positionAt(a.end)));
        const d = new vscode.Diagnostic(
          new vscode.Range(document.positionAt(a.start), document.positionAt(a.end)),
          `"${word}" is in no lexicon: add it to a workspace lexicon to get a hover card.`,
          acronymSeverity,
        );
        d.source = DIAGNOSTIC_SOURCE;
        d.code = UNKNOWN_ACRONYM_CODE;
        diagnostics.push(d);
      }
    }
    for (const p of analysis.readout.problems) {
      const d = new vscode.Diagnostic(
        new vscode.Range(document.positionAt(p.start), document.positionAt(Math.max(p.end, p.start))),
        p.message,
        p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      d.source = DIAGNOSTIC_SOURCE;
      d.code = p.code;
      diagnostics.push(d);
    }
    this.collection.set(document.uri, diagnostics);
  }

  private republishAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const analysis = this.analyses.get(doc);
      if (analysis) this.publish(doc, analysis);
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
