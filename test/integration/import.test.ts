// The import commands in a real VS Code: a readout from a web page served by this test on 127.0.0.1, from an
// HTML file in the workspace and from the clipboard; a failed import opens nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ImportOutcome } from '../../src/extension/importCommands';
import { activateExtension, workspaceFile } from './util';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'import');

function readouts(): string[] {
  return vscode.workspace.textDocuments.filter((d) => d.languageId === 'readout' && d.isUntitled).map((d) => d.uri.toString());
}

async function closeWithoutSaving(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('import a readout', () => {
  let server: http.Server;
  let base: string;

  before(async () => {
    await activateExtension();
    server = http.createServer((req, res) => {
      if (req.url === '/wh/readout') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fs.readFileSync(path.join(fixtures, 'whitehouse-readout.html')));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('opens a new readout from a web page, with front matter and the article', async () => {
    const outcome = (await vscode.commands.executeCommand('readoutLens.newFromWebPage', `${base}/wh/readout`)) as ImportOutcome | undefined;
    assert.ok(outcome, 'the command made a readout');
    const doc = outcome.document;
    try {
      assert.strictEqual(doc.languageId, 'readout');
      assert.ok(doc.isUntitled, 'not saved: the user decides where it goes');
      assert.strictEqual(path.basename(doc.uri.path), 'readout-of-president-s-call-with-prime-minister-of-norland.readout');
      assert.strictEqual(vscode.window.activeTextEditor?.document, doc);
      const text = doc.getText();
      assert.ok(text.startsWith(`---\ntitle: Readout of President’s Call with Prime Minister of Norland\ndate: 2024-03-14\nsource: ${base}/wh/readout\ngovernment: United States - The White House\n---\n\nToday, the President spoke`), text.slice(0, 300));
      assert.doesNotMatch(text, /Share on|Privacy Policy/);
    } finally {
      await closeWithoutSaving(doc);
    }
  });

  it('opens nothing and says why when the page cannot be imported', async () => {
    const before = readouts();
    const outcome = await vscode.commands.executeCommand('readoutLens.newFromWebPage', `${base}/missing`);
    assert.strictEqual(outcome, undefined);
    assert.deepStrictEqual(readouts(), before);
  });

  it('imports an HTML file from the Explorer as a readout beside it', async () => {
    const html = workspaceFile('pm-call-astoria.html');
    await vscode.workspace.fs.writeFile(html, fs.readFileSync(path.join(fixtures, 'govuk-news.html')));
    try {
      const outcome = (await vscode.commands.executeCommand('readoutLens.importHtmlFile', html)) as ImportOutcome | undefined;
      assert.ok(outcome);
      try {
        assert.strictEqual(outcome.document.uri.scheme, 'untitled');
        assert.strictEqual(outcome.document.uri.path, workspaceFile('pm-call-astoria.readout').path);
        assert.match(outcome.document.getText(), /^---\ntitle: "PM call with President of Astoria: 5 July 2024"\ndate: 2024-07-05\ngovernment: United Kingdom - Prime Minister's Office, 10 Downing Street\n---\n/);
      } finally {
        await closeWithoutSaving(outcome.document);
      }
    } finally {
      await vscode.workspace.fs.delete(html);
    }
  });

  it('imports plain text from the clipboard', async function () {
    const text = 'Readout of the Call\n\nJuly 5, 2024\n\nThe two leaders agreed\nto work together.';
    await vscode.env.clipboard.writeText(text);
    // A browser without clipboard access (headless code-server) reads back nothing: nothing to test there.
    if ((await vscode.env.clipboard.readText()) !== text) this.skip();
    const outcome = (await vscode.commands.executeCommand('readoutLens.newFromClipboard')) as ImportOutcome | undefined;
    assert.ok(outcome);
    try {
      assert.strictEqual(outcome.document.getText(), '---\ntitle: Readout of the Call\ndate: 2024-07-05\n---\n\nThe two leaders agreed to work together.\n');
    } finally {
      await closeWithoutSaving(outcome.document);
    }
  });
});
