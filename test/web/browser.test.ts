// What only the browser's web worker extension host shows: the suite runs there (no `process`, a worker's
// global scope), the extension came from its "browser" entry, read its built-in lexicons through
// vscode.workspace.fs, says so when a command that needs Node is run, and analyses a large readout in slices
// without holding the host's thread.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import { WORKER_THRESHOLD } from '../../src/runtime/analysisRunner';
import { NOT_IN_BROWSER } from '../../src/extension/web/notInBrowser';
import { activateExtension, openSeed, openUntitled } from '../integration/util';

describe('in the browser extension host', () => {
  let api: ReadoutLensApi;
  before(async () => {
    await openSeed();
    api = (await activateExtension()).exports as ReadoutLensApi;
  });

  it('runs where Node is not: no process, a web worker', () => {
    assert.strictEqual(typeof process, 'undefined');
    assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('activated the browser entry of a copy without a Node one', async () => {
    const ext = await activateExtension();
    const manifest = ext.packageJSON as { main?: string; browser?: string };
    assert.strictEqual(manifest.main, undefined);
    assert.strictEqual(manifest.browser, './dist/web/extension.js');
    assert.strictEqual(api.workspace, undefined, 'no workspace analysis: it needs worker threads');
  });

  it('reads the built-in lexicons from the extension folder through vscode.workspace.fs', async () => {
    const ext = await activateExtension();
    assert.notStrictEqual(ext.extensionUri.scheme, 'file', `extension at ${ext.extensionUri.toString()}`);
    const compiled = await api.lexicons.get();
    assert.ok(compiled.lexicon.cues.length > 50 && compiled.lexicon.entities.length > 50 && compiled.lexicon.topics.length > 5);
  });

  it('says so when a command that needs Node runs, instead of failing', async () => {
    for (const { command, what } of NOT_IN_BROWSER) {
      const said = await vscode.commands.executeCommand<string>(command);
      assert.match(said, /is not available in the browser/, command);
      assert.ok(said.includes(what), said);
    }
  });

  it('analyses a readout past the worker threshold in slices, the host answering all along', async () => {
    const seed = (await openSeed()).getText();
    // Each copy's paragraphs made its own (the analysis reuses a paragraph it has seen), so all of it is analysed.
    let text = seed;
    for (let copy = 1; text.length <= WORKER_THRESHOLD; copy++) text += `\n\n${seed.split('\n\n').map((p) => `${p} Copy ${copy}.`).join('\n\n')}`;
    // Opened as plain text, so that nothing analyses it before the heartbeat starts.
    const plain = await openUntitled(text, 'plaintext');
    // A heartbeat of timers: a host held for the whole analysis would let none of them run meanwhile.
    let beats = 0;
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      beats++;
    }, 1);
    const started = performance.now();
    const doc = await vscode.languages.setTextDocumentLanguage(plain, 'readout');
    const analysis = await api.analysisFor(doc);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    assert.ok(analysis && analysis.cues.length > 0 && !analysis.truncated);
    assert.strictEqual(analysis.textLength, text.length);
    console.log(`      ${(text.length / 1024 / 1024).toFixed(1)} MB analysed in ${elapsed.toFixed(0)} ms; ${beats} heartbeats, longest gap ${longest.toFixed(0)} ms`);
    assert.ok(beats >= 20, `only ${beats} heartbeats in ${elapsed.toFixed(0)} ms: the analysis held the host`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
