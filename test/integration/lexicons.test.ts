// Workspace lexicons: errors shown in the YAML file at the right line, the rest still loads, the built-ins
// stay, and an entity added and saved works without a restart.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import { activateExtension, openSeed, waitFor, workspaceFile } from './util';

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

describe('workspace lexicons', () => {
  let api: ReadoutLensApi;
  before(async () => {
    await openSeed();
    api = (await activateExtension()).exports as ReadoutLensApi;
    await api.lexicons.get();
  });

  it('reports each error of a broken lexicon at its line', async () => {
    const uri = workspaceFile('.readout-lens/broken.yaml');
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length >= 2 ? d : undefined;
    }, 'lexicon diagnostics');
    const byCode = new Map(diags.map((d) => [String(d.code), d]));
    assert.strictEqual(byCode.get('unknown-type')?.range.start.line, 11, 'the unknown type is on line 12');
    assert.ok(byCode.has('missing-field'), diags.map((d) => `${d.code}@${d.range.start.line}`).join(', '));
  });

  it('still loads the good entries of a broken file, and the built-ins', async () => {
    const compiled = await api.lexicons.get();
    assert.ok(compiled.entityById.has('hiroshima-vision'));
    assert.ok(compiled.entityById.has('ipef'));
    assert.ok(!compiled.entityById.has('broken-type'));
    const seed = await openSeed();
    assert.match(await hoverText(seed, seed.getText().indexOf('IPEF') + 1), /Indo-Pacific Economic Framework/);
  });

  it('picks up an entity added to a lexicon and saved, without a restart', async () => {
    const uri = workspaceFile('.readout-lens/added.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('entities: []\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) =>
      e.replace(
        new vscode.Range(0, 0, doc.lineCount, 0),
        'entities:\n  - id: global-startup-campus\n    name: Global Startup Campus\n    type: initiative\n    definition: A planned Japanese hub in Tokyo for start-ups and research, studied with MIT.\n    topics: [technology]\n',
      ),
    );
    await doc.save();
    await waitFor(() => (api.lexicons.current()?.entityById.has('global-startup-campus') ? true : undefined), 'the added entity');
    const seed = await openSeed();
    const text = await waitFor(async () => {
      const t = await hoverText(seed, seed.getText().indexOf('Global Startup Campus') + 3);
      return /planned Japanese hub/.test(t) ? t : undefined;
    }, 'hover on the added entity');
    assert.match(text, /Initiative/);
  });

  it('goes to the YAML entry of an entity (Go to Definition)', async () => {
    const seed = await openSeed();
    const at = seed.getText().indexOf('CPTPP') + 1;
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', seed.uri, seed.positionAt(at));
    assert.strictEqual(locations.length, 1);
    const loc = locations[0];
    const uri = 'uri' in loc ? loc.uri : loc.targetUri;
    const range = 'range' in loc ? loc.range : loc.targetRange;
    assert.match(uri.path, /lexicons\/entities\.yaml$/);
    const yaml = await vscode.workspace.openTextDocument(uri);
    const entry = yaml.getText(new vscode.Range(range.start.line, 0, range.start.line + 3, 0));
    assert.match(entry, /id: cptpp/);
  });

  it('flags an unknown acronym and adds it to the workspace lexicon with a quick fix', async () => {
    const uri = workspaceFile('acronyms.readout');
    const content = 'date 2025-03-02 The two ministers welcomed progress in the QRT working group and the G7 talks.';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = content.indexOf('QRT');
    const diag = await waitFor(
      () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'unknown-acronym' && doc.offsetAt(d.range.start) === at),
      'the unknown-acronym diagnostic on QRT',
    );
    assert.strictEqual(diag.severity, vscode.DiagnosticSeverity.Hint);
    assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'unknown-acronym' && doc.getText(d.range) === 'G7'), 'G7 is a known entity');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => a.title.startsWith('Add "QRT" to workspace lexicon'));
    assert.ok(add?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && /\.readout-lens\/.+\.yaml$/.test(editor.document.uri.path), editor?.document.uri.path);
    const text = editor.document.getText();
    assert.match(text, /- id: qrt\n {4}name: QRT\n {4}aliases: \[QRT\]\n {4}type: org/);
    // The entry lands inside the entities list, before any other top-level key.
    const entities = text.indexOf('entities:');
    assert.ok(entities >= 0 && text.indexOf('- id: qrt') > entities);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
