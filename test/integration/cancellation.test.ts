// Providers honour their cancellation token in the real VS Code: one called with a token already cancelled
// answers at once with nothing, and a caller that gives up does not stop the analysis the others wait for.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import { SYNC_THRESHOLD } from '../../src/runtime/analysisRunner';
import { activateExtension, openSeed, openUntitled } from './util';

/**
 * Past SYNC_THRESHOLD (by default), so its analysis runs in slices over many turns. Each copy of the seed numbers
 * its paragraphs: copies of one paragraph would come from the paragraph cache at once, and the analysis of a
 * readout of copies could end within the turn a test expects it to be running in (it did in the browser host).
 */
async function openLargeReadout(seed: string, length = SYNC_THRESHOLD + 1): Promise<vscode.TextDocument> {
  let text = seed;
  for (let copy = 1; text.length < length; copy++) {
    let paragraph = 0;
    text += `\n\n${seed.replace(/\n\n(?=\S)/g, () => `\n\n(${copy}.${++paragraph}) `)}`;
  }
  return openUntitled(text);
}

function cancelledToken(): vscode.CancellationToken {
  const source = new vscode.CancellationTokenSource();
  source.cancel();
  return source.token;
}

describe('cancellation', () => {
  let api: ReadoutLensApi;
  let seed: string;
  before(async () => {
    seed = (await openSeed()).getText();
    api = (await activateExtension()).exports as ReadoutLensApi;
  });

  it('every provider called with an already-cancelled token returns an empty result at once', async () => {
    const doc = await openLargeReadout(seed);
    const token = cancelledToken();
    const at = doc.positionAt(doc.getText().indexOf('IPEF'));
    const wholeDocument = new vscode.Range(0, 0, doc.lineCount, 0);
    const started = performance.now();
    const { hover, folding, symbols, semanticTokens, codeLens, definition } = api.providers;
    const results = await Promise.all([
      hover.provideHover(doc, at, token),
      folding.provideFoldingRanges(doc, {}, token),
      symbols.provideDocumentSymbols(doc, token),
      semanticTokens.provideDocumentRangeSemanticTokens(doc, wholeDocument, token),
      codeLens.provideCodeLenses(doc, token),
      definition.provideDefinition(doc, at, token),
    ]);
    const elapsed = performance.now() - started;
    assert.deepStrictEqual(
      results.map((r) => (Array.isArray(r) ? r.length : r)),
      [undefined, 0, 0, undefined, 0, undefined],
    );
    // Far less than the slices of a first analysis of this readout take.
    assert.ok(elapsed < 100, `took ${elapsed.toFixed(1)} ms`);
    const analysis = await api.analysisFor(doc);
    assert.ok(analysis && analysis.cues.length > 0, 'the document is still analysed');
  });

  it('a caller that gives up mid-wait returns nothing, while the analysis completes for the others', async () => {
    // About 1 MB: its first analysis takes many turns, so the wait below is cancelled before it ends.
    const doc = await openLargeReadout(seed, 1_000_000);
    const source = new vscode.CancellationTokenSource();
    const gaveUp = api.providers.symbols.provideDocumentSymbols(doc, source.token);
    const at = doc.positionAt(doc.getText().indexOf('IPEF'));
    let hoverDone = false;
    const patient = api.providers.hover.provideHover(doc, at, new vscode.CancellationTokenSource().token).then((h) => {
      hoverDone = true;
      return h;
    });
    // Cancelled a turn later, while the analysis runs in slices (past the wait for the lexicons).
    await new Promise((r) => setTimeout(r, 0));
    const analysing = !hoverDone;
    source.cancel();
    assert.deepStrictEqual(await gaveUp, []);
    if (analysing) assert.ok(!hoverDone, 'the cancelled caller returned before the analysis was done');
    assert.ok(await patient, 'the hover from the same analysis');
    const analysis = await api.analysisFor(doc);
    assert.ok(analysis);
    const outline = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(outline.length > 0);
  });

  it('the seed readout (analysed at once) gives nothing to a cancelled caller and everything to the next one', async () => {
    const doc = await openSeed();
    assert.deepStrictEqual(await api.providers.symbols.provideDocumentSymbols(doc, cancelledToken()), []);
    const symbols = await api.providers.symbols.provideDocumentSymbols(doc, new vscode.CancellationTokenSource().token);
    assert.ok(symbols.length > 0);
  });
});
