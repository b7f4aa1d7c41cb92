// The timeline and Track Across Readouts in a real VS Code, on the fictional Norland/Estmark readouts of
// test/fixtures/timeline copied into the workspace: the panel opens (workspace analysis started for the corpus
// model), its table has the counts the core computes from the same files, a message from the page opens the sentence, the page follows a new readout; a wording
// is found across a line break and in capitals, its near variants marked, in the Tracked Wording view.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { counterpartIndex } from '../../src/core/corpus/counterparts';
import { settleHomes, summarizeAnalysis } from '../../src/core/corpus/summary';
import { timeline, type Period, type TimelineSubject } from '../../src/core/corpus/timeline';
import { occurrenceOffsets, trackPhrase, type TrackResult } from '../../src/core/corpus/track';
import { analyze } from '../../src/core/pipeline/analyze';
import { parseHeader } from '../../src/core/readout/header';
import type { ReadoutLensApi } from '../../src/extension';
import type { CorpusFeatures } from '../../src/extension/corpusFeatures';
import { TIMELINE_VIEW_TYPE, type TimelinePanel, type TimelineResult } from '../../src/extension/timeline';
import { activateExtension, waitFor, workspaceRoot } from './util';

const FOLDER = 'timeline';
const PHRASE = 'peace and stability across the Meridian Strait';
const fixtures = (): string => path.join(__dirname, '..', '..', '..', 'test', 'fixtures', FOLDER);
const file = (name: string): vscode.Uri => vscode.Uri.file(path.join(workspaceRoot(), FOLDER, name));

/**
 * The readouts of the corpus model as the core reads them, independently of the extension's worker pool: an
 * open readout from its document (the model takes those from the editor), any other from its file.
 */
async function coreDocs(api: ReadoutLensApi) {
  const compiled = await api.lexicons.get();
  const index = counterpartIndex(compiled.lexicon.entities);
  return Promise.all(
    api.corpus.summaries().map(async ({ path: key }) => {
      const uri = vscode.Uri.parse(key);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const { header, bodyStart } = parseHeader(text, []);
      return {
        summary: summarizeAnalysis(key, analyze(text, compiled), index, text),
        track: { path: key, text, date: header.date, government: header.government, spans: [{ start: bodyStart, end: text.length }] },
      };
    }),
  );
}

function tableRows(html: string): [string, number, number, number][] {
  return [...html.matchAll(/<tr data-period="([^"]+)">.*?<td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g)].map((m) => [m[1], Number(m[2]), Number(m[3]), Number(m[4])]);
}

async function expectedRows(api: ReadoutLensApi, period: Period, subject: TimelineSubject | { phrase: string }): Promise<[string, number, number, number][]> {
  const docs = await coreDocs(api);
  const summaries = docs.map((d) => d.summary);
  settleHomes(summaries);
  const s: TimelineSubject = 'phrase' in subject ? { kind: 'phrase', at: occurrenceOffsets(trackPhrase(subject.phrase, docs.map((d) => d.track))) } : subject;
  return timeline(summaries, period, s).map((p) => [p.period, p.readouts, p.firm, p.hedged]);
}

const timelineTabs = (): vscode.Tab[] =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(TIMELINE_VIEW_TYPE));

describe('timeline and tracked wording', function () {
  this.timeout(90_000);
  let api: ReadoutLensApi;
  /** The timeline and tracked wording, which the Node extension host registers (not the browser's). */
  let features: CorpusFeatures;
  /** The timeline panel, loaded by the first Show Timeline. */
  const panel = (): TimelinePanel => features.timeline ?? assert.fail('the timeline panel is loaded when Show Timeline runs');

  before(async () => {
    fs.cpSync(fixtures(), path.join(workspaceRoot(), FOLDER), { recursive: true });
    api = (await activateExtension()).exports as ReadoutLensApi;
    features = api.corpusFeatures ?? assert.fail('the corpus features run in the Node extension host');
    // The timeline reads the corpus model, which follows the workspace's files a moment after they change: the
    // tests start once it has every readout on disk.
    await vscode.commands.executeCommand('readoutLens.analyzeWorkspace');
    const uris = await vscode.workspace.findFiles('**/*.readout');
    await waitFor(() => (uris.every((u) => api.corpus.summary(u)) ? true : undefined), 'the corpus model up to date', 30_000);
  });

  after(async () => {
    // The timeline started workspace analysis; set and unset, the setting stops it for the suites after this one.
    const config = vscode.workspace.getConfiguration();
    const workspace = api.workspace ?? assert.fail('workspace analysis runs in the Node extension host');
    const earlier = workspace.lastPass;
    await config.update('readoutLens.workspace.analyze', 'workspace', vscode.ConfigurationTarget.Workspace);
    // The pass the setting starts is let finish, so that the next suite finds a finished pass, not a cancelled one.
    await waitFor(() => (workspace.lastPass !== earlier && workspace.lastPass?.cancelled === false ? true : undefined), 'the pass the setting started', 30_000);
    await config.update('readoutLens.workspace.analyze', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => (workspace.analysing || workspace.size ? undefined : true), 'workspace analysis off');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceRoot(), FOLDER), { recursive: true, force: true });
  });

  it('opens a timeline whose table has the counts the core computes, for a phrase and for a topic', async () => {
    const result = (await vscode.commands.executeCommand('readoutLens.showTimeline', { kind: 'phrase', phrase: PHRASE, period: 'year' })) as TimelineResult;
    assert.ok(result, 'the command returns what it charted');
    await waitFor(() => (timelineTabs().length ? true : undefined), 'the timeline tab');
    const html = panel().html ?? '';
    const rows = tableRows(html);
    assert.deepStrictEqual(rows, await expectedRows(api, 'year', { phrase: PHRASE }));
    // The fixture's five readouts use the wording (or a variant) once each, from 2023 to 2025.
    assert.deepStrictEqual(rows.filter((r) => ['2023', '2024', '2025'].includes(r[0])).map((r) => r[1]), [2, 2, 1]);
    assert.ok(rows.every((r) => r[2] + r[3] >= 0) && rows.some((r) => r[2] > 0) && rows.some((r) => r[3] > 0));
    assert.match(html, /<caption>Firm and hedged statements per year: /);

    const topic = (await vscode.commands.executeCommand('readoutLens.showTimeline', { kind: 'topic', topic: 'energy-climate', period: 'quarter' })) as TimelineResult;
    assert.deepStrictEqual(topic.points.map((p) => [p.period, p.readouts, p.firm, p.hedged]), await expectedRows(api, 'quarter', { kind: 'topic', topic: 'energy-climate' }));
    assert.deepStrictEqual(tableRows(panel().html ?? ''), topic.points.map((p) => [p.period, p.readouts, p.firm, p.hedged]));
    assert.strictEqual(timelineTabs().length, 1, 'one timeline panel, reused');
  });

  it('opens the sentence of a statement the page asks for', async () => {
    await vscode.commands.executeCommand('readoutLens.showTimeline', { kind: 'phrase', phrase: PHRASE, period: 'year' });
    await panel().receive({ type: 'select', period: '2023', strength: 'firm' });
    const listed = panel().listed;
    // In 2023 one sentence with the wording holds a firm cue: "... and agreed to patrol its waters together".
    assert.ok(listed && listed.statements.length === 1, JSON.stringify(listed?.statements));
    assert.strictEqual(listed.statements[0].text, 'agreed to');
    const wanted = listed.statements[0];
    const editor = await panel().receive({ type: 'reveal', generation: listed.generation, index: 0 });
    assert.ok(editor);
    assert.strictEqual(editor.document.uri.toString(), wanted.path);
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), wanted.sentenceStart);
    assert.strictEqual(editor.document.offsetAt(editor.selection.end), wanted.sentenceEnd);
    assert.match(editor.document.getText(editor.selection), /stressed that peace and stability\nacross the Meridian Strait .* agreed to patrol/s);
    assert.strictEqual(await panel().receive({ type: 'reveal', generation: listed.generation - 1, index: 0 }), undefined, 'a stale page is ignored');
  });

  it('redraws when a readout is added to the workspace', async () => {
    await vscode.commands.executeCommand('readoutLens.showTimeline', { kind: 'phrase', phrase: PHRASE, period: 'year' });
    assert.doesNotMatch(panel().html ?? '', /data-period="2026"/);
    const text = '---\ntitle: A call\ndate: 2026-01-15\ngovernment: Norland\n---\nThe leaders agreed to defend peace and stability across the Meridian Strait.\n';
    fs.writeFileSync(path.join(workspaceRoot(), FOLDER, 'norland-estmark-2026-01-15.readout'), text);
    await waitFor(() => (/<tr data-period="2026">/.test(panel().html ?? '') ? true : undefined), 'the new year in the table', 20_000);
    fs.rmSync(path.join(workspaceRoot(), FOLDER, 'norland-estmark-2026-01-15.readout'));
    await waitFor(() => (/<tr data-period="2026">/.test(panel().html ?? '') ? undefined : true), 'the year gone again', 20_000);
  });

  it('tracks the selected wording across readouts: across a line break and case, variants marked', async () => {
    const doc = await vscode.workspace.openTextDocument(file('norland-estmark-2023-02-10.readout'));
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf(PHRASE);
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + PHRASE.length));
    const result = (await vscode.commands.executeCommand('readoutLens.trackAcrossReadouts')) as TrackResult;
    assert.ok(result);
    assert.strictEqual(result.phrase, PHRASE);
    const ours = result.occurrences.filter((o) => o.path.includes(`/${FOLDER}/`));
    assert.deepStrictEqual(ours.map((o) => [o.date, o.variant]), [['2023-02-10', false], ['2023-08-22', false], ['2024-05-03', false], ['2024-11-18', true], ['2025-03-27', true]]);
    assert.ok(ours[1].text.includes('\n') && ours[2].text === PHRASE.toUpperCase());
    assert.deepStrictEqual(result.byGovernment.Estmark, { exact: 1, variant: 1, readouts: 2 });

    const view = features.trackedWording;
    const [root] = view.getChildren();
    assert.strictEqual(view.getTreeItem(root).label, `“${PHRASE}”`);
    const groups = view.getChildren(root);
    const labels = groups.map((g) => String(view.getTreeItem(g).label));
    assert.ok(labels[0].startsWith('First use: 2023-02-10') && labels[1].startsWith('Last use: 2025-03-27'), labels.join(' | '));
    const wordings = view.getChildren(groups.find((g) => view.getTreeItem(g).label === 'Wordings'));
    const described = wordings.map((w) => `${String(view.getTreeItem(w).label)} — ${String(view.getTreeItem(w).description)}`);
    assert.strictEqual(described.length, 3, described.join('\n'));
    assert.match(described[0], /^peace and stability across the meridian strait — as tracked · 3 uses in 3 readouts/);
    assert.ok(described.slice(1).every((d) => / — variant · 1 use in 1 readout/.test(d)), described.join('\n'));
    const years = view.getChildren(groups.find((g) => view.getTreeItem(g).label === 'By year')).map((y) => `${String(view.getTreeItem(y).label)}: ${String(view.getTreeItem(y).description)}`);
    assert.ok(years.includes('2024: 1 use, 1 variant in 2 readouts'), years.join('\n'));

    // A variant's use is one click from its place.
    const variant = view.getChildren(wordings[1]);
    const use = view.getChildren(variant[0])[0];
    const command = view.getTreeItem(use).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const opened = vscode.window.activeTextEditor;
    assert.ok(opened && /in the Meridian Straits?/.test(opened.document.getText(opened.selection)));
  });

  it('tracks the cue under the cursor when nothing is selected', async () => {
    const doc = await vscode.workspace.openTextDocument(file('norland-estmark-2023-02-10.readout'));
    const editor = await vscode.window.showTextDocument(doc);
    await api.analysisFor(doc);
    const at = doc.getText().indexOf('reaffirmed') + 3;
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const result = (await vscode.commands.executeCommand('readoutLens.trackAcrossReadouts')) as TrackResult;
    assert.strictEqual(result.phrase, 'reaffirmed');
    assert.ok(result.occurrences.some((o) => o.path === doc.uri.toString()));
    assert.strictEqual(features.trackedWording.results[0], result, 'the newest first');
  });
});
