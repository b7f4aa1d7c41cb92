// Semantic highlighting from the Analysis: what the grammar cannot know (which "will" is a cue, user
// lexicon entities, actors). Legend: token types `cue`, `actor`, `entity`; modifiers firm/hedged/negated
// on cues and the entity type on entities. package.json maps each to TextMate scopes as a fallback.
import * as vscode from 'vscode';
import { lowerBound } from '../core/text/spans';
import { ENTITY_TYPES } from '../core/types';
import type { Analysis } from '../core/types';
import type { AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

export const TOKEN_TYPES = ['cue', 'actor', 'entity'] as const;
export const TOKEN_MODIFIERS = ['firm', 'hedged', 'negated', ...ENTITY_TYPES] as const;
export const legend = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

const typeIndex = (t: (typeof TOKEN_TYPES)[number]): number => TOKEN_TYPES.indexOf(t);
const modifierBit = (m: (typeof TOKEN_MODIFIERS)[number]): number => 1 << TOKEN_MODIFIERS.indexOf(m);

/** Tokens as parallel arrays (a large readout has hundreds of thousands: no object per token). */
export interface PackedTokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  type: Uint8Array;
  modifiers: Int32Array;
}

/** Spans of one token type, as parallel arrays. */
class Run {
  start: Int32Array;
  end: Int32Array;
  modifiers: Int32Array;
  length = 0;
  constructor(capacity: number, readonly type: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.modifiers = new Int32Array(capacity);
  }
  push(start: number, end: number, modifiers: number): void {
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.modifiers[this.length] = modifiers;
    this.length++;
  }
  /** Sorts by start, keeping the order of equal starts (a no-op, and no allocation, when already sorted). */
  sort(): void {
    let sorted = true;
    for (let i = 1; i < this.length && sorted; i++) sorted = this.start[i - 1] <= this.start[i];
    if (sorted) return;
    const order = Array.from({ length: this.length }, (_, i) => i).sort((a, b) => this.start[a] - this.start[b] || a - b);
    this.start = Int32Array.from(order, (i) => this.start[i]);
    this.end = Int32Array.from(order, (i) => this.end[i]);
    this.modifiers = Int32Array.from(order, (i) => this.modifiers[i]);
  }
}

/**
 * Tokens in document order, without overlaps (a cue wins over an entity or actor it overlaps). Cues, actors and
 * entities each come in document order, so this merges three sorted runs in one linear pass: on a large readout
 * a general sort of a few hundred thousand tokens blocked the extension host for hundreds of milliseconds.
 */
export function semanticTokens(analysis: Analysis): PackedTokens {
  const cues = new Run(analysis.cues.length, typeIndex('cue'));
  const actors = new Run(analysis.cues.length, typeIndex('actor'));
  const entities = new Run(analysis.entities.length, typeIndex('entity'));
  const firm = modifierBit('firm');
  const hedged = modifierBit('hedged');
  const negated = modifierBit('negated');
  const sentences = analysis.readout.sentences;
  for (let i = 0; i < analysis.cues.length; i++) {
    const c = analysis.cues[i];
    cues.push(c.start, c.end, (c.strength === 'firm' ? firm : hedged) | (c.negated ? negated : 0));
    // Where the cue's actor is written in its sentence: the last occurrence ending before the cue, found
    // without slicing the sentence.
    const sentence = c.actor ? sentences[c.sentence] : undefined;
    if (!c.actor || !sentence) continue;
    const from = c.start - sentence.start - c.actor.length;
    const at = from < 0 ? -1 : sentence.text.lastIndexOf(c.actor, from);
    if (at >= 0) actors.push(sentence.start + at, sentence.start + at + c.actor.length, 0);
  }
  for (let i = 0; i < analysis.entities.length; i++) {
    const e = analysis.entities[i];
    entities.push(e.start, e.end, modifierBit(e.type));
  }
  const runs = [cues, actors, entities];
  for (const r of runs) r.sort();
  const n = cues.length + actors.length + entities.length;
  const out: PackedTokens = { count: 0, start: new Int32Array(n), end: new Int32Array(n), type: new Uint8Array(n), modifiers: new Int32Array(n) };
  const at = [0, 0, 0];
  let lastEnd = -1;
  for (;;) {
    // The run whose next token starts first; on equal starts the lower type (cue, then actor, then entity).
    let best = -1;
    for (let r = 0; r < 3; r++) {
      if (at[r] >= runs[r].length) continue;
      if (best < 0 || runs[r].start[at[r]] < runs[best].start[at[best]]) best = r;
    }
    if (best < 0) break;
    const run = runs[best];
    const i = at[best]++;
    if (out.count > 0 && run.start[i] < lastEnd) continue;
    out.start[out.count] = run.start[i];
    out.end[out.count] = run.end[i];
    out.type[out.count] = run.type;
    out.modifiers[out.count] = run.modifiers[i];
    lastEnd = run.end[i];
    out.count++;
  }
  return out;
}

/**
 * The tokens of the sentences that overlap `[start, end)` (whole sentences, so an actor before its cue is found
 * even when the cue lies past the range): the cues, the entities and the sentences of an Analysis are each in
 * document order, so this is two binary searches and the tokens of a few sentences, whatever the readout's size.
 */
export function semanticTokensIn(analysis: Analysis, start: number, end: number): PackedTokens {
  const sentences = analysis.readout.sentences;
  const first = lowerBound(sentences, start + 1, (s) => s.end);
  const last = lowerBound(sentences, end, (s) => s.start);
  const from = first < sentences.length ? Math.min(start, sentences[first].start) : start;
  const to = last > 0 ? Math.max(end, sentences[last - 1].end) : end;
  const cues = analysis.cues.slice(lowerBound(analysis.cues, first, (c) => c.sentence), lowerBound(analysis.cues, last, (c) => c.sentence));
  const entities = analysis.entities.slice(lowerBound(analysis.entities, from, (e) => e.start), lowerBound(analysis.entities, to, (e) => e.start));
  return semanticTokens({ ...analysis, cues, entities });
}

/**
 * Semantic tokens for the range the editor shows (and a little around it), never for the whole document: the
 * editor asks again after every edit and on scrolling, and a whole large readout's tokens (hundreds of
 * thousands, sent to the editor each time) cost tens of milliseconds per keystroke; the range's cost only a few
 * sentences'. The TextMate grammar colours cue words everywhere meanwhile.
 */
export class ReadoutSemanticTokensProvider implements vscode.DocumentRangeSemanticTokensProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[];
  private registration: vscode.Disposable;

  /** Registers itself for `selector`. */
  constructor(private readonly analyses: AnalysisService, lexicons: LexiconService, private readonly selector: vscode.DocumentSelector) {
    this.registration = this.register();
    this.disposables = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readoutLens.semanticHighlighting')) this.refresh();
      }),
      // New user lexicon entities change the tokens without a document edit.
      lexicons.onDidChange(() => this.refresh()),
    ];
  }

  private register(): vscode.Disposable {
    return vscode.languages.registerDocumentRangeSemanticTokensProvider(this.selector, this, legend);
  }

  /**
   * Makes the editor ask again. A range provider has no change event: the editor asks after an edit and on
   * scrolling, and whenever a provider is registered or unregistered, so a new setting or lexicon re-registers.
   */
  private refresh(): void {
    this.registration.dispose();
    this.registration = this.register();
  }

  dispose(): void {
    this.registration.dispose();
    for (const d of this.disposables) d.dispose();
  }

  async provideDocumentRangeSemanticTokens(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    const builder = new vscode.SemanticTokensBuilder(legend);
    if (!getSettings(document.uri).semanticHighlighting) return builder.build();
    if (token.isCancellationRequested) return undefined;
    const analysis = await this.analyses.getAsync(document, token);
    if (!analysis || token.isCancellationRequested) return undefined;
    const lines = this.analyses.lines(document);
    const tokens = semanticTokensIn(analysis, document.offsetAt(range.start), document.offsetAt(range.end));
    const starts = lines.starts;
    for (let i = 0; i < tokens.count; i++) {
      const start = tokens.start[i];
      const end = tokens.end[i];
      const aLine = lines.line(start);
      const aChar = start - starts[aLine];
      const bLine = lines.line(end);
      const bChar = end - starts[bLine];
      // Semantic tokens cannot span lines: split a token that crosses a line break.
      if (aLine === bLine) builder.push(aLine, aChar, bChar - aChar, tokens.type[i], tokens.modifiers[i]);
      else {
        for (let l = aLine; l <= bLine; l++) {
          const from = l === aLine ? aChar : 0;
          const to = l === bLine ? bChar : document.lineAt(l).text.length;
          if (to > from) builder.push(l, from, to - from, tokens.type[i], tokens.modifiers[i]);
        }
      }
    }
    return builder.build();
  }
}
