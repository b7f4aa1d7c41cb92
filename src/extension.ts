// Wires one small adapter per VS Code feature to the shared lexicon and analysis services, for both entries: the
// desktop one (src/extension/node/main.ts) and the browser's (src/extension/web/main.ts), which give what differs.
// No logic of its own lives here.
import * as vscode from 'vscode';
import { AnalysisService, READOUT_LANGUAGE, isReadout, type Notice } from './extension/analysisService';
import { ParagraphCodeLensProvider } from './extension/codeLens';
import { CompareCommand } from './extension/compareCommand';
import type { CorpusFeatures } from './extension/corpusFeatures';
import { CorpusModel } from './extension/corpusModel';
import { CorpusView } from './extension/corpusView';
import { CueDiagnostics } from './extension/diagnostics';
import { ExportCommand } from './extension/exportCommand';
import { ParagraphFoldingProvider } from './extension/folding';
import { ReadoutHoverProvider } from './extension/hover';
import { WhyThisTopicCommand } from './extension/whyThisTopic';
import { AddToLexiconActions, EntityDefinitionProvider, addToLexicon, type LexiconEntryHint } from './extension/lexiconNavigation';
import { LexiconService } from './extension/lexiconService';
import { ReadoutSemanticTokensProvider } from './extension/semanticTokens';
import { SinceLastTimeCommand } from './extension/sinceLastTime';
import { CommitmentStatusBar } from './extension/statusBar';
import { ReadoutSymbolProvider } from './extension/symbols';
import { trackSettings } from './extension/settings';
import { ReadoutViews } from './extension/views';
import type { WorkspaceAnalysis } from './extension/workspaceAnalysis';
import type { ReadoutLensHost } from './extension/host';
import type { Analysis } from './core/types';

/** What the extension exports to other extensions and to its integration tests. */
export interface ReadoutLensApi {
  analysisFor(document: vscode.TextDocument): Promise<Analysis | undefined>;
  lexicons: LexiconService;
  views: ReadoutViews;
  statusBar: CommitmentStatusBar;
  /** Diagnostics and summaries of the workspace's readouts that are not open (readoutLens.workspace.analyze); not in the browser. */
  workspace: WorkspaceAnalysis | undefined;
  /** Every workspace readout's summary (open readouts' from their documents), for the corpus features. */
  corpus: CorpusModel;
  corpusView: CorpusView;
  sinceLastTime: SinceLastTimeCommand;
  /** Readout: Show Timeline's panel and the Tracked Wording view (Readout: Track Across Readouts). */
  corpusFeatures: CorpusFeatures | undefined;
  /** The language feature providers as registered, for tests that call them with a token of their own. */
  providers: {
    hover: ReadoutHoverProvider;
    folding: ParagraphFoldingProvider;
    symbols: ReadoutSymbolProvider;
    semanticTokens: ReadoutSemanticTokensProvider;
    codeLens: ParagraphCodeLensProvider;
    definition: EntityDefinitionProvider;
  };
  /** Fires when a notification about a document is shown (the size-limit notice). */
  onDidNotify: vscode.Event<Notice>;
  /** Milliseconds activate() took (reported by the benchmark). */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext, host: ReadoutLensHost): ReadoutLensApi {
  const activationStarted = performance.now();
  // Before any service reads a setting, so every later read goes through the cache it keeps up to date.
  context.subscriptions.push(trackSettings());
  const output = vscode.window.createOutputChannel('Readout Lens', { log: true });
  const lexicons = new LexiconService(context.extensionUri, output);
  const analyses = new AnalysisService(lexicons, output, host.analysisWorker((msg) => output.warn(msg)));
  const selector: vscode.DocumentSelector = { language: READOUT_LANGUAGE };
  const views = new ReadoutViews(analyses, lexicons);
  const statusBar = new CommitmentStatusBar(analyses, lexicons);
  const semanticTokens = new ReadoutSemanticTokensProvider(analyses, lexicons, selector);
  const codeLens = new ParagraphCodeLensProvider(analyses);
  const workspace = host.workspaceAnalysis(analyses, lexicons, output);
  const corpus = new CorpusModel(workspace, analyses, lexicons);
  const corpusView = new CorpusView(corpus, lexicons);
  const compare = new CompareCommand(context.extensionUri, lexicons);
  const sinceLastTime = new SinceLastTimeCommand(corpus, compare);
  // The timeline and tracked wording read files on workspace analysis' worker pool: not in the browser.
  const corpusFeatures = workspace ? host.corpusFeatures(context.extensionUri, corpus, workspace, lexicons, analyses) : undefined;
  const providers = {
    hover: new ReadoutHoverProvider(analyses, lexicons),
    folding: new ParagraphFoldingProvider(analyses),
    symbols: new ReadoutSymbolProvider(analyses, lexicons),
    semanticTokens,
    codeLens,
    definition: new EntityDefinitionProvider(analyses, lexicons),
  };

  context.subscriptions.push(
    output,
    lexicons,
    analyses,
    views,
    statusBar,
    semanticTokens,
    codeLens,
    vscode.languages.registerCodeLensProvider(selector, codeLens),
    new CueDiagnostics(analyses, lexicons),
    ...(workspace ? [workspace] : []),
    corpus,
    corpusView,
    sinceLastTime,
    ...(corpusFeatures ? [corpusFeatures] : []),
    vscode.languages.registerHoverProvider(selector, providers.hover),
    vscode.languages.registerFoldingRangeProvider(selector, providers.folding),
    vscode.languages.registerDocumentSymbolProvider(selector, providers.symbols, { label: 'Readout Lens' }),
    vscode.commands.registerCommand('readoutLens.analyzeAsReadout', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return void vscode.window.showInformationMessage('Open a text or Markdown file to analyse it as a readout.');
      if (!isReadout(editor.document)) await vscode.languages.setTextDocumentLanguage(editor.document, READOUT_LANGUAGE);
    }),
    vscode.commands.registerCommand('readoutLens.showOutput', () => output.show()),
    compare,
    new ExportCommand(lexicons, String(context.extension.packageJSON.version ?? '')),
    vscode.languages.registerDefinitionProvider(selector, providers.definition),
    vscode.languages.registerCodeActionsProvider(selector, new AddToLexiconActions(analyses), { providedCodeActionKinds: AddToLexiconActions.kinds }),
    vscode.commands.registerCommand('readoutLens.addToLexicon', (name: string, near: vscode.Uri | string, hint?: LexiconEntryHint) => addToLexicon(lexicons, name, near, hint)),
    host.registerHostCommands(),
    new WhyThisTopicCommand(analyses, lexicons),
  );

  return { analysisFor: (doc) => analyses.getAsync(doc), onDidNotify: analyses.onDidNotify, lexicons, views, statusBar, workspace, corpus, corpusView, sinceLastTime, corpusFeatures, providers, activationMs: performance.now() - activationStarted };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
