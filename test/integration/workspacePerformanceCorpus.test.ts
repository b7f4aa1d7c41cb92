// The Corpus view and Since Last Time on ../shared/samples/wh-readouts in the runner's corpus run (after
// workspacePerformance.test.ts, whose first pass it reads: the file names sort so): every readout grouped, a
// filter, the previous readout of the largest counterpart's latest; prints how long the groupings take ("PERF").
import * as assert from 'assert';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import type { SinceResult } from '../../src/extension/sinceLastTime';
import { activateExtension, waitFor } from './util';

function compareTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('readoutLens.compare'));
}

describe('workspace performance: the corpus view on ../shared/samples/wh-readouts', function () {
  this.timeout(300_000);
  before(function () {
    if (process.env.READOUT_LENS_WORKSPACE !== 'corpus') {
      console.log('    (runs in the runner\'s corpus run, READOUT_LENS_TEST_GREP=performance, where ../shared/samples/wh-readouts is the workspace)');
      this.skip();
    }
  });

  it('lists every readout by counterpart and date, filters them, and finds the previous readout of a pair', async () => {
    const api = (await activateExtension()).exports as ReadoutLensApi;
    if (!api.workspace.lastPass) await vscode.commands.executeCommand('readoutLens.analyzeWorkspace');
    await waitFor(() => (api.corpus.summaries().length >= 1000 ? true : undefined), 'the corpus of the workspace', 120_000);
    const total = api.corpus.summaries().length;
    api.corpusView.setGrouping('counterpart');
    let started = performance.now();
    const groups = api.corpusView.tree.getChildren();
    const buildMs = performance.now() - started;
    assert.ok(groups.length > 10, `${groups.length} counterparts`);
    const inGroups = new Set(groups.flatMap((g) => api.corpusView.tree.getChildren(g)).map((n) => (n.kind === 'readout' ? n.summary.path : '')));
    assert.strictEqual(inGroups.size, total, 'every readout is in a counterpart group');
    api.corpusView.setGrouping('date');
    started = performance.now();
    const years = api.corpusView.tree.getChildren();
    const dateMs = performance.now() - started;
    assert.strictEqual(years.reduce((n, y) => n + (y.kind === 'group' ? y.readouts.length : 0), 0), total);
    api.corpusView.setGrouping('counterpart');
    await vscode.commands.executeCommand('readoutLens.corpus.filterByTopic', 'taiwan');
    const taiwan = api.corpus.filtered(api.corpusView.tree.filter).length;
    assert.ok(taiwan > 0 && taiwan < total, `${taiwan} of ${total} readouts speak of Taiwan`);
    api.corpusView.setFilter({});
    // The latest readout of the largest counterpart group has an earlier one.
    const biggest = groups[0].kind === 'group' ? groups[0] : undefined;
    assert.ok(biggest && biggest.readouts.length > 2);
    const latest = biggest.readouts[biggest.readouts.length - 1];
    const result = (await vscode.commands.executeCommand('readoutLens.sinceLastTime', api.corpus.uriOf(latest))) as SinceResult;
    assert.ok(result.previous && result.compare, JSON.stringify({ ...result, compare: undefined }));
    await vscode.window.tabGroups.close(compareTabs());
    const mb = (n: number): number => Math.round(n / 1048576);
    console.log(`    PERF ${JSON.stringify({ name: 'corpus-view', readouts: total, counterparts: groups.length, byCounterpartMs: Number(buildMs.toFixed(1)), byDateMs: Number(dateMs.toFixed(1)), biggest: biggest.label, heapMB: mb(process.memoryUsage().heapUsed) })}`);
  });
});
