// Bad input in the editor: the extension keeps working, loses nothing and says what it skipped. A 20 MB paste
// into a readout (analysed up to readoutLens.maxFileSizeMB, the status bar and Problems say so), binary junk
// (reported once, the readable paragraphs still analysed) and a very long line.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import { activateExtension, openUntitled, waitFor, workspaceFile } from './util';

const SOURCE = 'Readout Lens';

async function api(): Promise<ReadoutLensApi> {
  return (await activateExtension()).exports as ReadoutLensApi;
}

/** The extension's diagnostics of `uri` with `code`, once there are some. */
function problems(uri: vscode.Uri, code: string, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && d.code === code);
    return found.length ? found : undefined;
  }, what, 60_000);
}

describe('bad input in the editor', function () {
  this.timeout(180_000);
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('takes a 20 MB paste: analyses up to the size limit, says so, loses nothing and keeps analysing edits', async () => {
    const ext = await api();
    const uri = workspaceFile('paste.readout');
    const head = 'date 2024-03-01 The leaders agreed to meet again in May.\n\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(head));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await ext.analysisFor(doc);
    const notices: string[] = [];
    const listening = ext.onDidNotify((n) => {
      if (n.uri.toString() === uri.toString()) notices.push(n.message);
    });
    const paragraph = 'The two leaders reaffirmed their commitment to a free and open Indo-Pacific and will continue to coordinate closely. ';
    const paste = `${paragraph.repeat(Math.ceil((20 << 20) / paragraph.length / 4))}\n\n`.repeat(4);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.positionAt(head.length), paste);
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Nothing lost: the document holds all of it.
    assert.strictEqual(doc.getText().length, head.length + paste.length);
    // Found among the cues' diagnostics, however many there are (the cap once dropped it as the 1,001st).
    const [truncated] = await problems(uri, 'truncated', 'the size-limit warning');
    assert.strictEqual(truncated.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(truncated.message, /Only the first [\d,]+ of [\d,]+ characters were analysed/);
    const analysis = await ext.analysisFor(doc);
    assert.ok(analysis?.truncated && analysis.analyzedLength <= 5 * 1024 * 1024 && analysis.textLength === doc.getText().length);
    // The status bar counts the new analysis (it once kept the counts from before the paste: the diagnostics'
    // cap changing put the analysis it was showing back in its queue) and says it is partial.
    const firm = analysis.cues.filter((c) => c.strength === 'firm').length;
    const partial = `$(warning) Firm ${firm} · Hedged ${analysis.cues.length - firm} (partial)`;
    await waitFor(() => (ext.statusBar.item.text === partial ? true : undefined), `the status bar saying "${partial}"`);
    // Still analysing: an edit at the top is seen.
    const inserted = 'They will hold talks. ';
    const more = new vscode.WorkspaceEdit();
    more.insert(uri, new vscode.Position(0, 16), inserted);
    assert.ok(await vscode.workspace.applyEdit(more));
    await waitFor(async () => {
      const a = await ext.analysisFor(doc);
      return a && a.cues.some((c) => c.start >= 16 && c.end <= 16 + inserted.length) ? true : undefined;
    }, 'a cue in the sentence typed after the paste', 60_000);
    // Told once in a notification, though every analysis since the paste was cut at the limit. The notice waits a
    // turn after its analysis: a second one would have come by now.
    await new Promise((r) => setTimeout(r, 300));
    listening.dispose();
    assert.strictEqual(notices.length, 1, notices.join('\n'));
    assert.match(notices[0], /^Readout Lens analysed only the first 5 MB of paste\.readout \([\d,]+ of [\d,]+ characters\)\.$/);
  });

  it('reports binary junk once and still analyses the readable paragraphs', async () => {
    const ext = await api();
    const junk = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(i % 32)).join('');
    const before = 'date 2024-03-01 The leaders agreed to meet again.\n\n';
    const doc = await openUntitled(`${before}${junk}\n\nThe two leaders will continue to work closely together.\n`);
    await vscode.window.showTextDocument(doc);
    const [binary, ...others] = await problems(doc.uri, 'binary-content', 'the binary-content problem');
    assert.strictEqual(others.length, 0, 'reported once');
    assert.match(binary.message, /binary content/);
    const analysis = await ext.analysisFor(doc);
    const junkEnd = before.length + junk.length;
    assert.ok(analysis?.cues.some((c) => c.end <= before.length), 'a cue in the paragraph before the junk');
    assert.ok(analysis?.cues.some((c) => c.start >= junkEnd), 'a cue in the paragraph after it');
    assert.ok(!analysis?.cues.some((c) => c.start >= before.length && c.start < junkEnd), 'none in the junk');
  });

  it('reports a very long line', async () => {
    await api();
    const doc = await openUntitled(`date 2024-03-01 ${'word '.repeat(30_000)}\nThe leaders met.\n`);
    await vscode.window.showTextDocument(doc);
    const [long] = await problems(doc.uri, 'long-line', 'the long-line problem');
    assert.match(long.message, /This line is [\d,]+ characters long/);
  });
});
