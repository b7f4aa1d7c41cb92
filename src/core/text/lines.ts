// Offsets → 0-based lines and columns, for everything that reports positions (the CLI's CSV and SARIF, and the
// editor's diagnostics, tokens, outline and folding through src/extension's LineIndex). Lines break at \r\n, \n
// and a lone \r, as in VS Code.

export class LineIndex {
  /** The offset where each line starts. */
  readonly starts: Int32Array;

  constructor(text: string) {
    const starts: number[] = [0];
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) starts.push(i + 1);
      }
    }
    this.starts = Int32Array.from(starts);
  }

  /** The line holding `offset`. */
  line(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.line(offset);
    return { line, column: offset - this.starts[line] };
  }
}
