// "Readout: Track Across Readouts" and the Tracked Wording view: every readout of the workspace that uses a
// wording (the selection, or the cue or name under the cursor), across line breaks and case, near variants
// marked; first and last use, counts per year and per government, the wordings side by side, each use one
// click from its place. The files are searched on workspace analysis' workers (WorkspaceSearch.track).
import * as vscode from 'vscode';
import { wordingOf, type Counts, type Occurrence, type TrackResult, type VariantRow } from '../core/corpus/track';
import { UNDATED } from '../core/corpus/timeline';
import type { Analysis } from '../core/types';
import type { WorkspaceSearch } from './corpusSource';

export const TRACKED_VIEW = 'readoutLens.trackedWording';
/** The view keeps this many tracked wordings, newest first. */
const MAX_TRACKED = 5;
/** A readout lists at most this many of its uses (a wording can be "the" in a careless search). */
const MAX_USES = 200;

type Node =
  | { kind: 'phrase'; result: TrackResult }
  | { kind: 'use'; occ: Occurrence; label?: string }
  | { kind: 'group'; result: TrackResult; group: 'years' | 'governments' | 'wordings' | 'readouts' }
  | { kind: 'count'; label: string; counts: Counts }
  | { kind: 'wording'; result: TrackResult; row: VariantRow }
  | { kind: 'readout'; path: string; date?: string; uses: Occurrence[] };

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
const relative = (path: string): string => vscode.workspace.asRelativePath(vscode.Uri.parse(path));
const countsText = (c: Counts): string => `${[c.exact ? plural(c.exact, 'use') : '', c.variant ? plural(c.variant, 'variant') : ''].filter(Boolean).join(', ')} in ${plural(c.readouts, 'readout')}`;

function useCommand(occ: Occurrence): vscode.Command {
  return { title: 'Open', command: 'readoutLens.reveal', arguments: [vscode.Uri.parse(occ.path), occ.start, occ.end] };
}

/** The wording the command tracks when none is given: the selection, else the cue or the name at the cursor. */
export function wordingAt(editor: vscode.TextEditor, analysis: Analysis | undefined): string | undefined {
  const doc = editor.document;
  if (!editor.selection.isEmpty) return flat(doc.getText(editor.selection)) || undefined;
  if (!analysis) return undefined;
  const at = doc.offsetAt(editor.selection.active);
  const cue = analysis.cues.find((c) => c.start <= at && at <= c.end);
  if (cue) return flat(cue.text);
  const name = analysis.entities.find((e) => e.start <= at && at <= e.end);
  return name ? flat(doc.getText(new vscode.Range(doc.positionAt(name.start), doc.positionAt(name.end)))) : undefined;
}

export class TrackedWordingView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private tracked: TrackResult[] = [];
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly search: Pick<WorkspaceSearch, 'track'>,
    private readonly analysisFor: (doc: vscode.TextDocument, token: vscode.CancellationToken) => Promise<Analysis | undefined>,
  ) {
    this.disposables.push(
      vscode.window.createTreeView(TRACKED_VIEW, { treeDataProvider: this, showCollapseAll: true }),
      vscode.commands.registerCommand('readoutLens.trackAcrossReadouts', (phrase?: unknown) => this.run(phrase)),
      vscode.commands.registerCommand('readoutLens.clearTrackedWording', () => this.clear()),
      vscode.commands.registerCommand('readoutLens.trackedWordingTimeline', (node?: Node) =>
        node?.kind === 'phrase' ? vscode.commands.executeCommand('readoutLens.showTimeline', { kind: 'phrase', phrase: node.result.phrase }) : undefined,
      ),
    );
  }

  /** Tracks the phrase given (tests, other commands) or the one at the editor's cursor; the result, for the tests. */
  async run(arg?: unknown): Promise<TrackResult | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) return void vscode.window.showInformationMessage('Readout Lens: open a folder of readouts to track a wording across them.');
    let phrase = typeof arg === 'string' ? flat(arg) : undefined;
    const editor = vscode.window.activeTextEditor;
    if (!phrase && editor) {
      const source = new vscode.CancellationTokenSource();
      try {
        phrase = wordingAt(editor, await this.analysisFor(editor.document, source.token));
      } finally {
        source.dispose();
      }
    }
    phrase ??= (await vscode.window.showInputBox({ title: 'Track Across Readouts', prompt: 'A wording to find in every readout of the workspace' }))?.trim();
    if (!phrase) return undefined;
    const words = phrase;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Readout Lens: tracking “${words}” across the workspace`, cancellable: true },
      (progress, token) => this.search.track(words, token, progress),
    );
    if (!result) return undefined;
    this.tracked = [result, ...this.tracked.filter((t) => t.phrase.toLowerCase() !== result.phrase.toLowerCase())].slice(0, MAX_TRACKED);
    this.changed.fire(undefined);
    await vscode.commands.executeCommand(`${TRACKED_VIEW}.focus`);
    return result;
  }

  private clear(): void {
    this.tracked = [];
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.tracked.map((result) => ({ kind: 'phrase', result }));
    if (node.kind === 'phrase') {
      const r = node.result;
      const out: Node[] = [];
      const first = r.occurrences.find((o) => o.path === r.first?.path);
      const last = [...r.occurrences].reverse().find((o) => o.path === r.last?.path);
      if (first) out.push({ kind: 'use', occ: first, label: 'First use' });
      if (last && last !== first) out.push({ kind: 'use', occ: last, label: 'Last use' });
      out.push({ kind: 'group', result: r, group: 'wordings' }, { kind: 'group', result: r, group: 'years' }, { kind: 'group', result: r, group: 'governments' }, { kind: 'group', result: r, group: 'readouts' });
      return r.occurrences.length ? out : [];
    }
    if (node.kind === 'group') {
      const r = node.result;
      if (node.group === 'years') return Object.keys(r.byYear).sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : a < b ? -1 : 1)).map((y) => ({ kind: 'count', label: y, counts: r.byYear[y] }));
      if (node.group === 'governments') return Object.entries(r.byGovernment).sort((a, b) => b[1].readouts - a[1].readouts).map(([g, counts]) => ({ kind: 'count', label: g || 'No government given', counts }));
      if (node.group === 'wordings') return r.variants.filter((row) => row.count > 0).map((row) => ({ kind: 'wording', result: r, row }));
      return readoutsOf(r.occurrences);
    }
    if (node.kind === 'wording') {
      const key = node.row.wording;
      const uses = node.result.occurrences.filter((o) => (node.row.variant ? o.variant && wordingOf(o.text) === key : !o.variant));
      return readoutsOf(uses);
    }
    if (node.kind === 'readout') return node.uses.slice(0, MAX_USES).map((occ) => ({ kind: 'use', occ }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'phrase': {
        const r = node.result;
        const variants = r.occurrences.filter((o) => o.variant).length;
        const item = new vscode.TreeItem(`“${r.phrase}”`, r.occurrences.length ? vscode.TreeItemCollapsibleState.Expanded : None);
        item.id = `phrase:${r.phrase.toLowerCase()}`;
        item.description = r.occurrences.length
          ? `${plural(r.occurrences.length - variants, 'use')}${variants ? `, ${plural(variants, 'variant')}` : ''} in ${plural(r.readouts, 'readout')}${r.first?.date && r.last?.date ? ` · ${r.first.date} – ${r.last.date}` : ''}`
          : 'no readout uses it';
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'trackedPhrase';
        return item;
      }
      case 'use': {
        const o = node.occ;
        const text = flat(o.text);
        const item = new vscode.TreeItem(node.label ? `${node.label}: ${o.date ?? 'undated'}` : text, None);
        item.description = node.label ? `${relative(o.path)} · ${text}${o.variant ? ' (variant)' : ''}` : o.variant ? 'variant' : undefined;
        item.tooltip = `${relative(o.path)}${o.date ? ` · ${o.date}` : ''}\n${text}${o.variant ? '\nA near variant of the tracked wording' : ''}`;
        item.iconPath = new vscode.ThemeIcon(o.variant ? 'symbol-misc' : 'quote');
        item.command = useCommand(o);
        item.contextValue = o.variant ? 'trackedUse.variant' : 'trackedUse';
        return item;
      }
      case 'group': {
        const r = node.result;
        const labels = { years: ['By year', Object.keys(r.byYear).length, 'year'], governments: ['By government', Object.keys(r.byGovernment).length, 'government'], wordings: ['Wordings', r.variants.filter((v) => v.count > 0).length, 'wording'], readouts: ['Readouts', r.readouts, 'readout'] } as const;
        const [label, n, one] = labels[node.group];
        const item = new vscode.TreeItem(label, node.group === 'wordings' ? vscode.TreeItemCollapsibleState.Expanded : Collapsed);
        item.description = plural(n, one);
        item.iconPath = new vscode.ThemeIcon(node.group === 'years' ? 'calendar' : node.group === 'governments' ? 'organization' : node.group === 'wordings' ? 'list-flat' : 'files');
        return item;
      }
      case 'count': {
        const item = new vscode.TreeItem(node.label, None);
        item.description = countsText(node.counts);
        return item;
      }
      case 'wording': {
        const row = node.row;
        const item = new vscode.TreeItem(row.wording, Collapsed);
        item.description = `${row.variant ? 'variant' : 'as tracked'} · ${plural(row.count, 'use')} in ${plural(row.readouts, 'readout')}${row.first?.date ? ` · ${row.first.date}${row.last?.date && row.last.date !== row.first.date ? ` – ${row.last.date}` : ''}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(row.variant ? 'symbol-misc' : 'quote');
        item.contextValue = row.variant ? 'trackedWording.variant' : 'trackedWording';
        return item;
      }
      case 'readout': {
        const item = new vscode.TreeItem(relative(node.path), Collapsed);
        const variants = node.uses.filter((o) => o.variant).length;
        item.description = `${node.date ?? 'undated'} · ${plural(node.uses.length - variants, 'use')}${variants ? `, ${plural(variants, 'variant')}` : ''}`;
        item.resourceUri = vscode.Uri.parse(node.path);
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
    }
  }

  /** The tracked wordings, newest first (tests). */
  get results(): readonly TrackResult[] {
    return this.tracked;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Uses grouped by readout, in the result's date order. */
function readoutsOf(uses: readonly Occurrence[]): Node[] {
  const byPath = new Map<string, Extract<Node, { kind: 'readout' }>>();
  for (const occ of uses) {
    let r = byPath.get(occ.path);
    if (!r) byPath.set(occ.path, (r = { kind: 'readout', path: occ.path, uses: [] }));
    if (occ.date) r.date = occ.date;
    r.uses.push(occ);
  }
  return [...byPath.values()];
}
