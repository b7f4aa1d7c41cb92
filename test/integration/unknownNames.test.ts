// A name no lexicon knows, in the real editor: its hover card says so and what the readout tells, its first
// mention has a hint, and the quick fix and the card's link open a lexicon entry prefilled with name, type and aliases.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import { activateExtension, waitFor, workspaceFile } from './util';

const content = [
  'date 2025-03-02',
  '',
  'National Security Advisor Wendell Okafor met the partners of the Global Combat Air Programme (GCAP) today.',
  'Okafor welcomed progress on GCAP.',
  '',
].join('\n');

async function hoverValues(doc: vscode.TextDocument, offset: number): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''));
}

/** Runs the command of a Markdown command link as the editor would: its arguments are the link's JSON. */
async function followCommandLink(markdown: string): Promise<void> {
  const link = /\]\(command:([\w.]+)\?([^)]+)\)/.exec(markdown);
  assert.ok(link, markdown);
  const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
  await vscode.commands.executeCommand(link[1], ...args);
}

describe('names no lexicon knows', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    const api = (await activateExtension()).exports as ReadoutLensApi;
    await api.lexicons.get();
    const uri = workspaceFile('unknown-names.readout');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await api.analysisFor(doc);
  });

  it('hovers a card: not in your lexicons, how it was introduced, how often, first where, and a link to add it', async () => {
    const card = await waitFor(async () => (await hoverValues(doc, content.indexOf('Okafor welcomed') + 2)).find((v) => v.includes('Not in your lexicons')), 'the unknown name card');
    assert.match(card, /\*\*Wendell Okafor\*\* · _Person_/);
    assert.match(card, /Introduced by the title `National Security Advisor` before the name/);
    assert.match(card, /In this readout 2 times, first on line 3\./);
    assert.match(card, /\[Add to workspace lexicon…\]\(command:readoutLens\.addToLexicon\?/);
    await followCommandLink(card);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && /\.yaml$/.test(editor.document.uri.path), editor?.document.uri.path);
    assert.match(editor.document.getText(), /- id: wendell-okafor\n {4}name: Wendell Okafor\n {4}aliases: \[\]\n {4}type: person/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('puts a hint on the first mention only, whose quick fix adds the name with its acronym as an alias', async () => {
    await vscode.window.showTextDocument(doc);
    const at = content.indexOf('Global Combat Air Programme');
    const names = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.code === 'unknown-name');
      return d.length >= 2 ? d : undefined;
    }, 'the unknown-name diagnostics');
    assert.deepStrictEqual(names.map((d) => doc.getText(d.range)).sort(), ['Global Combat Air Programme', 'Wendell Okafor']);
    const diag = names.find((d) => doc.offsetAt(d.range.start) === at);
    assert.ok(diag);
    assert.strictEqual(diag.severity, vscode.DiagnosticSeverity.Hint);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => a.title === 'Add "Global Combat Air Programme" to workspace lexicon…');
    assert.ok(add?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && /\.yaml$/.test(editor.document.uri.path), editor?.document.uri.path);
    assert.match(editor.document.getText(), /- id: global-combat-air-programme\n {4}name: Global Combat Air Programme\n {4}aliases: \[GCAP\]\n {4}type: initiative/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the acronym the readout defines shows its expansion\'s card, and its quick fix adds the expansion', async () => {
    await vscode.window.showTextDocument(doc);
    const later = content.lastIndexOf('GCAP');
    const card = await waitFor(async () => (await hoverValues(doc, later + 1)).find((v) => v.includes('Not in your lexicons')), 'the acronym card');
    assert.match(card, /\*\*Global Combat Air Programme\*\*/);
    assert.match(card, /Defined in the text with the acronym `GCAP`/);
    const diag = vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'unknown-acronym' && doc.offsetAt(d.range.start) === later);
    assert.ok(diag, 'the acronym is still in no lexicon');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === 'Add "Global Combat Air Programme" to workspace lexicon…'), actions.map((a) => a.title).join(' | '));
  });

  it('turns the hint off with readoutLens.diagnostics.unknownName', async () => {
    const config = vscode.workspace.getConfiguration('readoutLens');
    await config.update('diagnostics.unknownName', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'unknown-name') ? undefined : true), 'no unknown-name diagnostics');
    } finally {
      await config.update('diagnostics.unknownName', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
