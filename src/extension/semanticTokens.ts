// Semantic highlighting from the Analysis: what the grammar cannot know (which "will" is a cue, user
// lexicon entities, actors). Legend: token types `cue`, `actor`, `entity`; modifiers firm/hedged/negated
// on cues and the entity type on entities. package.json maps each to TextMate scopes as a fallback.
import * as vscode from 'vscode';
import { ENTITY_TYPES } from '../core/types';
import type { Analysis } from '../core/types';
import { LineIndex, SLICE_MS, nextTurn, type AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

export const TOKEN_TYPES = ['cue', 'actor', 'entity'] as const;
export const TOKEN_MODIFIERS = ['firm', 'hedged', 'negated', ...ENTITY_TYPES] as const;
export const legend = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

const typeIndex = (t: (typeof TOKEN_TYPES)[number]): number => TOKEN_TYPES.indexOf(t);
const modifierBit = (m: (typeof TOKEN_MODIFIERS)[number]): number => 1 << TOKEN_MODIFIERS.indexOf(m);

interface Token {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

/** Tokens in document order, without overlaps (a cue wins over an entity or actor it overlaps). */
export function semanticTokens(analysis: Analysis, actorSpans: { start: number; end: number }[]): Token[] {
  const tokens: Token[] = [];
  for (const c of analysis.cues) {
    let mods = modifierBit(c.strength);
    if (c.negated) mods |= modifierBit('negated');
    tokens.push({ start: c.start, end: c.end, type: typeIndex('cue'), modifiers: mods });
  }
  for (const a of actorSpans) tokens.push({ start: a.start, end: a.end, type: typeIndex('actor'), modifiers: 0 });
  for (const e of analysis.entities) tokens.push({ start: e.start, end: e.end, type: typeIndex('entity'), modifiers: modifierBit(e.type) });
  tokens.sort((a, b) => a.start - b.start || a.type - b.type);
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && t.start < last.end) continue;
    out.push(t);
  }
  return out;
}

/** Where each cue's actor is written in its sentence (the nearest occurrence before the cue). */
export function actorSpans(analysis: Analysis): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const c of analysis.cues) {
    if (!c.actor) continue;
    const sentence = analysis.readout.sentences[c.sentence];
    if (!sentence) continue;
    // The last occurrence ending before the cue, without slicing the sentence for every cue.
    const from = c.start - sentence.start - c.actor.length;
    const at = from < 0 ? -1 : sentence.text.lastIndexOf(c.actor, from);
    if (at >= 0) spans.push({ start: sentence.start + at, end: sentence.start + at + c.actor.length });
  }
  return spans;
}

export class ReadoutSemanticTokensProvider implements vscode.DocumentSemanticTokensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly analyses: AnalysisService, lexicons: LexiconService) {
    this.disposables = [
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readoutLens.semanticHighlighting')) this.changed.fire();
      }),
      // New user lexicon entities change the tokens without a document edit.
      lexicons.onDidChange(() => this.changed.fire()),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  async provideDocumentSemanticTokens(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    const builder = new vscode.SemanticTokensBuilder(legend);
    if (!getSettings(document.uri).semanticHighlighting) return builder.build();
    const analysis = await this.analyses.getAsync(document);
    if (!analysis || token.isCancellationRequested) return undefined;
    // Positions from the line index in one forward pass over the sorted tokens (no positionAt per token), in
    // slices of SLICE_MS so a large readout never blocks the extension host.
    const starts = LineIndex.of(document).starts;
    const tokens = semanticTokens(analysis, actorSpans(analysis));
    let line = 0;
    const lineOf = (offset: number): number => {
      while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
      return line;
    };
    let sliceStart = performance.now();
    for (let i = 0; i < tokens.length; i++) {
      if ((i & 1023) === 1023 && performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        if (token.isCancellationRequested) return undefined;
        sliceStart = performance.now();
      }
      const t = tokens[i];
      const aLine = lineOf(t.start);
      const aChar = t.start - starts[aLine];
      const bLine = lineOf(t.end);
      const bChar = t.end - starts[bLine];
      line = aLine;
      // Semantic tokens cannot span lines: split a token that crosses a line break.
      if (aLine === bLine) builder.push(aLine, aChar, bChar - aChar, t.type, t.modifiers);
      else {
        for (let l = aLine; l <= bLine; l++) {
          const from = l === aLine ? aChar : 0;
          const to = l === bLine ? bChar : document.lineAt(l).text.length;
          if (to > from) builder.push(l, from, to - from, t.type, t.modifiers);
        }
      }
    }
    return builder.build();
  }
}
