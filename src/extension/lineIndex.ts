// Line starts of one document version (src/core/text/lines.ts) as VS Code positions, for offset → position
// without a document.positionAt call per offset: diagnostics, semantic tokens and the outline convert tens of
// thousands of offsets on a large readout. AnalysisService.lines() keeps one per document version.
import * as vscode from 'vscode';
import { LineIndex as TextLines } from '../core/text/lines';

export class LineIndex {
  private readonly lines: TextLines;
  readonly starts: Int32Array;

  constructor(text: string) {
    this.lines = new TextLines(text);
    this.starts = this.lines.starts;
  }

  /** The line holding `offset`. */
  line(offset: number): number {
    return this.lines.line(offset);
  }

  position(offset: number): vscode.Position {
    const line = this.line(offset);
    return new vscode.Position(line, offset - this.starts[line]);
  }

  range(start: number, end: number): vscode.Range {
    return new vscode.Range(this.position(start), this.position(end));
  }
}
