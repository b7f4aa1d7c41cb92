// Compare and Export in a real VS Code: the compare command opens a webview panel for two readouts (from the
// Explorer's two-file selection and from an editor with the other file given), and the export command
// writes Markdown, CSV, JSON and SARIF files for a file and for a folder.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { renderHtml, type CompareResult } from '../../src/extension/compare';
import { SEED, activateExtension, waitFor, workspaceFile } from './util';

const A = 'pair-a.readout';
const B = 'pair-b.readout';

function compareTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('readoutLens.compare'));
}

async function closeCompareTabs(): Promise<void> {
  await vscode.window.tabGroups.close(compareTabs());
}

async function readWorkspaceFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('compare two readouts', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeCompareTabs);

  it('opens a side-by-side webview for two readouts selected in the Explorer', async () => {
    const a = workspaceFile(A);
    const b = workspaceFile(B);
    const result = (await vscode.commands.executeCommand('readoutLens.compareWith', a, [a, b])) as CompareResult | undefined;
    assert.ok(result, 'the command returns what it opened');
    assert.strictEqual(result.title, `${A} ↔ ${B}`);
    await waitFor(() => (compareTabs().some((t) => t.label === result.title) ? true : undefined), 'the comparison tab');
    const c = result.comparison;
    const mismatch = c.matches.find((m) => m.mismatch === 'strength');
    assert.ok(mismatch, 'the working group is firm in A and only welcomed in B');
    assert.strictEqual(c.cues[mismatch.a].text, 'agreed to');
    assert.strictEqual(c.cues[mismatch.b].text, 'welcomed');
    assert.ok(c.omissions.some((o) => o.kind === 'commitment' && o.onlyIn === 'a' && /undersea cables/.test(o.label)));
    assert.ok(c.omissions.some((o) => o.kind === 'commitment' && o.onlyIn === 'b' && /semiconductors/.test(o.label)));
  });

  it('renders under a strict Content Security Policy, with no remote resource and readout text escaped', async () => {
    const a = workspaceFile(A);
    const result = (await vscode.commands.executeCommand('readoutLens.compareWith', a, [a, workspaceFile(B)])) as CompareResult;
    // Hostile text in a label and a statement: it must come out as text, never as markup.
    const hostile = '<script>alert(1)</script><img src=https://example.invalid/x onerror=alert(2)>';
    const c = structuredClone(result.comparison);
    c.a.label = hostile;
    const first = c.topics.flatMap((t) => t.a)[0];
    assert.ok(first, 'a statement to alter');
    first.text = hostile;
    const ext = await activateExtension();
    const media = vscode.Uri.joinPath(ext.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('readoutLensTest.csp', 'CSP', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media] });
    try {
      const html = renderHtml(panel.webview, media, c);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
      assert.match(csp, /^default-src 'none';/);
      assert.match(csp, /script-src 'nonce-[A-Za-z0-9]{16,}'/);
      // Nothing beyond VS Code's own webview resource origin (webview.cspSource) and the nonce.
      assert.doesNotMatch(csp.split(panel.webview.cspSource).join(''), /unsafe-inline|unsafe-eval|https?:|\*|data:/);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.ok(scripts.length > 0 && scripts.every((tag) => tag.includes(`nonce="${nonce}"`)), 'every script carries the nonce');
      // Tags with their quoted attribute values emptied (escaped text in an aria-label is text, not markup).
      const tags = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0].replace(/"[^"]*"/g, '""'));
      const handlers = tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag));
      assert.deepStrictEqual(handlers, [], 'no inline event handler in any tag');
      assert.ok(!tags.some((tag) => /^<img\b/i.test(tag)), 'the hostile <img> is not a tag');
      assert.doesNotMatch(html, /<script>alert|<img src=https/, 'hostile text is escaped');
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      // Only the extension's own media, through the webview's resource URIs.
      const own = ['compare.css', 'compare.js'].map((f) => panel.webview.asWebviewUri(vscode.Uri.joinPath(media, f)).toString());
      const links = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
      assert.deepStrictEqual([...new Set(links)].sort(), own.sort());
    } finally {
      panel.dispose();
    }
  });

  it('compares the readout in the editor with another one', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile(B));
    await vscode.window.showTextDocument(doc);
    const result = (await vscode.commands.executeCommand('readoutLens.compareWith', undefined, undefined, workspaceFile(SEED))) as CompareResult | undefined;
    assert.ok(result);
    assert.strictEqual(result.a, doc.uri.toString());
    assert.strictEqual(result.b, workspaceFile(SEED).toString());
    assert.ok(result.comparison.topics.length > 3);
    await waitFor(() => (compareTabs().length ? true : undefined), 'the comparison tab');
  });

  it('reveals a statement of either side at its sentence (the webview\'s reveal target)', async () => {
    const a = workspaceFile(A);
    const result = (await vscode.commands.executeCommand('readoutLens.compareWith', a, [a, workspaceFile(B)])) as CompareResult;
    const statement = result.comparison.topics.flatMap((t) => t.a).find((s) => /undersea cables/.test(s.text));
    assert.ok(statement);
    // The webview posts {type: 'reveal', side, start, end}; the extension then calls the same reveal() as the
    // tree views' readoutLens.reveal command.
    await vscode.commands.executeCommand('readoutLens.reveal', a, statement.start, statement.end);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.match(editor.document.getText(editor.selection), /^The Prime Minister raised concerns about the security of undersea cables/);
  });
});

describe('export analysis', () => {
  before(async () => {
    await activateExtension();
  });

  const out = (name: string) => workspaceFile(`exports/${name}`);

  it('writes a Markdown report for one readout', async () => {
    const written = await vscode.commands.executeCommand('readoutLens.export', 'markdown', workspaceFile(A), out('pair-a.md'));
    assert.strictEqual(written, out('pair-a.md').toString());
    const md = await readWorkspaceFile(out('pair-a.md'));
    assert.match(md, /^# Readout analysis/);
    assert.match(md, /\| # \| Actor \| Cue \| Strength \| Sentence \|/);
    assert.match(md, /\| the two leaders \| agreed to \| Firm \|/);
  });

  it('writes CSV that parses back, one row per cue', async () => {
    await vscode.commands.executeCommand('readoutLens.export', 'csv', workspaceFile(A), out('pair-a.csv'));
    const lines = (await readWorkspaceFile(out('pair-a.csv'))).trimEnd().split('\n');
    assert.strictEqual(lines[0], 'path,line,column,start,end,sentence,strength,negated,actor,cue,topics,sentence_text');
    assert.strictEqual(lines.length - 1, 3, lines.join('\n'));
    const text = await readWorkspaceFile(workspaceFile(A));
    for (const line of lines.slice(1)) {
      const [path, , , start, end, , strength] = line.split(',');
      assert.strictEqual(path, A);
      assert.ok(strength === 'firm' || strength === 'hedged');
      assert.ok(/^(agreed to|reaffirmed|raised)$/.test(text.slice(Number(start), Number(end))));
    }
  });

  it('writes the CLI\'s JSON for a whole folder', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    await vscode.commands.executeCommand('readoutLens.export', 'json', folder, out('all.json'));
    const json = JSON.parse(await readWorkspaceFile(out('all.json')));
    assert.strictEqual(json.version, 1);
    const paths = json.files.map((f: { path: string }) => f.path);
    for (const p of [A, B, SEED]) assert.ok(paths.includes(p), paths.join(', '));
  });

  it('writes SARIF 2.1.0 with a result per cue', async () => {
    await vscode.commands.executeCommand('readoutLens.export', 'sarif', workspaceFile(B), out('pair-b.sarif'));
    const log = JSON.parse(await readWorkspaceFile(out('pair-b.sarif')));
    assert.strictEqual(log.version, '2.1.0');
    assert.strictEqual(log.runs[0].tool.driver.name, 'Readout Lens');
    assert.strictEqual(log.runs[0].results.length, 3);
    assert.strictEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, B);
  });
});
