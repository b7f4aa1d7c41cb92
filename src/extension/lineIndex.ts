// Line starts of one document version (src/runtime/documentText.ts keeps them through the edits) as VS Code
// positions, for offset → position without a document.positionAt call per offset: diagnostics, semantic tokens
// and the outline convert tens of thousands of offsets on a large readout. AnalysisService.lines() keeps one per
// document version.
import * as vscode from 'vscode';
import { lineAt } from '../core/text/lines';

export class LineIndex {
  /** `starts`: the offset where each line starts, as src/core/text/lines.ts finds them. */
  constructor(readonly starts: Int32Array) {}

  /** The line holding `offset`; `from`, a line at or before it, for lookups in document order (see lineAt). */
  line(offset: number, from = 0): number {
    return lineAt(this.starts, offset, from);
  }

  position(offset: number): vscode.Position {
    const line = this.line(offset);
    return new vscode.Position(line, offset - this.starts[line]);
  }

  range(start: number, end: number): vscode.Range {
    return new vscode.Range(this.position(start), this.position(end));
  }
}
