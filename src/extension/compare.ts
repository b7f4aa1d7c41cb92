// "Readout: Compare with…": two readouts of the same meeting side by side in a webview, aligned by topic,
// with what only one side mentions and the commitments one side states firmly and the other hedges.
// The Comparison comes from the core (compareAnalyses); this adapter picks the files, renders static HTML
// under a strict Content-Security-Policy and reveals a statement in its readout when it is clicked. It is a bundle
// of its own (dist/compare.js), loaded on the first comparison by compareCommand.ts, which registers the command.
import * as vscode from 'vscode';
import { readUri } from './documents';
import { analyze } from '../core/pipeline/analyze';
import { compareAnalyses, type CompareInput, type ComparedCue, type ComparedStatement, type Comparison, type SideKey } from '../core/compare/compare';
import type { CompiledLexicon } from '../core/pipeline/compile';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';
import { reveal } from './views';
import { pageHead } from './webviewPage';

export const COMPARE_VIEW_TYPE = 'readoutLens.compare';

/** A comparison framed as something else than two sides of a meeting (Since Last Time): its title and lead. */
export interface CompareFrame {
  title: string;
  /** Compares the two sides instead of compareAnalyses (to keep what else it finds); the Comparison it returns is shown. */
  compare: (a: CompareInput, b: CompareInput, compiled: CompiledLexicon) => Comparison;
  /** Plain-text lines shown above the comparison, after compare ran. */
  lead: () => string[];
}

/** What the command returns (tests read it): plain data only. */
export interface CompareResult {
  viewType: string;
  title: string;
  a: string;
  b: string;
  comparison: Comparison;
}


function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}


/** QuickPick of the workspace's readouts and .txt files, plus "Browse…" for an open dialog. */
async function pickOther(first: vscode.Uri): Promise<vscode.Uri | undefined> {
  const files = (await vscode.workspace.findFiles('**/*.{readout,txt}', '**/node_modules/**', 500))
    .filter((u) => u.toString() !== first.toString())
    .sort((x, y) => vscode.workspace.asRelativePath(x).localeCompare(vscode.workspace.asRelativePath(y)));
  type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
  const items: Item[] = files.map((uri) => ({ label: basename(uri), description: vscode.workspace.asRelativePath(uri), uri }));
  items.push({ label: '$(folder-opened) Browse…', description: 'choose a file outside the list', alwaysShow: true });
  const choice = await vscode.window.showQuickPick(items, {
    title: `Compare ${basename(first)} with…`,
    placeHolder: 'The other side\'s readout of the same meeting',
    matchOnDescription: true,
  });
  if (!choice) return undefined;
  if (choice.uri) return choice.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Compare',
    filters: { Readouts: ['readout', 'txt', 'md'], 'All files': ['*'] },
  });
  return picked?.[0];
}

export class ComparePanels implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly lexicons: LexiconService) {}

  /**
   * From the editor title: (uri). From the Explorer with two files selected: (uri, [uri1, uri2]).
   * Tests and other commands may pass the second readout as the third argument.
   */
  async run(uri?: unknown, uris?: unknown, other?: unknown): Promise<CompareResult | undefined> {
    // Undefined also when the progress notification's Cancel was chosen while the two readouts were analysed.
    const selected = Array.isArray(uris) ? uris.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
    let a: vscode.Uri | undefined;
    let b: vscode.Uri | undefined;
    if (selected.length >= 2) {
      if (selected.length > 2) void vscode.window.showInformationMessage(`Comparing the first two of the ${selected.length} selected files.`);
      [a, b] = selected;
    } else {
      a = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!a) return void vscode.window.showInformationMessage('Open a readout first, or select two readouts in the Explorer, to compare them.');
      b = other instanceof vscode.Uri ? other : await pickOther(a);
    }
    if (!a || !b) return undefined;
    try {
      return await this.open(a, b);
    } catch (err) {
      void vscode.window.showErrorMessage(`Readout Lens cannot compare these files: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** Compares two readouts (A, B) in the compare webview; `frame` puts another title and a lead on it. */
  async open(a: vscode.Uri, b: vscode.Uri, frame?: CompareFrame): Promise<CompareResult | undefined> {
    const compiled = await this.lexicons.get();
    const side = async (uri: vscode.Uri) => {
      const text = await readUri(uri);
      const analysis = analyze(text, compiled, { maxLength: Math.floor(getSettings(uri).maxFileSizeMB * 1024 * 1024) });
      return { label: basename(uri), text, analysis };
    };
    const comparison = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Comparing ${basename(a)} with ${basename(b)}`, cancellable: true },
      async (_progress, token) => {
        const sideA = token.isCancellationRequested ? undefined : await side(a);
        const sideB = !sideA || token.isCancellationRequested ? undefined : await side(b);
        if (!sideA || !sideB || token.isCancellationRequested) return undefined;
        return frame ? frame.compare(sideA, sideB, compiled) : compareAnalyses(sideA, sideB, compiled);
      },
    );
    if (!comparison) return undefined;
    const title = frame?.title ?? `${basename(a)} ↔ ${basename(b)}`;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      enableFindWidget: true,
    });
    panel.webview.html = renderHtml(panel.webview, media, comparison, frame && { title: frame.title, lead: frame.lead() });
    const uris: Record<SideKey, vscode.Uri> = { a, b };
    panel.webview.onDidReceiveMessage(
      async (msg: unknown) => {
        const m = msg as { type?: string; side?: string; start?: number; end?: number };
        if (m?.type !== 'reveal' || (m.side !== 'a' && m.side !== 'b') || typeof m.start !== 'number' || typeof m.end !== 'number') return;
        const editor = await reveal(uris[m.side], m.start, m.end);
        if (editor.document.languageId === 'plaintext') await vscode.languages.setTextDocumentLanguage(editor.document, 'readout');
      },
      undefined,
      this.disposables,
    );
    return { viewType: COMPARE_VIEW_TYPE, title, a: a.toString(), b: b.toString(), comparison };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTML (static; compare.js only wires clicks and keys to postMessage)

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

function strengthBadge(c: ComparedCue): string {
  const label = `${c.strength === 'firm' ? 'Firm' : 'Hedged'}${c.negated ? ', negated' : ''}`;
  return `<span class="badge ${c.strength}${c.negated ? ' negated' : ''}">${label}</span>`;
}

function revealButton(side: SideKey, start: number, end: number, inner: string, aria: string): string {
  return `<button type="button" class="reveal" data-side="${side}" data-start="${start}" data-end="${end}" aria-label="${esc(aria)}">${inner}</button>`;
}

function cueHtml(c: ComparedCue, comparison: Comparison): string {
  const match = comparison.matches.find((m) => m.a === c.id || m.b === c.id);
  let note: string;
  if (!match) note = `<span class="flag only">No counterpart in the other readout</span>`;
  else if (match.mismatch === 'strength') note = `<span class="flag mismatch">Strength differs: the other side is ${comparison.cues[c.side === 'a' ? match.b : match.a].strength}</span>`;
  else if (match.mismatch === 'negation') note = `<span class="flag mismatch">Negation differs from the other side</span>`;
  else note = `<span class="flag same">Same strength on both sides</span>`;
  return `<li class="cue">${strengthBadge(c)} ${c.actor ? `<span class="actor">${esc(c.actor)}</span> ` : ''}<strong>${esc(c.text)}</strong> ${note}</li>`;
}

function statementHtml(s: ComparedStatement, label: string, comparison: Comparison): string {
  const cues = s.cues.length ? `<ul class="cues">${s.cues.map((c) => cueHtml(c, comparison)).join('')}</ul>` : '';
  const also = s.role === 'secondary' ? '<span class="also">(also)</span> ' : '';
  return `<li class="statement">${revealButton(s.side, s.start, s.end, `${also}${esc(s.text)}`, `Open ${label} at: ${s.text.slice(0, 80)}`)}${cues}</li>`;
}

function sideCell(comparison: Comparison, k: SideKey, list: ComparedStatement[]): string {
  const label = comparison[k].label;
  if (!list.length) return `<div class="side side-${k} empty"><p class="flag omitted">Not mentioned in ${esc(label)}</p></div>`;
  return `<div class="side side-${k}"><ul class="statements" aria-label="${esc(label)}">${list.map((s) => statementHtml(s, label, comparison)).join('')}</ul></div>`;
}

export function renderHtml(webview: vscode.Webview, media: vscode.Uri, c: Comparison, frame?: { title: string; lead: string[] }): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'compare.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'compare.js'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}'; img-src ${webview.cspSource};`;
  const A = esc(c.a.label);
  const B = esc(c.b.label);

  const mismatches = c.matches.filter((m) => m.mismatch);
  const mismatchHtml = mismatches.length
    ? `<ul class="mismatches">${mismatches
        .map((m) => {
          const a = c.cues[m.a];
          const b = c.cues[m.b];
          const one = (q: ComparedCue, label: string): string =>
            `<div class="side side-${q.side}">${revealButton(q.side, q.start, q.end, `${strengthBadge(q)} ${q.actor ? `${esc(q.actor)} ` : ''}<strong>${esc(q.text)}</strong> ${esc(q.what)}`, `Open ${label} at: ${q.text}`)}</div>`;
          return `<li class="pair"><span class="flag mismatch">${m.mismatch === 'strength' ? 'Firm on one side, hedged on the other' : 'Negated on one side only'}</span><div class="row">${one(a, c.a.label)}${one(b, c.b.label)}</div><p class="why">Shared: ${esc(m.shared.map((s) => s.replace(/^@/, '')).join(', '))} (similarity ${m.similarity})</p></li>`;
        })
        .join('')}</ul>`
    : '<p>None found: every commitment both readouts record has the same strength on both sides.</p>';

  const omissionList = (k: SideKey): string => {
    const mine = c.omissions.filter((o) => o.onlyIn === k);
    if (!mine.length) return '<p>Nothing.</p>';
    const topics = mine.filter((o) => o.kind === 'topic').map((o) => esc(o.label));
    const names = mine.filter((o) => o.kind === 'entity').map((o) => {
      const row = c.entities.find((e) => e.id === o.ref);
      const first = row?.[k].first;
      return first ? revealButton(k, first.start, first.end, esc(o.label), `Open ${c[k].label} at ${o.label}`) : esc(o.label);
    });
    const commitments = mine
      .filter((o) => o.kind === 'commitment')
      .map((o) => {
        const q = c.cues[o.ref];
        return `<li>${revealButton(k, q.start, q.end, `${strengthBadge(q)} ${q.actor ? `${esc(q.actor)} ` : ''}<strong>${esc(q.text)}</strong> ${esc(q.what)}`, `Open ${c[k].label} at: ${q.text}`)}</li>`;
      });
    return [
      topics.length ? `<p><span class="flag only">Topics</span> ${topics.join(', ')}</p>` : '',
      names.length ? `<p><span class="flag only">Names</span> ${names.join(', ')}</p>` : '',
      commitments.length ? `<p><span class="flag only">Commitments</span></p><ul class="plain">${commitments.join('')}</ul>` : '',
    ].join('');
  };

  const topicsHtml = c.topics
    .map((t, i) => {
      const only = t.onlyIn ? ` <span class="flag ${t.inPassing ? 'passing' : 'omitted'}">Only in ${esc(c[t.onlyIn].label)}${t.inPassing ? ' (in passing)' : ''}</span>` : '';
      return `<section class="topic" aria-labelledby="topic-${i}"><h3 id="topic-${i}">${esc(t.label)}${only}</h3><div class="row">${sideCell(c, 'a', t.a)}${sideCell(c, 'b', t.b)}</div></section>`;
    })
    .join('');

  const summaryRow = (label: string, a: string, b: string): string => `<tr><th scope="row">${label}</th><td>${a}</td><td>${b}</td></tr>`;

  return `${pageHead(csp, String(css), frame ? esc(frame.title) : `Compare ${A} and ${B}`)}
<body>
<main>
${frame ? `<h1>${esc(frame.title)}</h1>\n<section class="lead" aria-label="Summary">${frame.lead.map((l) => `<p>${esc(l)}</p>`).join('')}</section>` : `<h1>Compare: <span class="side-a-name">${A}</span> ↔ <span class="side-b-name">${B}</span></h1>`}
<table class="summary">
<thead><tr><td></td><th scope="col">A: ${A}</th><th scope="col">B: ${B}</th></tr></thead>
<tbody>
${summaryRow('Date', esc(c.a.date ?? '—'), esc(c.b.date ?? '—'))}
${summaryRow('Issued by', esc(c.a.government ?? '—'), esc(c.b.government ?? '—'))}
${summaryRow('Sentences', String(c.a.sentences), String(c.b.sentences))}
${summaryRow('Firm / hedged', `${c.a.firm} / ${c.a.hedged}`, `${c.b.firm} / ${c.b.hedged}`)}
</tbody>
</table>
<p class="hint">Select any statement to open its readout at that sentence. Commitments are matched by what they are about (the clause after the cue), not by their wording.</p>
<h2 id="mismatches">Stated firmly by one side, hedged by the other (${mismatches.length})</h2>
${mismatchHtml}
<h2 id="omissions">Only one side mentions</h2>
<div class="row">
<div class="side side-a"><h3>Only in ${A}</h3>${omissionList('a')}</div>
<div class="side side-b"><h3>Only in ${B}</h3>${omissionList('b')}</div>
</div>
<h2 id="topics">By topic</h2>
<div class="row column-heads" aria-hidden="true"><div class="side side-a">${A}</div><div class="side side-b">${B}</div></div>
${topicsHtml}
</main>
<script nonce="${n}" src="${js}"></script>
</body>
</html>`;
}
