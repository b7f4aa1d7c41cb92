// Outline, breadcrumbs and Go to Symbol: topics, each holding the paragraphs (or the parts of them) whose
// sentences have that primary topic, each holding its sentences.
import * as vscode from 'vscode';
import type { Analysis, Cue } from '../core/types';
import type { AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';

function label(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function documentSymbols(document: vscode.TextDocument, analysis: Analysis, topicLabel: (id: string) => string): vscode.DocumentSymbol[] {
  const range = (start: number, end: number): vscode.Range => new vscode.Range(document.positionAt(start), document.positionAt(end));
  const cuesBySentence = new Map<number, Cue[]>();
  for (const c of analysis.cues) cuesBySentence.set(c.sentence, [...(cuesBySentence.get(c.sentence) ?? []), c]);
  // topic → paragraph → sentence indices, in document order
  const tree = new Map<string, Map<number, number[]>>();
  for (const t of analysis.topics) {
    const s = analysis.readout.sentences[t.sentence];
    if (!s) continue;
    const paragraphs = tree.get(t.primary) ?? new Map<number, number[]>();
    paragraphs.set(s.paragraph, [...(paragraphs.get(s.paragraph) ?? []), s.index]);
    tree.set(t.primary, paragraphs);
  }
  const symbols: vscode.DocumentSymbol[] = [];
  for (const [topic, paragraphs] of tree) {
    const paragraphSymbols: vscode.DocumentSymbol[] = [];
    for (const [p, indices] of paragraphs) {
      const sentences = indices.map((i) => analysis.readout.sentences[i]);
      const first = sentences[0];
      const last = sentences[sentences.length - 1];
      const children = sentences.map((s) => {
        const cues = cuesBySentence.get(s.index) ?? [];
        const firm = cues.filter((c) => c.strength === 'firm').length;
        const detail = cues.length ? `${firm} firm · ${cues.length - firm} hedged` : '';
        const r = range(s.start, s.end);
        return new vscode.DocumentSymbol(label(s.text), detail, firm ? vscode.SymbolKind.Event : vscode.SymbolKind.String, r, r);
      });
      const r = range(first.start, last.end);
      const sym = new vscode.DocumentSymbol(`¶${p + 1}`, label(first.text, 40), vscode.SymbolKind.Module, r, range(first.start, first.start));
      sym.children = children;
      paragraphSymbols.push(sym);
    }
    const start = paragraphSymbols[0].range.start;
    const end = paragraphSymbols.reduce((e, s) => (s.range.end.isAfter(e) ? s.range.end : e), paragraphSymbols[0].range.end);
    const topicSym = new vscode.DocumentSymbol(topicLabel(topic), topic, vscode.SymbolKind.Namespace, new vscode.Range(start, end), new vscode.Range(start, start));
    topicSym.children = paragraphSymbols;
    symbols.push(topicSym);
  }
  return symbols;
}

export class ReadoutSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: AnalysisService, private readonly lexicons: LexiconService) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const analysis = await this.analyses.getAsync(document);
    if (!analysis) return [];
    const compiled = this.lexicons.current();
    return documentSymbols(document, analysis, (id) => compiled?.topicById.get(id)?.label ?? id);
  }
}
