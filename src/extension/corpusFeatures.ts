// The features that read the whole workspace as a corpus over time, registered together because they share
// its phrase searches (WorkspaceSearch): the timeline panel and the Tracked Wording view. The timeline's code
// (timeline.ts, timelineHtml.ts: the page and its SVG) is a bundle of its own, dist/timeline.js (esbuild.js),
// loaded when Readout: Show Timeline first runs, so the extension bundle does not carry it at start.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { CorpusModel } from './corpusModel';
import { WorkspaceSearch, modelSummaries } from './corpusSource';
import type { LexiconService } from './lexiconService';
import type { TimelinePanel } from './timeline';
import { TrackedWordingView } from './trackedWording';
import type { WorkspaceAnalysis } from './workspaceAnalysis';

export class CorpusFeatures implements vscode.Disposable {
  readonly search: WorkspaceSearch;
  readonly trackedWording: TrackedWordingView;
  private panel: Promise<TimelinePanel> | undefined;
  private loaded: TimelinePanel | undefined;
  private readonly command: vscode.Disposable;
  private disposed = false;

  constructor(extensionUri: vscode.Uri, model: CorpusModel, workspace: WorkspaceAnalysis, lexicons: LexiconService, analyses: AnalysisService) {
    this.search = new WorkspaceSearch(workspace);
    this.trackedWording = new TrackedWordingView(this.search, (doc, token) => analyses.getAsync(doc, token));
    const load = async (): Promise<TimelinePanel> => {
      const { TimelinePanel } = await import('./timeline');
      const panel = new TimelinePanel(extensionUri, modelSummaries(model, workspace), this.search, lexicons);
      if (this.disposed) panel.dispose();
      return (this.loaded = panel);
    };
    this.command = vscode.commands.registerCommand('readoutLens.showTimeline', async (arg?: unknown) => (await (this.panel ??= load())).run(arg));
  }

  /** The timeline panel once Readout: Show Timeline has run (its code is loaded then). */
  get timeline(): TimelinePanel | undefined {
    return this.loaded;
  }

  dispose(): void {
    this.disposed = true;
    this.command.dispose();
    this.trackedWording.dispose();
    this.loaded?.dispose();
    this.search.dispose();
  }
}
