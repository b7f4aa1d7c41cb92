// Why this topic, in a real VS Code: the hover on a word that decided a sentence's topic, the statement's tooltip
// in the topic tree, the topic's tooltip, and the Why This Topic? command of the tree's context menu.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import type { ViewNode } from '../../src/extension/views';
import type { Analysis } from '../../src/core/types';
import { activateExtension, openSeed, openUntitled, waitFor } from './util';

function tooltipText(item: vscode.TreeItem): string {
  const t = item.tooltip;
  return typeof t === 'string' ? t : t instanceof vscode.MarkdownString ? t.value : '';
}

describe('why this topic', () => {
  let api: ReadoutLensApi;
  let doc: vscode.TextDocument;
  let analysis: Analysis;
  before(async () => {
    doc = await openSeed();
    await vscode.window.showTextDocument(doc);
    api = (await activateExtension()).exports as ReadoutLensApi;
    analysis = (await api.analysisFor(doc)) as Analysis;
    await waitFor(() => (api.views.topics.getChildren().length ? true : undefined), 'the topic tree');
  });

  /** A sentence of the seed whose primary topic came from its own words, and its first deciding word. */
  function decidedByWords(): { index: number; start: number; end: number; word: string } {
    for (const t of analysis.topics) {
      const spans = t.evidence?.spans;
      if (t.evidence?.rule !== 'words' || spans === undefined || t.primary === 'bilateral-relations') continue;
      return { index: t.sentence, start: spans[0], end: spans[1], word: doc.getText().slice(spans[0], spans[1]).replace(/\s+/g, ' ') };
    }
    throw new Error('no sentence of the seed is decided by its own words');
  }

  function statementNode(index: number): ViewNode {
    for (const topic of api.views.topics.getChildren()) {
      const hit = api.views.topics.getChildren(topic).find((n) => n.kind === 'statement' && n.sentence.index === index);
      if (hit !== undefined) return hit;
    }
    throw new Error(`no statement for sentence ${index}`);
  }

  it('hovering a word that decided the topic names the topic, the rule and the word', async () => {
    const { start, word, index } = decidedByWords();
    const label = api.lexicons.current()?.topicById.get(analysis.topics[index].primary)?.label ?? '';
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(start));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, /\*\*Topic:\*\*/);
    assert.ok(text.includes(label), `${text} names ${label}`);
    assert.ok(text.includes(word), `${text} names "${word}"`);
  });

  it('a statement\'s tooltip in the topic tree says why it is there', () => {
    const { index, word } = decidedByWords();
    const tip = tooltipText(api.views.topics.getTreeItem(statementNode(index)));
    assert.match(tip, /Why this topic:/);
    assert.ok(tip.includes(word), tip);
  });

  it('a topic\'s tooltip names the evidence most of its statements share', () => {
    const { index, word } = decidedByWords();
    const topic = api.views.topics.getChildren().find((n) => n.kind === 'topic' && n.topic === analysis.topics[index].primary) as ViewNode;
    assert.match(tooltipText(api.views.topics.getTreeItem(topic)), /Most of its evidence: /);
    assert.ok(word.length > 0);
  });

  it('the Why This Topic? command is in the statement\'s context menu and explains it', async () => {
    const menus = (await activateExtension()).packageJSON.contributes.menus as Record<string, { command: string; when?: string }[]>;
    assert.ok(menus['view/item/context'].some((m) => m.command === 'readoutLens.whyThisTopic' && /viewItem == statement/.test(m.when ?? '')));
    const { index, word } = decidedByWords();
    const why = await vscode.commands.executeCommand<string>('readoutLens.whyThisTopic', statementNode(index));
    assert.ok(typeof why === 'string' && why.includes(word) && /\(T\d\)/.test(why), String(why));
  });

  it('explains the sentence at the cursor when decided by its context (T5) or as courtesy (T6)', async () => {
    const text = ['President Biden spoke today with Prime Minister Kishida of Japan.', '', 'The leaders set three priorities:', '- deepen cooperation on critical minerals;', '- cooperate closely.', '', 'The President thanked the Prime Minister for his hospitality.', ''].join('\n');
    const untitled = await openUntitled(text);
    const editor = await vscode.window.showTextDocument(untitled);
    const at = (needle: string): vscode.Position => untitled.positionAt(text.indexOf(needle) + 2);
    editor.selection = new vscode.Selection(at('cooperate closely'), at('cooperate closely'));
    assert.match(String(await vscode.commands.executeCommand<string>('readoutLens.whyThisTopic')), /introduces its list \(T5\)/);
    editor.selection = new vscode.Selection(at('thanked'), at('thanked'));
    assert.match(String(await vscode.commands.executeCommand<string>('readoutLens.whyThisTopic')), /boilerplate\/courtesy \(T6\)/);
    await vscode.window.showTextDocument(doc);
  });
});
