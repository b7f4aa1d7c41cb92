// Workspace analysis in a real VS Code (readoutLens.workspace.analyze = workspace): a readout that is not open
// has its diagnostics in Problems, the same ones it has open; a change to the file updates them, a deletion
// clears them, files.exclude is honoured, and back at openFiles only open readouts have diagnostics.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import type { WorkspaceAnalysis } from '../../src/extension/workspaceAnalysis';
import { activateExtension, waitFor, workspaceRoot } from './util';

const FOLDER = 'workspace-analysis';
const fixtures = (): string => path.join(__dirname, '..', '..', '..', 'test', 'fixtures', FOLDER);
const file = (rel: string): vscode.Uri => vscode.Uri.file(path.join(workspaceRoot(), FOLDER, rel));
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Readout Lens');
const shape = (ds: vscode.Diagnostic[]): string[] =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`).sort();

describe('workspace analysis', function () {
  this.timeout(60_000);
  let api: ReadoutLensApi;
  let workspace: WorkspaceAnalysis;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration();

  before(async () => {
    fs.cpSync(fixtures(), path.join(workspaceRoot(), FOLDER), { recursive: true });
    api = (await activateExtension()).exports as ReadoutLensApi;
    workspace = api.workspace ?? assert.fail('workspace analysis runs in the Node extension host');
    await config().update('files.exclude', { [`${FOLDER}/excluded`]: true }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await config().update('readoutLens.workspace.analyze', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('files.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceRoot(), FOLDER), { recursive: true, force: true });
  });

  it('does nothing at openFiles: a readout that is not open has no diagnostics', async () => {
    assert.strictEqual(config().get('readoutLens.workspace.analyze'), 'openFiles');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepStrictEqual(ours(file('call-2024-03-01.readout')), []);
    assert.strictEqual(workspace.size, 0);
  });

  it('puts the diagnostics of readouts that are not open in Problems, except excluded ones', async () => {
    const updated = new Promise((r) => workspace.onDidUpdate(r));
    await config().update('readoutLens.workspace.analyze', 'workspace', vscode.ConfigurationTarget.Workspace);
    await updated;
    const uri = file('call-2024-03-01.readout');
    const diagnostics = await waitFor(() => (ours(uri).length ? ours(uri) : undefined), 'diagnostics of a closed readout');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file was never opened');
    assert.ok(diagnostics.some((d) => d.code === 'firm-commitment' && d.message.includes('"agreed to')));
    assert.ok(diagnostics.some((d) => d.code === 'hedged-commitment'));
    const summary = workspace.summary(uri);
    assert.ok(summary && summary.firm >= 1 && summary.hedged >= 1, JSON.stringify(summary));
    // Each file's diagnostics are set as its analysis comes back, batch by batch: wait for the other file, and the pass.
    await waitFor(() => (ours(file('call-2024-06-12.readout')).length > 0 ? true : undefined), 'diagnostics of the other closed readout');
    await waitFor(() => (workspace.lastPass ? true : undefined), 'the end of the first pass');
    assert.deepStrictEqual(ours(file('excluded/draft.readout')), [], 'files.exclude is honoured');
    assert.ok(workspace.lastPass && workspace.lastPass.files >= 2 && !workspace.lastPass.cancelled);
  });

  it('gives a readout the same diagnostics open as closed, and only once', async () => {
    const uri = file('call-2024-06-12.readout');
    const closed = shape(ours(uri));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await api.analysisFor(doc);
    // The open document's diagnostics replace the file's: the same ones, not twice.
    await waitFor(() => (ours(uri).length === closed.length ? true : undefined), 'the open readout\'s diagnostics, once');
    assert.deepStrictEqual(shape(ours(uri)), closed);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('updates the diagnostics when the file changes on disk, and clears them when it is deleted', async () => {
    const uri = file('call-2024-03-01.readout');
    const before = ours(uri).length;
    fs.appendFileSync(uri.fsPath, '\nThe ministers decided to hold the next round in Tokyo and committed to a timetable.\n');
    await waitFor(() => (ours(uri).length > before ? true : undefined), 'diagnostics of the changed file');
    assert.ok(ours(uri).some((d) => d.message.includes('"decided to')));
    fs.rmSync(uri.fsPath);
    await waitFor(() => (ours(uri).length === 0 ? true : undefined), 'no diagnostics for the deleted file');
    assert.strictEqual(workspace.summary(uri), undefined);
  });

  it('analyses a new file, and clears everything again at openFiles', async () => {
    const uri = file('call-2024-09-30.readout');
    fs.writeFileSync(uri.fsPath, 'date 2024-09-30 The leaders agreed to meet in Paris.\n');
    await waitFor(() => (ours(uri).length ? true : undefined), 'diagnostics of a new file');
    await config().update('readoutLens.workspace.analyze', undefined, vscode.ConfigurationTarget.Workspace);
    // (call-2024-06-12 was opened above: VS Code may keep its document, and so its own diagnostics, a while.)
    await waitFor(() => (ours(uri).length === 0 ? true : undefined), 'no workspace diagnostics at openFiles');
    assert.strictEqual(workspace.size, 0);
  });
});
