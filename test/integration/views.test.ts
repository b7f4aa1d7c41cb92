// The sidebar views and status bar follow the active readout; filters change the items; a statement
// reveals its sentence.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import type { ViewNode } from '../../src/extension/views';
import { activateExtension, openSeed, waitFor } from './util';

describe('topic tree, commitments view, status bar', () => {
  let api: ReadoutLensApi;
  let doc: vscode.TextDocument;
  before(async () => {
    doc = await openSeed();
    api = (await activateExtension()).exports as ReadoutLensApi;
    await waitFor(() => (api.views.topics.getChildren().length ? true : undefined), 'the topic tree');
  });
  afterEach(() => api.views.setFilter('all'));

  it('lists the seed\'s topics', () => {
    const topics = api.views.topics.getChildren().map((n) => (n.kind === 'topic' ? n.topic : ''));
    for (const t of ['security', 'china', 'taiwan', 'korean-peninsula', 'russia-ukraine', 'economy-trade', 'technology', 'energy-climate', 'multilateral']) {
      assert.ok(topics.includes(t as never), `missing topic ${t} in ${topics.join(', ')}`);
    }
  });

  it('describes a topic with its statement and cue counts', () => {
    const node = api.views.topics.getChildren()[0];
    const item = api.views.topics.getTreeItem(node);
    assert.match(String(item.description), /^\d+ statements? · \d+ firm · \d+ hedged$/);
  });

  it('reveals and selects a statement\'s sentence', async () => {
    const topic = api.views.topics.getChildren().find((n) => n.kind === 'topic' && n.topic === 'russia-ukraine') as ViewNode;
    const statement = api.views.topics.getChildren(topic)[0];
    const item = api.views.topics.getTreeItem(statement);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /sanctions against Russia/);
  });

  it('labels a statement with its actor and does not repeat it in the description', () => {
    const statements = api.views.topics.getChildren().flatMap((t) => api.views.topics.getChildren(t));
    const withActor = statements.map((s) => api.views.topics.getTreeItem(s)).filter((i) => String(i.label).endsWith(':'));
    assert.ok(withActor.length > 5);
    for (const item of withActor) {
      const actor = String(item.label).slice(0, -1).toLowerCase();
      assert.ok(!String(item.description).toLowerCase().startsWith(actor), `${item.label} ${item.description}`);
    }
  });

  it('filters to firm statements only', () => {
    const all = api.views.topics.getChildren().flatMap((t) => api.views.topics.getChildren(t)).length;
    api.views.setFilter('firm');
    const statements = api.views.topics.getChildren().flatMap((t) => api.views.topics.getChildren(t));
    assert.ok(statements.length > 0 && statements.length < all, `${statements.length} of ${all}`);
    for (const s of statements) assert.ok(s.kind === 'statement' && s.cues.some((c) => c.strength === 'firm'));
  });

  it('groups commitments by strength, then by actor', () => {
    const groups = api.views.commitments.getChildren().map((g) => (g.kind === 'group' ? g.key : ''));
    assert.deepStrictEqual(groups, ['firm', 'hedged']);
    api.views.setGrouping('actor');
    const actors = api.views.commitments.getChildren().map((g) => (g.kind === 'group' ? g.label : ''));
    assert.ok(actors.some((a) => /two leaders/i.test(a)), actors.join(', '));
    api.views.setGrouping('strength');
  });

  it('lists entities with their mentions', () => {
    const ids = api.views.entities.getChildren().map((e) => (e.kind === 'entity' ? e.id : ''));
    assert.ok(ids.includes('ipef') && ids.includes('cptpp'), ids.join(', '));
  });

  it('builds a topic\'s statements once per analysis and keeps them until the next refresh', () => {
    const topic = api.views.topics.getChildren()[0];
    const first = api.views.topics.getChildren(topic);
    assert.ok(first.length > 0);
    assert.strictEqual(api.views.topics.getChildren(topic), first, 'the same nodes on a second request');
    assert.strictEqual(api.views.topics.getParent(first[0]), topic);
    api.views.refreshNow();
    const again = api.views.topics.getChildren().find((n) => n.kind === 'topic' && topic.kind === 'topic' && n.topic === topic.topic);
    assert.ok(again && again !== topic, 'new root nodes after a refresh');
    assert.deepStrictEqual(
      api.views.topics.getChildren(again).map((n) => (n.kind === 'statement' ? n.sentence.index : -1)),
      first.map((n) => (n.kind === 'statement' ? n.sentence.index : -1)),
    );
  });

  it('shows firm and hedged counts in the status bar', async () => {
    await vscode.window.showTextDocument(doc);
    const analysis = await api.analysisFor(doc);
    assert.ok(analysis);
    const firm = analysis.cues.filter((c) => c.strength === 'firm').length;
    await waitFor(() => (api.statusBar.item.text === `Firm ${firm} · Hedged ${analysis.cues.length - firm}` ? true : undefined), 'status bar text');
    // The tooltip's table: firm and hedged cues per primary topic of their sentence, counted here another way.
    const expected = new Map<string, [number, number]>();
    for (const c of analysis.cues) {
      const topic = analysis.topics.find((t) => t.sentence === c.sentence)?.primary ?? 'other';
      const label = api.lexicons.current()?.topicById.get(topic)?.label ?? topic;
      const n = expected.get(label) ?? [0, 0];
      n[c.strength === 'firm' ? 0 : 1]++;
      expected.set(label, n);
    }
    const tooltip = api.statusBar.item.tooltip;
    const rows = [...(typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')).matchAll(/^\| ([^|]+) \| (\d+) \| (\d+) \|$/gm)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    assert.deepStrictEqual(rows, [...expected].map(([label, [f, h]]) => [label, f, h]));
  });
});

describe('paragraph CodeLens', () => {
  after(() => vscode.workspace.getConfiguration('readoutLens').update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global));

  it('is off by default and shows per-paragraph counts when enabled', async () => {
    const doc = await openSeed();
    const api = (await activateExtension()).exports as ReadoutLensApi;
    const none = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.strictEqual(none.filter((l) => l.command?.title.startsWith('Firm ')).length, 0);
    await vscode.workspace.getConfiguration('readoutLens').update('codeLens.enabled', true, vscode.ConfigurationTarget.Global);
    const lenses = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l.length ? l : undefined;
    }, 'code lenses');
    const analysis = await api.analysisFor(doc);
    assert.ok(analysis);
    const total = lenses.reduce((sum, l) => {
      const m = /^Firm (\d+) · Hedged (\d+)$/.exec(l.command?.title ?? '');
      assert.ok(m, l.command?.title);
      return sum + Number(m[1]) + Number(m[2]);
    }, 0);
    assert.strictEqual(total, analysis.cues.length);
    const sanctions = doc.positionAt(doc.getText().indexOf('"The two leaders agreed to continue imposing'));
    assert.ok(lenses.some((l) => l.range.start.line === sanctions.line && l.command?.title === 'Firm 1 · Hedged 0'));
  });
});
