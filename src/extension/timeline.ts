// "Readout: Show Timeline": for a topic, an entity or a phrase, the firm and hedged statements per month, quarter
// or year across the workspace's readouts, in a webview (timelineHtml.ts draws it); a point lists the statements
// behind it and each opens its sentence. Redrawn when the corpus changes; the page keeps its selection itself.
import * as vscode from 'vscode';
import { PERIODS, timeline, type Period, type StatementRef, type TimelinePoint, type TimelineSubject } from '../core/corpus/timeline';
import { occurrenceOffsets } from '../core/corpus/track';
import type { TopicId } from '../core/types';
import type { CorpusSummaries, WorkspaceSearch } from './corpusSource';
import type { LexiconService } from './lexiconService';
import { makeNonce, pointLabel, renderTimelineHtml } from './timelineHtml';
import { reveal } from './views';

export const TIMELINE_VIEW_TYPE = 'readoutLens.timeline';

/** What to chart, as the command takes it: the topic and entity tree items are already of this shape. */
export type TimelineRequest = (
  | { kind: 'all' }
  | { kind: 'topic'; topic: string }
  | { kind: 'entity'; id: string }
  | { kind: 'phrase'; phrase: string }
) & { period?: Period };

/** What the command returns (the tests read it): plain data. */
export interface TimelineResult {
  viewType: string;
  subject: string;
  period: Period;
  readouts: number;
  points: Pick<TimelinePoint, 'period' | 'readouts' | 'firm' | 'hedged'>[];
}

/** A period lists at most this many statements (a whole corpus's quarter can hold thousands). */
const MAX_LISTED = 500;

type Message = { type: 'select'; period: string; strength?: 'firm' | 'hedged' } | { type: 'reveal'; generation: number; index: number };

interface Shown {
  request: TimelineRequest;
  period: Period;
  subject: string;
  points: TimelinePoint[];
  readouts: number;
  /** What the list on the page holds, by the index its buttons carry. */
  listed: StatementRef[];
  generation: number;
}

function isRequest(arg: unknown): arg is TimelineRequest {
  const a = arg as { kind?: unknown; topic?: unknown; id?: unknown; phrase?: unknown } | undefined;
  if (!a || typeof a !== 'object') return false;
  return a.kind === 'all' || (a.kind === 'topic' && typeof a.topic === 'string') || (a.kind === 'entity' && typeof a.id === 'string') || (a.kind === 'phrase' && typeof a.phrase === 'string');
}

export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: Shown | undefined;
  private generation = 0;
  private refreshing: vscode.CancellationTokenSource | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusSummaries,
    private readonly search: Pick<WorkspaceSearch, 'track'>,
    private readonly lexicons: LexiconService,
  ) {
    // Readout: Show Timeline is registered by corpusFeatures.ts, which loads this module on the command's first run.
    this.disposables.push(corpus.onDidChange(() => void this.refresh()));
  }

  /** From the palette (quick picks), a topic or entity tree item, or a request (other commands, tests). */
  async run(arg?: unknown): Promise<TimelineResult | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) return void vscode.window.showInformationMessage('Readout Lens: open a folder of readouts to see their timeline.');
    const request = isRequest(arg) ? arg : await this.pickSubject();
    if (!request) return undefined;
    const period = request.period ?? (await this.pickPeriod());
    if (!period) return undefined;
    const shown = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Readout Lens: reading the workspace for the timeline', cancellable: true },
      (progress, token) => this.compute(request, period, token, true, progress),
    );
    if (!shown) return undefined;
    this.show(shown);
    return this.result(shown);
  }

  /** The handler of the page's messages (select a period, open a statement), also for the tests. */
  async receive(msg: unknown): Promise<vscode.TextEditor | undefined> {
    const m = msg as Message | undefined;
    const shown = this.shown;
    if (!shown || !m) return undefined;
    if (m.type === 'select' && typeof m.period === 'string') {
      const point = shown.points.find((p) => p.period === m.period);
      const refs = (point?.statements ?? []).filter((s) => !m.strength || s.strength === m.strength);
      shown.listed = refs.slice(0, MAX_LISTED);
      const heading = `${point ? pointLabel(point) : m.period}${m.strength ? ` (${m.strength} only)` : ''}${refs.length > MAX_LISTED ? ` — the first ${MAX_LISTED} listed` : ''}`;
      const items = shown.listed.map((s, index) => ({
        index,
        strength: s.strength,
        badge: `${s.strength === 'firm' ? 'Firm' : 'Hedged'}${s.negated ? ', negated' : ''}`,
        where: `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.path))}${s.date ? ` · ${s.date}` : ''}`,
        sentence: s.sentenceText ?? s.text,
      }));
      await this.panel?.webview.postMessage({ type: 'statements', generation: shown.generation, heading, items });
      return undefined;
    }
    if (m.type === 'reveal' && m.generation === shown.generation && Number.isInteger(m.index)) {
      const s = shown.listed[m.index];
      if (!s) return undefined;
      return reveal(vscode.Uri.parse(s.path), s.sentenceStart, s.sentenceEnd);
    }
    return undefined;
  }

  /** The statements the page lists now and the generation its buttons carry, for the tests. */
  get listed(): { generation: number; statements: readonly StatementRef[] } | undefined {
    return this.shown && { generation: this.shown.generation, statements: this.shown.listed };
  }

  /** The page as last rendered, for the tests. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  /** `asked`: the user's command, which may switch workspace analysis on; a redraw never does. */
  private async compute(request: TimelineRequest, period: Period, token: vscode.CancellationToken, asked: boolean, progress?: vscode.Progress<{ message?: string; increment?: number }>): Promise<Shown | undefined> {
    const summaries = await this.corpus.summaries(token, asked);
    if (!summaries) return undefined;
    let subject: TimelineSubject;
    let label: string;
    const compiled = await this.lexicons.get();
    if (request.kind === 'topic') {
      subject = { kind: 'topic', topic: request.topic as TopicId };
      label = `Topic: ${compiled.topicById.get(request.topic)?.label ?? request.topic}`;
    } else if (request.kind === 'entity') {
      subject = { kind: 'entity', entity: request.id };
      label = `Name: ${compiled.entityById.get(request.id)?.name ?? request.id}`;
    } else if (request.kind === 'phrase') {
      const tracked = await this.search.track(request.phrase, token, progress);
      if (!tracked) return undefined;
      subject = { kind: 'phrase', at: occurrenceOffsets(tracked) };
      label = `“${request.phrase}” (and near variants)`;
    } else {
      subject = { kind: 'all' };
      label = 'All statements';
    }
    const points = timeline(summaries, period, subject);
    return { request, period, subject: label, points, readouts: points.reduce((n, p) => n + p.readouts, 0), listed: [], generation: ++this.generation };
  }

  private show(shown: Shown): void {
    this.shown = shown;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    if (!this.panel) {
      // retainContextWhenHidden off: the page is cheap to rebuild and keeps its selection with setState.
      this.panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Timeline', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media], enableFindWidget: true });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
        this.refreshing?.cancel();
      });
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m));
    } else this.panel.reveal(undefined, true);
    const webview = this.panel.webview;
    this.panel.title = `Timeline: ${shown.subject}`;
    webview.html = renderTimelineHtml({
      subject: shown.subject,
      period: shown.period,
      points: shown.points,
      readouts: shown.readouts,
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      css: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
      script: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js')).toString(),
    });
  }

  /** The corpus changed: the open timeline is recomputed (progress in the status bar) and redrawn. */
  private async refresh(): Promise<void> {
    const shown = this.shown;
    if (!shown || !this.panel) return;
    this.refreshing?.cancel();
    const source = (this.refreshing = new vscode.CancellationTokenSource());
    try {
      const next = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Updating the timeline' }, () => this.compute(shown.request, shown.period, source.token, false));
      if (next && !source.token.isCancellationRequested && this.panel) this.show(next);
    } finally {
      if (this.refreshing === source) this.refreshing = undefined;
      source.dispose();
    }
  }

  private result(shown: Shown): TimelineResult {
    return { viewType: TIMELINE_VIEW_TYPE, subject: shown.subject, period: shown.period, readouts: shown.readouts, points: shown.points.map(({ period, readouts, firm, hedged }) => ({ period, readouts, firm, hedged })) };
  }

  private async pickSubject(): Promise<TimelineRequest | undefined> {
    type Kind = vscode.QuickPickItem & { what: TimelineRequest['kind'] };
    const kinds: Kind[] = [
      { label: '$(symbol-namespace) Topic…', description: 'the statements whose sentence is on a topic', what: 'topic' },
      { label: '$(person) Name…', description: 'the statements whose sentence names a person, place or body', what: 'entity' },
      { label: '$(quote) Phrase…', description: 'the statements whose sentence uses a wording (or a near variant)', what: 'phrase' },
      { label: '$(graph-line) All statements', what: 'all' },
    ];
    const kind = await vscode.window.showQuickPick(kinds, { title: 'Show Timeline: what to chart' });
    if (!kind) return undefined;
    const compiled = await this.lexicons.get();
    if (kind.what === 'topic') {
      const topics = compiled.lexicon.topics.map((t) => ({ label: `$(${t.icon}) ${t.label}`, description: t.id, id: t.id }));
      const t = await vscode.window.showQuickPick(topics, { title: 'Show Timeline: topic', matchOnDescription: true });
      return t && { kind: 'topic', topic: t.id };
    }
    if (kind.what === 'entity') {
      const source = new vscode.CancellationTokenSource();
      const summaries = await this.corpus.summaries(source.token, true).finally(() => source.dispose());
      if (!summaries) return undefined;
      const counts = new Map<string, number>();
      for (const s of summaries) for (const id of s.entities) counts.set(id, (counts.get(id) ?? 0) + 1);
      const items = [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => ({ label: compiled.entityById.get(id)?.name ?? id, description: `${n} readout${n === 1 ? '' : 's'}`, id }));
      const e = await vscode.window.showQuickPick(items, { title: 'Show Timeline: name (by the readouts naming it)' });
      return e && { kind: 'entity', id: e.id };
    }
    if (kind.what === 'phrase') {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim() : '';
      const phrase = await vscode.window.showInputBox({ title: 'Show Timeline: phrase', value: selected, prompt: 'A wording; case, line breaks and near variants ("in" / "across", plurals) count too' });
      return phrase?.trim() ? { kind: 'phrase', phrase: phrase.trim() } : undefined;
    }
    return { kind: 'all' };
  }

  private async pickPeriod(): Promise<Period | undefined> {
    const items = PERIODS.map((p) => ({ label: `Per ${p}`, period: p }));
    return (await vscode.window.showQuickPick(items, { title: 'Show Timeline: statements counted per' }))?.period;
  }

  dispose(): void {
    this.refreshing?.cancel();
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
