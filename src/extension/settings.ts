// Typed access to the readoutLens.* settings declared in package.json.
import * as vscode from 'vscode';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  firmSeverity: SeverityName;
  hedgedSeverity: SeverityName;
  unknownAcronymSeverity: SeverityName;
  unknownNameSeverity: SeverityName;
  ignore: string[];
  lexicons: string[];
  debounceMs: number;
  maxFileSizeMB: number;
  semanticHighlighting: boolean;
  followCursor: boolean;
  codeLens: boolean;
  /** At most this many diagnostics per readout (readoutLens.diagnostics.maxPerFile). */
  maxDiagnostics: number;
  /** Which readouts have diagnostics: the open ones, or every one in the workspace (readoutLens.workspace.analyze). */
  workspaceAnalyze: 'openFiles' | 'workspace';
}

/**
 * Default of readoutLens.diagnostics.maxPerFile: VS Code's extension host forwards at most 1,000 diagnostics per
 * file to the editor, most severe first, so publishing more only costs time.
 */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/**
 * Settings read per scope and kept until a readoutLens setting or the workspace folders change. Reading them
 * costs a configuration lookup of the resource's folder (about 1 ms on a busy host), and the analysis, the
 * diagnostics and the semantic tokens ask on every keystroke. Only while `trackSettings` is active: before
 * that (or after it is disposed) every call reads afresh, so no caller ever sees a value older than a change.
 */
let cache: Map<string, Readonly<Settings>> | undefined;

/** Starts keeping settings per scope (see `cache`); the first thing activate() does. */
export function trackSettings(): vscode.Disposable {
  cache = new Map();
  const forget = (): void => cache?.clear();
  const subscriptions = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('readoutLens')) forget();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(forget),
  ];
  return new vscode.Disposable(() => {
    for (const s of subscriptions) s.dispose();
    cache = undefined;
  });
}

function scopeKey(scope: vscode.ConfigurationScope | undefined): string | undefined {
  if (scope === undefined || scope === null) return '';
  if (scope instanceof vscode.Uri) return scope.toString();
  if ('uri' in scope && scope.uri instanceof vscode.Uri) return `${'languageId' in scope ? scope.languageId : ''}|${scope.uri.toString()}`;
  return undefined;
}

/** The readoutLens settings for `scope` (a document or folder URI; none for the window's). Do not modify. */
export function getSettings(scope?: vscode.ConfigurationScope): Readonly<Settings> {
  const key = cache ? scopeKey(scope) : undefined;
  if (key !== undefined) {
    const hit = cache?.get(key);
    if (hit) return hit;
  }
  const settings = readSettings(scope);
  if (key !== undefined) cache?.set(key, settings);
  return settings;
}

function readSettings(scope?: vscode.ConfigurationScope): Readonly<Settings> {
  const c = vscode.workspace.getConfiguration('readoutLens', scope);
  return {
    firmSeverity: c.get<SeverityName>('diagnostics.firm', 'information'),
    hedgedSeverity: c.get<SeverityName>('diagnostics.hedged', 'warning'),
    unknownAcronymSeverity: c.get<SeverityName>('diagnostics.unknownAcronym', 'hint'),
    unknownNameSeverity: c.get<SeverityName>('diagnostics.unknownName', 'hint'),
    ignore: c.get<string[]>('ignore', []),
    lexicons: c.get<string[]>('lexicons', ['.readout-lens/*.yaml']),
    debounceMs: Math.max(0, c.get<number>('analysis.debounceMs', 60)),
    maxFileSizeMB: Math.max(0.01, c.get<number>('maxFileSizeMB', 5)),
    semanticHighlighting: c.get<boolean>('semanticHighlighting.enabled', true),
    followCursor: c.get<boolean>('topicTree.followCursor', true),
    codeLens: c.get<boolean>('codeLens.enabled', false),
    maxDiagnostics: Math.max(1, Math.floor(c.get<number>('diagnostics.maxPerFile', DEFAULT_MAX_DIAGNOSTICS))),
    workspaceAnalyze: c.get<string>('workspace.analyze', 'openFiles') === 'workspace' ? 'workspace' : 'openFiles',
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
