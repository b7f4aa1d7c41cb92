// A readout's layout: header, paragraph spans with their line starts, analyst-note comments, long lines and
// binary paragraphs. Each paragraph's sentences depend on its own text alone (`splitParagraph`).
import { formatCount } from '../text/format';
import { isBinarySpan, mayHoldBinary } from '../text/binary';
import type { Comment, ReadoutHeader, ReadoutProblem, Span } from '../types';
import { nextLineStart, parseHeader } from './header';
import { SentenceBounds, isSpaceCode, splitSentences } from './sentences';
import type { SentenceWords } from './words';

/** Lines longer than this are reported: they are usually generated or binary data, not prose. */
export const LONG_LINE_LENGTH = 100_000;
const MAX_LONG_LINE_REPORTS = 10;
/** Where a paragraph is: its span and the first non-space offset of each of its lines after the first. */
export interface ParagraphSpan extends Span {
  lineStarts: number[];
}

/**
 * The layout of a readout without its sentences: header, paragraph spans, comments and the problems found on
 * the way (header problems, long lines). Each paragraph's sentences depend on that paragraph's text alone
 * (`splitParagraph`), which is what lets an incremental analysis reuse unchanged paragraphs.
 */
export interface ReadoutLayout {
  header: ReadoutHeader;
  bodyStart: number;
  paragraphs: ParagraphSpan[];
  comments: Comment[];
  problems: ReadoutProblem[];
}

export function readoutLayout(text: string): ReadoutLayout {
  const problems: ReadoutProblem[] = [];
  let longLines = 0;
  const { header, bodyStart } = parseHeader(text, problems);
  const n = text.length;
  const paragraphs: ParagraphSpan[] = [];
  const comments: Comment[] = [];
  let paraStart = -1;
  let paraEnd = -1;
  // Most paragraphs are one line: they share one empty list (never pushed to) until a second line appears.
  const noLines: number[] = [];
  let lineStarts: number[] = noLines;
  const closeParagraph = (): void => {
    if (paraStart < 0) return;
    paragraphs.push({ start: paraStart, end: paraEnd, lineStarts });
    paraStart = -1;
    lineStarts = noLines;
  };
  // Line ends by indexOf (native): the next LF and CR at or after the line start, kept while still ahead.
  let nextLf = -1;
  let nextCr = -1;
  let pos = bodyStart;
  while (pos < n) {
    if (nextLf < pos) nextLf = text.indexOf('\n', pos) >>> 0;
    if (nextCr < pos) nextCr = text.indexOf('\r', pos) >>> 0;
    // (indexOf's -1 became 2^32 - 1: never found, always ahead.) The same line end as lineEndAt(text, pos).
    const le = Math.min(nextLf, nextCr, n);
    if (le - pos > LONG_LINE_LENGTH && longLines++ < MAX_LONG_LINE_REPORTS) {
      problems.push({
        start: pos,
        end: Math.min(le, pos + 1),
        code: 'long-line',
        message: `This line is ${formatCount(le - pos)} characters long (over ${formatCount(LONG_LINE_LENGTH)}): it may be generated or binary data rather than a readout.`,
        severity: 'info',
      });
    }
    let fnw = pos;
    while (fnw < le && isSpaceCode(text.charCodeAt(fnw))) fnw++;
    if (fnw < le) {
      let lnw = le;
      while (lnw > fnw && isSpaceCode(text.charCodeAt(lnw - 1))) lnw--;
      if (text.charCodeAt(fnw) === 47 && text.charCodeAt(fnw + 1) === 47) {
        // A comment line also ends the paragraph, so no sentence span ever runs across a note.
        closeParagraph();
        comments.push({ start: fnw, end: lnw, text: text.slice(fnw, lnw) });
      } else {
        if (paraStart < 0) paraStart = fnw;
        else if (lineStarts === noLines) lineStarts = [fnw];
        else lineStarts.push(fnw);
        paraEnd = lnw;
      }
    } else {
      closeParagraph();
    }
    const next = nextLineStart(text, le);
    if (next === le) break;
    pos = next;
  }
  closeParagraph();
  return { header, bodyStart, paragraphs, comments, problems };
}

/** Does the paragraph hold binary content (checked only when the text holds a control character at all)? */
export function isBinaryParagraph(text: string, span: Span, maybeBinary = mayHoldBinary(text)): boolean {
  return maybeBinary && isBinarySpan(text, span.start, span.end);
}

/** The sentence spans of one paragraph (a span of `readoutLayout`), in order. Reads only [start, end). */
export function splitParagraph(text: string, paragraph: ParagraphSpan, words: SentenceWords, bounds = new SentenceBounds()): Span[] {
  const count = splitSentences(text, paragraph.start, paragraph.end, paragraph.lineStarts, bounds, words);
  const out = new Array<Span>(count);
  const at = bounds.at;
  for (let k = 0; k < count; k++) out[k] = { start: at[2 * k], end: at[2 * k + 1] };
  return out;
}

/** The binary-content problem for `count` skipped paragraphs, the first starting at `first`. */
export function binaryProblem(text: string, first: number, count: number): ReadoutProblem {
  const nul = text.indexOf('\u0000', first);
  const at = nul >= 0 ? nul : first;
  return {
    start: at,
    end: at + 1,
    code: 'binary-content',
    message:
      `The text contains binary content (NUL or control characters); ${formatCount(count)} ` +
      `paragraph${count === 1 ? '' : 's'} holding it ${count === 1 ? 'was' : 'were'} not analysed.`,
    severity: 'warning',
  };
}

