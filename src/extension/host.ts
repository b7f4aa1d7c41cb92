// What differs between the extension hosts Readout Lens runs in: desktop VS Code's Node host and the browser's web
// worker host (vscode.dev, github.dev). activate() in src/extension.ts takes one of these; everything else is shared.
import type * as vscode from 'vscode';
import type { AnalysisWorker } from '../runtime/analysisRunner';
import type { AnalysisService } from './analysisService';
import type { CorpusFeatures } from './corpusFeatures';
import type { CorpusModel } from './corpusModel';
import type { LexiconService } from './lexiconService';
import type { WorkspaceAnalysis } from './workspaceAnalysis';

export interface ReadoutLensHost {
  /** Analyses the largest documents off the extension host's thread; undefined: in time slices on it. */
  analysisWorker(log: (msg: string) => void): AnalysisWorker | undefined;
  /** Diagnostics of the workspace's readouts that are not open; undefined where it cannot run. */
  workspaceAnalysis(analyses: AnalysisService, lexicons: LexiconService, output: vscode.LogOutputChannel): WorkspaceAnalysis | undefined;
  /**
   * The timeline and tracked wording, which read files on workspace analysis' worker pool; undefined where there is
   * none. A host factory, so that the browser bundle does not carry their code.
   */
  corpusFeatures(extensionUri: vscode.Uri, corpus: CorpusModel, workspace: WorkspaceAnalysis, lexicons: LexiconService, analyses: AnalysisService): CorpusFeatures | undefined;
  /** The import commands, and the commands that cannot run on this host, registered to say so. */
  registerHostCommands(): vscode.Disposable;
}
