// Parses a readout: its layout (header, paragraphs, comments, problems) and the sentences of every paragraph,
// all as UTF-16 offsets into the untouched file text.
import { isBinarySpan, mayHoldBinary } from '../text/binary';
import type { Paragraph, ParsedReadout, Sentence } from '../types';
import { binaryProblem, readoutLayout, type ParagraphSpan } from './layout';
import { SentenceBounds, TerminalFinder, splitSentences } from './sentences';
import type { SentenceWords } from './words';

/**
 * The paragraphs and sentences of parseReadout, skipping binary paragraphs (counted in `binary`). A function of
 * its own so that V8's code for the long loop, optimised while it runs, has no code after it that lacks type
 * feedback (which would throw the code out at every call).
 */
function splitAll(
  text: string,
  spans: readonly ParagraphSpan[],
  maybeBinary: boolean,
  paragraphs: Paragraph[],
  sentences: Sentence[],
  binary: { first: number; paragraphs: number },
  words: SentenceWords,
): void {
  const terminals = new TerminalFinder(text);
  const bounds = new SentenceBounds();
  for (const p of spans) {
    if (maybeBinary && isBinarySpan(text, p.start, p.end)) {
      if (binary.first < 0) binary.first = p.start;
      binary.paragraphs++;
      continue;
    }
    const count = splitSentences(text, p.start, p.end, p.lineStarts, bounds, words, terminals);
    const at = bounds.at;
    const index = paragraphs.length;
    const own = new Array<number>(count);
    for (let k = 0; k < count; k++) {
      const start = at[2 * k];
      const end = at[2 * k + 1];
      own[k] = sentences.length;
      sentences.push({ start, end, index: sentences.length, paragraph: index, text: text.slice(start, end) });
    }
    paragraphs.push({ start: p.start, end: p.end, index, sentences: own });
  }
}

/**
 * Parses a readout. Never throws: anything odd in the text becomes a `problems` entry. Paragraphs that look
 * binary (NUL bytes, control characters) are reported once and not split into sentences, so no cue or entity
 * is read out of junk; lines over LONG_LINE_LENGTH are reported (and still analysed).
 */
export function parseReadout(text: string, words: SentenceWords): ParsedReadout {
  const layout = readoutLayout(text);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const binary = { first: -1, paragraphs: 0 };
  splitAll(text, layout.paragraphs, mayHoldBinary(text), paragraphs, sentences, binary, words);
  const problems = layout.problems;
  if (binary.first >= 0) problems.push(binaryProblem(text, binary.first, binary.paragraphs));
  const n = text.length;
  return { header: layout.header, body: { start: Math.min(layout.bodyStart, n), end: n }, paragraphs, sentences, comments: layout.comments, problems };
}
