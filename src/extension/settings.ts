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
  /** At most this many diagnostics per readout (readoutLens.diagnostics.maxPerFile). */
  maxDiagnostics: number;
}

/**
 * Default of readoutLens.diagnostics.maxPerFile: VS Code's extension host forwards at most 1,000 diagnostics per
 * file to the editor, most severe first, so publishing more only costs time.
 */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

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
    maxDiagnostics: Math.max(1, Math.floor(c.get<number>('diagnostics.maxPerFile', DEFAULT_MAX_DIAGNOSTICS))),
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
