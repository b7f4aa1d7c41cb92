// Hover on a readout: the cue's classification and the entity's card, together when a range has both, and why the
// sentence has its topic when the hover is on a cue, a name or a word that decided it.
import * as vscode from 'vscode';
import { cueCard, entityCard } from '../core/report/cards';
import { escapeText } from '../core/report/markdownText';
import { explainTopic } from '../core/report/topicEvidence';
import type { Analysis, TopicId } from '../core/types';
import type { CompiledLexicon } from '../core/pipeline/compile';
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
    const evidence = evidenceAt(analysis, offset);
    if (evidence !== undefined) {
      const r = new vscode.Range(document.positionAt(evidence[0]), document.positionAt(evidence[1]));
      range = range ? range.union(r) : r;
    }
    if (parts.length > 0 || evidence !== undefined) {
      const why = whyAt(analysis, offset, compiled);
      if (why !== undefined) parts.push(new vscode.MarkdownString(`**Topic:** ${escapeText(why)}`));
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }
}

/** The evidence span of the sentence's topic under `offset`, if any. */
function evidenceAt(analysis: Analysis, offset: number): [number, number] | undefined {
  const sentence = spanAt(analysis.readout.sentences, offset);
  const spans = sentence && analysis.topics[sentence.index]?.evidence?.spans;
  if (spans === undefined) return undefined;
  for (let k = 0; k + 1 < spans.length; k += 2) if (offset >= spans[k] && offset < spans[k + 1]) return [spans[k], spans[k + 1]];
  return undefined;
}

function whyAt(analysis: Analysis, offset: number, compiled: CompiledLexicon): string | undefined {
  const sentence = spanAt(analysis.readout.sentences, offset);
  return sentence && explainTopic(analysis, sentence.index, (id) => compiled.topicById.get(id as TopicId)?.label ?? id);
}
