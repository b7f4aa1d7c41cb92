// The Corpus view and Since Last Time in a real VS Code, on readouts of our own (test/fixtures/corpus-view,
// copied into the test workspace): the welcome before the workspace is analysed, readouts by counterpart and by
// date with their counts and topics, a filter, a click that opens a readout, and Since Last Time with and
// without an earlier readout. On ../shared/samples/wh-readouts: workspacePerformanceCorpus.test.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import type { CorpusNode } from '../../src/extension/corpusView';
import type { SinceResult } from '../../src/extension/sinceLastTime';
import { EXTENSION_ID, activateExtension, waitFor, workspaceRoot } from './util';

const FOLDER = 'corpus-view';
const fixtures = (): string => path.join(__dirname, '..', '..', '..', 'test', 'fixtures', FOLDER);
const file = (name: string): vscode.Uri => vscode.Uri.file(path.join(workspaceRoot(), FOLDER, name));
const OURS = ['brazil-2022-07-01', 'japan-2023-02-10', 'canada-2023-11-20', 'japan-2024-04-05'];
const ours = (n: CorpusNode): boolean => n.kind === 'readout' && n.summary.path.includes(`/${FOLDER}/`);
const nameOf = (n: CorpusNode): string => (n.kind === 'readout' ? path.basename(vscode.Uri.parse(n.summary.path).path, '.readout') : n.label);

function compareTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('readoutLens.compare'));
}

describe('corpus view', function () {
  this.timeout(90_000);
  let api: ReadoutLensApi;
  const children = (node?: CorpusNode): CorpusNode[] => api.corpusView.tree.getChildren(node);
  const group = (label: string): CorpusNode => {
    const g = children().find((n) => n.kind === 'group' && n.label === label);
    assert.ok(g, `a group "${label}" among ${children().map(nameOf).join(', ')}`);
    return g;
  };

  before(async () => {
    fs.cpSync(fixtures(), path.join(workspaceRoot(), FOLDER), { recursive: true });
    api = (await activateExtension()).exports as ReadoutLensApi;
  });

  after(async () => {
    api.corpusView.setFilter({});
    api.corpusView.setGrouping('counterpart');
    // Analyze Workspace keeps the workspace analysed until the setting goes back to openFiles: it never left
    // openFiles here, so it is set and reset for the tests after these to start from nothing analysed.
    const config = vscode.workspace.getConfiguration();
    await config.update('readoutLens.workspace.analyze', 'workspace', vscode.ConfigurationTarget.Workspace);
    await config.update('readoutLens.workspace.analyze', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => (api.corpus.available ? undefined : true), 'workspace analysis stopped');
    await vscode.window.tabGroups.close(compareTabs());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceRoot(), FOLDER), { recursive: true, force: true });
  });

  it('offers Analyze Workspace while the workspace is not analysed', () => {
    assert.strictEqual(api.corpus.available, false);
    assert.deepStrictEqual(children(), []);
    const welcome = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { viewsWelcome: { view: string; contents: string; when: string }[] } }).contributes.viewsWelcome;
    const ours = welcome.find((w) => w.view === 'readoutLens.corpus' && w.when === '!readoutLens.corpusAvailable');
    assert.ok(ours?.contents.includes('(command:readoutLens.analyzeWorkspace)'), 'a button that runs Analyze Workspace');
  });

  it('lists the readouts by counterpart with their counts and main topics once the workspace is analysed', async () => {
    await vscode.commands.executeCommand('readoutLens.analyzeWorkspace');
    await waitFor(() => (OURS.every((n) => api.corpus.summary(file(`${n}.readout`))) ? true : undefined), 'the summaries of our readouts');
    assert.strictEqual(api.corpus.available, true);
    const japan = group('Japan');
    const items = children(japan);
    assert.deepStrictEqual(items.filter(ours).map(nameOf), ['japan-2023-02-10', 'japan-2024-04-05'], 'in date order');
    const item = api.corpusView.tree.getTreeItem(items.filter(ours)[0]);
    assert.strictEqual(item.label, "Readout of the Secretary's Call with the Foreign Minister of Japan");
    assert.match(String(item.description), /^2023-02-10 · 1 firm · 2 hedged · .*Taiwan/);
    // appendText escapes Markdown: spaces as &nbsp;, punctuation with a backslash.
    const tip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.ok(tip.includes('Date: 2023-02-10') && tip.includes('Counterparts: Japan') && tip.includes('Foreign Minister of Japan**'), tip);
    assert.strictEqual(item.contextValue, 'corpusReadout');
    assert.match(String(api.corpusView.tree.getTreeItem(japan).description), /^2 readouts · 2 firm · 4 hedged$/);
    assert.ok(children(group('Canada')).some((n) => nameOf(n) === 'canada-2023-11-20'));
  });

  it('groups by year and month', async () => {
    await vscode.commands.executeCommand('readoutLens.corpus.groupByDate');
    const y2023 = group('2023');
    const months = children(y2023);
    assert.ok(months.some((m) => m.kind === 'group' && m.label === 'February 2023'));
    const november = months.find((m) => m.kind === 'group' && m.label === 'November 2023');
    assert.ok(november);
    assert.deepStrictEqual(children(november).filter(ours).map(nameOf), ['canada-2023-11-20']);
    const years = children().map(nameOf);
    assert.ok(years.indexOf('2022') < years.indexOf('2023') && years.indexOf('2023') < years.indexOf('2024'), years.join(', '));
    await vscode.commands.executeCommand('readoutLens.corpus.groupByCounterpart');
    assert.ok(group('Japan'));
  });

  it('filters by topic and by date range, says so in the view, and clears the filters', async () => {
    await vscode.commands.executeCommand('readoutLens.corpus.filterByTopic', 'taiwan');
    const shown = (): string[] => [...new Set(children().flatMap((g) => children(g)).filter(ours).map(nameOf))].sort();
    assert.deepStrictEqual(shown(), ['japan-2023-02-10', 'japan-2024-04-05']);
    assert.match(api.corpusView.view.description ?? '', /topic Taiwan/);
    await vscode.commands.executeCommand('readoutLens.corpus.filterByDate', '2024');
    assert.deepStrictEqual(shown(), ['japan-2024-04-05']);
    assert.match(api.corpusView.view.description ?? '', /topic Taiwan · dated 2024 \(\d+ of \d+\)/);
    await vscode.commands.executeCommand('readoutLens.corpus.filterByDate', '..2022-12');
    assert.deepStrictEqual(shown(), []);
    assert.match(api.corpusView.view.message ?? '', /No readout matches/);
    await vscode.commands.executeCommand('readoutLens.corpus.clearFilters');
    assert.deepStrictEqual(shown(), [...OURS].sort());
    assert.doesNotMatch(api.corpusView.view.description ?? '', /topic|dated/);
  });

  it('opens a readout on click', async () => {
    const node = children(group('Canada')).find(ours);
    assert.ok(node);
    const command = api.corpusView.tree.getTreeItem(node).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const uri = file('canada-2023-11-20.readout').toString();
    await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === uri ? true : undefined), 'the readout in the editor');
  });

  it('Since Last Time compares a readout with the previous one of its counterpart', async () => {
    const doc = await vscode.workspace.openTextDocument(file('japan-2024-04-05.readout'));
    await vscode.window.showTextDocument(doc);
    const result = (await vscode.commands.executeCommand('readoutLens.sinceLastTime')) as SinceResult;
    assert.ok(result.previous?.endsWith('/japan-2023-02-10.readout'), JSON.stringify(result));
    assert.ok(result.compare, 'the compare view opened');
    assert.match(result.compare.title, /^Since last time: Japan, 2023-02-10 → 2024-04-05$/);
    await waitFor(() => (compareTabs().some((t) => t.label === result.compare?.title) ? true : undefined), 'the comparison tab');
    // "committed to" is new, "hoped" is gone, and the working group went from agreed to (firm) to discussed (hedged).
    assert.deepStrictEqual([result.newCommitments, result.droppedCommitments, result.changed], [1, 1, 1]);
    const a = result.compare.comparison.a;
    assert.strictEqual(a.label, 'Previous (2023-02-10)');
  });

  it('Since Last Time from the Corpus view item, and a clear word when there is no earlier readout', async () => {
    const brazil = children(group('Brazil')).find(ours);
    assert.ok(brazil);
    const result = (await vscode.commands.executeCommand('readoutLens.sinceLastTime', brazil)) as SinceResult;
    assert.strictEqual(result.reason, 'first');
    assert.strictEqual(result.compare, undefined);
    assert.match(result.message ?? '', /No earlier readout with Brazil in the workspace/);
  });
});
