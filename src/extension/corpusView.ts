// The Corpus view (readoutLens.corpus): the tree of corpusTree.ts, its grouping toggle and its filters by
// topic, entity, government and date range (one quick pick or input box each), the active filter in the view's
// description. Filter commands take their value as an argument too, so other commands and tests can set one.
import * as vscode from 'vscode';
import { parseDateRange } from '../core/corpus/timeline';
import type { TopicId } from '../core/types';
import type { CorpusFilter, CorpusModel, ReadoutSummary } from './corpusModel';
import { CorpusTreeProvider, type CorpusGrouping, type CorpusNode } from './corpusTree';
import type { LexiconService } from './lexiconService';

export type { CorpusGrouping, CorpusNode } from './corpusTree';

type FilterKind = 'topic' | 'entity' | 'government' | 'date';

/** Readouts per value of a facet, most first. */
function tally(summaries: readonly ReadoutSummary[], values: (s: ReadoutSummary) => Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of summaries) for (const v of new Set(values(s))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const readouts = (n: number): string => `${n} readout${n === 1 ? '' : 's'}`;

export class CorpusView implements vscode.Disposable {
  readonly tree: CorpusTreeProvider;
  readonly view: vscode.TreeView<CorpusNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusModel, private readonly lexicons: LexiconService) {
    this.tree = new CorpusTreeProvider(corpus, lexicons);
    this.view = vscode.window.createTreeView('readoutLens.corpus', { treeDataProvider: this.tree, showCollapseAll: true });
    const filterBy = (kind: FilterKind) => (value?: unknown) => this.filterBy(kind, value);
    this.disposables.push(
      this.view,
      this.tree,
      // A hidden view is brought up to date when it is shown: no regrouping of the corpus nobody sees.
      corpus.onDidChange(() => this.refreshIfVisible()),
      lexicons.onDidChange(() => this.refreshIfVisible()),
      this.view.onDidChangeVisibility(() => {
        if (this.view.visible && this.stale) this.refresh();
      }),
      vscode.commands.registerCommand('readoutLens.corpus.groupByDate', () => this.setGrouping('date')),
      vscode.commands.registerCommand('readoutLens.corpus.groupByCounterpart', () => this.setGrouping('counterpart')),
      vscode.commands.registerCommand('readoutLens.corpus.filter', () => this.chooseFilter()),
      vscode.commands.registerCommand('readoutLens.corpus.filterByTopic', filterBy('topic')),
      vscode.commands.registerCommand('readoutLens.corpus.filterByEntity', filterBy('entity')),
      vscode.commands.registerCommand('readoutLens.corpus.filterByGovernment', filterBy('government')),
      vscode.commands.registerCommand('readoutLens.corpus.filterByDate', filterBy('date')),
      vscode.commands.registerCommand('readoutLens.corpus.clearFilters', () => this.setFilter({})),
    );
    this.refresh();
  }

  setGrouping(grouping: CorpusGrouping): void {
    this.tree.grouping = grouping;
    this.refresh();
  }

  setFilter(filter: CorpusFilter): void {
    this.tree.filter = filter;
    this.refresh();
  }

  /** A change came while the view was hidden. */
  private stale = false;

  private refreshIfVisible(): void {
    if (this.view.visible) this.refresh();
    else {
      this.stale = true;
      // The title-bar commands and the welcome follow the corpus even while the view is hidden.
      this.setContext('readoutLens.corpusAvailable', this.corpus.available);
    }
  }

  /** Rebuilds the tree when it is next shown, and sets the description, message and title-bar context now. */
  refresh(): void {
    this.stale = false;
    this.tree.refresh();
    const available = this.corpus.available;
    const filter = this.tree.filter;
    const active = this.describe(filter);
    if (available && active.length) {
      const total = this.corpus.summaries().length;
      const shown = this.corpus.filtered(filter).length;
      this.view.description = `${active.join(' · ')} (${shown} of ${total})`;
      this.view.message = shown ? undefined : `No readout matches ${active.join(', ')}. Clear Filters (title bar) shows them all.`;
    } else {
      this.view.description = available ? readouts(this.corpus.summaries().length) : undefined;
      this.view.message = undefined;
    }
    this.setContext('readoutLens.corpusAvailable', available);
    this.setContext('readoutLens.corpusGrouping', this.tree.grouping);
    this.setContext('readoutLens.corpusFiltered', active.length > 0);
  }

  /** Context keys as last set: each setContext is a message to the window, and the corpus changes often. */
  private readonly contexts = new Map<string, unknown>();

  private setContext(key: string, value: unknown): void {
    if (this.contexts.has(key) && this.contexts.get(key) === value) return;
    this.contexts.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  /** The active filter in words: "topic Taiwan", "issued by United States", "dated 2022..2023". */
  describe(f: CorpusFilter): string[] {
    const compiled = this.lexicons.current();
    const out: string[] = [];
    if (f.topic) out.push(`topic ${compiled?.topicById.get(f.topic)?.label ?? f.topic}`);
    if (f.entity) out.push(`naming ${compiled?.entityById.get(f.entity)?.name ?? f.entity}`);
    if (f.government) out.push(`issued by ${f.government}`);
    if (f.from || f.to) out.push(f.from === f.to ? `dated ${f.from}` : `dated ${f.from ?? '…'}..${f.to ?? '…'}`);
    return out;
  }

  private async chooseFilter(): Promise<void> {
    const kinds: (vscode.QuickPickItem & { filter: FilterKind })[] = [
      { label: '$(symbol-namespace) Topic…', filter: 'topic', description: this.tree.filter.topic },
      { label: '$(symbol-class) Entity…', filter: 'entity', description: this.tree.filter.entity },
      { label: '$(organization) Government…', filter: 'government', description: this.tree.filter.government },
      { label: '$(calendar) Date range…', filter: 'date', description: this.describe({ from: this.tree.filter.from, to: this.tree.filter.to })[0] },
    ];
    const choice = await vscode.window.showQuickPick(kinds, { title: 'Filter the Corpus view by', placeHolder: 'Each filter narrows the ones already set' });
    if (choice) await this.filterBy(choice.filter);
  }

  /** Sets one filter from `value` when given (an empty string clears it), else from a quick pick or input box. */
  async filterBy(kind: FilterKind, value?: unknown): Promise<void> {
    const given = typeof value === 'string' ? value : undefined;
    const chosen = given ?? (await this.ask(kind));
    if (chosen === undefined) return;
    const filter: CorpusFilter = { ...this.tree.filter };
    if (kind === 'date') {
      const range = parseDateRange(chosen);
      if (!range) return void vscode.window.showWarningMessage(`Readout Lens: "${chosen}" is no date range (try 2022, 2022-03..2023 or ..2021-06).`);
      delete filter.from;
      delete filter.to;
      Object.assign(filter, range);
    } else if (!chosen) delete filter[kind];
    else if (kind === 'topic') filter.topic = chosen as TopicId;
    else filter[kind] = chosen;
    this.setFilter(filter);
  }

  private async ask(kind: FilterKind): Promise<string | undefined> {
    const all = this.corpus.summaries();
    const compiled = this.lexicons.current();
    if (kind === 'date') {
      const f = this.tree.filter;
      return vscode.window.showInputBox({
        title: 'Filter the Corpus view by date',
        prompt: 'A year, a month or a day, or a range of them: 2022, 2022-03..2023, ..2021-06 (empty: any date)',
        value: f.from || f.to ? (f.from === f.to ? (f.from ?? '') : `${f.from ?? ''}..${f.to ?? ''}`) : '',
        validateInput: (text) => (parseDateRange(text) ? undefined : 'A date (2022, 2022-03, 2022-03-15) or a range of them with ..'),
      });
    }
    let rows: [string, number][];
    let label: (id: string) => string;
    if (kind === 'topic') {
      rows = tally(all, (s) => Object.keys(s.topics));
      label = (id) => compiled?.topicById.get(id)?.label ?? id;
    } else if (kind === 'entity') {
      rows = tally(all, (s) => s.entities);
      label = (id) => compiled?.entityById.get(id)?.name ?? id;
    } else {
      rows = tally(all, (s) => [s.government ?? s.home].filter((g): g is string => !!g));
      label = (id) => id;
    }
    type Item = vscode.QuickPickItem & { value: string };
    const items: Item[] = rows.map(([id, n]) => ({ label: label(id), description: readouts(n), value: id }));
    if (this.tree.filter[kind]) items.unshift({ label: '$(clear-all) Any', description: 'clear this filter', value: '', alwaysShow: true });
    const choice = await vscode.window.showQuickPick(items, { title: `Filter the Corpus view by ${kind}`, matchOnDescription: false });
    return choice?.value;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
