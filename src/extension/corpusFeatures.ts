// The features that read the whole workspace as a corpus over time, registered together because they share
// its phrase searches (WorkspaceSearch): the timeline panel and the Tracked Wording view.
import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { CorpusModel } from './corpusModel';
import { WorkspaceSearch, modelSummaries } from './corpusSource';
import type { LexiconService } from './lexiconService';
import { TimelinePanel } from './timeline';
import { TrackedWordingView } from './trackedWording';
import type { WorkspaceAnalysis } from './workspaceAnalysis';

export class CorpusFeatures implements vscode.Disposable {
  readonly search: WorkspaceSearch;
  readonly timeline: TimelinePanel;
  readonly trackedWording: TrackedWordingView;

  constructor(extensionUri: vscode.Uri, model: CorpusModel, workspace: WorkspaceAnalysis, lexicons: LexiconService, analyses: AnalysisService) {
    this.search = new WorkspaceSearch(workspace);
    this.timeline = new TimelinePanel(extensionUri, modelSummaries(model, workspace), this.search, lexicons);
    this.trackedWording = new TrackedWordingView(this.search, (doc, token) => analyses.getAsync(doc, token));
  }

  dispose(): void {
    this.trackedWording.dispose();
    this.timeline.dispose();
    this.search.dispose();
  }
}
