// The readout language's declarative parts in a real VS Code: the word pattern (hover ranges, word ranges
// in the extension host), the snippets, line comments, "Analyze Current File as Readout" and first-line detection.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openSeed, openUntitled, waitFor, workspaceFile } from './util';

const TOKENS = ['U.S.', 'Japan-US', 'Indo-Pacific', 'IPEF'];
const TEXT = 'date 2024-01-02 The U.S. and Japan reaffirmed the Japan-US alliance for a free Indo-Pacific and discussed IPEF.\n';

async function untitledReadout(content: string): Promise<vscode.TextDocument> {
  const doc = await openUntitled(content);
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('the readout language', () => {
  before(async () => {
    await openSeed();
    await activateExtension();
  });
  after(closeAll);

  it('hovering IPEF in the seed gives a hover whose range is the whole word', async () => {
    const doc = await openSeed();
    const at = doc.getText().indexOf('(IPEF)') + 1;
    assert.ok(at > 0, 'IPEF not found in the seed');
    for (const inside of [0, 2, 3]) {
      const pos = doc.positionAt(at + inside);
      const hovers = await waitFor(async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
        return h.some((x) => x.range) ? h : undefined;
      }, 'a hover with a range on IPEF');
      const ranges = hovers.flatMap((h) => (h.range ? [h.range] : []));
      assert.ok(ranges.some((r) => doc.getText(r) === 'IPEF'), `hover ranges at IPEF+${inside}: ${ranges.map((r) => JSON.stringify(doc.getText(r))).join(', ')}`);
    }
  });

  it('document.getWordRangeAtPosition gives the whole token (the declared wordPattern reaches the extension host)', async () => {
    const doc = await untitledReadout(TEXT);
    const seen: string[] = [];
    for (const token of TOKENS) {
      const start = TEXT.indexOf(token);
      for (const inside of [0, Math.floor(token.length / 2), token.length - 1]) {
        const range = doc.getWordRangeAtPosition(doc.positionAt(start + inside));
        seen.push(`${token}+${inside} → ${range ? JSON.stringify(doc.getText(range)) : 'none'}`);
      }
    }
    await closeAll();
    const expected = TOKENS.flatMap((t) => [0, Math.floor(t.length / 2), t.length - 1].map((i) => `${t}+${i} → ${JSON.stringify(t)}`));
    assert.deepStrictEqual(seen, expected);
  });

  it('still ends a word at a sentence full stop and before a possessive', async () => {
    const text = 'Talks with Japan. Japan’s view and the G7’s role.';
    const doc = await untitledReadout(text);
    const wordAt = (needle: string, from = 0): string => {
      const range = doc.getWordRangeAtPosition(doc.positionAt(text.indexOf(needle, from) + 1));
      return range ? doc.getText(range) : '';
    };
    assert.strictEqual(wordAt('Japan.'), 'Japan');
    assert.strictEqual(wordAt('Japan’s'), 'Japan');
    assert.strictEqual(wordAt('G7’s'), 'G7');
    await closeAll();
  });

  it('offers the drafting snippets through the completion provider', async () => {
    const doc = await untitledReadout('\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 0));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of ['readout-header', 'readout-date', 'firm-agreed-to', 'hedged-reaffirmed', 'hedged-concurred']) {
      assert.ok(labels.includes(prefix), `snippet "${prefix}" missing; got ${labels.slice(0, 30).join(', ')}`);
    }
    const header = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'readout-header');
    assert.strictEqual(header?.kind, vscode.CompletionItemKind.Snippet);
    const body = header?.insertText instanceof vscode.SnippetString ? header.insertText.value : String(header?.insertText);
    assert.match(body, /^---\ntitle: /);
    await closeAll();
  });

  it('toggles a line comment with //', async () => {
    const doc = await untitledReadout('The two leaders agreed to meet again.\n');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 3, 0, 3);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.strictEqual(doc.lineAt(0).text, '// The two leaders agreed to meet again.');
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.strictEqual(doc.lineAt(0).text, 'The two leaders agreed to meet again.');
    await closeAll();
  });

  for (const language of ['plaintext', 'markdown']) {
    it(`"Analyze Current File as Readout" switches a ${language} document to readout`, async () => {
      const doc = await openUntitled('The two leaders agreed to hold a summit.\n', language);
      await vscode.window.showTextDocument(doc);
      assert.strictEqual(doc.languageId, language);
      await vscode.commands.executeCommand('readoutLens.analyzeAsReadout');
      const active = await waitFor(() => {
        const d = vscode.window.activeTextEditor?.document;
        return d?.languageId === 'readout' ? d : undefined;
      }, 'the active document in readout mode');
      assert.strictEqual(active.uri.toString(), doc.uri.toString());
      await closeAll();
    });
  }

  // VS Code consults a language's firstLine only for files that no extension or file-name association
  // claims. `.txt` belongs to plaintext, so a .txt readout stays plain text (use "Analyze Current File as
  // Readout" or files.associations); a file without an extension is detected by its first line.
  /** The language VS Code gives a new workspace file with this name and content (the file is removed after). */
  async function languageOfNewFile(name: string, content: string): Promise<string> {
    const uri = workspaceFile(name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    try {
      return (await vscode.workspace.openTextDocument(uri)).languageId;
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  }

  it('opens an extensionless file whose first line is "date YYYY-MM-DD ..." as readout (firstLine)', async () => {
    assert.strictEqual(await languageOfNewFile('first-line-detection', 'date 2024-01-02 The two leaders agreed to meet again.\n'), 'readout');
  });

  it('leaves a .txt file with the same first line in plaintext (the .txt association wins over firstLine)', async () => {
    assert.strictEqual(await languageOfNewFile('first-line-detection.txt', 'date 2024-01-02 The two leaders agreed to meet again.\n'), 'plaintext');
  });

  it('leaves an extensionless file without the header in plaintext', async () => {
    assert.strictEqual(await languageOfNewFile('no-header', 'Notes: the date 2024-01-02 comes later.\n'), 'plaintext');
  });
});
