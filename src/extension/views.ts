// The Readout Lens sidebar: Topics (topic → statements), Commitments (cues by strength or actor) and
// Entities (entity → mentions). All follow the active readout, refresh after (debounced) analyses, keep
// their expansion state through stable ids, filter by strength and reveal the statement under the cursor.
import * as vscode from 'vscode';
import { entityTypeLabel } from '../core/cards';
import { spanAt } from '../core/spans';
import type { Analysis, Cue, Sentence, Strength, TopicId } from '../core/types';
import { isReadout, type AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

export type StrengthFilter = 'all' | 'firm' | 'hedged';
export type SortOrder = 'document' | 'size';
export type CommitmentGrouping = 'strength' | 'actor';

interface StatementNode {
  kind: 'statement';
  uri: vscode.Uri;
  topic: TopicId;
  sentence: Sentence;
  cues: Cue[];
}
interface TopicNode {
  kind: 'topic';
  uri: vscode.Uri;
  topic: TopicId;
  statements: StatementNode[];
}
interface GroupNode {
  kind: 'group';
  uri: vscode.Uri;
  key: string;
  label: string;
  cues: CueNode[];
}
interface CueNode {
  kind: 'cue';
  uri: vscode.Uri;
  group: string;
  cue: Cue;
  sentence: Sentence | undefined;
}
interface EntityNode {
  kind: 'entity';
  uri: vscode.Uri;
  id: string;
  mentions: MentionNode[];
}
interface MentionNode {
  kind: 'mention';
  uri: vscode.Uri;
  entity: string;
  start: number;
  end: number;
  text: string;
  sentence: Sentence | undefined;
}
/** "… n more": stands for the children past MAX_CHILDREN of a group on a huge readout. */
interface MoreNode {
  kind: 'more';
  uri: vscode.Uri;
  count: number;
}
export type ViewNode = StatementNode | TopicNode | GroupNode | CueNode | EntityNode | MentionNode | MoreNode;

/**
 * A group lists at most this many children, then a "… n more" item: a tree of tens of thousands of items
 * takes seconds to build and send to the editor. Groups with more than EXPAND_LIMIT children start collapsed,
 * so the editor asks for their items only when the reader opens them.
 */
export const MAX_CHILDREN = 1000;
export const EXPAND_LIMIT = 300;

function expansion(children: number, expanded = vscode.TreeItemCollapsibleState.Expanded): vscode.TreeItemCollapsibleState {
  return children > EXPAND_LIMIT ? vscode.TreeItemCollapsibleState.Collapsed : expanded;
}

function capped(children: ViewNode[], uri: vscode.Uri): ViewNode[] {
  if (children.length <= MAX_CHILDREN) return children;
  return [...children.slice(0, MAX_CHILDREN), { kind: 'more', uri, count: children.length - MAX_CHILDREN }];
}

const SHORT = 70;
function shorten(text: string, max = SHORT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function strongest(cues: Cue[]): Strength | undefined {
  if (cues.some((c) => c.strength === 'firm')) return 'firm';
  return cues.length ? 'hedged' : undefined;
}

export function strengthIcon(strength: Strength | undefined): vscode.ThemeIcon {
  if (strength === 'firm') return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('readoutLens.firmCue'));
  if (strength === 'hedged') return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('readoutLens.hedgedCue'));
  return new vscode.ThemeIcon('dash');
}

function counts(cues: Cue[]): string {
  const firm = cues.filter((c) => c.strength === 'firm').length;
  return `${firm} firm · ${cues.length - firm} hedged`;
}

function revealCommand(uri: vscode.Uri, start: number, end: number): vscode.Command {
  return { title: 'Reveal', command: 'readoutLens.reveal', arguments: [uri, start, end] };
}

/** Shared state of the three views: the readout they follow and its Analysis. */
class ViewModel {
  uri: vscode.Uri | undefined;
  analysis: Analysis | undefined;
  filter: StrengthFilter = 'all';
  sort: SortOrder = 'document';
  grouping: CommitmentGrouping = 'strength';

  passes(cues: Cue[]): boolean {
    return this.filter === 'all' || cues.some((c) => c.strength === this.filter);
  }
}

abstract class BaseProvider implements vscode.TreeDataProvider<ViewNode> {
  protected readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  protected roots: ViewNode[] = [];
  constructor(protected readonly model: ViewModel, protected readonly lexicons: LexiconService) {}

  refresh(): void {
    this.roots = this.model.analysis && this.model.uri ? this.build(this.model.analysis, this.model.uri) : [];
    this.changed.fire();
  }
  protected abstract build(analysis: Analysis, uri: vscode.Uri): ViewNode[];
  abstract getTreeItem(node: ViewNode): vscode.TreeItem;

  getChildren(node?: ViewNode): ViewNode[] {
    if (!node) return this.roots;
    switch (node.kind) {
      case 'topic':
        return capped(node.statements, node.uri);
      case 'group':
        return capped(node.cues, node.uri);
      case 'entity':
        return capped(node.mentions, node.uri);
      default:
        return [];
    }
  }

  protected moreItem(node: MoreNode): vscode.TreeItem {
    const item = new vscode.TreeItem(`… ${node.count.toLocaleString('en-US')} more`, vscode.TreeItemCollapsibleState.None);
    item.tooltip = 'Not listed: this readout is too large to list every item here.';
    return item;
  }

  getParent(node: ViewNode): ViewNode | undefined {
    if (node.kind === 'statement') return this.roots.find((r) => r.kind === 'topic' && r.topic === node.topic);
    if (node.kind === 'cue') return this.roots.find((r) => r.kind === 'group' && r.key === node.group);
    if (node.kind === 'mention') return this.roots.find((r) => r.kind === 'entity' && r.id === node.entity);
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class TopicsProvider extends BaseProvider {
  protected build(analysis: Analysis, uri: vscode.Uri): ViewNode[] {
    const byTopic = new Map<TopicId, StatementNode[]>();
    const cuesBySentence = new Map<number, Cue[]>();
    for (const c of analysis.cues) {
      const list = cuesBySentence.get(c.sentence);
      if (list) list.push(c);
      else cuesBySentence.set(c.sentence, [c]);
    }
    for (const t of analysis.topics) {
      const sentence = analysis.readout.sentences[t.sentence];
      const cues = cuesBySentence.get(t.sentence) ?? [];
      if (!sentence || !this.model.passes(cues)) continue;
      const list = byTopic.get(t.primary) ?? [];
      list.push({ kind: 'statement', uri, topic: t.primary, sentence, cues });
      byTopic.set(t.primary, list);
    }
    const nodes: TopicNode[] = [...byTopic].map(([topic, statements]) => ({ kind: 'topic', uri, topic, statements }));
    if (this.model.sort === 'size') nodes.sort((a, b) => b.statements.length - a.statements.length || a.statements[0].sentence.start - b.statements[0].sentence.start);
    else nodes.sort((a, b) => a.statements[0].sentence.start - b.statements[0].sentence.start);
    return nodes;
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const compiled = this.lexicons.current();
    if (node.kind === 'topic') {
      const entry = compiled?.topicById.get(node.topic);
      const item = new vscode.TreeItem(entry?.label ?? node.topic, expansion(node.statements.length));
      item.id = `topic:${node.topic}`;
      const cues = node.statements.flatMap((s) => s.cues);
      item.description = `${node.statements.length} statement${node.statements.length === 1 ? '' : 's'} · ${counts(cues)}`;
      item.iconPath = new vscode.ThemeIcon(entry?.icon ?? 'symbol-namespace');
      item.tooltip = `${entry?.label ?? node.topic} (${node.topic})`;
      item.contextValue = 'topic';
      return item;
    }
    if (node.kind === 'statement') {
      const actor = node.cues.find((c) => c.actor)?.actor;
      const item = new vscode.TreeItem(actor ? `${actor}:` : shorten(node.sentence.text, 50), vscode.TreeItemCollapsibleState.None);
      item.id = `statement:${node.topic}:${node.sentence.index}`;
      // "Biden and Kishida: shared the importance …" rather than repeating the actor the sentence opens with.
      const flat = node.sentence.text.replace(/\s+/g, ' ').trim();
      const rest = actor && flat.toLowerCase().startsWith(actor.toLowerCase()) ? flat.slice(actor.length).trim() : flat;
      item.description = actor ? shorten(rest) : undefined;
      item.iconPath = strengthIcon(strongest(node.cues));
      const md = new vscode.MarkdownString();
      md.appendText(node.sentence.text.replace(/\s+/g, ' '));
      if (node.cues.length) md.appendMarkdown(`\n\n---\n\n${node.cues.map((c) => `- **${c.strength}**${c.negated ? ' (negated)' : ''}: ${c.text.replace(/[*_`]/g, '')}`).join('\n')}`);
      item.tooltip = md;
      item.command = revealCommand(node.uri, node.sentence.start, node.sentence.end);
      item.contextValue = 'statement';
      return item;
    }
    if (node.kind === 'more') return this.moreItem(node);
    return new vscode.TreeItem('');
  }

  /** The statement node of the sentence at `offset`, for follow-cursor. */
  statementAt(offset: number): StatementNode | undefined {
    for (const r of this.roots) {
      if (r.kind !== 'topic') continue;
      const hit = r.statements.slice(0, MAX_CHILDREN).find((s) => offset >= s.sentence.start && offset <= s.sentence.end);
      if (hit) return hit;
    }
    return undefined;
  }
}

export class CommitmentsProvider extends BaseProvider {
  protected build(analysis: Analysis, uri: vscode.Uri): ViewNode[] {
    const groups = new Map<string, GroupNode>();
    for (const cue of analysis.cues) {
      if (!this.model.passes([cue])) continue;
      const key = this.model.grouping === 'strength' ? cue.strength : (cue.actor ?? '(actor not found)');
      const label = this.model.grouping === 'strength' ? (cue.strength === 'firm' ? 'Firm' : 'Hedged') : key;
      const group = groups.get(key) ?? { kind: 'group', uri, key, label, cues: [] };
      group.cues.push({ kind: 'cue', uri, group: key, cue, sentence: analysis.readout.sentences[cue.sentence] });
      groups.set(key, group);
    }
    const nodes = [...groups.values()];
    if (this.model.grouping === 'strength') nodes.sort((a, b) => (a.key === 'firm' ? -1 : b.key === 'firm' ? 1 : 0));
    else if (this.model.sort === 'size') nodes.sort((a, b) => b.cues.length - a.cues.length || a.cues[0].cue.start - b.cues[0].cue.start);
    else nodes.sort((a, b) => a.cues[0].cue.start - b.cues[0].cue.start);
    return nodes;
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, expansion(node.cues.length));
      item.id = `group:${this.model.grouping}:${node.key}`;
      item.description = this.model.grouping === 'strength' ? `${node.cues.length}` : counts(node.cues.map((c) => c.cue));
      item.iconPath = this.model.grouping === 'strength' ? strengthIcon(node.key as Strength) : new vscode.ThemeIcon('person');
      return item;
    }
    if (node.kind === 'cue') {
      const c = node.cue;
      const item = new vscode.TreeItem(c.text, vscode.TreeItemCollapsibleState.None);
      item.id = `cue:${c.start}:${c.end}`;
      item.description = [c.negated ? 'negated' : '', this.model.grouping === 'strength' ? (c.actor ?? '') : c.strength].filter(Boolean).join(' · ');
      item.iconPath = strengthIcon(c.strength);
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${c.strength === 'firm' ? 'Firm' : 'Hedged'}${c.negated ? ' (negated)' : ''}**${c.actor ? ` — ${c.actor.replace(/[*_`]/g, '')}` : ''}\n\n`);
      if (node.sentence) md.appendText(node.sentence.text.replace(/\s+/g, ' '));
      item.tooltip = md;
      item.command = revealCommand(node.uri, c.start, c.end);
      return item;
    }
    if (node.kind === 'more') return this.moreItem(node);
    return new vscode.TreeItem('');
  }
}

export class EntitiesProvider extends BaseProvider {
  protected build(analysis: Analysis, uri: vscode.Uri): ViewNode[] {
    const byId = new Map<string, EntityNode>();
    for (const m of analysis.entities) {
      const node = byId.get(m.id) ?? { kind: 'entity', uri, id: m.id, mentions: [] };
      node.mentions.push({ kind: 'mention', uri, entity: m.id, start: m.start, end: m.end, text: m.text, sentence: analysis.readout.sentences[m.sentence] });
      byId.set(m.id, node);
    }
    const nodes = [...byId.values()];
    if (this.model.sort === 'size') nodes.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
    else nodes.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
    return nodes;
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const compiled = this.lexicons.current();
    if (node.kind === 'entity') {
      const entry = compiled?.entityById.get(node.id);
      const item = new vscode.TreeItem(entry?.name ?? node.id, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${node.id}`;
      item.description = `${entry ? entityTypeLabel(entry.type) : ''} · ${node.mentions.length}`;
      item.tooltip = entry?.definition;
      item.iconPath = new vscode.ThemeIcon(entityIcon(entry?.type));
      return item;
    }
    if (node.kind === 'mention') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.id = `mention:${node.entity}:${node.start}`;
      item.description = node.sentence ? shorten(node.sentence.text) : undefined;
      item.tooltip = node.sentence?.text;
      item.command = revealCommand(node.uri, node.start, node.end);
      return item;
    }
    if (node.kind === 'more') return this.moreItem(node);
    return new vscode.TreeItem('');
  }
}

function entityIcon(type: string | undefined): string {
  switch (type) {
    case 'person':
      return 'person';
    case 'place':
      return 'location';
    case 'org':
      return 'organization';
    case 'agreement':
      return 'law';
    case 'forum':
      return 'comment-discussion';
    case 'initiative':
      return 'rocket';
    default:
      return 'symbol-misc';
  }
}

/** Creates the three views and the commands of their title bars. */
export class ReadoutViews implements vscode.Disposable {
  readonly model = new ViewModel();
  readonly topics: TopicsProvider;
  readonly commitments: CommitmentsProvider;
  readonly entities: EntitiesProvider;
  readonly topicsView: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly analyses: AnalysisService, lexicons: LexiconService) {
    this.topics = new TopicsProvider(this.model, lexicons);
    this.commitments = new CommitmentsProvider(this.model, lexicons);
    this.entities = new EntitiesProvider(this.model, lexicons);
    this.topicsView = vscode.window.createTreeView('readoutLens.topics', { treeDataProvider: this.topics, showCollapseAll: true });
    const commitmentsView = vscode.window.createTreeView('readoutLens.commitments', { treeDataProvider: this.commitments, showCollapseAll: true });
    const entitiesView = vscode.window.createTreeView('readoutLens.entities', { treeDataProvider: this.entities, showCollapseAll: true });
    this.disposables.push(
      this.topicsView,
      commitmentsView,
      entitiesView,
      this.topics,
      this.commitments,
      this.entities,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      analyses.onDidAnalyze(({ document }) => {
        if (document === vscode.window.activeTextEditor?.document) this.scheduleRefresh();
      }),
      analyses.onDidClose((uri) => {
        if (this.model.uri?.toString() === uri.toString() && !vscode.window.activeTextEditor) this.follow();
      }),
      lexicons.onDidChange(() => this.scheduleRefresh()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.revealAtCursor(e.textEditor)),
      vscode.commands.registerCommand('readoutLens.reveal', (uri: vscode.Uri, start: number, end: number) => reveal(uri, start, end)),
      vscode.commands.registerCommand('readoutLens.filterAll', () => this.setFilter('all')),
      vscode.commands.registerCommand('readoutLens.filterFirm', () => this.setFilter('firm')),
      vscode.commands.registerCommand('readoutLens.filterHedged', () => this.setFilter('hedged')),
      vscode.commands.registerCommand('readoutLens.sortByDocument', () => this.setSort('document')),
      vscode.commands.registerCommand('readoutLens.sortBySize', () => this.setSort('size')),
      vscode.commands.registerCommand('readoutLens.groupByStrength', () => this.setGrouping('strength')),
      vscode.commands.registerCommand('readoutLens.groupByActor', () => this.setGrouping('actor')),
    );
    void this.setContext();
    this.follow();
  }

  /** Follows the active editor when it is a readout; keeps showing the last readout otherwise. */
  private follow(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (isReadout(doc)) {
      this.model.uri = doc.uri;
      void this.analyses.getAsync(doc).then((a) => {
        if (this.model.uri?.toString() !== doc.uri.toString()) return;
        this.model.analysis = a;
        this.refreshNow();
      });
    } else if (this.model.uri && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === this.model.uri?.toString())) {
      this.model.uri = undefined;
      this.model.analysis = undefined;
      this.refreshNow();
    }
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.follow(), 100);
  }

  /** Rebuilds all three trees now (tests and title-bar actions call this). */
  refreshNow(): void {
    this.topics.refresh();
    this.commitments.refresh();
    this.entities.refresh();
    void vscode.commands.executeCommand('setContext', 'readoutLens.hasReadout', !!this.model.analysis);
  }

  private revealAtCursor(editor: vscode.TextEditor): void {
    if (!getSettings(editor.document.uri).followCursor || !this.topicsView.visible) return;
    if (editor.document.uri.toString() !== this.model.uri?.toString()) return;
    const analysis = this.model.analysis;
    if (!analysis) return;
    const offset = editor.document.offsetAt(editor.selection.active);
    if (!spanAt(analysis.readout.sentences, offset)) return;
    const node = this.topics.statementAt(offset);
    if (node) void this.topicsView.reveal(node, { select: true, focus: false, expand: true });
  }

  setFilter(filter: StrengthFilter): void {
    this.model.filter = filter;
    void this.setContext();
    this.refreshNow();
  }

  setSort(sort: SortOrder): void {
    this.model.sort = sort;
    void this.setContext();
    this.refreshNow();
  }

  setGrouping(grouping: CommitmentGrouping): void {
    this.model.grouping = grouping;
    void this.setContext();
    this.refreshNow();
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'readoutLens.filter', this.model.filter);
    await vscode.commands.executeCommand('setContext', 'readoutLens.sort', this.model.sort);
    await vscode.commands.executeCommand('setContext', 'readoutLens.grouping', this.model.grouping);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Opens the document and selects [start, end), centring it in the editor. */
export async function reveal(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false, preview: true });
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
