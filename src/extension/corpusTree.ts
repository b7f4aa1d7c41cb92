// The Corpus view's tree: the workspace's readouts by counterpart, or by year and month, each readout with its
// firm and hedged counts and main topics; a readout opens on click. Built from the corpus model on each refresh.
import * as vscode from 'vscode';
import { UNDATED } from '../core/corpus/timeline';
import type { CorpusFilter, CorpusModel, ReadoutSummary } from './corpusModel';
import type { LexiconService } from './lexiconService';

export type CorpusGrouping = 'counterpart' | 'date';

/** A group's children are built when it is expanded; readouts hold their summary, not a copy. */
export interface CorpusGroupNode {
  kind: 'group';
  key: string;
  label: string;
  readouts: ReadoutSummary[];
  firm: number;
  hedged: number;
  months?: CorpusGroupNode[];
}
export type CorpusNode = CorpusGroupNode | { kind: 'readout'; parent: CorpusGroupNode | undefined; summary: ReadoutSummary };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "May 2023" for "2023-05", the year itself for "2023". */
function periodLabel(period: string): string {
  if (period === UNDATED) return 'Undated';
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : period;
}

function counts(firm: number, hedged: number): string {
  return `${firm} firm · ${hedged} hedged`;
}

function basename(path: string): string {
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

export class CorpusTreeProvider implements vscode.TreeDataProvider<CorpusNode>, vscode.Disposable {
  grouping: CorpusGrouping = 'counterpart';
  filter: CorpusFilter = {};
  private readonly changed = new vscode.EventEmitter<CorpusNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The readouts the last build listed (the filter applied), for the view's message. */
  shown = 0;

  constructor(private readonly corpus: CorpusModel, private readonly lexicons: LexiconService) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: CorpusNode): CorpusNode[] {
    if (!this.corpus.available) return [];
    if (!node) return this.roots();
    if (node.kind === 'readout') return [];
    if (node.months?.length) return node.months;
    return node.readouts.map((summary) => ({ kind: 'readout', parent: node, summary }));
  }

  getParent(node: CorpusNode): CorpusNode | undefined {
    return node.kind === 'readout' ? node.parent : undefined;
  }

  private roots(): CorpusGroupNode[] {
    if (this.grouping === 'counterpart') {
      const groups = this.corpus.byCounterpart(this.filter);
      this.shown = new Set(groups.flatMap((g) => g.readouts)).size;
      return groups.map((g) => ({
        kind: 'group',
        key: `counterpart:${g.counterpart}`,
        label: g.counterpart || 'No counterpart found',
        readouts: g.readouts,
        firm: g.firm,
        hedged: g.hedged,
      }));
    }
    const years = this.corpus.byDate(this.filter);
    this.shown = years.reduce((n, y) => n + y.readouts.length, 0);
    return years.map((y) => ({
      kind: 'group',
      key: `year:${y.period}`,
      label: periodLabel(y.period),
      readouts: y.readouts,
      firm: y.firm,
      hedged: y.hedged,
      months: y.months.map((m) => ({ kind: 'group', key: `month:${m.period}`, label: periodLabel(m.period), readouts: m.readouts, firm: m.firm, hedged: m.hedged })),
    }));
  }

  getTreeItem(node: CorpusNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const n = node.readouts.length;
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.key;
      item.description = `${n} readout${n === 1 ? '' : 's'} · ${counts(node.firm, node.hedged)}`;
      item.iconPath = new vscode.ThemeIcon(node.key.startsWith('counterpart:') ? 'organization' : 'calendar');
      item.contextValue = 'corpusGroup';
      return item;
    }
    const s = node.summary;
    const uri = this.corpus.uriOf(s);
    const item = new vscode.TreeItem(s.title ?? basename(s.path), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parent?.key ?? ''}|${s.path}`;
    item.resourceUri = uri;
    const topics = this.topicLabels(s);
    item.description = [s.date, counts(s.firm, s.hedged), topics.join(', ')].filter(Boolean).join(' · ');
    item.tooltip = this.tooltip(s, uri, topics);
    item.iconPath = new vscode.ThemeIcon('file-text');
    item.contextValue = 'corpusReadout';
    item.command = { command: 'vscode.open', title: 'Open Readout', arguments: [uri] };
    return item;
  }

  private topicLabels(s: ReadoutSummary): string[] {
    const topics = this.lexicons.current()?.topicById;
    return s.mainTopics.map((t) => topics?.get(t)?.label ?? t);
  }

  private tooltip(s: ReadoutSummary, uri: vscode.Uri, topics: string[]): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**');
    md.appendText(s.title ?? basename(s.path));
    md.appendMarkdown('**\n\n');
    const line = (label: string, value: string | undefined): void => {
      if (!value) return;
      md.appendMarkdown(`${label}: `);
      md.appendText(value);
      md.appendMarkdown('  \n');
    };
    line('Date', s.date ?? 'none found');
    line('Counterparts', s.counterparts.join(', ') || 'none found');
    line('Issued by', s.government ?? s.home);
    line('Commitments', counts(s.firm, s.hedged));
    line('Main topics', topics.join(', '));
    line('File', vscode.workspace.asRelativePath(uri));
    return md;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
