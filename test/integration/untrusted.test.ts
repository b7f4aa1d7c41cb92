// Workspace trust: in a workspace in Restricted Mode Readout Lens still analyses readouts, with its built-in
// lexicons only; workspace lexicon files are never read (they are YAML data, but the policy is that nothing
// from an untrusted workspace shapes what the extension shows). Runs only in the runner's second VS Code,
// started with workspace trust on (READOUT_LENS_TRUST=untrusted); skipped in the main run.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import { activateExtension, openSeed, waitFor } from './util';

describe('untrusted workspace', function () {
  before(function () {
    if (process.env.READOUT_LENS_TRUST !== 'untrusted') this.skip();
  });

  it('is in Restricted Mode', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('analyses readouts with the built-in lexicons and reads no workspace lexicon', async () => {
    const doc = await openSeed();
    const api = (await activateExtension()).exports as ReadoutLensApi;
    const compiled = await api.lexicons.get();
    // The workspace has .readout-lens/broken.yaml, whose good entry loads in a trusted workspace (lexicons.test.ts).
    assert.deepStrictEqual(api.lexicons.files(), []);
    assert.strictEqual(compiled.entityById.has('hiroshima-vision'), false);
    assert.ok(compiled.entityById.has('ipef'), 'built-in entities are there');
    const analysis = await api.analysisFor(doc);
    assert.ok(analysis && analysis.cues.length > 0);
    await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'Readout Lens') ? true : undefined), 'cue diagnostics');
    // No lexicon diagnostics either: the broken workspace file was never parsed.
    const lexiconFile = (await vscode.workspace.findFiles('.readout-lens/broken.yaml'))[0];
    assert.ok(lexiconFile, 'the fixture lexicon is in the workspace');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(lexiconFile), []);
  });
});
