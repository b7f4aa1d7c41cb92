// The text of each open document version, read once and then kept up to date from the edits, or read a part
// at a time over turns of the event loop, and where its lines start; the editor's document type is a parameter,
// so no 'vscode' import.
import { LineIndex, pushLineStarts } from '../core/text/lines';
import { SLICE_MS, type TurnScheduler } from './scheduler';

/** What is read of an editor document directly; a vscode.TextDocument is one. */
export interface VersionedDocument {
  readonly version: number;
  readonly isClosed: boolean;
  readonly lineCount: number;
}

/** How the adapter reads a document's text (through the editor API). */
export interface DocumentReader<D> {
  /** The whole text, in one getText(). */
  whole(doc: D): string;
  /** Lines `first` to `last`, with the line break after `last` unless it is the document's last line. */
  lines(doc: D, first: number, last: number): string;
  /** The text's length in UTF-16 units, without reading the text. */
  length(doc: D): number;
}

/** One edit as the editor reports it: the replaced range as offsets into the previous version, and its new text. */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/** Lines read per event-loop turn by textInTurns: about 64 KB of a readout whose paragraphs are single lines. */
const LINES_PER_TURN = 64;

/**
 * A version's text and, once asked for or read in turns, where its lines start. `starts` are kept through the
 * edits only for text without a carriage return (`lf`): an edit there can neither split nor join a line break.
 */
interface Kept {
  version: number;
  text: string;
  starts?: Int32Array;
  lf?: boolean;
}

/**
 * The line starts after replacing [offset, offset + removed) with `inserted`, in text with no carriage return:
 * the starts up to the edit, those the inserted text brings, and the ones after it shifted. It reads only the
 * inserted text: a scan of the whole text (and, after edits, V8 copying it into one piece first) took 78 ms on a
 * 10 MB readout.
 */
export function editedLineStarts(starts: Int32Array, offset: number, removed: number, inserted: string): Int32Array {
  let before = 0;
  let hi = starts.length;
  while (before < hi) {
    const mid = (before + hi) >> 1;
    if (starts[mid] <= offset) before = mid + 1;
    else hi = mid;
  }
  let after = before;
  while (after < starts.length && starts[after] <= offset + removed) after++;
  const added: number[] = [];
  pushLineStarts(inserted, offset, added);
  const out = new Int32Array(before + added.length + starts.length - after);
  out.set(starts.subarray(0, before));
  out.set(added, before);
  const shift = inserted.length - removed;
  for (let i = after, k = before + added.length; i < starts.length; i++, k++) out[k] = starts[i] + shift;
  return out;
}

export class DocumentTexts<D extends VersionedDocument & object> {
  /** The text of a document version read last, so the analysis and the line index share one getText(). */
  private readonly last = new WeakMap<D, Kept>();

  constructor(private readonly reader: DocumentReader<D>, private readonly scheduler: TurnScheduler) {}

  /**
   * The document's text. getText() joins every line of the document, which takes 10–100 ms on a 10 MB readout,
   * so the text is read once and then kept up to date from the edits (see followEdits).
   */
  textOf(doc: D): string {
    return this.kept(doc).text;
  }

  private kept(doc: D): Kept {
    const hit = this.last.get(doc);
    if (hit && hit.version === doc.version) return hit;
    const kept: Kept = { version: doc.version, text: this.reader.whole(doc) };
    this.last.set(doc, kept);
    return kept;
  }

  /**
   * Where each line of the document's current version starts (as src/core/text/lines.ts counts lines): found
   * while the text was read in turns, or kept through the edits, else computed once from the text.
   */
  lineStarts(doc: D): Int32Array {
    const kept = this.kept(doc);
    if (!kept.starts) {
      kept.starts = new LineIndex(kept.text).starts;
      kept.lf = kept.text.indexOf('\r') < 0;
    }
    return kept.starts;
  }

  /**
   * The length of the document's current version: that of the text kept for it when there is one, since the
   * editor's offsetAt sums every line's length after an edit (15 ms on a 10 MB readout in a CPU profile).
   */
  length(doc: D): number {
    const kept = this.last.get(doc);
    if (kept && kept.version === doc.version) return kept.text.length;
    return this.reader.length(doc);
  }

  /**
   * The document's text like textOf, but read a part at a time over turns of the event loop when it is not kept
   * yet: getText() on a 10 MB readout blocked the extension host for 40-90 ms in one go. Resolves undefined when
   * the document changed or closed meanwhile (the caller's job is stale then).
   */
  async textInTurns(doc: D): Promise<string | undefined> {
    const hit = this.last.get(doc);
    const version = doc.version;
    if (hit && hit.version === version) return hit.text;
    const parts: string[] = [];
    const starts: number[] = [0];
    let length = 0;
    let lf = true;
    // Start on a turn of its own: callers arrive at the end of other work (the lexicons loading, an analysis
    // arriving), and a first slice there would lengthen that turn.
    await this.scheduler.nextTurn(true);
    if (doc.isClosed || doc.version !== version) return undefined;
    let sliceStart = performance.now();
    for (let line = 0; line < doc.lineCount; line += LINES_PER_TURN) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await this.scheduler.nextTurn(true);
        if (doc.isClosed || doc.version !== version) return undefined;
        sliceStart = performance.now();
      }
      const part = this.reader.lines(doc, line, Math.min(doc.lineCount, line + LINES_PER_TURN) - 1);
      parts.push(part);
      // The line starts come with the parts, in the same turns: found later, they took one long scan.
      if (lf && part.indexOf('\r') >= 0) lf = false;
      if (lf) pushLineStarts(part, length, starts);
      length += part.length;
    }
    const text = parts.join('');
    this.last.set(doc, lf ? { version, text, starts: Int32Array.from(starts), lf } : { version, text });
    return text;
  }

  /**
   * Applies the edits that made the document's current version to the text kept for it, in order, as the
   * extension host applies them to its copy: string concatenation, so an edit costs no copy of the text (V8
   * joins the pieces when the text is next scanned). Forgets the text when an edit cannot be applied exactly.
   */
  followEdits(doc: D, changes: readonly TextChange[], eol: '\n' | '\r\n'): void {
    const hit = this.last.get(doc);
    if (!hit || hit.version >= doc.version) return;
    let text = hit.text;
    let starts = hit.lf && eol === '\n' ? hit.starts : undefined;
    for (const c of changes) {
      // The extension host splits inserted text at any line break and joins lines with the document's EOL.
      const foreignBreak = eol === '\n' ? /\r/.test(c.text) : /\r(?!\n)|(?<!\r)\n/.test(c.text);
      if (foreignBreak || c.rangeOffset + c.rangeLength > text.length) {
        this.last.delete(doc);
        return;
      }
      text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
      if (starts) starts = editedLineStarts(starts, c.rangeOffset, c.rangeLength, c.text);
    }
    this.last.set(doc, starts ? { version: doc.version, text, starts, lf: true } : { version: doc.version, text });
  }
}
