// Typed access to the readoutLens.* settings declared in package.json.
import * as vscode from 'vscode';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  firmSeverity: SeverityName;
  hedgedSeverity: SeverityName;
  unknownAcronymSeverity: SeverityName;
  ignore: string[];
  lexicons: string[];
  debounceMs: number;
  maxFileSizeMB: number;
  semanticHighlighting: boolean;
  followCursor: boolean;
  codeLens: boolean;
}

export function getSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('readoutLens', scope);
  return {
    firmSeverity: c.get<SeverityName>('diagnostics.firm', 'information'),
    hedgedSeverity: c.get<SeverityName>('diagnostics.hedged', 'warning'),
    unknownAcronymSeverity: c.get<SeverityName>('diagnostics.unknownAcronym', 'hint'),
    ignore: c.get<string[]>('ignore', []),
    lexicons: c.get<string[]>('lexicons', ['.readout-lens/*.yaml']),
    debounceMs: Math.max(0, c.get<number>('analysis.debounceMs', 60)),
    maxFileSizeMB: Math.max(0.01, c.get<number>('maxFileSizeMB', 5)),
    semanticHighlighting: c.get<boolean>('semanticHighlighting.enabled', true),
    followCursor: c.get<boolean>('topicTree.followCursor', true),
    codeLens: c.get<boolean>('codeLens.enabled', false),
  };
}

export function toSeverity(name: SeverityName): vscode.DiagnosticSeverity | undefined {
  switch (name) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
    default:
      return undefined;
  }
}
