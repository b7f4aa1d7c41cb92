// Outline, breadcrumbs and Go to Symbol: topics, each holding the paragraphs (or the parts of them) whose
// sentences have that primary topic, each holding its sentences; symbols nest without overlapping.
import * as vscode from 'vscode';
import type { Analysis, Cue, Sentence } from '../core/types';
import { SLICE_MS } from '../runtime/scheduler';
import type { AnalysisService } from './analysisService';
import type { LineIndex } from './lineIndex';
import type { LexiconService } from './lexiconService';
import { formatCount } from '../core/text/format';

function computeLabel(text: string, max: number): string {
  // A long sentence's label comes from its beginning: flatten that alone when it is long enough.
  if (text.length > 4 * max) {
    const head = text.slice(0, 4 * max).replace(/\s+/g, ' ').trim();
    if (head.length > max) return `${head.slice(0, max - 1)}…`;
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Labels by sentence text, per length: the editor asks for the outline after every edit, and all but the edited
 * sentences have the same labels as before. Forgotten past LABEL_CACHE entries, so memory stays bounded.
 */
const labels = new Map<number, Map<string, string>>();
const LABEL_CACHE = 20_000;

function label(text: string, max = 60): string {
  let cache = labels.get(max);
  if (!cache) labels.set(max, (cache = new Map()));
  let l = cache.get(text);
  if (l === undefined) {
    if (cache.size >= LABEL_CACHE) cache.clear();
    l = computeLabel(text, max);
    cache.set(text, l);
  }
  return l;
}

/**
 * Topic → paragraph → sentence. Topics are runs of consecutive sentences with the same primary topic, so the
 * symbols nest without overlapping and breadcrumbs name the topic under the cursor; a topic that comes back
 * later in the readout gets a second entry.
 */
/**
 * On a huge readout the outline lists the statements of its first MAX_OUTLINE_SENTENCES sentences and then one
 * "…" entry saying how many it leaves out: tens of thousands of symbols take seconds to build and send to the
 * editor, and nobody navigates them in an outline. The editor asks again after every edit (breadcrumbs, sticky
 * scroll): on a 1 MB readout sending 2,000 sentences' symbols took the extension host 40-90 ms each time.
 */
export const MAX_OUTLINE_SENTENCES = 1000;

export function documentSymbols(lines: LineIndex, analysis: Analysis, topicLabel: (id: string) => string): vscode.DocumentSymbol[] {
  const steps = symbolSteps(lines, analysis, topicLabel);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** documentSymbols() as steps: it yields every few hundred sentences, so a caller can spread it over turns. */
export function* symbolSteps(lines: LineIndex, analysis: Analysis, topicLabel: (id: string) => string): Generator<void, vscode.DocumentSymbol[]> {
  const range = (start: number, end: number): vscode.Range => lines.range(start, end);
  const all = analysis.readout.sentences;
  const sentences = all.length > MAX_OUTLINE_SENTENCES ? all.slice(0, MAX_OUTLINE_SENTENCES) : all;
  // Only the listed sentences' cues and topics: a huge readout's others are skipped without allocating.
  const listed = sentences.length;
  const cuesBySentence = new Map<number, Cue[]>();
  for (const c of analysis.cues) {
    if (c.sentence >= listed) continue;
    const list = cuesBySentence.get(c.sentence);
    if (list) list.push(c);
    else cuesBySentence.set(c.sentence, [c]);
  }
  const topicOf = new Map<number, string>();
  for (const t of analysis.topics) if (t.sentence < listed) topicOf.set(t.sentence, t.primary);

  const sentenceSymbol = (s: Sentence): vscode.DocumentSymbol => {
    const cues = cuesBySentence.get(s.index) ?? [];
    const firm = cues.filter((c) => c.strength === 'firm').length;
    const detail = cues.length ? `${firm} firm · ${cues.length - firm} hedged` : '';
    const r = range(s.start, s.end);
    return new vscode.DocumentSymbol(label(s.text), detail, firm ? vscode.SymbolKind.Event : vscode.SymbolKind.String, r, r);
  };
  const group = (items: Sentence[], key: (s: Sentence) => string | number): Sentence[][] => {
    const runs: Sentence[][] = [];
    for (const s of items) {
      const last = runs[runs.length - 1];
      if (last && key(last[0]) === key(s)) last.push(s);
      else runs.push([s]);
    }
    return runs;
  };

  const symbols: vscode.DocumentSymbol[] = [];
  let sinceYield = 0;
  for (const run of group(sentences, (s) => topicOf.get(s.index) ?? 'other')) {
    const topic = topicOf.get(run[0].index) ?? 'other';
    // A yield every 64 sentences or so, inside a topic's run too (one run may hold the whole outline).
    const paragraphs: vscode.DocumentSymbol[] = [];
    for (const part of group(run, (s) => s.paragraph)) {
      if (sinceYield >= 64) {
        sinceYield = 0;
        yield;
      }
      sinceYield += part.length;
      const first = part[0];
      const r = range(first.start, part[part.length - 1].end);
      const sym = new vscode.DocumentSymbol(`¶${first.paragraph + 1}`, label(first.text, 40), vscode.SymbolKind.Module, r, range(first.start, first.start));
      sym.children = part.map(sentenceSymbol);
      paragraphs.push(sym);
    }
    const r = range(run[0].start, run[run.length - 1].end);
    const sym = new vscode.DocumentSymbol(topicLabel(topic), topic, vscode.SymbolKind.Namespace, r, range(run[0].start, run[0].start));
    sym.children = paragraphs;
    symbols.push(sym);
  }
  if (sentences.length < all.length) {
    const rest = all[sentences.length];
    const r = range(rest.start, all[all.length - 1].end);
    const more = all.length - sentences.length;
    symbols.push(new vscode.DocumentSymbol('…', `${formatCount(more)} more sentences not listed (large readout)`, vscode.SymbolKind.Null, r, range(rest.start, rest.start)));
  }
  return symbols;
}

export class ReadoutSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: AnalysisService, private readonly lexicons: LexiconService) {}

  /** The symbols last built per Analysis (the outline and breadcrumbs may both ask for one version). */
  private readonly built = new WeakMap<Analysis, { version: number; labels: unknown; symbols: vscode.DocumentSymbol[] }>();

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const analysis = await this.analyses.getAsync(document, token);
    if (!analysis || token.isCancellationRequested) return [];
    const compiled = this.lexicons.current();
    const hit = this.built.get(analysis);
    if (hit && hit.version === document.version && hit.labels === compiled) return hit.symbols;
    // In slices of SLICE_MS, so the outline of a large readout does not block the extension host in one go.
    const version = document.version;
    const steps = symbolSteps(this.analyses.lines(document), analysis, (id) => compiled?.topicById.get(id)?.label ?? id);
    let sliceStart = performance.now();
    let step = steps.next();
    while (!step.done) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await this.analyses.scheduler.nextTurn();
        if (token.isCancellationRequested) return [];
        sliceStart = performance.now();
      }
      step = steps.next();
    }
    this.built.set(analysis, { version, labels: compiled, symbols: step.value });
    return step.value;
  }
}
