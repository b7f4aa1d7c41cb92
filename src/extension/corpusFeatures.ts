// The features that read the whole workspace as a corpus, registered together because they share its
// summaries and phrase searches (WorkspaceCorpus): the timeline panel and the Tracked Wording view.
import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { WorkspaceCorpus } from './corpusSource';
import type { LexiconService } from './lexiconService';
import { TimelinePanel } from './timeline';
import { TrackedWordingView } from './trackedWording';
import type { WorkspaceAnalysis } from './workspaceAnalysis';

export class CorpusFeatures implements vscode.Disposable {
  readonly corpus: WorkspaceCorpus;
  readonly timeline: TimelinePanel;
  readonly trackedWording: TrackedWordingView;

  constructor(extensionUri: vscode.Uri, workspace: WorkspaceAnalysis, lexicons: LexiconService, analyses: AnalysisService) {
    this.corpus = new WorkspaceCorpus(workspace, lexicons.onDidChange);
    this.timeline = new TimelinePanel(extensionUri, this.corpus, lexicons);
    this.trackedWording = new TrackedWordingView(this.corpus, (doc, token) => analyses.getAsync(doc, token));
  }

  dispose(): void {
    this.trackedWording.dispose();
    this.timeline.dispose();
    this.corpus.dispose();
  }
}
