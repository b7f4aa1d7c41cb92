// Performance figures measured inside the real VS Code, for `npm run bench`: activation time, keystroke →
// updated diagnostics on a 1 MB readout, and the longest event-loop block of the extension host while a
// 10 MB readout is opened, analysed and edited. Runs only when READOUT_LENS_TEST_GREP selects "performance";
// it prints figures (lines starting with "PERF ") and asserts no timing.
import * as assert from 'assert';
import * as fs from 'fs';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import { SEED, activateExtension, waitFor, workspaceFile } from './util';

function report(name: string, value: Record<string, number | string>): void {
  console.log(`PERF ${JSON.stringify({ name, ...value })}`);
}

/** A readout of about `bytes` UTF-16 units: the seed's body repeated as paragraphs. */
function bigReadout(bytes: number): string {
  const seed = fs.readFileSync(workspaceFile(SEED).fsPath, 'utf8');
  const body = seed.replace(/^date \d{4}-\d{2}-\d{2}\s*/, '');
  const parts = ['date 2023-05-19 '];
  let length = parts[0].length;
  while (length < bytes) {
    parts.push(body, '\n\n');
    length += body.length + 2;
  }
  return parts.join('');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Resolves with the time from `start` until diagnostics of `uri` change. */
function nextDiagnostics(uri: vscode.Uri, start: number): Promise<number> {
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        sub.dispose();
        resolve(performance.now() - start);
      }
    });
  });
}

describe('performance (bench figures)', function () {
  this.timeout(300_000);
  before(function () {
    if (!/performance/.test(process.env.READOUT_LENS_TEST_GREP ?? '')) this.skip();
  });

  it('reports how long activate() took', async () => {
    const api = (await activateExtension()).exports as ReadoutLensApi;
    assert.strictEqual(typeof api.activationMs, 'number');
    report('activation', { ms: Number(api.activationMs.toFixed(2)) });
  });

  it('reports keystroke → updated diagnostics on a 1 MB readout (p50/p95 of 20 edits)', async () => {
    const api = (await activateExtension()).exports as ReadoutLensApi;
    const uri = workspaceFile('bench-1mb.readout');
    fs.writeFileSync(uri.fsPath, bigReadout(1 << 20));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await api.analysisFor(doc);
    await waitFor(() => (vscode.languages.getDiagnostics(uri).length > 0 ? true : undefined), 'diagnostics on the 1 MB readout', 60_000);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const edit = new vscode.WorkspaceEdit();
      // Type into the middle of the document, as a reader annotating it would.
      edit.insert(uri, doc.positionAt(Math.floor(doc.getText().length / 2)), i % 2 ? ' ' : 'x');
      const start = performance.now();
      const updated = nextDiagnostics(uri, start);
      assert.ok(await vscode.workspace.applyEdit(edit));
      times.push(await updated);
    }
    const debounceMs = vscode.workspace.getConfiguration('readoutLens').get<number>('analysis.debounceMs', 60);
    report('keystroke-1mb', {
      p50: Number(percentile(times, 50).toFixed(1)),
      p95: Number(percentile(times, 95).toFixed(1)),
      max: Number(Math.max(...times).toFixed(1)),
      debounceMs,
      edits: times.length,
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports the longest extension-host block while a 10 MB readout is opened, analysed and edited', async () => {
    const api = (await activateExtension()).exports as ReadoutLensApi;
    const uri = workspaceFile('bench-10mb.readout');
    fs.writeFileSync(uri.fsPath, bigReadout(10 << 20));
    // Two views of the same thing: the histogram of event-loop delays, and the longest gap between ticks of a
    // 5 ms interval.
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    histogram.enable();
    const started = performance.now();
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const analysis = await api.analysisFor(doc);
      assert.ok(analysis, 'the 10 MB readout was analysed');
      const analysedMs = performance.now() - started;
      for (let i = 0; i < 5; i++) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, doc.positionAt(1000 * (i + 1)), 'x');
        const updated = nextDiagnostics(uri, performance.now());
        await vscode.workspace.applyEdit(edit);
        await updated;
      }
      report('block-10mb', {
        longestGapMs: Number(longestGap.toFixed(1)),
        eventLoopDelayMaxMs: Number((histogram.max / 1e6).toFixed(1)),
        eventLoopDelayP99Ms: Number((histogram.percentile(99) / 1e6).toFixed(1)),
        openToAnalysisMs: Number(analysedMs.toFixed(0)),
        analysedUnits: analysis.analyzedLength,
        truncated: String(analysis.truncated),
      });
    } finally {
      clearInterval(ticker);
      histogram.disable();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
