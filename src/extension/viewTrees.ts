// The three tree views' data: Topics (topic → statements), Commitments (cues by strength or actor) and
// Entities (entity → mentions), built lazily from the followed readout's Analysis and its filters.
import * as vscode from 'vscode';
import { entityTypeLabel } from '../core/report/cards';
import { introduction } from '../core/report/unknownNames';
import type { Analysis, Cue, Sentence, Strength, TopicId } from '../core/types';
import type { LexiconService } from './lexiconService';
import { formatCount } from '../core/text/format';
import { escapeText, tableCell } from '../core/report/markdownText';
import { explainTopic, topTerms } from '../core/report/topicEvidence';

export type StrengthFilter = 'all' | 'firm' | 'hedged';
export type SortOrder = 'document' | 'size';
export type CommitmentGrouping = 'strength' | 'actor';

interface StatementNode {
  kind: 'statement';
  uri: vscode.Uri;
  topic: TopicId;
  sentence: Sentence;
  cues: Cue[];
  /** The Analysis the sentence belongs to (for why it has its topic). */
  analysis: Analysis;
}
/**
 * The nodes with children hold indices into their Analysis, not child nodes: a view builds its root nodes when
 * the editor asks for them, and a group's child nodes only when the group is expanded (see BaseProvider).
 */
interface TopicNode {
  kind: 'topic';
  uri: vscode.Uri;
  analysis: Analysis;
  topic: TopicId;
  /** Indices of the statements' sentences, in document order. */
  items: number[];
  firm: number;
  hedged: number;
}
interface GroupNode {
  kind: 'group';
  uri: vscode.Uri;
  analysis: Analysis;
  key: string;
  label: string;
  /** Indices into analysis.cues. */
  items: number[];
  firm: number;
  hedged: number;
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
  analysis: Analysis;
  id: string;
  /** Indices into analysis.entities. */
  items: number[];
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
type ParentNode = TopicNode | GroupNode | EntityNode;
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

function counts(firm: number, hedged: number): string {
  return `${firm} firm · ${hedged} hedged`;
}

function revealCommand(uri: vscode.Uri, start: number, end: number): vscode.Command {
  return { title: 'Reveal', command: 'readoutLens.reveal', arguments: [uri, start, end] };
}

/** The cues of each sentence and their firm / hedged counts, computed once per Analysis in one pass. */
class SentenceCues {
  private static readonly byAnalysis = new WeakMap<Analysis, SentenceCues>();
  readonly firm: Uint32Array;
  readonly hedged: Uint32Array;
  /** Cue indices grouped by sentence: those of sentence s are order[first[s] .. first[s + 1]). */
  private readonly first: Int32Array;
  private readonly order: Int32Array;

  static of(analysis: Analysis): SentenceCues {
    let hit = SentenceCues.byAnalysis.get(analysis);
    if (!hit) {
      hit = new SentenceCues(analysis);
      SentenceCues.byAnalysis.set(analysis, hit);
    }
    return hit;
  }

  private constructor(private readonly analysis: Analysis) {
    const n = analysis.readout.sentences.length;
    const cues = analysis.cues;
    this.firm = new Uint32Array(n);
    this.hedged = new Uint32Array(n);
    this.first = new Int32Array(n + 1);
    for (const c of cues) {
      if (c.sentence < 0 || c.sentence >= n) continue;
      if (c.strength === 'firm') this.firm[c.sentence]++;
      else this.hedged[c.sentence]++;
      this.first[c.sentence + 1]++;
    }
    for (let s = 0; s < n; s++) this.first[s + 1] += this.first[s];
    const next = this.first.slice(0, n);
    this.order = new Int32Array(this.first[n]);
    for (let i = 0; i < cues.length; i++) {
      const s = cues[i].sentence;
      if (s >= 0 && s < n) this.order[next[s]++] = i;
    }
  }

  cuesOf(sentence: number): Cue[] {
    const out: Cue[] = [];
    if (sentence < 0 || sentence + 1 >= this.first.length) return out;
    for (let k = this.first[sentence]; k < this.first[sentence + 1]; k++) out.push(this.analysis.cues[this.order[k]]);
    return out;
  }
}

/** Shared state of the three views: the readout they follow and its Analysis. */
export class ViewModel {
  uri: vscode.Uri | undefined;
  analysis: Analysis | undefined;
  filter: StrengthFilter = 'all';
  sort: SortOrder = 'document';
  grouping: CommitmentGrouping = 'strength';

  /** Whether a statement or cue with these counts of firm and hedged cues passes the strength filter. */
  passes(firm: number, hedged: number): boolean {
    return this.filter === 'all' || (this.filter === 'firm' ? firm > 0 : hedged > 0);
  }
}

/**
 * Builds nothing until the editor (or a caller) asks: refresh() only drops what was built, the root nodes are
 * built on the first getChildren() after it, and a group's child nodes when the group is first expanded (at
 * most MAX_CHILDREN of them), so an analysis of a large readout costs a view nothing while it is hidden.
 * The tree API passes getChildren no cancellation token: the view owns one, cancelled when a refresh makes
 * what a request would build stale, and when the view is disposed.
 */
abstract class BaseProvider implements vscode.TreeDataProvider<ViewNode> {
  protected readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private built: ViewNode[] | undefined;
  private childrenOf = new WeakMap<ParentNode, ViewNode[]>();
  private requests = new vscode.CancellationTokenSource();
  constructor(protected readonly model: ViewModel, protected readonly lexicons: LexiconService) {}

  refresh(): void {
    this.requests.cancel();
    this.requests.dispose();
    this.requests = new vscode.CancellationTokenSource();
    this.built = undefined;
    this.childrenOf = new WeakMap();
    this.changed.fire();
  }

  protected get roots(): ViewNode[] {
    this.built ??= this.model.analysis && this.model.uri ? this.build(this.model.analysis, this.model.uri) : [];
    return this.built;
  }

  protected abstract build(analysis: Analysis, uri: vscode.Uri): ViewNode[];
  /** The child node for the parent's `index`-th item. */
  protected abstract child(node: ParentNode, item: number): ViewNode | undefined;
  abstract getTreeItem(node: ViewNode): vscode.TreeItem;

  /** The node's children (the roots without one); none once `token` (by default the view's own) is cancelled. */
  getChildren(node?: ViewNode, token: vscode.CancellationToken = this.requests.token): ViewNode[] {
    if (token.isCancellationRequested) return [];
    if (!node) return this.roots;
    if (node.kind !== 'topic' && node.kind !== 'group' && node.kind !== 'entity') return [];
    let children = this.childrenOf.get(node);
    if (!children) {
      children = [];
      const shown = Math.min(node.items.length, MAX_CHILDREN);
      for (let i = 0; i < shown; i++) {
        const c = this.child(node, node.items[i]);
        if (c) children.push(c);
      }
      if (node.items.length > MAX_CHILDREN) children.push({ kind: 'more', uri: node.uri, count: node.items.length - MAX_CHILDREN });
      this.childrenOf.set(node, children);
    }
    return children;
  }

  protected moreItem(node: MoreNode): vscode.TreeItem {
    const item = new vscode.TreeItem(`… ${formatCount(node.count)} more`, vscode.TreeItemCollapsibleState.None);
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
    this.requests.cancel();
    this.requests.dispose();
    this.changed.dispose();
  }
}

export class TopicsProvider extends BaseProvider {
  protected build(analysis: Analysis, uri: vscode.Uri): ViewNode[] {
    const byTopic = new Map<TopicId, TopicNode>();
    const sc = SentenceCues.of(analysis);
    const sentences = analysis.readout.sentences;
    for (const t of analysis.topics) {
      const s = t.sentence;
      if (!sentences[s]) continue;
      const firm = sc.firm[s];
      const hedged = sc.hedged[s];
      if (!this.model.passes(firm, hedged)) continue;
      let node = byTopic.get(t.primary);
      if (!node) {
        node = { kind: 'topic', uri, analysis, topic: t.primary, items: [], firm: 0, hedged: 0 };
        byTopic.set(t.primary, node);
      }
      node.items.push(s);
      node.firm += firm;
      node.hedged += hedged;
    }
    const nodes = [...byTopic.values()];
    const first = (n: TopicNode): number => sentences[n.items[0]].start;
    sortGroups(nodes, this.model.sort, first);
    return nodes;
  }

  protected child(node: ParentNode, item: number): ViewNode | undefined {
    if (node.kind !== 'topic') return undefined;
    const sentence = node.analysis.readout.sentences[item];
    return sentence && { kind: 'statement', uri: node.uri, topic: node.topic, sentence, cues: SentenceCues.of(node.analysis).cuesOf(item), analysis: node.analysis };
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const compiled = this.lexicons.current();
    if (node.kind === 'topic') {
      const entry = compiled?.topicById.get(node.topic);
      const n = node.items.length;
      const item = new vscode.TreeItem(entry?.label ?? node.topic, expansion(n));
      item.id = `topic:${node.topic}`;
      item.description = `${n} statement${n === 1 ? '' : 's'} · ${counts(node.firm, node.hedged)}`;
      item.iconPath = new vscode.ThemeIcon(entry?.icon ?? 'symbol-namespace');
      const terms = topTerms(node.analysis, node.topic, 5);
      item.tooltip = `${entry?.label ?? node.topic} (${node.topic})${terms.length > 0 ? `\nMost of its evidence: ${terms.join(', ')}` : ''}`;
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
      if (node.cues.length) md.appendMarkdown(`\n\n---\n\n${node.cues.map((c) => `- **${c.strength}**${c.negated ? ' (negated)' : ''}: ${tableCell(c.text)}`).join('\n')}`);
      const why = explainTopic(node.analysis, node.sentence.index, (id) => compiled?.topicById.get(id as TopicId)?.label ?? id);
      if (why !== undefined) md.appendMarkdown(`\n\n---\n\n**Why this topic:** ${escapeText(why)}`);
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
      const sentences = r.analysis.readout.sentences;
      const shown = Math.min(r.items.length, MAX_CHILDREN);
      for (let k = 0; k < shown; k++) {
        const s = sentences[r.items[k]];
        if (offset >= s.start && offset <= s.end) {
          const hit = this.getChildren(r)[k];
          return hit?.kind === 'statement' ? hit : undefined;
        }
      }
    }
    return undefined;
  }
}

export class CommitmentsProvider extends BaseProvider {
  protected build(analysis: Analysis, uri: vscode.Uri): ViewNode[] {
    const groups = new Map<string, GroupNode>();
    const byStrength = this.model.grouping === 'strength';
    const cues = analysis.cues;
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i];
      const firm = cue.strength === 'firm';
      if (!this.model.passes(firm ? 1 : 0, firm ? 0 : 1)) continue;
      const key = byStrength ? cue.strength : (cue.actor ?? '(actor not found)');
      let group = groups.get(key);
      if (!group) {
        const label = byStrength ? (firm ? 'Firm' : 'Hedged') : key;
        group = { kind: 'group', uri, analysis, key, label, items: [], firm: 0, hedged: 0 };
        groups.set(key, group);
      }
      group.items.push(i);
      if (firm) group.firm++;
      else group.hedged++;
    }
    const nodes = [...groups.values()];
    const first = (g: GroupNode): number => cues[g.items[0]].start;
    if (byStrength) nodes.sort((a, b) => (a.key === 'firm' ? -1 : b.key === 'firm' ? 1 : 0));
    else sortGroups(nodes, this.model.sort, first);
    return nodes;
  }

  protected child(node: ParentNode, item: number): ViewNode | undefined {
    if (node.kind !== 'group') return undefined;
    const cue = node.analysis.cues[item];
    return cue && { kind: 'cue', uri: node.uri, group: node.key, cue, sentence: node.analysis.readout.sentences[cue.sentence] };
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, expansion(node.items.length));
      item.id = `group:${this.model.grouping}:${node.key}`;
      item.description = this.model.grouping === 'strength' ? `${node.items.length}` : counts(node.firm, node.hedged);
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
      md.appendMarkdown(`**${c.strength === 'firm' ? 'Firm' : 'Hedged'}${c.negated ? ' (negated)' : ''}**${c.actor ? ` — ${tableCell(c.actor)}` : ''}\n\n`);
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
    const mentions = analysis.entities;
    for (let i = 0; i < mentions.length; i++) {
      const id = mentions[i].id;
      let node = byId.get(id);
      if (!node) {
        node = { kind: 'entity', uri, analysis, id, items: [] };
        byId.set(id, node);
      }
      node.items.push(i);
    }
    const nodes = [...byId.values()];
    const first = (n: EntityNode): number => mentions[n.items[0]].start;
    sortGroups(nodes, this.model.sort, first);
    return nodes;
  }

  protected child(node: ParentNode, item: number): ViewNode | undefined {
    if (node.kind !== 'entity') return undefined;
    const m = node.analysis.entities[item];
    return m && { kind: 'mention', uri: node.uri, entity: m.id, start: m.start, end: m.end, text: m.text, sentence: node.analysis.readout.sentences[m.sentence] };
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const compiled = this.lexicons.current();
    if (node.kind === 'entity') {
      const entry = compiled?.entityById.get(node.id);
      // A name no lexicon knows (E5) has no entry: its first mention says what the readout made of it.
      const first = node.analysis.entities[node.items[0]];
      const unknown = !entry && first?.known === false;
      const type = entry?.type ?? first?.type;
      const item = new vscode.TreeItem(entry?.name ?? first?.name ?? node.id, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${node.id}`;
      item.description = `${type ? entityTypeLabel(type) : ''}${unknown ? ' · not in a lexicon' : ''} · ${node.items.length}`;
      item.tooltip = entry?.definition ?? (unknown ? `Not in your lexicons. ${introduction(first.evidence).replace(/`/g, '')}.` : undefined);
      item.iconPath = new vscode.ThemeIcon(entityIcon(type));
      // For the item's menus (Show Timeline reads a lexicon entity's id).
      item.contextValue = unknown ? 'unknownEntity' : 'entity';
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

/** Groups by size (largest first, then document order) or in document order, as the views' sort setting says. */
function sortGroups<T extends { items: readonly number[] }>(nodes: T[], sort: SortOrder, first: (n: T) => number): void {
  if (sort === 'size') nodes.sort((a, b) => b.items.length - a.items.length || first(a) - first(b));
  else nodes.sort((a, b) => first(a) - first(b));
}
