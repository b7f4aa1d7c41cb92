// Hover on a readout: the cue's classification and the entity's card, together when a range has both.
import * as vscode from 'vscode';
import { cueCard, entityCard } from '../core/report/cards';
import { addToLexiconArguments, unknownName, unknownNameCard } from '../core/report/unknownNames';
import { spanAt } from '../core/text/spans';
import type { AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';

const ADD_TO_LEXICON = 'readoutLens.addToLexicon';

export class ReadoutHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: AnalysisService, private readonly lexicons: LexiconService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const analysis = await this.analyses.getAsync(document, token);
    const compiled = this.lexicons.current();
    if (!analysis || !compiled || token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const cue = spanAt(analysis.cues, offset);
    if (cue) {
      parts.push(new vscode.MarkdownString(cueCard(cue, compiled.cueById.get(cue.patternId))));
      range = new vscode.Range(document.positionAt(cue.start), document.positionAt(cue.end));
    }
    const mention = spanAt(analysis.entities, offset);
    const entry = mention && compiled.entityById.get(mention.id);
    const unknown = mention && !entry && mention.known === false ? unknownName(analysis, mention.id) : undefined;
    if (mention && entry) {
      const md = new vscode.MarkdownString(entityCard(entry));
      md.isTrusted = false;
      parts.push(md);
    } else if (mention && unknown) {
      const args = encodeURIComponent(JSON.stringify(addToLexiconArguments(unknown, document.uri.toString())));
      const line = document.positionAt(analysis.entities[unknown.first].start).line;
      const md = new vscode.MarkdownString(unknownNameCard(unknown, line, `command:${ADD_TO_LEXICON}?${args}`));
      // The card's one link runs the one command it names, whatever the readout's text holds.
      md.isTrusted = { enabledCommands: [ADD_TO_LEXICON] };
      parts.push(md);
    }
    if (mention && (entry || unknown)) {
      const r = new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end));
      range = range ? range.union(r) : r;
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }
}
