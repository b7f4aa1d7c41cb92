// The desktop entry (package.json "main", dist/extension.js): the shared activate() with what only Node can do,
// the analysis and workspace worker threads and the importer, which are loaded from files beside the bundle.
import * as path from 'path';
import type * as vscode from 'vscode';
import { activate as activateWith, type ReadoutLensApi } from '../../extension';
import { AnalysisWorkerClient } from '../../runtime/workerClient';
import { CorpusFeatures } from '../corpusFeatures';
import type { ReadoutLensHost } from '../host';
import { registerImportCommands } from '../importRegistration';
import { WorkspaceAnalysis } from '../workspaceAnalysis';

const nodeHost: ReadoutLensHost = {
  analysisWorker: (log) => new AnalysisWorkerClient(path.join(__dirname, 'analysisWorker.js'), log),
  workspaceAnalysis: (analyses, lexicons, output) => new WorkspaceAnalysis(analyses, lexicons, output),
  corpusFeatures: (extensionUri, corpus, workspace, lexicons, analyses) => new CorpusFeatures(extensionUri, corpus, workspace, lexicons, analyses),
  registerHostCommands: registerImportCommands,
};

export function activate(context: vscode.ExtensionContext): ReadoutLensApi {
  return activateWith(context, nodeHost);
}

export { deactivate } from '../../extension';
