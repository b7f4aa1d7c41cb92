// The Why this topic? command (the topic tree's context menu, or the sentence at the cursor): tells the reader what
// decided a sentence's topic, from the Analysis' evidence (core/report/topicEvidence.ts).
import * as vscode from 'vscode';
import { spanAt } from '../core/text/spans';
import type { TopicId } from '../core/types';
import { explainTopic } from '../core/report/topicEvidence';
import { isReadout, type AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';

/** What the topic tree passes: a statement node's document and sentence. */
interface StatementArgument {
  uri: vscode.Uri;
  sentence: { index: number };
}

function isStatement(arg: unknown): arg is StatementArgument {
  const a = arg as Partial<StatementArgument> | undefined;
  return a !== undefined && a !== null && a.uri instanceof vscode.Uri && typeof a.sentence?.index === 'number';
}

export class WhyThisTopicCommand implements vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly analyses: AnalysisService, private readonly lexicons: LexiconService) {
    this.registration = vscode.commands.registerCommand('readoutLens.whyThisTopic', (arg: unknown) => this.run(arg));
  }

  /** Shows why the statement (or the sentence at the cursor) has its topic, and returns the text shown. */
  async run(arg: unknown, token?: vscode.CancellationToken): Promise<string | undefined> {
    let document: vscode.TextDocument | undefined;
    let index: number | undefined;
    let offset: number | undefined;
    if (isStatement(arg)) {
      document = await vscode.workspace.openTextDocument(arg.uri);
      index = arg.sentence.index;
    } else {
      const editor = vscode.window.activeTextEditor;
      if (editor !== undefined && isReadout(editor.document)) {
        document = editor.document;
        offset = document.offsetAt(editor.selection.active);
      }
    }
    if (document === undefined) {
      void vscode.window.showInformationMessage('Choose a statement in the Topics view, or put the cursor in a readout sentence.');
      return undefined;
    }
    const analysis = await this.analyses.getAsync(document, token);
    if (analysis === undefined || token?.isCancellationRequested) return undefined;
    if (index === undefined && offset !== undefined) index = spanAt(analysis.readout.sentences, offset)?.index;
    const compiled = this.lexicons.current();
    const why = index === undefined ? undefined : explainTopic(analysis, index, (id) => compiled?.topicById.get(id as TopicId)?.label ?? id);
    void vscode.window.showInformationMessage(why ?? 'The cursor is not in a sentence of the readout.');
    return why;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
